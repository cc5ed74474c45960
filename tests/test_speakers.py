"""Attribution rules on hand-written parses (tests/fixtures/*.conllu): no model needed.

Each test shows one construction of German news language and checks the spans
the way the WikiNews corpus annotates them.
"""

from __future__ import annotations

from collections.abc import Collection

import pytest
from fixture_parses import FIXTURES, attribute, fixture_parse, only

from quotable import agencies, cues, marks, speakers
from quotable.model import Attribution, Entity, EntityKind, Gender, Quote, QuoteType, check_offsets
from quotable.syntax import Word, from_conllu
from quotable.verbs import is_konjunktiv, is_konjunktiv_one


def test_the_frame_right_after_a_quotation_wins_over_the_colon_before_it() -> None:
    text = (
        "Verärgert äußerte sich die Vorsitzende Anna Berg zu den Kürzungen: "
        "„Wir wehren uns dagegen“, sagte sie gegenüber dem Sender."
    )
    # the parse hangs the quotation on „äußerte“; „sagte sie gegenüber dem Sender“ is its frame
    q = only(attribute(text, "frame_after_colon_quote.conllu"), QuoteType.DIRECT)
    assert q.cue is not None and q.cue.text == "sagte"
    assert q.speaker is not None and q.speaker.text == "sie"
    assert q.addressee is not None and q.addressee.text == "dem Sender"


def test_direct_quote_with_the_cue_after_it() -> None:
    text = "„Wir bleiben hier“, sagte die Bürgermeisterin."
    q = only(attribute(text, "direct_cue_after.conllu"), QuoteType.DIRECT)
    assert q.spans[0].of(text) == "„Wir bleiben hier“"
    assert q.text == "Wir bleiben hier"
    assert q.speaker is not None and q.speaker.text == "die Bürgermeisterin"
    assert q.speaker.name == "Bürgermeisterin"
    assert q.cue is not None and q.cue.text == "sagte" and q.cue.lemma == "sagen"
    assert q.frame is not None and q.frame.text == ", sagte die Bürgermeisterin"
    assert q.rule.startswith("direct.")


def test_an_object_in_the_vorfeld_is_not_the_speaker_even_when_parsed_as_subject() -> None:
    text = "Den Plan kritisierte der Minister scharf: „Das ist falsch.“"
    q = only(attribute(text, "object_vorfeld.conllu"), QuoteType.DIRECT)
    assert q.text == "Das ist falsch."
    assert q.speaker is not None and q.speaker.text == "der Minister"
    assert q.cue is not None and q.cue.text == "kritisierte"


def test_dass_clause_with_a_separated_particle_verb() -> None:
    text = "Der Minister teilte am Montag mit, dass die Schulen geschlossen bleiben."
    q = only(attribute(text, "indirect_particle_verb.conllu"), QuoteType.INDIRECT)
    assert q.text == "dass die Schulen geschlossen bleiben"
    assert q.rule == "indirect.dass"
    assert q.speaker is not None and q.speaker.text == "Der Minister"
    assert q.cue is not None and [s.of(text) for s in q.cue.spans] == ["teilte", "mit"]
    assert q.cue.lemma == "mitteilen"
    assert q.frame is not None and q.frame.text == "Der Minister teilte am Montag mit,"


def test_dass_clause_the_parse_hangs_on_the_separated_particle() -> None:
    text = "Jetzt gab der Leiter der Polizeidirektion, Hans Maier, bekannt, dass das Auto gefunden wurde."
    q = only(attribute(text, "particle_clause.conllu"), QuoteType.INDIRECT)
    assert q.text == "dass das Auto gefunden wurde"
    assert q.rule == "indirect.dass"
    assert q.speaker is not None and q.speaker.text == "der Leiter der Polizeidirektion, Hans Maier"
    assert q.cue is not None and q.cue.text == "gab bekannt" and q.cue.lemma == "bekanntgeben"


def test_statement_noun_without_a_source_speaks_for_the_subject_of_its_verb() -> None:
    text = (
        "Die Regierung hatte das Angebot mit der Begründung abgelehnt, "
        "eine solche Entscheidung könne nur das Parlament treffen."
    )
    q = only(attribute(text, "noun_begruendung.conllu"), QuoteType.INDIRECT)
    assert q.text == "eine solche Entscheidung könne nur das Parlament treffen"
    assert q.rule == "indirect.noun"
    # the verb that governs the noun is part of the cue, as the corpus marks it
    assert q.cue is not None and q.cue.text == "hatte mit der Begründung abgelehnt"
    assert q.cue.lemma == "Begründung"
    assert q.speaker is not None and q.speaker.text == "Die Regierung"


def test_laut_names_the_source_and_the_rest_is_the_quote() -> None:
    text = "Laut Polizei wurden drei Menschen verletzt."
    q = only(attribute(text, "laut_source.conllu"), QuoteType.INDIRECT)
    assert q.text == "wurden drei Menschen verletzt"
    assert q.cue is not None and q.cue.text == "Laut"
    assert q.speaker is not None and q.speaker.text == "Polizei"
    assert q.frame is not None and q.frame.text == "Laut Polizei"


def test_konjunktiv_clause_before_its_frame_and_a_pronoun_speaker() -> None:
    text = "Olaf Scholz reiste am Montag nach Paris. Die Lage sei ernst, sagte er."
    q = only(attribute(text, "pronoun_before_frame.conllu"), QuoteType.INDIRECT)
    assert q.text == "Die Lage sei ernst"
    assert q.speaker is not None and q.speaker.text == "er"
    assert q.speaker.name == "Olaf Scholz"
    assert q.frame is not None and q.frame.text == ", sagte er"


def test_konjunktiv_sentence_continues_the_previous_speaker() -> None:
    text = "Die Ministerin sagte, das Gesetz komme zu spät. Es fehle an Geld und Personal."
    quotes = attribute(text, "continuing_konjunktiv.conllu")
    first = only(quotes, QuoteType.INDIRECT)
    second = only(quotes, QuoteType.INDIRECT_FREE_INDIRECT)
    assert first.text == "das Gesetz komme zu spät"
    assert second.text == "Es fehle an Geld und Personal."
    assert second.speaker == first.speaker
    assert second.cue is None and second.frame is None


def test_a_cue_verb_in_konjunktiv_carrying_the_sentence_continues_the_speaker_before() -> None:
    text = (
        "Der Bürgermeister Jens Falk sagte, die Brücke werde ab Mai gesperrt. "
        "Er gehe davon aus, dass die Arbeiten „vor dem Winter“ fertig seien."
    )
    quotes = attribute(text, "konjunktiv_cue_continues.conllu")
    first = only(quotes, QuoteType.INDIRECT)
    continued = only(quotes, QuoteType.INDIRECT_FREE_INDIRECT)
    # the whole sentence reports the mayor, as the corpus marks it, with its partial quote
    assert continued.text == "Er gehe davon aus, dass die Arbeiten „vor dem Winter“ fertig seien."
    assert continued.speaker == first.speaker and continued.cue is None


