"""Labelling a session from the keyboard: ``@`` and ``#`` in the name field, the project
and tags buttons, and recent combinations offered while typing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLineEdit, QListView, QToolButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, child, name_edit, trigger
from tracker_desktop.core.service import Labels, ProjectName, Tracker
from tracker_desktop.ui.main_window import MainWindow

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


@pytest.fixture
def catalog(tracker: Tracker) -> Tracker:
    """Two clients with a Website each, an internal project, three tags."""
    tracker.catalog.add_client("Acme")
    tracker.catalog.add_client("Globex")
    tracker.catalog.add_project("Website", "Acme", color="#4e79a7")
    tracker.catalog.add_project("Website", "Globex", color="#e15759")
    tracker.catalog.add_project("Internal", color="#59a14f")
    tracker.add(
        "Tagged",
        NOW - 5 * HOUR,
        NOW - 4 * HOUR,
        Labels(tags=("design", "frontend", "urgent")),
    )
    return tracker


def picker(window: MainWindow) -> QFrame:
    return child(window, QFrame, "labelPicker")


def shown(window: MainWindow) -> list[str]:
    """The picker's entries as a user reads them (text, then detail)."""
    if window.labels is None or not picker(window).isVisible():
        return []
    return [
        f"{e.text} · {e.detail}" if e.detail else e.text for e in window.labels.picker.entries()
    ]


def highlighted(window: MainWindow) -> str | None:
    assert window.labels is not None
    entry = window.labels.picker.current()
    return None if entry is None else entry.text


