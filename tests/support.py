"""Test helpers importable from any test module."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest


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


def pdf_text(path: Path, *options: str) -> str:
    """A PDF's text by poppler's pdftotext (a system package of the test setup, as the
    README and .ci/run say: without it the test fails, naming it)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing (apt-get install poppler-utils)")
    done = subprocess.run([tool, *options, str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def page_size(path: Path) -> str:
    """pdfinfo's "Page size:" line of a PDF."""
    tool = shutil.which("pdfinfo")
    if tool is None:
        pytest.fail("pdfinfo is missing (apt-get install poppler-utils)")
    info = subprocess.run([tool, str(path)], capture_output=True, check=True, text=True).stdout
    return next(line for line in info.splitlines() if line.startswith("Page size:"))
