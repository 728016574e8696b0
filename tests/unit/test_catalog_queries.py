"""Reads the window's pickers need, cheap at any size."""

from __future__ import annotations

from tracker_desktop.core.service import Labels, Tracker


def test_tag_names_are_every_tag_by_name_whatever_their_case(tracker: Tracker) -> None:
    assert tracker.catalog.tag_names() == []
    tracker.start("Design", labels=Labels(tags=("urgent", "Backend", "api")))
    tracker.catalog.rename_tag("api", "API")

    assert tracker.catalog.tag_names() == ["API", "Backend", "urgent"]
    assert tracker.catalog.tag_names() == [tag.name for tag in tracker.catalog.tags()]
