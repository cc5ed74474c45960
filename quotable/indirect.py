"""Reported speech without quotation marks, sentence by sentence: :func:`find`.

Rules over the dependency parse of each sentence (see docs/rules.md).  This module
owns the rules of cue verbs:

* ``indirect.dass`` / ``indirect.ob``: a cue verb with a dass/ob clause
  (Er betonte, dass …);
* ``indirect.clause``: a cue verb with a verb-second clause, in Konjunktiv or
  after a plain speech verb (Er sagte, er sei krank);
* ``indirect.before_frame``: the clause comes first (Die Lage sei ernst, sagte er);
* ``indirect.infinitive``: a zu-infinitive (forderte ihn auf, zurückzutreten);
* ``indirect.wie``: Wie die Polizei mitteilte, wurden drei Menschen verletzt.

:func:`find` also applies the rules of words that are not verbs: source phrases
(:mod:`quotable.source_phrases`: laut, zufolge, nach Angaben, gemäß, „so X“,
Demnach), statement nouns (:mod:`quotable.statement_nouns`) and frames that point
back („… Das bestätigte der Sprecher.“, :mod:`quotable.back_frames`), and keeps the most
confident of overlapping findings.  How a finding's spans are cut is
:mod:`quotable.findings`; speech that is a whole sentence (reported, continuing
Konjunktiv, hearsay) is :mod:`quotable.whole_sentences`.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotable import back_frames, cues, source_phrases, statement_nouns, surface_clauses
from quotable.addressees import addressee_of
from quotable.document import Document
from quotable.findings import Finding, all_quoted, has_finite, make
from quotable.mark_kinds import MarkKind
from quotable.model import Quote, Span
from quotable.participants import can_speak, clause_subjects_after_comma, speaker_of
from quotable.phrases import in_quoted_name
from quotable.statement_nouns import PURPOSE
from quotable.subordinate_subjects import wie_clause_speaker
from quotable.surface_clauses import PLAIN_SPEECH
from quotable.syntax import Sentence, Word
from quotable.verbs import cue_verb, finite_verbs, has_zu, is_konjunktiv, particles_of, verb_complex

COMPLEMENT = frozenset({"ccomp", "parataxis", "xcomp", "csubj"})


def _speech_ids(doc: Document, sentence: Sentence) -> set[int]:
    """Ids of words inside a direct quotation of statement length (indirect rules skip them)."""
    ids = set()
    for w in sentence.words:
        if doc.inside_quote(w, (MarkKind.SPEECH,)) is not None:
            ids.add(w.id)
    return ids


def find(doc: Document, agency_spans: Sequence[tuple[Span, str]]) -> list[Finding]:
    """All indirect and reported speech in the document, in text order."""
    findings: list[Finding] = []
    for index, sentence in enumerate(doc.sentences):
        if not sentence.parsed or len(sentence.words) < 3:
            continue
        in_direct = _speech_ids(doc, sentence)
        found = _sentence_findings(doc, index, sentence, in_direct)
        found.extend(back_frames.back_frame(doc, index, sentence))
        found.extend(back_frames.inner_back_frame(doc, index, sentence))
        findings.extend(_deduplicate(found))
    return findings


def _deduplicate(found: list[Finding]) -> list[Finding]:
    """Keep the most confident of findings whose quotes overlap, except that one may
    properly contain another (reported speech inside a relayed report)."""
    kept: list[Finding] = []
    for f in sorted(found, key=lambda f: -f.quote.confidence):
        if any(_overlap(f.quote, k.quote) and not _nests(f.quote, k.quote) for k in kept):
            continue
        kept.append(f)
    return sorted(kept, key=lambda f: f.quote.start)


def _nests(a: Quote, b: Quote) -> bool:
    """Whether one quote lies inside the other and is clearly smaller."""

    def inside(x: Quote, y: Quote) -> bool:
        return all(any(p.start <= s.start and s.end <= p.end for p in y.spans) for s in x.spans)

    size_a = sum(len(s) for s in a.spans)
    size_b = sum(len(s) for s in b.spans)
    return (inside(a, b) and size_a + 10 < size_b) or (inside(b, a) and size_b + 10 < size_a)


def _overlap(a: Quote, b: Quote) -> bool:
    return any(x.overlaps(y) for x in a.spans for y in b.spans)


def _sentence_findings(doc: Document, index: int, sentence: Sentence, in_direct: set[int]) -> list[Finding]:
    found: list[Finding] = []
    for word in sentence.words:
        if word.id in in_direct:
            continue
        if word.upos in ("VERB", "AUX") or any(c.deprel == "cop" for c in sentence.children(word)):
            found.extend(_verb_rules(doc, index, sentence, word, in_direct))
        if word.upos in ("NOUN", "PROPN"):  # the tagger takes some for names („die Theorie“)
            found.extend(statement_nouns.noun_rule(doc, index, sentence, word, in_direct))
        entry = cues.word(word.text)
        if entry is not None:
            found.extend(source_phrases.word_rules(doc, index, sentence, word, entry, in_direct))
    return found


# ---------------------------------------------------------------- verbs
def _complement_candidates(sentence: Sentence, verb: Word) -> list[Word]:
    """The verb's clause complements, and where a weak parse put them elsewhere: a
    plain dass/ob-clause as an adverbial clause, or under the separated particle
    („gab … bekannt, dass …“ with the clause under „bekannt“)."""

    def plain_dass_or_ob(clause: Word) -> bool:
        marks = {c.lemma.lower() for c in sentence.children(clause) if c.deprel == "mark"}
        return bool(marks) and marks <= {"dass", "daß", "ob"}

    def infinitive_conjunct(clause: Word) -> bool:
        # „wird der Präsident aufgefordert, sein Amt niederzulegen“ parsed as a conjunct
        first = sentence.subtree(clause)[0]
        return (
            clause.id > verb.id
            and has_zu(sentence, clause)
            and first.text == ","
            and not any(c.deprel == "cc" for c in sentence.children(clause))
        )

    return [
        c
        for head in (verb, *particles_of(sentence, verb))
        for c in sentence.children(head)
        if c.deprel in COMPLEMENT
        or (c.deprel in ("advcl", "acl") and plain_dass_or_ob(c))
        or (c.deprel == "conj" and infinitive_conjunct(c))
    ]


def _verb_rules(
    doc: Document, index: int, sentence: Sentence, verb: Word, in_direct: set[int]
) -> list[Finding]:
    entry = cue_verb(sentence, verb)
    if entry is None or statement_nouns.statement_object(sentence, verb):
        # „wies eine Äußerung von X zurück, Y habe …“: the clause is X's statement (the
        # noun rule), not the rejecting verb's
        return []
    out: list[Finding] = []
    speaker_words = _speaker_words(sentence, verb)
    addressee = addressee_of(sentence, verb)
    cue_words = verb_complex(sentence, verb)

    def add(rule: str, words: list[Word], cue: list[Word]) -> None:
        found = make(
            doc, index, sentence, rule, words, cue, entry.lemma, speaker_words, addressee, entry.medium, verb
        )
        if found is not None:
            out.append(found)

    for child in _complement_candidates(sentence, verb):
        if child.upos not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON", "ADV"):
            continue
        marks = {c.lemma.lower() for c in sentence.children(child) if c.deprel == "mark"}
        words = filled_clause(sentence, child, verb)
        if all_quoted(words, in_direct):
            continue  # the complement is a direct quotation: the direct rules attribute it
        rule: str | None = None
        # „Negativzinsen seien kaum noch zu vermitteln, sagte sie“: a zu-infinitive with its
        # own finite verb is a clause, not the cue verb's infinitive complement
        finite_zu = ("zu" in marks or has_zu(sentence, child)) and any(
            c.deprel in ("cop", "aux") and c.feat("VerbForm") == "Fin" for c in sentence.children(child)
        )
        if (child.deprel == "xcomp" or "zu" in marks or has_zu(sentence, child)) and not finite_zu:
            if entry.infinitive and not marks & PURPOSE:  # „…, um … zu“: why, not what was said
                rule = "indirect.infinitive"
        elif "dass" in marks or "daß" in marks:
            rule = "indirect.dass" if entry.clause else None
        elif "ob" in marks:
            rule = "indirect.ob" if entry.clause else None
        elif marks - {"wie", "zu"} or ("zu" in marks and not finite_zu):
            rule = None  # weil, wenn, als …: not reported speech
        elif entry.clause:
            konjunktiv = any(is_konjunktiv(v) for v in finite_verbs(words))
            if konjunktiv:
                rule = "indirect.clause" if child.id > verb.id else "indirect.before_frame"
            elif entry.lemma in PLAIN_SPEECH and has_finite(words):
                rule = "indirect.clause_indicative" if child.id > verb.id else "indirect.before_frame"
        if rule is None:
            continue
        add(rule, words, cue_words)
    head = sentence.head_of(verb)
    # the clause comes first and the cue verb hangs off it: „Die Lage sei ernst, sagte er.“
    if (
        head is not None
        and verb.deprel in ("parataxis", "ccomp", "conj")
        and head.id < verb.id
        and entry.clause
        # „X sagte, man habe nichts gefunden“: the clause before is the frame of the one the
        # verb stands in, not a message of the verb
        and not (verb.deprel == "ccomp" and cue_verb(sentence, head) is not None)
    ):
        words = [w for w in filled_clause(sentence, head, verb) if w.id < verb.id]
        if (
            not all_quoted(words, in_direct)
            and has_finite(words)
            and _comma_before(sentence, verb, speaker_words)
            # „…, bestätigen die hohen Kosten“: an object parsed as the subject
            and (not speaker_words or any(can_speak(w) for w in speaker_words))
        ):
            konjunktiv = any(is_konjunktiv(v) for v in finite_verbs(words))
            if konjunktiv or entry.lemma in PLAIN_SPEECH:
                add("indirect.before_frame", words, cue_words)
    # „Wie die Polizei mitteilte, wurden …“
    wie = [c for c in sentence.children(verb) if c.deprel == "mark" and c.lemma.lower() == "wie"]
    if wie and head is not None and verb.deprel == "advcl" and verb.id < head.id and head.deprel == "root":
        words = [w for w in filled_clause(sentence, head, verb) if w.id > verb.id]
        add("indirect.wie", words, [*wie, *cue_words])
    # „Der Mann soll zwei Banken überfallen haben, wie die Polizei mitteilte.“
    if head is not None and verb.deprel == "advcl" and head.id < verb.id and speaker_words:
        trailing = _trailing_wie(sentence, verb)
        words = _before_wie(sentence, head, verb, trailing) if trailing is not None else []
        if trailing is not None and words and not all_quoted(words, in_direct):
            add("indirect.wie_after", words, [trailing, *cue_words])
    if not out:
        at = surface_clauses.CueContext(
            doc, index, sentence, verb, entry, in_direct, speaker_words, addressee, cue_words
        )
        out.extend(surface_clauses.after_cue(at) or surface_clauses.before_cue(at))
    return out


def _trailing_wie(sentence: Sentence, verb: Word) -> Word | None:
    """The „wie“ that opens the cue verb's clause right after a comma, where that clause ends
    the sentence: „…, wie die Polizei mitteilte.“, „…, wie er angegeben hat.“"""
    first = min(w.id for w in sentence.subtree(verb) if w.upos != "PUNCT")
    wie = sentence.word(first)
    if first < 3 or wie.lemma.lower() != "wie" or sentence.word(first - 1).text != ",":
        return None
    # the verb ends the sentence (its auxiliaries aside): no clause of its own follows
    return wie if all(w.upos in ("PUNCT", "AUX") for w in sentence.words[verb.id :]) else None


def _before_wie(sentence: Sentence, head: Word, verb: Word, wie: Word) -> list[Word]:
    """The main clause a trailing wie-clause frames („Der Mann soll zwei Banken überfallen
    haben, wie die Polizei mitteilte.“), across „und“ („… erstochen und missbraucht haben,
    wie …“); nothing when it has no finite verb or is itself subordinate („… kam zu dem
    Schluss, dass X …, wie die Zeitung schreibt“ relays a clause another cue frames)."""
    clause = head
    while clause.deprel == "conj" and (up := sentence.head_of(clause)) is not None:
        clause = up
    words = [w for w in filled_clause(sentence, clause, verb) if w.id < wie.id - 1]
    opening = next((w for w in words if w.upos != "PUNCT"), None)
    if opening is None or opening.upos == "SCONJ" or not has_finite(words):
        return []
    return words


def filled_clause(sentence: Sentence, head: Word, cue: Word) -> list[Word]:
    """The clause under ``head`` as one stretch of words: gaps the parser left are
    filled (German clauses are contiguous), but the stretch stops before the cue
    verb's own words (its subject, its particle, the verb itself)."""
    ids = [w.id for w in sentence.subtree(head)]
    cue_side = {w.id for w in sentence.words if w.head == cue.id and w.id != head.id} | {cue.id}
    if head.id > cue.id:
        stray = _stray_subject(sentence, cue, head)
        low = stray if stray is not None else max([i for i in cue_side if i < head.id], default=0) + 1
        ids = [i for i in ids if i >= low]
        high = max(ids)
        low = low if stray is not None else min(ids)
    else:
        high = min([i for i in cue_side if i > head.id], default=len(sentence.words) + 1) - 1
        ids = [i for i in ids if i <= high]
        low, high = min(ids), max(ids)
    return [sentence.word(i) for i in range(low, high + 1)]


