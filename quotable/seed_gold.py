"""Our own gold format (``seeds/seeds.gold.jsonl``): reading it and scoring quotable against it.

The schema is in ``seeds/README.md``: one article a line with its ``quotes``
(``start``/``end`` of the quoted words, ``kind`` direct, partial or indirect,
the resolved ``speaker`` and its ``speaker_aliases``, ``via``) and ``agencies``.
The metrics, all micro-averaged over every article:

* **Direct quotes**: gold kinds ``direct`` and ``partial`` against predicted
  quotes of type direct, compared on the quoted words without the marks
  (:attr:`Quote.content`, first start to last end).  *Exact*: same start and
  end.  *Overlap*: gold and predicted quotes are paired one to one by maximum
  shared characters (``scipy.optimize.linear_sum_assignment``) and a pair
  sharing at least one character counts.  P = hits / predicted, R = hits / gold.
* **Indirect quotes**: gold ``indirect`` against predicted quotes of type
  ``indirect``, the same two ways (the seeds leave speech acts, Konjunktiv
  continuations and hearsay unannotated on purpose, so those types are not counted).
* **Speaker accuracy** over the gold quotes paired by overlap (both groups).
  The predicted name is ``speaker.name``, or the mention text when quotable
  resolved no name.  *Strict*: it equals the gold ``speaker``.  *Lenient*,
  ignoring case: it equals the gold speaker or one of its ``speaker_aliases``,
  or the gold name contains it as a whole-word sequence (``Kim`` in
  ``Kim Jong Un``).  A quote without a predicted speaker is wrong.
* **via accuracy** over the same pairs: the predicted ``via`` equals the gold one
  (both empty counts as right, as most quotes are relayed by no agency), and
  *via found*: of those pairs whose gold quote names a ``via``, how many got it.
* **Agencies**: exact match on ``(name, role, start, end)``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
from scipy.optimize import linear_sum_assignment

from quotable.model import AgencyMention, Attribution, Quote, QuoteType, Span
from quotable.scores import Accuracy, Counts, Score

DIRECT_KINDS = frozenset({"direct", "partial"})
INDIRECT_KINDS = frozenset({"indirect"})
_WORD = re.compile(r"\w+")


@attrs.frozen
class SeedQuote:
    """One gold quote of the seeds format."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_aliases: tuple[str, ...] = ()
    mention: str | None = None
    cue: str | None = None
    addressee: str | None = None
    via: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@attrs.frozen
class SeedAgency:
    """One gold agency mention of the seeds format."""

    name: str
    role: str
    start: int
    end: int
    text: str


@attrs.frozen
class SeedDocument:
    """One article of the seeds gold."""

    id: str
    source: str
    text: str
    quotes: tuple[SeedQuote, ...] = ()
    agencies: tuple[SeedAgency, ...] = ()


@attrs.frozen
class SeedMatch:
    """A gold quote and the predicted quote paired with it by overlap (either may be missing)."""

    document: int
    group: str
    """``"direct"`` or ``"indirect"``."""
    gold: SeedQuote | None
    predicted: Quote | None


