"""Phrases from dependency trees: noun phrases for speakers, verb complexes for
cues, clauses for quotes, and character spans for sets of words.

Pure functions over :mod:`quotable.syntax` records.  The span conventions
follow the German WikiNews quotation corpus: a speaker is the whole noun phrase
with article, titles and appositions but without relative clauses; a cue is
the whole verb complex (auxiliaries, separable particle, reflexive, correlate).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quotable import cues
from quotable.model import Span
from quotable.names import name_runs
from quotable.syntax import Sentence, Word

# Dependents that leave a noun phrase: clauses hanging off it, and loose attachments.
_NOT_IN_NP = frozenset({"wörtlich", "zufolge"})
"""Words the parser hangs on a speaker that are no part of the mention (Suttner wörtlich)."""
_NP_EXCLUDE = frozenset(
    {"acl", "acl:relcl", "parataxis", "ccomp", "advcl", "csubj", "dep", "discourse", "vocative"}
)
# Dependents that belong to the cue: the verb complex.
_CUE_DEPENDENTS = frozenset({"aux", "aux:pass", "expl:pv", "expl"})
_CORRELATES = frozenset("darauf davon daran darüber dafür damit dazu dagegen darum dahingehend".split())
PUNCT_EDGE = frozenset(",;:–—-.!?…")
QUOTE_CHARS = frozenset("„“”»«‚‘’›‹\"'")


def word_spans(words: Iterable[Word]) -> tuple[Span, ...]:
    """Character spans covering ``words``: one span per run of adjacent words.

    Words of one multi-word token share the token's offsets, so duplicates merge.
    """
    ordered = sorted({(w.start, w.end) for w in words})
    spans: list[Span] = []
    for start, end in ordered:
        if spans and start <= spans[-1].end:
            spans[-1] = Span(spans[-1].start, max(spans[-1].end, end))
        else:
            spans.append(Span(start, end))
    return tuple(spans)


def contiguous(sentence: Sentence, words: Iterable[Word]) -> tuple[Span, ...]:
    """Spans for ``words``, where words that are adjacent *in the sentence* form one span."""
    ids = sorted({w.id for w in words})
    runs: list[list[Word]] = []
    for i in ids:
        if runs and i == runs[-1][-1].id + 1:
            runs[-1].append(sentence.word(i))
        else:
            runs.append([sentence.word(i)])
    spans = [Span(run[0].start, run[-1].end) for run in runs]
    merged: list[Span] = []
    for s in sorted(spans):
        if merged and s.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(s.end, merged[-1].end))
        else:
            merged.append(s)
    return tuple(merged)


def trim(words: Sequence[Word]) -> list[Word]:
    """``words`` without punctuation at either edge (a closing parenthesis or
    quotation mark stays when its partner is inside)."""
    out = list(words)
    while out and (out[0].upos == "PUNCT" or out[0].text in PUNCT_EDGE) and out[0].text not in '(„»"':
        out.pop(0)
    while out and (out[-1].upos == "PUNCT" or out[-1].text in PUNCT_EDGE):
        last = out[-1].text
        if last == ")" and any(w.text == "(" for w in out):
            break
        if last in QUOTE_CHARS and sum(w.text in QUOTE_CHARS for w in out) % 2 == 0:
            break
        out.pop()
    while out and out[0].text in '„»"' and not any(w.text in QUOTE_CHARS for w in out[1:]):
        out.pop(0)
    return out


_NOT_AT_NP_END = frozenset({"ADV", "ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PART", "DET"})


def mention_words(words: Sequence[Word], avoid: Sequence[Span] = ()) -> list[Word]:
    """Clean a speaker or addressee mention: one run of words that stays clear of the
    quote (``avoid``) and ends in a noun, name, number or closing bracket/mark."""
    kept: list[Word] = []
    for w in sorted(words, key=lambda w: w.id):
        if any(s.start < w.end and w.start < s.end for s in avoid):
            if kept:
                break
            continue
        if kept and w.id != kept[-1].id + 1:
            break
        kept.append(w)
    kept = trim(kept)
    while kept and kept[-1].upos in _NOT_AT_NP_END:
        kept.pop()
        kept = trim(kept)
    return kept


def noun_phrase(sentence: Sentence, head: Word, *, drop_case: bool = True) -> list[Word]:
    """The noun phrase headed by ``head``: article, adjectives, genitives, titles,
    appositions and parenthesised party labels; no relative or other clauses.

    ``drop_case`` leaves out the head's own preposition (``laut`` in ``laut X``).
    The result is one contiguous run of words around the head.
    """
    keep = {head.id}
    frontier = [head]
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            if child.deprel in _NP_EXCLUDE or child.text.lower() in _NOT_IN_NP:
                continue
            if any(c.deprel == "case" and c.text.lower() == "gegenüber" for c in sentence.children(child)):
                continue  # „gegenüber der Onlineausgabe des Spiegels“ is the addressee
            if current is head and drop_case and child.deprel == "case" and child.id < head.id:
                continue
            if child.deprel == "mark":
                continue
            keep.add(child.id)
            frontier.append(child)
    # keep the contiguous run around the head (a gap means an excluded clause)
    ids = sorted(keep)
    start = ids.index(head.id)
    lo = hi = start
    while lo > 0 and ids[lo - 1] == ids[lo] - 1:
        lo -= 1
    while hi + 1 < len(ids) and ids[hi + 1] == ids[hi] + 1:
        hi += 1
    run = [sentence.word(i) for i in ids[lo : hi + 1]]
    # an article the parser hung elsewhere: „Der Kremlchef“ with „Der“ attached to the verb
    first = run[0]
    if (
        first.upos in ("NOUN", "PROPN")
        and first.id > 1
        and not any(c.deprel == "det" for c in sentence.children(head))
    ):
        before = sentence.word(first.id - 1)
        if before.upos == "DET" and before.deprel in ("det", "nsubj", "dep"):
            run.insert(0, before)
    # a first name the parser hung elsewhere („Theo“ before „Zwanziger“) belongs to the name
    while run[0].id > 1 and run[0].text[:1].isupper() and sentence.word(run[0].id - 1).upos == "PROPN":
        run.insert(0, sentence.word(run[0].id - 1))
    # a name goes on to its end („Dirk Lorenzen“, „Katrin Göring-Eckardt“): names.py knows
    # surnames after a first name that the tagger does not
    for name in name_runs(sentence):
        if name.words[0].id <= run[-1].id < name.words[-1].id and name.words[0].id >= run[0].id:
            taken = {w.id for w in run}
            run.extend(w for w in name.words if w.id not in taken)
            break
    # a name the parser split up („Juri“ ← „Uschakow“ attached elsewhere) stays together
    if head.upos == "PROPN":
        while run[-1].id < len(sentence.words) and sentence.word(run[-1].id + 1).upos == "PROPN":
            run.append(sentence.word(run[-1].id + 1))
        while run[0].id > 1 and sentence.word(run[0].id - 1).upos == "PROPN":
            run.insert(0, sentence.word(run[0].id - 1))
    return trim(run)


_APPOSITION_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP"})


def with_apposition(sentence: Sentence, words: list[Word]) -> list[Word]:
    """``words`` plus a following apposition the parser attached elsewhere:
    „Juri Uschakow, Putins außenpolitischer Berater.“  The apposition must be a
    plain noun group that ends the clause (a comma, a full stop or the end)."""
    if not words:
        return words
    last = max(w.id for w in words)
    if last >= len(sentence.words) or sentence.word(last + 1).text != ",":
        return words
    group: list[Word] = []
    for w in sentence.words[last + 1 :]:
        if w.text in (",", ".", "!", "?", ";", ":") or w.text in QUOTE_CHARS:
            break
        if w.upos not in _APPOSITION_WORDS:
            return words
        group.append(w)
    if not group or group[-1].upos not in ("NOUN", "PROPN") or group[0].upos == "ADP":
        return words
    if not any(w.upos == "NOUN" for w in group):
        return words
    return [*words, sentence.word(last + 1), *group]


_SENTENCE_ADVERBS = frozenset(
    [
        "hingegen",
        "seinerseits",
        "ihrerseits",
        "jedoch",
        "aber",
        "allerdings",
        "auch",
        "dagegen",
        "wiederum",
        "indes",
        "indessen",
        "zudem",
        "außerdem",
        "ebenfalls",
        "gleichzeitig",
        "derweil",
        "unterdessen",
        "inzwischen",
        "nun",
        "jetzt",
        "bereits",
        "schon",
    ]
)
_CLAUSE_BREAKS = frozenset({",", ":", ";", "(", ")", "–", "—"}) | QUOTE_CHARS


def finite_of(sentence: Sentence, verb: Word) -> Word:
    """The finite verb of ``verb``'s clause: itself, or its finite auxiliary (hat … gesagt)."""
    if verb.feat("VerbForm") == "Fin":
        return verb
    for child in sentence.children(verb):
        if child.deprel in ("aux", "aux:pass") and child.feat("VerbForm") == "Fin":
            return child
    return verb


