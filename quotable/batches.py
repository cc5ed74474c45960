"""Many documents at once: batches, and the documents that fail.

:meth:`quotable.Attributor.attribute_many` hands its work here.  Texts go in
batches of ``batch_size`` (Stanza parses a batch together, which is faster).
A document that cannot be processed becomes a :class:`Failure` in its slot of
the results; its batch-mates are then attributed one by one, so that nothing
else is lost.  Results always come back in input order.

With ``workers`` > 1 the batches go to that many worker processes
(:mod:`quotable.workers`).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import traceback
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

import attrs

from quotable.errors import InputTooLargeError, QuotableError
from quotable.model import SCHEMA, Attribution

if TYPE_CHECKING:
    from quotable.attributor import Attributor

logger = logging.getLogger(__name__)


@attrs.frozen
class Failure:
    """A document quotable could not process, in its slot of :meth:`~quotable.Attributor.attribute_many`.

    ``error_type`` is the exception's class name (``InputTooLargeError``,
    ``TypeError``, or the name of an unexpected error), ``message`` its message.
    ``exception`` is the exception itself where it could be carried back from
    a worker process; ``traceback`` says where it was raised.  Two failures are
    equal when their type and message are.
    """

    error_type: str
    message: str
    traceback: str = attrs.field(default="", repr=False, eq=False)
    exception: BaseException | None = attrs.field(default=None, repr=False, eq=False)

    @classmethod
    def of(cls, error: BaseException) -> Failure:
        return cls(type(error).__name__, str(error), "".join(traceback.format_exception(error)), error)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (schema ``quotable/1``): ``{"schema": …, "error": {"type": …, "message": …}}``."""
        return {"schema": SCHEMA, "error": {"type": self.error_type, "message": self.message}}

    def reraise(self) -> NoReturn:
        """Raise the exception behind this failure again (a ``RuntimeError`` if it was not carried back)."""
        error = self.exception or RuntimeError(f"{self.error_type}: {self.message}")
        if error.__traceback__ is None and self.traceback:
            raise error from _WorkerTraceback(self.traceback)
        raise error


class _WorkerTraceback(Exception):
    """Where a worker process raised the exception: shown as the cause of the one raised again."""


Item: TypeAlias = "str | Failure"
"""A text on its way to be attributed, or the failure it already is (not a ``str``, too long)."""
Result: TypeAlias = "Attribution | Failure"


def _fatal(error: BaseException) -> bool:
    """Whether ``error`` is about the installation, not the document: it stops the whole run."""
    return isinstance(error, QuotableError) and not isinstance(error, InputTooLargeError)


# ------------------------------------------------------------------ in this process
def attribute_many(
    attributor: Attributor, texts: Iterable[object], *, batch_size: int, workers: int, raise_errors: bool
) -> Iterator[Result]:
    """The results for ``texts`` in order (see the module docstring)."""
    from quotable.attributor import check_text
    from quotable.workers import Workers  # which builds on this module

    def checked(text: object) -> Item:
        try:
            return check_text(text, attributor.max_chars)
        except (TypeError, InputTooLargeError) as error:
            return Failure.of(error)

    batches = _batched(map(checked, texts), batch_size)
    with contextlib.ExitStack() as stack:
        if workers > 1:
            results: Iterator[Result] = stack.enter_context(Workers(attributor, workers)).map(batches)
        else:
            results = itertools.chain.from_iterable(run_batch(attributor, b) for b in batches)
        for result in results:
            if raise_errors and isinstance(result, Failure):
                result.reraise()
            yield result


def run_batch(attributor: Attributor, items: Sequence[Item]) -> list[Result]:
    """One result per item: texts attributed together, one by one when one of them fails."""
    texts = [item for item in items if isinstance(item, str)]
    done: list[Result]
    try:
        done = list(attributor._run(texts)) if texts else []
    except Exception as error:
        if _fatal(error) or len(texts) == 1:
            done = [_failure(error)]
        else:
            logger.debug("a batch of %d texts failed (%r); attributing them one by one", len(texts), error)
            done = [_run_one(attributor, text) for text in texts]
    results = iter(done)
    return [next(results) if isinstance(item, str) else item for item in items]


def _run_one(attributor: Attributor, text: str) -> Result:
    try:
        return attributor._run([text])[0]
    except Exception as error:
        return _failure(error)


def _failure(error: Exception) -> Failure:
    if _fatal(error):
        raise error
    logger.debug("a document failed", exc_info=error)
    return Failure.of(error)


def _batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """``items`` in lists of ``size``.  When reading ``items`` raises (a failing reader),
    the texts before it are still yielded, then the error is raised."""
    batch: list[Item] = []
    try:
        for item in items:
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch = []
    except Exception:
        if batch:
            yield batch
        raise
    if batch:
        yield batch
