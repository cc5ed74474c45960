"""Cleaning a speaker or addressee mention: the noun phrase the rules found, without
what a weak parse hung on it (a focus particle, a phrase of time, a trailing verb or
preposition) and clear of the quote; a „gegenüber“ phrase split off as the addressee.

Pure functions over :mod:`quotable.syntax` records; the phrases themselves are
:mod:`quotable.phrases`.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotable import lexicon
from quotable.model import Span
from quotable.phrases import trim
from quotable.syntax import Word

_NOT_AT_NP_END = frozenset({"ADV", "ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PART", "DET"})


def mention_words(words: Sequence[Word], avoid: Sequence[Span] = ()) -> list[Word]:
    """Clean a speaker or addressee mention: one run of words that stays clear of the
    quote (``avoid``) and ends in a noun, name, number or closing bracket/mark."""
    kept: list[Word] = []
    for w in sorted(words, key=lambda w: w.id):
        if any(s.start < w.end and w.start < s.end for s in avoid):
            if kept:
                break
            continue
        if kept and w.id != kept[-1].id + 1:
            break
        kept.append(w)
    kept = trim(kept)
    # „Auch Winfried Hassemer“, „Einzig Sony“, „sich ersten Angaben“, „Guttenberg wörtlich“:
    # a focus particle, a reflexive or a manner word is no part of who speaks
    while len(kept) > 1 and kept[0].text.lower() in _NOT_AT_MENTION_EDGE and kept[0].upos in _PARTICLE_TAGS:
        kept.pop(0)
    while len(kept) > 1 and kept[-1].text.lower() in _NOT_AT_MENTION_EDGE and kept[-1].upos in _PARTICLE_TAGS:
        kept.pop()
    kept = kept[: _adverbial_phrase(kept)]
    if len(kept) == 1 and kept[0].text.lower() in ("dieser", "diese", "jener", "jene"):
        return kept  # „sagte dieser“: a demonstrative standing alone, tagged as an article
    while kept and kept[-1].upos in _NOT_AT_NP_END:
        kept.pop()
        kept = trim(kept)
    return kept


def split_addressee(words: Sequence[Word]) -> tuple[list[Word], list[Word]]:
    """A speaker mention with a „gegenüber“ phrase in it, or an „an“ after a message
    noun (``data/address_nouns.txt``), split into who spoke and to whom: „der Sprecher
    gegenüber der Zeitung“ → („der Sprecher“, „der Zeitung“), „einem Schreiben an die
    Mitarbeiter“ → („einem Schreiben“, „die Mitarbeiter“)."""
    ordered = sorted(words, key=lambda w: w.id)
    for i, word in enumerate(ordered):
        if not i or word.upos != "ADP" or i + 1 >= len(ordered):
            continue
        lower = word.text.lower()
        if lower == "gegenüber" or (
            lower == "an" and lexicon.compound_match(ordered[i - 1].text, "address_nouns.txt")
        ):
            return ordered[:i], ordered[i + 1 :]
    return ordered, []


def before_addressee(speaker: Sequence[Word], addressee: Sequence[Word]) -> list[Word]:
    """The speaker's words before the addressee, where a parse hung the addressee on the
    speaker („warf die Behörde Huber vor“, „sagte Meyer der Sportschau“); all of them
    when none come before it."""
    if not addressee:
        return list(speaker)
    first = min(w.id for w in addressee)
    return [w for w in speaker if w.id < first] or list(speaker)


def _adverbial_phrase(words: Sequence[Word]) -> int:
    """Where a phrase of time or manner the parser hung on the mention begins, or the
    mention's length: „Schnappauf aus Sicherheitsgründen“, „der Direktor in der nächsten
    Woche“, „Angaben des Ministeriums in schriftlicher Form“, „der Politiker in Zukunft“."""
    for i, word in enumerate(words):
        if (
            i
            and word.text.lower() in ("in", "aus", "nach")
            and any(_adverbial_noun(w) for w in words[i + 1 : i + 4])
        ):
            return i
    return len(words)


def _adverbial_noun(word: Word) -> bool:
    lower = word.text.lower()
    return lower in _ADVERBIAL_NOUNS or lower.endswith("gründen")


_ADVERBIAL_NOUNS = frozenset(
    {"woche", "zukunft", "absprache", "form", "bekanntgabe"}
    | {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september"}
    | {"oktober", "november", "dezember", "jänner"}
)
"""With „in“, „aus“ or „nach“ before them, and any noun ending in „-gründen“ (aus Kostengründen):
„nach NASA-Angaben im Mai“ is when, not whose."""


_NOT_AT_MENTION_EDGE = frozenset(
    {"auch", "selbst", "sogar", "nur", "einzig", "ebenfalls", "gerade", "allein", "zudem", "sich", "wörtlich"}
)
_PARTICLE_TAGS = frozenset({"ADV", "PART", "PRON", "ADJ"})
