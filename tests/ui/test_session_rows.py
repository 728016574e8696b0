"""Which rows the sessions table gets: the days a session touches (midnight, DST, zero
length), the weeks of a month for any first weekday, and what the filter matches."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tracker_desktop.core.periods import PeriodKind, period_containing
from tracker_desktop.core.service import ProjectRef, Session
from tracker_desktop.ui.session_rows import (
    DayRow,
    SessionRow,
    WeekRow,
    build_rows,
    by_day,
    matches,
    weeks_of,
)

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN).astimezone(UTC)


def days_of(session: Session, day: date, kind: PeriodKind = PeriodKind.MONTH) -> list[date]:
    period = period_containing(kind, day, BERLIN)
    return sorted(by_day(period, [session], BERLIN, NOW))


def test_a_session_belongs_to_each_day_it_has_time_in() -> None:
    overnight = Session(1, "", local("2026-11-24T22:00"), local("2026-11-26T01:00"))
    assert days_of(overnight, date(2026, 11, 1)) == [date(2026, 11, d) for d in (24, 25, 26)]
    to_midnight = Session(2, "", local("2026-11-24T22:00"), local("2026-11-25T00:00"))
    assert days_of(to_midnight, date(2026, 11, 1)) == [date(2026, 11, 24)]
    instant = Session(3, "", local("2026-11-25T00:00"), local("2026-11-25T00:00"))
    assert days_of(instant, date(2026, 11, 1)) == [date(2026, 11, 25)]
    running = Session(4, "", local("2026-11-25T23:00"), None)
    assert days_of(running, date(2026, 11, 1)) == [date(2026, 11, 25), date(2026, 11, 26)]


def test_a_session_across_the_month_end_or_a_dst_night_keeps_to_the_shown_days() -> None:
    new_year = Session(1, "", local("2026-10-31T23:00"), local("2026-11-01T02:00"))
    assert days_of(new_year, date(2026, 11, 1)) == [date(2026, 11, 1)]
    assert days_of(new_year, date(2026, 10, 1)) == [date(2026, 10, 31)]
    dst = Session(2, "", local("2026-10-24T23:30"), local("2026-10-25T03:30"))  # 25 h day
    assert days_of(dst, date(2026, 10, 25), PeriodKind.DAY) == [date(2026, 10, 25)]


def test_weeks_of_a_month_start_on_the_chosen_weekday_and_stay_inside_it() -> None:
    november = period_containing(PeriodKind.MONTH, date(2026, 11, 1), BERLIN)
    monday = weeks_of(november, 0)
    assert monday[0] == WeekRow(date(2026, 11, 1), date(2026, 11, 2))  # a Sunday alone
    assert monday[-1] == WeekRow(date(2026, 11, 30), date(2026, 12, 1))
    sunday = weeks_of(november, 6)
    assert sunday[0] == WeekRow(date(2026, 11, 1), date(2026, 11, 8))
    for weeks in (monday, sunday):
        assert sum((w.end_day - w.first_day).days for w in weeks) == 30


def test_collapsed_headings_keep_their_place_without_their_rows() -> None:
    november = period_containing(PeriodKind.MONTH, date(2026, 11, 1), BERLIN)
    a = Session(1, "A", local("2026-11-24T09:00"), local("2026-11-24T10:00"))
    b = Session(2, "B", local("2026-11-02T09:00"), local("2026-11-02T10:00"))
    days = by_day(november, [a, b], BERLIN, NOW)
    week = WeekRow(date(2026, 11, 23), date(2026, 11, 30))
    assert build_rows(november, days, 0, {week}) == [
        week,
        WeekRow(date(2026, 11, 2), date(2026, 11, 9)),
        DayRow(date(2026, 11, 2)),
        SessionRow(b, date(2026, 11, 2)),
    ]
    assert build_rows(november, days, 0, {DayRow(date(2026, 11, 2))})[-1] == DayRow(
        date(2026, 11, 2)
    )


def test_the_filter_matches_name_project_client_and_tags_in_any_case() -> None:
    session = Session(
        1,
        "Straße repair",
        NOW - timedelta(hours=1),
        NOW,
        ProjectRef(1, "Website", "Ačme", "#3366ff"),
        ("UX",),
    )
    for needle in ("STRASSE", "web", "ačme", "ux", ""):
        assert matches(session, needle.casefold()), needle
    assert not matches(session, "acme")  # accents as typed
    assert not matches(session._replace(project=None, tags=()), "web")
