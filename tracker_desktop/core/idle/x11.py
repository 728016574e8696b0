"""Idle time on X11: ``XScreenSaverQueryInfo`` of the MIT-SCREEN-SAVER extension (libXss),
through ctypes, on a display connection of its own.

The extension counts every input the X server sees, so it is right on an X11 session
and wrong under XWayland (input to Wayland windows never reaches it):
``ui/idle_sources.py`` uses it only on X11.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from datetime import timedelta
from typing import Any

from tracker_desktop.core.idle import IdleReading, IdleUnavailable


class _XScreenSaverInfo(ctypes.Structure):
    """``XScreenSaverInfo`` from <X11/extensions/scrnsaver.h>."""

    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),  # milliseconds since the last input
        ("eventMask", ctypes.c_ulong),
    ]


def _library(name: str, soname: str) -> Any:
    """Loads a shared library by its versioned name, else whatever the system finds."""
    for candidate in (soname, ctypes.util.find_library(name)):
        if candidate:
            try:
                return ctypes.CDLL(candidate)
            except OSError:
                continue
    raise IdleUnavailable(f"the {soname} library is not installed")


class X11IdleSource:
    """Idle time from the X server on ``display`` (default: ``$DISPLAY``)."""

    description = "the X server's screen saver extension"

    def __init__(self, display: str | None = None) -> None:
        xlib = _library("X11", "libX11.so.6")
        xss = _library("Xss", "libXss.so.1")
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        xlib.XFree.argtypes = [ctypes.c_void_p]
        xss.XScreenSaverQueryExtension.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        ]
        xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
        xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XScreenSaverInfo),
        ]
        self._xlib, self._xss = xlib, xss
        self._display = xlib.XOpenDisplay(display.encode() if display else None)
        if not self._display:
            raise IdleUnavailable(f"cannot open the X display {display or '(default)'}")
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not xss.XScreenSaverQueryExtension(
            self._display, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            self.close()
            raise IdleUnavailable("the X server has no MIT-SCREEN-SAVER extension")
        self._root = xlib.XDefaultRootWindow(self._display)
        self._info = xss.XScreenSaverAllocInfo()

    def read(self) -> IdleReading:
        """One round trip to the X server."""
        if not self._display or not self._xss.XScreenSaverQueryInfo(
            self._display, self._root, self._info
        ):
            return IdleReading(None)
        return IdleReading(timedelta(milliseconds=self._info.contents.idle))

    def close(self) -> None:
        """Frees the info block and closes the display connection (once)."""
        info = getattr(self, "_info", None)
        if info:
            self._xlib.XFree(info)
            self._info = None
        if self._display:
            self._xlib.XCloseDisplay(self._display)
            self._display = None
