"""What the attribution rules know about one text: its parse, paragraphs and
quotation marks, with fast lookups from character offsets to sentences and words.

Built once per text by the Attributor and passed to each rule.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence

import attrs

from quotable.mark_kinds import MarkKind
from quotable.marks import MarkedQuote
from quotable.model import Span
from quotable.syntax import Parse, Sentence, Word

_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")


@attrs.frozen(eq=False)
class Document:
    text: str
    parse: Parse
    marked: tuple[MarkedQuote, ...]
    paragraph_starts: tuple[int, ...]

    @classmethod
    def build(cls, text: str, parse: Parse, marked: Sequence[MarkedQuote]) -> Document:
        starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
        return cls(text, parse, tuple(marked), tuple(starts))

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.parse.sentences

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.parse.sentences]

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (or the last one starting before it)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return i if i >= 0 else (0 if self.parse.sentences else None)

    def paragraph(self, offset: int) -> int:
        """Number of the paragraph (line) containing ``offset``."""
        return bisect.bisect_right(self.paragraph_starts, offset) - 1

    @functools.cached_property
    def speech_quotes(self) -> tuple[MarkedQuote, ...]:
        """Top-level quotations that are not titles or names."""
        return tuple(q for q in self.marked if q.depth == 0 and q.kind is not MarkKind.TITLE)

    @functools.cached_property
    def _contents(self) -> tuple[list[int], list[int], list[tuple[int, int]]]:
        """The content spans of :attr:`speech_quotes` sorted by start: their starts, the
        running maximum of their ends, and each one's ``(end, quote index)``."""
        pieces = sorted((c.start, c.end, i) for i, q in enumerate(self.speech_quotes) for c in q.content)
        reach = list(itertools.accumulate((p[1] for p in pieces), max))
        return [p[0] for p in pieces], reach, [(p[1], p[2]) for p in pieces]

    def inside_quote(self, word: Word, kinds: Iterable[MarkKind] = (MarkKind.SPEECH,)) -> MarkedQuote | None:
        """The first top-level quotation of one of ``kinds`` whose content holds ``word``.

        A bisection finds the spans that start before the word; only those whose
        running end reaches past it are looked at (top-level quotations rarely
        overlap, so that is one or none): no scan over all quotations per word.
        """
        wanted = set(kinds)
        starts, reach, pieces = self._contents
        best: int | None = None
        i = bisect.bisect_right(starts, word.start) - 1
        while i >= 0 and reach[i] >= word.end:
            end, index = pieces[i]
            if word.end <= end and self.speech_quotes[index].kind in wanted:
                best = index if best is None else min(best, index)
            i -= 1
        return None if best is None else self.speech_quotes[best]

    def covered(self, span: Span, quote: MarkedQuote) -> bool:
        return any(s.start <= span.start and span.end <= s.end for s in quote.spans)
