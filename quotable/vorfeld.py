"""The Vorfeld: the one constituent before the finite verb of a German main clause
(„Ein Regierungssprecher in Berlin | sagte …“), and what it tells about the subject.

Speaker rules (:mod:`quotable.participants`) read it from the surface, since the
parser often gets it wrong: a noun phrase there is usually the subject
(:func:`nominal_vorfeld`); a capitalised first word the tagger took for a noun
(:func:`sentence_initial_word`), an adverbial of ``data/vorfeld_adverbials.txt``
(:func:`is_adverbial`) or a phrase with a dative or accusative article
(:func:`marked_not_nominative`) is not, and the subject follows the verb.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from quotable import cues, lexicon
from quotable.phrases import OPENING_MARKS, QUOTE_CHARS, in_quoted_name, trim
from quotable.syntax import Sentence, Word
from quotable.verbs import finite_of

RELATIVE = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
"""Pronouns that open a relative clause („…, der … sagte“)."""


_SENTENCE_ADVERBS = frozenset(
    [
        "hingegen",
        "seinerseits",
        "ihrerseits",
        "jedoch",
        "aber",
        "allerdings",
        "auch",
        "dagegen",
        "wiederum",
        "indes",
        "indessen",
        "zudem",
        "außerdem",
        "ebenfalls",
        "gleichzeitig",
        "derweil",
        "unterdessen",
        "inzwischen",
        "nun",
        "jetzt",
        "bereits",
        "schon",
    ]
)
_CLAUSE_BREAKS = frozenset({",", ":", ";", "(", ")", "–", "—"}) | QUOTE_CHARS


def vorfeld(sentence: Sentence, verb: Word) -> list[Word]:
    """What stands before the finite verb of a main clause: in German exactly one
    constituent („Ein Regierungssprecher in Berlin | sagte …“).  Empty when the clause
    is subordinate or the finite verb comes first in its clause."""
    finite = finite_of(sentence, verb)
    words = sentence.words[: finite.id - 1]
    start = 0
    for i, w in enumerate(words):
        if w.text in _CLAUSE_BREAKS and not _inside_parentheses(words, i) and not _name_mark(sentence, w):
            start = i + 1
    field = list(words[start:])
    while field and (
        field[0].upos in ("CCONJ", "PUNCT") or field[0].lemma.lower() in ("und", "aber", "doch", "denn")
    ):
        field.pop(0)
    if not field or field[0].upos in ("SCONJ",) or field[0].lemma.lower() in ("wie", "als", "weil", "wenn"):
        return []
    if field[0].upos == "PRON" and field[0].text.lower() in RELATIVE and start > 0:
        return []  # „…, der … sagte“: a relative clause, not a main clause
    return field


def _name_mark(sentence: Sentence, mark: Word) -> bool:
    """Whether ``mark`` opens or closes a short quoted name inside a noun phrase
    („von der „Aktion Kinder helfen““), which ends no constituent."""
    if mark.text not in QUOTE_CHARS:
        return False
    inner = mark.id + 1 if mark.text in OPENING_MARKS else mark.id - 1
    return 1 <= inner <= len(sentence.words) and in_quoted_name(sentence, sentence.word(inner))


def apposed_vorfeld(sentence: Sentence, verb: Word) -> list[Word]:
    """„Ingrid Hollmann, Vorsitzende des Mieterbundes, | sagte …“: a sentence-initial
    noun phrase with an apposition between commas before the finite verb, which
    :func:`vorfeld` (cut at the last comma) finds empty.  Empty unless both parts are
    noun phrases: no verb, neither opened by a preposition, adverb, conjunction or
    pronoun („Nachdem er kam, sagte …“, „Am Montag, dem 5. Mai, sagte …“).  An article
    may open the apposition („…, die Vorsitzende des Vereins, sagte …“): a relative
    clause in its place would hold a verb."""
    finite = finite_of(sentence, verb)
    words = sentence.words[: finite.id - 1]
    if len(words) < 4 or words[-1].text != ",":
        return []
    commas = [i for i, w in enumerate(words[:-1]) if w.text in _CLAUSE_BREAKS]
    if len(commas) != 1 or words[commas[0]].text != ",":
        return []
    head, apposition = words[: commas[0]], words[commas[0] + 1 : -1]
    for part in (head, apposition):
        if (
            not part
            or part[0].upos not in ("DET", "NOUN", "PROPN", "ADJ", "NUM")
            or any(w.upos in ("VERB", "AUX", "SCONJ", "PRON") for w in part)
            or not any(w.upos in ("NOUN", "PROPN") for w in part)
        ):
            return []
    return list(words[:-1])


def _inside_parentheses(words: Sequence[Word], index: int) -> bool:
    opened = sum(1 for w in words[:index] if w.text == "(") - sum(1 for w in words[:index] if w.text == ")")
    return opened > 0 or (
        words[index].text == ")" and opened >= 0 and any(w.text == "(" for w in words[:index])
    )


@functools.cache
def _vorfeld_adverbials() -> frozenset[str]:
    return lexicon.words("vorfeld_adverbials.txt")


def is_adverbial(words: Sequence[Word]) -> bool:
    """Whether a Vorfeld mention at the start of its sentence is one of the adverbials of
    ``data/vorfeld_adverbials.txt`` („Gestern“, „Besorgt“, „Des Weiteren“), whatever its tags."""
    if words[0].id != 1:
        return False
    return " ".join(w.text.lower() for w in words) in _vorfeld_adverbials()


_NOT_A_NOUN_FIRST = frozenset({"gegenüber", "als", "wie", "laut", "bei", "nach", "seitens", "zufolge"})
"""Capitalised at the start of a sentence, and tagged as nouns there: never a subject's start."""


