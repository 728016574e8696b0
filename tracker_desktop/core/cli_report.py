"""The command line's ``report`` and ``export``: ranges, groupings, filters and rounding
in; a text table, JSON or CSV out, to standard output or written atomically to a file.

The PDF timesheet is drawn with Qt, which the core never imports: the entry point
(``tracker_desktop.main``) hands a renderer to ``set_pdf_renderer``, and ``export
--format pdf`` exists only once it has.
"""

from __future__ import annotations

import argparse
import csv
import os
from collections.abc import Callable
from datetime import datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, TextIO

from tracker_desktop.core import files
from tracker_desktop.core.errors import InvalidInputError, StorageError
from tracker_desktop.core.formatting import format_duration, local_iso
from tracker_desktop.core.money import amount_text, rate_seconds
from tracker_desktop.core.pricing import Pricing
from tracker_desktop.core.reports import (
    GROUPINGS,
    NO_ROUNDING,
    Group,
    Report,
    ReportFilter,
    ReportRange,
    days_range,
    make_report,
    parse_grouping,
    parse_rounding,
    range_of_last,
    range_of_period,
)
from tracker_desktop.core.service import Session, Tracker
from tracker_desktop.core.spreadsheet import safe_cell

Printer = Callable[[dict[str, Any]], None]
# A PDF timesheet of a range's sessions that a filter keeps, as the bytes of the file.
PdfRenderer = Callable[[Tracker, ReportRange, ReportFilter], bytes]
CSV_COLUMNS = (
    "id", "start", "end", "duration_seconds", "name", "project", "client", "tags",
    "billable", "rate", "currency", "amount",
)  # fmt: skip


_pdf_renderer: PdfRenderer | None = None


def set_pdf_renderer(renderer: PdfRenderer | None) -> None:
    """Makes ``export --format pdf`` draw with ``renderer`` (None: no PDF format)."""
    global _pdf_renderer
    _pdf_renderer = renderer


def export_formats() -> list[str]:
    """The formats ``export`` writes here: CSV and JSON always, PDF once a renderer is
    set."""
    return ["csv", "json"] if _pdf_renderer is None else ["csv", "json", "pdf"]


def add_range_options(parser: argparse.ArgumentParser) -> None:
    """``--period P [--date D]``, ``--from D --to D`` or ``--last 7d|30d|24h``, and the
    filters ``--project P [--client C]``, ``--client C``, ``--tag T``, ``--billable-only``."""
    parser.add_argument(
        "--period", choices=["day", "week", "month", "year"], help="default: this month"
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="a day in the period (default today)")
    parser.add_argument("--from", dest="first_day", metavar="YYYY-MM-DD", help="first day")
    parser.add_argument("--to", dest="last_day", metavar="YYYY-MM-DD", help="last day (included)")
    parser.add_argument("--last", dest="recent", metavar="7d|30d|24h", help="the last days/hours")
    parser.add_argument("--project", metavar="P", help="only this project")
    parser.add_argument("--client", metavar="C", help="only this client (or with --project)")
    parser.add_argument("--tag", metavar="T", help="only sessions with this tag")
    parser.add_argument("--billable-only", action="store_true", help="only billable time")


def add_report_commands(commands: Any) -> None:
    report = commands.add_parser("report", help="time and money of a range, grouped")
    add_range_options(report)
    report.add_argument(
        "--by", default="project", metavar="F1[,F2]", help=f"group by ({', '.join(GROUPINGS)})"
    )
    report.add_argument(
        "--rounding", default="none", metavar="MODE", help="none, or up|nearest|down:MINUTES"
    )
    output = report.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON")
    output.add_argument("--csv", action="store_true", help="print CSV")

    export = commands.add_parser("export", help="the sessions of a range as CSV, JSON or PDF")
    add_range_options(export)
    export.add_argument("--format", choices=export_formats(), default="csv")
    export.add_argument("--output", type=Path, metavar="FILE", help="default: standard output")
    export.add_argument("--force", action="store_true", help="replace an existing FILE")


