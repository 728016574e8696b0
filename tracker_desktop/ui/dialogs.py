"""Questions that need an answer. Each has an ``ask`` classmethod that tests replace."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Confirmation:
    """A yes/no question whose "yes" does something that cannot be taken back."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, confirm: str) -> bool:
        """True when the user chose ``confirm``; Cancel (the default) gives False."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        accept = box.addButton(confirm, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is accept
