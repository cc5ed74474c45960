"""Reading quotable's JSON output (schema ``quotable/1``) back into result objects.

The corpus report reads the command's own JSON Lines; turning each line back into
an :class:`~quotable.model.Attribution` lets it group and count with the same
helpers as the article view and the export.  Keys this module does not know are
ignored, as the schema asks of every consumer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quotable.model import (
    AgencyMention,
    AgencyRole,
    Attribution,
    Cue,
    Entity,
    EntityKind,
    Gender,
    Medium,
    Mention,
    Quote,
    QuoteType,
    Span,
    Speaker,
)


def _spans(data: Any) -> tuple[Span, ...]:
    return tuple(Span(int(start), int(end)) for start, end in data or ())


def _mention(data: Mapping[str, Any] | None) -> Mention | None:
    return None if data is None else Mention(str(data.get("text", "")), _spans(data.get("spans")))


def _quote(data: Mapping[str, Any]) -> Quote:
    speaker = data.get("speaker")
    cue = data.get("cue")
    spans = _spans(data.get("spans"))
    return Quote(
        type=QuoteType(data["type"]),
        spans=spans,
        content=_spans(data.get("content_spans")) or spans,
        text=str(data.get("text", "")),
        nested=bool(data.get("nested", False)),
        speaker=None
        if speaker is None
        else Speaker(
            str(speaker.get("text", "")),
            _spans(speaker.get("spans")),
            speaker.get("name"),
            speaker.get("entity"),
        ),
        cue=None
        if cue is None
        else Cue(str(cue.get("text", "")), _spans(cue.get("spans")), cue.get("lemma")),
        frame=_mention(data.get("frame")),
        addressee=_mention(data.get("addressee")),
        via=data.get("via"),
        medium=None if data.get("medium") is None else Medium(data["medium"]),
        confidence=float(data.get("confidence", 1.0)),
        rule=str(data.get("rule", "")),
    )


def _agency(data: Mapping[str, Any]) -> AgencyMention:
    spans = _spans(data.get("spans")) or (Span(0, 0),)
    return AgencyMention(str(data["name"]), AgencyRole(data["role"]), str(data.get("text", "")), spans[0])


def _entity(data: Mapping[str, Any]) -> Entity:
    mentions = tuple(m for m in map(_mention, data.get("mentions") or ()) if m is not None)
    gender = data.get("gender")
    return Entity(
        id=str(data["id"]),
        kind=EntityKind(data.get("kind", "other")),
        name=str(data.get("name", "")),
        aliases=tuple(str(a) for a in data.get("aliases") or ()),
        mentions=mentions,
        gender=None if gender is None else Gender(gender),
    )


def attribution_from_dict(data: Mapping[str, Any]) -> Attribution:
    """The :class:`Attribution` that ``Attribution.to_dict()`` (or one line of ``quotable``) describes.

    Raises ``KeyError``, ``TypeError`` or ``ValueError`` for a record that is not
    quotable/1 output (a missing quote type, an unknown enum value, a bad span).
    """
    if data.get("schema", "quotable/1") != "quotable/1":
        raise ValueError(f"schema {data.get('schema')!r} is not quotable/1")
    return Attribution(
        quotes=tuple(_quote(q) for q in data.get("quotes") or ()),
        agencies=tuple(_agency(a) for a in data.get("agencies") or ()),
        model=data.get("model"),
        entities=tuple(_entity(e) for e in data.get("entities") or ()),
    )
