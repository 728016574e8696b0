"""One sync: push what changed here, pull what changed on the server, until both agree.

Push: the outbox's rows go to the server in one transaction (an upsert by uid, only the
fields changed here, so a stale machine never overwrites what it did not change), then
the server's one-running rule; the outbox entries go only after that commit. The rows a
push adds are offered again before it commits: a retry after a lost reply adds them if
that push failed, else sends only what changed since (never the whole row over another
machine's later edit or delete). Pull: the server's
rows changed since the cursor, applied here in one transaction with the new cursor.
A failure anywhere leaves the local file as it was before that step.
"""

from __future__ import annotations

import logging
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from tracker_desktop.core.errors import NotFoundError, TrackerError
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.sync import (
    KeyringUnavailable,
    SyncResult,
    SyncUnavailable,
    local,
    passwords,
    server,
)
from tracker_desktop.core.sync.connection import (
    ServerUrl,
    open_connection,
    parse_url,
    server_errors,
)

log = logging.getLogger(__name__)

# Push and pull rounds before giving up on agreeing (something keeps changing).
_ROUNDS = 5


def check_connection(url: str, password: str | None) -> None:
    parsed = parse_url(url)
    with server_errors(parsed.shown), open_connection(parsed, password) as connection:
        _check_server(connection, parsed)


def _check_server(connection: Any, url: ServerUrl) -> None:
    """Refuses a server without ``server init`` and a role that may see everyone's rows."""
    version, privileged, member = server.check(connection)
    if version is None:
        raise SyncUnavailable(
            url.shown, "the database is not prepared for sync (run 'server init' on it first)"
        )
    if version > server.SERVER_VERSION:
        raise SyncUnavailable(
            url.shown, "the server was prepared by a newer Tracker Desktop; update this one"
        )
    if privileged:
        raise SyncUnavailable(
            url.shown,
            f"{url.user} is a superuser or bypasses row-level security; sync as a user "
            "made with 'server add-user' instead",
        )
    if not member:
        raise SyncUnavailable(
            url.shown, f"{url.user} is not a sync user (add it with 'server add-user')"
        )


def connect(tracker: Tracker, url: str, password: str | None) -> None:
    parsed = parse_url(url)
    given = password if password is not None else parsed.password
    check_connection(parsed.url, given)
    if given is not None:
        try:
            passwords.store_password(parsed.shown, parsed.user, given)
        except KeyringUnavailable as error:
            raise KeyringUnavailable(
                f"{error} (for this server: {_pgpass_line(parsed)})"
            ) from error
    local.configure(tracker, parsed.url, parsed.user)


def _pgpass_line(url: ServerUrl) -> str:
    """The ~/.pgpass line that would give libpq this server's password."""
    parts = urlsplit(url.url)
    database = parts.path.lstrip("/")
    return f"{parts.hostname}:{parts.port or 5432}:{database}:{url.user}:PASSWORD"


def disconnect(tracker: Tracker) -> None:
    """Forgets the server here. The keyring's password stays: it is kept per server and
    user, and other data folders syncing with the same server as the same user use it."""
    local.unconfigure(tracker)


def _password(url: ServerUrl) -> str | None:
    """The kept password; None (libpq then reads ~/.pgpass) when there is none."""
    try:
        return passwords.stored_password(url.shown, url.user)
    except TrackerError as error:
        log.info("no password from the keyring: %s", error)
        return None


class _Sent(NamedTuple):
    """What a push wrote: its transaction, and the rows it added whole (table, uid),
    which the next pull need not bring back."""

    xid: str
    added: set[tuple[str, str]]


def sync_now(tracker: Tracker, *, password: str | None = None) -> SyncResult:
    state = local.settings(tracker)
    if local.SERVER not in state:
        raise NotFoundError("sync is not set up for this folder (see 'sync setup')")
    url = parse_url(state[local.SERVER])
    secret = password if password is not None else _password(url)
    pushed = pulled = 0
    notices: list[str] = []
    with server_errors(url.shown), open_connection(url, secret) as connection:
        _check_server(connection, url)
        for _ in range(_ROUNDS):
            outgoing = local.outgoing(tracker) if local.waiting(tracker) else {}
            count = sum(len(rows) for rows in outgoing.values())
            sent = _Sent("", set())
            if count:
                sent = _push(connection, tracker, outgoing, notices)
                pushed += count
            came, said = _pull(connection, tracker, sent)
            pulled += came
            notices += said
            if not local.waiting(tracker):
                break
    return SyncResult(pushed, pulled, notices)


