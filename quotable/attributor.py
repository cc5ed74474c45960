"""The Attributor: the one place to read to understand quotable's pipeline.

    text ──► normalize ──► view ──► marks.find_quotes ──────────┐
                                ├─► agencies.find_agencies ─────┤
                                └─► parsing.Parser.parse ───────┴─► speakers.find
                                    (only sentences that may        │  (quotes, speaker mentions)
                                     hold speech are fully parsed)  ▼
                                                     coref.resolve (entities.collect:
                                                     the article's entities; each
                                                     mention resolved to one)
                                                                    ▼
                                                     media.with_default_media (a person's
                                                     open-medium quote is speech)
                                                                    ▼
                        normalize.restore (offsets into the caller's text) ──► Attribution

The view folds line breaks, Unicode normalisation, markup and invisible
characters (:mod:`quotable.normalize`), so the same article gives the same
answer however it is encoded; every offset of the result points into the
caller's own string.  Each stage is a pure function of its inputs, importable and testable alone;
only :mod:`quotable.parsing` touches Stanza, and it loads its model lazily, on
the first text that needs it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal, overload

from quotable import agencies as agency_stage
from quotable import batches, marks
from quotable.batches import Failure
from quotable.errors import InputTooLargeError
from quotable.mark_kinds import MarkKind
from quotable.model import Attribution, Entity, Quote, QuoteType
from quotable.normalize import normalize, restore

DEFAULT_MAX_CHARS = 2_000_000
"""About 300 pages of news text; longer input should be split (by article or paragraph)."""

_SPEECH_CONFIDENCE = {
    MarkKind.SPEECH: 0.6,
    MarkKind.FRAGMENT: 0.3,
}


def check_text(text: object, max_chars: int) -> str:
    """``text`` itself if it is a ``str`` quotable can take, else a clear error."""
    if not isinstance(text, str):
        hint = (
            " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        )
        raise TypeError(f"quotable needs the text as a str, not {type(text).__name__}{hint}")
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"text has {len(text):,} characters, more than max_chars={max_chars:,}; "
            "split it into articles or paragraphs, or raise Attributor(max_chars=...)"
        )
    return text


class Attributor:
    """Finds quotations, their speakers and the agencies that relayed them.

    ``model`` chooses the parser: ``"auto"`` (the official Stanza German models if
    installed, else the embedded one), ``"embedded"``, ``"stanza"``, a directory
    with model files, or ``None`` for no parser at all (direct quotes and agencies
    only, no speakers, no reported speech).  Construction is cheap and never
    touches the network; the model is loaded on first use.  One Attributor may
    be shared by several threads.

    ``min_confidence`` drops quotes quotable is less sure of (0 keeps everything).
    ``max_chars`` is the longest text accepted (longer ones raise
    :class:`~quotable.errors.InputTooLargeError`).  ``threads`` sets how many CPU
    threads the parser uses (torch's setting, which holds for the whole process):
    ``None`` leaves torch's default (one per core); use 1 when several processes
    share the machine (``attribute_many(workers=...)`` does so in its workers), which
    keeps the thread pools from fighting over the cores.
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | None = "auto",
        *,
        min_confidence: float = 0.5,
        max_chars: int = DEFAULT_MAX_CHARS,
        threads: int | None = None,
    ) -> None:
        if (
            isinstance(min_confidence, bool)
            or not isinstance(min_confidence, (int, float))
            or not 0.0 <= min_confidence <= 1.0
        ):
            raise ValueError(f"min_confidence must be a number between 0 and 1, got {min_confidence!r}")
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
            raise ValueError(f"max_chars must be a positive whole number, got {max_chars!r}")
        if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
            raise ValueError(f"threads must be a positive whole number or None, got {threads!r}")
        self.min_confidence = float(min_confidence)
        self.max_chars = max_chars
        self.threads = threads
        self._model_arg = model
        self._parser: Any = None
        if model is not None:
            from quotable.parsing import Parser

            self._parser = Parser(model, threads=threads)

    @property
    def model(self) -> str | None:
        """The parser model in use, as reported on every result (``None``: no parser)."""
        return None if self._parser is None else str(self._parser.name)

    def __repr__(self) -> str:
        return f"Attributor(model={self._model_arg!r}, min_confidence={self.min_confidence})"

    def __getstate__(self) -> dict[str, Any]:
        # a loaded Stanza pipeline does not pickle; a copy loads its own on first use
        return {
            "model": self._model_arg,
            "min_confidence": self.min_confidence,
            "max_chars": self.max_chars,
            "threads": self.threads,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["model"],
            min_confidence=state["min_confidence"],
            max_chars=state["max_chars"],
            threads=state.get("threads"),
        )

    # ------------------------------------------------------------ public API
    def attribute(self, text: str) -> Attribution:
        """Every quotation in ``text`` with its speaker, and every agency mention."""
        return next(iter(self._run([check_text(text, self.max_chars)])))

    @overload
    def attribute_many(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 16,
        workers: int | None = None,
        errors: Literal["raise"] = "raise",
    ) -> Iterator[Attribution]: ...
    @overload
    def attribute_many(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 16,
        workers: int | None = None,
        errors: Literal["return"],
    ) -> Iterator[Attribution | Failure]: ...
    def attribute_many(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 16,
        workers: int | None = None,
        errors: Literal["raise", "return"] = "raise",
    ) -> Iterator[Attribution] | Iterator[Attribution | Failure]:
        """Results for many texts, in input order, read lazily (memory stays bounded).

        Texts are parsed in batches of ``batch_size``.  With ``workers`` > 1 the
        batches go to that many worker processes, each of which loads its own
        model once; the results are identical to a serial run.  A document that
        fails (not a ``str``, over ``max_chars``, or an unexpected error) raises
        its exception when its turn comes with ``errors="raise"``; with
        ``errors="return"`` it is a :class:`~quotable.batches.Failure` in its
        slot and the run goes on.  Errors of the installation (a missing model)
        always raise.  See :mod:`quotable.batches`.
        """
        if isinstance(texts, (str, bytes, bytearray)):
            raise TypeError(
                f"attribute_many needs an iterable of texts, not one {type(texts).__name__}: "
                "use attribute(text) for a single text, or wrap it in a list"
            )
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive whole number, got {batch_size!r}")
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be positive, got {workers}")
        if errors not in ("raise", "return"):
            raise ValueError(f"errors must be 'raise' or 'return', got {errors!r}")
        return batches.attribute_many(
            self, texts, batch_size=batch_size, workers=workers or 1, raise_errors=errors == "raise"
        )

    # ------------------------------------------------------------ pipeline
    def _run(self, originals: Sequence[str]) -> list[Attribution]:
        views = [normalize(t) for t in originals]
        texts = [v.text for v in views]
        marked = [marks.find_quotes(t) for t in texts]
        found_agencies = [agency_stage.find_agencies(t) for t in texts]
        found: list[tuple[tuple[Quote, ...], tuple[Entity, ...]]]
        if self._parser is None:
            found = [(_direct_quotes(t, m), ()) for t, m in zip(texts, marked, strict=True)]
        else:
            from quotable import coref, media, speakers
            from quotable.document import Document

            parses = self._parser.parse_many(texts, select=speakers.needs_parse)
            found = []
            for t, m, p, a in zip(texts, marked, parses, found_agencies, strict=True):
                doc = Document.build(t, p, m)
                quotes, entities = coref.resolve(doc, speakers.find(doc, a), a)
                quotes = media.with_default_media(quotes, entities)
                found.append((tuple(sorted(quotes, key=_quote_order)), entities))
        return [
            restore(
                Attribution(
                    quotes=tuple(q for q in quotes if q.confidence >= self.min_confidence),
                    agencies=a,
                    model=self.model,
                    entities=entities,
                ),
                view,
            )
            for (quotes, entities), a, view in zip(found, found_agencies, views, strict=True)
        ]


def _quote_order(quote: Quote) -> tuple[int, int, bool]:
    return (quote.start, -quote.end, quote.nested)


def _direct_quotes(text: str, marked: Sequence[marks.MarkedQuote]) -> tuple[Quote, ...]:
    """Direct quotes from quotation marks alone (no parser): titles dropped, no speakers."""
    quotes = []
    for m in marked:
        if m.depth > 0 or m.kind is MarkKind.TITLE:
            continue
        confidence = _SPEECH_CONFIDENCE[m.kind] * (1.0 if m.closed else 0.7)
        quotes.append(
            Quote(
                type=QuoteType.DIRECT,
                spans=m.spans,
                content=m.content,
                text=m.text,
                confidence=confidence,
                rule=f"marks.{m.kind.value}",
            )
        )
    return tuple(quotes)


_default: Attributor | None = None
_default_lock = threading.Lock()


def default_attributor() -> Attributor:
    """The shared Attributor behind :func:`quotable.attribute`, built on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Attributor()
        return _default


def attribute(text: str) -> Attribution:
    """Every quotation in ``text`` with its speaker, and every agency mention.

    Uses a shared default :class:`Attributor` (model ``"auto"``); build your own
    for other settings or for batches.
    """
    return default_attributor().attribute(text)
