"""Two or three data folders against one real PostgreSQL server: what every machine ends
with after edits on each, offline and online (no mocks: the suite's own server)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.support import FakeClock
from tests.sync.helpers import labels, sessions, sync_all
from tests.unit.import_samples import toggl_row, write_toggl
from tracker_desktop.core.catalog import Catalog, ProjectName
from tracker_desktop.core.importing import Importer
from tracker_desktop.core.service import Labels
from tracker_desktop.core.sync import connect, sync_now, sync_status

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


def test_first_sync_brings_existing_data_to_the_other_machine(machines, user) -> None:
    a = machines.new(user, connect=False)
    a.add("Before sync", T0 - hours(5), T0 - hours(4),
          Labels(project=ProjectName("Website", "Acme"), tags=("deep", "urgent")))  # fmt: skip
    a.add("Plain", T0 - hours(3), T0 - hours(2))
    connect(a, machines.db.url(user), "secret")
    assert sync_status(a).pending_changes == 6  # client, project, two tags, two sessions
    first = sync_now(a)
    assert first.pushed == 6
    assert sync_status(a).pending_changes == 0
    b = machines.new(user)
    sync_now(b)
    assert sessions(b) == sessions(a)
    assert labels(b) == labels(a) == (["Acme"], ["Acme ▸ Website"], ["deep", "urgent"])


def test_edits_on_both_machines_offline_are_merged(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("Shared", T0 - hours(6), T0 - hours(5))
    sync_all(a, b)
    shared_b = b.sessions_between(T0 - hours(7), T0)[0]
    # Offline: A renames, B moves the end; and each adds a session of its own.
    shared_a = a.sessions_between(T0 - hours(7), T0)[0]
    a.rename("Shared, renamed on A", shared_a.id)
    b.edit(shared_b.id, end=T0 - hours(4))
    a.add("Only on A", T0 - hours(3), T0 - hours(2))
    b.add("Only on B", T0 - hours(2), T0 - hours(1))
    sync_all(a, b)
    expected = [
        ("Shared, renamed on A", T0 - hours(6), T0 - hours(4), None, (), True),
        ("Only on A", T0 - hours(3), T0 - hours(2), None, (), True),
        ("Only on B", T0 - hours(2), T0 - hours(1), None, (), True),
    ]
    assert sessions(a) == sessions(b) == expected


def test_the_same_field_edited_on_both_takes_the_edit_that_reached_the_server_last(
    machines, user
) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("Original", T0 - hours(6), T0 - hours(5))
    sync_all(a, b)
    a.rename("A's name", a.sessions_between(T0 - hours(7), T0)[0].id)
    b.rename("B's name", b.sessions_between(T0 - hours(7), T0)[0].id)
    sync_now(b)  # B's reaches the server first
    sync_now(a)  # A's last: it wins
    sync_now(b)
    assert [s[0] for s in sessions(a)] == [s[0] for s in sessions(b)] == ["A's name"]


def test_a_delete_wins_over_an_edit_made_elsewhere(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("Doomed", T0 - hours(6), T0 - hours(5))
    a.add("Kept", T0 - hours(4), T0 - hours(3))
    sync_all(a, b)
    doomed_a = next(s for s in a.sessions_between(T0 - hours(7), T0) if s.name == "Doomed")
    doomed_b = next(s for s in b.sessions_between(T0 - hours(7), T0) if s.name == "Doomed")
    a.delete([doomed_a.id])
    b.rename("Edited after the delete", doomed_b.id)
    sync_now(a)
    sync_now(b)  # B's edit arrives after the delete: dropped, and B deletes it too
    sync_all(a, b)
    assert [s[0] for s in sessions(a)] == [s[0] for s in sessions(b)] == ["Kept"]
    # Whichever reaches the server first: the edit first, then the delete.
    c, d = machines.new(user), machines.new(user)
    sync_all(a, b, c, d)
    kept_c = c.sessions_between(T0 - hours(7), T0)[0]
    kept_d = d.sessions_between(T0 - hours(7), T0)[0]
    c.rename("Edited first", kept_c.id)
    d.delete([kept_d.id])
    sync_now(c)
    sync_now(d)
    sync_all(a, b, c, d)
    assert sessions(a) == sessions(b) == sessions(c) == sessions(d) == []


def test_two_sessions_started_offline_leave_one_running_and_say_so(machines, user) -> None:
    a = machines.new(user, clock=FakeClock(T0))
    b = machines.new(user, clock=FakeClock(T0))
    a.start("Earlier, on A", at=T0 - hours(2))
    b.start("Later, on B", at=T0 - hours(1))
    sync_now(a)
    result = sync_now(b)
    assert result.notices == [
        "Stopped 'Earlier, on A' at 2026-11-26 09:00: 'Later, on B' was started here"
    ]
    sync_all(a, b)
    assert (
        sessions(a)
        == sessions(b)
        == [
            ("Earlier, on A", T0 - hours(2), T0 - hours(1), None, (), True),
            ("Later, on B", T0 - hours(1), None, None, (), True),
        ]
    )
    # A stops "its" session hours later, not knowing: the stop cannot add hours.
    a.clock.advance(hours=5)
    a.stop()
    sync_all(a, b)
    assert sessions(a)[0][2] == T0 - hours(1)
    assert sessions(a) == sessions(b)


def test_a_machine_whose_clock_is_an_hour_wrong_changes_nothing_in_the_order(
    machines, user
) -> None:
    a = machines.new(user, clock=FakeClock(T0))
    wrong = machines.new(user, clock=FakeClock(T0 + hours(1)))  # an hour ahead
    a.add("Original", T0 - hours(6), T0 - hours(5))
    sync_all(a, wrong)
    # The machine an hour ahead renames first; the right one renames later: the later
    # edit (by the server's order) wins, whatever the clocks said.
    wrong.rename("From the wrong clock", wrong.sessions_between(T0 - hours(7), T0)[0].id)
    sync_now(wrong)
    a.rename("Later, from the right clock", a.sessions_between(T0 - hours(7), T0)[0].id)
    sync_now(a)
    sync_all(a, wrong)
    assert [s[0] for s in sessions(a)] == [s[0] for s in sessions(wrong)]
    assert sessions(a)[0][0] == "Later, from the right clock"


def test_undo_of_a_change_is_synced(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    changes = []
    a.changes.add(changes.append)
    a.add("Kept", T0 - hours(6), T0 - hours(5))
    a.add("Undone", T0 - hours(4), T0 - hours(3))
    sync_all(a, b)
    assert len(sessions(b)) == 2
    a.apply(changes[-1].inverse())  # undo the second add
    sync_all(a, b)
    assert [s[0] for s in sessions(b)] == ["Kept"]
    a.apply(changes[-1])  # and redo it: the same session comes back everywhere
    sync_all(a, b)
    assert [s[0] for s in sessions(b)] == ["Kept", "Undone"]


def test_an_import_is_synced(machines, user, tmp_path: Path) -> None:
    a, b = machines.new(user), machines.new(user)
    path = write_toggl(
        tmp_path / "toggl.csv",
        [
            toggl_row("2026-11-20 09:00:00", "2026-11-20 10:00:00", description="Imported",
                      project="Site", client="Acme", tags="x, y"),
            toggl_row("2026-11-21 09:00:00", "2026-11-21 11:00:00", description="Second"),
        ],
    )  # fmt: skip
    Importer(a).run(path, "toggl-csv")
    sync_all(a, b)
    assert sessions(b) == sessions(a)
    assert len(sessions(b)) == 2
    assert labels(b) == labels(a)


def test_clients_projects_and_tags_made_apart_with_one_name_become_one(machines, user) -> None:
    a, b, c = machines.new(user), machines.new(user), machines.new(user)
    a.add("On A", T0 - hours(6), T0 - hours(5),
          Labels(project=ProjectName("Website", "Acme"), tags=("deep",)))  # fmt: skip
    b.add("On B", T0 - hours(4), T0 - hours(3),
          Labels(project=ProjectName("website", "ACME"), tags=("Deep",)))  # fmt: skip
    results = sync_all(a, b, c, rounds=3)
    assert any("Merged" in notice for result in results for notice in result.notices)
    assert sessions(a) == sessions(b) == sessions(c)
    assert labels(a) == labels(b) == labels(c)
    assert len(labels(a)[0]) == len(labels(a)[1]) == len(labels(a)[2]) == 1
    assert {s[3] for s in sessions(a)} == {labels(a)[1][0]}


def test_catalog_edits_are_synced(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("Work", T0 - hours(6), T0 - hours(5), Labels(project=ProjectName("Website", "Acme")))
    sync_all(a, b)
    catalog = Catalog(b)
    catalog.edit_client(catalog.find_client("Acme").id, name="Acme Corp")
    sync_all(a, b)
    assert labels(a)[0] == ["Acme Corp"]
    assert sessions(a) == sessions(b)


def test_sync_status_reads_only_local_data(machines, user, db) -> None:
    a = machines.new(user)
    a.add("Waiting", T0 - hours(6), T0 - hours(5))
    status = sync_status(a)
    assert status.configured
    assert status.last_sync is None
    assert status.pending_changes == 1
    assert status.server == db.url(user)
    sync_now(a)
    assert sync_status(a).last_sync == a.now()
    assert sync_status(a).pending_changes == 0


@pytest.mark.parametrize("first", ["a", "b"])
def test_three_machines_end_equal_after_a_busy_day(machines, user, first: str) -> None:
    a, b, c = machines.new(user), machines.new(user), machines.new(user)
    for index, machine in enumerate((a, b, c)):
        machine.add(f"Morning {index}", T0 - hours(8 - index), T0 - hours(7.5 - index))
    sync_all(*((a, b, c) if first == "a" else (b, c, a)))
    b.start("Running on B", at=T0 - hours(1))
    first_c = c.sessions_between(T0 - hours(9), T0)[-1]
    c.delete([first_c.id])
    sync_all(a, b, c)
    assert sessions(a) == sessions(b) == sessions(c)
    assert len(sessions(a)) == 3


def test_changes_from_the_server_are_announced_but_not_recorded_again(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    heard = []
    b.changes.add(heard.append)
    a.add("From A", T0 - hours(6), T0 - hours(5))
    sync_now(a)
    sync_now(b)
    assert len(heard) == 1
    assert heard[0].from_server  # the window refreshes; its undo leaves it alone
    assert {row.table for row in heard[0].after} == {"session"}
    assert sync_status(b).pending_changes == 0  # nothing to send back


def test_setting_up_again_keeps_what_waits_to_be_sent(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("Synced", T0 - hours(6), T0 - hours(5))
    sync_all(a, b)
    a.rename("Renamed, not yet sent", a.sessions_between(T0 - hours(7), T0)[0].id)
    connect(a, machines.db.url(user), "secret")  # again: a new password, say
    assert sync_status(a).pending_changes == 1
    sync_all(a, b)
    assert [s[0] for s in sessions(b)] == ["Renamed, not yet sent"]


@pytest.mark.parametrize("order", ["abc", "bca", "cab"])
def test_merged_clients_keep_every_project_and_session(machines, user, order: str) -> None:
    a, b, c = machines.new(user), machines.new(user), machines.new(user)
    a.add("A1", T0 - hours(8), T0 - hours(7), Labels(project=ProjectName("Website", "Acme")))
    b.add("B1", T0 - hours(6), T0 - hours(5),
          Labels(project=ProjectName("website", "ACME"), tags=("x",)))  # fmt: skip
    b.add("B2", T0 - hours(4), T0 - hours(3), Labels(project=ProjectName("Other", "ACME")))
    c.add("C1", T0 - hours(2), T0 - hours(1), Labels(project=ProjectName("Other")))
    machine = {"a": a, "b": b, "c": c}
    sync_all(*(machine[name] for name in order), rounds=3)
    assert sessions(a) == sessions(b) == sessions(c)
    assert labels(a) == labels(b) == labels(c)
    clients, projects, _ = labels(a)
    assert len(clients) == 1
    assert len(projects) == 3  # Acme's Website and Other, and Other without a client
    assert [s[0] for s in sessions(a)] == ["A1", "B1", "B2", "C1"]
    assert sessions(a)[0][3] == sessions(a)[1][3]  # one Website for A1 and B1
