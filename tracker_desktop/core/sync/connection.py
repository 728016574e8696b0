"""The server's address and the connection to it: URLs without passwords, and the one
place where a psycopg failure becomes the core's error (no traceback reaches a user)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import SplitResult, parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from tracker_desktop.core.errors import InvalidInputError, TrackerError
from tracker_desktop.core.sync import SyncUnavailable

if TYPE_CHECKING:
    import psycopg

# Seconds before an unreachable server is given up on.
CONNECT_TIMEOUT = 10


class ServerUrl(NamedTuple):
    """A server URL taken apart: the URL without password (what is stored and shown),
    its user, and the password it carried, if any."""

    url: str
    user: str
    password: str | None

    @property
    def shown(self) -> str:
        """The URL without its options (``?sslmode=…``), as ``sync status`` shows it."""
        return urlunsplit(urlsplit(self.url)._replace(query="", fragment=""))


def _without_password(text: str) -> str:
    """``text`` with the password of its ``user:password@`` part (as urlsplit reads it:
    up to the last ``@`` before the path) replaced by ``***``: for error messages."""
    return re.sub(r"(//[^/:@]*):[^/]*@", r"\1:***@", text.strip(), count=1)


def parse_url(text: str) -> ServerUrl:
    """``postgresql://user[:password]@host[:port]/database[?sslmode=…]``; invalid input
    (exit 2) says what is missing, showing the URL without its password."""
    shown = _without_password(text)
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError as error:
        raise InvalidInputError(
            f"URL: {shown!r} is not a server URL ({error})", field="url"
        ) from error
    if parts.scheme not in {"postgresql", "postgres"}:
        raise InvalidInputError(
            f"URL: {shown!r} is not a PostgreSQL URL (postgresql://user@host/database)",
            field="url",
        )
    if not parts.username or not parts.hostname:
        raise InvalidInputError(
            f"URL: {shown!r} names no user or no host (postgresql://user@host/database)",
            field="url",
        )
    if not parts.path.strip("/"):
        raise InvalidInputError(
            f"URL: {shown!r} names no database (postgresql://user@host/database)", field="url"
        )
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    netloc = f"{parts.username}@{host}:{port or 5432}"
    # A password given as an option (``?password=…``) is taken like one before the
    # ``@``: never part of the URL that is stored or shown.
    options = parse_qsl(parts.query, keep_blank_values=True)
    given = [value for name, value in options if name == "password"]
    query = urlencode([(name, value) for name, value in options if name != "password"])
    clean = SplitResult("postgresql", netloc, parts.path, query, "")
    password = unquote(parts.password) if parts.password is not None else None
    if password is None and given:
        password = given[-1]
    return ServerUrl(urlunsplit(clean), unquote(parts.username), password)


def same_server(one: str, other: str) -> bool:
    """Whether two stored URLs name the same database as the same user (host, port,
    database and user): options such as ``?sslmode=require`` do not make a new server."""

    def identity(text: str) -> tuple[object, ...]:
        parts = urlsplit(text)
        return (parts.hostname, parts.port, parts.path.strip("/"), parts.username)

    return identity(one) == identity(other)


def reason(error: BaseException) -> str:
    """What went wrong, in one line, from a psycopg error (libpq's own words)."""
    text = str(error).strip().splitlines()
    message = text[0] if text else type(error).__name__
    # libpq prefixes "connection failed: connection to server at "…" failed: ", and the
    # server's own words with their severity ("FATAL:  password authentication failed").
    message = message.rsplit("failed: ", 1)[-1] if "failed: " in message else message
    return _SEVERITY.sub("", message, count=1)


_SEVERITY = re.compile(r"^(FATAL|ERROR|PANIC):\s+")


@contextlib.contextmanager
def server_errors(server: str) -> Iterator[None]:
    """Turns psycopg failures into SyncUnavailable (the server cannot be used: exit 3)
    or, for a failure of the server's data or rules, a TrackerError naming the server."""
    import psycopg

    try:
        yield
    except psycopg.OperationalError as error:
        raise SyncUnavailable(server, reason(error)) from error
    except psycopg.errors.InsufficientPrivilege as error:
        raise SyncUnavailable(server, f"permission denied ({reason(error)})") from error
    except psycopg.Error as error:
        raise TrackerError(f"sync with {server} failed: {reason(error)}") from error


def open_connection(url: ServerUrl, password: str | None) -> psycopg.Connection[Any]:
    """Connects to the server (libpq reads ``sslmode`` and friends from the URL; without
    a password it looks in ~/.pgpass or $PGPASSFILE). Call inside ``server_errors``."""
    import psycopg

    options: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT,
        "application_name": "tracker-desktop",
        "autocommit": True,  # each transaction() block is a real transaction
    }
    given = password if password is not None else url.password
    if given is not None:
        options["password"] = given
    return psycopg.connect(url.url, **options)
