"""Names in a tagged sentence: runs of proper nouns, as the entity stage reads them.

A name is a run of capitalised proper nouns („Wladimir Putin“, „Kim Jong Un“),
with the parts the tagger does not know as names kept together when the run
begins with a known first name („Katrin Göring-Eckardt“, „Ursula von der Leyen“
— surnames it never saw, nobiliary particles), hyphenated parts joined
(„Jong-un“), titles left out („Außenminister Sergej Lawrow“ → Sergej Lawrow,
„US-Präsident“ is no part of a name).  Each run also says how it is used:

* a **modifier** stands before the noun it qualifies — a genitive („Putins
  Berater“, „Mexikos Trainer“) or a place adjective („der Wiener Stadtrat“) —
  and is not the person the phrase refers to;
* a **place** follows a place preposition („in Kairo“, „aus Moskau“).

Pure given the sentence; the first names and their usual grammatical gender are
``quotable/data/first_names.tsv``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from quotable import cues, lexicon, lowercase_names
from quotable.agency_lexicon import cue_table
from quotable.inflection import genitive_lemma
from quotable.syntax import Sentence, Word

_PARTICLES = frozenset("von van de zu di da del dos du la le ten ter bin al el".split())
"""Lower-case name parts between a first name and a surname (Ursula von der Leyen)."""
_ARTICLE_PARTICLES = frozenset({"der", "den"})
"""Allowed only right after von/van: von der Leyen, van den Bergh (not „Fürnkranz der APA“)."""
_NOUN_ENDINGS = ("ismus", "ung", "heit", "keit", "schaft", "tion", "sion", "tät", "nahme")
"""Endings of common nouns the tagger sometimes takes for names (Neonazismus, Expansion)."""
_SURNAME_ENDINGS = ("mann", "manns", "frau")
_FEMININE_NOUN_ENDINGS = ("erin", "istin", "login", "antin", "entin", "ärin", "eurin", "otin", "stin")
_PLACE_PREPOSITIONS = frozenset({"in", "im", "aus", "nach", "nahe", "bei", "gen"})
_GENDERS = {"masc": "Masc", "fem": "Fem", "any": None}


@functools.cache
def first_names() -> dict[str, str | None]:
    """First name → its usual grammatical gender (``Masc``/``Fem``; ``None``: either)."""
    return {name: _GENDERS[gender] for name, gender in lexicon.table("first_names.tsv", 2)}


def first_name_gender(token: str) -> str | None:
    """``Masc``/``Fem`` for a known first name (each part of Hans-Peter counts), else None."""
    names = first_names()
    if token in names:
        return names[token]
    parts = token.split("-")
    return names[parts[0]] if _double_first_name(parts) else None


def is_first_name(token: str) -> bool:
    """A listed first name, or two joined by a hyphen (Hans-Jürgen), not a compound named after
    a person (Max-Planck-Institut)."""
    return token in first_names() or _double_first_name(token.split("-"))


def _double_first_name(parts: list[str]) -> bool:
    return len(parts) == 2 and all(p in first_names() for p in parts)


@attrs.frozen
class NameRun:
    """One name in a sentence: its tokens and where they are."""

    tokens: tuple[str, ...]
    """The name's tokens, hyphenated parts joined, a genitive -s dropped (Putins → Putin)."""
    start: int
    end: int
    words: tuple[Word, ...]
    modifier: bool = False
    """It qualifies a following noun (Putins Berater, der Wiener Stadtrat)."""
    place: bool = False
    """It follows a place preposition (in Kairo)."""

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @property
    def gender(self) -> str | None:
        """The gender its first name says (``Masc``/``Fem``), if the run begins with one."""
        return first_name_gender(self.tokens[0]) if len(self.tokens) > 1 else None


def _capitalised(word: Word) -> bool:
    return word.text[:1].isupper()


def _name_word(word: Word) -> bool:
    """A proper noun that can be part of a name (not a title the tagger took for one, not
    the first half of a truncated compound: „Staats- und Parteichef“)."""
    return (
        word.upos == "PROPN"
        and (_capitalised(word) or lowercase_names.is_name(word.text))  # „taz“, „ndr.de“
        and not word.text.endswith("-")
        and not (word.text.lower().endswith(_NOUN_ENDINGS) and not is_first_name(word.text))
        and not _feminine_noun(word.text)
        and not is_title(word.text)
    )


def is_title(token: str) -> bool:
    """A role noun written before a name (Außenminister, US-Präsident), not a surname that
    merely ends like one (Neumann, Hartmann, Tesch-Hammann)."""
    lower = token.lower()
    return cues.is_role_noun(token) and (
        not lower.endswith(_SURNAME_ENDINGS)
        or lower.endswith(_TITLES_LIKE_SURNAMES)
        or _compound_hauptmann(lower)
    )


