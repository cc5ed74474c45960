"""Who said a quotation in marks: cue, speaker, frame and addressee of direct quotes.

The order of the rules follows what German news does most (see docs/rules.md):

1. ``direct.cue``: the quote hangs off a cue verb in the parse, or a cue verb
   hangs off the quote: „X sagte: „…““, „„…“, sagte X.“, „X nannte das „…““;
2. ``direct.cue_after`` / ``direct.cue_before``: a cue verb right after the
   closing mark (after a comma or dash) or in the clause before the opening
   mark that ends in a colon;
3. ``direct.so``: „„…“, so der Minister.“;
4. ``direct.source``: a source phrase in the frame (laut X, X zufolge);
5. ``direct.colon``: a heading-like „Scholz: „…““ with no verb; ``direct.colon_clause``:
   a clause without a cue verb, ending in the colon, whose subject can speak
   („Dabei griff sie den Präsidenten an: „…““);
6. ``direct.continued``: a quote standing alone right after an attributed one
   takes over its speaker, cue and frame (the corpus repeats those spans);
7. ``direct.nearby``: otherwise the speaker of the previous sentence's quote,
   with low confidence;
8. ``direct.previous_subject``: a quote that starts its sentence with nothing to
   continue takes the subject of the sentence before, if that subject can speak.

The quotation's sentences, and how its quote is built with the rule's confidence,
are :mod:`quotable.direct_unit`.
"""

from __future__ import annotations

import attrs

from quotable import cues
from quotable.addressees import addressee_of
from quotable.direct_unit import Unit, from_mentions, from_words, spans_of
from quotable.document import Document
from quotable.mark_kinds import MarkKind
from quotable.marks import MarkedQuote
from quotable.model import Mention, Quote, QuoteType, Speaker
from quotable.participants import can_speak, main_subject, speaker_of, subject
from quotable.phrases import contiguous, noun_phrase, trim, with_apposition
from quotable.source_phrases import so_names_a_source
from quotable.syntax import Sentence, Word
from quotable.verbs import cue_verb, finite_verbs, is_konjunktiv, is_passive, particles_of, verb_complex
from quotable.vorfeld import OBLIQUE_ARTICLES


def _cue_entry(sentence: Sentence, word: Word) -> cues.VerbCue | None:
    entry = cue_verb(sentence, word)
    return entry if entry is not None and (entry.direct or entry.reported) else None


def attribute(doc: Document, quote: MarkedQuote, previous: Quote | None) -> Quote:
    """The direct quote for ``quote``, with whatever can be found about its speaker."""
    unit = Unit(doc, quote)
    found = _by_parse(unit)
    if found is None or found[1].start < unit.quote.start:
        # „… zum Streik: „…“, sagte sie gegenüber dem Sender“: the frame right after the
        # quotation is its own, though the parse hangs the quotation on the colon's verb
        after = _after(unit)
        if found is None:
            found = after
        elif after is not None and speaker_of(
            after[0], after[1], skip=frozenset(w.id for w in after[0].words if unit.inside(w))
        ):
            found = (after[0], after[1], "direct.cue")
    found = found or _before(unit) or _same_clause(unit)
    if found is not None:
        sentence, verb, rule = found
        return _from_verb(doc, unit, sentence, verb, rule)
    so = _so(doc, unit)
    if so is not None:
        return so
    source = _source(doc, unit)
    if source is not None:
        return source
    colon = _colon(doc, unit) or _colon_clause(doc, unit)
    if colon is not None:
        return colon
    return _inherited(doc, unit, previous)


def _by_parse(unit: Unit) -> tuple[Sentence, Word, str] | None:
    """A cue verb the quote depends on, or that depends on the quote."""
    for sentence in unit.sentences:
        for word in sentence.words:
            if not unit.inside(word):
                continue
            head = sentence.head_of(word)
            if head is not None and not unit.inside(head) and _cue_entry(sentence, head):
                return sentence, head, "direct.cue"
        for word in sentence.words:
            if unit.inside(word) or word.deprel not in ("parataxis", "ccomp", "advcl", "conj", "root"):
                continue
            head = sentence.head_of(word)
            if head is not None and unit.inside(head) and _cue_entry(sentence, word):
                return sentence, word, "direct.cue"
    return None


