"""What runs inside a worker process: the model is loaded once, then texts come in batches.

The functions here are called through a :class:`concurrent.futures.ProcessPoolExecutor`
(see :mod:`quotable.server.pool`); they take and return only plain values, and
answer with the encoded response body so the server's event loop only forwards bytes.
"""

from __future__ import annotations

import ctypes
import functools
import json
import logging
import os
import signal
from collections.abc import Callable, Sequence

from quotable.attributor import Attributor
from quotable.model import Attribution

logger = logging.getLogger(__name__)

WARM_UP_TEXT = "„Wir sind bereit“, sagte die Sprecherin. Der Minister sagte, er komme morgen."
"""Direct and reported speech, so that the parser (when there is one) is loaded and run once."""

_attributor: Attributor | None = None


def warm_up(model: str | None, max_chars: int, threads: int) -> tuple[int, str | None]:
    """Build this process's Attributor and load its model; returns (pid, model name)."""
    global _attributor
    # Ctrl-C reaches the whole process group: the server shuts its workers down itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # torch reads these when it is first imported (on loading the model): N workers
    # sharing the cores instead of each starting a thread per core; and no cache of
    # oneDNN kernels by tensor shape, which grows by megabytes with every new mix of
    # sentence lengths (up to 1,024 shapes) and buys no measurable speed here
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "0")
    attributor = Attributor(model, max_chars=max_chars)
    attributor.attribute(WARM_UP_TEXT)
    _attributor = attributor
    return os.getpid(), attributor.model


def attribute(texts: Sequence[str], min_confidence: float, html: Sequence[bool]) -> list[tuple[int, bytes]]:
    """For each text (status, body): 200 and the quotable/1 document (or the article
    page where ``html``), or 500 and a message when quotable failed on that text."""
    if _attributor is None:
        raise RuntimeError("warm_up() must run in this worker first")
    _attributor.min_confidence = min_confidence  # one batch at a time in this process
    results: list[Attribution] | None
    try:
        results = list(_attributor.attribute_many(texts, batch_size=len(texts)))
    except Exception:  # one text spoilt the batch: each on its own below, to find it
        results = None
    answers = []
    for i, text in enumerate(texts):
        try:
            result = results[i] if results is not None else _attributor.attribute(text)
            answers.append((200, encode(text, result, html[i])))
        except Exception as error:
            # the traceback goes to the log, never the text (it may be under embargo)
            logger.exception("quotable failed on a text of %d characters", len(text))
            answers.append((500, f"quotable failed on this text ({type(error).__name__})".encode()))
    _release_memory()
    return answers


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, musl)."""
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def _release_memory() -> None:
    """Give the memory freed by the last batch back to the system.

    torch allocates tensors of new sizes for every batch; glibc keeps what they
    freed in its heap (about 130 MB of a worker's 560 MB with the embedded model)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def encode(text: str, result: Attribution, html: bool) -> bytes:
    """The response body: the article page, or the quotable/1 document as UTF-8 JSON."""
    if html:
        from quotable.server.page import article_page

        return article_page(text, result).encode("utf-8", "backslashreplace")
    # a lone surrogate (sent as a \ud800 escape) has no UTF-8 form: written back as
    # that same escape the body stays valid JSON and the text unchanged
    return json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8", "backslashreplace")
