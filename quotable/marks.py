"""Stage 1: find and pair German quotation marks.

Pure and regex-based (no Stanza).  :func:`find_quotes` returns every paired
quotation as a :class:`MarkedQuote` with exact offsets, whatever the text: it
never raises for a ``str``, and unbalanced marks are skipped or closed at the
end of their paragraph (logged at debug level).

German conventions this stage encodes (the pairs themselves are data, in
``data/quote_marks.tsv``):

* „ opens and “ closes; » opens and « closes (Germany, Austria); « opens and »
  closes (Switzerland); ‚…‘ and ›…‹ nest inside; ``,,`` is typed for „.
* A mark that can open or close (ASCII ``"``, “, », «, …) takes its direction
  from its neighbours: after a space and before a letter it opens, after a
  letter and before a space or punctuation it closes; between two letters or
  two spaces, it closes whatever it can close and opens otherwise.
* ’ and ' are usually apostrophes (geht’s, Merz’ Plan, ’s, '90er), not marks.
* A quotation over several paragraphs leaves its opening paragraph unclosed and
  repeats the opening mark at the start of each following paragraph; it closes
  once, at its end.  It comes back as one quote with one span per paragraph.

Each top-level quote is classified (:class:`~quotable.mark_kinds.MarkKind`, by
:func:`~quotable.mark_kinds.classify`) as speech, a short fragment (a partial quote
or a scare quote: the attribution stage decides from the context), or a
title/name/term that is not speech at all.
"""

from __future__ import annotations

import bisect
import enum
import functools
import logging
import re

import attrs
import regex

from quotable import lexicon
from quotable.mark_kinds import MarkKind, classify
from quotable.model import Span, join_spans

logger = logging.getLogger(__name__)

MAX_DEPTH = 6
"""Quotes nest two or three levels in real text; deeper stacks are stray marks.
The cap also keeps pairing linear on hostile input (100,000 unclosed marks)."""

APOSTROPHES = frozenset("'’‘")
"""Single quotation marks that are much more often apostrophes."""


@attrs.frozen
class MarkedQuote:
    """A paired quotation: one ``spans`` entry per paragraph, each including its marks."""

    spans: tuple[Span, ...]
    content: tuple[Span, ...]
    """The quoted words without the marks, one per paragraph."""
    text: str
    """The content, paragraphs joined by single spaces."""
    style: str
    """The pair's style name from ``data/quote_marks.tsv`` (``german``, ``swiss``, …)."""
    depth: int
    """0 for a top-level quote, 1 for a quote inside it, …"""
    closed: bool
    """False when no closing mark was found and the quote ends at its paragraph's end."""
    kind: MarkKind

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end


@attrs.frozen
class _Style:
    name: str
    opening: str
    closing: str
    inner: bool


@attrs.frozen
class _Marks:
    styles: tuple[_Style, ...]
    pattern: re.Pattern[str]
    opens: dict[str, tuple[_Style, ...]]
    opens_outer: dict[str, tuple[_Style, ...]]
    """The styles each mark opens outside any quote (not the ``inner`` ones)."""
    closes: dict[str, frozenset[str]]
    """The opening marks of the styles each mark closes."""
    strings: tuple[str, ...]
    """Every mark, longest first."""


@functools.cache
def _marks() -> _Marks:
    styles = tuple(
        _Style(name=row[2], opening=row[0], closing=row[1], inner=row[3] == "inner")
        for row in lexicon.table("quote_marks.tsv", 4)
    )
    opens: dict[str, list[_Style]] = {}
    closes: dict[str, list[_Style]] = {}
    for style in styles:
        opens.setdefault(style.opening, []).append(style)
        closes.setdefault(style.closing, []).append(style)
    strings = sorted(set(opens) | set(closes), key=len, reverse=True)
    # literal strings, longest first: matched at one known position (_reopens); the scan of a
    # whole text is by str.find (_occurrences), three times faster
    pattern = re.compile("|".join(re.escape(s) for s in strings))
    return _Marks(
        styles,
        pattern,
        {k: tuple(v) for k, v in opens.items()},
        {k: tuple(s for s in v if not s.inner) for k, v in opens.items()},
        {k: frozenset(s.opening for s in v) for k, v in closes.items()},
        tuple(strings),
    )


# ---------------------------------------------------------------- neighbours
class _Looks(enum.Enum):
    OPENING = 1
    CLOSING = 2
    EITHER = 3
    """Between two non-space characters (``2025"Die``, ``.“Der``)."""
    NEITHER = 4
    """Between two spaces."""


_BEFORE_OPENING = frozenset("([{/–—-„»«“‚›‹\"'")
_AFTER_CLOSING = frozenset(".,;:!?)]}/…–—-“”«»‘’‹›\"'")