def _after(unit: Unit) -> tuple[Sentence, Word, str] | None:
    after = unit.after()
    if not after:
        return None
    lead = after[0][1]
    ends_in_mark = unit.quote.text.rstrip()[-1:] in ("?", "!")
    if not (lead.text in (",", "–", "—", "-") or (ends_in_mark and lead.text[:1].islower())):
        return None
    for sentence, word in after[:4]:
        if word.text in (".", ":", ";"):
            break
        if _cue_entry(sentence, word):
            return sentence, word, "direct.cue_after"
    return None


def _before(unit: Unit) -> tuple[Sentence, Word, str] | None:
    before = unit.before()
    if not before or before[-1][1].text not in (":", ","):
        return None
    for sentence, word in reversed(before):
        if _cue_entry(sentence, word):
            return sentence, word, "direct.cue_before"
    return None


def _same_clause(unit: Unit) -> tuple[Sentence, Word, str] | None:
    """A cue verb in the quotation's own clause, the parse notwithstanding: „der … seine
    „große Enttäuschung“ über X zum Ausdruck brachte“ (verb last), „nannte das „…““."""
    for side in (unit.after(), list(reversed(unit.before()))):
        for sentence, word in side:
            if word.text in (",", ":", ";", ".", "!", "?") or word.text in ("„", "“", "»", "«", '"'):
                break
            if _cue_entry(sentence, word):
                return sentence, word, "direct.cue_clause"
            if finite_verbs([word]):
                break
    return None


def _from_verb(doc: Document, unit: Unit, sentence: Sentence, verb: Word, rule: str) -> Quote:
    entry = cue_verb(sentence, verb)
    inside = frozenset(w.id for w in sentence.words if unit.inside(w))
    speaker_words = [w for w in speaker_of(sentence, verb, skip=inside) if not unit.inside(w)]
    if not speaker_words and not is_passive(sentence, verb) and subject(sentence, verb) is None:
        speaker_words = _nearest_nominal(sentence, verb, unit)
    addressee = [w for w in addressee_of(sentence, verb) if not unit.inside(w)]
    cue_words = [w for w in verb_complex(sentence, verb) if not unit.inside(w)]
    # „bezeichnete das als „…““: the corpus counts „als“ to the cue
    for word in sentence.words:
        head = sentence.head_of(word)
        if word.lemma.lower() == "als" and not unit.inside(word) and head is not None and unit.inside(head):
            cue_words.append(word)
    return from_words(doc, unit, rule, speaker_words, sentence, cue_words, entry, addressee)


def _nearest_nominal(sentence: Sentence, verb: Word, unit: Unit) -> list[Word]:
    """When the parse gives the cue verb no subject: the first noun phrase after it."""
    for word in sentence.words:
        if word.id > verb.id and not unit.inside(word) and word.upos in ("PROPN", "NOUN", "PRON"):
            if word.upos == "PRON" and word.lemma.lower() in ("es", "sich"):
                continue
            if (
                any(c.deprel == "case" for c in sentence.children(word))
                or sentence.word(word.id - 1).upos == "ADP"
            ):
                continue  # inside a prepositional phrase („zum Abschluss des Treffens“): not the speaker
            head = word
            while True:
                up = sentence.head_of(head)
                if up is None or up.id <= verb.id or up.upos not in ("PROPN", "NOUN") or unit.inside(up):
                    break
                head = up
            return with_apposition(sentence, noun_phrase(sentence, head))
    return []


