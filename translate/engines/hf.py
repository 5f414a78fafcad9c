"""Hugging Face transformers engine for Marian (opus-mt) and M2M100/NLLB-200 models.

transformers 5 has no translation pipeline, so this calls the tokenizer and `generate` directly.
torch and transformers are imported here only, when a model is actually loaded.
"""

from __future__ import annotations

import logging
import os
import warnings
from typing import Any

from translate.engines.base import EngineInfo, Hypothesis
from translate.errors import EngineError, ModelError
from translate.languages import get_language
from translate.models import (
    folder_fingerprint,
    model_family,
    offline_message,
    read_model_type,
    resolve_model,
)

# Generation limits: an output may be this much longer than its input (in tokens) before we call it runaway.
_OUTPUT_RATIO = 3.0
_OUTPUT_SLACK = 16


def _import_transformers() -> Any:
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import transformers
    transformers.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    logging.getLogger("transformers").setLevel(logging.ERROR)
    return transformers


def _load_error(ref: str, exc: Exception) -> ModelError:
    text = str(exc)
    lowered = text.lower()
    if "offline" in lowered or "connect" in lowered or "cached files" in lowered or "resolve" in lowered:
        return ModelError(offline_message(ref))
    if "not a valid model identifier" in lowered or "repository not found" in lowered or "404" in lowered:
        return ModelError(f"model {ref!r} was not found on the Hugging Face Hub (check the id, or pass --model PATH)")
    first_line = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return ModelError(f"{ref}: cannot load the model ({first_line})")


