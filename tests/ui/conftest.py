"""Fixtures for window tests: a real window on a real database in tmp_path, and finding
its parts by object name, as a user (or an accessibility tool) finds them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import pytest
from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog in a headless test would wait forever: fail instead, pointing at
    the ``ask`` seam the test should replace."""

    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("a test reached a modal dialog; replace its ask() in the test")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture
def make_window(qtbot: QtBot, tracker: Tracker, data_dir: Path) -> WindowFactory:
    """Builds (and shows) a main window; call again to "relaunch" on the same data."""

    def make() -> MainWindow:
        settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(tracker, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.finish_after_first_paint()  # as the app does once the window has painted
        return window

    return make


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()


def child(window: QObject, kind: type, name: str) -> Any:
    """The window's ``kind`` named ``name`` (failing the test if there is none)."""
    found = window.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def name_edit(window: QObject) -> QLineEdit:
    return child(window, QLineEdit, "sessionNameEdit")


def action(window: QObject, name: str) -> QAction:
    return child(window, QAction, name)


def trigger(window: QObject, action_name: str) -> None:
    action(window, action_name).trigger()
