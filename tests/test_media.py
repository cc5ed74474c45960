"""quotable.media: a person's open-medium quote is speech; bodies keep the open medium."""

from __future__ import annotations

from quotable.media import with_default_media
from quotable.model import Entity, EntityKind, Medium, Quote, QuoteType, Span, Speaker

TEXT = "Die Ministerin erklärte, der Plan stehe. Das Amt teilte mit, es prüfe ihn."


def quote(start: int, end: int, speaker: tuple[int, int], entity: str, medium: Medium | None) -> Quote:
    span = Span(start, end)
    return Quote(
        type=QuoteType.INDIRECT,
        spans=(span,),
        content=(span,),
        text=TEXT[start:end],
        speaker=Speaker.from_spans(TEXT, [Span(*speaker)], entity=entity),
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
