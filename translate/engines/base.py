"""The engine interface: one batch-first call, plain data in and out (as CTranslate2's Translator)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Protocol

from translate.errors import EngineError


@dataclass(frozen=True)
class TermConstraint:
    """A glossary term the output must contain: any one of `forms` (target-language surface strings) will do."""

    key: str  # the glossary entry id
    forms: tuple[str, ...]  # most preferred first
    hard: bool = False  # required even when the search is not strict (names kept verbatim)
    source: str = ""  # the term as the source sentence has it (engines may align it to place the term)
    # Optional: tells whether a text satisfies the term in context (the glossary matcher); engines that can
    # use it make their notion of "present" agree with the term report.
    check: Callable[[str], bool] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Hypothesis:
    text: str
    tokens: int  # number of output tokens (without special tokens)
    finished: bool = True  # False when decoding stopped at the length limit instead of end-of-sentence
    score: float | None = None
    unmet: tuple[str, ...] = ()  # constraint keys the search could not satisfy
    unspellable: tuple[str, ...] = ()  # constraint keys dropped: the model cannot spell them, or no room
    steered: bool = False  # glossary constraints shaped the search: the output may differ from the model's own


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

        `constraints[i]` lists the terms sentence i's translation must contain (hard when `strict`, else
        preferred); an engine that cannot enforce them returns the hypothesis with those keys in `unmet`.
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
