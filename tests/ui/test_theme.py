"""Preferences ▸ Theme: System, Light or Dark, applied at once and remembered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QToolButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, child, trigger
from tests.ui.test_startup_hook import loaded_at_first_paint
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.project_colors import luminance


@pytest.fixture(autouse=True)
def system_palette_back() -> Iterator[None]:
    saved = QPalette(QApplication.palette())
    yield
    QApplication.setPalette(saved)


def window_color(window: MainWindow) -> float:
    return luminance(window.palette().color(QPalette.ColorRole.Window))


def button_fill(window: MainWindow) -> int:
    image = child(window, QToolButton, "startStopButton").grab().toImage()
    return image.pixel(image.width() // 2, image.height() // 2)


def choose_theme(window: MainWindow, text: str) -> None:
    trigger(window, "actionPreferences")
    combo = child(window, QComboBox, "themeCombo")
    combo.setCurrentIndex(combo.findText(text))


def test_dark_applies_at_once_and_is_remembered(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path
) -> None:
    window = make_window()
    assert window_color(window) > 0.5
    light_button = button_fill(window)

    choose_theme(window, "Dark")

    qtbot.waitUntil(lambda: window_color(window) < 0.05)  # Qt hands the palette on queued
    assert button_fill(window) != light_button  # the button's colours followed
    saved = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
    assert saved.value("appearance/theme") == "dark"
    window.close()
    assert window_color(make_window()) < 0.05  # and the next launch starts dark


def test_system_gives_back_the_palette_it_started_with(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    started = window.palette().color(QPalette.ColorRole.Window)
    choose_theme(window, "Dark")
    qtbot.waitUntil(lambda: window_color(window) < 0.05)
    choose_theme(window, "System")
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window) == started)


def test_a_chosen_theme_is_loaded_before_the_first_paint(data_dir: Path) -> None:
    # (that the System theme loads nothing: test_startup_hook.py)
    settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
    settings.setValue("appearance/theme", "dark")
    settings.sync()
    assert "tracker_desktop.ui.theme" in loaded_at_first_paint()
