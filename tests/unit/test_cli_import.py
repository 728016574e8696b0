"""``import`` on the command line, as a user runs it: the summary in words and as JSON,
the dry run, the programs' default places, and hostile or broken files, each refused
with one line naming the line or entry and why (exit 2), nothing imported."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.unit.import_samples import epoch, toggl_row, write_frames, write_toggl
from tests.unit.test_cli import assert_one_line_error, ok, parsed, run_cli
from tracker_desktop.core.importers import timewarrior, watson
from tracker_desktop.core.layout import DATABASE_FILENAME


def sessions_in(data_dir: Path) -> int:
    if not (data_dir / DATABASE_FILENAME).exists():
        return 0
    connection = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        return int(connection.execute("SELECT count(*) FROM session").fetchone()[0])
    finally:
        connection.close()


def toggl_file(folder: Path) -> Path:
    rows = [
        toggl_row("2026-03-02 09:00:00", "2026-03-02 10:30:00", description="Design",
                  project="Website", client="Acme", tags="design, client call"),
        toggl_row("2026-03-02 11:00:00", "2026-03-02 12:00:00", description="Call",
                  project="Support", client="Globex", tags="phone"),
    ]  # fmt: skip
    return write_toggl(folder / "toggl.csv", rows)


def test_import_says_what_it_did_and_a_second_import_adds_nothing(
    cli_dir: Path, tmp_path: Path
) -> None:
    path = toggl_file(tmp_path)
    result = ok(cli_dir, "import", str(path))
    assert result.out.splitlines() == [
        "Imported 2 sessions from toggl.csv (Toggl Track), on 2026-03-02.",
        "Created 2 clients, 2 projects and 3 tags.",
        "Note: dates read as YYYY-MM-DD",
        "Note: local times read in Europe/Berlin (--timezone to change)",
    ]
    again = run_cli(cli_dir, "import", str(path), "--json")
    assert again.code == 0
    assert json.loads(again.out) == {
        "imported": 0, "skipped": 2, "clients_created": 0, "projects_created": 0,
        "tags_created": 0,
    }  # fmt: skip
    # With JSON on standard output, the notes go to standard error.
    assert again.err_lines == [
        "tracker-desktop: note: dates read as YYYY-MM-DD",
        "tracker-desktop: note: local times read in Europe/Berlin (--timezone to change)",
    ]
    listed = parsed(ok(cli_dir, "list", "--date", "2026-03-02", "--json"))
    assert listed["total_seconds"] == 9000
    assert listed["sessions"][1]["tags"] == ["client-call", "design"]


def test_a_dry_run_writes_nothing(cli_dir: Path, tmp_path: Path) -> None:
    path = toggl_file(tmp_path)
    result = run_cli(cli_dir, "import", str(path), "--dry-run", "--timezone", "UTC", "--json")
    assert result.code == 0
    assert parsed(result) == {
        "imported": 2, "skipped": 0, "clients_created": 2, "projects_created": 2,
        "tags_created": 3,
    }  # fmt: skip
    assert "local times read in UTC" in result.err
    text = ok(cli_dir, "import", str(path), "--dry-run")
    assert text.out.splitlines()[:2] == [
        "Would import 2 sessions from toggl.csv (Toggl Track), on 2026-03-02.",
        "Would create 2 clients, 2 projects and 3 tags.",
    ]
    assert "Nothing was changed (dry run)." in text.out
    assert sessions_in(cli_dir) == 0


def test_watson_and_timewarrior_are_read_where_they_keep_their_data(
    cli_dir: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    watson_dir = Path(os.environ["WATSON_DIR"])
    timew_dir = Path(os.environ["TIMEWARRIORDB"])
    assert watson_dir.is_relative_to(home)
    assert timew_dir.is_relative_to(home)
    missing = run_cli(cli_dir, "import", "--format", "watson")
    assert_one_line_error(missing, 1, f"no Watson data at {watson_dir}", "WATSON_DIR")

    watson_dir.mkdir()
    start = epoch("2026-03-02T09:00:00+01:00")
    write_frames(watson_dir / "frames", [[start, start + 3600, "Website", "a" * 32, ["x"]]])
    (watson_dir / "state").write_text("{}")
    assert (
        "Imported 1 session from watson (Watson)" in ok(cli_dir, "import", "--format", "watson").out
    )
    (timew_dir / "data").mkdir(parents=True)
    (timew_dir / "data" / "2026-03.data").write_text(
        "inc 20260303T080000Z - 20260303T090000Z # x\n"
    )
    result = ok(cli_dir, "import", "--format", "timewarrior", "--timezone", "Asia/Tokyo")
    assert result.out.splitlines() == [
        "Imported 1 session from timewarrior (Timewarrior), on 2026-03-03.",
        "Note: --timezone has no effect: Timewarrior keeps its times in UTC",
    ]


def test_the_default_places_follow_each_programs_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = Path(os.environ["HOME"])
    monkeypatch.delenv("WATSON_DIR")
    monkeypatch.delenv("TIMEWARRIORDB")
    if sys.platform.startswith("linux"):
        assert watson.default_folder() == home / "config" / "watson"  # $XDG_CONFIG_HOME
        monkeypatch.delenv("XDG_CONFIG_HOME")
        assert watson.default_folder() == home / ".config" / "watson"
        assert timewarrior.default_folder() == home / "share" / "timewarrior"
        (home / ".timewarrior").mkdir()  # what Timewarrior before 1.5 always used
        assert timewarrior.default_folder() == home / ".timewarrior"
    monkeypatch.setenv("WATSON_DIR", str(tmp_path / "w"))
    monkeypatch.setenv("TIMEWARRIORDB", str(tmp_path / "t"))
    assert (watson.default_folder(), timewarrior.default_folder()) == (
        tmp_path / "w",
        tmp_path / "t",
    )


def test_a_running_entry_is_refused_while_a_session_runs(cli_dir: Path, tmp_path: Path) -> None:
    ok(cli_dir, "start", "Mine", "--at", "2026-03-01T08:00")
    folder = tmp_path / "w"
    folder.mkdir()
    started = epoch("2026-03-02T09:00:00+01:00")
    (folder / "state").write_text(json.dumps({"project": "P", "start": started, "tags": []}))
    result = run_cli(cli_dir, "import", str(folder))
    assert_one_line_error(result, 1, "this entry is still running", "“Mine”", "stop that session")
    assert sessions_in(cli_dir) == 1


# -- hostile and broken files ----------------------------------------------------------------

START = epoch("2026-03-02T09:00:00+01:00")


def frames(*rows: list[object]) -> Callable[[Path], Path]:
    return lambda folder: write_frames(folder / "frames", list(rows))


def text(name: str, content: str | bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return make


def toggl(*rows: list[str]) -> Callable[[Path], Path]:
    return lambda folder: write_toggl(folder / "toggl.csv", rows)


def hundred_thousand_rows(folder: Path) -> Path:
    rows = [
        toggl_row(f"2026-02-{1 + i % 28:02d} 09:00:00", f"2026-02-{1 + i % 28:02d} 09:30:00",
                  description=f"entry {i}")
        for i in range(100_000)
    ]  # fmt: skip
    rows[99_998] = toggl_row("2026-02-01 10:00:00", "2026-02-01 09:00:00")
    return write_toggl(folder / "big.csv", rows)


HOSTILE = {
    "not text": (text("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"), [],
                 ["photo.png: not UTF-8 text"]),
    "no known format": (text("notes.txt", "Dear diary,\n"), [],
                        ["notes.txt: cannot tell which format", "--format"]),
    "the wrong format": (toggl(), ["--format", "watson"],
                         ["toggl.csv, line 1: expected a list of frames, found 'U'"]),
    "not an export": (frames(), ["--format", "json"],
                      ["frames, line 1: expected the export, found '['"]),
    "truncated JSON": (text("frames", '[\n [1, 2, "p", "a"],\n [3, 4, "p'), [],
                       ["frames, line 3: the file ends inside frame 2 (cut short?)"]),
    "a missing column": (text("t.csv", "User,Email,Start date,End date,End time\n"), [],
                         ["t.csv, line 1: no “Start time” column"]),
    "an end before its start": (frames([START, START - 1, "p", "a" * 32]), [],
                                ["frames, frame 1 (line 2): end: 2026-03-02 08:59 is before "
                                 "the start (2026-03-02 09:00); nothing was imported"]),
    "a 10 MB line": (toggl(toggl_row("2026-03-02 09:00:00", "2026-03-02 10:00:00",
                                     description="x" * 10_000_000)), [],
                     ["toggl.csv, line 2: longer than 100,000 characters"]),
    "a 10 MB entry": (frames([START, START + 1, "x" * 10_000_000, "a"]), [],
                      ["frames, line 2: frame 1 is longer than 1,000,000 characters"]),
    "a year after the kept ones": (toggl(toggl_row("2300-01-01 09:00:00",
                                                   "2300-01-01 10:00:00")), [],
                                   ["toggl.csv, line 2: start: 2300-01-01 08:00 UTC is outside "
                                    "the years 1970 to 2199"]),
    "a year before them": (frames([-86400, 0, "p", "a" * 32]), [],
                           ["frames, frame 1 (line 2): start: 1969-12-31 00:00 UTC is outside"]),
    "nesting without end": (text("deep.json", "[" * 200_000), ["--format", "watson"],
                            ["deep.json, line 1: frame 1 cannot be read"]),
    "a number beyond reason": (text("frames", "[[" + "9" * 5000 + ", 1, \"p\"]]"), [],
                               ["frames, line 1: frame 1 cannot be read"]),
    "a bad row among 100,000": (hundred_thousand_rows, [],
                                ["big.csv, line 100000: end: 2026-02-01 09:00 is before the "
                                 "start (2026-02-01 10:00); nothing was imported"]),
}  # fmt: skip


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_broken_and_hostile_files_are_refused_naming_where_and_why(
    cli_dir: Path, tmp_path: Path, case: str
) -> None:
    make, options, mentions = HOSTILE[case]
    path = make(tmp_path)
    for dry in ([], ["--dry-run"]):
        result = run_cli(cli_dir, "import", str(path), *options, *dry)
        assert_one_line_error(result, 2, *mentions)
    assert sessions_in(cli_dir) == 0


def test_a_fifo_in_place_of_the_file_is_refused_without_waiting(
    cli_dir: Path, tmp_path: Path
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this platform cannot make a FIFO")
    fifo = tmp_path / "frames"
    os.mkfifo(fifo)
    result = run_cli(cli_dir, "import", str(fifo), "--format", "watson")
    assert_one_line_error(result, 2, f"{fifo} is a FIFO (named pipe), not a file to read")


@pytest.mark.parametrize(
    ("arguments", "mentions"),
    [
        (
            ["--timezone", "Mars/Olympus_Mons"],
            ["--timezone: 'Mars/Olympus_Mons' is not a time zone"],
        ),
        (["--timezone", "../../etc/passwd"], ["--timezone: '../../etc/passwd' is not a time zone"]),
        ([], ["FILE: give the file to import"]),
        (["--format", "json"], ["FILE: give the file to import"]),
        (["nowhere.csv"], ["nowhere.csv: no such file"]),
        (["--format", "toggl"], ["argument --format: invalid choice: 'toggl'"]),
        ([""], ["an empty path names no file"]),
    ],
)
def test_bad_arguments_are_one_line_errors(
    cli_dir: Path, tmp_path: Path, arguments: list[str], mentions: list[str]
) -> None:
    if arguments[:1] == ["--timezone"]:
        arguments = [str(toggl_file(tmp_path)), *arguments]
    assert_one_line_error(run_cli(cli_dir, "import", *arguments), 2, *mentions)