def vorfeld(sentence: Sentence, verb: Word) -> list[Word]:
    """What stands before the finite verb of a main clause: in German exactly one
    constituent („Ein Regierungssprecher in Berlin | sagte …“).  Empty when the clause
    is subordinate or the finite verb comes first in its clause."""
    finite = finite_of(sentence, verb)
    words = sentence.words[: finite.id - 1]
    start = 0
    for i, w in enumerate(words):
        if w.text in _CLAUSE_BREAKS and not _inside_parentheses(words, i):
            start = i + 1
    field = list(words[start:])
    while field and (
        field[0].upos in ("CCONJ", "PUNCT") or field[0].lemma.lower() in ("und", "aber", "doch", "denn")
    ):
        field.pop(0)
    if not field or field[0].upos in ("SCONJ",) or field[0].lemma.lower() in ("wie", "als", "weil", "wenn"):
        return []
    if field[0].upos == "PRON" and field[0].text.lower() in _RELATIVE and start > 0:
        return []  # „…, der … sagte“: a relative clause, not a main clause
    return field


def _inside_parentheses(words: Sequence[Word], index: int) -> bool:
    opened = sum(1 for w in words[:index] if w.text == "(") - sum(1 for w in words[:index] if w.text == ")")
    return opened > 0 or (
        words[index].text == ")" and opened >= 0 and any(w.text == "(" for w in words[:index])
    )


