"""The entities of an article: who and what it names, each under its fullest name.

Built once per article from its tagged sentences and agencies, before any
speaker is named (:func:`collect`), then consulted and extended by
:mod:`quotable.coref` as it resolves each speaker mention:

* every **name** (:mod:`quotable.names`) joins the entity whose fullest name it
  is part of — „Putin“ and „Wladimir Putin“, „Kim“ and „Kim Jong Un“ (the most
  recently named one when two could be meant: „Kim“ after „Kim Yo Jong“);
* an **acronym** in brackets after a name is an alias of it
  („Deutsche Krankenhausgesellschaft (DKG)“);
* a **title or apposition** is an alias of the person it names
  („Außenminister Sergej Lawrow“, „Juri Uschakow, Putins außenpolitischer Berater“),
  and says the person's grammatical gender when it is feminine (-in);
* each **agency** of :mod:`quotable.agencies` is an entity of kind ``agency``;
* a name only ever used as a place („in Kairo“) or in the dateline is a place,
  which no pronoun or role noun may resolve to.

Gender is the grammatical gender the text uses: the first name's usual gender,
a feminine title, or the agreement of a pronoun that was resolved to it.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs
import regex

from quotable import cues, lowercase_names
from quotable.inflection import citation_tokens
from quotable.model import AgencyMention, AgencyRole, Entity, EntityKind, Gender, Mention, Span
from quotable.names import NameRun, first_name_gender, is_first_name, is_place, name_runs
from quotable.notable import notable_canonical, notable_name
from quotable.syntax import Parse, Sentence, Word

_ACRONYM = regex.compile(r"\((\p{Lu}[\p{Lu}\d&-]{1,9})\)")
_GENDER = {"Masc": Gender.MASC, "Fem": Gender.FEM}
_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den"})
_NAME_GLUE = frozenset({"der", "des", "für", "und", "von"})
_CAPITAL_ARTICLES = frozenset({"Der", "Die", "Das", "Den", "Dem", "Des"})
_SENTENCE_BREAK = regex.compile(r"[.!?:;,]\s+|\n|\s[–—-]\s")
_NOT_IN_A_NAME = frozenset("laut nach wie bei mit von vom für gegen auch so seit gemäß zufolge".split())
"""Capitalised at the start of a sentence before a body's name („Laut Arbeitsmarktservice (AMS)“)."""
"""Lower-case words inside an organisation's name: Bundesverband der Deutschen Industrie."""
_PARTY = regex.compile(r"\s\((\p{Lu}[\p{Lu}\p{Ll}/ü-]{1,12})\)")
"""A party after a name: „Alexander Dobrindt (CSU)“ makes him „der CSU-Politiker“."""


@attrs.define(eq=False)
class Candidate:
    """An entity while the article is read: mutable, turned into an :class:`Entity` at the end."""

    kind: EntityKind
    tokens: tuple[str, ...]
    gender: str | None = None
    aliases: list[str] = attrs.Factory(list)
    roles: list[str] = attrs.Factory(list)
    """Role nouns the article gives it (lower case): „außenminister“, „berater“."""
    mentions: list[Span] = attrs.Factory(list)
    places_only: bool = True
    """Every name mention so far was a place (in Kairo) or a dateline."""

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    def mentioned_before(self, offset: int) -> int:
        """The start of its last mention before ``offset`` (-1: none)."""
        return max((s.start for s in self.mentions if s.start < offset), default=-1)

    def add_mention(self, span: Span, alias: str | None = None) -> None:
        if span not in self.mentions:
            self.mentions.append(span)
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def known_only_as_another_role(self, noun: str) -> bool:
        """Whether the article names it by nothing but a role noun, and not by ``noun``'s."""
        only = len(self.tokens) == 1 and cues.is_role_noun(self.tokens[0])
        return only and not role_stem(self.tokens[0].lower()).endswith(role_stem(noun))

    def agrees(self, gender: str | None) -> bool:
        return gender is None or self.gender is None or self.gender == gender


