"""``quotable download``: install Stanza's official German models, for ``model="stanza"``.

The only place quotable asks for the network, and only when a user runs it.
"""

from __future__ import annotations

from pathlib import Path

from quotable.errors import ModelDownloadError, one_line
from quotable.model_files import PROCESSORS, official_files, stanza_resources_dirs
from quotable.parsing import import_stanza


def download(resources_dir: str | None = None) -> str:
    """Install Stanza's official German models (``quotable download``); returns the directory.

    Downloads only what quotable uses (tokenizer, MWT, tagger, lemmatizer,
    parser and their word vectors and character models) into ``resources_dir``
    (default: ``$STANZA_RESOURCES_DIR`` or Stanza's own default), where
    ``Parser("stanza")`` and ``Parser("auto")`` find them.
    """
    target = Path(resources_dir).expanduser() if resources_dir else stanza_resources_dirs()[0]
    stanza = import_stanza()
    try:
        stanza.download(
            "de",
            model_dir=str(target),
            package="default",
            processors=",".join(PROCESSORS),
            logging_level="WARN",
        )
    except Exception as error:  # requests, huggingface_hub and Stanza each raise their own kinds
        raise ModelDownloadError(
            f"could not download the Stanza German models into {target} "
            f"({type(error).__name__}: {one_line(error, 160)}); check the internet connection and try again"
        ) from error
    if official_files(target) is None:
        raise ModelDownloadError(f"the download into {target} is incomplete; run `quotable download` again")
    return str(target)
