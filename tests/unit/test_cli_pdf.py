"""``export --format pdf`` on the command line: a timesheet written atomically, refused
without --output or over a file without --force; Qt is loaded for it alone, offscreen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import pdf_text
from tests.unit.test_cli import assert_one_line_error, environment, ok, run_cli
from tests.unit.test_layers import run_python


@pytest.fixture
def cli_month(cli_dir: Path) -> Path:
    for args in (
        ("client", "add", "Acme", "--rate", "80", "--currency", "EUR"),
        ("add", "Design review", "--start", "2026-11-03T09:00", "--end", "2026-11-03T11:30",
         "--project", "Website", "--client", "Acme", "--tag", "design"),
        ("add", "Elsewhere", "--start", "2026-11-04T09:00", "--end", "2026-11-04T10:00"),
    ):  # fmt: skip
        ok(cli_dir, *args)
    return cli_dir


def test_export_pdf_from_the_command_line(cli_month: Path, tmp_path: Path) -> None:
    target = tmp_path / "acme.pdf"
    options = ("--from", "2026-11-01", "--to", "2026-11-30", "--client", "Acme")
    # Amounts as a British locale writes them, whatever this machine's locale.
    english = environment(cli_month.parent / "home", LANG="en_GB.UTF-8", LC_ALL="")
    arguments = ("export", "--format", "pdf", *options, "--output", str(target))
    result = run_cli(cli_month, *arguments, env=english)
    assert (result.code, result.err, result.out) == (0, "", f"Wrote {target}\n")
    assert target.read_bytes().startswith(b"%PDF-")
    text = " ".join(pdf_text(target).split())
    assert "Design review" in text
    assert "€200.00" in text
    assert "Elsewhere" not in text

    target.write_text("keep me")
    refused = run_cli(cli_month, "export", "--format", "pdf", "--output", str(target))
    assert_one_line_error(refused, 2, "--force")
    assert target.read_text() == "keep me"
    assert_one_line_error(run_cli(cli_month, "export", "--format", "pdf"), 2, "--output")
    nowhere = tmp_path / "missing-folder" / "out.pdf"
    failed = run_cli(cli_month, "export", "--format", "pdf", "--output", str(nowhere))
    assert_one_line_error(failed, 3, str(nowhere))
    assert not nowhere.parent.exists()
    backwards = ("--from", "2026-11-30", "--to", "2026-11-01", "--output", str(tmp_path / "b.pdf"))
    assert_one_line_error(run_cli(cli_month, "export", "--format", "pdf", *backwards), 2, "before")
    assert not (tmp_path / "b.pdf").exists()


QT_AFTER = """
import json, sys
import tracker_desktop.main
code = tracker_desktop.main.main(["--data-dir", sys.argv[1], *sys.argv[2:]])
loaded = sorted(n for n in sys.modules if n.split(".")[0] in {"PySide6", "shiboken6"})
print(json.dumps({"code": code, "qt": bool(loaded)}))
"""


def test_only_the_pdf_format_loads_qt(cli_month: Path, tmp_path: Path) -> None:
    for args, qt in (
        (["export", "--format", "csv", "--output", str(tmp_path / "a.csv")], False),
        (["report", "--json"], False),
        (["export", "--format", "pdf", "--output", str(tmp_path / "a.pdf")], True),
    ):
        result = run_python(QT_AFTER, str(cli_month), *args, cwd=tmp_path)
        assert (result["code"], result["qt"]) == (0, qt), args


def test_export_json_for_import_to_standard_output_or_a_file(
    cli_month: Path, tmp_path: Path
) -> None:
    options = ("--from", "2026-11-01", "--to", "2026-11-30", "--client", "Acme")
    printed = json.loads(ok(cli_month, "export", "--format", "json", *options).out)
    assert printed["format"] == "tracker-desktop"
    assert [s["name"] for s in printed["sessions"]] == ["Design review"]
    assert printed["range"] == {"from": "2026-11-01", "to": "2026-11-30"}
    target = tmp_path / "acme.json"
    ok(cli_month, "export", "--format", "json", *options, "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["sessions"] == printed["sessions"]
