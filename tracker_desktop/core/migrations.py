"""How an older database file becomes the current schema (``core/models.py``).

Each step brings a file from version N-1 to N (its position + 1 in ``MIGRATIONS``). Steps
are frozen text: they say what the schema *was*, so they must never follow later changes
of the models. A new file is made from the models directly and marked with
``SCHEMA_VERSION``; a test runs every step on a version-1 file and checks that both end
with the same schema.
"""

from __future__ import annotations

Step = tuple[str, ...]

# What the first release created (and what files of that release still hold).
_V1_LONGEST_TRIGGERS = (
    """CREATE TRIGGER session_longest_insert AFTER INSERT ON session
       WHEN NEW.ended_at IS NOT NULL BEGIN
         UPDATE stats SET value = max(value, NEW.ended_at - NEW.started_at)
         WHERE key = 'longest_finished_seconds';
       END""",
    """CREATE TRIGGER session_longest_update AFTER UPDATE OF started_at, ended_at ON session
       WHEN NEW.ended_at IS NOT NULL BEGIN
         UPDATE stats SET value = max(value, NEW.ended_at - NEW.started_at)
         WHERE key = 'longest_finished_seconds';
       END""",
)

V1: Step = (
    """CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 500),
        started_at INTEGER NOT NULL,
        ended_at INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    )""",
    "CREATE INDEX session_started_at ON session (started_at)",
    "CREATE UNIQUE INDEX session_one_running ON session ((ended_at IS NULL)) "
    "WHERE ended_at IS NULL",
    "CREATE TABLE stats (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "INSERT INTO stats (key, value) VALUES ('longest_finished_seconds', 0)",
    *_V1_LONGEST_TRIGGERS,
)


def rebuild(table: str, definition: str, columns: str, values: str | None = None) -> Step:
    """Statements that give ``table`` a new definition and keep its rows (SQLite's way:
    make the new table, copy, drop the old, rename). ``definition`` is the column list of
    the new table; ``columns`` those filled, with ``values`` (default: the same columns
    of the old table). The old table's indexes and triggers go with it: the step
    creates them again."""
    new = f"{table}_new"
    return (
        f'CREATE TABLE "{new}" ({definition})',
        f'INSERT INTO "{new}" ({columns}) SELECT {values or columns} FROM "{table}"',
        f'DROP TABLE "{table}"',
        f'ALTER TABLE "{new}" RENAME TO "{table}"',
    )


# Version 2: the schema as the peewee models declare it (the first release wrote its own
# DDL), so that one definition serves new files and migrated ones alike; and the
# database's own id and commit count (see models.DATABASE_ID).
V2: Step = (
    *rebuild(
        "session",
        '"id" INTEGER NOT NULL PRIMARY KEY, '
        '"name" TEXT NOT NULL CHECK (length(name) <= 500), '
        '"started_at" INTEGER NOT NULL, '
        '"ended_at" INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at), '
        '"created_at" INTEGER NOT NULL, '
        '"updated_at" INTEGER NOT NULL',
        "id, name, started_at, ended_at, created_at, updated_at",
    ),
    'CREATE INDEX "session_started_at" ON "session" ("started_at")',
    'CREATE UNIQUE INDEX "session_one_running" ON "session" ("ended_at" IS NULL) '
    'WHERE ("ended_at" IS NULL)',
    *rebuild("stats", '"key" TEXT NOT NULL PRIMARY KEY, "value" INTEGER NOT NULL', "key, value"),
    "INSERT INTO stats (key, value) VALUES ('database_id', abs(random()) >> 1), ('commits', 0)",
    *_V1_LONGEST_TRIGGERS,
)

_LABEL = "TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100)"
_STAMPS = '"created_at" INTEGER NOT NULL, "updated_at" INTEGER NOT NULL'

