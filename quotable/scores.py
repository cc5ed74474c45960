"""Small value types for evaluation results: token counts, P/R/F1, accuracies.

Shared by :mod:`quotable.evaluate` (the WikiNews corpus metric) and
:mod:`quotable.seed_gold` (our own seeds gold), so that both report numbers of
the same shape.  Every type is frozen; ``to_dict`` gives the JSON form used in
``quotable evaluate --format json`` (floats rounded to six places so that a
report is byte-identical between runs and machines).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import attrs

_DIGITS = 6


def _round(value: float) -> float:
    return round(value, _DIGITS)


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of ``precision`` and ``recall`` (0 when both are 0)."""
    return 0.0 if precision + recall == 0.0 else 2.0 * precision * recall / (precision + recall)


def mean(values: Iterable[float]) -> float:
    """The exact (``math.fsum``) mean of ``values``; 0 for none, as the reference scorer does."""
    items = list(values)
    return math.fsum(items) / len(items) if items else 0.0


@attrs.frozen
class Counts:
    """True positives, false positives and false negatives (tokens, quotes or agencies)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        """``tp / (tp + fp)``, or ``None`` when nothing was predicted (undefined, not 0 or 1)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """``tp / (tp + fn)``, or ``None`` when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def score(self) -> Score:
        """Micro P/R/F1 of these counts (an undefined side counts as 0)."""
        precision = self.precision or 0.0
        recall = self.recall or 0.0
        return Score(precision, recall, f1(precision, recall), self.tp + self.fp, self.tp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn}


@attrs.frozen
class Score:
    """Precision, recall and F1, with how many values (or items) each side rests on.

    For the corpus metric ``n_precision``/``n_recall`` are the number of pairs
    whose precision/recall was defined and averaged; for micro scores they are
    the number of predicted/gold items.
    """

    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    n_precision: int = 0
    n_recall: int = 0

    @classmethod
    def macro(cls, precisions: Iterable[float], recalls: Iterable[float]) -> Score:
        """Averages of per-pair precisions and recalls, and the F1 of those two averages."""
        p_values, r_values = list(precisions), list(recalls)
        precision, recall = mean(p_values), mean(r_values)
        return cls(precision, recall, f1(precision, recall), len(p_values), len(r_values))

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
            "n_precision": self.n_precision,
            "n_recall": self.n_recall,
        }


@attrs.frozen
class Accuracy:
    """``correct`` out of ``total``; the value is 0 when ``total`` is 0."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"value": _round(self.value), "correct": self.correct, "total": self.total}