_COORDINATORS = frozenset({"und", "sowie", "oder", "aber"})
_RELATIVE = frozenset({"der", "die", "das", "welcher", "welche", "welches"})


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
    if (
        after is not None
        and after.upos == "PRON"
        and after.id not in skip
        and (
            after.text.lower() in ("er", "wir", "ich")
            or (after.text.lower() == "sie" and after.feat("Case") == "Nom")
        )
    ):
        return [after]  # „… lobte er mit den Worten“: a nominative pronoun after the verb is its subject
    subj = subject(sentence, verb, skip)
    if subj is not None and subj.lemma.lower() in ("es", "man"):
        return []
    if subj is not None and subj.id < finite.id and _marked_not_nominative(sentence, subj):
        # „Den Unmut … brachte die Sprecherin zum Ausdruck“, „Als Begründung sagte ein
        # Forscher“: an object or an als-phrase in the Vorfeld, the subject follows the verb
        inverted = _first_noun_phrase_after(sentence, finite, skip)
        if inverted:
            return inverted
    field = [w for w in _nominal_vorfeld(sentence, verb) if w.id not in skip]
    if subj is None:
        if field:
            return field
        return _first_noun_phrase_after(sentence, finite, skip)
    if field and any(w.id == subj.id for w in field):
        return field
    return extend_noun_phrase(sentence, with_apposition(sentence, noun_phrase(sentence, subj)))


_DOCUMENT_PREPOSITIONS = frozenset({"in", "im", "aus"})


def _document_source(sentence: Sentence, verb: Word, skip: frozenset[int]) -> list[Word]:
    """For a passive or „heißt es“: the document named by „in/im/aus …“ (without the
    preposition), as the corpus marks it; nothing if there is none."""
    for child in sentence.children(verb):
        if child.id in skip or not child.deprel.startswith("obl") or child.upos not in ("NOUN", "PROPN"):
            continue
        case = [c for c in sentence.children(child) if c.deprel == "case"]
        if case and case[0].lemma.lower() in _DOCUMENT_PREPOSITIONS | {"in"} and case[0].id < child.id:
            words = [w for w in noun_phrase(sentence, child) if w.id not in skip]
            return extend_noun_phrase(sentence, words)
    return []


