"""The PDF timesheet says who, for whom and when, holds the sessions by day and the
totals per project with rate and amount, on A4 or the locale's Letter; the command
line's (tests/unit/test_cli_pdf.py) draws the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from tests.support import page_size, pdf_text
from tests.ui.report_data import add_month
from tracker_desktop.core.reports import ReportFilter, Rounding, range_of_period
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.timesheet import timesheet_data
from tracker_desktop.ui.timesheet_pdf import page_size_for, render_pdf, timesheet_pdf


def test_the_timesheet_of_one_client_holds_its_sessions_and_totals(
    tracker: Tracker, tmp_path: Path, qtbot: QtBot
) -> None:
    add_month(tracker)
    tracker.catalog.set_preferences(your_name="Jane Doe")
    span = range_of_period("month", date(2026, 11, 26), tracker.zone)
    acme = ReportFilter(client_id=tracker.catalog.find_client("Acme").id)
    path = tmp_path / "acme.pdf"
    path.write_bytes(render_pdf(timesheet_data(tracker, span, acme), QLocale("en_GB")))
    text = pdf_text(path, "-layout")
    for expected in (
        "Timesheet",
        "Jane Doe",
        "Acme",
        "Sun, 1 Nov – Mon, 30 Nov 2026",
        "Homepage",
        "Ticket 12",
    ):
        assert expected in text
    for absent in ("Import job", "Release", "Globex"):  # other clients' work
        assert absent not in text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "● Website 2:00 2:00 90.00 180.00" in lines  # time, billable, rate, amount
    assert "● Support 1:15 1:15 80.00 100.00" in lines
    assert "Total 3:15 3:15 €280.00" in lines
    assert any(line.startswith("Wed, 25 Nov 08:00 – 09:15 Ticket 12 ● Support") for line in lines)
    assert "Page 1 of 1" in text
    assert page_size(path).endswith("(A4)")


def test_rounding_and_the_unrounded_total_beside(
    tracker: Tracker, tmp_path: Path, qtbot: QtBot
) -> None:
    add_month(tracker)
    span = range_of_period("month", date(2026, 11, 26), tracker.zone)
    path = tmp_path / "rounded.pdf"
    path.write_bytes(
        timesheet_pdf(tracker, span, ReportFilter(billable_only=True), Rounding("up", 30))
    )
    text = " ".join(pdf_text(path).split())
    assert "rounded up to 30 minutes; unrounded total 10:21" in text
    assert "Invoices" not in text  # not billable


def test_letter_where_the_locale_uses_it(tracker: Tracker, tmp_path: Path, qtbot: QtBot) -> None:
    assert page_size_for(QLocale("en_US")).name() == "Letter / ANSI A"
    assert page_size_for(QLocale("en_CA")).name() == "Letter / ANSI A"
    assert page_size_for(QLocale("de_DE")).name() == "A4"
    span = range_of_period("month", date(2026, 11, 26), tracker.zone)
    path = tmp_path / "us.pdf"
    path.write_bytes(render_pdf(timesheet_data(tracker, span), QLocale("en_US")))
    assert "612 x 792" in page_size(path)
    assert "No sessions in this range." in pdf_text(path)
