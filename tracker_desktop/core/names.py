"""The rules for session names."""

from __future__ import annotations

import unicodedata

from tracker_desktop.core.errors import InvalidInputError

MAX_NAME_LENGTH = 500


def _is_separator(char: str) -> bool:
    """White space (which includes Zl and Zp) or a control character (Cc)."""
    return char.isspace() or unicodedata.category(char) == "Cc"


def normalize_name(text: str) -> str:
    """``text`` as a session name: runs of white space and control characters become one
    space, the ends are stripped, and anything else (emoji, RTL text, combining marks)
    is kept exactly.

    Raises InvalidInputError when the result is longer than 500 characters.
    """
    parts: list[str] = []
    pending_space = False
    for char in text:
        if _is_separator(char):
            pending_space = True
            continue
        if pending_space and parts:
            parts.append(" ")
        pending_space = False
        parts.append(char)
    name = "".join(parts)
    if any(unicodedata.category(char) == "Cs" for char in name):
        raise InvalidInputError(
            "name: contains bytes that are not valid text in this system's encoding",
            field="name",
        )
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInputError(
            f"name: {len(name)} characters is too long (at most {MAX_NAME_LENGTH})",
            field="name",
        )
    return name


MAX_LABEL_LENGTH = 100


def normalize_label(text: str, what: str) -> str:
    """The name of a client, project or tag (``what``): a session name's rules, but not
    empty and at most 100 characters."""
    name = normalize_name(text)
    if not name:
        raise InvalidInputError(f"{what}: a {what} needs a name", field="name")
    if len(name) > MAX_LABEL_LENGTH:
        raise InvalidInputError(
            f"{what}: {len(name)} characters is too long (at most {MAX_LABEL_LENGTH})",
            field="name",
        )
    return name


def normalize_tag(text: str) -> str:
    """A tag's name: a label without white space or commas (``design``, ``client-a``)."""
    stripped = text.strip()
    if any(_is_separator(char) or char == "," for char in stripped):
        raise InvalidInputError(
            f"tag: {text!r} holds a space or a comma; a tag is one word (use - to join)",
            field="tags",
        )
    return normalize_label(stripped, "tag")


def name_key(name: str) -> str:
    """What two names are compared by: case folded, so "ACME" and "Acme" are one name."""
    return unicodedata.normalize("NFC", name).casefold()
