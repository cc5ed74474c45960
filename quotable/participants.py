"""Who speaks: the speaker mention of a cue verb, as the WikiNews corpus marks it (see
:func:`speaker_of`; the addressee is :mod:`quotable.addressees`).

German word order decides much of it, so besides the parse this reads the
surface: the Vorfeld (the one constituent before the finite verb of a main
clause, :mod:`quotable.vorfeld`), inverted subjects after the verb, relative
clauses, and „und“ sharing a subject with the verb before it.
"""

from __future__ import annotations

import attrs

from quotable import cues
from quotable.phrases import (
    QUOTE_CHARS,
    extend_noun_phrase,
    noun_phrase,
    surface_noun_phrase,
    with_apposition,
)
from quotable.subordinate_subjects import subordinate_clause_subject
from quotable.syntax import Sentence, Word
from quotable.verbs import (
    cue_verb,
    finite_of,
    first_finite,
    is_konjunktiv,
    is_passive,
)
from quotable.vorfeld import (
    RELATIVE,
    apposed_vorfeld,
    is_adverbial,
    marked_not_nominative,
    nominal_vorfeld,
    sentence_initial_word,
)

_COORDINATORS = frozenset({"und", "sowie", "oder", "aber"})


def speaker_of(
    sentence: Sentence, verb: Word, depth: int = 0, skip: frozenset[int] = frozenset()
) -> list[Word]:
    """The speaker mention of a cue verb, as the corpus marks it: the whole subject
    noun phrase with article, titles, names, genitives, parenthesised party and
    appositions, no relative clause; nothing for passives, „es“ and „man“.

    Two German clause shapes are read from the surface, since parsers often get
    them wrong: a verb right after „und“ shares the subject of the verb before it
    („X betonte, … und bestand darauf, …“), and a relative clause's subject is the
    noun before it („Trump, der … unterstellte“)."""
    finite = finite_of(sentence, verb)
    if verb.lemma == "zitieren":
        # „zitiert die Zeitung den Minister“, „wird der Minister mit den Worten zitiert“:
        # who is quoted is the speaker, not who quotes
        quoted = _quoted_person(sentence, verb, skip)
        if quoted:
            return quoted
    if is_passive(sentence, verb) or verb.lemma == "heißen":
        # „In der Erklärung wird gefordert, …“ / „Im Bericht heißt es, …“: the document speaks
        return _document_source(sentence, verb, skip)
    before = sentence.word(finite.id - 1) if finite.id > 1 else None
    if before is not None and before.lemma.lower() in _COORDINATORS and depth < 3:
        earlier = [
            w for w in sentence.words[: before.id - 1] if w.upos in ("VERB", "AUX") and cue_verb(sentence, w)
        ]
        if earlier:
            return speaker_of(sentence, earlier[-1], depth + 1, skip)
    antecedent = _relative_antecedent(sentence, finite)
    if antecedent is not None:
        return extend_noun_phrase(sentence, noun_phrase(sentence, antecedent))
    after = sentence.word(finite.id + 1) if finite.id < len(sentence.words) else None
    subj = subject(sentence, verb, skip)
    if (
        after is not None
        and after.upos == "PRON"
        and after.id not in skip
        and (
            after.text.lower() in ("er", "wir", "ich")
            # „sie“ is also an object: not after a subject noun („Der Chef nannte sie …“)
            or (
                after.text.lower() == "sie"
                and after.feat("Case") == "Nom"
                and not (subj is not None and subj.id < finite.id and subj.upos in ("NOUN", "PROPN"))
            )
        )
    ):
        return [after]  # „… lobte er mit den Worten“: a nominative pronoun after the verb is its subject
    subj = _speaking_subject(sentence, verb, subj, skip)
    if subj is not None and (
        subj.lemma.lower() in ("es", "man") or (subj.upos == "PRON" and subj.text.lower() in ("das", "dies"))
    ):
        return []  # „das“, „dies“ stand for a statement, not for who made it
    if subj is not None and subj.id < finite.id and marked_not_nominative(sentence, subj):
        # „Den Unmut … brachte die Sprecherin zum Ausdruck“, „Als Begründung sagte ein
        # Forscher“: an object or an als-phrase in the Vorfeld, the subject follows the verb
        inverted = _first_noun_phrase_after(sentence, finite, skip)
        if inverted:
            return inverted
    field = [w for w in nominal_vorfeld(sentence, verb) if w.id not in skip]
    if subj is None:
        found = (
            field
            or [w for w in apposed_vorfeld(sentence, verb) if w.id not in skip]
            or _first_noun_phrase_after(sentence, finite, skip)
            or subordinate_clause_subject(sentence, verb, skip)
        )
    elif field and any(w.id == subj.id for w in field):
        found = field
    else:
        found = _with_name_after(sentence, verb, noun_phrase(sentence, subj), skip)
        found = extend_noun_phrase(sentence, with_apposition(sentence, found))
    if found and found[-1].id < finite.id and is_adverbial(found):
        # „Gestern hat eine Sprecherin mitgeteilt“, „Des Weiteren verwies Steinbrück
        # darauf“, „Zuletzt hatte im Mai der Präsident gebeten“: never the subject
        return _first_noun_phrase_after(sentence, finite, skip, across_adverbials=True)
    if found and found[-1].id < finite.id and sentence_initial_word(sentence, found):
        # „Relativierend fügt Gall hinzu“, „Gegenüber der Zeitung sagte der Chef“: a
        # capitalised first word the tagger took for a noun; the subject follows the verb
        return _first_noun_phrase_after(sentence, finite, skip) or found
    return found


