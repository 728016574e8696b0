"""The command line: arguments in, the service called, short text or JSON out.

Never imports Qt; ``tracker_desktop.main`` hands over to the window when no command
is given.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, NoReturn, TextIO, cast

from tracker_desktop import __version__
from tracker_desktop.core.cli_catalog import (
    CreatedNotes,
    add_catalog_commands,
    add_filter_options,
    add_label_options,
    filter_from,
    label_text,
    label_words,
    labels_from,
    labels_json,
    run_client,
    run_project,
    run_tag,
)
from tracker_desktop.core.cli_import import add_import_command, run_import
from tracker_desktop.core.cli_report import add_report_commands, run_export, run_report
from tracker_desktop.core.cli_sync import add_sync_commands, run_server, run_sync, sync_writes
from tracker_desktop.core.clock import EARLIEST, LATEST, SUPPORTED_YEARS
from tracker_desktop.core.errors import InvalidInputError, StorageError, TrackerError
from tracker_desktop.core.formatting import format_duration, local_iso
from tracker_desktop.core.layout import default_data_dir
from tracker_desktop.core.periods import Period, PeriodKind
from tracker_desktop.core.service import UNCHANGED, Labels, PeriodReport, Session, Tracker
from tracker_desktop.core.storage import open_for_reading, open_storage
from tracker_desktop.core.timeparse import WHEN_FORMATS, parse_when

PROG = "tracker-desktop"


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, sized without ``shutil`` (whose import pulls in the
    compression modules and costs every command a few milliseconds)."""

    def __init__(self, prog: str) -> None:
        columns = 80
        with contextlib.suppress(ValueError, OSError):
            columns = int(os.environ.get("COLUMNS") or os.get_terminal_size().columns)
        super().__init__(prog, width=max(columns - 2, 40))


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (exit 2) instead of a usage dump."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: {message} (see '{self.prog} --help')\n")


def _session_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f"{text!r} is not a session id (a whole number ≥ 1)")
    return value


def _folder(text: str) -> Path:
    if not text:
        raise argparse.ArgumentTypeError("an empty path names no folder")
    return Path(text)


def _calendar_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    if not EARLIEST.year <= day.year < LATEST.year:
        raise argparse.ArgumentTypeError(f"{text!r} is outside {SUPPORTED_YEARS}")
    return day


class _Unused:
    """Stands for the parser of a command this run does not need: it takes every
    ``add_argument`` and the like and keeps nothing."""

    def __getattr__(self, name: str) -> Callable[..., _Unused]:
        return lambda *args, **kwargs: self


class _OnlyCommand:
    """The ``COMMAND`` sub-parsers, building only the one this run needs. argparse makes
    each parser with three translation lookups on the file system, so building all
    thirty-odd cost every command about a fifth of its start."""

    def __init__(self, commands: Any, wanted: str | None) -> None:
        self._commands = commands
        self._wanted = wanted
        self.found = False

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if self._wanted is not None and name != self._wanted:
            return _Unused()
        self.found = True
        return self._commands.add_parser(name, **kwargs)


