"""Sync as the window sees it, against a throw-away PostgreSQL server (tests/postgres.py):

    python benchmarks/sync_window.py [--runs 7] [--rounds 10] [--size 100000]

- First paint of the real app under a private Xvfb (``TRACKER_DESKTOP_EXIT_AFTER_PAINT=1``)
  on the same data, not connected and connected to a server, alternating launches (a
  warm-up of each first): sync must not delay the first paint.
- A change on machine B to its appearance in window A (in this process, offscreen): B
  adds a session and syncs (timed), then A's background sync runs (as its minute timer
  would start it) and the time until A's sessions table shows the session is taken.

Prints medians with min–max. Needs PostgreSQL's server programs and Xvfb.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from frozen_startup import start_xvfb  # noqa: E402
from run import Subject, base_env, ensure_data, measure, working_copy  # noqa: E402

from tests import postgres  # noqa: E402
from tracker_desktop.main import main as cli  # noqa: E402

PASSWORD = "bench-secret"


def spread(values: list[float]) -> str:
    low, middle, high = (
        round(v * 1000) for v in (min(values), statistics.median(values), max(values))
    )
    return f"{middle} ms ({low}–{high})"


def add_user(server: postgres.Server, name: str) -> str:
    sys.stdin = io.StringIO(PASSWORD + "\n")
    assert cli(["server", "add-user", server.url(), name, "--password-stdin"]) == 0
    return server.url(user=name, password=None)


def first_paint(server: postgres.Server, size: int, runs: int, work: Path) -> dict[str, str]:
    """Launch to first paint, connected or not, on copies of the same data."""
    from tracker_desktop.core import sync
    from tracker_desktop.core.service import Tracker
    from tracker_desktop.core.storage import open_storage

    data = ensure_data(size, rebuild=False)
    plain = working_copy(data, work / "plain")
    connected = working_copy(data, work / "connected")
    url = add_user(server, "paint")
    storage = open_storage(connected)
    sync.connect(Tracker(storage), url, PASSWORD)
    storage.close()
    (work / "home").mkdir(exist_ok=True)
    xvfb, display = start_xvfb()
    try:
        env = base_env(work / "home")
        env.update(DISPLAY=display, TRACKER_DESKTOP_EXIT_AFTER_PAINT="1")
        subjects = [
            Subject(
                f"{label}, {size:,} sessions",
                [sys.executable, "-m", "tracker_desktop", "--data-dir", str(folder)],
                env,
                needs_paint=True,
            )
            for label, folder in (("not connected", plain), ("connected", connected))
        ]
        measure(subjects, runs)
    finally:
        xvfb.terminate()
        xvfb.wait()
    return {s.name: spread([x.paint or 0.0 for x in s.samples]) for s in subjects}


def change_to_window(server: postgres.Server, rounds: int, work: Path) -> dict[str, str]:
    """B adds a session and syncs; A's background sync brings it into A's table."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tracker_desktop.core import sync
    from tracker_desktop.core.service import Tracker
    from tracker_desktop.core.storage import open_storage
    from tracker_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    url = add_user(server, "latency")
    a, b = (Tracker(open_storage(work / name)) for name in ("a", "b"))
    for tracker in (a, b):
        sync.connect(tracker, url, PASSWORD)
        sync.sync_now(tracker)
    window = MainWindow(a, QSettings(str(work / "a" / "window.ini"), QSettings.Format.IniFormat))
    window.show()
    window.finish_after_first_paint()
    assert window.sync is not None
    runner = window.sync.runner
    model = window.sessions_view.model

    def shown(name: str) -> bool:
        return any(model.index(row, 0).data() == name for row in range(model.rowCount()))

    def wait(condition: object, limit: float = 30.0) -> None:
        deadline = time.perf_counter() + limit
        while not condition():  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() > deadline:
                raise SystemExit("timed out")

    wait(lambda: not runner.busy)
    b_sync, a_sync, total = [], [], []
    for number in range(rounds):
        name = f"From B {number}"
        began = time.perf_counter()
        end = b.now() - timedelta(minutes=rounds - number)
        b.add(name, end - timedelta(seconds=30), end)
        sync.sync_now(b)
        synced = time.perf_counter()
        runner.sync_now()  # what the minute timer (or a change in A) starts
        wait(lambda name=name: shown(name))
        done = time.perf_counter()
        b_sync.append(synced - began)
        a_sync.append(done - synced)
        total.append(done - began)
    window.close()
    for tracker in (a, b):
        tracker.storage.close()
    return {
        "B: change and sync": spread(b_sync),
        "A: background sync until shown in the table": spread(a_sync),
        "B's change to A's table (A's sync started at once)": spread(total),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="launches of each (first paint)")
    parser.add_argument("--rounds", type=int, default=10, help="changes sent from B to A")
    parser.add_argument("--size", type=int, default=100_000, help="sessions in the data")
    args = parser.parse_args()
    with postgres.running_server() as server, tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        os.environ.update(
            PYTHON_KEYRING_BACKEND="tests.sync.keyring_backend.FileKeyring",
            TRACKER_TEST_KEYRING=str(work / "keyring.json"),
            PGPASSFILE=str(work / "pgpass"),
        )
        assert cli(["server", "init", server.url()]) == 0
        results = {
            **first_paint(server, args.size, args.runs, work),
            **change_to_window(server, args.rounds, work),
        }
    width = max(len(name) for name in results)
    print("\n| measured | median (min–max) |\n| --- | --- |")
    for name, value in results.items():
        print(f"| {name:<{width}} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
