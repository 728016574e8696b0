"""Clients, projects, tags and rates: names and their uniqueness, archive and delete rules,
sessions labelled with them, exact money, and undo of every change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import FakeClock
from tracker_desktop.core.catalog import PALETTE, ProjectName
from tracker_desktop.core.errors import InvalidInputError, NotFoundError
from tracker_desktop.core.history import Change
from tracker_desktop.core.money import amount_text, parse_rate, rate_seconds, rounded
from tracker_desktop.core.pricing import Priced, earnings
from tracker_desktop.core.service import Labels, Tracker
from tracker_desktop.core.storage import Storage

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def everything(storage: Storage) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table a change may touch."""
    tables = ("client", "project", "tag", "session", "session_tag")
    return {
        t: [tuple(r) for r in storage.database.execute_sql(f"SELECT * FROM {t} ORDER BY id")]
        for t in tables
    }


@pytest.fixture
def changes(tracker: Tracker) -> list[Change]:
    recorded: list[Change] = []
    tracker.changes.add(recorded.append)
    return recorded


# -- names ----------------------------------------------------------------------------------


def test_names_are_unique_whatever_their_case_and_keep_the_first_spelling(
    tracker: Tracker,
) -> None:
    catalog = tracker.catalog
    acme = catalog.add_client("  Acme   GmbH ")
    assert acme.name == "Acme GmbH"
    with pytest.raises(InvalidInputError, match="exists already"):
        catalog.add_client("ACME gmbh")
    catalog.add_project("Website", "acme gmbh")
    with pytest.raises(InvalidInputError, match="exists already"):
        catalog.add_project("WEBSITE", "Acme GmbH")
    catalog.add_client("Globex")
    other = catalog.add_project("website", "Globex")  # another client: its own scope
    assert other.name == "website"
    catalog.add_project("Website")  # no client: a scope of its own too
    with pytest.raises(InvalidInputError, match="exists already"):
        catalog.add_project("wEbSiTe")
    assert [p.label for p in catalog.projects()] == [
        "Website",
        "Acme GmbH ▸ Website",
        "Globex ▸ website",
    ]


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "x" * 101])
def test_names_must_be_one_to_a_hundred_characters(tracker: Tracker, name: str) -> None:
    for create in (tracker.catalog.add_client, tracker.catalog.add_project):
        with pytest.raises(InvalidInputError):
            create(name)
    assert tracker.catalog.clients() == []


@pytest.mark.parametrize("tag", ["two words", "a,b", "", "x" * 101])
def test_a_tag_is_one_word(tracker: Tracker, tag: str) -> None:
    with pytest.raises(InvalidInputError):
        tracker.start("x", labels=Labels(tags=(tag,)))
    assert tracker.running() is None
    assert tracker.catalog.tags() == []


@pytest.mark.parametrize("text", ["-5", "abc", "1e3", "80.12345", "2000000", ""])
def test_a_rate_is_a_plain_non_negative_number(text: str) -> None:
    with pytest.raises(InvalidInputError, match="rate"):
        parse_rate(text)


def test_rates_keep_their_exact_value() -> None:
    assert parse_rate("80,50") == Decimal("80.5")
    assert parse_rate("0.1") + parse_rate("0.2") == Decimal("0.3")


@pytest.mark.parametrize("color", ["red", "#12345", "#1234567", "123456", "#gggggg"])
def test_a_colour_is_hash_and_six_hex_digits(tracker: Tracker, color: str) -> None:
    with pytest.raises(InvalidInputError, match="colour"):
        tracker.catalog.add_project("Website", color=color)
    assert tracker.catalog.projects() == []


def test_an_unknown_currency_is_refused(tracker: Tracker) -> None:
    with pytest.raises(InvalidInputError, match="currency"):
        tracker.catalog.add_client("Acme", currency="EURO")
    assert tracker.catalog.add_client("Acme", currency="usd").currency == "USD"


def test_new_projects_take_the_palette_in_turn(tracker: Tracker) -> None:
    colors = [tracker.catalog.add_project(f"P{n}").color for n in range(len(PALETTE) + 1)]
    assert colors == [*PALETTE, PALETTE[0]]
    assert tracker.catalog.add_project("Mine", color="#3366FF").color == "#3366ff"


# -- sessions with projects and tags ---------------------------------------------------------


