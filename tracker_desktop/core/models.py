"""The schema: every table, column, constraint and index, declared once, as peewee models.

A new database is created from these classes (``create_schema``); an older file is brought
to the same schema by ``core/migrations.py``, and a test compares the two, so they cannot
drift. Queries, reads and writes alike, go through these models.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

import peewee

from tracker_desktop.core.clock import from_epoch, to_epoch

# Models are bound to an open database only for the duration of each transaction
# (Storage.atomic and Storage.snapshot), so two open files in one process never mix.
unbound = peewee.DatabaseProxy()


class UtcSecondsField(peewee.BigIntegerField):
    """An instant stored as whole seconds since the Unix epoch (UTC); aware in Python."""

    def db_value(self, value: datetime | None) -> int | None:
        return None if value is None else to_epoch(value)

    def python_value(self, value: int | None) -> datetime | None:
        return None if value is None else from_epoch(value)


class BaseModel(peewee.Model):
    class Meta:
        database = unbound
        legacy_table_names = False


class Record(BaseModel):
    """A row with an integer id, which every change (and its undo) names it by."""

    id = peewee.AutoField()


class SessionRecord(Record):
    """A work session; ``ended_at`` is NULL while it runs."""

    name = peewee.TextField(default="", constraints=[peewee.Check("length(name) <= 500")])
    # Period queries are range scans over the start time.
    started_at = UtcSecondsField(index=True)
    ended_at = UtcSecondsField(
        null=True, constraints=[peewee.Check("ended_at IS NULL OR ended_at >= started_at")]
    )
    created_at = UtcSecondsField()
    updated_at = UtcSecondsField()

    class Meta:
        table_name = "session"


# At most one running session, enforced by the database itself: a unique index over the
# constant "true" of every row without an end.
SessionRecord.add_index(
    SessionRecord.index(
        SessionRecord.ended_at.is_null(), unique=True, name="session_one_running"
    ).where(SessionRecord.ended_at.is_null())
)


class Stat(BaseModel):
    """Figures the database keeps up to date by itself (see ``SESSION_TRIGGERS``)."""

    key = peewee.TextField(primary_key=True)
    value = peewee.BigIntegerField()

    class Meta:
        table_name = "stats"


LONGEST_FINISHED = "longest_finished_seconds"
# A random number given to each database when it is made: a journal (-wal) that was
# written for another database shows its own (see storage._check_journal).
DATABASE_ID = "database_id"
# Counts committed write transactions; each one rewrites the page that holds it and the
# database id, so every journal carries the id of the database it belongs to.
COMMITS = "commits"

# The longest finished session bounds how far before a period a session overlapping it
# can start, so a period query needs no full scan. Triggers keep it, whoever writes.
# (Triggers are the one part of the schema peewee cannot declare.)


def _longest_trigger(name: str, event: str) -> str:
    return f"""CREATE TRIGGER {name} AFTER {event} ON session
       WHEN NEW.ended_at IS NOT NULL BEGIN
         UPDATE stats SET value = max(value, NEW.ended_at - NEW.started_at)
         WHERE key = '{LONGEST_FINISHED}';
       END"""


SESSION_TRIGGERS = (
    _longest_trigger("session_longest_insert", "INSERT"),
    _longest_trigger("session_longest_update", "UPDATE OF started_at, ended_at"),
)

# Every table, in the order they are created (a table before those that refer to it).
MODELS: tuple[type[BaseModel], ...] = (SessionRecord, Stat)
# The tables whose rows changes touch (and undo restores), in the same order.
RECORDS: tuple[type[Record], ...] = tuple(m for m in MODELS if issubclass(m, Record))
RECORDS_BY_TABLE: dict[str, type[Record]] = {m._meta.table_name: m for m in RECORDS}


def create_schema(database: peewee.Database) -> None:
    """Creates every table, index and trigger in the empty ``database`` (inside the
    caller's transaction)."""
    with database.bind_ctx(MODELS, bind_refs=False, bind_backrefs=False):
        database.create_tables(MODELS, safe=False)
        for trigger in SESSION_TRIGGERS:
            database.execute_sql(trigger)  # type: ignore[no-untyped-call]
        Stat.insert_many(
            [(LONGEST_FINISHED, 0), (DATABASE_ID, secrets.randbits(62)), (COMMITS, 0)],
            fields=[Stat.key, Stat.value],
        ).execute()


def row_values(record: BaseModel) -> dict[str, Any]:
    """Every column of ``record`` (Python values), by field name."""
    return {name: getattr(record, name) for name in record._meta.fields}
