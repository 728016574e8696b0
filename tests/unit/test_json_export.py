"""This product's JSON export: its shape, and the round trip (export, import into an
empty folder, export again gives the same file but for the export's metadata and the
local ids)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.support import FakeClock
from tests.unit.import_samples import epoch, write_frames
from tracker_desktop.core.importing import Importer
from tracker_desktop.core.json_export import export_json, write_json
from tracker_desktop.core.service import Labels, ProjectName, SessionFilter, Tracker
from tracker_desktop.core.storage import open_storage


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def fill(tracker: Tracker, tmp_path: Path) -> None:
    """Everything an export carries: clients, projects and tags with their settings
    (archived and unused ones too), sessions of every kind, and imported ones."""
    catalog = tracker.catalog
    catalog.add_client("Acme", Decimal("80.5"), "usd")
    globex = catalog.add_client("Globex")
    catalog.edit_client(globex.id, archived=True)
    catalog.add_project("Website", "Acme", color="#3366ff", rate=Decimal("95"))
    catalog.add_project("Website", "Globex", billable=False)
    old = catalog.add_project("Old stuff")
    catalog.edit_project(old.id, archived=True)
    tracker.add(
        "Homepage “hero” ✨",
        at(2, 8),
        at(2, 10),
        Labels(ProjectName("Website", "Acme"), ("design", "Frontend")),
    )
    tracker.add("Review", at(2, 10), at(2, 11), Labels(ProjectName("Website", "Globex")))
    tracker.add("", at(3, 23), at(4, 1, 30), Labels(billable=False))
    tracker.add("unused tag's owner", at(5, 9), at(5, 9, 1), Labels(tags=("spare",)))
    tracker.delete([tracker.add("gone", at(5, 10), at(5, 11)).id])
    start = epoch("2026-11-06T09:00:00+01:00")
    frames = [[start, start + 3600, "Watson project", "c0ffee" * 5 + "00", ["tag two"]]]
    Importer(tracker).run(write_frames(tmp_path / "frames", frames))
    tracker.start("Running now", at(26, 8), Labels(ProjectName("Website", "Acme")))
    catalog.delete_tag("spare")
    catalog.rename_tag("design", "Design")
    tracker.add("tagged later", at(6, 12), at(6, 13), Labels(tags=("spare",)))
    tracker.edit(tracker.add("x", at(7, 8), at(7, 9)).id, labels=Labels(tags=()))
    catalog.add_project("Never used", "Acme")


def exported(tracker: Tracker, *args: Any, **kwargs: Any) -> str:
    buffer = io.StringIO()
    write_json(export_json(tracker, *args, **kwargs), buffer)
    return buffer.getvalue()


def without_metadata(text: str) -> dict[str, Any]:
    document = json.loads(text)
    del document["exported_at"]
    for session in document["sessions"]:
        del session["id"]
    assert isinstance(document, dict)
    return document


@pytest.fixture
def other(tmp_path: Path, clock: FakeClock) -> Iterator[Tracker]:
    """A second, empty data folder."""
    storage = open_storage(tmp_path / "other")
    yield Tracker(storage, clock, ZoneInfo("Europe/Berlin"))
    storage.close()


def test_export_import_into_an_empty_folder_and_export_again_is_the_same_file(
    tracker: Tracker, other: Tracker, tmp_path: Path
) -> None:
    fill(tracker, tmp_path)
    first = exported(tracker)
    path = tmp_path / "export.json"
    path.write_text(first, encoding="utf-8")

    summary = Importer(other).run(path)
    assert summary.counts() == {
        "imported": 8, "skipped": 0, "clients_created": 2, "projects_created": 5,
        "tags_created": 4,
    }  # fmt: skip
    assert summary.running
    second = exported(other)
    assert without_metadata(second) == without_metadata(first)
    # Line by line too, but for the lines of the metadata and of the sessions' ids.
    assert len(first.splitlines()) == len(second.splitlines())
    # And again: nothing more comes in, into either folder.
    assert Importer(other).run(path).counts()["skipped"] == 8
    assert Importer(tracker).run(path).counts()["skipped"] == 8


def test_the_export_says_everything_an_import_needs(tracker: Tracker, tmp_path: Path) -> None:
    fill(tracker, tmp_path)
    document = json.loads(exported(tracker))
    assert list(document) == [
        "format", "version", "exported_at", "range", "clients", "projects", "tags", "sessions"
    ]  # fmt: skip
    assert (document["format"], document["version"]) == ("tracker-desktop", 1)
    assert document["exported_at"] == "2026-11-26T10:00:00+01:00"
    assert document["clients"] == [
        {"name": "Acme", "rate": "80.5", "currency": "USD", "archived": False},
        {"name": "Globex", "rate": None, "currency": None, "archived": True},
    ]
    assert document["projects"][-1] == {
        "name": "Website", "client": "Globex", "color": "#f28e2b", "rate": None,
        "billable": False, "archived": False,
    }  # fmt: skip
    assert [t["name"] for t in document["tags"]] == [
        "Design", "Frontend", "spare", "tag-two"
    ]  # fmt: skip
    sessions = document["sessions"]
    assert sessions[0] == {
        "id": 1,
        "start": "2026-11-02T09:00:00+01:00",
        "end": "2026-11-02T11:00:00+01:00",
        "name": "Homepage “hero” ✨",
        "project": {"name": "Website", "client": "Acme"},
        "tags": ["Design", "Frontend"],
        "billable": True,
        "origin": {"source": "tracker-desktop", "key": sessions[0]["origin"]["key"]},
    }
    assert sessions[0]["origin"]["key"].endswith(".1")
    watson = [s for s in sessions if s["origin"]["source"] == "watson"]
    assert watson[0]["origin"]["key"] == "c0ffee" * 5 + "00"
    assert sessions[-1]["end"] is None


def test_a_range_and_a_filter_narrow_the_export(tracker: Tracker, tmp_path: Path) -> None:
    fill(tracker, tmp_path)
    document = export_json(tracker, date(2026, 11, 3), date(2026, 11, 4))
    assert document["range"] == {"from": "2026-11-03", "to": "2026-11-04"}
    assert [s["start"] for s in document["sessions"]] == ["2026-11-04T00:00:00+01:00"]
    assert len(document["projects"]) == 5  # no filter: the whole catalog

    acme = tracker.catalog.find_client("Acme").id
    document = export_json(tracker, only=SessionFilter(client_id=acme))
    assert [s["name"] for s in document["sessions"]] == ["Homepage “hero” ✨", "Running now"]
    assert [c["name"] for c in document["clients"]] == ["Acme"]
    assert [p["name"] for p in document["projects"]] == ["Website"]
    assert [t["name"] for t in document["tags"]] == ["Design", "Frontend"]

    # As `export --last 24h --billable-only` asks: instants, and billable time only.
    document = export_json(
        tracker, date(2026, 11, 3), date(2026, 11, 4), billable_only=True,
        between=(at(3, 22), at(4, 2)),
    )  # fmt: skip
    assert document["sessions"] == []
    assert document["range"] == {"from": "2026-11-03", "to": "2026-11-04"}
    assert document["clients"] == document["projects"] == document["tags"] == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="other"), "“format” is 'other', not 'tracker-desktop'"),
        (lambda d: d.update(version=2), "version 2: this Tracker Desktop reads version 1"),
        (lambda d: d.pop("format"), "no “format”: 'tracker-desktop'"),
        (lambda d: d.update(sessions={}), "expected a list of sessions"),
    ],
)
def test_a_document_that_is_not_an_export_is_refused(
    tracker: Tracker, tmp_path: Path, change: Any, message: str
) -> None:
    document = export_json(tracker)
    change(document)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    with pytest.raises(Exception, match=message):
        Importer(tracker).preview(path, "json")


def test_bad_entries_are_problems_with_their_place(tracker: Tracker, tmp_path: Path) -> None:
    document = export_json(tracker)
    document["clients"] = [{"name": "A", "rate": "cheap"}]
    document["projects"] = [{"name": "P", "color": "red"}]
    document["sessions"] = [
        {"start": "2026-11-02T09:00:00", "end": None},
        {"start": "2026-11-02T09:00:00+01:00", "end": "2026-11-02T10:00:00+01:00",
         "tags": "design"},
        "nonsense",
    ]  # fmt: skip
    path = tmp_path / "export.json"
    buffer = io.StringIO()
    write_json(document, buffer)
    path.write_text(buffer.getvalue())
    assert [str(p) for p in Importer(tracker).preview(path).problems] == [
        "export.json, client 1 (line 7): rate: 'cheap' is not an hourly rate (a number such "
        "as 80 or 80.50, not negative, at most four decimals)",
        "export.json, project 1 (line 10): color: 'red' is not a colour (#RRGGBB, such as #3366ff)",
        "export.json, session 1 (line 14): “start” is '2026-11-02T09:00:00', a time without "
        "its offset from UTC",
        "export.json, session 2 (line 15): “tags” is 'design', not a list of names",
        "export.json, session 3 (line 16): not an object with the session's fields",
    ]
