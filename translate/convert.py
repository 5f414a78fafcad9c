"""`inkuru models convert`: a Hugging Face Marian or NLLB/M2M100 model to a CTranslate2 folder, offline.

The output holds CTranslate2's model.bin and vocabulary, the tokenizer files the CT2 engine reads (so no
transformers is needed at translation time) and a manifest (inkuru-ct2.json) with what the engine must know.
The conversion is written to a temporary sibling folder and renamed into place: a failed run leaves nothing.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate.engines.ct2 import MANIFEST
from translate.errors import ModelError, OutputError
from translate.models import cache_dir, check_weights, folder_fingerprint, local_snapshot, model_family
from translate.models import read_model_type

QUANTIZATIONS = ("int8", "float32")
TOKENIZER_FILES = {
    "marian": ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json"),
    "m2m100": ("tokenizer.json", "tokenizer_config.json", "sentencepiece.bpe.model"),
}
_LANGUAGE_CODE = re.compile(r"^(?:[a-z]{3}_[A-Z][a-z]{3}|__[a-z]{2,3}__)$")


@dataclass(frozen=True)
class ConvertReport:
    model: str
    output_dir: Path
    family: str
    quantization: str
    seconds: float
    size_bytes: int


def converted_dir(model: str, quantization: str = "int8") -> Path:
    """Where `inkuru models convert MODEL` (without -o) puts a model, and where --backend auto looks for it."""
    snapshot = Path(model).expanduser()
    key = folder_fingerprint(snapshot) if snapshot.is_dir() else "hub"
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", snapshot.name if snapshot.is_dir() else model)
    return cache_dir() / "ct2" / f"{slug}-{key}-{quantization}"


def convert_model(model: str, output_dir: str | Path | None = None, *, quantization: str = "int8",
                  force: bool = False, allow_pickle: bool = False) -> ConvertReport:
    if quantization not in QUANTIZATIONS:
        raise ModelError(f"unknown quantization {quantization!r} (choices: {', '.join(QUANTIZATIONS)})")
    started = time.perf_counter()
    folder = local_snapshot(model)
    family = model_family(read_model_type(folder), model)
    tokenizer_family = "marian" if family == "marian" else "m2m100"
    if tokenizer_family == "m2m100" and not (folder / "tokenizer.json").is_file():
        raise ModelError(f"{model}: no tokenizer.json (the CTranslate2 engine reads NLLB/M2M100 tokenizers from it)")
    check_weights(folder, model, allow_pickle)
    manifest = _manifest(folder, model, family, quantization)  # a corrupt model file is named before converting
    output = Path(output_dir) if output_dir is not None else converted_dir(model, quantization)
    if output.exists() and (not output.is_dir() or any(output.iterdir())) and not force:
        raise OutputError(f"{output}: exists and is not empty; pass --force to replace it")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    except OSError as exc:
        raise OutputError(f"{output}: cannot create the output folder ({exc.strerror})") from None
    try:
        _run_converter(folder, staging, quantization, model)
        for name in TOKENIZER_FILES[tokenizer_family]:
            if (folder / name).is_file():
                shutil.copyfile(folder / name, staging / name)
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        if output.exists():
            shutil.rmtree(output) if output.is_dir() else output.unlink()
        staging.rename(output)
    except OSError as exc:
        raise OutputError(f"{output}: cannot write the converted model ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    return ConvertReport(model, output, manifest["family"], quantization, time.perf_counter() - started, size)


def _run_converter(folder: Path, staging: Path, quantization: str, model: str) -> None:
    import logging
    import os
    import warnings

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from ctranslate2.converters import TransformersConverter

        logging.getLogger("transformers").setLevel(logging.ERROR)
        try:
            TransformersConverter(str(folder)).convert(str(staging), quantization=quantization, force=True)
        except (OSError, ValueError, RuntimeError, NotImplementedError, KeyError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ModelError(f"{model}: CTranslate2 cannot convert this model ({first})") from None


def _read_json(path: Path) -> dict[str, Any]:
    """A model file's JSON ({} when the model has no such file): a corrupt one is an error, not an empty
    file, or the checks it feeds (the model's languages, its input limit) would silently not run."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: cannot read the model's {path.name} ({exc})") from None
    if not isinstance(data, dict):
        raise ModelError(f"{path}: expected a JSON object in the model's {path.name}")
    return data


def _manifest(folder: Path, model: str, family: str, quantization: str) -> dict[str, Any]:
    config = _read_json(folder / "config.json")
    tokenizer_config = _read_json(folder / "tokenizer_config.json")
    positions = int(config.get("max_position_embeddings") or 512)
    limits = [positions]
    declared = tokenizer_config.get("model_max_length")
    if isinstance(declared, int) and 0 < declared < 100_000:
        limits.append(declared)
    vocab_tokens: list[str] = list(_read_json(folder / "vocab.json"))
    added = [t.get("content", "") for t in _read_json(folder / "tokenizer.json").get("added_tokens", [])]
    codes = sorted(t for t in added if _LANGUAGE_CODE.match(t))
    if family == "m2m100" and "kin_Latn" in codes:
        family = "nllb"
    return {
        "family": family,
        "source_model": model,
        "source_revision": folder_fingerprint(folder),
        "quantization": quantization,
        "max_positions": positions,
        "max_input_tokens": max(8, min(limits) - 2),  # as the HF engine: room for a language code and </s>
        "source_lang": tokenizer_config.get("source_lang"),
        "target_lang": tokenizer_config.get("target_lang"),
        "target_tags": sorted(t for t in vocab_tokens if t.startswith(">>") and t.endswith("<<")),
        "language_codes": codes,
        "inkuru_demo": bool(config.get("inkuru_demo")),
    }
