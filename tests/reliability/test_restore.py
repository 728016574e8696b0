"""Restore as one atomic step: killed at any rename, link, unlink or fsync (strace's fault
injection), raced by another command, or fed a file whose journal holds its last
sessions, no committed session is ever lost, and there is never a moment without
``tracker.db``.

Needs strace (Debian package ``strace``; .ci/run installs it).
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.reliability.harness import (
    ROOT,
    assert_clean,
    assert_one_line_error,
    cli_command,
    environment,
    integrity,
    read_rows,
    run_cli,
)
from tracker_desktop.core.layout import DATABASE_FILENAME

SYSCALLS = ("rename", "link", "unlink", "fsync", "fdatasync")


def add(data_dir: Path, name: str, day: int) -> None:
    start, end = f"2026-11-{day:02d}T09:00", f"2026-11-{day:02d}T10:00"
    assert_clean(run_cli(data_dir, "add", name, "--start", start, "--end", end))


def names_in(path: Path) -> set[str]:
    """The session names a database file holds by itself (without any journal beside it)."""
    if not path.exists():
        return set()
    uri = f"{path.resolve().as_uri()}?immutable=1"
    connection = sqlite3.connect(uri, uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT name FROM session")}
    finally:
        connection.close()


def every_name_kept(data_dir: Path) -> set[str]:
    """Names in tracker.db (read as the app reads it) and in every file kept aside."""
    kept = {row[0] for row in read_rows(data_dir / DATABASE_FILENAME).values()}
    for aside in data_dir.glob(f"{DATABASE_FILENAME}.replaced-*"):
        if not aside.name.endswith(("-wal", "-shm")):
            kept |= names_in(aside)
    return kept


def strace_kill(syscall: str, when: int) -> list[str]:
    return ["strace", "-f", "-qq", "-o", os.devnull, "-e", f"trace={syscall}",
            "-e", f"inject={syscall}:signal=SIGKILL:when={when}"]  # fmt: skip


@pytest.fixture
def backed_up(data_dir: Path) -> Path:
    """A folder with a backup of two sessions, and a third session added after it."""
    add(data_dir, "before backup 1", 2)
    add(data_dir, "before backup 2", 3)
    assert_clean(run_cli(data_dir, "backup"))
    add(data_dir, "after backup", 4)
    return data_dir


@pytest.mark.reliability
@pytest.mark.parametrize("syscall", SYSCALLS)
def test_restore_killed_at_each_step_loses_nothing(backed_up: Path, syscall: str) -> None:
    data_dir = backed_up
    everything = {"before backup 1", "before backup 2", "after backup"}
    killed = 0
    for when in range(1, 30):
        result = run_cli(data_dir, "restore", prefix=strace_kill(syscall, when))
        if result.code != -signal.SIGKILL:
            assert result.code == 0, result
            break  # the restore got through: fewer such calls than ``when``
        killed += 1
        # Never a moment without the database, and the next command takes over cleanly.
        assert (data_dir / DATABASE_FILENAME).exists(), (syscall, when)
        listed = run_cli(data_dir, "list", "--period", "month", "--date", "2026-11-15")
        assert listed.code == 0, listed
        assert "No sessions." not in listed.out
        assert every_name_kept(data_dir) == everything, (syscall, when)
        assert integrity(data_dir / DATABASE_FILENAME) == ["ok"]
        assert not list(data_dir.glob(".tracker.db.restoring*"))
        # Restore the third session, so the next kill has something to lose again.
        for aside in sorted(data_dir.glob(f"{DATABASE_FILENAME}.replaced-*")):
            if "after backup" in names_in(aside) and "after backup" not in names_in(
                data_dir / DATABASE_FILENAME
            ):
                assert run_cli(data_dir, "restore", str(aside)).code == 0
    assert killed > 0 or syscall == "fdatasync", f"no {syscall} call was ever interrupted"
    assert every_name_kept(data_dir) == everything


@pytest.mark.reliability
def test_a_journal_left_by_a_killed_writer_follows_the_file_it_belongs_to(
    data_dir: Path,
) -> None:
    add(data_dir, "first", 2)
    assert_clean(run_cli(data_dir, "backup"))
    # A writer killed right after its commits: they are only in tracker.db-wal.
    script = (
        "import os, sys\n"
        "from tracker_desktop.core.storage import open_storage\n"
        "from tracker_desktop.core.service import Tracker\n"
        "from datetime import datetime, UTC\n"
        "t = Tracker(open_storage(__import__('pathlib').Path(sys.argv[1])))\n"
        "for day in range(5, 10):\n"
        "    t.add(f'journal only {day}', datetime(2026, 11, day, 9, tzinfo=UTC),"
        " datetime(2026, 11, day, 10, tzinfo=UTC))\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([os.sys.executable, "-c", script, str(data_dir)], cwd=ROOT, check=False)
    assert (data_dir / f"{DATABASE_FILENAME}-wal").stat().st_size > 0
    assert names_in(data_dir / DATABASE_FILENAME) == {"first"}  # the main file alone

    assert run_cli(data_dir, "restore").code == 0
    (aside,) = data_dir.glob(f"{DATABASE_FILENAME}.replaced-*")
    # The kept file holds all six by itself: its journal was folded in first.
    assert len(names_in(aside)) == 6
    assert run_cli(data_dir, "restore", str(aside)).code == 0
    assert len(read_rows(data_dir / DATABASE_FILENAME)) == 6


@pytest.mark.reliability
def test_a_command_racing_a_restore_waits_and_its_session_is_kept(backed_up: Path) -> None:
    data_dir = backed_up
    # Hold the restore for three seconds right where it swaps the files, and start the
    # racing command once strace reports that the restore holds the folder's lock.
    report, report_end = os.pipe()
    restore = subprocess.Popen(
        ["strace", "-f", "-qq", "-o", f"/dev/fd/{report_end}", "-e", "trace=flock,link",
         "-e", "inject=link:delay_enter=3000000", *cli_command(data_dir, "restore")],
        env=environment(),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        pass_fds=(report_end,),
    )  # fmt: skip
    os.close(report_end)
    with os.fdopen(report, encoding="utf-8", errors="replace") as traced:
        for line in traced:
            if "LOCK_EX" in line and line.rstrip().endswith("= 0"):
                break
        raced = run_cli(
            data_dir, "add", "raced", "--start", "2026-11-20T09:00", "--end", "2026-11-20T10:00"
        )
        traced.read()
    _, err = restore.communicate(timeout=60)
    assert restore.returncode == 0, err
    if raced.code == 0:
        assert "raced" in {row[0] for row in read_rows(data_dir / DATABASE_FILENAME).values()}
    else:  # it may only give up, saying so, after waiting its busy timeout
        assert_one_line_error(raced, 3, "in use")
    assert every_name_kept(data_dir) >= {"before backup 1", "before backup 2", "after backup"}


@pytest.mark.reliability
def test_a_journal_of_another_database_is_refused_and_both_files_left_alone(
    tmp_path: Path,
) -> None:
    mine, other = tmp_path / "mine", tmp_path / "other"
    add(mine, "my session", 2)
    add(other, "their session", 3)
    script = (
        "import os, sys\n"
        "from datetime import datetime, UTC\n"
        "from pathlib import Path\n"
        "from tracker_desktop.core.storage import open_storage\n"
        "from tracker_desktop.core.service import Tracker\n"
        "t = Tracker(open_storage(Path(sys.argv[1])))\n"
        "t.add('theirs, in the journal', datetime(2026, 11, 4, 9, tzinfo=UTC),"
        " datetime(2026, 11, 4, 10, tzinfo=UTC))\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([os.sys.executable, "-c", script, str(other)], cwd=ROOT, check=False)
    shutil.copy(other / f"{DATABASE_FILENAME}-wal", mine / f"{DATABASE_FILENAME}-wal")
    before = (mine / DATABASE_FILENAME).read_bytes()

    refused = run_cli(mine, "list", "--period", "month", "--date", "2026-11-15")
    assert_one_line_error(refused, 3, f"{DATABASE_FILENAME}-wal", "another database")
    assert (mine / DATABASE_FILENAME).read_bytes() == before

    (mine / f"{DATABASE_FILENAME}-wal").unlink()
    listed = run_cli(mine, "list", "--period", "month", "--date", "2026-11-15")
    assert listed.code == 0
    assert "my session" in listed.out
    assert "their" not in listed.out
