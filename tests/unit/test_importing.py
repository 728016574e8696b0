"""The import as a service: a dry run that writes nothing, one transaction that imports
everything or nothing, one change that undo reverses, origins that make a second import
add nothing, and the running session's rule."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.support import FakeClock
from tests.unit.import_samples import epoch, toggl_row, write_frames, write_toggl
from tracker_desktop.core.errors import ConflictError, InvalidInputError
from tracker_desktop.core.history import Change
from tracker_desktop.core.importing import Importer
from tracker_desktop.core.layout import DATABASE_FILENAME
from tracker_desktop.core.periods import PeriodKind
from tracker_desktop.core.service import Labels, ProjectName, Tracker


def frames_file(tmp_path: Path, count: int = 3) -> Path:
    """``count`` Watson frames of an hour each on 2026-11-02 and after, in Berlin."""
    start = epoch("2026-11-02T09:00:00+01:00")
    frames = [
        [start + i * 7200, start + i * 7200 + 3600, "Website", f"{i:032x}", ["design"], start]
        for i in range(count)
    ]
    return write_frames(tmp_path / "frames", frames)


def count_rows(data_dir: Path, table: str) -> int:
    connection = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def test_a_dry_run_says_what_would_happen_and_writes_nothing(
    tracker: Tracker, tmp_path: Path, data_dir: Path
) -> None:
    path = frames_file(tmp_path)
    preview = Importer(tracker).preview(path)
    assert preview.dry_run
    assert preview.counts() == {
        "imported": 3, "skipped": 0, "clients_created": 0, "projects_created": 1,
        "tags_created": 1,
    }  # fmt: skip
    assert preview.projects_created == ("Website",)
    assert preview.tags_created == ("design",)
    assert (preview.first_day, preview.last_day) == (date(2026, 11, 2), date(2026, 11, 2))
    assert preview.problems == ()
    for table in ("session", "project", "tag", "session_origin"):
        assert count_rows(data_dir, table) == 0


def test_an_import_is_one_change_and_a_second_import_adds_nothing(
    tracker: Tracker, tmp_path: Path
) -> None:
    changes: list[Change] = []
    tracker.changes.add(changes.append)
    path = frames_file(tmp_path)
    summary = Importer(tracker).run(path)
    assert summary.counts()["imported"] == 3
    assert len(changes) == 1
    assert changes[0].description == "Import 3 sessions from frames"

    again = Importer(tracker).run(path)
    assert again.counts() == {
        "imported": 0, "skipped": 3, "clients_created": 0, "projects_created": 0,
        "tags_created": 0,
    }  # fmt: skip
    assert len(changes) == 1  # nothing changed, nothing to undo
    report = tracker.report(PeriodKind.DAY, date(2026, 11, 2))
    assert [(s.name, s.project and s.project.name, s.tags) for s in report.sessions] == [
        ("", "Website", ("design",))
    ] * 3
    assert report.total == timedelta(hours=3)


def test_undo_takes_the_whole_import_back_and_redo_brings_it_again(
    tracker: Tracker, tmp_path: Path, data_dir: Path
) -> None:
    changes: list[Change] = []
    tracker.changes.add(changes.append)
    Importer(tracker).run(frames_file(tmp_path, 40))
    tables = ("session", "project", "tag", "session_tag", "session_origin")
    imported = {table: count_rows(data_dir, table) for table in tables}
    assert imported == {
        "session": 40, "project": 1, "tag": 1, "session_tag": 40, "session_origin": 40
    }  # fmt: skip

    tracker.apply(changes[0].inverse())
    assert {table: count_rows(data_dir, table) for table in tables} == dict.fromkeys(tables, 0)
    tracker.apply(changes[0])
    assert {table: count_rows(data_dir, table) for table in tables} == imported
    # Still known as imported: nothing comes in twice.
    assert Importer(tracker).run(frames_file(tmp_path, 40)).skipped == 40


def test_deleting_a_session_deletes_its_origin_and_undo_restores_both(
    tracker: Tracker, tmp_path: Path, data_dir: Path
) -> None:
    changes: list[Change] = []
    tracker.changes.add(changes.append)
    path = frames_file(tmp_path)
    Importer(tracker).run(path)
    first = tracker.report(PeriodKind.DAY, date(2026, 11, 2)).sessions[-1]
    tracker.delete([first.id])
    assert count_rows(data_dir, "session_origin") == 2
    # Deleted here, so the next import brings it back.
    assert Importer(tracker).preview(path).counts()["imported"] == 1

    tracker.apply(changes[-1].inverse())
    assert count_rows(data_dir, "session_origin") == 3
    assert Importer(tracker).preview(path).counts()["imported"] == 0


def test_a_problem_anywhere_imports_nothing_and_names_the_entry(
    tracker: Tracker, tmp_path: Path, data_dir: Path
) -> None:
    start = epoch("2026-11-02T09:00:00+01:00")
    frames = [
        [start + i * 7200, start + i * 7200 + 3600, "Website", f"{i:032x}", []] for i in range(5)
    ]
    frames[3][1] = frames[3][0] - 60  # an end before its start
    frames.append([start, start + 60, "Website", "f" * 32, ["x" * 101]])  # too long a tag
    path = write_frames(tmp_path / "frames", frames)

    preview = Importer(tracker).preview(path)
    assert [(p.where, p.message) for p in preview.problems] == [
        ("frames, frame 4 (line 23)",
         "end: 2026-11-02 14:59 is before the start (2026-11-02 15:00)"),
        ("frames, frame 6 (line 37)",
         "tag: 101 characters is too long (at most 100)"),
    ]  # fmt: skip
    with pytest.raises(InvalidInputError) as refused:
        Importer(tracker).run(path)
    assert str(refused.value) == (
        "frames, frame 4 (line 23): end: 2026-11-02 14:59 is before the start "
        "(2026-11-02 15:00) (and 1 more problem; --dry-run lists them); nothing was imported"
    )
    for table in ("session", "project", "tag", "session_origin"):
        assert count_rows(data_dir, table) == 0


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("1969-12-31T23:00:00+00:00", "start: 1969-12-31 23:00 UTC is outside the years 1970"),
        ("2026-11-26T11:00:00+01:00", "start: 2026-11-26 11:00 is in the future"),
    ],
)
def test_times_the_tracker_does_not_keep_are_problems(
    tracker: Tracker, tmp_path: Path, start: str, message: str
) -> None:
    begin = epoch(start)
    path = write_frames(tmp_path / "frames", [[begin, begin + 60, "P", "a" * 32, []]])
    problems = Importer(tracker).preview(path).problems
    assert len(problems) == 1
    assert problems[0].message.startswith(message)


def test_a_running_entry_becomes_the_running_session_only_when_none_runs(
    tracker: Tracker, tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "watson"
    folder.mkdir()
    frames_file(folder)
    started = epoch("2026-11-26T08:30:00+01:00")
    (folder / "state").write_text(f'{{"project": "Docs", "start": {started}, "tags": ["x"]}}')
    tracker.start("Mine", at=datetime(2026, 11, 26, 7, 0, tzinfo=UTC))

    with pytest.raises(ConflictError) as refused:
        Importer(tracker).run(folder)
    assert str(refused.value) == (
        "state (the running frame): this entry is still running (since 2026-11-26 08:30), "
        "and a session runs here already (“Mine”, since 2026-11-26 08:00); stop that "
        "session, then import again. Nothing was imported"
    )
    assert tracker.report(PeriodKind.MONTH, date(2026, 11, 1)).sessions[0].name == "Mine"
    assert len(tracker.report(PeriodKind.MONTH, date(2026, 11, 1)).sessions) == 1

    tracker.stop(datetime(2026, 11, 26, 7, 20, tzinfo=UTC))
    summary = Importer(tracker).run(folder)
    assert summary.running
    running = tracker.running()
    assert running is not None
    assert (running.project and running.project.name, running.tags) == ("Docs", ("x",))

    # Once Watson stops it, the finished frame is known by its start: not imported twice.
    stop = epoch("2026-11-26T09:45:00+01:00")
    clock.advance(hours=1)
    frames = [[started, stop, "Docs", "b" * 32, ["x"], stop]]
    write_frames(folder / "frames", frames)
    (folder / "state").write_text("{}")
    assert Importer(tracker).run(folder).counts()["skipped"] == 1


def test_clients_projects_and_tags_are_found_whatever_their_case_or_made_once(
    tracker: Tracker, tmp_path: Path
) -> None:
    tracker.add(
        "old",
        datetime(2026, 10, 1, 8, tzinfo=UTC),
        datetime(2026, 10, 1, 9, tzinfo=UTC),
        Labels(ProjectName("Website", "ACME"), ("Design",)),
    )
    rows = [
        toggl_row("2026-11-02 09:00:00", "2026-11-02 10:00:00", description="a",
                  project="website", client="Acme", tags="design, client call"),
        toggl_row("2026-11-02 10:00:00", "2026-11-02 11:00:00", description="b",
                  project="Website", client="Globex", tags="Client call", billable="No"),
        toggl_row("2026-11-02 11:00:00", "2026-11-02 12:00:00", description="c",
                  project="Website", tags=""),
    ]  # fmt: skip
    summary = Importer(tracker).run(write_toggl(tmp_path / "toggl.csv", rows))
    assert summary.clients_created == ("Globex",)
    assert summary.projects_created == ("Globex ▸ Website", "Website")
    assert summary.tags_created == ("client-call",)
    sessions = sorted(
        tracker.report(PeriodKind.DAY, date(2026, 11, 2)).sessions, key=lambda s: s.name
    )
    assert [(s.name, s.project and s.project.label, s.tags, s.billable) for s in sessions] == [
        ("a", "ACME ▸ Website", ("client-call", "Design"), True),
        ("b", "Globex ▸ Website", ("client-call",), False),
        ("c", "Website", (), True),
    ]


def test_progress_is_reported_in_bytes_up_to_the_whole_file(
    tracker: Tracker, tmp_path: Path
) -> None:
    path = frames_file(tmp_path, 2500)
    seen: list[tuple[int, int]] = []
    Importer(tracker).preview(path, progress=lambda done, total: seen.append((done, total)))
    size = path.stat().st_size
    assert seen[0] == (0, size)
    assert seen[-1] == (size, size)
    assert len(seen) >= 4
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_stopping_from_the_progress_callback_imports_nothing(
    tracker: Tracker, tmp_path: Path, data_dir: Path
) -> None:
    path = frames_file(tmp_path, 2500)

    def cancel(done: int, total: int) -> None:
        if done > total // 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Importer(tracker).run(path, progress=cancel)
    assert count_rows(data_dir, "session") == 0


def test_a_hundred_thousand_frames_import_in_one_go(tracker: Tracker, tmp_path: Path) -> None:
    path = frames_file(tmp_path, 0)
    start = epoch("2000-01-01T00:00:00+00:00")
    frames = [
        [start + i * 3000, start + i * 3000 + 1800, f"P{i % 300}", f"{i:032x}", [f"t{i % 50}"]]
        for i in range(100_000)
    ]
    write_frames(path, frames)
    summary = Importer(tracker).run(path)
    assert summary.counts() == {
        "imported": 100_000, "skipped": 0, "clients_created": 0, "projects_created": 300,
        "tags_created": 50,
    }  # fmt: skip
    seconds = tracker.seconds_by_project(
        datetime(2000, 1, 1, tzinfo=UTC), datetime(2010, 1, 1, tzinfo=UTC)
    )
    assert sum(seconds.values()) == 100_000 * 1800
