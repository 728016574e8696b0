"""Formula injection: cells a spreadsheet would evaluate are neutralised, others kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker_desktop.core.spreadsheet import safe_cell


@pytest.mark.parametrize(
    "dangerous",
    ["=1+1", '=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_formula_like_cells_are_shown_not_run(dangerous: str) -> None:
    assert safe_cell(dangerous) == "'" + dangerous


@given(st.text().filter(lambda t: not t.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))))
def test_other_text_is_unchanged(text: str) -> None:
    assert safe_cell(text) == text
