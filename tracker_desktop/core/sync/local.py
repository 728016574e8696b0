"""The local side of sync, through the models: this folder's sync state, the changes
waiting to be sent (the outbox the triggers fill), and applying what the server sent.

Changes applied from the server are not recorded for sending back (the triggers are
paused within that transaction) and are not anyone's to undo (``Change.from_server``),
but every listener of ``tracker.changes`` hears of them.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

import peewee

from tracker_desktop.core.clock import from_epoch
from tracker_desktop.core.models import (
    RECORDING,
    SYNC_OFFERED,
    SYNCED_FIELDS,
    Client,
    Project,
    SessionRecord,
    SessionTag,
    SyncOutbox,
    SyncState,
    Tag,
)
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.sync import SyncStatus

# The synced models (typed loosely: their ``uid`` and ``name_key`` are not on Record).
MODELS: dict[str, Any] = {
    "client": Client,
    "project": Project,
    "tag": Tag,
    "session": SessionRecord,
}
# Sync state keys.
SERVER, USER, CURSOR, LAST_SYNC, DEVICE = "server", "user", "cursor", "last_sync", "device"
_WAS_SERVER = "was server"  # the server of a folder disconnected by ``sync off``
ALIAS = "alias"  # "alias <table> <uid>": a merged-away row's uid -> the row it became
_CHUNK = 500


# Marks an offered row: added where the server lacks it; where it has it (perhaps changed
# or deleted by others since) only the fields changed here since the offer are sent. A
# new connection offers every row; a push offers the rows it adds before its commit (a
# retry after a lost reply then never writes them whole again).
OFFERED = SYNC_OFFERED


def every_field(table: str) -> int:
    return (1 << len(SYNCED_FIELDS[table])) - 1


def bit(table: str, field: str) -> int:
    return 1 << SYNCED_FIELDS[table].index(field)


# -- state ----------------------------------------------------------------------------------


def _state() -> dict[str, str]:
    return {row.key: row.value for row in SyncState.select()}


def _set(key: str, value: str) -> None:
    SyncState.insert(key=key, value=value).on_conflict_replace().execute()


def status(tracker: Tracker) -> SyncStatus:
    from tracker_desktop.core.sync.connection import parse_url

    with tracker.storage.snapshot():
        state = _state()
        pending = SyncOutbox.select().count() if SERVER in state else 0
    if SERVER not in state:
        return SyncStatus(False, None, None, 0)
    last = state.get(LAST_SYNC)
    return SyncStatus(
        True, parse_url(state[SERVER]).shown, from_epoch(int(last)) if last else None, pending
    )


def settings(tracker: Tracker) -> dict[str, str]:
    """This folder's sync state (empty when sync is not set up)."""
    with tracker.storage.snapshot():
        return _state()


def configure(tracker: Tracker, url: str, user: str) -> None:
    """Connects the folder: remembers the server, and marks every row to be sent (the
    server adds those it lacks and keeps its own version of the rest: a machine that
    comes back after a while takes what others did meanwhile). Connecting again to the
    same server as the same user changes nothing."""
    from tracker_desktop.core.sync.connection import same_server

    with tracker.storage.atomic():
        state = _state()
        before = state.get(SERVER, state.get(_WAS_SERVER))
        if before is not None and same_server(before, url) and state.get(USER) == user:
            # Set up again (a new password, new options, or after ``sync off``): what
            # waits to be sent stays, with what was changed here while disconnected.
            _set(SERVER, url)
            SyncState.delete().where(SyncState.key == _WAS_SERVER).execute()
            return
        SyncState.delete().execute()
        SyncOutbox.delete().execute()
        for key, value in (
            (SERVER, url),
            (USER, user),
            (CURSOR, "0"),
            (DEVICE, secrets.token_hex(8)),
            (RECORDING, "1"),
        ):
            _set(key, value)
        for table, model in MODELS.items():
            query = model.select(
                peewee.Value(table), model.uid, peewee.Value(OFFERED),
                peewee.Value(False), peewee.Value(1),
            )  # fmt: skip
            SyncOutbox.insert_from(
                query,
                fields=[
                    SyncOutbox.tbl, SyncOutbox.uid, SyncOutbox.fields,
                    SyncOutbox.deleted, SyncOutbox.changes,
                ],
            ).execute()  # fmt: skip


def unconfigure(tracker: Tracker) -> dict[str, str]:
    """Stops syncing (local data stays); returns the state it had. Changes are still
    recorded: connecting again to the same server as the same user sends them (another
    server, or another user, starts afresh)."""
    with tracker.storage.atomic():
        state = _state()
        if SERVER in state:
            _set(_WAS_SERVER, state[SERVER])
            SyncState.delete().where(SyncState.key == SERVER).execute()
    return state


# -- outgoing -------------------------------------------------------------------------------


class Outgoing(NamedTuple):
    """One row to send: its uid, the changed fields' bits (all: made here), whether it
    was deleted, the outbox entry's change count, and every synced value (server order)."""

    uid: str
    fields: int
    deleted: bool
    changes: int
    values: tuple[Any, ...]


