"""Names and nouns that open a sentence, where the tagger read them as something else.

German capitalises every noun and name, so a capital at the start of a sentence says
nothing, and a tagger that does not know the word guesses from its position: „Lenz
bestritt jede Schuld“, „Greenpeace fordert …“ come back with the name as an adverb,
and the parse then finds no subject.  Inside a sentence a capital is a strong sign
of a noun or a name, so a word that opens a sentence as an adverb, adjective,
determiner, pronoun or conjunction, and stands capitalised as a noun or a name
inside another sentence of the same text, takes that part of speech (:func:`retag`),
before lemmas and the dependency parse are computed from it.

Pure over any word objects with ``text``, ``upos``, ``xpos`` and ``feats`` attributes
(the tagger's own words: :mod:`quotable.parsing` calls it with one text's sentences).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from typing import Any

_GUESSED = frozenset({"ADV", "ADJ", "DET", "PRON", "CCONJ", "SCONJ"})
"""Parts of speech the tagger gives an unknown capitalised word at a sentence's start."""

_OPENS_A_PHRASE = frozenset({"„", "“", '"', "»", "«", "‚", "›", "'", ":", "(", "[", "-", "–", "—"})
"""Words after which a capital may open quoted speech or a heading, not only a noun."""

_TAGS = {"PROPN": "NE", "NOUN": "NN"}


def _nouns_inside(sentences: Sequence[Sequence[Any]]) -> dict[str, str]:
    """Each capitalised form tagged as a noun or a name inside a sentence: its usual tag."""
    seen: dict[str, Counter[str]] = {}
    for words in sentences:
        for before, word in itertools.pairwise(words):
            if word.upos in _TAGS and word.text[:1].isupper() and before.text not in _OPENS_A_PHRASE:
                seen.setdefault(word.text, Counter())[word.upos] += 1
    return {form: tags.most_common(1)[0][0] for form, tags in seen.items()}


def _opening(words: Sequence[Any]) -> Any | None:
    """The first word with a letter (after any opening quotation mark or bracket)."""
    return next((w for w in words if any(c.isalpha() for c in w.text)), None)


def retag(sentences: Sequence[Sequence[Any]]) -> int:
    """Retag the opening words of one text's ``sentences`` that the same text uses as
    nouns or names inside a sentence; how many were changed."""
    nouns = _nouns_inside(sentences)
    changed = 0
    for words in sentences:
        first = _opening(words)
        if first is None or first.upos not in _GUESSED or not first.text[:1].isupper():
            continue
        tag = nouns.get(first.text)
        if tag is not None:
            first.upos, first.xpos, first.feats = tag, _TAGS[tag], None
            changed += 1
    return changed
