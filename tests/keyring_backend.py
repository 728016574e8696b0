"""A keyring for the tests (``PYTHON_KEYRING_BACKEND=tests.keyring_backend.MemoryKeyring``):
passwords kept in this process's memory, so no test ever reaches the user's real keyring."""

from __future__ import annotations

from typing import ClassVar

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Service and user to password, shared by every instance (the tests read it)."""

    priority = 1  # type: ignore[assignment]
    secrets: ClassVar[dict[tuple[str, str], str]] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(f"no password for {username} at {service}")
