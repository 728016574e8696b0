"""Running the real program as other processes do: the CLI, a scripted window, a process
without root's power over file modes, a process on a small private disk."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.support import Result

if TYPE_CHECKING:
    from hypothesis import settings

ROOT = Path(__file__).resolve().parents[2]
ZONE_NAME = "Europe/Berlin"
# Expected failures are one line on stderr; these words never belong in one.
NEVER_IN_OUTPUT = ("Traceback", "database is locked", "is busy")


def quick(examples: int) -> settings:
    """Hypothesis settings for these tests: no example database in the work tree; the
    data folder (a function-scoped fixture) deliberately carries over between examples."""
    from hypothesis import HealthCheck, settings  # not for the scripted window's process

    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


def environment(**extra: str) -> dict[str, str]:
    """The test process's environment (private data folder and home) in Berlin, UTF-8."""
    env = {**os.environ, "TZ": ZONE_NAME, "PYTHONUTF8": "1", "QT_QPA_PLATFORM": "offscreen"}
    env.update(extra)
    return env


def cli_command(data_dir: Path, *args: str | bytes) -> list[str | bytes]:
    return [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir), *args]


def run_cli(
    data_dir: Path,
    *args: str | bytes,
    env: dict[str, str] | None = None,
    prefix: Sequence[str] = (),
) -> Result:
    """``python -m tracker_desktop --data-dir DATA_DIR ARGS`` to completion (bytes allowed)."""
    command = [*prefix, *cli_command(data_dir, *args)]
    completed = subprocess.run(
        [os.fsencode(part) if isinstance(part, str) else part for part in command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=env or environment(),
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    return Result(
        completed.returncode,
        completed.stdout.decode("utf-8", "replace"),
        completed.stderr.decode("utf-8", "replace"),
    )


def assert_one_line_error(result: Result, code: int, *mentions: str) -> str:
    """An expected failure: exit ``code``, one line on stderr naming each of ``mentions``."""
    for word in NEVER_IN_OUTPUT:
        assert word not in result.err, result
    assert result.code == code, result
    assert len(result.err_lines) == 1, result
    line = result.err_lines[0]
    for mention in mentions:
        assert mention in line, line
    return line


def assert_clean(result: Result) -> None:
    """A command that did its job: exit 0 and nothing on stderr (not even a warning)."""
    assert (result.code, result.err) == (0, ""), result


# -- the database as any other SQLite reader sees it ------------------------------------------


Row = tuple[str, int, int | None]  # name, start, end (UTC epoch seconds)


def read_rows(db: Path) -> dict[int, Row]:
    """Every stored session by id; an absent file holds none."""
    if not db.exists():
        return {}
    connection = sqlite3.connect(db, timeout=30)
    try:
        found = connection.execute("SELECT id, name, started_at, ended_at FROM session")
        return {row[0]: (row[1], row[2], row[3]) for row in found}
    finally:
        connection.close()


def integrity(db: Path) -> list[str]:
    """``PRAGMA integrity_check`` of ``db`` as rows; ``["ok"]`` when healthy."""
    connection = sqlite3.connect(db, timeout=30)
    try:
        return [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def running_count(db: Path) -> int:
    connection = sqlite3.connect(db, timeout=30)
    try:
        return int(
            connection.execute("SELECT count(*) FROM session WHERE ended_at IS NULL").fetchone()[0]
        )
    finally:
        connection.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (folders as markers)."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        found[key] = path.read_bytes() if path.is_file() else b"<folder>"
    return found


# -- a window in its own process ------------------------------------------------------------


class Driver:
    """``tests/reliability/gui_driver.py`` in a child process: JSON lines in and out."""

    def __init__(self, mode: str, data_dir: Path, *args: str, prefix: Sequence[str] = ()) -> None:
        script = "from tests.reliability.gui_driver import main; main()"
        self.process = subprocess.Popen(
            [*prefix, sys.executable, "-c", script, mode, str(data_dir), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(),
            cwd=ROOT,
        )
        self._pending = b""
        self.lines: list[dict[str, Any]] = []  # every line printed so far
        self._next = 0  # the first line read_line has not returned yet

    def _take_lines(self, chunk: bytes) -> list[dict[str, Any]]:
        self._pending += chunk
        *complete, self._pending = self._pending.split(b"\n")
        parsed = [json.loads(line) for line in complete if line.strip()]
        self.lines.extend(parsed)
        return parsed

    def read_line(self) -> dict[str, Any]:
        """The next line the driver prints (blocking until it does)."""
        assert self.process.stdout is not None
        while len(self.lines) <= self._next:
            chunk = os.read(self.process.stdout.fileno(), 65536)
            if not chunk:
                self.process.wait(timeout=60)
                raise AssertionError(f"the driver ended early: {self.stderr_text()}")
            self._take_lines(chunk)
        self._next += 1
        return self.lines[self._next - 1]

    def read_for(self, seconds: float) -> None:
        """Keeps reading what the driver prints for ``seconds`` (or until it ends)."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    return
                self._take_lines(chunk)

    def send(self, command: dict[str, Any]) -> dict[str, Any]:
        """Sends one ``serve`` command; returns the window's state after it."""
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command).encode() + b"\n")
        self.process.stdin.flush()
        while "state" not in (line := self.read_line()):
            pass
        state: dict[str, Any] = line["state"]
        return state

    def finish(self) -> None:
        """Closes the driver's input (its signal to stop) and reads it to the end."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        self._take_lines(self.process.stdout.read())
        self.process.wait(timeout=120)

    def kill(self) -> None:
        """SIGKILL, then everything it printed before dying."""
        assert self.process.stdout is not None
        self.process.kill()
        self.process.wait(timeout=60)
        self._take_lines(self.process.stdout.read())

    def stderr_text(self) -> str:
        assert self.process.stderr is not None
        if self.process.poll() is None:
            return "(still running)"
        return self.process.stderr.read().decode("utf-8", "replace")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=60)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


# -- without root's override of file modes ---------------------------------------------------


def unprivileged_prefix() -> list[str]:
    """A command prefix that runs a program as an ordinary user would be.

    Root ignores file modes, so as root the program runs in a user namespace that maps
    this user to an unprivileged id: the files stay its own, but a read-only mode binds
    it, as it binds anyone without root. Unprivileged already, nothing is needed.
    """
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    assert unshare, "util-linux's unshare is needed to drop root's override of file modes"
    return [unshare, "--user", "--map-user=1000", "--map-group=1000"]


# -- a small private disk ------------------------------------------------------------------


class TinyDisk:
    """A tmpfs of a few hundred KiB mounted at ``mount_point`` in a private mount namespace,
    held by a waiting process; commands run inside it with ``prefix``, and this process
    reaches its files through ``/proc/PID/root``. It vanishes with the holder."""

    def __init__(self, mount_point: Path, size_kib: int) -> None:
        mount_point.mkdir(parents=True, exist_ok=True)
        self.mount_point = mount_point
        unshare, nsenter = shutil.which("unshare"), shutil.which("nsenter")
        assert unshare, "util-linux's unshare is needed for a private mount"
        assert nsenter, "util-linux's nsenter is needed to run commands on a private mount"
        root = os.geteuid() == 0
        user = [] if root else ["--user", "--map-root-user"]
        mount = 'mount -t tmpfs -o "size=$2k,mode=0700" tmpfs "$1"'
        script = f"{mount} && echo mounted && exec cat >/dev/null"
        arguments = ["sh", str(mount_point), str(size_kib)]
        self.holder = subprocess.Popen(
            [unshare, *user, "--mount", "--propagation", "private", "sh", "-c", script, *arguments],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.holder.stdout is not None
        line = self.holder.stdout.readline()
        assert line == b"mounted\n", "could not mount a tmpfs in a private mount namespace"
        pid = str(self.holder.pid)
        joins = ["--mount"] if root else ["--user", "--mount", "--preserve-credentials"]
        self.prefix = [nsenter, "--target", pid, *joins, f"--wd={ROOT}", "--"]
        self.outside = Path(f"/proc/{pid}/root")

    def path(self, inside: Path) -> Path:
        """Where this process reaches ``inside`` (a path under the mount point); fine for
        plain files, not for SQLite, which resolves /proc/PID/root back to this side."""
        return self.outside / inside.relative_to("/")

    def _copied_out(self, db: Path) -> Path:
        """A copy of ``db`` (and its -wal) outside this disk: reading it in place would
        need room for SQLite's shared-memory file, which a full disk does not have."""
        copies = Path(tempfile.mkdtemp(dir=self.mount_point.parent))
        for suffix in ("", "-wal"):
            source = self.path(Path(f"{db}{suffix}"))
            if source.exists():
                shutil.copyfile(source, copies / f"{db.name}{suffix}")
        return copies / db.name

    def read_rows(self, db: Path) -> dict[int, Row]:
        """``read_rows`` of a database on this disk (as it is now, nothing changed)."""
        return read_rows(self._copied_out(db))

    def integrity(self, db: Path) -> list[str]:
        return integrity(self._copied_out(db))

    def fill(self) -> int:
        """Writes a filler file until the disk is full; returns how many bytes it took."""
        written = 0
        with self.path(self.mount_point / "filler").open("wb", buffering=0) as filler:
            try:
                while True:
                    written += filler.write(b"\0" * 4096) or 0
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
        return written

    def free(self) -> None:
        self.path(self.mount_point / "filler").unlink()

    def close(self) -> None:
        assert self.holder.stdin is not None
        assert self.holder.stdout is not None
        self.holder.stdin.close()
        self.holder.wait(timeout=60)
        self.holder.stdout.close()
