"""WHEN arguments: HH:MM today, local date-times, ISO with offset; DST gaps and repeats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.timeparse import parse_when

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
# Thursday 26 Nov 2026, 10:00 in Berlin, 04:00 in New York: after every DST change of 2026.
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def assert_utc_whole_seconds(instant: datetime) -> None:
    assert instant.utcoffset() == timedelta(0)
    assert instant.microsecond == 0


# -- HH:MM: today, local ----------------------------------------------------------------


def test_clock_time_is_today_in_local_time() -> None:
    instant = parse_when("09:30", now=NOW, zone=BERLIN)
    assert instant == utc(2026, 11, 26, 8, 30)
    assert_utc_whole_seconds(instant)


def test_clock_time_accepts_one_digit_hour_and_surrounding_spaces() -> None:
    assert parse_when("9:05", now=NOW, zone=BERLIN) == utc(2026, 11, 26, 8, 5)
    assert parse_when("  09:05 ", now=NOW, zone=BERLIN) == utc(2026, 11, 26, 8, 5)


def test_clock_time_equal_to_now_is_not_future() -> None:
    assert parse_when("10:00", now=NOW, zone=BERLIN) == NOW


def test_clock_time_later_today_is_in_the_future() -> None:
    with pytest.raises(InvalidInputError, match=r"^--at: .*10:01.*future"):
        parse_when("10:01", now=NOW, zone=BERLIN, what="--at")


def test_today_is_the_local_day_not_the_utc_day() -> None:
    # 23:30 UTC on the 26th is already 00:30 on the 27th in Berlin.
    now = utc(2026, 11, 26, 23, 30)
    assert parse_when("00:15", now=now, zone=BERLIN) == utc(2026, 11, 26, 23, 15)
    # 03:00 UTC on the 26th is still 22:00 on the 25th in New York.
    now = utc(2026, 11, 26, 3, 0)
    assert parse_when("21:00", now=now, zone=NEW_YORK) == utc(2026, 11, 26, 2, 0)


def test_clock_time_in_new_york() -> None:
    assert parse_when("04:00", now=NOW, zone=NEW_YORK) == NOW
    assert parse_when("00:00", now=NOW, zone=NEW_YORK) == utc(2026, 11, 26, 5, 0)


# -- YYYY-MM-DDTHH:MM[:SS]: local -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T09:15", utc(2026, 11, 20, 8, 15)),
        ("2026-11-20T09:15:42", utc(2026, 11, 20, 8, 15, 42)),
        ("2026-11-20 09:15", utc(2026, 11, 20, 8, 15)),
        ("2026-07-01T12:00", utc(2026, 7, 1, 10, 0)),  # summer time: UTC+2
        ("2026-01-01T00:00", utc(2025, 12, 31, 23, 0)),
    ],
)
def test_local_date_time_in_berlin(text: str, expected: datetime) -> None:
    instant = parse_when(text, now=NOW, zone=BERLIN)
    assert instant == expected
    assert_utc_whole_seconds(instant)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T09:15", utc(2026, 11, 20, 14, 15)),  # EST: UTC-5
        ("2026-07-01T12:00:30", utc(2026, 7, 1, 16, 0, 30)),  # EDT: UTC-4
    ],
)
def test_local_date_time_in_new_york(text: str, expected: datetime) -> None:
    assert parse_when(text, now=NOW, zone=NEW_YORK) == expected


# -- ISO 8601 with an offset or Z -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T09:00:00+01:00", utc(2026, 11, 20, 8, 0)),
        ("2026-11-20T09:00+01:00", utc(2026, 11, 20, 8, 0)),
        ("2026-11-20T09:00+0100", utc(2026, 11, 20, 8, 0)),
        ("2026-11-20T09:00:00Z", utc(2026, 11, 20, 9, 0)),
        ("2026-11-20T09:00z", utc(2026, 11, 20, 9, 0)),
        ("2026-11-20T09:00:00-05:00", utc(2026, 11, 20, 14, 0)),
        ("2026-11-20T09:00:00+05:30", utc(2026, 11, 20, 3, 30)),
        # An explicit offset wins over the local zone, even in a repeated hour.
        ("2026-10-25T02:30:00+01:00", utc(2026, 10, 25, 1, 30)),
        ("2026-10-25T02:30:00+02:00", utc(2026, 10, 25, 0, 30)),
    ],
)
def test_iso_with_offset_is_that_instant_whatever_the_zone(text: str, expected: datetime) -> None:
    for zone in (BERLIN, NEW_YORK):
        instant = parse_when(text, now=NOW, zone=zone)
        assert instant == expected
        assert_utc_whole_seconds(instant)


# -- the future ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["2999-01-01T00:00", "2999-01-01T00:00:00Z", "2026-11-26T10:00:01", "2026-11-26T09:00:01Z"],
)
def test_future_is_refused_naming_the_argument(text: str) -> None:
    with pytest.raises(InvalidInputError, match=r"^--at: .*future") as caught:
        parse_when(text, now=NOW, zone=BERLIN, what="--at")
    assert text in str(caught.value)


def test_now_itself_is_allowed() -> None:
    assert parse_when("2026-11-26T09:00:00Z", now=NOW, zone=BERLIN) == NOW


# -- garbage and impossible dates -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "now",
        "yesterday",
        "9",
        "0930",
        "12:3",
        "2026-11-20",
        "2026/11/20 09:00",
        "20-11-2026 09:00",
        "T09:00",
        "09:00:00:00",
        "2026-11-20T09:00:00.5Z",
        "2026-11-20T09:00 Europe/Berlin",
        "1e3",
    ],
)
def test_garbage_is_refused_naming_the_argument(text: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_when(text, now=NOW, zone=BERLIN, what="--at")
    message = str(caught.value)
    assert message.startswith("--at: ")
    assert repr(text) in message
    assert "HH:MM" in message  # says what would be accepted
    assert "\n" not in message


@pytest.mark.parametrize(
    "text",
    [
        "25:00",
        "24:00",
        "09:60",
        "2026-02-30T10:00",
        "2026-02-29T10:00",  # 2026 is not a leap year
        "2026-13-01T10:00",
        "2026-00-10T10:00",
        "2026-11-20T09:00:61",
        "2026-02-30T10:00:00Z",
        "2026-11-20T09:00+25:00",
    ],
)
def test_impossible_times_are_refused_naming_the_argument(text: str) -> None:
    with pytest.raises(InvalidInputError, match=r"^--end: ") as caught:
        parse_when(text, now=NOW, zone=BERLIN, what="--end")
    assert text in str(caught.value)


def test_leap_day_exists_in_a_leap_year() -> None:
    assert parse_when("2024-02-29T12:00", now=NOW, zone=BERLIN) == utc(2024, 2, 29, 11, 0)


@pytest.mark.parametrize(
    "text",
    [
        "0001-01-01T00:00",  # before the start of the calendar in UTC (Berlin is ahead)
        "0001-01-01T00:30+01:00",
        "0001-01-01T00:00:00+00:01",
    ],
)
def test_times_outside_the_calendar_are_invalid_input_not_a_crash(text: str) -> None:
    with pytest.raises(InvalidInputError, match=r"^--at: "):
        parse_when(text, now=NOW, zone=BERLIN, what="--at")


def test_default_argument_name_is_when() -> None:
    with pytest.raises(InvalidInputError, match=r"^WHEN: "):
        parse_when("soon", now=NOW, zone=BERLIN)


# -- DST: skipped times do not exist, repeated times mean the first occurrence --------------


def test_time_skipped_by_spring_forward_in_berlin_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"^--at: .*2026-03-29 02:30.*does not exist"):
        parse_when("2026-03-29T02:30", now=NOW, zone=BERLIN, what="--at")


@pytest.mark.parametrize("text", ["2026-03-29T02:00", "2026-03-29T02:59:59"])
def test_whole_skipped_hour_in_berlin_is_refused(text: str) -> None:
    with pytest.raises(InvalidInputError):
        parse_when(text, now=NOW, zone=BERLIN)


def test_times_around_the_berlin_gap_exist() -> None:
    assert parse_when("2026-03-29T01:59:59", now=NOW, zone=BERLIN) == utc(2026, 3, 29, 0, 59, 59)
    assert parse_when("2026-03-29T03:00", now=NOW, zone=BERLIN) == utc(2026, 3, 29, 1, 0)


def test_repeated_time_in_berlin_means_the_first_occurrence() -> None:
    # 02:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC (winter time).
    assert parse_when("2026-10-25T02:30", now=NOW, zone=BERLIN) == utc(2026, 10, 25, 0, 30)
    assert parse_when("2026-10-25T02:00", now=NOW, zone=BERLIN) == utc(2026, 10, 25, 0, 0)
    assert parse_when("2026-10-25T03:00", now=NOW, zone=BERLIN) == utc(2026, 10, 25, 2, 0)


def test_clock_time_on_dst_days_in_berlin() -> None:
    spring = utc(2026, 3, 29, 12, 0)
    with pytest.raises(InvalidInputError):
        parse_when("02:30", now=spring, zone=BERLIN)
    autumn = utc(2026, 10, 25, 12, 0)
    assert parse_when("02:30", now=autumn, zone=BERLIN) == utc(2026, 10, 25, 0, 30)


def test_time_skipped_by_spring_forward_in_new_york_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="does not exist"):
        parse_when("2026-03-08T02:30", now=NOW, zone=NEW_YORK)
    assert parse_when("2026-03-08T01:59", now=NOW, zone=NEW_YORK) == utc(2026, 3, 8, 6, 59)
    assert parse_when("2026-03-08T03:00", now=NOW, zone=NEW_YORK) == utc(2026, 3, 8, 7, 0)


def test_repeated_time_in_new_york_means_the_first_occurrence() -> None:
    # 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    assert parse_when("2026-11-01T01:30", now=NOW, zone=NEW_YORK) == utc(2026, 11, 1, 5, 30)
    assert parse_when("2026-11-01T02:00", now=NOW, zone=NEW_YORK) == utc(2026, 11, 1, 7, 0)


def test_berlin_dst_dates_are_ordinary_in_new_york() -> None:
    assert parse_when("2026-03-29T02:30", now=NOW, zone=NEW_YORK) == utc(2026, 3, 29, 6, 30)
    assert parse_when("2026-10-25T02:30", now=NOW, zone=NEW_YORK) == utc(2026, 10, 25, 6, 30)
