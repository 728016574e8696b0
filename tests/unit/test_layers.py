"""Layers: the command-line path and the core never load Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

# Runs in a fresh interpreter, so nothing the test process imported can hide an import.
CLI_PATH_SCRIPT = textwrap.dedent(
    """
    import importlib.util
    import json
    import sys

    import tracker_desktop.core.cli
    import tracker_desktop.main

    code = tracker_desktop.main.main(["--data-dir", sys.argv[1], "status"])
    qt = sorted(
        name for name in sys.modules
        if name.split(".")[0] in {"PySide6", "shiboken6"} or name.startswith("tracker_desktop.ui")
    )
    print(json.dumps({
        "code": code,
        "loaded": qt,
        "pyside6_installed": importlib.util.find_spec("PySide6") is not None,
    }))
    """
)

CORE_SCRIPT = textwrap.dedent(
    """
    import importlib
    import json
    import pkgutil
    import sys

    import tracker_desktop.core

    modules = [
        info.name
        for info in pkgutil.walk_packages(tracker_desktop.core.__path__, "tracker_desktop.core.")
    ]
    for name in modules:
        importlib.import_module(name)
    qt = sorted(name for name in sys.modules if name.split(".")[0] in {"PySide6", "shiboken6"})
    print(json.dumps({"modules": modules, "loaded": qt}))
    """
)


def run_python(script: str, *args: str, cwd: Path) -> dict[str, object]:
    env = os.environ.copy()
    env["TZ"] = "Europe/Berlin"
    completed = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    *printed, last = completed.stdout.splitlines()
    result = json.loads(last)
    assert isinstance(result, dict)
    result["printed"] = printed
    return result


def test_cli_path_never_imports_qt(tmp_path: Path) -> None:
    result = run_python(CLI_PATH_SCRIPT, str(tmp_path / "data"), cwd=tmp_path)
    assert result["code"] == 0
    assert result["printed"] == ["No session is running."]
    assert result["loaded"] == []
    # The check means something only where Qt could have been imported.
    assert result["pyside6_installed"] is True


def test_no_core_module_imports_qt(tmp_path: Path) -> None:
    result = run_python(CORE_SCRIPT, cwd=tmp_path)
    modules = result["modules"]
    assert isinstance(modules, list)
    for expected in ("cli", "names", "periods", "service", "storage", "timeparse"):
        assert f"tracker_desktop.core.{expected}" in modules
    assert result["loaded"] == []
