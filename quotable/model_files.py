"""Which parser model files to load: the embedded model, Stanza's official German
models, or a directory — resolved from files on disk, without loading anything.

``"embedded"``  the small model shipped in ``quotable/models/de`` (trained by
                ``scripts/train_model.py``, described in ``docs/model.md``)
``"stanza"``    Stanza's official German models, installed by ``quotable
                download`` into Stanza's resources directory
``"auto"``      the official models if installed (they are more accurate),
                else the embedded one
a directory     holding ``tokenize.pt``, ``mwt.pt``, ``pos.pt``, ``lemma.pt`` and
                ``depparse.pt``

:mod:`quotable.parsing` loads what :func:`resolve` chose.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
from importlib import resources
from pathlib import Path

import attrs

from quotable.errors import ModelNotFoundError

PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
"""Stanza's processors, in pipeline order; a model directory holds ``<processor>.pt`` for each."""


def version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


@attrs.frozen
class ModelFiles:
    """A resolved model choice: how to describe it, where its files are, how to load it."""

    name: str
    files: tuple[Path, ...]
    """Files that must exist; checked again just before loading."""
    options: tuple[tuple[str, str], ...]
    """Keyword arguments for ``stanza.Pipeline`` that name the model."""
    remedy: str
    """What to do when the files are missing, for error messages."""


def embedded_dir() -> Path:
    """Where the embedded model's files are (they may be missing from a broken install)."""
    return Path(str(resources.files("quotable") / "models" / "de"))


def stanza_resources_dirs() -> tuple[Path, ...]:
    """Where official Stanza models may be installed, most likely first.

    ``$STANZA_RESOURCES_DIR`` when it is set; else Stanza's own default (a
    per-version cache directory since Stanza 1.10) and the older
    ``~/stanza_resources``.
    """
    configured = os.environ.get("STANZA_RESOURCES_DIR")
    if configured:
        return (Path(configured).expanduser(),)
    import platformdirs  # comes with Stanza; light, unlike Stanza itself

    default = Path(platformdirs.user_cache_dir("stanza", "StanfordNLP", version("stanza"))) / "resources"
    return (default, Path.home() / "stanza_resources")


def _directory_model(directory: Path, name: str, remedy: str) -> ModelFiles:
    files = tuple(directory / f"{p}.pt" for p in PROCESSORS)
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        raise ModelNotFoundError(f"the {name} model is missing {', '.join(missing)} in {directory}: {remedy}")
    options = tuple((f"{p}_model_path", str(f)) for p, f in zip(PROCESSORS, files, strict=True))
    return ModelFiles(name, files, options, remedy)


def embedded_model() -> ModelFiles:
    name = f"embedded:de (quotable {version('quotable')}, stanza {version('stanza')})"
    return _directory_model(embedded_dir(), name, "the embedded model files are missing; reinstall quotable")


def official_files(directory: Path) -> tuple[Path, ...] | None:
    """The files of Stanza's default German package in ``directory``, or None if any is missing.

    Reads ``resources.json`` (which ``stanza.download`` writes) for the package's
    model names and their dependencies (word vectors, character language
    models), and checks that each file is there: nothing is downloaded.
    """
    try:
        index = json.loads((directory / "resources.json").read_text(encoding="utf-8"))
        lang = "de"
        while isinstance(index.get(lang), dict) and "alias" in index[lang]:
            lang = index[lang]["alias"]
        german = index[lang]
        default = german.get("packages", {}).get("default") or german["default_processors"]
        files = []
        for processor in PROCESSORS:
            package = default[processor]
            files.append(directory / lang / processor / f"{package}.pt")
            for dependency in german.get(processor, {}).get(package, {}).get("dependencies", []):
                files.append(directory / lang / dependency["model"] / f"{dependency['package']}.pt")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return tuple(files) if all(f.is_file() for f in files) else None


def _official() -> ModelFiles | None:
    for directory in stanza_resources_dirs():
        files = official_files(directory)
        if files is not None:
            options = (("dir", str(directory)), ("package", "default"))
            name = f"stanza:de/default (stanza {version('stanza')})"
            return ModelFiles(name, files, options, "run `quotable download` to install them again")
    return None


def resolve(model: str | os.PathLike[str]) -> ModelFiles:
    if model == "embedded":
        return embedded_model()
    if model == "stanza":
        found = _official()
        if found is None:
            places = " or ".join(str(d) for d in stanza_resources_dirs())
            raise ModelNotFoundError(
                f"the official Stanza German models are not installed in {places}: run `quotable download`"
            )
        return found
    if model == "auto":
        found = _official()
        if found is not None:
            return found
        if all((embedded_dir() / f"{p}.pt").is_file() for p in PROCESSORS):
            return embedded_model()
        raise ModelNotFoundError(
            f"no German parser model: the embedded model files are missing from {embedded_dir()} "
            "(reinstall quotable) and the official Stanza models are not installed (run `quotable download`)"
        )
    if not isinstance(model, (str, os.PathLike)):
        raise TypeError(
            f"model must be 'auto', 'embedded', 'stanza' or a directory, not {type(model).__name__}"
        )
    if not str(model).strip():
        raise ModelNotFoundError(
            "model is an empty string: give 'auto', 'embedded', 'stanza', a model directory, or None"
        )
    directory = Path(model).expanduser().resolve()
    if directory.is_file():
        raise ModelNotFoundError(
            f"model {str(model)!r} is a file: give the directory that holds "
            f"{', '.join(f'{p}.pt' for p in PROCESSORS)}"
        )
    if not directory.is_dir():
        raise ModelNotFoundError(
            f"model {str(model)!r} is neither 'auto', 'embedded' nor 'stanza', and no such directory exists"
        )
    files = ", ".join(f"{p}.pt" for p in PROCESSORS)
    remedy = f"the directory must hold {files}, written by Stanza {version('stanza')}"
    return _directory_model(directory, f"dir:{directory}", remedy)