_TITLES_LIKE_SURNAMES = ("obmann", "obfrau", "obmanns")
"""Titles that end like a surname („Klubobmann“, „Parteiobfrau“): never a name."""


def _compound_hauptmann(lower: str) -> bool:
    """„Landeshauptmann“, „Bezirkshauptmann“ (the title; „Hauptmann“ alone may be a surname)."""
    return lower.endswith(("hauptmann", "hauptfrau")) and len(lower) > len("hauptmann")


def _feminine_noun(token: str) -> bool:
    """Thüringerin, Estin, Gewässerökologin: a woman named by origin or trade, not a name."""
    return token.endswith(_FEMININE_NOUN_ENDINGS) and not is_first_name(token)


@functools.cache
def places() -> frozenset[str]:
    """Countries, regions, cities and waters as German news writes them (``places.txt``)."""
    return lexicon.words("places.txt")


def is_place(name: str) -> bool:
    """Whether ``name`` (or its genitive: Chinas) is a place of the lexicon."""
    known = places()
    return name in known or (name.endswith("s") and name[:-1] in known)


def _continues(run: list[Word], word: Word, words: Sequence[Word]) -> bool:
    """Whether ``word`` goes on the name ``run``: an unknown surname after a first name,
    a nobiliary particle before one, or a hyphen joining two parts."""
    previous = run[-1]
    if word.start == previous.end and (word.text == "-" or previous.text == "-"):
        return True
    if _name_word(word):
        return True
    # after a first name („Ursula“ in „EU-Kommissionspräsidentin Ursula“) an unknown
    # surname or nobiliary particles go on the name
    first = max((i for i, w in enumerate(run) if is_first_name(w.text)), default=None)
    if first is None:
        return False
    if _capitalised(word) and word.upos in ("NOUN", "X", "ADJ", "PROPN") and not is_title(word.text):
        return not cues.is_organisation(word.text)
    if word.upos == "PROPN" and previous is run[first] and is_title(word.text):
        return True  # „Peter Kaiser“, „Anna Richter“: a title right after a first name is a surname
    particle = word.text in _PARTICLES or (
        word.text in _ARTICLE_PARTICLES and previous.text in ("von", "van")
    )
    if particle and all(w.text in _PARTICLES | _ARTICLE_PARTICLES for w in run[first + 1 :]):
        # Ursula von der Leyen: particles right after the first name lead to a surname
        for w in (w for w in words if w.id > word.id):
            if w.text in _PARTICLES | _ARTICLE_PARTICLES:
                continue
            return _capitalised(w) and w.upos in ("PROPN", "NOUN", "X")
    return False


def name_runs(sentence: Sentence) -> list[NameRun]:
    """Every name in ``sentence``, in order."""
    words = sentence.words
    runs: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        if current and _continues(current, word, words):
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = [word] if _name_word(word) or (is_first_name(word.text) and _capitalised(word)) else []
    if current:
        runs.append(current)
    runs = _with_company_names(words, runs)
    found = []
    for run in (part for whole in runs for part in _split_possessor(whole)):
        if run[-1].text == "-" or any(w.text.endswith("-") for w in run[-1:]):
            continue  # „Staats- und Parteichef“: the first half of a truncated compound
        while run and run[-1].text in _PARTICLES | _ARTICLE_PARTICLES:
            run.pop()
        if len(run) > 1 and run[0].text in cue_table().nouns:
            del run[0]  # „die Agentur AP“ tagged as one name: the agency is AP
        if not run:
            continue
        tokens = _join_tokens(run)
        if not tokens:
            continue
        after = next((w for w in words if w.id == run[-1].id + 1), None)
        before = next((w for w in words if w.id == run[0].id - 1), None)
        if len(run) == 1 and after is not None and _title_adjective(run[0], after):
            continue  # „Erster Bürgermeister“, „Regierender Bürgermeister“: part of the title
        # a place's genitive before a noun or name qualifies it, whatever the parse made of
        # it: „Sachsens Ministerpräsident“, „Chinas Xi“
        # … and after a role or body: „der Präsident Frankreichs“, „die Regierung Perus“
        modifier = _modifies(sentence, run[-1], tokens[-1], after) or (
            _genitive_place(run[-1].text)
            and (
                (after is not None and after.upos in ("NOUN", "PROPN"))
                or (len(run) == 1 and before is not None and _holder(before))
            )
        )
        if modifier:
            tokens[-1] = _strip_genitive(run[-1], tokens[-1])
        elif before is not None and before.text.lower() in ("des", "eines") and tokens[-1] == run[-1].text:
            # „des Robert Koch-Instituts“ → Robert Koch-Institut, by the lemma alone
            # (so „des Konzerns Siemens“ keeps its s)
            tokens[-1] = genitive_lemma(run[-1]) or tokens[-1]
        place = before is not None and before.text.lower() in _PLACE_PREPOSITIONS and before.upos == "ADP"
        found.append(NameRun(tuple(tokens), run[0].start, run[-1].end, tuple(run), modifier, place))
    return found


