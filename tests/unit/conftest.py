"""Fixtures for the tests without Qt."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def cli_dir(tmp_path: Path) -> Path:
    """A data folder for the command line (created by the first command)."""
    (tmp_path / "home").mkdir(exist_ok=True)
    return tmp_path / "cli-data"