def type_in(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


def press(qtbot: QtBot, widget: QLineEdit, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)


def button_text(window: MainWindow, name: str) -> str:
    return child(window, QToolButton, name).text()


# -- @: projects ---------------------------------------------------------------------------


def test_at_opens_the_projects_under_the_cursor_filtered_as_you_type(
    qtbot: QtBot, catalog: Tracker, window: MainWindow
) -> None:
    field = name_edit(window)
    type_in(qtbot, field, "Fix header @")

    assert picker(window).isVisible()
    assert shown(window) == ["Internal", "Website · Acme", "Website · Globex"]
    assert highlighted(window) == "Internal"
    cursor = field.mapTo(window, field.cursorRect().bottomLeft())
    assert abs(picker(window).x() - cursor.x()) < 8
    assert picker(window).y() >= cursor.y()

    qtbot.keyClicks(field, "glob")
    assert shown(window) == ["Website · Globex", "Create project “glob”"]
    qtbot.keyClicks(field, "ex web")  # any words of the client or the name
    assert shown(window) == ["Website · Globex", "Create project “globex web”"]

    press(qtbot, field, Qt.Key.Key_Return)  # takes the highlighted project
    assert not picker(window).isVisible()
    assert field.text() == "Fix header "
    assert button_text(window, "projectButton") == "Globex ▸ Website"
    assert catalog.running() is None

    press(qtbot, field, Qt.Key.Key_Return)  # starts
    running = catalog.running()
    assert running is not None
    assert running.name == "Fix header"
    assert running.project is not None
    assert running.project.label == "Globex ▸ Website"


def test_arrows_choose_among_the_projects_and_escape_keeps_the_text(
    qtbot: QtBot, catalog: Tracker, window: MainWindow
) -> None:
    field = name_edit(window)
    type_in(qtbot, field, "Mail bob @web")
    assert highlighted(window) == "Website"
    press(qtbot, field, Qt.Key.Key_Down)
    press(qtbot, field, Qt.Key.Key_Down)
    assert highlighted(window) == "Create project “web”"  # the last entry
    press(qtbot, field, Qt.Key.Key_Up)
    assert window.labels is not None
    current = window.labels.picker.current()
    assert current is not None
    assert current.detail == "Globex"

    press(qtbot, field, Qt.Key.Key_Escape)
    assert not picker(window).isVisible()
    assert field.text() == "Mail bob @web"
    qtbot.keyClicks(field, "site")  # still escaped: the text is a name, not a search
    assert not picker(window).isVisible()

    press(qtbot, field, Qt.Key.Key_Return)
    running = catalog.running()
    assert running is not None
    assert (running.name, running.project) == ("Mail bob @website", None)


def test_creating_a_project_from_the_picker_makes_it_with_the_session(
    qtbot: QtBot, catalog: Tracker, window: MainWindow
) -> None:
    field = name_edit(window)
    type_in(qtbot, field, "Plan @Garden shed")
    assert shown(window)[-1] == "Create project “Garden shed”"
    assert highlighted(window) == "Create project “Garden shed”"  # nothing else matches
    press(qtbot, field, Qt.Key.Key_Return)
    assert button_text(window, "projectButton") == "Garden shed (new)"
    assert [p.name for p in catalog.catalog.projects()] == ["Internal", "Website", "Website"]

    trigger(window, "actionStartStop")
    running = catalog.running()
    assert running is not None
    assert running.name == "Plan"
    assert running.project is not None
    assert running.project.label == "Garden shed"
    assert "Garden shed" in [p.name for p in catalog.catalog.projects()]


def test_ctrl_return_takes_the_highlighted_project_and_starts(
    qtbot: QtBot, catalog: Tracker, window: MainWindow
) -> None:
    field = name_edit(window)
    type_in(qtbot, field, "Review @intern")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    running = catalog.running()
    assert running is not None
    assert running.name == "Review"
    assert running.project is not None
    assert running.project.name == "Internal"
    assert not picker(window).isVisible()


# -- #: tags -------------------------------------------------------------------------------


def test_hash_opens_the_tags_and_each_taken_tag_joins_the_session(
    qtbot: QtBot, catalog: Tracker, window: MainWindow
) -> None:
    field = name_edit(window)
    type_in(qtbot, field, "Landing page #")
    assert shown(window) == ["design", "frontend", "urgent"]
    qtbot.keyClicks(field, "end")
    assert shown(window) == ["frontend", "Create tag “end”"]
    press(qtbot, field, Qt.Key.Key_Tab)  # Tab takes it too
    assert field.text() == "Landing page "
    qtbot.keyClicks(field, "#fresh")
    assert shown(window) == ["Create tag “fresh”"]
    press(qtbot, field, Qt.Key.Key_Return)
    assert button_text(window, "tagsButton") == "#frontend #fresh"

    press(qtbot, field, Qt.Key.Key_Return)
    running = catalog.running()
    assert running is not None
    assert (running.name, running.tags) == ("Landing page", ("fresh", "frontend"))
    assert "fresh" in catalog.catalog.tag_names()


def test_a_hash_in_a_name_stays_once_escaped(
    qtbot: QtBot, catalog: Tracker, window: MainWindow
) -> None:
    field = name_edit(window)
    type_in(qtbot, field, "Fix bug #123")
    assert highlighted(window) == "Create tag “123”"
    press(qtbot, field, Qt.Key.Key_Escape)
    qtbot.keyClicks(field, " today")  # a space ends a tag anyway
    assert not picker(window).isVisible()
    press(qtbot, field, Qt.Key.Key_Return)
    running = catalog.running()
    assert running is not None
    assert (running.name, running.tags) == ("Fix bug #123 today", ())


def test_an_address_is_no_project(qtbot: QtBot, catalog: Tracker, window: MainWindow) -> None:
    type_in(qtbot, name_edit(window), "Mail bob@example.com")
    assert not picker(window).isVisible()


# -- the buttons -----------------------------------------------------------------------------


def test_the_project_button_opens_the_same_picker_with_a_search_field(
    qtbot: QtBot, catalog: Tracker, window: MainWindow
) -> None:
    button = child(window, QToolButton, "projectButton")
    assert button.text() == "No project"
    assert button.accessibleName() == "Project"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    search = child(window, QLineEdit, "pickerSearchEdit")
    assert picker(window).isVisible()
    assert search.isVisible()
    assert search.hasFocus()
    assert picker(window).y() >= button.mapTo(window, button.rect().bottomLeft()).y()

    qtbot.keyClicks(search, "acme")
    assert shown(window) == ["Website · Acme", "Create project “acme”"]
    press(qtbot, search, Qt.Key.Key_Return)
    assert button.text() == "Acme ▸ Website"
    assert not button.icon().isNull()
    assert name_edit(window).text() == ""

    trigger(window, "actionChooseProject")  # Ctrl+P: the same, from the keyboard
    assert shown(window)[0] == "No project"  # a project is chosen: it can be taken off
    press(qtbot, child(window, QLineEdit, "pickerSearchEdit"), Qt.Key.Key_Return)
    assert button.text() == "No project"


def test_the_tags_button_toggles_tags_and_stays_open(
    qtbot: QtBot, catalog: Tracker, window: MainWindow
) -> None:
    name_edit(window).setText("Tagging")
    trigger(window, "actionChooseTags")
    search = child(window, QLineEdit, "pickerSearchEdit")
    press(qtbot, search, Qt.Key.Key_Return)  # design
    press(qtbot, search, Qt.Key.Key_Down)
    press(qtbot, search, Qt.Key.Key_Down)
    press(qtbot, search, Qt.Key.Key_Return)  # urgent
    assert window.labels is not None
    assert [e.checked for e in window.labels.picker.entries()] == [True, False, True]
    press(qtbot, search, Qt.Key.Key_Up)
    press(qtbot, search, Qt.Key.Key_Up)
    press(qtbot, search, Qt.Key.Key_Return)  # design again: off
    assert button_text(window, "tagsButton") == "#urgent"
    press(qtbot, search, Qt.Key.Key_Escape)
    assert not picker(window).isVisible()
    assert name_edit(window).hasFocus()

    trigger(window, "actionStartStop")
    running = catalog.running()
    assert running is not None
    assert running.tags == ("urgent",)


# -- while a session runs ----------------------------------------------------------------------


def test_while_running_the_pickers_change_the_session_at_once_and_undo_takes_it_back(
    qtbot: QtBot, catalog: Tracker, window: MainWindow
) -> None:
    catalog.start("Design", labels=Labels(project=ProjectName("Internal")))
    field = name_edit(window)
    field.setFocus()
    field.end(False)
    qtbot.keyClicks(field, " @acme")
    press(qtbot, field, Qt.Key.Key_Return)

    running = catalog.running()
    assert running is not None
    assert running.project is not None
    assert running.project.label == "Acme ▸ Website"
    assert field.text().strip() == "Design"
    assert not field.isModified()  # the name is as stored: nothing to rename
    assert button_text(window, "projectButton") == "Acme ▸ Website"

    trigger(window, "actionUndo")
    running = catalog.running()
    assert running is not None
    assert running.project is not None
    assert running.project.name == "Internal"
    assert button_text(window, "projectButton") == "Internal"


# -- recent combinations -------------------------------------------------------------------------


@pytest.fixture
def history(catalog: Tracker) -> Tracker:
    catalog.add(
        "Acme website",
        NOW - 3 * HOUR,
        NOW - 2 * HOUR,
        Labels(ProjectName("Website", "Acme"), ("design",)),
    )
    catalog.add("Invoices", NOW - 2 * HOUR, NOW - HOUR)
    return catalog


def test_down_then_enter_starts_the_latest_combination_again(
    qtbot: QtBot, history: Tracker, make_window: WindowFactory
) -> None:
    window = make_window()
    field = name_edit(window)
    field.setFocus()
    press(qtbot, field, Qt.Key.Key_Down)
    assert shown(window) == [
        "Invoices",
        "Acme website · Acme ▸ Website  #design",
        "Tagged · #design  #frontend  #urgent",
    ]
    press(qtbot, field, Qt.Key.Key_Down)
    press(qtbot, field, Qt.Key.Key_Return)

    running = history.running()
    assert running is not None
    assert running.name == "Acme website"
    assert running.project is not None
    assert running.project.label == "Acme ▸ Website"
    assert running.tags == ("design",)


def test_typing_part_of_a_recent_name_offers_it(
    qtbot: QtBot, history: Tracker, make_window: WindowFactory
) -> None:
    window = make_window()
    field = name_edit(window)
    type_in(qtbot, field, "WEB")  # any part of the name, any case
    assert shown(window) == ["Acme website · Acme ▸ Website  #design"]
    assert highlighted(window) is None  # Enter starts what was typed, unless Down
    press(qtbot, field, Qt.Key.Key_Return)
    running = history.running()
    assert running is not None
    assert (running.name, running.project) == ("WEB", None)

    # A session started meanwhile (here, from the window) is offered from then on.
    trigger(window, "actionStartStop")
    field.setFocus()
    press(qtbot, field, Qt.Key.Key_Down)
    assert shown(window)[0] == "WEB"


def test_the_picker_list_cannot_take_the_focus(catalog: Tracker, window: MainWindow) -> None:
    assert child(window, QListView, "pickerList").focusPolicy() == Qt.FocusPolicy.NoFocus
