"""A bare PySide6 window that reports its first paint and quits (the baseline)."""

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
    app = QApplication(sys.argv[:1])
    window = Window()
    window.setWindowTitle("Bare window")
    window.resize(760, 560)
    window.show()
    sys.exit(app.exec())