_OBLIQUE_ARTICLES = frozenset({"den", "dem", "einen", "einem", "diesen", "diesem", "jenen", "jenem"})
"""Articles that never open a nominative noun phrase."""


def _marked_not_nominative(sentence: Sentence, noun: Word) -> bool:
    """Whether the words of ``noun``'s phrase show it is no subject: a dative or
    accusative article, or a preposition (als, nach) of its own."""
    for child in sentence.children(noun):
        if child.id > noun.id:
            continue
        if child.deprel == "case" or (child.deprel == "det" and child.text.lower() in _OBLIQUE_ARTICLES):
            return True
    before = sentence.word(noun.id - 1) if noun.id > 1 else None
    return before is not None and before.text.lower() == "als"


def _first_noun_phrase_after(sentence: Sentence, finite: Word, skip: frozenset[int]) -> list[Word]:
    """When the parse gives no subject: the first noun phrase after the finite verb
    that is not inside a prepositional phrase (inverted order: „Am Montag kündigte
    die Regierung an, …“)."""
    for w in sentence.words[finite.id :]:
        if w.id in skip or w.text in (",", ":", ";", ".") or w.text in QUOTE_CHARS:
            return []
        if w.upos == "ADP":
            return []  # a prepositional phrase first: give up rather than guess
        if w.upos in ("NOUN", "PROPN") or (w.upos == "DET" and w.feat("PronType") == "Art"):
            head = w
            while head.upos == "DET" and head.id < len(sentence.words):
                head = sentence.word(head.id + 1)
            while head.upos == "ADJ" and head.id < len(sentence.words):
                head = sentence.word(head.id + 1)
            if head.upos not in ("NOUN", "PROPN"):
                return []
            words = [x for x in sentence.words[w.id - 1 : head.id] if x.id not in skip]
            return extend_noun_phrase(sentence, words)
    return []


def _relative_antecedent(sentence: Sentence, finite: Word) -> Word | None:
    """For a verb at the end of a relative clause („…, der … unterstellte“), the noun
    the clause belongs to; None when the verb is not in a relative clause."""
    words = sentence.words[: finite.id - 1]
    comma = next((w for w in reversed(words) if w.text in (",", "(", "–")), None)
    if comma is None or comma.id + 1 >= finite.id:
        return None
    pronoun = sentence.word(comma.id + 1)
    following = sentence.word(pronoun.id + 1)
    is_relative = pronoun.text.lower() in _RELATIVE and (
        pronoun.upos == "PRON"
        or (pronoun.upos == "DET" and following.upos not in ("NOUN", "ADJ", "PROPN", "NUM"))
    )
    if not is_relative:
        return None
    if any(
        w.upos in ("VERB", "AUX") and w.feat("VerbForm") == "Fin"
        for w in sentence.words[comma.id : finite.id - 1]
    ):
        return None
    # the nearest noun before the comma („Trump nicht zu verärgern, der …“: Trump)
    for w in reversed(sentence.words[max(0, comma.id - 8) : comma.id - 1]):
        if w.text in (",", ":", ";") or w.text in QUOTE_CHARS:
            break
        if w.upos in ("PROPN", "NOUN"):
            return w
    return None


def _nominal_vorfeld(sentence: Sentence, verb: Word) -> list[Word]:
    """The Vorfeld when it is a noun phrase (not „Im Gegenzug“ or „Am Montag“), cut
    before a relative clause and without trailing sentence adverbs (hingegen, jedoch)."""
    field = vorfeld(sentence, verb)
    if not field or field[0].upos == "ADP" or field[0].upos in ("ADV", "VERB", "AUX"):
        return []
    for i, w in enumerate(field):
        if w.text == "," and i + 1 < len(field):
            nxt = field[i + 1]
            if nxt.upos == "PRON" and (
                nxt.feat("PronType") == "Rel" or nxt.lemma.lower() in ("der", "welcher")
            ):
                field = field[:i]
                break
    while field and (field[-1].text.lower() in _SENTENCE_ADVERBS or field[-1].upos == "PUNCT"):
        if field[-1].text == ")" and any(w.text == "(" for w in field):
            break
        field.pop()
    if not any(w.upos in ("NOUN", "PROPN", "PRON", "X") for w in field):
        return []
    if any(w.upos in ("VERB", "AUX") for w in field):
        return []
    return trim(field)


