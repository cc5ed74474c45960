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
from quotable.verbs import cue_verb

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
        return cls(text, parse, tuple(_names_by_parse(parse, marked)), tuple(starts))

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


_NAME_WORDS = 5
"""The most words a quoted name that speaks is taken to have („Aktion Deutschland hilft“)."""


def _names_by_parse(parse: Parse, marked: Sequence[MarkedQuote]) -> list[MarkedQuote]:
    """``marked``, with a few quoted words that stand where the subject of the cue verb
    right after them belongs read as a name: „Wie „heise online“ berichtet“, „Wie die
    „Aktion Deutschland hilft“ heute mitteilte“ name who speaks, they are no partial
    quotes.  A partial quote leaves its cue verb a subject of its own („Von einer
    „gezielten Kampagne“ sprach der Minister“)."""
    if not parse.sentences:
        return list(marked)
    starts = [s.start for s in parse.sentences]
    return [
        attrs.evolve(m, kind=MarkKind.TITLE)
        if m.depth == 0
        and m.kind is MarkKind.FRAGMENT
        and len(m.content) == 1
        and _speaking_name(parse, starts, m)
        else m
        for m in marked
    ]


def _speaking_name(parse: Parse, starts: list[int], m: MarkedQuote) -> bool:
    sentence = parse.sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
    if not sentence.parsed:
        return False
    content = m.content[0]
    inside = [w for w in sentence.words if content.start <= w.start and w.end <= content.end]
    if not inside or len(inside) > _NAME_WORDS:
        return False
    ids = {w.id for w in inside}
    after = [w for w in sentence.words if w.start >= m.end and w.upos != "PUNCT"][:3]
    verb = next((w for w in after if cue_verb(sentence, w) is not None), None)
    if verb is None:
        return False
    between = after[: after.index(verb)]  # „heute“, „gestern“ (even when tagged a verb)
    if any(w.upos in ("NOUN", "PROPN", "PRON", "DET", "ADP") for w in between):
        return False
    heads = {verb.id} | {w.id for w in between}
    hangs_on_verb = any(w.head in heads for w in inside)
    subjects = [c for c in sentence.children(verb) if c.deprel in ("nsubj", "nsubj:pass") and c.id not in ids]
    return hangs_on_verb and not subjects
