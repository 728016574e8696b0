"""The peewee models, through which every change to the sessions is made.

Imported on the first change only (see ``Storage``): reads are plain SQL.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import peewee

from tracker_desktop.core.storage import from_epoch, to_epoch

# Models are bound to an open file only for the duration of each transaction
# (Storage.write), so two open files in one process never mix.
_unbound = peewee.DatabaseProxy()


class UtcSecondsField(peewee.BigIntegerField):
    """An instant stored as whole seconds since the Unix epoch (UTC); aware in Python."""

    def db_value(self, value: datetime | None) -> int | None:
        return None if value is None else to_epoch(value)

    def python_value(self, value: int | None) -> datetime | None:
        return None if value is None else from_epoch(value)


class SessionRecord(peewee.Model):
    """A work session; ``ended_at`` is NULL while it runs."""

    id = peewee.AutoField()
    name = peewee.TextField(default="")
    started_at = UtcSecondsField()
    ended_at = UtcSecondsField(null=True)
    created_at = UtcSecondsField()
    updated_at = UtcSecondsField()

    class Meta:
        database = _unbound
        table_name = "session"


MODELS = (SessionRecord,)


class _AdoptingDatabase(peewee.SqliteDatabase):
    """A peewee database whose first connection on the storage's own thread is the one
    the storage already opened and set up; other threads get their own."""

    def __init__(self, path: Path, connection: sqlite3.Connection, **options: Any) -> None:
        super().__init__(str(path), **options)
        self._adopted: sqlite3.Connection | None = connection
        self._owner = threading.get_ident()

    def _connect(self) -> sqlite3.Connection:
        if self._adopted is not None and threading.get_ident() == self._owner:
            connection, self._adopted = self._adopted, None
            return connection
        return cast(sqlite3.Connection, super()._connect())  # type: ignore[misc]  # not in peewee's stubs


def adopt(
    path: Path,
    connection: sqlite3.Connection,
    pragmas: tuple[tuple[str, str], ...],
    timeout: float,
) -> peewee.SqliteDatabase:
    """A peewee database on ``path`` that starts from ``connection`` (already set up with
    ``pragmas``; further connections get them too). Writes take the lock at once."""
    return _AdoptingDatabase(
        path,
        connection,
        pragmas=pragmas,
        timeout=timeout,
        lock_type="IMMEDIATE",
        autoconnect=True,
    )


def bound(database: peewee.SqliteDatabase) -> contextlib.AbstractContextManager[None]:
    """The models bound to ``database`` for the duration of a ``with`` block."""
    return cast(
        contextlib.AbstractContextManager[None],
        database.bind_ctx(MODELS, bind_refs=False, bind_backrefs=False),
    )
