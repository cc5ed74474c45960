"""Fuzz one quotable stage with many generated inputs and check it never breaks.

    python scripts/fuzz.py --stage marks --inputs 1000000
    python scripts/fuzz.py --stage agencies --inputs 1000000 --seed 7
    python scripts/fuzz.py --stage attribute --model embedded --inputs 2000 --failures failures.jsonl
    python scripts/fuzz.py --stage attribute --replay failures.jsonl      # run saved inputs again
    python scripts/fuzz.py --stage attribute --model embedded --shapes hostile --inputs 20000 \
        --memory-limit 1500                     # pathological shapes under a memory and time limit

Inputs come from three generators, drawn in turn from one random stream (the
same ``--seed`` gives the same inputs): random Unicode (control characters,
lone surrogates, combining marks, emoji, Arabic and Hebrew, every line break),
German-like text built from news words, speech cues, agency strings, every
German quotation mark and paragraph breaks, and mutations of the two seed
articles in ``seeds/`` (a random slice, quote marks and line breaks inserted or
deleted, paragraphs duplicated).  Most inputs are short, so a million runs
against the pure stages in minutes.

``--shapes hostile`` draws instead the shapes that once blew up the parser or
changed the answer: long runs of commas, repeated words and cues, punctuation
only, deeply nested quotation marks, markup and character references, every
line-break style, NFD text, bidi and zero-width characters, and seed articles
re-encoded in all of these ways; one input in ten is long (1–8 KB).  With
``--memory-limit MB`` the process's address space is capped (a runaway
allocation fails instead of swapping) and any input after which the peak
resident memory exceeds the limit counts as a breach; the time limit per input
is ``--slow`` plus ``--slow-per-char`` seconds per character.

Every input is checked for: no exception, :func:`quotable.model.check_offsets`
finding nothing (plus each stage's own ordering promises), and no input taking
longer than ``--slow`` seconds; every ``--recheck``-th input is run a second
time and must give an identical result.  The script prints what it tried and
what failed, saves each failing input as a JSON line in ``--failures`` and
exits with 1 when anything failed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import signal
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from quotable import agencies, marks
from quotable.attributor import Attributor
from quotable.errors import QuotableError
from quotable.model import Attribution, Quote, QuoteType, check_offsets, json_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# ------------------------------------------------------------------ generators
QUOTE_MARKS = ("„", "“", "”", "»", "«", "‚", "‘", "’", "›", "‹", '"', "'", ",,")
BREAKS = ("\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r")
AGENCY_STRINGS = (
    "dpa",
    "AFP",
    "rtr",
    "(dpa)",
    "Berlin (dpa) -",
    "Moskau (AFP) –",
    "laut Interfax",
    "wa/fab (dpa, afp, rtr)",
    "Quelle: Reuters",
    "der Nachrichtenagentur Yonhap zufolge",
    "(dpa/AFP)",
)
CUES = ("sagte", "erklärte", "laut", "zufolge", "so", "betonte", "teilte", "mit", "sagte er", "hieß es")
WORDS = (
    "Der Kanzler",
    "die Ministerin",
    "Putin",
    "Kim Jong Un",
    "der Kremlchef",
    "Berlin",
    "Moskau",
    "Wir",
    "werden",
    "das",
    "nicht",
    "hinnehmen",
    "Beziehungen",
    "sind",
    "vertrauensvoll",
    "am Montag",
    "in Peking",
    "dass",
    "er",
    "sie",
    "geht’s",
    "Merz’",
    "'90er",
    "Das Boot",
    "sogenannte",
    "Es gibt keine Verschwörung",
)
PUNCTUATION = (".", ",", ":", ";", "!", "?", "…", " – ", " - ", "(", ")", "/")

_POOLS: tuple[str, ...] = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789äöüßÄÖÜ .,:;!?()-/",
    "„“”»«‚‘’›‹\"',",
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u00a0\u2028\u2029\u202f\u3000",
    "".join(chr(c) for c in range(32)) + "\x7f\ufeff\u200b\u200d",
    "".join(chr(c) for c in range(0xD800, 0xD810)) + "".join(chr(c) for c in range(0xDFF0, 0xE000)),
    "".join(chr(c) for c in range(0x0300, 0x0370)),
    "😀👍🏽🇩🇪\u200d👨‍👩‍👧🤝🎉",
    "قال الرئيس مرحبا بالعالم" + "אמר ראש הממשלה שלום עולם" + "\u200f\u200e\u202e\u202c",
)


def _length(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.3:
        return rng.randrange(9)
    if roll < 0.85:
        return rng.randrange(9, 41)
    return rng.randrange(41, 301)


def random_unicode(rng: random.Random) -> str:
    """A short string from one to three character pools, or from any code point at all."""
    if rng.random() < 0.15:
        return "".join(chr(rng.randrange(0x110000)) for _ in range(_length(rng)))
    alphabet = "".join(rng.sample(_POOLS, rng.randint(1, 3)))
    return "".join(rng.choices(alphabet, k=_length(rng)))


_PIECES: tuple[tuple[str, ...], ...] = (WORDS, CUES, AGENCY_STRINGS, QUOTE_MARKS, BREAKS, PUNCTUATION)
_PIECE_WEIGHTS = (40, 12, 8, 20, 8, 12)
_GAPS = ("", " ", " ", " ", "  ", "\u00a0")


def german_like(rng: random.Random) -> str:
    """News words, speech cues, agency strings, quotation marks and paragraph breaks."""
    count = rng.randrange(1, 25) if rng.random() < 0.9 else rng.randrange(25, 120)
    parts: list[str] = []
    for kind in rng.choices(_PIECES, weights=_PIECE_WEIGHTS, k=count):
        parts.append(rng.choice(kind))
        parts.append(rng.choice(_GAPS))
    return "".join(parts)


def _insert(rng: random.Random, text: str, pieces: tuple[str, ...]) -> str:
    for _ in range(rng.randint(1, 5)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(pieces) + text[at:]
    return text


def _delete(rng: random.Random, text: str, characters: str) -> str:
    places = [i for i, ch in enumerate(text) if ch in characters]
    for at in sorted(rng.sample(places, min(len(places), rng.randint(1, 4))), reverse=True):
        text = text[:at] + text[at + 1 :]
    return text


def _duplicate_paragraph(rng: random.Random, text: str) -> str:
    paragraphs = text.split("\n")
    chosen = rng.randrange(len(paragraphs))
    paragraphs.insert(rng.randrange(len(paragraphs) + 1), paragraphs[chosen])
    return "\n".join(paragraphs)


_MUTATIONS: tuple[Callable[[random.Random, str], str], ...] = (
    lambda rng, text: _insert(rng, text, QUOTE_MARKS),
    lambda rng, text: _delete(rng, text, "„“”»«‚‘’›‹\"'"),
    lambda rng, text: _insert(rng, text, BREAKS),
    lambda rng, text: _delete(rng, text, "\n\r"),
    _duplicate_paragraph,
    lambda rng, text: _insert(rng, text, AGENCY_STRINGS + CUES),
)


def seed_mutation(rng: random.Random, seeds: tuple[str, ...]) -> str:
    """A random slice of a seed article (rarely all of it), mutated one to three times."""
    text = rng.choice(seeds)
    if rng.random() > 0.01:
        size = _length(rng) + rng.randrange(60)
        start = rng.randrange(max(1, len(text) - size))
        text = text[start : start + size]
    for mutate in rng.choices(_MUTATIONS, k=rng.randint(1, 3)):
        text = mutate(rng, text)
    return text


HOSTILE_UNITS = (
    "ja, ",
    "sagte ",
    "Er sagte: ",
    ", ",
    "!",
    "?",
    ".",
    "-",
    "…",
    "„",
    "“",
    "»",
    "«",
    "‚",
    "‘",
    '"',
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<br>",
    "&bdquo;",
    "&ldquo;",
    "&quot;",
    "&amp;",
    "&nbsp;",
    "<!--",
    "-->",
    "\u202c",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "e\u0301",
    "A\u0308",
    "zum ",
    "Kim ",
    "dpa ",
    "(dpa) ",
    "laut ",
)
LINE_STYLES = ("\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x85", "\n\n")


def hostile(rng: random.Random, seeds: tuple[str, ...]) -> str:
    """One pathological input: a long run of one or two units, nesting, markup, or a re-encoded seed."""
    length = rng.randint(1_000, 8_000) if rng.random() < 0.1 else rng.randint(1, 400)
    roll = rng.random()
    if roll < 0.4:  # a run of one or two units: commas, repeated cues, punctuation, marks
        units = [rng.choice(HOSTILE_UNITS) for _ in range(rng.randint(1, 2))]
        text = "".join(itertools.islice(itertools.cycle(units), length // max(1, len(units[0]))))
        return rng.choice(("", "Er sagte: „", "Laut Interfax ")) + text[:length]
    if roll < 0.55:  # nesting: opening marks, a word, closing marks
        depth = max(1, length // 8)
        opening = "".join(rng.choice("„»«‚›‹\"'") for _ in range(depth))
        return "Sie sagte: " + opening + "Nein" + opening[::-1].translate(_CLOSING)
    # a seed slice, re-encoded: line breaks, Unicode form, markup
    seed = rng.choice(seeds)
    start = rng.randrange(len(seed))
    piece = seed[start : start + length]
    style = rng.choice(LINE_STYLES)
    piece = piece.replace("\n", style)
    if rng.random() < 0.3:
        piece = unicodedata.normalize("NFD", piece)
    if rng.random() < 0.3:
        piece = "".join(f"<p>{line}</p>" for line in piece.split(style))
    if rng.random() < 0.3:
        piece = piece.replace("„", "&bdquo;").replace("“", "&ldquo;").replace('"', "&quot;")
    return _insert(rng, piece, HOSTILE_UNITS)


_CLOSING = str.maketrans({"„": "“", "»": "«", "«": "»", "‚": "‘", "›": "‹", "‹": "›"})


def read_seeds() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def generate(seed: int, count: int, shapes: str = "mixed") -> Iterator[tuple[str, str]]:
    """``count`` pairs of (generator name, input), the same for the same ``seed``."""
    rng = random.Random(seed)
    seeds = read_seeds()
    for _ in range(count):
        if shapes == "hostile":
            yield "hostile", hostile(rng, seeds)
            continue
        roll = rng.random()
        if roll < 0.35:
            yield "unicode", random_unicode(rng)
        elif roll < 0.7:
            yield "german", german_like(rng)
        else:
            yield "seed", seed_mutation(rng, seeds)


# ------------------------------------------------------------------ stages and checks
Stage = Callable[[str], Attribution]


def _in_order(keys: list[tuple[int, int]]) -> bool:
    return keys == sorted(keys)


def _marks_stage(text: str) -> Attribution:
    """find_quotes as an Attribution, so that check_offsets can judge it."""
    found = marks.find_quotes(text)
    problems = [
        f"marked quote {i}: spans {[s.to_list() for s in q.spans]} do not hold their content"
        for i, q in enumerate(found)
        if len(q.spans) != len(q.content)
        or not all(s.contains(c) for s, c in zip(q.spans, q.content, strict=True))
    ]
    if not _in_order([(q.start, -q.end) for q in found]):
        problems.append("marked quotes are not sorted by start, longest first")
    if problems:
        raise _Broken(problems)
    quotes = tuple(Quote(type=QuoteType.DIRECT, spans=q.spans, content=q.content, text=q.text) for q in found)
    return Attribution(quotes=quotes)


def _agencies_stage(text: str) -> Attribution:
    found = agencies.find_agencies(text)
    if any(a.span.end > b.span.start for a, b in itertools.pairwise(found)):
        raise _Broken(["agency mentions are unsorted or overlapping"])
    return Attribution(agencies=found)


def _result_problems(result: Attribution) -> list[str]:
    """The promises of an attribution beyond its offsets: order, entity ids, JSON."""
    problems = []
    if not _in_order([(q.start, -q.end) for q in result.quotes]):
        problems.append("quotes are not sorted by start, longest first")
    if not _in_order([(a.span.start, a.span.end) for a in result.agencies]):
        problems.append("agencies are not sorted")
    ids = {e.id for e in result.entities}
    if any(q.speaker is not None and q.speaker.entity not in ids | {None} for q in result.quotes):
        problems.append("a speaker refers to an entity that is not in the result")
    if json.loads(result.to_json()) != _as_json_reads(result.to_dict()):
        problems.append("to_json() does not round-trip")
    return problems


def _as_json_reads(value: Any) -> Any:
    """``value`` with every string as a JSON reader of ``to_json`` gets it back."""
    if isinstance(value, str):
        return json_text(value)
    if isinstance(value, dict):
        return {k: _as_json_reads(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json_reads(v) for v in value]
    return value


def _attribute_stage(attributor: Attributor) -> Stage:
    def run(text: str) -> Attribution:
        result = attributor.attribute(text)
        problems = _result_problems(result)
        if problems:
            raise _Broken(problems)
        return result

    return run


BatchStage = Callable[[list[str]], list[Attribution]]


class _Broken(Exception):
    """A stage returned a result that breaks one of its promises."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


