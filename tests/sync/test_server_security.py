"""The server keeps users apart by itself: with raw SQL as a user (psql would do the
same), a user reads and changes only its own rows; a manager reads everyone's and
changes only its own. ``server init`` is idempotent and leaves a versioned schema."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from tests.sync.helpers import sessions
from tracker_desktop.core.sync import engine, sync_now
from tracker_desktop.core.sync.server import SERVER_VERSION

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def as_user(db, user: str, password: str = "secret") -> psycopg.Connection:
    return psycopg.connect(db.url(user, password), autocommit=True)


def test_users_see_and_change_only_their_own_rows(machines, db) -> None:
    alice, bob = db.add_user(f"alice{db.name}"), db.add_user(f"bob{db.name}")
    boss = db.add_user(f"boss{db.name}", manager=True)
    a = machines.new(alice)
    b = machines.new(bob)
    m = machines.new(boss)
    a.add("Alice's", T0 - timedelta(hours=3), T0 - timedelta(hours=2))
    b.add("Bob's", T0 - timedelta(hours=2), T0 - timedelta(hours=1))
    m.add("Boss's", T0 - timedelta(hours=1), T0)
    for machine in (a, b, m, a, b):
        sync_now(machine)
    # Each machine has only its user's sessions, even the manager's.
    assert [s[0] for s in sessions(a)] == ["Alice's"]
    assert [s[0] for s in sessions(b)] == ["Bob's"]
    assert [s[0] for s in sessions(m)] == ["Boss's"]
    with as_user(db, alice) as connection:
        names = connection.execute("SELECT name FROM tracker.session").fetchall()
        assert names == [("Alice's",)]
        changed = connection.execute(
            "UPDATE tracker.session SET name = 'hacked' WHERE name = 'Bob''s'"
        )
        assert changed.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                "INSERT INTO tracker.session (owner, uid, name) VALUES (%s, 'x', 'forged')", (bob,)
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("DELETE FROM tracker.session")
    with as_user(db, boss) as connection:
        everyone = connection.execute("SELECT name FROM tracker.session ORDER BY name").fetchall()
        assert everyone == [("Alice's",), ("Bob's",), ("Boss's",)]
        changed = connection.execute("UPDATE tracker.session SET name = 'edited by boss'")
        assert changed.rowcount == 1  # only the manager's own
    assert db.sql("SELECT name FROM tracker.session ORDER BY name") == [
        ("Alice's",), ("Bob's",), ("edited by boss",),
    ]  # fmt: skip


def test_row_level_security_is_forced_on_every_table(db) -> None:
    tables = db.sql(
        "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
        "WHERE relnamespace = 'tracker'::regnamespace AND relkind = 'r' ORDER BY relname"
    )
    # meta only binds its users (who may only read it), not its owner, who writes the
    # version (an administrator who is not a superuser).
    assert tables == [
        (name, True, name != "meta") for name in ("client", "meta", "project", "session", "tag")
    ]
    roles = db.sql(
        "SELECT rolname, rolcanlogin, rolsuper, rolbypassrls FROM pg_roles "
        "WHERE rolname IN ('tracker_user', 'tracker_manager') ORDER BY rolname"
    )
    assert roles == [
        ("tracker_manager", False, False, False),
        ("tracker_user", False, False, False),
    ]


def test_server_init_is_idempotent_and_versioned(db) -> None:
    assert engine.server_init(db.admin_url(), None) == (SERVER_VERSION, SERVER_VERSION)
    assert db.sql("SELECT value FROM tracker.meta WHERE key = 'version'") == [
        (str(SERVER_VERSION),)
    ]
