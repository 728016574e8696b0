"""A real Watson history and a real Timewarrior history, made by those programs (Watson
from PyPI, in the test extra; ``timew`` from the Debian package timewarrior, which CI
installs), imported as a new user would: the totals per day and per project (or tag)
are the ones those programs report, and a second import adds nothing.

Their data lives in private folders (WATSON_DIR, TIMEWARRIORDB), never the user's."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.unit.test_cli import ok, parsed, run_cli
from tracker_desktop.core.service import SessionFilter, Tracker, clipped_total
from tracker_desktop.core.storage import Storage, open_storage
from tracker_desktop.core.timeparse import start_of_day

BERLIN = ZoneInfo("Europe/Berlin")
# A whole year in the past, so that nothing is in the future on any day the tests run.
YEAR = datetime.now(BERLIN).year - 1


def last_sunday(month: int) -> date:
    """The day Europe/Berlin changes clocks in March and October."""
    day = date(YEAR, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


SPRING, AUTUMN = last_sunday(3), last_sunday(10)


def run(command: list[str], env: dict[str, str]) -> str:
    """Runs one of the programs; its standard output."""
    completed = subprocess.run(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, (command, completed.stdout, completed.stderr)
    return completed.stdout


def environment(**extra: str) -> dict[str, str]:
    """The test's private environment (HOME, XDG folders, WATSON_DIR, TIMEWARRIORDB) in
    Berlin."""
    return {**os.environ, "TZ": "Europe/Berlin", **extra}


def day_total(data_dir: Path, day: date) -> int:
    return int(parsed(ok(data_dir, "list", "--date", day.isoformat(), "--json"))["total_seconds"])


def tracker_of(data_dir: Path) -> tuple[Tracker, Storage]:
    storage = open_storage(data_dir)
    return Tracker(storage, zone=BERLIN), storage


def year_range() -> tuple[datetime, datetime]:
    return start_of_day(date(YEAR, 1, 1), BERLIN), start_of_day(date(YEAR + 1, 1, 1), BERLIN)


# -- Watson ---------------------------------------------------------------------------------

WATSON = Path(sys.executable).parent / ("watson.exe" if os.name == "nt" else "watson")


def at(day: date, clock: str) -> str:
    return f"{day} {clock}"


def test_a_watson_history_imports_with_watsons_totals(cli_dir: Path) -> None:
    assert WATSON.exists(), "Watson (td-watson) is in the test extra: pip install -e '.[test]'"
    env = environment()
    march = date(YEAR, 3, 3)

    def watson(*args: str) -> str:
        return run([str(WATSON), *args], env)

    watson(
        "add",
        "--from",
        at(march, "09:00"),
        "--to",
        at(march, "12:30"),
        "Web site",
        "+design",
        "+client call",
    )
    watson(
        "add",
        "--from",
        at(march, "13:00"),
        "--to",
        at(march, "14:15"),
        "Café ☕ Relaunch",
        "+écriture",
    )
    late = march + timedelta(days=1)
    watson(
        "add",
        "--from",
        at(late, "22:00"),
        "--to",
        at(late + timedelta(days=1), "01:30"),
        "Web site",
        "+late",
    )
    eve = SPRING - timedelta(days=1)
    watson(
        "add", "--from", at(eve, "23:00"), "--to", at(SPRING, "04:00"), "Server", "+maintenance"
    )  # across the hour the clocks skip
    eve = AUTUMN - timedelta(days=1)
    watson("add", "--from", at(eve, "23:30"), "--to", at(AUTUMN, "03:30"), "Server")
    november = date(YEAR, 11, 3)
    watson("start", "Docs", "+writing", "--at", f"{november}T09:00")
    watson("stop", "--at", f"{november}T10:45")
    watson("start", "Research", "+reading")  # runs on
    frames = json.loads((Path(env["WATSON_DIR"]) / "frames").read_text(encoding="utf-8"))
    assert len(frames) == 6

    result = ok(cli_dir, "import", "--format", "watson")
    assert result.out.splitlines()[0].startswith("Imported 7 sessions from watson (Watson)")
    days = [march, late, late + timedelta(days=1), SPRING - timedelta(days=1), SPRING,
            AUTUMN - timedelta(days=1), AUTUMN, november]  # fmt: skip
    for day in days:
        report = json.loads(watson("report", "--from", str(day), "--to", str(day), "--json"))
        assert day_total(cli_dir, day) == round(report["time"]), day

    report = json.loads(
        watson("report", "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31", "--json")
    )
    tracker, storage = tracker_of(cli_dir)
    try:
        totals = tracker.seconds_by_project(*year_range())
        names = {p.id: p.name for p in tracker.catalog.projects()}
        ours = {names[project]: seconds for project, seconds in totals.items() if project}
        assert ours == {p["name"]: round(p["time"]) for p in report["projects"]}
        assert ours["Server"] == (4 + 5) * 3600  # the clocks skip an hour, then repeat one
        running = tracker.running()
        assert running is not None
        assert running.project is not None
        assert (running.project.name, running.tags) == ("Research", ("reading",))
    finally:
        storage.close()

    again = run_cli(cli_dir, "import", "--format", "watson", "--json")
    assert json.loads(again.out)["skipped"] == 7
    assert json.loads(again.out)["imported"] == 0


# -- Timewarrior ----------------------------------------------------------------------------


def test_a_timewarrior_history_imports_with_timewarriors_totals(
    cli_dir: Path, tmp_path: Path
) -> None:
    timew_program = shutil.which("timew")
    assert timew_program, "Timewarrior: apt-get install timewarrior (as .ci/run does)"
    env = environment()

    def timew(*args: str) -> str:
        return run([timew_program, *args, ":yes"], env)

    march = date(YEAR, 3, 3)
    timew("track", f"{march}T09:00", "-", f"{march}T12:30", "design", "client call")
    timew("annotate", "@1", 'Homepage "hero" mock-ups')
    timew("track", f"{march}T13:00", "-", f"{march}T14:15", "écriture", "Café ☕")
    late = march + timedelta(days=1)
    timew("track", f"{late}T22:00", "-", f"{late + timedelta(days=1)}T01:30", "overtime", "design")
    eve = SPRING - timedelta(days=1)
    timew("track", f"{eve}T23:00", "-", f"{SPRING}T04:00", "maintenance")
    eve = AUTUMN - timedelta(days=1)
    timew("track", f"{eve}T23:30", "-", f"{AUTUMN}T03:30", "maintenance")
    timew("start", "reading")  # runs on

    result = ok(cli_dir, "import", "--format", "timewarrior")
    assert result.out.splitlines()[0].startswith(
        "Imported 6 sessions from timewarrior (Timewarrior)"
    )
    days = [march, late, late + timedelta(days=1), SPRING - timedelta(days=1), SPRING,
            AUTUMN - timedelta(days=1), AUTUMN]  # fmt: skip
    for day in days:
        summary = timew("summary", str(day), "-", str(day + timedelta(days=1)))
        assert day_total(cli_dir, day) == seconds(summary), (day, summary)

    tracker, storage = tracker_of(cli_dir)
    try:
        start, end = year_range()
        for tag, ours in (("design", "design"), ("client call", "client-call"),
                          ("maintenance", "maintenance"), ("Café ☕", "Café-☕")):  # fmt: skip
            summary = timew("summary", f"{YEAR}-01-01", "-", f"{YEAR + 1}-01-01", tag)
            sessions = tracker.sessions_between(start, end, SessionFilter(tag=ours))
            total = clipped_total(sessions, start, end, tracker.now())
            assert int(total.total_seconds()) == seconds(summary), tag
        named = [s.name for s in tracker.sessions_between(start, end) if s.name]
        assert named == ['Homepage "hero" mock-ups']
    finally:
        storage.close()

    again = parsed(run_cli(cli_dir, "import", "--format", "timewarrior", "--json"))
    assert (again["imported"], again["skipped"]) == (0, 6)
    export = tmp_path / "timew-export.json"
    export.write_text(timew("export"), encoding="utf-8")
    from_export = parsed(run_cli(cli_dir, "import", str(export), "--json"))
    assert (from_export["imported"], from_export["skipped"]) == (0, 6)


def seconds(summary: str) -> int:
    """The grand total ``H:MM:SS`` that ends ``timew summary``."""
    last = [line for line in summary.splitlines() if line.strip()][-1].split()[-1]
    hours, minutes, secs = (int(part) for part in last.split(":"))
    return hours * 3600 + minutes * 60 + secs


@pytest.fixture(autouse=True)
def _programs_data_is_private() -> None:
    """The programs write only into the test's own folders."""
    home = Path(os.environ["HOME"])
    for variable in ("WATSON_DIR", "TIMEWARRIORDB"):
        assert Path(os.environ[variable]).is_relative_to(home)
