"""The cue lexicons: which words mark speech, and how (pure lookups over data files).

Language knowledge lives in ``quotable/data`` (``cue_verbs.tsv``,
``cue_nouns.tsv``, ``cue_words.tsv``, ``source_nouns.txt``, ``role_nouns.txt``);
this module loads each file once and answers questions about single words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TypeVar

import attrs

from quotable import lexicon
from quotable.model import Medium

_MEDIA = {"speech": Medium.SPEECH, "writing": Medium.WRITING, "thought": Medium.THOUGHT, "any": None}


@attrs.frozen
class VerbCue:
    """A speech, writing or thought verb and the constructions it licenses."""

    lemma: str
    medium: Medium | None
    direct: bool
    """Introduces a direct quote."""
    clause: bool
    """Takes a dass/ob or verb-second clause (indirect speech)."""
    infinitive: bool
    """Takes a zu-infinitive (forderte ihn auf, zurückzutreten)."""
    reported: bool
    """Reports a speech act through a noun-phrase object."""
    seldom_reported: bool = False
    """Such an act is seldom a statement (kritisierte den Plan): rule ``reported.weak``."""


@attrs.frozen
class WordCue:
    """A non-verbal cue: laut, zufolge, nach (Angaben), so, demnach."""

    word: str
    kind: str
    """``prep``, ``postp``, ``source``, ``so`` or ``anaphor`` (see data/cue_words.tsv)."""


@functools.cache
def _verbs() -> dict[str, VerbCue]:
    verbs = {}
    for lemma, medium, uses in lexicon.table("cue_verbs.tsv", 3):
        verbs[lemma.lower()] = VerbCue(
            lemma=lemma,
            medium=_MEDIA[medium],
            direct="d" in uses,
            clause="i" in uses,
            infinitive="z" in uses,
            reported="r" in uses or "w" in uses,
            seldom_reported="w" in uses,
        )
    return _with_swiss_spelling(verbs)


_T = TypeVar("_T")


def _with_swiss_spelling(table: dict[str, _T]) -> dict[str, _T]:
    """``table`` with every key that has „ß“ also spelt with „ss“, as Swiss German writes
    it (begrüsste, äusserte, heisst es): the same entry under both spellings."""
    swiss = {key.replace("ß", "ss"): value for key, value in table.items() if "ß" in key}
    return {**swiss, **table}


@functools.cache
def _nouns() -> dict[str, Medium | None]:
    nouns = {lemma.lower(): _MEDIA[medium] for lemma, medium in lexicon.table("cue_nouns.tsv", 2)}
    return _with_swiss_spelling(nouns)


@functools.cache
def _words() -> dict[str, WordCue]:
    return {word: WordCue(word, kind) for word, kind, _ in lexicon.table("cue_words.tsv", 3)}


def verb(lemma: str) -> VerbCue | None:
    """The cue entry for a verb lemma (particle verbs joined: ``mitteilen``), if any."""
    return _verbs().get(lemma.lower())


# Separable particles stand apart in main clauses (teilte … mit) and carry „ge“/„zu“
# inside (mitgeteilt, mitzuteilen); inseparable prefixes take no „ge“ (erklärt, unterstrichen).
_SEPARABLE = (
    "zusammen",
    "zurück",
    "heraus",
    "herein",
    "hervor",
    "voraus",
    "weiter",
    "wieder",
    "bekannt",
    "deutlich",
    "hinzu",
    "nahe",
    "fest",
    "fort",
    "klar",
    "kund",
    "dar",
    "ein",
    "aus",
    "auf",
    "mit",
    "nach",
    "vor",
    "weg",
    "bei",
    "her",
    "hin",
    "los",
    "ab",
    "an",
    "zu",
)
SEPARABLE_PARTICLES = frozenset(_SEPARABLE)
_INSEPARABLE = ("wider", "unter", "über", "hinter", "miss", "emp", "ent", "zer", "ver", "be", "er", "ge")


def _split_verb(lemma: str) -> tuple[str, str, str]:
    """(separable particle, inseparable prefix, base verb) of a lemma."""
    particle = next((p for p in _SEPARABLE if lemma.startswith(p) and len(lemma) - len(p) >= 4), "")
    if lemma[len(particle) : len(particle) + 2] == "ig":
        particle = ""  # einigen, not ein|igen
    rest = lemma[len(particle) :]
    strong = _strong()
    if rest in strong or any(rest == pre + base for base in strong for pre in ("",)):
        return particle, "", rest
    prefix = next(
        (
            p
            for p in _INSEPARABLE
            if rest.startswith(p) and len(rest) - len(p) >= 4 and rest[len(p) :] in strong
        ),
        "",
    )
    if not prefix:
        prefix = next((p for p in _INSEPARABLE if rest.startswith(p) and len(rest) - len(p) >= 5), "")
    return particle, prefix, rest[len(prefix) :]


@functools.cache
def _strong() -> dict[str, tuple[str, ...]]:
    return {row[0]: row[1:] for row in lexicon.table("strong_verbs.tsv", 3, 4)}


def _base_forms(base: str, with_ge: bool) -> set[str]:
    """Finite forms and the participle of a base verb (weak or from the strong table)."""
    stem = base[:-2] if base.endswith("en") else base[:-1]
    # an e before the ending after t/d, and after m/n that follow a consonant other than
    # l, r, a lengthening h or the same letter (atmete, ordnete, zeichnete; but warnte,
    # lehnte, nennt, stimmte)
    before = stem[-2:-1]
    cluster = stem.endswith(("m", "n")) and (
        (before not in "aeiouärlh" and before != stem[-1:]) or stem[-3:-1] == "ch"
    )
    e = "e" if stem.endswith(("t", "d")) or cluster else ""
    forms = {base, stem + "e", stem + e + "st", stem + e + "t", stem + "en", stem + e + "t"}
    strong = _strong().get(base)
    if strong is None:
        past = stem + e + "te"
        forms |= {
            past,
            past + "st",
            past + "n",
            past + "t",
            stem + e + "test",
            stem + e + "ten",
            stem + e + "tet",
        }
        participle = stem + e + "t"
        forms.add(("ge" + participle) if with_ge and not base.endswith("ieren") else participle)
    else:
        past, participle, *third = strong
        forms |= {past, past + "st", past + "en", past + "t", past + "n"}
        forms |= set(third)
        forms.add(participle if with_ge else participle.removeprefix("ge"))
    return forms


@functools.cache
def _forms() -> dict[str, str]:
    """Inflected form → lemma for every cue verb: what the lemmatiser may get wrong."""
    forms: dict[str, str] = {}
    for lemma in _verbs():
        particle, prefix, base = _split_verb(lemma)
        if not base.endswith("n"):
            continue
        bare = _base_forms(base, with_ge=not prefix)
        for form in bare:
            if particle:
                forms.setdefault(particle + prefix + form, lemma)  # mitteilte, hinzugefügt
                forms.setdefault(prefix + form, prefix + base)  # teilte (… mit): joined later
            else:
                forms.setdefault(prefix + form, lemma)
        if particle:
            forms.setdefault(particle + "zu" + prefix + base, lemma)  # mitzuteilen
    return _with_swiss_spelling(forms)  # „hiess“ of a strong verb's „hieß“ too


@functools.cache
def _phrases() -> dict[str, dict[str, VerbCue]]:
    phrases: dict[str, dict[str, VerbCue]] = {}
    for verb_lemma_, word, medium, uses in lexicon.table("cue_phrases.tsv", 4):
        phrases.setdefault(verb_lemma_, {})[word.lower()] = VerbCue(
            lemma=f"{word} {verb_lemma_}",
            medium=_MEDIA[medium],
            direct="d" in uses,
            clause="i" in uses,
            infinitive="z" in uses,
            reported="r" in uses,
        )
    return phrases


def phrase(verb_lemma_: str, dependents: Iterable[str]) -> VerbCue | None:
    """The cue of a verb phrase such as „zum Ausdruck bringen“, given the verb's lemma
    and the lemmas of its dependents, or None."""
    entries = _phrases().get(verb_lemma_.lower())
    if not entries:
        return None
    for dependent in dependents:
        entry = entries.get(dependent.lower())
        if entry is not None:
            return entry
    return None


def form_lemma(form: str) -> str | None:
    """The cue lemma a word form belongs to on its own (entgegnete → entgegnen), if any."""
    lemma = _forms().get(form.lower())
    return lemma if lemma is not None and lemma in _verbs() else None


def verb_lemma(form: str, lemma: str, particles: tuple[str, ...] = ()) -> str | None:
    """The cue lemma of a verb given its form, the lemmatiser's lemma and any separated
    particles (``("mit",)`` for „teilte … mit“), or None if it is not a cue verb."""
    candidates = [lemma.lower()]
    from_form = _forms().get(form.lower())
    if from_form is not None:
        candidates.append(from_form)
    for candidate in candidates:
        for particle in particles:
            joined = candidate if candidate.startswith(particle) else particle + candidate
            if joined in _verbs():
                return joined
    # a word taken for a particle may be an adverb („schrieb weiter“): the verb alone
    for candidate in candidates:
        if candidate in _verbs() and not (particles and _split_verb(candidate)[0]):
            return candidate
    return None


def noun(lemma: str) -> tuple[bool, Medium | None]:
    """(whether the noun names a statement, its medium)."""
    nouns = _nouns()
    key = lemma.lower()
    return (key in nouns, nouns.get(key))


def noun_medium(form: str) -> Medium | None:
    """The medium a statement noun tells, also at the end of a compound („Expertenmeinung“
    → thought, as „Meinung“; parts of five letters or more)."""
    nouns = _nouns()
    lower = form.lower()
    for start in range(len(lower) - 4):
        if lower[start:] in nouns:
            return nouns[lower[start:]]
    return None


def word(form: str) -> WordCue | None:
    """The non-verbal cue spelled ``form`` (any case), if any."""
    return _words().get(form.lower())


def is_source_noun(form: str) -> bool:
    """Angaben, Polizeiangaben, Medienberichten, Sicht …: a noun naming a source."""
    return lexicon.compound_match(form, "source_nouns.txt")


def is_audience(form: str) -> bool:
    """Journalisten, Reportern, Delegierten …: people spoken to „vor“ (sagte vor Journalisten)."""
    return lexicon.compound_match(form, "audiences.txt")


def is_written_source(form: str) -> bool:
    """Bericht, Studie, Zeitung, Abschlussbericht …: a noun naming a written source."""
    return lexicon.compound_match(form, "written_sources.txt")


_FEMININE = ("innen", "in")


def is_organisation(form: str) -> bool:
    """Regierung, Ministerium, Polizei, Gericht, Partei …: a body that can make statements."""
    lower = form.lower().replace("-", "")
    if lexicon.compound_match(lower, "organisation_nouns.txt"):
        return True
    return any(
        lower.endswith(e) and lexicon.compound_match(lower[: -len(e)], "organisation_nouns.txt")
        for e in ("en", "n", "s", "es", "e")
    )


def is_speaker_noun(form: str) -> bool:
    """A noun for a person's role or for a body (Präsident, Kritiker, Regierung): who can speak."""
    return is_role_noun(form) or is_organisation(form)


