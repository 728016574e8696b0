"""Reports over any range of local days: time and money grouped by client, project, tag,
day or session name, with per-session rounding, summed by the database.

Time is clipped to the range as period totals are (a day grouping clips to each day);
rounding applies to reported durations and amounts only, never to stored times; amounts
are exact and rounded once per line, in each currency that earned something.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

import peewee

from tracker_desktop.core.clock import EARLIEST, LATEST, SUPPORTED_YEARS, to_epoch
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.models import Client, Project, SessionRecord, SessionTag, Tag
from tracker_desktop.core.money import rate_seconds, rounded
from tracker_desktop.core.periods import PeriodKind, period_containing
from tracker_desktop.core.pricing import Pricing
from tracker_desktop.core.service import SessionFilter, Tracker
from tracker_desktop.core.timeparse import start_of_day

_S = SessionRecord
GROUPINGS = ("client", "project", "tag", "day", "name")
ROUNDING_MODES = ("up", "nearest", "down")
ROUNDING_MINUTES = (1, 5, 6, 10, 15, 30)
_LAST = re.compile(r"(\d{1,3})([dh])")


class ReportRange(NamedTuple):
    """``[start, end)``: from the first local day's start to the end of the last one
    (or, for ``--last 24h``, the last 24 hours)."""

    first_day: date
    last_day: date
    start: datetime
    end: datetime


class Rounding(NamedTuple):
    """How each session's clipped duration is rounded before it is summed."""

    mode: str = "none"  # "none", "up", "nearest", "down"
    minutes: int = 0

    @property
    def label(self) -> str:
        return "none" if self.mode == "none" else f"{self.mode}:{self.minutes}"


NO_ROUNDING = Rounding()


class Group(NamedTuple):
    by: str
    key: str | None  # the project, client, tag or session name, or the day; None: none
    client: str | None  # for project groups
    color: str | None  # for project groups
    total_seconds: int
    billable_seconds: int
    earned: dict[str, Decimal]  # rate-seconds by currency (see money.rounded)
    groups: tuple[Group, ...]


class Report(NamedTuple):
    range: ReportRange
    rounding: Rounding
    grouping: tuple[str, ...]
    total_seconds: int
    billable_seconds: int
    earned: dict[str, Decimal]
    groups: tuple[Group, ...]


# -- what the user asks for -------------------------------------------------------------------


def range_of_period(kind: str, day: date, zone: Any, week_start: int = 0) -> ReportRange:
    """The day, week, month or year containing local ``day``."""
    if kind == "year":
        first, after = date(day.year, 1, 1), date(day.year + 1, 1, 1)
    else:
        period = period_containing(PeriodKind(kind), day, zone, week_start=week_start)
        first, after = period.first_day, period.end_day
    return days_range(first, after - timedelta(days=1), zone)


def days_range(first: date, last: date, zone: Any) -> ReportRange:
    """Local days ``first`` to ``last``, both included."""
    if last < first:
        raise InvalidInputError(f"--to: {last} is before --from ({first})", field="to")
    for day in (first, last):
        if not EARLIEST.year <= day.year < LATEST.year:
            raise InvalidInputError(f"{day} is outside {SUPPORTED_YEARS}", field="from")
    start = start_of_day(first, zone)
    return ReportRange(first, last, start, start_of_day(last + timedelta(days=1), zone))


def range_of_last(text: str, now: datetime, zone: Any) -> ReportRange:
    """``7d`` / ``30d``: the last 7 or 30 local days, today included; ``24h``: the last
    24 hours up to now."""
    match = _LAST.fullmatch(text.strip())
    if match is None or int(match[1]) < 1:
        raise InvalidInputError(
            f"--last: {text!r} is not a span such as 7d, 30d or 24h", field="last"
        )
    count, unit = int(match[1]), match[2]
    today = now.astimezone(zone).date()
    if unit == "d":
        return days_range(today - timedelta(days=count - 1), today, zone)
    start = now - timedelta(hours=count)
    return ReportRange(start.astimezone(zone).date(), today, start, now)


def parse_grouping(text: str) -> tuple[str, ...]:
    """``project`` or ``client,project``: one or two of the groupings, different."""
    parts = tuple(part.strip() for part in text.split(","))
    unknown = [part for part in parts if part not in GROUPINGS]
    if unknown or not 1 <= len(parts) <= 2 or len(set(parts)) != len(parts):
        raise InvalidInputError(
            f"--by: {text!r} is not one or two of {', '.join(GROUPINGS)} "
            "(such as project, or client,project)",
            field="by",
        )
    return parts


def parse_rounding(text: str) -> Rounding:
    """``none``, or ``up``/``nearest``/``down`` with minutes: ``up:15``."""
    if text.strip() == "none":
        return NO_ROUNDING
    mode, _, minutes = text.strip().partition(":")
    if mode not in ROUNDING_MODES or not minutes.isdigit() or int(minutes) not in ROUNDING_MINUTES:
        raise InvalidInputError(
            f"--rounding: {text!r} is not none or up|nearest|down:MINUTES with MINUTES one "
            f"of {', '.join(map(str, ROUNDING_MINUTES))} (such as up:15)",
            field="rounding",
        )
    return Rounding(mode, int(minutes))


