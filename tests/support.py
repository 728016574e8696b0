"""Test helpers importable from any test module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)

    def set(self, instant: datetime) -> None:
        self.current = instant


@dataclass(frozen=True)
class Result:
    """What a finished command-line process left: exit code, stdout, stderr."""

    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()
