"""Which earlier entity a pronoun or a description refers to, by salience (used by
:mod:`quotable.coref`): the subject of this sentence or the one before, then the last
speaker, then older subjects, then anyone named before; a description („die Estin“,
„der 58-Jährige“) first takes the person just named.  Agreement is by gender and number;
other arguments of the mention's verb, coordinated names („Putin und Kim“) and names in
prepositional phrases are passed over where they cannot be meant.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotable.document import Document
from quotable.entities import Candidate, Table
from quotable.model import EntityKind
from quotable.syntax import Sentence, Word
from quotable.verbs import first_finite


def co_arguments(sentence: Sentence, head: Word) -> set[str]:
    """Name tokens that are other arguments of the mention's verb (they cannot be it)."""
    verb = sentence.head_of(head)
    out: set[str] = set()
    if verb is None:
        return out
    for child in sentence.children(verb):
        if child.id == head.id:
            continue
        out.update(w.text for w in sentence.subtree(child) if w.upos == "PROPN")
    return out


def possessor(determiner: Word, history: Sequence[tuple[int, Candidate]]) -> Candidate | None:
    """Whose „seiner Meinung“ or „ihren Angaben“ it is: the last speaker, if a person the
    possessive agrees with (sein- masculine, ihr- feminine); else nobody (the owner of
    „ihren Angaben“ may as well be a body or a group, which only the context tells)."""
    gender = {"sein": "Masc", "ihr": "Fem"}.get(determiner.lemma.lower())
    if gender is None or not history:
        return None
    last = history[-1][1]
    return last if last.kind is EntityKind.PERSON and last.gender == gender else None


def just_named(
    doc: Document, table: Table, offset: int, gender: str | None, exclude: set[str]
) -> Candidate | None:
    """The person named last before ``offset`` in its sentence or the one before, if the
    gender agrees (one-word names of unknown gender, and names inside a prepositional
    phrase, „mit Kim“, are passed over)."""
    index = doc.sentence_index(offset) or 0
    for i in range(index, max(-1, index - 2), -1):
        sentence = doc.sentences[i]
        for run in reversed(table.names_in(sentence)):
            if run.start >= offset or run.modifier or run.place or _in_phrase(sentence, run.words):
                continue
            found = table.for_name(run.tokens, run.start)
            if (
                found is None
                or found.kind is not EntityKind.PERSON
                or any(t in exclude for t in found.tokens)
            ):
                continue
            if found.gender is None and len(found.tokens) == 1:
                continue  # „Rang“, „Biathlon“: a one-word name of unknown gender may be no person
            return found if found.agrees(gender) else None  # somebody else named last: salience decides
    return None


def salient(
    doc: Document,
    table: Table,
    offset: int,
    gender: str | None,
    number: str | None,
    history: list[tuple[int, Candidate]],
    exclude: set[str],
) -> Candidate | None:
    """The most salient earlier entity that agrees: the last speaker, then the subjects of this
    and the three previous sentences, then anyone named before, most recent first."""
    plural = number == "Plur"

    def agrees(c: Candidate) -> bool:
        if any(t in exclude for t in c.tokens) or c.kind is EntityKind.PLACE:
            return False
        if plural:
            return c.kind in (EntityKind.ORGANISATION, EntityKind.OTHER)
        if c.kind is not EntityKind.PERSON or not c.agrees(gender):
            return False
        # a one-word name of unknown gender may be a noun the tagger took for a name
        return c.gender is not None or len(c.tokens) > 1 or any(c is h for _, h in history)

    index = doc.sentence_index(offset) or 0
    window_start = doc.sentences[max(0, index - 3)].start if doc.sentences else 0

    def subject_in(i: int) -> Candidate | None:
        sentence = doc.sentences[i]
        runs = [
            run
            for run in table.names_in(sentence)
            if run.start < offset
            and not run.modifier
            and not run.place
            # „Putin und Kim unterhalten sich“: neither is „er“ alone
            and (plural or not _coordinated(sentence, run.words))
            and (not sentence.parsed or _is_subject(sentence, run.words))
        ]
        # the latest subject; of two a verb was given („Meisl gratulierte Lepikson“, both
        # parsed as subjects, or a sentence only tagged), the first
        verbs = [_verb_of(sentence, run.words) for run in runs]
        ordered = [runs[verbs.index(verb)] for verb in reversed(verbs)]
        for run in ordered:
            found = table.for_name(run.tokens, run.start)
            if found is not None and agrees(found):
                return found
        return None

    # the subject of this sentence or the one before („Meisl gratulierte Lepikson. „…“,
    # sagte sie.“), then the last speaker, then the subjects of two more sentences back
    for i in range(index, max(-1, index - 2), -1):
        if (found := subject_in(i)) is not None:
            return found
    for spoken_at, c in reversed(history):
        if spoken_at < offset and agrees(c):
            if spoken_at >= window_start:
                return c
            break
    for i in range(index - 2, max(-1, index - 4), -1):
        if (found := subject_in(i)) is not None:
            return found
    earlier = [c for c in table.candidates if c.mentioned_before(offset) >= 0 and agrees(c)]
    return max(earlier, key=lambda c: c.mentioned_before(offset), default=None)


