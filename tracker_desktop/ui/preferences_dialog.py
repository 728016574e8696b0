"""The Preferences dialog (``preferencesDialog``): your name (on timesheets), the first
day of the week, the default hourly rate and currency, when to ask about a session left
running across a gap, the theme (System, Light or Dark) and Start at Login. Each applies
as soon as it is changed; Close only closes."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.money import MINOR_UNITS, parse_currency, parse_rate
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.dialog_parts import error_label, plain_buttons
from tracker_desktop.ui.idle_preferences import minutes_suffix
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.locale_format import locale_week_start
from tracker_desktop.ui.preferences import StartAtLogin
from tracker_desktop.ui.settings import WindowSettings
from tracker_desktop.ui.theme import THEME_NAMES, THEMES

MAX_GAP_MINUTES = 24 * 60


class PreferencesDialog(QDialog):
    """Settings that apply at once: weeks and money go to the database (the command line
    reads them too), the gap threshold to ``window.ini``, Start at Login to the system."""

    week_start_changed = Signal(int)  # 0 = Monday … 6 = Sunday
    pricing_changed = Signal()  # the default rate or currency
    theme_changed = Signal(str)  # system, light or dark

    def __init__(
        self,
        tracker: Tracker,
        settings: WindowSettings,
        start_at_login: StartAtLogin,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.setMinimumWidth(440)
        self._catalog = tracker.catalog
        self._settings = settings
        self._start_at_login = start_at_login
        self._saved_name = ""
        locale = QLocale()

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("yourNameEdit")
        self.name_edit.setPlaceholderText(
            translate("PreferencesDialog", "On the timesheets you export")
        )
        self.name_edit.setToolTip(
            translate(
                "PreferencesDialog", "Who the PDF timesheets are from (the command line's too)"
            )
        )
        self.week_combo = QComboBox(self)
        self.week_combo.setObjectName("weekStartCombo")
        # First "as the language and region say", then each weekday (index = weekday + 1).
        self._locale_week_start = locale_week_start(locale)
        usual = locale.standaloneDayName(self._locale_week_start + 1, QLocale.FormatType.LongFormat)
        self.week_combo.addItem(
            translate("PreferencesDialog", "From the language and region ({day})").format(day=usual)
        )
        for day in range(1, 8):  # Qt counts Monday as 1
            self.week_combo.addItem(locale.standaloneDayName(day, QLocale.FormatType.LongFormat))
        self.rate_edit = QLineEdit(self)
        self.rate_edit.setObjectName("defaultRateEdit")
        self.rate_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.rate_edit.setPlaceholderText(translate("PreferencesDialog", "None"))
        self.rate_edit.setToolTip(
            translate("PreferencesDialog", "The hourly rate of projects and clients without one")
        )
        self.currency_combo = QComboBox(self)
        self.currency_combo.setObjectName("defaultCurrencyCombo")
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(sorted(MINOR_UNITS))
        self.currency_combo.setToolTip(
            translate("PreferencesDialog", "The currency of clients without one of their own")
        )
        self.gap_spin = QSpinBox(self)
        self.gap_spin.setObjectName("gapThresholdSpin")
        self.gap_spin.setRange(1, MAX_GAP_MINUTES)
        self.gap_spin.setSuffix(minutes_suffix(2))
        self.gap_spin.setToolTip(
            translate(
                "PreferencesDialog",
                "A running session that went unwatched longer than this (the computer "
                "slept, or the app was not running) is asked about",
            )
        )
        self.login_check = QCheckBox(
            translate("PreferencesDialog", "Open Tracker Desktop when you log in"), self
        )
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("themeCombo")
        for theme in THEMES:
            self.theme_combo.addItem(translate("Theme", THEME_NAMES[theme]), theme)
        self.theme_combo.setToolTip(
            translate("PreferencesDialog", "System follows the desktop's light or dark colours")
        )
        self.login_check = QCheckBox(
            translate("PreferencesDialog", "Open Tracker Desktop when you log in"), self
        )
        self.login_check.setObjectName("startAtLoginCheck")
        self.error = error_label(self, "preferencesError")
        for widget, name in (
            (self.name_edit, translate("PreferencesDialog", "Your name")),
            (self.week_combo, translate("PreferencesDialog", "First day of the week")),
            (self.rate_edit, translate("PreferencesDialog", "Default hourly rate")),
            (self.currency_combo, translate("PreferencesDialog", "Default currency")),
            (self.gap_spin, translate("PreferencesDialog", "Ask about gaps longer than")),
            (self.theme_combo, translate("PreferencesDialog", "Theme")),
            (self.login_check, translate("PreferencesDialog", "Start at login")),
        ):
            widget.setAccessibleName(name)

        form = QFormLayout()
        form.addRow(translate("PreferencesDialog", "Your &name"), self.name_edit)
        form.addRow(translate("PreferencesDialog", "First day of the &week"), self.week_combo)
        form.addRow(translate("PreferencesDialog", "Default hourly &rate"), self.rate_edit)
        form.addRow(translate("PreferencesDialog", "Default &currency"), self.currency_combo)
        form.addRow(translate("PreferencesDialog", "Ask about &gaps longer than"), self.gap_spin)
        form.addRow(translate("PreferencesDialog", "T&heme"), self.theme_combo)
        form.addRow("", self.login_check)
        buttons = plain_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.show_saved()
        self.name_edit.editingFinished.connect(self._on_name_edit_finished)
        self.week_combo.currentIndexChanged.connect(self._on_week_combo_changed)
        self.rate_edit.editingFinished.connect(self._on_rate_edit_finished)
        self.currency_combo.activated.connect(self._on_currency_changed)
        line = self.currency_combo.lineEdit()
        assert line is not None
        line.editingFinished.connect(self._on_currency_changed)
        self.gap_spin.valueChanged.connect(self._on_gap_spin_changed)
        self.theme_combo.currentIndexChanged.connect(self._on_theme_combo_changed)
        self.login_check.toggled.connect(self._on_login_check_toggled)

    def add_section(self, section: QWidget) -> None:
        """Adds another part's group of settings (time away and reminders) under the form."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 2, section)

    def show_saved(self) -> None:
        """Shows every setting as saved now (the command line may have changed some)."""
        self._start_at_login.refresh()
        try:
            name, week, rate, currency = (
                self._catalog.your_name(),
                self._catalog.chosen_week_start(),
                self._catalog.default_rate(),
                self._catalog.default_currency(),
            )
        except TrackerError as error:
            self._show_error(str(error))
            return
        quiet = (self.week_combo, self.currency_combo, self.gap_spin, self.theme_combo)
        for widget in (*quiet, self.login_check):
            widget.blockSignals(True)
        self._saved_name = name
        self.name_edit.setText(name)
        self.week_combo.setCurrentIndex(0 if week is None else week + 1)
        self.rate_edit.setText("" if rate is None else format(rate, "f"))
        self.currency_combo.setCurrentText(currency)
        self.gap_spin.setValue(int(self._settings.gap_threshold.total_seconds() // 60))
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(self._settings.theme)))
        self.login_check.setChecked(self._start_at_login.isChecked())
        for widget in (*quiet, self.login_check):
            widget.blockSignals(False)

    # -- applying at once -----------------------------------------------------------------

    def _store(self, **values: object) -> bool:
        """Saves preferences; False (and the reason shown) when refused."""
        try:
            self._catalog.set_preferences(**values)  # type: ignore[arg-type]
        except TrackerError as error:
            self._show_error(str(error))
            return False
        self.error.hide()
        return True

    def _on_name_edit_finished(self) -> None:
        # Compared with the name shown as saved, not read again: the field also finishes
        # editing when it loses focus, which may be as the window closes.
        text = self.name_edit.text()
        if text.strip() == self._saved_name or not self._store(your_name=text):
            return
        self._saved_name = self._catalog.your_name()
        self.name_edit.setText(self._saved_name)

    def _on_week_combo_changed(self, index: int) -> None:
        chosen = index - 1 if index > 0 else None
        if self._store(week_start=chosen):
            self.week_start_changed.emit(self._locale_week_start if chosen is None else chosen)

    def _on_rate_edit_finished(self) -> None:
        text = self.rate_edit.text().strip()
        try:
            rate = parse_rate(text, what="default rate") if text else None
        except TrackerError as error:
            self._show_error(str(error))
            return
        if rate != self._catalog.default_rate() and self._store(default_rate=rate):
            self.pricing_changed.emit()

    def _on_currency_changed(self) -> None:
        text = self.currency_combo.currentText()
        try:
            code = parse_currency(text, what="default currency")
        except TrackerError as error:
            self._show_error(str(error))
            return
        self.currency_combo.setCurrentText(code)
        if code != self._catalog.default_currency() and self._store(default_currency=code):
            self.pricing_changed.emit()

    def _on_gap_spin_changed(self, minutes: int) -> None:
        self._settings.gap_threshold = timedelta(minutes=minutes)
        self._settings.sync()

    def _on_theme_combo_changed(self) -> None:
        self.theme_changed.emit(self.theme_combo.currentData())

    def _on_login_check_toggled(self, checked: bool) -> None:
        if self._start_at_login.isChecked() != checked:
            self._start_at_login.trigger()  # installs or removes the entry (or says why not)
        if self._start_at_login.isChecked() != checked:
            self.login_check.blockSignals(True)
            self.login_check.setChecked(self._start_at_login.isChecked())
            self.login_check.blockSignals(False)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
