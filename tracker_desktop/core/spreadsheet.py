"""Text that is safe to hand to a spreadsheet program.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return followed by one) as a formula, so a session named ``=HYPERLINK(...)`` could run
when an exported file is opened. Every CSV cell the app writes goes through
``safe_cell``. (JSON keeps names exactly: its readers are programs, not spreadsheets.)
"""

from __future__ import annotations

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet cell that is shown, never evaluated."""
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text
