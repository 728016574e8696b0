"""Time going strange: daylight-saving changes of an hour and of half an hour, the system
zone changing under a running session, and the clock stepping backwards."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.reliability.harness import (
    assert_clean,
    assert_one_line_error,
    environment,
    quick,
    read_rows,
    run_cli,
)
from tests.support import FakeClock
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.layout import DATABASE_FILENAME
from tracker_desktop.core.periods import PeriodKind
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import Storage
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.sessions_model import DURATION, START

HOUR = timedelta(hours=1)
# The 2026 changes, and how long those local days are.
DST_DAYS = [
    ("Europe/Berlin", date(2026, 3, 29), timedelta(hours=23)),
    ("Europe/Berlin", date(2026, 10, 25), timedelta(hours=25)),
    ("America/New_York", date(2026, 3, 8), timedelta(hours=23)),
    ("America/New_York", date(2026, 11, 1), timedelta(hours=25)),
    ("Australia/Lord_Howe", date(2026, 10, 4), timedelta(hours=23, minutes=30)),
    ("Australia/Lord_Howe", date(2026, 4, 5), timedelta(hours=24, minutes=30)),
]
DST_IDS = [f"{zone.split('/')[1]}-{day:%b}" for zone, day, _ in DST_DAYS]


def local(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def open_window(qtbot: QtBot, tracker: Tracker, data_dir: Path, name: str) -> MainWindow:
    settings = QSettings(str(data_dir / f"{name}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(tracker, settings)
    qtbot.addWidget(window)
    window.show()
    window.finish_after_first_paint()
    return window


# -- daylight-saving changes -----------------------------------------------------------------


@pytest.mark.parametrize(("zone_name", "day", "length"), DST_DAYS, ids=DST_IDS)
def test_a_session_over_a_dst_day_counts_that_day_exactly(
    qtbot: QtBot,
    storage: Storage,
    data_dir: Path,
    zone_name: str,
    day: date,
    length: timedelta,
) -> None:
    """22:00 the evening before to 02:00 the morning after: 2 h, the whole DST day, 2 h,
    in the service, on the command line and in the window (day and week views)."""
    zone = ZoneInfo(zone_name)
    before, after = day - timedelta(days=1), day + timedelta(days=1)
    start, end = local(before, time(22), zone), local(after, time(2), zone)
    clock = FakeClock(local(after, time(3), zone))
    tracker = Tracker(storage, clock, zone)
    tracker.add("Across the change", start, end)
    assert end - start == length + 4 * HOUR

    for each, expected in ((before, 2 * HOUR), (day, length), (after, 2 * HOUR)):
        assert tracker.report(PeriodKind.DAY, each).total == expected, each
    result = run_cli(
        data_dir, "list", "--date", day.isoformat(), "--json", env=environment(TZ=zone_name)
    )
    assert_clean(result)
    assert json.loads(result.out)["total_seconds"] == length.total_seconds()

    window = open_window(qtbot, tracker, data_dir, zone_name.replace("/", "-"))
    window.action_previous.trigger()  # from the day after back to the DST day
    assert window.period_total_label.text() == f"Total {format_duration(length)}"
    window.show_period_kind(PeriodKind.WEEK)
    model = window.model
    day_rows = [
        model.index(row, DURATION).data()
        for row in range(model.rowCount())
        if model.session_at(row) is None
    ]
    assert format_duration(length) in day_rows


TRANSITIONS = [local(day, time(0), ZoneInfo(zone)) for zone, day, _ in DST_DAYS]


@quick(300)
@given(
    index=st.integers(0, len(DST_DAYS) - 1),
    offset=st.integers(-40 * 3600, 40 * 3600),
    seconds=st.integers(1, 70 * 3600),
)
def test_day_totals_partition_any_session_near_a_dst_change(
    storage: Storage, index: int, offset: int, seconds: int
) -> None:
    zone_name, dst_day, length = DST_DAYS[index]
    zone = ZoneInfo(zone_name)
    start = TRANSITIONS[index] + timedelta(seconds=offset)
    end = start + timedelta(seconds=seconds)
    tracker = Tracker(storage, FakeClock(end + HOUR), zone)
    storage.database.execute_sql("DELETE FROM session")
    tracker.add("Near the change", start, end)

    day, total = start.astimezone(zone).date(), timedelta(0)
    while day <= end.astimezone(zone).date():
        report = tracker.report(PeriodKind.DAY, day)
        span = report.period.end - report.period.start
        assert span == (length if day == dst_day else timedelta(hours=24)), day
        assert timedelta(0) <= report.total <= span
        total += report.total
        day += timedelta(days=1)
    assert total == end - start


def test_lord_howe_half_hour_skip_is_refused_and_repeat_means_the_first(data_dir: Path) -> None:
    env = environment(TZ="Australia/Lord_Howe")
    skipped = run_cli(data_dir, "start", "--at", "2026-10-04T02:15", "--", "x", env=env)
    assert "does not exist" in assert_one_line_error(skipped, 2, "--at")
    assert read_rows(data_dir / DATABASE_FILENAME) == {}
    repeated = run_cli(data_dir, "start", "--at", "2026-04-05T01:45", "--", "Twice", env=env)
    assert_clean(repeated)
    first = datetime(2026, 4, 4, 14, 45, tzinfo=UTC)  # 01:45 at +11:00, not at +10:30
    assert read_rows(data_dir / DATABASE_FILENAME) == {1: ("Twice", int(first.timestamp()), None)}


def test_a_posix_tz_rule_has_the_same_23_hour_day_as_the_zone_name(data_dir: Path) -> None:
    """TZ may be a rule, not a zone name; the C library's zone must give the same days."""
    span = ["--start", "2026-03-28T21:00Z", "--end", "2026-03-29T23:00Z"]
    assert_clean(run_cli(data_dir, "add", *span, "--", "Spring"))
    totals = {}
    for tz in ("Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"):
        result = run_cli(data_dir, "list", "--date", "2026-03-29", "--json", env=environment(TZ=tz))
        assert_clean(result)
        listing = json.loads(result.out)
        totals[tz] = (listing["total_seconds"], listing["period"], listing["sessions"])
    assert totals["Europe/Berlin"] == totals["CET-1CEST,M3.5.0,M10.5.0/3"]
    assert totals["Europe/Berlin"][0] == 23 * 3600


