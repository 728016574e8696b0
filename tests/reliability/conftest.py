"""Fault and abuse tests share the window fixtures of tests/ui (a modal dialog fails a
test instead of hanging it)."""

from tests.ui.conftest import make_window, no_modal_dialogs, window

__all__ = ["make_window", "no_modal_dialogs", "window"]
