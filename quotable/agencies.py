"""Stage: the news agencies a German news text names, and in what role.

Pure and regex-based (no Stanza).  :func:`find_agencies` returns every agency
mention with its canonical name and exact offsets, whatever the text: it never
raises for a ``str`` and stays linear in the length of the text.

German news conventions this stage encodes (the names and cue words themselves
are data, in ``data/agencies.tsv`` and ``data/agency_cues.tsv``):

* Agency reports end with a **credit line**: the editors' initials and the
  agencies, ``wa/fab (dpa, afp, rtr)``, ``AFP/jbe``, ``dpa/lno`` (a regional
  desk), ``(AFP, dpa)``, ``Quelle: Reuters``, ``Mit Material von dpa``, or a
  parenthesised list closing the last paragraph.  Lower-case short forms
  (``afp``, ``rtr``, ``ap``) are normal there and only there.
* A **dateline** opens an article or paragraph: place, agencies in parentheses,
  a dash: ``Berlin (dpa) -``, ``MOSKAU (AFP) –``, ``(dpa) Berlin -``.
* A **relay** (``via``) passes on a statement: ``laut Interfax``, ``sagte er der
  dpa``, ``wie die Agentur Yonhap meldete``, ``der Agentur TASS zufolge``.
* Short all-caps names (AP, AA, SDA, RIA) are also ordinary abbreviations, so
  they count only in such an agency context or right after an agency noun
  (``die Nachrichtenagentur AP``).
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from quotable import lexicon
from quotable.errors import LexiconError
from quotable.model import AgencyMention, AgencyRole, Span

__all__ = ["find_agencies"]

_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""Characters that end a line (the same set as :meth:`str.splitlines`)."""
_GAP = rf"[^\S{_BREAKS}]"
"""Whitespace inside a line."""
_NOT_AFTER_LETTER = r"(?<![\w\u0300-\u036f])"
_NOT_BEFORE_LETTER = r"(?![\w\u0300-\u036f])"
"""Word boundaries that also respect combining accents (a decomposed "ä" is a letter too)."""
_HYPHENS = "-\u2010\u2011"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""Dashes after a dateline: typewriter hyphen, en dash, em dash and their cousins."""

_MAX_CREDIT_LINE = 300
"""Credit lines are short; longer lines are prose.  Also caps the list parsing."""
_TAIL = 160
"""How far from a line's end a trailing ``(dpa)`` or ``Quelle: …`` may begin."""
_CONTEXT = 100
"""Characters looked at on each side of a name for cue words and parentheses."""
_DATELINE = 200
"""How far into its line a dateline may reach."""
_LEFT_WORDS = 6
_RIGHT_WORDS = 4


class _Scope(enum.Enum):
    """Where an alias counts as an agency (column 3 of ``agencies.tsv``)."""

    NAME = "name"
    AMBIGUOUS = "ambiguous"
    CREDIT = "credit"
    APPOSITION = "apposition"


class _Alias(NamedTuple):
    name: str
    scope: _Scope
    not_after: frozenset[str]
    not_before: frozenset[str]


class _Candidate(NamedTuple):
    start: int
    end: int
    alias: _Alias


class _Accepted(NamedTuple):
    candidate: _Candidate
    role: AgencyRole
    after_noun: bool


class _Cues(NamedTuple):
    nouns: frozenset[str]
    before: dict[str, tuple[tuple[str, ...], ...]]
    after: dict[str, tuple[tuple[str, ...], ...]]
    relay: re.Pattern[str]
    """Finds the first word of every relay cue, to skip the clause analysis where there is none."""
    lead_in: re.Pattern[str]
    lead_list: re.Pattern[str]


_SPACES = re.compile(rf"{_GAP}+")
_UNIFORM_HYPHENS = {ord(h): "-" for h in _HYPHENS}


def _key(alias: str) -> str:
    """The spelling of an alias with its spaces and hyphens made uniform."""
    return _SPACES.sub(" ", alias).translate(_UNIFORM_HYPHENS)


@functools.cache
def _aliases() -> dict[str, _Alias]:
    """``agencies.tsv`` as a mapping from :func:`_key` of each alias to what it names."""
    aliases: dict[str, _Alias] = {}
    for row in lexicon.table("agencies.tsv", 3, 4):
        name, alias, scope_name = row[:3]
        try:
            scope = _Scope(scope_name)
        except ValueError:
            choices = ", ".join(s.value for s in _Scope)
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
        key = _key(alias)
        if key in aliases:
            raise LexiconError(f"agencies.tsv: alias {alias!r} is listed twice")
        aliases[key] = _Alias(name, scope, frozenset(not_after), frozenset(not_before))
    return aliases


