"""The system under test, as the evaluation and the export see it: an
:class:`~quotable.attributor.Attributor` or any function from text to
:class:`~quotable.model.Attribution`, loaded on first use and run over many texts.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol, TypeAlias, cast, runtime_checkable

from quotable.model import Attribution


@runtime_checkable
class BatchAttributor(Protocol):
    """What the harness needs of :class:`quotable.attributor.Attributor`."""

    def attribute_many(self, texts: Iterable[str]) -> Iterator[Attribution]: ...


System: TypeAlias = BatchAttributor | Callable[[str], Attribution]
"""A system to evaluate or export: an Attributor, or any function from text to Attribution."""


def load_attributor(model: str | None = None, min_confidence: float | None = None) -> BatchAttributor:
    """An :class:`~quotable.attributor.Attributor` for ``model`` (``"none"``: no parser),
    keeping quotes from ``min_confidence`` up (the Attributor's default when None).

    Imported on first use so that reading and scoring never load Stanza; raises
    ``ImportError`` with a clear message while the Attributor is not available.
    """
    try:
        module = importlib.import_module("quotable.attributor")
    except ImportError as error:
        raise ImportError(
            f"the system under test is not available: cannot import quotable.attributor ({error})"
        ) from error
    attributor = getattr(module, "Attributor", None)
    if attributor is None:
        raise ImportError("the system under test is not available: quotable.attributor has no Attributor yet")
    options: dict[str, object] = {}
    if model is not None:
        options["model"] = None if model.casefold() == "none" else model
    if min_confidence is not None:
        options["min_confidence"] = min_confidence
    return cast(BatchAttributor, attributor(**options))


def predict(system: System, texts: Sequence[str]) -> list[Attribution]:
    """``system``'s result for each of ``texts``, in order."""
    if isinstance(system, BatchAttributor):
        results = list(system.attribute_many(texts))
    else:
        results = [system(t) for t in texts]
    if len(results) != len(texts):
        raise RuntimeError(f"the system returned {len(results)} results for {len(texts)} texts")
    for r in results:
        if not isinstance(r, Attribution):
            raise TypeError(f"the system returned a {type(r).__name__}, not an Attribution")
    return results
