"""Sources of impersonal frames: *heißt es seitens der SPÖ*, *hieß es aus Moskau*,
*verlautete aus Sicherheitskreisen*, *aus dem Büro der Ministerin hieß es*.

„Es heißt“ and „es verlautet“ have no speaker of their own; the source stands in a
prepositional phrase of the frame (*seitens*, *aus*, *bei*, *von*, *in*).  For a quote
whose cue is such a verb and that has no speaker, :func:`with_source` takes the noun
phrase of the nearest such preposition outside the quotation as the speaker mention
(with its article and a genitive after it, as the WikiNews corpus marks it);
„hieß es weiter“ continues the source of the quote before it (:func:`continued`).
"""

from __future__ import annotations

import attrs

from quotable import cues
from quotable.document import Document
from quotable.model import Cue, Quote, Span, Speaker
from quotable.names import is_place
from quotable.syntax import Sentence, Word

_IMPERSONAL = ("heißt", "hieß", "hiess", "heisst", "verlautet", "verlautete")
_PREPOSITIONS = frozenset({"seitens", "vonseiten", "aus", "bei", "von", "in"})
_TIME_NOUNS = frozenset(
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Woche Wochenende Abend Morgen Nacht "
    "Anfang Ende Jahr Monat Tag Zeit Folge Ergebnis Hinsicht Sicht Richtung Anschluss".split()
)
_NOUN_PHRASE = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def with_source(doc: Document, quote: Quote) -> Quote:
    """``quote`` with the source of its impersonal frame as speaker, if it has one."""
    if quote.speaker is not None or quote.cue is None or not _impersonal(quote.cue):
        return quote
    index = doc.sentence_index(quote.cue.start)
    if index is None:
        return quote
    sentence = doc.sentences[index]
    words = [w for w in sentence.words if not any(s.start <= w.start < s.end for s in quote.spans)]
    candidates = [
        w
        for w in words
        if w.text.lower() in _PREPOSITIONS and (w.upos == "ADP" or w.text.lower() == "seitens")
    ]
    candidates.sort(key=lambda w: abs(w.start - quote.cue.start))  # type: ignore[union-attr]
    for preposition in candidates:
        phrase = _noun_phrase(sentence, preposition)
        if phrase:
            span = Span(phrase[0].start, phrase[-1].end)
            return attrs.evolve(quote, speaker=Speaker.from_spans(doc.text, [span]))
    return quote


def continued(doc: Document, quote: Quote, previous: Quote | None) -> Quote:
    """„…, hieß es weiter“ with no source of its own: the source of the quote before it,
    if that stands in this or the previous sentence."""
    if quote.speaker is not None or quote.cue is None or not _impersonal(quote.cue):
        return quote
    if previous is None or previous.speaker is None:
        return quote
    index, before = doc.sentence_index(quote.cue.start), doc.sentence_index(previous.end - 1)
    if index is None or before is None or index - before > 1:
        return quote
    sentence = doc.sentences[index]
    following = [w for w in sentence.words if w.start >= quote.cue.end][:2]
    if not any(w.text.lower() == "weiter" for w in following):
        return quote
    return attrs.evolve(quote, speaker=previous.speaker)


def _impersonal(cue: Cue) -> bool:
    """Whether the cue is „heißt es“ or „verlautet“, which name no speaker of their own."""
    return any(word in _IMPERSONAL for word in cue.text.lower().split())


def _seitens(word: Word) -> bool:
    return word.text.lower() in ("seitens", "vonseiten")  # the tagger reads them as adverbs too


def _noun_phrase(sentence: Sentence, preposition: Word) -> list[Word]:
    """The noun phrase after ``preposition`` (article, adjectives, nouns, a genitive after
    it), when its head can be a source: a name, a place, an organisation or *Kreise*."""
    # not the article of a contraction, which shares the preposition's token („beim“, „vom“)
    after = [w for w in sentence.words if w.id > preposition.id and w.start >= preposition.end]
    phrase: list[Word] = []
    for w in after:
        if w.upos not in _NOUN_PHRASE:
            break
        after_head = phrase and phrase[-1].upos in ("NOUN", "PROPN") and w.upos not in ("NOUN", "PROPN")
        if after_head and (w.upos != "DET" or w.feat("Case") != "Gen"):
            break  # only a genitive may follow the head: „aus dem Büro der Ministerin“
        phrase.append(w)
    while phrase and phrase[-1].upos not in ("NOUN", "PROPN"):
        phrase.pop()
    heads = [w for w in phrase if w.upos in ("NOUN", "PROPN")]
    if not heads or heads[0].text in _TIME_NOUNS:
        return []
    head = heads[0]
    source = (
        head.upos == "PROPN"
        or is_place(head.text)
        or cues.is_organisation(head.text)
        or cues.is_source_noun(head.text)
        or head.text.lower().endswith(("kreise", "kreisen"))
        or (head.text.isupper() and len(head.text) > 1)  # SPÖ, ÖVP, AMS
    )
    return phrase if source else []
