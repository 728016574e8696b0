"""A bare PySide6 window that reports its first paint and quits (the baseline)."""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class Window(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.report_and_quit)

    def report_and_quit(self) -> None:
        print(f"first paint at {time.time():.6f}", flush=True)
        QApplication.quit()


app = QApplication(sys.argv[:1])
window = Window()
window.setWindowTitle("Bare window")
window.resize(760, 560)
window.show()
sys.exit(app.exec())
