"""Shared test setup: headless Qt, and a private data folder and clock for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

# Before anything imports Qt: no display is needed, ever.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Nor a language: dates, numbers and the interface are Qt's neutral English whatever the
# machine's locale is (tests of another language set their own).
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)

from tests.support import FakeClock
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import Storage, open_storage


@pytest.fixture(autouse=True)
def private_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder and home, so no test touches real user data."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("TRACKER_DESKTOP_DATA_DIR", str(data_dir))
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for variable, folder in (
        ("XDG_DATA_HOME", "share"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        # Watson's and Timewarrior's own data, which the import reads by default.
        ("WATSON_DIR", "watson"),
        ("TIMEWARRIORDB", "timewarrior"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    return data_dir


@pytest.fixture
def data_dir(private_environment: Path) -> Path:
    return private_environment


@pytest.fixture
def berlin() -> ZoneInfo:
    return ZoneInfo("Europe/Berlin")


@pytest.fixture
def clock() -> FakeClock:
    # Thursday 26 Nov 2026, 10:00 in Berlin.
    return FakeClock(datetime(2026, 11, 26, 9, 0, tzinfo=UTC))


@pytest.fixture
def storage(data_dir: Path) -> Iterator[Storage]:
    opened = open_storage(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def tracker(storage: Storage, clock: FakeClock, berlin: ZoneInfo) -> Tracker:
    return Tracker(storage, clock, berlin)
