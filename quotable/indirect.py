"""Reported speech without quotation marks: indirect, reported, free indirect.

Rules over the dependency parse of each sentence (see docs/rules.md):

* ``indirect.dass`` / ``indirect.ob``: a cue verb with a dass/ob clause
  (Er betonte, dass …);
* ``indirect.clause``: a cue verb with a verb-second clause, in Konjunktiv or
  after a plain speech verb (Er sagte, er sei krank);
* ``indirect.before_frame``: the clause comes first (Die Lage sei ernst, sagte er);
* ``indirect.infinitive``: a zu-infinitive (forderte ihn auf, zurückzutreten);
* ``indirect.wie``: Wie die Polizei mitteilte, wurden drei Menschen verletzt;
* ``indirect.laut`` / ``indirect.zufolge`` / ``indirect.nach`` / ``indirect.gemäß``:
  a source phrase (laut Interfax, Medienberichten zufolge, nach Angaben der Polizei);
* ``indirect.so``: Die Lage sei ernst, so der Minister;
* ``indirect.anaphor``: Demnach/Wonach … (with Konjunktiv or sollen);
* ``indirect.noun``: a statement noun with a Konjunktiv clause (eine Äußerung
  von Trump, Russland und China hätten sich verschworen);
* ``reported``: a speech act with a noun-phrase object and no clause
  (Die Grünen forderten eine schnellere Entscheidung.): the whole sentence;
* ``indirect_free_indirect``: Konjunktiv-I sentences that go on reporting the
  previous speaker without a new frame;
* ``free_indirect``: hearsay with ``soll`` and a perfect infinitive (Er soll
  das Geld genommen haben).

Spans follow the WikiNews corpus: the quote of indirect speech includes dass/ob
and leaves out the comma before it and the sentence-final punctuation; the
frame is the rest of the sentence without its final punctuation; reported,
free indirect and continuing Konjunktiv sentences are whole sentences with
their punctuation and have neither cue nor frame.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotable import cues
from quotable.document import Document
from quotable.marks import MarkKind
from quotable.model import Cue, Medium, Mention, Quote, QuoteType, Span, Speaker
from quotable.phrases import (
    clause,
    contiguous,
    cue_verb,
    extend_noun_phrase,
    finite_verbs,
    is_konjunktiv,
    is_konjunktiv_one,
    is_passive,
    mention_words,
    noun_phrase,
    particles_of,
    speaker_of,
    surface_noun_phrase,
    trim,
    verb_complex,
)
from quotable.syntax import Sentence, Word

_COMPLEMENT = frozenset({"ccomp", "parataxis", "xcomp", "csubj"})
# verbs that report speech even with an indicative verb-second clause
_PLAIN_SPEECH = frozenset(
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
_SOURCE_RULES = frozenset(
    {
        "indirect.laut",
        "indirect.gemäß",
        "indirect.zufolge",
        "indirect.nach",
        "indirect.so",
        "indirect.anaphor",
    }
)
CONFIDENCE = {
    "indirect.dass": 0.9,
    "indirect.ob": 0.7,
    "indirect.clause": 0.9,
    "indirect.clause_indicative": 0.3,
    "indirect.before_frame": 0.65,
    "indirect.infinitive": 0.9,
    "indirect.wie": 0.95,
    "indirect.laut": 0.95,
    "indirect.gemäß": 0.9,
    "indirect.zufolge": 0.95,
    "indirect.nach": 0.9,
    "indirect.so": 0.9,
    "indirect.relay": 0.8,
    "indirect.anaphor": 0.8,
    "indirect.noun": 0.9,
    "reported": 0.35,
    "indirect_free_indirect": 0.8,
    "free_indirect": 0.6,
    "free_indirect.soll": 0.55,
}


@attrs.frozen
class Finding:
    """A quote found in one sentence, before speakers are resolved to names."""

    quote: Quote
    sentence: int
    cue_word: Word | None = None


def _mention(doc: Document, sentence: Sentence, words: Sequence[Word]) -> Mention | None:
    spans = contiguous(sentence, words)
    return Mention.from_spans(doc.text, spans) if spans else None


def _speaker(doc: Document, sentence: Sentence, words: Sequence[Word]) -> Speaker | None:
    spans = contiguous(sentence, words)
    return Speaker.from_spans(doc.text, spans) if spans else None


def _cue(doc: Document, sentence: Sentence, words: Sequence[Word], lemma: str | None) -> Cue | None:
    spans = contiguous(sentence, words)
    return Cue.from_spans(doc.text, spans, lemma) if spans else None


def frame_words(sentence: Sentence, quote_ids: set[int]) -> list[Word]:
    """The rest of the sentence: not quote, not the final punctuation."""
    rest = [w for w in sentence.words if w.id not in quote_ids]
    while rest and rest[-1].upos == "PUNCT" and rest[-1].text in ".!?…":
        rest.pop()
    return rest


# verbs whose accusative object is the addressee: „forderte ihn auf“, „beschuldigte die Regierung“
_ADDRESSEE_OBJECT = frozenset(
    {
        "auffordern",
        "aufrufen",
        "beschuldigen",
        "bezichtigen",
        "bitten",
        "drängen",
        "ermahnen",
        "informieren",
        "unterrichten",
        "anweisen",
        "warnen",
        "fragen",
        "anklagen",
        "kritisieren",
    }
)


def addressee_of(sentence: Sentence, verb: Word) -> list[Word]:
    """To whom, as the corpus marks it (without a preposition): a dative object
    („sagte der Zeitung“), „gegenüber X“, „an X gerichtet/gewandt“, „im Interview mit X“,
    or the person asked, accused or urged („forderte ihn auf“, „warf dem Iran vor“)."""
    entry = cue_verb(sentence, verb)
    lemma = entry.lemma if entry is not None else ""
    for child in sentence.children(verb):
        case = [c for c in sentence.children(child) if c.deprel == "case"]
        nominal = child.upos in ("NOUN", "PROPN", "PRON") and child.lemma.lower() not in ("sich", "es", "man")
        if (
            not case
            and nominal
            and (
                child.deprel == "iobj"
                or (child.deprel == "obj" and (child.feat("Case") == "Dat" or lemma in _ADDRESSEE_OBJECT))
            )
        ):
            return extend_noun_phrase(sentence, noun_phrase(sentence, child))
        if case and case[0].lemma.lower() == "gegenüber" and nominal:
            return extend_noun_phrase(sentence, noun_phrase(sentence, child))
        if child.deprel in ("advcl", "xcomp", "acl") and child.lemma.lower() in (
            "richten",
            "wenden",
            "gerichtet",
            "gewandt",
        ):
            for grandchild in sentence.children(child):
                if grandchild.deprel.startswith("obl") and any(
                    c.deprel == "case" and c.lemma.lower() == "an" for c in sentence.children(grandchild)
                ):
                    return noun_phrase(sentence, grandchild)
    # „gegenüber der Presse“ hung elsewhere by the parser: the words after it in the clause
    for word in sentence.words:
        if word.lemma.lower() == "gegenüber" and word.upos == "ADP" and word.id < len(sentence.words):
            nxt = sentence.word(word.id + 1)
            if nxt.upos in ("DET", "NOUN", "PROPN", "ADJ") and abs(word.id - verb.id) <= 8:
                head = nxt
                while head.upos in ("DET", "ADJ") and head.id < len(sentence.words):
                    head = sentence.word(head.id + 1)
                if head.upos in ("NOUN", "PROPN"):
                    return extend_noun_phrase(sentence, list(sentence.words[nxt.id - 1 : head.id]))
    return []


def _medium(entry: cues.VerbCue | None) -> Medium | None:
    return None if entry is None else entry.medium


def _quote_words(sentence: Sentence, words: Sequence[Word]) -> list[Word]:
    """Quote words as the corpus marks them: no edge punctuation except a closing quote mark."""
    ordered = sorted(words, key=lambda w: w.id)
    return trim(ordered)


def _with_whole_quotations(doc: Document, sentence: Sentence, words: list[Word]) -> list[Word]:
    """Reported speech that ends inside a quotation in marks takes the whole quotation:
    a quotation is a unit, whatever the parse attached its last words to."""
    if not words:
        return words
    last = words[-1]
    for q in doc.speech_quotes:
        if q.start < last.end < q.end and q.start >= words[0].start:
            extra = [w for w in sentence.words if w.id > last.id and w.end <= q.end]
            return [*words, *extra]
    return words


def _relative_clause(words: Sequence[Word]) -> bool:
    """„…, sagte Arturo Arauz, [der das Gesetz entworfen hatte]“: a relative clause
    (or a „wie“ comparison) describes someone; it is not what was said."""
    first = words[0]
    lower = first.text.lower()
    if lower in ("wie", "wobei", "womit", "worauf", "wodurch"):
        return True
    if lower in ("der", "die", "das", "dem", "den", "dessen", "deren", "welcher", "welche", "welches"):
        following = words[1] if len(words) > 1 else None
        if following is None or following.upos in ("NOUN", "ADJ", "PROPN", "NUM"):
            return False  # an article: „die Lage sei ernst“
        if finite_verbs([following]):
            return False  # verb second: „das sei falsch“ is a main clause
        content = [w for w in words if w.upos != "PUNCT"]
        return bool(content) and bool(finite_verbs(content[-1:]))  # verb last: a relative clause
    return False


def _cuts_a_quotation(doc: Document, words: Sequence[Word]) -> bool:
    """Whether the words start outside a statement-length quotation and end inside it
    (or the reverse): then they are not one piece of reported speech."""
    start, end = words[0].start, words[-1].end
    for q in doc.speech_quotes:
        if q.kind is not MarkKind.SPEECH:
            continue
        if (start < q.start < end < q.end) or (q.start < start < q.end < end):
            return True
    return False


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
        if word.upos == "NOUN":
            found.extend(_noun_rule(doc, index, sentence, word, in_direct))
        entry = cues.word(word.text)
        if entry is not None:
            found.extend(_word_rules(doc, index, sentence, word, entry, in_direct))
    return found


# ---------------------------------------------------------------- verbs
def _make(
    doc: Document,
    index: int,
    sentence: Sentence,
    rule: str,
    quote_words: Sequence[Word],
    cue_words: Sequence[Word],
    lemma: str | None,
    speaker_words: Sequence[Word],
    addressee_words: Sequence[Word],
    medium: Medium | None,
    cue_word: Word | None = None,
) -> Finding | None:
    quote_words = _with_whole_quotations(doc, sentence, _quote_words(sentence, quote_words))
    if len(quote_words) < 2 or _cuts_a_quotation(doc, quote_words) or _relative_clause(quote_words):
        return None
    outside = [w for w in quote_words if doc.inside_quote(w, (MarkKind.SPEECH,)) is None]
    if rule not in _SOURCE_RULES and not any(w.upos in ("VERB", "AUX") for w in outside):
        return None  # the clause's verbs all stand inside a quotation: that is direct speech
    starts = {q.start for q in doc.speech_quotes if q.kind is MarkKind.SPEECH}
    if any(w.text == ":" and any(0 <= s - w.end <= 2 for s in starts) for w in outside):
        return None  # „…: „…““: a colon introduces direct speech, not a reported clause
    spans = contiguous(sentence, quote_words)
    quote_ids = {w.id for w in quote_words}
    frame = _mention(doc, sentence, frame_words(sentence, quote_ids))
    content = " ".join(s.of(doc.text) for s in spans)
    quote = Quote(
        type=QuoteType.INDIRECT,
        spans=spans,
        content=spans,
        text=content,
        speaker=_speaker(doc, sentence, mention_words(speaker_words, spans)) if speaker_words else None,
        cue=_cue(doc, sentence, cue_words, lemma) if cue_words else None,
        frame=frame,
        addressee=_mention(doc, sentence, mention_words(addressee_words, spans)) if addressee_words else None,
        medium=medium,
        confidence=CONFIDENCE[rule],
        rule=rule,
    )
    return Finding(quote, index, cue_word)


def _complement_candidates(sentence: Sentence, verb: Word) -> list[Word]:
    """The verb's clause complements, and where a weak parse put them elsewhere: a
    plain dass/ob-clause as an adverbial clause, or under the separated particle
    („gab … bekannt, dass …“ with the clause under „bekannt“)."""

    def plain_dass_or_ob(clause: Word) -> bool:
        marks = {c.lemma.lower() for c in sentence.children(clause) if c.deprel == "mark"}
        return bool(marks) and marks <= {"dass", "daß", "ob"}

    return [
        c
        for head in (verb, *particles_of(sentence, verb))
        for c in sentence.children(head)
        if c.deprel in _COMPLEMENT or (c.deprel in ("advcl", "acl") and plain_dass_or_ob(c))
    ]


def _verb_rules(
    doc: Document, index: int, sentence: Sentence, verb: Word, in_direct: set[int]
) -> list[Finding]:
    entry = cue_verb(sentence, verb)
    if entry is None or _statement_object(sentence, verb):
        # „wies eine Äußerung von X zurück, Y habe …“: the clause is X's statement (the
        # noun rule), not the rejecting verb's
        return []
    out: list[Finding] = []
    speaker_words = _speaker_words(sentence, verb)
    addressee = addressee_of(sentence, verb)
    cue_words = verb_complex(sentence, verb)
    for child in _complement_candidates(sentence, verb):
        if child.upos not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON", "ADV"):
            continue
        marks = {c.lemma.lower() for c in sentence.children(child) if c.deprel == "mark"}
        words = filled_clause(sentence, child, verb)
        if _all_quoted(words, in_direct):
            continue  # the complement is a direct quotation: the direct rules attribute it
        rule: str | None = None
        if child.deprel == "xcomp" or "zu" in marks or _has_zu(sentence, child):
            if entry.infinitive:
                rule = "indirect.infinitive"
        elif "dass" in marks or "daß" in marks:
            rule = "indirect.dass" if entry.clause else None
        elif "ob" in marks:
            rule = "indirect.ob" if entry.clause else None
        elif marks - {"wie"}:
            rule = None  # weil, wenn, als …: not reported speech
        elif entry.clause:
            konjunktiv = any(is_konjunktiv(v) for v in finite_verbs(words))
            if konjunktiv:
                rule = "indirect.clause" if child.id > verb.id else "indirect.before_frame"
            elif entry.lemma in _PLAIN_SPEECH and _finite(words):
                rule = "indirect.clause_indicative" if child.id > verb.id else "indirect.before_frame"
        if rule is None:
            continue
        finding = _make(
            doc,
            index,
            sentence,
            rule,
            words,
            cue_words,
            entry.lemma,
            [] if is_passive(sentence, verb) else speaker_words,
            addressee,
            entry.medium,
            verb,
        )
        if finding is not None:
            out.append(finding)
    head = sentence.head_of(verb)
    # the clause comes first and the cue verb hangs off it: „Die Lage sei ernst, sagte er.“
    if (
        head is not None
        and verb.deprel in ("parataxis", "ccomp", "conj")
        and head.id < verb.id
        and entry.clause
    ):
        words = [w for w in filled_clause(sentence, head, verb) if w.id < verb.id]
        if (
            not _all_quoted(words, in_direct)
            and _finite(words)
            and _comma_before(sentence, verb, speaker_words)
        ):
            konjunktiv = any(is_konjunktiv(v) for v in finite_verbs(words))
            if konjunktiv or entry.lemma in _PLAIN_SPEECH:
                finding = _make(
                    doc,
                    index,
                    sentence,
                    "indirect.before_frame",
                    words,
                    cue_words,
                    entry.lemma,
                    speaker_words,
                    addressee,
                    entry.medium,
                    verb,
                )
                if finding is not None:
                    out.append(finding)
    # „Wie die Polizei mitteilte, wurden …“
    wie = [c for c in sentence.children(verb) if c.deprel == "mark" and c.lemma.lower() == "wie"]
    if wie and head is not None and verb.deprel == "advcl" and verb.id < head.id and head.deprel == "root":
        words = [w for w in filled_clause(sentence, head, verb) if w.id > verb.id]
        finding = _make(
            doc,
            index,
            sentence,
            "indirect.wie",
            words,
            [*wie, *cue_words],
            entry.lemma,
            speaker_words,
            addressee,
            entry.medium,
            verb,
        )
        if finding is not None:
            out.append(finding)
    if not out:
        out.extend(
            _surface(doc, index, sentence, verb, entry, in_direct, speaker_words, addressee, cue_words)
        )
    return out


def _surface(
    doc: Document,
    index: int,
    sentence: Sentence,
    verb: Word,
    entry: cues.VerbCue,
    in_direct: set[int],
    speaker_words: list[Word],
    addressee: list[Word],
    cue_words: list[Word],
) -> list[Finding]:
    """Reported speech the parse did not attach to its cue verb, found from the surface:
    „X sagte der Zeitung, dass …“ / „X erklärte, er sei …“ / „Wie X mitteilte, …“ —
    the cue's own clause ends at a comma, and a dass/ob clause, a Konjunktiv clause or
    a zu-infinitive runs from there to the end of the sentence."""
    words = sentence.words
    comma = next((w for w in words[verb.id :] if w.text == ","), None)
    if comma is None:
        return []
    between = [w for w in words[verb.id : comma.id - 1] if w.id not in {c.id for c in cue_words}]
    if finite_verbs(between) or any(w.id in in_direct for w in between if w.upos != "PUNCT"):
        return []
    first_word = words[0]
    wie = first_word.lemma.lower() == "wie" and first_word.id < verb.id
    rest = [
        w for w in words[comma.id :] if not (w.upos == "PUNCT" and w.text in ".!?…" and w.id == len(words))
    ]
    if len(rest) < 2 or _all_quoted(rest, in_direct):
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
    elif entry.clause and verbs and rest[0].upos not in ("SCONJ",) and not _relative_clause(rest):
        if is_konjunktiv(verbs[0]):
            rule = "indirect.clause"
        elif entry.lemma in _PLAIN_SPEECH and verbs[0].id <= rest[0].id + 4:
            rule = "indirect.clause_indicative"  # verb second: „teilte mit, Blair steht bereit“
    elif entry.infinitive and any(w.text.lower() == "zu" for w in rest) and not verbs:
        rule = "indirect.infinitive"
    if rule is None:
        return []
    speaker = [] if is_passive(sentence, verb) else speaker_words
    cue = [w for w in words if w.id == 1 and wie] + cue_words
    finding = _make(
        doc, index, sentence, rule, rest, cue, entry.lemma, speaker, addressee, entry.medium, verb
    )
    if finding is None:
        return []
    surface = attrs.evolve(finding.quote, confidence=round(finding.quote.confidence * 0.9, 3), rule=rule)
    return [Finding(surface, index, verb)]


def filled_clause(sentence: Sentence, head: Word, cue: Word) -> list[Word]:
    """The clause under ``head`` as one stretch of words: gaps the parser left are
    filled (German clauses are contiguous), but the stretch stops before the cue
    verb's own words (its subject, its particle, the verb itself)."""
    ids = [w.id for w in sentence.subtree(head)]
    cue_side = {w.id for w in sentence.words if w.head == cue.id and w.id != head.id} | {cue.id}
    if head.id > cue.id:
        low = max([i for i in cue_side if i < head.id], default=0) + 1
        ids = [i for i in ids if i >= low]
        high = max(ids)
        low = min(ids)
    else:
        high = min([i for i in cue_side if i > head.id], default=len(sentence.words) + 1) - 1
        ids = [i for i in ids if i <= high]
        low, high = min(ids), max(ids)
    return [sentence.word(i) for i in range(low, high + 1)]


