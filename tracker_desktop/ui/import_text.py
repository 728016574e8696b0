"""The Import dialog's words: counts in the locale's digits, names shortened, dates, and
the core's messages said with the dialog's controls instead of the command line's options."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from tracker_desktop.core.cli_import import FORMAT_NAMES
from tracker_desktop.core.importing import ImportSummary
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.locale_format import day_text

FORMAT_CHOICES = {  # translated where shown
    "toggl-csv": QT_TRANSLATE_NOOP("ImportDialog", "Toggl Track (detailed report, CSV)"),
    "clockify-csv": QT_TRANSLATE_NOOP("ImportDialog", "Clockify (detailed report, CSV)"),
    "watson": QT_TRANSLATE_NOOP("ImportDialog", "Watson (frames)"),
    "timewarrior": QT_TRANSLATE_NOOP("ImportDialog", "Timewarrior (export or data)"),
    "json": QT_TRANSLATE_NOOP("ImportDialog", "Tracker Desktop (JSON export)"),
}
PREVIEW_ROWS = (  # translated where shown
    ("sessions", QT_TRANSLATE_NOOP("ImportDialog", "Sessions to import:")),
    ("dates", QT_TRANSLATE_NOOP("ImportDialog", "Dates:")),
    ("skipped", QT_TRANSLATE_NOOP("ImportDialog", "Already imported:")),
    ("clients", QT_TRANSLATE_NOOP("ImportDialog", "New clients:")),
    ("projects", QT_TRANSLATE_NOOP("ImportDialog", "New projects:")),
    ("tags", QT_TRANSLATE_NOOP("ImportDialog", "New tags:")),
)
NAMES_SHOWN = 3  # new clients, projects or tags named before "and N more"


def count_text(number: int) -> str:
    """A count in the locale's digits, grouped ("1,234" where the locale has no say)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return f"{number:,}"
    return locale.toString(number)


def sessions_text(number: int) -> str:
    """ "1 session", "1,234 sessions"."""
    if number == 1:
        return translate("ImportDialog", "{count} session").format(count=count_text(number))
    return translate("ImportDialog", "{count} sessions").format(count=count_text(number))


def names_text(names: tuple[str, ...]) -> str:
    """ "None", or "3: Acme, Globex, Initech", the first few and how many more."""
    if not names:
        return translate("ImportDialog", "None")
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    if more > 0:
        text = translate("ImportDialog", "{count}: {names} and {more} more")
    else:
        text = translate("ImportDialog", "{count}: {names}")
    return text.format(count=count_text(len(names)), names=shown, more=count_text(more))


def imported_note(summary: ImportSummary) -> str:
    """What the window says after an import, e.g. "Imported 1,234 sessions from Watson
    frames (12 skipped as already imported)"."""
    source = summary.path.name
    if summary.format != "json":
        source = f"{FORMAT_NAMES[summary.format]} {source}"
    note = translate("ImportDialog", "Imported {sessions} from {source}").format(
        sessions=sessions_text(summary.imported), source=source
    )
    if summary.skipped:
        skipped = translate("ImportDialog", "({count} skipped as already imported)")
        note += " " + skipped.format(count=count_text(summary.skipped))
    return note


def problems_text(count: int) -> str:
    """What the dialog says of a file with ``count`` problems."""
    if count == 1:
        text = translate(
            "ImportDialog",
            "1 problem in this file: correct it there and import again. Nothing will be "
            "imported until the file has none.",
        )
    else:
        text = translate(
            "ImportDialog",
            "{count} problems in this file: correct them there and import again. Nothing "
            "will be imported until the file has none.",
        )
    return text.format(count=count_text(count))


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
        return translate("ImportDialog", "None")
    texts = [day_text(day, short=True, weekday=False) for day in (first, last)]
    return texts[0] if first == last else f"{texts[0]} – {texts[1]}"
