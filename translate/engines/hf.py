"""Hugging Face transformers engine for Marian (opus-mt) and M2M100/NLLB-200 models.

transformers 5 has no translation pipeline, so this calls the tokenizer and `generate` directly.
torch and transformers are imported here only, when a model is actually loaded.
"""

from __future__ import annotations

import logging
import math
import os
import warnings
from typing import Any

from translate.constraints import TermConstraint
from translate.engines.base import EngineInfo, Hypothesis, ScoredTarget, check_direction
from translate.engines.placement import piece_starts, place_in_hypotheses
from translate.errors import EngineError, ModelError
from translate.languages import get_language
from translate.models import (
    PICKLE_RISK,
    check_weights,
    folder_fingerprint,
    hub_error,
    model_family,
    read_model_type,
    resolve_model,
)

# Generation limits: an output may be this much longer than its input (in tokens) before we call it runaway.
_OUTPUT_RATIO = 3.0
_OUTPUT_SLACK = 16
_SCORE_BATCH = 64  # targets per teacher-forced scoring pass


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


def _load_error(ref: str, exc: Exception, from_hub: bool) -> ModelError:
    if from_hub:
        return hub_error(ref, exc)
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
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
        threads: int = 0,
    ) -> None:
        """`output_tokens` fixes every output's length (benchmarks only: random-weight models never stop);
        `threads` > 0 sets torch's threads for this process (a batch worker's share of the cores)."""
        source = resolve_model(model)
        if source.local_dir is not None:
            check_weights(source.local_dir, model, allow_pickle)
        transformers = _import_transformers()
        import torch

        if threads:
            torch.set_num_threads(threads)

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
            raise _load_error(model, exc, from_hub=not source.is_local) from None
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
        self._names: list[str] | None = None

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
        drafts = self._generate(sentences, source, target, avoid_repetition)
        if constraints and any(constraints):
            return place_in_hypotheses(self, sentences, drafts, source, target, constraints, strict=strict)
        return drafts

    def score_batch(self, sentences: list[str], targets: list[str], source: str, target: str, *,
                    alignment: bool = False, from_chars: list[int] | None = None) -> list[ScoredTarget]:
        """Each target (a translation of the sentence at the same index) scored by the model in one teacher-forced
        pass, token by token; with `alignment`, also each target piece's cross-attention over the source pieces
        (averaged over layers and heads). Each distinct sentence is encoded once. `from_chars`: per target, the
        tokens starting before that character are read but not scored (0.0): the output layer, a good part of
        the cost, runs only where a score is wanted."""
        scored: list[ScoredTarget] = []
        for start in range(0, len(sentences), _SCORE_BATCH):
            end = start + _SCORE_BATCH
            scored += self._score_chunk(sentences[start:end], targets[start:end], source, target, alignment,
                                        from_chars[start:end] if from_chars is not None else None)
        return scored

    def _score_chunk(self, sentences: list[str], targets: list[str], source: str, target: str,
                     alignment: bool, from_chars: list[int] | None) -> list[ScoredTarget]:
        torch = self._torch
        unique = list(dict.fromkeys(sentences))
        texts, _ = self._prepare(unique, source, target)
        if self.family in ("nllb", "m2m100"):
            self.tokenizer.tgt_lang = get_language(target).nllb if self.family == "nllb" else get_language(target).m2m
        encoded = self.tokenizer(texts, return_tensors="pt", padding=True).to(self.device)
        labels = self.tokenizer(text_target=targets, return_tensors="pt", padding=True)["input_ids"].to(self.device)
        pad, start_id = self.tokenizer.pad_token_id, int(self.model.generation_config.decoder_start_token_id)
        decoder_input = torch.cat([torch.full_like(labels[:, :1], start_id), labels[:, :-1]], dim=1)
        rows = torch.tensor([unique.index(s) for s in sentences], device=self.device)
        lead = 1 if self.family in ("nllb", "m2m100") else 0  # the target language code: forced, not scored
        names = self._token_names()
        label_ids = labels.tolist()
        wanted = labels != pad if pad is not None else torch.ones_like(labels, dtype=torch.bool)
        if from_chars is not None:  # the tokens before each target's first edit are read, not scored
            for i, (ids, at) in enumerate(zip(label_ids, from_chars)):
                starts = piece_starts([names[t] for t in ids[lead:]], targets[i])
                wanted[i, :lead + sum(1 for s in starts if s < at)] = False
        try:
            with self._torch.inference_mode(), self._eager_attention(alignment):
                encoder = self.model.get_encoder()(input_ids=encoded["input_ids"],
                                                   attention_mask=encoded["attention_mask"])
                output = self.model.get_decoder()(input_ids=decoder_input, encoder_hidden_states=(
                    encoder.last_hidden_state[rows]), encoder_attention_mask=encoded["attention_mask"][rows],
                    output_attentions=alignment)
                logits = self.model.lm_head(output.last_hidden_state[wanted])
                bias = getattr(self.model, "final_logits_bias", None)  # Marian's; M2M100 has none
                if bias is not None:
                    logits = logits + bias
                scores = torch.zeros(labels.shape, dtype=torch.float32, device=self.device)
                scores[wanted] = logits.float().log_softmax(-1).gather(-1, labels[wanted].unsqueeze(-1)).squeeze(-1)
        except RuntimeError as exc:
            raise EngineError(f"scoring failed: {exc}") from None
        token_scores = scores.tolist()
        attention = torch.stack(output.cross_attentions).mean(dim=(0, 2)) if alignment else None
        source_ids = encoded["input_ids"].tolist()
        source_lengths = encoded["attention_mask"].sum(dim=1).tolist()
        source_pieces = [tuple(names[i] for i in ids[:n]) for ids, n in zip(source_ids, source_lengths)]
        results = []
        for i, row in enumerate(rows.tolist()):
            length = sum(1 for t in label_ids[i] if t != pad) if pad is not None else len(label_ids[i])
            weights = None
            if attention is not None:
                weights = tuple(tuple(r) for r in attention[i, lead:length - 1, :source_lengths[row]].tolist())
            results.append(ScoredTarget(tuple(names[t] for t in label_ids[i][lead:length - 1]),
                                        tuple(token_scores[i][lead:length]), source_pieces[row], weights))
        return results

    def _token_names(self) -> list[str]:
        """Token id -> piece as the tokenizer spells it ("\u2581" starts a word), looked up once."""
        if self._names is None:
            self._names = [t or "" for t in self.tokenizer.convert_ids_to_tokens(list(range(len(self.tokenizer))))]
        return self._names

    def _eager_attention(self, needed: bool) -> Any:
        """Attention weights exist only in the eager implementation: switch to it for this pass."""
        import contextlib

        @contextlib.contextmanager
        def switched() -> Any:
            previous = self.model.config._attn_implementation
            self.model.set_attn_implementation("eager")
            try:
                yield
            finally:
                self.model.set_attn_implementation(previous)

        return switched() if needed and self.model.config._attn_implementation != "eager" else contextlib.nullcontext()

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
        options: dict[str, Any] = {"num_beams": self.beam, "max_new_tokens": max_new, "do_sample": False,
                                   "return_dict_in_generate": True, "output_scores": True}
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
        scores = self._mean_log_probs(output)
        # A fixed output length (benchmarks) is finished by design, not a runaway.
        return [self._hypothesis(row.tolist(), True if self.output_tokens else None, score)
                for row, score in zip(output.sequences, scores)]

    def _mean_log_probs(self, output: Any) -> list[float]:
        """Each output's mean log-probability per generated token, end-of-sentence included (the model's own
        confidence, as CTranslate2's normalised score). A forced language code (NLLB) is not scored."""
        beams = getattr(output, "beam_indices", None)
        transitions = self.model.compute_transition_scores(output.sequences, output.scores, beams,
                                                           normalize_logits=beams is None)
        generated = output.sequences[:, output.sequences.shape[1] - transitions.shape[1]:]
        eos_ids = set(self._eos_ids())
        lead = 1 if self.family in ("nllb", "m2m100") else 0
        means = []
        for tokens, row in zip(generated.tolist(), transitions.float().tolist()):
            # Up to the first end-of-sentence: what follows is padding.
            end = next((i + 1 for i, t in enumerate(tokens) if t in eos_ids and i >= lead), len(tokens))
            values = [v for v in row[lead:end] if v > float("-inf")]
            means.append(sum(values) / len(values) if values else float("nan"))
        return means

    def _eos_ids(self) -> list[int]:
        eos = self.model.generation_config.eos_token_id
        return list(eos) if isinstance(eos, list) else [int(eos)]

    def _hypothesis(self, ids: list[int], finished: bool | None = None, score: float | None = None) -> Hypothesis:
        eos_ids = set(self._eos_ids())
        special = set(self.tokenizer.all_special_ids)
        if finished is None:
            finished = any(i in eos_ids for i in ids[1:])
        text = self.tokenizer.decode(ids, skip_special_tokens=True).strip()
        return Hypothesis(text, sum(1 for i in ids if i not in special), finished,
                          score if score is not None and math.isfinite(score) else None)