def _all_quoted(words: Sequence[Word], in_direct: set[int]) -> bool:
    """Whether every word but punctuation lies inside a direct quotation."""
    content = [w for w in words if w.upos != "PUNCT"]
    return bool(content) and all(w.id in in_direct for w in content)


def _speaker_words(sentence: Sentence, verb: Word) -> list[Word]:
    """The cue verb's speaker, never a word of its own complement clause."""
    skip = frozenset(
        w.id for c in sentence.children(verb) if c.deprel in _COMPLEMENT for w in sentence.subtree(c)
    )
    return speaker_of(sentence, verb, skip=skip)


def _has_zu(sentence: Sentence, verb: Word) -> bool:
    return any(c.text.lower() == "zu" and c.deprel == "mark" for c in sentence.children(verb)) or (
        verb.text.lower().find("zu") > 0 and verb.feat("VerbForm") == "Inf"
    )


def _finite(words: Sequence[Word]) -> bool:
    return bool(finite_verbs(words))


def _comma_before(sentence: Sentence, verb: Word, speaker: Sequence[Word]) -> bool:
    """Whether a comma separates the cue clause from what comes before it."""
    first = min(
        [verb.id, *(w.id for w in speaker)]
        + [c.id for c in sentence.children(verb) if c.deprel != "punct" and c.id < verb.id]
    )
    return first > 1 and sentence.word(first - 1).text in (",", "–", "-")


