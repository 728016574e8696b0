"""The command line's clients, projects and tags: the ``client``, ``project`` and ``tag``
commands, the label options of the session commands, and what their output says of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TextIO

from tracker_desktop.core.catalog import Catalog, ClientInfo, ProjectInfo, ProjectName
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.history import Change
from tracker_desktop.core.money import MINOR_UNITS, parse_rate
from tracker_desktop.core.service import Labels, Session, SessionFilter, Tracker
from tracker_desktop.core.writes import UNCHANGED, _Unchanged

Printer = Callable[[dict[str, Any]], None]


# -- options of the session commands ----------------------------------------------------------


def add_label_options(parser: argparse.ArgumentParser, *, edit: bool = False) -> None:
    """``--project P [--client C]``, ``--tag T`` (repeatable), ``--billable`` /
    ``--not-billable``; on ``edit`` also ``--no-project`` and ``--no-tags``."""
    parser.add_argument("--project", metavar="P", help="its project (made if new)")
    parser.add_argument("--client", metavar="C", help="the project's client (made if new)")
    parser.add_argument(
        "--tag",
        action="append",
        metavar="T",
        dest="tags",
        help="a tag (repeatable; made if new)" + ("; replaces its tags" if edit else ""),
    )
    billable = parser.add_mutually_exclusive_group()
    billable.add_argument("--billable", action="store_true", default=None, help="billable")
    billable.add_argument(
        "--not-billable", action="store_false", dest="billable", help="not billable"
    )
    if edit:
        parser.add_argument("--no-project", action="store_true", help="take its project off")
        parser.add_argument("--no-tags", action="store_true", help="take its tags off")


def labels_from(args: argparse.Namespace) -> Labels:
    """The labels the session options ask for."""
    if args.client is not None and args.project is None:
        raise InvalidInputError("--client: give it with --project (the project's client)")
    if getattr(args, "no_project", False) and args.project is not None:
        raise InvalidInputError("--no-project: not together with --project")
    if getattr(args, "no_tags", False) and args.tags:
        raise InvalidInputError("--no-tags: not together with --tag")
    project: int | ProjectName | _Unchanged | None = UNCHANGED
    if args.project is not None:
        project = ProjectName(args.project, args.client)
    elif getattr(args, "no_project", False):
        project = None
    tags: tuple[str, ...] | None = tuple(args.tags) if args.tags else None
    if getattr(args, "no_tags", False):
        tags = ()
    return Labels(project, tags, args.billable)


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", metavar="P", help="only this project's sessions")
    parser.add_argument("--client", metavar="C", help="only this client's (or with --project)")
    parser.add_argument("--tag", metavar="T", help="only sessions with this tag")


def filter_from(args: argparse.Namespace, catalog: Catalog) -> SessionFilter:
    project_ids = None
    client_id = None
    if args.project is not None:
        project_ids = (catalog.find_project(args.project, args.client).id,)
    elif args.client is not None:
        client_id = catalog.find_client(args.client).id
    return SessionFilter(project_ids, client_id, args.tag)


def label_words(session: Session) -> list[str]:
    """The options that give a new session ``session``'s labels (for ``delete``'s record)."""
    words = []
    if session.project is not None:
        words += ["--project", session.project.name]
        if session.project.client is not None:
            words += ["--client", session.project.client]
    for tag in session.tags:
        words += ["--tag", tag]
    if not session.billable:
        words.append("--not-billable")
    return words


def labels_json(session: Session) -> dict[str, Any]:
    """The labels of a session in its JSON object."""
    project = session.project
    return {
        "project": None
        if project is None
        else {"name": project.name, "client": project.client, "color": project.color},
        "tags": list(session.tags),
        "billable": session.billable,
    }


def label_text(session: Session) -> str:
    """`` (Acme ▸ Website) #design`` after a session's name in text output."""
    text = f" ({session.project.label})" if session.project else ""
    text += "".join(f" #{tag}" for tag in session.tags)
    return text + ("" if session.billable else " [not billable]")


