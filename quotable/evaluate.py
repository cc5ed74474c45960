"""How accurate quotable is: the WikiNews corpus metric, reports, and ``quotable evaluate``.

**The corpus metric** is the one published with the German WikiNews quotation
corpus (Petersen-Frey & Biemann, "Dataset of Quotation Attribution in German
News Articles", LREC-COLING 2024), whose reference scorer (``eval/eval.py`` in
``uhh-lt/german-news-quotation-attribution-2024`` at 74e7bd6) follows the GermEval
2023 SpkAtt shared task scheme.  Implemented here from that description:

1. *Tokens.*  A quotation is its message (the quote) and four roles
   (addressee, cue, frame, speaker), each a set of corpus token indices;
   quotable's character spans become tokens by the rule in
   :mod:`quotable.wikinews` (a token belongs to a span when they share a
   non-space character).
2. *Pairing, per document.*  The weight of a gold/system pair is the F1 of their
   message token sets, plus 0.01 for the same type and 0.001 for the same medium
   when the messages overlap; ``scipy.optimize.linear_sum_assignment`` finds the
   maximum-weight assignment.  As in the reference, every assignment is a pair,
   even one of weight 0: with *n* gold and *m* system quotations there are
   min(*n*, *m*) pairs and only the rest are unpaired.  (Compared with dropping
   zero-weight pairs this changes the message and role scores only when two
   unrelated quotations share role tokens, e.g. one speaker mention, and the
   reference type and medium scores below when they share a label.)  The
   bonuses are those of the reference, kept for comparable numbers, though 0.01
   can outweigh a message F1 difference smaller than that.
3. *Counts.*  For each pair and part, TP = shared tokens, FP = system-only
   tokens, FN = gold-only tokens; an unpaired quotation is compared with an
   empty one.
4. *Per-pair P and R, and empty roles.*  P = TP / (TP + FP) is defined only when
   the system part has tokens, R = TP / (TP + FN) only when the gold part has.
   A role empty on both sides therefore gives neither P nor R and is left out of
   the averages: it counts neither as a perfect 1 nor as 0.  A role only the
   system fills adds a P of 0; a role only the gold fills adds an R of 0.
5. *Macro averages.*  Message P is the mean of every defined message P over all
   pairs of the corpus (pooled, not per document first); R likewise.  *Roles*
   pools the defined P (and R) values of the four roles, *joint* those of
   message and roles.  F1 is the harmonic mean of the averaged P and R (not a
   mean of per-pair F1s).  With nothing to average the value is 0.
6. *Additions* (not printed by the reference, same scheme): P/R/F1 for each role
   alone; message P/R/F1 per quote type, P averaged over pairs whose *system*
   quotation has that type and R over pairs whose *gold* quotation has it (a
   type confusion costs both types); type and medium accuracy over *matched*
   pairs (pairs whose messages share a token; media compared in corpus spelling,
   so a gold SW/ST/TW never equals quotable's single medium).  The reference's
   own type and medium scores are reported too: a pair (matched or not) with equal
   type is a hit, P = hits / system quotations, R = hits / gold quotations.
7. *Simplified* (``--simplified``): nested quotations are dropped on both sides
   before pairing and only message and speaker are scored (roles = speaker,
   joint = message + speaker).

**The seeds metrics** are described in :mod:`quotable.seed_gold`.

**Errors file** (``--errors FILE``): JSON Lines, one error a line, in document
and text order, with keys ``corpus`` (``wikinews``/``seeds``), ``document``,
``kind`` (``false_positive``, ``false_negative``, ``wrong_speaker``, and for the
seeds ``agency_false_positive``/``agency_false_negative``), ``start``/``end``
(characters), ``text``, ``before``/``after`` (up to 80 characters of context),
and ``gold``/``system`` (what each side said, ``null`` when absent).  A
WikiNews false positive is a system quotation left unpaired or paired with a
gold quotation it shares no token with; a wrong speaker is a matched pair whose
speaker tokens differ.  JSON Lines because every record is one ``grep``/``jq``
away from a table.

Reports are deterministic: the same input gives byte-identical Markdown and JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs
import numpy as np
from scipy.optimize import linear_sum_assignment

from quotable import seed_gold
from quotable.errors import QuotableError
from quotable.model import Attribution
from quotable.scores import Accuracy, Counts, Score, f1
from quotable.seed_gold import SeedDocument, SeedScores
from quotable.wikinews import (
    CORPUS_TYPES,
    ROLES,
    CorpusDocument,
    CorpusMention,
    CorpusQuotation,
    System,
    load_attributor,
    predict,
    quotations_from_attribution,
    read_corpus,
)

PARTS = ("message", *ROLES)
"""What the corpus metric scores: the message (quote) and the four roles."""
SIMPLIFIED_PARTS = ("message", "speaker")
TYPE_BONUS = 0.01
MEDIUM_BONUS = 0.001
CONTEXT = 80
"""Characters of context on each side of an error."""


def _tokens(q: CorpusQuotation | None, part: str) -> frozenset[int]:
    if q is None:
        return frozenset()
    return frozenset((q.quote if part == "message" else q.role(part)).token_ids)


def compare(gold: frozenset[int], system: frozenset[int]) -> Counts:
    """Token TP/FP/FN of a system token set against a gold one."""
    return Counts(len(gold & system), len(system - gold), len(gold - system))


def token_f1(gold: frozenset[int], system: frozenset[int]) -> float:
    """F1 of two token sets (0 when they share nothing)."""
    shared = len(gold & system)
    return 0.0 if not shared else f1(shared / len(system), shared / len(gold))


def assign(gold: Sequence[CorpusQuotation], system: Sequence[CorpusQuotation]) -> list[tuple[int, int]]:
    """The reference pairing of one document: ``(gold index, system index)`` by maximum weight."""
    if not gold or not system:
        return []
    weights = np.zeros((len(gold), len(system)))
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            weight = token_f1(_tokens(g, "message"), _tokens(s, "message"))
            if weight > 0.0:
                weight += TYPE_BONUS * (g.type == s.type) + MEDIUM_BONUS * (g.medium == s.medium)
            weights[i, j] = weight
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True))


@attrs.frozen
class Pair:
    """A gold and a system quotation of one document compared part by part (either may be missing)."""

    document: int
    gold: CorpusQuotation | None
    system: CorpusQuotation | None
    counts: tuple[Counts, ...]
    """Token counts for each part, in the order of the parts scored."""

    @property
    def matched(self) -> bool:
        """Both sides present and their messages share a token."""
        return self.counts[0].tp > 0


def pair_document(
    index: int, gold: Sequence[CorpusQuotation], system: Sequence[CorpusQuotation], parts: Sequence[str]
) -> list[Pair]:
    """Every pair of one document, then its unpaired gold and unpaired system quotations."""

    def pair(g: CorpusQuotation | None, s: CorpusQuotation | None) -> Pair:
        return Pair(index, g, s, tuple(compare(_tokens(g, p), _tokens(s, p)) for p in parts))

    assigned = assign(gold, system)
    paired_gold, paired_system = {i for i, _ in assigned}, {j for _, j in assigned}
    return (
        [pair(gold[i], system[j]) for i, j in assigned]
        + [pair(g, None) for i, g in enumerate(gold) if i not in paired_gold]
        + [pair(None, s) for j, s in enumerate(system) if j not in paired_system]
    )


@attrs.frozen
class CorpusScores:
    """The corpus metric for a set of documents (see the module docstring)."""

    simplified: bool
    documents: int
    gold: int
    system: int
    pairs: int
    matched: int
    message: Score
    roles: Score
    joint: Score
    by_role: tuple[tuple[str, Score], ...]
    by_type: tuple[tuple[str, Score], ...]
    tokens: tuple[tuple[str, Counts], ...]
    """Token counts summed over all pairs, per part (micro; for reference)."""
    type_accuracy: Accuracy
    medium_accuracy: Accuracy
    type_reference: Score
    medium_reference: Score

    def to_dict(self) -> dict[str, Any]:
        return {
            "simplified": self.simplified,
            "documents": self.documents,
            "gold_quotations": self.gold,
            "system_quotations": self.system,
            "pairs": self.pairs,
            "matched_pairs": self.matched,
            "joint": self.joint.to_dict(),
            "message": self.message.to_dict(),
            "roles": self.roles.to_dict(),
            "by_role": {name: s.to_dict() for name, s in self.by_role},
            "by_type": {name: s.to_dict() for name, s in self.by_type},
            "tokens": {name: c.to_dict() for name, c in self.tokens},
            "type_accuracy": self.type_accuracy.to_dict(),
            "medium_accuracy": self.medium_accuracy.to_dict(),
            "type_reference": self.type_reference.to_dict(),
            "medium_reference": self.medium_reference.to_dict(),
        }


def pair_corpus(
    documents: Sequence[CorpusDocument],
    system: Sequence[Sequence[CorpusQuotation]],
    *,
    simplified: bool = False,
) -> tuple[Pair, ...]:
    """All pairs of all documents; ``system[i]`` are the system's quotations for ``documents[i]``."""
    if len(documents) != len(system):
        raise ValueError(f"{len(documents)} documents but {len(system)} system results")
    parts = SIMPLIFIED_PARTS if simplified else PARTS
    pairs: list[Pair] = []
    for index, (document, found) in enumerate(zip(documents, system, strict=True)):
        gold = [q for q in document.quotations if not (simplified and q.is_nested)]
        ours = [q for q in found if not (simplified and q.is_nested)]
        pairs.extend(pair_document(index, gold, ours, parts))
    return tuple(pairs)