def test_a_konjunktiv_cue_whose_pronoun_names_someone_else_keeps_its_own_speaker() -> None:
    text = (
        "Der Bürgermeister Jens Falk sagte, die Brücke werde ab Mai gesperrt. "
        "Sie wisse, dass die Arbeiten teuer seien."
    )
    quotes = [q for q in attribute(text, "konjunktiv_cue_other_speaker.conllu") if q.text.startswith("dass")]
    assert len(quotes) == 1 and quotes[0].type is QuoteType.INDIRECT
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Sie"


def test_a_continuing_sentence_whose_indicative_subject_frames_the_konjunktiv_names_its_speaker() -> None:
    text = (
        "Die Ministerin sagte, das Gesetz komme zu spät. Der Bürgermeister ärgerte sich darüber, "
        "dass man ihn nicht gefragt habe. Es fehle außerdem an Geld."
    )
    continued = only(attribute(text, "own_subject_continued.conllu"), QuoteType.INDIRECT_FREE_INDIRECT)
    # „ärgerte sich“ is no cue verb, but its subject, not the minister, is who is reported
    assert continued.speaker is not None and continued.speaker.text == "Der Bürgermeister"
    assert continued.text.endswith("Es fehle außerdem an Geld.")


def test_konjunktiv_sentence_three_sentences_on_is_speech_of_an_open_speaker() -> None:
    text = (
        "Der Sprecher sagte, die Lage sei ernst. Die Stadt liegt an einem großen Fluss. "
        "Dort leben viele Menschen. Auch sei die Versorgung nicht gesichert."
    )
    far = only(attribute(text, "konjunktiv_far.conllu"), QuoteType.INDIRECT_FREE_INDIRECT)
    assert far.text == "Auch sei die Versorgung nicht gesichert."
    assert far.speaker is None  # two sentences about the city stand between: who speaks is unsure


def test_a_partial_quote_leaves_its_konjunktiv_sentence_to_continued_speech() -> None:
    text = (
        "Die Haushaltspolitikerin der Grünen, Anja Hajduk, kritisierte die Pläne der Regierung. "
        "Hier seien die vorgesehenen Mittel „völlig unrealistisch“."
    )
    quotes = attribute(text, "fragment_in_konjunktiv.conllu")
    going_on = only(quotes, QuoteType.INDIRECT_FREE_INDIRECT)
    assert going_on.text == "Hier seien die vorgesehenen Mittel „völlig unrealistisch“."
    (fragment,) = [q for q in quotes if q.type is QuoteType.DIRECT]
    assert fragment.nested and fragment.rule == "direct.nested"
    assert fragment.speaker == going_on.speaker
    assert going_on.speaker is not None and going_on.speaker.text.endswith("Anja Hajduk")


def test_speech_continued_after_demnach_does_not_take_demnach_as_its_speaker() -> None:
    text = (
        "Der Bericht der Kommission liegt vor. Demnach soll der Täter geflohen sein. "
        "Er sei bewaffnet gewesen."
    )
    quotes = attribute(text, "anaphor_continued.conllu")
    anaphor = only(quotes, QuoteType.INDIRECT)
    assert anaphor.speaker is not None and anaphor.speaker.text == "Demnach"  # as the corpus marks it
    going_on = only(quotes, QuoteType.INDIRECT_FREE_INDIRECT)
    assert going_on.text == "Er sei bewaffnet gewesen."
    assert going_on.speaker is None  # „Demnach“ names nobody outside its own sentence


def test_soll_at_the_end_of_a_relative_clause_reports_nothing() -> None:
    text = (
        "Der Minister sagte, die Lage sei ernst. "
        "Das Gesetz erlaubt Spezialisten, die einheimische Lehrer unterstützen sollen. "
        "Der Verdächtige soll nach Hamburg gebracht werden."
    )
    quotes = attribute(text, "soll_clauses.conllu")
    assert not any(q.text.startswith("Das Gesetz") for q in quotes)
    # „soll … gebracht werden“ is a plan (see the next test); the minister's quote is found
    assert [q.type for q in quotes] == [QuoteType.INDIRECT]


def test_speech_act_without_a_clause_is_reported_as_a_whole_sentence() -> None:
    text = "Die Grünen forderten eine schnellere Entscheidung."
    q = only(attribute(text, "reported_act.conllu"), QuoteType.REPORTED)
    assert q.text == text
    assert q.speaker is not None and q.speaker.text == "Die Grünen"
    assert q.cue is None and q.frame is None


def test_quoted_fragment_inside_reported_speech_is_a_nested_direct_quote() -> None:
    text = "Sie betonte, die Gespräche seien „sehr konstruktiv“ gewesen."
    quotes = attribute(text, "nested_fragment.conllu")
    parent = only(quotes, QuoteType.INDIRECT)
    nested = only(quotes, QuoteType.DIRECT)
    assert parent.text == "die Gespräche seien „sehr konstruktiv“ gewesen"
    assert nested.nested and nested.text == "sehr konstruktiv"
    assert nested.spans[0].of(text) == "„sehr konstruktiv“"
    assert nested.speaker == parent.speaker and nested.cue == parent.cue


def test_role_noun_is_resolved_to_the_named_person() -> None:
    text = "Wladimir Putin empfing den Gast aus Pjöngjang. Der Kremlchef sagte: „Wir sind Freunde.“"
    q = only(attribute(text, "role_noun.conllu"), QuoteType.DIRECT)
    assert q.text == "Wir sind Freunde."
    assert q.speaker is not None and q.speaker.text == "Der Kremlchef"
    assert q.speaker.name == "Wladimir Putin"
    assert q.frame is not None and q.frame.text == "Der Kremlchef sagte:"


def test_a_statement_nouns_zu_infinitive_or_dass_clause_is_what_was_said() -> None:
    text = (
        "Trotz der Ankündigung des Trainers, den Verein zu verlassen, gewann die Mannschaft. "
        "Forscher stellten die These auf, dass der Tausch beiden Seiten nützt. "
        "Die Entscheidung, das Fest abzusagen, fiel am Abend."
    )
    announced, theory = attribute(text, "noun_clauses.conllu")
    # the infinitive ends at its comma; the main clause goes on
    assert announced.text == "den Verein zu verlassen" and announced.rule == "indirect.noun_clause"
    assert announced.speaker is not None and announced.speaker.text == "des Trainers"
    assert announced.cue is not None and announced.cue.text == "Ankündigung"
    # „These“ is tagged as a name; the light verb carries the cue and names the speaker
    assert theory.text == "dass der Tausch beiden Seiten nützt"
    assert theory.speaker is not None and theory.speaker.text == "Forscher"
    # a decision is no statement: „das Fest abzusagen“ is not reported speech


