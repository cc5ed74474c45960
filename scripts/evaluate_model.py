"""Score a parser model the way quotable uses it, and print a Markdown table.

    python scripts/evaluate_model.py                                 # the embedded model
    python scripts/evaluate_model.py --model stanza --out scores.md  # the official Stanza models
    python scripts/evaluate_model.py --model DIR --workdir ~/.cache/quotable-train

What it measures (the rows of the table in ``docs/model.md``):

* UD accuracy, end to end from raw text: the held-out test split that
  ``scripts/train_model.py`` never trains on (the last 300 GSD test and the last
  100 PUD sentences), rebuilt with that script's own ``split`` (or read from a
  training ``--workdir``), joined into one text, parsed by
  :class:`quotable.parsing.Parser` and scored with the CoNLL 2018 shared task
  evaluation (F1 of tokens, sentences, UPOS, XPOS, UFeats, lemmas, UAS, LAS).
* Sentence splitting and tokenization on news: F1 of sentence and token
  character spans on the WikiNews dev articles (evaluation only; the corpus is
  CC BY-NC-SA and never used for training).
* Size of the model files, cold load time (a fresh process: import and load,
  median of 3) and speed in tokens per second over the seed articles (median of
  ``--repeats`` runs), for a full parse and for a parse of only the sentences
  that may hold speech (``speakers.needs_parse``; the others are tagged only),
  as attribution does.

Speed depends on the machine and on ``OMP_NUM_THREADS``; the table says both.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import regex

from quotable.model_files import PROCESSORS
from quotable.parsing import Parser
from quotable.speakers import needs_parse
from quotable.syntax import Parse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
UD_METRICS = ("Tokens", "Sentences", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS")

Row = tuple[str, str, str]
"""One line of the second table: measure, value, what it was measured on."""


def train_model_script() -> ModuleType:
    """``scripts/train_model.py`` as a module, for its ``split`` and ``read_conllu``."""
    spec = importlib.util.spec_from_file_location("train_model", ROOT / "scripts" / "train_model.py")
    if spec is None or spec.loader is None:
        raise SystemExit("cannot find scripts/train_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def held_out_test(data: Path, workdir: Path | None) -> str:
    """The held-out test split as CoNLL-U, exactly as ``train_model.py`` builds it."""
    if workdir is not None:
        path = workdir.expanduser() / "ud" / "UD_German-GSD" / "de_gsd-ud-test.conllu"
        return path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="quotable-eval-") as scratch:
        train_model_script().split(data.resolve(), Path(scratch))
        return (Path(scratch) / "ud" / "UD_German-GSD" / "de_gsd-ud-test.conllu").read_text(encoding="utf-8")


def by_treebank(conllu: str) -> dict[str, str]:
    """The sentences of ``conllu`` from GSD (``sent_id = test-s…``) and from PUD, as two CoNLL-U texts."""
    parts: dict[str, list[str]] = {"GSD": [], "PUD": []}
    for block in conllu.strip().split("\n\n"):
        gsd = regex.search(r"^# sent_id = (?:train|dev|test)-s\d+", block, regex.MULTILINE)
        parts["GSD" if gsd else "PUD"].append(block)
    return {name: "\n\n".join(blocks) + "\n\n" for name, blocks in parts.items() if blocks}


def sentence_texts(conllu: str) -> list[str]:
    return [line[len("# text = ") :] for line in conllu.splitlines() if line.startswith("# text = ")]


def to_conllu(result: Parse, text: str) -> str:
    """``result`` as CoNLL-U, with a range line for each multi-word token (``zum`` → ``zu dem``)."""
    blocks = []
    for sentence in result.sentences:
        lines = [f"# text = {text[sentence.start : sentence.end]}"]
        words = sentence.words
        i = 0
        while i < len(words):
            span = (words[i].start, words[i].end)
            j = i
            while j + 1 < len(words) and (words[j + 1].start, words[j + 1].end) == span:
                j += 1
            if j > i:
                lines.append(f"{words[i].id}-{words[j].id}\t{text[span[0] : span[1]]}" + "\t_" * 8)
            for w in words[i : j + 1]:
                feats = "|".join(f"{k}={v}" for k, v in w.feats) or "_"
                columns = (w.id, w.text, w.lemma, w.upos, w.xpos, feats, w.head, w.deprel)
                lines.append("\t".join(str(c) for c in columns) + "\t_\t_")
            i = j + 1
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n\n"


def ud_scores(parser: Parser, gold: str) -> dict[str, dict[str, float]]:
    """CoNLL 2018 F1 (in %) of ``parser`` on the raw text of ``gold``: for each treebank and for all.

    Each treebank's sentences are joined by spaces into one text, so sentence
    splitting is scored too.
    """
    from stanza.models.common.utils import ud_scores as conll18

    parts = by_treebank(gold)
    texts = [" ".join(sentence_texts(part)) for part in parts.values()]
    systems = [to_conllu(result, text) for result, text in zip(parser.parse_many(texts), texts, strict=True)]
    pairs = {"all": ("".join(parts.values()), "".join(systems))}
    pairs.update({name: (part, system) for (name, part), system in zip(parts.items(), systems, strict=True)})
    scores = {}
    for name, (expected, system) in pairs.items():
        evaluation = conll18(io.StringIO(expected), io.StringIO(system))
        scores[name] = {metric: 100.0 * float(evaluation[metric].f1) for metric in UD_METRICS}
    return scores


def f1(found: int, predicted: int, expected: int) -> float:
    return 100.0 * 2 * found / (predicted + expected) if predicted + expected else 100.0


def wikinews_scores(parser: Parser, files: list[Path]) -> dict[str, float]:
    """Sentence and token F1 (exact character spans) on WikiNews articles, micro-averaged."""
    counts = {"sentences": [0, 0, 0], "tokens": [0, 0, 0]}
    for path in files:
        article = json.loads(path.read_text(encoding="utf-8"))
        tokens = {t["id"]: (t["charBegin"], t["charEnd"]) for t in article["tokens"]}
        gold_sentences = {
            (tokens[s["tokenIds"][0]][0], tokens[s["tokenIds"][-1]][1])
            for s in article["sentences"]
            if s["tokenIds"]
        }
        result = parser.parse(article["originalText"], select=lambda _: False)
        predicted = {
            "sentences": {(s.start, s.end) for s in result.sentences},
            "tokens": {(w.start, w.end) for s in result.sentences for w in s.words},
        }
        for kind, gold in (("sentences", gold_sentences), ("tokens", set(tokens.values()))):
            counts[kind][0] += len(predicted[kind] & gold)
            counts[kind][1] += len(predicted[kind])
            counts[kind][2] += len(gold)
    return {kind: f1(*numbers) for kind, numbers in counts.items()}


def cold_load_seconds(model: str, runs: int = 3) -> float:
    """Median seconds for a fresh Python process to import quotable's parser and load the model."""
    code = (
        "import time; t = time.perf_counter()\n"
        "from quotable.parsing import Parser\n"
        f"Parser({model!r}).load(); print(time.perf_counter() - t)\n"
    )
    times = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def tokens_per_second(
    parser: Parser, texts: list[str], repeats: int, select: Callable[[str], bool] | None
) -> float:
    """Median tokens per second of ``parse_many(texts)`` over ``repeats`` runs (after one warm-up)."""
    tokens = sum(
        len({(w.start, w.end) for s in p.sentences for w in s.words}) for p in parser.parse_many(texts)
    )
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        parser.parse_many(texts, select=select)
        times.append(time.perf_counter() - start)
    return tokens / statistics.median(times)


