"""Every control of the labelling parts, the Projects window, Preferences and their dialogs
says what it is to a screen reader; their actions show their shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import child, trigger
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.catalog_dialogs import ClientDialog, ClientFields, TagNameDialog
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.project_dialog import ProjectDialog, ProjectFields
from tracker_desktop.ui.sessions_model import NAME

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)


def qt_own(control: QWidget, top: QWidget) -> bool:
    """A part Qt makes inside its widgets (a header, a combo box's list, a spin box's
    line edit, a tool bar's extension): named by its owner. A line edit's clear button
    is a control of its own and must be named."""
    parent = control.parentWidget()
    return (
        control.objectName().startswith("qt_")
        or isinstance(control, QHeaderView)
        or isinstance(parent, QComboBox)
        or (isinstance(parent, QLineEdit) and not isinstance(control, QAbstractButton))
        or control.window() is not top.window()
    )


def unnamed(widget: QWidget) -> list[str]:
    """The controls inside ``widget`` a screen reader has no name for (a button's text
    is its name)."""
    found = []
    for control in widget.findChildren(QWidget):
        if not isinstance(control, CONTROLS) or qt_own(control, widget):
            continue
        text = control.text() if isinstance(control, QAbstractButton) else ""
        if not (control.accessibleName() or text.replace("&", "").strip()):
            found.append(f"{type(control).__name__} {control.objectName()!r}")
    return found


def test_every_control_of_the_main_window(window: MainWindow) -> None:
    name_field = child(window, QLineEdit, "sessionNameEdit")
    name_field.setText("Report")  # its clear button shows
    assert child(name_field, QAbstractButton, "clearNameButton").accessibleName()
    assert unnamed(window) == []


def test_the_overlap_sign_is_said_with_the_name(tracker: Tracker, window: MainWindow) -> None:
    now = tracker.now()
    tracker.add("Design", now.replace(hour=6), now.replace(hour=8))
    tracker.add("Call", now.replace(hour=7), now.replace(hour=9))
    table = child(window, QTableView, "sessionsTable")
    texts = [
        table.model().index(row, NAME).data(Qt.ItemDataRole.AccessibleTextRole)
        for row in range(table.model().rowCount())
    ]
    assert "Design, overlaps another session" in texts


def test_the_help_windows(window: MainWindow) -> None:
    trigger(window, "actionKeyboardShortcuts")
    trigger(window, "actionAbout")
    assert unnamed(child(window, QWidget, "shortcutsDialog")) == []
    assert unnamed(child(window, QWidget, "aboutDialog")) == []


def test_the_timer_bars_label_buttons_and_the_picker(tracker: Tracker, window: MainWindow) -> None:
    assert unnamed(child(window, QWidget, "timerBar")) == []
    assert unnamed(child(window, QWidget, "labelPicker")) == []


def test_the_projects_window(tracker: Tracker, window: MainWindow) -> None:
    tracker.catalog.add_project("Website", "Acme")
    trigger(window, "actionShowProjects")
    projects = child(window, QWidget, "projectsWindow")
    projects.tabs.setCurrentWidget(projects.tags)  # type: ignore[attr-defined]
    assert unnamed(projects) == []


def test_preferences(window: MainWindow) -> None:
    trigger(window, "actionPreferences")
    assert unnamed(child(window, QWidget, "preferencesDialog")) == []


def test_the_catalog_dialogs(qtbot: QtBot) -> None:
    for dialog in (
        ProjectDialog(None, "New", ProjectFields("", None, None, None), ["Acme"], lambda c: ""),
        ClientDialog(None, "New", ClientFields("", None, None), "Default"),
        TagNameDialog(None, "ux", ["ui"]),
    ):
        qtbot.addWidget(dialog)
        assert unnamed(dialog) == [], dialog.objectName()
