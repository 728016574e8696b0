"""No network listener: the running app talks to later launches over a local socket in
its private data folder, and owns no TCP, UDP or raw socket at all."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.reliability.harness import ROOT, environment
from tracker_desktop.ui.single_instance import SOCKET_FILENAME

READY = "listening for later launches"
NETWORK_TABLES = ("tcp", "tcp6", "udp", "udp6", "raw", "raw6", "udplite", "udplite6")


def log_text(data_dir: Path) -> str:
    log = data_dir / "tracker-desktop.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def socket_inodes(pid: int) -> set[str]:
    """The inodes of every socket the process has open."""
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except FileNotFoundError:  # closed meanwhile
            continue
        if match := re.fullmatch(r"socket:\[(\d+)\]", target):
            found.add(match[1])
    return found


def table(pid: int, name: str) -> list[list[str]]:
    """The rows of /proc/PID/net/NAME (the process's network namespace), header dropped."""
    path = Path(f"/proc/{pid}/net/{name}")
    if not path.exists():
        return []
    return [line.split() for line in path.read_text().splitlines()[1:] if line.strip()]


@pytest.mark.skipif(sys.platform != "linux", reason="reads Linux's /proc socket tables")
def test_the_running_app_has_no_network_socket(qtbot: QtBot, data_dir: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir)],
        env=environment(),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        qtbot.waitUntil(lambda: READY in log_text(data_dir), timeout=30_000)
        assert process.poll() is None
        sockets = socket_inodes(process.pid)
        for name in NETWORK_TABLES:
            # TCP and UDP tables give the socket's inode in column 10.
            network = {row[9] for row in table(process.pid, name) if len(row) > 9}
            assert not sockets & network, f"the app owns a {name} socket"
        # The check sees the app's sockets at all: its listening one is among them, bound
        # inside the data folder (Qt binds it under a temporary name, then renames it).
        local = {row[6]: row[7] for row in table(process.pid, "unix") if len(row) > 7}
        paths = [Path(local[inode]) for inode in sockets if inode in local]
        assert any(data_dir.resolve() in path.parents for path in paths), paths
        assert stat.S_ISSOCK((data_dir / SOCKET_FILENAME).stat().st_mode)
    finally:
        process.kill()
        process.wait(timeout=60)
