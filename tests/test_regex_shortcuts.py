"""The regex stages' shortcuts find exactly what the plain way finds.

Each speed-up of :mod:`quotable.marks` and :mod:`quotable.agencies` (with its patterns
in :mod:`quotable.agency_lexicon`) is checked against the plain computation it
replaces (written out here as the reference), on generated texts full of the
characters it depends on: the golden test (tests/test_regex_golden.py) checks
whole results on fixed texts, these check the shortcuts on many more.
"""

from __future__ import annotations

import bisect

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotable import agencies, agency_lexicon, lexicon, mark_kinds, marks

ALIASES = sorted(agency_lexicon.alias_table())
AROUND = [
    " ",
    "  ",
    "\u00a0",
    "\t",
    "\n",
    "\r\n",
    "\u2028",
    ",",
    ".",
    "(",
    ")",
    "/",
    "-",
    "\u2011",
    "–",
    "„",
    "“",
]
AROUND += ["»", "«", "'", "’", "_", "1", "x", "ä", "Č", "\u0301", "é", "ß", "ü", "\x00", "\ud800", "😀"]
WORDS = [
    "die",
    "Agentur",
    "laut",
    "meldete",
    "sagte",
    "zufolge",
    "nach",
    "Angaben",
    "Mehr",
    "mehr",
    "Kapital",
]


def pieces(extra: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(AROUND + WORDS + extra), max_size=40).map("".join)


# ------------------------------------------------------------------ agencies
def plain_agencies(text: str) -> tuple[object, ...]:
    """find_agencies with the pattern of every alias, without the token shortcut."""
    finder = agencies._Finder(text, agency_lexicon.alias_pattern())
    return tuple(finder.mentions()) if finder.candidates else ()


@settings(max_examples=400, deadline=None)
@given(pieces([*ALIASES, "dpa-AFX", "RIA\u00a0Nowosti", "Agence France\u2011Presse", "wa/fab", "Quelle:"]))
def test_the_token_shortcut_finds_what_the_full_alias_pattern_finds(text: str) -> None:
    assert agencies.find_agencies(text) == plain_agencies(text)


def test_the_token_shortcut_keeps_names_next_to_non_ascii_characters() -> None:
    for text in ["„dpa“", "Č(AFP)", "ü AP-Bericht", "(ČTK)", "Ädpa", "dpa\u0301", "x\u00a0Reuters\u00a0y"]:
        assert agencies.find_agencies(text) == plain_agencies(text), text


@settings(max_examples=300, deadline=None)
@given(pieces(["laut", "Laut", "zufolge", "berichtete", "Interfax", "TASS"]), st.data())
def test_relay_words_searched_near_a_name_are_those_of_a_whole_text_search(
    text: str, data: st.DataObject
) -> None:
    finder = agencies._Finder(text, agency_lexicon.alias_pattern())
    starts = [m.start() for m in agency_lexicon.cue_table().relay.finditer(text)]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    index = bisect.bisect_left(starts, start)
    assert finder._relay_between(start, end) == (index < len(starts) and starts[index] < end)


# ------------------------------------------------------------------ marks
def plain_is_title_cue(word: str) -> bool:
    suffixes, prefixes, whole = mark_kinds._title_cues()
    lower = word.lower()
    if lower.startswith(prefixes):
        return True
    for ending in mark_kinds._INFLECTIONS:
        if ending and not lower.endswith(ending):
            continue
        stem = lower[: len(lower) - len(ending)] if ending else lower
        if stem in whole or stem in suffixes:
            return True
        if any(stem.endswith(s) and len(s) >= 4 for s in suffixes):
            return True
    return False


CUES = [entry.strip("=*") for (entry,) in lexicon.table("title_cues.txt", 1)]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["Kino", "Wahl", "Ab", "x", "s", "", *CUES]), max_size=3).map("".join),
    st.sampled_from(mark_kinds._INFLECTIONS),
    st.booleans(),
)
def test_title_cues_by_their_ends_are_those_of_the_plain_rule(stem: str, ending: str, upper: bool) -> None:
    word = stem + ending
    word = word.upper() if upper else word
    mark_kinds._is_title_cue.cache_clear()
    assert mark_kinds._is_title_cue(word) == plain_is_title_cue(word)


PARAGRAPH = regex.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")


def plain_paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in PARAGRAPH.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


BREAKS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*BREAKS, " ", "\t", "\u00a0", "\u3000", "a", "„", "x y"]), max_size=30))
def test_paragraph_ends_and_starts_are_those_of_the_plain_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    paragraphs = plain_paragraphs(text)
    for index, (start, end) in enumerate(paragraphs):
        following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        assert marks._next_paragraph(text, end) == following
        for position in range(start, end):
            if not text[position].isspace():
                assert marks._paragraph_end(text, position) == end


def test_the_mark_pattern_of_the_standard_engine_finds_what_the_regex_module_finds() -> None:
    strings = sorted(set(marks._marks().opens) | set(marks._marks().closes), key=len, reverse=True)
    old = regex.compile("|".join(regex.escape(s) for s in strings))
    text = "".join(strings) + ",,,“„,,»«x" + "".join(reversed(strings))
    assert [m.span() for m in marks._marks().pattern.finditer(text)] == [m.span() for m in old.finditer(text)]


PLAIN_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "Ä", "ß", "1", "_", "-", "'", "’", " ", "„", "\u0301", "½", "ʰ", "Film"])),
    st.integers(min_value=0, max_value=60),
)
def test_words_before_a_mark_found_backwards_are_the_last_found_forwards(parts: list[str], cut: int) -> None:
    text = "".join(parts)
    position = min(cut, len(text))
    window = text[max(0, position - 80) : position]
    assert mark_kinds._words_before(text, position, 2) == PLAIN_WORD.findall(window)[-2:]


MARKS = sorted(set(marks._marks().opens) | set(marks._marks().closes))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*MARKS, ",", ",,", ",,,", "a", " ", "\n", "’s", "ä"]), max_size=40))
def test_marks_found_by_str_find_are_those_the_mark_pattern_finds(parts: list[str]) -> None:
    text = "".join(parts)
    plain = [(m.start(), m.end(), m.group()) for m in marks._marks().pattern.finditer(text)]
    assert marks._occurrences(text, marks._marks().strings) == plain


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "Ä", "ß", "1", "_", "-", "'", "’", " ", ".", "\u0301", "½", "x-y"])))
def test_eleven_words_are_counted_as_the_plain_word_pattern_counts(parts: list[str]) -> None:
    text = "".join(parts)
    eleven = mark_kinds._ELEVEN_WORDS.match(text) is not None
    assert eleven == (len(PLAIN_WORD.findall(text)) >= 11)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<", "<<", "<<<", ">", "a", " "]), max_size=30))
def test_marks_that_start_alike_are_found_longest_first_as_an_alternation_does(parts: list[str]) -> None:
    # the shipped marks never start alike; a data file that adds such marks is read the same way
    strings = ("<<", "<", ">")
    text = "".join(parts)
    plain = [(m.start(), m.end(), m.group()) for m in regex.finditer("<<|<|>", text)]
    assert marks._occurrences(text, strings) == plain
