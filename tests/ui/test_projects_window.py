"""The Projects window as a user drives it: clients and projects with this month's time,
rates and colours; each change, and its undo from the main window's Edit menu."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTableView, QTreeView
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, child, trigger
from tracker_desktop.core.service import Labels, ProjectName, Tracker
from tracker_desktop.ui.catalog_dialogs import (
    ClientDialog,
    ClientFields,
    MoveSessionsDialog,
    TagNameDialog,
)
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.project_dialog import ColorChooser, ProjectDialog, ProjectFields
from tracker_desktop.ui.projects_model import BILLABLE, HOURS, NAME, RATE

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
Role = Qt.ItemDataRole


@pytest.fixture
def catalog(tracker: Tracker) -> Tracker:
    catalog = tracker.catalog
    catalog.add_client("Acme", rate=Decimal(80))
    catalog.add_client("Globex", rate=Decimal(95), currency="USD")
    catalog.add_project("Website", "Acme", color="#4e79a7", rate=Decimal(90))
    catalog.add_project("Support", "Acme", color="#f28e2b")
    catalog.add_project("Internal", color="#59a14f", billable=False)
    catalog.set_preferences(default_rate=Decimal(50))
    tracker.add("Build", NOW - 5 * HOUR, NOW - 3 * HOUR, Labels(ProjectName("Website", "Acme")))
    tracker.add("Help", NOW - 3 * HOUR, NOW - 2 * HOUR, Labels(ProjectName("Support", "Acme")))
    tracker.add("Old", NOW - 40 * 24 * HOUR, NOW - 39 * 24 * HOUR, Labels(ProjectName("Internal")))
    tracker.add(
        "Tagged", NOW - 2 * HOUR, NOW - HOUR, Labels(tags=("design", "Design-review", "ux"))
    )
    return tracker


def open_projects(window: MainWindow) -> QMainWindow:
    trigger(window, "actionShowProjects")
    shown = child(window, QMainWindow, "projectsWindow")
    assert shown.isVisible()
    return shown


def tree(projects: QMainWindow) -> QTreeView:
    return child(projects, QTreeView, "projectsTree")


def rows(projects: QMainWindow) -> list[tuple[str, ...]]:
    """Each row as shown: indented names, this month's time, rate, billable."""
    model = tree(projects).model()
    found = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            name = model.index(row, NAME, parent)
            check = model.index(row, BILLABLE, parent).data(Role.CheckStateRole)
            billable = "" if check is None else ("yes" if check == Qt.CheckState.Checked else "no")
            found.append(
                (
                    "  " * depth + str(name.data()),
                    str(model.index(row, HOURS, parent).data() or ""),
                    str(model.index(row, RATE, parent).data() or ""),
                    billable,
                )
            )
            walk(name, depth + 1)

    walk(QModelIndex(), 0)
    return found


def select(projects: QMainWindow, name: str) -> QModelIndex:
    view = tree(projects)
    model = view.model()
    for index in model.match(
        model.index(0, NAME), Role.DisplayRole, name, -1, Qt.MatchFlag.MatchRecursive
    ):
        view.setCurrentIndex(index)
        return index
    raise AssertionError(name)


def cell(projects: QMainWindow, name: str, column: int, role: Role = Role.DisplayRole) -> Any:
    index = select(projects, name)
    return index.siblingAtColumn(column).data(role)


def undo(window: MainWindow) -> None:
    trigger(window, "actionUndo")


def replace_ask(monkeypatch: pytest.MonkeyPatch, kind: type, *answers: Any) -> list[Any]:
    """``kind.ask`` answers ``answers`` in turn; returns what it was asked."""
    asked: list[Any] = []
    queue = list(answers)

    def ask(cls: type, *args: Any, **kwargs: Any) -> Any:
        asked.append(args)
        return queue.pop(0)

    monkeypatch.setattr(kind, "ask", classmethod(ask))
    return asked


# -- what it shows -------------------------------------------------------------------------


def test_it_shows_clients_projects_this_months_time_and_effective_rates(
    catalog: Tracker, window: MainWindow
) -> None:
    assert action(window, "actionShowProjects").shortcut().toString() == "Ctrl+Shift+P"
    projects = open_projects(window)
    assert projects.windowTitle() == "Projects and Tags"
    assert rows(projects) == [
        ("No client", "0:00", "€50.00", ""),
        ("  Internal", "0:00", "€50.00", "no"),  # last month's time is not this month's
        ("Acme", "3:00", "€80.00", ""),
        ("  Support", "1:00", "€80.00", "yes"),
        ("  Website", "2:00", "€90.00", "yes"),
        ("Globex", "", "USD\xa095.00", ""),
    ]
    assert cell(projects, "Support", RATE, Role.ToolTipRole) == "From the client Acme"
    assert cell(projects, "Internal", RATE, Role.ToolTipRole) == "The default rate (Preferences)"
    assert cell(projects, "Website", RATE, Role.ToolTipRole) is None  # its own
    assert cell(projects, "Support", RATE, Role.ForegroundRole) is not None  # muted
    assert cell(projects, "Website", RATE, Role.ForegroundRole) is None
    assert cell(projects, "Website", NAME, Role.DecorationRole) is not None  # its colour