def _day(text: str, what: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(f"{what}: {text!r} is not a date (YYYY-MM-DD)") from None


def range_from(args: argparse.Namespace, tracker: Tracker) -> ReportRange:
    """The range the options ask for (default: this month)."""
    zone = tracker.zone
    chosen = [name for name in ("period", "first_day", "recent") if getattr(args, name) is not None]
    if len(chosen) > 1 or (args.date is not None and args.period is None):
        raise InvalidInputError(
            "give one of --period [--date], --from/--to or --last (--date goes with --period)"
        )
    if (args.first_day is None) != (args.last_day is None):
        raise InvalidInputError("--from and --to go together")
    if args.first_day is not None:
        return days_range(_day(args.first_day, "--from"), _day(args.last_day, "--to"), zone)
    if args.recent is not None:
        return range_of_last(args.recent, tracker.now(), zone)
    today = tracker.now().astimezone(zone).date()
    day = _day(args.date, "--date") if args.date else today
    return range_of_period(args.period or "month", day, zone, tracker.catalog.week_start())


def filter_from(args: argparse.Namespace, tracker: Tracker) -> ReportFilter:
    catalog = tracker.catalog
    projects = client = None
    if args.project is not None:
        projects = (catalog.find_project(args.project, args.client).id,)
    elif args.client is not None:
        client = catalog.find_client(args.client).id
    return ReportFilter(projects, client, args.tag, args.billable_only)


# -- report -----------------------------------------------------------------------------------


def run_report(
    tracker: Tracker, args: argparse.Namespace, out: TextIO, print_json: Printer
) -> None:
    grouping = parse_grouping(args.by)
    rounding = parse_rounding(args.rounding)
    report = make_report(
        tracker, range_from(args, tracker), grouping, filter_from(args, tracker), rounding
    )
    if args.json:
        print_json(report_json(report))
    elif args.csv:
        _report_csv(report, out)
    else:
        _report_text(report, out)


def _amounts(earned: dict[str, Decimal]) -> list[dict[str, str]]:
    return [
        {"currency": currency, "amount": amount_text(value, currency)}
        for currency, value in sorted(earned.items())
        if amount_text(value, currency).strip("0.") != ""
    ]


def _group_json(group: Group) -> dict[str, Any]:
    found: dict[str, Any] = {"by": group.by, "key": group.key}
    if group.by == "project":
        found["client"] = group.client
    found.update(
        total_seconds=group.total_seconds,
        billable_seconds=group.billable_seconds,
        amounts=_amounts(group.earned),
    )
    if group.groups:
        found["groups"] = [_group_json(child) for child in group.groups]
    return found


def report_json(report: Report) -> dict[str, Any]:
    return {
        "from": report.range.first_day.isoformat(),
        "to": report.range.last_day.isoformat(),
        "rounding": report.rounding.label,
        "total_seconds": report.total_seconds,
        "billable_seconds": report.billable_seconds,
        "amounts": _amounts(report.earned),
        "groups": [_group_json(group) for group in report.groups],
    }


def _label(group: Group) -> str:
    if group.key is None:
        return {"client": "(no client)", "project": "(no project)", "tag": "(no tag)"}.get(
            group.by, "(unnamed)"
        )
    if group.by == "project" and group.client:
        return f"{group.client} ▸ {group.key}"
    return group.key


def _money_text(earned: dict[str, Decimal]) -> str:
    return ", ".join(f"{a['amount']} {a['currency']}" for a in _amounts(earned))


def _report_text(report: Report, out: TextIO) -> None:
    span = report.range
    rounding = "" if report.rounding == NO_ROUNDING else f" (rounding {report.rounding.label})"
    print(f"Report {span.first_day} – {span.last_day}{rounding}", file=out)
    rows: list[tuple[str, str, str, str]] = []
    for group in report.groups:
        rows.append(_text_row(_label(group), group))
        rows.extend(_text_row(f"  {_label(child)}", child) for child in group.groups)
    if not rows:
        print("No sessions.", file=out)
        return
    heading = (report.grouping[0].capitalize(), "Time", "Billable", "Amount")
    total = (
        "Total",
        format_duration_s(report.total_seconds),
        format_duration_s(report.billable_seconds),
        _money_text(report.earned),
    )
    widths = [max(len(row[i]) for row in [heading, *rows, total]) for i in range(4)]
    for name, time, billable, money in [heading, *rows, total]:
        line = f"{name:<{widths[0]}}  {time:>{widths[1]}}  {billable:>{widths[2]}}  {money}"
        print(line.rstrip(), file=out)


def format_duration_s(seconds: int) -> str:
    from datetime import timedelta

    return format_duration(timedelta(seconds=seconds))


def _text_row(label: str, group: Group) -> tuple[str, str, str, str]:
    return (
        label,
        format_duration_s(group.total_seconds),
        format_duration_s(group.billable_seconds),
        _money_text(group.earned),
    )


def _report_csv(report: Report, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*report.grouping, "total_seconds", "billable_seconds", "currency", "amount"])

    def emit(keys: list[str], group: Group) -> None:
        amounts = _amounts(group.earned) or [{"currency": "", "amount": ""}]
        for amount in amounts:
            cells = [safe_cell(key) for key in keys]
            totals = [group.total_seconds, group.billable_seconds]
            writer.writerow([*cells, *totals, amount["currency"], amount["amount"]])

    for group in report.groups:
        if not group.groups:
            emit([_label(group)], group)
        for child in group.groups:
            emit([_label(group), _label(child)], child)