FAILURES = ("crashes", "invalid offsets", "nondeterministic", "slow", "memory breaches")
MAX_SAVED = 1_000
"""Failing inputs kept for ``--failures``; the counts go on."""


class _TooSlow(Exception):
    """An input ran longer than ``--slow`` seconds (it is interrupted, so a hang cannot stall the run)."""


def _interrupt(signum: int, frame: object) -> None:
    raise _TooSlow


class Fuzzer:
    """Runs inputs through one stage, counts what went wrong and saves the failing inputs."""

    def __init__(
        self,
        stage: Stage,
        recheck: int,
        slow: float,
        failures: Path | None,
        *,
        slow_per_char: float = 0.0,
        memory_limit_mb: float | None = None,
        batch_stage: BatchStage | None = None,
        batch: int = 1,
    ) -> None:
        self.batch_stage = batch_stage
        self.batch = batch
        self.stage = stage
        self.recheck = recheck
        self.slow = slow
        self.slow_per_char = slow_per_char
        self.memory_limit_mb = memory_limit_mb
        self.peak_mb = 0.0
        self.failures_path = failures
        self.counts = dict.fromkeys(("inputs", "characters", "rechecked", *FAILURES), 0)
        self.slowest = (0.0, 0, "")
        self.saved: list[dict[str, Any]] = []

    @property
    def failed(self) -> int:
        return sum(self.counts[k] for k in FAILURES)

    def check(self, index: int, generator: str, text: str, batched: Attribution | None = None) -> None:
        """Run one input alone and check it; ``batched`` is what a batch gave it (must be equal)."""
        self.counts["inputs"] += 1
        self.counts["characters"] += len(text)
        started = time.process_time()
        try:
            result = self._timed(text)
            took = time.process_time() - started
            problems = check_offsets(text, result)
            again = result
            if batched is not None:
                self.counts["rechecked"] += 1
                again = batched
            elif not problems and self.recheck and index % self.recheck == 0:
                self.counts["rechecked"] += 1
                again = self._timed(text)
        except _TooSlow:
            limit = self.slow + self.slow_per_char * len(text)
            self._fail("slow", index, generator, text, [f"interrupted after {limit:.1f} s"])
            return
        except _Broken as broken:
            self._fail("invalid offsets", index, generator, text, broken.problems)
            return
        except Exception as error:
            self._fail("crashes", index, generator, text, traceback.format_exception(error)[-3:])
            return
        if took > self.slowest[0]:
            self.slowest = (took, len(text), generator)
        peak = _peak_mb()
        if self.memory_limit_mb is not None and peak > self.memory_limit_mb >= self.peak_mb:
            self._fail("memory breaches", index, generator, text, [f"peak resident memory {peak:.0f} MB"])
        self.peak_mb = max(self.peak_mb, peak)
        if problems:
            self._fail("invalid offsets", index, generator, text, problems)
        elif again.to_json() != result.to_json():
            self._fail("nondeterministic", index, generator, text, [result.to_json(), again.to_json()])

    def check_batch(self, items: list[tuple[int, str, str]]) -> None:
        """Run ``items`` through the batch stage together (its per-input costs add up); any
        failure, and every ``--recheck``-th input, is run again alone with :meth:`check`, which
        also checks that a batch gives each text the result it gets alone."""
        assert self.batch_stage is not None
        texts = [text for _, _, text in items]
        limit = sum(self.slow + self.slow_per_char * len(t) for t in texts)
        signal.setitimer(signal.ITIMER_PROF, limit)
        try:
            results = self.batch_stage(texts)
        except Exception:  # slow, broken or crashed: find which input, one at a time
            results = []
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        peak = _peak_mb()
        for (index, generator, text), result in itertools.zip_longest(items, results):
            alone = not results or bool(check_offsets(text, result) or _result_problems(result))
            if alone or (self.recheck and index % self.recheck == 0):
                self.check(index, generator, text, batched=None if alone else result)
                continue
            self.counts["inputs"] += 1
            self.counts["characters"] += len(text)
        if self.memory_limit_mb is not None and peak > self.memory_limit_mb >= self.peak_mb:
            index, generator, text = items[-1]
            self._fail("memory breaches", index, generator, text, [f"peak resident memory {peak:.0f} MB"])
        self.peak_mb = max(self.peak_mb, peak)

    def run(self, inputs: Iterable[tuple[str, str]]) -> float:
        """Check every (generator name, text) pair; returns the seconds it took."""
        started = last_report = time.perf_counter()
        pending: list[tuple[int, str, str]] = []
        for index, (generator, text) in enumerate(inputs):
            if self.batch_stage is not None and self.batch > 1:
                pending.append((index, generator, text))
                if len(pending) == self.batch:
                    self.check_batch(pending)
                    pending = []
            else:
                self.check(index, generator, text)
            if time.perf_counter() - last_report > 30:
                last_report = time.perf_counter()
                print(f"... {index + 1:,} inputs, {self.failed} failed", file=sys.stderr, flush=True)
        if pending:
            self.check_batch(pending)
        return time.perf_counter() - started

    def _timed(self, text: str) -> Attribution:
        """The stage's result, interrupted by :class:`_TooSlow` after ``--slow`` seconds."""
        # CPU time of this process (all its threads): other processes on the machine
        # do not make an input look slow
        signal.setitimer(signal.ITIMER_PROF, self.slow + self.slow_per_char * len(text))
        try:
            return self.stage(text)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)

    def _fail(self, kind: str, index: int, generator: str, text: str, detail: list[str]) -> None:
        self.counts[kind] += 1
        if len(self.saved) < MAX_SAVED:
            record = {"kind": kind, "index": index, "generator": generator, "detail": detail, "text": text}
            self.saved.append(record)
        if len(self.saved) <= 5:
            print(f"{kind} at input {index} ({generator}): {text[:80]!r}", file=sys.stderr)
            print("    " + "\n    ".join(line.rstrip() for line in detail), file=sys.stderr)

    def save(self) -> None:
        if self.failures_path is not None and self.saved:
            with self.failures_path.open("w", encoding="utf-8") as handle:
                for record in self.saved:
                    handle.write(json.dumps(record) + "\n")  # ASCII: lone surrogates survive


