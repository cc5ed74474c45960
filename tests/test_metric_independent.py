"""quotable's corpus metric against a second, independent implementation.

The reference here is written from the metric's description alone, the plain
way: pairs are found by trying every assignment (so inputs stay small), token
counts are summed per pair, and P/R are averaged over pairs where they are
defined.  Hypothesis builds random documents in which each system quotation
overlaps at most one gold quotation, so the best assignment is unique; both
implementations must then agree to three decimals on message, roles and joint.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from quotable import corpus_metric
from quotable.wikinews import CorpusDocument, CorpusMention, CorpusQuotation

PARTS = ("quote", "addressee", "cue", "frame", "speaker")


def mention(tokens: frozenset[int]) -> CorpusMention:
    return CorpusMention(spans=(), text="", token_ids=tuple(sorted(tokens)))


def quotation(index: int, parts: dict[str, frozenset[int]]) -> CorpusQuotation:
    return CorpusQuotation(
        id=index,
        type="Indirect",
        medium="Speech",
        quote=mention(parts["quote"]),
        speaker=mention(parts["speaker"]),
        cue=mention(parts["cue"]),
        frame=mention(parts["frame"]),
        addressee=mention(parts["addressee"]),
    )


def f1(a: frozenset[int], b: frozenset[int]) -> float:
    shared = len(a & b)
    return 0.0 if shared == 0 else 2 * shared / (len(a) + len(b))


Row = tuple[CorpusQuotation | None, CorpusQuotation | None]


def pairs_of(gold: Sequence[CorpusQuotation], system: Sequence[CorpusQuotation]) -> list[Row]:
    """One document's rows: the best assignment found by trying them all, then the unpaired."""
    best: tuple[float, list[tuple[int, int]]] = (-1.0, [])
    flipped = len(system) <= len(gold)
    small, large = (system, gold) if flipped else (gold, system)
    for chosen in itertools.permutations(range(len(large)), len(small)):
        pairs = [(c, i) if flipped else (i, c) for i, c in enumerate(chosen)]
        weight = sum(
            f1(frozenset(gold[g].quote.token_ids), frozenset(system[s].quote.token_ids)) for g, s in pairs
        )
        if weight > best[0]:
            best = (weight, pairs)
    paired_gold = {g for g, _ in best[1]}
    paired_system = {s for _, s in best[1]}
    rows: list[Row] = [(gold[g], system[s]) for g, s in best[1]]
    rows += [(q, None) for i, q in enumerate(gold) if i not in paired_gold]
    rows += [(None, q) for i, q in enumerate(system) if i not in paired_system]
    return rows


def reference(rows: Sequence[Row]) -> dict[str, float]:
    """Per-pair P and R where defined, averaged over all rows of the corpus."""
    precisions: dict[str, list[float]] = {p: [] for p in PARTS}
    recalls: dict[str, list[float]] = {p: [] for p in PARTS}
    for g, s in rows:
        for part in PARTS:
            gt = frozenset(getattr(g, part).token_ids) if g else frozenset()
            sy = frozenset(getattr(s, part).token_ids) if s else frozenset()
            tp = len(gt & sy)
            if sy:
                precisions[part].append(tp / len(sy))
            if gt:
                recalls[part].append(tp / len(gt))

    def score(parts: Sequence[str]) -> float:
        p_values = [v for part in parts for v in precisions[part]]
        r_values = [v for part in parts for v in recalls[part]]
        p = sum(p_values) / len(p_values) if p_values else 0.0
        r = sum(r_values) / len(r_values) if r_values else 0.0
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    return {"message": score(["quote"]), "roles": score(PARTS[1:]), "joint": score(PARTS)}


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[CorpusQuotation], list[CorpusQuotation]]:
    """Gold quotations on disjoint token blocks; each system quotation overlaps one of them or none."""
    n_gold = draw(st.integers(0, 4))
    gold: list[CorpusQuotation] = []
    system: list[CorpusQuotation] = []
    for i in range(n_gold):
        block = range(100 * i, 100 * i + 40)
        parts = {p: frozenset(draw(st.sets(st.sampled_from(block), max_size=6))) for p in PARTS}
        parts["quote"] = parts["quote"] | {100 * i}
        gold.append(quotation(i, parts))
        if draw(st.booleans()):
            guess = {p: frozenset(draw(st.sets(st.sampled_from(block), max_size=6))) for p in PARTS}
            guess["quote"] = guess["quote"] | {100 * i}
            system.append(quotation(len(system), guess))
    # a spurious system quotation in a block of its own, only where no gold quotation is
    # left for it to tie with
    if (not system or draw(st.booleans())) and len(system) >= n_gold:
        block = range(1000, 1040)
        parts = {p: frozenset(draw(st.sets(st.sampled_from(block), max_size=6))) for p in PARTS}
        parts["quote"] = parts["quote"] | {1000}
        system.append(quotation(len(system), parts))
    return gold, system


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(documents(), min_size=1, max_size=3))
def test_corpus_metric_equals_an_independent_implementation(
    corpus: list[tuple[list[CorpusQuotation], list[CorpusQuotation]]],
) -> None:
    docs = [CorpusDocument(f"d{i}", "", (), (), tuple(gold)) for i, (gold, _) in enumerate(corpus)]
    ours = corpus_metric.score_corpus(docs, [tuple(system) for _, system in corpus])
    expected = reference([row for gold, system in corpus for row in pairs_of(gold, system)])
    assert round(ours.message.f1, 3) == round(expected["message"], 3)
    assert round(ours.roles.f1, 3) == round(expected["roles"], 3)
    assert round(ours.joint.f1, 3) == round(expected["joint"], 3)