def _macro(pairs: Sequence[Pair], columns: Iterable[int]) -> Score:
    cols = list(columns)
    precisions = [p for pair in pairs for k in cols if (p := pair.counts[k].precision) is not None]
    recalls = [r for pair in pairs for k in cols if (r := pair.counts[k].recall) is not None]
    return Score.macro(precisions, recalls)


def summarize(pairs: Sequence[Pair], documents: int, *, simplified: bool = False) -> CorpusScores:
    """The corpus metric of ``pairs`` (from :func:`pair_corpus`)."""
    parts = SIMPLIFIED_PARTS if simplified else PARTS
    roles = range(1, len(parts))
    both = [p for p in pairs if p.gold is not None and p.system is not None]
    matched = [p for p in both if p.matched]
    n_gold = sum(p.gold is not None for p in pairs)
    n_system = sum(p.system is not None for p in pairs)

    def per_type(name: str) -> Score:
        precisions = [p.counts[0].precision for p in pairs if p.system is not None and p.system.type == name]
        recalls = [p.counts[0].recall for p in pairs if p.gold is not None and p.gold.type == name]
        return Score.macro((v for v in precisions if v is not None), (v for v in recalls if v is not None))

    sides = [(p.gold, p.system) for p in both if p.gold is not None and p.system is not None]
    matched_sides = [(p.gold, p.system) for p in matched if p.gold is not None and p.system is not None]

    def accuracy(label: str) -> Accuracy:
        return Accuracy(sum(getattr(g, label) == getattr(s, label) for g, s in matched_sides), len(matched))

    def reference(label: str) -> Score:
        hits = sum(getattr(g, label) == getattr(s, label) for g, s in sides)
        precision = hits / n_system if n_system else 0.0
        recall = hits / n_gold if n_gold else 0.0
        return Score(precision, recall, f1(precision, recall), n_system, n_gold)

    tokens = [Counts() for _ in parts]
    for p in pairs:
        tokens = [a + b for a, b in zip(tokens, p.counts, strict=True)]
    return CorpusScores(
        simplified=simplified,
        documents=documents,
        gold=n_gold,
        system=n_system,
        pairs=len(both),
        matched=len(matched),
        message=_macro(pairs, [0]),
        roles=_macro(pairs, roles),
        joint=_macro(pairs, range(len(parts))),
        by_role=tuple((parts[k], _macro(pairs, [k])) for k in roles),
        by_type=tuple((name, per_type(name)) for name in CORPUS_TYPES.values()),
        tokens=tuple(zip(parts, tokens, strict=True)),
        type_accuracy=accuracy("type"),
        medium_accuracy=accuracy("medium"),
        type_reference=reference("type"),
        medium_reference=reference("medium"),
    )


