"""Fixtures for window tests: a real window on a real database in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, tracker: Tracker, data_dir: Path) -> WindowFactory:
    """Builds (and shows) a main window; call again to "relaunch" on the same data."""

    def make() -> MainWindow:
        settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(tracker, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()
