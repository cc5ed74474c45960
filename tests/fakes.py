"""Fake model directories for tests that must not load a real model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from quotable.model_files import PROCESSORS


def fake_model(directory: Path, skip: str | None = None) -> Path:
    """A directory with the five model files (not loadable: they are not models)."""
    directory.mkdir(parents=True, exist_ok=True)
    for processor in PROCESSORS:
        if processor != skip:
            (directory / f"{processor}.pt").write_bytes(b"not a model")
    return directory


def fake_official(directory: Path, *, skip_dependency: bool = False) -> Path:
    """A Stanza resources directory as ``stanza.download`` leaves it, with empty model files."""
    packages = {
        "tokenize": "gsd",
        "mwt": "gsd",
        "pos": "gsd_charlm",
        "lemma": "gsd_nocharlm",
        "depparse": "gsd_charlm",
    }
    charlm = [{"model": "pretrain", "package": "conll17"}, {"model": "forward_charlm", "package": "newswiki"}]
    index: dict[str, Any] = {
        "german": {"alias": "de"},
        "de": {
            "lang_name": "German",
            "packages": {"default": {**packages, "ner": "germeval2014"}},
            "pos": {"gsd_charlm": {"dependencies": charlm}},
            "depparse": {"gsd_charlm": {"dependencies": charlm}},
        },
    }
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "resources.json").write_text(json.dumps(index), encoding="utf-8")
    for processor, package in packages.items():
        (directory / "de" / processor).mkdir(parents=True, exist_ok=True)
        (directory / "de" / processor / f"{package}.pt").write_bytes(b"")
    for model, package in (("pretrain", "conll17"), ("forward_charlm", "newswiki")):
        if not (skip_dependency and model == "forward_charlm"):
            (directory / "de" / model).mkdir(parents=True, exist_ok=True)
            (directory / "de" / model / f"{package}.pt").write_bytes(b"")
    return directory