def test_sich_einigen_is_a_cue_and_a_purpose_clause_reports_nothing() -> None:
    text = (
        "Betriebsrat und Geschäftsleitung haben sich geeinigt, 80 Stellen zu streichen. "
        "Die Demonstranten forderten Neuwahlen, um den Weg zum Frieden freizumachen."
    )
    quotes = attribute(text, "einigen_purpose.conllu")
    # „geeinigt“ is no ein|igen particle verb; the lemmatiser's „geeinigen“ is read past
    agreed = only(quotes, QuoteType.INDIRECT)
    assert agreed.text == "80 Stellen zu streichen" and agreed.cue is not None
    assert not any(q.text.startswith("um ") for q in quotes)


def test_soll_with_a_passive_infinitive_is_a_plan_not_hearsay() -> None:
    text = (
        "Der Minister sagte, die Lage sei ernst. Die Brücke soll im Mai gebaut werden. "
        "Eine zweite Filiale soll folgen."
    )
    quotes = attribute(text, "soll_plans.conllu")
    hearsay = only(quotes, QuoteType.FREE_INDIRECT)
    # „soll … gebaut werden“ tells a plan; the active „soll folgen“ still reports the minister
    assert hearsay.text == "Eine zweite Filiale soll folgen." and hearsay.rule == "free_indirect.soll"


def test_two_people_known_only_by_different_roles_stay_two() -> None:
    text = (
        "Der Präsident sagte, er trete zurück. Danach sagte der Verlagsleiter, die Zeitung schließe. "
        "Der Präsident sagte, er bleibe."
    )
    first, second, third = attribute(text, "two_unnamed_roles.conllu")
    assert first.speaker is not None and second.speaker is not None and third.speaker is not None
    # nobody is named: „der Verlagsleiter“ is not the president just quoted
    assert second.speaker.name == "Verlagsleiter" and second.speaker.entity != first.speaker.entity
    assert third.speaker.entity == first.speaker.entity


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Das ist gut.", False),
        ("Er sagte das gestern.", True),
        ("„Nein“, rief sie.", True),
        # einigen is no particle verb; nachdenken, ausrechnen and befürworten take clauses
        ("Die Parteien haben sich geeinigt, die Steuer zu senken.", True),
        ("Die Stadt denkt darüber nach, die Gebühr zu senken.", True),
        ("Der Verband hat ausgerechnet, dass jeder Gast 40 Euro ausgibt.", True),
        ("Laut Polizei gab es Verletzte.", True),
        ("Nach Angaben der Feuerwehr brannte das Dach.", True),
        ("Nach dem Spiel ging er nach Hause.", False),
        ("Die Ministerin unterstrich das.", True),
        ("Das Gesetz komme zu spät, so die Opposition.", True),
        # continued Konjunktiv speech needs only the tags, which every sentence gets
        ("Die Lage sei ernst.", False),
        ("Der Zug fuhr um acht Uhr ab.", False),
        # „wurde“ with its particle „bekannt“ (bekanntwerden), „besagt“, „nachgesagt“
        ("Im April wurde bekannt, dass der Sänger krank war.", True),
        ("Die Brücke wurde gestern gesperrt.", False),
        ("Die Regel besagt, dass der Käufer zahlt.", True),
        ("Dem Verein wird nachgesagt, der Partei nahezustehen.", True),
    ],
)
def test_needs_parse_selects_sentences_that_may_hold_speech(sentence: str, expected: bool) -> None:
    assert speakers.needs_parse(sentence) is expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Musikverantwortliche", True),  # nominalised adjectives, in -e and -er
        ("Polizeibeamter", True),
        ("Angehörigen", True),
        ("Busfahrer", True),
        ("Juristin", True),
        ("Landeshauptmann", True),
        ("Mann", True),
        ("Hermann", False),  # given names that end like a role („mann“, „sultan“)
        ("Hans-Hermann", False),
        ("Nursultan", False),
        ("Urkunde", False),
    ],
)
def test_role_nouns_are_read_in_compounds_but_given_names_are_none(form: str, expected: bool) -> None:
    assert cues.is_role_noun(form) is expected


def _finite(form: str, lemma: str) -> Word:
    feats = (("Mood", "Ind"), ("Number", "Sing"), ("Person", "3"), ("Tense", "Pres"), ("VerbForm", "Fin"))
    return Word(1, form, lemma, "AUX", "VAFIN", feats, 0, "root", 0, len(form))


@pytest.mark.parametrize(
    ("form", "lemma", "expected"),
    [
        ("habe", "haben", True),
        ("habe", "habe", True),  # tagged, not lemmatized: read from the form alone
        ("könne", "könne", True),
        ("funktioniere", "funktioniere", True),
        ("wurde", "wurde", False),
        ("sagte", "sagte", False),
        ("wäre", "wäre", False),  # Konjunktiv II
        ("hat", "hat", False),
        ("sagte", "sagen", False),
        # a stem in t/d: „werde“, „halte“ are Konjunktiv I, a past with a wrong lemma is not
        ("werde", "werden", True),
        ("halte", "halten", True),
        ("wurde", "wurden", False),
        ("sagte", "sagten", False),
        # the lexicon's lemma where the lemmatiser's is wrong
        ("erwäge", "erwagen", True),
    ],
)
def test_konjunktiv_one_is_read_from_the_form_without_a_lemma(form: str, lemma: str, expected: bool) -> None:
    assert is_konjunktiv_one(_finite(form, lemma)) is expected


# ------------------------------------------------------------------ entities
def attribute_with_entities(
    text: str, fixture: str, tagged: Collection[int] = ()
) -> tuple[tuple[Quote, ...], tuple[Entity, ...]]:
    """Quotes and the article's entities, from a hand-written parse (``tagged``: see
    :func:`fixture_parses.fixture_parse`)."""
    from quotable import coref
    from quotable.document import Document

    parse = fixture_parse(text, fixture, tagged)
    found = agencies.find_agencies(text)
    doc = Document.build(text, parse, marks.find_quotes(text))
    quotes, entities = coref.resolve(doc, speakers.find(doc, found), found)
    result = Attribution(tuple(quotes), found, entities=entities)
    assert check_offsets(text, result) == []
    kept = [q for q in quotes if q.confidence >= 0.5]  # as the Attributor returns them
    return tuple(sorted(kept, key=lambda q: q.start)), entities