# Version 3: clients, projects and tags; a session's project, tags and billable flag.
V3: Step = (
    f'CREATE TABLE "client" ("id" INTEGER NOT NULL PRIMARY KEY, "name" {_LABEL}, '
    '"name_key" TEXT NOT NULL, "rate" TEXT, "currency" TEXT, '
    f'"archived" INTEGER NOT NULL DEFAULT 0, {_STAMPS})',
    'CREATE UNIQUE INDEX "client_name_key" ON "client" ("name_key")',
    f'CREATE TABLE "project" ("id" INTEGER NOT NULL PRIMARY KEY, "name" {_LABEL}, '
    '"name_key" TEXT NOT NULL, "client_id" INTEGER, "color" TEXT NOT NULL '
    "CHECK (length(color) = 7 AND color GLOB '#[0-9a-f]*'), \"rate\" TEXT, "
    f'"billable" INTEGER NOT NULL DEFAULT 1, "archived" INTEGER NOT NULL DEFAULT 0, {_STAMPS}, '
    'FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "project_client_id" ON "project" ("client_id")',
    'CREATE UNIQUE INDEX "project_name_key_client" ON "project" '
    '("name_key", ifnull("client_id", 0))',
    f'CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "name" {_LABEL}, '
    f'"name_key" TEXT NOT NULL, {_STAMPS})',
    'CREATE UNIQUE INDEX "tag_name_key" ON "tag" ("name_key")',
    *rebuild(
        "session",
        '"id" INTEGER NOT NULL PRIMARY KEY, '
        '"name" TEXT NOT NULL CHECK (length(name) <= 500), '
        '"started_at" INTEGER NOT NULL, '
        '"ended_at" INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at), '
        f'{_STAMPS}, "project_id" INTEGER, "billable" INTEGER NOT NULL DEFAULT 1, '
        'FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE RESTRICT',
        "id, name, started_at, ended_at, created_at, updated_at, project_id, billable",
        "id, name, started_at, ended_at, created_at, updated_at, NULL, 1",
    ),
    'CREATE INDEX "session_started_at" ON "session" ("started_at")',
    'CREATE UNIQUE INDEX "session_one_running" ON "session" ("ended_at" IS NULL) '
    'WHERE ("ended_at" IS NULL)',
    'CREATE INDEX "session_project_id" ON "session" ("project_id")',
    'CREATE TABLE "session_tag" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"session_id" INTEGER NOT NULL, "tag_id" INTEGER NOT NULL, '
    'FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "session_tag_tag_id" ON "session_tag" ("tag_id")',
    'CREATE UNIQUE INDEX "session_tag_session_id_tag_id" ON "session_tag" ("session_id", "tag_id")',
    'CREATE TABLE "setting" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    *_V1_LONGEST_TRIGGERS,
)

# Version 4: where an imported session came from (its source and the entry's key there),
# one per session, unique per source and key; it goes with its session.
V4: Step = (
    'CREATE TABLE "session_origin" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"session_id" INTEGER NOT NULL, "source" TEXT NOT NULL, "key" TEXT NOT NULL, '
    'FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "session_origin_session_id" ON "session_origin" ("session_id")',
    'CREATE UNIQUE INDEX "session_origin_source_key" ON "session_origin" ("source", "key")',
)


# Version 5: sync. Every client, project, tag and session gets a global id (``uid``),
# made on the machine that creates the row; what changes is recorded for the sync
# server by triggers, in the change's own transaction, whoever writes (the service,
# undo, an import): which synced fields of which row, or that it was deleted.

# The synced fields of each table, in the order of their bits; the column that holds each
# (``tags`` is a session's set of tags, kept in session_tag).
V5_SYNCED_FIELDS: dict[str, tuple[str, ...]] = {
    "client": ("name", "rate", "currency", "archived", "created_at"),
    "project": ("name", "client_id", "color", "rate", "billable", "archived", "created_at"),
    "tag": ("name", "created_at"),
    "session": ("name", "started_at", "ended_at", "project_id", "billable", "created_at", "tags"),
}
V5_RECORDING = "recording"
_V5_ON = f"(SELECT value FROM sync_state WHERE key = '{V5_RECORDING}') = '1'"
_V5_TAGS_BIT = 1 << V5_SYNCED_FIELDS["session"].index("tags")


def _v5_record(table: str, fields: str, deleted: int) -> str:
    return (
        f"INSERT INTO sync_outbox (tbl, uid, fields, deleted, changes) "
        f"VALUES ('{table}', {'OLD' if deleted else 'NEW'}.uid, {fields}, {deleted}, 1) "
        f"ON CONFLICT (tbl, uid) DO UPDATE SET "
        f"fields = {'0' if deleted else 'fields | excluded.fields'}, deleted = {deleted}, "
        "changes = changes + 1"
    )


def _v5_triggers(table: str, columns: tuple[str, ...]) -> Step:
    every = (1 << len(columns)) - 1
    changed = " | ".join(
        f"((OLD.{c} IS NOT NEW.{c}) << {bit})" for bit, c in enumerate(columns) if c != "tags"
    )
    return (
        f"CREATE TRIGGER {table}_sync_insert AFTER INSERT ON {table} WHEN {_V5_ON} "
        f"BEGIN {_v5_record(table, str(every), 0)}; END",
        f"CREATE TRIGGER {table}_sync_update AFTER UPDATE ON {table} "
        f"WHEN {_V5_ON} AND ({changed}) <> 0 "
        f"BEGIN {_v5_record(table, f'({changed})', 0)}; END",
        f"CREATE TRIGGER {table}_sync_delete AFTER DELETE ON {table} WHEN {_V5_ON} "
        f"BEGIN {_v5_record(table, '0', 1)}; END",
    )


def _v5_tag_trigger(event: str, row: str) -> str:
    return (
        f"CREATE TRIGGER session_tag_sync_{event.lower()} AFTER {event} ON session_tag "
        f"WHEN {_V5_ON} BEGIN "
        f"INSERT INTO sync_outbox (tbl, uid, fields, deleted, changes) "
        f"SELECT 'session', uid, {_V5_TAGS_BIT}, 0, 1 FROM session WHERE id = {row}.session_id "
        f"ON CONFLICT (tbl, uid) DO UPDATE SET fields = fields | {_V5_TAGS_BIT}, "
        "changes = changes + 1; END"
    )