def processor_costs(parser: Parser, texts: list[str], repeats: int) -> dict[str, float] | None:
    """CPU microseconds per token of each Stanza processor over ``texts`` (median of ``repeats``).

    Runs the processors one by one on a pipeline of its own, built from the same
    files; None for a model that is not a directory of five files.
    """
    if [f.name for f in parser.files] != [f"{p}.pt" for p in PROCESSORS]:
        return None
    import stanza

    with tempfile.TemporaryDirectory(prefix="quotable-eval-") as scratch:
        Path(scratch, "resources.json").write_text('{"de": {"lang_name": "German"}}', encoding="utf-8")
        paths = {f"{p}_model_path": str(f) for p, f in zip(PROCESSORS, parser.files, strict=True)}
        pipeline = stanza.Pipeline(
            "de",
            dir=scratch,
            processors=",".join(PROCESSORS),
            download_method=None,
            use_gpu=False,
            logging_level="WARN",
            **paths,
        )
    text = "\n\n".join(texts)
    times: dict[str, list[float]] = {p: [] for p in PROCESSORS}
    for _ in range(repeats):
        document: Any = text
        for name in PROCESSORS:
            start = time.process_time()
            document = pipeline.processors[name].process(document)
            times[name].append(time.process_time() - start)
    tokens = sum(len(s.tokens) for s in document.sentences)
    return {name: 1e6 * statistics.median(spent) / tokens for name, spent in times.items()}