class ReportFilter(NamedTuple):
    """Sessions kept: of these projects, of this client, with this tag, billable only."""

    project_ids: tuple[int, ...] | None = None
    client_id: int | None = None
    tag: str | None = None
    billable_only: bool = False

    @property
    def sessions(self) -> SessionFilter:
        return SessionFilter(self.project_ids, self.client_id, self.tag)


# -- the engine -----------------------------------------------------------------------------


def make_report(
    tracker: Tracker,
    span: ReportRange,
    grouping: tuple[str, ...] = ("project",),
    only: ReportFilter = ReportFilter(),  # noqa: B008 - an immutable value
    rounding: Rounding = NO_ROUNDING,
) -> Report:
    """The report of ``span``: a few grouped queries, then exact money per line."""
    pricing = tracker.catalog.pricing()
    now = tracker.now()
    with tracker.storage.snapshot():
        query = _Query(tracker, span, only, rounding, now)
        totals = list(query.rows(()))
        first = list(query.rows(grouping[:1]))
        second = list(query.rows(grouping)) if len(grouping) == 2 else []
        names = _project_names() if "project" in grouping else {}
    total, billable, earned = _sum(totals, pricing)
    groups = _groups(grouping, first, second, pricing, names)
    return Report(span, rounding, grouping, total, billable, earned, groups)


class _Row(NamedTuple):
    keys: tuple[Any, ...]
    project_id: int | None
    billable: bool
    seconds: int