def _command_named(argv: list[str]) -> str | None:
    """The command word of ``argv``, as the parser would read it (None: no command, or
    help asked for before it)."""
    taking_value = False
    for argument in argv:
        if taking_value:
            taking_value = False
        elif argument in ("-h", "--") or (
            len(argument) > 2 and any(o.startswith(argument) for o in ("--help", "--version"))
        ):
            return None  # help (or --hel, as argparse reads it) before any command
        elif len(argument) > 2 and "--data-dir".startswith(argument.partition("=")[0]):
            taking_value = "=" not in argument  # --data-dir DIR, or an abbreviation of it
        elif not argument.startswith("-"):
            return argument
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command-line parser; with ``argv``, only the part that reads it (the whole
    parser when its command is not one of ours, so the error lists them all)."""
    wanted = _command_named(argv) if argv is not None else None
    parser = _Parser(
        prog=PROG,
        description="Track work sessions. Without a command, opens the window.",
        epilog=f"WHEN is {WHEN_FORMATS}. Exit codes: 0 done, 1 nothing to act on, "
        "2 invalid input, 3 storage problem or sync server unavailable.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        type=_folder,
        metavar="DIR",
        help="data folder (default: $TRACKER_DESKTOP_DATA_DIR or the per-user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands = _OnlyCommand(subparsers, wanted)

    start = commands.add_parser("start", help="start a session (stopping a running one)")
    start.add_argument("name", nargs="*", metavar="NAME", help="what you work on")
    start.add_argument("--at", metavar="WHEN", help="when it started (default: now)")
    add_label_options(start)

    stop = commands.add_parser("stop", help="stop and save the running session")
    stop.add_argument("--at", metavar="WHEN", help="when it ended (default: now)")

    commands.add_parser("discard", help="delete the running session without saving it")

    rename = commands.add_parser("rename", help="rename the running session, or session ID")
    rename.add_argument("name", nargs="+", metavar="NAME")
    rename.add_argument("--id", type=_session_id, metavar="ID", help="a session's id")

    commands.add_parser(
        "toggle", help="stop the running session, or start one named like the most recent"
    )

    add = commands.add_parser("add", help="record a session that was never timed")
    add.add_argument("name", nargs="+", metavar="NAME")
    add.add_argument("--start", required=True, metavar="WHEN", help="when it started")
    add.add_argument("--end", required=True, metavar="WHEN", help="when it ended")
    add.add_argument("--json", action="store_true", help="print the session as JSON")
    add_label_options(add)

    edit = commands.add_parser("edit", help="correct a session's name, start or end")
    edit.add_argument("id", type=_session_id, metavar="ID")
    edit.add_argument("--name", metavar="NAME")
    edit.add_argument("--start", metavar="WHEN")
    edit.add_argument("--end", metavar="WHEN")
    edit.add_argument("--json", action="store_true", help="print the session as JSON")
    add_label_options(edit, edit=True)

    delete = commands.add_parser(
        "delete", help="delete sessions, printing each as a command that brings it back"
    )
    delete.add_argument("ids", nargs="+", type=_session_id, metavar="ID")

    continue_ = commands.add_parser(
        "continue", help="start a new session named like ID (default: the most recent)"
    )
    continue_.add_argument("id", nargs="?", type=_session_id, metavar="ID")
    continue_.add_argument("--json", action="store_true", help="print the session as JSON")
    add_label_options(continue_)

    commands.add_parser("backup", help="copy the database into the backups folder now")
    restore = commands.add_parser(
        "restore", help="restore a backup (default: the newest), keeping the current file aside"
    )
    restore.add_argument("file", nargs="?", type=Path, metavar="FILE")

    status = commands.add_parser("status", help="show the running session")
    status.add_argument("--json", action="store_true", help="print JSON")

    listing = commands.add_parser("list", help="list the sessions of a day, week or month")
    listing.add_argument(
        "--period", choices=[k.value for k in PeriodKind], default="day", help="default: day"
    )
    listing.add_argument(
        "--date",
        type=_calendar_date,
        metavar="YYYY-MM-DD",
        help="a day in the period (default: today)",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    add_filter_options(listing)

    add_catalog_commands(commands)
    add_import_command(commands)
    add_report_commands(commands)
    add_sync_commands(commands)
    if wanted is not None and not commands.found:
        return build_parser()
    return parser


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    return build_parser(argv).parse_args(argv)


def run_command(args: argparse.Namespace, *, out: TextIO | None = None) -> int:
    """Runs the command in ``args``; returns the exit code. Expected errors print one line.

    What a command prints is written once it is done: a full disk or a closed pipe
    there never turns a saved change into a crash (it is said on stderr). Only ``delete``
    writes before its commit: nothing is deleted whose record could not be written.
    """
    out = out or sys.stdout
    report = io.StringIO()
    data_dir: Path = args.data_dir or default_data_dir()
    try:
        if args.command == "restore":  # works on files, with the database closed
            _cmd_restore(data_dir, args, report)
        elif args.command == "server":  # works on a server, no data folder involved
            run_server(args, report)
        else:
            _run_on_database(data_dir, args, report, out)
    except TrackerError as error:
        warn(str(error))
        return error.exit_code
    try:
        out.write(report.getvalue())
        out.flush()
    except BrokenPipeError:
        raise  # the reader went away (`list | head -1`): see main()
    except OSError as error:
        done = "the change was saved, but " if _writes(args) else ""
        warn(f"{done}its report could not be written to standard output: {error.strerror}")
        return 0 if done else StorageError.exit_code
    return 0


def degrade_output() -> None:
    """Text a terminal's encoding cannot show (an en dash on a Latin-1 terminal, a name in
    Cyrillic under ``PYTHONIOENCODING=ascii``) comes out as replacement characters."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def warn(message: str) -> None:
    """One line on stderr; a stderr that cannot take it is not worth a traceback."""
    with contextlib.suppress(OSError):
        print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _run_on_database(data_dir: Path, args: argparse.Namespace, report: TextIO, out: TextIO) -> None:
    opener = open_storage if _writes(args) or args.command == "backup" else open_for_reading
    try:
        storage = opener(data_dir)
    except StorageError as error:
        if not error.damaged:  # a backup does not help with a full or locked disk
            raise
        raise StorageError(f"{error}{_backup_hint(data_dir)}", damaged=True) from error
    for note in storage.notes:
        warn(f"note: {note}")
    try:
        tracker = Tracker(storage)
        # Clients, projects and tags made along the way are said: before the command's
        # own lines, or on stderr when standard output carries JSON.
        created = CreatedNotes()
        if args.command in {"start", "add", "edit", "continue"}:
            tracker.changes.add(created)
        if args.command == "delete":
            _cmd_delete(tracker, args, out)
        else:
            notes_first = cast(TextIO, _NotesFirst(report, created, args))
            _COMMANDS[args.command](tracker, args, notes_first)
    finally:
        storage.close()
    if _writes(args):
        _daily_backup(data_dir, tracker)


