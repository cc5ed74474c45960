"""Speakers the parse missed, found by the names the article gives (used by
:mod:`quotable.coref` before it resolves mentions): a person the article named
standing right before or after a cue verb whose parse has no subject — „Von der
Leyen kündigte an, …“ (the name read as a prepositional phrase), „Šefčovič sagte, …“
(a name tagged as an adjective), „Zuvor hatte von der Leyen betont, …“ (the first
word taken for a name).  Pure given the document and the article's entities.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from quotable import cues
from quotable.document import Document
from quotable.entities import Table
from quotable.model import EntityKind, Quote, Span, Speaker
from quotable.notable import is_notable, notable_canonical
from quotable.syntax import Word
from quotable.verbs import finite_verbs

_PARTICLES = frozenset({"von", "der", "van", "de", "zu"})


def with_named_subjects(doc: Document, table: Table, quotes: Iterable[Quote]) -> list[Quote]:
    """``quotes``, each given by :func:`named_subject` (the article's surnames found once)."""
    surnames = {c.tokens[-1] for c in table.candidates if c.kind is EntityKind.PERSON and len(c.tokens) > 1}
    return [named_subject(doc, table, q, surnames) for q in quotes]


def named_subject(doc: Document, table: Table, quote: Quote, surnames: set[str]) -> Quote:
    """A quote whose cue verb got no speaker from the parse (or only the capitalised first
    word of its sentence, „Zuvor“), with the person the article named standing right before
    or after the finite verb: „Von der Leyen kündigte an, …“, „Zuvor hatte von der Leyen
    betont, …“, „Šefčovič sagte, …“ (a name the tagger took for a preposition's object or
    an adjective)."""
    if quote.cue is None:
        return quote
    index = doc.sentence_index(quote.cue.start)
    if index is None:
        return quote
    sentence = doc.sentences[index]
    speaker = quote.speaker
    if speaker is not None and not (
        " " not in speaker.text
        and speaker.start == sentence.start
        and _doubtful_name(table, speaker.text, surnames)
    ):
        return quote
    finite = next(
        iter(finite_verbs(w for w in sentence.words if quote.cue.start <= w.start < quote.cue.end)), None
    )
    if finite is None:
        return quote
    before = sentence.words[max(0, finite.id - 4) : finite.id - 1]
    whole_vorfeld = [
        before[-k:]
        for k in range(len(before), 0, -1)
        if finite.id - 1 - k == 0 or sentence.word(finite.id - 1 - k).upos == "PUNCT"
    ]
    for words in [*whole_vorfeld[:1], _name_prefix(list(sentence.words[finite.id : finite.id + 3]))]:
        if not words or not all(w.text.lower() in _PARTICLES for w in words[:-1]):
            continue
        text = doc.text[words[0].start : words[-1].end]
        notable = is_notable(text)
        if words[-1].text not in surnames and not notable:
            continue
        if any(s.start < words[-1].end and words[0].start < s.end for s in quote.spans):
            continue
        span = Span(words[0].start, words[-1].end)
        if notable and table.for_name(text.split(), span.start) is None:
            canonical = notable_canonical(text) or text
            table.add(EntityKind.PERSON, canonical.split()).add_mention(span, text)
        return attrs.evolve(quote, speaker=Speaker.from_spans(doc.text, [span]))
    return quote


def _doubtful_name(table: Table, text: str, surnames: set[str]) -> bool:
    """A one-word "name" nobody else bears and of unknown gender („Zuvor“ tagged as a name);
    not a noun for people or a body who speak („Kritiker werfen Obama vor“)."""
    if text in surnames or cues.is_speaker_noun(text):
        return False
    found = table.for_name([text], 0)
    return found is None or (found.gender is None and len(found.tokens) == 1)


def _name_prefix(words: list[Word]) -> list[Word]:
    """The particles and the name at the start of ``words``: „von der Leyen“ of „von der Leyen betont“."""
    out: list[Word] = []
    for w in words:
        out.append(w)
        if w.text.lower() not in _PARTICLES:
            break
    return out
