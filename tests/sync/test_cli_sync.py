"""``server`` and ``sync`` on the command line, as a user runs them: what they print,
their JSON, and exit 3 with the server and the reason when the server cannot be used,
the local data untouched."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import postgres
from tests.unit.test_cli import Result, assert_one_line_error, parsed

REPO = Path(__file__).resolve().parents[2]


def cli(folder: Path | None, *args: str, stdin: str | None = None) -> Result:
    """``python -m tracker_desktop`` with the test's keyring, password file and home."""
    env = os.environ.copy()
    env.pop("TRACKER_DESKTOP_DATA_DIR", None)
    env["TZ"] = "Europe/Berlin"
    prefix = [] if folder is None else ["--data-dir", str(folder)]
    completed = subprocess.run(
        [sys.executable, "-m", "tracker_desktop", *prefix, *args],
        capture_output=True,
        encoding="utf-8",
        env=env,
        input=stdin,
        cwd=REPO,
        timeout=120,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def digest(folder: Path) -> str:
    return hashlib.sha256((folder / "tracker.db").read_bytes()).hexdigest()


def test_a_new_user_sets_up_a_server_and_two_machines(db, tmp_path: Path) -> None:
    # server init again is harmless; add-user with the password on standard input.
    again = cli(None, "server", "init", db.admin_url())
    assert again.code == 0, again
    assert "ready for sync" in again.out
    name = f"cli{db.name}"
    added = cli(None, "server", "add-user", db.admin_url(), name, "--password-stdin",
                stdin="pw-1\n")  # fmt: skip
    assert added.code == 0, added
    assert added.out == f"Added the user {name}; they connect with {db.url(name)}\n"
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    assert cli(laptop, "add", "Design", "--start", "09:00", "--end", "10:00").code == 0
    setup = cli(laptop, "sync", "setup", db.url(name), "--password-stdin", stdin="pw-1\n")
    assert setup.code == 0, setup
    assert setup.out == f"Connected to {db.url(name)}\nSynced: sent 1, received 0\n"
    # The password went to the keyring, not into any file of the data folder.
    for path in laptop.rglob("*"):
        if path.is_file():
            assert b"pw-1" not in path.read_bytes(), path
    assert cli(desktop, "sync", "setup", db.url(name), "--password-stdin", stdin="pw-1\n").code == 0
    listing = parsed(cli(desktop, "list", "--json", "--date", _today()))
    assert [s["name"] for s in listing["sessions"]] == ["Design"]
    # sync now uses the kept password; --json says what it did.
    assert cli(desktop, "start", "Review").code == 0
    now = cli(desktop, "sync", "now", "--json")
    assert now.code == 0, now
    assert parsed(now) == {"pushed": 1, "pulled": 0, "notices": []}
    status = parsed(cli(desktop, "sync", "status", "--json"))
    assert status["configured"] is True
    assert status["server"] == db.url(name)
    assert status["pending_changes"] == 0
    assert status["last_sync"] is not None
    off = cli(desktop, "sync", "off")
    assert off.out.startswith(f"Disconnected from {db.url(name)}; local data stays.")
    assert "password stays in the system keyring" in off.out
    assert parsed(cli(desktop, "sync", "status", "--json")) == {
        "configured": False, "server": None, "last_sync": None, "pending_changes": 0,
    }  # fmt: skip
    assert len(parsed(cli(desktop, "list", "--json"))["sessions"]) >= 1


def _today() -> str:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Europe/Berlin")).date().isoformat()


def test_sync_status_works_offline_and_sync_now_says_why_it_cannot(
    db, user, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop"
    assert (
        cli(folder, "sync", "setup", db.url(user), "--password-stdin", stdin="secret\n").code == 0
    )
    assert cli(folder, "add", "Offline work", "--start", "09:00", "--end", "10:00").code == 0
    postgres.stop(db.server)
    try:
        before = digest(folder)
        status = cli(folder, "sync", "status")
        assert status.code == 0, status
        assert "1 changes waiting" in status.out
        failed = cli(folder, "sync", "now")
        line = assert_one_line_error(failed, 3, db.url(user))
        assert "refused" in line or "connect" in line, line
        assert digest(folder) == before
    finally:
        postgres.start(db.server)
    # Back: the waiting change goes out, nothing lost.
    again = cli(folder, "sync", "now")
    assert again.code == 0, again
    assert "sent 1" in again.out


def test_a_wrong_password_is_exit_3_naming_the_server(db, user, tmp_path: Path) -> None:
    folder = tmp_path / "laptop"
    assert cli(folder, "add", "Mine", "--start", "09:00", "--end", "10:00").code == 0
    before = digest(folder)
    failed = cli(folder, "sync", "setup", db.url(user), "--password-stdin", stdin="wrong\n")
    line = assert_one_line_error(failed, 3, db.url(user), "password authentication failed")
    assert "wrong" not in line
    assert "FATAL" not in line  # the server's words, without libpq's severity
    assert digest(folder) == before
    assert parsed(cli(folder, "sync", "status", "--json"))["configured"] is False


def test_an_unreachable_server_is_exit_3(tmp_path: Path) -> None:
    folder = tmp_path / "laptop"
    url = f"postgresql://someone@127.0.0.1:{postgres._free_port()}/tracker"
    failed = cli(folder, "sync", "setup", url, "--password-stdin", stdin="x\n")
    line = assert_one_line_error(failed, 3, url)
    assert "refused" in line, line


def test_sslmode_in_the_url_is_honoured(db, user, tmp_path: Path) -> None:
    # The test server speaks no TLS: a URL that requires it is refused, saying why.
    failed = cli(tmp_path / "f", "sync", "setup", db.url(user) + "?sslmode=require",
                 "--password-stdin", stdin="secret\n")  # fmt: skip
    line = assert_one_line_error(failed, 3, db.url(user))
    assert "SSL" in line, line


def test_sync_refuses_a_superuser_and_an_unprepared_database(db, pg_server, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    failed = cli(folder, "sync", "setup", db.url("postgres"), "--password-stdin",
                 stdin=postgres.ADMIN_PASSWORD + "\n")  # fmt: skip
    assert_one_line_error(failed, 3, "superuser")
    postgres.create_database(pg_server, f"{db.name}_bare")
    bare = pg_server.url(user="postgres", password=None, db=f"{db.name}_bare")
    failed = cli(folder, "sync", "setup", bare, "--password-stdin",
                 stdin=postgres.ADMIN_PASSWORD + "\n")  # fmt: skip
    assert_one_line_error(failed, 3, "server init")


def test_bad_urls_are_invalid_input(tmp_path: Path) -> None:
    for url in ("http://x/y", "postgresql://host/db", "postgresql://me@host"):
        failed = cli(tmp_path / "f", "sync", "setup", url, "--password-stdin", stdin="x\n")
        assert_one_line_error(failed, 2, "URL")


def test_without_a_keyring_the_user_is_told_about_pgpass(
    db, user, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    folder = tmp_path / "f"
    failed = cli(folder, "sync", "setup", db.url(user), "--password-stdin", stdin="secret\n")
    line = assert_one_line_error(failed, 3, "keyring", ".pgpass")
    assert f"{db.server.host}:{db.server.port}:{db.name}:{user}:PASSWORD" in line
    assert "secret" not in line
    # With the password in libpq's password file, no keyring is needed.
    pgpass = Path(os.environ["PGPASSFILE"])
    pgpass.write_text(f"{db.server.host}:{db.server.port}:{db.name}:{user}:secret\n")
    pgpass.chmod(0o600)
    done = cli(folder, "sync", "setup", db.url(user))
    assert done.code == 0, done
    assert json.loads(cli(folder, "sync", "status", "--json").out)["configured"] is True
