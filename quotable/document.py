"""What the attribution rules know about one text: its parse, paragraphs and
quotation marks, with fast lookups from character offsets to sentences and words.

Built once per text by :func:`quotable.speakers.attribute` and passed to each rule.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence

import attrs

from quotable.marks import MarkedQuote, MarkKind
from quotable.model import Span
from quotable.syntax import Parse, Sentence, Word


@attrs.frozen(eq=False)
class Document:
    text: str
    parse: Parse
    marked: tuple[MarkedQuote, ...]
    paragraph_starts: tuple[int, ...]

    @classmethod
    def build(cls, text: str, parse: Parse, marked: Sequence[MarkedQuote]) -> Document:
        starts = [0]
        for i, ch in enumerate(text):
            if ch in "\n\r\u2028\u2029":
                starts.append(i + 1)
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

    def inside_quote(self, word: Word, kinds: Iterable[MarkKind] = (MarkKind.SPEECH,)) -> MarkedQuote | None:
        """The top-level quotation of one of ``kinds`` whose content holds ``word``."""
        wanted = set(kinds)
        for q in self.speech_quotes:
            if q.kind in wanted and any(c.start <= word.start and word.end <= c.end for c in q.content):
                return q
        return None

    def covered(self, span: Span, quote: MarkedQuote) -> bool:
        return any(s.start <= span.start and span.end <= s.end for s in quote.spans)
