"""How long the Reports window takes to open on a large database, from the trigger of its
action (Ctrl+R) to the end of its first paint: this month by project (issue 13's target:
300 ms at a million sessions), its chart of hours per day, the filters' clients,
projects and tags.

    python benchmarks/reports_window.py --data-dir /tmp/p1m [--runs 7] [--at 2026-11-30T18:00]

How it measures: window_opening.py.
"""

from __future__ import annotations

import sys

from window_opening import main  # benchmarks/ is the script's folder, first on sys.path

if __name__ == "__main__":
    sys.exit(main("Reports window (this month)", "reportsWindow", "reports", "show_reports"))