# ---------------------------------------------------------------- non-verbal cues
def _word_rules(
    doc: Document, index: int, sentence: Sentence, word: Word, entry: cues.WordCue, in_direct: set[int]
) -> list[Finding]:
    kind = entry.kind
    if kind in ("prep", "postp", "source"):
        source = _source_noun(sentence, word, kind)
        if source is None:
            return []
        relative = source.upos == "PRON" and source.text.lower() in _RELATIVE_SOURCES
        if kind == "source" and not (cues.is_source_noun(source.text) or relative):
            return []
        if kind == "prep" and source.id < word.id:
            return []
        clause_head = _verb_above(sentence, source)
        if clause_head is None:
            return []
        relay = cue_verb(sentence, clause_head) is not None and _has_other_quote(
            doc, sentence, clause_head, in_direct
        )
        if relay and any(w.id in in_direct for w in sentence.subtree(clause_head)):
            return []  # „sagte Kim laut Interfax: „…““: the agency relays a direct quote (via)
        phrase = {w.id for w in sentence.subtree(source)} | {word.id}
        low, high = min(phrase), max(phrase)
        words = [w for w in _clause_range(sentence, clause_head) if not low <= w.id <= high]
        if not words or _all_quoted(words, in_direct) or any(w.id in in_direct for w in words[:1]):
            return []
        speaker = _source_speaker(sentence, word, source, kind)
        name = "nach" if kind == "source" else word.text.lower()
        rule = f"indirect.{name}" if f"indirect.{name}" in CONFIDENCE else "indirect.laut"
        if relay:
            # „Er hatte laut tagesschau.de kritisiert, dass …“: the corpus annotates the
            # relay as its own quote around the reported one
            rule = "indirect.relay"
        finding = _make(doc, index, sentence, rule, words, [word], word.text.lower(), speaker, [], None, word)
        return [finding] if finding is not None else []
    if kind == "so":
        return _so_rule(doc, index, sentence, word, in_direct)
    if kind == "anaphor":
        head = sentence.head_of(word)
        if head is None or word.id in in_direct:
            return []
        words = clause(sentence, head)
        verbs = finite_verbs(words)
        if not any(is_konjunktiv(v) or v.lemma == "sollen" for v in verbs):
            return []
        words = [w for w in words if w.id != word.id]
        finding = _make(
            doc, index, sentence, "indirect.anaphor", words, [word], word.text.lower(), [word], [], None, word
        )
        return [finding] if finding is not None else []
    return []


