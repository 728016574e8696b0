"""Session names: white space folded, ends stripped, every other character kept exactly."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.names import MAX_NAME_LENGTH, normalize_name

# White space, line breaks and controls as the contract names them (Unicode Zs, Zl, Zp, Cc).
SEPARATOR_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc"})

# Pure functions: no example database written into the work tree, no per-example reset of
# the (autouse, function-scoped) private data folder needed.
PURE = settings(
    database=None,
    deadline=None,
    max_examples=300,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def is_separator(char: str) -> bool:
    return unicodedata.category(char) in SEPARATOR_CATEGORIES


# Text rich in the interesting cases: separators of every kind, joiners, marks, RTL.
SEPARATOR_SAMPLES = (
    [" ", "\t", "\n", "\r", "\r\n", "\v", "\f", "\x00", "\x1f", "\x7f", "\x85"],
    ["\u00a0", "\u2003", "\u202f", "\u3000", "\u2028", "\u2029"],
)
separators = st.sampled_from([s for group in SEPARATOR_SAMPLES for s in group])
specials = st.sampled_from(
    ["\u200d", "\u200b", "\ufeff", "\u0301", "\u05e9", "\u0627", "\u202e", "👩‍💻", "🇩🇪", "é"]
)
# Lone surrogates (Cs) are refused outright (see test_lone_surrogates_are_invalid_input),
# so the text the other properties talk about has none.
text_chars = st.characters(exclude_categories=["Cs"])
name_text = st.lists(
    st.one_of(st.text(text_chars, max_size=5), separators, specials, text_chars), max_size=40
).map("".join)


# -- examples ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Design", "Design"),
        ("  Design  ", "Design"),
        ("Client\tcall", "Client call"),
        ("Client \n\n  call", "Client call"),
        ("line\r\nbreak", "line break"),
        ("a\u2028b\u2029c", "a b c"),
        ("nul\x00and\x7fdel", "nul and del"),
        ("next\x85line", "next line"),
        ("no\u00a0break", "no break"),
        ("ideographic\u3000space", "ideographic space"),
        ("\t\n \r", ""),
        ("", ""),
    ],
)
def test_white_space_and_controls_fold_into_one_space(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


@pytest.mark.parametrize(
    "kept",
    [
        "👩‍💻 Pairing",  # woman technologist: ZWJ sequence
        "👨‍👩‍👧‍👦",  # family: several joiners
        "🇩🇪 Steuer",  # regional indicator pair
        "👍🏽",  # skin-tone modifier
        "שלום עולם",  # Hebrew, right to left
        "مرحبا بالعالم",  # Arabic, right to left
        "abc \u202eRTL override\u202c",  # bidi controls are Cf, not Cc: kept
        "e\u0301cole",  # combining acute accent
        "Z\u0351\u0306\u036a",  # stacked combining marks
        "zero\u200bwidth",  # zero width space is Cf: kept
        "\ufeffBOM",  # byte order mark is Cf: kept
        "café",
        "日本語の作業",
    ],
)
def test_other_unicode_text_is_kept_exactly(kept: str) -> None:
    assert normalize_name(kept) == kept


def test_marks_and_joiners_next_to_folded_space_are_kept() -> None:
    assert normalize_name("👩\u200d💻 \n\u0301x") == "👩\u200d💻 \u0301x"


def test_500_characters_are_allowed() -> None:
    name = "x" * MAX_NAME_LENGTH
    assert MAX_NAME_LENGTH == 500
    assert normalize_name(name) == name


def test_500_characters_are_counted_after_folding() -> None:
    # 500 characters once the surrounding and repeated white space is gone.
    raw = "   " + "a" * 249 + " \t\n " + "b" * 250 + "\n\n"
    assert normalize_name(raw) == "a" * 249 + " " + "b" * 250


def test_501_characters_are_invalid_input() -> None:
    with pytest.raises(InvalidInputError, match=r"name.*501.*500"):
        normalize_name("x" * 501)


def test_501_emoji_code_points_are_invalid_input() -> None:
    with pytest.raises(InvalidInputError):
        normalize_name("😀" * 501)


def test_empty_name_is_allowed() -> None:
    assert normalize_name("") == ""
    assert normalize_name("   ") == ""


# -- properties --------------------------------------------------------------------------


@PURE
@given(name_text)
@example("  a  ")
@example("\u2028\u2029")
@example("a\x00\x00b")
def test_result_has_no_surrounding_white_space(raw: str) -> None:
    name = _normalized(raw)
    if name:
        assert not is_separator(name[0])
        assert not is_separator(name[-1])
    assert name == name.strip()


@PURE
@given(name_text)
def test_result_has_no_controls_or_line_breaks(raw: str) -> None:
    name = _normalized(raw)
    assert not any(unicodedata.category(c) in {"Cc", "Zl", "Zp"} for c in name)
    assert "\n" not in name
    assert "\r" not in name


@PURE
@given(name_text)
def test_result_has_no_two_consecutive_spaces(raw: str) -> None:
    name = _normalized(raw)
    assert "  " not in name
    # The only separator left is the plain space.
    assert all(c == " " for c in name if is_separator(c))


@PURE
@given(name_text)
def test_normalizing_is_idempotent(raw: str) -> None:
    name = _normalized(raw)
    assert normalize_name(name) == name


@PURE
@given(name_text)
@example("👩\u200d💻\tשלום e\u0301")
def test_every_other_character_is_kept_in_order(raw: str) -> None:
    name = _normalized(raw)
    assert [c for c in name if not is_separator(c)] == [c for c in raw if not is_separator(c)]


@PURE
@given(name_text)
def test_words_are_the_separator_split_words(raw: str) -> None:
    # Equivalent full specification: split on separators, drop empties, join with " ".
    name = _normalized(raw)
    words: list[str] = []
    current = ""
    for char in raw:
        if is_separator(char):
            if current:
                words.append(current)
            current = ""
        else:
            current += char
    if current:
        words.append(current)
    assert name == " ".join(words)


@PURE
@given(
    st.text(alphabet=st.characters(exclude_categories=["Zs", "Zl", "Zp", "Cc", "Cs"]), max_size=30)
)
def test_text_without_separators_is_unchanged(raw: str) -> None:
    assert normalize_name(raw) == raw


@PURE
@given(st.integers(min_value=0, max_value=1200), st.sampled_from(["x", "😀", "\u05e9"]))
def test_length_limit_is_exactly_500(length: int, char: str) -> None:
    raw = char * length
    if length <= 500:
        assert normalize_name(raw) == raw
    else:
        with pytest.raises(InvalidInputError):
            normalize_name(raw)


def _normalized(raw: str) -> str:
    """The normalized name; the generated text is short, so the limit never applies."""
    assert len(raw) <= 500
    return normalize_name(raw)


@pytest.mark.parametrize("surrogate", ["\ud800", "caf\udce9"])
def test_lone_surrogates_are_invalid_input(surrogate: str) -> None:
    with pytest.raises(InvalidInputError, match="not valid text"):
        normalize_name(surrogate)
