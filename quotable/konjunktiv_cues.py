"""Cue verbs in Konjunktiv I that carry their sentence on from the speaker before.

„Der Bürgermeister sagte, die Brücke werde gesperrt. Er gehe davon aus, dass …“: the
second cue is itself reported (Konjunktiv I), so the writer goes on relaying the
mayor, and the whole sentence is his continued speech (``indirect_free_indirect``),
as the WikiNews corpus marks it; :func:`reframed` rewrites such quotes after the
cue rules (:mod:`quotable.indirect`) and before continued speech
(:mod:`quotable.whole_sentences`) reads them.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotable.document import Document
from quotable.inflection import noun_gender
from quotable.model import Quote, QuoteType
from quotable.names import first_name_gender
from quotable.syntax import Sentence, Word
from quotable.verbs import finite_verbs, is_konjunktiv_one
from quotable.whole_sentences import first_person, points_back, previous_speaker, whole_sentence, within

_RULES = frozenset({"indirect.dass", "indirect.clause", "indirect.infinitive", "indirect.ob"})


def reframed(doc: Document, quotes: Sequence[Quote]) -> list[Quote]:
    """„Er habe nichts gewusst. Er gehe davon aus, dass …“: a cue verb in Konjunktiv I that
    carries the main clause reports that the speaker before said so, so the whole
    sentence goes on with that speaker's speech (indirect_free_indirect), its
    partial quotes with it.  Only right after a quote (two sentences at most) that
    names a speaker; any other cue keeps its own clause and speaker."""
    out = list(quotes)
    for i, quote in enumerate(quotes):
        if quote.rule not in _RULES or quote.nested or quote.cue is None:
            continue
        index = doc.sentence_index(quote.start)
        if index is None:
            continue
        sentence = doc.sentences[index]
        verb = _cue_verb(sentence, quote)
        if verb is None or verb.deprel != "root" or not is_konjunktiv_one(verb):
            continue
        if first_person(sentence, verb):
            continue
        before = [q for q in out if q.end <= sentence.start]
        previous = previous_speaker(doc, before, (), sentence.start)
        if previous is None or points_back(previous) or not within(doc, previous, sentence, 2):
            continue
        if not _may_stand_for(doc, sentence, verb, previous):
            continue
        kind = QuoteType.INDIRECT_FREE_INDIRECT
        whole = whole_sentence(doc, index, sentence, kind, previous, "indirect_free_indirect")
        out[i] = whole.quote
        for j, inner in enumerate(out):
            if inner.nested and sentence.span.contains(inner.spans[0]):
                out[j] = attrs.evolve(inner, speaker=whole.quote.speaker, via=whole.quote.via)
    return out


def _may_stand_for(doc: Document, sentence: Sentence, verb: Word, previous: Quote) -> bool:
    """Whether the cue verb's subject may be the previous quote's speaker: a personal
    pronoun must agree with it („Sie wisse …“ after a man's quote reports a woman)."""
    subject = next((c for c in sentence.children(verb) if c.deprel.startswith("nsubj")), None)
    if subject is None or subject.upos != "PRON" or previous.speaker is None:
        return True
    pronoun = subject.text.lower()
    plural = verb.feat("Number") == "Plur"
    if pronoun not in ("er", "sie") or (pronoun == "sie" and plural):
        return pronoun != "sie" or _plural_mention(doc, previous)
    gender = _mention_gender(doc, previous)
    return gender is None or gender == ("Masc" if pronoun == "er" else "Fem")


def _mention_words(doc: Document, quote: Quote) -> list[Word]:
    assert quote.speaker is not None
    index = doc.sentence_index(quote.speaker.start)
    if index is None:
        return []
    return doc.sentences[index].words_within(quote.speaker.spans)


def _mention_gender(doc: Document, quote: Quote) -> str | None:
    """The grammatical gender of a speaker mention: its first name's, else its head noun's."""
    words = _mention_words(doc, quote)
    for w in words:
        if (gender := first_name_gender(w.text)) is not None:
            return gender
        if w.upos == "PRON" and w.text.lower() in ("er", "sie"):
            return "Masc" if w.text.lower() == "er" else "Fem"
    nouns = [w for w in words if w.upos == "NOUN"]
    return noun_gender(nouns[0]) if nouns else None


def _plural_mention(doc: Document, quote: Quote) -> bool:
    words = _mention_words(doc, quote)
    return any(w.text == "und" or (w.upos in ("NOUN", "PRON") and w.feat("Number") == "Plur") for w in words)


def _cue_verb(sentence: Sentence, quote: Quote) -> Word | None:
    """The finite verb among a quote's cue words (``quote.cue`` is not None)."""
    assert quote.cue is not None
    return next(iter(finite_verbs(sentence.words_within(quote.cue.spans))), None)
