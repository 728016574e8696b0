"""The schema: every table, column, constraint and index, declared once, as peewee models.

A new database is created from these classes (``create_schema``); an older file is brought
to the same schema by ``core/migrations.py``, and a test compares the two, so they cannot
drift. Queries, reads and writes alike, go through these models.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

import peewee

from tracker_desktop.core.clock import from_epoch, to_epoch
from tracker_desktop.core.migrations import V5_RECORDING, V5_SYNC_TRIGGERS, V5_SYNCED_FIELDS


class ThreadBinding(peewee.DatabaseProxy):
    """The database the models use, set by each thread for itself: a worker thread's
    import and the window's reads, each in its own transaction on its own connection,
    never see each other's binding (peewee's ``bind_ctx`` rebinds for every thread)."""

    __slots__ = ("_local",)

    def __init__(self) -> None:
        object.__setattr__(self, "_local", threading.local())
        super().__init__()

    @property
    def obj(self) -> peewee.Database | None:
        return getattr(self._local, "database", None)

    def __setattr__(self, attr: str, value: Any) -> None:
        if attr == "obj":
            self._local.database = value
        else:  # the slots of DatabaseProxy (Proxy checks this class's slots only)
            object.__setattr__(self, attr, value)

    @contextlib.contextmanager
    def bound(self, database: peewee.Database) -> Iterator[None]:
        """The models use ``database`` in this thread, until the block ends."""
        before = self.obj
        self._local.database = database
        try:
            yield
        finally:
            self._local.database = before


# Models are bound to an open database only for the duration of each transaction
# (Storage.atomic and Storage.snapshot), and only in the thread that runs it, so two
# open files (or two threads) in one process never mix.
unbound = ThreadBinding()


class UtcSecondsField(peewee.BigIntegerField):
    """An instant stored as whole seconds since the Unix epoch (UTC); aware in Python."""

    def db_value(self, value: datetime | None) -> int | None:
        return None if value is None else to_epoch(value)

    def python_value(self, value: int | None) -> datetime | None:
        return None if value is None else from_epoch(value)


def _flag(default: bool) -> peewee.BooleanField:
    """A yes/no column; its default is the database's too, for other programs' rows."""
    return peewee.BooleanField(default=default, constraints=[peewee.SQL(f"DEFAULT {int(default)}")])


class BaseModel(peewee.Model):
    class Meta:
        database = unbound
        legacy_table_names = False


class Record(BaseModel):
    """A row with an integer id, which every change (and its undo) names it by."""

    id = peewee.AutoField()


def _uid() -> peewee.TextField:
    """A row's global id: made by the database of the machine that creates the row (its
    column default: 32 hex digits, 128 random bits, whoever inserts), the same on every
    machine the row is synced to."""
    return peewee.TextField(
        unique=True, constraints=[peewee.SQL("DEFAULT (lower(hex(randomblob(16))))")]
    )


def _label_name() -> peewee.TextField:
    """The name of a client, project or tag: 1 to 100 characters (see core/names.py)."""
    return peewee.TextField(constraints=[peewee.Check("length(name) BETWEEN 1 AND 100")])


def _name_key() -> peewee.TextField:
    """The name folded for comparison: names are unique whatever their case, and keep
    the spelling first typed."""
    return peewee.TextField()


class Client(Record):
    """Whom the work is for; its rate and currency apply to its projects' sessions."""

    name = _label_name()
    name_key = _name_key()
    rate = peewee.TextField(null=True)  # an hourly rate, as exact decimal text
    currency = peewee.TextField(null=True)  # ISO 4217; None: the default currency
    archived = _flag(False)
    created_at = UtcSecondsField()
    updated_at = UtcSecondsField()
    uid = _uid()

    class Meta:
        table_name = "client"
        indexes = ((("name_key",), True),)


class Project(Record):
    """What a session is part of: a name unique within its client, a colour, a rate."""

    name = _label_name()
    name_key = _name_key()
    client = peewee.ForeignKeyField(
        Client, null=True, on_delete="RESTRICT", column_name="client_id", backref="projects"
    )
    color = peewee.TextField(
        constraints=[peewee.Check("length(color) = 7 AND color GLOB '#[0-9a-f]*'")]
    )
    rate = peewee.TextField(null=True)  # None: the client's, else the default rate
    billable = _flag(True)  # what its new sessions start as
    archived = _flag(False)
    created_at = UtcSecondsField()
    updated_at = UtcSecondsField()
    uid = _uid()
    if TYPE_CHECKING:  # the id behind the foreign key (peewee's stubs do not say)
        client_id: int | None

    class Meta:
        table_name = "project"


# Unique within its client; the projects without a client share one scope (a plain
# unique index would let NULLs repeat).
Project.add_index(
    Project.index(
        Project.name_key,
        peewee.fn.ifnull(Project.client, 0),
        unique=True,
        name="project_name_key_client",
    )
)


class Tag(Record):
    name = _label_name()
    name_key = _name_key()
    created_at = UtcSecondsField()
    updated_at = UtcSecondsField()
    uid = _uid()

    class Meta:
        table_name = "tag"
        indexes = ((("name_key",), True),)


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
    project = peewee.ForeignKeyField(
        Project, null=True, on_delete="RESTRICT", column_name="project_id", backref="sessions"
    )
    billable = _flag(True)
    uid = _uid()
    if TYPE_CHECKING:
        project_id: int | None

    class Meta:
        table_name = "session"


