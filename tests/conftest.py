"""Shared fixtures: the seed articles, and the embedded model when it is built.

Tests that need the embedded Stanza model are marked ``model`` and take the
``model_attributor`` fixture (or ``embedded_model_available``): while
``quotable/models/de`` lacks its files they are skipped with the reason, so the
rest of the suite runs on a fresh checkout before the model is trained.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotable import model_files
from quotable.attributor import Attributor

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def missing_embedded_files() -> list[str]:
    """The embedded model's files that are not there (empty once the model is built)."""
    return [
        f"{p}.pt" for p in model_files.PROCESSORS if not (model_files.embedded_dir() / f"{p}.pt").is_file()
    ]


@pytest.fixture(scope="session")
def embedded_model_available() -> Path:
    """The embedded model's directory; skips the test while the model is not built."""
    missing = missing_embedded_files()
    if missing:
        pytest.skip(
            f"the embedded model is not built yet ({', '.join(missing)} missing in quotable/models/de; "
            "scripts/train_model.py builds it)"
        )
    return model_files.embedded_dir()


@pytest.fixture(scope="session")
def model_attributor(embedded_model_available: Path) -> Attributor:
    """One Attributor of the embedded model for the whole session (it loads the model once)."""
    return Attributor("embedded")


@pytest.fixture(scope="session")
def seed_texts() -> tuple[str, ...]:
    """The two seed articles, exactly as in their files."""
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


@pytest.fixture
def no_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Neither the embedded model nor the official Stanza models are installed; a scratch directory."""
    monkeypatch.setattr(model_files, "embedded_dir", lambda: tmp_path / "embedded")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "stanza_resources"))
    return tmp_path
