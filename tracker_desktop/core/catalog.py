"""Clients, projects and tags, and the preferences that price them: each change one
transaction, recorded for undo like every change to sessions.

Names are unique whatever their case (projects within their client) and keep the
spelling first typed; archiving hides a client or project from pickers and keeps its
history; a project that sessions use is deleted only by moving them to another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import peewee

from tracker_desktop.core.errors import InvalidInputError, NotFoundError
from tracker_desktop.core.models import (
    Client,
    Project,
    Record,
    SessionRecord,
    SessionTag,
    Setting,
    Tag,
)
from tracker_desktop.core.money import locale_currency, normalized, parse_currency, rate_from_text
from tracker_desktop.core.names import name_key, normalize_label, normalize_tag
from tracker_desktop.core.pricing import Pricing
from tracker_desktop.core.writes import UNCHANGED, Recorder, Writer, _Unchanged

if TYPE_CHECKING:
    from collections.abc import Iterator

# Twelve colours told apart in light and dark themes and by the common colour blindness
# (Tableau's palette, which was designed for that); new projects take them in turn.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#499894", "#d37295",
)  # fmt: skip
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")

DEFAULT_RATE = "default_rate"
DEFAULT_CURRENCY = "default_currency"
WEEK_START = "week_start"
YOUR_NAME = "your_name"  # who a timesheet is from


class ClientInfo(NamedTuple):
    id: int
    name: str
    rate: Decimal | None
    currency: str | None  # None: the default currency
    archived: bool


class ProjectInfo(NamedTuple):
    id: int
    name: str
    client_id: int | None
    client: str | None
    color: str
    rate: Decimal | None  # the project's own; None: it inherits
    billable: bool
    archived: bool

    @property
    def label(self) -> str:
        """``Acme ▸ Website``, or ``Website`` without a client."""
        return f"{self.client} ▸ {self.name}" if self.client else self.name


class TagInfo(NamedTuple):
    id: int
    name: str
    sessions: int


class ProjectName(NamedTuple):
    """A project as typed: found by its name (within ``client``), or created."""

    name: str
    client: str | None = None


def parse_color(text: str, *, what: str = "--color") -> str:
    if not _COLOR.fullmatch(text.strip()):
        raise InvalidInputError(
            f"{what}: {text!r} is not a colour (#RRGGBB, such as #3366ff)", field="color"
        )
    return text.strip().lower()


def _client_info(record: Client) -> ClientInfo:
    return ClientInfo(
        record.id, record.name, rate_from_text(record.rate), record.currency, record.archived
    )


def _project_select() -> peewee.ModelSelect[Project]:
    return Project.select(Project, Client.name.alias("client_name")).join(
        Client, peewee.JOIN.LEFT_OUTER, on=(Project.client == Client.id)
    )


def _project_info(record: Project) -> ProjectInfo:
    """A project as plain values; its client's name is joined in by ``_project_select``
    (and read here when it was not)."""
    client: str | None = getattr(record, "client_name", None)
    if record.client_id is not None and client is None:
        client = Client.get_by_id(record.client_id).name
    return ProjectInfo(
        record.id,
        record.name,
        record.client_id,
        client,
        record.color,
        rate_from_text(record.rate),
        record.billable,
        record.archived,
    )


def _projects(query: peewee.ModelSelect[Project]) -> Iterator[ProjectInfo]:
    records: Iterable[Project] = query.objects()
    for record in records:
        yield _project_info(record)


# -- finding and creating, inside a change of the caller ----------------------------------


def find_client(name: str) -> Client | None:
    found: Client | None = Client.get_or_none(Client.name_key == name_key(name.strip()))
    return found


def require_client(name: str) -> Client:
    found = find_client(name)
    if found is None:
        raise NotFoundError(f"no client named {name.strip()!r}")
    return found


def find_projects(name: str, client: str | None = None) -> list[Project]:
    """Projects called ``name`` (within ``client`` when given)."""
    query = Project.select().where(Project.name_key == name_key(name.strip()))
    if client is not None:
        owner = find_client(client)
        if owner is None:
            return []
        query = query.where(Project.client == owner.id)
    return list(query)


def require_project(name: str, client: str | None = None) -> Project:
    """The one project called ``name`` (within ``client``); an ambiguous name is invalid
    input naming the clients to choose from."""
    found = find_projects(name, client)
    if not found:
        where = f" of client {client.strip()!r}" if client else ""
        raise NotFoundError(f"no project named {name.strip()!r}{where}")
    if len(found) > 1:
        owners = sorted(
            Client.get_by_id(p.client_id).name if p.client_id else "(no client)" for p in found
        )
        raise InvalidInputError(
            f"--project: {name.strip()!r} is the name of projects of several clients "
            f"({', '.join(owners)}); say which with --client",
            field="project",
        )
    return found[0]


def next_color() -> str:
    return PALETTE[Project.select().count() % len(PALETTE)]


def create_client(
    change: Recorder,
    name: str,
    now: datetime,
    rate: Decimal | None = None,
    currency: str | None = None,
) -> Client:
    name = normalize_label(name, "client")
    if find_client(name) is not None:
        raise InvalidInputError(f"client: {name!r} exists already", field="name")
    record: Client = Client.create(
        name=name,
        name_key=name_key(name),
        rate=None if rate is None else str(normalized(rate)),
        currency=currency,
        archived=False,
        created_at=now,
        updated_at=now,
    )
    change.watch_new(record)
    return record


def create_project(
    change: Recorder,
    name: str,
    now: datetime,
    client: Client | None = None,
    color: str | None = None,
    rate: Decimal | None = None,
    billable: bool = True,
) -> Project:
    name = normalize_label(name, "project")
    _refuse_taken_project(name, client.id if client else None)
    record: Project = Project.create(
        name=name,
        name_key=name_key(name),
        client=client.id if client else None,
        color=color or next_color(),
        rate=None if rate is None else str(normalized(rate)),
        billable=billable,
        archived=False,
        created_at=now,
        updated_at=now,
    )
    change.watch_new(record)
    return record


def find_project_in(name: str, client_id: int | None) -> Project | None:
    """The project called ``name`` among those of client ``client_id`` (None: among the
    projects without a client)."""
    found: Project | None = Project.get_or_none(
        (Project.name_key == name_key(name.strip()))
        & (peewee.fn.ifnull(Project.client, 0) == (client_id or 0))
    )
    return found


def _refuse_taken_project(name: str, client_id: int | None, except_id: int | None = None) -> None:
    taken = find_project_in(name, client_id)
    if taken is not None and taken.id != except_id:
        owner = f" of client {Client.get_by_id(client_id).name!r}" if client_id else ""
        raise InvalidInputError(f"project: {name!r}{owner} exists already", field="name")


def resolve_project(change: Recorder, wanted: ProjectName, now: datetime) -> Project:
    """The project ``wanted`` names, created (and its client too) when there is none."""
    found = find_projects(wanted.name, wanted.client)
    if len(found) > 1 or (found and wanted.client is None):
        return require_project(wanted.name, wanted.client)
    if found:
        return found[0]
    client = None
    if wanted.client is not None:
        client = find_client(wanted.client) or create_client(change, wanted.client, now)
    return create_project(change, wanted.name, now, client)


def resolve_tags(change: Recorder, names: Iterable[str], now: datetime) -> list[Tag]:
    """The tags ``names`` name (each once), created when there is none."""
    tags: dict[int, Tag] = {}
    for raw in names:
        name = normalize_tag(raw)
        tag = find_tag(name) or create_tag(change, name, now)
        tags[tag.id] = tag
    return list(tags.values())


def find_tag(name: str) -> Tag | None:
    found: Tag | None = Tag.get_or_none(Tag.name_key == name_key(name.strip()))
    return found


def create_tag(change: Recorder, name: str, now: datetime) -> Tag:
    """A new tag called ``name`` (already checked by ``normalize_tag``)."""
    tag: Tag = Tag.create(name=name, name_key=name_key(name), created_at=now, updated_at=now)
    change.watch_new(tag)
    return tag


def set_session_tags(change: Recorder, session_id: int, tags: list[Tag]) -> None:
    """Makes ``tags`` exactly the tags of session ``session_id``."""
    wanted = {tag.id for tag in tags}
    for link in SessionTag.select().where(SessionTag.session == session_id):
        if link.tag_id not in wanted:
            change.watch(link)
            link.delete_instance()
        wanted.discard(link.tag_id)
    for tag_id in sorted(wanted):
        change.watch_new(SessionTag.create(session=session_id, tag=tag_id))


# -- settings -----------------------------------------------------------------------------


def read_setting(key: str) -> str | None:
    value: str | None = Setting.select(Setting.value).where(Setting.key == key).scalar()
    return value


class Catalog:
    """Clients, projects, tags and pricing preferences, changed through ``writer``."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer

    # -- reading --------------------------------------------------------------------

    def clients(self, *, archived: bool = False) -> list[ClientInfo]:
        with self.writer.storage.snapshot():
            query = Client.select().order_by(Client.name_key)
            if not archived:
                query = query.where(~Client.archived)
            return [_client_info(c) for c in query]

    def projects(self, *, archived: bool = False) -> list[ProjectInfo]:
        """Projects by client (those without one first), then by name."""
        with self.writer.storage.snapshot():
            query = _project_select().order_by(
                Client.name_key.is_null(False), Client.name_key, Project.name_key
            )
            if not archived:
                query = query.where(
                    ~Project.archived & (Client.archived.is_null() | ~Client.archived)
                )
            return list(_projects(query))

    def project(self, project_id: int) -> ProjectInfo:
        with self.writer.storage.snapshot():
            found = _project_select().where(Project.id == project_id).objects().first()
            if found is None:
                raise NotFoundError(f"no project with id {project_id}")
            return _project_info(found)

    def find_project(self, name: str, client: str | None = None) -> ProjectInfo:
        with self.writer.storage.snapshot():
            return _project_info(require_project(name, client))

    def find_client(self, name: str) -> ClientInfo:
        with self.writer.storage.snapshot():
            return _client_info(require_client(name))

    def tags(self) -> list[TagInfo]:
        """Every tag with the number of sessions it is on, by name."""
        with self.writer.storage.snapshot():
            count = peewee.fn.count(SessionTag.id)
            query = (
                Tag.select(Tag.id, Tag.name, count)
                .join(SessionTag, peewee.JOIN.LEFT_OUTER, on=(SessionTag.tag == Tag.id))
                .group_by(Tag.id)
                .order_by(Tag.name_key)
                .tuples()
            )
            rows: Iterable[tuple[int, str, int]] = query  # type: ignore[assignment]
            return [TagInfo(*row) for row in rows]

    def project_sessions(self, project_id: int) -> int:
        """How many sessions project ``project_id`` has (through their project index):
        whether deleting it needs a project for them."""
        with self.writer.storage.snapshot():
            count: int = SessionRecord.select().where(SessionRecord.project == project_id).count()
            return count

    def tag_names(self) -> list[str]:
        """Every tag's name, by name: what a picker offers (``tags`` also counts their
        sessions, which reads every tagged session)."""
        with self.writer.storage.snapshot():
            query = Tag.select(Tag.name).order_by(Tag.name_key).tuples()
            rows: Iterable[tuple[str]] = query  # type: ignore[assignment]
            return [name for (name,) in rows]

    def default_rate(self) -> Decimal | None:
        with self.writer.storage.snapshot():
            return rate_from_text(read_setting(DEFAULT_RATE))

    def default_currency(self) -> str:
        with self.writer.storage.snapshot():
            return read_setting(DEFAULT_CURRENCY) or locale_currency()

    def pricing(self) -> Pricing:
        """The rate and currency of each project's sessions, as things stand."""
        return Pricing(self.writer.storage, self.default_rate(), self.default_currency())

    def week_start(self, default: int = 0) -> int:
        """The first day of the week, 0 = Monday to 6 = Sunday: the one chosen in
        Preferences, else ``default`` (the window passes its locale's; the command line
        keeps Monday, as its contract says)."""
        chosen = self.chosen_week_start()
        return default if chosen is None else chosen

    def chosen_week_start(self) -> int | None:
        """The first day of the week chosen in Preferences; None: follow the locale."""
        with self.writer.storage.snapshot():
            value = read_setting(WEEK_START)
        return int(value) if value and value.isdigit() and int(value) < 7 else None

    def your_name(self) -> str:
        """The freelancer's name, as timesheets say who they are from ("" when unset)."""
        with self.writer.storage.snapshot():
            return read_setting(YOUR_NAME) or ""

    # -- clients ----------------------------------------------------------------------

    def add_client(
        self, name: str, rate: Decimal | None = None, currency: str | None = None
    ) -> ClientInfo:
        currency = None if currency is None else parse_currency(currency)
        with self.writer.changing() as change:
            record = create_client(change, name, self.writer.now(), rate, currency)
            change.description = f"Add client “{record.name}”"
        return _client_info(record)

    def edit_client(
        self,
        client_id: int,
        *,
        name: str | None = None,
        rate: Decimal | _Unchanged | None = UNCHANGED,
        currency: str | _Unchanged | None = UNCHANGED,
        archived: bool | None = None,
    ) -> ClientInfo:
        """Renames, re-rates, re-currencies, archives or brings back a client."""
        if isinstance(currency, str):
            currency = parse_currency(currency)
        with self.writer.changing() as change:
            record = _require_id(Client, client_id, "client")
            change.watch(record)
            if name is not None:
                new_name = normalize_label(name, "client")
                taken = find_client(new_name)
                if taken is not None and taken.id != record.id:
                    raise InvalidInputError(f"client: {new_name!r} exists already", field="name")
                record.name, record.name_key = new_name, name_key(new_name)
            if not isinstance(rate, _Unchanged):
                record.rate = None if rate is None else str(normalized(rate))
            if not isinstance(currency, _Unchanged):
                record.currency = currency
            if archived is not None:
                record.archived = archived
            record.updated_at = self.writer.now()
            record.save()
            change.description = _edit_description("client", record.name, archived)
        return _client_info(record)

    # -- projects ---------------------------------------------------------------------

    def add_project(
        self,
        name: str,
        client: str | None = None,
        *,
        color: str | None = None,
        rate: Decimal | None = None,
        billable: bool = True,
    ) -> ProjectInfo:
        """Creates a project (in ``client``, made if new)."""
        color = None if color is None else parse_color(color)
        with self.writer.changing() as change:
            owner = None if client is None else _client_named(change, client, self.writer.now())
            record = create_project(change, name, self.writer.now(), owner, color, rate, billable)
            change.description = f"Add project “{record.name}”"
            return _project_info(record)

    def edit_project(
        self,
        project_id: int,
        *,
        name: str | None = None,
        client: str | _Unchanged | None = UNCHANGED,
        color: str | None = None,
        rate: Decimal | _Unchanged | None = UNCHANGED,
        billable: bool | None = None,
        archived: bool | None = None,
    ) -> ProjectInfo:
        """Renames, moves to another client (None: to none), recolours, re-rates,
        changes the billable default, archives or brings back a project."""
        color = None if color is None else parse_color(color)
        with self.writer.changing() as change:
            record = _require_id(Project, project_id, "project")
            change.watch(record)
            if not isinstance(client, _Unchanged):
                owner = None if client is None else _client_named(change, client, self.writer.now())
                record.client_id = None if owner is None else owner.id
            if name is not None:
                new_name = normalize_label(name, "project")
                record.name, record.name_key = new_name, name_key(new_name)
            if name is not None or not isinstance(client, _Unchanged):
                _refuse_taken_project(record.name, record.client_id, except_id=record.id)
            if color is not None:
                record.color = color
            if not isinstance(rate, _Unchanged):
                record.rate = None if rate is None else str(normalized(rate))
            if billable is not None:
                record.billable = billable
            if archived is not None:
                record.archived = archived
            record.updated_at = self.writer.now()
            record.save()
            change.description = _edit_description("project", record.name, archived)
            return _project_info(record)

    def delete_project(self, project_id: int, move_to: int | None = None) -> int:
        """Deletes a project; the sessions that use it move to project ``move_to``
        (refused without one while there are any). Returns how many moved."""
        with self.writer.changing() as change:
            record = _require_id(Project, project_id, "project")
            sessions = list(SessionRecord.select().where(SessionRecord.project == record.id))
            if sessions and move_to is None:
                raise InvalidInputError(
                    f"project: {len(sessions)} session(s) use “{record.name}”; say which "
                    "project they move to (--move-sessions-to), or archive it instead",
                    field="project",
                )
            if move_to is not None:
                target = _require_id(Project, move_to, "project")
                if target.id == record.id:
                    raise InvalidInputError(
                        "--move-sessions-to: the sessions cannot move to the project that "
                        "is deleted",
                        field="project",
                    )
                now = self.writer.now()
                for session in sessions:
                    change.watch(session)
                    session.project_id = target.id
                    session.updated_at = now
                    session.save()
            change.watch(record)
            record.delete_instance()
            change.description = f"Delete project “{record.name}”"
        return len(sessions)

    # -- tags -------------------------------------------------------------------------

    def rename_tag(self, old: str, new: str) -> TagInfo:
        """Renames tag ``old`` to ``new``; if ``new`` exists, ``old`` merges into it."""
        new = normalize_tag(new)
        with self.writer.changing() as change:
            record: Tag | None = Tag.get_or_none(Tag.name_key == name_key(normalize_tag(old)))
            if record is None:
                raise NotFoundError(f"no tag named {old.strip()!r}")
            target: Tag | None = Tag.get_or_none(Tag.name_key == name_key(new))
            if target is None or target.id == record.id:
                change.watch(record)
                record.name, record.name_key = new, name_key(new)
                record.updated_at = self.writer.now()
                record.save()
                change.description = f"Rename tag to “{new}”"
                target = record
            else:
                _merge_tag(change, record, target)
                change.description = f"Merge tag “{record.name}” into “{target.name}”"
            count = SessionTag.select().where(SessionTag.tag == target.id).count()
            return TagInfo(target.id, target.name, count)

    def delete_tag(self, name: str) -> int:
        """Deletes a tag, taking it off its sessions; returns how many had it."""
        with self.writer.changing() as change:
            record: Tag | None = Tag.get_or_none(Tag.name_key == name_key(normalize_tag(name)))
            if record is None:
                raise NotFoundError(f"no tag named {name.strip()!r}")
            links = list(SessionTag.select().where(SessionTag.tag == record.id))
            for link in links:
                change.watch(link)
                link.delete_instance()
            change.watch(record)
            record.delete_instance()
            change.description = f"Delete tag “{record.name}”"
        return len(links)

    # -- preferences ------------------------------------------------------------------

    def set_preferences(
        self,
        *,
        default_rate: Decimal | _Unchanged | None = UNCHANGED,
        default_currency: str | _Unchanged = UNCHANGED,
        week_start: int | _Unchanged | None = UNCHANGED,
        your_name: str | None = None,
    ) -> None:
        """Stores pricing, calendar and timesheet preferences (the command line reads them
        too); ``your_name`` follows the label rules, and "" clears it; ``week_start``
        None follows the locale again."""
        values: dict[str, str | None] = {}
        if your_name is not None:
            values[YOUR_NAME] = (
                normalize_label(your_name, "your name") if your_name.strip() else None
            )
        if not isinstance(default_rate, _Unchanged):
            values[DEFAULT_RATE] = None if default_rate is None else str(normalized(default_rate))
        if not isinstance(default_currency, _Unchanged):
            values[DEFAULT_CURRENCY] = parse_currency(default_currency)
        if week_start is None:
            values[WEEK_START] = None
        elif not isinstance(week_start, _Unchanged):
            if not 0 <= week_start < 7:
                raise InvalidInputError("week start: a weekday from 0 (Monday) to 6", field="week")
            values[WEEK_START] = str(week_start)
        with self.writer.storage.atomic():
            for key, value in values.items():
                if value is None:
                    Setting.delete().where(Setting.key == key).execute()
                else:
                    Setting.insert(key=key, value=value).on_conflict_replace().execute()


def _client_named(change: Recorder, name: str, now: datetime) -> Client:
    """The client called ``name``, made if there is none."""
    return find_client(name) or create_client(change, name, now)


def _merge_tag(change: Recorder, source: Tag, target: Tag) -> None:
    tagged = {link.session_id for link in SessionTag.select().where(SessionTag.tag == target.id)}
    for link in SessionTag.select().where(SessionTag.tag == source.id):
        change.watch(link)
        if link.session_id in tagged:
            link.delete_instance()
        else:
            link.tag_id = target.id
            link.save()
    change.watch(source)
    source.delete_instance()


RecordType = TypeVar("RecordType", bound=Record)


def _require_id(model: type[RecordType], row_id: int, what: str) -> RecordType:
    found: RecordType | None = model.get_or_none(model.id == row_id)
    if found is None:
        raise NotFoundError(f"no {what} with id {row_id}")
    return found


def _edit_description(what: str, name: str, archived: bool | None) -> str:
    if archived is True:
        return f"Archive {what} “{name}”"
    if archived is False:
        return f"Bring back {what} “{name}”"
    return f"Change {what} “{name}”"
