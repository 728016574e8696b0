"""The readers on files built from each format's documented shape: Toggl Track's and
Clockify's CSV (quoting, line breaks, BOM, date formats, DST), Watson's frames (old and
new rows), Timewarrior's data lines, and the format told from the content."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.unit.import_samples import (
    clockify_row,
    toggl_row,
    write_clockify,
    write_frames,
    write_toggl,
)
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.importers.formats import detect
from tracker_desktop.core.importers.timewarrior import _tokens
from tracker_desktop.core.importing import Importer
from tracker_desktop.core.periods import PeriodKind
from tracker_desktop.core.service import Session, Tracker

BERLIN = ZoneInfo("Europe/Berlin")


def imported(tracker: Tracker, path: Path, **options: object) -> list[Session]:
    """Imports ``path``; every session of 2025 and 2026, oldest first."""
    summary = Importer(tracker).run(path, **options)  # type: ignore[arg-type]
    assert summary.problems == ()
    sessions = tracker.sessions_between(
        datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
    )
    return sorted(sessions, key=lambda s: (s.start, s.id))


def local(session: Session) -> tuple[str, str]:
    assert session.end is not None
    return (
        session.start.astimezone(BERLIN).isoformat(),
        session.end.astimezone(BERLIN).isoformat(),
    )


# -- Toggl Track ----------------------------------------------------------------------------


def test_toggl_quoting_line_breaks_bom_and_any_script(tracker: Tracker, tmp_path: Path) -> None:
    rows = [
        toggl_row("2026-03-02 09:00:00", "2026-03-02 10:30:00",
                  description="Design, review, and \"polish\"", project="Café ☕ Relaunch",
                  client="Müller & Söhne", tags="design, client call", task="Mock-ups"),
        toggl_row("2026-03-02 22:00:00", "2026-03-03 01:15:00",
                  description="Night shift\nline two\r\nline three", project="שלום",
                  tags="", billable="No"),
        toggl_row("2026-03-03 08:00:00", "2026-03-03 08:45:00",
                  description="👩‍💻 pairing", project="", tags="remote"),
    ]  # fmt: skip
    path = write_toggl(tmp_path / "Toggl_time_entries.csv", rows)
    assert detect(path) == "toggl-csv"
    sessions = imported(tracker, path, zone=BERLIN)
    assert [
        (s.name, s.project and s.project.label, s.tags, s.billable, local(s)) for s in sessions
    ] == [
        ('Mock-ups: Design, review, and "polish"', "Müller & Söhne ▸ Café ☕ Relaunch",
         ("client-call", "design"), True,
         ("2026-03-02T09:00:00+01:00", "2026-03-02T10:30:00+01:00")),
        ("Night shift line two line three", "שלום", (), False,
         ("2026-03-02T22:00:00+01:00", "2026-03-03T01:15:00+01:00")),
        ("👩‍💻 pairing", None, ("remote",), True,
         ("2026-03-03T08:00:00+01:00", "2026-03-03T08:45:00+01:00")),
    ]  # fmt: skip
    day = tracker.report(PeriodKind.DAY, date(2026, 3, 3))
    assert day.total == timedelta(hours=1, minutes=15 + 45)


def test_toggl_without_a_bom_and_in_another_zone(tracker: Tracker, tmp_path: Path) -> None:
    path = write_toggl(
        tmp_path / "t.csv", [toggl_row("2026-03-02 09:00:00", "2026-03-02 10:00:00")], bom=False
    )
    (session,) = imported(tracker, path, zone=ZoneInfo("America/New_York"))
    assert session.start == datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


def test_times_a_dst_change_repeats_are_read_as_their_durations_say(
    tracker: Tracker, tmp_path: Path
) -> None:
    # In Berlin, 2025-10-26 02:00-03:00 happens twice (CEST, then CET).
    rows = [
        toggl_row("2025-10-26 02:30:00", "2025-10-26 02:45:00", description="a"),
        toggl_row("2025-10-26 02:30:00", "2025-10-26 02:15:00", description="b",
                  duration="00:45:00"),
        toggl_row("2025-10-26 01:50:00", "2025-10-26 02:10:00", description="c",
                  duration="01:20:00"),
    ]  # fmt: skip
    path = write_toggl(tmp_path / "t.csv", rows)
    summary = Importer(tracker).preview(path, zone=BERLIN)
    assert summary.notes == (
        "dates read as YYYY-MM-DD",
        "local times read in Europe/Berlin (--timezone to change)",
        "t.csv, line 2: 2025-10-26 02:30 and 2025-10-26 02:45 happened twice in "
        "Europe/Berlin (the clocks went back); read as 02:30 (+02:00) to 02:45 (+02:00), "
        "the one its duration gives",
        "t.csv, line 3: 2025-10-26 02:30 and 2025-10-26 02:15 happened twice in "
        "Europe/Berlin (the clocks went back); read as 02:30 (+02:00) to 02:15 (+01:00), "
        "the one its duration gives",
        "t.csv, line 4: 2025-10-26 02:10 happened twice in Europe/Berlin (the clocks went "
        "back); read as 01:50 (+02:00) to 02:10 (+01:00), the one its duration gives",
    )
    sessions = {s.name: s for s in imported(tracker, path, zone=BERLIN)}
    assert {name: s.duration(s.start) for name, s in sessions.items()} == {
        "a": timedelta(minutes=15),
        "b": timedelta(minutes=45),
        "c": timedelta(minutes=80),
    }


def test_a_time_a_dst_change_skips_is_a_problem_that_suggests_the_zone(
    tracker: Tracker, tmp_path: Path
) -> None:
    path = write_toggl(
        tmp_path / "t.csv", [toggl_row("2025-03-30 02:30:00", "2025-03-30 04:00:00")]
    )
    (problem,) = Importer(tracker).preview(path, zone=BERLIN).problems
    assert str(problem) == (
        "t.csv, line 2: start: 2025-03-30 02:30 does not exist in Europe/Berlin (the clocks "
        "skip it for daylight saving time); was the file exported in another time zone? "
        "Give it with --timezone"
    )


def test_a_missing_column_is_named(tracker: Tracker, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("User,Email,Description,Start date,End date,End time\nA,a@b,x,2026-01-01,"
                    "2026-01-01,10:00:00\n")  # fmt: skip
    with pytest.raises(InvalidInputError) as refused:
        Importer(tracker).preview(path, "toggl-csv")
    assert str(refused.value) == (
        "t.csv, line 1: no “Start time” column; this is not Toggl Track's detailed report as "
        "CSV (export it from Reports ▸ Detailed ▸ Export ▸ CSV)"
    )


def test_a_cut_row_and_a_broken_quote_name_their_lines(tracker: Tracker, tmp_path: Path) -> None:
    good = toggl_row("2026-03-02 09:00:00", "2026-03-02 10:00:00")
    path = write_toggl(tmp_path / "t.csv", [good, good[:5]])
    (problem,) = Importer(tracker).preview(path).problems
    assert str(problem) == "t.csv, line 3: 5 fields where the header has 14 (cut short?)"
    path.write_bytes(path.read_bytes() + b'x,"unterminated\n')
    with pytest.raises(InvalidInputError, match=r"^t\.csv, line 4: not valid CSV"):
        Importer(tracker).preview(path)


# -- Clockify -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start_date", "end_date", "start_time", "end_time", "note"),
    [
        ("03/14/2026", "03/14/2026", "01:30:00 PM", "03:00:00 PM", "dates read as MM/DD/YYYY"),
        ("14/03/2026", "14/03/2026", "13:30:00", "15:00:00", "dates read as DD/MM/YYYY"),
        ("14.03.2026", "14.03.2026", "13:30", "15:00", "dates read as DD.MM.YYYY"),
        ("2026-03-14", "2026-03-14", "1:30 pm", "3:00 pm", "dates read as YYYY-MM-DD"),
        ("14-03-2026", "14-03-2026", "13:30:00", "15:00:00", "dates read as DD-MM-YYYY"),
        ("03-14-2026", "03-14-2026", "13:30:00", "15:00:00", "dates read as MM-DD-YYYY"),
    ],
)
def test_clockify_dates_and_times_as_the_users_settings_write_them(
    tracker: Tracker,
    tmp_path: Path,
    start_date: str,
    end_date: str,
    start_time: str,
    end_time: str,
    note: str,
) -> None:
    path = write_clockify(
        tmp_path / "Clockify_Time_Report_Detailed.csv",
        [clockify_row(start_date, start_time, end_date, end_time, description="Call",
                      project="Website", client="Acme", tags="phone, billing run")],
    )  # fmt: skip
    assert detect(path) == "clockify-csv"
    summary = Importer(tracker).preview(path, zone=BERLIN)
    assert summary.notes[0] == note
    assert ("times read in the 12-hour clock (AM/PM)" in summary.notes) == (
        "m" in start_time.casefold()
    )
    (session,) = imported(tracker, path, zone=BERLIN)
    assert local(session) == ("2026-03-14T13:30:00+01:00", "2026-03-14T15:00:00+01:00")
    assert (session.name, session.tags) == ("Call", ("billing-run", "phone"))
    assert session.project is not None
    assert session.project.label == "Acme ▸ Website"


def test_dates_that_fit_two_formats_are_read_in_the_order_of_the_rows(
    tracker: Tracker, tmp_path: Path
) -> None:
    # Read as DD/MM these are 11 and 12 March, 1 and 2 April, in order; as MM/DD they
    # would be November and December before January and February.
    days = ["11/03/2026", "12/03/2026", "01/04/2026", "02/04/2026"]
    rows = [clockify_row(d, "09:00", d, "10:00") for d in days]
    summary = Importer(tracker).preview(write_clockify(tmp_path / "c.csv", rows))
    assert summary.notes[0] == (
        "dates read as DD/MM/YYYY (MM/DD/YYYY would read the dates too, but not in the order "
        "of the rows)"
    )
    assert (summary.first_day, summary.last_day) == (date(2026, 3, 11), date(2026, 4, 2))


def test_dates_that_nothing_tells_apart_say_so(tracker: Tracker, tmp_path: Path) -> None:
    rows = [clockify_row("01/02/2026", "09:00", "01/02/2026", "10:00")]
    summary = Importer(tracker).preview(write_clockify(tmp_path / "c.csv", rows))
    assert summary.notes[0] == (
        "dates read as MM/DD/YYYY (DD/MM/YYYY would read them too and nothing tells them "
        "apart: check the imported dates, and the date format in your Clockify settings)"
    )


def test_a_date_no_format_reads_is_a_problem(tracker: Tracker, tmp_path: Path) -> None:
    rows = [
        clockify_row("03/14/2026", "09:00", "03/14/2026", "10:00"),
        clockify_row("13/13/2026", "09:00", "13/13/2026", "10:00"),
    ]
    (problem,) = Importer(tracker).preview(write_clockify(tmp_path / "c.csv", rows)).problems
    assert str(problem) == "c.csv, line 3: start: “13/13/2026” is not a date in MM/DD/YYYY"


# -- Watson ---------------------------------------------------------------------------------


def test_watson_frames_old_and_new(tracker: Tracker, tmp_path: Path) -> None:
    start = int(datetime(2026, 3, 2, 8, tzinfo=UTC).timestamp())
    frames = [
        [start, start + 600, "old"],  # the first releases: no id, no tags
        [start + 600, start + 1200, "older", "a1b2c3"],
        [start + 1200, start + 1800, "new", "f" * 32, ["tag one", "b"], start + 1800],
    ]
    path = write_frames(tmp_path / "frames", frames)
    assert detect(path) == "watson"
    sessions = imported(tracker, path)
    assert [(s.project and s.project.name, s.tags) for s in sessions] == [
        ("old", ()),
        ("older", ()),
        ("new", ("b", "tag-one")),
    ]
    # The frame without an id is known by its fields: a second import skips all three.
    assert Importer(tracker).run(path).skipped == 3


def test_an_empty_watson_folder_imports_nothing(tracker: Tracker, tmp_path: Path) -> None:
    (tmp_path / "frames").write_text("")
    (tmp_path / "state").write_text("{}")
    assert Importer(tracker).run(tmp_path, "watson").imported == 0


# -- Timewarrior ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "tokens"),
    [
        ('inc 20260301T090000Z - 20260301T103000Z # design "tag two" "with\\"quote"',
         ["inc", "20260301T090000Z", "-", "20260301T103000Z", "#", "design", "tag two",
          'with"quote']),
        ('inc 20260302T090000Z # # "Fix the \\"login\\" bug, \\u00fcn\\tx"',
         ["inc", "20260302T090000Z", "#", "#", 'Fix the "login" bug, ün\tx']),
        ("inc 20260301T090000Z - 20260301T100000Z # a\\b x'y",
         ["inc", "20260301T090000Z", "-", "20260301T100000Z", "#", "a\\b", "x'y"]),
    ],
)  # fmt: skip
def test_timewarrior_lines_are_read_as_timewarrior_reads_them(line: str, tokens: list[str]) -> None:
    assert _tokens(line) == tokens


def test_a_timewarrior_annotation_is_the_name_and_its_tags_are_tags(
    tracker: Tracker, tmp_path: Path
) -> None:
    folder = tmp_path / "timewarrior"
    data = folder / "data"
    data.mkdir(parents=True)
    (data / "2026-03.data").write_text(
        'inc 20260301T090000Z - 20260301T103000Z # design "tag two" # "Homepage"\n'
        "inc 20260302T090000Z - 20260302T100000Z\n",
        encoding="utf-8",
    )
    (data / "tags.data").write_text("{}")
    (data / "undo.data").write_text("txn:\n")
    assert detect(folder) == "timewarrior"
    sessions = imported(tracker, folder)
    assert [(s.name, s.tags, s.project) for s in sessions] == [
        ("Homepage", ("design", "tag-two"), None),
        ("", (), None),
    ]
    export = tmp_path / "export.json"
    export.write_text(
        json.dumps(
            [
                {
                    "id": 2,
                    "start": "20260301T090000Z",
                    "end": "20260301T103000Z",
                    "tags": ["design", "tag two"],
                    "annotation": "Homepage",
                },
                {"id": 1, "start": "20260302T090000Z", "end": "20260302T100000Z"},
            ]
        )
    )
    assert detect(export) == "timewarrior"
    # The same intervals from `timew export`: already imported.
    assert Importer(tracker).run(export).counts()["skipped"] == 2


def test_an_unknown_line_in_timewarrior_data_is_a_problem(tracker: Tracker, tmp_path: Path) -> None:
    path = tmp_path / "2026-03.data"
    path.write_text("inc 20260301T090000Z - 20260301T100000Z\nexc monday <9:00\n")
    (problem,) = Importer(tracker).preview(path, "timewarrior").problems
    assert str(problem) == (
        "2026-03.data, line 2: not a Timewarrior interval (a line “inc START - END # tags”)"
    )


# -- telling formats apart --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"format": "tracker-desktop", "version": 1}', "json"),
        ('{"project": "x", "start": 1, "tags": []}', "watson"),
        ('[\n [\n  1,\n  2,\n  "p"\n ]\n]', "watson"),
        ("[]", "watson"),
        ('[\n{"id":1,"start":"20260301T090000Z"}\n]', "timewarrior"),
        ("inc 20260301T090000Z - 20260301T100000Z\n", "timewarrior"),
    ],
)
def test_the_format_is_told_from_the_content(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "file"
    path.write_text(content)
    assert detect(path) == expected


@pytest.mark.parametrize("content", ["hello\n", "a,b,c\n1,2,3\n", '{"other": 1}', ""])
def test_a_file_of_no_known_format_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(content)
    with pytest.raises(InvalidInputError, match=r"notes\.txt: cannot tell which format"):
        detect(path)
