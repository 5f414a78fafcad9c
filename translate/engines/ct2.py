"""CTranslate2 engine: a converted Marian or NLLB/M2M100 model, int8 on CPU, without torch or transformers.

Tokenization uses the files `inkuru models convert` copies next to the model: sentencepiece for Marian
(source.spm), the `tokenizers` library for NLLB (tokenizer.json). Both reproduce what the transformers tokenizer
does, so HF and CT2 decode the same tokens (checked by the parity tests).

Glossary terms: CTranslate2 has no lexically constrained search, but it can continue a translation from a forced
target prefix. A missing term is inserted at the word boundaries its source words attend to, the model completes
each candidate, and the most probable completion that carries the term wins (see `_force_term`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from translate.engines.base import EngineInfo, Hypothesis, TermConstraint, check_direction
from translate.errors import EngineError, ModelError
from translate.languages import get_language
from translate.models import folder_fingerprint

MANIFEST = "inkuru-ct2.json"  # written by `inkuru models convert`: what the engine needs to know
SPACE = "\u2581"  # sentencepiece's word-start marker
# Same output budget as the HF engine: an output may be this much longer than its input.
_OUTPUT_RATIO = 3.0
_OUTPUT_SLACK = 16
_CANDIDATE_POSITIONS = 6  # insertion points tried per missing term (the best aligned word boundaries)
_CANDIDATE_FORMS = 3  # spellings tried per insertion point


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
    attention: list[list[float]] | None = None


class _Tokenizer:
    """Source pieces in and output text out, the way the model's transformers tokenizer does it."""

    def __init__(self, folder: Path, family: str) -> None:
        self.family = family
        if family == "marian":
            import sentencepiece

            self.source_spm = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
            self.fast = None
        else:
            from tokenizers import Tokenizer

            self.fast = Tokenizer.from_file(str(folder / "tokenizer.json"))

    def pieces(self, text: str) -> list[str]:
        if self.fast is not None:
            return list(self.fast.encode(text, add_special_tokens=False).tokens)
        return list(self.source_spm.encode(text, out_type=str))

    def detokenize(self, pieces: list[str], special: set[str]) -> str:
        kept = [p for p in pieces if p not in special]
        if self.fast is not None:
            ids = [self.fast.token_to_id(p) for p in kept]
            return self.fast.decode([i for i in ids if i is not None], skip_special_tokens=True).strip()
        return "".join(kept).replace(SPACE, " ").strip()