# -- export -----------------------------------------------------------------------------------


def run_export(
    tracker: Tracker, args: argparse.Namespace, out: TextIO, print_json: Printer
) -> None:
    span = range_from(args, tracker)
    only = filter_from(args, tracker)
    if args.format == "pdf":
        if args.output is None:
            raise InvalidInputError("--output: a PDF is written to a file (--output FILE)")
        _refuse_existing(args.output, args.force)  # before the time drawing it takes
        assert _pdf_renderer is not None  # "pdf" is a choice only with a renderer
        pdf = _pdf_renderer(tracker, span, only)
        write_atomically(args.output, args.force, lambda stream: stream.write(pdf), binary=True)
        print(f"Wrote {args.output}", file=out)
        return

    def write(stream: TextIO) -> None:
        (export_json_to if args.format == "json" else export_csv)(tracker, span, only, stream)

    if args.output is None:
        write(out)
        return
    write_atomically(args.output, args.force, write)
    print(f"Wrote {args.output}", file=out)


def export_csv(tracker: Tracker, span: ReportRange, only: ReportFilter, out: TextIO) -> int:
    """One RFC 4180 row per session overlapping ``span`` (oldest first): its part inside the
    range, its rate and amount. Returns the number of sessions."""
    pricing = tracker.catalog.pricing()
    now = tracker.now()
    sessions = [
        s
        for s in reversed(tracker.sessions_between(span.start, span.end, only.sessions))
        if s.billable or not only.billable_only
    ]
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for session in sessions:
        writer.writerow(_csv_row(session, span, pricing, now, tracker.zone))
    return len(sessions)


def export_json_to(tracker: Tracker, span: ReportRange, only: ReportFilter, out: TextIO) -> None:
    """The JSON export (``core/json_export.py``: everything an import needs) of the
    sessions overlapping ``span`` that ``only`` keeps."""
    from tracker_desktop.core.json_export import export_json, write_json

    document = export_json(
        tracker,
        span.first_day,
        span.last_day,
        only.sessions,
        billable_only=only.billable_only,
        between=(span.start, span.end),
    )
    write_json(document, out)


def _csv_row(
    session: Session, span: ReportRange, pricing: Pricing, now: datetime, zone: tzinfo
) -> list[Any]:
    """A session's export row: its part inside the range, and what that part earns."""
    seconds = int(session.time_within(span.start, span.end, now).total_seconds())
    project = session.project
    price = pricing.of(project.id if project else None)
    rate = price.rate
    earns = session.billable and rate is not None
    return [
        session.id,
        local_iso(session.start, zone),
        "" if session.end is None else local_iso(session.end, zone),
        seconds,
        safe_cell(session.name),
        safe_cell(project.name) if project else "",
        safe_cell(project.client or "") if project else "",
        safe_cell(", ".join(session.tags)),
        "true" if session.billable else "false",
        "" if rate is None else format(rate, "f"),
        price.currency if earns else "",
        amount_text(rate_seconds(seconds, rate), price.currency) if earns and rate else "",
    ]


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise InvalidInputError(f"--output: {path} exists; --force replaces it")
    if path.exists() and not path.is_file():
        raise InvalidInputError(f"--output: {path} is not a regular file")


def write_atomically(
    path: Path, force: bool, write: Callable[[Any], Any], *, binary: bool = False
) -> None:
    """Writes ``path`` whole or not at all: into a new file beside it, then renamed over
    it; an existing ``path`` is replaced only with ``force``. ``write`` gets a UTF-8 text
    stream, or a binary one with ``binary``."""
    _refuse_existing(path, force)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        descriptor = files.create_exclusive(partial, files.shared_file_mode())
        if hasattr(os, "fchmod"):  # the process's own umask (077) is not the user's
            os.fchmod(descriptor, files.shared_file_mode())
        stream: IO[Any]
        if binary:
            stream = os.fdopen(descriptor, "wb")
        else:
            stream = os.fdopen(descriptor, "w", encoding="utf-8", newline="")
        with stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    except OSError as error:
        raise StorageError(f"cannot write {path}: {error.strerror or error}") from error
    finally:
        partial.unlink(missing_ok=True)