def test_the_tree_model_passes_qt_model_checks(
    qtmodeltester: Any, catalog: Tracker, window: MainWindow
) -> None:
    qtmodeltester.check(tree(open_projects(window)).model())


def test_the_menus_reach_every_action_with_its_shortcut(
    catalog: Tracker, window: MainWindow
) -> None:
    projects = open_projects(window)
    menus = {a.text(): a.menu() for a in projects.menuBar().actions()}
    entries = [a.text() for a in menus["&Project"].actions() if not a.isSeparator()]
    assert entries == ["New Project…", "New Client…", "Edit…", "&Colour", "Archive", "Delete…"]
    assert menus["&Edit"].actions()[0].text().startswith("&Undo")
    for name, keys in (
        ("actionNewProject", "Ctrl+N"),
        ("actionNewClient", "Ctrl+Shift+N"),
        ("actionEditProject", "Ctrl+E"),
        ("actionArchive", "Ctrl+Shift+A"),
        ("actionDeleteProject", "Del"),
        ("actionShowArchived", "Ctrl+H"),
    ):
        found = child(projects, QAction, name)
        assert found.shortcut().toString() == keys
        assert keys in found.toolTip()
    view_menu = {a.text(): a.menu() for a in window.menuBar().actions()}["&View"]
    assert action(window, "actionShowProjects") in view_menu.actions()


# -- changes and their undo ------------------------------------------------------------------


def test_a_new_project_goes_to_the_selected_client_and_undo_removes_it(
    monkeypatch: pytest.MonkeyPatch, catalog: Tracker, window: MainWindow
) -> None:
    projects = open_projects(window)
    select(projects, "Acme")
    asked = replace_ask(
        monkeypatch, ProjectDialog, ProjectFields("Mobile app", "Acme", "#b07aa1", Decimal(100))
    )
    trigger(projects, "actionNewProject")

    assert asked[0][2] == ProjectFields("", "Acme", None, None)  # the fields offered
    made = catalog.catalog.find_project("Mobile app", "Acme")
    assert (made.color, made.rate, made.billable) == ("#b07aa1", Decimal(100), True)
    assert ("  Mobile app", "0:00", "€100.00", "yes") in rows(projects)
    assert tree(projects).currentIndex().data() == "Mobile app"

    undo(window)
    assert "Mobile app" not in [p.name for p in catalog.catalog.projects()]
    assert ("  Mobile app", "0:00", "€100.00", "yes") not in rows(projects)


def test_a_refused_name_is_asked_again_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, catalog: Tracker, window: MainWindow
) -> None:
    projects = open_projects(window)
    select(projects, "Website")
    taken = ProjectFields("support", "Acme", "#4e79a7", Decimal(90))
    asked: list[Any] = []

    def ask(cls: type, parent: Any, title: str, fields: Any, *rest: Any) -> Any:
        asked.append((fields, rest[-1]))
        return taken if len(asked) == 1 else None

    monkeypatch.setattr(ProjectDialog, "ask", classmethod(ask))
    trigger(projects, "actionEditProject")
    assert len(asked) == 2
    assert asked[1][0] == taken  # what was typed, kept
    assert "exists already" in str(asked[1][1])
    assert catalog.catalog.find_project("Website", "Acme").name == "Website"


def test_a_new_client_with_its_rate_and_currency(
    monkeypatch: pytest.MonkeyPatch, catalog: Tracker, window: MainWindow
) -> None:
    projects = open_projects(window)
    replace_ask(monkeypatch, ClientDialog, ClientFields("Initech", Decimal(120), "GBP"))
    trigger(projects, "actionNewClient")
    made = catalog.catalog.find_client("Initech")
    assert (made.rate, made.currency) == (Decimal(120), "GBP")
    assert ("Initech", "", "£120.00", "") in rows(projects)
    undo(window)
    assert [c.name for c in catalog.catalog.clients()] == ["Acme", "Globex"]


