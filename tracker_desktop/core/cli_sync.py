"""The ``sync`` and ``server`` commands: connect a data folder to a shared PostgreSQL
server and exchange changes with it; prepare a server and add its users.

Nothing here imports psycopg or keyring until a command needs them (every other
command starts as fast as before)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, TextIO
from urllib.parse import quote

from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.formatting import local_iso
from tracker_desktop.core.service import Tracker


def add_sync_commands(commands: Any) -> None:
    """``sync setup|now|status|off`` and ``server init|add-user``."""
    sync = commands.add_parser("sync", help="share sessions with other machines through a server")
    actions = sync.add_subparsers(dest="action", metavar="ACTION", required=True)
    setup = actions.add_parser(
        "setup", help="connect this data folder to a server (postgresql://user@host/db) and sync"
    )
    setup.add_argument("url", metavar="URL")
    setup.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    now = actions.add_parser("now", help="send this folder's changes and fetch the server's")
    now.add_argument("--json", action="store_true", help="print JSON")
    status = actions.add_parser("status", help="the server, the last sync, changes waiting")
    status.add_argument("--json", action="store_true", help="print JSON")
    actions.add_parser("off", help="disconnect this folder from its server (local data stays)")

    server = commands.add_parser("server", help="prepare a PostgreSQL server for sync")
    server_actions = server.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = server_actions.add_parser(
        "init", help="prepare the database at URL (as its administrator); safe to repeat"
    )
    init.add_argument("url", metavar="URL")
    _admin_password_option(init)
    add_user = server_actions.add_parser("add-user", help="add a person who may sync")
    add_user.add_argument("url", metavar="URL")
    add_user.add_argument("name", metavar="NAME")
    add_user.add_argument(
        "--manager", action="store_true", help="may also read everyone's sessions"
    )
    add_user.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the new password from standard input (after the administrator's)",
    )
    _admin_password_option(add_user)


def _admin_password_option(parser: Any) -> None:
    parser.add_argument(
        "--admin-password-stdin",
        action="store_true",
        help="read the administrator's password from standard input (else the URL, "
        "PGPASSWORD or ~/.pgpass)",
    )


def sync_writes(args: argparse.Namespace) -> bool:
    return bool(args.action != "status")


def _password(args: argparse.Namespace, prompt: str, *, required: bool) -> str | None:
    """From standard input (--password-stdin), a prompt on a terminal, or none."""
    if getattr(args, "password_stdin", False):
        return _stdin_line("--password-stdin")
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt) or None
    if required:
        raise InvalidInputError("give the password with --password-stdin", field="password")
    return None


def _stdin_line(option: str) -> str:
    """One password line of standard input (``option`` names the flag that asked)."""
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise InvalidInputError(f"{option}: standard input gave no password", field="password")
    return line


def run_server(args: argparse.Namespace, out: TextIO) -> None:
    """``server init`` and ``server add-user`` (no local data folder involved)."""
    from tracker_desktop.core.sync import engine
    from tracker_desktop.core.sync.connection import parse_url

    url = parse_url(args.url)
    admin = _stdin_line("--admin-password-stdin") if args.admin_password_stdin else None
    if args.action == "init":
        before, after = engine.server_init(args.url, admin)
        if before == after:
            print(f"{url.shown} is ready for sync (server schema {after})", file=out)
        else:
            print(f"Prepared {url.shown} for sync (server schema {before} → {after})", file=out)
        return
    # None keeps an existing user's password (the server refuses a new user without one).
    secret = _password(args, f"Password for {args.name} (empty keeps a user's): ", required=False)
    new = engine.add_user(args.url, admin, args.name, secret, manager=args.manager)
    role = "manager" if args.manager else "user"
    verb = "Added" if new else "Updated"
    theirs = url.shown.replace(
        f"//{quote(url.user, safe='')}@", f"//{quote(args.name, safe='')}@", 1
    )
    print(f"{verb} the {role} {args.name}; they connect with {theirs}", file=out)


def run_sync(
    tracker: Tracker,
    args: argparse.Namespace,
    out: TextIO,
    print_json: Callable[[dict[str, Any]], None],
) -> None:
    from tracker_desktop.core import sync

    if args.action == "status":
        status = sync.sync_status(tracker)
        last = local_iso(status.last_sync, tracker.zone) if status.last_sync else None
        if args.json:
            print_json(
                {
                    "configured": status.configured,
                    "server": status.server,
                    "last_sync": last,
                    "pending_changes": status.pending_changes,
                }
            )
        elif not status.configured:
            print("Sync is not set up (see 'sync setup')", file=out)
        else:
            when = f"last synced {last}" if last else "never synced"
            print(f"Syncing with {status.server}: {when}; ", end="", file=out)
            print(f"{status.pending_changes} changes waiting", file=out)
        return
    if args.action == "off":
        status = sync.sync_status(tracker)
        sync.disconnect(tracker)
        if status.configured:
            print(
                f"Disconnected from {status.server}; local data stays. The password stays "
                "in the system keyring (other folders may sync with it).",
                file=out,
            )
        else:
            print("Sync was not set up", file=out)
        return
    password = None
    if args.action == "setup":
        from tracker_desktop.core.sync.connection import parse_url

        url = parse_url(args.url)
        if url.password is None:
            password = _password(args, f"Password for {url.user} on {url.shown}: ", required=False)
        sync.connect(tracker, args.url, password)
        print(f"Connected to {url.shown}", file=out)
    result = sync.sync_now(tracker, password=password)
    if getattr(args, "json", False):
        print_json({"pushed": result.pushed, "pulled": result.pulled, "notices": result.notices})
        return
    for notice in result.notices:
        print(notice, file=out)
    print(f"Synced: sent {result.pushed}, received {result.pulled}", file=out)
