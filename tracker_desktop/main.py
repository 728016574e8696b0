"""The ``tracker-desktop`` entry point: a CLI command, or the window when none is given."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tracker_desktop.core.reports import ReportFilter, ReportRange
    from tracker_desktop.core.service import Tracker

SELF_TEST_FLAG = "--self-test"


def _render_pdf(tracker: Tracker, span: ReportRange, only: ReportFilter) -> bytes:
    """``export --format pdf``'s timesheet: Qt is loaded only now, offscreen, as the one
    command that draws (the core itself never imports Qt)."""
    try:
        from tracker_desktop.ui.timesheet_pdf import render_offscreen
    except ImportError as error:  # a system without Qt's libraries (libEGL and friends)
        from tracker_desktop.core.errors import StorageError

        raise StorageError(
            f"--format pdf: Qt, which draws PDFs, cannot be loaded: {error}"
        ) from error
    return render_offscreen(tracker, span, only)


def _window_request(arguments: list[str]) -> Path | Literal[""] | None:
    """For the launches that open the window (no arguments, or only ``--data-dir DIR``):
    the folder, or "" for the default one. None for anything else, which the command
    parser handles (and explains when wrong)."""
    if not arguments:
        return ""
    if len(arguments) == 2 and arguments[0] == "--data-dir" and arguments[1]:
        folder = arguments[1]
    elif len(arguments) == 1 and arguments[0].startswith("--data-dir=") and arguments[0][11:]:
        folder = arguments[0][11:]
    else:
        return None
    # "--data-dir --help" and the like are the parser's to answer.
    return None if folder.startswith("-") else Path(folder)


def main(argv: list[str] | None = None) -> int:
    """Runs ``tracker-desktop`` with ``argv`` (default: the process arguments)."""
    # Everything this process creates (database, log, settings, lock) is the user's alone.
    from tracker_desktop.core import files  # the storage layer loads it anyway

    files.keep_private()
    arguments = sys.argv[1:] if argv is None else argv
    if arguments == [SELF_TEST_FLAG]:
        # Not a command: a check of the installed build on throw-away data (needs Qt).
        from tracker_desktop.ui.self_test import run_self_test

        return run_self_test()

    window_folder = _window_request(arguments)
    if window_folder is not None:
        # The window's own launch skips the command parser (and the modules behind
        # it): it is on the start-up path users wait through. The core goes in before Qt:
        # PySide6 reads the source of each module imported after it (looking for
        # "from __feature__ import"), and linecache keeps all it read.
        import tracker_desktop.core.service  # noqa: F401
        from tracker_desktop.ui.app import run_gui

        return run_gui(window_folder or None)

    from tracker_desktop.core.cli import degrade_output, parse_arguments, run_command
    from tracker_desktop.core.cli_report import set_pdf_renderer

    degrade_output()
    set_pdf_renderer(_render_pdf)
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