def _stray_subject(sentence: Sentence, cue: Word, head: Word) -> int | None:
    """Where the subject of the clause ``head`` starts that the parser gave the cue verb as a
    second subject, after a comma („Der Wart meinte, Anna Roth, die …, sei nicht verletzt“)."""
    if not any(c.deprel == "nsubj" and c.id < cue.id for c in sentence.children(cue)):
        return None
    for child in clause_subjects_after_comma(sentence, cue):
        if child.id < head.id:
            return min(w.id for w in sentence.subtree(child) if w.upos != "PUNCT")
    return None


def _speaker_words(sentence: Sentence, verb: Word) -> list[Word]:
    """The cue verb's speaker, never a word of its own complement clause (on the clause's
    side of the verb: a parse that hangs the Vorfeld on the clause does not take the speaker)."""
    skip = frozenset(
        w.id
        for c in sentence.children(verb)
        if c.deprel in COMPLEMENT and not in_quoted_name(sentence, c)
        for w in sentence.subtree(c)
        if (w.id > verb.id) == (c.id > verb.id)
    )
    return speaker_of(sentence, verb, skip=skip) or wie_clause_speaker(sentence, verb)


def _comma_before(sentence: Sentence, verb: Word, speaker: Sequence[Word]) -> bool:
    """Whether a comma separates the cue clause from what comes before it."""
    first = min(
        [verb.id, *(w.id for w in speaker)]
        + [c.id for c in sentence.children(verb) if c.deprel != "punct" and c.id < verb.id]
    )
    return first > 1 and sentence.word(first - 1).text in (",", "–", "-")
