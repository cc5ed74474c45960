"""Who speaks in a subordinate clause, read from the surface where the parse gives its
cue verb no subject: „Wie „heise online“ berichtet, …“ (:func:`wie_clause_speaker`),
„Während Bürgermeister Klaus-Peter Wendt ankündigte, …“
(:func:`subordinate_clause_subject`).  Used by :mod:`quotable.participants` and
:mod:`quotable.indirect`.
"""

from __future__ import annotations

from quotable.phrases import QUOTE_CHARS, surface_noun_phrase
from quotable.syntax import Sentence, Word
from quotable.verbs import finite_verbs, verb_complex

_TRAILING = frozenset({"ADV", "PUNCT", "ADP"})


def wie_clause_speaker(sentence: Sentence, verb: Word) -> list[Word]:
    """„Wie „heise online“ berichtet, …“, „Wie die Banca d'Italia in Rom bekannt gab, …“:
    when the parse gives the verb of a sentence-initial wie-clause no subject, the words
    between „Wie“ and the verb are who spoke (without adverbs at their end, „heute“)."""
    words = sentence.words
    if words[0].text.lower() != "wie" or verb.id <= 2:
        return []
    cue = {w.id for w in verb_complex(sentence, verb)}
    between = [w for w in words[1 : verb.id - 1] if w.id not in cue]
    while between and between[-1].upos in _TRAILING and between[-1].text not in QUOTE_CHARS:
        between.pop()
    quoted, outside = False, []
    for w in between:
        if w.text in QUOTE_CHARS:
            quoted = not quoted
        elif not quoted:
            outside.append(w)
    if (
        not between
        or any(w.text in (";", ":") for w in outside)
        or finite_verbs(outside)
        or between[0].upos in ("PRON", "ADV", "VERB", "AUX")
        or not any(w.upos in ("NOUN", "PROPN", "X", "ADJ") for w in between)
    ):
        return []
    return between


_SUBORDINATORS = frozenset(
    {
        "während",
        "als",
        "nachdem",
        "weil",
        "da",
        "obwohl",
        "seit",
        "seitdem",
        "bevor",
        "wenn",
        "sobald",
        "dass",
    }
)


def subordinate_clause_subject(sentence: Sentence, verb: Word, skip: frozenset[int]) -> list[Word]:
    """„Während Bürgermeister Klaus-Peter Wendt ankündigte, …“: when the parse gives
    the verb at the end of a subordinate clause no subject, the noun phrase right after
    the conjunction (a pronoun there the parser would not have missed)."""
    ids = [w.id for w in verb_complex(sentence, verb)]
    first, last = min(ids), max(ids)
    if last < len(sentence.words) and sentence.word(last + 1).upos != "PUNCT":
        return []  # not clause-final
    opener = None
    for w in reversed(sentence.words[: first - 1]):
        if w.text in (",", ";", ":", "(", "–") or w.text in QUOTE_CHARS:
            break
        opener = w
    if opener is None or opener.text.lower() not in _SUBORDINATORS or opener.id + 1 >= first:
        return []
    words = surface_noun_phrase(sentence, sentence.word(opener.id + 1))
    if not words or words[-1].id >= first or any(w.id in skip for w in words):
        return []
    return words