class _Query:
    """Builds the grouped selects over one range, filter and rounding."""

    def __init__(
        self,
        tracker: Tracker,
        span: ReportRange,
        only: ReportFilter,
        rounding: Rounding,
        now: datetime,
    ) -> None:
        self.span, self.only, self.rounding, self.now = span, only, rounding, now
        self.zone = tracker.zone
        self.earliest = tracker.earliest_reaching(span.start)

    def rows(self, keys: tuple[str, ...]) -> Iterator[_Row]:
        """Rounded seconds summed per group keys, project and billable flag."""
        if "day" in keys:
            yield from self._day_rows(keys)
            return
        first, after = to_epoch(self.span.start), to_epoch(self.span.end)
        seconds = self._rounded(self._clipped(first, after))
        columns = [self._key(k) for k in keys]
        query = (
            _S.select(*columns, _S.project, _S.billable, peewee.fn.sum(seconds))
            .join(Project, peewee.JOIN.LEFT_OUTER, on=(_S.project == Project.id))
            .join(Client, peewee.JOIN.LEFT_OUTER, on=(Project.client == Client.id))
        )
        if "tag" in keys:
            query = (
                query.switch(_S)
                .join(SessionTag, peewee.JOIN.LEFT_OUTER, on=(SessionTag.session == _S.id))
                .join(Tag, peewee.JOIN.LEFT_OUTER, on=(SessionTag.tag == Tag.id))
            )
        query = self._where(query, self.span.start, self.span.end)
        query = query.group_by(*columns, _S.project, _S.billable)
        for row in _S._meta.database.execute(query):
            *values, project, billable, total = row
            yield _Row(tuple(values), project, bool(billable), int(total or 0))

    def _day_rows(self, keys: tuple[str, ...]) -> Iterator[_Row]:
        """Per local day: each session's part inside each day it touches (the days are
        joined in as a list of values, two hundred at a time)."""
        days = self._days()
        others = [k for k in keys if k != "day"]
        for chunk in range(0, len(days), 200):
            values = peewee.ValuesList(
                [(index, start, end) for index, (_, start, end) in enumerate(days)][
                    chunk : chunk + 200
                ]
            ).cte("days", columns=("day", "day_start", "day_end"))
            day, day_start, day_end = values.c.day, values.c.day_start, values.c.day_end
            seconds = self._rounded(self._clipped(day_start, day_end))
            columns = [self._key(k) for k in others]
            query = (
                _S.select(day, *columns, _S.project, _S.billable, peewee.fn.sum(seconds))
                .join(Project, peewee.JOIN.LEFT_OUTER, on=(_S.project == Project.id))
                .join(Client, peewee.JOIN.LEFT_OUTER, on=(Project.client == Client.id))
                .join(
                    values,
                    on=(
                        (_S.started_at < day_end)
                        & (peewee.fn.ifnull(_S.ended_at, to_epoch(self.now)) > day_start)
                    ),
                )
            )
            if "tag" in keys:
                query = (
                    query.switch(_S)
                    .join(SessionTag, peewee.JOIN.LEFT_OUTER, on=(SessionTag.session == _S.id))
                    .join(Tag, peewee.JOIN.LEFT_OUTER, on=(SessionTag.tag == Tag.id))
                )
            query = self._where(query, self.span.start, self.span.end).with_cte(values)
            query = query.group_by(day, *columns, _S.project, _S.billable)
            for row in _S._meta.database.execute(query):
                index, *found, project, billable, total = row
                by_name = dict(zip(others, found, strict=True))
                by_name["day"] = days[index][0]
                keyed = tuple(by_name[k] for k in keys)
                yield _Row(keyed, project, bool(billable), int(total or 0))

    def _days(self) -> list[tuple[str, int, int]]:
        """Each local day of the range: its date, first and last instant (clipped to the
        range, so ``--last 24h`` has two part days)."""
        days = []
        day = self.span.first_day
        while day <= self.span.last_day:
            start = max(start_of_day(day, self.zone), self.span.start)
            end = min(start_of_day(day + timedelta(days=1), self.zone), self.span.end)
            days.append((day.isoformat(), to_epoch(start), to_epoch(end)))
            day += timedelta(days=1)
        return days

    def _clipped(self, first: Any, after: Any) -> Any:
        """Seconds of each session inside ``[first, after)`` (a running one lasts until
        now), never below nothing."""
        ended = peewee.fn.ifnull(_S.ended_at, to_epoch(self.now))
        return peewee.fn.max(peewee.fn.min(ended, after) - peewee.fn.max(_S.started_at, first), 0)

    def _rounded(self, seconds: Any) -> Any:
        """``seconds`` rounded per the rounding (integer arithmetic, in the database)."""
        step = self.rounding.minutes * 60
        if self.rounding.mode == "up":
            return ((seconds + (step - 1)) / step) * step
        if self.rounding.mode == "nearest":  # a half rounds up
            return ((seconds + step // 2) / step) * step
        if self.rounding.mode == "down":
            return (seconds / step) * step
        return seconds

    def _key(self, key: str) -> Any:
        return {
            "client": Client.name,
            "project": Project.id,
            "tag": Tag.name,
            "name": _S.name,
        }[key]

    def _where(self, query: Any, start: datetime, end: datetime) -> Any:
        query = query.where(
            (_S.started_at >= self.earliest)
            & (_S.started_at < end)
            & ((_S.ended_at > start) | _S.ended_at.is_null())
        )
        only = self.only
        query = only.sessions.where(query)
        if only.billable_only:
            query = query.where(_S.billable)
        return query


# -- summing up -----------------------------------------------------------------------------


def _sum(rows: Iterable[_Row], pricing: Pricing) -> tuple[int, int, dict[str, Decimal]]:
    total = billable = 0
    earned: dict[str, Decimal] = {}
    for row in rows:
        total += row.seconds
        if not row.billable:
            continue
        billable += row.seconds
        price = pricing.of(row.project_id)
        if price.rate is not None and row.seconds:
            earned[price.currency] = earned.get(price.currency, Decimal(0)) + rate_seconds(
                row.seconds, price.rate
            )
    return total, billable, {c: v for c, v in earned.items() if rounded(v, c)}


def _groups(
    grouping: tuple[str, ...],
    first: list[_Row],
    second: list[_Row],
    pricing: Pricing,
    names: dict[int, tuple[str, str | None, str]],
) -> tuple[Group, ...]:
    by = grouping[0]
    outer: dict[Any, list[_Row]] = {}
    for row in first:
        outer.setdefault(row.keys[0], []).append(row)
    inner: dict[Any, dict[Any, list[_Row]]] = {}
    for row in second:
        inner.setdefault(row.keys[0], {}).setdefault(row.keys[1], []).append(row)
    groups = []
    for key, rows in outer.items():
        children = tuple(
            _group(grouping[1], child_key, child_rows, pricing, names)
            for child_key, child_rows in inner.get(key, {}).items()
        )
        groups.append(_group(by, key, rows, pricing, names, children))
    return tuple(_ordered(groups))


def _group(
    by: str,
    key: Any,
    rows: list[_Row],
    pricing: Pricing,
    names: dict[int, tuple[str, str | None, str]],
    children: tuple[Group, ...] = (),
) -> Group:
    total, billable, earned = _sum(rows, pricing)
    client = color = None
    if by == "project" and key is not None:
        key, client, color = names[key]
    return Group(by, key, client, color, total, billable, earned, tuple(_ordered(children)))


def _ordered(groups: Iterable[Group]) -> list[Group]:
    """Largest total first; then by key (days in order, names alphabetically)."""
    return sorted(groups, key=lambda g: (-g.total_seconds, g.key is None, (g.key or "").casefold()))


def _project_names() -> dict[int, tuple[str, str | None, str]]:
    query = Project.select(Project.id, Project.name, Client.name, Project.color).join(
        Client, peewee.JOIN.LEFT_OUTER, on=(Project.client == Client.id)
    )
    rows: Iterable[tuple[int, str, str | None, str]] = query.tuples()  # type: ignore[assignment]
    return {pid: (name, client, color) for pid, name, client, color in rows}