def _push(
    connection: Any,
    tracker: Tracker,
    outgoing: dict[str, list[local.Outgoing]],
    notices: list[str],
) -> _Sent:
    """Sends the outbox in one server transaction; removes it here once committed."""
    added: set[tuple[str, str]] = set()
    with connection.transaction():
        xid = server.lock_owner(connection)
        for table, rows in outgoing.items():
            live = [row for row in rows if not row.deleted]
            every = local.every_field(table)
            # Made here (all fields) or offered (the server may have it already): the
            # rows the server lacks go in whole by COPY.
            new = [row for row in live if row.fields & local.OFFERED or row.fields & every == every]
            again = server.copy_new(connection, table, [(r.uid, *r.values) for r in new])
            present = {row[0] for row in again}
            fresh = [row for row in new if row.uid not in present]
            added.update((table, row.uid) for row in fresh)
            # One made here that the server has: brought back by an undo of a delete
            # made here, written whole (over the tombstone).
            whole = {
                row.uid for row in new if row.uid in present and not row.fields & local.OFFERED
            }
            again = [row for row in again if row[0] in whole]
            if again:
                names = [name for name, _ in server.COLUMNS[table]]
                server.upsert(connection, table, names, again, whole=True)
            # The rest, and offered rows the server has: only the fields changed here
            # (a tombstone stays: a delete wins over an edit).
            by_fields: dict[int, list[local.Outgoing]] = {}
            done = whole | {row.uid for row in fresh}
            for row in live:
                if row.uid in done or not row.fields & every:
                    continue
                by_fields.setdefault(row.fields & every, []).append(row)
            for fields, group in by_fields.items():
                names = [
                    name
                    for index, (name, _) in enumerate(server.COLUMNS[table])
                    if fields & (1 << index)
                ]
                server.upsert(
                    connection, table, names, [(r.uid, *r.values) for r in group], whole=False
                )
            server.delete(connection, table, [row.uid for row in rows if row.deleted])
            # Before the commit: should its reply be lost, a retry offers these rows
            # (added if this push did not commit, else only what changed since).
            local.offer_again(tracker, table, [(row.uid, row.changes) for row in fresh])
        said, stopped = _one_running(connection, tracker, outgoing)
        notices += said
    local.sent(
        tracker,
        ((table, row.uid, row.changes) for table, rows in outgoing.items() for row in rows),
    )
    return _Sent(xid, added - {("session", uid) for uid in stopped})


def _one_running(
    connection: Any, tracker: Tracker, outgoing: dict[str, list[local.Outgoing]]
) -> tuple[list[str], list[str]]:
    """At most one running session per user: the earlier-started ones stop where the
    latest started (never later: no stop adds hours). Returns the notices and the
    stopped sessions' uids."""
    running = server.running_sessions(connection)
    if len(running) < 2:
        return [], []
    here = {row.uid for row in outgoing.get("session", [])}
    latest_uid, latest_name, latest_start = running[0]
    where = "here" if latest_uid in here else "on another machine"
    notices = []
    for uid, name, _ in running[1:]:
        server.stop_session(connection, uid, latest_start)
        notices.append(
            f"Stopped {name or '(unnamed)'!r} at {tracker.local(latest_start)}: "
            f"{latest_name or '(unnamed)'!r} was started {where}"
        )
    return notices, [uid for uid, _, _ in running[1:]]


def _pull(connection: Any, tracker: Tracker, sent: _Sent) -> tuple[int, list[str]]:
    """Applies the server's rows changed since the cursor, with the new cursor (but
    those the push just added whole: they are here as they are there)."""
    from tracker_desktop.core.sync import incoming

    stored = local.cursor(tracker)
    here = server.identity(connection)
    with connection.transaction():
        connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        until = server.pull_cursor(connection)
        since = _since(stored, here, until)
        pulled = {
            table: [
                row
                for row in server.changed_rows(connection, table, since, until)
                if row[-1] != sent.xid or (table, row[0]) not in sent.added
            ]
            for table in server.TABLES
        }
    cursor = f"{here}/{until}"
    if not any(pulled.values()) and stored == cursor:
        return 0, []
    return incoming.apply(tracker, pulled, cursor)


def _since(stored: str, here: str, until: str) -> str:
    """Where the pull starts: the stored cursor, or the beginning (a full pull, which
    changes nothing that is here already) when it was taken on another server (a
    restore into a new cluster, a database made again) or lies ahead of the server's
    transactions. A cursor stored before it named its server is taken as it is."""
    server_id, _, xid = stored.rpartition("/")
    if (server_id and server_id != here) or int(xid) > int(until):
        log.info("the pull cursor %s is not this server's (%s/%s): full pull", stored, here, until)
        return "0"
    return xid


# -- server administration ------------------------------------------------------------------


def server_init(url: str, password: str | None) -> tuple[int, int]:
    parsed = parse_url(url)
    with server_errors(parsed.shown), open_connection(parsed, password) as connection:
        return server.init(connection)


def add_user(
    url: str, password: str | None, name: str, user_password: str | None, *, manager: bool
) -> bool:
    parsed = parse_url(url)
    with server_errors(parsed.shown), open_connection(parsed, password) as connection:
        if server.server_version(connection) is None:
            raise SyncUnavailable(parsed.shown, "run 'server init' on this database first")
        return server.add_user(connection, name, user_password, manager=manager)
