"""The medium of quotes whose words do not tell it (a stage after :mod:`quotable.coref`).

Verbs such as „erklären“, „mitteilen“ or „berichten“ and sources such as „nach
Angaben“ leave open whether somebody spoke or wrote.  When a *person* is the
speaker, the quote is given as ``speech``: people quoted in the news mostly spoke
(on WikiNews train, persons' open-medium quotes are speech about twice as often as
anything else); bodies, documents and agencies keep the open medium (``None``).
Pure: a function of the quotes and the article's entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from quotable.model import Entity, EntityKind, Medium, Quote


def with_default_media(quotes: Iterable[Quote], entities: Sequence[Entity]) -> list[Quote]:
    """``quotes``, each with an open medium and a person for its speaker given ``speech``."""
    persons = {e.id for e in entities if e.kind is EntityKind.PERSON}
    return [
        attrs.evolve(q, medium=Medium.SPEECH)
        if q.medium is None and q.speaker is not None and q.speaker.entity in persons
        else q
        for q in quotes
    ]
