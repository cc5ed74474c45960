"""Build ``benchmarks/data/newsroom.gold.jsonl`` from the hand-written annotation files.

Each article of the newsroom test set is two files in ``benchmarks/data/newsroom/``:
``NN_slug.txt`` (the article, UTF-8, written for this project) and ``NN_slug.ann.json``
(its annotation, written by hand with strings instead of offsets)::

    {"entities": [{"name": "Katrin Göring-Eckardt", "aliases": ["Göring-Eckardt", "die Politikerin"]}],
     "quotes": [{"kind": "direct", "text": "the quoted words, exactly", "occurrence": 1,
                 "speaker": "Katrin Göring-Eckardt", "mention": "sie", "cue": "sagte",
                 "addressee": null, "via": null}],
     "agencies": [{"name": "dpa", "role": "credit", "text": "dpa", "occurrence": 1}]}

``occurrence`` (default 1) picks the n-th place the ``text`` occurs in the article. The
gold file has the schema of ``seeds/seeds.gold.jsonl`` (``seeds/README.md``), with each
quote's ``speaker_aliases`` taken from its entity and an ``entity`` index added.

    python scripts/build_newsroom_gold.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "benchmarks" / "data" / "newsroom"
GOLD = ROOT / "benchmarks" / "data" / "newsroom.gold.jsonl"


def _locate(text: str, needle: str, occurrence: int, where: str) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            raise ValueError(f"{where}: {needle!r} does not occur {occurrence} time(s) in the article")
    return start


def build_article(path: Path, number: int) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    annotation = json.loads(path.with_suffix(".ann.json").read_text(encoding="utf-8"))
    entities = annotation.get("entities", [])
    by_name = {e["name"]: (i, e) for i, e in enumerate(entities)}
    quotes = []
    for q in annotation.get("quotes", []):
        where = f"{path.name}: quote {q['text'][:40]!r}"
        start = _locate(text, q["text"], q.get("occurrence", 1), where)
        speaker = q.get("speaker")
        if speaker is not None and speaker not in by_name:
            raise ValueError(f"{where}: speaker {speaker!r} is not among the entities")
        index, entity = by_name[speaker] if speaker is not None else (None, {})
        quotes.append(
            {
                "start": start,
                "end": start + len(q["text"]),
                "text": q["text"],
                "kind": q["kind"],
                "speaker": speaker,
                "speaker_aliases": list(entity.get("aliases", [])),
                "entity": index,
                "mention": q.get("mention"),
                "cue": q.get("cue"),
                "addressee": q.get("addressee"),
                "via": q.get("via"),
            }
        )
    agencies = []
    for a in annotation.get("agencies", []):
        start = _locate(text, a["text"], a.get("occurrence", 1), f"{path.name}: agency {a['text']!r}")
        agencies.append(
            {
                "name": a["name"],
                "role": a["role"],
                "start": start,
                "end": start + len(a["text"]),
                "text": a["text"],
            }
        )
    quotes.sort(key=lambda q: (q["start"], -q["end"]))
    agencies.sort(key=lambda a: a["start"])
    return {
        "id": f"newsroom-{number:03d}",
        "source": path.name,
        "text": text,
        "entities": entities,
        "quotes": quotes,
        "agencies": agencies,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the gold file is up to date")
    args = parser.parse_args(argv)
    lines = []
    for path in sorted(ARTICLES.glob("*.txt")):
        number = int(path.name.split("_", 1)[0])
        lines.append(json.dumps(build_article(path, number), ensure_ascii=False))
    content = "\n".join(lines) + "\n"
    if args.check:
        current = GOLD.read_text(encoding="utf-8") if GOLD.exists() else ""
        if current != content:
            print(f"{GOLD} is out of date: run python scripts/build_newsroom_gold.py", file=sys.stderr)
            return 1
        return 0
    GOLD.write_text(content, encoding="utf-8")
    print(f"wrote {len(lines)} articles to {GOLD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