_RELATIVE_SOURCES = frozenset({"denen", "dem", "der", "welchem", "welcher", "welchen"})


def _source_noun(sentence: Sentence, word: Word, kind: str) -> Word | None:
    """The noun a source preposition belongs to: its head, when the parse agrees with
    the surface (laut → a noun after it; zufolge → the noun right before it)."""
    head = sentence.head_of(word)
    if kind == "postp" or (kind == "source" and head is not None and head.id < word.id):
        before = sentence.word(word.id - 1) if word.id > 1 else None
        if before is not None and before.upos in ("NOUN", "PROPN", "PRON"):
            return before
        return head if head is not None and head.id < word.id else None
    if head is not None and head.id > word.id and head.upos in ("NOUN", "PROPN", "PRON", "X"):
        return head
    for w in sentence.words[word.id :]:
        if w.upos in ("NOUN", "PROPN"):
            return w
        if w.upos not in ("DET", "ADJ", "NUM", "ADV", "PUNCT"):
            break
    return None


def _source_speaker(sentence: Sentence, word: Word, source: Word, kind: str) -> list[Word]:
    """The source's mention, without the preposition.  A source phrase that opens its
    clause fills the Vorfeld, so everything up to the finite verb is the source
    („Laut einer am Dienstag veröffentlichten Mitteilung des WFP | sind …“)."""
    words = sentence.words
    start = word.id - 1
    clause_start = start == 0 or words[start - 1].text in (",", ":", ";", "(", "–")
    if kind in ("prep", "source") and clause_start:
        stretch: list[Word] = []
        for w in words[word.id :]:
            if w.text in (",", ":", ";") or finite_verbs([w]):
                break
            stretch.append(w)
        if stretch and any(w.id == source.id for w in stretch):
            return trim(stretch)
    if kind == "postp":
        stretch = []
        for w in reversed(words[: word.id - 1]):
            if w.text in (",", ":", ";", "(") or finite_verbs([w]):
                break
            stretch.insert(0, w)
        if stretch and any(w.id == source.id for w in stretch):
            return trim(stretch)
    if kind in ("prep", "source") and word.id < len(sentence.words):
        surface = surface_noun_phrase(sentence, sentence.word(word.id + 1))
        if surface and any(w.id == source.id for w in surface):
            return trim(surface)
    phrase = extend_noun_phrase(sentence, noun_phrase(sentence, source))
    cut: list[Word] = []
    for w in phrase:  # a weak parse may hang the clause's words on the source noun
        if w.id != source.id and (finite_verbs([w]) or w.text in (",", ":", ";")):
            break
        cut.append(w)
    return trim(cut)


