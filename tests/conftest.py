"""Shared fixtures: the demo models, built once per test session (and reused while their inputs are unchanged)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# The translation memory and converted models go to a throwaway folder, never the user's ~/.cache/inkuru.
if "INKURU_CACHE_DIR" not in os.environ:
    import tempfile

    os.environ["INKURU_CACHE_DIR"] = tempfile.mkdtemp(prefix="inkuru-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HELD_OUT = EXAMPLES / "held-out"  # text the demo models never saw (see its README)
GOLDEN = Path(__file__).resolve().parent / "golden"


def _models_dir() -> Path:
    """A cache folder keyed by everything that determines the demo models' weights."""
    import torch
    import transformers

    from translate import demo

    digest = hashlib.sha256()
    for path in (Path(demo.__file__), demo.CORPUS_PATH):
        digest.update(path.read_bytes())
    digest.update(f"{torch.__version__}|{transformers.__version__}".encode())
    return ROOT / ".cache" / "test-models" / digest.hexdigest()[:12]


def _build(name: str, **options: str) -> Path:
    from translate.demo import build_demo_model

    folder = _models_dir() / name
    if not (folder / "model.safetensors").is_file():
        build_demo_model(folder, force=True, **options)
    return folder


@pytest.fixture(scope="session")
def marian_en_rw() -> Path:
    return _build("marian-en-rw", direction="en-rw")


@pytest.fixture(scope="session")
def marian_rw_en() -> Path:
    return _build("marian-rw-en", direction="rw-en")


@pytest.fixture(scope="session")
def nllb_demo() -> Path:
    return _build("nllb", family="nllb")


def converted(model: Path, quantization: str) -> Path:
    """A demo model converted to CTranslate2, cached next to it."""
    from translate.convert import convert_model

    folder = _models_dir() / f"ct2-{model.name}-{quantization}"
    if not (folder / "inkuru-ct2.json").is_file():
        convert_model(str(model), folder, quantization=quantization, force=True)
    return folder


@pytest.fixture(scope="session")
def ct2_en_rw(marian_en_rw: Path) -> Path:
    return converted(marian_en_rw, "float32")
