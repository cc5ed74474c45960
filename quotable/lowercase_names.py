"""Names written in lower case (``data/lowercase_names.txt``: taz, ver.di, dpa …),
tagged as proper nouns before the parse.

A tagger reads lower case as a strong sign of a verb or common noun, so „Die taz
vermutet …“ comes back with „taz“ as a verb and no subject.  :func:`retag` sets
the part of speech of these words to ``PROPN`` (STTS ``NE``) on the tagger's
output, before lemmas and the dependency parse are computed from it.  Pure over
any word objects with ``text``, ``upos``, ``xpos`` and ``feats`` attributes (the
tagger's own words: :mod:`quotable.parsing` calls it).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from quotable import lexicon


@functools.cache
def names() -> frozenset[str]:
    return lexicon.words("lowercase_names.txt")


def retag(words: Iterable[Any]) -> int:
    """Tag the lower-case names among ``words`` as proper nouns; how many were changed."""
    known = names()
    changed = 0
    for word in words:
        if word.text in known and word.upos != "PROPN":
            word.upos, word.xpos, word.feats = "PROPN", "NE", None
            changed += 1
    return changed