_AND = frozenset({"und", "sowie", "oder"})


_SUBJECTS = ("nsubj", "nsubj:pass")


def _is_subject(sentence: Sentence, words: Sequence[Word]) -> bool:
    """Whether a name is the subject, or in apposition to a title or noun that is: „Der
    texanische Gouverneur Greg Abbott stellte sich hinter Trump“."""
    if any(w.deprel in _SUBJECTS for w in words):
        return True
    for w in words:
        head = sentence.head_of(w)
        if w.deprel in ("appos", "flat", "flat:name") and head is not None and head.deprel in _SUBJECTS:
            return head.upos in ("NOUN", "PROPN")
    return False


def _verb_of(sentence: Sentence, words: Sequence[Word]) -> int:
    """The id of the verb a subject name belongs to: its head in the parse; in a sentence
    only tagged, the first finite verb of its clause (between commas)."""
    if sentence.parsed:
        return next((w.head for w in words if w.deprel in _SUBJECTS), words[-1].head)
    start, end = words[0].id - 1, words[-1].id
    while start > 0 and sentence.words[start - 1].text not in _CLAUSE_BREAKS:
        start -= 1
    while end < len(sentence.words) and sentence.words[end].text not in _CLAUSE_BREAKS:
        end += 1
    clause = sentence.words[start:end]
    verb = first_finite(clause)
    return verb.id if verb is not None else 0


_CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—"})


def _coordinated(sentence: Sentence, words: Sequence[Word]) -> bool:
    """Whether a name is one of coordinated names („Putin und Kim“)."""
    before = sentence.word(words[0].id - 1).text.lower() if words[0].id > 1 else ""
    after = sentence.word(words[-1].id + 1).text.lower() if words[-1].id < len(sentence.words) else ""
    return before in _AND or after in _AND


def _in_phrase(sentence: Sentence, words: Sequence[Word]) -> bool:
    """Whether a name stands in a prepositional phrase („an dem Treffen mit Kim“), perhaps
    after an article, adjectives or a title („mit Präsident Putin“)."""
    i = words[0].id - 1
    while i >= 1 and sentence.word(i).upos in ("DET", "ADJ", "NOUN") and i > words[0].id - 4:
        i -= 1
    return i >= 1 and sentence.word(i).upos == "ADP"


GENERIC_BODIES = frozenset(
    "verband unternehmen konzern firma institut organisation gesellschaft vereinigung "
    "notenbank zentralbank verein stiftung gewerkschaft bündnis".split()
)
"""Nouns that name a body by its kind only („der Verband“), so the one just named is meant."""


def recent_body(doc: Document, table: Table, offset: int, noun: str) -> Candidate | None:
    """For „der Verband“, „das Unternehmen“ (``noun``, lower case) whose noun no name ends
    in: the organisation mentioned last in this or the two sentences before („Die Deutsche
    Krankenhausgesellschaft (DKG) begrüßte … , sagte der Verband“).  A compound of such a
    noun („die Aktionärsvereinigung“) names a kind of its own: only a body whose name or
    descriptor has the same last part („Schutzvereinigung“) is meant."""
    generic = next((g for g in GENERIC_BODIES if noun.endswith(g)), None)
    if generic is None:
        return None
    index = doc.sentence_index(offset) or 0
    window = doc.sentences[max(0, index - 2)].start if doc.sentences else 0
    found = [
        c
        for c in table.candidates
        if c.kind is EntityKind.ORGANISATION
        and c.mentioned_before(offset) >= window
        and (noun == generic or any(w.lower().endswith(generic) for w in (*c.tokens, *c.roles)))
    ]
    return max(found, key=lambda c: c.mentioned_before(offset), default=None)