def _verb_above(sentence: Sentence, word: Word) -> Word | None:
    """The nearest verb (or predicate) above ``word``: the clause a source phrase belongs to."""
    for ancestor in sentence.ancestors(word):
        if ancestor.upos in ("VERB", "AUX") or any(c.deprel == "cop" for c in sentence.children(ancestor)):
            return ancestor
    return None


def _clause_range(sentence: Sentence, head: Word) -> list[Word]:
    """The clause under ``head`` as one stretch, up to but not across a clause-level comma
    that starts another main clause (a coordinated „…, danach begleitete …“)."""
    ids = [w.id for w in sentence.subtree(head)]
    low, high = min(ids), max(ids)
    stretch = [sentence.word(i) for i in range(low, high + 1)]
    for w in stretch:
        if w.id > head.id and w.deprel in ("conj", "parataxis") and w.head == head.id:
            first = min(x.id for x in sentence.subtree(w))
            if first > 1 and sentence.word(first - 1).text == ",":
                return [x for x in stretch if x.id < first - 1]
    return stretch


def _has_other_quote(doc: Document, sentence: Sentence, verb: Word, in_direct: set[int]) -> bool:
    """Whether ``verb`` already introduces a quotation (marked, or a clause complement)."""
    if any(w.id in in_direct for w in sentence.subtree(verb)):
        return True
    return any(c.deprel in ("ccomp", "parataxis") for c in sentence.children(verb))


