"""The WikiNews corpus metric: pairing quotations and scoring message and roles.

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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import numpy as np
from scipy.optimize import linear_sum_assignment

from quotable.corpus_export import quotations_from_attribution
from quotable.model import Attribution
from quotable.scores import Accuracy, Counts, Score, f1
from quotable.wikinews import CORPUS_TYPES, ROLES, CorpusDocument, CorpusQuotation

PARTS = ("message", *ROLES)
"""What the corpus metric scores: the message (quote) and the four roles."""
SIMPLIFIED_PARTS = ("message", "speaker")
TYPE_BONUS = 0.01
MEDIUM_BONUS = 0.001


def tokens_of(q: CorpusQuotation | None, part: str) -> frozenset[int]:
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
            weight = token_f1(tokens_of(g, "message"), tokens_of(s, "message"))
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
        return Pair(index, g, s, tuple(compare(tokens_of(g, p), tokens_of(s, p)) for p in parts))

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
