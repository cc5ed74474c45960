"""Who said a quotation in marks: cue, speaker, frame and addressee of direct quotes.

The order of the rules follows what German news does most (see docs/rules.md):

1. ``direct.cue``: the quote hangs off a cue verb in the parse, or a cue verb
   hangs off the quote: „X sagte: „…““, „„…“, sagte X.“, „X nannte das „…““;
2. ``direct.cue_after`` / ``direct.cue_before``: a cue verb right after the
   closing mark (after a comma or dash) or in the clause before the opening
   mark that ends in a colon;
3. ``direct.so``: „„…“, so der Minister.“;
4. ``direct.source``: a source phrase in the frame (laut X, X zufolge);
5. ``direct.colon``: a heading-like „Scholz: „…““ with no verb;
6. ``direct.continued``: a quote standing alone right after an attributed one
   takes over its speaker, cue and frame (the corpus repeats those spans);
7. ``direct.nearby``: otherwise the speaker of the previous sentence's quote,
   with low confidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotable import cues
from quotable.document import Document
from quotable.mark_kinds import MarkKind
from quotable.marks import MarkedQuote
from quotable.model import Cue, Medium, Mention, Quote, QuoteType, Span, Speaker
from quotable.participants import addressee_of, speaker_of, subject
from quotable.phrases import contiguous, mention_words, noun_phrase, trim, with_apposition
from quotable.source_phrases import so_names_a_source
from quotable.syntax import Sentence, Word
from quotable.verbs import cue_verb, finite_verbs, is_passive, verb_complex

CONFIDENCE = {
    "direct.cue": 0.9,
    "direct.cue_after": 0.85,
    "direct.cue_before": 0.85,
    "direct.cue_clause": 0.55,
    "direct.so": 0.95,
    "direct.source": 0.9,
    "direct.colon": 0.9,
    "direct.continued": 0.8,
    "direct.nearby": 0.85,
    "direct.unattributed": 0.6,
}


class _Unit:
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


def _spans(pairs: Sequence[tuple[Sentence, Word]]) -> tuple[Span, ...]:
    by_sentence: dict[int, tuple[Sentence, list[Word]]] = {}
    for sentence, word in pairs:
        by_sentence.setdefault(id(sentence), (sentence, []))[1].append(word)
    spans: list[Span] = []
    for sentence, words in by_sentence.values():
        spans.extend(contiguous(sentence, words))
    return tuple(sorted(spans))


def _cue_entry(sentence: Sentence, word: Word) -> cues.VerbCue | None:
    entry = cue_verb(sentence, word)
    return entry if entry is not None and (entry.direct or entry.reported) else None


def attribute(doc: Document, quote: MarkedQuote, previous: Quote | None) -> Quote:
    """The direct quote for ``quote``, with whatever can be found about its speaker."""
    unit = _Unit(doc, quote)
    found = _by_parse(unit) or _after(unit) or _before(unit) or _same_clause(unit)
    if found is not None:
        sentence, verb, rule = found
        return _from_verb(doc, unit, sentence, verb, rule)
    so = _so(doc, unit)
    if so is not None:
        return so
    source = _source(doc, unit)
    if source is not None:
        return source
    colon = _colon(doc, unit)
    if colon is not None:
        return colon
    return _inherited(doc, unit, previous)


def _by_parse(unit: _Unit) -> tuple[Sentence, Word, str] | None:
    """A cue verb the quote depends on, or that depends on the quote."""
    for sentence in unit.sentences:
        for word in sentence.words:
            if not unit.inside(word):
                continue
            head = sentence.head_of(word)
            if head is not None and not unit.inside(head) and _cue_entry(sentence, head):
                return sentence, head, "direct.cue"
        for word in sentence.words:
            if unit.inside(word) or word.deprel not in ("parataxis", "ccomp", "advcl", "conj", "root"):
                continue
            head = sentence.head_of(word)
            if head is not None and unit.inside(head) and _cue_entry(sentence, word):
                return sentence, word, "direct.cue"
    return None


def _after(unit: _Unit) -> tuple[Sentence, Word, str] | None:
    after = unit.after()
    if not after:
        return None
    lead = after[0][1]
    ends_in_mark = unit.quote.text.rstrip()[-1:] in ("?", "!")
    if not (lead.text in (",", "–", "—", "-") or (ends_in_mark and lead.text[:1].islower())):
        return None
    for sentence, word in after[:4]:
        if word.text in (".", ":", ";"):
            break
        if _cue_entry(sentence, word):
            return sentence, word, "direct.cue_after"
    return None


def _before(unit: _Unit) -> tuple[Sentence, Word, str] | None:
    before = unit.before()
    if not before or before[-1][1].text not in (":", ","):
        return None
    for sentence, word in reversed(before):
        if _cue_entry(sentence, word):
            return sentence, word, "direct.cue_before"
    return None


def _same_clause(unit: _Unit) -> tuple[Sentence, Word, str] | None:
    """A cue verb in the quotation's own clause, the parse notwithstanding: „der … seine
    „große Enttäuschung“ über X zum Ausdruck brachte“ (verb last), „nannte das „…““."""
    for side in (unit.after(), list(reversed(unit.before()))):
        for sentence, word in side:
            if word.text in (",", ":", ";", ".", "!", "?") or word.text in ("„", "“", "»", "«", '"'):
                break
            if _cue_entry(sentence, word):
                return sentence, word, "direct.cue_clause"
            if finite_verbs([word]):
                break
    return None


def _from_verb(doc: Document, unit: _Unit, sentence: Sentence, verb: Word, rule: str) -> Quote:
    entry = cue_verb(sentence, verb)
    inside = frozenset(w.id for w in sentence.words if unit.inside(w))
    speaker_words = [w for w in speaker_of(sentence, verb, skip=inside) if not unit.inside(w)]
    if not speaker_words and not is_passive(sentence, verb) and subject(sentence, verb) is None:
        speaker_words = _nearest_nominal(sentence, verb, unit)
    addressee = [w for w in addressee_of(sentence, verb) if not unit.inside(w)]
    cue_words = [w for w in verb_complex(sentence, verb) if not unit.inside(w)]
    # „bezeichnete das als „…““: the corpus counts „als“ to the cue
    for word in sentence.words:
        head = sentence.head_of(word)
        if word.lemma.lower() == "als" and not unit.inside(word) and head is not None and unit.inside(head):
            cue_words.append(word)
    return _quote(doc, unit, rule, speaker_words, sentence, cue_words, entry, addressee)


def _nearest_nominal(sentence: Sentence, verb: Word, unit: _Unit) -> list[Word]:
    """When the parse gives the cue verb no subject: the first noun phrase after it."""
    for word in sentence.words:
        if word.id > verb.id and not unit.inside(word) and word.upos in ("PROPN", "NOUN", "PRON"):
            if word.upos == "PRON" and word.lemma.lower() in ("es", "sich"):
                continue
            if (
                any(c.deprel == "case" for c in sentence.children(word))
                or sentence.word(word.id - 1).upos == "ADP"
            ):
                continue  # inside a prepositional phrase („zum Abschluss des Treffens“): not the speaker
            head = word
            while True:
                up = sentence.head_of(head)
                if up is None or up.id <= verb.id or up.upos not in ("PROPN", "NOUN") or unit.inside(up):
                    break
                head = up
            return with_apposition(sentence, noun_phrase(sentence, head))
    return []


def _quote(
    doc: Document,
    unit: _Unit,
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
    speaker_words = mention_words(speaker_words, unit.quote.spans)
    if speaker_words and sentence is not None:
        speaker = Speaker.from_spans(text, contiguous(sentence, speaker_words))
    cue = None
    if cue_words and sentence is not None:
        cue = Cue.from_spans(
            text, contiguous(sentence, cue_words), cue_lemma or (entry.lemma if entry else None)
        )
    frame_spans = _spans(unit.frame_words())
    frame = Mention.from_spans(text, frame_spans) if frame_spans else None
    addressee = None
    if addressee_words and sentence is not None:
        addressee = Mention.from_spans(text, contiguous(sentence, addressee_words))
    return _make(unit.quote, rule, speaker, cue, frame, addressee, None if entry is None else entry.medium)


def _make(
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


def _so(doc: Document, unit: _Unit) -> Quote | None:
    after = unit.after()
    if len(after) < 3 or after[0][1].text != "," or after[1][1].text.lower() != "so":
        return None
    sentence, so = after[1]
    if not so_names_a_source(sentence, so):
        return None
    speaker: list[Word] = []
    for s, w in after[2:]:
        if w.text in (".", "!", "?", ";", ":") or (w.upos in ("VERB", "AUX") and w.feat("VerbForm") == "Fin"):
            break
        if w.text == "," and speaker and s.words[-1] is not w:
            nxt = s.word(w.id + 1)
            if nxt.upos in ("PRON", "SCONJ", "VERB", "AUX"):
                break
        speaker.append(w)
    speaker = trim(speaker)
    if not speaker:
        return None
    return _quote(doc, unit, "direct.so", speaker, sentence, [so], None, cue_lemma="so")


def _source(doc: Document, unit: _Unit) -> Quote | None:
    for sentence, word in unit.frame_words():
        entry = cues.word(word.text)
        if entry is None or entry.kind not in ("prep", "postp", "source") or word.deprel != "case":
            continue
        source = sentence.head_of(word)
        if source is None or unit.inside(source):
            continue
        if entry.kind == "source" and not cues.is_source_noun(source.text):
            continue
        return _quote(
            doc,
            unit,
            "direct.source",
            noun_phrase(sentence, source),
            sentence,
            [word],
            None,
            cue_lemma=word.text.lower(),
        )
    return None


def _colon(doc: Document, unit: _Unit) -> Quote | None:
    """„Scholz: „Wir schaffen das““ — a name and a colon before the quote, no verb."""
    before = unit.before()
    if len(before) < 2 or before[-1][1].text != ":":
        return None
    words = [w for _, w in before[:-1]]
    if len(words) > 16 or any(w.upos in ("VERB", "AUX") for w in words):
        return None
    if not any(w.upos in ("PROPN", "NOUN") for w in words):
        return None
    sentence = before[-1][0]
    cue: list[Word] = []
    if words[-1].text.lower() in ("wörtlich", "sinngemäß"):
        cue = [words.pop()]  # „Koppelin wörtlich: „…““
    return _quote(
        doc,
        unit,
        "direct.colon",
        trim(words),
        sentence,
        cue,
        None,
        cue_lemma=cue[0].text.lower() if cue else None,
    )


def _inherited(doc: Document, unit: _Unit, previous: Quote | None) -> Quote:
    marked = unit.quote
    if previous is not None and previous.speaker is not None:
        gap_start = doc.sentence_index(previous.end - 1)
        here = doc.sentence_index(marked.start)
        same_area = abs(doc.paragraph(previous.end - 1) - doc.paragraph(marked.start)) <= 1
        if gap_start is not None and here is not None and same_area and here - gap_start <= 2:
            if previous.type is QuoteType.DIRECT and here - gap_start <= 1:
                return _make(
                    marked,
                    "direct.continued",
                    previous.speaker,
                    previous.cue,
                    previous.frame,
                    previous.addressee,
                    previous.medium,
                    previous.via,
                )
            return _make(
                marked, "direct.nearby", previous.speaker, None, None, None, previous.medium, previous.via
            )
    frame_spans = _spans(unit.frame_words())
    frame = Mention.from_spans(doc.text, frame_spans) if frame_spans else None
    return _make(marked, "direct.unattributed", None, None, frame, None, None)


def nested(marked: MarkedQuote, parent: Quote) -> Quote:
    """A quoted fragment inside reported speech: its own direct quote with the parent's roles."""
    lowercase = marked.text[:1].islower()
    confidence = 0.85 if lowercase else 0.6
    if marked.kind is MarkKind.TITLE:
        confidence = 0.3
    return Quote(
        type=QuoteType.DIRECT,
        spans=marked.spans,
        content=marked.content,
        text=marked.text,
        nested=True,
        speaker=parent.speaker,
        cue=parent.cue,
        frame=parent.frame,
        addressee=parent.addressee,
        via=parent.via,
        medium=parent.medium,
        confidence=confidence,
        rule="direct.nested",
    )
