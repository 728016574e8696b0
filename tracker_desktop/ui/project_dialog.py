"""The dialog that makes or changes a project: its name, client, colour (from the palette,
or any other), its own hourly rate (or none, to inherit) and whether it bills by
default. Each has an ``ask`` classmethod that tests replace."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import NamedTuple

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from tracker_desktop.core.catalog import PALETTE
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.money import parse_rate
from tracker_desktop.ui.dialog_parts import form_dialog
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.project_colors import color_dot, color_name

NO_CLIENT = QT_TRANSLATE_NOOP("ProjectDialog", "No client")


class ProjectFields(NamedTuple):
    name: str
    client: str | None
    color: str | None  # None: the next colour of the palette
    rate: Decimal | None  # None: the client's, else the default
    billable: bool = True


class ColorChooser:
    """Any colour, from the system's colour dialog."""

    @classmethod
    def ask(cls, parent: QWidget | None, initial: str) -> str | None:
        """``#rrggbb``, or None when cancelled."""
        from PySide6.QtWidgets import QColorDialog

        chosen = QColorDialog.getColor(QColor(initial), parent, "Project Colour")
        return chosen.name() if chosen.isValid() else None


class ColorRow(QWidget):
    """The palette's twelve colours and "Other…", one of them checked."""

    def __init__(self, color: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectColorRow")
        self.setAccessibleName(translate("ProjectDialog", "Colour"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self._group = QButtonGroup(self)
        self._custom: str | None = None
        for index, swatch in enumerate(PALETTE):
            button = QToolButton(self)
            button.setObjectName(f"projectColor-{swatch}")
            button.setIcon(color_dot(swatch))
            button.setIconSize(QSize(20, 20))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setAccessibleName(color_name(index))
            button.setToolTip(color_name(index))
            self._group.addButton(button, index)
            row.addWidget(button)
        self.other = QToolButton(self)
        self.other.setObjectName("projectColorOther")
        self.other.setText(translate("ProjectDialog", "Other…"))
        self.other.setCheckable(True)
        self.other.setAutoRaise(True)
        self.other.clicked.connect(self._on_other_clicked)
        self._group.addButton(self.other, len(PALETTE))
        row.addWidget(self.other)
        row.addStretch(1)
        self.set_color(color)

    def set_color(self, color: str | None) -> None:
        if color is None:
            return
        if color.lower() in PALETTE:
            button = self._group.button(PALETTE.index(color.lower()))
            button.setChecked(True)
        else:
            self._show_custom(color)

    def color(self) -> str | None:
        """The checked colour (None: none checked, the palette's next)."""
        checked = self._group.checkedId()
        if checked < 0:
            return None
        return self._custom if checked == len(PALETTE) else PALETTE[checked]

    def _show_custom(self, color: str) -> None:
        self._custom = color.lower()
        self.other.setIcon(color_dot(color))
        self.other.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.other.setToolTip(color.lower())
        self.other.setChecked(True)

    def _on_other_clicked(self) -> None:
        chosen = ColorChooser.ask(self, self._custom or self.color() or PALETTE[0])
        if chosen is not None:
            self._show_custom(chosen)
        elif self._custom is None:
            self.other.setChecked(False)


class ProjectDialog(QDialog):
    """``projectDialog``: the fields of a project, checked before it closes."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        fields: ProjectFields,
        clients: Sequence[str],
        inherited: Callable[[str | None], str],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._inherited = inherited
        self.result_fields: ProjectFields | None = None
        self.name_edit = QLineEdit(fields.name, self)
        self.name_edit.setObjectName("projectNameEdit")
        self.client_combo = QComboBox(self)
        self.client_combo.setObjectName("projectClientCombo")
        self.client_combo.setEditable(True)  # a new name makes a new client
        self._no_client = translate("ProjectDialog", NO_CLIENT)
        self.client_combo.addItems([self._no_client, *clients])
        self.client_combo.setCurrentText(fields.client or self._no_client)
        self.client_combo.currentTextChanged.connect(self._show_inherited)
        self.colors = ColorRow(fields.color, self)
        self.rate_edit = QLineEdit("" if fields.rate is None else format(fields.rate, "f"), self)
        self.rate_edit.setObjectName("projectRateEdit")
        self.rate_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.billable_check = QCheckBox(translate("ProjectDialog", "&Billable by default"), self)
        self.billable_check.setObjectName("projectBillableCheck")
        self.billable_check.setChecked(fields.billable)
        self.error = form_dialog(
            self,
            [
                (translate("ProjectDialog", "&Name"), self.name_edit),
                (translate("ProjectDialog", "&Client"), self.client_combo),
                (translate("ProjectDialog", "Colour"), self.colors),
                (translate("ProjectDialog", "Hourly &rate"), self.rate_edit),
                ("", self.billable_check),
            ],
            translate("ProjectDialog", "Save"),
        )
        self._show_inherited()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        fields: ProjectFields,
        clients: Sequence[str],
        inherited: Callable[[str | None], str],
        error: InvalidInputError | None = None,
    ) -> ProjectFields | None:
        """The fields saved, or None when cancelled. ``inherited(client)`` says the rate
        a project of that client has without one of its own; ``error`` is shown at once
        (the catalog refused what was saved before)."""
        dialog = cls(parent, title, fields, clients, inherited)
        if error is not None:
            dialog.show_error(str(error))
        dialog.exec()
        return dialog.result_fields

    def fields(self) -> ProjectFields:
        rate_text = self.rate_edit.text().strip()
        client = self.client_combo.currentText().strip()
        return ProjectFields(
            self.name_edit.text(),
            None if client in ("", self._no_client) else client,
            self.colors.color(),
            parse_rate(rate_text, what="rate") if rate_text else None,
            self.billable_check.isChecked(),
        )

    def accept(self) -> None:
        try:
            fields = self.fields()
            if not fields.name.strip():
                raise InvalidInputError(
                    translate("ProjectDialog", "name: a project needs a name"), field="name"
                )
        except InvalidInputError as error:
            self.show_error(str(error))
            return
        self.result_fields = fields
        super().accept()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _show_inherited(self) -> None:
        client = self.client_combo.currentText().strip()
        self.rate_edit.setPlaceholderText(
            self._inherited(None if client == self._no_client else client)
        )
