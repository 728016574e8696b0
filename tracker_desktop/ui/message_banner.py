"""Telling the user things: errors in an inline banner until dismissed, what can be
undone ("Deleted “Call”.") in the banner with an Undo button beside it, and quiet
confirmations ("Session saved") in the status bar for a few seconds."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QToolButton, QWidget
from shiboken6 import isValid

from tracker_desktop.core.errors import TrackerError
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.project_colors import PART_CONTRAST, error_color

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

log = logging.getLogger(__name__)
T = TypeVar("T")

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
        self.undo_button = QToolButton(self)
        self.undo_button.setObjectName("bannerUndoButton")
        self.undo_button.setText(translate("MessageBanner", "Undo"))
        self.undo_button.setAccessibleName(translate("MessageBanner", "Undo"))
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.undo_button.hide()
        row.addWidget(self.undo_button)
        self._undo: QAction | None = None
        self._undo_text = ""
        self._news = False  # what is shown is news (quiet colours), not an error
        dismiss = QToolButton(self)
        dismiss.setObjectName("dismissMessageButton")
        dismiss.setText("✕")
        dismiss.setAutoRaise(True)
        dismiss.setToolTip(translate("MessageBanner", "Dismiss"))
        dismiss.setAccessibleName(translate("MessageBanner", "Dismiss message"))
        dismiss.clicked.connect(self.dismiss)
        row.addWidget(dismiss)
        self.hide()  # styled when first shown: style sheets cost start-up

    def show_error(self, message: str) -> None:
        """Shows ``message``, tinted red (styled when first shown: style sheets cost
        start-up)."""
        self._forget_undo()
        self._news = False
        self.label.setText(message)
        self._tint()
        self.show()

    def show_notice(self, message: str) -> None:
        """Shows ``message`` that is news, not a failure (a session another machine
        stopped), in the palette's quiet colours until dismissed."""
        self._forget_undo()
        self._news = True
        self.label.setText(message)
        self._tint()
        self.show()

    def show_undoable(self, message: str, undo: QAction) -> None:
        """Shows ``message`` with an Undo button that triggers ``undo``; it goes once
        undone, or once another change takes the top of the history."""
        self._forget_undo()
        self._news = False
        self.label.setText(message)
        self._undo, self._undo_text = undo, undo.text()
        undo.changed.connect(self._on_undo_changed)
        self.undo_button.setToolTip(undo.toolTip() or undo.text().replace("&", ""))
        self.undo_button.show()
        self._tint()
        self.show()

    def restyle(self) -> None:
        """The tint again, for a new palette (if it was ever shown)."""
        if self.styleSheet():
            self._tint()

    def dismiss(self) -> None:
        """Hides the banner (and its Undo, which no longer applies)."""
        self._forget_undo()
        self.hide()

    def _forget_undo(self) -> None:
        if self._undo is not None and isValid(self._undo):
            self._undo.changed.disconnect(self._on_undo_changed)
        self._undo = None
        self.undo_button.hide()

    def _on_undo_changed(self) -> None:
        if self._undo is not None and not isValid(self._undo):  # the window is closing
            self._undo = None
            return
        if self._undo is not None and self._undo.text() != self._undo_text:
            self.dismiss()  # the history moved on: this Undo would undo something else

    def _on_undo_button_clicked(self) -> None:
        undo = self._undo
        self.dismiss()
        if undo is not None:
            undo.trigger()

    def _tint(self) -> None:
        """Errors: a faint red tint with a red border (3:1 against the window); what
        can be undone, and news: the palette's own quiet colours."""
        if self._undo is not None or self._news:
            palette = QApplication.palette()
            back = palette.color(QPalette.ColorRole.AlternateBase).name()
            edge = palette.color(QPalette.ColorRole.Mid).name()
            self.setStyleSheet(
                f"#messageBanner {{ background: {back}; border: 1px solid {edge};"
                " border-radius: 6px; }"
            )
            return
        border = error_color(PART_CONTRAST)
        tint = QColor(border)
        tint.setAlpha(36)
        self.setStyleSheet(
            f"#messageBanner {{ background: rgba({tint.red()},{tint.green()},{tint.blue()},"
            f"{tint.alpha()}); border: 1px solid {border.name()}; border-radius: 6px; }}"
        )


class Messages:
    """Where every part of the window sends what the user should read."""

    def __init__(self, banner: MessageBanner, status_bar: QStatusBar) -> None:
        self._banner = banner
        self._status_bar = status_bar

    def show_error(self, message: str) -> None:
        """An error, in the banner until dismissed (and in the log)."""
        log.info("shown to user: %s", message)
        self._banner.show_error(message)

    def show_notice(self, message: str) -> None:
        """News the user should not miss, in the banner until dismissed (and in the log)."""
        log.info("shown to user: %s", message)
        self._banner.show_notice(message)

    def clear_error(self) -> None:
        """Hides the banner: what it said no longer holds."""
        self._banner.dismiss()

    def show_undoable(self, message: str, undo: QAction) -> None:
        """A change that Undo takes back, with the Undo button beside it."""
        self._status_bar.clearMessage()
        self._banner.show_undoable(message, undo)

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