def entity_named(entities: tuple[Entity, ...], name: str) -> Entity:
    (entity,) = [e for e in entities if e.name == name]
    return entity


TWO_WOMEN = (
    "Die Grünen-Chefin Franziska Brantner traf gestern Wirtschaftsministerin Katharina Reiche. "
    "Brantner sagte, die Regierung müsse schneller handeln. Reiche entgegnete: „Wir liefern.“ "
    "Sie fügte hinzu, dass der Plan bis Juni stehe."
)


def test_sie_between_two_women_is_the_one_who_spoke_last() -> None:
    quotes, entities = attribute_with_entities(TWO_WOMEN, "two_women.conllu")
    names = [(q.speaker.text, q.speaker.name) for q in quotes if q.speaker]
    assert names == [
        ("Brantner", "Franziska Brantner"),
        ("Reiche", "Katharina Reiche"),
        ("Sie", "Katharina Reiche"),
    ]
    reiche = entity_named(entities, "Katharina Reiche")
    assert reiche.kind is EntityKind.PERSON and reiche.gender is Gender.FEM
    assert [q.speaker.entity for q in quotes if q.speaker][1:] == [reiche.id, reiche.id]
    assert "Wirtschaftsministerin" not in entity_named(entities, "Katharina Reiche").name


PLURAL = (
    "Gesundheitsministerin Nina Warken sprach mit den Gewerkschaften. Die Gewerkschaften teilten danach "
    "mit, dass sie streiken wollten. Später sagten sie, die Gespräche seien gescheitert."
)


def test_a_plural_sie_is_never_a_woman() -> None:
    quotes, entities = attribute_with_entities(PLURAL, "plural_sie.conllu")
    speakers_ = [(q.speaker.text, q.speaker.name) for q in quotes if q.speaker]
    assert speakers_ == [("Die Gewerkschaften", "Gewerkschaften"), ("sie", "Gewerkschaften")]
    assert entity_named(entities, "Gewerkschaften").kind is EntityKind.ORGANISATION
    assert entity_named(entities, "Nina Warken").gender is Gender.FEM


def test_the_kremlchef_is_the_entity_of_wladimir_putin() -> None:
    text = "Wladimir Putin empfing den Gast aus Pjöngjang. Der Kremlchef sagte: „Wir sind Freunde.“"
    quotes, entities = attribute_with_entities(text, "role_noun.conllu")
    putin = entity_named(entities, "Wladimir Putin")
    (quote,) = [q for q in quotes if q.type is QuoteType.DIRECT]
    assert quote.speaker is not None and quote.speaker.entity == putin.id
    assert [m.text for m in putin.mentions] == ["Wladimir Putin", "Der Kremlchef"]
    assert putin.gender is Gender.MASC
    assert all(e.name != "Pjöngjang" for e in entities)  # a place that does not act


def test_an_agency_the_statement_was_given_to_is_the_channel_not_the_speaker() -> None:
    text = "„Die Gespräche gehen weiter“, sagte Kremlsprecher Dmitri Peskow der Agentur RIA Nowosti."
    quotes, entities = attribute_with_entities(text, "agency_channel.conllu")
    (quote,) = quotes
    assert quote.speaker is not None and quote.speaker.name == "Dmitri Peskow"
    assert quote.via == "RIA Nowosti"
    assert entity_named(entities, "RIA Nowosti").kind is EntityKind.AGENCY
    assert entity_named(entities, "Dmitri Peskow").id == quote.speaker.entity


def test_a_place_in_the_mention_only_qualifies_it() -> None:
    text = (
        "Mexikos Trainer Miguel Herrera sagte: „Wir haben verdient gewonnen.“ "
        "Das Innenministerium in Kairo teilte mit, die Lage sei ruhig."
    )
    quotes, _ = attribute_with_entities(text, "place_in_mention.conllu")
    assert [q.speaker.name for q in quotes if q.speaker and not q.nested] == [
        "Miguel Herrera",
        "Innenministerium",
    ]


def test_ich_and_wir_in_a_quote_are_its_speaker() -> None:
    from quotable import coref
    from quotable.document import Document
    from quotable.model import Span, Speaker

    text = "Bürgermeisterin Ulrike Tesch-Hammann sagte: „Ich weiß, dass wir mehr tun müssen.“"
    parse = from_conllu((FIXTURES / "first_person.conllu").read_text(encoding="utf-8"), text)
    doc = Document.build(text, parse, marks.find_quotes(text))
    (direct,) = speakers.find(doc, ())
    ich = text.index("Ich")
    clause = Span(text.index("dass"), text.index("müssen") + len("müssen"))
    inner = Quote(
        type=QuoteType.INDIRECT,
        spans=(clause,),
        content=(clause,),
        text=clause.of(text),
        speaker=Speaker.from_spans(text, [Span(ich, ich + 3)]),
    )
    quotes, entities = coref.resolve(doc, [direct, inner], ())
    assert [q.speaker.name for q in quotes if q.speaker] == ["Ulrike Tesch-Hammann"] * 2
    assert entity_named(entities, "Ulrike Tesch-Hammann").gender is Gender.FEM


def test_an_impersonal_frame_takes_its_source_as_speaker() -> None:
    text = (
        "Man werde den Vorschlag prüfen, heißt es seitens der SPÖ. "
        "Aus dem Büro der Ministerin hieß es, man prüfe den Fall."
    )
    quotes, entities = attribute_with_entities(text, "impersonal_frame.conllu")
    assert [(q.speaker.text, q.speaker.name) for q in quotes if q.speaker] == [
        ("der SPÖ", "SPÖ"),
        ("dem Büro der Ministerin", "Büro der Ministerin"),
    ]
    assert entity_named(entities, "SPÖ").kind is EntityKind.ORGANISATION


def test_the_datelines_place_is_never_the_speaker() -> None:
    from quotable import coref
    from quotable.document import Document
    from quotable.model import Span, Speaker

    text = "Die Serie läuft ab Montag. Wien – Diese Frage musste ja kommen, sagt Produzent Johann Lindner."
    parse = from_conllu((FIXTURES / "dateline_speaker.conllu").read_text(encoding="utf-8"), text)
    doc = Document.build(text, parse, marks.find_quotes(text))
    clause = Span(text.index("Diese"), text.index(", sagt"))
    wien = text.index("Wien")
    misread = Quote(  # what a parse that takes „Wien“ for the subject gives the speaker rules
        type=QuoteType.INDIRECT,
        spans=(clause,),
        content=(clause,),
        text=clause.of(text),
        speaker=Speaker.from_spans(text, [Span(wien, wien + 4)]),
    )
    (quote,), entities = coref.resolve(doc, [misread], ())
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == ("Johann Lindner", "Johann Lindner")
    assert all(e.name != "Wien" for e in entities)


