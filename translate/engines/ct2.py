"""CTranslate2 engine: a converted Marian or NLLB/M2M100 model, int8 on CPU, without torch or transformers.

Tokenization uses the files `inkuru models convert` copies next to the model: sentencepiece for Marian
(source.spm), the `tokenizers` library for NLLB (tokenizer.json). Both reproduce what the transformers tokenizer
does, so HF and CT2 decode the same tokens (checked by the parity tests).

Glossary terms: CTranslate2 has no lexically constrained search. The engine translates, then places each term the
translation lacks where the model scores it best (`translate.engines.placement`, driven by `score_batch`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate.constraints import TermConstraint
from translate.engines.base import EngineInfo, Hypothesis, ScoredTarget, check_direction
from translate.engines.placement import place_in_hypotheses
from translate.errors import EngineError, ModelError
from translate.languages import get_language
from translate.models import folder_fingerprint

MANIFEST = "inkuru-ct2.json"  # written by `inkuru models convert`: what the engine needs to know
SPACE = "\u2581"  # sentencepiece's word-start marker
# Same output budget as the HF engine: an output may be this much longer than its input.
_OUTPUT_RATIO = 3.0
_OUTPUT_SLACK = 16
_SCORE_BATCH = 64  # targets per scoring call inside CTranslate2 (placement scores thousands at once)


def is_ct2_model(folder: str | Path) -> bool:
    path = Path(folder).expanduser()
    return (path / "model.bin").is_file() and (path / MANIFEST).is_file()


def read_manifest(folder: Path) -> dict[str, Any]:
    try:
        return dict(json.loads((folder / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{folder / MANIFEST}: cannot read the converted model's manifest ({exc})") from None


@dataclass
class _Decoded:
    tokens: list[str]  # output pieces without the language code
    finished: bool
    attention: tuple[tuple[float, ...], ...] | None = None  # per output piece, over the source pieces
    score: float | None = None  # mean log-probability per output token, as the decoder scored it


class _Tokenizer:
    """Source pieces in and output text out, the way the model's transformers tokenizer does it."""

    def __init__(self, folder: Path, family: str) -> None:
        self.family = family
        if family == "marian":
            import sentencepiece

            self.source_spm = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
            # Target text (a draft to score, a term to place) is spelled as the decoder writes it.
            self.target_spm = sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm"))
            self.fast = None
        else:
            from tokenizers import Tokenizer

            self.fast = Tokenizer.from_file(str(folder / "tokenizer.json"))

    def pieces(self, text: str) -> list[str]:
        if self.fast is not None:
            return list(self.fast.encode(text, add_special_tokens=False).tokens)
        return list(self.source_spm.encode(text, out_type=str))

    def target_pieces(self, text: str) -> list[str]:
        if self.fast is not None:  # NLLB: one tokenizer for both sides
            return self.pieces(text)
        return list(self.target_spm.encode(text, out_type=str))

    def detokenize(self, pieces: list[str], special: set[str]) -> str:
        kept = [p for p in pieces if p not in special]
        if self.fast is not None:
            ids = [self.fast.token_to_id(p) for p in kept]
            return self.fast.decode([i for i in ids if i is not None], skip_special_tokens=True).strip()
        return "".join(kept).replace(SPACE, " ").strip()