def _speaking_subject(sentence: Sentence, verb: Word, subj: Word | None, skip: frozenset[int]) -> Word | None:
    """Of two subjects the parser gave a cue verb, the one who can speak: „Die Anwendung der
    Richtlinie stellte der SPD-Vorsitzende in Frage“ → der SPD-Vorsitzende."""
    if subj is None or can_speak(subj):
        return subj
    stray = clause_subjects_after_comma(sentence, verb) if subj.id < verb.id else []
    for child in sentence.children(verb):
        if child.deprel != "nsubj" or child.id <= subj.id or child.id in skip or child in stray:
            continue
        if can_speak(child):
            # „die Stadtwerke Kassel“ parsed as two subjects: one name, read whole
            return subj if _name_beside(subj, child) else child
    return subj


def clause_subjects_after_comma(sentence: Sentence, verb: Word) -> list[Word]:
    """Subjects the parser gave a cue verb after its comma, which belong to the reported
    clause: „Der Tourenwart meinte später, [Anna Roth], die …, sei nicht verletzt worden“."""
    return [
        c
        for c in sentence.children(verb)
        if c.deprel == "nsubj" and c.id > verb.id and sentence.comma_between(verb, c)
    ]


def _with_name_after(sentence: Sentence, verb: Word, found: list[Word], skip: frozenset[int]) -> list[Word]:
    """``found`` and the name right after it that the parser made a second subject of the
    same verb („Wie die Stadtwerke | Kassel bekannt gaben“)."""
    if not found:
        return found
    after = sentence.word(found[-1].id + 1) if found[-1].id < len(sentence.words) else None
    if after is None or after.id in skip or after.deprel != "nsubj" or after.head != verb.id:
        return found
    if not _name_beside(found[-1], after):
        return found
    taken = {w.id for w in found}
    return [*found, *(w for w in noun_phrase(sentence, after) if w.id not in taken)]


def _name_beside(noun: Word, name: Word) -> bool:
    """Whether ``name`` is the name right after the common noun ``noun`` („Stadtwerke Kassel“),
    or the rest of the name ``noun`` begins (a surname tagged as a noun: „Tegaye | Mununhe“)."""
    if name.id != noun.id + 1:
        return False
    if noun.upos == "PROPN":
        # not a common noun of its own: „Berger | Journalisten“ is a name and an addressee
        common = cues.is_speaker_noun(name.text) or name.feat("Number") == "Plur"
        tagged_noun = name.upos == "NOUN" and common
        return name.upos in ("NOUN", "PROPN") and name.text[:1].isupper() and not tagged_noun
    return noun.upos == "NOUN" and name.upos == "PROPN"


@attrs.frozen
class MainSubject:
    """The subject of a sentence's main clause, as far as the analysis tells."""

    verb: Word
    """The root, or where the sentence was only tagged its first finite verb."""
    head: Word | None
    """The parsed subject; None where the sentence was only tagged."""
    words: tuple[Word, ...]
    """Its speaker mention (:func:`speaker_of`), or the nominal Vorfeld where only tagged."""


def main_subject(sentence: Sentence) -> MainSubject | None:
    """The subject of ``sentence``'s main clause: from the parse, or, where the sentence was
    only tagged, the Vorfeld of its first finite verb („Die Ministerin | besuchte …“)."""
    if sentence.parsed:
        root = sentence.root()
        if root is None:
            return None
        head = subject(sentence, root)
        return MainSubject(root, head, tuple(speaker_of(sentence, root)) if head is not None else ())
    verb = first_finite(sentence.words)
    return None if verb is None else MainSubject(verb, None, tuple(nominal_vorfeld(sentence, verb)))


def can_speak(word: Word) -> bool:
    """A person, a body or a name: who can be a speaker."""
    if word.upos == "PRON":
        return word.text.lower() in _NOMINATIVE_PRONOUNS
    return word.upos == "PROPN" or cues.is_speaker_noun(word.text)


