"""Speech that is a whole sentence, with neither cue nor frame (see docs/rules.md):

* ``reported``: a speech act with a noun-phrase object and no clause
  (Die Grünen forderten eine schnellere Entscheidung.), in a sentence with no other quote;
* ``indirect_free_indirect``: Konjunktiv-I sentences that go on reporting the
  previous speaker without a new frame;
* ``free_indirect``: hearsay with ``soll`` and a perfect infinitive (Er soll
  das Geld genommen haben).

They run after the quotes in marks are attributed (:mod:`quotable.speakers`), since
they look at the quotes before them; each quote is the whole sentence with its
punctuation.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotable import cues
from quotable.addressees import addressee_of
from quotable.document import Document
from quotable.findings import CONFIDENCE, Finding, addressee_mention, speaker_mention
from quotable.indirect import COMPLEMENT
from quotable.mark_kinds import MarkKind
from quotable.model import Quote, QuoteType
from quotable.participants import speaker_of, subject
from quotable.phrases import contiguous, surface_noun_phrase
from quotable.syntax import Sentence, Word
from quotable.verbs import cue_verb, finite_verbs, is_konjunktiv, is_konjunktiv_one, is_passive


def reported(doc: Document, covered: Sequence[Quote]) -> list[Finding]:
    """Speech acts with a noun-phrase object, in sentences with no other quote."""
    out: list[Finding] = []
    for index, sentence in enumerate(doc.sentences):
        if (
            not sentence.parsed
            or sentence.words[-1].text == "?"  # a question asks, it reports nothing
            or _covered(sentence, covered)
            or any(doc.inside_quote(w, (MarkKind.SPEECH,)) for w in sentence.words)
            or _is_heading(doc, sentence)
        ):
            continue
        for verb in sentence.words:
            # the tagger takes some finite verbs for auxiliaries („warf … vor“)
            if verb.upos not in ("VERB", "AUX") or verb.deprel not in ("root", "conj"):
                continue
            if verb.upos == "AUX" and verb.lemma in _AUXILIARIES:
                continue
            entry = cue_verb(sentence, verb)
            if entry is None or not entry.reported or is_passive(sentence, verb) or _stative(sentence, verb):
                continue
            children = sentence.children(verb)
            if any(
                (c.deprel in COMPLEMENT and not _predicative(sentence, c)) or c.deprel == "mark"
                for c in children
            ):
                continue
            if not any(_content(sentence, c) for c in children):
                continue
            if entry.lemma == "aufrufen" and not any(
                c.text.lower() in ("zu", "zum", "zur") for c in sentence.words if c.id > 1
            ):
                continue  # „die Seite aufgerufen“ is no call to anything
            if _negated(sentence, verb):
                continue  # „äußerte sich nicht“, „konnte … nicht bestätigen“: nothing was said
            subj = subject(sentence, verb)
            if subj is not None and subj.text.lower() in _FIRST_AND_SECOND_PERSON:
                continue
            speaker = speaker_of(sentence, verb)
            if not speaker or not _can_speak(sentence, speaker) or not _third_person_subject(speaker):
                continue
            if any(w.text in ("-", "–", "—") for w in speaker):
                continue  # „Brüssel (Reuters) - Im Handelsstreit …“: a dateline is nobody
            rule = "reported.weak" if entry.seldom_reported else "reported"
            words = list(sentence.words)
            spans = contiguous(sentence, trim_start(words))
            quote = Quote(
                type=QuoteType.REPORTED,
                spans=spans,
                content=spans,
                text=" ".join(s.of(doc.text) for s in spans),
                speaker=speaker_mention(doc, sentence, speaker),
                addressee=addressee_mention(doc, sentence, addressee_of(sentence, verb)),
                medium=entry.medium,
                confidence=CONFIDENCE[rule],
                rule=rule,
            )
            out.append(Finding(quote, index, verb))
            break
    return out


_CONTENT_PREPOSITIONS = frozenset(
    {"von", "vom", "über", "für", "gegen", "zu", "zum", "zur", "auf", "vor", "um", "als"}
)
"""Prepositions of what a speech act is about (sprach von …, warnte vor …, rief zu … auf),
not of where, when or with whom („sprach mit den Gewerkschaften“)."""


def _content(sentence: Sentence, child: Word) -> bool:
    """Whether ``child`` of a speech-act verb says what the act was about."""
    if child.deprel in ("obj", "obl:arg", "iobj", "xcomp"):
        return True
    if child.deprel != "obl":
        return False
    case = next((c for c in sentence.children(child) if c.deprel == "case"), None)
    return case is not None and case.text.lower() in _CONTENT_PREPOSITIONS


def _negated(sentence: Sentence, verb: Word) -> bool:
    """Whether the verb or the modal above it is negated („nicht“, „nie“, „noch nicht“)."""
    heads = [verb, *(h for h in (sentence.head_of(verb),) if h is not None and verb.deprel == "xcomp")]
    return any(c.lemma.lower() in ("nicht", "nie", "niemals") for h in heads for c in sentence.children(h))


_AUXILIARIES = frozenset(
    {"sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen"}
)


def _predicative(sentence: Sentence, complement: Word) -> bool:
    """„bezeichnete die Entscheidung als verantwortungsbewusst“: an als-predicate, not a clause."""
    return complement.deprel == "xcomp" and any(
        c.deprel == "mark" and c.lemma.lower() == "als" for c in sentence.children(complement)
    )


_FIRST_AND_SECOND_PERSON = frozenset({"ich", "wir", "du", "ihr"})


def _third_person_subject(speaker: Sequence[Word]) -> bool:
    """A reported speech act is told of somebody else, in the nominative: not „ich“ or
    „wir“ (an interview answer, a quotation), nor a dative „Ihm drohen …“."""
    head = next((w for w in speaker if w.upos in ("NOUN", "PROPN", "PRON")), None)
    if head is None:
        return False
    if head.upos == "PRON" and head.text.lower() in _FIRST_AND_SECOND_PERSON:
        return False
    if head.upos == "PRON" and head.text == "Sie" and head.id > 1:
        return False  # the polite „Sie“ of an interview question
    if head.upos == "PRON":
        return head.feat("Case") in (None, "Nom")
    # the tagger's case on nouns and names is unreliable; an oblique article is not
    return speaker[0].text.lower() not in ("den", "dem", "einem", "einen")


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
        if w.upos == "NOUN" and cues.is_speaker_noun(w.text):
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
        if _covered(sentence, covering) or _mostly_quoted(doc, sentence) or _is_heading(doc, sentence):
            run = None
            continue
        previous = _previous(doc, ordered, out, sentence.start)
        verbs = finite_verbs(sentence.words)
        konjunktiv_one = any(is_konjunktiv_one(v) for v in verbs)
        # a sentence in between names who goes on speaking: „Der Iran streitet dies ab.
        # Sein Programm diene …“ continues the Iran, not the quote before
        if konjunktiv_one and (run is None or run.sentence != index - 1):
            previous = _framed(doc, index, previous) or previous
        # Konjunktiv I continues a speaker over four sentences; Konjunktiv II (hätte,
        # würde), which also marks mere conditionals, only right after the speaker's quote
        if previous is not None and (
            (konjunktiv_one and _near(doc, previous, sentence, _KONJUNKTIV_ONE_REACH))
            or (any(is_konjunktiv(v) for v in verbs) and _near(doc, previous, sentence, 1))
        ):
            if run is not None and run.sentence == index - 1:
                spans = (attrs.evolve(run.quote.spans[0], end=sentence.end),)
                merged = attrs.evolve(run.quote, spans=spans, content=spans, text=spans[0].of(doc.text))
                run = Finding(merged, index)
                out[-1] = run
                continue
            # further than two sentences the speech goes on, but who speaks is unsure; a
            # relative pronoun or „Demnach“ stands for a speaker only in its own sentence
            speaker = previous if _near(doc, previous, sentence, 2) and not _pointer(previous) else None
            speaker = _own_subject(doc, sentence) or speaker
            run = _whole(
                doc, index, sentence, QuoteType.INDIRECT_FREE_INDIRECT, speaker, "indirect_free_indirect"
            )
            out.append(run)
            continue
        run = None
        near = previous if previous is not None and _near(doc, previous, sentence, 2) else None
        if _soll_perfect(sentence, verbs):
            out.append(_whole(doc, index, sentence, QuoteType.FREE_INDIRECT, near, "free_indirect"))
        elif near is not None and _soll(verbs, sentence):
            out.append(_whole(doc, index, sentence, QuoteType.FREE_INDIRECT, near, "free_indirect.soll"))
    return out


_RELATIVE_FORMS = frozenset("der die das dem den denen deren dessen welcher welche welches welchem".split())


def _pointer(quote: Quote) -> bool:
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
    if not words or not _can_speak(before, words):
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


def _near(doc: Document, quote: Quote, sentence: Sentence, distance: int) -> bool:
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
