"""What the Reports window is asked for: a range (a preset or custom days), one or two
groupings, filters and rounding; the panel of controls that chooses them, and how the
choices are saved in ``window.ini`` (``[reports]``, through ``settings.py``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from tracker_desktop.core.catalog import ClientInfo, ProjectInfo
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.reports import (
    GROUPINGS,
    NO_ROUNDING,
    ROUNDING_MINUTES,
    ROUNDING_MODES,
    ReportFilter,
    ReportRange,
    Rounding,
    days_range,
    range_of_last,
    range_of_period,
)
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.locale_format import date_format, day_text
from tracker_desktop.ui.report_text import grouping_title

PRESETS = {
    "today": QT_TRANSLATE_NOOP("ReportChoices", "Today"),
    "this_week": QT_TRANSLATE_NOOP("ReportChoices", "This week"),
    "last_week": QT_TRANSLATE_NOOP("ReportChoices", "Last week"),
    "this_month": QT_TRANSLATE_NOOP("ReportChoices", "This month"),
    "last_month": QT_TRANSLATE_NOOP("ReportChoices", "Last month"),
    "this_year": QT_TRANSLATE_NOOP("ReportChoices", "This year"),
    "last_7_days": QT_TRANSLATE_NOOP("ReportChoices", "Last 7 days"),
    "last_30_days": QT_TRANSLATE_NOOP("ReportChoices", "Last 30 days"),
    "custom": QT_TRANSLATE_NOOP("ReportChoices", "Custom"),
}
ROUNDING_TITLES = {
    "none": QT_TRANSLATE_NOOP("ReportChoices", "No rounding"),
    "up": QT_TRANSLATE_NOOP("ReportChoices", "Round up"),
    "nearest": QT_TRANSLATE_NOOP("ReportChoices", "Round"),
    "down": QT_TRANSLATE_NOOP("ReportChoices", "Round down"),
}


class ReportChoices(NamedTuple):
    """Everything the window's report depends on, as plain values."""

    preset: str = "this_month"
    first_day: date | None = None  # custom ranges only
    last_day: date | None = None
    grouping: tuple[str, ...] = ("project",)
    client_id: int | None = None
    project_id: int | None = None
    tag: str | None = None
    billable_only: bool = False
    rounding: Rounding = NO_ROUNDING

    @property
    def only(self) -> ReportFilter:
        projects = None if self.project_id is None else (self.project_id,)
        return ReportFilter(projects, self.client_id, self.tag, self.billable_only)


def preset_range(
    preset: str,
    now: datetime,
    zone: Any,
    week_start: int = 0,
    custom: tuple[date, date] | None = None,
) -> ReportRange:
    """The range a preset means at ``now`` (``custom``: the days given, which must not
    end before they start)."""
    today = now.astimezone(zone).date()
    if preset == "custom" and custom is not None:
        first, last = custom
        if last < first:
            raise InvalidInputError(
                translate(
                    "ReportChoices",
                    "The range ends ({last}) before it starts ({first}): pick a To date on or "
                    "after the From date",
                ).format(last=day_text(last, short=True), first=day_text(first, short=True)),
                field="to",
            )
        return days_range(first, last, zone)
    if preset in ("last_7_days", "last_30_days"):
        return range_of_last("7d" if preset == "last_7_days" else "30d", now, zone)
    kind = {"today": "day", "this_year": "year"}.get(preset, preset.rpartition("_")[2])
    if kind not in ("day", "week", "month", "year"):
        kind, preset = "month", "this_month"
    day = today
    if preset == "last_week":
        day = today - timedelta(days=7)
    elif preset == "last_month":
        day = today.replace(day=1) - timedelta(days=1)
    return range_of_period(kind, day, zone, week_start)


# -- saved in window.ini ---------------------------------------------------------------------


def saved_text(choices: ReportChoices) -> dict[str, str]:
    """The choices as ``[reports]`` keys and text values."""
    return {
        "range": choices.preset,
        "from": choices.first_day.isoformat() if choices.first_day else "",
        "to": choices.last_day.isoformat() if choices.last_day else "",
        "group_by": ",".join(choices.grouping),
        "client": "" if choices.client_id is None else str(choices.client_id),
        "project": "" if choices.project_id is None else str(choices.project_id),
        "tag": choices.tag or "",
        "billable_only": "true" if choices.billable_only else "false",
        "rounding": choices.rounding.label,
    }


