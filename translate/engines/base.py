"""The engine interface: one batch-first call, plain data in and out (as CTranslate2's Translator)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Hypothesis:
    text: str
    tokens: int  # number of output tokens (without special tokens)
    finished: bool = True  # False when decoding stopped at the length limit instead of end-of-sentence
    score: float | None = None


@dataclass(frozen=True)
class EngineInfo:
    """What a run's signature records about the engine."""

    backend: str
    model: str  # hub id or folder path as given
    revision: str  # hub commit hash or a content hash of a local folder
    family: str  # marian | nllb | m2m100 | identity
    options: dict[str, str] = field(default_factory=dict)


class Engine(Protocol):
    info: EngineInfo
    max_input_tokens: int

    def translate_batch(
        self, sentences: list[str], source: str, target: str, *, avoid_repetition: bool = False
    ) -> list[Hypothesis]:
        """Translate `sentences` from `source` to `target` (language codes "en"/"rw"), one hypothesis each."""
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
        self, sentences: list[str], source: str, target: str, *, avoid_repetition: bool = False
    ) -> list[Hypothesis]:
        return [Hypothesis(s, len(s.split())) for s in sentences]

    def count_tokens(self, sentences: list[str], source: str) -> list[int]:
        return [len(s.split()) for s in sentences]
