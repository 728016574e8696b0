"""One window per data folder: a lock file, and a local socket that a second launch
uses to ask the first one to show itself."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, QThread, QTimer

from tracker_desktop.core.files import peer_uid, private_runtime_folder
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
# Later launches are quick: a connection that says nothing for this long is dropped, and
# no more than a few are served at once (a flood must not use up the process's files).
IDLE_CONNECTION_MS = 2000
MAX_CONNECTIONS = 4
RELISTEN_MS = 5000


def server_name(data_dir: Path) -> str | None:
    """The folder's socket: inside the (private) data folder where the path allows, so
    nothing is written elsewhere; else a per-folder name in a private runtime folder of
    the user's own (None when there is none)."""
    path = data_dir.resolve() / SOCKET_FILENAME
    if os.name != "posix" or len(os.fsencode(path)) < MAX_SOCKET_PATH:
        return str(path) if os.name == "posix" else f"tracker-desktop-{_digest(data_dir)}"
    folder = private_runtime_folder()
    name = None if folder is None else str(folder / f"tracker-desktop-{_digest(data_dir)}.sock")
    if name is None or len(os.fsencode(name)) >= MAX_SOCKET_PATH:
        log.warning("no private folder for the window's socket; later launches cannot reach it")
        return None
    return name


def _digest(data_dir: Path) -> str:
    import hashlib  # rare (very long folder paths, or Windows): not loaded at start-up

    return hashlib.sha256(os.fsencode(data_dir.resolve())).hexdigest()[:16]


def _same_user(socket: QLocalSocket) -> bool:
    """Whether the process at the other end of ``socket`` is this user's (where the
    system can tell; elsewhere the socket's own access rights keep others out)."""
    if os.name != "posix":
        return True
    uid = peer_uid(int(socket.socketDescriptor()))
    return uid is None or uid == os.geteuid()


class InstanceGuard(QObject):
    """Holds the folder's GUI lock and answers later launches."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / GUI_LOCK_FILENAME))
        # Never stale by age (the app runs for days); a dead owner's lock is taken over.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None  # listening, once listen() was called
        self._connections: set[QLocalSocket] = set()  # later launches being answered
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
        have to wait a moment for the socket. A socket held by another user's process
        (an impostor that got there first) is never talked to.
        """
        if self._name is None:
            return False
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
        if not _same_user(socket):
            log.warning("%s belongs to another user: not asking it anything", self._name)
            socket.abort()
            return False
        socket.write(SHOW_REQUEST)
        socket.waitForBytesWritten(WAIT_MS)
        answered = socket.waitForReadyRead(WAIT_MS) and socket.readAll().data() == SHOWN_REPLY
        socket.disconnectFromServer()
        return answered

    def listen(self, on_show: Callable[[], None]) -> None:
        """Starts answering later launches by calling ``on_show``; keeps listening (a
        server that Qt closed, after running out of files, listens again)."""
        self._on_show = on_show
        self._listen()
        self._watch = QTimer(self)
        self._watch.setObjectName("socketWatchTimer")
        self._watch.setInterval(RELISTEN_MS)
        self._watch.timeout.connect(self._on_watch_timeout)
        self._watch.start()

    def _listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer  # deferred: after the first paint

        if self._name is None:
            return
        if self._server is not None:
            self._server.deleteLater()
            self._server = None
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.setMaxPendingConnections(MAX_CONNECTIONS)
        # We hold the lock, so a leftover socket is from a crashed instance.
        server.removeServer(self._name)
        if not server.listen(self._name):
            log.warning("cannot listen for later launches: %s", server.errorString())
            return
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        log.info("listening for later launches as %s", self._name)

    def _on_watch_timeout(self) -> None:
        if self._server is None or not self._server.isListening():
            log.warning("the socket for later launches was closed; listening again")
            self._listen()

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
            if len(self._connections) >= MAX_CONNECTIONS or not _same_user(socket):
                socket.abort()
                socket.deleteLater()
                continue
            self._connections.add(socket)
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            # A connection that says nothing in time is dropped.
            QTimer.singleShot(IDLE_CONNECTION_MS, socket, socket.abort)

    def _forget(self, socket: QLocalSocket) -> None:
        if socket in self._connections:
            self._connections.discard(socket)
            socket.deleteLater()

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if socket.readAll().data() == SHOW_REQUEST:
            log.info("a second launch asked this window to show itself")
            self._on_show()
            socket.write(SHOWN_REPLY)
            socket.flush()
        socket.disconnectFromServer()