@attrs.frozen
class SeedScores:
    """Every seeds metric (see the module docstring)."""

    documents: int
    direct_exact: Score
    direct_overlap: Score
    indirect_exact: Score
    indirect_overlap: Score
    speaker_strict: Accuracy
    speaker_lenient: Accuracy
    via: Accuracy
    via_found: Accuracy
    agencies: Score
    speaker_named: Accuracy = attrs.field(factory=Accuracy)
    """The resolved name is the gold name or one of its aliases (ignoring case and article)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "direct_exact": self.direct_exact.to_dict(),
            "direct_overlap": self.direct_overlap.to_dict(),
            "indirect_exact": self.indirect_exact.to_dict(),
            "indirect_overlap": self.indirect_overlap.to_dict(),
            "speaker_strict": self.speaker_strict.to_dict(),
            "speaker_lenient": self.speaker_lenient.to_dict(),
            "speaker_named": self.speaker_named.to_dict(),
            "via": self.via.to_dict(),
            "via_found": self.via_found.to_dict(),
            "agencies": self.agencies.to_dict(),
        }


# ---------------------------------------------------------------- reading


def read_seeds(path: str | Path, limit: int | None = None) -> tuple[SeedDocument, ...]:
    """The articles of a seeds gold file; ``ValueError`` naming the line when one is malformed."""
    path = Path(path)
    documents = []
    # split on \n only: str.splitlines would also break at a raw U+2028 inside a JSON string
    for number, line in enumerate(path.read_bytes().decode("utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            documents.append(seed_document(json.loads(line)))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{path}, line {number}: not a seeds gold article: {error}") from error
    return tuple(documents[:limit])


def seed_document(data: Mapping[str, Any]) -> SeedDocument:
    """One seeds gold article from its parsed JSON, checking that every offset fits its text."""
    text = str(data["text"])
    quotes = tuple(
        SeedQuote(
            start=int(q["start"]),
            end=int(q["end"]),
            text=str(q["text"]),
            kind=str(q["kind"]),
            speaker=q.get("speaker"),
            speaker_aliases=tuple(q.get("speaker_aliases") or ()),
            mention=q.get("mention"),
            cue=q.get("cue"),
            addressee=q.get("addressee"),
            via=q.get("via"),
        )
        for q in data.get("quotes") or ()
    )
    agencies = tuple(
        SeedAgency(str(a["name"]), str(a["role"]), int(a["start"]), int(a["end"]), str(a["text"]))
        for a in data.get("agencies") or ()
    )
    for start, end, covered in [(q.start, q.end, q.text) for q in quotes] + [
        (a.start, a.end, a.text) for a in agencies
    ]:
        if text[start:end] != covered:
            raise ValueError(f"{covered!r} is not the text at {start}-{end}")
    for q in quotes:
        if q.kind not in DIRECT_KINDS | INDIRECT_KINDS:
            raise ValueError(f"unknown quote kind {q.kind!r}")
    return SeedDocument(str(data["id"]), str(data.get("source", "")), text, quotes, agencies)


# ---------------------------------------------------------------- matching


def content_span(quote: Quote) -> Span:
    """The quoted words of ``quote`` from the first content start to the last content end."""
    spans = quote.content or quote.spans
    return Span(spans[0].start, spans[-1].end)


def _groups(
    document: SeedDocument, attribution: Attribution
) -> Iterable[tuple[str, list[SeedQuote], list[Quote]]]:
    direct = [q for q in attribution.quotes if q.type is QuoteType.DIRECT]
    # the seeds annotate reported speech with a frame only: no speech acts (reported),
    # no Konjunktiv continuations and hearsay without a frame (see seeds/README.md)
    other = [q for q in attribution.quotes if q.type is QuoteType.INDIRECT]
    yield "direct", [g for g in document.quotes if g.kind in DIRECT_KINDS], direct
    yield "indirect", [g for g in document.quotes if g.kind in INDIRECT_KINDS], other


def pair_by_overlap(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)`` sharing the most characters in all.

    Only pairs that share at least one character are returned.
    """
    if not gold or not predicted:
        return []
    shared = np.array(
        [[max(0, min(g.end, p.end) - max(g.start, p.start)) for p in predicted] for g in gold], dtype=float
    )
    rows, cols = linear_sum_assignment(shared, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if shared[i, j] > 0)


def seed_matches(
    documents: Sequence[SeedDocument], attributions: Sequence[Attribution]
) -> tuple[SeedMatch, ...]:
    """Every gold and predicted quote, paired by overlap where possible, in text order."""
    matches: list[SeedMatch] = []
    for index, (document, attribution) in enumerate(zip(documents, attributions, strict=True)):
        for group, gold, predicted in _groups(document, attribution):
            pairs = pair_by_overlap([g.span for g in gold], [content_span(p) for p in predicted])
            found = [SeedMatch(index, group, gold[i], predicted[j]) for i, j in pairs]
            found += [
                SeedMatch(index, group, g, None) for i, g in enumerate(gold) if i not in {p[0] for p in pairs}
            ]
            found += [
                SeedMatch(index, group, None, p)
                for j, p in enumerate(predicted)
                if j not in {p[1] for p in pairs}
            ]
            matches.extend(found)
    return tuple(sorted(matches, key=_match_key))


def _match_key(m: SeedMatch) -> tuple[int, int, int, str]:
    span = m.gold.span if m.gold is not None else content_span(m.predicted) if m.predicted else Span(0, 0)
    return (m.document, span.start, span.end, m.group)


def predicted_name(quote: Quote) -> str | None:
    """The speaker quotable names for ``quote``: its resolved name, else its mention text."""
    if quote.speaker is None:
        return None
    return quote.speaker.name or quote.speaker.text or None


