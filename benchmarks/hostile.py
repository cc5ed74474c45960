"""Cost of the hostile inputs that once exhausted memory, against normal news of the same size.

    OMP_NUM_THREADS=1 python benchmarks/hostile.py [--model embedded] [--cases NAME,...]

Each case runs in a fresh process (so that its peak memory is its own), attributes
one warm-up sentence, then the input, and reports CPU seconds, microseconds per
character, the ratio to normal news text of about the same length (the seed
articles repeated) and the process's peak resident memory.  The cases are the
reproducers of the issue that bounded the parser's cost: one "sentence" of a
thousand commas, a cue word repeated 34,000 times, a kilobyte of punctuation,
200 nested quotation marks.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "commas": '"Er sagte: „" + "ja, " * 1000 + "das ist so.“"',
    "repeated cue": '"sagte " * 34000',
    "punctuation": '"!?.,;:-" * 150',
    "nested marks": '"Er sagte: " + "„" * 200 + "Nein" + "“" * 200',
    "nested mixed": '"Er sagte: " + "„‚»›«‹" * 35 + "Nein" + "‹«›»‘“" * 35',
}

_CHILD = """
import json, resource, sys, time
from pathlib import Path
import quotable
attributor = quotable.Attributor(sys.argv[1], min_confidence=0.0)
attributor.attribute("„Das Modell lädt“, sagte sie.")
case = sys.argv[2]
if case == "normal":
    seeds = "\\n".join(p.read_text(encoding="utf-8") for p in sorted(Path("seeds").glob("*.txt")))
    text = (seeds * 100)[: int(sys.argv[3])]
else:
    text = eval(sys.argv[3])
started = time.process_time()
result = attributor.attribute(text)
cpu = time.process_time() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"chars": len(text), "cpu": cpu, "peak": peak, "quotes": len(result.quotes)}))
"""


def run(model: str, case: str, argument: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, model, case, argument],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--model", default="embedded")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated, of: " + ", ".join(CASES))
    args = parser.parse_args(argv)
    print(f"{'case':<14} {'chars':>8} {'CPU s':>7} {'µs/char':>8} {'× news':>7} {'peak MB':>8}")
    for name in args.cases.split(","):
        hostile = run(args.model, name, CASES[name])
        normal = run(args.model, "normal", str(int(hostile["chars"])))
        per_char = hostile["cpu"] / hostile["chars"] * 1e6
        news = normal["cpu"] / normal["chars"] * 1e6
        print(
            f"{name:<14} {int(hostile['chars']):>8,} {hostile['cpu']:>7.1f} {per_char:>8.0f} "
            f"{per_char / news:>7.2f} {hostile['peak']:>8.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