def test_rename_and_rate_in_place_and_billable_by_its_check(
    catalog: Tracker, window: MainWindow
) -> None:
    projects = open_projects(window)
    model = tree(projects).model()
    assert model.setData(select(projects, "Support"), "Helpdesk")
    assert [p.name for p in catalog.catalog.projects()] == ["Internal", "Helpdesk", "Website"]
    assert model.setData(select(projects, "Helpdesk").siblingAtColumn(RATE), "85,5")
    assert catalog.catalog.find_project("Helpdesk", "Acme").rate == Decimal("85.5")
    assert cell(projects, "Helpdesk", RATE) == "€85.50"
    assert not model.setData(select(projects, "Helpdesk").siblingAtColumn(RATE), "-3")
    assert "not an hourly rate" in child(projects, QLabel, "messageLabel").text()
    index = select(projects, "Helpdesk").siblingAtColumn(BILLABLE)
    assert model.setData(index, Qt.CheckState.Unchecked.value, Role.CheckStateRole)
    assert not catalog.catalog.find_project("Helpdesk", "Acme").billable

    for _ in range(3):
        undo(window)
    support = catalog.catalog.find_project("Support", "Acme")
    assert (support.rate, support.billable) == (None, True)
    assert ("  Support", "1:00", "€80.00", "yes") in rows(projects)


def test_recolour_from_the_palette_or_any_colour(
    monkeypatch: pytest.MonkeyPatch, catalog: Tracker, window: MainWindow
) -> None:
    projects = open_projects(window)
    select(projects, "Website")
    menu = child(projects, QMenu, "projectColorMenu")
    swatches = [a for a in menu.actions() if not a.isSeparator()]
    assert len(swatches) == 13  # the palette's twelve, and Other…
    swatches[2].trigger()
    assert catalog.catalog.find_project("Website", "Acme").color == "#e15759"
    replace_ask(monkeypatch, ColorChooser, "#123456")
    swatches[-1].trigger()
    assert catalog.catalog.find_project("Website", "Acme").color == "#123456"
    undo(window)
    undo(window)
    assert catalog.catalog.find_project("Website", "Acme").color == "#4e79a7"


def test_the_edit_dialog_moves_a_project_to_another_client(
    monkeypatch: pytest.MonkeyPatch, catalog: Tracker, window: MainWindow
) -> None:
    projects = open_projects(window)
    select(projects, "Internal")
    asked = replace_ask(
        monkeypatch, ProjectDialog, ProjectFields("Internal", "Globex", "#59a14f", None, True)
    )
    trigger(projects, "actionEditProject")
    assert asked[0][2] == ProjectFields("Internal", None, "#59a14f", None, False)
    assert asked[0][4]("Acme") == "Inherits €80.00 from Acme"  # the rate placeholder
    moved = catalog.catalog.find_project("Internal")
    assert (moved.client, moved.billable) == ("Globex", True)
    assert ("  Internal", "0:00", "USD\xa095.00", "yes") in rows(projects)


def test_archived_ones_hide_until_shown_and_come_back(catalog: Tracker, window: MainWindow) -> None:
    projects = open_projects(window)
    select(projects, "Support")
    trigger(projects, "actionArchive")
    assert "  Support" not in [r[0] for r in rows(projects)]
    assert "Show Archived" in projects.statusBar().currentMessage()
    trigger(projects, "actionShowArchived")
    assert "  Support (archived)" in [r[0] for r in rows(projects)]
    select(projects, "Support (archived)")
    assert action(projects, "actionArchive").text() == "Bring Back"
    trigger(projects, "actionArchive")
    assert not catalog.catalog.find_project("Support", "Acme").archived
    undo(window)
    undo(window)
    assert not catalog.catalog.find_project("Support", "Acme").archived
    assert "  Support" in [r[0] for r in rows(projects)]


def test_deleting_a_project_with_sessions_moves_them_first(
    monkeypatch: pytest.MonkeyPatch, catalog: Tracker, window: MainWindow
) -> None:
    projects = open_projects(window)
    website = catalog.catalog.find_project("Website", "Acme")
    support = catalog.catalog.find_project("Support", "Acme")
    select(projects, "Support")
    asked = replace_ask(monkeypatch, MoveSessionsDialog, None, website.id)
    trigger(projects, "actionDeleteProject")  # asked, then cancelled: kept
    assert catalog.catalog.project_sessions(support.id) == 1
    assert asked[0][1:3] == ("Acme ▸ Support", 1)
    assert [p.label for p in asked[0][3]] == ["Internal", "Acme ▸ Website"]

    trigger(projects, "actionDeleteProject")
    assert "Support" not in [p.name for p in catalog.catalog.projects()]
    assert catalog.catalog.project_sessions(website.id) == 2
    assert ("  Website", "3:00", "€90.00", "yes") in rows(projects)

    undo(window)
    assert catalog.catalog.project_sessions(support.id) == 1
    assert ("  Support", "1:00", "€80.00", "yes") in rows(projects)


