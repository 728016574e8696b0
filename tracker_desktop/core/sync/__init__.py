"""Sync: several machines (and people) share one PostgreSQL server; each machine keeps
its own SQLite file, works offline, and exchanges changes when it can.

The public face for the command line and the window. Importing this package is cheap:
psycopg and keyring are imported only when a function here talks to a server or a
keyring. ``sync_now`` may run on a worker thread, with its own ``Tracker`` (and its own
``Storage``) opened on the same data folder.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from tracker_desktop.core.errors import TrackerError

if TYPE_CHECKING:
    from tracker_desktop.core.service import Tracker

__all__ = [
    "KeyringUnavailable",
    "SyncResult",
    "SyncStatus",
    "SyncUnavailable",
    "check_connection",
    "connect",
    "disconnect",
    "stored_password",
    "sync_now",
    "sync_status",
]


class SyncUnavailable(TrackerError):
    """The server cannot be used now: unreachable, a wrong password, a refused connection
    (exit 3). Local data is untouched; ``server`` (URL without password) and ``reason``
    say which and why."""

    exit_code = 3

    def __init__(self, server: str, reason: str) -> None:
        super().__init__(f"cannot sync with {server}: {reason}")
        self.server = server
        self.reason = reason


class KeyringUnavailable(TrackerError):
    """No system keyring to keep the password in (the message says what to do instead:
    libpq's ~/.pgpass)."""

    exit_code = 3


class SyncStatus(NamedTuple):
    """This folder's sync state, from local data only (works offline)."""

    configured: bool
    server: str | None  # postgresql://user@host:port/db, never with a password
    last_sync: datetime | None  # when a sync last finished (UTC), None: never
    pending_changes: int  # rows changed here and not yet on the server


class SyncResult(NamedTuple):
    """What one ``sync_now`` did."""

    pushed: int  # rows sent to the server
    pulled: int  # rows from the server applied here
    notices: list[str]  # for the user: running sessions stopped, names merged


def sync_status(tracker: Tracker) -> SyncStatus:
    """This folder's sync state; reads only the local database."""
    from tracker_desktop.core.sync import local

    return local.status(tracker)


def sync_now(tracker: Tracker, *, password: str | None = None) -> SyncResult:
    """Pushes this folder's changes and pulls the server's until both agree.

    ``password`` None: the stored one (keyring, else libpq's ~/.pgpass). Raises
    SyncUnavailable when the server cannot be used, NotFoundError when sync is not set up.
    """
    from tracker_desktop.core.sync import engine

    return engine.sync_now(tracker, password=password)


def connect(tracker: Tracker, url: str, password: str | None) -> None:
    """Connects this folder to the server at ``url`` as its user: checks the connection,
    stores ``password`` in the system keyring (None: libpq's ~/.pgpass must have it) and
    marks every local row to be sent. The first sync is the caller's next step."""
    from tracker_desktop.core.sync import engine

    engine.connect(tracker, url, password)


def disconnect(tracker: Tracker) -> None:
    """Disconnects this folder (local data stays; the stored password is forgotten)."""
    from tracker_desktop.core.sync import engine

    engine.disconnect(tracker)


def check_connection(url: str, password: str | None) -> None:
    """Connects to ``url`` and checks it is a prepared server and a plain user's role;
    raises SyncUnavailable (or TrackerError) saying why not."""
    from tracker_desktop.core.sync import engine

    engine.check_connection(url, password)


def stored_password(server: str, user: str) -> str | None:
    """The password stored in the system keyring for ``user`` on ``server``, if any;
    raises KeyringUnavailable when there is no keyring."""
    from tracker_desktop.core.sync import passwords

    return passwords.stored_password(server, user)
