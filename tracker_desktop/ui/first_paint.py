"""Noticing a window's first paint (the self-test waits for it; the startup benchmark
quits on it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Emits ``painted`` once, after ``widget`` has finished its first paint."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            watched.removeEventFilter(self)
            # The filter runs before the widget paints; the queued call runs after the
            # paint and the flush to the screen that follows it.
            QTimer.singleShot(0, self.painted.emit)
        return False
