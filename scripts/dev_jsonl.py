"""Write WikiNews corpus articles as quotable's JSON Lines input, one ``{"id", "date", "text"}`` a line.

    python scripts/dev_jsonl.py /work/shared/data/wikinews-quotes/dev > dev.jsonl
    OMP_NUM_THREADS=1 python -m quotable --jsonl dev.jsonl -o dev.results.jsonl
    python -m quotable report dev.results.jsonl -o report.html

The corpus names each document ``<number> - <headline> (<YYYY-MM-DD>)``: the number becomes
``id``, the date ``date`` (both pass through ``quotable --jsonl`` as ``meta``).  The output
holds corpus text (CC BY-NC-SA): keep it out of the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

_NAME = re.compile(r"^(?P<id>\d+)\s*-\s*.*?(?:\((?P<date>\d{4}-\d{2}-\d{2})\))?\s*$")


def record(path: Path) -> dict[str, str]:
    """The JSON Lines record of one corpus file: ``id``, ``date`` when the name has one, ``text``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    name = str(data.get("documentName") or path.stem)
    match = _NAME.match(name)
    out = {"id": match.group("id") if match else name}
    if match and match.group("date"):
        out["date"] = match.group("date")
    out["text"] = str(data["originalText"])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="a directory of corpus .json files (e.g. the dev split)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files (by name)")
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.glob("*.json"))[: args.limit]
    if not paths:
        print(f"dev_jsonl: no .json files in {args.corpus}", file=sys.stderr)
        return 1
    for path in paths:
        sys.stdout.write(json.dumps(record(path), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
