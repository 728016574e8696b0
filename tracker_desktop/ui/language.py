"""The interface's language: the system's (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
``LANG`` on Unix, the user's languages elsewhere, as ``QLocale.system()`` reads them),
loaded before the window is built, and ``translate`` for every text the window shows.

Translations live in ``translations/tracker_desktop_<lang>.qm`` (compiled from the
``.ts`` files by ``tools/update_translations.py`` and committed, so a plain or editable
install from source needs no build step); Qt's own texts (standard buttons, the name
field's context menu) come from the ``qtbase_<lang>.qm`` that PySide6 ships.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CATALOG = "tracker_desktop"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface's language (``pyside6-lupdate`` finds each call by this
    name: ``context`` and ``text`` must be string literals). ``n`` picks a plural form
    and replaces ``%n``."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def translations_folder() -> str:
    """Where the compiled ``.qm`` files are: beside this module, from source and frozen
    alike (PyInstaller sets ``__file__`` inside its bundle, where the spec puts them).
    Not ``importlib.resources``: importing it costs about 20 ms before the first paint,
    the self-test checks the two agree."""
    return str(Path(__file__).with_name("translations"))


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[str]:
    """Installs the app's and Qt's translations for ``locale`` (default: the system's
    languages, in the user's order of preference); the languages found, by file stem.
    English, or a language without a translation, installs nothing and costs only a few
    file look-ups."""
    locale = locale or QLocale()
    found = []
    for name, folder in (
        (CATALOG, translations_folder()),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            found.append(translator.filePath())
        else:
            translator.deleteLater()
        if name == CATALOG and not found:
            break  # Qt's buttons in German around an English window would read oddly
    log.debug("translations installed: %s", found)
    return found


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation where it is defined (a table of names made at import,
    before any translator is installed); ``translate(context, text)`` where it is shown."""
    return text


def session_label(name: str) -> str:
    """A session's name inside a message: quoted as the language quotes ("“Design”",
    "„Design“"), or "unnamed session"."""
    if not name:
        return translate("Words", "unnamed session")
    return translate("Words", "“{name}”").format(name=name)


def session_subject(name: str) -> str:
    """``session_label`` starting a sentence (only its first letter raised)."""
    text = session_label(name)
    return text[:1].upper() + text[1:]
