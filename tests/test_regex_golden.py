"""The regex stages give exactly what they gave when ``tests/golden/regex_stages.jsonl`` was written.

The golden file holds :func:`quotable.marks.find_quotes` and
:func:`quotable.agencies.find_agencies` of the two seed articles and of the
synthetic texts of :mod:`regex_texts`, one JSON line per text (see
``tests/golden/README.md``).  It was written before the regex stages were made
faster, and speed work must leave it unchanged.  A deliberate change of results
rewrites it (then review the diff):

    QUOTABLE_WRITE_GOLDEN=1 python -m pytest tests/test_regex_golden.py
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
import regex_texts

from quotable import agencies, marks

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "regex_stages.jsonl"


def inputs() -> list[tuple[str, str]]:
    """``(name, text)`` of every text in the golden file, in its order."""
    seeds = [
        (f"seed:{p.name}", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    return seeds + [(f"synthetic:{i}", t) for i, t in enumerate(regex_texts.texts())]


def record(name: str, text: str) -> dict[str, Any]:
    quotes = [
        [
            [s.to_list() for s in q.spans],
            [s.to_list() for s in q.content],
            q.text,
            q.style,
            q.depth,
            q.closed,
            q.kind.value,
        ]
        for q in marks.find_quotes(text)
    ]
    found = [a.to_dict() for a in agencies.find_agencies(text)]
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return {"text": name, "sha256": digest, "quotes": quotes, "agencies": found}


def test_the_regex_stages_give_the_golden_results() -> None:
    current = [record(name, text) for name, text in inputs()]
    if os.environ.get("QUOTABLE_WRITE_GOLDEN") == "1":
        GOLDEN.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in current), encoding="utf-8"
        )
        pytest.skip(f"wrote {GOLDEN}")
    golden = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert [(g["text"], g["sha256"]) for g in golden] == [(c["text"], c["sha256"]) for c in current], (
        "the texts changed (seeds or tests/regex_texts.py): the golden file no longer fits them"
    )
    for want, got in zip(golden, current, strict=True):
        assert got == want, want["text"]


def test_the_synthetic_texts_hold_what_the_stages_look_for() -> None:
    golden = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    roles = {a["role"] for g in golden for a in g["agencies"]}
    kinds = {q[6] for g in golden for q in g["quotes"]}
    styles = {q[3] for g in golden for q in g["quotes"]}
    assert roles == {"credit", "dateline", "via", "mention"}
    assert kinds == {"speech", "fragment", "title"}
    assert len(styles) >= 5
    assert any(len(q[0]) > 1 for g in golden for q in g["quotes"])  # a quote over paragraphs
    assert any(not q[5] for g in golden for q in g["quotes"])  # an unclosed one
    assert any(q[4] > 0 for g in golden for q in g["quotes"])  # a nested one