class _NotesFirst(io.TextIOBase):
    """The command's report, with what it created written before its first line."""

    def __init__(self, report: TextIO, created: CreatedNotes, args: argparse.Namespace):
        self._report, self._created, self._json = report, created, getattr(args, "json", False)

    def write(self, text: str) -> int:
        for line in self._created.lines:
            if self._json:
                warn(f"note: {line}")
            else:
                self._report.write(f"{line}\n")
        self._created.lines.clear()
        return self._report.write(text)


# Commands that change sessions; after one, the day's backup is made if it is due.
_WRITES = frozenset(
    {"start", "stop", "discard", "rename", "toggle", "add", "edit", "delete", "continue"}
)


def _writes(args: argparse.Namespace) -> bool:
    """Whether the command changes the database (and is followed by the day's backup)."""
    if args.command in {"client", "project", "tag"}:
        return bool(args.action != "list")
    if args.command == "import":
        return not args.dry_run
    if args.command == "sync":
        return sync_writes(args)
    return args.command in _WRITES


def _daily_backup(data_dir: Path, tracker: Tracker) -> None:
    """The automatic backup also happens for people who only use the command line."""
    from tracker_desktop.core import backups  # imported by the commands that need it

    try:
        backups.daily_backup(data_dir, tracker.now(), tracker.zone)
    except (TrackerError, OSError) as error:
        # The change itself is saved: a broken backups folder only earns a warning.
        text = error.strerror if isinstance(error, OSError) else str(error)
        where = f" ({error.filename})" if isinstance(error, OSError) and error.filename else ""
        warn(f"warning: today's backup failed: {text}{where}")


def _backup_hint(data_dir: Path) -> str:
    from tracker_desktop.core.backups import newest_good_backup

    newest = newest_good_backup(data_dir)
    if newest is None:
        return ""
    return f" The newest good backup is {newest.path}; '{PROG} restore' puts it back."


