"""Telling the user things: errors in an inline banner until dismissed, quiet
confirmations ("Session saved") in the status bar for a few seconds."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from tracker_desktop.core.errors import TrackerError
from tracker_desktop.ui.language import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

log = logging.getLogger(__name__)
T = TypeVar("T")

# The tint and border of the banner (the same red as the Stop button and dialog errors).
ERROR_COLOR = QColor("#d64541")
NOTE_MS = 5000


class MessageBanner(QFrame):
    """An error, shown above the sessions until dismissed (``messageBanner``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel(self)
        self.label.setObjectName("messageLabel")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        dismiss = QToolButton(self)
        dismiss.setObjectName("dismissMessageButton")
        dismiss.setText("✕")
        dismiss.setAutoRaise(True)
        dismiss.setToolTip(translate("MessageBanner", "Dismiss"))
        dismiss.setAccessibleName(translate("MessageBanner", "Dismiss message"))
        dismiss.clicked.connect(self.hide)
        row.addWidget(dismiss)
        self.hide()  # styled when first shown: style sheets cost start-up

    def show_error(self, message: str) -> None:
        """Shows ``message``, tinted red the first time (style sheets cost start-up)."""
        self.label.setText(message)
        if not self.styleSheet():
            warn = QColor(ERROR_COLOR)
            warn.setAlpha(36)
            self.setStyleSheet(
                f"#messageBanner {{ background: rgba({warn.red()},{warn.green()},{warn.blue()},"
                f"{warn.alpha()}); border: 1px solid {ERROR_COLOR.name()}; border-radius: 6px; }}"
            )
        self.show()


class Messages:
    """Where every part of the window sends what the user should read."""

    def __init__(self, banner: MessageBanner, status_bar: QStatusBar) -> None:
        self._banner = banner
        self._status_bar = status_bar

    def show_error(self, message: str) -> None:
        """An error, in the banner until dismissed (and in the log)."""
        log.info("shown to user: %s", message)
        self._banner.show_error(message)

    def clear_error(self) -> None:
        """Hides the banner: what it said no longer holds."""
        self._banner.hide()

    def show_note(self, message: str, timeout_ms: int = NOTE_MS) -> None:
        """A quiet confirmation; ``timeout_ms`` 0 keeps it until the next one."""
        self._status_bar.showMessage(message, timeout_ms)

    def attempt(self, operation: Callable[[], T]) -> T | None:
        """Runs a tracker operation: a refusal becomes an error shown (and None), never a
        crash; success clears an error shown before."""
        try:
            result = operation()
        except TrackerError as error:
            self.show_error(str(error))
            return None
        self.clear_error()
        return result
