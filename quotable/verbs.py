"""The verbs of a clause, read from the parse: a verb's cue-lexicon entry (its
separated particle joined), its verb complex as the corpus marks a cue
(auxiliaries, separable particle, reflexive, correlate), passive, finite forms
and Konjunktiv I and II — the mark of reported speech in German.

Pure functions over :mod:`quotable.syntax` records.
"""

from __future__ import annotations

from collections.abc import Iterable

from quotable import cues
from quotable.syntax import Sentence, Word

# Dependents that belong to the cue: the verb complex.
_CUE_DEPENDENTS = frozenset({"aux", "aux:pass", "expl:pv", "expl"})
_CORRELATES = frozenset("darauf davon daran darüber dafür damit dazu dagegen darum dahingehend".split())


def finite_of(sentence: Sentence, verb: Word) -> Word:
    """The finite verb of ``verb``'s clause: itself, or its finite auxiliary (hat … gesagt)."""
    if verb.feat("VerbForm") == "Fin":
        return verb
    for child in sentence.children(verb):
        if child.deprel in ("aux", "aux:pass") and child.feat("VerbForm") == "Fin":
            return child
    return verb


def verb_complex(sentence: Sentence, verb: Word) -> list[Word]:
    """The cue verb with its auxiliaries, separable particle, reflexive, ``es`` of
    ``heißt es``, correlate (``davon``/``darauf`` before a dass-clause) and the noun of
    a phrase cue („zum Ausdruck brachte“)."""
    words = [verb]
    entry = cue_verb(sentence, verb)
    if entry is not None:
        words.extend(phrase_words(sentence, verb, entry))
    # only the particle that is part of the cue's lemma („teilte … mit“, not „schrieb weiter“)
    lemma = "" if entry is None else entry.lemma
    particles = [w for w in particles_of(sentence, verb) if lemma and lemma.startswith(w.text.lower())]
    words.extend(w for w in particles if w.head != verb.id)  # a stray particle hung elsewhere
    for child in sentence.children(verb):
        if child.deprel in _CUE_DEPENDENTS or child in particles:
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
    entry = cues.verb(lemma) if lemma is not None else None
    if entry is not None and entry.clause:
        return entry
    # „spricht davon, dass …“, „beruft sich darauf, dass …“: a phrase takes the clause
    # its verb alone does not
    phrase = cues.phrase(verb.lemma, (c.lemma for c in children if c.deprel != "punct"))
    return entry if phrase is None or (entry is not None and not phrase.clause) else phrase


def particles_of(sentence: Sentence, verb: Word) -> list[Word]:
    """The verb's separated particle: compound:prt, or a known particle the parser hung
    on the verb another way (gab … bekannt as xcomp, wies … hin as advmod), after it or,
    in a clause with the verb last, right before it („wie die Bank bekannt gab“)."""
    out = []
    for c in sentence.children(verb):
        if c.text.lower() in cues.SEPARABLE_PARTICLES and (
            c.deprel == "compound:prt"
            or (
                (c.id > verb.id or c.id == verb.id - 1)
                and c.deprel in ("xcomp", "advmod", "compound", "obl", "dep")
                and c.upos in ("ADP", "ADV", "ADJ", "PART", "VERB")
            )
        ):
            out.append(c)
    if not out and verb.feat("VerbForm") == "Fin":
        stray = _particle_before_break(sentence, verb)
        if stray is not None:
            out.append(stray)
    return out


_BREAKS = frozenset({",", ".", ":", ";", "–", "!", "?"})


def _particle_before_break(sentence: Sentence, verb: Word) -> Word | None:
    """„teilte mit, …“ parsed with „mit“ as the preposition of the next clause's noun: a
    particle right before a comma or the sentence's end is no preposition (which needs a
    noun after it), so it is the particle of the finite verb before it in its clause."""
    for w in sentence.words[verb.id :]:
        if w.text in _BREAKS:
            return None
        if w.upos in ("VERB", "AUX") and w.head != verb.id:
            return None
        following = sentence.word(w.id + 1) if w.id < len(sentence.words) else None
        if w.text.lower() in cues.SEPARABLE_PARTICLES and (following is None or following.text in _BREAKS):
            return w
    return None


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