def sentence_initial_word(sentence: Sentence, words: Sequence[Word]) -> bool:
    """Whether a Vorfeld mention is only a capitalised first word: a preposition or
    „als“, or one bare singular noun that names no role or body (Relativierend, Besorgt)."""
    first = words[0]
    if first.id != 1 and not (first.id == 2 and sentence.word(1).upos == "PUNCT"):
        return False
    if first.text.lower() in _NOT_A_NOUN_FIRST:
        return True
    return (
        len(words) == 1
        and first.upos in ("NOUN", "ADJ", "ADV")
        and first.feat("Number") != "Plur"
        and not cues.is_speaker_noun(first.text)
    )


OBLIQUE_ARTICLES = frozenset({"den", "dem", "einen", "einem", "diesen", "diesem", "jenen", "jenem"})
"""Articles that never open a nominative noun phrase."""


def marked_not_nominative(sentence: Sentence, noun: Word) -> bool:
    """Whether the words of ``noun``'s phrase show it is no subject: a dative or
    accusative article, or a preposition (als, nach) of its own."""
    for child in sentence.children(noun):
        if child.id > noun.id:
            continue
        if child.deprel == "case" or (child.deprel == "det" and child.text.lower() in OBLIQUE_ARTICLES):
            return True
    before = sentence.word(noun.id - 1) if noun.id > 1 else None
    return before is not None and before.text.lower() == "als"


def nominal_vorfeld(sentence: Sentence, verb: Word) -> list[Word]:
    """The Vorfeld when it is a noun phrase (not „Im Gegenzug“ or „Am Montag“), cut
    before a relative clause and without trailing sentence adverbs (hingegen, jedoch)."""
    field = vorfeld(sentence, verb)
    if not field or field[0].upos in ("ADP", "ADV", "VERB", "AUX") or field[0].text.lower() in ("als", "wie"):
        return []
    if field[0].id > 1 and sentence.word(field[0].id - 1).text.lower() in ("als", "wie"):
        return []  # „Als Begründung sagte ein Forscher“
    for i, w in enumerate(field):
        if w.text == "," and i + 1 < len(field):
            nxt = field[i + 1]
            if nxt.upos == "PRON" and (
                nxt.feat("PronType") == "Rel" or nxt.lemma.lower() in ("der", "welcher")
            ):
                field = field[:i]
                break
    while field and (field[-1].text.lower() in _SENTENCE_ADVERBS or field[-1].upos == "PUNCT"):
        if field[-1].text == ")" and any(w.text == "(" for w in field):
            break
        if _name_mark(sentence, field[-1]):
            break  # the closing mark of „… von der „Aktion Kinder helfen““
        field.pop()
    if not any(w.upos in ("NOUN", "PROPN", "PRON", "X") for w in field):
        return []
    if any(w.upos in ("VERB", "AUX") and not in_quoted_name(sentence, w) for w in field):
        return []  # a clause, but not the verb of a quoted name („von der „Aktion Kinder helfen““)
    return trim(field)
