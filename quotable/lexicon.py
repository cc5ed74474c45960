"""Reading the reviewed data files in ``quotable/data``.

Every data file is UTF-8 text: one entry a line, columns separated by tabs,
``#`` starts a comment (whole line or after the entries), blank lines are
ignored.  Each file begins with a header comment that says what it lists and
why.  Files are read once per process (``functools.cache``) and validated on
reading: a malformed line raises :class:`~quotable.errors.LexiconError` naming
the file and line.
"""

from __future__ import annotations

import functools
from importlib import resources

from quotable.errors import LexiconError

Row = tuple[str, ...]


def _rows(name: str, content: str, min_columns: int, max_columns: int) -> tuple[Row, ...]:
    rows: list[Row] = []
    for number, raw in enumerate(content.splitlines(), start=1):
        line = raw.split(" #", 1)[0].split("\t#", 1)[0] if not raw.startswith("#") else ""
        if not line.strip():
            continue
        columns = tuple(c.strip() for c in line.rstrip("\n").split("\t"))
        while len(columns) > min_columns and columns[-1] == "":
            columns = columns[:-1]
        if not min_columns <= len(columns) <= max_columns or any(c == "" for c in columns[:min_columns]):
            raise LexiconError(
                f"{name}, line {number}: expected {min_columns}"
                f"{'' if min_columns == max_columns else f' to {max_columns}'} tab-separated columns,"
                f" got {len(columns)}: {raw!r}"
            )
        rows.append(columns)
    return tuple(rows)


@functools.cache
def table(name: str, min_columns: int = 1, max_columns: int | None = None) -> tuple[Row, ...]:
    """The rows of the bundled data file ``name`` (e.g. ``"agencies.tsv"``)."""
    try:
        content = resources.files("quotable.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise LexiconError(f"bundled data file {name!r} is missing: reinstall quotable") from error
    except UnicodeDecodeError as error:
        raise LexiconError(f"bundled data file {name!r} is not valid UTF-8: {error}") from error
    return _rows(name, content, min_columns, max_columns or min_columns)


def parse_table(
    name: str, content: str, min_columns: int = 1, max_columns: int | None = None
) -> tuple[Row, ...]:
    """Validate and split ``content`` as a data file called ``name`` (for user-supplied files)."""
    return _rows(name, content, min_columns, max_columns or min_columns)


def words(name: str) -> frozenset[str]:
    """The first column of a one-entry-a-line word list."""
    return frozenset(row[0] for row in table(name, 1, 8))


@functools.cache
def _suffixes(name: str) -> tuple[frozenset[str], tuple[str, ...]]:
    entries = words(name)
    return entries, tuple(sorted((e for e in entries if len(e) >= 4), key=len, reverse=True))


def compound_match(word: str, name: str) -> bool:
    """Whether ``word`` is an entry of the word list ``name`` or a compound ending in
    one of its entries of four letters or more (``Abschlussbericht`` for ``bericht``);
    case and hyphens are ignored."""
    entries, suffixes = _suffixes(name)
    lower = word.lower().replace("-", "")
    return lower in entries or lower.endswith(suffixes)