class CT2Engine:
    """One converted model loaded with ctranslate2.Translator; batch-first calls, plain data in and out."""

    # Decoding memory grows with sentences x beam (about 3 MB per hypothesis on an opus-mt-size model): 8
    # sentences keep a beam-4 run near 200 MB at about 70 % of the throughput of 16 (bench/throughput.py).
    preferred_batch_size = 8

    def __init__(
        self,
        model: str,
        *,
        device: str = "cpu",
        beam: int = 4,
        max_input_tokens: int | None = None,
        compute_type: str = "default",
        threads: int = 0,
        output_tokens: int | None = None,
    ) -> None:
        """`output_tokens` fixes every output's length (benchmarks only: random-weight models never stop)."""
        folder = Path(model).expanduser()
        if not is_ct2_model(folder):
            raise ModelError(f"{model}: not a CTranslate2 model converted by Inkuru (no model.bin and {MANIFEST}); "
                             f"convert it with `inkuru models convert MODEL -o DIR`")
        import ctranslate2

        if device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
            raise ModelError("--device cuda: no CUDA GPU is available to CTranslate2 here; use --device cpu")
        self.manifest = read_manifest(folder)
        self.family = str(self.manifest["family"])
        try:
            self.translator = ctranslate2.Translator(str(folder), device=device, compute_type=compute_type,
                                                     intra_threads=threads or min(4, os.cpu_count() or 1))
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"{model}: cannot load the CTranslate2 model ({exc})") from None
        self.tokenizer = _Tokenizer(folder, self.family)
        self.beam = beam
        self.output_tokens = output_tokens
        self.special = {"</s>", "<pad>", "<unk>", "<s>", *self.manifest.get("language_codes", [])}
        self.max_input_tokens = max_input_tokens or int(self.manifest["max_input_tokens"])
        self._max_positions = int(self.manifest["max_positions"])
        options = {"beam": str(beam), "device": device, "compute_type": compute_type,
                   "quantization": str(self.manifest.get("quantization"))}
        self.info = EngineInfo("ct2", model, folder_fingerprint(folder), self.family, options)

    # -- languages ------------------------------------------------------------------------------------------------

    def _language_code(self, lang: str) -> str:
        language = get_language(lang)
        return language.nllb if self.family == "nllb" else f"__{language.m2m}__"

    def _check_direction(self, source: str, target: str) -> None:
        if self.family == "marian":
            check_direction(self.info.model, self.manifest.get("source_lang"), self.manifest.get("target_lang"),
                            source, target)

    def _source_tokens(self, sentence: str, source: str, target: str) -> list[str]:
        pieces = self.tokenizer.pieces(sentence)
        if self.family == "marian":
            tag = self._target_tag(target)
            return ([tag] if tag else []) + pieces + ["</s>"]
        return [self._language_code(source), *pieces, "</s>"]

    def _target_tag(self, target: str) -> str | None:
        for tag in (f">>{get_language(target).nllb.split('_')[0]}<<", f">>{target}<<"):
            if tag in self.manifest.get("target_tags", []):  # multi-target opus-mt models
                return tag
        return None

    def _prefix(self, target: str) -> list[str]:
        return [] if self.family == "marian" else [self._language_code(target)]

    # -- the engine API -------------------------------------------------------------------------------------------

    def count_tokens(self, sentences: list[str], source: str) -> list[int]:
        return [len(self.tokenizer.pieces(s)) for s in sentences]

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
        sources = [self._source_tokens(s, source, target) for s in sentences]
        steering = bool(constraints and any(constraints))
        decoded = self._decode(sources, target, self.beam, avoid_repetition, attention=steering)
        hypotheses = [self._hypothesis(d) for d in decoded]
        if steering:
            assert constraints is not None
            hypotheses = self._place(sentences, sources, decoded, hypotheses, source, target, constraints, strict)
        return hypotheses

    def _place(self, sentences: list[str], sources: list[list[str]], decoded: list[_Decoded],
               drafts: list[Hypothesis], source: str, target: str, constraints: list[list[TermConstraint]],
               strict: bool) -> list[Hypothesis]:
        """The glossary terms each translation lacks, placed where the model scores them best (placement.py).
        The decode's own attention aligns the drafts, so placement needs no extra pass for that."""
        lead = self._prefix(target)
        todo = [i for i, terms in enumerate(constraints) if terms]
        # Special pieces (<unk>) are left out of the text, so their attention rows go too: rows and pieces align.
        kept = [[j for j, t in enumerate(decoded[i].tokens) if t not in self.special] for i in todo]
        tokens = [[decoded[i].tokens[j] for j in keep] for i, keep in zip(todo, kept)]
        try:
            scores = self.translator.score_batch([sources[i] for i in todo], [lead + t for t in tokens],
                                                 max_batch_size=_SCORE_BATCH)
        except (RuntimeError, ValueError) as exc:
            raise EngineError(f"CTranslate2 scoring failed: {exc}") from None
        aligned: list[ScoredTarget | None] = [None] * len(sentences)
        for i, t, keep, r in zip(todo, tokens, kept, scores):
            rows = decoded[i].attention
            weights = tuple(rows[j] for j in keep if j < len(rows)) if rows else None
            aligned[i] = ScoredTarget(tuple(t), tuple(r.log_probs[len(lead):]), tuple(sources[i]), weights)
        return place_in_hypotheses(self, sentences, drafts, source, target, constraints, strict=strict,
                                   aligned=aligned)

    def score_batch(self, sentences: list[str], targets: list[str], source: str, target: str, *,
                    alignment: bool = False, from_chars: list[int] | None = None) -> list[ScoredTarget]:
        """Each target (a translation of the sentence at the same index) scored by the model, token by token;
        with `alignment`, also each target piece's attention over the source pieces. (`from_chars` is ignored:
        CTranslate2 scores whole sequences.)"""
        if not sentences:
            return []
        sources = [self._source_tokens(s, source, target) for s in sentences]
        lead = self._prefix(target)
        pieces = [self.tokenizer.target_pieces(t) for t in targets]
        try:
            results = self.translator.score_batch(sources, [lead + p for p in pieces], max_batch_size=_SCORE_BATCH)
        except (RuntimeError, ValueError) as exc:
            raise EngineError(f"CTranslate2 scoring failed: {exc}") from None
        weights = self._attention(sources, pieces, lead) if alignment else [None] * len(pieces)
        return [ScoredTarget(tuple(p), tuple(r.log_probs[len(lead):]), tuple(src), w)
                for p, r, src, w in zip(pieces, results, sources, weights)]

    def _attention(self, sources: list[list[str]], pieces: list[list[str]],
                   lead: list[str]) -> list[tuple[tuple[float, ...], ...] | None]:
        """Cross-attention of each given target: the target forced as a prefix, one step decoded."""
        prefixes = [lead + p for p in pieces]
        try:
            results = self.translator.translate_batch(
                sources, prefixes, beam_size=1, return_attention=True, max_batch_size=_SCORE_BATCH,
                max_decoding_length=max(len(p) for p in prefixes) + 1)
        except (RuntimeError, ValueError) as exc:
            raise EngineError(f"CTranslate2 translation failed: {exc}") from None
        return [tuple(tuple(row) for row in r.attention[0][len(lead):len(lead) + len(p)]) if r.attention else None
                for r, p in zip(results, pieces)]

    def _decode(self, sources: list[list[str]], target: str, beam: int, avoid_repetition: bool,
                attention: bool = False) -> list[_Decoded]:
        lead = self._prefix(target)
        budget = min(self._max_positions - 1, int(max(len(s) for s in sources) * _OUTPUT_RATIO) + _OUTPUT_SLACK)
        # As transformers' max_new_tokens, the budget counts a generated language code (NLLB) too.
        options: dict[str, Any] = {"beam_size": beam, "max_decoding_length": budget, "return_attention": attention,
                                   "return_scores": True}
        if avoid_repetition:
            options.update(no_repeat_ngram_size=3, repetition_penalty=1.3)
        if self.output_tokens:
            options.update(min_decoding_length=self.output_tokens + len(lead),
                           max_decoding_length=self.output_tokens + len(lead))
        target_prefix = [lead for _ in sources] if lead else None
        try:
            results = self.translator.translate_batch(sources, target_prefix, **options)
        except (RuntimeError, ValueError) as exc:
            raise EngineError(f"CTranslate2 translation failed: {exc}") from None
        decoded = []
        for result in results:
            tokens = list(result.hypotheses[0])[len(lead):]
            finished = len(result.hypotheses[0]) < options["max_decoding_length"] or bool(self.output_tokens)
            weights = tuple(tuple(row) for row in result.attention[0][len(lead):]) if result.attention else None
            # With the default length_penalty (1) CTranslate2's score is the mean log-probability per output
            # token, end-of-sentence included, over a length that counts the forced language code (NLLB), which
            # adds nothing to the sum: rescaled without it, the same measure as the transformers engine's.
            length = len(result.hypotheses[0]) + (1 if finished else 0)  # the end token, if there was one
            score = float(result.scores[0]) * length / max(1, length - len(lead)) if result.scores else None
            decoded.append(_Decoded(tokens, finished, weights, score))
        return decoded

    def _hypothesis(self, decoded: _Decoded) -> Hypothesis:
        words = [t for t in decoded.tokens if t not in self.special]
        return Hypothesis(self.tokenizer.detokenize(decoded.tokens, self.special), len(words), decoded.finished,
                          decoded.score)
