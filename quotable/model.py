"""The result types: frozen value objects that point into the caller's text.

The offset rule, stated once: every position is a half-open ``[start, end)``
range of Python code points into the string the caller passed in, unmodified.
For every :class:`Span` ``s`` of a result built from ``text``,
``text[s.start:s.end]`` is exactly the text the result reports for it.  Spans of
one mention are sorted and do not overlap.
"""

from __future__ import annotations

import enum
import itertools
import json
import re
from collections.abc import Iterable
from typing import Any

import attrs

SCHEMA = "quotable/1"

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SPLIT_PAIR = re.compile("[\ud800-\udbff](?=[\udc00-\udfff])")
"""A high surrogate right before a low one: JSON reads their two escapes as one character."""


class QuoteType(str, enum.Enum):
    """The five quote types of the German WikiNews quotation corpus."""

    DIRECT = "direct"
    """Words in quotation marks."""
    INDIRECT = "indirect"
    """Reported speech with a frame: a dass-clause, Konjunktiv complement, ``laut X``."""
    FREE_INDIRECT = "free_indirect"
    """Hearsay without a frame (``soll``/``sollen`` …, ``angeblich``)."""
    INDIRECT_FREE_INDIRECT = "indirect_free_indirect"
    """Konjunktiv sentences that go on reporting a speaker without a new frame."""
    REPORTED = "reported"
    """A speech act summarised (``X forderte eine schnellere Entscheidung``)."""


class Medium(str, enum.Enum):
    """How the quoted content was produced."""

    SPEECH = "speech"
    WRITING = "writing"
    THOUGHT = "thought"


class AgencyRole(str, enum.Enum):
    """Where in an article a news agency is named."""

    CREDIT = "credit"
    """End-of-article credit line: ``wa/fab (dpa, afp, rtr)``, ``Quelle: Reuters``."""
    DATELINE = "dateline"
    """Opening dateline: ``Berlin (dpa) -``."""
    VIA = "via"
    """Relay of a statement: ``laut der Nachrichtenagentur Interfax``."""
    MENTION = "mention"
    """Any other naming of the agency."""


def _check_bound(name: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"Span.{name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"Span.{name} must be >= 0, got {value}")


@attrs.frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of code points into the caller's text."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        # one check on the common path (spans are made by the thousand per article),
        # the precise complaint only when it fails
        start, end = self.start, self.end
        if type(start) is int and type(end) is int and 0 <= start <= end:
            return
        _check_bound("start", start)
        _check_bound("end", end)
        if end < start:
            raise ValueError(f"Span end {end} is before its start {start}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The part of ``text`` this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_list(self) -> list[int]:
        return [self.start, self.end]


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(sorted(value))


def join_spans(text: str, spans: Iterable[Span]) -> str:
    """The covered parts of ``text``, joined by one space (for discontinuous mentions)."""
    return " ".join(s.of(text) for s in spans)


@attrs.frozen
class Mention:
    """A piece of the text: one span, or several for discontinuous ones (``teilte … mit``).

    ``text`` is the covered text of the spans joined by a single space.
    """

    text: str
    spans: tuple[Span, ...] = attrs.field(converter=_spans)

    @classmethod
    def from_spans(cls, source: str, spans: Iterable[Span]) -> Mention:
        ordered = _spans(spans)
        return cls(join_spans(source, ordered), ordered)

    @property
    def start(self) -> int:
        return self.spans[0].start if self.spans else 0

    @property
    def end(self) -> int:
        return self.spans[-1].end if self.spans else 0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spans": [s.to_list() for s in self.spans]}


@attrs.frozen
class Speaker(Mention):
    """The speaker's mention in the text (``er``), the resolved ``name`` (``Wladimir Putin``)
    and the ``entity`` it refers to (an :attr:`Entity.id` of the same :class:`Attribution`)."""

    name: str | None = None
    entity: str | None = None

    @classmethod
    def from_spans(
        cls, source: str, spans: Iterable[Span], name: str | None = None, entity: str | None = None
    ) -> Speaker:
        ordered = _spans(spans)
        return cls(join_spans(source, ordered), ordered, name, entity)

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "name": self.name, "entity": self.entity}


@attrs.frozen
class Cue(Mention):
    """The words that introduce the quote (``sagte``, ``teilte … mit``, ``laut``) and their lemma."""

    lemma: str | None = None

    @classmethod
    def from_spans(cls, source: str, spans: Iterable[Span], lemma: str | None = None) -> Cue:
        ordered = _spans(spans)
        return cls(join_spans(source, ordered), ordered, lemma)

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "lemma": self.lemma}


class EntityKind(str, enum.Enum):
    """What an entity of an article is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    """Parties, ministries, companies, courts, police, governments — and places acting as
    their government (``Washington reagierte verärgert``)."""
    AGENCY = "agency"
    """A news agency (``dpa``, ``Interfax``)."""
    PLACE = "place"
    """A place that is named but does not act (a dateline's city, ``in Kairo``)."""
    OTHER = "other"
    """Anything else that speaks: groups (``Demonstranten``), unnamed people (``ein Anwohner``)."""


class Gender(str, enum.Enum):
    """The grammatical gender the article uses for an entity (how the text refers to it)."""

    MASC = "masc"
    FEM = "fem"


@attrs.frozen
class Entity:
    """One entity of an article: everything the text calls it, and where.

    ``name`` is the fullest name the article gives it (``Wladimir Putin``), ``aliases``
    the other ways it is named (``Putin``, ``der Kremlchef``), ``mentions`` every place
    it is mentioned (pronouns included), ``gender`` the grammatical gender the text
    uses for it (``None`` when the text does not tell, or for organisations).
    """

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    gender: Gender | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "name": self.name,
            "aliases": list(self.aliases),
            "gender": None if self.gender is None else self.gender.value,
            "mentions": [m.to_dict() for m in self.mentions],
        }