def test_a_surname_the_tagger_took_for_a_noun_stays_with_its_first_name() -> None:
    # the parse has „Lorenzen“ as a noun of its own (the tagger's mistake with an unknown
    # surname): the first name „Dirk“ says it goes on the name
    text = "„Wir kommen morgen“, sagte Dirk Lorenzen gegenüber der Onlineausgabe des Spiegels."
    (quote,) = attribute(text, "name_split.conllu")
    assert quote.speaker is not None and quote.speaker.text == "Dirk Lorenzen"
    assert quote.addressee is not None and quote.addressee.text == "der Onlineausgabe des Spiegels"


RACE = (
    "Biathletin Franziska Berger gewann vor der Estin Kadri Tamm. „Ich bin glücklich“, sagte Berger. "
    "Zweite wurde Johanna Keller. „Das war knapp“, sagte die Oberstdorferin."
)


def test_a_description_of_a_person_takes_the_person_just_named() -> None:
    quotes, _ = attribute_with_entities(RACE, "description_just_named.conllu")
    # not the last speaker (Berger): „die Oberstdorferin“ tells more of the woman just named
    assert [q.speaker.name for q in quotes if q.speaker] == ["Franziska Berger", "Johanna Keller"]


CONGRATULATION = (
    "„Sie läuft stark“, sagte Anna Tamm. Franziska Berger gratulierte Tamm nach dem Rennen. "
    "„Das war kein Zufall“, sagte sie."
)


def test_a_pronoun_prefers_the_subject_of_the_sentence_before_to_the_last_speaker() -> None:
    quotes, _ = attribute_with_entities(CONGRATULATION, "pronoun_previous_subject.conllu")
    assert [q.speaker.name for q in quotes if q.speaker] == ["Anna Tamm", "Franziska Berger"]


SUMMIT = (
    "„Wir sind bereit“, sagte Wladimir Putin. Putin und Kim Jong Un sprachen lange. "
    "Danach erklärte er, beide Länder seien Partner."
)


def test_a_singular_pronoun_is_never_one_of_coordinated_names() -> None:
    quotes, _ = attribute_with_entities(SUMMIT, "coordinated_names.conllu")
    assert [q.speaker.name for q in quotes if q.speaker] == ["Wladimir Putin", "Wladimir Putin"]


KIEW = (
    "Kommissionspräsidentin Ursula von der Leyen reiste nach Kiew. "
    "Von der Leyen kündigte an, die Hilfe werde aufgestockt."
)


def test_a_name_the_parser_took_for_a_prepositional_phrase_is_still_the_speaker() -> None:
    quotes, _ = attribute_with_entities(KIEW, "particle_name.conllu")
    (q,) = quotes
    assert q.speaker is not None
    assert (q.speaker.text, q.speaker.name) == ("Von der Leyen", "Ursula von der Leyen")


def test_the_owner_of_a_source_noun_is_resolved() -> None:
    text = (
        "Polizeisprecherin Jana Weber bestätigte den Einsatz. "
        "Nach Angaben der Sprecherin wurde niemand verletzt."
    )
    quotes, _ = attribute_with_entities(text, "source_owner.conllu")
    q = next(q for q in quotes if q.rule == "indirect.nach")
    assert q.speaker is not None and (q.speaker.text, q.speaker.name) == (
        "Angaben der Sprecherin",
        "Jana Weber",
    )


ANAPHORS = (
    "Die Polizei teilte mit, der Täter sei geflohen. Demnach wird nach ihm gefahndet. "
    "Er aß zu Mittag. Danach fuhr er nach Hause."
)


def test_demnach_reports_in_the_indicative_too_and_stands_for_the_last_speaker() -> None:
    quotes, _ = attribute_with_entities(ANAPHORS, "anaphor_report.conllu")
    anaphoric = [q for q in quotes if q.rule == "indirect.anaphor"]
    # „Danach fuhr er nach Hause“ after a meal is „afterwards“, not a report
    assert [(q.text, q.speaker.text, q.speaker.name) for q in anaphoric if q.speaker] == [
        ("wird nach ihm gefahndet", "Demnach", "Polizei")
    ]


def name_of(text: str, fixture: str, mention: str) -> str | None:
    """The resolved name of the quote whose speaker mention is ``mention``."""
    quotes, _ = attribute_with_entities(text, fixture)
    (speaker,) = [q.speaker for q in quotes if q.speaker is not None and q.speaker.text == mention]
    return speaker.name


def pronoun_names(text: str, fixture: str, pronoun: str) -> list[str | None]:
    """The resolved names of the quotes whose speaker mention is ``pronoun``, in any case."""
    quotes, _ = attribute_with_entities(text, fixture)
    return [q.speaker.name for q in quotes if q.speaker is not None and q.speaker.text.lower() == pronoun]


def test_der_verband_is_the_body_just_named() -> None:
    text = (
        "Die Deutsche Krankenhausgesellschaft (DKG) begrüßte die Entscheidung. "
        "Das sei ein gutes Signal, sagte der Verband."
    )
    assert name_of(text, "body_by_kind.conllu", "der Verband") == "Deutsche Krankenhausgesellschaft"


BODY_DESCRIPTORS = (
    "Der Kasseler Softwarekonzern Lindqvar senkte seine Prognose. Das Unternehmen teilte mit, "
    "der Umsatz werde kaum wachsen. Die Deutsche Anlegervereinigung (DAV) forderte Aufklärung. "
    "Die Anleger wollten Klarheit, erklärte die Aktionärsvereinigung."
)


def test_a_name_after_a_kind_of_body_is_that_body_and_a_compound_kind_finds_its_like() -> None:
    # „Softwarekonzern Lindqvar“: Lindqvar is a company, not a person, and „das Unternehmen“
    assert name_of(BODY_DESCRIPTORS, "body_descriptor.conllu", "Das Unternehmen") == "Lindqvar"
    _, entities = attribute_with_entities(BODY_DESCRIPTORS, "body_descriptor.conllu")
    assert {e.name: e.kind for e in entities}["Lindqvar"] is EntityKind.ORGANISATION
    # „die Aktionärsvereinigung“ is the body just named whose name ends in „-vereinigung“
    assert (
        name_of(BODY_DESCRIPTORS, "body_descriptor.conllu", "die Aktionärsvereinigung")
        == "Deutsche Anlegervereinigung"
    )


UNNAMED_ROLE = (
    "Eine Polizeisprecherin sagte, die Festnahme sei ruhig verlaufen. „Der Mann hat sich nicht "
    "gewehrt“, sagte sie. Ihr Vorgesetzter, der Polizeipräsident Jonas Wehrle, lobte den "
    "Einsatz. „Das war saubere Arbeit“, sagte er."
)