def _so_rule(doc: Document, index: int, sentence: Sentence, word: Word, in_direct: set[int]) -> list[Finding]:
    """„Die Lage sei ernst, so der Minister.“ — so right after a comma, a noun phrase after it."""
    if word.id < 3 or sentence.word(word.id - 1).text != "," or not so_names_a_source(sentence, word):
        return []
    speaker = _np_by_sequence(sentence, word)
    if not speaker:
        return []
    before = [w for w in sentence.words if w.id < word.id - 1]
    if not before or any(w.id in in_direct for w in before):
        return []  # a direct quotation before „so“ is attributed by the direct rules
    if not _finite(before):
        return []
    finding = _make(doc, index, sentence, "indirect.so", before, [word], "so", speaker, [], None, word)
    return [finding] if finding is not None else []


_NOT_AFTER_SO = frozenset(
    "dass daß wie auch zum zur etwa beispielsweise genannt genannten viel viele lange weit sehr schnell "
    "gut als ob oft wenig weiter".split()
)


def so_names_a_source(sentence: Sentence, so: Word) -> bool:
    """Whether „so“ after a comma introduces a source („…, so der Minister“), not a
    consequence („…, so dass …“) or an example („…, so auch in Düsseldorf“)."""
    if so.id >= len(sentence.words):
        return False
    nxt = sentence.word(so.id + 1)
    if nxt.text.lower() in _NOT_AFTER_SO:
        return False
    return nxt.upos in ("DET", "PROPN", "NOUN", "ADJ") or (
        nxt.upos == "PRON" and nxt.feat("PronType") == "Prs"
    )


def _np_by_sequence(sentence: Sentence, so: Word) -> list[Word]:
    """The words after „so“ up to the end of the sentence or a clause-opening comma."""
    out: list[Word] = []
    for w in sentence.words[so.id :]:
        if w.text in (".", "!", "?", ";", ":"):
            break
        if w.text == "," and w.id < len(sentence.words):
            nxt = sentence.word(w.id + 1)
            if nxt.upos in ("PRON", "SCONJ", "VERB", "AUX") or (
                nxt.lemma.lower() in ("der", "die", "das", "welcher") and nxt.deprel.startswith("nsubj")
            ):
                break
        if w.upos in ("VERB", "AUX") and w.feat("VerbForm") == "Fin":
            break
        out.append(w)
    return trim(out)


