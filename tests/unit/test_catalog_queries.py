"""Reads the window's pickers need, cheap at any size."""

from __future__ import annotations

from datetime import timedelta

from tracker_desktop.core.service import Labels, ProjectName, Tracker


def test_tag_names_are_every_tag_by_name_whatever_their_case(tracker: Tracker) -> None:
    assert tracker.catalog.tag_names() == []
    tracker.start("Design", labels=Labels(tags=("urgent", "Backend", "api")))
    tracker.catalog.rename_tag("api", "API")

    assert tracker.catalog.tag_names() == ["API", "Backend", "urgent"]
    assert tracker.catalog.tag_names() == [tag.name for tag in tracker.catalog.tags()]


def test_project_sessions_counts_the_sessions_a_delete_would_have_to_move(
    tracker: Tracker,
) -> None:
    website = tracker.catalog.add_project("Website", "Acme")
    assert tracker.catalog.project_sessions(website.id) == 0
    now = tracker.now()
    tracker.add("One", now - timedelta(hours=2), now - timedelta(hours=1), Labels(website.id))
    tracker.start("Two", labels=Labels(ProjectName("Website", "Acme")))
    tracker.start("Three")

    assert tracker.catalog.project_sessions(website.id) == 2
