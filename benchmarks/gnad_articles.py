"""The 10kGNAD articles for the benchmarks that run quotable over them (no gold).

Read from ``../shared/data/10kgnad/articles.jsonl`` (or ``--articles PATH``), never
copied into the repository.  :func:`read` parses the options every such script takes
(``--articles``, ``--limit``, ``--model``) and returns the records, or exits with 2
and a clear message when the file is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "10kgnad" / "articles.jsonl"


def read(
    program: str, description: str | None, argv: list[str] | None
) -> tuple[argparse.Namespace, list[Any]]:
    """The parsed options and the article records (``{"id", "category", "text"}``)."""
    parser = argparse.ArgumentParser(prog=program, description=description)
    parser.add_argument("--articles", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--model", default="embedded")
    args = parser.parse_args(argv)
    if not args.articles.is_file():
        print(f"{program}: {args.articles} not found (the 10kGNAD articles of ../shared)", file=sys.stderr)
        raise SystemExit(2)
    lines = args.articles.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return args, records[: args.limit]
