"""What one ``quotable evaluate`` run measured (:class:`Report`), as JSON and as
Markdown tables: the WikiNews corpus metric (:mod:`quotable.corpus_metric`) and
the seeds metrics (:mod:`quotable.seed_gold`), in percentages.

Reports are deterministic: the same input gives byte-identical Markdown and JSON.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from quotable.corpus_metric import CorpusScores
from quotable.scores import Score
from quotable.seed_gold import SeedScores


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
