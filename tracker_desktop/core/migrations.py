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


def rebuild(table: str, definition: str, columns: str) -> Step:
    """Statements that give ``table`` a new definition and keep its rows (SQLite's way:
    make the new table, copy, drop the old, rename). ``definition`` is the column list of
    the new table; ``columns`` those copied. The old table's indexes and triggers go
    with it: the step creates them again."""
    new = f"{table}_new"
    return (
        f'CREATE TABLE "{new}" ({definition})',
        f'INSERT INTO "{new}" ({columns}) SELECT {columns} FROM "{table}"',
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

MIGRATIONS: tuple[Step, ...] = (V1, V2)
SCHEMA_VERSION = len(MIGRATIONS)