class HFEngine:
    """One loaded seq2seq model; `translate_batch` is the only call that does real work."""

    def __init__(
        self,
        model: str,
        *,
        device: str = "cpu",
        beam: int = 4,
        max_input_tokens: int | None = None,
    ) -> None:
        source = resolve_model(model)
        transformers = _import_transformers()
        import torch

        if device.startswith("cuda") and not torch.cuda.is_available():
            raise ModelError("--device cuda: no CUDA GPU is available to torch on this machine; use --device cpu")
        local_only = source.is_local or os.environ.get("HF_HUB_OFFLINE") == "1"
        location = str(source.local_dir) if source.local_dir else model
        try:
            config = transformers.AutoConfig.from_pretrained(location, local_files_only=local_only)
            family = model_family(config.model_type, model)
            self.tokenizer = transformers.AutoTokenizer.from_pretrained(location, local_files_only=local_only)
            self.model = transformers.AutoModelForSeq2SeqLM.from_pretrained(location, local_files_only=local_only)
        except ModelError:
            raise
        except (OSError, ValueError, EnvironmentError) as exc:
            if source.local_dir is not None and read_model_type(source.local_dir) not in ("marian", "m2m_100"):
                model_family(read_model_type(source.local_dir), model)
            raise _load_error(model, exc) from None
        self._torch = torch
        self.model.eval()
        self.model.to(device)
        self.device = device
        self.beam = beam
        self.family = self._family_of(family)
        revision = folder_fingerprint(source.local_dir) if source.local_dir else str(
            getattr(config, "_commit_hash", None) or "unknown"
        )[:12]
        self.info = EngineInfo("hf", model, revision, self.family, {"beam": str(beam), "device": device})
        self.max_input_tokens = max_input_tokens or self._model_input_limit(config)
        self._max_positions = int(getattr(config, "max_position_embeddings", 512) or 512)

    def _family_of(self, family: str) -> str:
        if family == "m2m100" and "kin_Latn" in self.tokenizer.get_vocab():
            return "nllb"
        return family

    def _model_input_limit(self, config: Any) -> int:
        limits = [int(getattr(config, "max_position_embeddings", 512) or 512)]
        tokenizer_limit = getattr(self.tokenizer, "model_max_length", None)
        if isinstance(tokenizer_limit, int) and 0 < tokenizer_limit < 100_000:
            limits.append(tokenizer_limit)
        return max(8, min(limits) - 2)  # room for the language tag and end-of-sentence

    # -- language handling per family --------------------------------------------------------------------------

    def _check_direction(self, source: str, target: str) -> None:
        if self.family != "marian":
            return
        model_source = getattr(self.tokenizer, "source_lang", None)
        model_target = getattr(self.tokenizer, "target_lang", None)
        if model_source and model_target and (model_source, model_target) != (source, target):
            if {model_source, model_target} == {source, target}:
                raise EngineError(
                    f"model {self.info.model} translates {model_source}->{model_target}, not {source}->{target}; "
                    f"pass --model with a {source}->{target} model"
                )

    def _prepare(self, sentences: list[str], source: str, target: str) -> tuple[list[str], dict[str, Any]]:
        """Source texts and extra generate() arguments for the model family."""
        extra: dict[str, Any] = {}
        if self.family in ("nllb", "m2m100"):
            code_of = (lambda c: get_language(c).nllb) if self.family == "nllb" else (lambda c: get_language(c).m2m)
            self.tokenizer.src_lang = code_of(source)
            target_token = code_of(target) if self.family == "nllb" else f"__{code_of(target)}__"
            target_id = self.tokenizer.convert_tokens_to_ids(target_token)
            if target_id is None or target_id == self.tokenizer.unk_token_id:
                raise EngineError(f"model {self.info.model} has no language code {target_token!r}")
            extra["forced_bos_token_id"] = target_id
            return sentences, extra
        vocab = self.tokenizer.get_vocab()
        for tag in (f">>{get_language(target).nllb.split('_')[0]}<<", f">>{target}<<"):
            if tag in vocab:  # multi-target opus-mt models select the output language with a tag
                return [f"{tag} {s}" for s in sentences], extra
        return sentences, extra

    # -- the engine API ------------------------------------------------------------------------------------------

    def count_tokens(self, sentences: list[str], source: str) -> list[int]:
        if self.family in ("nllb", "m2m100"):
            self.tokenizer.src_lang = get_language(source).nllb if self.family == "nllb" else get_language(source).m2m
        encoded = self.tokenizer(sentences, add_special_tokens=False)["input_ids"]
        return [len(ids) for ids in encoded]

    def translate_batch(
        self, sentences: list[str], source: str, target: str, *, avoid_repetition: bool = False
    ) -> list[Hypothesis]:
        if not sentences:
            return []
        self._check_direction(source, target)
        texts, extra = self._prepare(sentences, source, target)
        torch = self._torch
        batch = self.tokenizer(texts, return_tensors="pt", padding=True)
        input_length = int(batch["input_ids"].shape[1])
        if input_length > self._max_positions:
            raise EngineError(f"a segment of {input_length} tokens exceeds the model's {self._max_positions}")
        max_new = min(self._max_positions - 1, int(input_length * _OUTPUT_RATIO) + _OUTPUT_SLACK)
        options: dict[str, Any] = {"num_beams": self.beam, "max_new_tokens": max_new, "do_sample": False}
        if avoid_repetition:
            options.update(no_repeat_ngram_size=3, repetition_penalty=1.3)
        batch = {k: v.to(self.device) for k, v in batch.items()}
        try:
            with torch.inference_mode():
                output = self.model.generate(**batch, **options, **extra)
        except RuntimeError as exc:
            raise EngineError(f"generation failed: {exc}") from None
        return [self._hypothesis(row) for row in output]

    def _hypothesis(self, row: Any) -> Hypothesis:
        ids = row.tolist()
        eos = self.model.generation_config.eos_token_id
        eos_ids = set(eos if isinstance(eos, list) else [eos])
        special = set(self.tokenizer.all_special_ids)
        finished = any(i in eos_ids for i in ids[1:])
        text = self.tokenizer.decode(ids, skip_special_tokens=True).strip()
        return Hypothesis(text, sum(1 for i in ids if i not in special), finished)
