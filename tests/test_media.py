"""quotable.media: a written source makes an open medium writing, a person's is speech;
bodies keep the open medium."""

from __future__ import annotations

from quotable import cues
from quotable.media import with_default_media
from quotable.model import Entity, EntityKind, Medium, Quote, QuoteType, Span, Speaker

TEXT = "Die Ministerin erklärte, der Plan stehe. Das Amt teilte mit, es prüfe ihn."


def quote(
    start: int,
    end: int,
    speaker: tuple[int, int],
    entity: str,
    medium: Medium | None = None,
    *,
    text: str = TEXT,
    frame: tuple[int, int] | None = None,
) -> Quote:
    span = Span(start, end)
    return Quote(
        type=QuoteType.INDIRECT,
        spans=(span,),
        content=(span,),
        text=text[start:end],
        speaker=Speaker.from_spans(text, [Span(*speaker)], entity=entity),
        frame=None if frame is None else Speaker.from_spans(text, [Span(*frame)]),
        medium=medium,
        confidence=0.9,
        rule="indirect.clause",
    )


ENTITIES = (Entity("e1", EntityKind.PERSON, "Ministerin"), Entity("e2", EntityKind.ORGANISATION, "Amt"))


def test_a_person_speaks_a_body_keeps_the_open_medium_and_a_told_medium_stays() -> None:
    person = quote(24, 39, (0, 14), "e1", None)
    body = quote(61, 73, (41, 48), "e2", None)
    written = quote(24, 39, (0, 14), "e1", Medium.WRITING)
    media = [q.medium for q in with_default_media([person, body, written], ENTITIES)]
    assert media == [Medium.SPEECH, None, Medium.WRITING]


WRITTEN = (
    "Laut einem Bericht der Zeitung steigen die Preise. Medienberichten zufolge sinken sie. "
    "Der Minister hat in einem Brief mitgeteilt, er trete zurück. Der Prüfbericht stellte fest, "
    "das Amt habe versagt."
)


def written(
    start: int, end: int, speaker: tuple[int, int], entity: str, frame: tuple[int, int] | None = None
) -> Quote:
    return quote(start, end, speaker, entity, text=WRITTEN, frame=frame)


def at(phrase: str) -> tuple[int, int]:
    start = WRITTEN.index(phrase)
    return start, start + len(phrase)


WRITTEN_ENTITIES = (
    Entity("w1", EntityKind.OTHER, "Bericht der Zeitung"),
    Entity("w2", EntityKind.OTHER, "Medienberichten"),
    Entity("w3", EntityKind.PERSON, "Minister"),
    Entity("w4", EntityKind.PERSON, "Prüfbericht"),  # a kind gone wrong: the head still tells
)


def test_a_written_source_in_the_speaker_or_the_frame_makes_an_open_medium_writing() -> None:
    report = written(*at("steigen die Preise"), at("einem Bericht der Zeitung"), "w1")
    # the plural of reports is spoken or written, as the corpus marks it: it stays open
    media_reports = written(*at("sinken sie"), at("Medienberichten"), "w2")
    # a person who writes: the frame „in einem Brief“ tells, not the person
    letter = written(
        *at("er trete zurück"),
        at("Der Minister"),
        "w3",
        frame=at("Der Minister hat in einem Brief mitgeteilt,"),
    )
    # the mention's head is a report, whatever kind resolution gave its entity
    audit = written(*at("das Amt habe versagt"), at("Der Prüfbericht"), "w4")
    media = [q.medium for q in with_default_media([report, media_reports, letter, audit], WRITTEN_ENTITIES)]
    assert media == [Medium.WRITING, None, Medium.WRITING, Medium.WRITING]


def test_angaben_of_a_person_stay_open_and_a_compound_noun_tells_its_medium() -> None:
    text = "Nach Angaben der Sprecherin sei niemand verletzt worden."
    start = text.index("sei")
    source = quote(start, len(text) - 1, (5, 27), "e1", text=text)
    # „Angaben“ are spoken or written, whoever gives them: not the person's default speech
    assert [q.medium for q in with_default_media([source], ENTITIES)] == [None]
    # „nach Expertenmeinung“: the compound ends in „Meinung“, a thought
    assert cues.noun_medium("Expertenmeinung") is Medium.THOUGHT
    assert cues.noun_medium("Polizeiangaben") is None