def score_corpus(
    documents: Sequence[CorpusDocument],
    system: Sequence[Sequence[CorpusQuotation]],
    *,
    simplified: bool = False,
) -> CorpusScores:
    """The corpus metric of system quotations (``system[i]`` for ``documents[i]``)."""
    return summarize(
        pair_corpus(documents, system, simplified=simplified), len(documents), simplified=simplified
    )


def system_quotations(
    documents: Sequence[CorpusDocument], attributions: Sequence[Attribution]
) -> list[tuple[CorpusQuotation, ...]]:
    """quotable's results mapped onto each document's tokens."""
    if len(documents) != len(attributions):
        raise ValueError(f"{len(documents)} documents but {len(attributions)} results")
    return [quotations_from_attribution(d, a) for d, a in zip(documents, attributions, strict=True)]


def score_attributions(
    documents: Sequence[CorpusDocument], attributions: Sequence[Attribution], *, simplified: bool = False
) -> CorpusScores:
    """The corpus metric of quotable's ``attributions`` of ``documents`` (same order)."""
    return score_corpus(documents, system_quotations(documents, attributions), simplified=simplified)


# ---------------------------------------------------------------- error analysis


def _context(text: str, start: int, end: int) -> dict[str, Any]:
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "before": text[max(0, start - CONTEXT) : start],
        "after": text[end : end + CONTEXT],
    }


