"""One schema definition: the models make new files, the migrations bring old files to the
very same schema, and no SQL text hides anywhere else."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest

from tracker_desktop.core import migrations
from tracker_desktop.core.layout import DATABASE_FILENAME
from tracker_desktop.core.migrations import SCHEMA_VERSION
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import APPLICATION_ID, open_storage

PACKAGE = Path(__file__).resolve().parents[2] / "tracker_desktop"


def schema(path: Path) -> list[tuple[str, str, str, str | None]]:
    """Every object SQLite keeps for the file (tables, indexes, triggers) with its SQL."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        return sorted(rows)
    finally:
        connection.close()


def make_version_1_file(data_dir: Path) -> Path:
    """A file as the first release made it, with two sessions (one running)."""
    data_dir.mkdir(parents=True)
    path = data_dir / DATABASE_FILENAME
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = wal")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for statement in migrations.V1:
            connection.execute(statement)
        connection.execute("PRAGMA user_version = 1")
        connection.executemany(
            "INSERT INTO session (name, started_at, ended_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                ("Old finished", 1_700_000_000, 1_700_036_000, 1_700_000_000, 1_700_036_000),
                ("Old running 👩‍💻", 1_700_040_000, None, 1_700_040_000, 1_700_040_000),
            ],
        )
    finally:
        connection.close()
    return path


def test_a_migrated_file_has_exactly_the_schema_of_a_new_one(tmp_path: Path) -> None:
    new = open_storage(tmp_path / "new")
    new.close()
    old_path = make_version_1_file(tmp_path / "old")

    migrated = open_storage(tmp_path / "old")
    try:
        tracker = Tracker(migrated)
        running = tracker.running()
        assert running is not None
        assert running.name == "Old running 👩‍💻"
        assert [s.name for s in tracker.recent_distinct(5)] == ["Old running 👩‍💻", "Old finished"]
    finally:
        migrated.close()

    assert schema(old_path) == schema(tmp_path / "new" / DATABASE_FILENAME)
    connection = sqlite3.connect(old_path)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        longest = "SELECT value FROM stats WHERE key = 'longest_finished_seconds'"
        assert connection.execute(longest).fetchall() == [(36_000,)]
    finally:
        connection.close()


def test_the_migrated_file_keeps_its_rules(tmp_path: Path) -> None:
    make_version_1_file(tmp_path / "old")
    storage = open_storage(tmp_path / "old")
    storage.close()
    connection = sqlite3.connect(tmp_path / "old" / DATABASE_FILENAME)
    try:
        # Still one running session at most, enforced by the file itself.
        with pytest.raises(sqlite3.IntegrityError, match="session_one_running"):
            connection.execute(
                "INSERT INTO session (name, started_at, created_at, updated_at, billable) "
                "VALUES ('second', 1, 1, 1, 1)"
            )
    finally:
        connection.close()


# -- no SQL elsewhere ---------------------------------------------------------------------

# "CREATE" only with what SQL creates: "Create project “…”" is a button, not a statement.
_CREATED = ("TABLE", "INDEX", "UNIQUE", "TRIGGER", "VIEW", "TEMP")
_SQL_WORDS = (
    "SELECT ",
    "INSERT INTO",
    "UPDATE ",
    "DELETE FROM",
    *(f"CREATE {what}" for what in _CREATED),
    "PRAGMA ",
    "DROP ",
)
# The storage module (pragmas, file checks) and the migrations (frozen steps) speak SQL;
# the models only where peewee cannot: their triggers. The sync server's module holds
# all the PostgreSQL text (its schema, roles and policies, and a sync's statements).
_ALLOWED = {
    "core/storage.py": _SQL_WORDS,
    "core/migrations.py": _SQL_WORDS,
    "core/sync/server.py": _SQL_WORDS,
}
_TRIGGERS_ONLY = {"core/models.py": ("CREATE TRIGGER", "UPDATE OF")}


def sql_strings(path: Path) -> list[str]:
    """String constants in ``path`` that start like an SQL statement."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.lstrip().upper()
            if text.startswith(_SQL_WORDS):
                found.append(node.value.strip().splitlines()[0])
    return found


def test_sql_text_appears_only_in_storage_and_migrations() -> None:
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in _ALLOWED:
            continue
        allowed = _TRIGGERS_ONLY.get(relative, ())
        strings = [s for s in sql_strings(path) if not s.upper().startswith(allowed)]
        if strings:
            offenders[relative] = strings
    assert offenders == {}
    # And the check finds what it looks for.
    assert any("PRAGMA" in s for s in sql_strings(PACKAGE / "core" / "storage.py"))
    assert any("CREATE TRIGGER" in s for s in sql_strings(PACKAGE / "core" / "models.py"))


def test_no_private_peewee_api_is_overridden() -> None:
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        assert "_connect" not in defined, path