def _quoted_person(sentence: Sentence, verb: Word, skip: frozenset[int]) -> list[Word]:
    """The object of „zitieren“, or its subject in the passive.  After the verb, the
    second of two noun phrases is the object, whatever the parse says („zitiert die
    Zeitung den Minister“, „zitiert ndr.de Polizeisprecher Ralf Meyer“)."""
    passive = is_passive(sentence, verb)
    if not passive and verb.id < len(sentence.words):
        first = surface_noun_phrase(sentence, sentence.word(verb.id + 1))
        # „ndr.de Polizeisprecher Ralf Meyer“ reads as one phrase: the role noun starts the second
        role = next(
            (
                i
                for i, w in enumerate(first[1:], 1)
                if cues.is_role_noun(w.text)
                and (first[i - 1].upos in ("NOUN", "PROPN") or "." in first[i - 1].text)
            ),
            None,
        )
        if role is not None and not any(w.id in skip for w in first):
            return with_apposition(sentence, first[role:])
        if first and first[-1].id < len(sentence.words) and not any(w.id in skip for w in first):
            second = surface_noun_phrase(sentence, sentence.word(first[-1].id + 1))
            if second and not any(w.id in skip for w in second):
                return with_apposition(sentence, second)
    wanted = ("nsubj:pass", "nsubj") if passive else ("obj",)
    for child in sentence.children(verb):
        if child.deprel in wanted and child.id not in skip and child.upos in ("NOUN", "PROPN", "PRON"):
            words = [w for w in noun_phrase(sentence, child) if w.id not in skip]
            return extend_noun_phrase(sentence, with_apposition(sentence, words))
    return []


_DOCUMENT_PREPOSITIONS = frozenset({"in", "im", "aus"})
"""Prepositions of the document that speaks in a passive or „heißt es“ („in der Erklärung“)."""


def _document_source(sentence: Sentence, verb: Word, skip: frozenset[int]) -> list[Word]:
    """For a passive or „heißt es“: the agent („von den Behörden“, „seitens der
    Regierung“) or else the document named by „in/im/aus …“ (without the preposition),
    as the corpus marks it; nothing if there is neither."""
    found: list[Word] = []
    for child in sentence.children(verb):
        if child.id in skip or not child.deprel.startswith("obl") or child.upos not in ("NOUN", "PROPN"):
            continue
        case = [c for c in sentence.children(child) if c.deprel == "case"]
        if not case or case[0].id > child.id:
            continue
        preposition = case[0].lemma.lower()
        agent = preposition in _AGENT_PREPOSITIONS and verb.lemma != "heißen"
        if agent or (not found and preposition in _DOCUMENT_PREPOSITIONS):
            words = [w for w in noun_phrase(sentence, child) if w.id not in skip]
            found = extend_noun_phrase(sentence, words)
            if agent:
                break
    return found


_AGENT_PREPOSITIONS = frozenset({"von", "vom", "seitens", "vonseiten"})


def _first_noun_phrase_after(
    sentence: Sentence, finite: Word, skip: frozenset[int], *, across_adverbials: bool = False
) -> list[Word]:
    """When the parse gives no subject: the first noun phrase after the finite verb
    that is not inside a prepositional phrase (inverted order: „Am Montag kündigte
    die Regierung an, …“).  A prepositional phrase first ends the search, unless
    ``across_adverbials``: then adverbials are passed over („Zuletzt hatte im Mai 2005
    der Präsident …“; the words a preposition's noun governs, numbers, adverbs)."""
    passed: set[int] = set()
    for w in sentence.words[finite.id :]:
        if w.id in passed:
            continue
        if w.id in skip or w.text in (",", ":", ";", ".") or w.text in QUOTE_CHARS:
            return []
        if across_adverbials and w.upos == "PRON" and w.text.lower() in _NOMINATIVE_PRONOUNS:
            return [w]  # „Besorgt äußerte er sich“
        if across_adverbials and (w.upos in ("ADV", "NUM", "PRON") or w.deprel in ("obl", "advmod")):
            continue  # „im Mai 2005“'s number, „sich“, „darauf“
        if w.upos == "ADP":
            governed = sentence.head_of(w)
            if not across_adverbials or governed is None or governed.id < w.id:
                return []  # a prepositional phrase first: give up rather than guess
            passed.update(x.id for x in sentence.words[w.id : governed.id])
        if w.upos in ("NOUN", "PROPN") or (w.upos == "DET" and w.feat("PronType") == "Art"):
            head = w
            while head.upos == "DET" and head.id < len(sentence.words):
                head = sentence.word(head.id + 1)
            if head.upos == "ADP" and w.upos == "DET":
                head = _past_attribute(sentence, head)  # „die zur Universität gehörende Stelle“
            while head.upos == "ADJ" and head.id < len(sentence.words):
                head = sentence.word(head.id + 1)
            if head.upos not in ("NOUN", "PROPN"):
                return []
            words = [x for x in sentence.words[w.id - 1 : head.id] if x.id not in skip]
            # „teilte der Vorsitzende der Wahlkommission, Magdalena Chu, mit“: with its apposition
            return with_apposition(sentence, extend_noun_phrase(sentence, words))
    return []