def _mention_dict(m: CorpusMention) -> str | None:
    return m.text or None


def _quotation_dict(q: CorpusQuotation | None) -> dict[str, Any] | None:
    if q is None:
        return None
    return {
        "type": q.type,
        "medium": q.medium,
        "nested": q.is_nested,
        "text": q.quote.text,
        **{role: _mention_dict(q.role(role)) for role in ROLES},
    }


def wikinews_errors(documents: Sequence[CorpusDocument], pairs: Iterable[Pair]) -> list[dict[str, Any]]:
    """False positives, false negatives and wrong speakers of the corpus pairs, as error records."""
    found: list[tuple[int, dict[str, Any]]] = []

    def record(p: Pair, kind: str, where: CorpusQuotation, gold: bool, system: bool) -> None:
        document = documents[p.document]
        found.append(
            (
                p.document,
                {
                    "corpus": "wikinews",
                    "document": document.name,
                    "kind": kind,
                    **_context(document.text, where.quote.start or 0, where.quote.end or 0),
                    "gold": _quotation_dict(p.gold) if gold else None,
                    "system": _quotation_dict(p.system) if system else None,
                },
            )
        )

    for p in pairs:
        if p.gold is not None and not p.matched:
            record(p, "false_negative", p.gold, gold=True, system=False)
        if p.system is not None and not p.matched:
            record(p, "false_positive", p.system, gold=False, system=True)
        if (
            p.gold is not None
            and p.system is not None
            and p.matched
            and _tokens(p.gold, "speaker") != _tokens(p.system, "speaker")
        ):
            record(p, "wrong_speaker", p.gold, gold=True, system=True)
    return [r for _, r in sorted(found, key=lambda item: (item[0], *_record_key(item[1])))]


def seed_errors(
    documents: Sequence[SeedDocument], attributions: Sequence[Attribution]
) -> list[dict[str, Any]]:
    """False positives, false negatives, wrong speakers and agency errors on the seeds."""
    records = []
    for m in seed_gold.seed_matches(documents, attributions):
        document = documents[m.document]
        gold = None if m.gold is None else attrs.asdict(m.gold)
        system = None if m.predicted is None else m.predicted.to_dict()
        if m.gold is not None and m.predicted is None:
            kind, span = "false_negative", m.gold.span
        elif m.predicted is not None and m.gold is None:
            kind, span = "false_positive", seed_gold.content_span(m.predicted)
        elif m.gold is not None and m.predicted is not None:
            if seed_gold.speaker_right(m.gold, m.predicted, lenient=False):
                continue
            kind, span = "wrong_speaker", m.gold.span
        else:  # pragma: no cover - a match always has a side
            continue
        records.append(
            {
                "corpus": "seeds",
                "document": document.id,
                "kind": kind,
                **_context(document.text, span.start, span.end),
                "gold": gold,
                "system": system,
            }
        )
    for document, attribution in zip(documents, attributions, strict=True):
        missed, wrong = seed_gold.agency_differences(document, attribution)
        for a in missed:
            records.append(
                {
                    "corpus": "seeds",
                    "document": document.id,
                    "kind": "agency_false_negative",
                    **_context(document.text, a.start, a.end),
                    "gold": attrs.asdict(a),
                    "system": None,
                }
            )
        for b in wrong:
            records.append(
                {
                    "corpus": "seeds",
                    "document": document.id,
                    "kind": "agency_false_positive",
                    **_context(document.text, b.span.start, b.span.end),
                    "gold": None,
                    "system": b.to_dict(),
                }
            )
    order = {d.id: i for i, d in enumerate(documents)}
    return sorted(records, key=lambda r: (order[r["document"]], *_record_key(r)))


