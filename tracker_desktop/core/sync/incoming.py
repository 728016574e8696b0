"""Applying what the server sent to the local file, in one transaction with the new
pull cursor: the rules that make every machine end with the same rows.

- Fields changed here and not yet sent are kept (they reach the server later, and win
  there as the later write); a row deleted here stays deleted (the delete goes out).
- A deleted row (tombstone) is deleted here, with whatever was waiting to be sent for it.
- Two clients, projects (of one client) or tags of the same name, made apart: the one
  with the smaller uid stays, the other merges into it (its sessions move over), the
  same on every machine.
- Two running sessions: the earlier-started one stops where the later one started.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import peewee

from tracker_desktop.core.clock import to_epoch
from tracker_desktop.core.models import (
    RECORDING,
    SYNCED_FIELDS,
    Project,
    SessionRecord,
    SessionTag,
    SyncOutbox,
    SyncState,
)
from tracker_desktop.core.names import name_key
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.sync.local import (
    ALIAS,
    CURSOR,
    LAST_SYNC,
    MODELS,
    _chunks,
    _set,
    bit,
)
from tracker_desktop.core.writes import Recorder

# The model field behind each synced column (a foreign key by its field's name).
_FIELD = {"client_id": "client", "project_id": "project"}
_REFERS = {"project": ("client_id", "client"), "session": ("project_id", "project")}


def _recording(on: bool) -> None:
    _set(RECORDING, "1" if on else "0")


def apply(
    tracker: Tracker, pulled: dict[str, list[tuple[Any, ...]]], new_cursor: str
) -> tuple[int, list[str]]:
    """Applies the pulled rows (uid, synced columns, deleted, changed) and moves the
    cursor, in one transaction; returns how many rows came and what to tell the user."""
    with tracker.changing() as change:
        change.description = "Changes from the sync server"
        change.from_server = True
        _recording(False)
        applier = _Applier(tracker, change)
        for table in MODELS:
            applier.table(table, pulled.get(table, []))
        _set(CURSOR, new_cursor)
        _set(LAST_SYNC, str(to_epoch(tracker.now())))
        _recording(True)
    return applier.count, applier.notices


def _same(here: dict[str, Any] | None, pulled: dict[str, Any], kept: int) -> bool:
    """Whether the local values ``here`` already are the pulled ones (but those kept)."""
    if here is None:
        return False
    return all(
        kept & (1 << index) or here[name] == value
        for index, (name, value) in enumerate(pulled.items())
    )


def _merged(table: str, name: str) -> str:
    return f"Merged the {table} {name!r}, made on two machines, into one"


class _Applier:
    def __init__(self, tracker: Tracker, change: Recorder) -> None:
        self.tracker = tracker
        self.change = change
        self.count = 0
        self.notices: list[str] = []
        # uid -> id of the clients, projects and tags (see local_id).
        self.known: dict[str, dict[str, int]] = {}
        self.aliases = {
            row.key: row.value for row in SyncState.select().where(SyncState.key.startswith(ALIAS))
        }

    # -- lookups ----------------------------------------------------------------------------

    def ids(self, table: str, uids: Sequence[str]) -> dict[str, int]:
        model = MODELS[table]
        found: dict[str, int] = {}
        for chunk in _chunks(list(uids)):
            pairs: Any = model.select(model.uid, model.id).where(model.uid.in_(chunk)).tuples()
            found.update(pairs)
        return found

    def local_id(self, table: str, uid: str | None) -> int | None:
        """The local client, project or tag a reference names (following merges), None
        if unknown here. Those tables are small: read whole, once per change to them."""
        known = self.known.get(table)
        if known is None:
            model = MODELS[table]
            pairs: Any = model.select(model.uid, model.id).tuples()
            known = self.known[table] = dict(pairs)
        seen = 0
        while uid is not None and seen < 20:
            if uid in known:
                return known[uid]
            uid = self.aliases.get(f"{ALIAS} {table} {uid}")
            seen += 1
        return None

    def current(self, uids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The synced values of the local sessions ``uids`` (as ``values`` gives them),
        read in bulk: most pulled sessions are already here as they are."""
        S = SessionRecord
        columns = [S.uid, S.name, S.started_at, S.ended_at, S.project, S.billable, S.created_at]
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(uids)):
            rows: Any = S.select(*columns).where(S.uid.in_(chunk)).tuples()
            for uid, *values in rows:
                found[uid] = dict(zip(SYNCED_FIELDS["session"], [*values, []], strict=True))
            links: Any = (
                SessionTag.select(S.uid, SessionTag.tag)
                .join(S, on=(SessionTag.session == S.id))
                .where(S.uid.in_(chunk))
                .tuples()
            )
            for uid, tag in links:
                found[uid]["tags"].append(tag)
        for values in found.values():
            values["tags"].sort()
        return found

    def pending(self, table: str, uids: Sequence[str]) -> dict[str, tuple[int, bool]]:
        found: dict[str, tuple[int, bool]] = {}
        for chunk in _chunks(list(uids)):
            query = SyncOutbox.select(SyncOutbox.uid, SyncOutbox.fields, SyncOutbox.deleted)
            rows: Any = query.where((SyncOutbox.tbl == table) & SyncOutbox.uid.in_(chunk)).tuples()
            for uid, fields, deleted in rows:
                found[uid] = (fields, bool(deleted))
        return found

    def values(self, table: str, columns: Sequence[Any]) -> dict[str, Any]:
        """The pulled columns as local field values (references as local ids)."""
        values = dict(zip(SYNCED_FIELDS[table], columns, strict=True))
        if table in _REFERS:
            column, target = _REFERS[table]
            values[column] = self.local_id(target, values[column])
        if table == "session":
            tags = [self.local_id("tag", uid) for uid in values["tags"] or ()]
            values["tags"] = sorted({tag for tag in tags if tag is not None})
        return values

    # -- a table's rows ---------------------------------------------------------------------

    def table(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        self.count += len(rows)
        uids = [row[0] for row in rows]
        ids = self.ids(table, uids)
        pending = self.pending(table, uids)
        current = self.current([uid for uid in uids if uid in ids]) if table == "session" else {}
        new_sessions = []
        # Live rows first: a name merge finds the row it merges into before the
        # tombstone of the row merged away.
        for row in sorted(rows, key=lambda row: bool(row[-2])):
            uid, columns, deleted = row[0], row[1:-2], bool(row[-2])
            if deleted:
                # Looked up now: a merge or a delete earlier in this pull may have
                # changed which local row has this uid.
                gone = self.ids(table, [uid]) if table != "session" else ids
                if uid in gone:
                    self.delete(table, gone[uid])
                    self.known.pop(table, None)
                SyncOutbox.delete().where(
                    (SyncOutbox.tbl == table) & (SyncOutbox.uid == uid)
                ).execute()
                continue
            fields, gone_here = pending.get(uid, (0, False))
            if gone_here:
                continue  # deleted here: the delete goes to the server and wins there
            values = self.values(table, columns)
            found = ids
            if table != "session":  # a name merge above may have changed a row's uid
                found = self.ids(table, [uid])
                self.known.pop(table, None)
            elif _same(current.get(uid), values, fields):
                continue  # as it is here already (often: the row this machine sent)
            if uid in found:
                self.update(table, found[uid], values, fields)
            elif table == "session" and values["ended_at"] is not None:
                new_sessions.append((uid, values))
            else:
                self.insert(table, uid, values)
        if new_sessions:
            self.insert_sessions(new_sessions)

    def insert(self, table: str, uid: str, values: dict[str, Any]) -> None:
        if table != "session":
            taken = self.name_taken(table, values, None)
            if taken is not None:
                self.insert_taken(table, uid, values, taken)
                return
        elif values["ended_at"] is None:
            self.one_running(uid, values)
        model = MODELS[table]
        tags = values.pop("tags", None)
        record = model.create(uid=uid, **self.fields(table, values))
        self.change.watch_new(record)
        if tags:
            self.set_tags(record.id, tags)

    def insert_sessions(self, rows: list[tuple[str, dict[str, Any]]]) -> None:
        """Finished sessions the file lacks (a first sync brings thousands): in bulk."""
        # In the model's field order, which the statement insert_rows makes follows.
        fields: list[peewee.Field] = [
            field for field in SessionRecord._meta.sorted_fields if field.name != "id"
        ]
        self.tracker.storage.insert_rows(
            SessionRecord,
            fields,
            (
                [
                    {"uid": uid, "updated_at": v["created_at"], "project": v["project_id"], **v}[
                        field.name
                    ]
                    for field in fields
                ]
                for uid, v in rows
            ),
        )
        ids = self.ids("session", [uid for uid, _ in rows])
        self.change.watch_new_ids(SessionRecord, ids.values())
        links = [(ids[uid], tag) for uid, values in rows for tag in values["tags"]]
        if links:
            link_fields: list[peewee.Field] = [SessionTag.session, SessionTag.tag]
            self.tracker.storage.insert_rows(SessionTag, link_fields, links)

    def fields(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        """Model field values (with the name's key for a client, project or tag)."""
        data = {_FIELD.get(name, name): value for name, value in values.items() if name != "tags"}
        if table != "session" and "name" in values:
            data["name_key"] = name_key(values["name"])
        if "created_at" in data:
            data["updated_at"] = data["created_at"]
        return data

    def update(self, table: str, row_id: int, values: dict[str, Any], kept: int) -> None:
        """The pulled values, except the fields changed here and not yet sent (``kept``)."""
        model = MODELS[table]
        record = model.get_by_id(row_id)
        wanted = {
            name: value
            for index, (name, value) in enumerate(values.items())
            if not kept & (1 << index)
        }
        tags = wanted.pop("tags", None)
        current = {name: record.__data__.get(_FIELD.get(name, name)) for name in wanted}
        changed = {name: value for name, value in wanted.items() if current[name] != value}
        if table != "session" and ({"name", "client_id"} & changed.keys()):
            merged = {**current, **changed}
            taken = self.name_taken(table, merged, row_id)
            if taken is not None and not self.merge_taken(table, record, taken):
                return
        if table == "session" and "ended_at" in changed and changed["ended_at"] is None:
            here = {"name": record.name, "started_at": record.started_at}  # if kept
            running = {**here, **current, **changed}
            self.one_running(record.uid, running)  # may end the pulled one: applied below
            if running["ended_at"] is not None:
                changed["ended_at"] = running["ended_at"]
        if changed:
            self.change.watch(record)
            data = self.fields(table, changed)
            data.pop("updated_at", None)
            model.update(**data).where(model.id == row_id).execute()
        if tags is not None:
            self.set_tags(row_id, tags)

    def set_tags(self, session_id: int, tags: list[int]) -> None:
        links = list(SessionTag.select().where(SessionTag.session == session_id))
        have = {link.tag_id for link in links}
        for link in links:
            if link.tag_id not in tags:
                self.change.watch(link)
                link.delete_instance()
        for tag in tags:
            if tag not in have:
                self.change.watch_new(SessionTag.create(session=session_id, tag=tag))

    def delete(self, table: str, row_id: int) -> None:
        """Deletes a row deleted elsewhere; what named it here names nothing now."""
        model = MODELS[table]
        if table == "client":
            for project in list(Project.select().where(Project.client == row_id)):
                # Its projects go on without a client (merging into one of theirs there).
                twin = self.name_taken("project", {"name": project.name, "client_id": None}, None)
                if twin is not None and not self.merge_taken("project", project, twin):
                    continue
                self.change.watch(project)
                Project.update(client=None).where(Project.id == project.id).execute()
            self.known.pop("project", None)
        elif table == "project":
            for session in SessionRecord.select().where(SessionRecord.project == row_id):
                self.change.watch(session)
            SessionRecord.update(project=None).where(SessionRecord.project == row_id).execute()
        record = model.get_by_id(row_id)
        self.change.watch(record)
        record.delete_instance()

    # -- names made apart ---------------------------------------------------------------------

    def name_taken(self, table: str, values: dict[str, Any], row_id: int | None) -> Any:
        """The other local row that already has this client's, project's or tag's name."""
        model = MODELS[table]
        query = model.select().where(model.name_key == name_key(values["name"]))
        if table == "project":
            client = values["client_id"]
            query = query.where(
                Project.client.is_null() if client is None else Project.client == client
            )
        if row_id is not None:
            query = query.where(model.id != row_id)
        found: Any = query.first()
        return found

    def insert_taken(self, table: str, uid: str, values: dict[str, Any], taken: Any) -> None:
        """A new row whose name a local row has: the smaller uid stays. The pulled row
        winning, the local one becomes it (its uid and values); the local uid is deleted
        on the server, and what named it is sent again naming the winner."""
        self.notices.append(_merged(table, taken.name))
        if taken.uid < uid:
            self.alias(table, uid, taken.uid)
            return
        model = MODELS[table]
        self.change.watch(taken)
        old = taken.uid
        model.update(uid=uid, **self.fields(table, values)).where(model.id == taken.id).execute()
        self.alias(table, old, uid)
        SyncOutbox.insert(tbl=table, uid=old, fields=0, deleted=True, changes=1).on_conflict(
            conflict_target=[SyncOutbox.tbl, SyncOutbox.uid],
            update={SyncOutbox.fields: 0, SyncOutbox.deleted: True},
        ).execute()
        self.resend_references(table, taken.id)

    def merge_taken(self, table: str, record: Any, taken: Any) -> bool:
        """A pulled rename gives ``record`` the name of ``taken``: the smaller uid stays,
        the other merges into it. Returns whether ``record`` stays."""
        keep, drop = (record, taken) if record.uid < taken.uid else (taken, record)
        self.merge(table, drop, keep)
        return keep is record

    def merge(self, table: str, drop: Any, keep: Any) -> None:
        """Moves what names ``drop`` over to ``keep`` and deletes ``drop``, recorded to be
        sent (every machine then has the same)."""
        _recording(True)
        try:
            if table == "client":
                for project in Project.select().where(Project.client == drop.id):
                    twin = self.name_taken(
                        "project", {"name": project.name, "client_id": keep.id}, None
                    )
                    if twin is not None:
                        self.merge_taken("project", project, twin)
                    twin_kept = twin is not None and twin.uid < project.uid
                    if not twin_kept:
                        self.change.watch(project)
                        Project.update(client=keep.id).where(Project.id == project.id).execute()
            elif table == "project":
                for session in SessionRecord.select().where(SessionRecord.project == drop.id):
                    self.change.watch(session)
                SessionRecord.update(project=keep.id).where(
                    SessionRecord.project == drop.id
                ).execute()
            elif table == "tag":
                for link in list(SessionTag.select().where(SessionTag.tag == drop.id)):
                    self.change.watch(link)
                    session_id = link.session_id
                    link.delete_instance()
                    exists = SessionTag.select().where(
                        (SessionTag.session == session_id) & (SessionTag.tag == keep.id)
                    )
                    if not exists.exists():
                        self.change.watch_new(SessionTag.create(session=session_id, tag=keep.id))
            self.change.watch(drop)
            drop.delete_instance()
        finally:
            _recording(False)
        self.alias(table, drop.uid, keep.uid)
        self.notices.append(_merged(table, keep.name))

    def resend_references(self, table: str, row_id: int) -> None:
        """Marks the rows that name ``row_id`` to be sent again (their reference field)."""
        if table == "client":
            self.mark(
                "project", Project.select(Project.uid).where(Project.client == row_id), "client_id"
            )
        elif table == "project":
            query = SessionRecord.select(SessionRecord.uid).where(SessionRecord.project == row_id)
            self.mark("session", query, "project_id")
        else:
            query = (
                SessionRecord.select(SessionRecord.uid)
                .join(SessionTag, on=(SessionTag.session == SessionRecord.id))
                .where(SessionTag.tag == row_id)
            )
            self.mark("session", query, "tags")

    @staticmethod
    def mark(table: str, uids: Any, field: str) -> None:
        flag = bit(table, field)
        found: list[tuple[str]] = list(uids.tuples())
        for (uid,) in found:
            SyncOutbox.insert(tbl=table, uid=uid, fields=flag, changes=1).on_conflict(
                conflict_target=[SyncOutbox.tbl, SyncOutbox.uid],
                update={
                    SyncOutbox.fields: SyncOutbox.fields.bin_or(flag),
                    SyncOutbox.changes: SyncOutbox.changes + 1,
                },
            ).execute()

    def alias(self, table: str, uid: str, target: str) -> None:
        key = f"{ALIAS} {table} {uid}"
        self.aliases[key] = target
        _set(key, target)

    # -- one running session ------------------------------------------------------------------

    def one_running(self, uid: str, values: dict[str, Any]) -> None:
        """Another session runs here while the pulled one runs: the one started earlier
        stops where the later one started (said to the user, recorded to be sent)."""
        other = (
            SessionRecord.select()
            .where(SessionRecord.ended_at.is_null() & (SessionRecord.uid != uid))
            .first()
        )
        if other is None:
            return
        start = values["started_at"]
        if other.started_at <= start:
            _recording(True)
            self.change.watch(other)
            SessionRecord.update(ended_at=start).where(SessionRecord.id == other.id).execute()
            _recording(False)
            self.notices.append(
                f"Stopped {other.name or '(unnamed)'!r} at {self.tracker.local(start)}: "
                f"{values['name'] or '(unnamed)'!r} was started on another machine"
            )
        else:
            values["ended_at"] = other.started_at
            SyncOutbox.insert(
                tbl="session", uid=uid, fields=bit("session", "ended_at"), changes=1
            ).on_conflict(
                conflict_target=[SyncOutbox.tbl, SyncOutbox.uid],
                update={SyncOutbox.fields: SyncOutbox.fields.bin_or(bit("session", "ended_at"))},
            ).execute()
            self.notices.append(
                f"Stopped {values['name'] or '(unnamed)'!r} at "
                f"{self.tracker.local(other.started_at)}: {other.name or '(unnamed)'!r} "
                "was started later here"
            )