def test_start_finds_or_creates_the_project_its_client_and_tags(tracker: Tracker) -> None:
    started = tracker.start(
        "Homepage", labels=Labels(ProjectName("Website", "Acme"), ("design", "Frontend"))
    ).started
    assert started.project is not None
    assert started.project.label == "Acme ▸ Website"
    assert started.tags == ("design", "Frontend")
    assert started.billable
    again = tracker.start(
        "More", labels=Labels(ProjectName("website", "ACME"), ("DESIGN",))
    ).started
    assert again.project == started.project  # found, whatever the case
    assert again.tags == ("design",)  # the spelling first typed
    assert [c.name for c in tracker.catalog.clients()] == ["Acme"]
    assert [(t.name, t.sessions) for t in tracker.catalog.tags()] == [
        ("design", 2),
        ("Frontend", 1),
    ]


def test_an_ambiguous_project_name_is_refused_naming_the_clients(tracker: Tracker) -> None:
    tracker.catalog.add_client("Acme")
    tracker.catalog.add_client("Globex")
    tracker.catalog.add_project("Website", "Acme")
    tracker.catalog.add_project("Website", "Globex")
    with pytest.raises(InvalidInputError, match=r"Acme, Globex.*--client"):
        tracker.start("x", labels=Labels(ProjectName("Website")))
    assert tracker.running() is None


def test_a_project_not_billable_makes_its_new_sessions_not_billable(tracker: Tracker) -> None:
    project = tracker.catalog.add_project("Internal", billable=False)
    session = tracker.add("Planning", NOW - 2 * HOUR, NOW - HOUR, Labels(project.id))
    assert not session.billable
    billable = tracker.add(
        "Billed anyway", NOW - 4 * HOUR, NOW - 3 * HOUR, Labels(project.id, billable=True)
    )
    assert billable.billable


def test_edit_replaces_tags_and_clears_the_project(tracker: Tracker) -> None:
    session = tracker.add(
        "Call", NOW - 2 * HOUR, NOW - HOUR, Labels(ProjectName("Website"), ("a", "b"))
    )
    edited = tracker.edit(session.id, labels=Labels(tags=("c",)))
    assert edited.tags == ("c",)
    assert edited.project == session.project  # unchanged unless given
    cleared = tracker.edit(session.id, labels=Labels(None, ()))
    assert cleared.project is None
    assert cleared.tags == ()


def test_continue_and_toggle_keep_project_tags_and_billable(
    tracker: Tracker, clock: FakeClock
) -> None:
    first = tracker.start(
        "Design", labels=Labels(ProjectName("Site", "Acme"), ("ux",), billable=False)
    ).started
    clock.advance(minutes=30)
    tracker.stop()
    clock.advance(minutes=5)
    continued = tracker.continue_session(first.id).started
    assert (continued.project, continued.tags, continued.billable) == (
        first.project,
        ("ux",),
        False,
    )
    clock.advance(minutes=5)
    tracker.toggle()
    clock.advance(minutes=5)
    _, switch = tracker.toggle()
    assert switch is not None
    assert (switch.started.project, switch.started.tags) == (first.project, ("ux",))


def test_list_filters_by_project_client_and_tag(tracker: Tracker) -> None:
    from tracker_desktop.core.periods import PeriodKind
    from tracker_desktop.core.service import SessionFilter

    site = tracker.add(
        "a", NOW - 5 * HOUR, NOW - 4 * HOUR, Labels(ProjectName("Site", "Acme"), ("x",))
    )
    tracker.add("b", NOW - 3 * HOUR, NOW - 2 * HOUR, Labels(ProjectName("App", "Globex"), ("x",)))
    tracker.add("c", NOW - 2 * HOUR, NOW - HOUR)
    day = NOW.astimezone(tracker.zone).date()
    assert site.project is not None
    by_project = tracker.report(
        PeriodKind.DAY, day, only=SessionFilter(project_ids=(site.project.id,))
    )
    assert [s.name for s in by_project.sessions] == ["a"]
    acme = tracker.catalog.find_client("acme")
    assert [
        s.name
        for s in tracker.report(PeriodKind.DAY, day, only=SessionFilter(client_id=acme.id)).sessions
    ] == ["a"]
    assert [
        s.name for s in tracker.report(PeriodKind.DAY, day, only=SessionFilter(tag="X")).sessions
    ] == ["b", "a"]


# -- archive and delete ----------------------------------------------------------------------


def test_archiving_hides_from_pickers_and_keeps_history(tracker: Tracker) -> None:
    session = tracker.add(
        "Old work", NOW - 2 * HOUR, NOW - HOUR, Labels(ProjectName("Legacy", "Acme"))
    )
    assert session.project is not None
    tracker.catalog.edit_project(session.project.id, archived=True)
    assert tracker.catalog.projects() == []
    assert [p.name for p in tracker.catalog.projects(archived=True)] == ["Legacy"]
    assert tracker.get(session.id).project == session.project
    acme = tracker.catalog.find_client("Acme")
    tracker.catalog.edit_project(session.project.id, archived=False)
    tracker.catalog.edit_client(acme.id, archived=True)
    assert tracker.catalog.clients() == []
    assert tracker.catalog.projects() == []  # a hidden client hides its projects