def _record_key(r: dict[str, Any]) -> tuple[int, int, str]:
    return (r["start"], r["end"], r["kind"])


def write_errors(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    """Error records as JSON Lines."""
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- reports


@attrs.frozen
class Report:
    """Everything one ``quotable evaluate`` run measured (either side may be absent)."""

    wikinews: CorpusScores | None = None
    seeds: SeedScores | None = None
    model: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "wikinews": None if self.wikinews is None else self.wikinews.to_dict(),
            "seeds": None if self.seeds is None else self.seeds.to_dict(),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_markdown(self) -> str:
        parts = []
        if self.wikinews is not None:
            parts.append(corpus_markdown(self.wikinews))
        if self.seeds is not None:
            parts.append(seeds_markdown(self.seeds))
        return "\n".join(parts)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _prf_row(name: str, s: Score) -> str:
    return f"| {name} | {_pct(s.precision)} | {_pct(s.recall)} | {_pct(s.f1)} |"


def corpus_markdown(s: CorpusScores, title: str | None = None) -> str:
    """The corpus metric as Markdown tables (percentages)."""
    heading = title or (
        "WikiNews quotation corpus, simplified (speaker + message, non-nested)"
        if s.simplified
        else "WikiNews quotation corpus"
    )
    lines = [
        f"## {heading}",
        "",
        f"{s.documents} documents, {s.gold} gold and {s.system} system quotations, "
        f"{s.pairs} pairs ({s.matched} sharing message tokens). "
        "Macro-averaged over pairs (Petersen-Frey & Biemann 2024).",
        "",
        "| part | P | R | F1 |",
        "|---|---:|---:|---:|",
        _prf_row("**joint**", s.joint),
        _prf_row("message", s.message),
        _prf_row("roles", s.roles),
        *(_prf_row(f"· {name}", score) for name, score in s.by_role),
        "",
        "| type | gold | system | message P | R | F1 |",
        "|---|---:|---:|---:|---:|---:|",
        *(
            f"| {name} | {t.n_recall} | {t.n_precision} | {_pct(t.precision)} | {_pct(t.recall)} "
            f"| {_pct(t.f1)} |"
            for name, t in s.by_type
        ),
        "",
        "| label | accuracy (matched pairs) | n | reference P | R | F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, acc, ref in (
        ("type", s.type_accuracy, s.type_reference),
        ("medium", s.medium_accuracy, s.medium_reference),
    ):
        lines.append(
            f"| {name} | {_pct(acc.value)} | {acc.total} | {_pct(ref.precision)} | {_pct(ref.recall)} "
            f"| {_pct(ref.f1)} |"
        )
    return "\n".join(lines) + "\n"


def seeds_markdown(s: SeedScores) -> str:
    """The seeds metrics as Markdown tables (percentages)."""
    lines = [
        "## Seeds gold",
        "",
        f"{s.documents} articles.",
        "",
        "| quotes | gold | found | P | R | F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, score in (
        ("direct, exact span", s.direct_exact),
        ("direct, overlap", s.direct_overlap),
        ("indirect, exact span", s.indirect_exact),
        ("indirect, overlap", s.indirect_overlap),
        ("agencies (name, role, span)", s.agencies),
    ):
        lines.append(
            f"| {name} | {score.n_recall} | {score.n_precision} | {_pct(score.precision)} "
            f"| {_pct(score.recall)} | {_pct(score.f1)} |"
        )
    lines += ["", "| over quotes paired by overlap | accuracy | right | of |", "|---|---:|---:|---:|"]
    for name, acc in (
        ("speaker, strict", s.speaker_strict),
        ("speaker, lenient", s.speaker_lenient),
        ("speaker, name or alias", s.speaker_named),
        ("via", s.via),
        ("via, where the gold has one", s.via_found),
    ):
        lines.append(f"| {name} | {_pct(acc.value)} | {acc.correct} | {acc.total} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- running a system


@attrs.frozen
class Evaluation:
    """A report and the error records behind it."""

    report: Report
    errors: tuple[dict[str, Any], ...] = ()


def evaluate(
    system: System,
    *,
    wikinews: Sequence[CorpusDocument] = (),
    seeds: Sequence[SeedDocument] = (),
    simplified: bool = False,
) -> Evaluation:
    """Run ``system`` on the gold texts and score it; an empty gold side is not reported.

    The report names the parser model the results say they were made with.
    """
    corpus_scores = seed_scores = None
    errors: list[dict[str, Any]] = []
    models: list[str | None] = []
    if wikinews:
        results = predict(system, [d.text for d in wikinews])
        models += [r.model for r in results]
        found = system_quotations(wikinews, results)
        pairs = pair_corpus(wikinews, found, simplified=simplified)
        corpus_scores = summarize(pairs, len(wikinews), simplified=simplified)
        errors += wikinews_errors(wikinews, pairs)
    if seeds:
        results = predict(system, [d.text for d in seeds])
        models += [r.model for r in results]
        seed_scores = seed_gold.score_seeds(seeds, results)
        errors += seed_errors(seeds, results)
    model = next((m for m in models if m is not None), None)
    return Evaluation(Report(corpus_scores, seed_scores, model), tuple(errors))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotable evaluate",
        description="Score quotable against the German WikiNews quotation corpus (the metric of "
        "Petersen-Frey & Biemann 2024) and/or the seeds gold.",
    )
    parser.add_argument(
        "--wikinews", nargs="+", metavar="PATH", help="corpus .json files or directories of them"
    )
    parser.add_argument(
        "--gold",
        "--seeds",
        dest="seeds",
        metavar="FILE",
        help="a gold file in the seeds schema (seeds/seeds.gold.jsonl, benchmarks/data/newsroom.gold.jsonl)",
    )
    parser.add_argument("--model", metavar="NAME", help="parser model for the Attributor ('none': no parser)")
    parser.add_argument(
        "--simplified", action="store_true", help="score speaker and message of non-nested quotations only"
    )
    parser.add_argument(
        "--errors", metavar="FILE", help="write every error with context to FILE (JSON Lines)"
    )
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown", help="report format")
    parser.add_argument("--limit", type=int, metavar="N", help="use only the first N documents of each gold")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """``quotable evaluate``: 0 when the report was written, 1 on an error, 2 on a usage error."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    if not args.wikinews and not args.seeds:
        parser.print_usage(sys.stderr)
        print("quotable evaluate: error: give --wikinews PATH and/or --gold FILE", file=sys.stderr)
        return 2
    if args.limit is not None and args.limit < 0:
        parser.print_usage(sys.stderr)
        print("quotable evaluate: error: --limit must not be negative", file=sys.stderr)
        return 2
    try:
        corpus = read_corpus(args.wikinews, args.limit) if args.wikinews else ()
        seeds = seed_gold.read_seeds(args.seeds, args.limit) if args.seeds else ()
        system = load_attributor(args.model)
        result = evaluate(system, wikinews=corpus, seeds=seeds, simplified=args.simplified)
        if args.errors:
            with Path(args.errors).open("w", encoding="utf-8") as out:
                write_errors(result.errors, out)
    except (OSError, ValueError, ImportError, QuotableError) as error:
        print(f"quotable evaluate: error: {error}", file=sys.stderr)
        return 1
    report = result.report
    sys.stdout.write(report.to_json() if args.format == "json" else report.to_markdown())
    return 0
