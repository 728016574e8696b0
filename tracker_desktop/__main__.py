"""``python -m tracker_desktop``: the same as the ``tracker-desktop`` command."""

from tracker_desktop.main import main

raise SystemExit(main())