def _looks(text: str, start: int, end: int) -> _Looks:
    """Which way a mark points, judged from its neighbours."""
    space_before = start == 0 or text[start - 1].isspace()
    space_after = end >= len(text) or text[end].isspace()
    if space_before:
        return _Looks.NEITHER if space_after else _Looks.OPENING
    if not space_after and text[start - 1] in _BEFORE_OPENING:
        return _Looks.OPENING
    if space_after or text[end] in _AFTER_CLOSING:
        return _Looks.CLOSING
    return _Looks.EITHER


_ELISION = regex.compile(r"(?:s|n|ne|nen|nem|em|\d\d)\b")


def _is_apostrophe(text: str, start: int, single_open: bool) -> bool:
    """Whether the single-quote character at ``start`` is an apostrophe.

    geht’s / Hans'sche (letters on both sides), Merz’ Plan (after a final s, x,
    z or ß, when no single quote is open), ’s / 'n / '90er (elision at a word start).
    """
    before = text[start - 1] if start > 0 else " "
    after = text[start + 1] if start + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    if before in "sSxXzZß" and not after.isalnum() and not single_open:
        return True
    return before.isspace() and bool(_ELISION.match(text, start + 1))


# ---------------------------------------------------------------- paragraphs
_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""Where :meth:`str.splitlines` ends a line; every one of them is white space."""
_BREAK = re.compile(f"[{_BREAKS}]")
_NON_SPACE = re.compile(r"\S")


def _paragraph_end(text: str, position: int) -> int:
    """Where the paragraph holding the non-space character at ``position`` ends, less trailing spaces.

    Paragraphs are lines as :meth:`str.splitlines` ends them (``\n``, ``\r``,
    ``\r\n``, ``\u2028``, ``\u2029``, ``\x0b``, ``\x0c``, ``\x1c``–``\x1e``,
    ``\x85``).  Looked up only where a mark is, not for every line of the text.
    """
    found = _BREAK.search(text, position)
    end = found.start() if found is not None else len(text)
    while text[end - 1].isspace():
        end -= 1
    return end


def _next_paragraph(text: str, end: int) -> int | None:
    """Where the paragraph after the one ending at ``end`` starts (None after the last)."""
    found = _NON_SPACE.search(text, end)
    return found.start() if found is not None else None


@attrs.define
class _Segment:
    """One paragraph's part of a quote: [mark_start, end) with content [content_start, content_end)."""

    mark_start: int
    content_start: int
    content_end: int = -1
    end: int = -1


@attrs.define
class _Open:
    style: _Style
    depth: int
    segments: list[_Segment]


# ---------------------------------------------------------------- pairing
def find_quotes(text: str) -> tuple[MarkedQuote, ...]:
    """Every paired quotation in ``text``, sorted by start (nested ones included)."""
    if not isinstance(text, str):
        raise TypeError(f"find_quotes() needs a str, not {type(text).__name__}")
    found: list[MarkedQuote] = []
    marks = _marks()
    # Every mark is in some paragraph (marks hold no white space), and no mark reaches
    # from one paragraph into the next: the marks of the whole text, paragraph by paragraph.
    everywhere = _occurrences(text, marks.strings)
    if not everywhere:
        return ()
    carried: _Open | None = None
    first = 0
    while first < len(everywhere):
        # the next paragraph with a mark in it (a carried quote's is the very next one:
        # it starts with the reopening mark), and its marks
        p_end = _paragraph_end(text, everywhere[first][0])
        last = bisect.bisect_left(everywhere, (p_end,), first)
        occurrences, first = everywhere[first:last], last
        stack: list[_Open] = []
        if carried is not None:
            # the paragraph reopens the quote carried over from the previous one
            start, end, _ = occurrences[0]
            carried.segments.append(_Segment(start, end))
            stack.append(carried)
            occurrences = occurrences[1:]
            carried = None
        for start, end, mark in occurrences:
            _step(text, start, end, mark, stack, found, marks)
        while len(stack) > 1:
            dropped = stack.pop()
            logger.debug(
                "unclosed nested %s quote at %d dropped", dropped.style.name, dropped.segments[0].mark_start
            )
        if not stack:
            continue
        outer = stack[0]
        outer.segments[-1].content_end = outer.segments[-1].end = p_end
        following = _next_paragraph(text, p_end)
        if following is not None and _reopens(text, following, outer.style, marks):
            carried = outer
        else:
            logger.debug(
                "unclosed %s quote at %d ends with its paragraph",
                outer.style.name,
                outer.segments[0].mark_start,
            )
            _emit(text, outer, found, closed=False)
    found.sort(key=_by_start_longest_first)
    return tuple(found)


