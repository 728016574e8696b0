"""The Windows and macOS idle sources: their arithmetic with the system call faked, and
the real call where this platform has it (elsewhere the test says it cannot)."""

from __future__ import annotations

import math
import sys
from datetime import timedelta

import pytest

from tracker_desktop.core.idle import IdleReading, IdleUnavailable
from tracker_desktop.core.idle.macos import ANY_INPUT_EVENT, MacIdleSource, idle_from_seconds
from tracker_desktop.core.idle.windows import WindowsIdleSource, ticks_between

WRAP = 2**32


@pytest.mark.parametrize(
    ("last_input", "now", "idle_ms"),
    [
        (1_000, 61_000, 60_000),
        (WRAP - 5_000, 7_000, 12_000),  # the tick count wrapped (49.7 days up) in between
        (WRAP - 1, 0, 1),
        (123, 123, 0),
    ],
    ids=["plain", "across the wrap", "one tick across", "just now"],
)
def test_windows_idle_is_the_tick_difference_across_the_32_bit_wrap(
    last_input: int, now: int, idle_ms: int
) -> None:
    assert ticks_between(last_input, now) == idle_ms
    source = WindowsIdleSource(lambda: last_input, lambda: now)
    assert source.read() == IdleReading(timedelta(milliseconds=idle_ms))


def test_windows_without_an_answer_reads_as_unknown() -> None:
    assert WindowsIdleSource(lambda: None, lambda: 5).read() == IdleReading(None)


def test_macos_asks_for_any_input_event_and_reads_seconds() -> None:
    asked: list[tuple[int, int]] = []

    def seconds_since(state: int, event_type: int) -> float:
        asked.append((state, event_type))
        return 42.25

    assert MacIdleSource(seconds_since).read() == IdleReading(timedelta(seconds=42.25))
    assert asked == [(0, ANY_INPUT_EVENT)]
    assert ANY_INPUT_EVENT == 0xFFFFFFFF


@pytest.mark.parametrize(
    ("seconds", "idle"),
    [(-0.5, timedelta(0)), (math.nan, None), (math.inf, None), (3.5, timedelta(seconds=3.5))],
)
def test_macos_values_no_clock_gives_are_unknown_or_zero(
    seconds: float, idle: timedelta | None
) -> None:
    assert idle_from_seconds(seconds) == idle


@pytest.mark.skipif(sys.platform != "win32", reason="this platform cannot call GetLastInputInfo")
def test_windows_real_call_gives_a_reading() -> None:
    reading = WindowsIdleSource().read()
    assert reading.idle is not None
    assert reading.idle >= timedelta(0)


@pytest.mark.skipif(sys.platform != "darwin", reason="this platform cannot call CoreGraphics")
def test_macos_real_call_gives_a_reading() -> None:
    reading = MacIdleSource().read()
    assert reading.idle is not None
    assert reading.idle >= timedelta(0)


@pytest.mark.parametrize(
    ("source", "platform"), [(WindowsIdleSource, "win32"), (MacIdleSource, "darwin")]
)
def test_elsewhere_the_real_sources_say_they_are_unavailable(source: type, platform: str) -> None:
    if sys.platform == platform:
        pytest.skip(f"this platform cannot lack the call: it is {platform}")
    with pytest.raises(IdleUnavailable):
        source()
