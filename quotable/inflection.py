"""The citation form of a name read in some case: „des Statistischen Bundesamts“ →
„Statistisches Bundesamt“, „dem Deutschen Wetterdienst“ → „Deutscher Wetterdienst“,
„das Auswärtige Amt“ → „Auswärtiges Amt“.

German names of bodies are an adjective or two and a noun; an article before them
makes the adjectives weak (-e, -en) and a genitive adds -s or -es to a masculine or
neuter noun.  The citation form is the strong nominative singular: the adjective ends
as the noun's gender asks (-er, -es, -e; -e in the plural), the noun as its lemma.
Pure: it reads only the words' tags (gender, number, case, lemma).
"""

from __future__ import annotations

from collections.abc import Sequence

from quotable.syntax import Word

_WEAK_ENDINGS = ("en", "em", "er", "es", "e")
_STRONG = {"Masc": "er", "Neut": "es", "Fem": "e"}


def citation_form(words: Sequence[Word]) -> list[str]:
    """The words of a name (no article) in their citation form; unchanged unless they are
    capitalised adjectives and a noun of known gender („Deutschen Wetterdienstes“)."""
    texts = [w.text for w in words]
    head_at = next((i for i, w in enumerate(words) if w.upos in ("NOUN", "PROPN")), None)
    if not head_at or not all(w.upos == "ADJ" and w.text[:1].isupper() for w in words[:head_at]):
        return texts
    head = words[head_at]
    plural = head.feat("Number") == "Plur"
    ending = "e" if plural else _STRONG.get(head.feat("Gender") or "")
    if ending is None:
        return texts
    out = [_strong(w.text, ending) for w in words[:head_at]]
    out.append(_nominative_noun(head, plural))
    return out + texts[head_at + 1 :]


def _strong(adjective: str, ending: str) -> str:
    for weak in _WEAK_ENDINGS:
        if adjective.endswith(weak) and len(adjective) > len(weak) + 2:
            return adjective[: -len(weak)] + ending
    return adjective


def _nominative_noun(noun: Word, plural: bool) -> str:
    """A masculine or neuter genitive without its -s/-es (Bundesamts, Wetterdienstes)."""
    form = noun.text
    if plural or noun.feat("Gender") == "Fem" or not form.endswith("s"):
        return form
    lemma = noun.lemma
    if lemma and lemma != form and form.startswith(lemma) and form[len(lemma) :] in ("s", "es"):
        return lemma
    if noun.feat("Case") == "Gen":
        return form[:-2] if form.endswith(("ses", "tes", "des")) and len(form) > 5 else form[:-1]
    return form