def is_passive(sentence: Sentence, verb: Word) -> bool:
    """Whether ``verb`` is passive: a passive auxiliary, or a passive subject without the
    perfect's „haben“ (the parser takes the subject of „hat … betont“ for a passive one)."""
    children = sentence.children(verb)
    if any(c.deprel == "aux:pass" for c in children):
        return True
    if verb.lemma.lower() in _SEIN_PERFECT:
        return False  # „waren davon ausgegangen“: a perfect with „sein“, never a passive
    return any(c.deprel == "nsubj:pass" for c in children) and not any(
        c.deprel == "aux" and c.lemma == "haben" for c in children
    )


_SEIN_PERFECT = frozenset({"ausgehen", "eingehen", "kommen", "gelangen", "übereinkommen", "zurückkommen"})
"""Cue verbs whose perfect takes „sein“ and that have no passive („ist zu dem Schluss gekommen“)."""


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
    # the lexicon's lemma where the form is a cue verb's („erwäge“, lemmatised „erwagen“)
    known = cues.form_lemma(form)
    lemma = known or lemma
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1] if lemma.endswith("n") else ""
    if not stem or form != stem + "e" or lemma == "tun":
        return False
    # a stem in t/d only where the form is known as that lemma's (werde, halte, melde): a past
    # the lemmatiser got wrong („wurde“ as „wurden“, „sagte“ as „sagten“) has the same shape
    return not stem.endswith(("t", "d")) or lemma in ("werden", known)


_MODAL_KONJUNKTIV_ONE = frozenset({"könne", "müsse", "dürfe", "möge"})
_UMLAUTS = frozenset("äöü")


def is_konjunktiv(word: Word) -> bool:
    """Konjunktiv I or II (sei, habe; hätte, wäre, würde): the marks of reported speech; the
    tagger's Mood=Sub counts, except on forms that are (also) indicative (konnte, sollte, wollte)."""
    if word.upos not in ("VERB", "AUX"):
        return False
    return (
        is_konjunktiv_one(word)
        or word.text.lower() in _KONJUNKTIV_TWO
        or (word.feat("Mood") == "Sub" and not _indicative_too(word.text.lower()))
    )


def _indicative_too(form: str) -> bool:
    """Forms the tagger marks Mood=Sub that are (also) indicative: a past in -te without
    umlaut (konnte, musste, sollte, wollte: their Konjunktiv II is könnte, müsste, or the same
    form), and „sollen“."""
    past = form.endswith(("te", "ten", "test", "tet")) and not _UMLAUTS & set(form)
    return past or form == "sollen"


def is_clear_konjunktiv(word: Word) -> bool:
    """Konjunktiv I, or a Konjunktiv II that no indicative shares (hätte, wäre, könnte); not
    „sollte“ or „wollte“, which are also past indicative, whatever the tagger's mood, nor
    „möchte“, which today is the present of a modal („Sie möchte im Januar reisen“), nor the
    modals „könnte“, „dürfte“, „müsste“, as often the writer's own guess as reported speech."""
    form = word.text.lower()
    return word.upos in ("VERB", "AUX") and (
        is_konjunktiv_one(word) or (form in _KONJUNKTIV_TWO and form not in _OWN_MODALS)
    )


_OWN_MODALS = frozenset({"möchte", "möchten", "könnte", "könnten", "dürfte", "dürften", "müsste", "müssten"})


def first_finite(words: Iterable[Word]) -> Word | None:
    """The first verb the tagger marked finite (no Konjunktiv guess, as :func:`finite_verbs`
    makes): the main clause's verb in a sentence only tagged."""
    return next((w for w in words if w.upos in ("VERB", "AUX") and w.feat("VerbForm") == "Fin"), None)


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


def has_zu(sentence: Sentence, verb: Word) -> bool:
    """Whether ``verb`` is a zu-infinitive: with „zu“ before it, or „zu“ after a separable
    particle inside it (mitzuteilen, anzuerkennen), which the tagger also calls finite or
    a participle."""
    if any(c.text.lower() == "zu" and c.deprel == "mark" for c in sentence.children(verb)):
        return True
    lower = verb.text.lower()
    at = lower.find("zu", 1)
    if at < 0 or verb.feat("VerbForm") == "Inf":
        return at > 0
    return (
        lower[:at] in cues.SEPARABLE_PARTICLES
        and lower.endswith(("en", "ern", "eln"))
        and len(lower) > at + 4
    )
