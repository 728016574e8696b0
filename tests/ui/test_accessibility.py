"""Every control of the labelling parts, the Projects window, Preferences and their dialogs
says what it is to a screen reader; their actions show their shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import child, trigger
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.catalog_dialogs import ClientDialog, ClientFields, TagNameDialog
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.project_dialog import ProjectDialog, ProjectFields

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)


def qt_own(control: QWidget, top: QWidget) -> bool:
    """A part Qt makes inside its widgets (a header, a combo box's list, a line edit's
    clear button, a spin box's line edit, a tool bar's extension): named by its owner."""
    parent = control.parentWidget()
    return (
        control.objectName().startswith("qt_")
        or isinstance(control, QHeaderView)
        or isinstance(parent, QComboBox | QLineEdit)
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
