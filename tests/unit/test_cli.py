"""The command line as a user runs it: a real process, its output and its exit code."""

from __future__ import annotations

import json
import os
import random
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.support import Result
from tracker_desktop.core.layout import DATABASE_FILENAME

# What a session without a project or tags carries in JSON besides its times.
NO_LABELS = {"project": None, "tags": [], "billable": True}
LOCAL_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


def environment(home: Path, **extra: str) -> dict[str, str]:
    env = os.environ.copy()
    env.pop("TRACKER_DESKTOP_DATA_DIR", None)
    env.update({"TZ": "Europe/Berlin", "HOME": str(home), **extra})
    return env


def run_cli(
    data_dir: Path | None,
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Result:
    """``python -m tracker_desktop [--data-dir DATA_DIR] ARGS`` in Berlin."""
    prefix = [] if data_dir is None else ["--data-dir", str(data_dir)]
    home = (data_dir or Path.cwd()).parent / "home"
    completed = subprocess.run(
        [sys.executable, "-m", "tracker_desktop", *prefix, *args],
        capture_output=True,
        encoding="utf-8",
        env=env or environment(home),
        cwd=cwd or (data_dir.parent if data_dir else None),
        timeout=60,
        check=False,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def ok(data_dir: Path, *args: str) -> Result:
    result = run_cli(data_dir, *args)
    assert (result.code, result.err) == (0, ""), result
    return result


def assert_one_line_error(result: Result, code: int, *mentions: str) -> str:
    """An expected failure: exit ``code``, one line on stderr naming ``mentions``."""
    assert "Traceback" not in result.err, result.err
    assert result.code == code, result
    assert len(result.err_lines) == 1, result.err
    line = result.err_lines[0]
    for mention in mentions:
        assert mention in line, line
    assert result.out == ""
    return line


def parsed(result: Result) -> dict[str, Any]:
    value = json.loads(result.out)
    assert isinstance(value, dict)
    return value


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with one finished session (id 1) and one running since 2020-01-06 09:00."""
    root = tmp_path_factory.mktemp("seeded")
    (root / "home").mkdir()
    data = root / "data"
    for args in (
        ("start", "Earlier", "--at", "2020-01-06T07:00"),
        ("start", "Seeded", "--at", "2020-01-06T09:00"),
    ):
        result = run_cli(data, *args)
        assert result.code == 0, result
    return data


@pytest.fixture
def seeded(seeded_template: Path, cli_dir: Path) -> Path:
    """A private copy of the seeded data folder."""
    shutil.copytree(seeded_template, cli_dir)
    return cli_dir


# -- human output -----------------------------------------------------------------------


def test_start_switch_stop_and_status(cli_dir: Path) -> None:
    assert ok(cli_dir, "status").out == "No session is running.\n"

    result = ok(cli_dir, "start", "Client", "call", "--at", "2020-01-06T09:00")
    assert result.out == 'Started "Client call" at 09:00\n'

    result = ok(cli_dir, "status")
    assert re.fullmatch(r'Running: "Client call" since 09:00 \(\d+:\d{2}:\d{2}\)\n', result.out)

    result = ok(cli_dir, "start", "Review", "--at", "2020-01-06T10:30")
    assert result.out == (
        'Stopped "Client call": 09:00–10:30 (1:30:00)\nStarted "Review" at 10:30\n'
    )

    result = ok(cli_dir, "stop", "--at", "2020-01-06T11:15:30")
    assert result.out == 'Stopped "Review": 10:30–11:15 (0:45:30)\n'

    assert ok(cli_dir, "status").out == "No session is running.\n"


def test_unnamed_session_over_midnight(cli_dir: Path) -> None:
    assert ok(cli_dir, "start", "--at", "2020-01-06T22:00").out == "Started (unnamed) at 22:00\n"
    result = ok(cli_dir, "stop", "--at", "2020-01-07T01:30+01:00")
    assert result.out == "Stopped (unnamed): 22:00–2020-01-07 01:30 (3:30:00)\n"


def test_rename_running_and_by_id(seeded: Path) -> None:
    result = ok(seeded, "rename", "  Deep", "work\t", "👩\u200d💻")
    assert result.out == 'Renamed session 2 to "Deep work 👩\u200d💻"\n'
    result = ok(seeded, "rename", "Morning", "--id", "1")
    assert result.out == 'Renamed session 1 to "Morning"\n'
    running = parsed(ok(seeded, "status", "--json"))["running"]
    assert running["name"] == "Deep work 👩\u200d💻"


def test_discard(seeded: Path) -> None:
    result = ok(seeded, "discard")
    assert re.fullmatch(
        r'Discarded "Seeded" \(started 09:00, \d+:\d{2}:\d{2} not saved\)\n', result.out
    )
    assert parsed(ok(seeded, "status", "--json")) == {"running": None}
    sessions = parsed(ok(seeded, "list", "--date", "2020-01-06", "--json"))["sessions"]
    assert [s["name"] for s in sessions] == ["Earlier"]


def make_day(cli_dir: Path) -> None:
    """Mon 6 Jan 2020: 09:00–10:30 "Client call", 10:30–11:15:30 "Review", and an unnamed
    session from 13:00 to 01:00 the next day."""
    ok(cli_dir, "start", "Client call", "--at", "2020-01-06T09:00")
    ok(cli_dir, "start", "Review", "--at", "2020-01-06T10:30")
    ok(cli_dir, "stop", "--at", "2020-01-06T11:15:30")
    ok(cli_dir, "start", "--at", "2020-01-06T13:00")
    ok(cli_dir, "stop", "--at", "2020-01-07T01:00")


def test_list_has_aligned_columns_newest_first_and_a_total(cli_dir: Path) -> None:
    make_day(cli_dir)
    lines = ok(cli_dir, "list", "--date", "2020-01-06").out.splitlines()
    assert lines[0] == "Mon 06 Jan 2020"
    header, *rows, total = lines[1:]
    assert header.split() == ["ID", "Start", "End", "Duration", "Name"]
    assert total == "Total: 13:15:30 in 3 sessions"
    expected = [
        ("3", "2020-01-06 13:00", "2020-01-07 01:00", "12:00:00", "(unnamed)"),
        ("2", "2020-01-06 10:30", "11:15", "0:45:30", "Review"),
        ("1", "2020-01-06 09:00", "10:30", "1:30:00", "Client call"),
    ]
    assert len(rows) == len(expected)
    id_end = header.index("ID") + len("ID")
    start_at, end_at, name_at = header.index("Start"), header.index("End"), header.index("Name")
    duration_end = header.index("Duration") + len("Duration")
    for row, (id_, start, end, duration, name) in zip(rows, expected, strict=True):
        assert row[id_end - len(id_) : id_end] == id_, row  # right-aligned
        assert row[start_at : start_at + len(start)] == start, row
        assert row[end_at : end_at + len(end)] == end, row
        assert row[duration_end - len(duration) : duration_end] == duration, row  # right-aligned
        assert row[name_at:] == name, row


def test_list_of_an_empty_day(cli_dir: Path) -> None:
    assert ok(cli_dir, "list", "--date", "2020-01-06").out == "Mon 06 Jan 2020\nNo sessions.\n"


# -- JSON -------------------------------------------------------------------------------


def test_status_json_when_idle(cli_dir: Path) -> None:
    result = ok(cli_dir, "status", "--json")
    assert json.loads(result.out) == {"running": None}


def test_status_json_when_running(seeded: Path) -> None:
    before = int(time.time())
    running = parsed(ok(seeded, "status", "--json"))["running"]
    after = int(time.time()) + 1
    assert set(running) == {"id", "name", "start", "elapsed_seconds", *NO_LABELS}
    assert running["id"] == 2
    assert running["name"] == "Seeded"
    assert running["start"] == "2020-01-06T09:00:00+01:00"
    started = 1578297600  # 2020-01-06T08:00:00Z
    assert isinstance(running["elapsed_seconds"], int)
    assert before - started <= running["elapsed_seconds"] <= after - started


def test_list_json_shape_totals_and_order(cli_dir: Path) -> None:
    make_day(cli_dir)
    day = parsed(ok(cli_dir, "list", "--date", "2020-01-06", "--json"))
    assert day == {
        "period": {
            "kind": "day",
            "start": "2020-01-06T00:00:00+01:00",
            "end": "2020-01-07T00:00:00+01:00",
        },
        "sessions": [
            {
                "id": 3,
                "name": "",
                "start": "2020-01-06T13:00:00+01:00",
                "end": "2020-01-07T01:00:00+01:00",
                "duration_seconds": 12 * 3600,
                **NO_LABELS,
            },
            {
                "id": 2,
                "name": "Review",
                "start": "2020-01-06T10:30:00+01:00",
                "end": "2020-01-06T11:15:30+01:00",
                "duration_seconds": 45 * 60 + 30,
                **NO_LABELS,
            },
            {
                "id": 1,
                "name": "Client call",
                "start": "2020-01-06T09:00:00+01:00",
                "end": "2020-01-06T10:30:00+01:00",
                "duration_seconds": 90 * 60,
                **NO_LABELS,
            },
        ],
        "total_seconds": 13 * 3600 + 15 * 60 + 30,  # the night session clipped at midnight
    }
    next_day = parsed(ok(cli_dir, "list", "--date", "2020-01-07", "--json"))
    assert [s["id"] for s in next_day["sessions"]] == [3]
    assert next_day["sessions"][0]["duration_seconds"] == 12 * 3600  # the whole session
    assert next_day["total_seconds"] == 3600  # only what lies inside the day

    week = parsed(ok(cli_dir, "list", "--period", "week", "--date", "2020-01-09", "--json"))
    assert week["period"] == {
        "kind": "week",
        "start": "2020-01-06T00:00:00+01:00",
        "end": "2020-01-13T00:00:00+01:00",
    }
    assert [s["id"] for s in week["sessions"]] == [3, 2, 1]
    assert week["total_seconds"] == 14 * 3600 + 15 * 60 + 30


def test_list_json_types_summer_offset_and_running_session(cli_dir: Path) -> None:
    ok(cli_dir, "start", "Sommer ☀", "--at", "2020-07-01T12:00")
    ok(cli_dir, "stop", "--at", "2020-07-01T13:00")
    summer = parsed(ok(cli_dir, "list", "--period", "month", "--date", "2020-07-31", "--json"))
    assert summer["period"] == {
        "kind": "month",
        "start": "2020-07-01T00:00:00+02:00",
        "end": "2020-08-01T00:00:00+02:00",
    }
    assert summer["sessions"] == [
        {
            "id": 1,
            "name": "Sommer ☀",
            "start": "2020-07-01T12:00:00+02:00",
            "end": "2020-07-01T13:00:00+02:00",
            "duration_seconds": 3600,
            **NO_LABELS,
        }
    ]

    ok(cli_dir, "start", "Läuft", "--at", "2020-07-02T23:30")
    before = int(time.time())
    day = parsed(ok(cli_dir, "list", "--date", "2020-07-02", "--json"))
    after = int(time.time()) + 1
    assert list(day) == ["period", "sessions", "total_seconds"]
    (entry,) = day["sessions"]
    assert list(entry) == ["id", "name", "start", "end", "duration_seconds", *NO_LABELS]
    assert entry["end"] is None
    assert LOCAL_ISO.match(entry["start"])
    started = 1593725400  # 2020-07-02T21:30:00Z
    assert isinstance(entry["duration_seconds"], int)
    assert before - started <= entry["duration_seconds"] <= after - started
    assert day["total_seconds"] == 30 * 60  # clipped at the day's end
    for value in (day["period"]["start"], day["period"]["end"]):
        assert LOCAL_ISO.match(value)


def test_json_keeps_unicode_names_exactly(cli_dir: Path) -> None:
    name = "שלום 👨\u200d👩\u200d👧 e\u0301"
    ok(cli_dir, "start", name, "--at", "2020-01-06T09:00")
    assert parsed(ok(cli_dir, "status", "--json"))["running"]["name"] == name


# -- exit codes and one-line errors -------------------------------------------------------


def test_nothing_running_exits_1(cli_dir: Path) -> None:
    for command in (("stop",), ("discard",), ("rename", "New")):
        assert_one_line_error(run_cli(cli_dir, *command), 1, "no session is running")


def test_unknown_id_exits_1(seeded: Path) -> None:
    assert_one_line_error(run_cli(seeded, "rename", "New", "--id", "999"), 1, "999")


# (arguments, what the one-line message must mention)
INVALID_INPUT: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("start", "--at", "teatime"), ("--at", "teatime")),
    (("start", "--at", "25:00"), ("--at", "25:00")),
    (("start", "--at", "2026-02-30T10:00"), ("--at",)),
    (("start", "--at", "2999-01-01T00:00"), ("--at", "future")),
    (("start", "--at", "2026-03-29T02:30"), ("--at", "does not exist")),
    (("start", "x" * 501), ("name", "501")),
    (("rename", "New", "--id", "abc"), ("--id", "abc")),
    (("rename", "New", "--id", "0"), ("--id",)),
    (("list", "--date", "2020-02-30"), ("--date", "2020-02-30")),
    (("list", "--date", "yesterday"), ("--date",)),
    (("list", "--period", "year"), ("--period", "year")),
    (("frobnicate",), ("frobnicate",)),
    (("start", "--bogus"), ("--bogus",)),
]


@pytest.mark.parametrize(
    ("args", "mentions"), INVALID_INPUT, ids=[" ".join(args)[:40] for args, _ in INVALID_INPUT]
)
def test_invalid_input_exits_2_with_one_line(
    cli_dir: Path, args: Sequence[str], mentions: Sequence[str]
) -> None:
    assert_one_line_error(run_cli(cli_dir, *args), 2, *mentions)
    # Nothing was started.
    assert not (cli_dir / DATABASE_FILENAME).exists() or ok(cli_dir, "status").out == (
        "No session is running.\n"
    )


def test_stop_before_start_exits_2_and_keeps_the_session_running(seeded: Path) -> None:
    assert_one_line_error(run_cli(seeded, "stop", "--at", "2020-01-06T08:59"), 2, "before")
    assert_one_line_error(run_cli(seeded, "stop", "--at", "2999-01-01T00:00Z"), 2, "future")
    running = parsed(ok(seeded, "status", "--json"))["running"]
    assert (running["id"], running["start"]) == (2, "2020-01-06T09:00:00+01:00")


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--date", "9999-12-31"),
        ("list", "--period", "month", "--date", "9999-12-15"),
        ("list", "--date", "0001-01-01"),
        ("start", "--at", "0001-01-01T00:00"),
        ("start", "--at", "0001-01-01T00:30+01:00"),
    ],
    ids=["day-9999-12-31", "month-9999-12", "day-0001-01-01", "at-year-1", "at-year-1-offset"],
)
def test_dates_at_the_edge_of_the_calendar_are_invalid_input(
    cli_dir: Path, args: Sequence[str]
) -> None:
    assert_one_line_error(run_cli(cli_dir, *args), 2)


def test_out_of_range_id_is_an_error_not_a_crash(seeded: Path) -> None:
    result = run_cli(seeded, "rename", "New", "--id", "99999999999999999999")
    assert "Traceback" not in result.err, result.err
    assert result.code in {1, 2}
    assert len(result.err_lines) == 1
    assert "--id" in result.err or "99999999999999999999" in result.err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX passes arguments as bytes")
def test_undecodable_name_bytes_are_an_error_not_a_crash(cli_dir: Path) -> None:
    # A name argument that is not valid UTF-8 (Python sees a lone surrogate).
    completed = subprocess.run(
        [
            os.fsencode(sys.executable),
            b"-m",
            b"tracker_desktop",
            b"--data-dir",
            os.fsencode(cli_dir),
            b"start",
            b"caf\xe9",
            b"--at",
            b"2020-01-06T09:00",
        ],
        capture_output=True,
        env=environment(cli_dir.parent / "home"),
        timeout=60,
        check=False,
    )
    err = completed.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert completed.returncode in {0, 2}
    if completed.returncode == 2:
        assert len(err.splitlines()) == 1


def test_corrupt_database_exits_3_and_is_left_untouched(cli_dir: Path) -> None:
    cli_dir.mkdir()
    path = cli_dir / DATABASE_FILENAME
    content = random.Random(7).randbytes(20_000)
    path.write_bytes(content)
    for args in (("status",), ("start", "x"), ("list", "--json")):
        assert_one_line_error(run_cli(cli_dir, *args), 3, str(path))
        assert path.read_bytes() == content
    assert sorted(p.name for p in cli_dir.iterdir()) == [DATABASE_FILENAME]


def test_foreign_sqlite_database_exits_3(cli_dir: Path) -> None:
    cli_dir.mkdir()
    path = cli_dir / DATABASE_FILENAME
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
    finally:
        connection.close()
    content = path.read_bytes()
    assert_one_line_error(run_cli(cli_dir, "status"), 3, str(path), "another program")
    assert path.read_bytes() == content


# -- where the data goes ------------------------------------------------------------------


def test_environment_variable_chooses_the_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "from-env"
    env = environment(home, TRACKER_DESKTOP_DATA_DIR=str(folder))
    result = run_cli(None, "start", "Via env", "--at", "2020-01-06T09:00", env=env, cwd=tmp_path)
    assert (result.code, result.err) == (0, ""), result
    assert (folder / DATABASE_FILENAME).is_file()
    status = run_cli(None, "status", "--json", env=env, cwd=tmp_path)
    assert json.loads(status.out)["running"]["name"] == "Via env"
    # --data-dir wins over the variable.
    other = tmp_path / "from-option"
    assert parsed(ok(other, "status", "--json")) == {"running": None}
    assert (other / DATABASE_FILENAME).is_file()
    # Nothing was written anywhere else: not in the home folder, not beside the folders.
    assert list(home.rglob("*")) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["from-env", "from-option", "home"]


# -- correcting history: add, edit, delete, continue --------------------------------------


def test_add_then_edit_with_json_in_the_list_entry_shape(cli_dir: Path) -> None:
    added = parsed(
        ok(
            cli_dir,
            "add",
            "Forgotten",
            "call",
            "--start",
            "2020-01-06T09:00",
            "--end",
            "2020-01-06T09:45",
            "--json",
        )
    )
    assert added == {
        "id": 1,
        "name": "Forgotten call",
        "start": "2020-01-06T09:00:00+01:00",
        "end": "2020-01-06T09:45:00+01:00",
        "duration_seconds": 2700,
        **NO_LABELS,
    }
    edited = parsed(ok(cli_dir, "edit", "1", "--end", "2020-01-06T10:00", "--json"))
    assert edited["end"] == "2020-01-06T10:00:00+01:00"
    assert edited["duration_seconds"] == 3600
    listed = parsed(ok(cli_dir, "list", "--date", "2020-01-06", "--json"))
    assert listed["sessions"] == [edited]
    human = ok(cli_dir, "edit", "1", "--name", "Call with Ann").out
    assert human == 'Saved "Call with Ann": 09:00–10:00 (1:00:00) [id 1]\n'


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (
            ("add", "x", "--start", "2020-01-06T10:00", "--end", "2020-01-06T09:00"),
            ("not after the start",),
        ),
        (
            ("add", "x", "--start", "2020-01-06T10:00", "--end", "2020-01-06T10:00"),
            ("not after the start",),
        ),
        (
            ("add", "x", "--start", "2020-01-06T10:00", "--end", "2999-01-01T00:00"),
            ("--end", "future"),
        ),
        (("add", "x", "--start", "yesterday", "--end", "10:00"), ("--start", "not a time")),
        (("add", "x", "--end", "10:00"), ("--start",)),
        (("edit", "1"), ("nothing to change",)),
        (("edit", "1", "--start", "2020-01-06T12:00"), ("not after the start",)),
        (("edit", "1", "--name", "y" * 501), ("too long",)),
        (("edit", "abc", "--name", "y"), ("abc",)),
        (("delete",), ("ID",)),
    ],
)
def test_history_commands_refuse_bad_input_and_change_nothing(
    cli_dir: Path, args: tuple[str, ...], mentions: tuple[str, ...]
) -> None:
    ok(cli_dir, "add", "Kept", "--start", "2020-01-06T09:00", "--end", "2020-01-06T11:00")
    before = ok(cli_dir, "list", "--date", "2020-01-06", "--json").out
    assert_one_line_error(run_cli(cli_dir, *args), 2, *mentions)
    assert ok(cli_dir, "list", "--date", "2020-01-06", "--json").out == before


def test_edit_and_delete_of_unknown_ids_exit_1(cli_dir: Path) -> None:
    ok(cli_dir, "add", "Kept", "--start", "2020-01-06T09:00", "--end", "2020-01-06T11:00")
    assert_one_line_error(run_cli(cli_dir, "edit", "5", "--name", "x"), 1, "id 5")
    assert_one_line_error(run_cli(cli_dir, "delete", "1", "5"), 1, "id 5")
    assert len(parsed(ok(cli_dir, "list", "--date", "2020-01-06", "--json"))["sessions"]) == 1


def test_delete_prints_commands_that_bring_the_sessions_back(cli_dir: Path) -> None:
    ok(
        cli_dir,
        "add",
        "-dash & 'quotes'",
        "--start",
        "2020-01-06T09:00",
        "--end",
        "2020-01-06T11:00",
    )
    ok(cli_dir, "add", "", "--start", "2020-01-07T09:00", "--end", "2020-01-07T09:30")
    week_before = parsed(ok(cli_dir, "list", "--period", "week", "--date", "2020-01-06", "--json"))
    printed = ok(cli_dir, "delete", "1", "2").out.splitlines()
    assert len(printed) == 2
    assert (
        parsed(ok(cli_dir, "list", "--period", "week", "--date", "2020-01-06", "--json"))[
            "sessions"
        ]
        == []
    )
    for line in printed:
        words = shlex.split(line)
        assert words[:2] == ["tracker-desktop", "add"]
        ok(cli_dir, *words[1:])
    week_after = parsed(ok(cli_dir, "list", "--period", "week", "--date", "2020-01-06", "--json"))
    strip = [{k: v for k, v in s.items() if k != "id"} for s in week_after["sessions"]]
    assert strip == [{k: v for k, v in s.items() if k != "id"} for s in week_before["sessions"]]


def test_continue_defaults_to_the_most_recent_session(cli_dir: Path) -> None:
    assert_one_line_error(run_cli(cli_dir, "continue"), 1, "no session to continue")
    ok(cli_dir, "add", "Old", "--start", "2020-01-06T09:00", "--end", "2020-01-06T10:00")
    ok(cli_dir, "add", "Newer", "--start", "2020-01-07T09:00", "--end", "2020-01-07T10:00")
    assert ok(cli_dir, "continue").out.startswith('Continued "Newer" at ')
    switched = ok(cli_dir, "continue", "1").out.splitlines()
    assert switched[0].startswith('Stopped "Newer": ')
    assert switched[1].startswith('Continued "Old" at ')
    status = parsed(ok(cli_dir, "status", "--json"))["running"]
    assert status["name"] == "Old"
    entry = parsed(ok(cli_dir, "continue", "2", "--json"))
    assert set(entry) == {"id", "name", "start", "end", "duration_seconds", *NO_LABELS}
    assert (entry["name"], entry["end"]) == ("Newer", None)


def test_toggle_stops_or_starts_with_the_most_recent_name(cli_dir: Path) -> None:
    first = ok(cli_dir, "toggle").out
    assert first.startswith("Started (unnamed) at ")
    assert ok(cli_dir, "toggle").out.startswith("Stopped (unnamed): ")
    ok(cli_dir, "add", "Client work", "--start", "2020-01-06T09:00", "--end", "2020-01-06T10:00")
    ok(cli_dir, "add", "Most recent", "--start", "2020-01-07T09:00", "--end", "2020-01-07T10:00")
    # "Most recent" means latest start: today's unnamed toggle session is newer still.
    ok(cli_dir, "rename", "Today's task", "--id", "1")
    assert ok(cli_dir, "toggle").out.startswith('Started "Today\'s task" at ')
    running = parsed(ok(cli_dir, "status", "--json"))["running"]
    assert running["name"] == "Today's task"
    assert ok(cli_dir, "toggle").out.startswith('Stopped "Today\'s task": ')
    assert parsed(ok(cli_dir, "status", "--json")) == {"running": None}


@pytest.mark.parametrize(
    "argv",
    [
        ["status", "--json"],
        ["--data-dir", "/tmp/x", "list", "--period", "week", "--tag", "design"],
        ["--data", "/tmp/x", "start", "Design", "--project", "Website"],
        ["--data-dir=/tmp/x", "project", "edit", "Website", "--client", "Acme", "--no-rate"],
        ["report", "--by", "client,project", "--last", "7d"],
        ["import", "frames", "--format", "watson", "--dry-run"],
        ["export", "--format", "csv", "--billable-only"],
        ["--data-dir", "status", "list"],  # "status" is the folder here
        ["--data=/tmp/x", "status"],
        ["--d", "/tmp/x", "tag", "list"],
    ],
)
def test_a_command_alone_parses_as_the_whole_parser_does(argv: list[str]) -> None:
    from tracker_desktop.core.cli import build_parser

    assert vars(build_parser(argv).parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_an_unknown_command_lists_them_all(cli_dir: Path) -> None:
    result = run_cli(cli_dir, "stats")
    assert_one_line_error(result, 2, "'stats'", "'status'", "'export'", "'client'")


@pytest.mark.parametrize("asked", ["--help", "--hel", "-h", "--he"])
def test_help_before_a_command_lists_every_command(cli_dir: Path, asked: str) -> None:
    result = run_cli(cli_dir, asked, "start")
    assert result.code == 0
    for command in ("start", "status", "report", "export", "sync", "server"):
        assert f"    {command} " in result.out, command
