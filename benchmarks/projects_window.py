"""How long the Projects window takes to open on a large database, from the trigger of its
action (Ctrl+Shift+P) to the end of its first paint: clients, 300 projects with this
month's time each, their rates and colours.

    python benchmarks/projects_window.py --data-dir /tmp/p1m [--runs 7] [--at 2026-11-30T18:00]

How it measures: window_opening.py.
"""

from __future__ import annotations

import sys

from window_opening import main  # benchmarks/ is the script's folder, first on sys.path

if __name__ == "__main__":
    sys.exit(main("Projects window", "projectsWindow", "projects", "show_projects"))
