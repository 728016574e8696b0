"""Refreshes the interface's translations after texts in ``tracker_desktop/ui`` changed.

    .venv/bin/python tools/update_translations.py            # every language
    .venv/bin/python tools/update_translations.py fr         # adds (or refreshes) French

``pyside6-lupdate`` collects every ``translate("Context", "text")`` of the window's
modules into ``tracker_desktop/ui/translations/tracker_desktop_<lang>.ts`` (new texts
are marked unfinished, gone ones dropped); translate those in Qt Linguist
(``pyside6-linguist``) or any editor, then run this again: ``pyside6-lrelease`` compiles
each ``.ts`` to the ``.qm`` the app loads. Both are committed, so an install from source
needs no build step.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "tracker_desktop" / "ui"
FOLDER = UI / "translations"


def tool(name: str) -> str:
    """A PySide6 tool beside this Python (a venv's bin/ or Scripts/), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project's dependencies (PySide6)")
    return found


def sources() -> list[str]:
    """The window's modules, in a fixed order, relative to the repository."""
    return [str(p.relative_to(ROOT)) for p in sorted(UI.glob("*.py"))]


def collect(ts_file: Path) -> None:
    """Updates ``ts_file`` with the texts of the sources (run from the repository)."""
    command = [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none"]
    subprocess.run([*command, "-ts", str(ts_file)], cwd=ROOT, check=True)


def compile_ts(ts_file: Path) -> None:
    qm_file = ts_file.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True)


def main(languages: list[str]) -> int:
    files = [FOLDER / f"tracker_desktop_{lang}.ts" for lang in languages] or sorted(
        FOLDER.glob("tracker_desktop_*.ts")
    )
    for ts_file in files:
        collect(ts_file)
        compile_ts(ts_file)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