def _confidence(instance: Quote, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {value}")


@attrs.frozen
class Quote:
    """One quotation and what is known about it.

    ``spans`` cover the quotation as the WikiNews corpus annotates it (for direct
    quotes including the quotation marks); ``content`` covers the quoted words
    without the marks (for other types it equals ``spans``); ``text`` is the
    content joined by single spaces.
    """

    type: QuoteType
    spans: tuple[Span, ...] = attrs.field(converter=_spans)
    content: tuple[Span, ...] = attrs.field(converter=_spans)
    text: str
    nested: bool = False
    speaker: Speaker | None = None
    cue: Cue | None = None
    frame: Mention | None = None
    addressee: Mention | None = None
    via: str | None = None
    medium: Medium | None = None
    confidence: float = attrs.field(default=1.0, validator=_confidence)
    rule: str = ""

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type.value,
            "nested": self.nested,
            "spans": [s.to_list() for s in self.spans],
            "content_spans": [s.to_list() for s in self.content],
            "text": self.text,
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "frame": None if self.frame is None else self.frame.to_dict(),
            "addressee": None if self.addressee is None else self.addressee.to_dict(),
            "via": self.via,
            "medium": None if self.medium is None else self.medium.value,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
        }


@attrs.frozen
class AgencyMention:
    """A news agency named in the text, with its canonical ``name`` and ``role``."""

    name: str
    role: AgencyRole
    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role.value, "text": self.text, "spans": [self.span.to_list()]}


@attrs.frozen
class Attribution:
    """Everything quotable found in one text: its quotes, its agencies and its entities.

    ``model`` names the parser model that was used (``None`` when no parse was needed);
    ``entities`` are the article's speakers and other actors, which each quote's
    :attr:`Speaker.entity` refers to by id.
    """

    quotes: tuple[Quote, ...] = ()
    agencies: tuple[AgencyMention, ...] = ()
    model: str | None = None
    entities: tuple[Entity, ...] = ()

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with ``entity_id`` (``None`` when there is none)."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON form documented in ``docs/schema.md``."""
        return {
            "schema": SCHEMA,
            "model": self.model,
            "quotes": [q.to_dict() for q in self.quotes],
            "agencies": [a.to_dict() for a in self.agencies],
            "entities": [e.to_dict() for e in self.entities],
        }

    def to_json(self, **kwargs: Any) -> str:
        """``to_dict`` as a JSON string (UTF-8 characters kept, keys in a fixed order).

        A lone surrogate of the input (which has no UTF-8 form) is written as its
        ``\\udXXX`` escape, so the string always encodes as UTF-8 and reads back
        as the same text. The one exception: a high surrogate directly before a low
        one (two code units of a Python string, not a character) cannot be written
        in JSON, whose readers join the two escapes into one character and shift
        every offset after it; the high one is written as U+FFFD, so every string
        keeps its length and every offset its meaning (:func:`json_text`).
        """
        ascii_only = kwargs.pop("ensure_ascii", False)
        encoded = json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)
        if _LONE_SURROGATE.search(encoded):
            encoded = _LONE_SURROGATE.sub(_escape, _SPLIT_PAIR.sub("\ufffd", encoded))
        if ascii_only:  # the same document, every other character escaped too
            return json.dumps(json.loads(encoded), ensure_ascii=True, **kwargs)
        return encoded

    def _repr_html_(self) -> str:
        """The quotes as an HTML table, for Jupyter (``quotable.html(text, result)`` shows the article)."""
        from quotable.view import quotes_table

        return quotes_table(self)


def json_text(text: str) -> str:
    """What a JSON reader of :meth:`Attribution.to_json` gets back for ``text``.

    ``text`` itself, except that a high surrogate directly before a low one is
    U+FFFD (see :meth:`Attribution.to_json`); the length is always the same.
    """
    return _SPLIT_PAIR.sub("\ufffd", text)


def _escape(surrogate: re.Match[str]) -> str:
    return f"\\u{ord(surrogate.group()):04x}"


def check_offsets(text: str, result: Attribution) -> list[str]:
    """Every way ``result`` breaks the offset rule for ``text`` (empty when it keeps it)."""
    problems: list[str] = []

    def check(where: str, spans: tuple[Span, ...], expected: str | None) -> None:
        for s in spans:
            if s.end > len(text):
                problems.append(f"{where}: span {s.to_list()} beyond the text ({len(text)})")
        if list(spans) != sorted(spans) or any(a.end > b.start for a, b in itertools.pairwise(spans)):
            problems.append(f"{where}: spans unsorted or overlapping")
        if expected is not None and join_spans(text, spans) != expected:
            problems.append(f"{where}: text {expected!r} != {join_spans(text, spans)!r}")

    for i, q in enumerate(result.quotes):
        check(f"quote {i}", q.spans, None)
        check(f"quote {i} content", q.content, q.text)
        for role in ("speaker", "cue", "frame", "addressee"):
            m: Mention | None = getattr(q, role)
            if m is not None:
                check(f"quote {i} {role}", m.spans, m.text)
    for i, a in enumerate(result.agencies):
        check(f"agency {i}", (a.span,), a.text)
    for e in result.entities:
        for j, m in enumerate(e.mentions):
            check(f"entity {e.id} mention {j}", m.spans, m.text)
    return problems
