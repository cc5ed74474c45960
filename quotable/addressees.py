"""Who speech is addressed to, as the WikiNews corpus marks it (without the preposition):
a dative object („sagte der Zeitung“, „einem Radiosender“), „gegenüber X“, „an X
gerichtet“, the person asked, accused or urged („forderte ihn auf“, „warf dem Iran
vor“), also in the passive („Ihm wird vorgeworfen“).  Pure given the parse.
"""

from __future__ import annotations

from quotable.phrases import extend_noun_phrase, noun_phrase
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


_DATIVE_ADDRESSEE = frozenset({"vorwerfen", "raten", "empfehlen", "vorschlagen", "zusichern", "versprechen"})
"""Verbs whose dative is the addressee, also as the passive's first noun („Ihm wird vorgeworfen“)."""


def _dative_article(sentence: Sentence, noun: Word) -> bool:
    """„dem Gericht“, „einem Sender“: an article that is only dative (the tagger's case is not)."""
    return any(
        c.deprel == "det" and c.text.lower() in ("dem", "einem", "diesem") for c in sentence.children(noun)
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
                or (child.deprel in ("obj", "obl:arg") and child.feat("Case") == "Dat")
                or (child.deprel in ("obj", "obl:arg", "obl") and _dative_article(sentence, child))
                or (child.deprel == "obj" and lemma in _ADDRESSEE_OBJECT)
                # „Ihm wird vorgeworfen …“, „Er wird beschuldigt …“: who is accused is no speaker
                or (child.deprel == "nsubj:pass" and lemma in _ADDRESSEE_OBJECT | _DATIVE_ADDRESSEE)
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
