"""The ``tracker-desktop`` entry point: a CLI command, or the window when none is given."""

from __future__ import annotations

import os
import sys

SELF_TEST_FLAG = "--self-test"


def main(argv: list[str] | None = None) -> int:
    """Runs ``tracker-desktop`` with ``argv`` (default: the process arguments)."""
    # Everything this process creates (database, log, settings, lock) is the user's alone.
    os.umask(0o077)
    arguments = sys.argv[1:] if argv is None else argv
    if arguments == [SELF_TEST_FLAG]:
        # Not a command: a check of the installed build on throw-away data (needs Qt).
        from tracker_desktop.ui.self_test import run_self_test

        return run_self_test()

    from tracker_desktop.core.cli import parse_arguments, run_command

    try:
        args = parse_arguments(arguments)
    except SystemExit as exit_:  # --help, --version, bad arguments
        return exit_.code if isinstance(exit_.code, int) else 2
    if args.command is None:
        # Qt is imported only here, so CLI commands start fast and never need a display.
        from tracker_desktop.ui.app import run_gui

        return run_gui(args.data_dir)
    try:
        return run_command(args)
    except BrokenPipeError:
        # The reader went away (`tracker-desktop list | head -1`): not an error of ours.
        # Point stdout at nothing so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
