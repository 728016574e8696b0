"""A bare PySide6 window that reports its first paint and quits (the baseline).

    python benchmarks/bare_window.py [--import MODULE]

``--import MODULE`` imports that module first: the same window plus what importing it
costs a launch (the benchmark measures peewee's share of the tracker's start-up so).
"""

import importlib
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class ReportsFirstPaint:
    """For a benchmark's window: once it has painted, prints when, and quits."""

    painted = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            # Queued: runs after the paint and the flush to the screen that follows it.
            QTimer.singleShot(0, self.report_and_quit)

    def report_and_quit(self) -> None:
        print(f"first paint at {time.time():.6f}", flush=True)
        QApplication.quit()


class Window(ReportsFirstPaint, QWidget):
    pass


if __name__ == "__main__":
    if sys.argv[1:2] == ["--import"]:
        sys.modules.setdefault("psycopg", None)  # as the app imports peewee: without it
        importlib.import_module(sys.argv[2])
    app = QApplication(sys.argv[:1])
    window = Window()
    window.setWindowTitle("Bare window")
    window.resize(760, 560)
    window.show()
    sys.exit(app.exec())