@attrs.define(eq=False)
class Table:
    """The article's entities, in the order they were found."""

    text: str
    candidates: list[Candidate] = attrs.Factory(list)
    names: dict[int, list[NameRun]] = attrs.Factory(dict)
    """The names of each sentence, by the sentence's start offset (found once, in :func:`collect`)."""

    def names_in(self, sentence: Sentence) -> list[NameRun]:
        """The names of ``sentence`` (:func:`quotable.names.name_runs`, computed once)."""
        if sentence.start not in self.names:
            self.names[sentence.start] = name_runs(sentence)
        return self.names[sentence.start]

    def add(self, kind: EntityKind, tokens: Sequence[str], gender: str | None = None) -> Candidate:
        candidate = Candidate(kind, tuple(tokens), gender)
        self.candidates.append(candidate)
        return candidate

    def for_name(self, tokens: Sequence[str], offset: int) -> Candidate | None:
        """The entity whose name holds ``tokens`` at its start or end (or as an alias), the
        most recently mentioned before ``offset`` first, then the first named after it."""
        wanted = tuple(tokens)
        n = len(wanted)
        matches = [
            c
            for c in self.candidates
            if c.tokens[:n] == wanted
            or c.tokens[-n:] == wanted
            or " ".join(wanted) in c.aliases
            or (c.kind is EntityKind.PERSON and n == 1 and wanted[0] in _surnames_of(c.tokens))
        ]
        if not matches:
            return None
        before = [c for c in matches if c.mentioned_before(offset) >= 0]
        if before:
            return max(before, key=lambda c: (c.mentioned_before(offset), len(c.tokens)))
        return max(matches, key=lambda c: len(c.tokens))

    def with_role(self, noun: str, offset: int) -> Candidate | None:
        """The entity most recently mentioned before ``offset`` that the article gave the role
        ``noun`` (lower case; „ministerin“ also finds „Gesundheitsministerin“)."""
        stem = role_stem(noun)
        found = [
            c
            for c in self.candidates
            if c.mentioned_before(offset) >= 0 and any(role_stem(r).endswith(stem) for r in c.roles)
        ]
        return max(found, key=lambda c: c.mentioned_before(offset), default=None)

    def entities(self) -> tuple[tuple[Entity, ...], dict[int, str]]:
        """The finished entities with ids in order of first mention, and each candidate's id
        (by ``id()``).  Places that never act are left out; a well-known person the article
        names by surname or in a variant spelling gets the canonical name."""
        kept = [c for c in self.candidates if c.mentions and c.kind is not EntityKind.PLACE]
        surnames = Counter(c.tokens[-1] for c in kept if c.kind is EntityKind.PERSON)
        for c in kept:
            if c.kind is EntityKind.PERSON:
                canonical = notable_name(c.name, unique_surname=surnames[c.tokens[-1]] == 1)
                if canonical is not None and canonical != c.name:
                    c.aliases.insert(0, c.name)
                    c.tokens = tuple(canonical.split())
        kept.sort(key=lambda c: min(s.start for s in c.mentions))
        ids: dict[int, str] = {}
        out = []
        for number, c in enumerate(kept, start=1):
            ids[id(c)] = f"e{number}"
            mentions = tuple(Mention.from_spans(self.text, [s]) for s in sorted(c.mentions))
            out.append(
                Entity(f"e{number}", c.kind, c.name, tuple(c.aliases), mentions, _GENDER.get(c.gender or ""))
            )
        return tuple(out), ids