def _so(doc: Document, unit: Unit) -> Quote | None:
    after = unit.after()
    if len(after) < 3 or after[0][1].text != "," or after[1][1].text.lower() != "so":
        return None
    sentence, so = after[1]
    if not so_names_a_source(sentence, so):
        return None
    speaker: list[Word] = []
    for s, w in after[2:]:
        if w.text in (".", "!", "?", ";", ":") or (w.upos in ("VERB", "AUX") and w.feat("VerbForm") == "Fin"):
            break
        if w.text == "," and speaker and s.words[-1] is not w:
            nxt = s.word(w.id + 1)
            if nxt.upos in ("PRON", "SCONJ", "VERB", "AUX"):
                break
        speaker.append(w)
    speaker = trim(speaker)
    if not speaker:
        return None
    return from_words(doc, unit, "direct.so", speaker, sentence, [so], None, cue_lemma="so")


def _source(doc: Document, unit: Unit) -> Quote | None:
    for sentence, word in unit.frame_words():
        entry = cues.word(word.text)
        if entry is None or entry.kind not in ("prep", "postp", "source") or word.deprel != "case":
            continue
        source = sentence.head_of(word)
        if source is None or unit.inside(source):
            continue
        if entry.kind == "source" and not cues.is_source_noun(source.text):
            continue
        return from_words(
            doc,
            unit,
            "direct.source",
            noun_phrase(sentence, source),
            sentence,
            [word],
            None,
            cue_lemma=word.text.lower(),
        )
    return None


def _colon(doc: Document, unit: Unit) -> Quote | None:
    """„Scholz: „Wir schaffen das““ — a name and a colon before the quote, no verb."""
    before = unit.before()
    if len(before) < 2 or before[-1][1].text != ":":
        return None
    words = [w for _, w in before[:-1]]
    # „Warken: „…““ in a headline: one to three capitalised words are a name, however tagged
    name_like = len(words) <= 3 and all(w.text[:1].isupper() for w in words)
    if len(words) > 16 or (not name_like and any(w.upos in ("VERB", "AUX") for w in words)):
        return None
    if not name_like and not any(w.upos in ("PROPN", "NOUN") for w in words):
        return None
    sentence = before[-1][0]
    cue: list[Word] = []
    if words[-1].text.lower() in ("wörtlich", "sinngemäß"):
        cue = [words.pop()]  # „Koppelin wörtlich: „…““
    quote = from_words(
        doc,
        unit,
        "direct.colon",
        trim(words),
        sentence,
        cue,
        None,
        cue_lemma=cue[0].text.lower() if cue else None,
    )
    if quote.speaker is None and name_like and words:
        # the tagger's verb („Warken“ as a plural of „warken“) would end no noun phrase
        return attrs.evolve(quote, speaker=Speaker.from_spans(doc.text, contiguous(sentence, words)))
    return quote


def _colon_clause(doc: Document, unit: Unit) -> Quote | None:
    """„Dabei griff sie den Präsidenten an: „…““ — a clause that ends in a colon right
    before the quote, with no cue verb but a subject who can speak: that subject said it,
    and the clause's verb is the cue."""
    before = unit.before()
    if len(before) < 3 or before[-1][1].text != ":":
        return None
    sentence = before[-1][0]
    words = [w for s, w in before[:-1] if s is sentence]
    ids = {w.id for w in words}
    tops = [w for w in words if w.upos in ("VERB", "AUX") and (w.head == 0 or w.head not in ids)]
    if len(tops) != 1:
        return None
    verb = tops[0]
    inside = frozenset(w.id for w in sentence.words if unit.inside(w))
    who = subject(sentence, verb, skip=inside)
    if who is None or who.id not in ids or not can_speak(who):
        return None
    speaker_words = [w for w in speaker_of(sentence, verb, skip=inside) if w.id in ids]
    if not speaker_words:
        return None
    # its separable particle too, which verb_complex adds only for a cue's own lemma
    complex_ = {w.id: w for w in (*verb_complex(sentence, verb), *particles_of(sentence, verb))}
    cue_words = sorted((w for w in complex_.values() if w.id in ids), key=lambda w: w.id)
    return from_words(doc, unit, "direct.colon_clause", speaker_words, sentence, cue_words, None)


