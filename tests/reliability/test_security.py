"""No network listener: the running app talks to later launches over a local socket in
its private data folder, and owns no TCP, UDP or raw socket at all."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.reliability.harness import ROOT, environment, run_cli
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


# -- a second user on the same machine ------------------------------------------------------

INTRUDER = "tracker-intruder"


def as_intruder(*command: str) -> None:
    """Runs ``command`` as a second Unix user (made once with useradd)."""
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", INTRUDER],
        capture_output=True,
        check=False,  # exists already: fine
    )
    subprocess.run(["runuser", "-u", INTRUDER, "--", *command], check=True, timeout=60)


@pytest.mark.reliability
@pytest.mark.skipif(
    sys.platform != "linux" or os.geteuid() != 0, reason="a second Unix user needs root"
)
def test_a_second_user_cannot_slip_files_into_a_careless_folder() -> None:
    # Somewhere both users can reach (pytest's own folders are private to this one).
    shared = Path(tempfile.mkdtemp(prefix="tracker-shared-"))
    try:
        shared.chmod(0o755)
        check_a_careless_folder(shared)
    finally:
        shutil.rmtree(shared)


def check_a_careless_folder(shared: Path) -> None:
    data_dir = shared / "data"
    add = ["add", "mine", "--start", "2026-11-20T09:00", "--end", "2026-11-20T10:00"]
    assert run_cli(data_dir, *add).code == 0
    thesis = shared / "thesis.txt"
    thesis.write_text("four years of work")
    data_dir.chmod(0o777)  # the careless part
    database = data_dir / "tracker.db"
    # The intruder swaps in a file of its own (moving the victim's aside), and plants
    # a link under the restore's old temporary name.
    as_intruder("mv", str(database), str(data_dir / "moved-away.db"))
    as_intruder("sh", "-c", 'umask 0; printf "SQLite format 3" > "$0"', str(database))
    as_intruder("ln", "-s", str(thesis), str(data_dir / ".tracker.db.restoring"))

    started = run_cli(data_dir, "start", "x")
    assert started.code == 3, started
    assert "another user" in started.err
    assert "Traceback" not in started.err
    assert "made it private" in started.err
    assert not data_dir.stat().st_mode & 0o022  # private again: no more planting
    restored = run_cli(data_dir, "restore", str(data_dir / "moved-away.db"))
    assert restored.code == 3, restored
    assert "another user" in restored.err
    assert thesis.read_text() == "four years of work"


def hung_up(connection: socket.socket) -> bool:
    """Whether the other end closed ``connection`` (or it never got through)."""
    try:
        return connection.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


@pytest.mark.reliability
@pytest.mark.skipif(sys.platform != "linux", reason="Unix sockets and ulimit")
def test_a_flood_of_idle_connections_on_few_files_leaves_the_window_reachable(
    qtbot: QtBot, data_dir: Path
) -> None:
    launch = f"ulimit -n 64 && exec {sys.executable} -m tracker_desktop --data-dir {data_dir}"
    window = subprocess.Popen(
        ["sh", "-c", launch],
        env=environment(),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    flood: list[socket.socket] = []
    try:
        qtbot.waitUntil(lambda: READY in log_text(data_dir), timeout=30000)
        path = str(data_dir / SOCKET_FILENAME)
        for _ in range(80):
            idle = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            idle.setblocking(False)
            # A full backlog refuses, as a busy server may.
            with contextlib.suppress(BlockingIOError, ConnectionRefusedError):
                idle.connect(path)
            flood.append(idle)

        def dealt_with() -> bool:
            """The window dropped every idle connection, or lost its socket."""
            return not Path(path).exists() or all(hung_up(idle) for idle in flood)

        qtbot.waitUntil(dealt_with, timeout=30000)
        assert Path(path).exists()  # not closed (and deleted) by the flood
        for idle in flood:
            idle.close()
        second = subprocess.run(
            [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir)],
            env=environment(),
            cwd=ROOT,
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0, second.stderr
        qtbot.waitUntil(lambda: "asked this window to show itself" in log_text(data_dir))
        assert Path(path).exists()
        assert window.poll() is None
    finally:
        for idle in flood:
            idle.close()
        window.kill()
        window.wait(timeout=30)
