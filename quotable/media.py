"""The medium of quotes whose words do not tell it (a stage after :mod:`quotable.coref`).

Verbs such as „erklären“, „mitteilen“ or „berichten“ and sources such as „nach
Angaben“ leave open whether somebody spoke or wrote.  Two defaults fill it in:

* a **written source** in the speaker mention (a report, a study, a newspaper:
  „laut einem Bericht der Zeitung“, „Dem Bericht zufolge“, „Wie die Wochenzeitung
  berichtete“; the nouns are in ``data/written_sources.txt``) makes the quote
  ``writing`` unless the speaker is a person („der Chefredakteur der Zeitung“);
* when a **person** is the speaker, the quote is given as ``speech``: people quoted
  in the news mostly spoke (on WikiNews train, persons' open-medium quotes are
  speech about twice as often as anything else).

Bodies, agencies and other sources keep the open medium (``None``).  Pure: a
function of the quotes and the article's entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
import regex

from quotable import cues
from quotable.model import Entity, EntityKind, Medium, Mention, Quote
from quotable.own_words import ARTICLES

_WORD = regex.compile(r"\p{L}[\p{L}\-]*")


def with_default_media(quotes: Iterable[Quote], entities: Sequence[Entity]) -> list[Quote]:
    """``quotes``, each with an open medium given ``writing`` or ``speech`` where the
    speaker or the frame tells it (see the module)."""
    persons = {e.id for e in entities if e.kind is EntityKind.PERSON}
    return [q if q.medium is not None else attrs.evolve(q, medium=_default(q, persons)) for q in quotes]


def _default(quote: Quote, persons: set[str]) -> Medium | None:
    speaker = quote.speaker
    words = _WORD.findall(speaker.text) if speaker is not None else []
    head = next((w for w in words if w[0].isupper() and w.lower() not in _DETERMINERS), None)
    if (head is not None and cues.is_written_source(head)) or _written_in_frame(quote.frame):
        return Medium.WRITING  # „Der OSZE-Bericht“, „hat in einem Brief mitgeteilt“
    if speaker is None:
        return None
    if head is not None and head.lower().endswith(_OPEN_SOURCES):
        return None  # „nach Angaben der Sprecherin“: spoken or written, as the corpus marks it
    if speaker.entity in persons:
        return Medium.SPEECH
    if any(cues.is_written_source(w) for w in words):
        return Medium.WRITING  # „Angaben des Magazins“, „laut einem Artikel der Zeitung“
    return None


_OPEN_SOURCES = ("angaben", "angabe")
"""Source nouns that leave the medium open even when a person gives them (on WikiNews
train, „nach Angaben“ of a person is marked speech or writing 11 times in 12)."""

_DETERMINERS = ARTICLES | {"im", "in", "nach", "laut"}
"""Words before a mention's head: articles, and a preposition the mention begins with."""
_PLACE_PREPOSITIONS = frozenset({"in", "im", "auf"})


def _written_in_frame(frame: Mention | None) -> bool:
    """Whether the frame puts the words in a written source: „in einem Brief“, „im
    Bericht“, „auf der Homepage“ (a written noun at most three words after the preposition)."""
    if frame is None:
        return False
    words = _WORD.findall(frame.text)
    return any(
        w.lower() in _PLACE_PREPOSITIONS
        and any(n[0].isupper() and cues.is_written_source(n) for n in words[i + 1 : i + 5])
        for i, w in enumerate(words)
    )