def test_deleting_a_project_in_use_needs_a_project_to_move_its_sessions_to(
    tracker: Tracker,
) -> None:
    old = tracker.catalog.add_project("Old")
    new = tracker.catalog.add_project("New")
    session = tracker.add("Work", NOW - 2 * HOUR, NOW - HOUR, Labels(old.id))
    with pytest.raises(InvalidInputError, match="1 session"):
        tracker.catalog.delete_project(old.id)
    assert tracker.get(session.id).project is not None
    assert tracker.catalog.delete_project(old.id, move_to=new.id) == 1
    moved = tracker.get(session.id).project
    assert moved is not None
    assert moved.name == "New"
    with pytest.raises(InvalidInputError, match="cannot move to the project that is deleted"):
        tracker.catalog.delete_project(new.id, move_to=new.id)
    unused = tracker.catalog.add_project("Unused")
    assert tracker.catalog.delete_project(unused.id) == 0


def test_renaming_a_tag_onto_another_merges_them(tracker: Tracker) -> None:
    both = tracker.add("both", NOW - 5 * HOUR, NOW - 4 * HOUR, Labels(tags=("ux", "design")))
    one = tracker.add("one", NOW - 3 * HOUR, NOW - 2 * HOUR, Labels(tags=("ux",)))
    merged = tracker.catalog.rename_tag("UX", "Design")
    assert (merged.name, merged.sessions) == ("design", 2)
    assert tracker.get(both.id).tags == ("design",)
    assert tracker.get(one.id).tags == ("design",)
    assert [t.name for t in tracker.catalog.tags()] == ["design"]
    assert tracker.catalog.delete_tag("design") == 2
    assert tracker.get(both.id).tags == ()
    with pytest.raises(NotFoundError):
        tracker.catalog.delete_tag("design")


# -- undo ------------------------------------------------------------------------------------


def seed(tracker: Tracker) -> None:
    tracker.catalog.add_client("Acme", rate=Decimal(80))
    tracker.catalog.add_project("Site", "Acme")
    tracker.catalog.add_project("Spare")
    tracker.add(
        "Tagged",
        NOW - 5 * HOUR,
        NOW - 4 * HOUR,
        Labels(ProjectName("Site", "Acme"), ("ux", "call")),
    )
    tracker.start("Running", NOW - HOUR, Labels(ProjectName("Site", "Acme"), ("ux",)))


OPERATIONS: dict[str, Callable[[Tracker], object]] = {
    "add client": lambda t: t.catalog.add_client("Globex"),
    "rename client": lambda t: t.catalog.edit_client(1, name="Acme Inc"),
    "re-rate client": lambda t: t.catalog.edit_client(1, rate=Decimal("95.5")),
    "archive client": lambda t: t.catalog.edit_client(1, archived=True),
    "add project": lambda t: t.catalog.add_project("New", "Acme"),
    "recolour project": lambda t: t.catalog.edit_project(1, color="#000000"),
    "move project to no client": lambda t: t.catalog.edit_project(1, client=None),
    "delete project moving sessions": lambda t: t.catalog.delete_project(1, move_to=2),
    "merge tags": lambda t: t.catalog.rename_tag("call", "ux"),
    "delete tag": lambda t: t.catalog.delete_tag("ux"),
    "start with a new project and tag": lambda t: t.start(
        "Next", labels=Labels(ProjectName("Fresh", "NewCo"), ("fresh",))
    ),
    "edit a session's labels": lambda t: t.edit(1, labels=Labels(2, ("other",))),
    "delete a tagged session": lambda t: t.delete([1]),
    "discard the running tagged session": lambda t: t.discard(),
}


@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_every_change_undoes_and_redoes_exactly(
    tracker: Tracker,
    storage: Storage,
    clock: FakeClock,
    changes: list[Change],
    operation: Callable[[Tracker], object],
) -> None:
    seed(tracker)
    changes.clear()
    clock.advance(minutes=7)
    before = everything(storage)
    operation(tracker)
    after = everything(storage)
    assert after != before
    (change,) = changes
    tracker.apply(change.inverse())
    assert everything(storage) == before
    tracker.apply(change)
    assert everything(storage) == after


# -- money -----------------------------------------------------------------------------------