def choices_from_saved(saved: dict[str, str]) -> ReportChoices:
    """The saved choices; a value that cannot be read is its default."""
    default = ReportChoices()

    def day(key: str) -> date | None:
        try:
            return date.fromisoformat(saved.get(key, ""))
        except ValueError:
            return None

    def number(key: str) -> int | None:
        text = saved.get(key, "")
        return int(text) if text.isdigit() else None

    grouping = tuple(g for g in saved.get("group_by", "").split(",") if g in GROUPINGS)[:2]
    if not grouping or len(set(grouping)) != len(grouping):
        grouping = default.grouping
    mode, _, minutes = saved.get("rounding", "none").partition(":")
    rounding = NO_ROUNDING
    if mode in ROUNDING_MODES and minutes.isdigit() and int(minutes) in ROUNDING_MINUTES:
        rounding = Rounding(mode, int(minutes))
    preset = saved.get("range", default.preset)
    return ReportChoices(
        preset=preset if preset in PRESETS else default.preset,
        first_day=day("from"),
        last_day=day("to"),
        grouping=grouping,
        client_id=number("client"),
        project_id=number("project"),
        tag=saved.get("tag") or None,
        billable_only=saved.get("billable_only") == "true",
        rounding=rounding,
    )


# -- the panel ------------------------------------------------------------------------------


def _combo(parent: QWidget, name: str, accessible: str, tip: str = "") -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setToolTip(tip or accessible)
    return combo


