"""What the database must hold: a model of the stored sessions, random operations on it,
and their command lines, so a fault test knows the state before and after each one.

Times are UTC epoch seconds; ids are what SQLite gives (the largest id + 1).
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from datetime import UTC, datetime

from tests.reliability.harness import Row

MINUTE = 60
HOUR = 3600
# A Monday in the past: the model's clock starts here, and every time an operation gives
# lies between FLOOR (the same day) and that clock.
EPOCH = int(datetime(2020, 1, 6, 8, 0, tzinfo=UTC).timestamp())
FLOOR = EPOCH - 6 * HOUR
# Names as the rules keep them (no surrounding or doubled white space), of several scripts.
WORDS = ("Design", "Client A: homepage", "Réunion", "日本語の作業", "emoji 👩‍💻 work", "עברית")

Ledger = dict[int, Row]


@dataclass(frozen=True)
class Op:
    """One operation: ``start`` (a switch when one runs), ``continue`` (start named like
    ``id``), ``stop``, ``rename``, ``edit``, ``add``, ``delete``, ``discard``, ``backup``."""

    kind: str
    name: str | None = None
    id: int | None = None
    ids: tuple[int, ...] = ()
    at: int | None = None
    start: int | None = None
    end: int | None = None
    # edit: which of name/start/end the command gives (the window always gives all three)
    fields: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v not in (None, ())}

    @classmethod
    def from_json(cls, value: dict[str, object]) -> Op:
        data = dict(value)
        for key in ("ids", "fields"):
            if key in data:
                data[key] = tuple(data[key])
        return cls(**data)


def running_id(ledger: Ledger) -> int | None:
    running = [i for i, (_, _, end) in ledger.items() if end is None]
    assert len(running) <= 1, f"two sessions run at once: {running}"
    return running[0] if running else None


def latest_instant(ledger: Ledger) -> int:
    """The latest start or end stored, or EPOCH: where a model's clock continues from."""
    return max([EPOCH, *(max(start, end or start) for _, start, end in ledger.values())])


def apply(ledger: Ledger, op: Op) -> Ledger:
    """The ledger after ``op`` succeeded (raises if the program would have refused it)."""
    after = dict(ledger)
    running = running_id(ledger)
    if op.kind in {"start", "continue"}:
        assert op.at is not None
        name = op.name if op.kind == "start" else ledger[op.id or 0][0]
        assert name is not None
        if running is not None:
            old_name, old_start, _ = ledger[running]
            assert op.at >= old_start
            after[running] = (old_name, old_start, op.at)
        after[max(ledger, default=0) + 1] = (name, op.at, None)
    elif op.kind == "stop":
        assert running is not None
        assert op.at is not None
        name, start, _ = ledger[running]
        assert op.at >= start
        after[running] = (name, start, op.at)
    elif op.kind == "rename":
        target = running if op.id is None else op.id
        assert target is not None
        assert op.name is not None
        _, start, end = ledger[target]
        after[target] = (op.name, start, end)
    elif op.kind == "edit":
        assert op.id is not None
        name, start, end = ledger[op.id]
        new = (
            op.name if "name" in op.fields else name,
            op.start if "start" in op.fields else start,
            op.end if "end" in op.fields else end,
        )
        assert new[0] is not None
        assert new[1] is not None
        assert new[2] is None or new[2] > new[1]
        after[op.id] = (new[0], new[1], new[2])
    elif op.kind == "add":
        assert op.name is not None
        assert op.start is not None
        assert op.end is not None
        assert op.end > op.start
        after[max(ledger, default=0) + 1] = (op.name, op.start, op.end)
    elif op.kind == "delete":
        for session_id in op.ids:
            del after[session_id]
    elif op.kind == "discard":
        assert running is not None
        del after[running]
    else:
        assert op.kind == "backup", op
    return after


