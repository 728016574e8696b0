"""The X11 idle source for real: a private Xvfb (it has the MIT-SCREEN-SAVER extension)
on a free display, with ``xdotool`` input resetting the idle time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from tracker_desktop.core.idle import IdleUnavailable
from tracker_desktop.core.idle.x11 import X11IdleSource

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="this platform cannot run Xvfb"
)


def start_xvfb(*extra: str) -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb on a display it picks itself (``-displayfd``: free, and ready when told)."""
    assert shutil.which("Xvfb"), "Xvfb is missing (Debian: xvfb)"
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "640x480x24",
         *extra],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    with os.fdopen(read_end) as told:
        number = told.readline().strip()
    assert number.isdigit(), "Xvfb did not start"
    return server, f":{number}"


@pytest.fixture
def display() -> Iterator[str]:
    server, name = start_xvfb()
    try:
        yield name
    finally:
        server.terminate()
        server.wait(timeout=10)


def xdotool(display: str, *arguments: str) -> None:
    assert shutil.which("xdotool"), "xdotool is missing (Debian: xdotool)"
    subprocess.run(["xdotool", *arguments], env={**os.environ, "DISPLAY": display},
                   check=True, timeout=10)  # fmt: skip


def idle_of(source: X11IdleSource) -> timedelta:
    idle = source.read().idle
    assert idle is not None
    return idle


def test_idle_time_grows_without_input_and_input_resets_it(qtbot: QtBot, display: str) -> None:
    source = X11IdleSource(display)
    try:
        xdotool(display, "mousemove", "10", "10")
        qtbot.waitUntil(lambda: idle_of(source) >= timedelta(milliseconds=700), timeout=5000)
        before = idle_of(source)
        xdotool(display, "mousemove", "200", "150")
        assert idle_of(source) < before
        assert idle_of(source) < timedelta(milliseconds=500)
        xdotool(display, "key", "shift")
        assert idle_of(source) < timedelta(milliseconds=500)
    finally:
        source.close()
    source.close()  # twice is harmless


def test_a_display_that_is_not_there_is_unavailable() -> None:
    with pytest.raises(IdleUnavailable, match="cannot open the X display :987"):
        X11IdleSource(":987")


def test_a_server_without_the_extension_is_unavailable() -> None:
    server, name = start_xvfb("-extension", "MIT-SCREEN-SAVER")
    try:
        with pytest.raises(IdleUnavailable, match="no MIT-SCREEN-SAVER extension"):
            X11IdleSource(name)
    finally:
        server.terminate()
        server.wait(timeout=10)
