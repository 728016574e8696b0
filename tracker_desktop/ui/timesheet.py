"""What a timesheet says, read from the database, and its text as rich-text HTML for a
QTextDocument: who and when, the totals per project (hours × rate = amount), the grand
total, and the sessions by day. ``timesheet_pdf.py`` lays it out on pages."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from html import escape
from typing import NamedTuple

from PySide6.QtCore import QLocale, QTime

from tracker_desktop.core.pricing import Pricing
from tracker_desktop.core.reports import (
    NO_ROUNDING,
    Report,
    ReportFilter,
    ReportRange,
    Rounding,
    make_report,
)
from tracker_desktop.core.service import Session, Tracker
from tracker_desktop.core.timeparse import start_of_day
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.locale_format import date_format, day_text, locale_week_start, qdate
from tracker_desktop.ui.money_text import number_text
from tracker_desktop.ui.report_text import (
    MoneyColumn,
    group_label,
    hours_text,
    range_text,
    report_currencies,
)

CHART_MARK = "[[chart]]"  # where timesheet_pdf.py puts the chart
ROUNDING_NOTES = {
    "up": QT_TRANSLATE_NOOP(
        "Timesheet", "Each session rounded up to {minutes} minutes; unrounded total {total}."
    ),
    "nearest": QT_TRANSLATE_NOOP(
        "Timesheet", "Each session rounded to {minutes} minutes; unrounded total {total}."
    ),
    "down": QT_TRANSLATE_NOOP(
        "Timesheet", "Each session rounded down to {minutes} minutes; unrounded total {total}."
    ),
}


class Timesheet(NamedTuple):
    """Everything one timesheet shows, as plain values."""

    who: str  # the freelancer ("" when not set in Preferences)
    subject: str  # the client, project or tag it is for ("" for everything)
    span: ReportRange
    rounding: Rounding
    by_project: Report
    unrounded: Report  # the same without rounding (its total stands beside)
    by_day: Report  # by day and project, for the chart
    sessions: tuple[Session, ...]  # oldest first
    pricing: Pricing
    project_ids: dict[tuple[str | None, str], int]  # (client, name) → id, for rates
    one_client: bool  # all its projects are one client's: their names go without it
    now: datetime
    zone: tzinfo
    week_start: int


def timesheet_data(
    tracker: Tracker,
    span: ReportRange,
    only: ReportFilter = ReportFilter(),  # noqa: B008 - an immutable value
    rounding: Rounding = NO_ROUNDING,
) -> Timesheet:
    """Reads a timesheet of ``span`` for the sessions ``only`` keeps."""
    catalog = tracker.catalog
    by_project = make_report(tracker, span, ("project",), only, rounding)
    unrounded = (
        by_project if rounding == NO_ROUNDING else make_report(tracker, span, ("project",), only)
    )
    by_day = make_report(tracker, span, ("day", "project"), only, rounding)
    sessions = [
        s
        for s in reversed(tracker.sessions_between(span.start, span.end, only.sessions))
        if s.billable or not only.billable_only
    ]
    projects = catalog.projects(archived=True)
    return Timesheet(
        who=catalog.your_name(),
        subject=_subject(tracker, only),
        span=span,
        rounding=rounding,
        by_project=by_project,
        unrounded=unrounded,
        by_day=by_day,
        sessions=tuple(sessions),
        pricing=catalog.pricing(),
        project_ids={(p.client, p.name): p.id for p in projects},
        one_client=len({g.client for g in by_project.groups if g.key is not None}) == 1
        and all(g.client for g in by_project.groups if g.key is not None),
        now=tracker.now(),
        zone=tracker.zone,
        week_start=catalog.week_start(locale_week_start()),
    )


# Words of the timesheet written inside its HTML (looked up as each sheet is made).
_WORDS = {
    "totals_per_project": QT_TRANSLATE_NOOP("Timesheet", "Totals per project"),
    "project": QT_TRANSLATE_NOOP("Timesheet", "Project"),
    "time": QT_TRANSLATE_NOOP("Timesheet", "Time"),
    "billable": QT_TRANSLATE_NOOP("Timesheet", "Billable"),
    "rate": QT_TRANSLATE_NOOP("Timesheet", "Rate"),
    "total": QT_TRANSLATE_NOOP("Timesheet", "Total"),
    "sessions_by_day": QT_TRANSLATE_NOOP("Timesheet", "Sessions by day"),
    "date": QT_TRANSLATE_NOOP("Timesheet", "Date"),
    "session": QT_TRANSLATE_NOOP("Timesheet", "Session"),
    "duration": QT_TRANSLATE_NOOP("Timesheet", "Duration"),
    "unnamed_session": QT_TRANSLATE_NOOP("Timesheet", "Unnamed session"),
    "now": QT_TRANSLATE_NOOP("Timesheet", "now"),
    "timesheet": QT_TRANSLATE_NOOP("Timesheet", "Timesheet"),
}


def _word(key: str) -> str:
    return translate("Timesheet", _WORDS[key])


def _subject(tracker: Tracker, only: ReportFilter) -> str:
    """Who or what the timesheet is for, as its filter says."""
    catalog = tracker.catalog
    words = []
    if only.project_ids:
        projects = {p.id: p.label for p in catalog.projects(archived=True)}
        words.append(", ".join(projects.get(pid, "?") for pid in only.project_ids))
    elif only.client_id is not None:
        clients = {c.id: c.name for c in catalog.clients(archived=True)}
        words.append(clients.get(only.client_id, "?"))
    if only.tag:
        words.append(f"#{only.tag}")
    if only.billable_only:
        words.append(translate("Timesheet", "billable time"))
    return " · ".join(words)


# -- the text --------------------------------------------------------------------------------

STYLE = """
.title { font-size: 20pt; font-weight: 600; }
.subject { font-size: 12pt; font-weight: 600; }
.section { font-size: 11pt; font-weight: 600; }
.muted { color: #6b6b6b; }
.who { font-size: 12pt; font-weight: 600; }
th { font-weight: 600; color: #444444; text-align: left; border-bottom: 1px solid #9a9a9a; }
td { border-bottom: 1px solid #e4e4e4; }
td.num, th.num { text-align: right; }
tr.total td { font-weight: 600; border-top: 1px solid #6b6b6b; border-bottom: none; }
tr.subtotal td { font-weight: 600; border-bottom: 1px solid #b0b0b0; }
tr.unbilled td { color: #7a7a7a; }
td.day { font-weight: 600; color: #1d1d1d; }
"""


def timesheet_html(sheet: Timesheet, locale: QLocale | None = None) -> str:
    """The timesheet as rich text (the subset of HTML a QTextDocument reads)."""
    locale = locale or QLocale()
    parts = [f"<html><head><style>{STYLE}</style></head><body>", _header(sheet, locale)]
    parts.append(f"<p>{CHART_MARK}</p>")
    parts.append(_project_totals(sheet, locale))
    parts.append(_sessions_by_day(sheet, locale))
    parts.append("</body></html>")
    return "".join(parts)


def _header(sheet: Timesheet, locale: QLocale) -> str:
    """Whose timesheet, for whom and when at the top; the totals in one line below."""
    when = escape(range_text(sheet.span, locale))
    subject = f'<span class="subject">{escape(sheet.subject)}</span><br/>' if sheet.subject else ""
    made = escape(
        locale.toString(qdate(sheet.now.astimezone(sheet.zone).date()), date_format(locale))
    )
    who = f'<span class="who">{escape(sheet.who)}</span><br/>' if sheet.who else ""
    report = sheet.by_project
    money = MoneyColumn(report_currencies(report), locale).total(report.earned)
    summary = [
        translate("Timesheet", "Total time {time}").format(
            time=f"<b>{hours_text(report.total_seconds)}</b>"
        ),
        translate("Timesheet", "billable {time}").format(
            time=f"<b>{hours_text(report.billable_seconds)}</b>"
        ),
    ]
    if money:
        summary.append(
            translate("Timesheet", "amount {money}").format(money=f"<b>{escape(money)}</b>")
        )
    prepared = translate("Timesheet", "Prepared {date}").format(date=made)
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td><span class="title">{_word("timesheet")}</span><br/>{subject}'
        f'<span class="muted">{when}</span></td>'
        f'<td align="right" valign="top">{who}<span class="muted">{prepared}</span></td>'
        "</tr></table>"
        "<p style='margin-top: 14px; margin-bottom: 10px'>"
        f"{' · '.join(summary)}{_rounding_note(sheet)}</p>"
    )


def _rounding_note(sheet: Timesheet) -> str:
    if sheet.rounding == NO_ROUNDING:
        return ""
    note = translate("Timesheet", ROUNDING_NOTES[sheet.rounding.mode]).format(
        minutes=sheet.rounding.minutes, total=hours_text(sheet.unrounded.total_seconds)
    )
    return f'<br/><span class="muted">{note}</span>'


def _project_totals(sheet: Timesheet, locale: QLocale) -> str:
    """Per project: time, billable time × rate = amount; then the grand total."""
    report = sheet.by_project
    money = MoneyColumn(report_currencies(report), locale)
    rows = [
        "<p class='section' style='margin-top: 16px; margin-bottom: 4px'>"
        f"{_word('totals_per_project')}</p>",
        '<table width="100%" cellspacing="0" cellpadding="4"><thead><tr>',
        f"<th>{_word('project')}</th>"
        f"<th class='num'>{_word('time')}</th>"
        f"<th class='num'>{_word('billable')}</th>",
        f"<th class='num'>{escape(money.heading(_word('rate'), '/h'))}</th>",
        f"<th class='num'>{escape(money.heading())}</th></tr></thead>",
    ]
    for group in report.groups:
        project_id = sheet.project_ids.get((group.client, group.key or "")) if group.key else None
        price = sheet.pricing.of(project_id)
        earns = group.billable_seconds > 0 and price.rate is not None
        rate = number_text(price.rate, price.currency, locale) if earns and price.rate else ""
        if rate and money.currency is None:
            rate = f"{rate} {price.currency}"
        dot = f'<span style="color:{group.color}">●</span> ' if group.color else ""
        name = _project_label(sheet, group.key, group.client) if group.key else group_label(group)
        rows.append(
            f"<tr><td>{dot}{escape(name)}</td>"
            f"<td class='num'>{hours_text(group.total_seconds)}</td>"
            f"<td class='num'>{hours_text(group.billable_seconds)}</td>"
            f"<td class='num'>{escape(rate)}</td>"
            f"<td class='num'>{escape(money.cell(group.earned))}</td></tr>"
        )
    rows.append(
        f"<tr class='total'><td>{_word('total')}</td>"
        f"<td class='num'>{hours_text(report.total_seconds)}</td>"
        f"<td class='num'>{hours_text(report.billable_seconds)}</td><td></td>"
        f"<td class='num'>{escape(money.total(report.earned))}</td></tr></table>"
    )
    return "".join(rows)


def _sessions_by_day(sheet: Timesheet, locale: QLocale) -> str:
    """Each session on each day it touches (the day written on the day's first row):
    times, name, project and tags, and the part of it inside the day; a day of several
    sessions ends with its total."""
    rows = [
        "<p class='section' style='margin-top: 22px; margin-bottom: 4px'>"
        f"{_word('sessions_by_day')}</p>",
        '<table width="100%" cellspacing="0" cellpadding="3"><thead><tr>',
        f"<th>{_word('date')}</th><th>{_word('time')}</th>"
        f"<th>{_word('session')}</th><th>{_word('project')}</th>",
        f"<th class='num'>{_word('duration')}</th></tr></thead>",
    ]
    if not sheet.sessions:
        none = translate("Timesheet", "No sessions in this range.")
        rows.append(f"<tr><td colspan='5' class='muted'>{none}</td></tr>")
    years = sheet.span.first_day.year != sheet.span.last_day.year
    for day, entries in _days(sheet):
        date_text = escape(_date(day, locale, years))
        for index, (session, seconds) in enumerate(entries):
            project = ""
            if session.project is not None:
                color = session.project.color
                label = escape(_project_label(sheet, session.project.name, session.project.client))
                project = f'<span style="color:{color}">●</span> {label}'
            tags = " ".join(f"#{escape(tag)}" for tag in session.tags)
            if tags:
                project = f"{project} <span class='muted'>{tags}</span>"
            kind = "" if session.billable else " class='unbilled'"
            unbilled = translate("Timesheet", "(not billable)")
            note = "" if session.billable else f" <span class='muted'>{unbilled}</span>"
            rows.append(
                f"<tr{kind}><td class='day'>{date_text if index == 0 else ''}</td>"
                f"<td>{escape(_times(session, day, sheet, locale))}</td>"
                f"<td>{escape(session.name or _word('unnamed_session'))}{note}</td>"
                f"<td>{project}</td><td class='num'>{hours_text(seconds)}</td></tr>"
            )
        if len(entries) > 1:
            total = sum(seconds for _, seconds in entries)
            rows.append(
                "<tr class='subtotal'><td colspan='4' class='num'>"
                f"<span class='muted'>{date_text}</span></td>"
                f"<td class='num'>{hours_text(total)}</td></tr>"
            )
    rows.append("</table>")
    return "".join(rows)


def _project_label(sheet: Timesheet, name: str, client: str | None) -> str:
    """``Acme ▸ Website``; just ``Website`` on a timesheet of Acme's projects alone."""
    return f"{client} ▸ {name}" if client and not sheet.one_client else name


def _date(day: date, locale: QLocale, with_year: bool) -> str:
    return day_text(day, locale, year=with_year, short=True)


def _days(sheet: Timesheet) -> list[tuple[date, list[tuple[Session, int]]]]:
    """The range's days that hold time, each with its sessions and their part of it."""
    found = []
    day = sheet.span.first_day
    while day <= sheet.span.last_day:
        start = max(start_of_day(day, sheet.zone), sheet.span.start)
        end = min(start_of_day(day + timedelta(days=1), sheet.zone), sheet.span.end)
        entries = [
            (s, int(s.time_within(start, end, sheet.now).total_seconds()))
            for s in sheet.sessions
            if s.overlaps(start, end, sheet.now)
        ]
        if entries:
            found.append((day, entries))
        day += timedelta(days=1)
    return found


def _times(session: Session, day: date, sheet: Timesheet, locale: QLocale) -> str:
    """``09:00 – 12:30``; an end on another day says its day, a running one says so."""
    start = _clock(session.start, sheet.zone, locale)
    if session.start.astimezone(sheet.zone).date() != day:
        start = _clock(session.start, sheet.zone, locale, with_day=True)
    if session.end is None:
        return f"{start} – {_word('now')}"
    with_day = session.end.astimezone(sheet.zone).date() != day
    return f"{start} – {_clock(session.end, sheet.zone, locale, with_day=with_day)}"


def _clock(instant: datetime, zone: tzinfo, locale: QLocale, *, with_day: bool = False) -> str:
    """The local time as the locale writes it (``14:05``, ``2:05 PM``), with the weekday
    and day when asked."""
    local = instant.astimezone(zone)
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if with_day:
        return f"{day_text(local.date(), locale, year=False, short=True)} {time}"
    return time
