"""The text every stage reads: the caller's text folded for reading, with a map back.

The same article reaches quotable in many encodings of the same words: CRLF or a
lone CR between paragraphs, U+2028/U+2029, NFD accents from a Mac, HTML tags and
entities from a CMS export, bidi and zero-width controls and soft hyphens from a
word processor.  :func:`normalize` folds all of them into one reading view, so
that each stage sees plain NFC text with ``\\n`` between paragraphs:

==============================================  ===================================
in the caller's text                            in the view
==============================================  ===================================
``\\r\\n``, ``\\r``, U+2028, U+2029, VT, FF,      ``\\n``
FS, GS, RS, NEL
a run of block tags (``</p>\\n<p>``, ``<br>``)   ``\\n`` (nothing at the start or end)
inline tags (``<b>``, ``<a href=…>``),           nothing
comments, ``<script>``/``<style>`` elements
character references (``&bdquo;``, ``&#8222;``)  the character (``„``)
bidi, zero-width and soft-hyphen characters     nothing
no-break and other fixed-width spaces           a space
a grapheme cluster that is not NFC              its NFC form
==============================================  ===================================

Nothing is normalised for offsets: :class:`Normalized` maps every view offset
back to the caller's string, and :func:`restore` rewrites a result computed on
the view so that every span points into the caller's text and every mention's
``text`` is the caller's characters (resolved names stay in their clean form).
Text that needs none of this (most text) gets the identity view at the cost
of one scan.
"""

from __future__ import annotations

import bisect
import html
import unicodedata
from collections.abc import Iterable
from typing import TypeVar

import attrs
import regex

from quotable.model import AgencyMention, Attribution, Entity, Mention, Quote, Span, join_spans

_BLOCK_TAGS = (
    "address|article|aside|blockquote|body|br|caption|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]"
    "|head|header|hr|html|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|title|tr|ul"
)
_INLINE_TAGS = (
    "a|abbr|b|bdi|bdo|big|cite|code|del|dfn|em|font|i|img|ins|kbd|label|mark|nobr|o:p|q|s|samp|small"
    "|span|strike|strong|sub|sup|time|tt|u|var|wbr"
)
_ATTRIBUTES = r"(?:\s[^<>]{0,2000})?/?>"
_INVISIBLE = "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
"""Soft hyphen, bidi controls and marks, zero-width characters, word joiners, the BOM."""

