"""One piece of reported speech as the rules find it: the :class:`Finding` record, the
confidence of every rule of reported speech, and :func:`make`, which cuts a quote, its
frame, cue, speaker and addressee from the words a rule picked.

Spans follow the WikiNews corpus: the quote of indirect speech includes dass/ob
and leaves out the comma before it and the sentence-final punctuation; the
frame is the rest of the sentence without its final punctuation.  The rules that
pick the words are in :mod:`quotable.indirect` (cue verbs), :mod:`quotable.source_phrases`
(laut, zufolge, so …), :mod:`quotable.statement_nouns` and :mod:`quotable.whole_sentences`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotable.document import Document
from quotable.mark_kinds import MarkKind
from quotable.mentions import before_addressee, mention_words, split_addressee
from quotable.model import Cue, Medium, Mention, Quote, QuoteType, Speaker
from quotable.phrases import CLOSING_MARKS, OPENING_MARKS, contiguous, trim
from quotable.syntax import Sentence, Word
from quotable.verbs import finite_verbs

_SOURCE_RULES = frozenset(
    {
        "indirect.laut",
        "indirect.gemäß",
        "indirect.zufolge",
        "indirect.nach",
        "indirect.so",
        "indirect.anaphor",
    }
)
CONFIDENCE = {
    "indirect.dass": 0.9,
    "indirect.ob": 0.7,
    "indirect.clause": 0.9,
    "indirect.clause_indicative": 0.3,
    "indirect.before_frame": 0.65,
    "indirect.infinitive": 0.9,
    "indirect.wie": 0.95,
    "indirect.wie_after": 0.65,
    "indirect.back_frame": 0.9,
    "indirect.laut": 0.95,
    "indirect.gemäß": 0.9,
    "indirect.zufolge": 0.95,
    "indirect.nach": 0.9,
    "indirect.so": 0.9,
    "indirect.relay": 0.8,
    "indirect.anaphor": 0.8,
    "indirect.noun": 0.9,
    "indirect.noun_clause": 0.75,
    "reported": 0.5,
    "reported.weak": 0.1,
    "indirect_free_indirect": 0.8,
    "free_indirect": 0.6,
    "free_indirect.soll": 0.55,
}


@attrs.frozen
class Finding:
    """A quote found in one sentence, before speakers are resolved to names."""

    quote: Quote
    sentence: int
    cue_word: Word | None = None


def _mention(doc: Document, sentence: Sentence, words: Sequence[Word]) -> Mention | None:
    spans = contiguous(sentence, words)
    return Mention.from_spans(doc.text, spans) if spans else None


def speaker_mention(doc: Document, sentence: Sentence, words: Sequence[Word]) -> Speaker | None:
    spans = contiguous(sentence, _in_its_marks(sentence, words))
    return Speaker.from_spans(doc.text, spans) if spans else None


def _in_its_marks(sentence: Sentence, words: Sequence[Word]) -> Sequence[Word]:
    """A speaker that is a name in quotation marks keeps its marks, as the corpus marks it:
    „„France Football“ berichtete“ (the marks touch the name on both sides)."""
    if not words:
        return words
    first = min(words, key=lambda w: w.id)
    last = max(words, key=lambda w: w.id)
    if first.id < 2 or last.id >= len(sentence.words):
        return words
    before, after = sentence.word(first.id - 1), sentence.word(last.id + 1)
    if (
        before.text in OPENING_MARKS
        and after.text in CLOSING_MARKS
        and before.end == first.start
        and last.end == after.start
    ):
        return [before, *words, after]
    return words


def addressee_mention(doc: Document, sentence: Sentence, words: Sequence[Word]) -> Mention | None:
    """The addressee's mention, or None without words."""
    return _mention(doc, sentence, words) if words else None


def _cue(doc: Document, sentence: Sentence, words: Sequence[Word], lemma: str | None) -> Cue | None:
    spans = contiguous(sentence, words)
    return Cue.from_spans(doc.text, spans, lemma) if spans else None


def frame_words(sentence: Sentence, quote_ids: set[int]) -> list[Word]:
    """The rest of the sentence: not quote, not the final punctuation."""
    rest = [w for w in sentence.words if w.id not in quote_ids]
    while rest and rest[-1].upos == "PUNCT" and rest[-1].text in ".!?…":
        rest.pop()
    return rest


def _quote_words(sentence: Sentence, words: Sequence[Word], cue_words: Sequence[Word]) -> list[Word]:
    """Quote words as the corpus marks them: no edge punctuation except a closing quote mark,
    and no cue word at the start („teilte mit, …“ with „mit“ hung on the clause)."""
    ordered = sorted(words, key=lambda w: w.id)
    cue_ids = {w.id for w in cue_words}
    while ordered and ordered[0].id in cue_ids:
        ordered.pop(0)
    return trim(ordered)


