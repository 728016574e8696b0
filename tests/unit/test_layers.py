"""Layers: the command-line path and the core never load Qt."""

from __future__ import annotations

import ast
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
    postgres = sorted(
        name for name in sys.modules
        if name.split(".")[0] in {"psycopg", "psycopg2", "psycopg_binary", "psycopg_c"}
    )
    print(json.dumps({
        "code": code,
        "loaded": qt,
        "postgres": postgres,
        "pyside6_installed": importlib.util.find_spec("PySide6") is not None,
        "psycopg_installed": importlib.util.find_spec("psycopg") is not None,
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
    # peewee imports psycopg when it can (0.1 s a command); the local store never needs it.
    assert result["postgres"] == []
    assert result["psycopg_installed"] is True  # (sync needs it: so it could have been)


def test_no_core_module_imports_qt(tmp_path: Path) -> None:
    result = run_python(CORE_SCRIPT, cwd=tmp_path)
    modules = result["modules"]
    assert isinstance(modules, list)
    for expected in ("cli", "names", "periods", "service", "storage", "timeparse"):
        assert f"tracker_desktop.core.{expected}" in modules
    assert result["loaded"] == []


# -- no import cycles ------------------------------------------------------------------

PACKAGE = Path(__file__).resolve().parents[2] / "tracker_desktop"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports anywhere: at the top, inside functions
    and under TYPE_CHECKING alike (each is a dependency a reader has to follow)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        found.update(name for name in names if name in modules)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    modules = set(paths)
    # A package's __init__ is not a dependency of its own modules' imports.
    return {
        name: {m for m in imports_of(path, modules) if not name.startswith(m + ".")} - {name}
        for name, path in paths.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_of_the_package_imports_itself_back_through_others() -> None:
    graph = import_graph()
    assert "tracker_desktop.core.storage" in graph["tracker_desktop.core.writes"]
    assert cycles(graph) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


EACH_ALONE_SCRIPT = textwrap.dedent(
    """
    import importlib
    import json
    import sys

    failed = {}
    for name in sys.argv[1:]:
        for loaded in [m for m in sys.modules if m.split(".")[0] == "tracker_desktop"]:
            del sys.modules[loaded]
        try:
            importlib.import_module(name)
        except Exception as error:
            failed[name] = repr(error)
    print(json.dumps({"failed": failed}))
    """
)


def test_each_module_imports_on_its_own(tmp_path: Path) -> None:
    # ``python -m tracker_desktop`` runs the app when imported: not a module to import.
    names = sorted(set(import_graph()) - {"tracker_desktop.__main__"})
    assert len(names) > 20
    result = run_python(EACH_ALONE_SCRIPT, *names, cwd=tmp_path)
    assert result["failed"] == {}


def test_no_window_module_is_over_400_lines() -> None:
    # The window is made of parts; a module past this has started doing two things.
    long = {
        path.name: lines
        for path in sorted((PACKAGE / "ui").glob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