def is_role_noun(form: str) -> bool:
    """Präsident, Kremlchef, Kanzlerin, Regierungssprecher …: a noun for a person's role."""
    lower = form.lower().replace("-", "")
    if lexicon.compound_match(lower, "role_nouns.txt"):  # but a given name is none: Hermann, Nursultan
        given = form.rsplit("-", 1)[-1].lower() in _given_names()  # Hans-Hermann
        return lower in lexicon.words("role_nouns.txt") or not given
    for ending in (*_FEMININE, "en", "n", "e", "s"):
        if lower.endswith(ending) and lexicon.compound_match(lower[: -len(ending)], "role_nouns.txt"):
            return True
    for ending in _FEMININE:  # Anwältin, Stadträtin, Ärztin: the feminine takes an umlaut
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and lexicon.compound_match(_without_last_umlaut(stem), "role_nouns.txt"):
            return True
    return False


@functools.cache
def _given_names() -> frozenset[str]:
    """``first_names.tsv`` in lower case (a hyphenated name's last part is looked up)."""
    return frozenset(row[0].lower() for row in lexicon.table("first_names.tsv", 2))


def _without_last_umlaut(word: str) -> str:
    for umlaut, vowel in (("ä", "a"), ("ö", "o"), ("ü", "u")):
        i = word.rfind(umlaut)
        if i >= 0 and word.rfind("ä") <= i and word.rfind("ö") <= i and word.rfind("ü") <= i:
            return word[:i] + vowel + word[i + 1 :]
    return word