def _columns(table: str) -> list[Any]:
    """The selected columns of ``table``'s rows as the server stores them (references as
    the uid of the row they name; a session's tags apart)."""
    model = MODELS[table]
    if table == "client":
        return [Client.name, Client.rate, Client.currency, Client.archived, Client.created_at]
    if table == "project":
        return [
            Project.name, Client.uid, Project.color, Project.rate, Project.billable,
            Project.archived, Project.created_at,
        ]  # fmt: skip
    if table == "tag":
        return [Tag.name, Tag.created_at]
    assert model is SessionRecord
    return [
        SessionRecord.name, SessionRecord.started_at, SessionRecord.ended_at, Project.uid,
        SessionRecord.billable, SessionRecord.created_at,
    ]  # fmt: skip


def waiting(tracker: Tracker) -> bool:
    """Whether any row waits to be sent (one cheap query: most syncs have none)."""
    with tracker.storage.snapshot():
        return bool(SyncOutbox.select().exists())


def outgoing(tracker: Tracker) -> dict[str, list[Outgoing]]:
    """Every row waiting to be sent, by table (in the order the server needs them: a
    client before its projects), read in one snapshot."""
    found: dict[str, list[Outgoing]] = {}
    with tracker.storage.snapshot():
        for table, model in MODELS.items():
            query = (
                SyncOutbox.select(
                    SyncOutbox.uid,
                    SyncOutbox.fields,
                    SyncOutbox.deleted,
                    SyncOutbox.changes,
                    model.id,
                    *_columns(table),
                )
                .join(model, peewee.JOIN.LEFT_OUTER, on=(model.uid == SyncOutbox.uid))
                .where(SyncOutbox.tbl == table)
            )
            if table == "project":
                query = query.join(Client, peewee.JOIN.LEFT_OUTER, on=(Project.client == Client.id))
            elif table == "session":
                query = query.join(
                    Project, peewee.JOIN.LEFT_OUTER, on=(SessionRecord.project == Project.id)
                )
            rows: list[tuple[Any, ...]] = list(query.tuples())  # type: ignore[arg-type]
            tags = _tags_of_outgoing() if table == "session" and rows else {}
            entries = []
            for uid, fields, deleted, changes, row_id, *values in rows:
                if row_id is None:
                    deleted = True  # gone here without a tombstone: deleted all the same
                if table == "session":
                    values.append(sorted(tags.get(uid, ())))
                entries.append(Outgoing(uid, fields, bool(deleted), changes, tuple(values)))
            found[table] = entries
    return found


def _tags_of_outgoing() -> dict[str, list[str]]:
    """The tags' uids of every session waiting to be sent, by the session's uid."""
    query = (
        SessionTag.select(SessionRecord.uid, Tag.uid)
        .join(SessionRecord, on=(SessionTag.session == SessionRecord.id))
        .join(
            SyncOutbox, on=((SyncOutbox.uid == SessionRecord.uid) & (SyncOutbox.tbl == "session"))
        )
        .switch(SessionTag)
        .join(Tag, on=(SessionTag.tag == Tag.id))
    )
    tags: dict[str, list[str]] = {}
    pairs: Iterable[tuple[str, str]] = query.tuples()  # type: ignore[assignment]
    for session_uid, tag_uid in pairs:
        tags.setdefault(session_uid, []).append(tag_uid)
    return tags


def sent(tracker: Tracker, entries: Iterable[tuple[str, str, int]]) -> None:
    """Removes the outbox entries (table, uid, change count) that the server now has;
    an entry changed again since it was read stays, to be sent again."""
    groups: dict[tuple[str, int], list[str]] = {}
    for table, uid, changes in entries:
        groups.setdefault((table, changes), []).append(uid)
    with tracker.storage.atomic():
        for (table, changes), uids in groups.items():
            for chunk in _chunks(uids):
                SyncOutbox.delete().where(
                    (SyncOutbox.tbl == table)
                    & (SyncOutbox.changes == changes)
                    & SyncOutbox.uid.in_(chunk)
                ).execute()


def offer_again(tracker: Tracker, table: str, entries: Sequence[tuple[str, int]]) -> None:
    """Turns the entries (uid, change count) of rows a push adds into offers, unless
    changed since they were read."""
    groups: dict[int, list[str]] = {}
    for uid, changes in entries:
        groups.setdefault(changes, []).append(uid)
    with tracker.storage.atomic():
        for changes, uids in groups.items():
            for chunk in _chunks(uids):
                SyncOutbox.update(fields=OFFERED).where(
                    (SyncOutbox.tbl == table)
                    & (SyncOutbox.changes == changes)
                    & SyncOutbox.uid.in_(chunk)
                ).execute()


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def cursor(tracker: Tracker) -> str:
    with tracker.storage.snapshot():
        row = SyncState.get_or_none(SyncState.key == CURSOR)
    return row.value if row else "0"
