"""One window per data folder, across real processes, including after a SIGKILL."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tracker_desktop.core.files import peer_uid, private_runtime_folder
from tracker_desktop.ui.single_instance import SHOW_REQUEST, InstanceGuard, server_name

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


# -- a private place for the socket, and a socket that survives a flood -----------------------


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets and file modes")
def test_a_long_folder_path_puts_the_socket_in_a_private_runtime_folder(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = Path(tempfile.mkdtemp(prefix="rt-"))  # short, as /run/user/UID is
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    deep = tmp_path / ("long-folder-name-" * 6) / "data"
    deep.mkdir(parents=True)
    guard = InstanceGuard(deep)
    try:
        assert guard.acquire()
        guard.listen(lambda: None)
        assert Path(guard.socket_path).parent == runtime
    finally:
        guard.release()
    # A runtime folder others may write to is not used: a private one of the user's is.
    runtime.chmod(0o777)
    folder = private_runtime_folder()
    assert folder is not None
    assert folder != runtime
    assert folder.stat().st_uid == os.geteuid()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    shutil.rmtree(runtime)


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="giving a folder away needs root"
)
def test_a_runtime_folder_taken_by_another_user_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    taken = tmp_path / f"tracker-desktop-{os.geteuid()}"
    taken.mkdir(mode=0o700)
    os.chown(taken, 4242, 4242)  # another user made it first
    assert private_runtime_folder() is None
    assert server_name(tmp_path / ("x" * 120)) is None


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")
def test_the_peer_of_a_socket_is_this_user(tmp_path: Path) -> None:
    left, right = socket.socketpair()
    try:
        assert peer_uid(left.fileno()) == os.geteuid()
    finally:
        left.close()
        right.close()


def test_a_flood_of_idle_connections_neither_blocks_nor_closes_the_socket(
    qtbot: QtBot, data_dir: Path
) -> None:
    from PySide6.QtNetwork import QLocalSocket

    data_dir.mkdir(parents=True)
    shown: list[bool] = []
    guard = InstanceGuard(data_dir)
    flood: list[QLocalSocket] = []
    try:
        assert guard.acquire()
        guard.listen(lambda: shown.append(True))
        for _ in range(40):  # connections that never say anything
            idle = QLocalSocket()
            idle.connectToServer(guard.socket_path)
            flood.append(idle)
        qtbot.waitUntil(
            lambda: (
                sum(s.state() == QLocalSocket.LocalSocketState.ConnectedState for s in flood) == 0
            ),
            timeout=10000,
        )  # dropped: the over-many at once, the rest once their time was up
        assert Path(guard.socket_path).exists()
        asking = QLocalSocket()
        asking.connectToServer(guard.socket_path)
        assert asking.waitForConnected(3000)
        asking.write(SHOW_REQUEST)
        qtbot.waitUntil(lambda: shown == [True], timeout=5000)
        asking.abort()
    finally:
        for idle in flood:
            idle.abort()
        guard.release()
