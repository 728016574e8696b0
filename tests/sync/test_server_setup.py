"""``server init`` and ``server add-user`` as an administrator runs them: add-user never
takes over a role that is not a sync user, passwords never travel as text, the
administrator's password never shows, a database owner who is not a superuser (managed
PostgreSQL) can prepare a server, and a user connects only to the databases they were
added to."""

from __future__ import annotations

import psycopg
import pytest

from tests import postgres
from tests.sync.test_cli_sync import cli
from tests.unit.test_cli import assert_one_line_error
from tracker_desktop.core.sync import engine
from tracker_desktop.core.sync.server import SERVER_VERSION


def roles(db, name: str) -> list[tuple[object, ...]]:
    """The role's login, superuser flag, password hash and memberships."""
    return db.sql(
        "SELECT rolcanlogin, rolsuper, rolpassword, ARRAY(SELECT g.rolname FROM pg_auth_members m "
        "JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1) "
        f"FROM pg_authid r WHERE rolname = '{name}'"
    )


@pytest.mark.parametrize("name", ["postgres", "tracker_manager", "tracker_user", "app_owner"])
def test_add_user_refuses_a_role_that_is_not_a_sync_user(db, name: str) -> None:
    db.sql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app_owner') "
           "THEN CREATE ROLE app_owner LOGIN PASSWORD 'app'; END IF; END $$")  # fmt: skip
    before = roles(db, name)
    result = cli(None, "server", "add-user", db.admin_url(), name, "--password-stdin",
                 stdin="pwned\n")  # fmt: skip
    assert_one_line_error(result, 2, name)
    assert roles(db, name) == before
    # The administrator still logs in with the old password.
    assert db.sql("SELECT 1") == [(1,)]


def test_adding_a_user_again_sets_their_manager_role_and_keeps_their_password(db) -> None:
    name = db.add_user(f"m{db.name}", "first", manager=True)
    assert roles(db, name)[0][3] == ["tracker_manager", "tracker_user"]
    # Again without --manager and without a password: no longer a manager, same password.
    again = cli(None, "server", "add-user", db.admin_url(), name)
    assert again.code == 0, again
    assert again.out.startswith(f"Updated the user {name};")
    assert roles(db, name)[0][3] == ["tracker_user"]
    with psycopg.connect(db.url(name, "first")) as connection:
        assert connection.execute("SELECT current_user").fetchone() == (name,)
    # A new user without a password is refused; nothing is made.
    new = cli(None, "server", "add-user", db.admin_url(), f"n{db.name}")
    assert_one_line_error(new, 2, f"n{db.name}", "password")
    assert roles(db, f"n{db.name}") == []


def test_the_new_password_never_reaches_the_server_as_text(db, pg_server) -> None:
    db.sql(f"ALTER DATABASE \"{db.name}\" SET log_statement = 'all'")
    name = f"p{db.name}"
    added = cli(None, "server", "add-user", db.admin_url(), name, "--password-stdin",
                stdin="plain-text-secret-42\n")  # fmt: skip
    assert added.code == 0, added
    log = (pg_server.folder / "log").read_text(errors="replace")
    assert f'CREATE ROLE "{name}" LOGIN PASSWORD \'SCRAM-SHA-256$' in log
    assert "plain-text-secret-42" not in log
    with psycopg.connect(db.url(name, "plain-text-secret-42")) as connection:
        assert connection.execute("SELECT current_user").fetchone() == (name,)


def test_the_administrator_password_comes_from_stdin_and_never_shows(db, pg_server) -> None:
    url = pg_server.url(password=None, db=db.name)
    ready = cli(None, "server", "init", url, "--admin-password-stdin",
                stdin=postgres.ADMIN_PASSWORD + "\n")  # fmt: skip
    assert ready.code == 0, ready
    name = f"s{db.name}"
    added = cli(None, "server", "add-user", url, name, "--admin-password-stdin",
                "--password-stdin", stdin=f"{postgres.ADMIN_PASSWORD}\nuser-pw\n")  # fmt: skip
    assert added.code == 0, added
    assert postgres.ADMIN_PASSWORD not in added.out
    with psycopg.connect(db.url(name, "user-pw")) as connection:
        assert connection.execute("SELECT current_user").fetchone() == (name,)
    # A failure (the database is missing) names the server, never the password in the URL.
    missing = pg_server.url(db=f"{db.name}_missing")
    for args in (("init", missing), ("add-user", missing, name, "--password-stdin")):
        failed = cli(None, "server", *args, stdin="x\n")
        line = assert_one_line_error(failed, 3, f"{db.name}_missing")
        assert postgres.ADMIN_PASSWORD not in line


