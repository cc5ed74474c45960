"""Who speech is addressed to, as the WikiNews corpus marks it (without the preposition):
a dative object („sagte der Zeitung“, „einem Radiosender“, also when the parser hung it
on the speaker: „sagte Hans Meyer der Sportschau“), „gegenüber X“, an outlet after „zu“
(„sagte er zur Sportschau“, ``data/outlet_nouns.txt``), „an X gerichtet“, „in einem
Brief an X“, „in einem Interview mit X“, an audience „vor X“ („vor Journalisten“, „vor der Presse“,
``data/audiences.txt``), the person asked, accused or urged („forderte ihn auf“, „warf
dem Iran vor“, also when the parser hangs the dative on the subject: „warf die
Staatsanwaltschaft dem Manager vor“), also in the passive („Ihm wird vorgeworfen“).  Pure
given the parse.
"""

from __future__ import annotations

from quotable import cues, lexicon
from quotable.inflection import bare_dative, dative_article, noun_gender
from quotable.names import is_place
from quotable.phrases import (
    QUOTE_CHARS,
    extend_noun_phrase,
    noun_phrase,
    quoted_name_words,
    surface_noun_phrase,
)
from quotable.syntax import Sentence, Word
from quotable.verbs import cue_verb

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
    }
)


_DATIVE_ADDRESSEE = frozenset(
    {"vorwerfen", "nachsagen", "raten", "empfehlen", "vorschlagen", "zusichern", "versprechen"}
)
"""Verbs whose dative is the addressee, also as the passive's first noun („Ihm wird vorgeworfen“)."""

_ADDRESSED_AS_OBJECT = _ADDRESSEE_OBJECT | _DATIVE_ADDRESSEE
"""Verbs whose object or dative is the person addressed, asked or accused."""


_APPEAL_TO = frozenset({"appellieren", "schreiben", "übergeben", "übermitteln", "schicken", "senden"})
"""Verbs whose „an X“ is the addressee: „appellierte an die Regierung“."""


def _dative_of_speech(sentence: Sentence, verb: Word, child: Word) -> bool:
    """A dative the parse left as an object of a verb that has its subject: „sagte der
    Zeitung“ („der“ before a noun the verb governs is no nominative then, and never an
    accusative), „sagte Karsai Journalisten“ (a bare role noun in -n: a plural)."""
    subjects = [c for c in sentence.children(verb) if c.deprel == "nsubj" and c.id != child.id]
    # the parser often makes it a second subject: then it must follow the first
    if child.deprel == "nsubj":
        if not subjects or subjects[0].id > child.id or _quoted(sentence, subjects[0]):
            return False
    elif child.deprel not in ("obj", "obl", "obl:arg", "iobj") or not subjects:
        return False
    articles = [c.text.lower() for c in sentence.children(child) if c.deprel == "det"]
    if articles:
        # „der Zeitung“, „der Ministerin“; but „der Vorsitzende“ is a nominative: a subject
        return articles[0] == "der" and (not cues.is_role_noun(child.text) or child.text.endswith("in"))
    return child.upos == "NOUN" and child.text.endswith("n") and cues.is_role_noun(child.text)


_TELLS = _DATIVE_ADDRESSEE | {"sagen", "erklären", "mitteilen", "versichern", "zusagen", "ankündigen"}
"""Verbs that tell someone (a dative) what their clause says."""


def _dative_before(sentence: Sentence, verb: Word, child: Word) -> bool:
    """„Den Bauern sicherte die Ministerin zu, …“, „Der Stadt schlug er vor, …“: a
    dative in the Vorfeld the parser took for the subject, with the real subject after the
    verb (a nominative pronoun, or a noun phrase opened by a nominative article)."""
    if (
        child.deprel != "nsubj"
        or child.id > verb.id
        or child.upos != "NOUN"
        or not _has_clause(sentence, verb)
    ):
        return False
    after = [c for c in sentence.children(verb) if c.id > verb.id and c.deprel in ("nsubj", "obj")]
    if not any(_nominative(sentence, c) for c in after):
        return False
    if dative_article(sentence, child):
        return True
    articles = [c.text.lower() for c in sentence.children(child) if c.deprel == "det"]
    # „der“ before a feminine singular is its dative (or genitive) once the subject is taken
    return articles[:1] == ["der"] and child.feat("Number") == "Sing" and noun_gender(child) == "Fem"


