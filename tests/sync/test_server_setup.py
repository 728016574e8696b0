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
