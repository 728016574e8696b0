"""Idle time on Windows: ``GetLastInputInfo`` against ``GetTickCount``, through ctypes.

Both count milliseconds since boot in 32 bits, wrapping every 49.7 days; the difference
is taken modulo 2**32, so it is right across the wrap. The system calls are passed in,
so tests check the arithmetic on any platform.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from datetime import timedelta

from tracker_desktop.core.idle import IdleReading, IdleUnavailable

TICK_MODULUS = 2**32


class _LastInputInfo(ctypes.Structure):
    """``LASTINPUTINFO`` from winuser.h."""

    _fields_ = [("cbSize", ctypes.c_uint32), ("dwTime", ctypes.c_uint32)]


def ticks_between(earlier: int, later: int) -> int:
    """Milliseconds from tick ``earlier`` to tick ``later`` of a 32-bit tick counter,
    right across its wrap."""
    return (later - earlier) % TICK_MODULUS


def _system_calls() -> tuple[Callable[[], int | None], Callable[[], int]]:
    """user32's GetLastInputInfo and kernel32's GetTickCount as plain functions."""
    if sys.platform != "win32":
        raise IdleUnavailable("GetLastInputInfo exists only on Windows")
    windll = ctypes.WinDLL  # type: ignore[attr-defined,unused-ignore]
    user32 = windll("user32", use_last_error=True)
    kernel32 = windll("kernel32", use_last_error=True)
    user32.GetLastInputInfo.argtypes = [ctypes.POINTER(_LastInputInfo)]
    user32.GetLastInputInfo.restype = ctypes.c_int
    kernel32.GetTickCount.restype = ctypes.c_uint32
    kernel32.GetTickCount.argtypes = []

    def last_input() -> int | None:
        info = _LastInputInfo(ctypes.sizeof(_LastInputInfo), 0)
        return int(info.dwTime) if user32.GetLastInputInfo(ctypes.byref(info)) else None

    def tick_count() -> int:
        return int(kernel32.GetTickCount())

    return last_input, tick_count


class WindowsIdleSource:
    """Idle time of this Windows session (the screen lock is not told apart: locking
    takes a key press, so idle time counts from the lock anyway)."""

    description = "Windows (GetLastInputInfo)"

    def __init__(
        self,
        last_input: Callable[[], int | None] | None = None,
        tick_count: Callable[[], int] | None = None,
    ) -> None:
        if last_input is None or tick_count is None:
            last_input, tick_count = _system_calls()
        self._last_input, self._tick_count = last_input, tick_count

    def read(self) -> IdleReading:
        """The tick of the last input, subtracted from the tick now (read after it)."""
        last = self._last_input()
        if last is None:
            return IdleReading(None)
        return IdleReading(timedelta(milliseconds=ticks_between(last, self._tick_count())))

    def close(self) -> None:
        """Nothing is held."""
