"""The other questions of the Projects window: a client's fields, where a deleted
project's sessions go, and a tag's new name. Each has an ``ask`` classmethod that tests
replace."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.catalog import ProjectInfo
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.money import MINOR_UNITS, parse_currency, parse_rate
from tracker_desktop.ui.dialog_parts import form_dialog
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.project_colors import color_dot


class ClientFields(NamedTuple):
    name: str
    rate: Decimal | None  # None: the default rate
    currency: str | None  # None: the default currency


class ClientDialog(QDialog):
    """``clientDialog``: a client's name, hourly rate and currency."""

    def __init__(
        self, parent: QWidget | None, title: str, fields: ClientFields, defaults: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clientDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.result_fields: ClientFields | None = None
        self.name_edit = QLineEdit(fields.name, self)
        self.name_edit.setObjectName("clientNameEdit")
        self.rate_edit = QLineEdit("" if fields.rate is None else format(fields.rate, "f"), self)
        self.rate_edit.setObjectName("clientRateEdit")
        self.rate_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.rate_edit.setPlaceholderText(defaults)
        self.currency_combo = QComboBox(self)
        self.currency_combo.setObjectName("clientCurrencyCombo")
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(["", *sorted(MINOR_UNITS)])
        self.currency_combo.setCurrentText(fields.currency or "")
        self.currency_combo.lineEdit().setPlaceholderText(translate("CatalogDialogs", "Default"))  # type: ignore[union-attr]
        self.error = form_dialog(
            self,
            [
                (translate("CatalogDialogs", "&Name"), self.name_edit),
                (translate("CatalogDialogs", "Hourly &rate"), self.rate_edit),
                (translate("CatalogDialogs", "C&urrency"), self.currency_combo),
            ],
            translate("CatalogDialogs", "Save"),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        fields: ClientFields,
        defaults: str,
        error: InvalidInputError | None = None,
    ) -> ClientFields | None:
        """The fields saved, or None when cancelled; ``defaults`` says the rate a client
        without one has."""
        dialog = cls(parent, title, fields, defaults)
        if error is not None:
            dialog.error.setText(str(error))
            dialog.error.show()
        dialog.exec()
        return dialog.result_fields

    def accept(self) -> None:
        rate, currency = self.rate_edit.text().strip(), self.currency_combo.currentText()
        try:
            fields = ClientFields(
                self.name_edit.text(),
                parse_rate(rate, what="rate") if rate else None,
                parse_currency(currency, what="currency") if currency.strip() else None,
            )
        except InvalidInputError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.result_fields = fields
        super().accept()


class MoveSessionsDialog(QDialog):
    """``moveSessionsDialog``: a project to give the sessions of one being deleted."""

    def __init__(
        self, parent: QWidget | None, project: str, sessions: int, to: Sequence[ProjectInfo]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moveSessionsDialog")
        self.setWindowTitle(translate("CatalogDialogs", "Delete Project"))
        self.chosen: int | None = None
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("moveSessionsCombo")
        for candidate in to:
            self.target_combo.addItem(color_dot(candidate.color), candidate.label, candidate.id)
        said = QLabel(
            (
                translate(
                    "CatalogDialogs",
                    "1 session of “{project}” must go to another project first (or archive "
                    "it instead, to keep it where it is).",
                )
                if sessions == 1
                else translate(
                    "CatalogDialogs",
                    "{count} sessions of “{project}” must go to another project first (or "
                    "archive it instead, to keep them where they are).",
                )
            ).format(count=sessions, project=project),
            self,
        )
        said.setWordWrap(True)
        form = QVBoxLayout()
        form.addWidget(said)
        form_dialog(
            self,
            [(translate("CatalogDialogs", "&Move them to"), self.target_combo)],
            translate("CatalogDialogs", "Move and Delete"),
        )
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, form)

    @classmethod
    def ask(
        cls, parent: QWidget | None, project: str, sessions: int, to: Sequence[ProjectInfo]
    ) -> int | None:
        """The project the sessions move to, or None to keep the project."""
        dialog = cls(parent, project, sessions, to)
        dialog.exec()
        return dialog.chosen

    def accept(self) -> None:
        self.chosen = self.target_combo.currentData()
        super().accept()


class TagNameDialog(QDialog):
    """``tagNameDialog``: a tag's new name; an existing tag's name merges the two."""

    def __init__(self, parent: QWidget | None, tag: str, others: Sequence[str]) -> None:
        super().__init__(parent)
        self.setObjectName("tagNameDialog")
        self.setWindowTitle(translate("CatalogDialogs", "Rename Tag"))
        self.chosen: str | None = None
        self._others = {other.casefold(): other for other in others}
        self._tag = tag
        self.name_edit = QLineEdit(tag, self)
        self.name_edit.setObjectName("tagNameEdit")
        self.name_edit.selectAll()
        self.name_edit.textChanged.connect(self._on_name_edit_changed)
        self.note = QLabel(self)
        self.note.setObjectName("tagMergeNote")
        self.note.setWordWrap(True)
        form_dialog(
            self,
            [(translate("CatalogDialogs", "&New name"), self.name_edit), ("", self.note)],
            translate("CatalogDialogs", "Rename"),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, tag: str, others: Sequence[str]) -> str | None:
        """The new name (maybe one of ``others``: then ``tag`` merges into it), or None."""
        dialog = cls(parent, tag, others)
        dialog.exec()
        return dialog.chosen

    def _on_name_edit_changed(self, text: str) -> None:
        other = self._others.get(text.strip().casefold())
        merging = other is not None and other.casefold() != self._tag.casefold()
        self.note.setText(
            translate("CatalogDialogs", "“{other}” exists: “{tag}” merges into it.").format(
                other=other, tag=self._tag
            )
            if merging and other
            else ""
        )

    def accept(self) -> None:
        self.chosen = self.name_edit.text().strip()
        super().accept()
