"""Questions that need an answer. Each has an ``ask`` classmethod that tests replace."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from tracker_desktop.ui.project_colors import WARNING_RED, accent


class Confirmation:
    """A yes/no question whose "yes" does something that cannot be taken back."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, confirm: str) -> bool:
        """True when the user chose ``confirm``; Cancel (the default) gives False."""
        box = cls.build(parent, title, text, confirm)
        box.exec()
        return box.clickedButton() is box.findChild(QPushButton, "destructiveButton")

    @staticmethod
    def build(parent: QWidget | None, title: str, text: str, confirm: str) -> QMessageBox:
        """The question: ``confirm`` in red (it destroys), Cancel the default."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
        box.setObjectName("confirmationBox")
        accept = box.addButton(confirm, QMessageBox.ButtonRole.DestructiveRole)
        accept.setObjectName("destructiveButton")
        window = QApplication.palette().color(box.backgroundRole())
        fill, on_fill = accent(QColor(WARNING_RED), QColor("white"), window)
        accept.setStyleSheet(
            f"QPushButton {{ background: {fill.name()}; color: {on_fill.name()};"
            " border: none; border-radius: 4px; padding: 5px 14px; }"
            f"QPushButton:focus {{ border: 2px solid {on_fill.name()}; }}"
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setIcon(QIcon())  # words only, no red cross
        box.setDefaultButton(cancel)
        return box