def report(
    parser: Parser,
    command: str,
    ud: dict[str, dict[str, float]],
    sizes: dict[str, int],
    rows: list[Row],
    costs: dict[str, float] | None,
) -> str:
    """The Markdown tables: UD accuracy by treebank, everything else, the cost of each processor."""
    import torch

    names = list(ud)
    lines = [
        f"Model `{parser.name}`.  ",
        f"Measured with `{command}` on {platform.machine()} with {os.cpu_count()} CPUs, "
        f"torch {torch.__version__} using {torch.get_num_threads()} thread(s) "
        f"(OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}).",
        "",
        "| UD held-out test, end to end from raw text (F1) | "
        + " | ".join(f"{n} ({sizes[n]} sentences)" for n in names)
        + " |",
        "|---|" + "---:|" * len(names),
    ]
    for metric in UD_METRICS:
        lines.append(f"| {metric} | " + " | ".join(f"{ud[n][metric]:.2f}" for n in names) + " |")
    lines += [
        "",
        "PUD's XPOS tags are Penn-style while the tagger writes STTS: read XPOS in the GSD column.",
        "",
        "| measure | value | on |",
        "|---|---:|---|",
    ]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    if costs is not None:
        total = sum(costs.values())
        lines += [
            "",
            "| processor (CPU time over the seed articles) | µs per token | share |",
            "|---|---:|---:|",
        ]
        lines += [f"| {name} | {cost:.0f} | {100 * cost / total:.0f} % |" for name, cost in costs.items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", default="embedded", help="embedded (default), stanza, auto or a directory")
    parser.add_argument("--data", type=Path, default=SHARED / "ud-german", help="the UD German treebanks")
    parser.add_argument("--workdir", type=Path, help="read the test split from this train_model.py workdir")
    parser.add_argument("--wikinews", type=Path, default=SHARED / "wikinews-quotes" / "dev")
    parser.add_argument("--wikinews-limit", type=int, help="score only the first N WikiNews articles")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs for the speed (median)")
    parser.add_argument("--out", type=Path, help="also write the tables to this file")
    args = parser.parse_args(arguments)
    if args.repeats < 1:
        parser.error("--repeats must be positive")

    model = Parser(args.model)
    model.load()

    gold = held_out_test(args.data, args.workdir)
    sizes = {"all": len(sentence_texts(gold))}
    sizes.update({name: len(sentence_texts(part)) for name, part in by_treebank(gold).items()})
    ud = ud_scores(model, gold)

    rows: list[Row] = []
    articles = sorted(args.wikinews.glob("*.json"))[: args.wikinews_limit]
    news = wikinews_scores(model, articles)
    news_data = f"WikiNews dev, {len(articles)} articles, exact character spans"
    rows.append(("Sentence split F1", f"{news['sentences']:.2f}", news_data))
    rows.append(("Token F1", f"{news['tokens']:.2f}", news_data))

    megabytes = sum(f.stat().st_size for f in model.files) / 1e6
    rows.append(("Model size", f"{megabytes:.1f} MB", f"{len(model.files)} model files on disk"))
    load = cold_load_seconds(args.model)
    rows.append(("Cold load", f"{load:.2f} s", "fresh process: import + load, median of 3"))
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    speed_data = f"seeds/*.txt ({len(seeds)} articles), median of {args.repeats}"
    full = tokens_per_second(model, seeds, args.repeats, None)
    rows.append(("Speed, full parse", f"{full:,.0f} tokens/s", speed_data))
    selective = tokens_per_second(model, seeds, args.repeats, needs_parse)
    rows.append(("Speed, parsing as attribution does", f"{selective:,.0f} tokens/s", speed_data))

    command = " ".join(["python scripts/evaluate_model.py", *arguments])
    costs = processor_costs(model, seeds, args.repeats)
    output = report(model, command, ud, sizes, rows, costs)
    print(output, end="")
    if args.out is not None:
        args.out.write_text(output, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
