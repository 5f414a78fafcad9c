"""The engine interface: one batch-first call, plain data in and out (as CTranslate2's Translator)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from translate.constraints import TermConstraint
from translate.errors import EngineError

__all__ = ["Engine", "EngineInfo", "Hypothesis", "IdentityEngine", "ScoredTarget", "TermConstraint",
           "check_direction"]


@dataclass(frozen=True)
class Hypothesis:
    text: str
    tokens: int  # number of output tokens (without special tokens)
    finished: bool = True  # False when decoding stopped at the length limit instead of end-of-sentence
    score: float | None = None
    unmet: tuple[str, ...] = ()  # constraint keys the engine could not place
    steered: bool = False  # glossary terms were placed into the translation: it differs from the model's own


@dataclass(frozen=True)
class ScoredTarget:
    """A given translation of a sentence scored by the model (as CTranslate2's score_batch), in plain data."""

    pieces: tuple[str, ...]  # the target's pieces ("\u2581" starts a word), without special tokens
    log_probs: tuple[float, ...]  # one per piece, then one for the end of the sentence
    source_pieces: tuple[str, ...] = ()  # the sentence as the model reads it (special tokens included)
    alignment: tuple[tuple[float, ...], ...] | None = None  # per piece: cross-attention over source_pieces

    @property
    def score(self) -> float:
        """Mean log-probability per token: comparable across outputs of different lengths."""
        return sum(self.log_probs) / max(1, len(self.log_probs))


@dataclass(frozen=True)
class EngineInfo:
    """What a run's signature records about the engine."""

    backend: str
    model: str  # hub id or folder path as given
    revision: str  # hub commit hash or a content hash of a local folder
    family: str  # marian | nllb | m2m100 | identity
    options: dict[str, str] = field(default_factory=dict)


def check_direction(model: str, model_source: str | None, model_target: str | None, source: str,
                    target: str) -> None:
    """A one-way model (opus-mt) asked for the reverse of its pair: say so rather than translate the wrong way."""
    if model_source and model_target and {model_source, model_target} == {source, target} and (
            model_source, model_target) != (source, target):
        raise EngineError(f"model {model} translates {model_source}->{model_target}, not {source}->{target}; "
                          f"pass --model with a {source}->{target} model")


class Engine(Protocol):
    info: EngineInfo
    max_input_tokens: int

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
        """Translate `sentences` from `source` to `target` (language codes "en"/"rw"), one hypothesis each.

        `constraints[i]` lists the glossary terms of sentence i. The engines translate, then place the terms
        their translation lacks (translate.engines.placement): every one when `strict`, else those the model
        finds a fitting place for, and names kept verbatim (`hard`) always. Keys still missing are in `unmet`.
        """
        ...

    def count_tokens(self, sentences: list[str], source: str) -> list[int]:
        """Number of model input tokens for each sentence (used to split sentences that do not fit)."""
        ...


class IdentityEngine:
    """Returns every sentence unchanged: a fast, model-free engine for pipeline tests and fuzzing."""

    def __init__(self, max_input_tokens: int = 256) -> None:
        self.info = EngineInfo("identity", "identity", "0", "identity")
        self.max_input_tokens = max_input_tokens

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
        unmet = [tuple(c.key for c in cs if not any(f in s for f in c.forms))
                 for s, cs in zip(sentences, constraints or [[] for _ in sentences])]
        return [Hypothesis(s, len(s.split()), unmet=u) for s, u in zip(sentences, unmet)]

    def count_tokens(self, sentences: list[str], source: str) -> list[int]:
        return [len(s.split()) for s in sentences]