class Generator:
    """Random valid operations on a ledger, with a clock that only moves forward."""

    def __init__(self, seed: int, now: int, *, window: bool) -> None:
        self.random = random.Random(seed)
        self.now = now
        self.window = window  # the window switches by "continue" and makes no backups
        self._count = 0

    def _name(self) -> str:
        self._count += 1
        return f"{self.random.choice(WORDS)} {self._count}"

    def _past_span(self) -> tuple[int, int]:
        """A finished session somewhere between FLOOR and now."""
        start = self.random.randint(FLOOR, self.now - 2 * MINUTE)
        end = min(start + self.random.randint(1, 240) * MINUTE, self.now)
        return start, end

    def next(self, ledger: Ledger) -> Op:
        self.now += self.random.randint(1, 20) * MINUTE
        running = running_id(ledger)
        ids = sorted(ledger)
        choices: list[tuple[str, int]] = [("start", 30 if running is None else 22), ("add", 10)]
        if running is not None:
            choices += [("stop", 20), ("discard", 2)]
        if ids:
            choices += [("rename", 10), ("edit", 14), ("delete", 6), ("continue", 5)]
        if not self.window:
            choices.append(("backup", 3))
        kinds, weights = zip(*choices, strict=True)
        kind = self.random.choices(kinds, weights)[0]
        if kind == "start" and running is not None and self.window:
            kind = "continue"  # the window switches tasks by continuing one
        if kind == "start":
            return Op("start", name=self._name(), at=self.now)
        if kind == "continue":
            target = self.random.choice(ids)
            if not self.window:  # the CLI's continue starts "now": name the start instead
                return Op("start", name=ledger[target][0], at=self.now)
            return Op("continue", id=target, at=self.now)
        if kind == "stop":
            return Op("stop", at=self.now)
        if kind == "discard":
            return Op("discard")
        if kind == "add":
            start, end = self._past_span()
            return Op("add", name=self._name(), start=start, end=end)
        if kind == "rename":
            target = self.random.choice(ids)
            return Op("rename", name=self._name(), id=None if target == running else target)
        if kind == "delete":
            count = 1 if self.window else self.random.choice((1, 1, 2))
            return Op("delete", ids=tuple(self.random.sample(ids, min(count, len(ids)))))
        if kind == "edit":
            return self._edit(ledger, self.random.choice(ids))
        return Op("backup")

    def _edit(self, ledger: Ledger, target: int) -> Op:
        _, start, end = ledger[target]
        fields = set(self.random.sample(["name", "start", "end"], 2))
        new_start, new_end = start, end
        if end is None:  # running: a new start, or (rarely) an end that stops it
            fields.add("start")
            new_start = self.random.randint(max(FLOOR, start - 3 * HOUR), start)
            if self.random.random() < 0.2:
                fields.add("end")
                new_end = self.random.randint(new_start + 1, self.now)
        elif fields & {"start", "end"}:
            fields |= {"start", "end"}
            new_start, new_end = self._past_span()
        if self.window:
            fields |= {"start", "end"}  # the dialog returns every field
        name = self._name() if "name" in fields else None
        return Op(
            "edit",
            id=target,
            name=name,
            start=new_start,
            end=new_end,
            fields=tuple(sorted(fields)),
        )


def iso(instant: int) -> str:
    return datetime.fromtimestamp(instant, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def cli_args(op: Op) -> list[str]:
    """The command line that performs ``op``."""
    if op.kind == "start":
        return ["start", "--at", iso(op.at or 0), "--", op.name or ""]
    if op.kind == "continue":
        raise AssertionError("the CLI's continue starts at 'now'; the model needs --at")
    if op.kind == "stop":
        return ["stop", "--at", iso(op.at or 0)]
    if op.kind == "rename":
        id_args = [] if op.id is None else ["--id", str(op.id)]
        return ["rename", *id_args, "--", op.name or ""]
    if op.kind == "edit":
        args = ["edit", str(op.id)]
        if "name" in op.fields:
            args += ["--name", op.name or ""]
        if "start" in op.fields:
            args += ["--start", iso(op.start or 0)]
        if "end" in op.fields and op.end is not None:
            args += ["--end", iso(op.end)]
        return args
    if op.kind == "add":
        span = ["--start", iso(op.start or 0), "--end", iso(op.end or 0)]
        return ["add", *span, "--", op.name or ""]
    if op.kind == "delete":
        return ["delete", *map(str, op.ids)]
    return [op.kind]  # discard, backup
