"""What the dialogs are made of: an error line in the warning red, and a form above its
OK and Cancel buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.ui.message_banner import ERROR_COLOR

__all__ = ["ERROR_COLOR", "error_label", "form_dialog"]


def error_label(parent: QWidget, name: str) -> QLabel:
    """A hidden, wrapping line that says what is wrong (``name`` finds it)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR.name()};")
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