# ---------------------------------------------------------------- nouns
def _noun_rule(
    doc: Document, index: int, sentence: Sentence, noun: Word, in_direct: set[int]
) -> list[Finding]:
    """„eine Äußerung von Trump, Russland und China hätten sich verschworen“."""
    is_cue, medium = cues.noun(noun.lemma)
    if not is_cue:
        return []
    # the statement follows after the next comma; before it, the main clause may only
    # end (a separated particle: „wies eine Äußerung von X zurück, …“), not go on
    comma = next((w for w in sentence.words[noun.id :] if w.text == ","), None)
    if comma is None or finite_verbs(sentence.words[noun.id : comma.id - 1]):
        return []
    rest = [w for w in sentence.words if w.id > comma.id]
    verbs = finite_verbs(rest)
    if not verbs or not is_konjunktiv(verbs[0]) or any(w.id in in_direct for w in rest):
        return []
    words = rest
    speaker = _noun_speaker(sentence, noun)
    finding = _make(
        doc, index, sentence, "indirect.noun", words, [noun], noun.lemma, speaker, [], medium, noun
    )
    return [finding] if finding is not None else []


def _statement_object(sentence: Sentence, verb: Word) -> bool:
    """Whether the verb's object is a statement noun (eine Äußerung, den Vorwurf …)."""
    return any(
        c.deprel in ("obj", "iobj") and c.upos == "NOUN" and cues.noun(c.lemma)[0]
        for c in sentence.children(verb)
    )


def _noun_speaker(sentence: Sentence, noun: Word) -> list[Word]:
    """Whose statement: „eine Äußerung [von Trump]“, „[seine] Forderung“, „die Warnung [des Ministers]“."""
    for child in sentence.children(noun):
        if child.deprel in ("nmod", "nmod:poss", "det:poss") and child.upos in (
            "PROPN",
            "NOUN",
            "PRON",
            "DET",
        ):
            return extend_noun_phrase(sentence, noun_phrase(sentence, child))
    nxt = sentence.word(noun.id + 1) if noun.id < len(sentence.words) else None
    if nxt is not None and nxt.text.lower() == "von" and nxt.id < len(sentence.words):
        return surface_noun_phrase(sentence, sentence.word(nxt.id + 1))
    if nxt is not None and nxt.text.lower() in ("des", "der"):
        return surface_noun_phrase(sentence, nxt)
    return _governor_speaker(sentence, noun)


def _governor_speaker(sentence: Sentence, noun: Word) -> list[Word]:
    """A statement noun without its own source speaks for the subject of its clause:
    „X ist der Meinung, …“, „X lehnte mit der Begründung ab, …“; nothing when the
    noun is the subject itself („Der Verdacht, er sei …, bestätigte sich“)."""
    if noun.deprel.startswith("nsubj"):
        return []
    if any(c.deprel == "cop" for c in sentence.children(noun)):
        subj = next((c for c in sentence.children(noun) if c.deprel.startswith("nsubj")), None)
        return extend_noun_phrase(sentence, noun_phrase(sentence, subj)) if subj is not None else []
    head = sentence.head_of(noun)
    if head is None or head.upos not in ("VERB", "AUX"):
        return []
    return speaker_of(sentence, head, skip=frozenset(w.id for w in sentence.subtree(noun)))


# ---------------------------------------------------------------- whole sentences
def reported(doc: Document, covered: Sequence[Quote]) -> list[Finding]:
    """Speech acts with a noun-phrase object, in sentences with no other quote."""
    out: list[Finding] = []
    for index, sentence in enumerate(doc.sentences):
        if (
            not sentence.parsed
            or _covered(sentence, covered)
            or any(doc.inside_quote(w, (MarkKind.SPEECH,)) for w in sentence.words)
            or _is_heading(doc, sentence)
        ):
            continue
        for verb in sentence.words:
            if verb.upos != "VERB" or verb.deprel not in ("root", "conj"):
                continue
            entry = cue_verb(sentence, verb)
            if entry is None or not entry.reported or is_passive(sentence, verb) or _stative(sentence, verb):
                continue
            children = sentence.children(verb)
            if any(c.deprel in _COMPLEMENT or c.deprel == "mark" for c in children):
                continue
            if not any(c.deprel in ("obj", "obl", "obl:arg", "iobj", "xcomp") for c in children):
                continue
            speaker = speaker_of(sentence, verb)
            if not speaker or not _can_speak(sentence, speaker):
                continue
            words = list(sentence.words)
            spans = contiguous(sentence, trim_start(words))
            quote = Quote(
                type=QuoteType.REPORTED,
                spans=spans,
                content=spans,
                text=" ".join(s.of(doc.text) for s in spans),
                speaker=_speaker(doc, sentence, speaker),
                medium=entry.medium,
                confidence=CONFIDENCE["reported"],
                rule="reported",
            )
            out.append(Finding(quote, index, verb))
            break
    return out


def _stative(sentence: Sentence, verb: Word) -> bool:
    """„Weitere Aktionen sind angekündigt“: a participle with sein/werden is a state or
    a passive, not somebody speaking."""
    return verb.feat("VerbForm") == "Part" and any(
        c.deprel.startswith("aux") and c.lemma in ("sein", "werden") for c in sentence.children(verb)
    )


def _can_speak(sentence: Sentence, speaker: Sequence[Word]) -> bool:
    """Whether a subject can be a speaker: a person or group named or described
    (a name, a personal pronoun, a role noun, an organisation), not „der Prozess“ or
    „ein DNA-Test“."""
    for w in speaker:
        if w.upos == "PROPN" or (w.upos == "PRON" and w.feat("PronType") in ("Prs", None)):
            return True
        if w.upos == "NOUN" and (cues.is_role_noun(w.text) or cues.is_organisation(w.text)):
            return True
    return False


