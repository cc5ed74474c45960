"""Reported speech the parse did not attach to its cue verb, found from the surface of
the sentence (a fallback of :mod:`quotable.indirect`, for one cue verb at a time):

* :func:`after_cue`: the cue's clause ends at a comma and the speech runs from there to
  the end („X sagte der Zeitung, dass …“, „X erklärte, er sei …“, „Wie X mitteilte, …“);
* :func:`before_cue`: the speech comes first and the cue verb right after its comma
  („Der Mann sei wohlbehalten, bestätigte ein Sprecher.“, where the parser made „Mann“
  the subject of „bestätigte“); the speaker is the subject after the verb.
"""

from __future__ import annotations

import attrs

from quotable import cues
from quotable.document import Document
from quotable.findings import Finding, all_quoted, make, relative_clause
from quotable.participants import speaker_of
from quotable.statement_nouns import PURPOSE
from quotable.syntax import Sentence, Word
from quotable.verbs import finite_verbs, is_konjunktiv

# verbs that report speech even with an indicative verb-second clause
PLAIN_SPEECH = frozenset(
    {
        "sagen",
        "erklären",
        "betonen",
        "mitteilen",
        "berichten",
        "schreiben",
        "meinen",
        "versichern",
        "behaupten",
        "hinzufügen",
        "ergänzen",
        "unterstreichen",
        "bekräftigen",
        "antworten",
        "entgegnen",
        "melden",
        "heißen",
        "glauben",
        "denken",
        "finden",
        "hoffen",
        "fürchten",
        "befürchten",
        "warnen",
        "kritisieren",
        "bestätigen",
        "ankündigen",
        "feststellen",
        "argumentieren",
        "einräumen",
        "zugeben",
    }
)


@attrs.frozen(eq=False)
class CueContext:
    """One cue verb of a sentence, with what :mod:`quotable.indirect` found around it."""

    doc: Document
    index: int
    sentence: Sentence
    verb: Word
    entry: cues.VerbCue
    in_direct: set[int]
    speaker_words: list[Word]
    addressee: list[Word]
    cue_words: list[Word]

    def finding(self, rule: str, words: list[Word], cue: list[Word], speaker: list[Word]) -> list[Finding]:
        """The quote of ``words`` for this cue, with its rule's confidence times :data:`_SURFACE`."""
        found = make(
            self.doc,
            self.index,
            self.sentence,
            rule,
            words,
            cue,
            self.entry.lemma,
            speaker,
            self.addressee,
            self.entry.medium,
            self.verb,
        )
        if found is None:
            return []
        quote = attrs.evolve(found.quote, confidence=round(found.quote.confidence * _SURFACE, 3), rule=rule)
        return [Finding(quote, self.index, self.verb)]


_SURFACE = 0.9
"""What a surface reading keeps of its rule's confidence."""


def after_cue(at: CueContext) -> list[Finding]:
    """Reported speech the parse did not attach to its cue verb, found from the surface:
    „X sagte der Zeitung, dass …“ / „X erklärte, er sei …“ / „Wie X mitteilte, …“ —
    the cue's own clause ends at a comma, and a dass/ob clause, a Konjunktiv clause or
    a zu-infinitive runs from there to the end of the sentence."""
    sentence, verb, entry = at.sentence, at.verb, at.entry
    words = sentence.words
    # the comma after the cue's clause: „sagte der Chef der Firma, Max Roth (SPD), …“
    # has its speaker's apposition in commas
    start = max([verb.id, *(w.id for w in at.speaker_words if w.id > verb.id)])
    comma = next((w for w in words[start:] if w.text == ","), None)
    if comma is None:
        return []
    between = [w for w in words[verb.id : comma.id - 1] if w.id not in {c.id for c in at.cue_words}]
    if finite_verbs(between) or any(w.id in at.in_direct for w in between if w.upos != "PUNCT"):
        return []
    first_word = words[0]
    wie = first_word.lemma.lower() == "wie" and first_word.id < verb.id
    rest = [
        w for w in words[comma.id :] if not (w.upos == "PUNCT" and w.text in ".!?…" and w.id == len(words))
    ]
    if len(rest) < 2 or all_quoted(rest, at.in_direct):
        return []
    lead = rest[0].text.lower()
    rule: str | None = None
    verbs = finite_verbs(rest)
    if wie:
        rule = "indirect.wie" if verbs else None
    elif lead in ("dass", "daß") and entry.clause:
        rule = "indirect.dass"
    elif lead == "ob" and entry.clause:
        rule = "indirect.ob"
    elif entry.clause and verbs and rest[0].upos not in ("SCONJ",) and not relative_clause(rest):
        if is_konjunktiv(verbs[0]):
            rule = "indirect.clause"
        elif entry.lemma in PLAIN_SPEECH and verbs[0].id <= rest[0].id + 4:
            rule = "indirect.clause_indicative"  # verb second: „teilte mit, Blair steht bereit“
    elif entry.infinitive and any(w.text.lower() == "zu" for w in rest) and not verbs and lead not in PURPOSE:
        rule = "indirect.infinitive"
    if rule is None:
        return []
    return at.finding(rule, rest, [w for w in words if w.id == 1 and wie] + at.cue_words, at.speaker_words)


def before_cue(at: CueContext) -> list[Finding]:
    """„Die Frau sei unverletzt, bestätigte ein Sprecher des Amtes.“: a clause with a
    Konjunktiv verb (or plain speech) before a comma, the cue verb right after it, and
    its subject after the verb, however the parser hung the words."""
    sentence, verb, entry = at.sentence, at.verb, at.entry
    words = sentence.words
    if not entry.clause or verb.id < 4 or sentence.word(verb.id - 1).text != ",":
        return []
    before = [w for w in words[: verb.id - 2] if not (w.upos == "PUNCT" and w.id == 1)]
    if len(before) < 2 or before[0].upos == "SCONJ" or all_quoted(before, at.in_direct):
        return []
    verbs = finite_verbs(before)
    # the clause's own verb comes first (verb second), not one of a relative clause in it
    if not verbs or not (is_konjunktiv(verbs[0]) or entry.lemma in PLAIN_SPEECH) or verbs[0].id > 6:
        return []
    speaker = speaker_of(sentence, verb, skip=frozenset(w.id for w in before))
    if (
        not speaker
        or speaker[0].id < verb.id
        or not any(w.head == verb.id and w.deprel == "nsubj" for w in speaker)
    ):
        return []  # the parsed subject after the verb, not an object („befürchtet weitere Tote“)
    rest = [w for w in words[speaker[-1].id :] if w.upos != "PUNCT" or w.text == ":"]
    if len(rest) > 3 or any(w.text == ":" for w in rest):
        return []  # the sentence goes on („beziffert die Zahl …, auf 200“, „erklärt er: „…““)
    return at.finding("indirect.before_frame", before, at.cue_words, speaker)
