"""Reports and CSV export: totals that agree with the period views across midnight and
DST, rounding at its boundaries, money to the cent, groups and filters, and a CSV that
reads back as the data it came from."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import FakeClock
from tests.unit.test_cli import assert_one_line_error, ok, parsed, run_cli
from tracker_desktop.core.catalog import ProjectName
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.layout import DATABASE_FILENAME
from tracker_desktop.core.periods import PeriodKind
from tracker_desktop.core.reports import (
    ReportFilter,
    Rounding,
    days_range,
    make_report,
    parse_grouping,
    parse_rounding,
    range_of_last,
)
from tracker_desktop.core.service import Labels, Tracker

HOUR = timedelta(hours=1)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_totals_agree_with_the_day_views_across_midnight_and_dst(
    tracker: Tracker, clock: FakeClock
) -> None:
    clock.set(utc(2026, 11, 26, 9))
    # Berlin: 2026-10-25 is 25 hours long; a session crosses its midnights.
    tracker.add("over the night", utc(2026, 10, 24, 20), utc(2026, 10, 25, 3))
    tracker.add("long day", utc(2026, 10, 25, 9), utc(2026, 10, 25, 23, 30))
    tracker.add("outside", utc(2026, 9, 30, 10), utc(2026, 9, 30, 11))
    span = days_range(date(2026, 10, 24), date(2026, 10, 26), tracker.zone)
    by_day = make_report(tracker, span, ("day",))
    views = [tracker.report(PeriodKind.DAY, date(2026, 10, d)).total for d in (24, 25, 26)]
    assert {g.key: g.total_seconds for g in by_day.groups} == {
        f"2026-10-{d}": int(v.total_seconds())
        for d, v in zip((24, 25, 26), views, strict=True)
        if v
    }
    assert by_day.total_seconds == sum(int(v.total_seconds()) for v in views)
    assert make_report(tracker, span, ("project",)).total_seconds == by_day.total_seconds


@pytest.mark.parametrize(
    ("minutes_seconds", "rounding", "expected_minutes"),
    [
        ((14, 59), "up:15", 15),
        ((15, 0), "up:15", 15),  # already on a boundary: stays
        ((15, 1), "up:15", 30),
        ((7, 30), "nearest:15", 15),  # a half rounds up
        ((7, 29), "nearest:15", 0),
        ((29, 59), "down:30", 0),
        ((30, 0), "down:30", 30),
        ((0, 1), "up:1", 1),
        ((5, 59), "up:6", 6),
        ((10, 0), "nearest:10", 10),
    ],
)
def test_rounding_at_its_boundaries(
    tracker: Tracker, minutes_seconds: tuple[int, int], rounding: str, expected_minutes: int
) -> None:
    minutes, seconds = minutes_seconds
    start = utc(2026, 11, 20, 9)
    tracker.add("x", start, start + timedelta(minutes=minutes, seconds=seconds))
    span = days_range(date(2026, 11, 20), date(2026, 11, 20), tracker.zone)
    report = make_report(tracker, span, ("project",), rounding=parse_rounding(rounding))
    assert report.total_seconds == expected_minutes * 60
    assert len(report.groups) == 1  # listed even when rounding leaves it no time
    unrounded = make_report(tracker, span, ("project",))
    assert unrounded.total_seconds == minutes * 60 + seconds


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rate=st.decimals(min_value=0, max_value=300, places=2),
    lengths=st.lists(st.integers(1, 20_000), min_size=1, max_size=12),
    rounding=st.sampled_from(["none", "up:15", "nearest:6", "down:1"]),
)
def test_money_matches_a_decimal_reference_to_the_cent(
    tracker: Tracker, rate: Decimal, lengths: list[int], rounding: str
) -> None:
    catalog = tracker.catalog
    existing = len(catalog.projects(archived=True))
    project = catalog.add_project(f"P{existing}", rate=rate)
    # Each example a project of its own, on a day of its own well before now (Hypothesis
    # may run hundreds of examples on the same tracker while it shrinks a failure).
    first = utc(2025, 1, 5, 0) + timedelta(days=existing % 300)
    cursor = first
    for length in lengths:
        tracker.add("w", cursor, cursor + timedelta(seconds=length), Labels(project.id))
        cursor += timedelta(seconds=length + 60)
    # Local days, so the range holds every session whole (on 30 March 2025 Berlin's day
    # ends at 22:00 UTC, before a UTC date's end).
    zone = tracker.zone
    span = days_range(first.astimezone(zone).date(), cursor.astimezone(zone).date(), zone)
    mode = parse_rounding(rounding)
    report = make_report(tracker, span, ("project",), ReportFilter(project_ids=(project.id,)), mode)

    def rounded_seconds(seconds: int) -> int:
        step = mode.minutes * 60
        if mode.mode == "up":
            return -(-seconds // step) * step
        if mode.mode == "nearest":
            return (seconds + step // 2) // step * step
        if mode.mode == "down":
            return seconds // step * step
        return seconds

    exact = sum(Decimal(rounded_seconds(n)) * rate for n in lengths) / Decimal(3600)
    reference = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    amounts = {c: v for c, v in report.earned.items()}
    from tracker_desktop.core.money import rounded

    got = rounded(amounts.get("EUR", Decimal(0)), "EUR") if amounts else Decimal("0.00")
    assert got == reference


def test_groups_two_levels_tags_counted_twice_and_filters(tracker: Tracker) -> None:
    tracker.catalog.add_client("Acme", rate=Decimal(100))
    day = utc(2026, 11, 20, 8)
    tracker.add("a", day, day + HOUR, Labels(ProjectName("Site", "Acme"), ("ux", "call")))
    tracker.add("b", day + 2 * HOUR, day + 4 * HOUR, Labels(ProjectName("App", "Acme"), ("ux",)))
    tracker.add("c", day + 5 * HOUR, day + 6 * HOUR, Labels(billable=False))
    span = days_range(date(2026, 11, 20), date(2026, 11, 20), tracker.zone)
    by_client = make_report(tracker, span, ("client", "project"))
    acme, none = by_client.groups
    assert (acme.key, acme.total_seconds, none.key) == ("Acme", 3 * 3600, None)
    assert [(g.key, g.total_seconds) for g in acme.groups] == [("App", 7200), ("Site", 3600)]
    by_tag = make_report(tracker, span, ("tag",))
    assert [(g.key, g.total_seconds) for g in by_tag.groups] == [
        ("ux", 3 * 3600),
        ("call", 3600),
        (None, 3600),
    ]
    assert sum(g.total_seconds for g in by_tag.groups) > by_tag.total_seconds
    assert by_client.billable_seconds == 3 * 3600
    billable = make_report(tracker, span, ("project",), ReportFilter(billable_only=True))
    assert billable.total_seconds == 3 * 3600
    tagged = make_report(tracker, span, ("name",), ReportFilter(tag="CALL"))
    assert [g.key for g in tagged.groups] == ["a"]


@pytest.mark.parametrize(
    ("function", "text"),
    [(parse_grouping, "client,client"), (parse_grouping, "week"), (parse_grouping, "a,b,c"),
     (parse_rounding, "up:7"), (parse_rounding, "sideways:15"), (parse_rounding, "up")],
)  # fmt: skip
def test_unknown_groupings_and_roundings_are_invalid_input(function: object, text: str) -> None:
    with pytest.raises(InvalidInputError):
        function(text)  # type: ignore[operator]


def test_ranges(tracker: Tracker) -> None:
    with pytest.raises(InvalidInputError, match="before"):
        days_range(date(2026, 11, 30), date(2026, 11, 1), tracker.zone)
    last = range_of_last("24h", utc(2026, 11, 26, 9), tracker.zone)
    assert last.end - last.start == timedelta(hours=24)
    week = range_of_last("7d", utc(2026, 11, 26, 9), tracker.zone)
    assert (week.first_day, week.last_day) == (date(2026, 11, 20), date(2026, 11, 26))
    assert Rounding().label == "none"


# -- the command line -------------------------------------------------------------------------

HOSTILE = ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(1)", "\tTab", "quote \" inside", "line\nbreak",
           "comma, inside", "עברית RTL", "emoji 👩‍💻"]  # fmt: skip


def test_the_csv_reads_back_as_the_data_with_hostile_names(cli_dir: Path) -> None:
    for n, name in enumerate(HOSTILE):
        start, end = f"2026-11-{n + 1:02d}T09:00", f"2026-11-{n + 1:02d}T10:30"
        result = run_cli(cli_dir, "add", "--start", start, "--end", end, "--project", "=Proj",
                         "--client", "+Client", "--tag", "@tag", "--", name)  # fmt: skip
        assert result.code == 0, result
    exported = ok(cli_dir, "export", "--from", "2026-11-01", "--to", "2026-11-30").out
    rows = list(csv.DictReader(io.StringIO(exported, newline="")))
    assert len(rows) == len(HOSTILE)
    for row, name in zip(rows, HOSTILE, strict=True):
        stored = " ".join(name.split())  # a name keeps no tabs or line breaks at its ends
        guarded = "'" + stored if stored[0] in "=+-@" else stored
        assert row["name"] == guarded
        assert (row["project"], row["client"], row["tags"]) == ("'=Proj", "'+Client", "'@tag")
        assert row["duration_seconds"] == "5400"
        assert row["billable"] == "true"
    assert exported.startswith("id,start,end,duration_seconds,name,project,client,tags,")


def test_report_json_and_csv_from_the_command_line(cli_dir: Path) -> None:
    ok(cli_dir, "client", "add", "Acme", "--rate", "80")
    run_cli(cli_dir, "add", "Design", "--start", "2026-11-03T09:00", "--end", "2026-11-03T11:00",
            "--project", "Website", "--client", "Acme")  # fmt: skip
    report = parsed(ok(cli_dir, "report", "--period", "month", "--date", "2026-11-15", "--json"))
    assert report == {
        "from": "2026-11-01",
        "to": "2026-11-30",
        "rounding": "none",
        "total_seconds": 7200,
        "billable_seconds": 7200,
        "amounts": [{"currency": "EUR", "amount": "160.00"}],
        "groups": [
            {
                "by": "project",
                "key": "Website",
                "client": "Acme",
                "total_seconds": 7200,
                "billable_seconds": 7200,
                "amounts": [{"currency": "EUR", "amount": "160.00"}],
            }
        ],
    }
    table = ok(cli_dir, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--csv").out
    rows = list(csv.reader(io.StringIO(table, newline="")))
    assert rows == [
        ["project", "total_seconds", "billable_seconds", "currency", "amount"],
        ["Acme ▸ Website", "7200", "7200", "EUR", "160.00"],
    ]


def test_bad_report_input_is_one_line_and_writes_nothing(cli_dir: Path, tmp_path: Path) -> None:
    ok(cli_dir, "status")
    for arguments, mentions in (
        (["report", "--from", "2026-11-30", "--to", "2026-11-01"], ["before"]),
        (["report", "--by", "week"], ["--by"]),
        (["report", "--rounding", "up:7"], ["--rounding"]),
        (["report", "--from", "2026-11-01"], ["--from", "--to"]),
        (["report", "--period", "week", "--last", "7d"], ["one of"]),
    ):
        assert_one_line_error(run_cli(cli_dir, *arguments), 2, *mentions)
    target = tmp_path / "out.csv"
    target.write_text("keep me")
    refused = run_cli(cli_dir, "export", "--output", str(target))
    assert_one_line_error(refused, 2, "--force")
    assert target.read_text() == "keep me"
    ok(cli_dir, "export", "--output", str(target), "--force")
    assert target.read_text().startswith("id,start")
    nowhere = tmp_path / "missing-folder" / "out.csv"
    assert_one_line_error(run_cli(cli_dir, "export", "--output", str(nowhere)), 3, str(nowhere))
    assert not nowhere.parent.exists()


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="this platform has no file modes")
def test_an_export_is_readable_like_any_file_the_user_saves(cli_dir: Path, tmp_path: Path) -> None:
    # The process keeps its data to the user (umask 077); a report is made to be sent on.
    saved = os.umask(0o022)
    try:
        ok(cli_dir, "add", "Design", "--start", "2026-11-03T09:00", "--end", "2026-11-03T11:00")
        ok(cli_dir, "export", "--output", str(tmp_path / "november.csv"))
    finally:
        os.umask(saved)
    assert stat.S_IMODE((tmp_path / "november.csv").stat().st_mode) == 0o644
    assert stat.S_IMODE((cli_dir / DATABASE_FILENAME).stat().st_mode) == 0o600


def test_export_json_imports_into_an_empty_folder_and_exports_the_same(
    cli_dir: Path, tmp_path: Path
) -> None:
    ok(cli_dir, "client", "add", "Acme", "--rate", "80")
    run_cli(cli_dir, "add", "Design", "--start", "2026-11-03T09:00", "--end", "2026-11-03T11:00",
            "--project", "Website", "--client", "Acme", "--tag", "ux")  # fmt: skip
    first = tmp_path / "first.json"
    ok(cli_dir, "export", "--format", "json", "--from", "2026-11-01", "--to", "2026-11-30",
       "--output", str(first))  # fmt: skip
    other = tmp_path / "other-folder"
    assert run_cli(other, "import", str(first)).code == 0
    again = ok(other, "export", "--format", "json", "--from", "2026-11-01", "--to", "2026-11-30")
    lines = [line for line in first.read_text().splitlines() if "exported_at" not in line]
    assert lines == [line for line in again.out.splitlines() if "exported_at" not in line]
