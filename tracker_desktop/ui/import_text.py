"""The Import dialog's words: counts in the locale's digits, names shortened, dates, and
the core's messages said with the dialog's controls instead of the command line's options."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale

from tracker_desktop.core.cli_import import FORMAT_NAMES
from tracker_desktop.core.importing import ImportSummary

NAMES_SHOWN = 3  # new clients, projects or tags named before "and N more"


def count_text(number: int) -> str:
    """A count in the locale's digits, grouped ("1,234" where the locale has no say)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return f"{number:,}"
    return locale.toString(number)


def sessions_text(number: int) -> str:
    """ "1 session", "1,234 sessions"."""
    return f"{count_text(number)} session{'s' * (number != 1)}"


def names_text(names: tuple[str, ...]) -> str:
    """ "None", or "3: Acme, Globex, Initech", the first few and how many more."""
    if not names:
        return "None"
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return f"{count_text(len(names))}: {shown}" + (
        f" and {count_text(more)} more" if more > 0 else ""
    )


def imported_note(summary: ImportSummary) -> str:
    """What the window says after an import, e.g. "Imported 1,234 sessions from Watson
    frames (12 skipped as already imported)"."""
    source = summary.path.name
    if summary.format != "json":
        source = f"{FORMAT_NAMES[summary.format]} {source}"
    note = f"Imported {sessions_text(summary.imported)} from {source}"
    if summary.skipped:
        note += f" ({count_text(summary.skipped)} skipped as already imported)"
    return note


def for_window(message: str) -> str:
    """A core message, with the command line's options said as the dialog's controls."""
    message = re.sub(r"give --format \(.*?\)", "choose it under Format", message)
    message = message.replace(" (--timezone to change)", "")
    message = message.replace(" in localtime", " in this computer's time zone")
    return message.replace("; --dry-run lists them", "").replace("--timezone", "Time zone")


def sentence(note: str) -> str:
    """A reader's note ("dates read as DD/MM/YYYY") as the dialog says it."""
    note = for_window(note)
    return f"{note[:1].upper()}{note[1:]}."


def dates_text(summary: ImportSummary) -> str:
    """ "2 Mar 2026 – 26 Nov 2026", one day, or "None"."""
    first, last = summary.first_day, summary.last_day
    if first is None or last is None:
        return "None"
    locale = QLocale()
    texts = [
        locale.toString(QDate(day.year, day.month, day.day), "d MMM yyyy") for day in (first, last)
    ]
    return texts[0] if first == last else f"{texts[0]} – {texts[1]}"
