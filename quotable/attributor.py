"""The Attributor: the one place to read to understand quotable's pipeline.

    text ──► marks.find_quotes ──────────┐
         ├─► agencies.find_agencies ─────┤
         └─► parsing.Parser.parse ───────┴─► speakers.attribute ──► Attribution
             (only sentences that may hold speech are fully parsed)

Each stage is a pure function of its inputs, importable and testable alone;
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
from quotable.model import Attribution, Quote, QuoteType

DEFAULT_MAX_CHARS = 2_000_000
"""About 300 pages of news text; longer input should be split (by article or paragraph)."""

_SPEECH_CONFIDENCE = {
    marks.MarkKind.SPEECH: 0.6,
    marks.MarkKind.FRAGMENT: 0.3,
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
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | None = "auto",
        *,
        min_confidence: float = 0.5,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        if not 0.0 <= min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be between 0 and 1, got {min_confidence}")
        if max_chars < 1:
            raise ValueError(f"max_chars must be positive, got {max_chars}")
        self.min_confidence = min_confidence
        self.max_chars = max_chars
        self._model_arg = model
        self._parser: Any = None
        if model is not None:
            from quotable.parsing import Parser

            self._parser = Parser(model)

    @property
    def model(self) -> str | None:
        """The parser model in use, as reported on every result (``None``: no parser)."""
        return None if self._parser is None else str(self._parser.name)

    def __repr__(self) -> str:
        return f"Attributor(model={self._model_arg!r}, min_confidence={self.min_confidence})"

    def __getstate__(self) -> dict[str, Any]:
        # a loaded Stanza pipeline does not pickle; a copy loads its own on first use
        return {"model": self._model_arg, "min_confidence": self.min_confidence, "max_chars": self.max_chars}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["model"], min_confidence=state["min_confidence"], max_chars=state["max_chars"])  # type: ignore[misc]

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
        if batch_size < 1:
            raise ValueError(f"batch_size must be positive, got {batch_size}")
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be positive, got {workers}")
        if errors not in ("raise", "return"):
            raise ValueError(f"errors must be 'raise' or 'return', got {errors!r}")
        return batches.attribute_many(
            self, texts, batch_size=batch_size, workers=workers or 1, raise_errors=errors == "raise"
        )

    # ------------------------------------------------------------ pipeline
    def _run(self, texts: Sequence[str]) -> list[Attribution]:
        marked = [marks.find_quotes(t) for t in texts]
        found_agencies = [agency_stage.find_agencies(t) for t in texts]
        if self._parser is None:
            quotes = [_direct_quotes(t, m) for t, m in zip(texts, marked, strict=True)]
        else:
            from quotable import speakers

            parses = self._parser.parse_many(texts, select=speakers.needs_parse)
            quotes = [
                speakers.attribute(t, m, p, a)
                for t, m, p, a in zip(texts, marked, parses, found_agencies, strict=True)
            ]
        return [
            Attribution(
                quotes=tuple(q for q in qs if q.confidence >= self.min_confidence),
                agencies=a,
                model=self.model,
            )
            for qs, a in zip(quotes, found_agencies, strict=True)
        ]


def _direct_quotes(text: str, marked: Sequence[marks.MarkedQuote]) -> tuple[Quote, ...]:
    """Direct quotes from quotation marks alone (no parser): titles dropped, no speakers."""
    quotes = []
    for m in marked:
        if m.depth > 0 or m.kind is marks.MarkKind.TITLE:
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