def test_a_person_the_article_does_not_name_is_taken_up_by_a_pronoun() -> None:
    quotes, entities = attribute_with_entities(UNNAMED_ROLE, "unnamed_role.conllu")
    spokeswoman = next(e for e in entities if e.name == "Polizeisprecherin")
    assert (spokeswoman.kind, spokeswoman.gender) == (EntityKind.PERSON, Gender.FEM)
    she = next(q for q in quotes if q.speaker is not None and q.speaker.text == "sie")
    assert she.speaker is not None and she.speaker.entity == next(
        q.speaker.entity
        for q in quotes
        if q.speaker is not None and q.speaker.text == "Eine Polizeisprecherin"
    )
    # the name in the apposition after a comma is the mention's referent, whatever stands
    # between („Ihr Vorgesetzter, der Polizeipräsident Jonas Wehrle“)
    assert name_of(
        UNNAMED_ROLE, "unnamed_role.conllu", "Ihr Vorgesetzter, der Polizeipräsident Jonas Wehrle"
    ) == ("Jonas Wehrle")
    assert name_of(UNNAMED_ROLE, "unnamed_role.conllu", "er") == "Jonas Wehrle"


def test_a_well_known_surname_alone_has_the_gender_of_its_first_name() -> None:
    text = "Woidke unterstützte die Forderung. Er sagte, die Region brauche dringend Hilfe."
    assert name_of(text, "notable_surname.conllu", "Er") == "Dietmar Woidke"


def test_a_place_genitive_before_a_title_qualifies_it_though_parsed_as_the_subject() -> None:
    text = "Sachsens Ministerpräsident Michael Kretschmer forderte mehr Geld."
    mention = "Sachsens Ministerpräsident Michael Kretschmer"
    assert name_of(text, "genitive_place.conllu", mention) == "Michael Kretschmer"  # not „Sachsens“


def test_a_place_genitive_after_a_title_qualifies_it_and_the_apposition_names_the_speaker() -> None:
    text = "Der Präsident Frankreichs, Emmanuel Macron, sagte, er komme nach Berlin."
    mention = "Der Präsident Frankreichs, Emmanuel Macron"
    assert name_of(text, "genitive_place_after.conllu", mention) == "Emmanuel Macron"  # not „Frankreichs“


IMPERSONAL_SOURCES = (
    "Die Preise seien gestiegen, teilte das Bundesamt mit. Die Mieten seien besonders stark "
    "gestiegen, hieß es weiter. Man prüfe alle Hinweise, hieß es seitens der Polizeidirektion. "
    "Der Zuwachs liege bei zwei Prozent, hieß es beim Landesamt. Nach VDV-Angaben fahren mehr "
    "Menschen Bus."
)


def test_impersonal_frames_name_their_source_or_continue_the_one_before() -> None:
    quotes, _ = attribute_with_entities(IMPERSONAL_SOURCES, "impersonal_sources.conllu")
    by_text = {q.text: q.speaker for q in quotes if not q.nested}
    further = by_text["Die Mieten seien besonders stark gestiegen"]  # „hieß es weiter“
    assert further is not None and (further.text, further.name) == ("das Bundesamt", "Bundesamt")
    police = by_text["Man prüfe alle Hinweise"]
    assert police is not None and police.text == "der Polizeidirektion"
    office = by_text["Der Zuwachs liege bei zwei Prozent"]  # „beim“: not the contraction's article
    assert office is not None and office.text == "Landesamt"
    bus = by_text["fahren mehr Menschen Bus"]
    assert bus is not None and (bus.text, bus.name) == ("VDV-Angaben", "VDV")


def test_a_party_member_noun_is_the_subject_named_with_an_office_not_the_man_behind() -> None:
    text = (
        "Der Gouverneur Tom Wexley stellte sich hinter Präsident John Miller. "
        "„Das Land braucht diese Mauer“, sagte der Republikaner."
    )
    # „Republikaner“ is no other office than „Gouverneur“; Wexley, in apposition to the
    # subject, is the one just named who may be meant, not Miller in the prepositional phrase
    assert name_of(text, "party_member.conllu", "der Republikaner") == "Tom Wexley"


PLURAL_GROUPS = (
    "Die Grünen begrüßten den Kompromiss grundsätzlich. Sie verlangten aber, dass auch kleine "
    "Betriebe entlastet werden. Die Preise stiegen zuletzt stark. Sie sagten, das sei ein Problem. "
    "Anna Berg und ihr Kollege Tim Roth stellten die Studie vor. „Das Wasser ist sauber“, sagten sie."
)


def test_a_plural_pronoun_takes_the_group_that_was_the_subject_before_it() -> None:
    names = pronoun_names(PLURAL_GROUPS, "plural_group.conllu", "sie")
    # a party, then not the prices (which cannot speak), then two people together
    assert names == ["Grünen", "Grünen", "Anna Berg und ihr Kollege Tim Roth"]


def test_of_two_subjects_the_parser_gave_one_verb_the_first_is_taken_up() -> None:
    text = (
        "Die Estin Kadri Lepikson gewann das Rennen. Franziska Meisl wurde Zweite. Meisl "
        "gratulierte Lepikson noch vor Ort. „Sie läuft seit Wochen stark“, sagte sie."
    )
    # „Lepikson“ is parsed as a second subject of „gratulierte“
    assert name_of(text, "two_subjects_one_verb.conllu", "sie") == "Franziska Meisl"


def test_in_a_sentence_only_tagged_the_vorfeld_name_is_its_subject() -> None:
    text = (
        "Der Trainer Miguel Herrera lobte den Torschützen Diego Valdivia. Herrera nahm Valdivia "
        "nach dem Spiel lange in den Arm. „Solche Spieler braucht ein Land“, sagte er."
    )
    # the second sentence holds no cue, so attribution only tags it
    quotes, _ = attribute_with_entities(text, "vorfeld_subject.conllu", tagged={1})
    (he,) = [q.speaker for q in quotes if q.speaker is not None and q.speaker.text == "er"]
    assert he.name == "Miguel Herrera"


PRONOUN_SUBJECTS = (
    "Sachsens Ministerpräsident Michael Kretschmer forderte mehr Geld. Brandenburgs "
    "Ministerpräsident Dietmar Woidke unterstützte die Forderung. Er sagte, die Lausitz habe "
    "bewiesen, dass sie Wandel könne. Der Betriebsrat Horst Ebenhöh widersprach dem Chef Malte "
    "Overbeck. Overbeck habe den Beschäftigten Sicherheit versprochen, sagte er."
)


