"""What the pickers offer for what was typed: projects, tags, or recent sessions whose
every typed word appears (in any case), then a way to make a new project or tag."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import NamedTuple

from tracker_desktop.core.catalog import ProjectInfo
from tracker_desktop.core.service import Session
from tracker_desktop.ui.language import translate

RECENT_SHOWN = 8  # recent sessions offered at once


class Kind(Enum):
    PROJECT = "project"
    NO_PROJECT = "no-project"
    NEW_PROJECT = "new-project"
    TAG = "tag"
    NEW_TAG = "new-tag"
    RECENT = "recent"
    HINT = "hint"  # says what to type; choosing it does nothing


class Entry(NamedTuple):
    """One line of a picker: its text, a quieter detail after it, a colour dot (an
    empty one for "no project"), a check mark, and what choosing it means."""

    kind: Kind
    text: str
    detail: str = ""
    color: str | None = None
    checked: bool = False
    project: ProjectInfo | None = None  # PROJECT
    name: str = ""  # the tag (TAG, NEW_TAG), or the new project's name (NEW_PROJECT)
    session: Session | None = None  # RECENT

    @property
    def dot(self) -> bool:
        return self.kind not in (Kind.TAG, Kind.NEW_TAG, Kind.HINT)


def _words(query: str) -> list[str]:
    return query.casefold().split()


def _matches(words: list[str], *texts: str) -> bool:
    haystack = " ".join(texts).casefold()
    return all(word in haystack for word in words)


def project_entries(
    projects: Iterable[ProjectInfo], query: str, current: int | None = None
) -> list[Entry]:
    """Projects matching ``query`` (by name or client), those whose name starts with
    it first; "No project" first while one is chosen and nothing is typed; "Create
    project …" last unless one is called exactly that."""
    words, typed = _words(query), query.strip()
    found = [p for p in projects if _matches(words, p.label)]
    found.sort(key=lambda p: not p.name.casefold().startswith(typed.casefold()))
    entries = []
    if current is not None and not typed:
        entries.append(Entry(Kind.NO_PROJECT, translate("PickerEntries", "No project")))
    entries += [
        Entry(
            Kind.PROJECT,
            p.name,
            p.client or "",
            p.color,
            checked=p.id == current,
            project=p,
        )
        for p in found
    ]
    taken = any(typed.casefold() in (p.name.casefold(), p.label.casefold()) for p in found)
    if typed and not taken:
        text = translate("PickerEntries", "Create project “{name}”").format(name=typed)
        entries.append(Entry(Kind.NEW_PROJECT, text, name=typed))
    return entries or [
        Entry(Kind.HINT, translate("PickerEntries", "Type a name to create a project"))
    ]


def tag_entries(tags: Iterable[str], query: str, chosen: Iterable[str] = ()) -> list[Entry]:
    """Tags containing ``query``, those starting with it first (the chosen ones checked),
    then "Create tag …" unless one is called exactly that."""
    typed = query.strip()
    key = typed.casefold()
    mine = {tag.casefold() for tag in chosen}
    found = [tag for tag in tags if key in tag.casefold()]
    found.sort(key=lambda tag: not tag.casefold().startswith(key))
    entries = [Entry(Kind.TAG, tag, checked=tag.casefold() in mine, name=tag) for tag in found]
    if typed and all(tag.casefold() != key for tag in found):
        text = translate("PickerEntries", "Create tag “{name}”").format(name=typed)
        entries.append(Entry(Kind.NEW_TAG, text, name=typed))
    return entries or [Entry(Kind.HINT, translate("PickerEntries", "Type a name to create a tag"))]


def recent_entries(sessions: Iterable[Session], typed: str) -> list[Entry]:
    """Recent name, project and tags combinations whose name holds every typed word."""
    words = _words(typed)
    entries = []
    for session in sessions:
        if not _matches(words, session.name):
            continue
        details = [session.project.label] if session.project else []
        details += [f"#{tag}" for tag in session.tags]
        color = session.project.color if session.project else None
        entries.append(Entry(Kind.RECENT, session.name, "  ".join(details), color, session=session))
        if len(entries) == RECENT_SHOWN:
            break
    return entries
