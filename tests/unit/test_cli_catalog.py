"""Clients, projects and tags on the command line: the commands, the label options of the
session commands, their exit codes and JSON."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.support import Result
from tests.unit.test_cli import assert_one_line_error, ok, parsed, run_cli

DAY = "2026-11-20"


def at(hour: int, minute: int = 0) -> str:
    return f"{DAY}T{hour:02d}:{minute:02d}"


def done(data_dir: Path, *args: str) -> Result:
    """A command that did its job, perhaps saying on stderr what it made on the way."""
    result = run_cli(data_dir, *args)
    assert result.code == 0, result
    assert all(line.startswith("tracker-desktop: note: Created") for line in result.err_lines)
    return result


def test_a_new_user_bills_a_client(cli_dir: Path) -> None:
    ok(cli_dir, "client", "add", "Acme", "--rate", "80", "--currency", "eur")
    ok(cli_dir, "project", "add", "Website", "--client", "acme", "--color", "#3366FF")
    ok(cli_dir, "project", "add", "Internal", "--not-billable")
    added = done(
        cli_dir, "add", "Homepage", "--start", at(9), "--end", at(10),
        "--project", "website", "--tag", "design", "--tag", "Frontend", "--json",
    )  # fmt: skip
    session = parsed(added)
    assert session["project"] == {"name": "Website", "client": "Acme", "color": "#3366ff"}
    assert session["tags"] == ["design", "Frontend"]
    assert session["billable"] is True
    # With JSON on standard output, what was made along the way is said on stderr.
    assert added.err.splitlines() == [
        "tracker-desktop: note: Created tag “design”",
        "tracker-desktop: note: Created tag “Frontend”",
    ]

    projects = parsed(ok(cli_dir, "project", "list", "--json"))["projects"]
    assert projects == [
        {"name": "Internal", "client": None, "color": projects[0]["color"], "rate": None,
         "currency": "EUR", "billable": False, "archived": False},
        {"name": "Website", "client": "Acme", "color": "#3366ff", "rate": None,
         "currency": "EUR", "billable": True, "archived": False},
    ]  # fmt: skip
    clients = parsed(ok(cli_dir, "client", "list", "--json"))["clients"]
    assert clients == [{"name": "Acme", "rate": "80.00", "currency": "EUR", "archived": False}]
    tags = parsed(ok(cli_dir, "tag", "list", "--json"))["tags"]
    assert tags == [{"name": "design", "sessions": 1}, {"name": "Frontend", "sessions": 1}]


def test_start_creates_what_it_does_not_know_and_says_so(cli_dir: Path) -> None:
    started = ok(
        cli_dir, "start", "Call", "--project", "Support", "--client", "Globex", "--tag", "phone"
    )
    assert started.out.splitlines()[:3] == [
        "Created client “Globex”",
        "Created project “Support”",
        "Created tag “phone”",
    ]
    assert started.out.splitlines()[3].startswith('Started "Call"')
    again = ok(cli_dir, "start", "Call 2", "--project", "SUPPORT", "--client", "globex")
    assert "Created" not in again.out
    status = parsed(ok(cli_dir, "status", "--json"))["running"]
    assert status["project"]["name"] == "Support"
    assert status["tags"] == []


def test_edit_replaces_tags_and_clears_labels(cli_dir: Path) -> None:
    ok(
        cli_dir,
        "add",
        "x",
        "--start",
        at(9),
        "--end",
        at(10),
        "--project",
        "P",
        "--tag",
        "a",
        "--tag",
        "b",
    )
    edited = parsed(done(cli_dir, "edit", "1", "--tag", "c", "--not-billable", "--json"))
    assert (edited["tags"], edited["billable"], edited["project"]["name"]) == (["c"], False, "P")
    cleared = parsed(ok(cli_dir, "edit", "1", "--no-tags", "--no-project", "--json"))
    assert (cleared["tags"], cleared["project"]) == ([], None)


def test_continue_keeps_the_labels_unless_told_otherwise(cli_dir: Path) -> None:
    ok(cli_dir, "add", "x", "--start", at(9), "--end", at(10), "--project", "P", "--tag", "a")
    continued = parsed(ok(cli_dir, "continue", "1", "--json"))
    assert (continued["project"]["name"], continued["tags"]) == ("P", ["a"])
    other = parsed(done(cli_dir, "continue", "1", "--project", "Q", "--json"))
    assert (other["project"]["name"], other["tags"]) == ("Q", ["a"])


def test_list_filters_by_project_client_and_tag(cli_dir: Path) -> None:
    ok(
        cli_dir,
        "add",
        "a",
        "--start",
        at(9),
        "--end",
        at(10),
        "--project",
        "Site",
        "--client",
        "Acme",
        "--tag",
        "x",
    )
    ok(
        cli_dir,
        "add",
        "b",
        "--start",
        at(11),
        "--end",
        at(12),
        "--project",
        "App",
        "--client",
        "Globex",
    )
    ok(cli_dir, "add", "c", "--start", at(13), "--end", at(14), "--tag", "X")

    def names(*filters: str) -> list[str]:
        listing = parsed(ok(cli_dir, "list", "--date", DAY, "--json", *filters))
        return [s["name"] for s in listing["sessions"]]

    assert names("--project", "site") == ["a"]
    assert names("--client", "Globex") == ["b"]
    assert names("--tag", "x") == ["c", "a"]
    listing = parsed(ok(cli_dir, "list", "--date", DAY, "--json", "--client", "Acme"))
    assert listing["total_seconds"] == 3600


def test_a_deleted_session_comes_back_with_its_labels_from_its_record(cli_dir: Path) -> None:
    ok(cli_dir, "add", "Labelled", "--start", at(9), "--end", at(10), "--project", "Site",
       "--client", "Acme", "--tag", "ux", "--not-billable")  # fmt: skip
    record = ok(cli_dir, "delete", "1").out.strip()
    words = shlex.split(record)
    back = parsed(done(cli_dir, words[1], "--json", *words[2:]))
    assert back["project"] == {"name": "Site", "client": "Acme", "color": back["project"]["color"]}
    assert (back["tags"], back["billable"]) == (["ux"], False)


@pytest.mark.parametrize(
    ("arguments", "mentions"),
    [
        (["client", "add", ""], ["client"]),
        (["client", "add", "x" * 101], ["too long"]),
        (["client", "add", "Acme", "--rate", "-5"], ["--rate"]),
        (["client", "add", "Acme", "--rate", "eighty"], ["--rate"]),
        (["client", "add", "Acme", "--currency", "EURO"], ["--currency", "ISO 4217"]),
        (["project", "add", "Site", "--color", "blue"], ["--color", "#RRGGBB"]),
        (["start", "x", "--tag", "two words"], ["tag", "one word"]),
        (["start", "x", "--client", "Acme"], ["--client", "--project"]),
        (["edit", "1", "--no-tags", "--tag", "a"], ["--no-tags"]),
    ],
)
def test_bad_input_is_one_line_exit_two_and_changes_nothing(
    cli_dir: Path, arguments: list[str], mentions: list[str]
) -> None:
    ok(cli_dir, "add", "kept", "--start", at(9), "--end", at(10))
    before = ok(cli_dir, "list", "--date", DAY, "--json").out
    assert_one_line_error(run_cli(cli_dir, *arguments), 2, *mentions)
    assert ok(cli_dir, "list", "--date", DAY, "--json").out == before
    assert parsed(ok(cli_dir, "client", "list", "--json")) == {"clients": []}
    assert parsed(ok(cli_dir, "project", "list", "--json")) == {"projects": []}


def test_duplicate_and_ambiguous_names(cli_dir: Path) -> None:
    ok(cli_dir, "client", "add", "Acme")
    assert_one_line_error(run_cli(cli_dir, "client", "add", "ACME"), 2, "exists already")
    ok(cli_dir, "project", "add", "Website", "--client", "Acme")
    ok(cli_dir, "project", "add", "Website", "--client", "Globex")
    line = assert_one_line_error(run_cli(cli_dir, "start", "x", "--project", "website"), 2)
    assert "Acme, Globex" in line
    assert "--client" in line
    ok(cli_dir, "start", "x", "--project", "website", "--client", "globex")
    assert_one_line_error(
        run_cli(cli_dir, "project", "edit", "Website", "--color", "#000000"), 2, "Acme"
    )


def test_a_project_in_use_is_deleted_only_by_moving_its_sessions(cli_dir: Path) -> None:
    ok(cli_dir, "add", "x", "--start", at(9), "--end", at(10), "--project", "Old")
    ok(cli_dir, "project", "add", "New")
    assert_one_line_error(run_cli(cli_dir, "project", "delete", "Old"), 2, "1 session")
    assert_one_line_error(run_cli(cli_dir, "project", "delete", "Missing"), 1, "no project")
    ok(cli_dir, "project", "delete", "Old", "--move-sessions-to", "New")
    listing = parsed(ok(cli_dir, "list", "--date", DAY, "--json"))
    assert listing["sessions"][0]["project"]["name"] == "New"


def test_archive_hides_a_project_from_the_list_but_keeps_it(cli_dir: Path) -> None:
    ok(cli_dir, "add", "x", "--start", at(9), "--end", at(10), "--project", "Legacy")
    ok(cli_dir, "project", "archive", "Legacy")
    assert parsed(ok(cli_dir, "project", "list", "--json")) == {"projects": []}
    archived = parsed(ok(cli_dir, "project", "list", "--all", "--json"))["projects"]
    assert archived[0]["archived"] is True
    listing = parsed(ok(cli_dir, "list", "--date", DAY, "--json"))
    assert listing["sessions"][0]["project"]["name"] == "Legacy"
    ok(cli_dir, "project", "unarchive", "legacy")
    assert len(parsed(ok(cli_dir, "project", "list", "--json"))["projects"]) == 1


def test_rates_precede_and_inherit(cli_dir: Path) -> None:
    ok(cli_dir, "client", "add", "Acme", "--rate", "80,5")
    ok(cli_dir, "project", "add", "Own", "--client", "Acme", "--rate", "120")
    ok(cli_dir, "project", "add", "Inherits", "--client", "Acme")
    projects = {p["name"]: p for p in parsed(ok(cli_dir, "project", "list", "--json"))["projects"]}
    assert projects["Own"]["rate"] == "120.00"
    assert projects["Inherits"]["rate"] is None  # its own: none; it inherits 80.50
    ok(cli_dir, "project", "edit", "Own", "--no-rate")
    projects = {p["name"]: p for p in parsed(ok(cli_dir, "project", "list", "--json"))["projects"]}
    assert projects["Own"]["rate"] is None
    clients = parsed(ok(cli_dir, "client", "list", "--json"))["clients"]
    assert clients[0]["rate"] == "80.50"


def test_tags_rename_merge_and_delete(cli_dir: Path) -> None:
    ok(cli_dir, "add", "a", "--start", at(9), "--end", at(10), "--tag", "ux", "--tag", "design")
    ok(cli_dir, "add", "b", "--start", at(11), "--end", at(12), "--tag", "ux")
    ok(cli_dir, "tag", "rename", "UX", "Design")
    assert parsed(ok(cli_dir, "tag", "list", "--json")) == {
        "tags": [{"name": "design", "sessions": 2}]
    }
    ok(cli_dir, "tag", "delete", "design")
    assert parsed(ok(cli_dir, "tag", "list", "--json")) == {"tags": []}
    assert_one_line_error(run_cli(cli_dir, "tag", "delete", "design"), 1, "no tag")