_NOMINATIVE_PRONOUNS = frozenset({"er", "sie", "ich", "wir", "ihr", "du"})


def _relative_antecedent(sentence: Sentence, finite: Word) -> Word | None:
    """For a verb at the end of a relative clause („…, der … unterstellte“), the noun
    the clause belongs to; None when the verb is not in a relative clause."""
    words = sentence.words[: finite.id - 1]
    comma = next((w for w in reversed(words) if w.text in (",", "(", "–")), None)
    if comma is None or comma.id + 1 >= finite.id:
        return None
    pronoun = sentence.word(comma.id + 1)
    following = sentence.word(pronoun.id + 1)
    is_relative = pronoun.text.lower() in RELATIVE and (
        pronoun.upos == "PRON"
        or (pronoun.upos == "DET" and following.upos not in ("NOUN", "ADJ", "PROPN", "NUM"))
    )
    if not is_relative:
        return None
    if first_finite(sentence.words[comma.id : finite.id - 1]) is not None:
        return None
    after = sentence.word(finite.id + 1) if finite.id < len(sentence.words) else None
    if pronoun.id + 1 == finite.id and after is not None and after.upos != "PUNCT":
        return None  # „…, das teilte die Stadt mit“: the verb second, a main clause
    return _antecedent_before(sentence, comma)


def _antecedent_before(sentence: Sentence, comma: Word) -> Word | None:
    """The nearest noun before a relative clause's comma („Trump nicht zu verärgern, der …“: Trump)."""
    for w in reversed(sentence.words[max(0, comma.id - 8) : comma.id - 1]):
        if w.text in (",", ":", ";") or w.text in QUOTE_CHARS:
            break
        if w.upos in ("PROPN", "NOUN"):
            return w
    return None


def _reported_before(sentence: Sentence, head: Word, verb: Word) -> bool:
    """Whether the verb a cue verb is coordinated with is the Konjunktiv clause it reports
    („Die Preise seien gestiegen, teilte das Bundesamt mit“): its subject, which cannot
    speak, is not the speaker."""
    children = sentence.children(head)
    verbs = [w for w in (head, *children) if w.upos in ("VERB", "AUX")]
    subjects = [c for c in children if c.deprel in ("nsubj", "nsubj:pass")]
    return (
        head.id < verb.id and any(is_konjunktiv(w) for w in verbs) and not any(can_speak(c) for c in subjects)
    )


def subject(sentence: Sentence, verb: Word, skip: frozenset[int] = frozenset()) -> Word | None:
    """The subject of ``verb``: its own nsubj, or that of the verb it is coordinated
    with; a relative pronoun stands for the noun its clause belongs to (Trump, der …
    unterstellte → Trump).  A "subject" inside a prepositional phrase is a parse error
    and is not returned."""
    for candidate in (verb, sentence.head_of(verb) if verb.deprel == "conj" else None):
        if candidate is None or (candidate is not verb and _reported_before(sentence, candidate, verb)):
            continue
        # a passive subject of an active verb is its subject (a parse error, see is_passive)
        subjects = ("nsubj", "csubj") if is_passive(sentence, candidate) else ("nsubj", "csubj", "nsubj:pass")
        for child in sentence.children(candidate):
            if child.deprel not in subjects or child.id in skip:
                continue
            if any(c.deprel == "case" for c in sentence.children(child)):
                continue
            if child.feat("PronType") == "Rel" or (
                child.lemma.lower() in ("der", "die", "welcher") and child.upos == "PRON"
            ):
                clause_head = candidate
                while clause_head.deprel == "conj" and sentence.head_of(clause_head) is not None:
                    clause_head = sentence.head_of(clause_head)  # type: ignore[assignment]
                antecedent = sentence.head_of(clause_head) if clause_head.deprel.startswith("acl") else None
                if antecedent is not None and antecedent.upos in ("NOUN", "PROPN"):
                    return antecedent
            return child
    return None


def _past_attribute(sentence: Sentence, preposition: Word) -> Word:
    """The first attributive adjective after a prepositional phrase inside an article's
    noun phrase („die | zur Universität Bonn | gehörende Forschungsstelle“), or the
    preposition itself when there is none within eight words or a clause ends first."""
    for w in sentence.words[preposition.id : preposition.id + 8]:
        if w.xpos == "ADJA":
            return w
        if w.text in (",", ":", ";") or w.upos in ("VERB", "AUX"):
            break
    return preposition
