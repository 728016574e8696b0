"""Import benchmark through the window: File ▸ Import… on Watson frames, as a user does
it (the real main window, offscreen, on an empty data folder): the preview, the import
after a click on Import, and Edit ▸ Undo of all of it.

    python benchmarks/import_window.py [--frames 100000]

Reports each step's wall time, the progress bar's updates, and the longest the GUI
thread went without running a 10 ms timer meanwhile (how long the window would have
been unresponsive), and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tracker_desktop.core.service import Tracker  # noqa: E402
from tracker_desktop.core.storage import open_storage  # noqa: E402
from tracker_desktop.ui import import_dialog  # noqa: E402
from tracker_desktop.ui.main_window import MainWindow  # noqa: E402


def write_frames(path: Path, count: int) -> Path:
    """``count`` hour-apart frames from 2014 on, across four projects, some tagged."""
    start = int(datetime(2014, 1, 6, 8, 0, tzinfo=UTC).timestamp())
    projects = ("Website", "Server", "Design", "Admin")
    frames = [
        [start + i * 3600, start + i * 3600 + 3000, projects[i % 4], f"{i:032x}",
         ["client", "late"][: i % 3], start + i * 3600 + 3000]
        for i in range(count)
    ]  # fmt: skip
    path.write_text(json.dumps(frames, indent=1), encoding="utf-8")
    return path


class Watch:
    """Wall time of a step, and the longest gap between two runs of a 10 ms GUI timer."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.longest = 0

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def run(self, start: Callable[[], None], done: Callable[[], bool]) -> tuple[float, int]:
        """Seconds until ``done``, and the longest GUI stall (ms) meanwhile."""
        self.longest = 0
        self.clock.start()
        self.timer.start()
        began = time.perf_counter()
        start()
        while not done():
            self.app.processEvents()
            time.sleep(0.002)  # the benchmark's own loop idles; the timer measures the GUI
        self.timer.stop()
        self.longest = max(self.longest, self.clock.elapsed())  # a step done in start() itself
        return time.perf_counter() - began, self.longest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--frames", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="import-window-") as temporary:
        work = Path(temporary)
        frames = write_frames(work / "frames", args.frames)
        storage = open_storage(work / "data")
        tracker = Tracker(storage)
        settings = QSettings(str(work / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(tracker, settings)
        window.show()
        window.finish_after_first_paint()
        import_dialog.ImportFile.ask = classmethod(lambda cls, parent, folder: frames)  # type: ignore[method-assign]
        watch = Watch(app)
        updates: list[int] = []
        found: list[import_dialog.ImportDialog] = []

        def open_dialog() -> None:
            window.action_set.import_file.trigger()
            dialog = window.findChild(import_dialog.ImportDialog)
            dialog.progress.valueChanged.connect(updates.append)
            found.append(dialog)

        preview_s, preview_stall = watch.run(
            open_dialog, lambda: found[0].import_button.isEnabled()
        )
        preview_updates, updates[:] = len(updates), []
        dialog = found[0]
        sessions = dialog.values["sessions"].text()
        import_s, import_stall = watch.run(dialog.import_button.click, lambda: dialog.isHidden())
        note = window.statusBar().currentMessage()
        undo_s, undo_stall = watch.run(
            window.action_set.undo.trigger, lambda: not window.undo_history.canUndo()
        )
        storage.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.frames} Watson frames ({frames.name}); preview said {sessions} sessions")
    print(f"said after the import: {note!r}")
    print()
    print("| step | time (s) | progress updates | longest GUI stall (ms) |")
    print("| --- | --- | --- | --- |")
    print(f"| preview | {preview_s:.2f} | {preview_updates} | {preview_stall} |")
    print(f"| import (click to done) | {import_s:.2f} | {len(updates)} | {import_stall} |")
    print(f"| Edit ▸ Undo (runs on the GUI thread) | {undo_s:.2f} | – | {undo_stall} |")
    print(f"peak memory of the process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