def test_deleting_a_project_without_sessions_asks_nothing(
    monkeypatch: pytest.MonkeyPatch, catalog: Tracker, window: MainWindow
) -> None:
    catalog.catalog.add_project("Spare", "Globex")
    projects = open_projects(window)
    select(projects, "Spare")
    replace_ask(monkeypatch, MoveSessionsDialog)  # asking would fail: nothing to answer
    trigger(projects, "actionDeleteProject")
    assert "Spare" not in [p.name for p in catalog.catalog.projects()]


# -- tags ------------------------------------------------------------------------------------


def tag_rows(projects: QMainWindow) -> list[tuple[str, str]]:
    model = child(projects, QTableView, "tagsTable").model()
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def open_tags(window: MainWindow) -> QMainWindow:
    projects = open_projects(window)
    projects.tabs.setCurrentWidget(projects.tags)  # type: ignore[attr-defined]
    return projects


def select_tag(projects: QMainWindow, name: str) -> None:
    table = child(projects, QTableView, "tagsTable")
    table.selectRow([row[0] for row in tag_rows(projects)].index(name))


def test_tags_with_their_sessions_rename_merge_delete_and_undo(
    monkeypatch: pytest.MonkeyPatch, catalog: Tracker, window: MainWindow
) -> None:
    catalog.add("More", NOW - 8 * HOUR, NOW - 7 * HOUR, Labels(tags=("ux",)))
    projects = open_tags(window)
    assert tag_rows(projects) == [("design", "1"), ("Design-review", "1"), ("ux", "2")]

    select_tag(projects, "ux")
    replace_ask(monkeypatch, TagNameDialog, "user-experience", "design")
    trigger(projects, "actionRenameTag")
    assert ("user-experience", "2") in tag_rows(projects)

    select_tag(projects, "Design-review")
    trigger(projects, "actionRenameTag")  # onto "design": merged
    assert tag_rows(projects) == [("design", "1"), ("user-experience", "2")]
    assert "Merged" in projects.statusBar().currentMessage()

    select_tag(projects, "user-experience")
    trigger(projects, "actionDeleteTag")
    assert tag_rows(projects) == [("design", "1")]
    assert catalog.catalog.tag_names() == ["design"]

    for _ in range(3):
        undo(window)
    assert tag_rows(projects) == [("design", "1"), ("Design-review", "1"), ("ux", "2")]


def test_the_tag_dialog_says_when_a_name_merges(qtbot: QtBot) -> None:
    dialog = TagNameDialog(None, "ux", ["design", "UI"])
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("ui")
    assert dialog.note.text() == "“UI” exists: “ux” merges into it."
    dialog.name_edit.setText("uxd")
    assert dialog.note.text() == ""


# -- dialogs -----------------------------------------------------------------------------------


def test_the_project_dialog_checks_its_rate_and_offers_the_palette(qtbot: QtBot) -> None:
    dialog = ProjectDialog(
        None, "New Project", ProjectFields("", None, None, None), ["Acme"], lambda c: f"of {c}"
    )
    qtbot.addWidget(dialog)
    assert dialog.rate_edit.placeholderText() == "of None"
    dialog.client_combo.setCurrentText("Acme")
    assert dialog.rate_edit.placeholderText() == "of Acme"
    dialog.name_edit.setText("Site")
    dialog.rate_edit.setText("eighty")
    dialog.accept()
    assert dialog.result_fields is None
    assert "not an hourly rate" in child(dialog, QLabel, "dialogError").text()
    dialog.rate_edit.setText("80,25")
    dialog.colors.set_color("#76b7b2")
    dialog.accept()
    assert dialog.result_fields == ProjectFields("Site", "Acme", "#76b7b2", Decimal("80.25"))


def test_the_client_dialog_checks_its_currency(qtbot: QtBot) -> None:
    dialog = ClientDialog(None, "New Client", ClientFields("", None, None), "Default: €50.00")
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Initech")
    dialog.currency_combo.setCurrentText("EURO")
    dialog.accept()
    assert dialog.result_fields is None
    assert "not a currency code" in child(dialog, QLabel, "dialogError").text()
    dialog.currency_combo.setCurrentText("chf")
    dialog.accept()
    assert dialog.result_fields == ClientFields("Initech", None, "CHF")
