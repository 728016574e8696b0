"""Undo of a change whose rows point at rows it made: deleting those takes the pointing
rows along (ON DELETE CASCADE), and undo must put them back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tracker_desktop.core.history import Change
from tracker_desktop.core.service import Labels, Tracker
from tracker_desktop.core.storage import Storage

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def rows(storage: Storage) -> dict[str, list[tuple[object, ...]]]:
    tables = ("project", "tag", "session", "session_tag")
    return {
        t: [tuple(r) for r in storage.database.execute_sql(f"SELECT * FROM {t} ORDER BY id")]
        for t in tables
    }


def test_replacing_every_tag_with_a_new_one_is_undone_and_redone_exactly(
    tracker: Tracker, storage: Storage
) -> None:
    changes: list[Change] = []
    tracker.changes.add(changes.append)
    session = tracker.add("Header", NOW - 2 * HOUR, NOW - HOUR, Labels(tags=("frontend", "design")))
    before = rows(storage)
    # The new tag's link takes the id of a removed one (SQLite reuses the highest rowid).
    tracker.edit(session.id, labels=Labels(tags=("call",)))
    after = rows(storage)
    assert tracker.get(session.id).tags == ("call",)

    tracker.apply(changes[-1].inverse())
    assert rows(storage) == before
    assert tracker.get(session.id).tags == ("design", "frontend")
    tracker.apply(changes[-1])
    assert rows(storage) == after
