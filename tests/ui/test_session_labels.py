"""Projects, tags and the billable flag where sessions are shown and corrected: the
table's Project and Tags columns, the edit and add dialog, and the period's totals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QTableView
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, child, trigger
from tracker_desktop.core.service import Labels, ProjectName, Tracker
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.project_colors import contrast
from tracker_desktop.ui.session_dialog import SessionDialog, SessionFields
from tracker_desktop.ui.sessions_model import DURATION, NAME, PROJECT, TAGS

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
Role = Qt.ItemDataRole


@pytest.fixture
def labelled(tracker: Tracker) -> Tracker:
    tracker.catalog.add_client("Acme", rate=Decimal(80))
    tracker.catalog.add_project("Website", "Acme", color="#4e79a7")
    tracker.catalog.add_project("Support", "Acme", color="#f28e2b", billable=False)
    tracker.add(
        "Header",
        NOW - 4 * HOUR,
        NOW - 2 * HOUR,
        Labels(ProjectName("Website", "Acme"), ("frontend", "design")),
    )
    tracker.add("Ticket", NOW - 2 * HOUR, NOW - HOUR, Labels(ProjectName("Support", "Acme")))
    tracker.add("Reading", NOW - HOUR, NOW - HOUR / 2)
    return tracker


def table(window: MainWindow) -> QTableView:
    return child(window, QTableView, "sessionsTable")


def cell(window: MainWindow, name: str, column: int, role: Role = Role.DisplayRole) -> Any:
    model = table(window).model()
    for row in range(model.rowCount()):
        if model.index(row, NAME).data() == name:
            return model.index(row, column).data(role)
    raise AssertionError(name)


# -- the table -------------------------------------------------------------------------------


def test_the_table_shows_each_sessions_project_with_its_colour_and_its_tags(
    labelled: Tracker, window: MainWindow
) -> None:
    model = table(window).model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Name", "Project", "Tags", "Start", "End", "Duration"]
    assert cell(window, "Header", PROJECT) == "Acme ▸ Website"
    assert cell(window, "Header", TAGS) == "design, frontend"
    assert cell(window, "Reading", PROJECT) == ""
    dot = cell(window, "Header", PROJECT, Role.DecorationRole)
    assert isinstance(dot, QIcon)
    image = dot.pixmap(16, 16).toImage()
    assert image.pixelColor(8, 8).name() == "#4e79a7"  # filled with the project's colour
    assert image.pixelColor(8, 3) != image.pixelColor(8, 8)  # and outlined
    assert cell(window, "Reading", PROJECT, Role.DecorationRole) is None


def test_non_billable_time_is_told_apart(labelled: Tracker, window: MainWindow) -> None:
    palette = QApplication.palette()
    text, base = (
        palette.color(role) for role in (QPalette.ColorRole.Text, QPalette.ColorRole.Base)
    )
    muted = cell(window, "Ticket", DURATION, Role.ForegroundRole)
    assert 4.5 <= contrast(muted, base) < contrast(text, base)  # steps back, yet reads
    assert cell(window, "Ticket", DURATION, Role.ToolTipRole) == "Not billable"
    assert cell(window, "Ticket", DURATION, Role.AccessibleTextRole) == "1:00:00, not billable"
    assert cell(window, "Header", DURATION, Role.ForegroundRole) is None
    assert cell(window, "Header", DURATION, Role.ToolTipRole) is None


def test_the_label_columns_fit_their_text_and_leave_name_the_most_room(
    labelled: Tracker, window: MainWindow
) -> None:
    window.resize(900, 600)
    header = table(window).horizontalHeader()
    widest = table(window).fontMetrics().horizontalAdvance("Acme ▸ Website")
    assert header.sectionSize(PROJECT) > widest
    assert header.sectionSize(PROJECT) < header.sectionSize(NAME)
    assert header.sectionSize(TAGS) < header.sectionSize(NAME)


def test_the_total_tells_each_projects_time_and_earnings(
    labelled: Tracker, window: MainWindow
) -> None:
    total = window.period_bar.total_label
    tip = total.toolTip()
    assert "Acme ▸ Website" in tip
    assert "2:00:00" in tip
    assert "€160.00" in tip
    assert "Acme ▸ Support" in tip
    assert "1:00:00" in tip
    assert "No project" in tip
    assert "0:30:00" in tip
    earned = child(window, QLabel, "periodEarningsLabel")
    assert earned.isVisible()
    assert earned.text() == "Earned €160.00"


def test_a_day_heading_tells_where_the_day_went(labelled: Tracker, window: MainWindow) -> None:
    trigger(window, "actionShowWeek")
    tip = cell(window, "Thursday, 26 November", NAME, Role.ToolTipRole)
    assert "Acme ▸ Website" in tip
    assert "2:00:00" in tip


# -- the dialog ------------------------------------------------------------------------------


class FakeAsk:
    def __init__(self, change: Any) -> None:
        self.change = change
        self.asked: list[dict[str, Any]] = []

    def __call__(
        self, cls: type, parent: object, title: str, fields: SessionFields, *a: Any, **kw: Any
    ) -> SessionFields:
        self.asked.append({"title": title, "fields": fields, **kw})
        return self.change(fields, kw)


def test_the_edit_dialog_changes_project_tags_and_billable_and_undo_takes_it_back(
    monkeypatch: pytest.MonkeyPatch, labelled: Tracker, window: MainWindow
) -> None:
    support = labelled.catalog.find_project("Support", "Acme")

    def change(fields: SessionFields, options: dict[str, Any]) -> SessionFields:
        return SessionFields(fields.name, fields.start, fields.end, support.id, ("call",), True)

    ask = FakeAsk(change)
    monkeypatch.setattr(SessionDialog, "ask", classmethod(ask))
    row = [s.name for s in window.model.sessions].index("Header")
    session = window.model.sessions[row]
    window.edit_session(session)

    (question,) = ask.asked
    assert question["fields"].project == session.project.id  # type: ignore[union-attr]
    assert question["fields"].tags == ("design", "frontend")
    assert [p.name for p in question["projects"]] == ["Support", "Website"]
    assert "design" in question["tags"]
    saved = labelled.get(session.id)
    assert saved.project is not None
    assert saved.project.name == "Support"
    assert (saved.tags, saved.billable) == (("call",), True)
    assert cell(window, "Header", PROJECT) == "Acme ▸ Support"

    trigger(window, "actionUndo")
    back = labelled.get(session.id)
    assert back.project is not None
    assert back.project.name == "Website"
    assert back.tags == ("design", "frontend")


def dialog(qtbot: QtBot, tracker: Tracker, fields: SessionFields, new: bool) -> SessionDialog:
    shown = SessionDialog(
        None,
        "Add Session",
        fields,
        tracker.zone,
        lambda f: None,
        projects=tracker.catalog.projects(archived=True),
        tags=tracker.catalog.tag_names(),
        new=new,
    )
    qtbot.addWidget(shown)
    return shown


def test_the_dialogs_labels_and_a_new_session_billable_as_its_project(
    qtbot: QtBot, labelled: Tracker
) -> None:
    form = dialog(qtbot, labelled, SessionFields("", NOW - 2 * HOUR, NOW - HOUR), new=True)
    combo = form.project_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "No project",
        "Acme ▸ Support",
        "Acme ▸ Website",
    ]
    assert form.billable_check.isChecked()
    combo.setCurrentIndex(combo.findText("Acme ▸ Support"))
    assert not form.billable_check.isChecked()  # Support is not billable
    combo.setCurrentIndex(combo.findText("Acme ▸ Website"))
    assert form.billable_check.isChecked()
    form.tags_edit.setText("design, call  design")
    form.accept()
    website = labelled.catalog.find_project("Website", "Acme")
    assert form.result_fields == SessionFields(
        "", NOW - 2 * HOUR, NOW - HOUR, website.id, ("design", "call"), True
    )


def test_billable_set_by_hand_stays_and_an_edit_keeps_its_own(
    qtbot: QtBot, labelled: Tracker
) -> None:
    form = dialog(qtbot, labelled, SessionFields("", NOW - 2 * HOUR, NOW - HOUR), new=True)
    form.billable_check.click()  # off, by hand
    form.project_combo.setCurrentIndex(form.project_combo.findText("Acme ▸ Website"))
    assert not form.billable_check.isChecked()

    edit = dialog(
        qtbot, labelled, SessionFields("x", NOW - 2 * HOUR, NOW - HOUR, billable=False), new=False
    )
    edit.project_combo.setCurrentIndex(edit.project_combo.findText("Acme ▸ Website"))
    assert not edit.billable_check.isChecked()


def test_an_archived_project_shows_only_for_the_session_that_has_it(
    qtbot: QtBot, labelled: Tracker
) -> None:
    support = labelled.catalog.find_project("Support", "Acme")
    labelled.catalog.edit_project(support.id, archived=True)
    form = dialog(
        qtbot, labelled, SessionFields("x", NOW - 2 * HOUR, NOW - HOUR, support.id), False
    )
    assert form.project_combo.currentText() == "Acme ▸ Support (archived)"
    other = dialog(qtbot, labelled, SessionFields("y", NOW - 2 * HOUR, NOW - HOUR), False)
    assert other.project_combo.findText("Acme ▸ Support (archived)") == -1


def test_a_tag_with_a_space_or_too_long_is_refused_and_marked(
    monkeypatch: pytest.MonkeyPatch, labelled: Tracker, window: MainWindow
) -> None:
    answers = [
        lambda f, kw: SessionFields("New", NOW - 8 * HOUR, NOW - 7 * HOUR, tags=("x" * 101,)),
        lambda f, kw: None,
    ]
    ask = FakeAsk(lambda f, kw: answers.pop(0)(f, kw))
    monkeypatch.setattr(SessionDialog, "ask", classmethod(ask))
    trigger(window, "actionAddSession")
    assert len(ask.asked) == 2
    assert ask.asked[1]["error"].field == "name"  # the tag's name
    assert "too long" in str(ask.asked[1]["error"])


def test_a_new_session_from_the_add_dialog_is_labelled(
    monkeypatch: pytest.MonkeyPatch, labelled: Tracker, make_window: WindowFactory
) -> None:
    website = labelled.catalog.find_project("Website", "Acme")
    ask = FakeAsk(
        lambda f, kw: SessionFields(
            "Forgotten", NOW - 8 * HOUR, NOW - 7 * HOUR, website.id, ("x",), False
        )
    )
    monkeypatch.setattr(SessionDialog, "ask", classmethod(ask))
    window = make_window()
    trigger(window, "actionAddSession")
    assert ask.asked[0]["new"] is True
    (added,) = [s for s in labelled.sessions_between(NOW - 9 * HOUR, NOW) if s.name == "Forgotten"]
    assert added.project is not None
    assert added.project.id == website.id
    assert (added.tags, added.billable) == (("x",), False)
    assert "“Forgotten” in Acme ▸ Website" in window.statusBar().currentMessage()
