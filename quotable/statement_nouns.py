"""Reported speech cued by a statement noun (see docs/rules.md): ``indirect.noun``,
„eine Äußerung von Trump, Russland und China hätten sich verschworen“ — a noun of
the cue lexicon, then a Konjunktiv clause after the next comma, spoken by the noun's
owner (von X, des Ministers, seine) or by the subject of its clause;
``indirect.noun_clause``: a dass clause or a zu-infinitive in its place („die
Forderung des Verbands, die Steuer zu senken“, „die Theorie, dass …“).
"""

from __future__ import annotations

from quotable import cues
from quotable.document import Document
from quotable.findings import Finding, make
from quotable.participants import speaker_of
from quotable.phrases import extend_noun_phrase, noun_phrase, surface_noun_phrase
from quotable.syntax import Sentence, Word
from quotable.verbs import finite_verbs, has_zu, is_konjunktiv


def noun_rule(
    doc: Document, index: int, sentence: Sentence, noun: Word, in_direct: set[int]
) -> list[Finding]:
    """„eine Äußerung von Trump, Russland und China hätten sich verschworen“."""
    is_cue, medium = cues.noun(noun.lemma)
    if not is_cue:
        return []
    # the statement follows after the next comma; before it, the main clause may only
    # end (a separated particle: „wies eine Äußerung von X zurück, …“), not go on
    comma = next((w for w in sentence.words[noun.id :] if w.text == ","), None)
    if comma is None or finite_verbs(sentence.words[noun.id : comma.id - 1]):
        return []
    rest = [w for w in sentence.words if w.id > comma.id]
    if any(w.id in in_direct for w in rest):
        return []
    verbs = finite_verbs(rest)
    rule, words = "indirect.noun", rest
    if not verbs or not is_konjunktiv(verbs[0]):
        if noun.lemma.lower() in _NO_REPORTED_CLAUSE:
            return []
        rule, words = "indirect.noun_clause", complement_clause(sentence, rest)
        if not words:
            return []
    owner = _owner(sentence, noun)
    # a noun that names no owner speaks for its verb's subject, and the verb is in the cue
    speaker = owner if owner is not None else _governor_speaker(sentence, noun)
    cue = [noun] if owner is not None else _light_verb_cue(sentence, noun)
    finding = make(doc, index, sentence, rule, words, cue, noun.lemma, speaker, [], medium, noun)
    return [finding] if finding is not None else []


_NO_REPORTED_CLAUSE = frozenset({"entscheidung", "beschluss", "frage", "sorge", "verdacht"})
"""Cue nouns whose dass/ob clause or zu-infinitive says what was decided, asked or
suspected, not what anyone said („die Entscheidung, das Fest abzusagen“, „der
Verdacht, dass …“; measured on WikiNews train: 1 of 7 such quotes annotated)."""

PURPOSE = frozenset({"um", "ohne", "statt", "anstatt"})
"""Words that open a zu-infinitive of purpose or manner („um … zu“, „ohne … zu“)."""


def complement_clause(sentence: Sentence, rest: list[Word]) -> list[Word]:
    """The clause a statement noun's comma opens, when it is a dass clause or a
    zu-infinitive („die Forderung, die Steuer zu senken“, „die Theorie, dass …“), up to
    the comma that closes it (the main clause may go on: „Trotz der Ankündigung, … zu
    beenden, gewann …“); empty for anything else."""
    if not rest:
        return []
    lead = rest[0].text.lower()
    if lead in PURPOSE:
        return []  # „…, um … zu“, „ohne … zu“: why or how, not what was said
    if lead in ("dass", "daß"):
        last = next(iter(finite_verbs(rest)), None)
    else:
        last = next((w for w in rest if w.upos in ("VERB", "AUX") and has_zu(sentence, w)), None)
        if last is not None and finite_verbs([w for w in rest if w.id < last.id]):
            return []
    if last is None:
        return []
    end = next((w.id for w in rest if w.id > last.id and w.text in (",", ";", ":", "–")), None)
    words = [w for w in rest if (end is None or w.id < end)]
    while words and words[-1].upos == "PUNCT":
        words.pop()
    return words


def statement_object(sentence: Sentence, verb: Word) -> bool:
    """Whether the verb's object is a statement noun (eine Äußerung, den Vorwurf …)."""
    return any(
        c.deprel in ("obj", "iobj") and c.upos == "NOUN" and cues.noun(c.lemma)[0]
        for c in sentence.children(verb)
    )


def _owner(sentence: Sentence, noun: Word) -> list[Word] | None:
    """Whose statement, where the noun says it: „eine Äußerung [von Trump]“, „[seine]
    Forderung“, „die Warnung [des Ministers]“; None where it names no owner."""
    for child in sentence.children(noun):
        if child.deprel in ("nmod", "nmod:poss", "det:poss") and child.upos in (
            "PROPN",
            "NOUN",
            "PRON",
            "DET",
        ):
            return extend_noun_phrase(sentence, noun_phrase(sentence, child))
    nxt = sentence.word(noun.id + 1) if noun.id < len(sentence.words) else None
    if nxt is not None and nxt.text.lower() == "von" and nxt.id < len(sentence.words):
        return surface_noun_phrase(sentence, sentence.word(nxt.id + 1))
    if nxt is not None and nxt.text.lower() in ("des", "der"):
        return surface_noun_phrase(sentence, nxt)
    return None


def _light_verb_cue(sentence: Sentence, noun: Word) -> list[Word]:
    """The cue of a statement noun its clause's verb carries, as the corpus marks it: the
    verb with the noun and its article („vertritt die Ansicht“, „sind der Meinung“, „kam
    zu dem Schluss“); the noun alone where no verb governs it."""
    own = [c for c in sentence.children(noun) if c.deprel in ("det", "amod", "case", "cop")]
    head = sentence.head_of(noun)
    if any(c.deprel == "cop" for c in own):
        verbs: list[Word] = []
    elif head is not None and head.upos in ("VERB", "AUX") and noun.deprel in ("obj", "obl"):
        verbs = [head, *(c for c in sentence.children(head) if c.deprel in ("aux", "compound:prt"))]
    else:
        return [noun]
    return sorted([*verbs, *own, noun], key=lambda w: w.id)


def _governor_speaker(sentence: Sentence, noun: Word) -> list[Word]:
    """A statement noun without its own source speaks for the subject of its clause:
    „X ist der Meinung, …“, „X lehnte mit der Begründung ab, …“; nothing when the
    noun is the subject itself („Der Verdacht, er sei …, bestätigte sich“)."""
    if noun.deprel.startswith("nsubj"):
        return []
    if any(c.deprel == "cop" for c in sentence.children(noun)):
        subj = next((c for c in sentence.children(noun) if c.deprel.startswith("nsubj")), None)
        return extend_noun_phrase(sentence, noun_phrase(sentence, subj)) if subj is not None else []
    head = sentence.head_of(noun)
    if head is None or head.upos not in ("VERB", "AUX"):
        return []
    return speaker_of(sentence, head, skip=frozenset(w.id for w in sentence.subtree(noun)))