def surface_noun_phrase(sentence: Sentence, first: Word) -> list[Word]:
    """The noun phrase that starts at ``first``, read from the word order alone:
    article, adjectives, nouns and names („einem Bericht der BBC“, „US-Präsident
    Donald Trump“), then what :func:`extend_noun_phrase` adds.  For source phrases
    whose parse is unreliable."""
    words: list[Word] = []
    for w in sentence.words[first.id - 1 :]:
        if (
            (w.upos in ("DET", "ADJ", "NUM") and not any(x.upos in ("NOUN", "PROPN") for x in words))
            or w.upos in ("NOUN", "PROPN")
            or (w.text == "-" and words and words[-1].end == w.start)
        ):
            words.append(w)
        else:
            break
    while words and words[-1].text == "-":
        words.pop()
    if not words or words[-1].upos not in ("NOUN", "PROPN"):
        return []
    return extend_noun_phrase(sentence, words)


def extend_noun_phrase(sentence: Sentence, words: list[Word]) -> list[Word]:
    """Grow a noun phrase to the right over what a weak parse may have cut off: the
    rest of a name (New → York Times), a genitive (Angaben → der Polizei), a
    parenthesised party (Berninger → (Grüne)) and „von“ after a role noun."""
    if not words:
        return words
    out = list(words)
    n = len(sentence.words)
    while out[-1].id < n:
        last = out[-1]
        nxt = sentence.word(last.id + 1)
        if nxt.upos == "PROPN" and last.upos in ("PROPN", "NOUN") and nxt.text[:1].isupper():
            out.append(nxt)
            continue
        if nxt.text == "-" and nxt.start == last.end and nxt.id < n:
            glued = sentence.word(nxt.id + 1)
            if glued.start == nxt.end and glued.upos in ("NOUN", "PROPN"):
                out.extend([nxt, glued])  # „US-Innenminister“ split into three tokens
                continue
        if nxt.text == "(":
            close = next((w for w in sentence.words[nxt.id : nxt.id + 5] if w.text == ")"), None)
            if close is not None:
                out.extend(sentence.words[nxt.id - 1 : close.id])
                continue
        if nxt.text in ("„", "»", '"') and last.upos in ("NOUN", "PROPN"):
            # „die Tageszeitung „The Guardian““: a quoted name after the noun
            close = next(
                (w for w in sentence.words[nxt.id : nxt.id + 6] if w.text in ("“", "”", "«", '"')), None
            )
            if close is not None and all(
                w.upos in ("PROPN", "NOUN", "DET", "ADJ", "X", "NUM")
                for w in sentence.words[nxt.id : close.id - 1]
            ):
                out.extend(sentence.words[nxt.id - 1 : close.id])
                continue
        genitive = nxt.upos == "DET" and (
            nxt.text.lower() == "des"
            or (nxt.text.lower() == "der" and last.upos == "NOUN" and nxt.feat("Case") != "Dat")
        )
        if genitive or (nxt.text.lower() == "von" and last.upos == "NOUN" and cues.is_role_noun(last.text)):
            group = [nxt]
            for w in sentence.words[nxt.id :]:
                if (
                    w.upos in ("DET", "ADJ", "NUM")
                    and not any(g.upos in ("NOUN", "PROPN") for g in group[1:])
                ) or w.upos in ("NOUN", "PROPN"):
                    group.append(w)
                else:
                    break
            if group[-1].upos in ("NOUN", "PROPN"):
                out.extend(group)
                continue
        break
    return out


def clause(sentence: Sentence, head: Word, exclude: Iterable[Word] = ()) -> list[Word]:
    """The clause headed by ``head`` (its subtree), minus ``exclude`` subtrees."""
    removed: set[int] = set()
    for word in exclude:
        removed.update(w.id for w in sentence.subtree(word))
    return [w for w in sentence.subtree(head) if w.id not in removed]


