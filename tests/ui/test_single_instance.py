"""One window per data folder, across real processes, including after a SIGKILL."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tracker_desktop.ui.single_instance import InstanceGuard

READY = "listening for later launches"
RAISED = "a second launch asked this window to show itself"


def log_text(data_dir: Path) -> str:
    log = data_dir / "tracker-desktop.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def launch(data_dir: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def test_a_second_launch_raises_the_first_and_a_killed_one_is_taken_over(
    qtbot: QtBot, data_dir: Path
) -> None:
    first = launch(data_dir)
    try:
        qtbot.waitUntil(lambda: log_text(data_dir).count(READY) == 1, timeout=30000)
        second = subprocess.run(
            [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir)],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0
        qtbot.waitUntil(lambda: RAISED in log_text(data_dir), timeout=10000)
        assert first.poll() is None  # the first window is still there
    finally:
        stop(first)
    assert first.returncode == -signal.SIGKILL

    third = launch(data_dir)  # the lock left by the killed process is stale
    try:
        qtbot.waitUntil(lambda: log_text(data_dir).count(READY) == 2, timeout=30000)
        assert third.poll() is None
    finally:
        stop(third)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows pipes have no file mode")
def test_the_socket_is_reachable_by_its_user_only(qapp: object, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    guard = InstanceGuard(data_dir)
    try:
        assert guard.acquire()
        guard.listen(lambda: None)
        mode = os.stat(guard.socket_path).st_mode
        assert stat.S_ISSOCK(mode)
        assert mode & 0o077 == 0, oct(mode)
    finally:
        guard.release()


def test_the_lock_is_held_once(qapp: object, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    first, second = InstanceGuard(data_dir), InstanceGuard(data_dir)
    try:
        assert first.acquire()
        assert not second.acquire()
        assert second.held_by_another_process()
    finally:
        first.release()
    assert second.acquire()
    second.release()
