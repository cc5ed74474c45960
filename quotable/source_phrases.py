"""Reported speech cued by a source word, not a verb (see docs/rules.md):

* ``indirect.laut`` / ``indirect.zufolge`` / ``indirect.nach`` / ``indirect.gemäß``:
  a source phrase (laut Interfax, Medienberichten zufolge, nach Angaben der Polizei);
* ``indirect.relay``: a source phrase in a clause that already reports speech
  (Er hatte laut tagesschau.de kritisiert, dass …);
* ``indirect.so``: Die Lage sei ernst, so der Minister;
* ``indirect.anaphor``: Demnach/Wonach … (with Konjunktiv or sollen).

The quote is the source phrase's clause without the phrase; the speaker is the
source's noun phrase.  :func:`so_names_a_source` is shared with the direct rules.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotable import cues
from quotable.document import Document
from quotable.findings import CONFIDENCE, Finding, all_quoted, has_finite, make
from quotable.mentions import mention_words
from quotable.model import Speaker
from quotable.phrases import (
    QUOTE_CHARS,
    clause,
    extend_noun_phrase,
    noun_phrase,
    opens_circumstance,
    surface_noun_phrase,
    trim,
    with_apposition,
)
from quotable.syntax import Sentence, Word
from quotable.verbs import cue_verb, finite_verbs, is_konjunktiv


def word_rules(
    doc: Document, index: int, sentence: Sentence, word: Word, entry: cues.WordCue, in_direct: set[int]
) -> list[Finding]:
    kind = entry.kind
    if kind == "source" and _opinion_before(sentence, word):
        kind = "postp"  # „seiner Meinung nach“, „dem Vernehmen nach“: „nach“ after its source
    if kind in ("prep", "postp", "source"):
        source = _source_noun(sentence, word, kind)
        if source is None:
            return []
        relative = source.upos == "PRON" and source.text.lower() in _RELATIVE_SOURCES
        if kind == "source" and not (cues.is_source_noun(source.text) or relative):
            return []
        if kind == "source" and word.id > 1 and sentence.word(word.id - 1).text.lower() in _TIME_BEFORE_NACH:
            return []  # „Drei Wochen nach dem Urteil“, „kurz nach der Mitteilung“: a time, not a source
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
        # without a phrase of time at its end („nach NASA-Angaben | im Mai“), which stays in the quote
        speaker = mention_words(_source_speaker(sentence, word, source, kind))
        # the source phrase is no part of the quote, however the parser hung its words
        # („Einer Meldung von Reuters zufolge“ with „Meldung“ on the verb)
        phrase = {w.id for w in sentence.subtree(source)} | {word.id} | {w.id for w in speaker}
        low, high = min(phrase), max(phrase)
        words = [w for w in _clause_range(sentence, clause_head) if not low <= w.id <= high]
        if not words or all_quoted(words, in_direct) or any(w.id in in_direct for w in words[:1]):
            return []
        name = "nach" if kind == "source" else word.text.lower()
        rule = f"indirect.{name}" if f"indirect.{name}" in CONFIDENCE else "indirect.laut"
        if relay:
            # „Er hatte laut tagesschau.de kritisiert, dass …“: the corpus annotates the
            # relay as its own quote around the reported one
            rule = "indirect.relay"
        # „nach Ansicht der Experten“: the source noun may tell the medium
        medium = cues.noun(source.lemma)[1] or cues.noun_medium(source.text)
        finding = make(
            doc, index, sentence, rule, words, [word], word.text.lower(), speaker, [], medium, word
        )
        return [finding] if finding is not None else []
    if kind == "so":
        return _so_rule(doc, index, sentence, word, in_direct)
    if kind == "anaphor":
        head = sentence.head_of(word)
        if head is None or word.id in in_direct or cue_verb(sentence, head) is not None:
            return []  # „Danach erklärte er, …“: a cue verb of its own, „danach“ is „afterwards“
        words = clause(sentence, head)
        verbs = finite_verbs(words)
        # „Demnach steht der Kopilot in der Schusslinie.“ after a report reports it too;
        # „danach“ is also „afterwards“: in the indicative only right after a source
        reported = any(is_konjunktiv(v) or v.lemma == "sollen" for v in verbs) or (
            word.id == 1 and (word.text.lower() == "demnach" or _after_a_source(doc, index))
        )
        if not reported or not verbs:
            return []
        words = [w for w in words if w.id != word.id]
        finding = make(
            doc, index, sentence, "indirect.anaphor", words, [word], word.text.lower(), [], [], None, word
        )
        if finding is None:
            return []
        # the corpus marks the anaphor itself as the speaker („Demnach“ stands for the report),
        # but a „wonach“ after a report's noun phrase as that phrase
        antecedent = _wonach_antecedent(sentence, word) if word.text.lower() == "wonach" else []
        anaphor = Speaker.from_spans(doc.text, [w.span for w in antecedent] or [word.span])
        return [attrs.evolve(finding, quote=attrs.evolve(finding.quote, speaker=anaphor))]
    return []


_NAME_PARTS = frozenset({"nmod", "appos", "flat", "flat:name", "compound"})


def _wonach_antecedent(sentence: Sentence, word: Word) -> list[Word]:
    """„Ein Bericht der Agentur, wonach …“, „Die Regierung wies Meldungen zurück, wonach …“:
    the noun phrase the wonach-clause belongs to, right before its comma, or else the
    object of the verb that ends there; nothing when there is neither."""
    if word.id < 3 or sentence.word(word.id - 1).text != ",":
        return []
    before = [w for w in sentence.words[: word.id - 2] if w.text not in QUOTE_CHARS]
    if not before:
        return []
    last = before[-1]
    if last.upos in ("NOUN", "PROPN"):
        head = last
        while head.deprel in _NAME_PARTS:
            above = sentence.head_of(head)
            if above is None or above.id > head.id or above.upos not in ("NOUN", "PROPN"):
                break
            head = above
    else:
        verb = last if last.upos in ("VERB", "AUX") else sentence.head_of(last)
        objects = [] if verb is None else [c for c in sentence.children(verb) if c.deprel == "obj"]
        if not objects or objects[0].upos != "NOUN" or not cues.is_source_noun(objects[0].text):
            return []
        head = objects[0]
    words = [w for w in noun_phrase(sentence, head) if w.id < word.id - 1]
    return trim(words)


def _after_a_source(doc: Document, index: int) -> bool:
    """Whether the sentence before names a report, study or statement („Die Studie wurde
    vorgestellt. Danach …“): a cue word or statement noun in it."""
    if index == 0:
        return False
    return cues.may_cue(w.text for w in doc.sentences[index - 1].words)


_OPINION_NOUNS = frozenset(
    "meinung ansicht auffassung einschätzung überzeugung darstellung vernehmen bekunden".split()
)
"""Nouns before a postposed „nach“: „seiner Meinung nach“, „dem Vernehmen nach“."""


def _opinion_before(sentence: Sentence, nach: Word) -> bool:
    """Whether „nach“ follows its source, as in „seiner Ansicht nach“ or „eigenem Bekunden
    nach“ (an article, possessive or adjective, then one of the nouns); not in a question
    („Was ist Ihrer Meinung nach falsch?“ asks, it does not report)."""
    if nach.id < 3 or sentence.words[-1].text == "?":
        return False
    noun, before = sentence.word(nach.id - 1), sentence.word(nach.id - 2)
    if nach.id < len(sentence.words) and sentence.word(nach.id + 1).xpos == "ADJA":
        return False  # inside a noun phrase: „die seiner Ansicht nach fragwürdige Rolle“
    if before.text.lower() in ("meiner", "meinem", "unserer", "unserem") or before.text in ("Ihrer", "Ihrem"):
        return False  # the writer's or the interviewee's own view, or the interviewer's question
    return noun.text.lower() in _OPINION_NOUNS and before.upos in ("DET", "ADJ", "PRON")


_TIME_BEFORE_NACH = frozenset(
    "kurz gleich unmittelbar bald erst noch schon direkt wenige tag tage tagen woche wochen monat monate "
    "monaten jahr jahre jahren stunde stunden minute minuten".split()
)

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
            if _circumstance_after_noun(sentence, w, stretch):
                break  # „Laut dem Minister am Montag“
            stretch.append(w)
        if stretch and any(w.id == source.id for w in stretch):
            return with_apposition(sentence, trim(stretch))
    if kind == "postp":
        stretch = []
        for w in reversed(words[: word.id - 1]):
            if w.text in (",", ":", ";", "(") or finite_verbs([w]):
                break
            if w.id != source.id and (
                w.upos in ("PRON", "SCONJ") or (w.upos == "ADV" and _on_a_verb(sentence, w))
            ):
                # „Die Kinder, die sich Gerüchten zufolge …“, „…, retteten jedoch eigenen Angaben
                # zufolge …“: the phrase starts after them („nicht näher genannten Quellen“ keeps its adverb)
                break
            stretch.insert(0, w)
        if stretch and any(w.id == source.id for w in stretch):
            return trim(stretch)
    if kind in ("prep", "source") and word.id < len(sentence.words):
        surface = surface_noun_phrase(sentence, sentence.word(word.id + 1))
        if surface and any(w.id == source.id for w in surface):
            return _with_attributes(sentence, trim(surface))
    phrase = extend_noun_phrase(sentence, noun_phrase(sentence, source))
    cut: list[Word] = []
    for w in phrase:  # a weak parse may hang the clause's words on the source noun
        if w.id != source.id and (finite_verbs([w]) or w.text in (",", ":", ";")):
            break
        cut.append(w)
    return trim(cut)


def _circumstance_after_noun(sentence: Sentence, word: Word, before: Sequence[Word]) -> bool:
    """Whether ``word`` opens a phrase of time or channel after the source's noun (not one
    inside an attribute before it: „Laut einer am Dienstag veröffentlichten Mitteilung“)."""
    return opens_circumstance(sentence, word) and any(x.upos in ("NOUN", "PROPN") for x in before)


def _on_a_verb(sentence: Sentence, word: Word) -> bool:
    head = sentence.head_of(word)
    return head is None or head.upos in ("VERB", "AUX")


_ATTRIBUTE_PREPOSITIONS = frozenset({"in", "im", "aus", "bei", "beim"})


def _with_attributes(sentence: Sentence, words: list[Word]) -> list[Word]:
    """A source phrase with its apposition („den Worten der Sprecherin, Gisela Piltz,“) and
    a place or body after it („Ansicht der Opposition im Abgeordnetenhaus“), as the
    corpus marks sources."""
    words = with_apposition(sentence, words)
    last = words[-1].id
    if last + 1 < len(sentence.words) and sentence.word(last + 1).text.lower() in _ATTRIBUTE_PREPOSITIONS:
        group = surface_noun_phrase(sentence, sentence.word(last + 2))  # starts there, or is empty
        if group:
            return [*words, sentence.word(last + 1), *group]
    return words


def _verb_above(sentence: Sentence, word: Word) -> Word | None:
    """The nearest verb (or predicate) above ``word``: the clause a source phrase belongs to
    (a predicate adjective with its copula or auxiliary: „wurden … obdachlos“)."""
    for ancestor in sentence.ancestors(word):
        if ancestor.upos in ("VERB", "AUX") or any(
            c.deprel in ("cop", "aux", "aux:pass") for c in sentence.children(ancestor)
        ):
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
    """„Die Lage sei ernst, so der Minister.“ — so right after a comma (or a dash or bracket:
    „Es sei ein Schritt – so Canny –, …“), a noun phrase after it."""
    if (
        word.id < 3
        or sentence.word(word.id - 1).text not in _BEFORE_SO
        or not so_names_a_source(sentence, word)
    ):
        return []
    speaker = _np_by_sequence(sentence, word)
    if not speaker:
        return []
    before = [w for w in sentence.words if w.id < word.id - 1]
    if not before or before[0].id in in_direct:
        return []  # a direct quotation before „so“ is attributed by the direct rules
    # „Sein Rivale, so Obama, würde …“: the finite verb may follow the phrase
    words = before + _resumed(sentence, speaker)
    if not has_finite([w for w in words if w.id not in in_direct]):
        # „Das Gros handhabe den Konsum „maßvoll“, so X“: a partial quote in reported
        # speech leaves the clause around it to this rule (the quote nests in it)
        return []
    finding = make(
        doc,
        index,
        sentence,
        "indirect.so",
        words,
        [word],
        "so",
        speaker,
        [],
        None,
        word,
    )
    return [finding] if finding is not None else []


_BEFORE_SO = frozenset({",", "–", "—", "("})
_AFTER_INSERTION = frozenset({"–", "—", ")"})


def _resumed(sentence: Sentence, speaker: list[Word]) -> list[Word]:
    """The rest of a sentence that „so X“ interrupts: „Es sei, so der Bericht, | möglich
    gewesen.“  Nothing when the sentence ends with the phrase or a clause of its own
    follows (a relative clause, „und …“)."""
    last = speaker[-1].id
    if last + 1 < len(sentence.words) and sentence.word(last + 1).text in _AFTER_INSERTION:
        last += 1  # the dash or bracket that closes „– so Canny –“
    if last + 1 >= len(sentence.words) or sentence.word(last + 1).text != ",":
        return []
    rest = list(sentence.words[last + 1 :])
    while rest and rest[-1].upos == "PUNCT" and rest[-1].text in ".!?…":
        rest.pop()
    if not rest:
        return []
    first = rest[0]
    if first.upos in ("CCONJ", "SCONJ", "PRON") or first.lemma.lower() in ("der", "die", "das", "welcher"):
        return []
    return rest


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
    """The words after „so“ up to the end of the sentence or a comma, and an apposition
    after that comma that ends the clause („so Müller, Sprecher des Ministeriums.“); not
    the rest of a sentence the phrase interrupts („…, so der Bericht, möglich gewesen“)
    nor an addressee („so der Sprecher gegenüber der Zeitung“)."""
    out: list[Word] = []
    for w in sentence.words[so.id :]:
        if w.text in (".", "!", "?", ";", ":", ",") or w.text in _AFTER_INSERTION:
            break
        if finite_verbs([w]):
            break
        if w.text.lower() == "gegenüber" and out:
            break
        if _circumstance_after_noun(sentence, w, out):
            break  # „so der Autor in einem Blogeintrag“
        out.append(w)
    return with_apposition(sentence, trim(out))