def _nominative(sentence: Sentence, word: Word) -> bool:
    if word.upos == "PRON":
        return word.text.lower() in ("er", "sie", "wir", "ich", "ihr")
    articles = [c.text.lower() for c in sentence.children(word) if c.deprel == "det"]
    return (
        bool(articles)
        and articles[0] in ("der", "die", "das", "ein", "eine")
        and word.upos == "NOUN"
        and (articles[0] != "der" or noun_gender(word) == "Masc")
    )


def _marked_dative(sentence: Sentence, child: Word) -> bool:
    """Whether a word the tagger calls a dative shows it: a pronoun, a name, or a noun with
    an article or adjective (a bare noun's case is the tagger's guess: „forderte
    Aufklärung“, „erwartete Regen“ are accusatives)."""
    return child.upos in ("PRON", "PROPN") or any(
        c.deprel in ("det", "amod", "det:poss") for c in sentence.children(child)
    )


def _has_clause(sentence: Sentence, verb: Word) -> bool:
    """Whether the verb has a clause complement (or a clause after a comma the parser made
    its conjunct: „warf ihm vor, er habe …“)."""
    return any(
        c.deprel in ("ccomp", "xcomp", "csubj", "parataxis")
        or (c.deprel == "conj" and c.id > verb.id and sentence.subtree(c)[0].text == ",")
        for c in sentence.children(verb)
    )


def _quoted(sentence: Sentence, word: Word) -> bool:
    """Whether a word stands right inside quotation marks („„Ja“, sagte er“: „Ja“ is no subject)."""
    neighbours = [sentence.word(i) for i in (word.id - 1, word.id + 1) if 1 <= i <= len(sentence.words)]
    return any(n.text in QUOTE_CHARS for n in neighbours)


def _own_phrase(sentence: Sentence, noun: Word) -> list[Word]:
    """The noun phrase of ``noun`` from its own first dependent: not a name the parser
    set beside it („sagte Karsai Journalisten“ → Journalisten)."""
    start = min([c.id for c in sentence.children(noun) if c.id < noun.id] + [noun.id])
    return [w for w in extend_noun_phrase(sentence, noun_phrase(sentence, noun)) if w.id >= start]


def _stray_dative(sentence: Sentence, verb: Word, lemma: str, stray: Word) -> bool:
    """„warf die Staatsanwaltschaft Huber vor, …“: with its clause filling the accusative, a
    verb of _DATIVE_ADDRESSEE needs a dative, so a bare name hung on the subject is that
    dative, and so is a „der“-phrase after a name („wirft die OSZE der Wahlkommission vor“),
    which takes no genitive; after a noun it is as often the genitive („Vertreter der Armee
    werfen den Rebellen vor“)."""
    if lemma not in _DATIVE_ADDRESSEE or not _has_clause(sentence, verb):
        return False
    if any(c.deprel == "case" for c in sentence.children(stray)):
        return False
    article = next((c for c in sentence.children(stray) if c.deprel == "det"), None)
    if article is None:
        return stray.upos == "PROPN"
    owner = sentence.head_of(stray)
    return article.text.lower() == "der" and owner is not None and owner.upos == "PROPN"


def _dative_in_subject(sentence: Sentence, subject: Word) -> list[Word]:
    """„sagte Trainer Hans Meyer der Sportschau“, „sagte ein Sprecher dem „Tagblatt““: a
    dative the parser hung on the speaker's phrase, before any comma after it.  „dem“ and
    „einem“ are never genitive; „der“ only after a name, which takes no genitive after it
    („der Sprecher der Zeitung“ stays the speaker's)."""
    for word in sentence.words[subject.id :]:
        if word.text in (",", ";", ":", "(", "–") or word.upos in ("VERB", "AUX", "ADP"):
            return []
        if word.upos != "DET" or all(a.id != subject.id for a in sentence.ancestors(word)):
            continue
        lower = word.text.lower()
        before = sentence.word(word.id - 1)
        name = before.upos == "PROPN" and not cues.is_role_noun(before.text)  # „General der US-Armee“
        if lower in ("dem", "einem") or (lower == "der" and name):
            after = sentence.word(word.id + 1) if word.id < len(sentence.words) else None
            quoted = quoted_name_words(sentence, after) if after is not None else []
            return [word, *quoted] if quoted else surface_noun_phrase(sentence, word)
    return []


