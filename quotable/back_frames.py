"""Frames that point back: „Die Partei schließt eine Koalition aus. Das bestätigte ihr
Vorsitzender.“ — ``indirect.back_frame``.

A sentence that opens with „Das“ or „Dies“ and a cue verb, its subject after the
verb, reports the sentence before it: that sentence is what was said, in the
indicative, and the pronoun stands for it.  The WikiNews corpus marks the quote
from the start of the sentence before to the end of the pronoun, as one span, and
the speaker, cue and frame in the pointing sentence.  „Das geht aus einem Bericht
hervor“ points back to its source in the same way.

Not when the sentence before is itself a quotation in marks (the direct rules
attribute it), holds a question, or stands in another paragraph (a heading, a new
topic).
"""

from __future__ import annotations

from quotable.document import Document
from quotable.findings import CONFIDENCE, Finding, frame_words, make, speaker_mention
from quotable.mark_kinds import MarkKind
from quotable.model import Cue, Mention, Quote, QuoteType, Span
from quotable.participants import can_speak, speaker_of
from quotable.phrases import contiguous, noun_phrase
from quotable.syntax import Sentence, Word
from quotable.verbs import cue_verb, finite_verbs, verb_complex

_POINTERS = frozenset({"das", "dies", "dieses"})


def back_frame(doc: Document, index: int, sentence: Sentence) -> list[Finding]:
    """The finding of a sentence that reports the sentence before it, if it is one."""
    words = sentence.words
    if index == 0 or len(words) < 3 or words[0].text.lower() not in _POINTERS:
        return []
    pointer, finite = words[0], words[1]
    if pointer.upos not in ("PRON", "DET") or not finite_verbs([finite]):
        return []
    verb = _lexical_verb(sentence, finite)
    entry = cue_verb(sentence, verb) if verb is not None else None
    if verb is None or entry is None or not (entry.clause or entry.direct):
        return []
    before = doc.sentences[index - 1]
    if not _reportable(doc, before, sentence):
        return []
    document = entry.lemma == "hervorgehen"
    if document:
        speaker = _source_of(sentence, verb)
    else:
        speaker = [w for w in speaker_of(sentence, verb, skip=frozenset({pointer.id})) if w.id != pointer.id]
    if not _names_a_speaker(speaker, document=document):
        return []  # „Das bestätigt die Vermutung“: the pronoun is the subject, no one speaks
    cue_words = [w for w in verb_complex(sentence, verb) if w.id != pointer.id]
    span = Span(before.start, pointer.end)
    text = doc.text[span.start : span.end]
    frame_spans = contiguous(sentence, frame_words(sentence, {pointer.id}))
    quote = Quote(
        type=QuoteType.INDIRECT,
        spans=(span,),
        content=(span,),
        text=text,
        speaker=speaker_mention(doc, sentence, speaker),
        cue=Cue.from_spans(doc.text, contiguous(sentence, cue_words), entry.lemma) if cue_words else None,
        frame=Mention.from_spans(doc.text, frame_spans) if frame_spans else None,
        medium=entry.medium,
        confidence=CONFIDENCE["indirect.back_frame"],
        rule="indirect.back_frame",
    )
    return [Finding(quote, index, verb)]


def inner_back_frame(doc: Document, index: int, sentence: Sentence) -> list[Finding]:
    """„Seit Montag ist die Heizung ausgefallen, das teilte die Stadt mit.“: after a comma,
    „das“ or „dies“ and a cue verb with its subject report the clause before the comma."""
    words = sentence.words
    for comma in words[2:-2]:
        if comma.text != ",":
            continue
        pointer, finite = sentence.word(comma.id + 1), sentence.word(comma.id + 2)
        if pointer.text.lower() not in _POINTERS or pointer.upos not in ("PRON", "DET"):
            continue
        verb = _lexical_verb(sentence, finite) if finite_verbs([finite]) else None
        entry = cue_verb(sentence, verb) if verb is not None else None
        quote_words = [w for w in words if w.id < comma.id]
        if verb is None or entry is None or not entry.clause or not finite_verbs(quote_words):
            continue
        skip = frozenset({pointer.id, *(w.id for w in quote_words)})
        speaker = [w for w in speaker_of(sentence, verb, skip=skip) if w.id not in skip]
        if not _names_a_speaker(speaker, document=False):
            continue
        cue_words = [w for w in verb_complex(sentence, verb) if w.id != pointer.id]
        rule = "indirect.back_frame"
        found = make(
            doc, index, sentence, rule, quote_words, cue_words, entry.lemma, speaker, [], entry.medium, verb
        )
        return [found] if found is not None else []
    return []


def _names_a_speaker(words: list[Word], *, document: bool) -> bool:
    """Whether a mention's head names someone who speaks (a person, a body, a pronoun for
    one) or, after „hervorgehen“, the document that says it."""
    head = next((w for w in words if w.upos in ("NOUN", "PROPN", "PRON")), None)
    if head is None:
        return False
    return (document and head.upos != "PRON") or can_speak(head)


def _lexical_verb(sentence: Sentence, finite: Word) -> Word | None:
    """The finite verb itself, or the participle an auxiliary belongs to („Das hat … bestätigt“)."""
    if finite.upos == "VERB":
        return finite
    head = sentence.head_of(finite)
    if finite.deprel.startswith("aux") and head is not None and head.upos == "VERB":
        return head
    return None


def _reportable(doc: Document, before: Sentence, sentence: Sentence) -> bool:
    """Whether the sentence before can be the statement: same paragraph, a statement
    (not a question), and no quotation in marks in it."""
    if doc.paragraph(before.start) != doc.paragraph(sentence.start):
        return False
    if doc.text[before.start : before.end].rstrip().endswith("?"):
        return False
    return not any(
        q.kind is MarkKind.SPEECH and q.start < before.end and before.start < q.end for q in doc.speech_quotes
    )


def _source_of(sentence: Sentence, verb: Word) -> list[Word]:
    """„Das geht aus einer Mitteilung des Konzerns hervor“: the aus-phrase, without „aus“."""
    for child in sentence.children(verb):
        if any(c.deprel == "case" and c.lemma.lower() == "aus" for c in sentence.children(child)):
            return [w for w in noun_phrase(sentence, child) if w.lemma.lower() != "aus"]
    return []