def _peak_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _replayed(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                yield str(record.get("generator", "replay")), str(record["text"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--stage", choices=("marks", "agencies", "attribute"), required=True)
    parser.add_argument("--inputs", type=int, default=10_000, help="how many inputs to generate")
    parser.add_argument("--model", default="none", help="for --stage attribute: none (default) or embedded")
    parser.add_argument("--seed", type=int, default=0, help="the same seed gives the same inputs")
    parser.add_argument("--failures", type=Path, help="write failing inputs here, one JSON line each")
    parser.add_argument("--replay", type=Path, help="run the inputs of a --failures file instead")
    parser.add_argument("--recheck", type=int, default=20, help="run every N-th input twice (0: never)")
    parser.add_argument(
        "--slow",
        type=float,
        help="CPU seconds after which an input is interrupted and counts as a failure "
        "(default: 2, or 60 with a model)",
    )
    parser.add_argument(
        "--shapes", choices=("mixed", "hostile"), default="mixed", help="which generators (see above)"
    )
    parser.add_argument(
        "--slow-per-char", type=float, default=0.0, help="seconds per character added to the time limit"
    )
    parser.add_argument(
        "--memory-limit",
        type=float,
        metavar="MB",
        help="cap the address space at 4x this and count inputs that push peak memory past it",
    )
    parser.add_argument(
        "--batch",
        type=int,
        default=1,
        help="for --stage attribute: attribute N inputs together (failures are rerun alone)",
    )
    args = parser.parse_args(argv)
    if args.inputs < 0 or args.recheck < 0:
        parser.error("--inputs and --recheck must not be negative")

    stage: Stage
    if args.stage == "marks":
        stage = _marks_stage
    elif args.stage == "agencies":
        stage = _agencies_stage
    else:
        try:
            attributor = Attributor(None if args.model == "none" else args.model, min_confidence=0.0)
            if args.model != "none":
                attributor.attribute("„Das Modell wird jetzt geladen“, sagte sie.")
        except QuotableError as error:
            print(f"fuzz: error: {error}", file=sys.stderr)
            return 1
        stage = _attribute_stage(attributor)

        def batch_stage(texts: list[str]) -> list[Attribution]:
            return list(attributor.attribute_many(texts, batch_size=len(texts)))

    slow = args.slow if args.slow is not None else 2.0 if args.model == "none" else 60.0
    if args.memory_limit is not None:
        # the address space, not the resident set, is what a process can cap: torch and
        # its thread pools reserve far more than they touch, hence the margin
        cap = int(args.memory_limit * 4 * 1024 * 1024)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    fuzzer = Fuzzer(
        stage,
        args.recheck,
        slow,
        args.failures,
        slow_per_char=args.slow_per_char,
        memory_limit_mb=args.memory_limit,
        batch_stage=batch_stage if args.stage == "attribute" and args.batch > 1 else None,
        batch=args.batch,
    )
    inputs = _replayed(args.replay) if args.replay else generate(args.seed, args.inputs, args.shapes)
    previous = signal.signal(signal.SIGPROF, _interrupt)
    try:
        elapsed = fuzzer.run(inputs)
    finally:
        signal.signal(signal.SIGPROF, previous)
    fuzzer.save()

    counts = fuzzer.counts
    model = f" --model {args.model}" if args.stage == "attribute" else ""
    source = f"replay {args.replay}" if args.replay else f"seed {args.seed}, shapes {args.shapes}"
    print(f"stage {args.stage}{model}, {source}, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '-')}")
    print(f"inputs tried      {counts['inputs']:>12,}  ({counts['characters']:,} characters)")
    for kind in FAILURES:
        print(f"{kind:<17} {counts[kind]:>12,}")
    print(f"rechecked         {counts['rechecked']:>12,}  (run twice for determinism)")
    seconds, length, generator = fuzzer.slowest
    print(f"slowest input     {seconds:>12.3f} s CPU  ({length:,} characters, {generator})")
    print(f"peak memory       {fuzzer.peak_mb:>12,.0f} MB  (limit {args.memory_limit or '-'} MB)")
    print(f"elapsed           {elapsed:>12.1f} s")
    print(f"inputs/s          {counts['inputs'] / elapsed if elapsed else 0.0:>12,.0f}")
    if fuzzer.failed and args.failures:
        print(f"failing inputs saved to {args.failures}")
    return 1 if fuzzer.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
