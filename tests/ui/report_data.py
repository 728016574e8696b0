"""A month of work for the report tests: three clients with rates, projects with their
own colours and rates, tags, a project that is not billable, and a session last month."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from tracker_desktop.core.service import Labels, ProjectName, Tracker

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # the clock fixture's: Thursday, 10:00 Berlin
HOUR = timedelta(hours=1)


def add_month(tracker: Tracker) -> Tracker:
    """Fills ``tracker`` with November 2026 (11:21 in all, 10:21 billable, €836.25)."""
    catalog = tracker.catalog
    catalog.add_client("Acme", rate=Decimal(80))
    catalog.add_client("Globex", rate=Decimal(100))
    catalog.add_client("Initech", rate=Decimal("62.5"))
    catalog.add_project("Website", "Acme", color="#4e79a7", rate=Decimal(90))
    catalog.add_project("Support", "Acme", color="#f28e2b")
    catalog.add_project("Pipeline", "Globex", color="#59a14f")
    catalog.add_project("App", "Initech", color="#e15759")
    catalog.add_project("Admin", color="#9c755f", billable=False)

    def add(
        name: str, start: datetime, hours: float, project: str, client: str | None, *tags: str
    ) -> None:
        labels = Labels(ProjectName(project, client), tags=tags)
        tracker.add(name, start, start + timedelta(hours=hours), labels)

    add("Homepage", NOW - 3 * HOUR, 2, "Website", "Acme", "design")
    add("Ticket 12", NOW - 26 * HOUR, 1.25, "Support", "Acme")
    add("Import job", NOW - 50 * HOUR, 3, "Pipeline", "Globex", "backend")
    add("Release", NOW - 8 * 24 * HOUR, 4.1, "App", "Initech", "mobile", "design")
    add("Invoices", NOW - 9 * 24 * HOUR, 1, "Admin", None)
    add("Last month", datetime(2026, 10, 20, 8, tzinfo=UTC), 5, "Website", "Acme")
    return tracker
