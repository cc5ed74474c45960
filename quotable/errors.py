"""quotable's exceptions.

Each subclasses the built-in exception a caller would expect, so existing
``except`` clauses keep working::

    QuotableError (Exception)
    ├── ModelNotFoundError (QuotableError, FileNotFoundError)
    │       a requested parser model is not installed; the message names the command
    ├── ModelLoadError (QuotableError, RuntimeError)
    │       model files exist but Stanza cannot load them (version mismatch, corrupt file)
    ├── ModelDownloadError (QuotableError, ConnectionError)
    │       ``quotable download`` could not fetch the official models (no network)
    ├── LexiconError (QuotableError, ValueError)
    │       a data file (lexicon, agency list, quote-mark pairs) is malformed
    ├── InputTooLargeError (QuotableError, ValueError)
    │       a text is longer than ``Attributor.max_chars``; split it into chunks
    └── WorkerError (QuotableError, RuntimeError)
            a worker process of ``attribute_many(workers=N)`` could not start

Messy text is never an error: quotable returns what it can find.  Errors are for
misuse (a non-``str`` input raises the built-in ``TypeError``) and for a broken
installation.
"""

from __future__ import annotations


class QuotableError(Exception):
    """Base class of every error quotable raises on purpose."""


class ModelNotFoundError(QuotableError, FileNotFoundError):
    """The requested parser model is not installed."""


class ModelLoadError(QuotableError, RuntimeError):
    """The model files exist but could not be loaded."""


class ModelDownloadError(QuotableError, ConnectionError):
    """The official Stanza models could not be downloaded (no network, or a server error)."""


class LexiconError(QuotableError, ValueError):
    """A bundled or user-supplied data file is malformed."""


class InputTooLargeError(QuotableError, ValueError):
    """The text exceeds the configured size limit."""


class WorkerError(QuotableError, RuntimeError):
    """A worker process for ``attribute_many(workers=N)`` could not start."""


def one_line(error: BaseException, limit: int = 300) -> str:
    """``error``'s message on one line, at most ``limit`` characters (for error messages of our own)."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
