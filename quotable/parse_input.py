"""Our tokens as the sentences Stanza's tagger and parser read.

:mod:`quotable.tokenizer` finds tokens and sentences; :mod:`quotable.parsing`
hands them to Stanza as its own tokenizer would: one entry per token with its
offsets, a contraction as a range entry followed by its words (*im* → *in*,
*dem*), and a sentence longer than the parser's limit cut into windows.  Pure:
rows in, plain dicts and slices out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quotable import tokenizer

SAFE_CUTS = frozenset(',;:.!?–—-)]"“”„»«')
"""Tokens after which a window may end (preferred to cutting between two words)."""

Row = tuple[tokenizer.Token, "list[str] | None"]
"""A token and, for a contraction, the words it stands for."""


def entries(text: str, rows: Sequence[Row]) -> list[dict[str, Any]]:
    """One sentence as Stanza's tokenizer hands it on: a token entry with its offsets, and for
    a contraction a range entry followed by one entry per word."""
    entries: list[dict[str, Any]] = []
    index = 1
    for token, words in rows:
        where = {"text": text[token.start : token.end], "start_char": token.start, "end_char": token.end}
        if words and len(words) > 1:
            last = index + len(words) - 1
            entries.append({"id": (index, last), **where})
            entries += [{"id": (index + k,), "text": word} for k, word in enumerate(words)]
            index = last + 1
        else:
            entries.append({"id": (index,), **where})
            index += 1
    return entries


def windows(text: str, rows: Sequence[Row], limit: int) -> list[Sequence[Row]]:
    """``rows`` cut into windows of at most ``limit`` words, after punctuation where the
    second half of a window has some."""
    windows: list[Sequence[Row]] = []
    first = 0
    words = 0
    cut_after: int | None = None
    for i, (token, expansion) in enumerate(rows):
        words += len(expansion) if expansion else 1
        form = text[token.start : token.end]
        if form in SAFE_CUTS or form[-1:] in SAFE_CUTS:
            cut_after = i
        if words >= limit:
            last = cut_after if cut_after is not None and cut_after - first >= limit // 2 else i
            if words > limit and last == i:
                last = i - 1  # this token's words would overflow the window: it opens the next one
            last = max(last, first)
            windows.append(rows[first : last + 1])
            first = last + 1
            words = sum(len(e) if e else 1 for _, e in rows[first : i + 1])
            cut_after = None
    if first < len(rows):
        windows.append(rows[first:])
    return windows