def continued(doc: Document, quote: MarkedQuote, previous: Quote | None) -> Quote:
    """``quote``, whose own frame named no speaker (:func:`attribute` found none), read
    again against ``previous``: the rules that continue a quote before it, else the
    subject of the sentence before."""
    return _inherited(doc, Unit(doc, quote), previous)


def _inherited(doc: Document, unit: Unit, previous: Quote | None) -> Quote:
    marked = unit.quote
    if previous is not None and previous.speaker is not None:
        gap_start = doc.sentence_index(previous.end - 1)
        here = doc.sentence_index(marked.start)
        same_area = abs(doc.paragraph(previous.end - 1) - doc.paragraph(marked.start)) <= 1
        if gap_start is not None and here is not None and same_area and here - gap_start <= 2:
            if previous.type is QuoteType.DIRECT and here - gap_start <= 1:
                return from_mentions(
                    marked,
                    "direct.continued",
                    previous.speaker,
                    previous.cue,
                    previous.frame,
                    previous.addressee,
                    previous.medium,
                    previous.via,
                )
            return from_mentions(
                marked, "direct.nearby", previous.speaker, None, None, None, previous.medium, previous.via
            )
    before_subject = _previous_subject(doc, unit)
    if before_subject is not None:
        return before_subject
    frame_spans = spans_of(unit.frame_words())
    frame = Mention.from_spans(doc.text, frame_spans) if frame_spans else None
    return from_mentions(marked, "direct.unattributed", None, None, frame, None, None)


def _previous_subject(doc: Document, unit: Unit) -> Quote | None:
    """A quote that starts its sentence, with no cue and no quote before it to continue:
    the subject of the sentence before it speaks, if it can („Sadiq Khan verurteilte die
    Haltung der Regierung. „Die Politik ist ungerecht.““)."""
    if any(w.upos != "PUNCT" for _, w in unit.before()):
        return None
    here = doc.sentence_index(unit.quote.start)
    if not here or doc.paragraph(doc.sentences[here - 1].end - 1) < doc.paragraph(unit.quote.start) - 1:
        return None
    sentence = doc.sentences[here - 1]
    if any(is_konjunktiv(w) for w in finite_verbs(sentence.words)):
        return None  # reported speech, whose speaker is not its subject
    speaker = _subject_that_speaks(doc, sentence)
    if not speaker:
        return None
    return from_words(doc, unit, "direct.previous_subject", speaker, sentence, [], None)


def _subject_that_speaks(doc: Document, sentence: Sentence) -> list[Word]:
    """The subject of ``sentence``'s main clause if it can speak: from the parse, or,
    where the sentence was only tagged, its Vorfeld when that is a nominative noun phrase
    („Die Ministerin | besuchte …“)."""
    main = main_subject(sentence)
    if main is None:
        return []
    if sentence.parsed:
        who, root = main.head, main.verb
        if root.upos not in ("VERB", "AUX") or doc.inside_quote(root) is not None:
            return []
        if who is None or not can_speak(who) or doc.inside_quote(who) is not None:
            return []
        return list(main.words)
    field = list(main.words)
    nouns = [w for w in field if w.upos in ("NOUN", "PROPN", "PRON")]
    if not nouns or field[0].text.lower() in OBLIQUE_ARTICLES or nouns[0].feat("Case") not in (None, "Nom"):
        return []
    if not can_speak(nouns[0]) or any(doc.inside_quote(w) is not None for w in field):
        return []
    return with_apposition(sentence, field)


def nested(marked: MarkedQuote, parent: Quote) -> Quote:
    """A quoted fragment inside reported speech: its own direct quote with the parent's roles."""
    lowercase = marked.text[:1].islower()
    confidence = 0.85 if lowercase else 0.6
    if marked.kind is MarkKind.TITLE:
        confidence = 0.3
    return Quote(
        type=QuoteType.DIRECT,
        spans=marked.spans,
        content=marked.content,
        text=marked.text,
        nested=True,
        speaker=parent.speaker,
        cue=parent.cue,
        frame=parent.frame,
        addressee=parent.addressee,
        via=parent.via,
        medium=parent.medium,
        confidence=confidence,
        rule="direct.nested",
    )
