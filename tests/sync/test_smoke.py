from __future__ import annotations

from tracker_desktop.core.sync import sync_now, sync_status


def test_a_session_made_on_one_machine_reaches_the_other(machines, user) -> None:
    a = machines.new(user)
    b = machines.new(user)
    a.start("Design")
    a.clock.advance(hours=1)
    a.stop()
    assert sync_status(a).pending_changes == 1
    result = sync_now(a)
    assert result.pushed == 1
    assert sync_status(a).pending_changes == 0
    sync_now(b)
    assert [s.name for s in b.recent_distinct(5)] == ["Design"]