_EDITS = regex.compile(
    rf"""
    (?P<line>\r\n?|[\u2028\u2029\x0b\x0c\x1c-\x1e\x85])
  | (?P<block>(?:</?(?:{_BLOCK_TAGS}){_ATTRIBUTES}\s*+)+)
  | (?P<drop></?(?:{_INLINE_TAGS}){_ATTRIBUTES}|{_INVISIBLE})
  | (?P<entity>&(?:[A-Za-z][A-Za-z0-9]{{1,31}}|\#[0-9]{{1,7}}|\#[xX][0-9A-Fa-f]{{1,6}});)
  | (?P<space>[\u00a0\u2000-\u200a\u202f\u205f\u3000])
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.DOTALL,
)
"""Everything folded but comments and scripts, one alternative per kind of edit.  Every
alternative starts at a fixed character and is bounded, so the scan is linear."""

_ELEMENTS = tuple(
    (regex.compile(opening, regex.IGNORECASE), regex.compile(closing, regex.IGNORECASE))
    for opening, closing in (("<!--", "-->"), (r"<script\b", r"</script\s*>"), (r"<style\b", r"</style\s*>"))
)
"""Markup dropped with everything inside it, found by :func:`_elements`."""

_DROPPED_RESULTS = frozenset("\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
"""What a character reference may stand for that the view drops (``&shy;``, ``&zwnj;``)."""


@attrs.frozen(eq=False)
class Normalized:
    """The reading view ``text`` of the caller's ``original``, with the offset map between them.

    The map is a sorted list of edits: ``original[o_start[k]:o_end[k]]`` was
    replaced by ``text[n_start[k]:n_end[k]]``; between edits the two texts agree.
    """

    original: str
    text: str
    _o_start: tuple[int, ...] = ()
    _o_end: tuple[int, ...] = ()
    _n_start: tuple[int, ...] = ()
    _n_end: tuple[int, ...] = ()

    @property
    def identity(self) -> bool:
        """Whether the view is the caller's text itself (nothing was folded)."""
        return not self._o_start

    def start(self, offset: int) -> int:
        """The caller's offset for a span that starts at ``offset`` of the view.

        A start inside a replaced piece maps to the start of what it replaced; a
        start at a dropped piece (a tag) maps past it.
        """
        if self.identity:
            return offset
        k = bisect.bisect_right(self._n_end, offset)  # first edit ending after offset
        if k < len(self._n_start) and self._n_start[k] <= offset:
            return self._o_start[k]
        return offset if k == 0 else self._o_end[k - 1] + offset - self._n_end[k - 1]

    def end(self, offset: int) -> int:
        """The caller's offset for a span that ends at ``offset`` of the view (before any dropped piece)."""
        if self.identity:
            return offset
        k = bisect.bisect_left(self._n_end, offset)  # first edit ending at or after offset
        if k < len(self._n_start) and self._n_start[k] < offset:
            return self._o_end[k]
        return offset if k == 0 else self._o_end[k - 1] + offset - self._n_end[k - 1]

    def span(self, span: Span) -> Span:
        start = self.start(span.start)
        return Span(start, max(start, self.end(span.end)))


def normalize(text: str) -> Normalized:
    """The reading view of ``text`` (see the module docstring)."""
    edits = [_edit(match, len(text)) for match in _EDITS.finditer(text)]
    if "<" in text:
        edits.extend(_elements(text))
        edits.sort()
    if not unicodedata.is_normalized("NFC", text):
        edits.extend(_nfc_edits(text))
        edits.sort()
    kept: list[tuple[int, int, str]] = []
    for edit in edits:
        start, end, replacement = edit
        if text[start:end] == replacement or (kept and start < kept[-1][1]):
            continue  # nothing to change (a lone \n inside a block run), or overlapping an edit kept
        kept.append(edit)
    if not kept:
        return Normalized(text, text)
    pieces: list[str] = []
    o_start, o_end, n_start, n_end = [], [], [], []
    previous = 0
    length = 0
    for start, end, replacement in kept:
        pieces.append(text[previous:start])
        length += start - previous
        o_start.append(start)
        o_end.append(end)
        n_start.append(length)
        pieces.append(replacement)
        length += len(replacement)
        n_end.append(length)
        previous = end
    pieces.append(text[previous:])
    return Normalized(text, "".join(pieces), tuple(o_start), tuple(o_end), tuple(n_start), tuple(n_end))


def _edit(match: regex.Match[str], length: int) -> tuple[int, int, str]:
    start, end = match.span()
    kind = match.lastgroup
    if kind == "line":
        return start, end, "\n"
    if kind == "block":
        return start, end, "" if start == 0 or end == length else "\n"
    if kind == "entity":
        character = html.unescape(match.group())
        if character in _DROPPED_RESULTS:
            return start, end, ""
        return start, end, " " if character == "\u00a0" else character
    if kind == "space":
        return start, end, " "
    return start, end, ""


def _elements(text: str) -> Iterable[tuple[int, int, str]]:
    """Comments, scripts and style sheets, whole.  Each search goes forward only, so an
    unclosed ``<!--`` costs one scan however many there are."""
    for opening, closing in _ELEMENTS:
        position = 0
        while (start := opening.search(text, position)) is not None:
            end = closing.search(text, start.end())
            if end is None:
                break  # no closing after this opening: none after any later one either
            position = end.end()
            yield start.start(), position, ""


def _nfc_edits(text: str) -> Iterable[tuple[int, int, str]]:
    """One edit for each grapheme cluster that NFC changes (composition never crosses white space)."""
    for token in regex.finditer(r"\S+", text):
        if unicodedata.is_normalized("NFC", token.group()):
            continue
        for cluster in regex.finditer(r"\X", token.group()):
            form = cluster.group()
            if not unicodedata.is_normalized("NFC", form):
                yield (
                    token.start() + cluster.start(),
                    token.start() + cluster.end(),
                    unicodedata.normalize("NFC", form),
                )


# ------------------------------------------------------------------ results
def restore(result: Attribution, view: Normalized) -> Attribution:
    """``result`` (computed on ``view.text``) with every span and mention text in the caller's string."""
    if view.identity:
        return result
    return attrs.evolve(
        result,
        quotes=tuple(_quote(q, view) for q in result.quotes),
        agencies=tuple(_agency(a, view) for a in result.agencies),
        entities=tuple(_entity(e, view) for e in result.entities),
    )


def _spans(spans: Iterable[Span], view: Normalized) -> tuple[Span, ...]:
    return tuple(view.span(s) for s in spans)


_M = TypeVar("_M", bound=Mention)


def _mention(mention: _M | None, view: Normalized) -> _M | None:
    if mention is None:
        return None
    spans = _spans(mention.spans, view)
    return attrs.evolve(mention, spans=spans, text=join_spans(view.original, spans))


def _quote(quote: Quote, view: Normalized) -> Quote:
    content = _spans(quote.content, view)
    speaker = _mention(quote.speaker, view)
    return attrs.evolve(
        quote,
        spans=_spans(quote.spans, view),
        content=content,
        text=join_spans(view.original, content),
        speaker=speaker,
        cue=_mention(quote.cue, view),
        frame=_mention(quote.frame, view),
        addressee=_mention(quote.addressee, view),
    )


def _agency(agency: AgencyMention, view: Normalized) -> AgencyMention:
    span = view.span(agency.span)
    return attrs.evolve(agency, span=span, text=span.of(view.original))


def _entity(entity: Entity, view: Normalized) -> Entity:
    mentions = tuple(m for m in (_mention(m, view) for m in entity.mentions) if m is not None)
    return attrs.evolve(entity, mentions=mentions)