def verb_complex(sentence: Sentence, verb: Word) -> list[Word]:
    """The cue verb with its auxiliaries, separable particle, reflexive, ``es`` of
    ``heißt es``, correlate (``davon``/``darauf`` before a dass-clause) and the noun of
    a phrase cue („zum Ausdruck brachte“)."""
    words = [verb]
    entry = cue_verb(sentence, verb)
    if entry is not None:
        words.extend(phrase_words(sentence, verb, entry))
    # only the particle that is part of the cue's lemma („teilte … mit“, not „schrieb weiter“)
    particles = {
        w.id
        for w in particles_of(sentence, verb)
        if entry is not None and entry.lemma.startswith(w.text.lower())
    }
    for child in sentence.children(verb):
        if child.deprel in _CUE_DEPENDENTS or child.id in particles:
            words.append(child)
        elif child.lemma.lower() == "wort" and any(
            c.lemma.lower() == "mit" for c in sentence.children(child)
        ):
            # „meldete sich mit den Worten: …“: the corpus counts „mit den Worten“ to the cue
            words.extend([child, *(c for c in sentence.children(child) if c.deprel in ("case", "det"))])
        elif (child.xpos == "PAV" or child.text.lower() in _CORRELATES) and child.deprel in (
            "advmod",
            "obl",
            "obj",
            "expl",
        ):
            # pronominal adverb as correlate: wies darauf hin, dass …
            words.append(child)
        elif child.lemma.lower() == "es" and verb.lemma == "heißen":
            words.append(child)
    # an auxiliary can also be the head: „hat … gesagt“ parsed with the participle as child
    head = sentence.head_of(verb)
    if head is not None and verb.deprel in ("xcomp",) and head.upos == "AUX":
        words.append(head)
    return sorted(words, key=lambda w: w.id)


def cue_verb(sentence: Sentence, verb: Word) -> cues.VerbCue | None:
    """The cue-lexicon entry of ``verb``, its separable particle joined (teilte … mit →
    mitteilen), recognised from the lemma or, when the lemmatiser errs, from the form."""
    children = sentence.children(verb)
    if verb.upos in ("NOUN", "ADJ") and any(c.deprel == "cop" and c.lemma == "sein" for c in children):
        return cues.phrase("sein", (verb.lemma,))  # „ist der Meinung“, „ist überzeugt“
    if verb.upos not in ("VERB", "AUX"):
        # a cue verb the tagger took for something else („entgegnete“ as an adjective)
        lemma = cues.form_lemma(verb.text)
        return cues.verb(lemma) if lemma is not None and verb.text[:1].islower() else None
    particles = tuple(c.text.lower() for c in particles_of(sentence, verb))
    lemma = cues.verb_lemma(verb.text, verb.lemma, particles)
    if lemma is not None:
        return cues.verb(lemma)
    return cues.phrase(verb.lemma, (c.lemma for c in children if c.deprel != "punct"))


def particles_of(sentence: Sentence, verb: Word) -> list[Word]:
    """The verb's separated particle: compound:prt, or a known particle the parser hung
    on the verb another way (gab … bekannt as xcomp, wies … hin as advmod)."""
    out = []
    for c in sentence.children(verb):
        if c.text.lower() in cues.SEPARABLE_PARTICLES and (
            c.deprel == "compound:prt"
            or (
                c.id > verb.id
                and c.deprel in ("xcomp", "advmod", "compound", "obl", "dep")
                and c.upos in ("ADP", "ADV", "ADJ", "PART", "VERB")
            )
        ):
            out.append(c)
    return out


def phrase_words(sentence: Sentence, verb: Word, entry: cues.VerbCue) -> list[Word]:
    """For a phrase cue („zum Ausdruck brachte“) the noun with its article or preposition."""
    if " " not in entry.lemma:
        return []
    noun = entry.lemma.split(" ", 1)[0].lower()
    if verb.lemma.lower() == noun:  # „ist der Meinung“: the noun heads, the copula hangs off it
        return [c for c in sentence.children(verb) if c.deprel in ("cop", "case", "det")]
    for child in sentence.children(verb):
        if child.lemma.lower() == noun:
            return [child, *(c for c in sentence.children(child) if c.deprel in ("case", "det"))]
    return []


