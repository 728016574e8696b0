"""A private PostgreSQL server for the whole session, a fresh database prepared with
``server init`` per test, users made with ``server add-user``, and a test keyring."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests import postgres
from tests.support import FakeClock
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import open_storage
from tracker_desktop.core.sync import engine

REPO = Path(__file__).resolve().parents[2]
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[postgres.Server]:
    with postgres.running_server() as server:
        yield server


@pytest.fixture(autouse=True)
def test_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tests' keyring file and password file: never the user's own."""
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.sync.keyring_backend.FileKeyring")
    monkeypatch.setenv("TRACKER_TEST_KEYRING", str(path))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    for variable in ("PGPASSWORD", "PGUSER", "PGHOST", "PGSSLMODE", "PGSERVICE"):
        monkeypatch.delenv(variable, raising=False)
    return path


class Db:
    """One test's database on the private server, prepared for sync."""

    def __init__(self, server: postgres.Server, name: str) -> None:
        self.server, self.name = server, name

    def admin_url(self) -> str:
        return self.server.url(db=self.name)

    def url(self, user: str, password: str | None = None) -> str:
        return self.server.url(user=user, password=password, db=self.name)

    def add_user(self, name: str, password: str = "secret", *, manager: bool = False) -> str:
        engine.add_user(self.admin_url(), None, name, password, manager=manager)
        return name

    def sql(self, statement: str) -> list[tuple[object, ...]]:
        return postgres.admin_sql(self.server, statement, db=self.name)


@pytest.fixture
def db(pg_server: postgres.Server) -> Db:
    name = f"t{os.getpid()}_{next(_numbers)}"
    postgres.create_database(pg_server, name)
    engine.server_init(pg_server.url(db=name), None)
    return Db(pg_server, name)


@pytest.fixture
def user(db: Db) -> str:
    """A user of its own per test (roles are shared by the server's databases)."""
    return db.add_user(f"u{db.name}")


class Machines:
    """Local data folders (each with its own clock) connected to one server."""

    def __init__(self, tmp_path: Path, db: Db) -> None:
        self.tmp_path, self.db = tmp_path, db
        self.opened: list[Tracker] = []

    def new(self, user: str, *, name: str | None = None, clock: FakeClock | None = None,
            connect: bool = True) -> Tracker:  # fmt: skip
        folder = self.tmp_path / (name or f"machine{len(self.opened) + 1}")
        tracker = Tracker(
            open_storage(folder),
            clock or FakeClock(datetime(2026, 11, 26, 9, 0, tzinfo=UTC)),
            ZoneInfo("Europe/Berlin"),
        )
        self.opened.append(tracker)
        if connect:
            engine.connect(tracker, self.db.url(user), "secret")
        return tracker

    def close(self) -> None:
        for tracker in self.opened:
            tracker.storage.close()


@pytest.fixture
def machines(tmp_path: Path, db: Db) -> Iterator[Machines]:
    made = Machines(tmp_path, db)
    yield made
    made.close()
