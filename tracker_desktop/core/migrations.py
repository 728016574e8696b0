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

MIGRATIONS: tuple[Step, ...] = (V1, V2, V3, V4)
SCHEMA_VERSION = len(MIGRATIONS)
