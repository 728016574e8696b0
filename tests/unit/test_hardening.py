"""The command line against a hostile or careless environment: impossible times and time
zones, terminals that cannot show a name, output that cannot be written, a broken backups
folder, unusable data folders, FIFOs, and a folder or file that is not the user's own.
Each either works or says precisely what was wrong; none prints a traceback or loses a
session."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.test_cli import assert_one_line_error, environment, ok, run_cli
from tracker_desktop.core.layout import DATABASE_FILENAME

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and modes")
as_root_only = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="giving a file away needs root"
)
OTHER_UID = 4242  # a user id no one here has


def names(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM session ORDER BY id")]
    finally:
        connection.close()


def add(data_dir: Path, name: str, hour: int) -> None:
    ok(
        data_dir,
        "add",
        name,
        "--start",
        f"2026-11-20T{hour:02d}:00",
        "--end",
        f"2026-11-20T{hour:02d}:30",
    )


# -- times and zones ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("0001-01-01T00:00Z", "0001-01-01T01:00Z"),
        ("1969-12-31T23:00Z", "1970-01-01T01:00Z"),
        ("1000-06-01T09:00", "1000-06-01T10:00"),
    ],
)
def test_times_outside_the_kept_years_are_invalid_input_and_save_nothing(
    cli_dir: Path, start: str, end: str
) -> None:
    add(cli_dir, "kept", 9)
    for zone in ("Europe/Berlin", "America/New_York"):
        home = cli_dir.parent / "home"
        result = run_cli(
            cli_dir, "add", "far", "--start", start, "--end", end, env=environment(home, TZ=zone)
        )
        assert_one_line_error(result, 2, "--start", "1970 to 2199")
    assert names(cli_dir) == ["kept"]
    result = run_cli(cli_dir, "list", "--date", "0001-01-01")
    assert result.code == 2
    assert "1970 to 2199" in result.err


@pytest.mark.parametrize("zone", ["UTC+24", "UTC-24", "<+25>-25"])
def test_a_tz_beyond_a_day_is_named_as_invalid_input(cli_dir: Path, zone: str) -> None:
    add(cli_dir, "kept", 9)
    for command in (["list"], ["status"], ["start", "x"]):
        result = run_cli(cli_dir, *command, env=environment(cli_dir.parent / "home", TZ=zone))
        assert_one_line_error(result, 2, "TZ", zone)
    assert names(cli_dir) == ["kept"]


@pytest.mark.parametrize("zone", ["garbage", "EST5EDT,M3.2.0,M11.1.0", ":Europe/Berlin"])
def test_unusual_but_valid_tz_values_work(cli_dir: Path, zone: str) -> None:
    home = cli_dir.parent / "home"
    result = run_cli(cli_dir, "start", "zoned", env=environment(home, TZ=zone))
    assert (result.code, result.err) == (0, ""), result
    assert "zoned" in run_cli(cli_dir, "list", env=environment(home, TZ=zone)).out


def test_a_session_started_by_a_clock_in_the_future_can_be_mended(cli_dir: Path) -> None:
    add(cli_dir, "before", 9)
    faked = sqlite3.connect(cli_dir / DATABASE_FILENAME)
    faked.execute(
        "INSERT INTO session (name, started_at, created_at, updated_at) VALUES (?, ?, ?, ?)",
        ("from 2040", 2_216_000_000, 2_216_000_000, 2_216_000_000),
    )
    faked.commit()
    faked.close()
    stopped = run_cli(cli_dir, "stop")
    line = assert_one_line_error(stopped, 2, "starts in the future", "edit 2 --start")
    assert "clock" in line
    ok(cli_dir, "edit", "2", "--name", "renamed")  # keeping its times is always allowed
    ok(cli_dir, "edit", "2", "--start", "2026-11-20T11:00")
    ok(cli_dir, "stop")
    assert names(cli_dir) == ["before", "renamed"]


# -- terminals and output -----------------------------------------------------------------

NAME = "Ünïcødé – 日本語 👩‍💻"


@pytest.mark.parametrize(
    "variables",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "latin-1"},
    ],
)
def test_a_terminal_that_cannot_show_a_name_gets_replacement_characters(
    cli_dir: Path, variables: dict[str, str]
) -> None:
    add(cli_dir, NAME, 9)
    add(cli_dir, "plain", 10)
    home = cli_dir.parent / "home"
    env = environment(home, **variables)
    listed = subprocess.run(
        [
            sys.executable,
            "-m",
            "tracker_desktop",
            "--data-dir",
            str(cli_dir),
            "list",
            "--date",
            "2026-11-20",
        ],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    assert b"Traceback" not in listed.stderr
    assert b"plain" in listed.stdout
    assert b"?" in listed.stdout
    deleted = subprocess.run(
        [sys.executable, "-m", "tracker_desktop", "--data-dir", str(cli_dir), "delete", "1", "2"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout.count(b"tracker-desktop add") == 2  # both records, degraded or not


@posix_only
def test_output_to_a_full_device_never_loses_a_record(cli_dir: Path) -> None:
    add(cli_dir, "one", 9)
    add(cli_dir, "two", 10)
    home = cli_dir.parent / "home"

    def to_full(*args: str) -> subprocess.CompletedProcess[str]:
        with open("/dev/full", "w") as full:
            return subprocess.run(
                [sys.executable, "-m", "tracker_desktop", "--data-dir", str(cli_dir), *args],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env=environment(home),
                timeout=60,
                check=False,
            )

    refused = to_full("delete", "1", "2")
    assert refused.returncode == 3
    assert "nothing was deleted" in refused.stderr
    assert names(cli_dir) == ["one", "two"]
    started = to_full("start", "three")
    assert started.returncode == 0
    assert "saved" in started.stderr
    assert "Traceback" not in started.stderr
    assert names(cli_dir) == ["one", "two", "three"]
    status = to_full("status")
    assert status.returncode == 3
    assert "Traceback" not in status.stderr


# -- the backups folder -------------------------------------------------------------------


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_file(path: Path) -> None:
    path.write_text("not a folder")


def make_file_link(path: Path) -> None:
    target = path.with_name("elsewhere.txt")
    target.write_text("a file")
    path.symlink_to(target)


def make_locked_folder(path: Path) -> None:
    path.mkdir(mode=0o000)


# Root enters a folder of mode 000 as any other: only a user finds it broken.
BROKEN_BACKUPS = [make_file, make_file_link, make_fifo]
if os.name == "posix" and os.geteuid() != 0:
    BROKEN_BACKUPS.append(make_locked_folder)


@posix_only
@pytest.mark.parametrize("make", BROKEN_BACKUPS)
def test_a_broken_backups_folder_warns_but_never_fails_a_saved_change(
    cli_dir: Path, make: object
) -> None:
    ok(cli_dir, "status")  # the folder exists
    make(cli_dir / "backups")  # type: ignore[operator]
    started = run_cli(cli_dir, "start", "x")
    assert started.code == 0, started
    assert started.out.startswith("Started")
    assert "Traceback" not in started.err
    assert "today's backup failed" in started.err
    assert names(cli_dir) == ["x"]


# -- the data folder ----------------------------------------------------------------------


def test_an_empty_data_folder_argument_is_invalid_input(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    result = run_cli(None, "--data-dir", "", "status", cwd=work)
    assert result.code == 2
    assert "empty" in result.err
    assert list(work.iterdir()) == []  # nothing made in the current folder


@pytest.mark.parametrize("kind", ["long name", "dangling link"])
def test_an_unusable_data_folder_is_a_storage_problem(tmp_path: Path, kind: str) -> None:
    if kind == "long name":
        folder = tmp_path / ("x" * 300) / "data"
    else:
        folder = tmp_path / "link"
        folder.symlink_to(tmp_path / "missing")
    result = run_cli(folder, "status", cwd=tmp_path)
    line = assert_one_line_error(result, 3)
    assert "data folder" in line


@posix_only
def test_a_fifo_where_the_database_belongs_is_refused_at_once(cli_dir: Path) -> None:
    cli_dir.mkdir(mode=0o700)
    os.mkfifo(cli_dir / DATABASE_FILENAME)
    result = run_cli(cli_dir, "status")  # the timeout of run_cli fails a hang
    assert_one_line_error(result, 3, DATABASE_FILENAME, "FIFO")


# -- a private folder stays private ---------------------------------------------------------


@posix_only
def test_a_folder_open_to_others_is_made_private_again_and_said(cli_dir: Path) -> None:
    add(cli_dir, "mine", 9)
    cli_dir.chmod(0o777)
    (cli_dir / DATABASE_FILENAME).chmod(0o666)
    result = run_cli(cli_dir, "status")
    assert result.code == 0
    assert not cli_dir.stat().st_mode & 0o022
    assert not (cli_dir / DATABASE_FILENAME).stat().st_mode & 0o022
    assert "made it private" in result.err
    assert ok(cli_dir, "status").err == ""  # said once: nothing to mend the next time


@as_root_only
def test_a_database_of_another_user_is_refused_untouched(cli_dir: Path) -> None:
    add(cli_dir, "mine", 9)
    database = cli_dir / DATABASE_FILENAME
    os.chown(database, OTHER_UID, OTHER_UID)
    before = database.read_bytes()
    result = run_cli(cli_dir, "start", "x")
    assert_one_line_error(result, 3, str(database), "another user")
    assert database.read_bytes() == before


@as_root_only
def test_a_data_folder_of_another_user_is_refused(cli_dir: Path) -> None:
    add(cli_dir, "mine", 9)
    os.chown(cli_dir, OTHER_UID, OTHER_UID)
    assert_one_line_error(run_cli(cli_dir, "status"), 3, "another user")


@posix_only
def test_a_hard_linked_journal_is_refused(cli_dir: Path, tmp_path: Path) -> None:
    add(cli_dir, "mine", 9)
    journal = cli_dir / f"{DATABASE_FILENAME}-wal"
    journal.write_bytes(b"")
    os.link(journal, tmp_path / "captured-wal")
    assert_one_line_error(run_cli(cli_dir, "start", "x"), 3, "hard link")
    assert names(cli_dir) == ["mine"]


@posix_only
def test_a_planted_link_under_a_temporary_name_is_never_written_through(
    cli_dir: Path, tmp_path: Path
) -> None:
    from tracker_desktop.core.errors import StorageError
    from tracker_desktop.core.files import create_exclusive

    thesis = tmp_path / "thesis.txt"
    thesis.write_text("four years of work")
    planted = tmp_path / ".tracker.db.restoring-1"
    planted.symlink_to(thesis)
    with pytest.raises((FileExistsError, StorageError)):
        create_exclusive(planted)
    assert thesis.read_text() == "four years of work"
