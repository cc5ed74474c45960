"""Rebuild quotable's embedded German Stanza model from the UD German treebanks.

    python scripts/train_model.py --data ../shared/data/ud-german --workdir ~/.cache/quotable-train

Only CC BY-SA data is used: UD German GSD (dev + test files) and UD German PUD.
The script is resumable: every stage skips work whose output already exists
(the parser also resumes from its own checkpoint), so a long training can be
spread over several sittings.  Checkpoints stay in ``--workdir``; only the
final ``*.pt`` files are copied to ``--out`` (default ``quotable/models/de``),
together with ``training.json`` recording the Stanza version, seeds and settings.

Stages (``--stage``; default ``all``):

split      fixed train / dev (model selection) / test (held out, never trained on)
           split, plus honest augmentation of the training part: quote-mark
           variants of sentences that contain quotation marks
tokenize   tokenizer            mwt     multi-word-token expander (zum -> zu dem)
pos        tagger (UPOS, STTS XPOS, UFeats); GSD and PUD are given as two files
           because PUD's XPOS are Penn-style, so Stanza masks them
lemma      lemmatizer
depparse   parser, trained on tags predicted by our own tagger
install    copy the final models into --out
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

SEED = 1234
SHORT = "de_gsd"
TREEBANK = "UD_German-GSD"

# Model sizes: small enough for ~1,000 tokens/s on two CPU cores, see docs/model.md.
# Step counts are where the held-out dev score stopped improving in the run that built
# the shipped model (POS: step 1700 of a planned 5000; lemma: epoch 20 of 21).
TOKENIZE_ARGS = "--steps 4000 --eval_steps 200 --max_steps_before_stop 2000".split()
MWT_ARGS = "--num_epoch 40".split()
POS_ARGS = (
    "--share_hid --hidden_dim 200 --char_hidden_dim 300 --max_steps 1700 --eval_interval 100 "
    "--max_steps_before_stop 2000 --batch_size 100"
).split()
LEMMA_ARGS = "--num_epoch 21".split()
DEPPARSE_ARGS = (
    "--hidden_dim 200 --num_layers 3 --char_hidden_dim 150 --deep_biaff_hidden_dim 200 --batch_size 2000 "
    "--max_steps 3000 --eval_interval 100 --checkpoint_interval 100 --second_optim_start_step 2000 "
    "--max_steps_before_stop 1200"
).split()

# How a quotation mark that opens or closes a quote is typed in each style.
QUOTE_STYLES = {
    "german": ("„", "“"),
    "guillemets": ("»", "«"),
    "swiss": ("«", "»"),
    "ascii": ('"', '"'),
}
QUOTE_FORMS = frozenset({"„", "“", "”", "»", "«", '"'})


# ---------------------------------------------------------------- split
def read_conllu(path: Path) -> list[list[str]]:
    """Sentences as lists of lines, keeping only ``sent_id`` and ``text`` comments."""
    sentences: list[list[str]] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        if line.startswith("#") and not line.startswith(("# sent_id", "# text =")):
            continue
        current.append(line)
    if current:
        sentences.append(current)
    return sentences


def write_conllu(path: Path, sentences: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join("\n".join(s) + "\n\n" for s in sentences), encoding="utf-8")


def quote_variant(sentence: list[str], style: str, suffix: str) -> list[str] | None:
    """The sentence with every quotation-mark token retyped in ``style``, or None.

    Each mark is one character and is replaced by one character, so the raw text
    and the tokens stay aligned.  ASCII quotes alternate open/close in a sentence.
    """
    opening, closing = QUOTE_STYLES[style]
    inside = False
    changed = False
    out: list[str] = []
    for line in sentence:
        cols = line.split("\t")
        if line.startswith("#") or cols[1] not in QUOTE_FORMS:
            out.append(line)
            continue
        # „ and » always open; any other mark opens outside a quote and closes inside
        is_open = cols[1] in ("„", "»") or not inside
        inside = is_open
        new = opening if is_open else closing
        if new != cols[1]:
            changed = True
            cols[1] = new
            if "-" not in cols[0]:
                cols[2] = new
        out.append("\t".join(cols))
    if not changed:
        return None
    # rebuild the text comment from the tokens, so it matches exactly
    return _retext(out, suffix)


def _retext(sentence: list[str], suffix: str) -> list[str]:
    words = []
    for line in sentence:
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue
        words.append(cols)
    text = []
    skip_until = 0
    for cols in words:
        if "-" in cols[0]:
            _start, end = (int(x) for x in cols[0].split("-"))
            skip_until = end
            text.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
            continue
        if int(cols[0]) <= skip_until:
            continue
        text.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    new_text = "".join(text).rstrip()
    result = []
    for line in sentence:
        if line.startswith("# text ="):
            result.append("# text = " + new_text)
        elif line.startswith("# sent_id"):
            result.append(line + suffix)
        else:
            result.append(line)
    return result


def has_quote(sentence: list[str]) -> bool:
    return any(ln.split("\t")[1] in QUOTE_FORMS for ln in sentence if not ln.startswith("#"))


def augment(sentences: list[list[str]], rng: random.Random) -> list[list[str]]:
    """Two quote-style variants of every sentence with quotation marks."""
    extra: list[list[str]] = []
    for sentence in sentences:
        if not has_quote(sentence):
            continue
        styles = [s for s in QUOTE_STYLES if s != "swiss"]
        rng.shuffle(styles)
        made = 0
        for style in styles:
            variant = quote_variant(sentence, style, f"-q{style}")
            if variant is not None:
                extra.append(variant)
                made += 1
            if made == 2:
                break
    return extra


def split(data: Path, work: Path) -> dict[str, int]:
    gsd_dev = read_conllu(data / "UD_German-GSD" / "de_gsd-ud-dev.conllu")
    gsd_test = read_conllu(data / "UD_German-GSD" / "de_gsd-ud-test.conllu")
    pud = read_conllu(data / "UD_German-PUD" / "de_pud-ud-test.conllu")
    # held-out test: the last 300 GSD test and the last 100 PUD sentences
    test = gsd_test[-300:] + pud[-100:]
    # model selection: the last 200 GSD dev sentences (GSD only, so XPOS are STTS)
    dev = gsd_dev[-200:]
    train_gsd = gsd_dev[:-200] + gsd_test[:-300]
    train_pud = pud[:-100]
    rng = random.Random(SEED)
    train_gsd += augment(train_gsd, rng)
    train_pud += augment(train_pud, rng)
    ud = work / "ud" / TREEBANK
    write_conllu(ud / "de_gsd-ud-train.conllu", train_gsd + train_pud)
    write_conllu(ud / "de_gsd-ud-dev.conllu", dev)
    write_conllu(ud / "de_gsd-ud-test.conllu", test)
    # the tagger gets GSD and PUD as separate files (PUD's XPOS are masked)
    write_conllu(work / "pos_train" / "gsd.conllu", train_gsd)
    write_conllu(work / "pos_train" / "pud.conllu", train_pud)
    return {"train_gsd": len(train_gsd), "train_pud": len(train_pud), "dev": len(dev), "test": len(test)}


# ---------------------------------------------------------------- training
def env(work: Path) -> dict[str, str]:
    e = dict(os.environ)
    e.update(
        DATA_ROOT=str(work / "data"),
        UDBASE=str(work / "ud"),
        STANZA_RESOURCES_DIR=str(work / "stanza_resources"),
        HF_HUB_OFFLINE="1",
        OMP_NUM_THREADS=e.get("OMP_NUM_THREADS", "1"),
        MKL_NUM_THREADS=e.get("OMP_NUM_THREADS", "1"),
    )
    return e


def run(work: Path, log: str, *args: str) -> None:
    (work / "logs").mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", *args]
    print("+", " ".join(cmd), flush=True)
    with open(work / "logs" / f"{log}.log", "a", encoding="utf-8") as out:
        subprocess.run(cmd, cwd=work, env=env(work), stdout=out, stderr=subprocess.STDOUT, check=True)


def model_path(work: Path, stage: str) -> Path:
    return work / "saved_models" / stage / f"{SHORT}_{stage}.pt"


def train(work: Path, stage: str) -> None:
    """Train one stage unless it has finished before (a ``.done`` marker, not the model
    file: Stanza writes the best model so far while it is still training)."""
    target = model_path(work, stage)
    done = target.with_suffix(".done")
    if done.exists():
        print(f"{stage}: finished before ({done}), skipping")
        return
    _train(work, stage, target)
    done.write_text("done\n", encoding="utf-8")


def _train(work: Path, stage: str, target: Path) -> None:
    save = ["--save_dir", str(target.parent), "--save_name", target.name, "--force"]
    if stage == "tokenize":
        run(work, stage, "stanza.utils.datasets.prepare_tokenizer_treebank", TREEBANK)
        run(
            work,
            stage,
            "stanza.utils.training.run_tokenizer",
            TREEBANK,
            "--no_charlm",
            *save,
            *TOKENIZE_ARGS,
            "--seed",
            str(SEED),
        )
    elif stage == "mwt":
        run(work, stage, "stanza.utils.datasets.prepare_mwt_treebank", TREEBANK)
        run(work, stage, "stanza.utils.training.run_mwt", TREEBANK, *save, *MWT_ARGS, "--seed", str(SEED))
    elif stage == "pos":
        run(work, stage, "stanza.utils.datasets.prepare_pos_treebank", TREEBANK)
        files = f"{work / 'pos_train' / 'gsd.conllu'};{work / 'pos_train' / 'pud.conllu'}"
        run(
            work,
            stage,
            "stanza.utils.training.run_pos",
            TREEBANK,
            "--no_charlm",
            "--no_pretrain",
            *save,
            "--train_file",
            files,
            *POS_ARGS,
            "--seed",
            str(SEED),
        )
    elif stage == "lemma":
        run(
            work,
            stage,
            "stanza.utils.datasets.prepare_lemma_treebank",
            TREEBANK,
            "--gold",
            "--no_lemma_classifier",
        )
        run(
            work,
            stage,
            "stanza.utils.training.run_lemma",
            TREEBANK,
            "--no_charlm",
            *save,
            *LEMMA_ARGS,
            "--seed",
            str(SEED),
        )
    elif stage == "depparse":
        tagger = model_path(work, "pos")
        if not tagger.exists():
            raise SystemExit("depparse needs the tagger first: run --stage pos")
        # the parser learns on tags predicted by our own tagger, as it will see at run time
        # (Stanza's prepare_depparse_treebank would try to download word vectors here)
        depparse_dir = work / "data" / "depparse"
        depparse_dir.mkdir(parents=True, exist_ok=True)
        for part in ("train", "dev", "test"):
            retagged = depparse_dir / f"{SHORT}.{part}.in.conllu"
            if retagged.exists():
                continue
            run(
                work,
                stage,
                "stanza.models.tagger",
                "--mode",
                "predict",
                "--no_pretrain",
                "--lang",
                "de",
                "--shorthand",
                SHORT,
                "--save_dir",
                str(tagger.parent),
                "--save_name",
                tagger.name,
                "--eval_file",
                str(work / "ud" / TREEBANK / f"de_gsd-ud-{part}.conllu"),
                "--output_file",
                str(retagged),
            )
        run(
            work,
            stage,
            "stanza.utils.training.run_depparse",
            TREEBANK,
            "--no_charlm",
            "--no_pretrain",
            *save,
            *DEPPARSE_ARGS,
            "--seed",
            str(SEED),
        )
    else:
        raise SystemExit(f"unknown stage {stage}")


def install(work: Path, out: Path, counts: dict[str, int] | None) -> None:
    import stanza
    import torch

    out.mkdir(parents=True, exist_ok=True)
    for stage in ("tokenize", "mwt", "pos", "lemma", "depparse"):
        src = model_path(work, stage)
        if not src.exists():
            raise SystemExit(f"missing {src}: run --stage {stage}")
        shutil.copyfile(src, out / f"{stage}.pt")
    record = {
        "stanza": stanza.__version__,
        "torch": torch.__version__,
        "seed": SEED,
        "data": ["UD_German-GSD dev+test (CC BY-SA 4.0)", "UD_German-PUD (CC BY-SA 3.0)"],
        "split": "test = last 300 GSD test + last 100 PUD sentences; dev = last 200 GSD dev sentences; "
        "train = the rest plus quote-mark variants",
        "args": {
            "tokenize": TOKENIZE_ARGS,
            "mwt": MWT_ARGS,
            "pos": POS_ARGS,
            "lemma": LEMMA_ARGS,
            "depparse": DEPPARSE_ARGS,
        },
    }
    if counts:
        record["sentences"] = counts
    (out / "training.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"installed models into {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ud-german"))
    parser.add_argument("--workdir", type=Path, default=Path.home() / ".cache" / "quotable-train")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "quotable" / "models" / "de"
    )
    parser.add_argument(
        "--stage",
        action="append",
        choices=["split", "tokenize", "mwt", "pos", "lemma", "depparse", "install", "all"],
    )
    args = parser.parse_args(argv)
    work: Path = args.workdir.expanduser().resolve()
    work.mkdir(parents=True, exist_ok=True)
    (work / "stanza_resources").mkdir(exist_ok=True)
    resources = work / "stanza_resources" / "resources.json"
    if not resources.exists():
        resources.write_text("{}", encoding="utf-8")
    stages = args.stage or ["all"]
    if "all" in stages:
        stages = ["split", "tokenize", "mwt", "pos", "lemma", "depparse", "install"]
    counts = None
    counts_file = work / "split.json"
    for stage in stages:
        if stage == "split":
            counts = split(args.data.resolve(), work)
            counts_file.write_text(json.dumps(counts), encoding="utf-8")
            print("split:", counts)
        elif stage == "install":
            if counts is None and counts_file.exists():
                counts = json.loads(counts_file.read_text(encoding="utf-8"))
            install(work, args.out.resolve(), counts)
        else:
            train(work, stage)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
