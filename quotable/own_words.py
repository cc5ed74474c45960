"""Rule 6 of :mod:`quotable.coref`: a speaker mention that is no name, pronoun, role
noun or organisation noun of another entity names an entity by its own words —
without its article, a source noun („Angaben der Polizei“ → Polizei), a place after
it or an acronym in brackets, in its citation form („des Statistischen Bundesamts“ →
„Statistisches Bundesamt“).  A singular role noun at its head makes it a person the
article does not name („Eine Polizeisprecherin sagte …“), whom a later pronoun takes up.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from quotable import cues
from quotable.entities import Candidate, Table
from quotable.inflection import citation_form, nominative_noun
from quotable.model import EntityKind, Speaker
from quotable.syntax import Word

ARTICLES = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen"}
)
_PLACE_TAIL = regex.compile(r"\s+(?:in|im|aus|von|vom)\s+\p{Lu}.*$")
_LEADING_DATELINE = regex.compile(r"^\p{Lu}[\p{L}.\-]+(?:\s\([^()]{1,40}\))?\s[–—-]\s")
_BRACKETS = regex.compile(r"\s*\([^()]*\)\s*$")


def own_words(text: str) -> str:
    """„Angaben der Polizei in Wien“ → „Polizei“: no article, source noun or place after it."""
    words = _LEADING_DATELINE.sub("", text).split()
    while words and words[0].lower() in ARTICLES:
        words.pop(0)
    if len(words) > 2 and cues.is_source_noun(words[0]) and words[1].lower() in ARTICLES | {"von", "vom"}:
        words = words[2:]
    return _BRACKETS.sub("", _PLACE_TAIL.sub("", " ".join(words)))


def by_own_words(table: Table, speaker: Speaker, words: Sequence[Word] = ()) -> Candidate | None:
    name = own_words(speaker.text)
    if not name:
        return None
    tokens = _citation_tokens(name.split(), words)
    found = table.for_name(tokens, speaker.start)
    if found is None or (
        found.kind is EntityKind.PERSON and len(tokens) == 1 and tokens[0] != found.tokens[-1]
    ):
        found = table.add(_own_kind(tokens, words), tokens)
        if found.kind is EntityKind.PERSON:
            # „Eine Polizeisprecherin sagte …“: a person the article does not name, whom a
            # later „sie“ may take up
            head = head_word(list(words))
            found.gender = "Fem" if head.text.endswith("in") else head.feat("Gender")
    elif found.kind is EntityKind.PLACE:
        found.kind = EntityKind.ORGANISATION
    return found


def _own_kind(tokens: Sequence[str], words: Sequence[Word]) -> EntityKind:
    """An entity named by its own words is one person by a singular role noun at its head
    („Eine Polizeisprecherin“, „Ein Sprecher des Ministeriums“), else a body by an
    organisation noun, else other."""
    head = head_word(list(words)) if words else None
    if head is not None and cues.is_role_noun(head.text) and head.feat("Number") != "Plur":
        return EntityKind.PERSON
    if cues.is_organisation(tokens[-1]):
        return EntityKind.ORGANISATION
    return EntityKind.OTHER


def _citation_tokens(tokens: list[str], words: Sequence[Word]) -> list[str]:
    """``tokens`` in their citation form (:mod:`quotable.inflection`) when they are a run of
    the mention's ``words``: „Statistischen Bundesamts“ → „Statistisches Bundesamt“."""
    texts = [w.text for w in words]
    n = len(tokens)
    for i in range(len(texts) - n + 1):
        if texts[i : i + n] == tokens:
            run = words[i : i + n]
            out = citation_form(run)
            last = run[-1]
            if out == tokens and last.upos in ("NOUN", "PROPN"):
                if last.text.endswith("kreisen"):  # „aus Regierungskreisen“ → Regierungskreise
                    out[-1] = last.text[:-1]
                elif i > 0 and words[i - 1].text.lower() in _GENITIVE_ARTICLES:
                    out[-1] = nominative_noun(last)
            return out
    return tokens


_GENITIVE_ARTICLES = frozenset({"des", "eines"})


def head_word(words: list[Word]) -> Word:
    ids = {w.id for w in words}
    for w in words:
        if w.head not in ids:
            return w
    return words[0]


_QUOTED_NAME = regex.compile(r"^(?:\p{Ll}+\s+)?[„»«\"](?P<name>[^„“»«\"]{1,60})[“«»\"]$")
"""A mention that is a quoted name, with at most an article before it."""


def quoted_name(text: str) -> list[str] | None:
    """The words of the name in marks that a mention is („„heise online““, „die „Aktion
    Deutschland hilft““), if it is one of at most six words."""
    match = _QUOTED_NAME.match(text)
    if match is None:
        return None
    tokens = match.group("name").split()
    return tokens if 1 <= len(tokens) <= 6 else None
