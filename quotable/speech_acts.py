"""Speech acts told in a whole sentence, without their words (see docs/rules.md):

* ``reported`` / ``reported.weak``: a speech act with a noun-phrase object and no clause
  (Die Grünen forderten eine schnellere Entscheidung.), in a sentence with no other quote.

It runs after the quotes in marks are attributed (:mod:`quotable.speakers`); the quote
is the whole sentence with its punctuation.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotable.addressees import addressee_of
from quotable.document import Document
from quotable.findings import CONFIDENCE, Finding, addressee_mention, speaker_mention
from quotable.indirect import COMPLEMENT
from quotable.mark_kinds import MarkKind
from quotable.model import Quote, QuoteType
from quotable.participants import speaker_of, subject
from quotable.phrases import contiguous
from quotable.syntax import Sentence, Word
from quotable.verbs import cue_verb, is_passive
from quotable.whole_sentences import can_speak_words, is_heading, sentence_covered, trim_start


def reported(doc: Document, covered: Sequence[Quote]) -> list[Finding]:
    """Speech acts with a noun-phrase object, in sentences with no other quote."""
    out: list[Finding] = []
    for index, sentence in enumerate(doc.sentences):
        if (
            not sentence.parsed
            or sentence.words[-1].text == "?"  # a question asks, it reports nothing
            or sentence_covered(sentence, covered)
            or any(doc.inside_quote(w, (MarkKind.SPEECH,)) for w in sentence.words)
            or is_heading(doc, sentence)
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
                (
                    c.deprel in COMPLEMENT
                    and not _predicative(sentence, c)
                    and not _particle(verb, c, entry.lemma)
                )
                or c.deprel == "mark"
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
            if not speaker or not can_speak_words(sentence, speaker) or not _third_person_subject(speaker):
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
    heads += [c for c in sentence.children(verb) if c.deprel == "xcomp"]  # „gab … nicht bekannt“
    return any(c.lemma.lower() in ("nicht", "nie", "niemals") for h in heads for c in sentence.children(h))


_AUXILIARIES = frozenset(
    {"sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen"}
)


def _predicative(sentence: Sentence, complement: Word) -> bool:
    """„bezeichnete den Plan als vernünftig“: an als-predicate, not a clause."""
    return complement.deprel == "xcomp" and any(
        c.deprel in ("mark", "case") and c.lemma.lower() == "als" for c in sentence.children(complement)
    )


def _particle(verb: Word, complement: Word, lemma: str) -> bool:
    """„gab … die Schließung bekannt“ with „bekannt“ parsed as a complement: the particle
    of the cue verb itself, not a clause."""
    return complement.id > verb.id and complement.text.lower() + verb.lemma.lower() == lemma


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
