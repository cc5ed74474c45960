"""A quotation in marks among the sentences it stands in, and how its direct quote is built.

:class:`Unit` holds the sentence(s) of a quotation (with a cue sentence split off
by the tokenizer at a colon or after the closing mark) and tells the words inside
the marks from those before, after and around them (the frame).
:func:`from_words` and :func:`from_mentions` build the :class:`~quotable.model.Quote`
a rule of :mod:`quotable.direct` found, with the rule's confidence
(:data:`CONFIDENCE`, × 0.8 when the closing mark is missing).
"""

from __future__ import annotations

from collections.abc import Sequence

from quotable import cues
from quotable.document import Document
from quotable.marks import MarkedQuote
from quotable.mentions import before_addressee, mention_words, split_addressee
from quotable.model import Cue, Medium, Mention, Quote, QuoteType, Span, Speaker
from quotable.phrases import contiguous
from quotable.syntax import Sentence, Word

CONFIDENCE = {
    "direct.cue": 0.9,
    "direct.cue_after": 0.85,
    "direct.cue_before": 0.85,
    "direct.cue_clause": 0.55,
    "direct.so": 0.95,
    "direct.source": 0.9,
    "direct.colon": 0.9,
    "direct.colon_clause": 0.8,
    "direct.continued": 0.8,
    "direct.nearby": 0.85,
    "direct.previous_subject": 0.7,
    "direct.unattributed": 0.6,
}


class Unit:
    """The sentence(s) a quotation stands in, with its words split into inside and outside."""

    def __init__(self, doc: Document, quote: MarkedQuote) -> None:
        first = doc.sentence_index(quote.start) or 0
        last = doc.sentence_index(quote.end - 1) or first
        sentences = doc.sentences
        # „X sagte:“ | „„…““ split by the tokenizer after the colon
        if first > 0 and sentences[first].start >= quote.start - 2:
            prev = sentences[first - 1]
            if (
                prev.words
                and prev.words[-1].text == ":"
                and doc.paragraph(prev.start) == doc.paragraph(quote.start)
            ):
                first -= 1
        # „„…““ | „, sagte X.“ split after the closing mark
        if last + 1 < len(sentences) and sentences[last].end <= quote.end + 1:
            nxt = sentences[last + 1]
            if (
                nxt.words
                and doc.paragraph(nxt.start) == doc.paragraph(quote.end - 1)
                and (
                    nxt.words[0].text in (",", "–", "—", "-")
                    or (nxt.words[0].text[:1].islower() and nxt.words[0].upos in ("VERB", "AUX", "ADV"))
                )
            ):
                last += 1
        self.sentences = sentences[first : last + 1]
        self.first = first
        self.quote = quote

    def inside(self, word: Word) -> bool:
        return any(s.start <= word.start and word.end <= s.end for s in self.quote.spans)

    def before(self) -> list[tuple[Sentence, Word]]:
        return [(s, w) for s in self.sentences for w in s.words if w.end <= self.quote.start]

    def after(self) -> list[tuple[Sentence, Word]]:
        return [(s, w) for s in self.sentences for w in s.words if w.start >= self.quote.end]

    def frame_words(self) -> list[tuple[Sentence, Word]]:
        rest = [(s, w) for s in self.sentences for w in s.words if not self.inside(w)]
        while rest and rest[-1][1].upos == "PUNCT" and rest[-1][1].text in ".!?…":
            rest.pop()
        return rest


def spans_of(pairs: Sequence[tuple[Sentence, Word]]) -> tuple[Span, ...]:
    by_sentence: dict[int, tuple[Sentence, list[Word]]] = {}
    for sentence, word in pairs:
        by_sentence.setdefault(id(sentence), (sentence, []))[1].append(word)
    spans: list[Span] = []
    for sentence, words in by_sentence.values():
        spans.extend(contiguous(sentence, words))
    return tuple(sorted(spans))


def from_words(
    doc: Document,
    unit: Unit,
    rule: str,
    speaker_words: Sequence[Word],
    sentence: Sentence | None,
    cue_words: Sequence[Word],
    entry: cues.VerbCue | None,
    addressee_words: Sequence[Word] = (),
    cue_lemma: str | None = None,
) -> Quote:
    text = doc.text
    speaker = None
    speaker_words, told = split_addressee(speaker_words)
    addressee_words = addressee_words or mention_words(told, unit.quote.spans)
    speaker_words = mention_words(before_addressee(speaker_words, addressee_words), unit.quote.spans)
    if speaker_words and sentence is not None:
        speaker = Speaker.from_spans(text, contiguous(sentence, speaker_words))
    cue = None
    if cue_words and sentence is not None:
        cue = Cue.from_spans(
            text, contiguous(sentence, cue_words), cue_lemma or (entry.lemma if entry else None)
        )
    frame_spans = spans_of(unit.frame_words())
    frame = Mention.from_spans(text, frame_spans) if frame_spans else None
    addressee = None
    if addressee_words and sentence is not None:
        addressee = Mention.from_spans(text, contiguous(sentence, addressee_words))
    return from_mentions(
        unit.quote, rule, speaker, cue, frame, addressee, None if entry is None else entry.medium
    )


def from_mentions(
    marked: MarkedQuote,
    rule: str,
    speaker: Speaker | None,
    cue: Cue | None,
    frame: Mention | None,
    addressee: Mention | None,
    medium: Medium | None,
    via: str | None = None,
) -> Quote:
    confidence = CONFIDENCE[rule]
    if not marked.closed:
        confidence *= 0.8
    return Quote(
        type=QuoteType.DIRECT,
        spans=marked.spans,
        content=marked.content,
        text=marked.text,
        speaker=speaker,
        cue=cue,
        frame=frame,
        addressee=addressee,
        via=via,
        medium=medium,
        confidence=round(confidence, 3),
        rule=rule,
    )