# At most one running session, enforced by the database itself: a unique index over the
# constant "true" of every row without an end.
SessionRecord.add_index(
    SessionRecord.index(
        SessionRecord.ended_at.is_null(), unique=True, name="session_one_running"
    ).where(SessionRecord.ended_at.is_null())
)


class SessionTag(Record):
    """A tag on a session."""

    # (Found by session through the unique index below: no index of its own.)
    session = peewee.ForeignKeyField(
        SessionRecord,
        on_delete="CASCADE",
        column_name="session_id",
        backref="tag_links",
        index=False,
    )
    tag = peewee.ForeignKeyField(Tag, on_delete="CASCADE", column_name="tag_id", backref="links")
    if TYPE_CHECKING:
        session_id: int
        tag_id: int

    class Meta:
        table_name = "session_tag"
        indexes = ((("session", "tag"), True),)


class SessionOrigin(Record):
    """Where an imported session came from: the program or format (``source``) and the
    entry's own id there, or a stable hash of the entry where it has none (``key``). A
    second import of the same entry finds it here and adds nothing."""

    session = peewee.ForeignKeyField(
        SessionRecord,
        on_delete="CASCADE",
        column_name="session_id",
        backref="origins",
        unique=True,
    )
    source = peewee.TextField()
    key = peewee.TextField()
    if TYPE_CHECKING:
        session_id: int

    class Meta:
        table_name = "session_origin"
        indexes = ((("source", "key"), True),)


class Setting(BaseModel):
    """The user's preferences that the command line needs too (default rate, currency,
    first day of the week), as text."""

    key = peewee.TextField(primary_key=True)
    value = peewee.TextField()

    class Meta:
        table_name = "setting"


class SyncState(BaseModel):
    """This folder's sync connection (server URL without password, user, pull cursor,
    last sync, whether changes are being recorded), as text; never a password."""

    key = peewee.TextField(primary_key=True)
    value = peewee.TextField()

    class Meta:
        table_name = "sync_state"


class SyncOutbox(BaseModel):
    """A row changed here and not yet on the sync server: which of its synced fields
    changed (bits of ``SYNCED_FIELDS``), or that it was deleted (a tombstone). Written by
    triggers in the change's own transaction, whoever writes (see ``SYNC_TRIGGERS``)."""

    tbl = peewee.TextField()
    uid = peewee.TextField()
    fields = peewee.IntegerField(default=0)
    deleted = _flag(False)
    # Counts the changes recorded; an entry is removed after a push only if no change
    # came in meanwhile (the same field changed again sets no new bit).
    changes = peewee.IntegerField(default=1)

    class Meta:
        table_name = "sync_outbox"
        primary_key = peewee.CompositeKey("tbl", "uid")


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

# What sync exchanges of each row: its synced fields, in the order of their bits in
# ``SyncOutbox.fields`` (a foreign key by the uid of the row it names; a session's
# ``tags`` is the set of its tags' uids). The triggers that record them were frozen by
# migration 5; a change here needs a migration that changes them too.
SYNCED_FIELDS = V5_SYNCED_FIELDS
SYNC_TRIGGERS = V5_SYNC_TRIGGERS
# Whether changes are being recorded for sync (sync is set up, and the change is not
# one that came from the server).
RECORDING = V5_RECORDING
# The outbox's mark of an offered row (see ``sync.local.OFFERED``): added where the server
# lacks it, else only the fields changed here since are sent.
SYNC_OFFERED = 1 << 30

# Every table, in the order they are created (a table before those that refer to it).
MODELS: tuple[type[BaseModel], ...] = (
    Client,
    Project,
    Tag,
    SessionRecord,
    SessionTag,
    SessionOrigin,
    Setting,
    SyncState,
    SyncOutbox,
    Stat,
)
# The tables whose rows changes touch (and undo restores), in the same order.
RECORDS: tuple[type[Record], ...] = tuple(m for m in MODELS if issubclass(m, Record))
RECORDS_BY_TABLE: dict[str, type[Record]] = {m._meta.table_name: m for m in RECORDS}


def create_schema(database: peewee.Database) -> None:
    """Creates every table, index and trigger in the empty ``database`` (inside the
    caller's transaction)."""
    import secrets  # (with random and hmac) for a new database only, not every command

    with unbound.bound(database):
        database.create_tables(MODELS, safe=False)
        for trigger in (*SESSION_TRIGGERS, *SYNC_TRIGGERS):
            database.execute_sql(trigger)  # type: ignore[no-untyped-call]
        Stat.insert_many(
            [(LONGEST_FINISHED, 0), (DATABASE_ID, secrets.randbits(62)), (COMMITS, 0)],
            fields=[Stat.key, Stat.value],
        ).execute()


def row_values(record: BaseModel) -> dict[str, Any]:
    """Every column of ``record`` (Python values; a foreign key as the id it holds), by
    field name."""
    data = record.__data__
    return {name: data.get(name) for name in record._meta.fields}