@functools.cache
def _separated_forms() -> dict[str, frozenset[str]]:
    """Forms of a particle verb's base („teilte“ of mitteilen) → the particles they need."""
    needs: dict[str, set[str]] = {}
    for lemma in _verbs():
        particle, prefix, base = _split_verb(lemma)
        if particle and base.endswith("n"):
            for form in _base_forms(base, with_ge=not prefix):
                needs.setdefault(prefix + form, set()).add(particle)
    return {form: frozenset(p) for form, p in needs.items()}


@functools.cache
def _cue_vocabulary() -> frozenset[str]:
    """Every word form that can make a sentence speech on its own: verb forms, nouns,
    source words (a particle verb's separated base form needs its particle too)."""
    separated = _separated_forms()
    words = {form for form, lemma in _forms().items() if form not in separated or lemma in _verbs()}
    words |= set(_verbs())
    words |= {lemma.lower() for lemma in _nouns()}
    words |= {form + ending for form in _nouns() for ending in ("en", "n", "e", "s")}
    words |= {w for w in _words() if w not in ("so", "nach", "danach")}
    for entries in _phrases().values():
        words |= set(entries)
    return frozenset(words)


def may_cue(words: Iterable[str]) -> bool:
    """Whether these words (of one sentence, any case) may hold a cue: a cue verb form
    (a separated base form only with its particle: „teilte … mit“), a statement or
    source noun, a source word.  Used to decide which sentences to parse."""
    lower = [w.lower() for w in words]
    present = set(lower)
    vocabulary = _cue_vocabulary()
    separated = _separated_forms()
    for w in lower:
        if w in vocabulary or is_source_noun(w):
            return True
        particles = separated.get(w)
        if particles and particles & present:
            return True
    return False