V5_SYNC_TRIGGERS: Step = (
    *(t for table, cols in V5_SYNCED_FIELDS.items() for t in _v5_triggers(table, cols)),
    _v5_tag_trigger("INSERT", "NEW"),
    _v5_tag_trigger("DELETE", "OLD"),
)

_V5_UID = '"uid" TEXT NOT NULL DEFAULT (lower(hex(randomblob(16))))'
_V5_CLIENT = (
    f'"id" INTEGER NOT NULL PRIMARY KEY, "name" {_LABEL}, "name_key" TEXT NOT NULL, '
    '"rate" TEXT, "currency" TEXT, "archived" INTEGER NOT NULL DEFAULT 0, '
    f"{_STAMPS}, {_V5_UID}"
)
_V5_PROJECT = (
    f'"id" INTEGER NOT NULL PRIMARY KEY, "name" {_LABEL}, "name_key" TEXT NOT NULL, '
    '"client_id" INTEGER, "color" TEXT NOT NULL '
    "CHECK (length(color) = 7 AND color GLOB '#[0-9a-f]*'), \"rate\" TEXT, "
    '"billable" INTEGER NOT NULL DEFAULT 1, "archived" INTEGER NOT NULL DEFAULT 0, '
    f"{_STAMPS}, {_V5_UID}, "
    'FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE RESTRICT'
)
_V5_TAG = (
    f'"id" INTEGER NOT NULL PRIMARY KEY, "name" {_LABEL}, "name_key" TEXT NOT NULL, '
    f"{_STAMPS}, {_V5_UID}"
)
_V5_SESSION = (
    '"id" INTEGER NOT NULL PRIMARY KEY, '
    '"name" TEXT NOT NULL CHECK (length(name) <= 500), '
    '"started_at" INTEGER NOT NULL, '
    '"ended_at" INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at), '
    f'{_STAMPS}, "project_id" INTEGER, "billable" INTEGER NOT NULL DEFAULT 1, {_V5_UID}, '
    'FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE RESTRICT'
)
_V5_NEW_UID = "lower(hex(randomblob(16)))"
_V5_CLIENT_COLUMNS = "id, name, name_key, rate, currency, archived, created_at, updated_at"
_V5_PROJECT_COLUMNS = (
    "id, name, name_key, client_id, color, rate, billable, archived, created_at, updated_at"
)
_V5_TAG_COLUMNS = "id, name, name_key, created_at, updated_at"
_V5_SESSION_COLUMNS = "id, name, started_at, ended_at, created_at, updated_at, project_id, billable"

V5: Step = (
    *rebuild(
        "client",
        _V5_CLIENT,
        f"{_V5_CLIENT_COLUMNS}, uid",
        f"{_V5_CLIENT_COLUMNS}, {_V5_NEW_UID}",
    ),
    'CREATE UNIQUE INDEX "client_uid" ON "client" ("uid")',
    'CREATE UNIQUE INDEX "client_name_key" ON "client" ("name_key")',
    *rebuild(
        "project",
        _V5_PROJECT,
        f"{_V5_PROJECT_COLUMNS}, uid",
        f"{_V5_PROJECT_COLUMNS}, {_V5_NEW_UID}",
    ),
    'CREATE INDEX "project_client_id" ON "project" ("client_id")',
    'CREATE UNIQUE INDEX "project_uid" ON "project" ("uid")',
    'CREATE UNIQUE INDEX "project_name_key_client" ON "project" '
    '("name_key", ifnull("client_id", 0))',
    *rebuild("tag", _V5_TAG, f"{_V5_TAG_COLUMNS}, uid", f"{_V5_TAG_COLUMNS}, {_V5_NEW_UID}"),
    'CREATE UNIQUE INDEX "tag_uid" ON "tag" ("uid")',
    'CREATE UNIQUE INDEX "tag_name_key" ON "tag" ("name_key")',
    *rebuild(
        "session",
        _V5_SESSION,
        f"{_V5_SESSION_COLUMNS}, uid",
        f"{_V5_SESSION_COLUMNS}, {_V5_NEW_UID}",
    ),
    'CREATE INDEX "session_started_at" ON "session" ("started_at")',
    'CREATE INDEX "session_project_id" ON "session" ("project_id")',
    'CREATE UNIQUE INDEX "session_uid" ON "session" ("uid")',
    'CREATE UNIQUE INDEX "session_one_running" ON "session" ("ended_at" IS NULL) '
    'WHERE ("ended_at" IS NULL)',
    *_V1_LONGEST_TRIGGERS,
    'CREATE TABLE "sync_state" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "sync_outbox" ("tbl" TEXT NOT NULL, "uid" TEXT NOT NULL, '
    '"fields" INTEGER NOT NULL, "deleted" INTEGER NOT NULL DEFAULT 0, '
    '"changes" INTEGER NOT NULL, PRIMARY KEY ("tbl", "uid"))',
    *V5_SYNC_TRIGGERS,
)

MIGRATIONS: tuple[Step, ...] = (V1, V2, V3, V4, V5)
SCHEMA_VERSION = len(MIGRATIONS)
