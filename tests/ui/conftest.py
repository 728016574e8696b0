"""Fixtures for window tests: a real window on a real database in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox
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