class ChoicesPanel(QWidget):
    """Two rows of controls: the range, and grouping, filters and rounding. Emits
    ``changed`` with the new ReportChoices whenever the user changes one."""

    changed = Signal(object)  # ReportChoices

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportChoices")
        self._quiet = False
        self.range_combo = _combo(self, "reportRangeCombo", translate("ReportChoices", "Range"))
        for key, title in PRESETS.items():
            self.range_combo.addItem(translate("ReportChoices", title), key)
        self.from_edit = self._date_edit("reportFromEdit", translate("ReportChoices", "From"))
        self.to_edit = self._date_edit("reportToEdit", translate("ReportChoices", "To"))
        self.group_combo = _combo(self, "reportGroupCombo", translate("ReportChoices", "Group by"))
        self.then_combo = _combo(
            self,
            "reportThenCombo",
            translate("ReportChoices", "Then by"),
            translate("ReportChoices", "Then group each by"),
        )
        self.then_combo.addItem("—", None)
        for key in GROUPINGS:
            self.group_combo.addItem(grouping_title(key), key)
            self.then_combo.addItem(grouping_title(key), key)
        self.client_combo = _combo(
            self,
            "reportClientCombo",
            translate("ReportChoices", "Client"),
            translate("ReportChoices", "Only this client's time"),
        )
        self.project_combo = _combo(
            self,
            "reportProjectCombo",
            translate("ReportChoices", "Project"),
            translate("ReportChoices", "Only this project"),
        )
        self.tag_combo = _combo(
            self,
            "reportTagCombo",
            translate("ReportChoices", "Tag"),
            translate("ReportChoices", "Only sessions with this tag"),
        )
        self.billable_check = QCheckBox(translate("ReportChoices", "&Billable only"), self)
        self.billable_check.setObjectName("reportBillableCheck")
        self.billable_check.setAccessibleName(translate("ReportChoices", "Billable only"))
        self.rounding_combo = _combo(
            self,
            "reportRoundingCombo",
            translate("ReportChoices", "Rounding"),
            translate("ReportChoices", "Round each session's time before summing"),
        )
        for key, title in ROUNDING_TITLES.items():
            self.rounding_combo.addItem(translate("ReportChoices", title), key)
        self.minutes_combo = _combo(
            self, "reportMinutesCombo", translate("ReportChoices", "Rounding minutes")
        )
        for minutes in ROUNDING_MINUTES:
            self.minutes_combo.addItem(
                translate("ReportChoices", "{minutes} min").format(minutes=minutes), minutes
            )
        self.minutes_combo.setCurrentIndex(ROUNDING_MINUTES.index(15))
        self.show_catalog([], [], [])

        rows = (
            [
                (translate("ReportChoices", "&Range"), self.range_combo),
                (translate("ReportChoices", "&From"), self.from_edit),
                (translate("ReportChoices", "&to"), self.to_edit),
            ],
            [
                (translate("ReportChoices", "&Group by"), self.group_combo),
                (translate("ReportChoices", "the&n"), self.then_combo),
                (translate("ReportChoices", "&Client"), self.client_combo),
                (translate("ReportChoices", "&Project"), self.project_combo),
                (translate("ReportChoices", "T&ag"), self.tag_combo),
            ],
        )
        self.rows = []
        for entries in rows:
            row = QHBoxLayout()
            for text, widget in entries:
                label = QLabel(text, self)
                label.setBuddy(widget)
                row.addWidget(label)
                row.addWidget(widget)
            self.rows.append(row)
        self.rows[0].addSpacing(16)
        self.rows[0].addWidget(self.rounding_combo)
        self.rows[0].addWidget(self.minutes_combo)
        # Beside the rounding, where the first row has room: the filters' row is the longer
        # one (German words filled it to the window's edge).
        self.rows[0].addSpacing(16)
        self.rows[0].addWidget(self.billable_check)
        self.rows[0].addStretch(1)
        self.rows[1].addStretch(1)

        for combo in (self.range_combo, self.group_combo, self.then_combo, self.client_combo):
            combo.currentIndexChanged.connect(self._on_control_changed)
        for combo in (self.project_combo, self.tag_combo, self.rounding_combo, self.minutes_combo):
            combo.currentIndexChanged.connect(self._on_control_changed)
        self.billable_check.toggled.connect(self._on_control_changed)
        self.from_edit.dateChanged.connect(self._on_date_changed)
        self.to_edit.dateChanged.connect(self._on_date_changed)

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        return edit

    # -- showing --------------------------------------------------------------------------

    def show_catalog(
        self, clients: list[ClientInfo], projects: list[ProjectInfo], tags: list[str]
    ) -> None:
        """The filters offer these (keeping what is chosen)."""
        kept = self.choices() if self.client_combo.count() else None
        self._quiet = True
        for combo, everything, entries in (
            (
                self.client_combo,
                translate("ReportChoices", "All clients"),
                [(c.name, c.id) for c in clients],
            ),
            (
                self.project_combo,
                translate("ReportChoices", "All projects"),
                [(p.label, p.id) for p in projects],
            ),
            (self.tag_combo, translate("ReportChoices", "All tags"), [(f"#{t}", t) for t in tags]),
        ):
            combo.clear()
            combo.addItem(everything, None)
            for text, value in entries:
                combo.addItem(text, value)
        self._quiet = False
        if kept is not None:
            self.show_choices(kept)

    def show_choices(self, choices: ReportChoices) -> None:
        """Sets every control to ``choices`` without announcing a change."""
        self._quiet = True
        _select(self.range_combo, choices.preset)
        if choices.first_day and choices.last_day:
            self.show_range(choices.first_day, choices.last_day)
        _select(self.group_combo, choices.grouping[0])
        _select(self.then_combo, choices.grouping[1] if len(choices.grouping) > 1 else None)
        _select(self.client_combo, choices.client_id)
        _select(self.project_combo, choices.project_id)
        _select(self.tag_combo, choices.tag)
        self.billable_check.setChecked(choices.billable_only)
        _select(self.rounding_combo, choices.rounding.mode)
        if choices.rounding.minutes:
            _select(self.minutes_combo, choices.rounding.minutes)
        self.minutes_combo.setEnabled(choices.rounding.mode != "none")
        self._quiet = False

    def show_range(self, first: date, last: date) -> None:
        """The dates a preset stands for, in the From and To fields."""
        quiet, self._quiet = self._quiet, True
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))
        self._quiet = quiet

    def choices(self) -> ReportChoices:
        """What the controls say now."""
        first = self.from_edit.date().toPython()
        last = self.to_edit.date().toPython()
        group = self.group_combo.currentData()
        then = self.then_combo.currentData()
        mode = self.rounding_combo.currentData()
        rounding = (
            NO_ROUNDING if mode == "none" else Rounding(mode, self.minutes_combo.currentData())
        )
        return ReportChoices(
            preset=self.range_combo.currentData(),
            first_day=first,  # type: ignore[arg-type]
            last_day=last,  # type: ignore[arg-type]
            grouping=(group,) if then in (None, group) else (group, then),
            client_id=self.client_combo.currentData(),
            project_id=self.project_combo.currentData(),
            tag=self.tag_combo.currentData(),
            billable_only=self.billable_check.isChecked(),
            rounding=rounding,
        )

    # -- slots ------------------------------------------------------------------------------

    def _on_control_changed(self) -> None:
        if self._quiet:
            return
        self.minutes_combo.setEnabled(self.rounding_combo.currentData() != "none")
        self.changed.emit(self.choices())

    def _on_date_changed(self) -> None:
        if self._quiet:
            return
        # Typing a date makes the range a custom one.
        self._quiet = True
        _select(self.range_combo, "custom")
        self._quiet = False
        self.changed.emit(self.choices())


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
