"""Names written in lower case (``data/lowercase_names.txt``: taz, ver.di, dpa …),
tagged as proper nouns before the parse.

A tagger reads lower case as a strong sign of a verb or common noun, so „Die taz
vermutet …“ comes back with „taz“ as a verb and no subject.  :func:`retag` sets
the part of speech of these words, and of web addresses („ndr.de“) and Arabic names
with their article („al-Dschasira“), to ``PROPN`` (STTS ``NE``) on the tagger's
output, before lemmas and the dependency parse are computed from it.  Pure over
any word objects with ``text``, ``upos``, ``xpos`` and ``feats`` attributes (the
tagger's own words: :mod:`quotable.parsing` calls it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from quotable import lexicon


@functools.cache
def names() -> frozenset[str]:
    return lexicon.words("lowercase_names.txt")


_WEB_ADDRESS = r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}"
_ARABIC_ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az)-[A-ZÄÖÜ]\w+"
_SHAPED = re.compile(f"{_WEB_ADDRESS}|{_ARABIC_ARTICLE}")
"""Names whose shape says so: a web address („ndr.de“, „tagesschau.de“) and an Arabic
name with its article („al-Dschasira“, „el-Baradei“)."""


def is_web_address(form: str) -> bool:
    """„ndr.de“, „tagesschau.de“: a site, which names a medium, never a person."""
    return re.fullmatch(_WEB_ADDRESS, form) is not None


def is_name(form: str) -> bool:
    """Whether ``form`` is a name written in lower case: listed, or shaped like one."""
    return form in names() or _SHAPED.fullmatch(form) is not None


def retag(words: Iterable[Any]) -> int:
    """Tag the lower-case names among ``words`` as proper nouns; how many were changed."""
    known = names()
    changed = 0
    for word in words:
        if (word.text in known or _SHAPED.fullmatch(word.text)) and word.upos != "PROPN":
            word.upos, word.xpos, word.feats = "PROPN", "NE", None
            changed += 1
    return changed
