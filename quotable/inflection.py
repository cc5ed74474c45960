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

import functools
from collections.abc import Sequence

from quotable import lexicon
from quotable.syntax import Sentence, Word

_WEAK_ENDINGS = ("en", "em", "er", "es", "e")
_GENDERS = {"masc": "Masc", "fem": "Fem", "neut": "Neut"}


@functools.cache
def _endings() -> tuple[tuple[str, str], ...]:
    """``noun_genders.tsv``: (ending, gender), longest ending first."""
    rows = [(ending.lower(), _GENDERS[gender]) for ending, gender in lexicon.table("noun_genders.tsv", 2)]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def noun_gender(noun: Word) -> str | None:
    """The gender of a noun by its ending (``noun_genders.tsv``), else the tagger's."""
    lower = noun.text.lower()
    for stem in (
        lower,
        lower[:-2] if lower.endswith("es") else lower,
        lower[:-1] if lower.endswith("s") else lower,
    ):
        for ending, gender in _endings():
            if stem.endswith(ending):
                return gender
    return noun.feat("Gender")


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
    gender = noun_gender(head)
    ending = "e" if plural else _STRONG.get(gender or "")
    if ending is None:
        return texts
    out = [_strong(w.text, ending) for w in words[:head_at]]
    out.append(_nominative_noun(head, plural, gender))
    return out + texts[head_at + 1 :]


def _strong(adjective: str, ending: str) -> str:
    for weak in _WEAK_ENDINGS:
        if adjective.endswith(weak) and len(adjective) > len(weak) + 2:
            return adjective[: -len(weak)] + ending
    return adjective


def nominative_noun(noun: Word) -> str:
    """A noun after a genitive article in its nominative („des Schulministeriums“ →
    „Schulministerium“)."""
    return _nominative_noun(noun, noun.feat("Number") == "Plur", noun_gender(noun))


def genitive_lemma(noun: Word) -> str | None:
    """The lemma of a form that is the lemma with a genitive -s/-es („Instituts“ →
    „Institut“); None when the form is not („Siemens“, whose lemma is itself)."""
    lemma, form = noun.lemma, noun.text
    return lemma if lemma and form in (lemma + "s", lemma + "es") else None


def _nominative_noun(noun: Word, plural: bool, gender: str | None) -> str:
    """A masculine or neuter genitive without its -s/-es (Bundesamts, Wetterdienstes)."""
    form = noun.text
    if plural or gender == "Fem" or not form.endswith("s"):
        return form
    lemma = genitive_lemma(noun)
    if lemma is not None:
        return lemma
    for stem in (form[:-2], form[:-1]):  # a genitive of a listed ending: Bundesamts, Wetterdienstes
        if any(stem.lower().endswith(ending) for ending, _ in _endings()):
            return stem
    if noun.feat("Case") == "Gen":
        return form[:-2] if form.endswith(("ses", "tes", "des")) and len(form) > 5 else form[:-1]
    return form


def citation_tokens(tokens: Sequence[str]) -> list[str]:
    """:func:`citation_form` for untagged words (an acronym's owner read from the text):
    only when the last word's gender is known by its ending and every word before it
    ends as an adjective does („Deutsche Wetterdienst“ → „Deutscher Wetterdienst“)."""
    if len(tokens) < 2:
        return list(tokens)
    head = tokens[-1].lower()
    gender = next((g for ending, g in _endings() if head.endswith(ending)), None)
    adjectives = tokens[:-1]
    if gender is None or not all(t[:1].isupper() and t.endswith(_WEAK_ENDINGS) for t in adjectives):
        return list(tokens)
    return [*(_strong(t, _STRONG[gender]) for t in adjectives), tokens[-1]]


def dative_article(sentence: Sentence, noun: Word) -> bool:
    """„dem Gericht“, „einem Sender“, „den Mitarbeitern“: an article that is only dative
    here (the tagger's case is not reliable); „den“ only before a plural."""
    for c in sentence.children(noun):
        if c.deprel != "det":
            continue
        article = c.text.lower()
        if article in ("dem", "einem", "diesem") or (article == "den" and noun.feat("Number") == "Plur"):
            return True
    return False


def bare_dative(sentence: Sentence, noun: Word) -> bool:
    """A dative noun phrase with no preposition: an object, never a noun's attribute."""
    return dative_article(sentence, noun) and not any(c.deprel == "case" for c in sentence.children(noun))