# -- the system zone changing while a session runs ----------------------------------------------


def test_a_running_session_keeps_its_instant_when_the_zone_changes(
    qtbot: QtBot, storage: Storage, clock: FakeClock, data_dir: Path
) -> None:
    zones = [ZoneInfo(name) for name in ("Europe/Berlin", "America/New_York", "Asia/Kolkata")]
    started = Tracker(storage, clock, zones[0]).start("Flight", at=clock.current - 2 * HOUR)
    clock.advance(minutes=5)
    windows = []
    for zone in zones:
        tracker = Tracker(storage, clock, zone)
        running = tracker.running()
        assert running == started.started  # the same instant, in whatever zone
        assert running.duration(tracker.now()) == timedelta(hours=2, minutes=5)
        windows.append(open_window(qtbot, tracker, data_dir, str(zone).replace("/", "-")))
    assert {w.elapsed_label.text() for w in windows} == {"2:05:00"}
    shown_starts = [w.model.index(w.model.row_of(1), START).data() for w in windows]
    assert len(set(shown_starts)) == len(zones), shown_starts  # only the rendering changes


def test_the_command_line_with_tz_changed_between_start_and_status(data_dir: Path) -> None:
    assert_clean(run_cli(data_dir, "start", "--", "Abroad", env=environment(TZ="Europe/Berlin")))
    begun = datetime.now(UTC)
    seen = {}
    for tz in (
        "America/New_York",
        "Australia/Lord_Howe",
        "CET-1CEST,M3.5.0,M10.5.0/3",
        "Nowhere/Atlantis",
        "../../../etc/passwd",
        ":",
        "",
    ):
        result = run_cli(data_dir, "status", "--json", env=environment(TZ=tz))
        assert_clean(result)
        running = json.loads(result.out)["running"]
        start = datetime.fromisoformat(running["start"])
        seen[tz] = (start.astimezone(UTC), start.utcoffset())
        assert 0 <= running["elapsed_seconds"] <= (datetime.now(UTC) - begun).total_seconds() + 2
    assert len({instant for instant, _ in seen.values()}) == 1
    assert seen["America/New_York"][1] != seen["Australia/Lord_Howe"][1]