def _whole_words(spellings: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any of ``spellings`` as whole words, longest first.

    A space in a spelling matches one to three spaces within a line, a hyphen any
    hyphen.  The alternatives are grouped by their first character, and the
    word-boundary check follows that character, so that the regular expression
    engine can skip ahead to a possible first character: the search stays fast on
    long texts.
    """

    def rest(spelling: str) -> str:
        parts = [re.escape(w) for w in re.split(f"[{_HYPHENS}]", spelling)]
        return f"[{_HYPHENS}]".join(parts).replace(r"\ ", f"{_GAP}{{1,3}}")

    by_first: dict[str, list[str]] = {}
    for spelling in sorted(set(spellings), key=lambda s: (-len(s), s)):
        by_first.setdefault(spelling[0], []).append(rest(spelling[1:]))
    branches = (
        rf"{re.escape(first)}(?<![\w\u0300-\u036f][\s\S])(?:{'|'.join(rests)})"
        for first, rests in sorted(by_first.items())
    )
    return re.compile(f"(?:{'|'.join(branches)}){_NOT_BEFORE_LETTER}")


@functools.cache
def _alias_pattern() -> re.Pattern[str]:
    """Every alias of ``agencies.tsv``."""
    return _whole_words(_aliases())


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
_SEPARATOR = r"(?:\s*[,/;&+|()\[\]]+\s*|\s+(?:und|sowie|and)\s+)"
_LIST = rf"[\s(\[]*{_ELEMENT}(?:{_SEPARATOR}{_ELEMENT})*[\s)\].]*"


@functools.cache
def _cues() -> _Cues:
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
        lead_ins.append(rf"{_GAP}+".join(words) + (rf"{_GAP}*:" if phrase.endswith(":") else ""))
    nouns = "|".join(re.escape(n) for n in sorted(kinds["noun"], key=len, reverse=True))
    # Cue words are matched ignoring case, but a case-sensitive search is much
    # faster: a cue is written in lower case or capitalised at a sentence start.
    firsts = {phrase.split()[0] for phrase in kinds["before"] + kinds["after"]}
    relay_words = {w[0].upper() + w[1:] for w in firsts} | {w[0].lower() + w[1:] for w in firsts}
    return _Cues(
        nouns=frozenset(kinds["noun"]),
        before=_phrases(kinds["before"]),
        after=_phrases(kinds["after"]),
        relay=_whole_words(relay_words),
        lead_in=re.compile(f"(?i){_NOT_AFTER_LETTER}(?:{'|'.join(lead_ins)})"),
        # "Mit Material der Nachrichtenagenturen dpa und AFP": article and noun may come first.
        lead_list=re.compile(rf"\s*(?:(?:der|den|des|dem|die)\s+)?(?:(?:\w+-)?(?:{nouns})\s+)?{_LIST}"),
    )


@functools.cache
def _list_pattern() -> re.Pattern[str]:
    return re.compile(_LIST)


@functools.cache
def _dateline_pattern() -> re.Pattern[str]:
    """``Berlin (dpa) -``, ``Berlin/Paris (Reuters) –``, ``(dpa) Berlin -`` at a line's start."""
    place = rf"[^\W\d_][\w.'’]*(?:(?:{_GAP}|[{_HYPHENS}/]){{1,2}}[\w.'’]+){{0,4}}"
    return re.compile(
        rf"{_GAP}*(?:(?P<place>{place}){_GAP}*)?\((?P<list>[^()]{{1,80}})\)"
        rf"{_GAP}*(?:(?P<later_place>{place}){_GAP}*)?[{_DASHES}]"
    )


_WORD = re.compile(r"\w+")
_LINE_BREAK = re.compile(f"[{_BREAKS}]")
_CLAUSE_END = re.compile(r"[.!?;:,„“”\"«»‹›]")
"""Punctuation that ends the clause a relay cue must share with the agency."""
_COORDINATION = re.compile(rf"{_GAP}*(?:[,/]{_GAP}*)?(?:(?:und|sowie|oder){_GAP}+)?")
_COMMON_COORDINATIONS = frozenset(["/", ",", ", ", " / ", " und ", ", und ", " sowie "])
_GLOSS_OPEN = re.compile(rf"{_GAP}*\({_GAP}*")
_GLOSS_CLOSE = re.compile(rf"{_GAP}*\)")
_INLINE_SPACE = " \t\u00a0\u202f"
_SENTENCE_END = tuple(".!?…\"“”»«’')")


def find_agencies(text: str) -> tuple[AgencyMention, ...]:
    """Every news agency named in ``text``, sorted by position and non-overlapping.

    Each mention carries the agency's canonical name (``dpa``, ``AFP``,
    ``Reuters``), its role (credit line, dateline, relay or plain mention) and
    the exact span of the name in ``text``.  Never raises for a ``str``; a
    non-``str`` is a ``TypeError``.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_agencies() needs a str, not {type(text).__name__}")
    finder = _Finder(text)
    return tuple(finder.mentions()) if finder.candidates else ()


class _Finder:
    """One :func:`find_agencies` call: the text, its candidate names, and per-line findings.

    Every check looks at a bounded neighbourhood of a name, and per-line findings
    are computed once, so the work grows linearly with the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.cues = _cues()
        self.candidates = list(self._candidates())
        if not self.candidates:
            return
        self.starts = [c.start for c in self.candidates]
        self.relay_starts = [m.start() for m in self.cues.relay.finditer(text)]
        self.breaks = [b for b in _BREAKS if b in text] or ["\n"]
        stripped_end = len(text.rstrip())
        self.last_line_start = max(text.rfind(b, 0, stripped_end) for b in _BREAKS) + 1
        self.groups: dict[int, bool] = {}

    def _candidates(self) -> Iterator[_Candidate]:
        aliases = _aliases()
        for match in _alias_pattern().finditer(self.text):
            found = match[0]
            alias = aliases.get(found) or aliases[_key(found)]
            if alias.not_after or alias.not_before:
                start, end = match.span()
                if self._word_before(start) in alias.not_after or self._word_after(end) in alias.not_before:
                    continue
            yield _Candidate(match.start(), match.end(), alias)

    def _word_before(self, pos: int) -> str:
        """The word right before ``pos``, separated from it by spaces only ("" if none)."""
        if pos == 0 or self.text[pos - 1] not in _INLINE_SPACE:
            return ""
        stripped = self.text[max(0, pos - 60) : pos].rstrip(_INLINE_SPACE)
        if not stripped or stripped[-1] in _BREAKS:
            return ""
        words = stripped.rsplit(None, 1)
        return words[-1].lstrip("([„\"»«‚'") if words else ""

    def _word_after(self, pos: int) -> str:
        """The word right after ``pos``, separated from it by spaces only ("" if none)."""
        if pos == len(self.text) or self.text[pos] not in _INLINE_SPACE:
            return ""
        stripped = self.text[pos : pos + 60].lstrip(_INLINE_SPACE)
        if not stripped or stripped[0] in _BREAKS:
            return ""
        words = stripped.split(None, 1)
        return words[0].rstrip(")].,;:!?“\"«»‘'") if words else ""

    def _line(self, pos: int, previous: tuple[int, int]) -> tuple[int, int]:
        """The ``[start, end)`` of the line holding ``pos``; ``previous`` is an earlier line."""
        if previous[0] <= pos < previous[1]:
            return previous
        lo = max(previous[1], 0)
        start = max(lo, max(self.text.rfind(b, lo, pos) for b in self.breaks) + 1)
        found = _LINE_BREAK.search(self.text, pos)
        return start, len(self.text) if found is None else found.start()

    def _within(self, start: int, end: int) -> list[_Candidate]:
        """The candidates inside ``[start, end)``."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return [c for c in self.candidates[first:last] if c.end <= end]

    def _shape(self, start: int, end: int) -> tuple[str, list[_Candidate]]:
        """``text[start:end]`` with every alias that may stand in a list replaced by NUL."""
        parts, pos, listed = [], start, []
        for c in self._within(start, end):
            if c.alias.scope is _Scope.APPOSITION:
                continue
            parts.append(self.text[pos : c.start].replace("\x00", "\ufffd"))
            parts.append("\x00")
            listed.append(c)
            pos = c.end
        parts.append(self.text[pos:end].replace("\x00", "\ufffd"))
        return "".join(parts), listed

    def _credit(self, start: int, end: int) -> int | None:
        """Where the credit part of the line ``[start, end)`` begins, or None if it has none."""
        text = self.text
        # A whole line of agencies and desk codes: "wa/fab (dpa, afp, rtr)", "dpa/lno".
        if end - start <= _MAX_CREDIT_LINE:
            shape, listed = self._shape(start, end)
            # A bare word on a line ("AP", "afp") is a credit only when it is
            # unmistakable or closes the article; otherwise it may be a heading.
            if (
                listed
                and _list_pattern().fullmatch(shape.strip())
                and (
                    any(ch in shape for ch in "(/,[")
                    or any(c.alias.scope is _Scope.NAME for c in listed)
                    or start == self.last_line_start
                )
            ):
                return start
        # "Quelle: Reuters", "Von Anna Muster, mit Material von dpa und AFP".
        tail = max(start, end - _TAIL)
        for lead in self.cues.lead_in.finditer(text, tail, end):
            shape, listed = self._shape(lead.end(), end)
            if listed and self.cues.lead_list.fullmatch(shape):
                return lead.start()
        # A parenthesised list closing a paragraph: "… sagte er. (dpa)".
        stripped = text[tail:end].rstrip(_INLINE_SPACE + ".")
        if not stripped.endswith(")"):
            return None
        close = tail + len(stripped) - 1
        open_ = text.rfind("(", tail, close)
        if open_ < 0 or ")" in text[open_:close]:
            return None
        shape, listed = self._shape(open_ + 1, close)
        if not listed:
            return None
        unmistakable = any(c.alias.scope is _Scope.NAME for c in listed)
        reach = max(start, open_ - 20)
        before = text[reach:open_].rstrip()
        closes_sentence = (
            (not before and reach == start)
            or before.endswith(_SENTENCE_END)
            # The article's last words need no full stop: "… wie er sagte (dpa/AP)";
            # but "… die Agentur Associated Press (AP)" is a gloss, and "das
            # Auswärtige Amt (AA)" no agency at all.
            or (start == self.last_line_start and not self._ends_near(open_) and unmistakable)
        )
        return open_ if closes_sentence and _list_pattern().fullmatch(shape) else None

    def _ends_near(self, pos: int) -> bool:
        """Whether a candidate ends at most three characters before ``pos``."""
        index = bisect.bisect_left(self.starts, pos) - 1
        return index >= 0 and pos - 3 <= self.candidates[index].end <= pos

    def _dateline(self, start: int, end: int) -> tuple[int, int]:
        """The span of the agency list in the dateline opening the line ``[start, end)``.

        ``(start, start)`` when the line opens with no dateline.
        """
        found = _dateline_pattern().match(self.text, start, min(end, start + _DATELINE))
        # Place names are capitalised: "Berlin", "MOSKAU", "Frankfurt am Main".
        if found is not None and all(
            p is None or p[0].isupper() for p in found.group("place", "later_place")
        ):
            shape, listed = self._shape(*found.span("list"))
            if listed and _list_pattern().fullmatch(shape):
                return found.span("list")
        return start, start

    def _group(self, c: _Candidate, line: tuple[int, int]) -> tuple[int, int] | None:
        """The inside of the parentheses around ``c`` within its line, if any."""
        text = self.text
        lo, hi = max(line[0], c.start - _CONTEXT), min(line[1], c.end + _CONTEXT)
        open_ = text.rfind("(", lo, c.start)
        if open_ < 0 or ")" in text[open_ : c.start]:
            return None
        close = text.find(")", c.end, hi)
        if close < 0 or "(" in text[c.end : close]:
            return None
        return open_ + 1, close

    def _agency_group(self, group: tuple[int, int]) -> bool:
        """Whether a parenthesised group lists agencies, one of them unmistakable: ``(dpa/AP)``."""
        if group[0] not in self.groups:
            shape, listed = self._shape(*group)
            self.groups[group[0]] = bool(
                any(c.alias.scope is _Scope.NAME for c in listed) and _list_pattern().fullmatch(shape)
            )
        return self.groups[group[0]]

    def _after_noun(self, c: _Candidate) -> bool:
        """Whether an agency noun comes right before ``c``: ``die Nachrichtenagentur AP``."""
        word = self._word_before(c.start)
        if not word:
            return False
        nouns = self.cues.nouns
        # "der US-Nachrichtenagentur AP": the prefix before a hyphen does not matter.
        return word in nouns or any(word[i + 1 :] in nouns for i, ch in enumerate(word) if ch in _HYPHENS)

    def _coordinated(self, first: _Candidate, second: _Candidate) -> bool:
        """Whether only a comma, slash or ``und`` stands between two names."""
        if not 0 < second.start - first.end <= 12:
            return False
        gap = self.text[first.end : second.start]
        return gap in _COMMON_COORDINATIONS or _COORDINATION.fullmatch(gap) is not None

    def _glosses(self, first: _Candidate, second: _Candidate) -> bool:
        """Whether ``second`` stands alone in parentheses right after ``first``: ``Associated Press (AP)``."""
        return (
            0 < second.start - first.end <= 6
            and "(" in self.text[first.end : second.start]
            and _GLOSS_OPEN.fullmatch(self.text, first.end, second.start) is not None
            and _GLOSS_CLOSE.match(self.text, second.end, second.end + 4) is not None
        )

    def _accepts(self, c: _Candidate, line: tuple[int, int], *, after_noun: bool, glossed: bool) -> bool:
        """Whether a name outside credit lines and datelines counts as an agency here."""
        scope = c.alias.scope
        if scope is _Scope.NAME:
            return True
        if scope is _Scope.APPOSITION:
            return after_noun
        if glossed or (after_noun and scope is _Scope.AMBIGUOUS):
            return True
        group = self._group(c, line)
        return group is not None and self._agency_group(group)

    def _relayed(self, c: _Candidate, line: tuple[int, int]) -> bool:
        """Whether a relay cue shares the clause with ``c``: ``laut …``, ``… zufolge``."""
        text, starts = self.text, self.relay_starts
        lo = max(line[0], c.start - _CONTEXT)
        index = bisect.bisect_left(starts, lo)
        if index < len(starts) and starts[index] < c.start:
            left = _CLAUSE_END.split(text[lo : c.start])[-1]
            words = [w.casefold() for w in _WORD.findall(left)[-_LEFT_WORDS:]]
            if _has_phrase(words, self.cues.before):
                return True
        hi = min(line[1], c.end + _CONTEXT)
        index = bisect.bisect_left(starts, c.end)
        if index < len(starts) and starts[index] < hi:
            right = _CLAUSE_END.split(text[c.end : hi], maxsplit=1)[0]
            words = [w.casefold() for w in _WORD.findall(right)[:_RIGHT_WORDS]]
            return _has_phrase(words, self.cues.after)
        return False

    def mentions(self) -> Iterator[AgencyMention]:
        """The candidates that count, with their roles, in order."""
        text = self.text
        # Candidates come in text order, so each line's credit part and dateline
        # are worked out once, when its first candidate comes up.
        line = (-1, -1)
        credit: int | None = None
        dateline: tuple[int, int] | None = None
        previous: _Accepted | None = None
        for c in self.candidates:
            if not line[0] <= c.start < line[1]:
                line = self._line(c.start, line)
                credit = self._credit(*line)
                dateline = None
            role: AgencyRole | None = None
            if c.alias.scope is not _Scope.APPOSITION:
                if credit is not None and c.start >= credit:
                    role = AgencyRole.CREDIT
                elif c.start < line[0] + _DATELINE:
                    if dateline is None:
                        dateline = self._dateline(*line)
                    if dateline[0] <= c.start < dateline[1]:
                        role = AgencyRole.DATELINE
            # "Nachrichtenagenturen dpa und AP", "laut Interfax und Tass": a name
            # coordinated with the one before shares its context.
            coordinated = previous is not None and self._coordinated(previous.candidate, c)
            after_noun = self._after_noun(c) or (coordinated and previous is not None and previous.after_noun)
            if role is None:
                glossed = previous is not None and self._glosses(previous.candidate, c)
                if not self._accepts(c, line, after_noun=after_noun, glossed=glossed):
                    continue
                if previous is not None and (glossed or (coordinated and previous.role is AgencyRole.VIA)):
                    role = previous.role
                else:
                    role = AgencyRole.VIA if self._relayed(c, line) else AgencyRole.MENTION
            previous = _Accepted(c, role, after_noun)
            yield AgencyMention(c.alias.name, role, text[c.start : c.end], Span(c.start, c.end))


def _has_phrase(words: list[str], phrases: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether one of ``phrases`` (grouped by their first word) occurs in ``words``."""
    for i, word in enumerate(words):
        for phrase in phrases.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return True
    return False
