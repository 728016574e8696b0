"""A sync cut short (the process killed with SIGKILL at varied points, the server stopped
under it) and then run again: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests import postgres
from tests.sync.conftest import REPO
from tests.sync.helpers import sessions
from tests.unit.import_samples import toggl_row, write_toggl
from tracker_desktop.core.importing import Importer
from tracker_desktop.core.sync import sync_now, sync_status


def add_sessions(tracker, tmp_path: Path, day: int, count: int) -> None:
    """``count`` sessions on a day of November (an import: one transaction)."""

    def at(second: int) -> str:
        return f"2026-10-{day:02d} {second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"

    rows = [
        toggl_row(at(n * 20), at(n * 20 + 10), description=f"Day {day} #{n}", tags="bulk")
        for n in range(count)
    ]
    Importer(tracker).run(write_toggl(tmp_path / f"day{day}.csv", rows), "toggl-csv")


def sync_process(folder: Path) -> subprocess.Popen[str]:
    env = os.environ.copy()
    env.pop("TRACKER_DESKTOP_DATA_DIR", None)
    return subprocess.Popen(
        [sys.executable, "-m", "tracker_desktop", "--data-dir", str(folder), "sync", "now"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )


def wait_for(process: subprocess.Popen[str], condition: Callable[[], bool]) -> None:
    """Until ``condition`` holds or the process has ended, whichever comes first: the
    condition is another process's progress, so it is looked at between short waits for
    that process's end (never a fixed delay that correctness would depend on)."""
    while not condition():
        try:
            process.wait(timeout=0.002)
        except subprocess.TimeoutExpired:
            continue
        return


def server_count(db, user: str) -> int:
    rows = db.sql(f"SELECT count(*) FROM tracker.session WHERE owner = '{user}' AND NOT deleted")
    return int(rows[0][0])  # type: ignore[arg-type]


def connected(db) -> Callable[[], bool]:
    def check() -> bool:
        rows = db.sql(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'tracker-desktop' "
            f"AND datname = '{db.name}'"
        )
        return bool(rows[0][0])

    return check


def test_a_sync_killed_at_any_point_loses_nothing_and_doubles_nothing(
    machines, db, user, tmp_path: Path
) -> None:
    a = machines.new(user)
    expected = 0
    stages: list[Callable[[], bool]] = [
        lambda: True,  # at once: before or while it starts
        connected(db),  # once it talks to the server
        lambda: server_count(db, user) >= expected,  # the push committed, the rest not
        lambda: False,  # never: it runs to its end (or is killed at the end)
    ]
    for day, stage in enumerate(stages * 2, start=1):
        add_sessions(a, tmp_path, day, 250)
        expected += 250
        # A change to an old row too: it must reach the server exactly once as well.
        if day > 1:
            old = a.sessions_between(*_day(day - 1))[0]
            a.rename(f"renamed on round {day}", old.id)
        process = sync_process(a.storage.data_dir)
        wait_for(process, stage)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        again = sync_process(a.storage.data_dir)
        _out, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert sync_status(a).pending_changes == 0
        assert server_count(db, user) == expected
    b = machines.new(user)
    sync_now(b)
    assert sessions(b) == sessions(a)
    assert len(sessions(b)) == expected


def _day(day: int):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    start = datetime(2026, 10, day, tzinfo=ZoneInfo("Europe/Berlin"))
    end = datetime(2026, 10, day, 23, 59, tzinfo=ZoneInfo("Europe/Berlin"))
    return start, end


def test_the_server_stopped_mid_sync_then_back_loses_nothing(
    machines, db, user, tmp_path: Path
) -> None:
    a = machines.new(user)
    add_sessions(a, tmp_path, 1, 3000)
    process = sync_process(a.storage.data_dir)
    wait_for(process, connected(db))
    postgres.stop(db.server)
    try:
        _out, err = process.communicate(timeout=120)
        # Stopped under it: exit 3 naming the server (or done already: exit 0).
        assert process.returncode in (0, 3), err
        if process.returncode == 3:
            assert db.url(user) in err
            assert "Traceback" not in err
        assert len(sessions(a)) == 3000
    finally:
        postgres.start(db.server)
    sync_now(a)
    assert sync_status(a).pending_changes == 0
    assert server_count(db, user) == 3000
    b = machines.new(user)
    sync_now(b)
    assert sessions(b) == sessions(a)