def _by_start_longest_first(quote: MarkedQuote) -> tuple[int, int]:
    return quote.spans[0].start, -quote.spans[-1].end


def _occurrences(text: str, strings: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Every mark in ``text`` as (start, end, mark), left to right, never overlapping.

    What ``pattern.finditer`` finds (at each position the longest mark), found
    by :meth:`str.find` for each mark in turn: three times faster on news text.
    """
    found: list[tuple[int, int, str]] = []
    longer = False
    for mark in strings:
        at = text.find(mark)
        if at == -1:
            continue
        size = len(mark)
        longer = longer or size > 1
        while at != -1:
            found.append((at, at + size, mark))
            at = text.find(mark, at + 1)
    found.sort()
    if not longer:  # marks of one character never overlap
        return found
    kept: list[tuple[int, int, str]] = []
    for occurrence in found:  # where two start together, the longer comes second and wins
        if kept and occurrence[0] == kept[-1][0]:
            kept[-1] = occurrence
        elif not kept or occurrence[0] >= kept[-1][1]:
            kept.append(occurrence)
    return kept


def _reopens(text: str, position: int, style: _Style, marks: _Marks) -> bool:
    """Whether a paragraph starting at ``position`` repeats the opening mark of ``style``."""
    m = marks.pattern.match(text, position)
    if m is None:
        return False
    mark = m.group()
    return mark == style.opening or (mark in ("„", ",,") and style.opening in ("„", ",,"))


def _step(
    text: str, start: int, end: int, mark: str, stack: list[_Open], found: list[MarkedQuote], marks: _Marks
) -> None:
    """Open, close or skip one mark occurrence."""
    if mark in APOSTROPHES and _is_apostrophe(text, start, any(o.style.inner for o in stack)):
        return
    looks = _looks(text, start, end)
    openers = marks.opens.get(mark, ()) if stack else marks.opens_outer.get(mark, ())
    if looks is _Looks.OPENING and openers:
        _open(stack, openers[0], start, end)
        return
    closable = _closable(mark, stack, marks) if stack else None
    if closable is not None:
        _close(text, stack, closable, start, end, found)
    elif openers and looks is _Looks.EITHER:
        _open(stack, openers[0], start, end)
    else:
        logger.debug("stray quote mark %r at %d skipped", mark, start)


def _open(stack: list[_Open], style: _Style, start: int, end: int) -> None:
    if len(stack) >= MAX_DEPTH:
        logger.debug("quote mark at %d ignored: nesting deeper than %d", start, MAX_DEPTH)
        return
    stack.append(_Open(style, len(stack), [_Segment(start, end)]))


def _closable(mark: str, stack: list[_Open], marks: _Marks) -> int | None:
    """Index in ``stack`` of the innermost open quote that ``mark`` can close."""
    openings = marks.closes.get(mark)
    if not openings:
        return None
    for index in range(len(stack) - 1, -1, -1):
        if stack[index].style.opening in openings:
            return index
    return None


def _close(text: str, stack: list[_Open], index: int, start: int, end: int, found: list[MarkedQuote]) -> None:
    while len(stack) > index + 1:
        dropped = stack.pop()
        logger.debug(
            "unclosed nested %s quote at %d dropped", dropped.style.name, dropped.segments[0].mark_start
        )
    quote = stack.pop()
    quote.segments[-1].content_end = start
    quote.segments[-1].end = end
    _emit(text, quote, found, closed=True)


_ALNUM = re.compile(r"[^\W_]")
"""A letter or digit (the standard library's class is exactly :meth:`str.isalnum`)."""


def _emit(text: str, quote: _Open, found: list[MarkedQuote], *, closed: bool) -> None:
    segments = quote.segments
    if len(segments) == 1:  # the common case: a quote within one paragraph
        (only,) = segments
        spans: tuple[Span, ...] = (Span(only.mark_start, only.end),)
        content: tuple[Span, ...] = (Span(only.content_start, only.content_end),)
        joined = text[only.content_start : only.content_end]
    else:
        spans = tuple(Span(s.mark_start, s.end) for s in segments)
        content = tuple(Span(s.content_start, s.content_end) for s in segments)
        joined = join_spans(text, content)
    if _ALNUM.search(joined) is None:
        logger.debug("quote marks at %d enclose no words", spans[0].start)
        return
    found.append(
        MarkedQuote(
            spans=spans,
            content=content,
            text=joined,
            style=quote.style.name,
            depth=quote.depth,
            closed=closed,
            kind=classify(text, spans[0].start, content[0].start, content[-1].end, joined),
        )
    )
