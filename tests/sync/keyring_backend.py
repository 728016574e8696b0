"""A keyring for the tests: a JSON file named by $TRACKER_TEST_KEYRING (never the user's
real keyring). Selected with PYTHON_KEYRING_BACKEND=tests.sync.keyring_backend.FileKeyring."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ["TRACKER_TEST_KEYRING"])

    def _read(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        stored = self._read()
        stored[f"{service}\n{username}"] = password
        self._path().write_text(json.dumps(stored))

    def delete_password(self, service: str, username: str) -> None:
        stored = self._read()
        stored.pop(f"{service}\n{username}", None)
        self._path().write_text(json.dumps(stored))