def trim_start(words: Sequence[Word]) -> list[Word]:
    out = list(words)
    while out and out[0].upos == "PUNCT" and out[0].text not in '„»"(':
        out.pop(0)
    return out


def _covered(sentence: Sentence, quotes: Sequence[Quote]) -> bool:
    span = sentence.span
    return any(s.overlaps(span) for q in quotes for s in q.spans)


def continuing(doc: Document, attributed: Sequence[Quote]) -> list[Finding]:
    """Konjunktiv-I sentences after an attributed quote (indirect_free_indirect) and
    hearsay with soll + perfect infinitive (free_indirect)."""
    ordered = sorted(attributed, key=lambda q: q.start)
    out: list[Finding] = []
    run: Finding | None = None
    for index, sentence in enumerate(doc.sentences):
        if _covered(sentence, attributed) or _mostly_quoted(doc, sentence) or _is_heading(doc, sentence):
            run = None
            continue
        previous = _previous(doc, ordered, out, sentence.start)
        verbs = finite_verbs(sentence.words)
        # Konjunktiv I continues a speaker over two sentences; Konjunktiv II (hätte,
        # würde), which also marks mere conditionals, only right after the speaker's quote
        if previous is not None and (
            (any(is_konjunktiv_one(v) for v in verbs) and _near(doc, previous, sentence, 2))
            or (any(is_konjunktiv(v) for v in verbs) and _near(doc, previous, sentence, 1))
        ):
            if run is not None and run.sentence == index - 1:
                spans = (attrs.evolve(run.quote.spans[0], end=sentence.end),)
                merged = attrs.evolve(run.quote, spans=spans, content=spans, text=spans[0].of(doc.text))
                run = Finding(merged, index)
                out[-1] = run
                continue
            run = _whole(
                doc, index, sentence, QuoteType.INDIRECT_FREE_INDIRECT, previous, "indirect_free_indirect"
            )
            out.append(run)
            continue
        run = None
        near = previous if previous is not None and _near(doc, previous, sentence, 2) else None
        if _soll_perfect(sentence, verbs):
            out.append(_whole(doc, index, sentence, QuoteType.FREE_INDIRECT, near, "free_indirect"))
        elif near is not None and _soll(verbs):
            out.append(_whole(doc, index, sentence, QuoteType.FREE_INDIRECT, near, "free_indirect.soll"))
    return out


def _mostly_quoted(doc: Document, sentence: Sentence) -> bool:
    """Whether a statement-length quotation in marks covers most of the sentence."""
    quoted = sum(1 for w in sentence.words if doc.inside_quote(w, (MarkKind.SPEECH,)) is not None)
    return quoted * 2 > len(sentence.words)


def _is_heading(doc: Document, sentence: Sentence) -> bool:
    """A line of its own without final punctuation: a heading, not a statement."""
    last = sentence.words[-1].text if sentence.words else ""
    if last in (".", "!", "?", "…", "“", '"', "«", "»"):
        return False
    text = doc.text
    end = sentence.end
    return end >= len(text) or text[end : end + 1] in ("\n", "\r")


def _previous(doc: Document, ordered: Sequence[Quote], extra: Sequence[Finding], offset: int) -> Quote | None:
    best: Quote | None = None
    for q in [*ordered, *(f.quote for f in extra)]:
        if q.start < offset and q.speaker is not None and (best is None or q.start > best.start):
            best = q
    return best


def _near(doc: Document, quote: Quote, sentence: Sentence, distance: int) -> bool:
    i = doc.sentence_index(quote.end - 1)
    j = doc.sentence_index(sentence.start)
    return i is not None and j is not None and 0 < j - i <= distance


_SOLL = frozenset({"soll", "sollen"})


def _soll(verbs: Sequence[Word]) -> bool:
    """A finite „soll/sollen“ (not „sollte“): hearsay or a plan reported from a source."""
    return any(v.text.lower() in _SOLL for v in verbs)


def _soll_perfect(sentence: Sentence, verbs: Sequence[Word]) -> bool:
    """„Er soll das Geld genommen haben“: soll/sollen + participle + haben/sein."""
    for v in verbs:
        if v.text.lower() in _SOLL:
            after = sentence.words[v.id :]
            infinitive = any(w.text.lower() in ("haben", "sein") for w in after)
            participle = any(w.feat("VerbForm") == "Part" or w.xpos.endswith("PP") for w in after)
            if infinitive and participle:
                return True
    return False


def _whole(
    doc: Document, index: int, sentence: Sentence, kind: QuoteType, previous: Quote | None, rule: str
) -> Finding:
    spans = contiguous(sentence, trim_start(sentence.words))
    quote = Quote(
        type=kind,
        spans=spans,
        content=spans,
        text=" ".join(s.of(doc.text) for s in spans),
        speaker=None if previous is None else previous.speaker,
        medium=None if previous is None else previous.medium,
        via=None if previous is None else previous.via,
        confidence=CONFIDENCE[rule],
        rule=rule,
    )
    return Finding(quote, index)
