"""Idle time on macOS: ``CGEventSourceSecondsSinceLastEventType`` from CoreGraphics,
through ctypes (no permission needed: it reports when, never what, was typed).

The system call is passed in, so tests check the arithmetic on any platform.
"""

from __future__ import annotations

import ctypes
import math
import sys
from collections.abc import Callable
from datetime import timedelta

from tracker_desktop.core.idle import IdleReading, IdleUnavailable

CORE_GRAPHICS = "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics"
COMBINED_SESSION_STATE = 0  # kCGEventSourceStateCombinedSessionState
ANY_INPUT_EVENT = 0xFFFFFFFF  # kCGAnyInputEventType: ~0 as a 32-bit CGEventType


def _system_call() -> Callable[[int, int], float]:
    """CGEventSourceSecondsSinceLastEventType as a plain function."""
    if sys.platform != "darwin":
        raise IdleUnavailable("CoreGraphics exists only on macOS")
    try:
        graphics = ctypes.CDLL(CORE_GRAPHICS)
    except OSError as error:
        raise IdleUnavailable(f"cannot load CoreGraphics: {error}") from error
    function = graphics.CGEventSourceSecondsSinceLastEventType
    function.restype = ctypes.c_double  # CFTimeInterval
    function.argtypes = [ctypes.c_int32, ctypes.c_uint32]  # CGEventSourceStateID, CGEventType

    def seconds_since(state: int, event_type: int) -> float:
        return float(function(state, event_type))

    return seconds_since


def idle_from_seconds(seconds: float) -> timedelta | None:
    """The reported seconds as idle time; None for what no clock gives (NaN, infinity),
    and never below zero."""
    if not math.isfinite(seconds):
        return None
    return timedelta(seconds=max(seconds, 0.0))


class MacIdleSource:
    """Idle time of this login session (locking takes input, so it counts from there)."""

    description = "macOS (CoreGraphics event source)"

    def __init__(self, seconds_since: Callable[[int, int], float] | None = None) -> None:
        self._seconds_since = seconds_since or _system_call()

    def read(self) -> IdleReading:
        """Seconds since any input event of the combined session state."""
        seconds = self._seconds_since(COMBINED_SESSION_STATE, ANY_INPUT_EVENT)
        return IdleReading(idle_from_seconds(seconds))

    def close(self) -> None:
        """Nothing is held."""
