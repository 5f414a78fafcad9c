"""The one canonical result of a translation run, its JSON round trip, and the run's signature string.

Every output format (text, Markdown, JSON, and the review renderers) is rendered from a `Result`, and a Result
saved as JSON loads back unchanged, so a run can be reviewed or re-rendered later.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from translate import __version__
from translate.errors import InputError

RESULT_FORMAT = "inkuru-result"
RESULT_VERSION = 1

# Paragraph actions.
TRANSLATED, PASSED_THROUGH, KEPT = "translated", "passed_through", "kept"
ACTIONS = (TRANSLATED, PASSED_THROUGH, KEPT)
HUMAN_FLAG = "human_translation"  # the pipeline's FLAG_HUMAN (defined here too: the result needs no pipeline)


@dataclass(frozen=True)
class Signature:
    """What makes a run reproducible, printed sacrebleu-style: `model:…|rev:…|backend:hf|…|v:0.1.0`."""

    model: str
    revision: str
    backend: str
    direction: str  # "en-rw", "rw-en", or "auto(en)-rw" when the source language was detected
    beam: int
    glossary: str = "none"  # the loaded glossaries' hash and the steering mode ("glossary:c62f5702+prefer")
    version: str = __version__
    # Every other option that can change a translation: the longest input before a sentence is split, and the
    # engine's own (device, compute type, quantization). Empty in results written before they were recorded.
    max_input: int = 0
    options: str = ""

    def format(self) -> str:
        recorded = (("max-in", str(self.max_input)), ("opts", self.options or "none")) if self.max_input else ()
        fields = (
            ("model", self.model), ("rev", self.revision), ("backend", self.backend),
            ("dir", self.direction), ("beam", str(self.beam)), *recorded, ("glossary", self.glossary),
        )
        # The version always comes last, as in sacrebleu.
        return "|".join(f"{key}:{value}" for key, value in fields) + f"|v:{self.version}"

    def __str__(self) -> str:
        return self.format()


@dataclass
class Segment:
    """One sentence (or piece of a sentence that was too long for the model) and its translation."""

    source: str
    target: str
    flags: list[str] = field(default_factory=list)
    # The model's confidence in its translation (see `ParagraphResult.confidence`); None when no model made it.
    confidence: float | None = None


@dataclass
class ParagraphResult:
    id: int  # 1-based position in the document
    source: str
    target: str
    source_lang: str | None
    action: str
    terms: list[dict[str, Any]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    edited: bool = False
    approved: bool = False
    # Whose text `terms` and `flags` describe: "machine" (the translation as made) or "editor" (re-checked on an
    # editor's text by `translate.pipeline.recheck_edits`, with the same matcher and checks).
    checked: str = "machine"
    # Documents (HTML, DOCX): the block this paragraph is (its id in the file, its kind: heading, caption …) and
    # its inline markup: per span of the source, {"tag", "detail", "source": [start, end], "target": [start, end]
    # or None, "placed": how the target position was found}. Empty for plain text.
    block: str = ""
    kind: str = ""
    markup: list[dict[str, Any]] = field(default_factory=list)
    # A heuristic for "review this first", not a quality estimate: exp of the model's mean log-probability per
    # output token over the paragraph's sentences (token-weighted), from 0 to 1. None when no model translated
    # the paragraph (kept, passed through, a human translation from the memory) or the engine gave no scores.
    confidence: float | None = None
    # An editor's comment for the desk (the review workstation), carried into every export.
    comment: str = ""


@dataclass
class Result:
    document: str  # the input's file name, or "-" for standard input
    source_lang: str  # the document's main source language
    target_lang: str
    signature: Signature
    paragraphs: list[ParagraphResult]
    # The input's kind ("text", "html", "docx"), its SHA-256 (an edited result is written back only into the same
    # file) and, with --extract, the page's blocks judged not part of the article: {"block", "text", "reason"}.
    source_format: str = "text"
    source_digest: str = ""
    left_out: list[dict[str, str]] = field(default_factory=list)

    @property
    def target_text(self) -> str:
        """The translated article: one output paragraph per source paragraph, blank-line separated."""
        return "\n\n".join(p.target for p in self.paragraphs) + "\n"

    def counts(self) -> dict[str, int]:
        counts = {action: 0 for action in ACTIONS}
        for paragraph in self.paragraphs:
            counts[paragraph.action] += 1
        counts["flagged"] = sum(1 for p in self.paragraphs if p.flags)
        # Sentences (or lines) an editor's approved translation answered, from the translation memory.
        counts["human"] = sum(1 for p in self.paragraphs for s in p.segments if HUMAN_FLAG in s.flags)
        counts["paragraphs"] = len(self.paragraphs)
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": RESULT_FORMAT,
            "format_version": RESULT_VERSION,
            "signature": self.signature.format(),
            "run": asdict(self.signature),
            "document": self.document,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "paragraphs": [asdict(p) for p in self.paragraphs],
            "source_format": self.source_format,
            "source_digest": self.source_digest,
            "left_out": self.left_out,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], name: str = "result") -> Result:
        """Load a result saved by `to_dict`; a file of another shape gives an InputError naming it."""
        if not isinstance(data, dict) or data.get("format") != RESULT_FORMAT:
            raise InputError(f"{name}: not an Inkuru result (expected \"format\": \"{RESULT_FORMAT}\")")
        try:
            paragraphs = [
                ParagraphResult(**{**p, "segments": [Segment(**s) for s in p.get("segments", [])]})
                for p in data["paragraphs"]
            ]
            return cls(data["document"], data["source_lang"], data["target_lang"], Signature(**data["run"]), paragraphs,
                       str(data.get("source_format", "text")), str(data.get("source_digest", "")),
                       list(data.get("left_out", [])))
        except (KeyError, TypeError) as exc:
            raise InputError(f"{name}: malformed Inkuru result ({exc})") from None