def subject(sentence: Sentence, verb: Word, skip: frozenset[int] = frozenset()) -> Word | None:
    """The subject of ``verb``: its own nsubj, or that of the verb it is coordinated
    with; a relative pronoun stands for the noun its clause belongs to (Trump, der …
    unterstellte → Trump).  A "subject" inside a prepositional phrase is a parse error
    and is not returned."""
    for candidate in (verb, sentence.head_of(verb) if verb.deprel == "conj" else None):
        if candidate is None:
            continue
        for child in sentence.children(candidate):
            if child.deprel not in ("nsubj", "csubj") or child.id in skip:
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


def is_passive(sentence: Sentence, verb: Word) -> bool:
    return any(c.deprel in ("aux:pass", "nsubj:pass") for c in sentence.children(verb))


_SEIN_KONJUNKTIV = frozenset({"sei", "seiest", "seist", "seien", "seiet"})
_KONJUNKTIV_TWO = frozenset(
    [
        "hätte",
        "hätten",
        "hättest",
        "wäre",
        "wären",
        "wärest",
        "würde",
        "würden",
        "würdest",
        "könnte",
        "könnten",
        "müsste",
        "müssten",
        "dürfte",
        "dürften",
        "gäbe",
        "gäben",
        "käme",
        "kämen",
        "ginge",
        "gingen",
        "stünde",
        "stünden",
        "läge",
        "lägen",
        "bliebe",
        "blieben",
        "wüsste",
        "wüssten",
        "möchte",
        "möchten",
    ]
)


def is_konjunktiv_one(word: Word) -> bool:
    """Konjunktiv I (er sei, habe, werde, könne, fordere): reported speech, rarely anything else.

    Read from the form, not only from the tagger's Mood feature: the third person
    singular is the stem plus -e (habe, gebe, könne), which no indicative form of a
    third person has, and „sei(en)“ is unambiguous.
    """
    if word.upos not in ("VERB", "AUX"):
        return False
    form = word.text.lower()
    if form in _SEIN_KONJUNKTIV:
        return True
    if word.feat("Mood") == "Sub" and word.feat("Tense") == "Pres":
        return True
    if word.feat("VerbForm") in ("Part", "Inf"):
        return False
    # the first person singular has the same form („ich habe“), but outside quotations
    # news text speaks in the third person; the tagger's Person feature is unreliable here
    lemma = word.lemma.lower()
    if lemma == form and word.feat("VerbForm") == "Fin":
        # a sentence that was tagged but not lemmatized: read the form alone.  Past
        # tense (sagte, wurde) ends in -te/-de; umlauts mark Konjunktiv II (wäre, gäbe)
        # except in the modals' Konjunktiv I (könne, müsse, dürfe, möge)
        if form in _MODAL_KONJUNKTIV_ONE:
            return True
        return form.endswith("e") and not form.endswith(("te", "de")) and not _UMLAUTS & set(form)
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1] if lemma.endswith("n") else ""
    return bool(stem) and form == stem + "e" and not stem.endswith(("t", "d")) and lemma not in ("tun",)


_MODAL_KONJUNKTIV_ONE = frozenset({"könne", "müsse", "dürfe", "möge"})
_UMLAUTS = frozenset("äöü")


def is_konjunktiv(word: Word) -> bool:
    """Konjunktiv I or II (sei, habe; hätte, wäre, würde): the marks of reported speech."""
    if word.upos not in ("VERB", "AUX"):
        return False
    return is_konjunktiv_one(word) or word.text.lower() in _KONJUNKTIV_TWO or word.feat("Mood") == "Sub"


def finite_verbs(words: Iterable[Word]) -> list[Word]:
    """Finite verbs (the tagger's VerbForm, or a Konjunktiv form it missed)."""
    return [
        w
        for w in words
        if w.upos in ("VERB", "AUX")
        and (
            w.feat("VerbForm") == "Fin"
            or w.feat("Mood") is not None
            or w.xpos.endswith("FIN")
            or w.text.lower() in _SEIN_KONJUNKTIV
            or w.text.lower() in _KONJUNKTIV_TWO
        )
    ]