class CreatedNotes:
    """Says which clients, projects and tags a command made along the way."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, change: Change) -> None:
        existed = {row.key for row in change.before}
        for row in change.after:
            if row.key in existed or row.table not in {"client", "project", "tag"}:
                continue
            name = row.as_dict()["name"]
            self.lines.append(f"Created {row.table} “{name}”")


# -- client, project, tag -----------------------------------------------------------------


def _rate(text: str) -> Decimal:
    try:
        return parse_rate(text)
    except InvalidInputError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("--rate: ")) from None


def add_catalog_commands(commands: Any) -> None:
    """The ``client``, ``project`` and ``tag`` commands, each with its actions."""
    client = commands.add_parser("client", help="add, change, archive or list clients")
    actions = client.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a client")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--rate", type=_rate, metavar="AMOUNT", help="hourly rate")
    add.add_argument("--currency", metavar="CODE", help="ISO 4217 code (default: your default)")
    edit = actions.add_parser("edit", help="rename a client or change its rate or currency")
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("--name", dest="new_name", metavar="NEW")
    rate = edit.add_mutually_exclusive_group()
    rate.add_argument("--rate", type=_rate, metavar="AMOUNT")
    rate.add_argument("--no-rate", action="store_true", help="no rate of its own")
    edit.add_argument("--currency", metavar="CODE")
    for action in ("archive", "unarchive"):
        archive = actions.add_parser(action, help=f"{action} a client (hidden from pickers)")
        archive.add_argument("name", metavar="NAME")
    listing = actions.add_parser("list", help="list clients")
    listing.add_argument("--all", action="store_true", help="archived ones too")
    listing.add_argument("--json", action="store_true", help="print JSON")

    project = commands.add_parser("project", help="add, change, archive, delete or list projects")
    actions = project.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a project")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--client", metavar="C", help="its client (made if new)")
    add.add_argument("--rate", type=_rate, metavar="AMOUNT", help="hourly rate")
    add.add_argument("--color", metavar="#RRGGBB", help="its colour (default: the next one)")
    add.add_argument("--not-billable", action="store_true", help="new sessions not billable")
    edit = actions.add_parser("edit", help="change a project")
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("--client", metavar="C", help="which project, when several share NAME")
    edit.add_argument("--name", dest="new_name", metavar="NEW")
    owner = edit.add_mutually_exclusive_group()
    owner.add_argument("--set-client", metavar="C2", help="move it to client C2")
    owner.add_argument("--no-client", action="store_true", help="take it from its client")
    rate = edit.add_mutually_exclusive_group()
    rate.add_argument("--rate", type=_rate, metavar="AMOUNT")
    rate.add_argument("--no-rate", action="store_true", help="inherit the client's rate")
    edit.add_argument("--color", metavar="#RRGGBB")
    billable = edit.add_mutually_exclusive_group()
    billable.add_argument("--billable", action="store_true", default=None)
    billable.add_argument("--not-billable", action="store_false", dest="billable")
    for action in ("archive", "unarchive"):
        archive = actions.add_parser(action, help=f"{action} a project (hidden from pickers)")
        archive.add_argument("name", metavar="NAME")
        archive.add_argument("--client", metavar="C")
    delete = actions.add_parser("delete", help="delete a project")
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--client", metavar="C")
    delete.add_argument("--move-sessions-to", metavar="P", help="project its sessions move to")
    delete.add_argument("--to-client", metavar="C2", help="the client of that project")
    listing = actions.add_parser("list", help="list projects")
    listing.add_argument("--all", action="store_true", help="archived ones too")
    listing.add_argument("--json", action="store_true", help="print JSON")

    tag = commands.add_parser("tag", help="list, rename or delete tags")
    actions = tag.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list tags with their session counts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    rename = actions.add_parser("rename", help="rename a tag (merging into NEW if it exists)")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    delete = actions.add_parser("delete", help="delete a tag, taking it off its sessions")
    delete.add_argument("name", metavar="NAME")


def _rate_json(rate: Decimal | None, currency: str) -> str | None:
    if rate is None:
        return None
    digits = MINOR_UNITS.get(currency, 2)
    text = format(rate, "f")
    decimals = len(text.partition(".")[2])
    return format(rate, f".{max(decimals, digits)}f")


def run_client(
    tracker: Tracker, args: argparse.Namespace, out: TextIO, print_json: Printer
) -> None:
    catalog = tracker.catalog
    if args.action == "list":
        default = catalog.default_currency()
        clients = catalog.clients(archived=args.all)
        if args.json:
            print_json({"clients": [_client_json(c, default) for c in clients]})
        else:
            for client in clients:
                print(_client_line(client, default), file=out)
            if not clients:
                print("No clients.", file=out)
        return
    if args.action == "add":
        added = catalog.add_client(args.name, args.rate, args.currency)
        print(f"Added client “{added.name}”", file=out)
        return
    found = catalog.find_client(args.name)
    if args.action == "edit":
        rate: Decimal | _Unchanged | None = UNCHANGED
        if args.no_rate:
            rate = None
        elif args.rate is not None:
            rate = args.rate
        currency = UNCHANGED if args.currency is None else args.currency
        if args.new_name is None and isinstance(rate, _Unchanged) and args.currency is None:
            raise InvalidInputError(
                "client edit: nothing to change; give --name, --rate or --currency"
            )
        edited = catalog.edit_client(found.id, name=args.new_name, rate=rate, currency=currency)
        print(f"Saved client “{edited.name}”", file=out)
    else:
        edited = catalog.edit_client(found.id, archived=args.action == "archive")
        print(f"{args.action.capitalize()}d client “{edited.name}”", file=out)


def _client_json(client: ClientInfo, default: str) -> dict[str, Any]:
    currency = client.currency or default
    return {
        "name": client.name,
        "rate": _rate_json(client.rate, currency),
        "currency": currency,
        "archived": client.archived,
    }


def _client_line(client: ClientInfo, default: str) -> str:
    currency = client.currency or default
    rate = f"  {_rate_json(client.rate, currency)} {currency}/h" if client.rate else ""
    return f"{client.name}{rate}{'  (archived)' if client.archived else ''}"


def run_project(
    tracker: Tracker, args: argparse.Namespace, out: TextIO, print_json: Printer
) -> None:
    catalog = tracker.catalog
    if args.action == "list":
        pricing = catalog.pricing()
        projects = catalog.projects(archived=args.all)
        if args.json:
            print_json(
                {"projects": [_project_json(p, pricing.of(p.id).currency) for p in projects]}
            )
        else:
            for project in projects:
                print(_project_line(project, pricing.of(project.id).currency), file=out)
            if not projects:
                print("No projects.", file=out)
        return
    if args.action == "add":
        added = catalog.add_project(
            args.name,
            args.client,
            color=args.color,
            rate=args.rate,
            billable=not args.not_billable,
        )
        print(f"Added project “{added.label}”", file=out)
        return
    found = catalog.find_project(args.name, args.client)
    if args.action == "edit":
        _edit_project(catalog, found, args, out)
    elif args.action == "delete":
        target = None
        if args.move_sessions_to is not None:
            target = catalog.find_project(args.move_sessions_to, args.to_client).id
        elif args.to_client is not None:
            raise InvalidInputError("--to-client: give it with --move-sessions-to")
        moved = catalog.delete_project(found.id, target)
        where = f"; {moved} session(s) moved to “{args.move_sessions_to}”" if moved else ""
        print(f"Deleted project “{found.label}”{where}", file=out)
    else:
        edited = catalog.edit_project(found.id, archived=args.action == "archive")
        print(f"{args.action.capitalize()}d project “{edited.label}”", file=out)


def _edit_project(
    catalog: Catalog, found: ProjectInfo, args: argparse.Namespace, out: TextIO
) -> None:
    client: str | _Unchanged | None = UNCHANGED
    if args.no_client:
        client = None
    elif args.set_client is not None:
        client = args.set_client
    rate: Decimal | _Unchanged | None = UNCHANGED
    if args.no_rate:
        rate = None
    elif args.rate is not None:
        rate = args.rate
    if (
        args.new_name is None
        and isinstance(client, _Unchanged)
        and isinstance(rate, _Unchanged)
        and args.color is None
        and args.billable is None
    ):
        raise InvalidInputError(
            "project edit: nothing to change; give --name, --set-client, --no-client, --rate, "
            "--no-rate, --color, --billable or --not-billable"
        )
    edited = catalog.edit_project(
        found.id,
        name=args.new_name,
        client=client,
        color=args.color,
        rate=rate,
        billable=args.billable,
    )
    print(f"Saved project “{edited.label}”", file=out)


def _project_json(project: ProjectInfo, currency: str) -> dict[str, Any]:
    return {
        "name": project.name,
        "client": project.client,
        "color": project.color,
        "rate": _rate_json(project.rate, currency),
        "currency": currency,
        "billable": project.billable,
        "archived": project.archived,
    }


def _project_line(project: ProjectInfo, currency: str) -> str:
    rate = f"  {_rate_json(project.rate, currency)} {currency}/h" if project.rate else ""
    flags = ("" if project.billable else "  (not billable)") + (
        "  (archived)" if project.archived else ""
    )
    return f"{project.color}  {project.label}{rate}{flags}"


def run_tag(tracker: Tracker, args: argparse.Namespace, out: TextIO, print_json: Printer) -> None:
    catalog = tracker.catalog
    if args.action == "list":
        tags = catalog.tags()
        if args.json:
            print_json({"tags": [{"name": t.name, "sessions": t.sessions} for t in tags]})
        else:
            for tag in tags:
                print(f"{tag.name}  ({tag.sessions} session{'s' * (tag.sessions != 1)})", file=out)
            if not tags:
                print("No tags.", file=out)
    elif args.action == "rename":
        renamed = catalog.rename_tag(args.old, args.new)
        print(f"Tag “{args.old}” is now “{renamed.name}” ({renamed.sessions} sessions)", file=out)
    else:
        count = catalog.delete_tag(args.name)
        print(f"Deleted tag “{args.name}” (it was on {count} sessions)", file=out)