def addressee_of(sentence: Sentence, verb: Word) -> list[Word]:
    """To whom, as the corpus marks it (see :func:`_addressee`), with a second addressee
    joined by „und“ („forderte Meier und seine Anhänger auf“)."""
    words = _addressee(sentence, verb)
    if not words or words[-1].id + 1 >= len(sentence.words):
        return words
    joint = sentence.word(words[-1].id + 1)
    if joint.text.lower() not in ("und", "sowie"):
        return words
    second = surface_noun_phrase(sentence, sentence.word(joint.id + 1))
    head = next((w for w in reversed(second) if w.upos in ("NOUN", "PROPN")), None)
    if head is None:
        return words
    # the second phrase is the verb's too: another object of it, or the first's conjunct
    if (head.head == verb.id and head.deprel in ("obj", "iobj")) or head.deprel == "conj":
        return [*words, joint, *second]
    return words


def _addressee(sentence: Sentence, verb: Word) -> list[Word]:
    """To whom, as the corpus marks it (without a preposition): a dative object
    („sagte der Zeitung“), „gegenüber X“, „an X gerichtet/gewandt“, „im Interview mit X“,
    or the person asked, accused or urged („forderte ihn auf“, „warf dem Iran vor“)."""
    entry = cue_verb(sentence, verb)
    lemma = entry.lemma if entry is not None else ""
    speech = entry is not None and entry.clause
    for child in sentence.children(verb):
        case = [c for c in sentence.children(child) if c.deprel == "case"]
        nominal = child.upos in ("NOUN", "PROPN", "PRON") and child.lemma.lower() not in ("sich", "es", "man")
        if (
            not case
            and nominal
            and (
                child.deprel == "iobj"
                or (
                    child.deprel in ("obj", "obl:arg")
                    and child.feat("Case") == "Dat"
                    and _marked_dative(sentence, child)
                )
                or (child.deprel in ("obj", "obl:arg", "obl") and dative_article(sentence, child))
                or (child.deprel in ("obj", "obl:arg") and lemma in _ADDRESSEE_OBJECT)
                # „warf Obama vor, er sei …“: the clause fills the accusative, the object is the dative
                or (child.deprel == "obj" and lemma in _DATIVE_ADDRESSEE and _has_clause(sentence, verb))
                # „Ihm wird vorgeworfen …“, „Er wird beschuldigt …“: who is accused is no speaker
                or (child.deprel == "nsubj:pass" and lemma in _ADDRESSED_AS_OBJECT)
            )
        ):
            return extend_noun_phrase(sentence, noun_phrase(sentence, child))
        if not case and nominal and lemma in _TELLS and _dative_before(sentence, verb, child):
            return _own_phrase(sentence, child)  # „Den Bauern sicherte die Ministerin zu“
        if not case and nominal and speech and _dative_of_speech(sentence, verb, child):
            return _own_phrase(sentence, child)
        if child.deprel == "nsubj" and lemma in _ADDRESSED_AS_OBJECT:
            # „warf die Staatsanwaltschaft dem Manager vor“ with the object parsed into the subject
            stray = [g for g in sentence.children(child) if g.deprel == "nmod" and g.id > child.id]
            if stray and (bare_dative(sentence, stray[0]) or _stray_dative(sentence, verb, lemma, stray[0])):
                return extend_noun_phrase(sentence, noun_phrase(sentence, stray[0]))
        if child.deprel == "nsubj" and speech and (dative := _dative_in_subject(sentence, child)):
            return dative
        if case and case[0].lemma.lower() == "gegenüber" and nominal:
            return extend_noun_phrase(sentence, noun_phrase(sentence, child))
        if case and case[0].lemma.lower() == "an" and nominal and lemma in _APPEAL_TO:
            return extend_noun_phrase(sentence, noun_phrase(sentence, child))  # without its „an“
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
    # „gegenüber der Presse“ hung elsewhere by the parser: the words after it in the clause;
    # „in einem Interview mit der Zeitung“, „im Gespräch mit X“: who the talk was with
    for word in sentence.words:
        distance = word.id - verb.id
        if word.id >= len(sentence.words) or not -8 <= distance <= 14:
            continue
        lower = word.text.lower()
        if distance > 8 and not lower.endswith(_TALKS):
            continue  # „sagte Anna Roth vom Verein gestern in einem Interview mit …“ is still the verb's
        if lower == "gegenüber" and word.upos == "ADP":
            phrase = _phrase_after(sentence, word)
        elif lower.endswith(_TALKS) and sentence.word(word.id + 1).text.lower() == "mit":
            phrase = _phrase_after(sentence, sentence.word(word.id + 1))
        elif lower == "vor" and _audience_after(sentence, word):
            phrase = _phrase_after(sentence, word)  # „sagte vor Journalisten“, „vor der Presse“
        elif lower == "an" and word.upos == "ADP" and _message_before(sentence, word):
            phrase = _phrase_after(sentence, word)  # „in einem Brief an die Abgeordneten“
        elif lower == "zu" and word.upos == "ADP" and lemma in _TOLD_TO:
            phrase = _listener_after(sentence, word)  # „sagte er zur Sportschau“
        else:
            continue
        if phrase:
            return phrase
    return []