def _words(name: str) -> list[str]:
    return _WORD.findall(name.casefold())


def speaker_right(gold: SeedQuote, quote: Quote, *, lenient: bool) -> bool:
    """Whether ``quote``'s speaker is ``gold``'s (strict: the full name; lenient: see the module)."""
    name = predicted_name(quote)
    if name is None or gold.speaker is None:
        return False
    if not lenient:
        return name == gold.speaker
    folded = name.casefold()
    if folded in {n.casefold() for n in (gold.speaker, *gold.speaker_aliases)}:
        return True
    inner, outer = _words(name), _words(gold.speaker)
    return bool(inner) and any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


_LEADING_ARTICLE = re.compile(r"^(?:der|die|das|den|dem|des)\s+", re.IGNORECASE)


def speaker_named(gold: SeedQuote, quote: Quote) -> bool:
    """Whether ``quote``'s resolved name is ``gold``'s canonical name or one of its aliases
    (ignoring case and a leading article): the newsroom set's measure of *who*."""
    name = predicted_name(quote)
    if name is None or gold.speaker is None:
        return False

    def key(text: str) -> str:
        return _LEADING_ARTICLE.sub("", text.strip()).casefold()

    return key(name) in {key(n) for n in (gold.speaker, *gold.speaker_aliases)}


# ---------------------------------------------------------------- scoring


def _agency_key(a: SeedAgency | AgencyMention) -> tuple[str, str, int, int]:
    if isinstance(a, AgencyMention):
        return (a.name, a.role.value, a.span.start, a.span.end)
    return (a.name, a.role, a.start, a.end)


def agency_differences(
    document: SeedDocument, attribution: Attribution
) -> tuple[list[SeedAgency], list[AgencyMention]]:
    """The gold agencies quotable missed and the agencies it found that the gold lacks."""
    gold = Counter(_agency_key(a) for a in document.agencies)
    found = Counter(_agency_key(a) for a in attribution.agencies)
    missing, extra = gold - found, found - gold
    missed = [a for a in document.agencies if missing[_agency_key(a)] > 0]
    wrong = [a for a in attribution.agencies if extra[_agency_key(a)] > 0]
    return missed, wrong


def score_seeds(documents: Sequence[SeedDocument], attributions: Sequence[Attribution]) -> SeedScores:
    """All seeds metrics for quotable's ``attributions`` of ``documents`` (same order)."""
    if len(documents) != len(attributions):
        raise ValueError(f"{len(documents)} documents but {len(attributions)} results")
    exact = {"direct": Counts(), "indirect": Counts()}
    for document, attribution in zip(documents, attributions, strict=True):
        for group, gold, predicted in _groups(document, attribution):
            g = Counter(q.span for q in gold)
            p = Counter(content_span(q) for q in predicted)
            hits = sum((g & p).values())
            exact[group] += Counts(hits, len(predicted) - hits, len(gold) - hits)
    matches = seed_matches(documents, attributions)
    overlap = {
        group: Counts(
            sum(m.gold is not None and m.predicted is not None for m in ms),
            sum(m.gold is None for m in ms),
            sum(m.predicted is None for m in ms),
        )
        for group in ("direct", "indirect")
        for ms in [[m for m in matches if m.group == group]]
    }
    paired = [(m.gold, m.predicted) for m in matches if m.gold is not None and m.predicted is not None]
    agencies = Counts()
    for document, attribution in zip(documents, attributions, strict=True):
        missed, wrong = agency_differences(document, attribution)
        agencies += Counts(len(attribution.agencies) - len(wrong), len(wrong), len(missed))
    with_via = [(g, p) for g, p in paired if g.via is not None]
    return SeedScores(
        documents=len(documents),
        direct_exact=exact["direct"].score(),
        direct_overlap=overlap["direct"].score(),
        indirect_exact=exact["indirect"].score(),
        indirect_overlap=overlap["indirect"].score(),
        speaker_strict=Accuracy(sum(speaker_right(g, p, lenient=False) for g, p in paired), len(paired)),
        speaker_lenient=Accuracy(sum(speaker_right(g, p, lenient=True) for g, p in paired), len(paired)),
        speaker_named=Accuracy(sum(speaker_named(g, p) for g, p in paired), len(paired)),
        via=Accuracy(sum(g.via == p.via for g, p in paired), len(paired)),
        via_found=Accuracy(sum(g.via == p.via for g, p in with_via), len(with_via)),
        agencies=agencies.score(),
    )
