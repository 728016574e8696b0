"""The interface's translations: every text the window shows is in each ``.ts`` file and
translated there, the compiled ``.qm`` files are current, and the system's language is
the one loaded."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from tools import update_translations
from tracker_desktop.ui.language import install_translators

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "tracker_desktop" / "ui"
TS_FILES = sorted((UI / "translations").glob("tracker_desktop_*.ts"))
MARKERS = {"translate", "QT_TRANSLATE_NOOP"}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")

Message = tuple[str, str]  # (context, source text)


def source_messages() -> tuple[set[Message], list[str]]:
    """Every ``translate("Context", "text")`` and ``QT_TRANSLATE_NOOP`` of the window's
    modules (f-strings included, where lupdate does not look), and the calls lupdate
    cannot read (a text or context that is not one plain string)."""
    found: set[Message] = set()
    unreadable: list[str] = []
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name):
                name = func.id
            elif isinstance(func.value, ast.Name) and func.value.id == "QCoreApplication":
                name = func.attr
            else:
                continue  # bytes.translate and the like
            args = node.args[:2]
            if name not in MARKERS or (
                path.name == "language.py" and isinstance(args[0], ast.Name)
            ):
                continue  # the wrapper itself passes its arguments on
            if len(args) == 2 and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                found.add((args[0].value, args[1].value))  # type: ignore[attr-defined]
            elif any(isinstance(a, ast.JoinedStr) for a in args) or not isinstance(
                args[0], ast.Constant
            ):
                unreadable.append(f"{path.name}:{node.lineno}")
    return found, unreadable


def ts_messages(ts_file: Path) -> dict[Message, ET.Element]:
    tree = ET.parse(ts_file)
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


def test_there_is_a_german_translation() -> None:
    assert [p.name for p in TS_FILES] == ["tracker_desktop_de.ts"]


def test_every_text_of_the_window_is_in_each_ts_file_and_nothing_else() -> None:
    found, unreadable = source_messages()
    assert unreadable == [], "lupdate cannot read these; use literal strings"
    assert len(found) > 300
    for ts_file in TS_FILES:
        listed = set(ts_messages(ts_file))
        assert sorted(found - listed) == [], f"missing from {ts_file.name}: run update_translations"
        assert sorted(listed - found) == [], f"stale in {ts_file.name}: run update_translations"


def test_lupdate_finds_what_the_ts_files_hold(tmp_path: Path) -> None:
    """The documented command, run now, changes nothing: the .ts files are current."""
    for ts_file in TS_FILES:
        copy = tmp_path / ts_file.name
        shutil.copy(ts_file, copy)
        update_translations.collect(copy)
        assert set(ts_messages(copy)) == set(ts_messages(ts_file))


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda p: p.stem)
def test_every_entry_is_translated_keeping_its_placeholders_and_keys(ts_file: Path) -> None:
    for (context, source), message in ts_messages(ts_file).items():
        translation = message.find("translation")
        assert translation is not None
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"{where} is {translation.get('type')}"
        text = translation.text or ""
        assert text.strip(), f"{where} has no translation"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        # A keyboard mnemonic ("&Name") stays one mnemonic; a literal "&&" stays too.
        assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&"), where
        assert text.startswith(" ") == source.startswith(" "), where


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda p: p.stem)
def test_the_compiled_qm_file_is_current(ts_file: Path, tmp_path: Path) -> None:
    compiled = tmp_path / ts_file.with_suffix(".qm").name
    lrelease = update_translations.tool("pyside6-lrelease")
    subprocess.run([lrelease, str(ts_file), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == ts_file.with_suffix(".qm").read_bytes()


@pytest.fixture
def german(qapp: QApplication) -> Iterator[list[str]]:
    """The app as it starts on a German system: German locale, its translations."""
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    installed = install_translators(qapp)
    yield installed
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())


def test_german_and_qts_own_german_are_loaded_for_a_german_locale(german: list[str]) -> None:
    assert [Path(p).name for p in german] == ["tracker_desktop_de.qm", "qtbase_de.qm"]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def test_english_loads_nothing(qapp: QApplication) -> None:
    assert install_translators(qapp, QLocale(QLocale.Language.English)) == []


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "tracker_desktop_de.qm"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "de_AT.UTF-8"}, "tracker_desktop_de.qm"),
        ({"LANG": "en_US.UTF-8"}, None),
        ({"LC_ALL": "C.UTF-8"}, None),
    ],
)
def test_the_language_comes_from_the_environment(
    variables: dict[str, str], expected: str | None
) -> None:
    """A fresh process, as the app starts: Qt reads the system's language variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env |= variables
    script = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from tracker_desktop.ui.language import install_translators\n"
        "app = QCoreApplication([])\n"
        "print(*install_translators(app), sep='\\n')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    loaded = [Path(line).name for line in result.stdout.split()]
    assert loaded[:1] == ([expected] if expected else [])