def _message_before(sentence: Sentence, an: Word) -> bool:
    """Whether „an“ follows a message noun (``data/address_nouns.txt``: Brief, Schreiben,
    Videobotschaft) that names how the speech was sent: its addressee follows."""
    return an.id > 1 and lexicon.compound_match(sentence.word(an.id - 1).text, "address_nouns.txt")


_TOLD_TO = frozenset({"sagen", "erklären", "äußern", "meinen", "bestätigen", "betonen", "sprechen"})
"""Verbs whose „zu“-phrase may name who was told („sagte er zur Sportschau“)."""


def _listener_after(sentence: Sentence, zu: Word) -> list[Word]:
    """The outlet or audience „zu“ introduces (``data/outlet_nouns.txt``, a name that is no
    place, or a name in marks), without the article „zur“/„zum“ carries; empty for what
    the speech is about („zur Lage“, „zu den Vorwürfen“, „zu Syrien“)."""
    if zu.id >= len(sentence.words):
        return []
    after = sentence.word(zu.id + 1)
    contracted = after.upos == "DET" and after.start == zu.start
    before = sentence.word(zu.id - 1) if zu.id > 1 else None
    if not contracted and before is not None and before.upos in ("NOUN", "PROPN"):
        return []  # „Karl-Theodor zu Guttenberg“, „der Doktorvater zu Guttenbergs“: a name's particle
    first = sentence.word(after.id + 1) if contracted and after.id < len(sentence.words) else after
    quoted = quoted_name_words(sentence, first)
    if quoted:
        return quoted
    phrase = [w for w in _phrase_after(sentence, zu) if w.start != zu.start]
    head = next((w for w in phrase if w.upos in ("NOUN", "PROPN")), None)
    if head is None:
        return []
    if not lexicon.compound_match(head.text, "outlet_nouns.txt") and (
        head.upos != "PROPN" or is_place(head.text)
    ):
        return []
    last = phrase[-1]
    if last.id < len(sentence.words) and sentence.word(last.id + 1).upos == "PROPN":
        phrase.append(sentence.word(last.id + 1))  # „zur Nachrichtenagentur dpa“
    return phrase


def _audience_after(sentence: Sentence, vor: Word) -> bool:
    """Whether people spoken to follow „vor“, with or without an article."""
    after = sentence.word(vor.id + 1)
    if after.upos == "DET" and after.id < len(sentence.words):
        after = sentence.word(after.id + 1)
    return cues.is_audience(after.text)


_TALKS = ("interview", "gespräch", "telefonat", "telefonats", "interviews", "gesprächs")


def _phrase_after(sentence: Sentence, preposition: Word) -> list[Word]:
    """The noun phrase right after ``preposition`` (article and adjectives, up to its noun)."""
    if preposition.id >= len(sentence.words):
        return []
    nxt = sentence.word(preposition.id + 1)
    if nxt.upos not in ("DET", "NOUN", "PROPN", "ADJ", "NUM"):
        return []
    head = nxt
    while head.upos in ("DET", "ADJ", "NUM") and head.id < len(sentence.words):
        head = sentence.word(head.id + 1)
    if head.upos not in ("NOUN", "PROPN"):
        return []
    return extend_noun_phrase(sentence, list(sentence.words[nxt.id - 1 : head.id]))