def _cmd_backup(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    from tracker_desktop.core.storage import make_backup

    backup = make_backup(tracker.storage.data_dir, "manual", tracker.now())
    print(f"Backed up to {backup.path}", file=out)


def _cmd_restore(data_dir: Path, args: argparse.Namespace, out: TextIO) -> None:
    from tracker_desktop.core.backups import restore

    restored = restore(data_dir, args.file)
    print(f"Restored {restored.backup}", file=out)
    if restored.kept_aside is not None:
        print(f"The database it replaced is kept as {restored.kept_aside}", file=out)


def _when(tracker: Tracker, text: str | None, what: str) -> datetime | None:
    if text is None:
        return None
    return parse_when(text, now=tracker.now(), zone=tracker.zone, what=what)


def _name(words: list[str]) -> str:
    return " ".join(words)


def _clock(instant: datetime, zone: tzinfo) -> str:
    return instant.astimezone(zone).strftime("%H:%M")


def _cmd_start(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    switch = tracker.start(_name(args.name), _when(tracker, args.at, "--at"), labels_from(args))
    zone = tracker.zone
    if switch.stopped is not None:
        stopped = switch.stopped
        print(f"Stopped {_label(stopped)}: {_span(stopped, tracker)}", file=out)
    print(f"Started {_label(switch.started)} at {_clock(switch.started.start, zone)}", file=out)


def _cmd_stop(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    session = tracker.stop(_when(tracker, args.at, "--at"))
    print(f"Stopped {_label(session)}: {_span(session, tracker)}", file=out)


def _cmd_discard(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    session = tracker.discard()
    print(
        f"Discarded {_label(session)} (started {_clock(session.start, tracker.zone)}, "
        f"{format_duration(session.duration(tracker.now()))} not saved)",
        file=out,
    )


def _cmd_rename(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    session = tracker.rename(_name(args.name), args.id)
    print(f"Renamed session {session.id} to {_label(session)}", file=out)


def _cmd_toggle(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    stopped, switch = tracker.toggle()
    if stopped is not None:
        print(f"Stopped {_label(stopped)}: {_span(stopped, tracker)}", file=out)
    if switch is not None:
        started = switch.started
        print(f"Started {_label(started)} at {_clock(started.start, tracker.zone)}", file=out)


def _cmd_add(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    start = _when(tracker, args.start, "--start")
    end = _when(tracker, args.end, "--end")
    # Both are required arguments, so neither is None.
    assert start is not None
    assert end is not None
    session = tracker.add(_name(args.name), start, end, labels_from(args))
    _print_session(tracker, session, args.json, f"Added {_label(session)}", out)


def _cmd_edit(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    labels = labels_from(args)
    if args.name is None and args.start is None and args.end is None and labels == Labels():
        raise InvalidInputError(
            "edit: nothing to change; give --name, --start, --end, --project, --tag, "
            "--no-project, --no-tags, --billable or --not-billable"
        )
    start = _when(tracker, args.start, "--start")
    end = _when(tracker, args.end, "--end")
    session = tracker.edit(
        args.id,
        name=args.name,
        start=start,
        end=UNCHANGED if end is None else end,
        labels=labels,
    )
    _print_session(tracker, session, args.json, f"Saved {_label(session)}", out)


def _cmd_delete(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    """Deletes, printing for each session a command that records it again; written out
    before the deletion is committed, so a record that cannot be written deletes nothing."""

    def write_records(sessions: list[Session]) -> None:
        try:
            out.write("".join(f"{recreate_command(s, tracker.zone)}\n" for s in sessions))
            out.flush()
        except OSError as error:  # a full disk, a closed pipe: keep the sessions
            raise StorageError(
                "nothing was deleted: the record of what would be deleted could not be "
                f"written to standard output ({error.strerror})"
            ) from error

    tracker.delete(args.ids, before_commit=write_records)


def _cmd_continue(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    switch = tracker.continue_session(args.id, labels_from(args))
    if args.json:
        _print_json(session_json(switch.started, tracker.zone, tracker.now()), out)
        return
    if switch.stopped is not None:
        print(f"Stopped {_label(switch.stopped)}: {_span(switch.stopped, tracker)}", file=out)
    print(
        f"Continued {_label(switch.started)} at {_clock(switch.started.start, tracker.zone)}",
        file=out,
    )


def recreate_command(session: Session, zone: tzinfo) -> str:
    """A command line that records ``session`` again (``add``, or ``start`` if running)."""
    import shlex

    start = local_iso(session.start, zone)
    if session.end is None:
        words = [PROG, "start", "--at", start, *label_words(session), "--", session.name]
    else:
        words = [PROG, "add", "--start", start, "--end", local_iso(session.end, zone)]
        words += [*label_words(session), "--", session.name]
    return shlex.join(words)


def _print_session(
    tracker: Tracker, session: Session, as_json: bool, verb: str, out: TextIO
) -> None:
    if as_json:
        _print_json(session_json(session, tracker.zone, tracker.now()), out)
    else:
        print(f"{verb}: {_span(session, tracker)} [id {session.id}]", file=out)


def _cmd_status(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    session = tracker.running()
    now = tracker.now()
    if args.json:
        running = None
        if session is not None:
            running = {
                "id": session.id,
                "name": session.name,
                "start": local_iso(session.start, tracker.zone),
                "elapsed_seconds": int(session.duration(now).total_seconds()),
                **labels_json(session),
            }
        _print_json({"running": running}, out)
    elif session is None:
        print("No session is running.", file=out)
    else:
        print(
            f"Running: {_label(session)} since {_clock(session.start, tracker.zone)} "
            f"({format_duration(session.duration(now))})",
            file=out,
        )


def _cmd_list(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> None:
    day = args.date or tracker.now().astimezone(tracker.zone).date()
    report = tracker.report(PeriodKind(args.period), day, only=filter_from(args, tracker.catalog))
    if args.json:
        _print_json(report_json(report, tracker.zone), out)
    else:
        _print_report(report, tracker.zone, out)


def session_json(session: Session, zone: tzinfo, now: datetime) -> dict[str, Any]:
    """A session in the shape of a ``list --json`` entry."""
    return {
        "id": session.id,
        "name": session.name,
        "start": local_iso(session.start, zone),
        "end": None if session.end is None else local_iso(session.end, zone),
        "duration_seconds": int(session.duration(now).total_seconds()),
        **labels_json(session),
    }


def report_json(report: PeriodReport, zone: tzinfo) -> dict[str, Any]:
    period = report.period
    return {
        "period": {
            "kind": period.kind.value,
            "start": local_iso(period.start, zone),
            "end": local_iso(period.end, zone),
        },
        "sessions": [session_json(s, zone, report.now) for s in report.sessions],
        "total_seconds": int(report.total.total_seconds()),
    }


def _print_json(value: dict[str, Any], out: TextIO) -> None:
    import json

    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _label(session: Session) -> str:
    return f'"{session.name}"' if session.name else "(unnamed)"


def _span(session: Session, tracker: Tracker) -> str:
    zone = tracker.zone
    duration = format_duration(session.duration(tracker.now()))
    return f"{_clock(session.start, zone)}–{_end_text(session, zone)} ({duration})"


def _end_text(session: Session, zone: tzinfo) -> str:
    """The end as ``HH:MM``, with its date when it is not the start's day."""
    if session.end is None:
        return "running"
    start, end = session.start.astimezone(zone), session.end.astimezone(zone)
    return end.strftime("%H:%M" if end.date() == start.date() else "%Y-%m-%d %H:%M")


def period_title(period: Period) -> str:
    """``Thu 26 Nov 2026``, ``Week of Mon 23 Nov 2026``, ``November 2026``."""
    if period.kind is PeriodKind.DAY:
        return f"{period.first_day:%a %d %b %Y}"
    if period.kind is PeriodKind.WEEK:
        return f"Week {period.first_day:%a %d %b} – {period.last_day:%a %d %b %Y}"
    return f"{period.first_day:%B %Y}"


def _print_report(report: PeriodReport, zone: tzinfo, out: TextIO) -> None:
    print(period_title(report.period), file=out)
    if not report.sessions:
        print("No sessions.", file=out)
        return
    rows = [("ID", "Start", "End", "Duration", "Name")]
    for session in report.sessions:
        rows.append(
            (
                str(session.id),
                f"{session.start.astimezone(zone):%Y-%m-%d %H:%M}",
                _end_text(session, zone),
                format_duration(session.duration(report.now)),
                (session.name or "(unnamed)") + label_text(session),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print(
            f"{row[0]:>{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  "
            f"{row[3]:>{widths[3]}}  {row[4]}".rstrip(),
            file=out,
        )
    count = len(report.sessions)
    print(
        f"Total: {format_duration(report.total)} in {count} session{'s' * (count != 1)}",
        file=out,
    )


_COMMANDS = {
    "start": _cmd_start,
    "stop": _cmd_stop,
    "discard": _cmd_discard,
    "rename": _cmd_rename,
    "toggle": _cmd_toggle,
    "add": _cmd_add,
    "edit": _cmd_edit,
    "delete": _cmd_delete,
    "continue": _cmd_continue,
    "client": lambda t, a, o: run_client(t, a, o, lambda value: _print_json(value, o)),
    "project": lambda t, a, o: run_project(t, a, o, lambda value: _print_json(value, o)),
    "tag": lambda t, a, o: run_tag(t, a, o, lambda value: _print_json(value, o)),
    "import": lambda t, a, o: run_import(t, a, o, lambda value: _print_json(value, o), warn),
    "report": lambda t, a, o: run_report(t, a, o, lambda value: _print_json(value, o)),
    "export": lambda t, a, o: run_export(t, a, o, lambda value: _print_json(value, o)),
    "sync": lambda t, a, o: run_sync(t, a, o, lambda value: _print_json(value, o)),
    "backup": _cmd_backup,
    "status": _cmd_status,
    "list": _cmd_list,
}