def test_a_database_owner_who_is_not_a_superuser_prepares_the_server(pg_server, db) -> None:
    # As on managed PostgreSQL: the administrator owns the database and may create roles.
    owner, managed = f"owner_{db.name}", f"managed_{db.name}"
    postgres.admin_sql(pg_server, f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD 'own'",
                       db="postgres")  # fmt: skip
    postgres.admin_sql(pg_server, f"CREATE DATABASE {managed} OWNER {owner}", db="postgres")
    url = pg_server.url(user=owner, password="own", db=managed)
    first = cli(None, "server", "init", url)
    assert first.code == 0, first
    assert first.out.startswith("Prepared ")
    again = cli(None, "server", "init", url)
    assert again.code == 0, again
    assert "ready for sync" in again.out
    assert postgres.admin_sql(pg_server, "SELECT value FROM tracker.meta", db=managed) == [
        (str(SERVER_VERSION),)
    ]
    # The owner adds a user, who connects and syncs their own rows.
    name = f"member_{db.name}"
    added = cli(None, "server", "add-user", url, name, "--password-stdin", stdin="m-pw\n")
    assert added.code == 0, added
    with psycopg.connect(pg_server.url(user=name, password="m-pw", db=managed)) as connection:
        assert connection.execute("SELECT count(*) FROM tracker.session").fetchone() == (0,)


def test_a_manager_of_one_database_cannot_connect_to_another(pg_server, db, user) -> None:
    # The rule: a login connects only to the databases it was added to with add-user.
    other = f"other_{db.name}"
    postgres.create_database(pg_server, other)
    engine.server_init(pg_server.url(db=other), None)
    boss = f"boss_{other}"
    engine.add_user(pg_server.url(db=other), None, boss, "pw", manager=True)
    with psycopg.connect(pg_server.url(user=boss, password="pw", db=other)) as connection:
        assert connection.execute("SELECT count(*) FROM tracker.session").fetchone() == (0,)
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(db.url(boss, "pw"))
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(pg_server.url(user=user, password="secret", db=other))
    # Nor may any other login of the cluster (CONNECT is no longer PUBLIC's).
    postgres.admin_sql(pg_server, f"CREATE ROLE stranger_{db.name} LOGIN PASSWORD 's'",
                       db="postgres")  # fmt: skip
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(db.url(f"stranger_{db.name}", "s"))


def test_upgrading_a_server_keeps_the_users_who_have_synced(
    pg_server, tmp_path, monkeypatch
) -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from tests.support import FakeClock
    from tracker_desktop.core.service import Tracker
    from tracker_desktop.core.storage import open_storage
    from tracker_desktop.core.sync import server, sync_now

    old = f"v1_{tmp_path.name}"[:60]
    postgres.create_database(pg_server, old)
    with monkeypatch.context() as patched:  # a server prepared by version 1
        patched.setattr(server, "SERVER_MIGRATIONS", server.SERVER_MIGRATIONS[:1])
        patched.setattr(server, "SERVER_VERSION", 1)
        engine.server_init(pg_server.url(db=old), None)
        name = f"early_{old}"
        engine.add_user(pg_server.url(db=old), None, name, "pw", manager=False)
        # Version 1's add-user gave no CONNECT of its own (PUBLIC had it).
        postgres.admin_sql(pg_server, f"REVOKE CONNECT ON DATABASE {old} FROM {name}", db=old)
    clock = FakeClock(datetime(2026, 11, 26, 9, 0, tzinfo=UTC))
    tracker = Tracker(open_storage(tmp_path / "m"), clock, ZoneInfo("Europe/Berlin"))
    try:
        engine.connect(tracker, pg_server.url(user=name, password=None, db=old), "pw")
        tracker.add("before", clock.now().replace(hour=7), clock.now().replace(hour=8))
        sync_now(tracker)
        assert engine.server_init(pg_server.url(db=old), None) == (1, SERVER_VERSION)
        tracker.add("after", clock.now().replace(hour=8), clock.now().replace(hour=9))
        assert sync_now(tracker).pushed == 1
    finally:
        tracker.storage.close()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://postgres:adm1n-s3cret@db.example.com",  # no database
        "mysql://postgres:adm1n-s3cret@db.example.com/tracker",
        "postgresql://:adm1n-s3cret@db.example.com/tracker",  # no user
        "postgresql://postgres:adm1n-s3cret@db.example.com:port/tracker",
    ],
)
def test_a_mistyped_url_is_refused_without_showing_its_password(url: str) -> None:
    for args in (("init", url), ("add-user", url, "alice", "--password-stdin")):
        line = assert_one_line_error(cli(None, "server", *args, stdin="pw\n"), 2, "URL")
        assert "adm1n-s3cret" not in line
        assert "***" in line


def test_adding_a_person_of_another_database_keeps_their_role_there(pg_server, db) -> None:
    boss = db.add_user(f"boss_{db.name}", manager=True)
    other = f"o_{db.name}"
    postgres.create_database(pg_server, other)
    engine.server_init(pg_server.url(db=other), None)
    # As a plain user here they would stop being a manager in the first database: refused.
    plain = cli(None, "server", "add-user", pg_server.url(db=other), boss)
    assert_one_line_error(plain, 2, boss, "another database")
    assert roles(db, boss)[0][3] == ["tracker_manager", "tracker_user"]
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(pg_server.url(user=boss, password="secret", db=other))
    # As a manager (what they are) they are let in, their password kept.
    same = cli(None, "server", "add-user", pg_server.url(db=other), boss, "--manager")
    assert same.code == 0, same
    with psycopg.connect(pg_server.url(user=boss, password="secret", db=other)) as connection:
        assert connection.execute("SELECT current_user").fetchone() == (boss,)
