"""The Reports window as a user drives it: its numbers are make_report's for the same
choices (presets, groupings, filters, rounding), it remembers them, reads again when
sessions change, says what is wrong with a range, and exports through one exporter."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QMainWindow, QMenu, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from tests.support import FakeClock
from tests.ui.conftest import WindowFactory, action, child, trigger
from tests.ui.report_data import NOW, add_month
from tests.ui.test_accessibility import unnamed
from tracker_desktop.core.reports import (
    Group,
    Report,
    ReportFilter,
    Rounding,
    make_report,
    range_of_last,
    range_of_period,
)
from tracker_desktop.core.service import Labels, ProjectName, Tracker
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.report_choices import ReportChoices, preset_range
from tracker_desktop.ui.report_export import ConfirmReplace, ExportFormat, ExportTarget
from tracker_desktop.ui.report_model import AMOUNT, BILLABLE, NAME, SECONDS_ROLE, TIME
from tracker_desktop.ui.settings import WindowSettings

HOUR = timedelta(hours=1)
Role = Qt.ItemDataRole


@pytest.fixture
def month(tracker: Tracker) -> Tracker:
    return add_month(tracker)


def open_reports(window: MainWindow) -> QMainWindow:
    trigger(window, "actionShowReports")
    reports = child(window, QMainWindow, "reportsWindow")
    assert reports.isVisible()
    return reports


def table(reports: QWidget) -> QTreeView:
    return child(reports, QTreeView, "reportTable")


def combo(reports: QWidget, name: str) -> QComboBox:
    return child(reports, QComboBox, name)


def choose(reports: QWidget, name: str, value: object) -> None:
    box = combo(reports, name)
    index = box.findData(value)
    assert index >= 0, f"{name} offers no {value!r}"
    box.setCurrentIndex(index)


def shown_rows(view: QTreeView, parent: QModelIndex | None = None) -> list[tuple[Any, ...]]:
    """Each row as (name, seconds, billable seconds, amount text, children)."""
    model = view.model()
    parent = parent or QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        name = model.index(row, NAME, parent)
        rows.append(
            (
                name.data(),
                model.index(row, TIME, parent).data(SECONDS_ROLE),
                model.index(row, BILLABLE, parent).data(SECONDS_ROLE),
                model.index(row, AMOUNT, parent).data(),
                shown_rows(view, name) if model.rowCount(name) else [],
            )
        )
    return rows


def expected_rows(report: Report, reports: QWidget) -> list[tuple[Any, ...]]:
    """The same rows computed from make_report's report (the labels as the model gives
    them, read from its own cells)."""

    def seconds(groups: tuple[Group, ...]) -> list[tuple[int, int, int]]:
        return [(g.total_seconds, g.billable_seconds, len(g.groups)) for g in groups]

    return [*seconds(report.groups), (report.total_seconds, report.billable_seconds, 0)]


def seconds_shown(view: QTreeView) -> list[tuple[int, int, int]]:
    return [(r[1], r[2], len(r[4])) for r in shown_rows(view)]


def test_opens_with_this_month_by_project_equal_to_make_report(
    month: Tracker, window: MainWindow
) -> None:
    assert action(window, "actionShowReports").shortcut().toString() == "Ctrl+R"
    view_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&View")
    assert action(window, "actionShowReports") in view_menu.actions()
    reports = open_reports(window)
    span = range_of_period("month", date(2026, 11, 26), month.zone)
    report = make_report(month, span, ("project",))
    assert seconds_shown(table(reports)) == expected_rows(report, reports)
    rows = shown_rows(table(reports))
    assert rows[-1][0] == "Total"
    names = [r[0] for r in rows]
    assert names[:2] == ["Initech ▸ App", "Globex ▸ Pipeline"]  # largest first
    # One currency: the heading names it, the cells are numbers.
    assert table(reports).model().headerData(AMOUNT, Qt.Orientation.Horizontal) == "Amount (€)"
    amounts = {r[0]: r[3] for r in rows}
    assert amounts["Acme ▸ Website"] == "180.00"  # 2 h × 90
    assert amounts["Initech ▸ App"] == "256.25"  # 4.1 h × 62.50
    assert amounts["Admin"] == ""  # not billable
    totals = child(reports, QLabel, "reportTotalsLabel").text()
    assert "Total 11:21" in totals
    assert "billable 10:21" in totals
    assert "€836.25" in totals
    assert unnamed(reports) == []


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("today", (date(2026, 11, 26), date(2026, 11, 26))),
        ("this_week", (date(2026, 11, 23), date(2026, 11, 29))),
        ("last_week", (date(2026, 11, 16), date(2026, 11, 22))),
        ("this_month", (date(2026, 11, 1), date(2026, 11, 30))),
        ("last_month", (date(2026, 10, 1), date(2026, 10, 31))),
        ("this_year", (date(2026, 1, 1), date(2026, 12, 31))),
        ("last_7_days", (date(2026, 11, 20), date(2026, 11, 26))),
        ("last_30_days", (date(2026, 10, 28), date(2026, 11, 26))),
    ],
)
def test_presets_show_their_days_and_their_numbers(
    month: Tracker, window: MainWindow, preset: str, expected: tuple[date, date]
) -> None:
    reports = open_reports(window)
    choose(reports, "reportRangeCombo", preset)
    span = preset_range(preset, month.now(), month.zone)
    assert (span.first_day, span.last_day) == expected
    shown = (
        child(reports, QDateEdit, "reportFromEdit").date().toPython(),
        child(reports, QDateEdit, "reportToEdit").date().toPython(),
    )
    assert shown == expected
    report = make_report(month, span, ("project",))
    assert seconds_shown(table(reports)) == expected_rows(report, reports)


def test_last_7_days_is_the_core_s_rolling_window(month: Tracker) -> None:
    assert preset_range("last_7_days", month.now(), month.zone) == range_of_last(
        "7d", month.now(), month.zone
    )


def test_two_groupings_filters_and_rounding_equal_make_report(
    month: Tracker, window: MainWindow, qtmodeltester: Any
) -> None:
    reports = open_reports(window)
    span = range_of_period("month", date(2026, 11, 26), month.zone)
    choose(reports, "reportGroupCombo", "client")
    choose(reports, "reportThenCombo", "project")
    report = make_report(month, span, ("client", "project"))
    assert seconds_shown(table(reports)) == expected_rows(report, reports)
    qtmodeltester.check(table(reports).model())
    acme = shown_rows(table(reports))[1]
    assert acme[0] == "Acme"
    assert [c[0] for c in acme[4]] == ["Website", "Support"]

    choose(reports, "reportTagCombo", "design")
    only = ReportFilter(tag="design")
    report = make_report(month, span, ("client", "project"), only)
    assert seconds_shown(table(reports)) == expected_rows(report, reports)

    choose(reports, "reportTagCombo", None)
    choose(reports, "reportClientCombo", month.catalog.find_client("Acme").id)
    child(reports, QWidget, "reportBillableCheck").setChecked(True)
    only = ReportFilter(client_id=month.catalog.find_client("Acme").id, billable_only=True)
    report = make_report(month, span, ("client", "project"), only)
    assert seconds_shown(table(reports)) == expected_rows(report, reports)

    choose(reports, "reportRoundingCombo", "up")
    choose(reports, "reportMinutesCombo", 30)
    report = make_report(month, span, ("client", "project"), only, Rounding("up", 30))
    assert seconds_shown(table(reports)) == expected_rows(report, reports)
    assert report.total_seconds == int(3.5 * 3600)  # 2:00 + 1:15 → 1:30
    totals = child(reports, QLabel, "reportTotalsLabel").text()
    assert "Total 3:30" in totals
    assert "(unrounded 3:15" in totals


def test_choices_are_remembered(month: Tracker, make_window: WindowFactory, data_dir: Path) -> None:
    window = make_window()
    reports = open_reports(window)
    choose(reports, "reportRangeCombo", "last_month")
    choose(reports, "reportGroupCombo", "tag")
    choose(reports, "reportRoundingCombo", "nearest")
    choose(reports, "reportMinutesCombo", 6)
    reports.close()
    window.close()

    settings = WindowSettings(QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat))
    assert settings.report_choices["range"] == "last_month"
    again = open_reports(make_window())
    assert combo(again, "reportRangeCombo").currentData() == "last_month"
    assert combo(again, "reportGroupCombo").currentData() == "tag"
    assert again.choices == ReportChoices(  # type: ignore[attr-defined]
        "last_month",
        date(2026, 10, 1),
        date(2026, 10, 31),
        ("tag",),
        rounding=Rounding("nearest", 6),
    )


def test_reads_again_when_sessions_change(month: Tracker, window: MainWindow) -> None:
    reports = open_reports(window)
    before = shown_rows(table(reports))[-1][1]
    month.add("Late fix", NOW - HOUR, NOW - HOUR / 2, Labels(ProjectName("Support", "Acme")))
    assert shown_rows(table(reports))[-1][1] == before + 1800


def test_a_custom_range_ending_before_it_starts_is_said_and_exports_nothing(
    month: Tracker, window: MainWindow
) -> None:
    reports = open_reports(window)
    child(reports, QDateEdit, "reportFromEdit").setDate(date(2026, 11, 20))
    assert combo(reports, "reportRangeCombo").currentData() == "custom"
    child(reports, QDateEdit, "reportToEdit").setDate(date(2026, 11, 10))
    assert "before it starts" in reports.banner.label.text()  # type: ignore[attr-defined]
    assert table(reports).model().rowCount() == 0
    assert not reports.export_buttons["csv"].isEnabled()  # type: ignore[attr-defined]
    child(reports, QDateEdit, "reportToEdit").setDate(date(2026, 11, 25))
    assert table(reports).model().rowCount() > 0
    assert reports.export_buttons["pdf"].isEnabled()  # type: ignore[attr-defined]


# -- export -----------------------------------------------------------------------------------


def answer_dialog(monkeypatch: pytest.MonkeyPatch, path: Path, replace: bool = True) -> list[Path]:
    """The file dialog answers ``path``; the replace question ``replace`` (asked: the
    list returned)."""
    asked: list[Path] = []

    def target(cls: type, parent: Any, suggested: Path, formats: Any, chosen: Any) -> Any:
        from tracker_desktop.ui.report_export import target_of

        return target_of(path, chosen.filter, formats)

    def confirm(cls: type, parent: Any, existing: Path) -> bool:
        asked.append(existing)
        return replace

    monkeypatch.setattr(ExportTarget, "ask", classmethod(target))
    monkeypatch.setattr(ConfirmReplace, "ask", classmethod(confirm))
    return asked


def test_csv_export_from_the_reports_window_keeps_its_filter(
    month: Tracker, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = open_reports(window)
    choose(reports, "reportClientCombo", month.catalog.find_client("Acme").id)
    path = tmp_path / "acme.csv"
    asked = answer_dialog(monkeypatch, path)
    reports.export_buttons["csv"].click()  # type: ignore[attr-defined]
    assert asked == []
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,start,end,duration_seconds,name")
    assert [line.split(",")[4] for line in lines[1:]] == ["Ticket 12", "Homepage"]
    assert "Exported" in reports.statusBar().currentMessage()


def test_json_export_from_the_reports_window(
    month: Tracker, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    reports = open_reports(window)
    choose(reports, "reportTagCombo", "design")
    path = tmp_path / "design.json"
    answer_dialog(monkeypatch, path)
    reports.export_buttons["json"].click()  # type: ignore[attr-defined]
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "tracker-desktop"
    assert sorted(s["name"] for s in document["sessions"]) == ["Homepage", "Release"]


def test_an_existing_file_is_replaced_only_when_the_user_says_so(
    month: Tracker, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "week.csv"
    path.write_text("keep me", encoding="utf-8")
    asked = answer_dialog(monkeypatch, path, replace=False)
    trigger(window, "actionExport")  # File ▸ Export…: the shown period
    assert asked == [path]
    assert path.read_text(encoding="utf-8") == "keep me"

    asked = answer_dialog(monkeypatch, path, replace=True)
    trigger(window, "actionExport")
    assert asked == [path]
    assert "Homepage" in path.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".week.csv.*"))  # no partial file left


def test_the_format_follows_the_extension_else_the_filter(tmp_path: Path) -> None:
    from tracker_desktop.ui.report_export import FORMATS, target_of

    formats = list(FORMATS.values())
    assert target_of(tmp_path / "a.PDF", FORMATS["csv"].filter, formats)[1].key == "pdf"
    assert target_of(tmp_path / "a", FORMATS["pdf"].filter, formats) == (
        tmp_path / "a.pdf",
        FORMATS["pdf"],
    )
    assert isinstance(formats[0], ExportFormat)


def test_pdf_export_from_the_window_and_an_unwritable_folder(
    month: Tracker,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    reports = open_reports(window)
    path = tmp_path / "month.pdf"
    answer_dialog(monkeypatch, path)
    exporter = reports.exporter  # type: ignore[attr-defined]
    with qtbot.waitSignal(exporter.finished) as done:  # drawn on its own thread
        reports.export_buttons["pdf"].click()  # type: ignore[attr-defined]
        assert not reports.export_buttons["pdf"].isEnabled()  # type: ignore[attr-defined]
    assert done.args == [path]
    assert path.read_bytes().startswith(b"%PDF-")
    assert reports.export_buttons["pdf"].isEnabled()  # type: ignore[attr-defined]

    missing = tmp_path / "no such folder" / "month.pdf"
    answer_dialog(monkeypatch, missing)
    with qtbot.waitSignal(exporter.finished) as done:
        reports.export_buttons["pdf"].click()  # type: ignore[attr-defined]
    assert done.args == [None]
    message = reports.banner.label.text()  # type: ignore[attr-defined]
    assert "Nothing was exported" in message
    assert "month.pdf" in message
    assert not missing.parent.exists()


def test_the_tray_menu_opens_the_reports(month: Tracker, window: MainWindow, qtbot: QtBot) -> None:
    assert window.tray is not None
    menu = window.tray.contextMenu()
    assert action(window, "actionShowReports") in menu.actions()


def test_the_clock_moves_the_presets(month: Tracker, window: MainWindow, clock: FakeClock) -> None:
    reports = open_reports(window)
    clock.set(datetime(2026, 12, 2, 9, tzinfo=UTC))
    window.refresh()
    assert child(reports, QDateEdit, "reportFromEdit").date().toPython() == date(2026, 12, 1)
