"""Files in the data folder, handled so that nobody else's file is ever used, no special
file (a FIFO, a device) can hang a command, and nothing is left half-made.

- The folder and the files in it must be the user's own: one owned by someone else is
  refused; the user's own, left writable by others, is made private again, and said.
- Temporary files are created with ``O_EXCL | O_NOFOLLOW``: never through a link planted
  under their name.
- ``FolderLock``: every open database holds the folder's lock shared; a restore holds it
  exclusively while it puts another file in place, so no command can split it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tracker_desktop.core.errors import InvalidInputError, StorageError

POSIX = os.name == "posix"
_WRITABLE_BY_OTHERS = stat.S_IWGRP | stat.S_IWOTH
LOCK_POLL_SECONDS = 0.05


def _describe_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _owner_problem(path: Path, info: os.stat_result, what: str) -> str | None:
    if POSIX and info.st_uid != os.geteuid():
        return (
            f"{path} belongs to another user (uid {info.st_uid}); Tracker Desktop uses "
            f"only {what} of your own. Move it away, or choose another data folder."
        )
    return None


def check_folder(folder: Path) -> list[str]:
    """Checks that the data folder is the user's own and writable by nobody else.

    Returns notes for the user (what was made private again); raises StorageError for a
    folder that belongs to someone else."""
    try:
        info = folder.stat()
    except OSError as error:
        raise StorageError(f"cannot use the data folder {folder}: {error.strerror}") from error
    if not stat.S_ISDIR(info.st_mode):
        raise StorageError(f"{folder} is {_describe_kind(info.st_mode)}, not a folder.")
    problem = _owner_problem(folder, info, "a data folder")
    if problem is not None:
        raise StorageError(problem)
    return _make_private(folder, info, 0o700)


def check_file(path: Path, *, single_link: bool = False) -> list[str]:
    """Checks ``path``, if it exists, before it is opened: a regular file, the user's own,
    writable by nobody else (fixed and said if it is), and with ``single_link``, no other
    name elsewhere (a hard link would let its other owner read or change it)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StorageError(f"cannot use {path}: {error.strerror}") from error
    if not stat.S_ISREG(info.st_mode):
        raise StorageError(
            f"{path} is {_describe_kind(info.st_mode)}, not a regular file; move it away."
        )
    problem = _owner_problem(path, info, "files")
    if problem is not None:
        raise StorageError(problem)
    if single_link and POSIX and info.st_nlink > 1:
        raise StorageError(
            f"{path} has another name elsewhere ({info.st_nlink} hard links): someone else "
            "may read or change it. Move it away; it was left untouched."
        )
    return _make_private(path, info, 0o600)


def _make_private(path: Path, info: os.stat_result, mode: int) -> list[str]:
    if not POSIX or not info.st_mode & _WRITABLE_BY_OTHERS:
        return []
    try:
        path.chmod(mode)
    except OSError as error:
        raise StorageError(
            f"{path} is writable by other users and could not be made private: {error.strerror}"
        ) from error
    was = stat.S_IMODE(info.st_mode)
    return [f"{path} was writable by other users (mode {was:04o}); made it private ({mode:04o})"]


_USER_UMASK: int | None = None


def keep_private() -> None:
    """Makes everything this process creates the user's alone (umask 077), remembering the
    user's own umask for the files meant to be shared (exports: ``shared_file_mode``)."""
    global _USER_UMASK
    previous = os.umask(0o077)
    if _USER_UMASK is None:
        _USER_UMASK = previous


def shared_file_mode() -> int:
    """The mode the user's own umask gives a new file: what an exported report or
    timesheet gets, so it can be sent on like any file the user saves."""
    mask = _USER_UMASK
    if mask is None:
        mask = os.umask(0o077)
        os.umask(mask)
    return 0o666 & ~mask


def create_exclusive(path: Path, mode: int = 0o600) -> int:
    """Creates ``path`` as a new, empty file of ours and returns its descriptor: never
    through a link, never reusing a file someone else made. A leftover of our own
    (a killed process of the same id) is replaced."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags, mode)
    except FileExistsError:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or (POSIX and info.st_uid != os.geteuid()):
            raise
        path.unlink()
        return os.open(path, flags, mode)


def read_head(path: Path, size: int) -> tuple[bytes, os.stat_result]:
    """The first ``size`` bytes of the regular file ``path`` (and its status), without
    ever blocking on a FIFO or a device put in its place."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise StorageError(
                f"{path} is {_describe_kind(info.st_mode)}, not a database file; move it away.",
                damaged=True,
            )
        return os.read(descriptor, size), info
    finally:
        os.close(descriptor)