def test_rate_precedence_project_then_client_then_default(tracker: Tracker) -> None:
    catalog = tracker.catalog
    catalog.set_preferences(default_rate=Decimal(50), default_currency="CHF")
    catalog.add_client("Acme", rate=Decimal(80), currency="EUR")
    own = catalog.add_project("Own rate", "Acme", rate=Decimal(120))
    inherits = catalog.add_project("Inherits", "Acme")
    loose = catalog.add_project("No client")
    pricing = catalog.pricing()
    assert pricing.of(own.id) == (Decimal(120), "EUR")
    assert pricing.of(inherits.id) == (Decimal(80), "EUR")
    assert pricing.of(loose.id) == (Decimal(50), "CHF")
    assert pricing.of(None) == (Decimal(50), "CHF")
    catalog.set_preferences(default_rate=None)
    assert catalog.pricing().of(None).rate is None


def test_amounts_round_half_up_once_per_line() -> None:
    hour = Decimal(3600)
    assert amount_text(Decimal("0.005") * hour, "EUR") == "0.01"
    assert amount_text(Decimal("2.5") * hour, "JPY") == "3"
    assert amount_text(Decimal("1.0005") * hour, "KWD") == "1.001"
    assert rounded(Decimal("160") * hour, "EUR") == Decimal("160.00")
    # Three thirds of a cent: each alone rounds to nothing, their exact sum to a cent.
    third_of_a_cent = rate_seconds(12, Decimal(1))  # 12 seconds at 1.00 an hour
    assert amount_text(third_of_a_cent, "EUR") == "0.00"
    assert amount_text(3 * third_of_a_cent, "EUR") == "0.01"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rates=st.lists(
        st.one_of(st.none(), st.decimals(min_value=0, max_value=500, places=2)),
        min_size=1,
        max_size=6,
    ),
    sessions=st.lists(
        st.tuples(st.integers(0, 5), st.booleans(), st.integers(0, 100_000)), max_size=40
    ),
)
def test_per_project_earnings_add_up_to_the_session_by_session_earnings(
    tracker: Tracker, rates: list[Decimal | None], sessions: list[tuple[int, bool, int]]
) -> None:
    catalog = tracker.catalog
    catalog.set_preferences(default_rate=Decimal("33.33"), default_currency="EUR")
    existing = len(catalog.projects(archived=True))
    ids = [catalog.add_project(f"P{existing + n}", rate=rate).id for n, rate in enumerate(rates)]
    pricing = catalog.pricing()
    priced = [Priced(ids[i % len(ids)], billable, seconds) for i, billable, seconds in sessions]
    whole = earnings(pricing, priced)
    by_project: dict[str, Decimal] = {}
    for project_id in set(ids):
        for currency, value in earnings(
            pricing, [p for p in priced if p.project_id == project_id]
        ).items():
            by_project[currency] = by_project.get(currency, Decimal(0)) + value
    assert by_project == whole
    one_by_one = sum((earnings(pricing, [p]).get("EUR", Decimal(0)) for p in priced), Decimal(0))
    assert rounded(one_by_one, "EUR") == rounded(whole.get("EUR", Decimal(0)), "EUR")


def test_time_per_project_is_summed_by_the_database_as_the_listing_clips_it(
    tracker: Tracker, clock: FakeClock
) -> None:
    site = tracker.catalog.add_project("Site")
    start = NOW - 30 * HOUR  # the day before, crossing midnight into the listed day
    tracker.add("across midnight", start, start + 10 * HOUR, Labels(site.id))
    tracker.add("inside", NOW - 3 * HOUR, NOW - 2 * HOUR, Labels(site.id, billable=False))
    tracker.add("no project", NOW - 5 * HOUR, NOW - 4 * HOUR)
    tracker.start("running", NOW - HOUR, Labels(site.id))
    clock.advance(minutes=30)
    from tracker_desktop.core.periods import PeriodKind

    report = tracker.report(PeriodKind.DAY, NOW.astimezone(tracker.zone).date())
    period = report.period
    expected: dict[int | None, int] = {}
    for session in report.sessions:
        seconds = int(session.time_within(period.start, period.end, report.now).total_seconds())
        key = session.project.id if session.project else None
        expected[key] = expected.get(key, 0) + seconds
    assert tracker.seconds_by_project(period.start, period.end) == expected
    billable = tracker.seconds_by_project(period.start, period.end, billable_only=True)
    assert billable[site.id] == expected[site.id] - 3600


def test_your_name_for_timesheets(tracker: Tracker) -> None:
    catalog = tracker.catalog
    assert catalog.your_name() == ""
    catalog.set_preferences(your_name=" Jane\tDoe ")
    assert catalog.your_name() == "Jane Doe"
    with pytest.raises(InvalidInputError, match="too long"):
        catalog.set_preferences(your_name="x" * 101)
    catalog.set_preferences(default_rate=Decimal(10))  # other preferences leave it alone
    assert catalog.your_name() == "Jane Doe"
    catalog.set_preferences(your_name="  ")
    assert catalog.your_name() == ""
