"""Where a day's or a period's time went, project by project, and what it earned: the
figures behind the totals' tooltips."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import NamedTuple

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.money import rounded
from tracker_desktop.core.pricing import Priced, Pricing, earnings
from tracker_desktop.core.service import ProjectRef, Session
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.money_text import money_text

NO_PROJECT = QT_TRANSLATE_NOOP("ProjectTotals", "No project")


class ProjectTime(NamedTuple):
    """The time a project's sessions (None: sessions without one) spent in a range."""

    project: ProjectRef | None
    seconds: int
    billable_seconds: int

    @property
    def label(self) -> str:
        return self.project.label if self.project else translate("ProjectTotals", NO_PROJECT)

    def priced(self) -> Priced:
        return Priced(self.project.id if self.project else None, True, self.billable_seconds)


def time_by_project(
    sessions: Iterable[Session], start: datetime, end: datetime, now: datetime
) -> list[ProjectTime]:
    """The time inside ``[start, end)`` by project, the largest first."""
    found: dict[int | None, list[int]] = {}
    projects: dict[int | None, ProjectRef | None] = {}
    for session in sessions:
        seconds = int(session.time_within(start, end, now).total_seconds())
        if seconds <= 0:
            continue
        key = session.project.id if session.project else None
        projects[key] = session.project
        totals = found.setdefault(key, [0, 0])
        totals[0] += seconds
        totals[1] += seconds if session.billable else 0
    rows = [ProjectTime(projects[key], *totals) for key, totals in found.items()]
    rows.sort(key=lambda row: (-row.seconds, row.label.casefold()))
    return rows


def amounts_text(earned: dict[str, Decimal]) -> str:
    """Rate-seconds by currency as amounts, each rounded once: ``€160.00 · $40.00``."""
    return " · ".join(
        money_text(rounded(value, currency), currency) for currency, value in sorted(earned.items())
    )


def totals_tooltip(rows: list[ProjectTime], pricing: Pricing | None = None) -> str:
    """A small table: each project's time (and earnings, given ``pricing``), then the
    billable time and what it earned when some time was not billable or earned."""
    if not rows:
        return ""
    lines = []
    for row in rows:
        earned = amounts_text(earnings(pricing, [row.priced()])) if pricing else ""
        lines.append(_row(row.label, _duration(row.seconds), earned))
    billable = sum(row.billable_seconds for row in rows)
    total_earned = earnings(pricing, [row.priced() for row in rows]) if pricing else {}
    if total_earned or billable != sum(row.seconds for row in rows):
        lines.append(
            _row(
                "<i>{}</i>".format(translate("ProjectTotals", "Billable")),
                _duration(billable),
                amounts_text(total_earned),
                True,
            )
        )
    return f"<table cellspacing='0' cellpadding='1'>{''.join(lines)}</table>"


def _duration(seconds: int) -> str:
    return format_duration(timedelta(seconds=seconds))


def _row(label: str, time: str, amount: str, markup: bool = False) -> str:
    name = label if markup else html.escape(label)
    cells = [f"<td>{name}</td>", f"<td align='right'>&nbsp;&nbsp;{time}</td>"]
    if amount:
        cells.append(f"<td align='right'>&nbsp;&nbsp;{html.escape(amount)}</td>")
    return f"<tr>{''.join(cells)}</tr>"
