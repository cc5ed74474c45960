"""Stage: the news agencies a German news text names, and in what role.

Pure and regex-based (no Stanza).  :func:`find_agencies` returns every agency
mention with its canonical name and exact offsets, whatever the text: it never
raises for a ``str`` and stays linear in the length of the text.

German news conventions this stage encodes (the names and cue words themselves
are data, in ``data/agencies.tsv`` and ``data/agency_cues.tsv``, compiled by
:mod:`quotable.agency_lexicon`):

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
import re
from collections.abc import Iterator
from typing import NamedTuple

from quotable.agency_lexicon import (
    BREAKS,
    DATED,
    GAP,
    HYPHENS,
    Alias,
    Scope,
    alias_key,
    alias_pattern_for,
    alias_table,
    cue_table,
    dateline_pattern,
    list_pattern,
)
from quotable.model import AgencyMention, AgencyRole, Span

__all__ = ["find_agencies"]

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


class _Candidate(NamedTuple):
    start: int
    end: int
    alias: Alias


class _Accepted(NamedTuple):
    candidate: _Candidate
    role: AgencyRole
    after_noun: bool


_WORD = re.compile(r"\w+")
_LINE_BREAK = re.compile(f"[{BREAKS}]")
_CLAUSE_END = re.compile(r"[.!?;:,„“”\"«»‹›]")
"""Punctuation that ends the clause a relay cue must share with the agency."""
_COORDINATION = re.compile(rf"{GAP}*(?:[,/]{GAP}*)?(?:(?:und|sowie|oder){GAP}+)?")
_COMMON_COORDINATIONS = frozenset(["/", ",", ", ", " / ", " und ", ", und ", " sowie "])
_GLOSS_OPEN = re.compile(rf"{GAP}*\({GAP}*")
_GLOSS_CLOSE = re.compile(rf"{GAP}*\)")
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
    pattern = alias_pattern_for(text)
    if pattern is None:
        return ()
    finder = _Finder(text, pattern)
    return tuple(finder.mentions()) if finder.candidates else ()


class _Finder:
    """One :func:`find_agencies` call: the text, its candidate names, and per-line findings.

    Every check looks at a bounded neighbourhood of a name, and per-line findings
    are computed once, so the work grows linearly with the text.
    """

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self.text = text
        self.cues = cue_table()
        self.candidates = list(self._candidates(pattern))
        if not self.candidates:
            return
        self.starts = [c.start for c in self.candidates]
        self.breaks = [b for b in BREAKS if b in text] or ["\n"]
        stripped_end = len(text.rstrip())
        self.last_line_start = max(text.rfind(b, 0, stripped_end) for b in BREAKS) + 1
        self.groups: dict[int, bool] = {}

    def _candidates(self, pattern: re.Pattern[str]) -> Iterator[_Candidate]:
        aliases = alias_table()
        for match in pattern.finditer(self.text):
            found = match[0]
            alias = aliases.get(found) or aliases[alias_key(found)]
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
        if not stripped or stripped[-1] in BREAKS:
            return ""
        words = stripped.rsplit(None, 1)
        return words[-1].lstrip("([„\"»«‚'") if words else ""

    def _word_after(self, pos: int) -> str:
        """The word right after ``pos``, separated from it by spaces only ("" if none)."""
        if pos == len(self.text) or self.text[pos] not in _INLINE_SPACE:
            return ""
        stripped = self.text[pos : pos + 60].lstrip(_INLINE_SPACE)
        if not stripped or stripped[0] in BREAKS:
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
            if c.alias.scope is Scope.APPOSITION:
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
                and list_pattern().fullmatch(shape.strip())
                and (
                    any(ch in shape for ch in "(/,[")
                    or any(c.alias.scope is Scope.NAME for c in listed)
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
        unmistakable = any(c.alias.scope is Scope.NAME for c in listed)
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
        return open_ if closes_sentence and list_pattern().fullmatch(shape) else None

    def _ends_near(self, pos: int) -> bool:
        """Whether a candidate ends at most three characters before ``pos``."""
        index = bisect.bisect_left(self.starts, pos) - 1
        return index >= 0 and pos - 3 <= self.candidates[index].end <= pos

    def _dateline(self, start: int, end: int) -> tuple[int, int]:
        """The span of the agency list in the dateline opening the line ``[start, end)``.

        ``(start, start)`` when the line opens with no dateline.
        """
        found = dateline_pattern().match(self.text, start, min(end, start + _DATELINE))
        # Place names are capitalised: "Berlin", "MOSKAU", "Frankfurt am Main".
        if found is not None and all(
            p is None or p[0].isupper() for p in found.group("place", "later_place")
        ):
            shape, listed = self._shape(*found.span("list"))
            if listed and list_pattern().fullmatch(shape):
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
                any(c.alias.scope is Scope.NAME for c in listed) and list_pattern().fullmatch(shape)
            )
        return self.groups[group[0]]

    def _after_noun(self, c: _Candidate) -> bool:
        """Whether an agency noun comes right before ``c``: ``die Nachrichtenagentur AP``."""
        word = self._word_before(c.start)
        if not word:
            return False
        nouns = self.cues.nouns
        # "der US-Nachrichtenagentur AP": the prefix before a hyphen does not matter.
        return word in nouns or any(word[i + 1 :] in nouns for i, ch in enumerate(word) if ch in HYPHENS)

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
        if scope is Scope.NAME:
            return True
        if scope is Scope.APPOSITION:
            return after_noun
        if glossed or (after_noun and scope is Scope.AMBIGUOUS):
            return True
        group = self._group(c, line)
        return group is not None and self._agency_group(group)

    def _relayed(self, c: _Candidate, line: tuple[int, int]) -> bool:
        """Whether a relay cue shares the clause with ``c``: ``laut …``, ``… zufolge``."""
        text = self.text
        lo = max(line[0], c.start - _CONTEXT)
        if self._relay_between(lo, c.start):
            left = _CLAUSE_END.split(text[lo : c.start])[-1]
            words = [w.casefold() for w in _WORD.findall(left)[-_LEFT_WORDS:]]
            if _has_phrase(words, self.cues.before):
                return True
        hi = min(line[1], c.end + _CONTEXT)
        if self._relay_between(c.end, hi):
            right = _CLAUSE_END.split(text[c.end : hi], maxsplit=1)[0]
            words = [w.casefold() for w in _WORD.findall(right)[:_RIGHT_WORDS]]
            return _has_phrase(words, self.cues.after)
        return False

    def _relay_between(self, start: int, end: int) -> bool:
        """Whether the first word of a relay cue begins in ``[start, end)``.

        The search looks at the text before ``start`` for the word boundary and
        runs far enough past ``end`` for the longest cue word to end there, so it
        finds what a search of the whole text finds in that range.
        """
        stop = min(len(self.text), end + self.cues.relay_longest + 1)
        found = self.cues.relay.search(self.text, start, stop)
        return found is not None and found.start() < end

    def _dated_credit(self, c: _Candidate, line: tuple[int, int]) -> bool:
        """Whether ``c`` stands in a dated credit in brackets, wherever on its line:
        „… aufhalten. (APA, 18.3.2016) SV Ried – …“ (Austrian results follow the credit)."""
        open_ = self.text.rfind("(", line[0], c.start)
        close = self.text.find(")", c.end, line[1])
        if open_ < 0 or close < 0 or close - open_ > _MAX_CREDIT_LINE:
            return False
        shape, listed = self._shape(open_ + 1, close)
        return (
            bool(listed)
            and DATED.search(shape) is not None
            and list_pattern().fullmatch(shape.strip()) is not None
        )

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
            if c.alias.scope is not Scope.APPOSITION:
                if (credit is not None and c.start >= credit) or self._dated_credit(c, line):
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
