"""This product's own JSON export: the sessions of a range with everything an import
needs to recreate them exactly (their clients, projects and tags, and where each came
from), so that export, import into an empty folder and export again give the same file
but for the export's own metadata and the local ids.

The ``export`` command writes it (``--format json``); ``core/importers/native.py``
reads it back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, TextIO

from tracker_desktop.core.clock import EARLIEST, LATEST
from tracker_desktop.core.formatting import local_iso
from tracker_desktop.core.models import DATABASE_ID, SessionOrigin, Stat
from tracker_desktop.core.money import normalized
from tracker_desktop.core.service import EVERY_SESSION, Session, SessionFilter, Tracker
from tracker_desktop.core.timeparse import start_of_day

FORMAT = "tracker-desktop"
VERSION = 1
# The origin of the sessions made here (not imported): this database and their id.
NATIVE_SOURCE = "tracker-desktop"


def native_key(database_id: int, session_id: int) -> str:
    """The origin key of a session made in the database ``database_id``."""
    return f"{database_id:x}.{session_id}"


def export_json(
    tracker: Tracker,
    first_day: date | None = None,
    last_day: date | None = None,
    only: SessionFilter = EVERY_SESSION,
    *,
    billable_only: bool = False,
    between: tuple[datetime, datetime] | None = None,
) -> dict[str, Any]:
    """The JSON export of the sessions overlapping the local days ``first_day`` to
    ``last_day`` (inclusive; None: unbounded) that ``only`` keeps (and, with
    ``billable_only``, only the billable ones), oldest first. ``between`` gives the
    range's instants where they are not whole days (``--last 24h``).

    Clients, projects and tags: all of them (archived too) when nothing is filtered
    out; else those the exported sessions use, so that an export made for one client
    names no other.
    """
    zone = tracker.zone
    start = EARLIEST if first_day is None else start_of_day(first_day, zone)
    end = LATEST if last_day is None else start_of_day(last_day + timedelta(days=1), zone)
    if between is not None:
        start, end = between
    catalog = tracker.catalog
    with tracker.storage.snapshot():  # one consistent reading of everything
        sessions = tracker.sessions_between(start, end, only)
        sessions.reverse()  # oldest first
        if billable_only:
            sessions = [s for s in sessions if s.billable]
        database_id = int(Stat.select(Stat.value).where(Stat.key == DATABASE_ID).scalar() or 0)
        origins = _origins(s.id for s in sessions)
        clients = catalog.clients(archived=True)
        projects = catalog.projects(archived=True)
        tags = catalog.tags()
    if only != EVERY_SESSION or billable_only:
        used_projects = {s.project.id for s in sessions if s.project}
        projects = [p for p in projects if p.id in used_projects]
        used_clients = {p.client_id for p in projects}
        clients = [c for c in clients if c.id in used_clients]
        used_tags = {t for s in sessions for t in s.tags}
        tags = [t for t in tags if t.name in used_tags]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": local_iso(tracker.now(), zone),
        "range": {
            "from": None if first_day is None else first_day.isoformat(),
            "to": None if last_day is None else last_day.isoformat(),
        },
        "clients": [
            {
                "name": c.name,
                "rate": _rate(c.rate),
                "currency": c.currency,
                "archived": c.archived,
            }
            for c in clients
        ],
        "projects": [
            {
                "name": p.name,
                "client": p.client,
                "color": p.color,
                "rate": _rate(p.rate),
                "billable": p.billable,
                "archived": p.archived,
            }
            for p in projects
        ],
        "tags": [{"name": t.name} for t in tags],
        "sessions": [
            _session(s, zone, origins.get(s.id) or (NATIVE_SOURCE, native_key(database_id, s.id)))
            for s in sessions
        ],
    }


def write_json(document: dict[str, Any], stream: TextIO) -> None:
    """Writes an export to ``stream``: UTF-8 text as it is (no escapes), one key per
    line at the top and one list element per line (quick to write and read, and a
    change shows as a changed line)."""
    stream.write("{\n")
    last = len(document) - 1
    for index, (key, value) in enumerate(document.items()):
        stream.write(f"  {json.dumps(key)}: ")
        if isinstance(value, list) and value:
            stream.write("[\n")
            stream.write(
                ",\n".join(f"    {json.dumps(item, ensure_ascii=False)}" for item in value)
            )
            stream.write("\n  ]")
        else:
            stream.write(json.dumps(value, ensure_ascii=False))
        stream.write(",\n" if index < last else "\n")
    stream.write("}\n")


def _session(session: Session, zone: Any, origin: tuple[str, str]) -> dict[str, Any]:
    project = session.project
    return {
        "id": session.id,
        "start": local_iso(session.start, zone),
        "end": None if session.end is None else local_iso(session.end, zone),
        "name": session.name,
        "project": None if project is None else {"name": project.name, "client": project.client},
        "tags": list(session.tags),
        "billable": session.billable,
        "origin": {"source": origin[0], "key": origin[1]},
    }


def _origins(session_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Where each of the imported sessions among ``session_ids`` came from."""
    ids = list(session_ids)
    found: dict[int, tuple[str, str]] = {}
    for chunk in range(0, len(ids), 500):
        query = SessionOrigin.select(
            SessionOrigin.session, SessionOrigin.source, SessionOrigin.key
        ).where(SessionOrigin.session.in_(ids[chunk : chunk + 500]))
        for session_id, source, key in SessionOrigin._meta.database.execute(query):
            found[session_id] = (source, key)
    return found


def _rate(rate: Any) -> str | None:
    """A rate as stored: exact decimal text (``80``, ``80.5``)."""
    return None if rate is None else format(normalized(rate), "f")