def test_er_is_the_subject_named_in_apposition_and_never_a_name_in_the_quote_itself() -> None:
    names = pronoun_names(PRONOUN_SUBJECTS, "pronoun_subjects.conllu", "er")
    # „Ministerpräsident“ is tagged a name, „Dietmar Woidke“ hangs on it; „Overbeck“ is the
    # subject of the quote, not its speaker
    assert names == ["Dietmar Woidke", "Horst Ebenhöh"]


def test_a_surname_the_tagger_did_not_take_for_a_name_is_still_her() -> None:
    text = (
        "Die Fraktionschefin Katharina Dröge kam spät. Dröge widersprach ihrer Kollegin. "
        "Der Plan gehe zu weit, sagte sie."
    )
    assert name_of(text, "surname_noun.conllu", "sie") == "Katharina Dröge"  # „Dröge“ tagged ADV


def test_die_franzoesin_tagged_as_a_name_is_a_description_of_the_woman_named() -> None:
    text = (
        "„Wir sind gut aufgestellt“, sagte EZB-Präsidentin Christine Lagarde. "
        "Die Inflation liege nahe an ihrem Ziel, sagte die Französin."
    )
    assert name_of(text, "demonym_name.conllu", "die Französin") == "Christine Lagarde"
    _, entities = attribute_with_entities(text, "demonym_name.conllu")
    assert not any(e.name == "Französin" for e in entities)


def test_a_quote_after_konjunktiv_sentences_continues_their_speaker() -> None:
    # the Konjunktiv sentences are found after the marks are read: the quote still takes
    # their speaker, though the last quote before it with a speaker is three sentences back
    text = (
        "Der Bürgermeister sagte, die Brücke werde bis Mai fertig. Die Kosten seien aber "
        "gestiegen. Das Land zahle nur die Hälfte. „Wir haben trotzdem keine andere Wahl.“"
    )
    q = only(attribute(text, "quote_after_reported.conllu"), QuoteType.DIRECT)
    assert (q.rule, q.speaker.text if q.speaker else None) == ("direct.nearby", "Der Bürgermeister")


def test_a_quote_alone_after_a_sentence_takes_its_subject_if_it_can_speak() -> None:
    text = (
        "Die Ministerin besuchte gestern eine Grundschule in Kassel. „Hier lernen die Kinder "
        "mit Freude.“ Danach regnete es stundenlang. „Wir bleiben trotzdem.“"
    )
    school, rain = (q for q in attribute(text, "previous_subject.conllu") if q.type is QuoteType.DIRECT)
    assert (school.rule, school.speaker.text if school.speaker else None) == (
        "direct.previous_subject",
        "Die Ministerin",
    )
    # „es“ of the weather cannot speak: the quote continues the one before it
    assert (rain.rule, rain.speaker.text if rain.speaker else None) == ("direct.nearby", "Die Ministerin")


def test_a_tagged_only_sentence_lends_its_vorfeld_if_it_is_a_nominative_speaker() -> None:
    # the sentence before the quote holds no cue, so attribution only tags it: no heads
    text = (
        "Die Ministerin besuchte gestern eine Grundschule in Kassel. „Hier lernen die Kinder "
        "mit Freude.“ Danach regnete es stundenlang. „Wir bleiben trotzdem.“"
    )
    quotes = attribute(text, "previous_subject.conllu", tagged={0})
    school = next(q for q in quotes if q.text.startswith("Hier"))
    assert (school.rule, school.speaker.text if school.speaker else None) == (
        "direct.previous_subject",
        "Die Ministerin",
    )


COMPANY_AND_TITLE_NAMES = (
    "Hamburgs Erster Bürgermeister Klaus Wendt sagte, die Stadt sei pleite. "
    "Die Großglockner Hochalpenstraßen AG, die den Pass betreibt, teilte mit, die Straße sei gesperrt."
)


def test_a_title_adjective_is_no_name_and_a_company_form_ends_a_name() -> None:
    # „Erster“ tagged as a name belongs to the title „Erster Bürgermeister“; a name ending in
    # „AG“ takes the capitalised words before it, whatever the tagger made of them
    quotes = attribute(COMPANY_AND_TITLE_NAMES, "company_and_title_names.conllu")
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("die Stadt sei pleite", "Klaus Wendt"),
        ("die Straße sei gesperrt", "Großglockner Hochalpenstraßen AG"),
    ]


def speaker_names(text: str, fixture: str) -> list[str | None]:
    """The resolved speaker name of each quote of ``text`` parsed as ``fixture``."""
    return [q.speaker.name if q.speaker else None for q in attribute(text, fixture)]


SOURCE_OWNER_NAMES = (
    "Nach Einschätzung des Robert Koch-Instituts ist die Lage ernst. "
    "Nach Angaben des Schulministeriums fallen 300 Stunden aus. "
    "Aus Regierungskreisen hieß es, der Plan sei gescheitert."
)


def test_a_source_owner_is_named_in_its_nominative() -> None:
    # the name a source phrase ends in, the genitive's owner and a dative plural of „-kreis“
    # are named as the article would name them on their own
    assert speaker_names(SOURCE_OWNER_NAMES, "source_owner_names.conllu") == [
        "Robert Koch-Institut",
        "Schulministerium",
        "Regierungskreise",
    ]


TITLES_BEFORE_NAMES = (
    "Klubobmann Clemens Aigner sagte, die Reform komme zu spät. "
    "Landeshauptmann Peter Kaiser sagte, das Land sei bereit. "
    "Stiko-Mitglied Katrin Brandmeier sagte, die Impfung sei sicher."
)


def test_titles_that_end_like_surnames_and_surnames_that_are_titles() -> None:
    # „-obmann“ and „Landeshauptmann“ are titles though they end in „-mann“; „Kaiser“ right
    # after a first name is a surname; a member („Stiko-Mitglied“) is a role
    assert speaker_names(TITLES_BEFORE_NAMES, "titles_before_names.conllu") == [
        "Clemens Aigner",
        "Peter Kaiser",
        "Katrin Brandmeier",
    ]


def test_the_agency_noun_before_an_agency_is_no_part_of_its_name() -> None:
    # „Agentur“ tagged as a name with „AP“: the speaker is the agency AP
    (quote,) = attribute(
        "Die Agentur AP berichtete, die Stadt sei eingenommen worden.", "agency_noun_name.conllu"
    )
    assert quote.speaker is not None and quote.speaker.name == "AP"


PARTY_AFTER_NAME = (
    "Der Ministerpräsident von Hessen, Roland Weber (CDU), sagte, die Schulen seien gut. "
    "Die CDU lobte ihn dafür."
)


