"""What the sync tests compare: every session of a folder as a user sees it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tracker_desktop.core.catalog import Catalog
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.sync import SyncResult, sync_now

EVER = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


def sessions(tracker: Tracker) -> list[tuple[Any, ...]]:
    """Every session, field for field (no local ids), oldest first."""
    found = [
        (
            s.name,
            s.start,
            s.end,
            s.project.label if s.project else None,
            s.tags,
            s.billable,
        )
        for s in tracker.sessions_between(*EVER)
    ]
    return sorted(found, key=lambda row: (row[1], row[0]))


def labels(tracker: Tracker) -> tuple[list[str], list[str], list[str]]:
    """Client, project and tag names."""
    catalog = Catalog(tracker)
    return (
        sorted(c.name for c in catalog.clients(archived=True)),
        sorted(p.label for p in catalog.projects(archived=True)),
        sorted(catalog.tag_names()),
    )


def sync_all(*trackers: Tracker, rounds: int = 2) -> list[SyncResult]:
    """Each machine syncs in turn, twice: then every one has seen every other's changes."""
    return [sync_now(tracker) for _ in range(rounds) for tracker in trackers]
