"""Speech that is a whole sentence, with neither cue nor frame, continuing a speaker
(see docs/rules.md):

* ``indirect_free_indirect``: Konjunktiv-I sentences that go on reporting the
  previous speaker without a new frame;
* ``free_indirect``: hearsay with ``soll`` and a perfect infinitive (Er soll
  das Geld genommen haben).

They run after the quotes in marks are attributed (:mod:`quotable.speakers`), since
they look at the quotes before them; each quote is the whole sentence with its
punctuation.  The helpers such sentences share (who can speak, which sentences are
taken or are headings) are here too; speech acts told in a whole sentence are
:mod:`quotable.speech_acts`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotable import cues
from quotable.document import Document
from quotable.findings import CONFIDENCE, Finding, speaker_mention
from quotable.mark_kinds import MarkKind
from quotable.model import Quote, QuoteType
from quotable.participants import speaker_of
from quotable.phrases import contiguous, surface_noun_phrase
from quotable.syntax import Sentence, Word
from quotable.verbs import finite_verbs, is_clear_konjunktiv, is_konjunktiv, is_konjunktiv_one, is_passive


def can_speak_words(sentence: Sentence, speaker: Sequence[Word]) -> bool:
    """Whether a subject can be a speaker: a person or group named or described
    (a name, a personal pronoun, a role noun, an organisation), not „der Prozess“ or
    „ein DNA-Test“."""
    for w in speaker:
        if w.upos == "PROPN" or (w.upos == "PRON" and w.feat("PronType") in ("Prs", None)):
            return True
        if w.upos == "NOUN" and cues.is_speaker_noun(w.text):
            return True
    return False


def trim_start(words: Sequence[Word]) -> list[Word]:
    """``words`` without the punctuation they start with, but an opening mark or bracket."""
    out = list(words)
    while out and out[0].upos == "PUNCT" and out[0].text not in '„»"(':
        out.pop(0)
    return out


def sentence_covered(sentence: Sentence, quotes: Sequence[Quote]) -> bool:
    """Whether any of ``quotes`` takes up part of ``sentence``."""
    span = sentence.span
    return any(s.overlaps(span) for q in quotes for s in q.spans)


_KONJUNKTIV_ONE_REACH = 4
"""Sentences after a speaker's quote that a Konjunktiv-I sentence still continues the
speech over; beyond two of them the speaker is left open (news text names others in between)."""


def continuing(doc: Document, attributed: Sequence[Quote]) -> list[Finding]:
    """Konjunktiv-I sentences after an attributed quote (indirect_free_indirect) and
    hearsay with soll + perfect infinitive (free_indirect)."""
    ordered = sorted(attributed, key=lambda q: q.start)
    # a partial quote no rule attributed („Hier seien die Mittel „völlig unrealistisch““)
    # leaves its sentence to continued speech, which it then nests in
    covering = [q for q in attributed if q.rule != "direct.fragment"]
    out: list[Finding] = []
    run: Finding | None = None
    for index, sentence in enumerate(doc.sentences):
        if sentence_covered(sentence, covering) or _mostly_quoted(doc, sentence) or is_heading(doc, sentence):
            run = None
            continue
        previous = previous_speaker(doc, ordered, out, sentence.start)
        verbs = finite_verbs(sentence.words)
        reporting = [v for v in verbs if not first_person(sentence, v)]
        konjunktiv_one = any(is_konjunktiv_one(v) for v in reporting)
        in_run = run is not None and run.sentence == index - 1
        # a sentence in between names who goes on speaking: „Der Iran streitet dies ab.
        # Sein Programm diene …“ continues the Iran, not the quote before
        if konjunktiv_one and not in_run:
            previous = _framed(doc, index, previous) or previous
        near = previous if previous is not None and within(doc, previous, sentence, 2) else None
        clear = any(is_clear_konjunktiv(v) for v in reporting)
        # Konjunktiv I continues a speaker over four sentences; Konjunktiv II (hätte,
        # würde), which also marks mere conditionals, only right after the speaker's quote
        # or within a run („… sei gesunken. Ohne die Kontrollen wäre sie höher.“).  Konjunktiv
        # I reports even where no quote before names a speaker, but not in the first person.
        continued = previous is not None and (
            (konjunktiv_one and within(doc, previous, sentence, _KONJUNKTIV_ONE_REACH))
            or (clear and within(doc, previous, sentence, 1))
        )
        if continued or (not _speaks_for_itself(sentence) and (konjunktiv_one or (in_run and clear))):
            if run is not None and in_run:
                spans = (attrs.evolve(run.quote.spans[0], end=sentence.end),)
                merged = attrs.evolve(run.quote, spans=spans, content=spans, text=spans[0].of(doc.text))
                run = Finding(merged, index)
                out[-1] = run
                continue
            # further than two sentences the speech goes on, but who speaks is unsure; a
            # relative pronoun or „Demnach“ stands for a speaker only in its own sentence
            speaker = near if near is not None and not points_back(near) else None
            speaker = _own_subject(doc, sentence) or speaker
            run = whole_sentence(
                doc, index, sentence, QuoteType.INDIRECT_FREE_INDIRECT, speaker, "indirect_free_indirect"
            )
            out.append(run)
            continue
        run = None
        if _soll_perfect(sentence, verbs):
            out.append(whole_sentence(doc, index, sentence, QuoteType.FREE_INDIRECT, near, "free_indirect"))
        elif near is not None and _soll(verbs, sentence) and not _planned(sentence, verbs):
            out.append(
                whole_sentence(doc, index, sentence, QuoteType.FREE_INDIRECT, near, "free_indirect.soll")
            )
    return out


_RELATIVE_FORMS = frozenset("der die das dem den denen deren dessen welcher welche welches welchem".split())


def _speaks_for_itself(sentence: Sentence) -> bool:
    """Whether a sentence speaks in the first person („ich“, „wir“): an interview's answer
    or a quotation, not speech reported by the writer."""
    return any(
        w.upos == "PRON" and w.text.lower() in ("ich", "wir", "mir", "mich", "uns") for w in sentence.words
    )


def first_person(sentence: Sentence, verb: Word) -> bool:
    """„Ich habe viel gelernt“, „… lehne ich ab“: „ich“ beside the verb or as its subject makes
    a form like „habe“ the indicative (an interview's answer, not reported speech)."""
    beside = [sentence.word(i) for i in (verb.id - 1, verb.id + 1) if 1 <= i <= len(sentence.words)]
    subjects = [c for c in sentence.children(verb) if c.deprel.startswith("nsubj")]
    return any(w.text.lower() == "ich" for w in (*beside, *subjects))


def points_back(quote: Quote) -> bool:
    """Whether a quote's speaker mention is a relative pronoun or an anaphor of
    ``data/cue_words.tsv`` („…, denen zufolge“, „Demnach …“): it names nobody outside its sentence."""
    if quote.speaker is None:
        return False
    entry = cues.word(quote.speaker.text)
    return quote.speaker.text.lower() in _RELATIVE_FORMS or (entry is not None and entry.kind == "anaphor")


def _mostly_quoted(doc: Document, sentence: Sentence) -> bool:
    """Whether a statement-length quotation in marks covers most of the sentence."""
    quoted = sum(1 for w in sentence.words if doc.inside_quote(w, (MarkKind.SPEECH,)) is not None)
    return quoted * 2 > len(sentence.words)


def is_heading(doc: Document, sentence: Sentence) -> bool:
    """A line of its own without final punctuation: a heading, not a statement."""
    last = sentence.words[-1].text if sentence.words else ""
    if last in (".", "!", "?", "…", "“", '"', "«", "»"):
        return False
    text = doc.text
    end = sentence.end
    return end >= len(text) or text[end : end + 1] in ("\n", "\r")


def previous_speaker(
    doc: Document, ordered: Sequence[Quote], extra: Sequence[Finding], offset: int
) -> Quote | None:
    best: Quote | None = None
    for q in [*ordered, *(f.quote for f in extra)]:
        if q.start < offset and q.speaker is not None and (best is None or q.start > best.start):
            best = q
    return best


def _framed(doc: Document, index: int, previous: Quote | None) -> Quote | None:
    """The speaker named by the sentence right before sentence ``index``, when no quote
    of its own holds that sentence: its main verb's subject (or a passive's agent) that
    can speak.  A stand-in quote over that sentence carries the speaker (see
    :func:`continuing`); None when the sentence names nobody."""
    if index == 0:
        return None
    before = doc.sentences[index - 1]
    if not before.words or (previous is not None and previous.end > before.start):
        return None
    return _stand_in(doc, before)


def _own_subject(doc: Document, sentence: Sentence) -> Quote | None:
    """A stand-in quote for the speaker a continuing sentence names itself: an indicative
    main clause whose subject can speak, with the Konjunktiv in a clause below it („Der
    Geschäftsführer ärgerte sich darüber, dass man ihn nicht gefragt habe“)."""
    if not sentence.parsed:
        return None
    root = next((w for w in sentence.words if w.deprel == "root"), None)
    if root is None or root.upos not in ("VERB", "AUX") or is_passive(sentence, root):
        return None
    own = [root, *(c for c in sentence.children(root) if c.deprel in ("aux", "aux:pass", "cop"))]
    if any(is_konjunktiv(v) for v in finite_verbs(own)):
        return None  # „Der Iran wolle …“: the main clause itself reports
    below = [c for c in sentence.children(root) if c.deprel in ("ccomp", "advcl")]
    if not any(is_konjunktiv(v) for c in below for v in finite_verbs(sentence.subtree(c))):
        return None  # the Konjunktiv is in no clause the subject frames („…, und X wäre …“)
    return _stand_in(doc, sentence)


def _stand_in(doc: Document, before: Sentence) -> Quote | None:
    """A quote over ``before`` that carries the speaker its main clause names (None if nobody)."""
    if before.parsed:
        root = next((w for w in before.words if w.deprel == "root"), None)
        if root is None or root.upos not in ("VERB", "AUX"):
            return None
        words = speaker_of(before, root)
    else:
        words = _vorfeld_subject(before)
    if not words or not can_speak_words(before, words):
        return None
    speaker = speaker_mention(doc, before, words)
    if speaker is None:
        return None
    span = before.span
    return Quote(
        type=QuoteType.INDIRECT_FREE_INDIRECT,
        spans=(span,),
        content=(span,),
        text=span.of(doc.text),
        speaker=speaker,
        confidence=0.0,
        rule="frame",
    )


def _vorfeld_subject(sentence: Sentence) -> list[Word]:
    """In a sentence that is tagged but not parsed: a nominative noun phrase that fills
    the Vorfeld right before the finite verb („Der Iran | streitet …“); else nothing."""
    words = surface_noun_phrase(sentence, sentence.words[0])
    if not words or words[-1].id >= len(sentence.words):
        return []
    verb = sentence.word(words[-1].id + 1)
    if not finite_verbs([verb]):
        return []
    nouns = [w for w in words if w.upos in ("NOUN", "PROPN")]
    if any(w.feat("Case") not in (None, "Nom") for w in nouns[:1]):
        return []
    return words


def within(doc: Document, quote: Quote, sentence: Sentence, distance: int) -> bool:
    i = doc.sentence_index(quote.end - 1)
    j = doc.sentence_index(sentence.start)
    return i is not None and j is not None and 0 < j - i <= distance


_SOLL = frozenset({"soll", "sollen"})


def _soll(verbs: Sequence[Word], sentence: Sentence | None = None) -> bool:
    """A finite „soll/sollen“ (not „sollte“) of a main clause: hearsay or a plan reported
    from a source.  With ``sentence``, not one at the end of a relative or subordinate
    clause („…, die die Lehrer unterstützen sollen.“): that describes, it reports nothing."""
    return any(
        v.text.lower() in _SOLL and (sentence is None or not _ends_subordinate_clause(sentence, v))
        for v in verbs
    )


_SUBORDINATORS = frozenset(
    "der die das dem den deren dessen welcher welche welches wo wobei womit dass ob wenn weil da als "
    "damit".split()
)


def _ends_subordinate_clause(sentence: Sentence, verb: Word) -> bool:
    """Whether ``verb`` closes a clause (comma or end next) that opened with a relative
    pronoun or a subordinating conjunction after a comma: German puts the finite verb last there."""
    words = sentence.words
    following = words[verb.id] if verb.id < len(words) else None
    if following is not None and following.text not in (",", ".", ";", ":", "!", "?", ")", "–"):
        return False
    for w in reversed(words[: verb.id - 1]):
        if w.text in (",", ";", ":", "(", "–"):
            opener = words[w.id] if w.id < len(words) else None
            if opener is not None and opener.upos == "ADP" and w.id + 1 < len(words):
                opener = words[w.id + 1]  # „…, in der … soll“
            return opener is not None and opener.text.lower() in _SUBORDINATORS
    return False


def _planned(sentence: Sentence, verbs: Sequence[Word]) -> bool:
    """„Die Brücke soll im Mai gebaut werden“: soll with a passive infinitive tells a plan,
    which the news reports without a source (WikiNews train: 4 of 21 such sentences are
    annotated speech)."""
    return _soll_with_participle(sentence, verbs, ("werden",))


def _soll_perfect(sentence: Sentence, verbs: Sequence[Word]) -> bool:
    """„Er soll das Geld genommen haben“: soll/sollen + participle + haben/sein."""
    return _soll_with_participle(sentence, verbs, ("haben", "sein"))


def _soll_with_participle(sentence: Sentence, verbs: Sequence[Word], infinitives: tuple[str, ...]) -> bool:
    """Whether a finite soll/sollen has a participle and one of ``infinitives`` after it."""
    for v in verbs:
        if v.text.lower() in _SOLL:
            after = sentence.words[v.id :]
            infinitive = any(w.text.lower() in infinitives for w in after)
            participle = any(w.feat("VerbForm") == "Part" or w.xpos.endswith("PP") for w in after)
            if infinitive and participle:
                return True
    return False


def whole_sentence(
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
