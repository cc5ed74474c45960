"""The agency lexicon, compiled for the search of :mod:`quotable.agencies`.

``data/agencies.tsv`` gives each alias of an agency (dpa, AFP, Agence
France-Presse, rtr …) and where it counts (its :class:`Scope`);
``data/agency_cues.tsv`` the agency nouns, the relay cues and the credit lead-ins.
This module reads both once, validates them (a malformed row is a
:class:`~quotable.errors.LexiconError`) and builds the regular expressions the
search runs: every alias as whole words, a cheap test that rules out texts naming
no agency at all, and the list of agencies and desk codes that credit lines and
datelines are made of.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from quotable import lexicon
from quotable.errors import LexiconError

BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""Characters that end a line (the same set as :meth:`str.splitlines`)."""
GAP = rf"[^\S{BREAKS}]"
"""Whitespace inside a line."""
_NOT_AFTER_LETTER = r"(?<![\w\u0300-\u036f])"
_NOT_BEFORE_LETTER = r"(?![\w\u0300-\u036f])"
"""Word boundaries that also respect combining accents (a decomposed "ä" is a letter too)."""
HYPHENS = "-\u2010\u2011"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""Dashes after a dateline: typewriter hyphen, en dash, em dash and their cousins."""


class Scope(enum.Enum):
    """Where an alias counts as an agency (column 3 of ``agencies.tsv``)."""

    NAME = "name"
    AMBIGUOUS = "ambiguous"
    CREDIT = "credit"
    APPOSITION = "apposition"


class Alias(NamedTuple):
    name: str
    scope: Scope
    not_after: frozenset[str]
    not_before: frozenset[str]


class Cues(NamedTuple):
    nouns: frozenset[str]
    before: dict[str, tuple[tuple[str, ...], ...]]
    after: dict[str, tuple[tuple[str, ...], ...]]
    relay: re.Pattern[str]
    """Finds the first word of every relay cue, to skip the clause analysis where there is none."""
    relay_longest: int
    """The length of the longest of those words."""
    lead_in: re.Pattern[str]
    lead_list: re.Pattern[str]


_SPACES = re.compile(rf"{GAP}+")
_UNIFORM_HYPHENS = {ord(h): "-" for h in HYPHENS}


def alias_key(alias: str) -> str:
    """The spelling of an alias with its spaces and hyphens made uniform."""
    return _SPACES.sub(" ", alias).translate(_UNIFORM_HYPHENS)


@functools.cache
def alias_table() -> dict[str, Alias]:
    """``agencies.tsv`` as a mapping from :func:`alias_key` of each alias to what it names."""
    aliases: dict[str, Alias] = {}
    for row in lexicon.table("agencies.tsv", 3, 4):
        name, alias, scope_name = row[:3]
        try:
            scope = Scope(scope_name)
        except ValueError:
            choices = ", ".join(s.value for s in Scope)
            raise LexiconError(
                f"agencies.tsv: {alias!r} has scope {scope_name!r}; use one of {choices}"
            ) from None
        not_after: set[str] = set()
        not_before: set[str] = set()
        for exception in row[3].split(",") if len(row) > 3 else ():
            left, _, right = exception.strip().partition(" ")
            if right == "_" and left not in ("", "_"):
                not_after.add(left)
            elif left == "_" and right not in ("", "_"):
                not_before.add(right)
            else:
                raise LexiconError(
                    f"agencies.tsv: exception {exception.strip()!r} of {alias!r}"
                    " must read 'Word _' (not after Word) or '_ Word' (not before Word)"
                )
        key = alias_key(alias)
        if key in aliases:
            raise LexiconError(f"agencies.tsv: alias {alias!r} is listed twice")
        aliases[key] = Alias(name, scope, frozenset(not_after), frozenset(not_before))
    return aliases


def _whole_words(spellings: Iterable[str], *, few: bool = False) -> re.Pattern[str]:
    """A pattern for any of ``spellings`` as whole words, longest first.

    A space in a spelling matches one to three spaces within a line, a hyphen any
    hyphen.  The alternatives are grouped by their first character.  Where they
    start with many different characters, one word-boundary check comes first:
    most positions in a text are inside a word, and the regular expression engine
    rejects them there before it tries a single alternative.  Where they start
    with ``few``, the check follows the first character instead, so that the
    engine can skip ahead to where one of those characters stands.  Both forms
    find the same matches.
    """

    def rest(spelling: str) -> str:
        parts = [re.escape(w) for w in re.split(f"[{HYPHENS}]", spelling)]
        return f"[{HYPHENS}]".join(parts).replace(r"\ ", f"{GAP}{{1,3}}")

    by_first: dict[str, list[str]] = {}
    for spelling in sorted(set(spellings), key=lambda s: (-len(s), s)):
        by_first.setdefault(spelling[0], []).append(rest(spelling[1:]))
    if few:
        branches = (
            rf"{re.escape(first)}(?<![\w\u0300-\u036f][\s\S])(?:{'|'.join(rests)})"
            for first, rests in sorted(by_first.items())
        )
        return re.compile(f"(?:{'|'.join(branches)}){_NOT_BEFORE_LETTER}")
    branches = (f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))
    return re.compile(f"{_NOT_AFTER_LETTER}(?:{'|'.join(branches)}){_NOT_BEFORE_LETTER}")


@functools.cache
def alias_pattern() -> re.Pattern[str]:
    """Every alias of ``agencies.tsv``."""
    return _whole_words(alias_table())


# Most texts name no agency at all, and finding that out is most of the cost of this
# stage.  A cheaper test rules it out first: in the text's UTF-8 with every byte other
# than an ASCII letter, digit or underscore turned into a space, an alias's first run of
# ASCII word characters ("AFP", "Agence", "TK" of "ČTK") is a whole token wherever the
# alias occurs, because the characters around that run in the alias, and around the
# alias in the text, are never ASCII word characters.
_ASCII_WORD = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_TO_TOKENS = bytes(b if b in _ASCII_WORD else 0x20 for b in range(256))
_ASCII_RUN = re.compile(r"[A-Za-z0-9_]+")


class _Shortcut:
    """What :func:`alias_pattern_for` derives from one :func:`alias_table`.

    Kept beside the table it was made from, so that a new table (a test that
    fakes the data file) gets a new one.
    """

    _MAX_PATTERNS = 1024

    def __init__(self, aliases: dict[str, Alias]) -> None:
        self.aliases = aliases
        runs = {alias: _ASCII_RUN.search(alias) for alias in aliases}
        # an alias without an ASCII word run cannot be ruled out this way: no shortcut then
        self.probes: dict[str, bytes] | None = (
            None
            if any(run is None for run in runs.values())
            else {alias: run.group().encode("ascii") for alias, run in runs.items() if run is not None}
        )
        self.all_probes = frozenset(self.probes.values()) if self.probes else frozenset()
        self.patterns: dict[frozenset[bytes], re.Pattern[str]] = {}

    def pattern(self, present: frozenset[bytes]) -> re.Pattern[str]:
        """A pattern for the aliases whose probe is ``present``."""
        found = self.patterns.get(present)
        if found is None:
            if len(self.patterns) >= self._MAX_PATTERNS:
                self.patterns.clear()
            probes = self.probes or {}
            chosen = (alias for alias, probe in probes.items() if probe in present)
            found = self.patterns[present] = _whole_words(chosen, few=True)
        return found


_shortcut: _Shortcut | None = None


def alias_pattern_for(text: str) -> re.Pattern[str] | None:
    """A pattern for the aliases that may occur in ``text`` (:func:`alias_pattern` or fewer).

    None when none can occur.  The aliases left out can match nowhere in the text,
    so the pattern finds exactly what the full one finds, only faster.
    """
    global _shortcut
    aliases = alias_table()
    shortcut = _shortcut
    if shortcut is None or shortcut.aliases is not aliases:
        shortcut = _shortcut = _Shortcut(aliases)
    if shortcut.probes is None:
        return alias_pattern()
    present = shortcut.all_probes.intersection(
        text.encode("utf-8", "surrogatepass").translate(_TO_TOKENS).split()
    )
    return shortcut.pattern(present) if present else None


def _phrases(rows: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in rows:
        words = tuple(phrase.casefold().split())
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(group) for first, group in by_first.items()}


# A list of agencies and desk codes as it appears in credit lines and datelines,
# read over a "shape" of the text in which every agency alias is replaced by NUL.
# Desk codes are the editors' and regional desks' short forms (wa, fab, jbe, lno).
# Austrian and Swiss credit lines date themselves: "(APA, 11.9.2015)", "(red, APA, 3.4.2016)".
_DATE = r"\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})?"
_ELEMENT = rf"(?:\x00|[a-zäöüß]{{1,5}}|[A-ZÄÖÜ]{{1,5}}|{_DATE})"
DATED = re.compile(rf"{_DATE}\s*$")
_SEPARATOR = r"(?:\s*[,/;&+|()\[\]]+\s*|\s+(?:und|sowie|and)\s+)"
_LIST = rf"[\s(\[]*{_ELEMENT}(?:{_SEPARATOR}{_ELEMENT})*[\s)\].]*"


@functools.cache
def cue_table() -> Cues:
    """``agency_cues.tsv``: agency nouns, relay cues on either side, credit lead-ins."""
    kinds: dict[str, list[str]] = {"noun": [], "before": [], "after": [], "lead-in": []}
    for kind, phrase in lexicon.table("agency_cues.tsv", 2, 2):
        if kind not in kinds:
            raise LexiconError(
                f"agency_cues.tsv: {phrase!r} has kind {kind!r}; use one of {', '.join(kinds)}"
            )
        kinds[kind].append(phrase)
    lead_ins = []
    for phrase in kinds["lead-in"]:
        words = [re.escape(w) for w in phrase.removesuffix(":").split()]
        lead_ins.append(rf"{GAP}+".join(words) + (rf"{GAP}*:" if phrase.endswith(":") else ""))
    nouns = "|".join(re.escape(n) for n in sorted(kinds["noun"], key=len, reverse=True))
    # Cue words are matched ignoring case, but a case-sensitive search is much
    # faster: a cue is written in lower case or capitalised at a sentence start.
    firsts = {phrase.split()[0] for phrase in kinds["before"] + kinds["after"]}
    for word in sorted(firsts):
        # a word of letters cannot overlap another match, which lets _relay_between search near a name
        if not word.isalpha():
            raise LexiconError(f"agency_cues.tsv: relay cues start with a word of letters, not {word!r}")
    relay_words = {w[0].upper() + w[1:] for w in firsts} | {w[0].lower() + w[1:] for w in firsts}
    return Cues(
        nouns=frozenset(kinds["noun"]),
        before=_phrases(kinds["before"]),
        after=_phrases(kinds["after"]),
        relay=_whole_words(relay_words),
        relay_longest=max((len(w) for w in relay_words), default=0),
        lead_in=re.compile(f"(?i){_NOT_AFTER_LETTER}(?:{'|'.join(lead_ins)})"),
        # "Mit Material der Nachrichtenagenturen dpa und AFP": article and noun may come first.
        lead_list=re.compile(rf"\s*(?:(?:der|den|des|dem|die)\s+)?(?:(?:\w+-)?(?:{nouns})\s+)?{_LIST}"),
    )


@functools.cache
def list_pattern() -> re.Pattern[str]:
    return re.compile(_LIST)


@functools.cache
def dateline_pattern() -> re.Pattern[str]:
    """``Berlin (dpa) -``, ``Berlin/Paris (Reuters) –``, ``(dpa) Berlin -`` at a line's start."""
    place = rf"[^\W\d_][\w.'’]*(?:(?:{GAP}|[{HYPHENS}/]){{1,2}}[\w.'’]+){{0,4}}"
    return re.compile(
        rf"{GAP}*(?:(?P<place>{place}){GAP}*)?\((?P<list>[^()]{{1,80}})\)"
        rf"{GAP}*(?:(?P<later_place>{place}){GAP}*)?[{_DASHES}]"
    )
