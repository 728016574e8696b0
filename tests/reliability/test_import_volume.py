"""Imports at volume: 100,000 Watson frames through the command line, a process killed
in the middle of an import (nothing of it is left), and the undo and redo of a whole
100,000-session import, which must put every row back exactly."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.reliability.harness import ROOT, environment, integrity, read_rows, run_cli
from tests.unit.import_samples import write_frames
from tracker_desktop.core.history import Change
from tracker_desktop.core.importing import Importer
from tracker_desktop.core.layout import DATABASE_FILENAME
from tracker_desktop.core.service import Tracker

pytestmark = pytest.mark.reliability

FRAMES = 100_000
START = 946_684_800  # 2000-01-01


def frames_file(folder: Path) -> Path:
    frames = [
        [START + i * 3000, START + i * 3000 + 1800, f"Project {i % 300}", f"{i:032x}",
         [f"tag-{i % 50}"] if i % 3 == 0 else [], START]
        for i in range(FRAMES)
    ]  # fmt: skip
    return write_frames(folder / "frames", frames)


def table_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(db)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("session", "session_tag", "session_origin", "project", "tag")
        }
    finally:
        connection.close()


def test_a_hundred_thousand_frames_through_the_command_line(tmp_path: Path) -> None:
    data_dir = tmp_path / "cli"
    path = frames_file(tmp_path)
    first = run_cli(data_dir, "import", str(path), "--json")
    assert (first.code, first.err) == (0, ""), first
    assert '"imported": 100000' in first.out
    assert len(read_rows(data_dir / DATABASE_FILENAME)) == FRAMES
    again = run_cli(data_dir, "import", str(path), "--json")
    assert '"skipped": 100000' in again.out
    assert integrity(data_dir / DATABASE_FILENAME) == ["ok"]


KILLABLE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from tracker_desktop.core.importing import Importer
    from tracker_desktop.core.service import Tracker
    from tracker_desktop.core.storage import open_storage

    tracker = Tracker(open_storage(Path(sys.argv[1])))

    def halfway(done, total):
        if done > total // 2:
            print("halfway", flush=True)
            sys.stdin.readline()  # waits here, inside the transaction, to be killed

    Importer(tracker).run(Path(sys.argv[2]), progress=halfway)
    """
)


def test_an_import_killed_halfway_leaves_nothing_of_it(tmp_path: Path) -> None:
    data_dir = tmp_path / "killed"
    path = frames_file(tmp_path)
    with subprocess.Popen(
        [sys.executable, "-c", KILLABLE, str(data_dir), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env=environment(),
        text=True,
    ) as process:
        assert process.stdout is not None
        assert process.stdout.readline() == "halfway\n"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    assert read_rows(data_dir / DATABASE_FILENAME) == {}
    assert integrity(data_dir / DATABASE_FILENAME) == ["ok"]
    # The folder works as before: the same import now goes through whole.
    done = run_cli(data_dir, "import", str(path), "--json")
    assert '"imported": 100000' in done.out


def test_undo_and_redo_of_a_hundred_thousand_sessions_are_exact(
    tracker: Tracker, tmp_path: Path, data_dir: Path
) -> None:
    year_ago = tracker.now().replace(year=2001)
    tracker.add("before", year_ago, year_ago.replace(hour=11))
    before = table_rows(data_dir / DATABASE_FILENAME)
    changes: list[Change] = []
    tracker.changes.add(changes.append)
    Importer(tracker).run(frames_file(tmp_path))
    after = table_rows(data_dir / DATABASE_FILENAME)
    assert len(after["session"]) == FRAMES + 1
    tracker.apply(changes[0].inverse())
    assert table_rows(data_dir / DATABASE_FILENAME) == before
    tracker.apply(changes[0])
    assert table_rows(data_dir / DATABASE_FILENAME) == after
