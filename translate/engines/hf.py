"""Hugging Face transformers engine for Marian (opus-mt) and M2M100/NLLB-200 models.

transformers 5 has no translation pipeline, so this calls the tokenizer and `generate` directly.
torch and transformers are imported here only, when a model is actually loaded.
"""

from __future__ import annotations

import logging
import os
import warnings
from typing import Any

from translate.engines.base import EngineInfo, Hypothesis, TermConstraint, check_direction
from translate.engines.constrained import ConstrainedSearch, SearchSettings, TokenConstraint
from translate.errors import EngineError, ModelError
from translate.languages import get_language
from translate.models import (
    PICKLE_RISK,
    check_weights,
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

    preferred_batch_size = 16

    def __init__(
        self,
        model: str,
        *,
        device: str = "cpu",
        beam: int = 4,
        max_input_tokens: int | None = None,
        allow_pickle: bool = False,
        output_tokens: int | None = None,
    ) -> None:
        """`output_tokens` fixes every output's length (benchmarks only: random-weight models never stop)."""
        source = resolve_model(model)
        if source.local_dir is not None:
            check_weights(source.local_dir, model, allow_pickle)
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
            # safetensors only, unless the user accepts pickle weights (they can run code when loaded).
            self.model = transformers.AutoModelForSeq2SeqLM.from_pretrained(
                location, local_files_only=local_only, use_safetensors=None if allow_pickle else True)
        except ModelError:
            raise
        except (OSError, ValueError) as exc:
            if not allow_pickle and "safetensors" in str(exc).lower() and not source.is_local:
                raise ModelError(f"{model}: the model has no .safetensors weights, only pickle; "
                                 + PICKLE_RISK) from None
            if source.local_dir is not None:  # an unknown model_type makes AutoConfig fail: say which
                model_family(read_model_type(source.local_dir), model)
            raise _load_error(model, exc) from None
        self._torch = torch
        self.model.eval()
        self.model.to(device)
        self.device = device
        self.beam = beam
        self.output_tokens = output_tokens
        self.family = self._family_of(family)
        revision = folder_fingerprint(source.local_dir) if source.local_dir else str(
            getattr(config, "_commit_hash", None) or "unknown"
        )[:12]
        self.info = EngineInfo("hf", model, revision, self.family, {"beam": str(beam), "device": device})
        self.max_input_tokens = max_input_tokens or self._model_input_limit(config)
        self._max_positions = int(getattr(config, "max_position_embeddings", 512) or 512)
        self._piece_text: list[str] | None = None
        self._spelling: dict[str, tuple[int, ...]] = {}

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
        if self.family == "marian":
            check_direction(self.info.model, getattr(self.tokenizer, "source_lang", None),
                            getattr(self.tokenizer, "target_lang", None), source, target)

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
        self,
        sentences: list[str],
        source: str,
        target: str,
        *,
        avoid_repetition: bool = False,
        constraints: list[list[TermConstraint]] | None = None,
        strict: bool = True,
    ) -> list[Hypothesis]:
        if not sentences:
            return []
        self._check_direction(source, target)
        if not constraints or not any(constraints):
            return self._generate(sentences, source, target, avoid_repetition)
        if strict and not avoid_repetition:
            # Sentences without terms ride along: without constraints a strict search is plain beam search at
            # the full beam with generate()'s length limit (tests hold it to transformers' output), and one search
            # costs less than a search and a generate(). A soft search narrows the beam and the limit, so there
            # they go apart.
            return self._search(sentences, constraints, source, target, avoid_repetition, strict)
        plain = [i for i, c in enumerate(constraints) if not c]
        constrained = [i for i, c in enumerate(constraints) if c]
        results: dict[int, Hypothesis] = {}
        if plain:
            results.update(zip(plain, self._generate([sentences[i] for i in plain], source, target, avoid_repetition)))
        results.update(zip(constrained, self._search([sentences[i] for i in constrained],
                                                     [constraints[i] for i in constrained],
                                                     source, target, avoid_repetition, strict)))
        return [results[i] for i in range(len(sentences))]

    def _encode(self, sentences: list[str], source: str, target: str) -> tuple[dict[str, Any], dict[str, Any], int]:
        texts, extra = self._prepare(sentences, source, target)
        batch = self.tokenizer(texts, return_tensors="pt", padding=True)
        input_length = int(batch["input_ids"].shape[1])
        if input_length > self._max_positions:
            raise EngineError(f"a segment of {input_length} tokens exceeds the model's {self._max_positions}")
        max_new = min(self._max_positions - 1, int(input_length * _OUTPUT_RATIO) + _OUTPUT_SLACK)
        return {k: v.to(self.device) for k, v in batch.items()}, extra, max_new

    def _generate(self, sentences: list[str], source: str, target: str, avoid_repetition: bool) -> list[Hypothesis]:
        batch, extra, max_new = self._encode(sentences, source, target)
        options: dict[str, Any] = {"num_beams": self.beam, "max_new_tokens": max_new, "do_sample": False}
        if avoid_repetition:
            options.update(no_repeat_ngram_size=3, repetition_penalty=1.3)
        if self.output_tokens:
            options.update(min_new_tokens=self.output_tokens, max_new_tokens=self.output_tokens,
                           forced_eos_token_id=None)
        try:
            with self._torch.inference_mode():
                output = self.model.generate(**batch, **options, **extra)
        except RuntimeError as exc:
            raise EngineError(f"generation failed: {exc}") from None
        # A fixed output length (benchmarks) is finished by design, not a runaway.
        return [self._hypothesis(row.tolist(), True if self.output_tokens else None) for row in output]

    def _token_constraint(self, constraint: TermConstraint) -> TokenConstraint | None:
        """Token sequences of every form the target tokenizer can spell (sentence-initial capitals included).
        Forms behind an elided connective (n'amata) stay: after the apostrophe the tokenizer often has the word
        as one piece, an easier path for the model than the word-initial spelling."""
        forms = constraint.forms
        spellings = list(dict.fromkeys([*forms, *(f[:1].upper() + f[1:] for f in forms)]))
        alternatives = tuple(dict.fromkeys(ids for ids in self._spell(spellings) if ids))
        if not alternatives:
            return None
        return TokenConstraint(constraint.key, alternatives, constraint.forms, constraint.check, constraint.hard)

    def _spell(self, texts: list[str]) -> list[tuple[int, ...]]:
        """Target token ids of each text, () where the tokenizer has no piece for part of it (cached: a
        glossary's forms recur in every batch, and the tokenizer is slow)."""
        new = [t for t in dict.fromkeys(texts) if t not in self._spelling]
        if new:
            unk = self.tokenizer.unk_token_id
            for text, ids in zip(new, self.tokenizer(text_target=new, add_special_tokens=False)["input_ids"]):
                self._spelling[text] = () if unk in ids else tuple(ids)
        return [self._spelling[t] for t in texts]

    def _search(self, sentences: list[str], constraints: list[list[TermConstraint]], source: str, target: str,
                avoid_repetition: bool, strict: bool) -> list[Hypothesis]:
        batch, extra, max_new = self._encode(sentences, source, target)
        token_constraints: list[list[TokenConstraint]] = []
        dropped: list[tuple[str, ...]] = []
        for terms in constraints:
            encoded = [(term.key, self._token_constraint(term)) for term in terms]
            usable = [c for _, c in encoded if c is not None]
            # Constraints that cannot fit the length budget are dropped: the sentence is still translated.
            while usable and sum(min(len(a) for a in c.alternatives) for c in usable) > max_new // 2:
                usable.pop()
            token_constraints.append(usable)
            dropped.append(tuple(key for key, _ in encoded if key not in {c.key for c in usable}))
        config = self.model.generation_config
        # Per sentence, room for its terms on top of the usual budget (a sentence without terms gets what
        # generate() would give it). Without strict, a forced output far longer than its source is a runaway that
        # will be rejected anyway: twice the source bounds the cost of a term the model cannot place.
        limits = []
        for terms in token_constraints:
            room = sum(c.length for c in terms)
            budget = max_new + room if strict else min(max_new + room, int(batch["input_ids"].shape[1] * 2) + room + 8)
            limits.append(min(self._max_positions - 1, self.output_tokens or budget))
        # Soft (prefer) searches run at beam 2: they only look for a fluent output that carries the missing term,
        # and the pipeline keeps it only if it has more terms; a wider beam rarely changes the answer and costs
        # the time (bench/constrained.py). Strict searches keep the full beam.
        settings = SearchSettings(
            beam=max(self.beam if strict else min(self.beam, 2), 2),
            max_new_tokens=max(limits),
            min_new_tokens=self.output_tokens or 0,
            decoder_start=int(config.decoder_start_token_id), eos=self._eos_ids()[0], banned=tuple(self._banned_ids()),
            forced_first=extra.get("forced_bos_token_id"), strict=strict, no_repeat_ngram=3 if avoid_repetition else 0,
        )
        try:
            found = ConstrainedSearch(self.model, settings, token_constraints, self._pieces(), limits).run(
                batch["input_ids"], batch["attention_mask"])
        except RuntimeError as exc:
            raise EngineError(f"constrained decoding failed: {exc}") from None
        hypotheses = []
        for result, skipped in zip(found, dropped):
            base = self._hypothesis(result.tokens, True if self.output_tokens else result.finished)
            hypotheses.append(Hypothesis(base.text, base.tokens, base.finished, None, tuple(result.unmet), skipped,
                                         result.steered))
        return hypotheses

    def _pieces(self) -> list[str]:
        """Token id -> text, so the search can see terms in the decoded output (sentencepiece: ▁ = space)."""
        if self._piece_text is None:
            special = set(self.tokenizer.all_special_ids)
            tokens = self.tokenizer.convert_ids_to_tokens(list(range(len(self.tokenizer))))
            self._piece_text = ["" if i in special or t is None else t.replace("\u2581", " ")
                                for i, t in enumerate(tokens)]
        return self._piece_text

    def _eos_ids(self) -> list[int]:
        eos = self.model.generation_config.eos_token_id
        return list(eos) if isinstance(eos, list) else [int(eos)]

    def _banned_ids(self) -> list[int]:
        banned = [ids[0] for ids in (self.model.generation_config.bad_words_ids or []) if len(ids) == 1]
        pad = self.tokenizer.pad_token_id
        return sorted(set(banned + ([pad] if pad is not None else [])))

    def _hypothesis(self, ids: list[int], finished: bool | None = None) -> Hypothesis:
        eos_ids = set(self._eos_ids())
        special = set(self.tokenizer.all_special_ids)
        if finished is None:
            finished = any(i in eos_ids for i in ids[1:])
        text = self.tokenizer.decode(ids, skip_special_tokens=True).strip()
        return Hypothesis(text, sum(1 for i in ids if i not in special), finished)
