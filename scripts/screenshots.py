"""The README's screenshots: the article view of a seed article and the report over the newsroom set.

    for f in benchmarks/data/newsroom/*.txt; do \\
        python -c 'import json, sys; print(json.dumps({"text": open(sys.argv[1]).read()}))' "$f"
    done > /tmp/news.jsonl
    OMP_NUM_THREADS=1 python -m quotable --jsonl --model embedded /tmp/news.jsonl -o /tmp/news.results.jsonl
    python scripts/screenshots.py --results /tmp/news.results.jsonl

Writes ``docs/view-seed.png`` (``quotable html`` of seeds/000_4dbd1b156968bcc1.txt with the
embedded model) and ``docs/report-newsroom.png`` (``quotable report`` of the results), each taken
by headless Chromium at 1200×1600.  Both are made from articles in this repository (the
seeds and the newsroom set written for quotable), so no licensed corpus shows in them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from quotable.cli import main as quotable

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4dbd1b156968bcc1.txt"


def screenshot(browser: str, page: Path, png: Path) -> None:
    """``page`` as Chromium draws it in a 1200×1600 window, saved as ``png``."""
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
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            "--window-size=1200,1600",
            page.as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=180)
    print(f"wrote {png}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--results",
        type=Path,
        required=True,
        help="quotable --jsonl output over the newsroom set (benchmarks/data/newsroom)",
    )
    parser.add_argument(
        "--chromium", default=shutil.which("chromium") or "chromium", help="the browser binary"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="where the PNGs go (default docs/)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        view, report = Path(work) / "view.html", Path(work) / "report.html"
        title = ["--title", "Seed article 000 (quotable html, embedded model)"]
        if quotable(["html", "--model", "embedded", *title, str(SEED), "-o", str(view)]) != 0:
            return 1
        title = ["--title", "The newsroom set (40 articles written for quotable): quotable report"]
        if quotable(["report", str(args.results), *title, "-o", str(report)]) != 0:
            return 1
        screenshot(args.chromium, view, args.out / "view-seed.png")
        screenshot(args.chromium, report, args.out / "report-newsroom.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