_LEGAL_FORMS = frozenset({"AG", "GmbH", "SE", "KG", "OHG", "KGaA", "eG", "Ltd", "Inc", "plc", "SA"})
"""Company forms that end a name: what stands before them is the name."""


def _with_company_names(words: Sequence[Word], runs: list[list[Word]]) -> list[list[Word]]:
    """„die Großglockner Hochalpenstraßen AG“: a run that ends with a company form takes
    the capitalised words before it, up to the article, and the runs among them."""
    out: list[list[Word]] = []
    for run in runs:
        whole = _with_company_name(words, run) if run[-1].text in _LEGAL_FORMS else run
        while out and out[-1][-1].id >= whole[0].id:
            out.pop()
        out.append(whole)
    return out


def _with_company_name(words: Sequence[Word], run: list[Word]) -> list[Word]:
    """``run`` with the capitalised nouns, names and adjectives right before it."""
    start = run[0].id - 1
    while (
        start > 0
        and words[start - 1].upos in ("NOUN", "PROPN", "ADJ", "X")
        and _capitalised(words[start - 1])
    ):
        start -= 1
    return [*words[start : run[0].id - 1], *run]


_ADJECTIVE_ENDINGS = ("er", "e", "es", "en", "em")


def _title_adjective(word: Word, after: Word) -> bool:
    """A capitalised adjective of a title the tagger took for a name, right before the
    title's noun: „Erster | Bürgermeister“, „Regierender | Bürgermeister“."""
    return (
        is_title(after.text)
        and word.text.endswith(_ADJECTIVE_ENDINGS)
        and not is_first_name(word.text)
        and not is_place(word.text)
    )


def _holder(word: Word) -> bool:
    """A role or a body a country's genitive may follow („Präsident“, „Regierung“), not a
    source („nach Auffassung Österreichs“ is Austria's)."""
    return word.upos == "NOUN" and (cues.is_role_noun(word.text) or cues.is_organisation(word.text))


def _genitive_place(token: str) -> bool:
    """Chinas, Nordkoreas, Mexikos (but Paris is a place itself)."""
    return token.endswith("s") and token[:-1] in places() and token not in places()


def _split_possessor(run: list[Word]) -> list[list[Word]]:
    """„Nordkoreas Kim“, „Chinas Präsident Xi“: a genitive place before a name is a run of its own."""
    for i, word in enumerate(run[:-1]):
        if _genitive_place(word.text):
            return [run[: i + 1], *_split_possessor(run[i + 1 :])]
    return [run]


def _modifies(sentence: Sentence, last: Word, token: str, after: Word | None) -> bool:
    """Whether the name ending in ``last`` qualifies a noun (Putins Berater) rather than naming
    the phrase's referent: the parse says so, or, unparsed, a genitive or -er form stands
    right before a common noun."""
    if last.deprel in ("nmod:poss", "det:poss", "amod"):
        return True
    if after is None or after.upos != "NOUN" or not _capitalised(after):
        return False
    if sentence.parsed:
        return last.head == after.id
    return token.endswith(("s", "’", "'", "er"))


def _strip_genitive(word: Word, token: str) -> str:
    """Putins → Putin, Mexikos → Mexiko, Trump’ → Trump; other modifiers stay as they are."""
    if token.endswith(("’", "'")):
        return token[:-1]
    if token.endswith("s") and len(token) > 3 and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def _join_tokens(run: Sequence[Word]) -> list[str]:
    """Token texts of a name, parts glued by a hyphen joined into one token."""
    tokens: list[str] = []
    previous_end = -2
    for w in run:
        if tokens and w.start == previous_end and (w.text == "-" or tokens[-1].endswith("-")):
            tokens[-1] += w.text
        else:
            tokens.append(w.text)
        previous_end = w.end
    while tokens and tokens[-1].endswith("-"):
        tokens[-1] = tokens[-1][:-1]
    while tokens and is_title(tokens[0]):
        tokens.pop(0)  # „US-Präsident Donald Trump“: the title glued to the name
    return [t for t in tokens if t]
