"""How long the window takes to show a month, and to filter it, on a large database.

    python benchmarks/month_view.py build/bench-data/1M [--runs 20] [--code DIR]

DATA_DIR is copied once to a temporary folder (the original is never changed). In one
process (Qt's offscreen platform unless DISPLAY is set) it opens the main window in the
month view, with the clock in the month shown, for a usual month (November 2026, about
150 sessions in make_db.py's databases) and a packed one (November 1996, about 1,770),
and times, as medians (min–max) of ``--runs``:

- reading the month again and painting the window (``LiveState.refresh`` and a
  repaint: the query, the table's rows, its column widths, the paint);
- typing a filter that keeps some sessions and clearing it again, each with a repaint
  (windows without the filter field, older code, skip this).

``--code DIR`` imports tracker_desktop from DIR instead (to time an older checkout the
same way, such as ``git archive main | tar -x -C DIR``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MONTHS = (("usual month", datetime(2026, 11, 28, 17, 0, tzinfo=UTC)),
          ("packed month", datetime(1996, 11, 28, 17, 0, tzinfo=UTC)))  # fmt: skip
FILTER = "acme"  # a client of make_db.py's: about one session in fifteen


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now


def timed(runs: int, work: Callable[[], object], setup: Callable[[], object] = lambda: None) -> str:
    """Median (min–max) milliseconds of ``work``, each time after an untimed ``setup``."""
    values = []
    for n in range(runs + 2):
        setup()
        began = time.perf_counter()
        work()
        if n >= 2:  # the first two warm caches
            values.append((time.perf_counter() - began) * 1000)
    return f"{statistics.median(values):.1f} ({min(values):.1f}–{max(values):.1f})"


def measure(window: Any, runs: int) -> list[str]:
    """Sessions and rows shown, then the timings of a table row (see the docstring)."""
    from PySide6.QtWidgets import QLineEdit, QTableView

    table = window.findChild(QTableView, "sessionsTable")
    shown = [str(len(window.live.report.sessions)), str(table.model().rowCount())]

    def read() -> None:
        window.live.refresh()
        window.repaint()

    edit = window.findChild(QLineEdit, "sessionFilterEdit")
    if edit is None:
        return [*shown, timed(runs, read), "–", "–"]

    def type_filter() -> None:
        edit.setText(FILTER)
        window.repaint()

    def clear_filter() -> None:
        edit.clear()
        window.repaint()

    return [
        *shown,
        timed(runs, read),
        timed(runs, type_filter, setup=clear_filter),
        timed(runs, clear_filter, setup=type_filter),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--code", type=Path, default=ROOT)
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tracker_desktop.core.service import Tracker
    from tracker_desktop.core.storage import open_storage
    from tracker_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as temporary:
        data_dir = Path(temporary) / "data"
        shutil.copytree(args.data_dir, data_dir)
        (data_dir / "window.ini").write_text("[view]\nperiod=month\n")
        storage = open_storage(data_dir)
        print("| month | sessions | rows | read and paint, ms | filter, ms | clear, ms |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for label, now in MONTHS:
            tracker = Tracker(storage, FixedClock(now))
            settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
            window = MainWindow(tracker, settings)
            window.resize(900, 600)
            window.show()
            app.processEvents()
            figures = " | ".join(measure(window, args.runs))
            print(f"| {label} ({now:%Y-%m}) | {figures} |")
            window.close()
            window.deleteLater()
            app.processEvents()
        storage.close()


if __name__ == "__main__":
    main()