def test_a_party_in_brackets_after_a_name_is_no_acronym_of_the_person() -> None:
    quotes, entities = attribute_with_entities(PARTY_AFTER_NAME, "party_after_name.conllu")
    # „Roland“ ends in „land“ but is a first name: Weber is a person, and „CDU“ is the party's
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Roland Weber"
    assert entity_named(entities, "Roland Weber").kind is EntityKind.PERSON
    assert "CDU" not in entity_named(entities, "Roland Weber").aliases
    assert entity_named(entities, "CDU").kind is EntityKind.ORGANISATION


def test_a_demonstrative_the_tagger_took_for_an_article_speaks_for_the_person_before() -> None:
    text = (
        "Die Polizei befragte den Anwalt Karl Wenz. Dabei sagte dieser, dass sein Mandant krank sei. "
        "Die Zeitung sprach mit der Ärztin Anna Roth. Diese erklärte, der Patient sei stabil."
    )
    # „dieser“ and „Diese“ are tagged DET
    assert name_of(text, "demonstrative_speaker.conllu", "dieser") == "Karl Wenz"
    assert name_of(text, "demonstrative_speaker.conllu", "Diese") == "Anna Roth"


def test_sollte_is_past_indicative_too_and_continues_no_speech() -> None:
    text = (
        "Bei dem Brand starben zwölf Menschen. Die Anwohner beklagten sich über fehlende Auskünfte der "
        "Stadt. Das Heim war 2006 erbaut worden und sollte 300 Kindern als Unterkunft dienen."
    )
    # the tagger marks „sollte“ Mood=Sub; it is the same form as the past indicative
    quotes = attribute(text, "sollte_past.conllu")
    assert [q.type for q in quotes if q.confidence >= 0.5] == [QuoteType.REPORTED]


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("sollte", False),
        ("wollten", False),
        ("konnte", False),
        ("mussten", False),
        ("könnte", True),
        ("hätte", True),
        ("käme", True),
    ],
)
def test_the_taggers_mood_is_not_trusted_on_past_indicative_forms(form: str, expected: bool) -> None:
    feats = (("Mood", "Sub"), ("Number", "Sing"), ("Person", "3"), ("Tense", "Past"), ("VerbForm", "Fin"))
    word = Word(1, form, form, "AUX", "VMFIN", feats, 0, "root", 0, len(form))
    assert is_konjunktiv(word) is expected


def test_a_modal_present_and_a_first_person_continue_no_reported_speech() -> None:
    text = (
        "Die Ministerin sagte, das Gesetz komme zu spät. Sie möchte im Januar nach Rom reisen. "
        "Der Bürgermeister sagte, die Stadt sei vorbereitet. Ich habe davon heute erst erfahren."
    )
    # „möchte“ is a Konjunktiv II form used as a present, „ich habe“ the indicative
    quotes = attribute(text, "not_continued.conllu")
    assert [q.text for q in quotes] == ["das Gesetz komme zu spät", "die Stadt sei vorbereitet"]


def test_a_modal_konjunktiv_two_right_after_a_quote_is_the_writers_own_guess() -> None:
    text = "Die Ministerin sagte, das Gesetz komme zu spät. Der Schnee dürfte bis Montag liegen bleiben."
    quotes = attribute(text, "own_guess.conllu")
    assert [q.text for q in quotes] == ["das Gesetz komme zu spät"]


def test_nach_after_an_opinion_noun_reports_and_the_possessive_is_the_last_speaker() -> None:
    text = (
        "„Wir müssen handeln“, sagte der Minister Karl Berg in Wien. Die Lage sei seiner Meinung "
        "nach ernst. Die seiner Ansicht nach fragwürdige Reform kam trotzdem. Dort treffen sich "
        "dem Vernehmen nach die Chefs der Banken."
    )
    quotes, entities = attribute_with_entities(text, "postposed_nach.conllu")
    _, view, hearsay = quotes  # „seiner Ansicht nach“ inside a noun phrase reports nothing
    assert (view.text, view.rule) == ("Die Lage sei ernst", "indirect.nach")
    assert view.speaker is not None and view.speaker.text == "seiner Meinung"
    assert view.speaker.entity == entity_named(entities, "Karl Berg").id
    assert hearsay.text == "Dort treffen sich die Chefs der Banken"
    assert hearsay.speaker is not None and hearsay.speaker.text == "dem Vernehmen"


def test_konjunktiv_one_reports_even_with_no_speaker_named_before() -> None:
    text = (
        "Am Montag kam es auf der Autobahn zu einem langen Stau. Die Zahl der Unfälle sei aber "
        "um zehn Prozent gesunken. Ohne die neuen Kontrollen wäre sie höher. Für uns sei das ein "
        "großer Erfolg."
    )
    # who speaks is not told; the Konjunktiv II goes on with it; a sentence in the first
    # person speaks for itself
    (q,) = attribute(text, "konjunktiv_unnamed.conllu")
    assert (q.type, q.rule) == (QuoteType.INDIRECT_FREE_INDIRECT, "indirect_free_indirect")
    assert (
        q.text
        == "Die Zahl der Unfälle sei aber um zehn Prozent gesunken. Ohne die neuen Kontrollen wäre sie höher."
    )
    assert q.speaker is None


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("bezeichnete", "bezeichnen"),
        ("bezeichnet", "bezeichnen"),
        ("warnte", "warnen"),
        ("nennt", "nennen"),
        ("zustimmt", "zustimmen"),
        ("entschied", "entscheiden"),
        ("rechnete", None),
    ],
)
def test_cue_verb_forms_take_an_e_after_a_consonant_cluster(form: str, lemma: str | None) -> None:
    # „zeichn-“ ends in a cluster (bezeichnete), „warn-“ (warnte) and a doubled letter
    # (nennt, stimmt) do not; „entscheiden“ is strong.  A sentence with a form not in the
    # list is not parsed, so its speech act goes unseen
    assert cues.form_lemma(form) == lemma


@pytest.mark.parametrize("form", ["Parlamente", "Gerichte", "Vereine"])
def test_plurals_in_e_of_organisation_nouns_are_bodies(form: str) -> None:
    assert cues.is_organisation(form)


def test_the_owner_of_a_source_after_von_is_the_name_not_its_apposition() -> None:
    text = "Nach Angaben von Paul Brandt, dem Leiter der Klinik, sei niemand verletzt worden."
    quotes, entities = attribute_with_entities(text, "source_owner_von.conllu")
    (q,) = quotes
    assert q.speaker is not None and q.speaker.text == "Angaben von Paul Brandt, dem Leiter der Klinik"
    # neither an entity of the mention's own words nor „Klinik“, a name behind its own head
    assert q.speaker.name == "Paul Brandt"
    assert q.speaker.entity == entity_named(entities, "Paul Brandt").id