def _with_whole_quotations(doc: Document, sentence: Sentence, words: list[Word]) -> list[Word]:
    """Reported speech that ends inside a quotation in marks takes the whole quotation:
    a quotation is a unit, whatever the parse attached its last words to."""
    if not words:
        return words
    last = words[-1]
    for q in doc.speech_quotes:
        if q.start < last.end < q.end and q.start >= words[0].start:
            extra = [w for w in sentence.words if w.id > last.id and w.end <= q.end]
            return [*words, *extra]
    return words


def relative_clause(words: Sequence[Word]) -> bool:
    """„…, sagte Arturo Arauz, [der das Gesetz entworfen hatte]“: a relative clause
    (or a „wie“ comparison) describes someone; it is not what was said."""
    first = words[0]
    lower = first.text.lower()
    if lower in ("wie", "wobei", "womit", "worauf", "wodurch"):
        return True
    if lower in ("der", "die", "das", "dem", "den", "dessen", "deren", "welcher", "welche", "welches"):
        following = words[1] if len(words) > 1 else None
        if following is None or following.upos in ("NOUN", "ADJ", "PROPN", "NUM"):
            return False  # an article: „die Lage sei ernst“
        if finite_verbs([following]):
            return False  # verb second: „das sei falsch“ is a main clause
        content = [w for w in words if w.upos != "PUNCT"]
        return bool(content) and bool(finite_verbs(content[-1:]))  # verb last: a relative clause
    return False


def _cuts_a_quotation(doc: Document, words: Sequence[Word]) -> bool:
    """Whether the words start outside a statement-length quotation and end inside it
    (or the reverse): then they are not one piece of reported speech."""
    start, end = words[0].start, words[-1].end
    for q in doc.speech_quotes:
        if q.kind is not MarkKind.SPEECH:
            continue
        if (start < q.start < end < q.end) or (q.start < start < q.end < end):
            return True
    return False


def make(
    doc: Document,
    index: int,
    sentence: Sentence,
    rule: str,
    quote_words: Sequence[Word],
    cue_words: Sequence[Word],
    lemma: str | None,
    speaker_words: Sequence[Word],
    addressee_words: Sequence[Word],
    medium: Medium | None,
    cue_word: Word | None = None,
) -> Finding | None:
    quote_words = _with_whole_quotations(doc, sentence, _quote_words(sentence, quote_words, cue_words))
    if len(quote_words) < 2 or _cuts_a_quotation(doc, quote_words):
        return None
    if relative_clause(quote_words) and rule not in _SOURCE_RULES:
        # a relative clause describes someone („…, sagte Arauz, der das Gesetz entworfen
        # hatte“), unless a source phrase inside it reports it („Geräte, die nach Angaben
        # der Behörde nicht geprüft waren“)
        return None
    outside = [w for w in quote_words if doc.inside_quote(w, (MarkKind.SPEECH,)) is None]
    if rule not in _SOURCE_RULES and not any(w.upos in ("VERB", "AUX") for w in outside):
        return None  # the clause's verbs all stand inside a quotation: that is direct speech
    starts = {q.start for q in doc.speech_quotes if q.kind is MarkKind.SPEECH}
    if any(w.text == ":" and any(0 <= s - w.end <= 2 for s in starts) for w in outside):
        return None  # „…: „…““: a colon introduces direct speech, not a reported clause
    spans = contiguous(sentence, quote_words)
    speaker_words, told = split_addressee(speaker_words)
    addressee_words = addressee_words or told
    speaker_words = before_addressee(speaker_words, addressee_words)  # who is spoken to is not who speaks
    quote_ids = {w.id for w in quote_words}
    frame = _mention(doc, sentence, frame_words(sentence, quote_ids))
    content = " ".join(s.of(doc.text) for s in spans)
    quote = Quote(
        type=QuoteType.INDIRECT,
        spans=spans,
        content=spans,
        text=content,
        speaker=speaker_mention(doc, sentence, mention_words(speaker_words, spans))
        if speaker_words
        else None,
        cue=_cue(doc, sentence, cue_words, lemma) if cue_words else None,
        frame=frame,
        addressee=_mention(doc, sentence, mention_words(addressee_words, spans)) if addressee_words else None,
        medium=medium,
        confidence=CONFIDENCE[rule],
        rule=rule,
    )
    return Finding(quote, index, cue_word)


def all_quoted(words: Sequence[Word], in_direct: set[int]) -> bool:
    """Whether every word but punctuation lies inside a direct quotation."""
    content = [w for w in words if w.upos != "PUNCT"]
    return bool(content) and all(w.id in in_direct for w in content)


def has_finite(words: Sequence[Word]) -> bool:
    return bool(finite_verbs(words))
