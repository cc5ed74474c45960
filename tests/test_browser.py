"""The article view in a real browser: headless Chromium renders the pages, the tests read its DOM.

Chromium (``--dump-dom``) loads the page from a file, runs whatever the page would
run, and prints the DOM as it then is.  The seed articles (attributed by the
embedded model) must come out with every gold quote highlighted in its speaker's
class and the legend's counts matching the result; a hostile article must come out
as text, its script never run, even with the page's Content-Security-Policy taken
out (so that escaping, not the policy, is what is tested).

Needs ``chromium`` (Debian: ``apt-get install chromium``; another binary via
``QUOTABLE_CHROMIUM``).  Where none is installed the tests are skipped, unless
``QUOTABLE_REQUIRE_BROWSER`` is set (as ``.ci/run`` does), which makes that a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from htmltree import Element, parse
from test_view import HOSTILE

from quotable import Attributor, QuoteType
from quotable.model import Attribution
from quotable.view import CSP, render_articles, speaker_labels

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD: list[dict[str, Any]] = [
    json.loads(line) for line in (SEEDS / "seeds.gold.jsonl").read_text(encoding="utf-8").splitlines()
]
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@pytest.fixture(scope="module")
def browser() -> str:
    found = os.environ.get("QUOTABLE_CHROMIUM") or next(filter(None, map(shutil.which, NAMES)), None)
    if found is None:
        reason = (
            "headless Chromium is not installed (Debian: apt-get install chromium; or set QUOTABLE_CHROMIUM)"
        )
        if os.environ.get("QUOTABLE_REQUIRE_BROWSER"):
            pytest.fail(f"QUOTABLE_REQUIRE_BROWSER is set but {reason}")
        pytest.skip(reason)
    return found


def dump_dom(browser: str, html: str, directory: Path) -> Element:
    """The DOM Chromium has built from ``html`` once the page has loaded and run."""
    page = directory / "page.html"
    page.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "</html>" in done.stdout, done.stderr[-3000:]
    return parse(done.stdout)


def hostile_ran(dom: Element) -> list[str]:
    """The traces the hostile article's script and image handler would leave."""
    traces = [f"#{e.attrs['id']}" for e in dom.iter() if e.attrs.get("id", "").startswith("pwned")]
    traces += [f"<{e.tag}>" for e in dom.iter() if e.tag in ("script", "img", "iframe", "object")]
    traces += [f"title {t.text()!r}" for t in dom.find_all("title") if "pwned" in t.text()]
    return traces


def matching(result: Attribution, gold: dict[str, Any]) -> int:
    """The index of the quote of ``result`` that stands for the gold quote (as in tests/test_seeds.py)."""
    direct = gold["kind"] in ("direct", "partial")
    candidates = [i for i, q in enumerate(result.quotes) if (q.type is QuoteType.DIRECT) == direct]
    if direct:
        exact = [
            i
            for i in candidates
            if (result.quotes[i].content[0].start, result.quotes[i].content[-1].end)
            == (gold["start"], gold["end"])
        ]
        assert exact, f"no direct quote at {gold['start']}–{gold['end']}: {gold['text'][:60]!r}"
        return exact[0]

    def overlap(i: int) -> int:
        return sum(
            max(0, min(s.end, gold["end"]) - max(s.start, gold["start"])) for s in result.quotes[i].spans
        )

    best = max(candidates, key=overlap)
    assert overlap(best) > 0, f"no reported speech over {gold['text'][:60]!r}"
    return best


def speaker_class(element: Element) -> str:
    (cls,) = [c for c in element.classes if c[0] == "s" and c[1:].isdigit()]
    return cls


@pytest.mark.model
def test_the_seed_articles_in_a_browser(browser: str, model_attributor: Attributor, tmp_path: Path) -> None:
    results = [model_attributor.attribute(g["text"]) for g in GOLD]
    hostile = Attributor(model=None).attribute(HOSTILE)
    articles = [(g["id"], g["text"], r) for g, r in zip(GOLD, results, strict=True)]
    dom = dump_dom(browser, render_articles([*articles, ("hostile", HOSTILE, hostile)]), tmp_path)
    sections = dom.find_all("section")
    assert [s.find_all("h2")[0].text() for s in sections] == [*(g["id"] for g in GOLD), "hostile"]
    problems = []
    for gold, result, section in zip(GOLD, results, sections, strict=False):
        (body,) = section.find_all(cls="text")
        assert body.text() == gold["text"]
        legend = {li.attrs["data-speaker"]: li for li in section.find_all("li") if "data-speaker" in li.attrs}
        groups: dict[int, list[Element]] = defaultdict(list)
        for piece in body.find_all(cls="q"):
            groups[int(piece.attrs["data-q"])].append(piece)
        # the legend counts what the result holds, and what the page shows
        expected = Counter(label or "" for label in speaker_labels(result))
        assert {name: int(li.attrs["data-count"]) for name, li in legend.items()} == expected
        shown = Counter(speaker_class(pieces[0]) for pieces in groups.values())
        assert {li.attrs["class"]: int(li.attrs["data-count"]) for li in legend.values()} == shown
        for quote in gold["quotes"]:
            i = matching(result, quote)
            pieces = groups[i]
            names = {quote["speaker"], *quote["speaker_aliases"]}
            owners = {name for name, li in legend.items() if li.attrs["class"] == speaker_class(pieces[0])}
            where = f"{gold['id']} {quote['text'][:40]!r}"
            if "".join(p.text() for p in pieces) != "".join(
                s.of(gold["text"]) for s in result.quotes[i].spans
            ):
                problems.append(f"{where}: highlighted text differs from the quote")
            if not owners & names:
                problems.append(f"{where}: highlighted as {owners}, expected {quote['speaker']}")
            style = "qi" if quote["kind"] == "indirect" else "qd"
            if style not in pieces[0].classes:
                problems.append(f"{where}: not styled {style}")
    assert problems == []
    (body,) = sections[-1].find_all(cls="text")
    assert body.text() == HOSTILE
    assert hostile_ran(dom) == []


def test_escaping_alone_keeps_a_hostile_article_from_running(browser: str, tmp_path: Path) -> None:
    result = Attributor(model=None).attribute(HOSTILE)
    assert result.quotes  # the hostile markup sits inside a highlighted quote
    html = str(render_articles([("hostile", HOSTILE, result)]))
    without_policy = html.replace(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">', "")
    assert without_policy != html
    dom = dump_dom(browser, without_policy, tmp_path)
    assert hostile_ran(dom) == []
    assert dom.find_all(cls="text")[0].text() == HOSTILE
    # the check can fail: the same text pasted in unescaped does run, in this same browser
    control = dump_dom(
        browser, f"<!DOCTYPE html><html><head><title>t</title></head><body>{HOSTILE}</body></html>", tmp_path
    )
    assert "#pwned" in hostile_ran(control)
