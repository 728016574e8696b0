"""How long a window opened by an action takes to open on a large database, from the
trigger of its action to the end of its first paint (projects_window.py and
reports_window.py say which window and action).

DATA_DIR is copied once to a temporary folder (the original is never changed). Each run
is a fresh process, so the first opening's imports, widgets and reads all count: it
opens the main window there, lets it paint and finish what waits for its first paint,
then opens the window and prints the milliseconds; then it closes that window and opens
it again (the time of a later opening). ``--at`` fixes the clock (a month that is full
so far, say), otherwise it is now. Uses the display in DISPLAY, else Qt's offscreen
platform.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(data_dir: Path, at: str | None, window_name: str, attribute: str, action: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from tracker_desktop.core.service import Tracker
    from tracker_desktop.core.storage import open_storage
    from tracker_desktop.ui.first_paint import FirstPaint
    from tracker_desktop.ui.main_window import MainWindow

    class Fixed:
        def __init__(self, instant: datetime) -> None:
            self.instant = instant

        def now(self) -> datetime:
            return self.instant

    app = QApplication([sys.argv[0]])
    fixed = Fixed(datetime.fromisoformat(at).astimezone()) if at else None
    tracker = Tracker(open_storage(data_dir), fixed)
    settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(tracker, settings)
    timings: list[float] = []

    class PaintWatch(QObject):
        """Notes the end of the window's next first paint."""

        def __init__(self) -> None:
            super().__init__()
            self.started = 0.0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                self.started
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.window().objectName() == window_name
            ):
                started, self.started = self.started, 0.0
                QTimer.singleShot(0, lambda: painted(started))
            return False

    watch = PaintWatch()
    app.installEventFilter(watch)

    def painted(started: float) -> None:
        timings.append((time.perf_counter() - started) * 1000)
        opened = getattr(window, attribute)
        assert opened is not None
        opened.close()
        if len(timings) == 1:
            QTimer.singleShot(50, open_window)
        else:
            print(json.dumps({"first_ms": timings[0], "again_ms": timings[1]}), flush=True)
            app.quit()

    def open_window() -> None:
        watch.started = time.perf_counter()
        getattr(window.action_set, action).trigger()

    def after_first_paint() -> None:
        window.finish_after_first_paint()
        QTimer.singleShot(200, open_window)  # what the first paint deferred has run

    FirstPaint(window).painted.connect(after_first_paint)
    window.show()
    app.exec()
    tracker.storage.close()


def main(title: str, window_name: str, attribute: str, action: str) -> int:
    """Measures opening ``window_name`` (``MainWindow.<attribute>``, by ``<action>``)."""
    parser = argparse.ArgumentParser(description=title)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--at", help="the clock's fixed time (local ISO 8601), default now")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.at, window_name, attribute, action)
        return 0
    env = dict(os.environ)
    # As an installed app: modules read from cached bytecode (written by the first run),
    # not compiled again at every opening.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / "data"
        shutil.copytree(args.data_dir, copy)
        firsts, agains = [], []
        for _ in range(args.runs):
            command = [sys.executable, sys.argv[0], "--data-dir", str(copy), "--child", str(copy)]
            if args.at:
                command += ["--at", args.at]
            done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            firsts.append(result["first_ms"])
            agains.append(result["again_ms"])
    platform = "offscreen" if env.get("QT_QPA_PLATFORM") == "offscreen" else env["DISPLAY"]
    clock = args.at or "now"
    print(f"{title} on {args.data_dir} ({platform}, {args.runs} runs, clock {clock}):")
    for label, values in (("first opening", firsts), ("opening again", agains)):
        print(
            f"  {label}: median {statistics.median(values):.1f} ms "
            f"(min {min(values):.1f}, max {max(values):.1f})"
        )
    return 0
