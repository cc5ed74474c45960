"""Stage 3: quotes + parse + lexicon → attributed quotes.

Pure given its inputs (the text, the quotation marks from :mod:`quotable.marks`,
the parse from :mod:`quotable.parsing`, the agencies from
:mod:`quotable.agencies`).  The order matters and mirrors how German news
reports speech:

1. reported speech without marks (:mod:`quotable.indirect`): its spans decide
   which quoted fragments are partial quotes inside it;
2. quotations in marks (:mod:`quotable.direct`): nested in reported speech, or
   attributed through their own cue, or continuing the previous quote;
3. speech acts and Konjunktiv sentences that continue a speaker
   (:mod:`quotable.whole_sentences`);
4. agencies that relayed a quote (``via``).

The speaker mentions it finds are resolved to the article's entities by the
next stage, :mod:`quotable.coref`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from quotable import coref, cues, direct, indirect, konjunktiv_cues, sources, speech_acts, whole_sentences
from quotable.document import Document
from quotable.mark_kinds import MarkKind
from quotable.marks import MarkedQuote
from quotable.model import AgencyMention, AgencyRole, Quote, QuoteType
from quotable.syntax import Parse
from quotable.verbs import is_konjunktiv

_SCARE_QUOTE = 0.3
_SPEECHY_FRAGMENT = 0.75
"""A lower-case fragment in a sentence with Konjunktiv or a cue (a partial quote, usually)."""
"""Confidence of a short quoted fragment with no speech around it (likely a scare quote)."""
_ATTRIBUTED_FRAGMENT_RULES = frozenset(
    {"direct.cue", "direct.cue_after", "direct.cue_before", "direct.cue_clause", "direct.so"}
)


def attribute(
    text: str, marked: Sequence[MarkedQuote], parse: Parse, agencies: Sequence[AgencyMention]
) -> tuple[Quote, ...]:
    """Every quotation in ``text`` with speaker (resolved), cue, frame, addressee and medium:
    :func:`find` and :func:`quotable.coref.resolve` together."""
    doc = Document.build(text, parse, marked)
    quotes, _entities = coref.resolve(doc, find(doc, agencies), agencies)
    return tuple(sorted(quotes, key=lambda q: (q.start, -q.end, q.nested)))


def find(doc: Document, agencies: Sequence[AgencyMention]) -> tuple[Quote, ...]:
    """Every quotation of ``doc`` with its speaker mention (not yet resolved), cue, frame,
    addressee, medium and the agency that relayed it."""
    reported_speech = [f.quote for f in indirect.find(doc, ())]
    quotes = list(reported_speech)
    for m in doc.speech_quotes:
        parent = _containing(reported_speech, m)
        if parent is not None:
            quotes.append(direct.nested(m, parent))
            continue
        previous = _previous(quotes, m.start)
        quote = direct.attribute(doc, m, previous)
        if m.kind is MarkKind.FRAGMENT and quote.rule not in _ATTRIBUTED_FRAGMENT_RULES:
            # a few lower-case words in a sentence that reports speech (Konjunktiv, a
            # cue) are mostly a partial quote; anything else is likely a scare quote
            speechy = m.text[:1].islower() and _reports_speech(doc, m)
            quote = attrs.evolve(
                quote,
                confidence=_SPEECHY_FRAGMENT if speechy else min(quote.confidence, _SCARE_QUOTE),
                rule="direct.fragment",
            )
        quotes.append(quote)
    quotes.extend(f.quote for f in speech_acts.reported(doc, quotes))
    quotes = konjunktiv_cues.reframed(doc, quotes)
    quotes.extend(f.quote for f in whole_sentences.continuing(doc, quotes))
    quotes = _continue_reported_speech(doc, quotes)
    quotes = _untangle(_nest_fragments(quotes))
    quotes = [sources.with_source(doc, q) for q in quotes]
    quotes = [
        sources.continued(doc, q, _previous(quotes, q.start)) if q.speaker is None else q for q in quotes
    ]
    quotes = [_with_via(q, agencies) for q in quotes]
    return tuple(sorted(quotes, key=lambda q: (q.start, -q.end, q.nested)))


_UNSURE_DIRECT = frozenset({"direct.unattributed", "direct.previous_subject"})
"""Direct-quote rules that a quote continuing reported speech overrides."""


def _continue_reported_speech(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """A quotation in marks found no speaker of its own (or only the subject of the
    sentence before it), and reported speech found after the marks were read stands
    right before it: „Die Gefahr sei real. „Aber das Virus kann mutieren.““ continues
    the speaker of the Konjunktiv sentences."""
    marked = {(m.start, m.end): m for m in doc.speech_quotes}
    out = []
    for quote in quotes:
        m = marked.get((quote.start, quote.end))
        if m is not None and quote.rule in _UNSURE_DIRECT and not quote.nested:
            previous = _previous(quotes, quote.start)
            if previous is not None and previous.type is not QuoteType.DIRECT:
                out.append(direct.continued(doc, m, previous))
                continue
        out.append(quote)
    return out


def _reports_speech(doc: Document, m: MarkedQuote) -> bool:
    """Whether the sentence around a quotation has a Konjunktiv verb or a cue outside it."""
    index = doc.sentence_index(m.start)
    if index is None:
        return False
    sentence = doc.sentences[index]
    outside = [w for w in sentence.words if not any(s.start <= w.start < s.end for s in m.spans)]
    if any(is_konjunktiv(w) for w in outside):
        return True
    return cues.may_cue(w.text for w in outside)


def _containing(parents: Sequence[Quote], m: MarkedQuote) -> Quote | None:
    """The reported-speech quote whose span holds the quotation ``m`` (but is more than it)."""
    for parent in parents:
        if parent.type is QuoteType.DIRECT:
            continue
        inside = all(any(p.start <= s.start and s.end <= p.end for p in parent.spans) for s in m.spans)
        if inside and (parent.end - parent.start) > (m.end - m.start) + 3:
            return parent
    return None


def _previous(quotes: Sequence[Quote], offset: int) -> Quote | None:
    best: Quote | None = None
    for q in quotes:
        if q.end <= offset and not q.nested and q.speaker is not None and (best is None or q.end > best.end):
            best = q
    return best


def _untangle(quotes: list[Quote]) -> list[Quote]:
    """No two top-level reported quotes share a word: one inside another is nested in it
    („„Ich bin sicher, dass wir aufholen“, meinte er“: the dass clause is his speech too),
    and of two that only overlap the less certain one goes."""

    def within(inner: Quote, outer: Quote) -> bool:
        return all(any(o.start <= s.start and s.end <= o.end for o in outer.spans) for s in inner.spans)

    def overlap(a: Quote, b: Quote) -> bool:
        return any(s.overlaps(t) for s in a.spans for t in b.spans)

    reported = [q for q in quotes if q.type is not QuoteType.DIRECT and not q.nested]
    nested: set[int] = set()
    dropped: set[int] = set()
    for a in reported:
        for b in reported:
            if a is b or id(a) in dropped or id(b) in dropped or not overlap(a, b):
                continue
            if within(b, a) and (not within(a, b) or id(a) < id(b)):
                nested.add(id(b))
            elif not within(a, b) and not within(b, a) and id(a) not in nested and id(b) not in nested:
                loser = b if (a.confidence, len(a.text)) >= (b.confidence, len(b.text)) else a
                dropped.add(id(loser))
    return [attrs.evolve(q, nested=True) if id(q) in nested else q for q in quotes if id(q) not in dropped]


def _nest_fragments(quotes: list[Quote]) -> list[Quote]:
    """Scare-quote suspects that turned out to stand inside reported or continued speech."""
    parents = [q for q in quotes if q.type is not QuoteType.DIRECT]
    out = []
    for quote in quotes:
        q = quote
        if q.rule == "direct.fragment":
            for parent in parents:
                if all(any(p.start <= s.start and s.end <= p.end for p in parent.spans) for s in q.spans):
                    q = attrs.evolve(
                        q,
                        nested=True,
                        speaker=parent.speaker,
                        cue=parent.cue,
                        frame=parent.frame,
                        addressee=parent.addressee,
                        via=parent.via,
                        medium=parent.medium,
                        confidence=0.8 if q.text[:1].islower() else 0.55,
                        rule="direct.nested",
                    )
                    break
        out.append(q)
    return out


def _with_via(quote: Quote, agencies: Sequence[AgencyMention]) -> Quote:
    """Set ``via`` when an agency relays the quote in its frame (sagte Kim laut Interfax)."""
    if quote.via is not None or quote.frame is None:
        return quote
    for agency in agencies:
        if agency.role is not AgencyRole.VIA:
            continue
        if any(s.start <= agency.span.start and agency.span.end <= s.end for s in quote.frame.spans):
            return attrs.evolve(quote, via=agency.name)
    return quote


# ---------------------------------------------------------------- which sentences to parse
_MARKS = regex.compile(r"[„“”»«\"‚‘›‹:]|,,|[,–—(]\s*so\b")
_WORD = regex.compile(r"\w+")


def needs_parse(sentence: str) -> bool:
    """Whether a sentence may hold speech, so attribution needs its dependency parse.

    A cheap word-level test: quotation marks, a colon or „, so“; an inflected form
    of a cue verb (sagte, teilte, mitgeteilt, unterstrich …), a statement or source
    noun (Äußerung, Angaben, Polizeiangaben …) or a source word (laut, zufolge,
    gemäß, demnach, wonach).  Sentences without any of these are only tagged: their
    names and Konjunktiv verbs still count for pronouns and continued speech.
    """
    if _MARKS.search(sentence):
        return True
    return cues.may_cue(_WORD.findall(sentence))