def _surnames_of(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The surname and, for a double name, its parts: Aigner-Rothschädl, Aigner, Rothschädl."""
    return (tokens[-1], *tokens[-1].split("-"))


def role_stem(noun: str) -> str:
    """A role noun without its feminine or plural ending: „ministerin“ → „minister“."""
    lower = noun.lower().replace("-", "")
    for ending in ("innen", "in", "en"):
        if lower.endswith(ending) and len(lower) > len(ending) + 3:
            return lower[: -len(ending)]
    return lower


def collect(text: str, parse: Parse, agencies: Sequence[AgencyMention]) -> Table:
    """The entities the article names (see the module docstring)."""
    table = Table(text)
    dateline_end = max((a.span.end for a in agencies if a.role is AgencyRole.DATELINE), default=-1)
    runs = [(sentence, run) for sentence in parse.sentences for run in table.names_in(sentence)]
    # longest names first, so that every shorter form finds the entity it belongs to
    for sentence, run in sorted(runs, key=lambda pair: (-len(pair[1].tokens), pair[1].start)):
        if _agency_at(agencies, run.start, run.end) or _described(sentence, run):
            continue
        place = run.place or run.end <= dateline_end
        candidate = table.for_name(run.tokens, run.start)
        if candidate is None and len(run.tokens) == 1 and run.tokens[0].endswith("s"):
            candidate = table.for_name([run.tokens[0][:-1]], run.start)  # Trumps → Trump
        if candidate is None:
            kind = _kind_of(run)
            descriptor = _body_descriptor(sentence, run) if kind is EntityKind.PERSON else None
            if descriptor:
                kind = EntityKind.ORGANISATION
            candidate = table.add(kind, run.tokens, run.gender)
            if descriptor:
                candidate.roles.append(descriptor)
        candidate.add_mention(Span(run.start, run.end), run.text)
        candidate.places_only = candidate.places_only and place
        candidate.gender = candidate.gender or run.gender
        _learn_role(sentence, run, candidate)
        party = _PARTY.match(text, run.end)
        if party is not None and candidate.kind is EntityKind.PERSON:
            candidate.roles.append(f"{party.group(1).lower()}-politiker")
    for c in table.candidates:
        if c.kind is EntityKind.PERSON and c.gender is None and len(c.tokens) == 1:
            # „Woidke“ alone: a well-known person's first name tells how the text refers to him
            canonical = notable_canonical(c.tokens[0])
            c.gender = first_name_gender(canonical.split()[0]) if canonical else None
        if c.places_only and c.kind is EntityKind.PERSON and c.gender is None:
            c.kind = EntityKind.PLACE
    _surnames_tagged_as_nouns(table, parse)
    _acronyms(table, text)
    for agency in agencies:
        _agency(table, agency)
    return table


def _described(sentence: Sentence, run: NameRun) -> bool:
    """„die Französin“, „der Basler“ tagged as a name: a description of a person by origin
    after a definite article, no name of anybody."""
    if len(run.words) != 1:
        return False
    word = run.words[0]
    if word.id == 1 or not word.text.endswith(("in", "er")):
        return False
    return sentence.word(word.id - 1).text.lower() in _ARTICLES and describes_person(word)


def _surnames_tagged_as_nouns(table: Table, parse: Parse) -> None:
    """„Dröge widersprach …“: a person's surname the article gave with a first name is a
    name wherever it stands alone, also where the tagger took it for a noun."""
    surnames = {
        c.tokens[-1]: c for c in table.candidates if c.kind is EntityKind.PERSON and len(c.tokens) > 1
    }
    for sentence in parse.sentences:
        runs = table.names_in(sentence)
        taken = {w.id for run in runs for w in run.words}
        added = False
        for w in sentence.words:
            owner = surnames.get(w.text)
            if owner is None or w.id in taken or w.upos not in ("NOUN", "ADJ", "ADV", "VERB", "X"):
                continue
            runs.append(NameRun((w.text,), w.start, w.end, (w,)))
            owner.add_mention(Span(w.start, w.end), w.text)
            added = True
        if added:
            runs.sort(key=lambda r: r.start)


def _body_descriptor(sentence: Sentence, run: NameRun) -> str | None:
    """The noun for a kind of body right before a person-like name („der Softwarekonzern Quantera“,
    „der Darmstädter Autozulieferer Brennecke“), lower case: the name is that body's.
    Not where the noun begins the name itself: „die Deutsche Stiftung Patientenschutz“
    (a capitalised adjective before it), „der Verband Deutscher Verkehrsunternehmen“ (a
    noun after the name)."""
    first, last = run.words[0], run.words[-1]
    if first.id <= 1 or run.gender is not None:
        return None
    noun = sentence.word(first.id - 1)
    if noun.upos != "NOUN" or not cues.is_organisation(noun.text) or cues.is_role_noun(noun.text):
        return None
    before = sentence.word(noun.id - 1) if noun.id > 1 else None
    # a capitalised adjective begins the name („Deutsche Stiftung …“); one in -er says where
    # the body is from („Darmstädter“, „Schweizer“)
    if (
        before is not None
        and before.upos == "ADJ"
        and before.text[:1].isupper()
        and not before.text.endswith("er")
    ):
        return None
    after = sentence.word(last.id + 1) if last.id < len(sentence.words) else None
    if after is not None and after.upos in ("NOUN", "PROPN") and after.text[:1].isupper():
        return None
    return noun.text.lower()


def _kind_of(run: NameRun) -> EntityKind:
    if is_place(run.text):
        return EntityKind.PLACE
    # „Roland“ ends in „land“ but is a first name, not a body
    if (
        any(cues.is_organisation(t) and not is_first_name(t) for t in run.tokens)
        or (any(lowercase_names.is_web_address(t) for t in run.tokens))
        or (len(run.tokens) == 1 and run.tokens[0].isupper() and len(run.tokens[0]) > 1)
    ):
        return EntityKind.ORGANISATION
    return EntityKind.PERSON


def _agency_at(agencies: Iterable[AgencyMention], start: int, end: int) -> AgencyMention | None:
    return next((a for a in agencies if a.span.start < end and start < a.span.end), None)


def _agency(table: Table, agency: AgencyMention) -> None:
    candidate = next(
        (c for c in table.candidates if c.kind is EntityKind.AGENCY and c.name == agency.name), None
    )
    if candidate is None:
        candidate = table.add(EntityKind.AGENCY, agency.name.split())
    candidate.add_mention(agency.span, agency.text)


def _learn_role(sentence: Sentence, run: NameRun, candidate: Candidate) -> None:
    """Titles and appositions: „Außenminister Sergej Lawrow“, „Uschakow, Putins Berater“."""
    words = sentence.words
    first, last = run.words[0], run.words[-1]
    nouns: list[Word] = []
    before = [w for w in words if w.id < first.id][-3:]
    for w in reversed(before):  # the title right before the name (perhaps after adjectives)
        if w.upos in ("NOUN", "PROPN") and (cues.is_role_noun(w.text) or describes_person(w)):
            nouns.append(w)
            break
        if w.upos != "ADJ":
            break
    if sentence.parsed:
        nouns.extend(
            w
            for w in words
            if w.upos == "NOUN" and w.deprel == "appos" and w.head == last.id and cues.is_role_noun(w.text)
        )
    for noun in nouns:
        role = noun.text.lower()
        if role not in candidate.roles:
            candidate.roles.append(role)
        if role.endswith(("in", "innen")):
            candidate.gender = "Fem"  # „die Biathletin Kadri …“: the title outweighs the first-name list
        elif candidate.gender is None:
            candidate.gender = noun.feat("Gender")


_PERSON_ENDINGS = ("in", "e", "er", "ist", "ent", "ant")
"""How nouns for a person by origin or trait end: Estin, Baslerin, Schotte, Freisinnige,
Oberstdorfer, Pianist, Dozent, Praktikant."""


def describes_person(head: Word) -> bool:
    """A capitalised singular noun that may describe a person, and names no body, place,
    source or statement: read with the article's gender and resolved by salience."""
    text = head.text
    if not text[:1].isupper() or "-" in text.strip("-") or not text.lower().endswith(_PERSON_ENDINGS):
        return False
    return not (
        cues.is_organisation(text) or cues.is_source_noun(text) or cues.noun(text)[0] or is_place(text)
    )


def _acronyms(table: Table, text: str) -> None:
    """„Deutsche Krankenhausgesellschaft (DKG)“: the bracketed letters name what precedes them."""
    for match in _ACRONYM.finditer(text):
        before = text[max(0, match.start() - 80) : match.start()].rstrip()
        # within its own sentence and after the last comma („Hessen, Roland Koch (CDU)“),
        # after a capitalised article („… Journalisten. Die Deutsche
        # Krankenhausgesellschaft (DKG)“ is the Deutsche Krankenhausgesellschaft)
        before = _SENTENCE_BREAK.split(before)[-1]
        words = regex.findall(r"[\p{L}\d-]+", before)[-5:]
        starts = [i for i, w in enumerate(words) if w in _CAPITAL_ARTICLES]
        if starts:
            words = words[starts[-1] + 1 :]
        name_words = list(itertools.takewhile(lambda w: w[:1].isupper() or w in _NAME_GLUE, reversed(words)))[
            ::-1
        ]
        while name_words and (
            name_words[0].lower() in _ARTICLES
            or name_words[0] in _NAME_GLUE
            or name_words[0].lower() in _NOT_IN_A_NAME
        ):
            name_words.pop(0)
        if not name_words or name_words == [match.group(1)]:
            continue
        acronym = match.group(1)
        name_words = citation_tokens(name_words)
        owner = table.for_name(name_words, match.start())
        if is_first_name(name_words[0]) or (owner is not None and owner.kind is EntityKind.PERSON):
            continue  # „Roland Koch (CDU)“: a person's party, not an acronym of the name
        if owner is None:
            owner = table.for_name([acronym], match.start())
            if owner is not None and owner.name == acronym:
                owner.tokens = tuple(name_words)  # the full name is the fullest name
        if owner is None:
            owner = table.add(EntityKind.ORGANISATION, name_words)
        owner.kind = EntityKind.ORGANISATION if owner.kind is EntityKind.PLACE else owner.kind
        owner.add_mention(Span(match.start(1), match.end(1)), acronym)
