"""What the dialogs are made of: an error line in the warning red, and a form above its
OK and Cancel buttons."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.ui.project_colors import error_color

__all__ = ["ErrorLabel", "error_label", "form_dialog"]


class ErrorLabel(QLabel):
    """A wrapping line in the warning red, readable (4.5:1) on the palette it shows on."""

    def showEvent(self, event: QShowEvent) -> None:
        style = f"color: {error_color().name()};"
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        super().showEvent(event)


def error_label(parent: QWidget, name: str) -> QLabel:
    """A hidden, wrapping line that says what is wrong (``name`` finds it)."""
    label = ErrorLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.hide()
    return label


def form_dialog(dialog: QDialog, rows: list[tuple[str, QWidget]], ok: str) -> QLabel:
    """Lays ``dialog`` out: ``rows`` (label, field), an error line (``dialogError``,
    returned) and Cancel and ``ok`` buttons (accept and reject)."""
    form = QFormLayout()
    for label, widget in rows:
        form.addRow(label, widget)
        if label and not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", ""))
    error = error_label(dialog, "dialogError")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return error