def open_to_read(path: Path) -> BinaryIO:
    """Opens the regular file ``path`` to read (a file to import), never blocking on a
    FIFO or a device put in its place: those, and folders, are invalid input."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise InvalidInputError(f"{path}: no such file", field="file") from None
    except IsADirectoryError:
        raise InvalidInputError(f"{path} is a folder, not a file", field="file") from None
    except OSError as error:
        raise InvalidInputError(f"cannot read {path}: {error.strerror}", field="file") from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise InvalidInputError(
            f"{path} is {_describe_kind(info.st_mode)}, not a file to read", field="file"
        )
    return os.fdopen(descriptor, "rb")


def is_regular_file(path: Path) -> bool:
    """Whether ``path`` is a regular file (not following a symbolic link)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def sync_folder(folder: Path) -> None:
    """Makes the renames and links in ``folder`` durable (POSIX; a no-op elsewhere)."""
    if not POSIX:
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def lock_holder(path: Path) -> int | None:
    """The process id written in the lock file ``path`` (the window's ``gui.lock``) while
    a live process holds it locked, else None. (Qt's QLockFile holds an flock on it; a
    leftover file with a recycled process id holds none.)"""
    if not POSIX or not is_regular_file(path):
        return None
    import fcntl

    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            text = os.read(descriptor, 100).decode("ascii", "replace").split()
            return int(text[0]) if text and text[0].isdigit() else -1
        except OSError:
            return None
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        return None
    finally:
        os.close(descriptor)


class FolderLock:
    """An advisory lock on the data folder itself (flock on its descriptor; POSIX only).

    Shared by every open database for its whole life; exclusive for a restore or for
    tidying up after one that was interrupted. Where the file system offers no locks,
    it degrades to no lock rather than refusing to work.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._descriptor: int | None = None
        if POSIX:
            try:
                self._descriptor = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
            except OSError as error:
                message = f"cannot open the data folder {folder}: {error.strerror}"
                raise StorageError(message) from error

    def _flock(self, operation: int) -> bool:
        if self._descriptor is None:
            return True
        import fcntl

        try:
            fcntl.flock(self._descriptor, operation)
        except BlockingIOError:
            return False
        except OSError as error:
            if error.errno in (errno.ENOLCK, errno.EINVAL, errno.EBADF, errno.EOPNOTSUPP):
                return True  # no locks on this file system: go on without
            raise
        return True

    def try_exclusive(self) -> bool:
        """Takes the lock alone, if nobody holds it (not waiting)."""
        import fcntl

        return self._flock(fcntl.LOCK_EX | fcntl.LOCK_NB) if POSIX else True

    def acquire(self, *, exclusive: bool, timeout: float) -> bool:
        """Takes the lock (shared or exclusive), waiting at most ``timeout`` seconds."""
        if not POSIX:
            return True
        import fcntl

        operation = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = time.monotonic() + timeout
        while not self._flock(operation):
            if time.monotonic() >= deadline:
                return False
            time.sleep(LOCK_POLL_SECONDS)
        return True

    @contextlib.contextmanager
    def exclusively(self, timeout: float, busy: str) -> Iterator[None]:
        """Holds the lock alone for a ``with`` block; ``busy`` is the refusal's message."""
        if not self.acquire(exclusive=True, timeout=timeout):
            raise StorageError(busy)
        try:
            yield
        finally:
            self.release()

    def release(self) -> None:
        if self._descriptor is not None:
            import fcntl

            with contextlib.suppress(OSError):
                fcntl.flock(self._descriptor, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


def private_runtime_folder() -> Path | None:
    """A folder only this user can enter, for sockets that do not fit in the data folder:
    ``$XDG_RUNTIME_DIR`` when it is the user's own and private, else ``tracker-desktop-<uid>``
    in the temporary folder, made private (None when that name is taken by someone else,
    or is not a private folder of this user)."""
    if not POSIX:
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    candidates = [Path(runtime)] if runtime else []
    import tempfile

    candidates.append(Path(tempfile.gettempdir()) / f"tracker-desktop-{os.geteuid()}")
    for folder in candidates:
        with contextlib.suppress(FileExistsError, OSError):
            folder.mkdir(mode=0o700)
        try:
            info = folder.lstat()
        except OSError:
            continue
        private = stat.S_ISDIR(info.st_mode) and not stat.S_IMODE(info.st_mode) & 0o077
        if private and info.st_uid == os.geteuid():
            return folder
    return None


def peer_uid(descriptor: int) -> int | None:
    """The user id of the process at the other end of the Unix socket ``descriptor``
    (None where the system does not say)."""
    import socket
    import struct

    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    peer = socket.socket(fileno=os.dup(descriptor))
    try:
        credentials = peer.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    except OSError:
        return None
    finally:
        peer.close()
    _, uid, _ = struct.unpack("3i", credentials)
    return int(uid)
