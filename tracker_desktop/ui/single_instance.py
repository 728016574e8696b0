"""One window per data folder: a lock file, and a local socket that a second launch
uses to ask the first one to show itself."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, QThread

from tracker_desktop.core.layout import GUI_LOCK_FILENAME, SOCKET_FILENAME

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

SHOW_REQUEST = b"show\n"
SHOWN_REPLY = b"shown\n"
WAIT_MS = 3000
RETRY_MS = 100

# Unix socket paths are limited to about 104 bytes.
MAX_SOCKET_PATH = 100


def server_name(data_dir: Path) -> str:
    """The folder's socket: inside the (private) data folder where the path allows, so
    nothing is written elsewhere; else a per-user, per-folder name in the temp folder."""
    path = data_dir.resolve() / SOCKET_FILENAME
    if os.name == "posix" and len(os.fsencode(path)) < MAX_SOCKET_PATH:
        return str(path)
    import getpass  # rare (only for very long folder paths): not loaded at start-up
    import hashlib

    digest = hashlib.sha256(f"{getpass.getuser()}\0{data_dir.resolve()}".encode()).hexdigest()
    return f"tracker-desktop-{digest[:16]}"


class InstanceGuard(QObject):
    """Holds the folder's GUI lock and answers later launches."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / GUI_LOCK_FILENAME))
        # Never stale by age (the app runs for days); a dead owner's lock is taken over.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None  # listening, once listen() was called
        self._on_show: Callable[[], None] = lambda: None

    def acquire(self) -> bool:
        """True when this process is now the folder's only window."""
        return self._lock.tryLock(0)

    def held_by_another_process(self) -> bool:
        """After a failed ``acquire``: another live process holds the lock (rather than
        the lock file being impossible to create, which the database check reports)."""
        return self._lock.error() == QLockFile.LockError.LockFailedError

    def ask_running_instance_to_show(self) -> bool:
        """Asks the window that holds the lock to show itself; True if it answered.

        The first window listens once it has painted, so a launch right after it may
        have to wait a moment for the socket.
        """
        from PySide6.QtNetwork import QLocalSocket  # deferred: QtNetwork costs start-up time

        socket = QLocalSocket()
        deadline = QDeadlineTimer(WAIT_MS)
        while True:
            socket.connectToServer(self._name)
            if socket.waitForConnected(WAIT_MS):
                break
            if deadline.hasExpired():
                log.warning("the running instance does not answer: %s", socket.errorString())
                return False
            QThread.msleep(RETRY_MS)
        socket.write(SHOW_REQUEST)
        socket.waitForBytesWritten(WAIT_MS)
        answered = socket.waitForReadyRead(WAIT_MS) and socket.readAll().data() == SHOWN_REPLY
        socket.disconnectFromServer()
        return answered

    def listen(self, on_show: Callable[[], None]) -> None:
        """Starts answering later launches by calling ``on_show``."""
        from PySide6.QtNetwork import QLocalServer  # deferred: after the first paint

        self._on_show = on_show
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a leftover socket is from a crashed instance.
        server.removeServer(self._name)
        if not server.listen(self._name):
            log.warning("cannot listen for later launches: %s", server.errorString())
            return
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        log.info("listening for later launches as %s", self._name)

    @property
    def socket_path(self) -> str:
        """Where the listening socket is (a file on Unix), empty when not listening."""
        return self._server.fullServerName() if self._server is not None else ""

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        if self._lock.isLocked():
            self._lock.unlock()

    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if socket.readAll().data() == SHOW_REQUEST:
            log.info("a second launch asked this window to show itself")
            self._on_show()
            socket.write(SHOWN_REPLY)
            socket.flush()
        socket.disconnectFromServer()
        socket.deleteLater()
