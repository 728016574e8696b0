"""The ``import`` command: another tracker's history, or this product's own JSON export,
into the database in one transaction; with ``--dry-run``, what that would do."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.importers import FORMATS

if TYPE_CHECKING:
    from tracker_desktop.core.importing import ImportSummary
    from tracker_desktop.core.service import Tracker

# The formats whose files say their times in UTC (or with offsets): no zone to choose.
ZONELESS = {"watson", "timewarrior", "json"}
FORMAT_NAMES = {
    "toggl-csv": "Toggl Track",
    "clockify-csv": "Clockify",
    "watson": "Watson",
    "timewarrior": "Timewarrior",
    "json": "a Tracker Desktop export",
}


def _file(text: str) -> Path:
    if not text:
        raise argparse.ArgumentTypeError("an empty path names no file")
    return Path(text)


def add_import_command(commands: Any) -> None:
    """``import FILE [--format F] [--timezone ZONE] [--dry-run] [--json]``."""
    parser = commands.add_parser(
        "import",
        help="import sessions from Toggl Track, Clockify, Watson, Timewarrior or a JSON export",
        description="Imports another tracker's sessions (all or nothing); a second import "
        "of the same entries adds nothing.",
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=_file,
        metavar="FILE",
        help="the file (or Watson's or Timewarrior's folder); without it, --format watson "
        "or --format timewarrior reads that program's own data",
    )
    parser.add_argument(
        "--format", choices=FORMATS, help="what FILE is (default: told from its content)"
    )
    parser.add_argument(
        "--timezone",
        metavar="ZONE",
        help="time zone of the CSV reports' local times, e.g. Europe/Berlin "
        "(default: this system's)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would be imported; change nothing"
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run_import(
    tracker: Tracker,
    args: argparse.Namespace,
    out: TextIO,
    print_json: Callable[[dict[str, Any]], None],
    note: Callable[[str], None],
) -> None:
    """Runs ``import``; notes (what was read how) go to ``out``, or to ``note`` (standard
    error) when standard output carries JSON."""
    # The readers load with the command that needs them, not with every command's parser.
    from tracker_desktop.core.importers.formats import WITH_DEFAULT_PLACE
    from tracker_desktop.core.importing import Importer

    if args.file is None and args.format not in WITH_DEFAULT_PLACE:
        raise InvalidInputError(
            "FILE: give the file to import (only --format watson and --format timewarrior "
            "read that program's own data without one)",
            field="file",
        )
    zone = None if args.timezone is None else parse_zone(args.timezone)
    importer = Importer(tracker)
    if args.dry_run:
        summary = importer.preview(args.file, args.format, zone)
        if summary.problems:
            raise summary.error()
    else:
        summary = importer.run(args.file, args.format, zone)
    notes = list(summary.notes)
    if args.timezone is not None and summary.format in ZONELESS:
        notes.append(
            f"--timezone has no effect: {FORMAT_NAMES[summary.format]} keeps its times in UTC"
        )
    if args.json:
        for line in notes:
            note(f"note: {line}")
        print_json(summary.counts())
        return
    for line in summary_lines(summary):
        print(line, file=out)
    for line in notes:
        print(f"Note: {line}", file=out)


def parse_zone(text: str) -> tzinfo:
    """``--timezone``: an IANA zone name (Europe/Berlin, America/New_York, UTC)."""
    try:
        return ZoneInfo(text.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidInputError(
            f"--timezone: {text!r} is not a time zone (a name such as Europe/Berlin or UTC)",
            field="timezone",
        ) from None


def summary_lines(summary: ImportSummary) -> list[str]:
    """The summary in words: what was (or would be) imported, skipped and made."""
    dry = summary.dry_run
    count = summary.imported
    sessions = f"{count} session{'s' * (count != 1)}"
    what = f"{'Would import' if dry else 'Imported'} {sessions} from {summary.path.name} "
    what += f"({FORMAT_NAMES[summary.format]})"
    if summary.first_day is not None and summary.last_day is not None:
        if summary.first_day == summary.last_day:
            what += f", on {summary.first_day}"
        else:
            what += f", {summary.first_day} to {summary.last_day}"
    lines = [what + "."]
    if summary.skipped:
        verb = "would be" if dry else "were"
        lines.append(f"{summary.skipped} {verb} skipped: imported before.")
    made = [
        _count(len(names), kind)
        for names, kind in (
            (summary.clients_created, "client"),
            (summary.projects_created, "project"),
            (summary.tags_created, "tag"),
        )
        if names
    ]
    if made:
        listed = made[0] if len(made) == 1 else f"{', '.join(made[:-1])} and {made[-1]}"
        lines.append(f"{'Would create' if dry else 'Created'} {listed}.")
    if summary.running:
        lines.append(
            "One of them runs: it would be the running session."
            if dry
            else "One of them runs: it is the running session now."
        )
    if dry:
        lines.append("Nothing was changed (dry run).")
    return lines


def _count(number: int, kind: str) -> str:
    return f"{number} {kind}{'s' * (number != 1)}"