class CT2Engine:
    """One converted model loaded with ctranslate2.Translator; batch-first calls, plain data in and out."""

    # Decoding memory grows with sentences x beam (about 3 MB per hypothesis on an opus-mt-size model): 8
    # sentences keep a beam-4 run near 200 MB at about 80 % of the throughput of 16 (bench/throughput.py).
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
        constraints = constraints or [[] for _ in sentences]
        decoded = self._decode(sources, target, [[] for _ in sources], self.beam, avoid_repetition,
                               attention=any(constraints))
        hypotheses = []
        for sentence_source, output, terms in zip(sources, decoded, constraints):
            first = output
            for term in terms:
                if not self._has(output.tokens, term):
                    others = [t for t in terms if t is not term]
                    output = self._force_term(sentence_source, output, term, others, target,
                                              avoid_repetition) or output
            unmet = tuple(t.key for t in terms if not self._has(output.tokens, t))
            hypotheses.append(replace(self._hypothesis(output, unmet), steered=output is not first))
        return hypotheses

    def _decode(self, sources: list[list[str]], target: str, prefixes: list[list[str]], beam: int,
                avoid_repetition: bool, attention: bool = False) -> list[_Decoded]:
        lead = self._prefix(target)
        budget = min(self._max_positions - 1, int(max(len(s) for s in sources) * _OUTPUT_RATIO) + _OUTPUT_SLACK)
        # As transformers' max_new_tokens, the budget counts a generated language code (NLLB) too.
        options: dict[str, Any] = {"beam_size": beam, "max_decoding_length": budget + max(len(p) for p in prefixes),
                                   "return_attention": attention}
        if avoid_repetition:
            options.update(no_repeat_ngram_size=3, repetition_penalty=1.3)
        if self.output_tokens:
            options.update(min_decoding_length=self.output_tokens + len(lead),
                           max_decoding_length=self.output_tokens + len(lead))
        target_prefix = [lead + p for p in prefixes] if lead or any(prefixes) else None
        try:
            results = self.translator.translate_batch(sources, target_prefix, **options)
        except (RuntimeError, ValueError) as exc:
            raise EngineError(f"CTranslate2 translation failed: {exc}") from None
        decoded = []
        for result, prefix in zip(results, prefixes):
            tokens = list(result.hypotheses[0])[len(lead):]
            finished = len(result.hypotheses[0]) < options["max_decoding_length"] or bool(self.output_tokens)
            weights = result.attention[0][len(lead):] if attention and result.attention else None
            decoded.append(_Decoded(tokens, finished, weights))
        return decoded

    def _hypothesis(self, decoded: _Decoded, unmet: tuple[str, ...] = ()) -> Hypothesis:
        words = [t for t in decoded.tokens if t not in self.special]
        return Hypothesis(self.tokenizer.detokenize(decoded.tokens, self.special), len(words), decoded.finished,
                          None, unmet)

    # -- prefix-based term forcing ---------------------------------------------------------------------------------

    def _has(self, tokens: list[str], term: TermConstraint) -> bool:
        text = self.tokenizer.detokenize(tokens, self.special)
        if term.check is not None:
            return term.check(text)
        return any(form.lower() in text.lower() for form in term.forms)

    def _spellings(self, term: TermConstraint, sentence_start: bool) -> list[list[str]]:
        forms = [f[:1].upper() + f[1:] if sentence_start else f for f in term.forms]
        spelled = [self.tokenizer.pieces(f) for f in dict.fromkeys(forms)]
        return [p for p in spelled if p][:_CANDIDATE_FORMS]

    def _force_term(self, source: list[str], output: _Decoded, term: TermConstraint,
                    others: list[TermConstraint], target: str, avoid_repetition: bool) -> _Decoded | None:
        """The most probable completion that carries `term`, forced in at the best aligned word boundaries.

        Candidates that lose another term the output already had rank below those that keep it.
        """
        positions = self._insertion_points(source, output, term)
        candidates: list[list[str]] = []
        for position in positions:
            head = output.tokens[:position]
            for spelling in self._spellings(term, position == 0):
                candidates.append(head + spelling)
        if not candidates:
            return None
        completions = self._decode([source] * len(candidates), target, candidates, 1, avoid_repetition,
                                   attention=True)
        kept = [t for t in others if self._has(output.tokens, t)]
        usable = [c for c in completions if self._has(c.tokens, term)]
        if not usable:
            return None
        scores = self._scores(source, [c.tokens for c in usable], target)
        return max(zip(usable, scores),
                   key=lambda pair: (sum(self._has(pair[0].tokens, t) for t in kept), pair[0].finished, pair[1]))[0]

    def _insertion_points(self, source: list[str], output: _Decoded, term: TermConstraint) -> list[int]:
        """Word-start positions of the output, those attending most to the term's source words first."""
        starts = [i for i, token in enumerate(output.tokens) if i == 0 or token.startswith(SPACE)]
        starts.append(len(output.tokens))
        span = _source_span(source, term.source)
        if span and output.attention:
            def weight(position: int) -> float:
                row = output.attention[min(position, len(output.attention) - 1)]
                return sum(row[i] for i in span if i < len(row))

            starts.sort(key=weight, reverse=True)
        return starts[:_CANDIDATE_POSITIONS] if span else starts[:4 * _CANDIDATE_POSITIONS]

    def _scores(self, source: list[str], targets: list[list[str]], target: str) -> list[float]:
        """Mean log-probability of each target under the model (comparable across lengths)."""
        lead = self._prefix(target)
        try:
            results = self.translator.score_batch([source] * len(targets), [lead + t for t in targets])
        except (RuntimeError, ValueError) as exc:
            raise EngineError(f"CTranslate2 scoring failed: {exc}") from None
        return [sum(r.log_probs) / max(1, len(r.log_probs)) for r in results]


def _source_span(source: list[str], surface: str) -> list[int]:
    """Indices of the source pieces that spell `surface` (case-insensitive), or [] when it is not found."""
    if not surface:
        return []
    text, starts = "", []
    for piece in source:
        starts.append(len(text))
        text += piece.replace(SPACE, " ")
    at = text.lower().find(surface.lower())
    if at < 0:
        return []
    end = at + len(surface)
    return [i for i, start in enumerate(starts) if start < end and start + len(source[i]) > at]
