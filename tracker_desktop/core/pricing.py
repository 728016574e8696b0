"""What a session earns: its rate (the project's, else the client's, else the default) and
currency (the client's, else the default), for billable sessions only."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

import peewee

from tracker_desktop.core.models import Client, Project
from tracker_desktop.core.money import rate_from_text, rate_seconds
from tracker_desktop.core.storage import Storage


class Price(NamedTuple):
    rate: Decimal | None  # None: no rate applies, nothing is earned
    currency: str


class Pricing:
    """The rates and currencies of every project, read once (a few hundred rows)."""

    def __init__(self, storage: Storage, default_rate: Decimal | None, default_currency: str):
        self.default = Price(default_rate, default_currency)
        self._by_project: dict[int, Price] = {}
        with storage.snapshot():
            query = (
                Project.select(Project.id, Project.rate, Client.rate, Client.currency)
                .join(Client, peewee.JOIN.LEFT_OUTER, on=(Project.client == Client.id))
                .tuples()
            )
            rows: Iterable[tuple[int, str | None, str | None, str | None]] = query  # type: ignore[assignment]
            for project_id, project_rate, client_rate, currency in rows:
                rate = rate_from_text(project_rate)
                if rate is None:
                    rate = rate_from_text(client_rate)
                if rate is None:
                    rate = default_rate
                self._by_project[project_id] = Price(rate, currency or default_currency)

    def of(self, project_id: int | None) -> Price:
        """The price of a session of project ``project_id`` (None: no project)."""
        if project_id is None:
            return self.default
        return self._by_project.get(project_id, self.default)


class Priced(NamedTuple):
    """What ``earnings`` needs of a session: its project, billable flag and seconds."""

    project_id: int | None
    billable: bool
    seconds: int


def earnings(pricing: Pricing, sessions: Iterable[Priced]) -> dict[str, Decimal]:
    """The exact earnings of ``sessions`` by currency, in rate-seconds (``money.rounded``
    makes an amount of them): only billable time with a rate earns, and a currency
    appears only when it earned something."""
    totals: dict[str, Decimal] = {}
    for session in sessions:
        price = pricing.of(session.project_id)
        if session.billable and price.rate is not None and session.seconds > 0:
            earned = rate_seconds(session.seconds, price.rate)
            if earned:
                totals[price.currency] = totals.get(price.currency, Decimal(0)) + earned
    return totals