# -- the clock stepping backwards -----------------------------------------------------------------


def test_after_the_clock_steps_back_nothing_is_negative_and_stopping_early_is_refused(
    tracker: Tracker, storage: Storage, clock: FakeClock
) -> None:
    now = clock.current
    finished = tracker.add("Finished", now - 5 * HOUR, now - 4 * HOUR)
    running = tracker.start("Running", at=now - HOUR).started
    saved = read_rows(storage.path)
    clock.set(now - 2 * HOUR)  # the clock steps back, before the running session's start
    back = tracker.now()

    assert tracker.running() == running
    assert running.duration(back) == timedelta(0)
    assert finished.duration(back) == HOUR
    for kind in PeriodKind:
        report = tracker.report(kind, back.astimezone(tracker.zone).date())
        assert report.total == HOUR  # the finished hour; the running one counts nothing yet
        assert all(s.duration(back) >= timedelta(0) for s in report.sessions)
    for attempt, reason in (
        (tracker.stop, "the running session starts in the future"),
        (tracker.toggle, "the running session starts in the future"),
        (lambda: tracker.start("Switch"), "the running session starts in the future"),
        (lambda: tracker.edit(running.id, end=tracker.now()), "correct the start too"),
    ):
        with pytest.raises(InvalidInputError, match=re.escape(reason)):
            attempt()
        assert read_rows(storage.path) == saved

    clock.set(now)
    assert tracker.stop().end == now


def test_the_window_after_the_clock_steps_back(
    window: MainWindow, tracker: Tracker, storage: Storage, clock: FakeClock
) -> None:
    now = clock.current
    tracker.add("Finished", now - 5 * HOUR, now - 4 * HOUR)
    running = tracker.start("Running", at=now - HOUR).started
    window.refresh()
    assert window.elapsed_label.text() == "1:00:00"
    saved = read_rows(storage.path)
    clock.set(now - 2 * HOUR)
    window.refresh()

    assert window.elapsed_label.text() == "0:00:00"
    assert window.period_total_label.text() == "Total 1:00:00"
    model = window.model
    assert model.index(model.row_of(running.id), DURATION).data() == "0:00:00"
    window.action_start_stop.trigger()  # Stop: now is before the start
    assert not window.message_banner.isHidden()
    assert "starts in the future" in window.message_label.text()
    assert f"edit {running.id} --start" in window.message_label.text()
    assert window.start_stop_button.text() == "Stop"
    assert read_rows(storage.path) == saved


def test_the_command_line_when_a_session_starts_in_its_future(
    storage: Storage, data_dir: Path
) -> None:
    """Another computer's clock ran an hour ahead (or this one stepped back an hour)."""
    ahead = FakeClock(datetime.now(UTC) + HOUR)
    berlin = ZoneInfo("Europe/Berlin")
    Tracker(storage, ahead, berlin).start("From the future")
    storage.close()
    its_day = ahead.current.astimezone(berlin).date().isoformat()
    saved = read_rows(data_dir / DATABASE_FILENAME)

    status = run_cli(data_dir, "status", "--json")
    assert_clean(status)
    assert json.loads(status.out)["running"]["elapsed_seconds"] == 0
    listing = run_cli(data_dir, "list", "--date", its_day, "--json")
    assert_clean(listing)
    shown = json.loads(listing.out)
    assert [s["duration_seconds"] for s in shown["sessions"]] == [0]
    assert shown["total_seconds"] == 0
    assert "(0:00:00)" in run_cli(data_dir, "status").out
    for args in (["stop"], ["toggle"], ["start", "--", "Other"]):
        line = assert_one_line_error(run_cli(data_dir, *args), 2)
        assert "starts in the future" in line, line
        assert "--start WHEN" in line, line
    assert read_rows(data_dir / DATABASE_FILENAME) == saved
