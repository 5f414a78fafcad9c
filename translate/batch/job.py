"""A batch job's plain data (settings, one file's task and outcome) and `FileTranslator`, the object every worker
holds: one engine and glossary, loaded once, translating whole files into their outputs.

The same FileTranslator runs in a local worker process and in a Ray actor; both return a `FileOutcome` (plain,
picklable data) to the process that runs the job, which alone records it in the manifest.
"""

from __future__ import annotations

import os
import socket
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from translate.articles import is_article, output_name
from translate.errors import DiskFullError, InkuruError
from translate.fileio import DISK_FULL_ERRNOS
from translate.formats import HTML_SUFFIXES

DEFAULT_FORMATS = ("text", "json", "html")  # the translation, its Result, its review page (the index links it)
# Written whatever --format says: the Result (json), from which an article can be reviewed and re-rendered later.
REQUIRED_FORMATS = ("json",)


@dataclass(frozen=True)
class JobSettings:
    """Everything that decides a job's outputs; stored in the manifest, so a re-run with others is refused."""

    target: str
    source: str = "auto"
    model: str = ""  # hub id or folder ("" = the default model for the direction)
    backend: str = "auto"
    device: str = "cpu"
    beam: int = 4
    batch_size: int | None = None
    max_batch_tokens: int | None = None
    max_input_tokens: int | None = None
    glossaries: tuple[str, ...] = ()  # TSV files or folders ("()" = the shipped glossaries)
    glossary_mode: str = "prefer"
    no_glossary: bool = False
    extract: bool = False
    formats: tuple[str, ...] = DEFAULT_FORMATS
    allow_pickle: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {key: list(value) if isinstance(value, tuple) else value for key, value in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JobSettings:
        return cls(**{key: tuple(value) if isinstance(value, list) else value for key, value in data.items()})

    def differences(self, other: JobSettings) -> list[str]:
        mine, theirs = asdict(self), asdict(other)
        return [f"{key}: {theirs[key]!r} then, {mine[key]!r} now" for key in mine if mine[key] != theirs[key]]


@dataclass(frozen=True)
class FileTask:
    """One input file to translate: its path relative to the input folder, and the two folders (absolute, on a
    path every worker sees)."""

    path: str
    input_root: str
    output_root: str

    @property
    def source(self) -> Path:
        return Path(self.input_root) / self.path

    def outputs(self, settings: JobSettings) -> dict[str, str]:
        """Format -> output path relative to the output folder, mirroring the input's folders."""
        folder = Path(self.path).parent
        return {fmt: (folder / output_name(self.path, settings.target, fmt)).as_posix()
                for fmt in dict.fromkeys((*settings.formats, *REQUIRED_FORMATS))}


@dataclass
class FileOutcome:
    """What a worker did with one file: done, failed (with the reason), or stopped because the disk is full."""

    path: str
    status: str  # "done" | "failed" | "disk_full"
    outputs: dict[str, str] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    worker: str = ""


def scan_inputs(input_root: Path, output_root: Path) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime_ns) of every article under `input_root`, sorted, leaving out the output folder
    when it lies inside the input folder."""
    output_root = output_root.resolve()
    found = []
    for path in input_root.rglob("*"):
        if not is_article(path) or path.resolve().is_relative_to(output_root):
            continue
        if any(part.startswith(".") for part in path.relative_to(input_root).parts):
            continue
        stat = path.stat()
        found.append((path.relative_to(input_root).as_posix(), stat.st_size, stat.st_mtime_ns))
    return sorted(found)


def result_summary(result: Any, seconds: float, tokens: int) -> dict[str, Any]:
    """The numbers the job's summary adds up, from one file's Result."""
    statuses = Counter(str(term["status"]) for p in result.paragraphs for term in p.terms)
    flags = Counter(flag.split(":", 1)[0] for p in result.paragraphs for flag in p.flags)
    return {"counts": result.counts(), "terms": dict(sorted(statuses.items())), "flags": dict(sorted(flags.items())),
            "source_lang": result.source_lang, "signature": result.signature.format(),
            "words": sum(len(p.source.split()) for p in result.paragraphs), "tokens": tokens,
            "seconds": round(seconds, 3)}


class _TokenCounter:
    """Wraps an engine to count the output tokens it produces (the job's tokens/s); cached sentences count 0."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self.tokens = 0

    def translate_batch(self, sentences: list[str], *args: Any, **kwargs: Any) -> Any:
        hypotheses = self._engine.translate_batch(sentences, *args, **kwargs)
        self.tokens += sum(h.tokens for h in hypotheses)
        return hypotheses

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)


class FileTranslator:
    """One engine and glossary for the whole job, translating one file per call into its outputs.

    `threads` is this worker's share of the cores; `memory` the translation memory's path (None: the default,
    "" for none). Loading errors (unknown model, bad glossary) raise: the job cannot run without its engine.
    """

    def __init__(self, settings: JobSettings, threads: int = 0, memory: str | None = None) -> None:
        from translate.engines import load_engine
        from translate.languages import other_language
        from translate.models import default_model
        from translate.pipeline import TranslateOptions

        self.settings = settings
        self.worker = f"{socket.gethostname()}:{os.getpid()}"
        model = settings.model or default_model(
            other_language(settings.target) if settings.source == "auto" else settings.source, settings.target)
        glossary = None
        if not settings.no_glossary:
            from translate.glossary import load_glossaries

            glossary = load_glossaries(list(settings.glossaries) or None)
        engine = load_engine(settings.backend, model, device=settings.device, beam=settings.beam,
                             max_input_tokens=settings.max_input_tokens, allow_pickle=settings.allow_pickle,
                             threads=threads)
        self.counter = _TokenCounter(engine)
        self.engine: Any = self.counter
        if memory != "":
            from translate.memory import CachedEngine, TranslationMemory

            self.engine = CachedEngine(self.counter, TranslationMemory(memory))
        self.glossary = glossary
        batch_size = settings.batch_size or getattr(engine, "preferred_batch_size", 16)
        self.options = TranslateOptions(settings.target, settings.source, batch_size, glossary,
                                        settings.glossary_mode, settings.max_batch_tokens)

    def __call__(self, task: FileTask) -> FileOutcome:
        from translate.articles import read_source, translate_source, write_outputs

        started, tokens_before = time.perf_counter(), self.counter.tokens
        outputs = task.outputs(self.settings)
        try:
            # --extract is for web pages; an archive mixes them with text and Word files, which it leaves alone.
            extract = self.settings.extract and task.source.suffix.lower() in HTML_SUFFIXES
            source = read_source(task.source, extract)
            result = translate_source(source, self.engine, self.options, name=task.path)
            paths = {fmt: Path(task.output_root) / relative for fmt, relative in outputs.items()}
            for path in {p.parent for p in paths.values()}:
                path.mkdir(parents=True, exist_ok=True)
            write_outputs(source, result, paths, self.glossary)
        except DiskFullError as error:
            return FileOutcome(task.path, "disk_full", reason=str(error), worker=self.worker)
        except InkuruError as error:
            return FileOutcome(task.path, "failed", reason=str(error), worker=self.worker)
        except OSError as error:  # a folder that cannot be made (full disk, permissions)
            status = "disk_full" if error.errno in DISK_FULL_ERRNOS else "failed"
            return FileOutcome(task.path, status, reason=f"{task.path}: {error.strerror or error}",
                               worker=self.worker)
        except Exception as error:  # noqa: BLE001 - a file that crashes a parser must not stop the archive
            return FileOutcome(task.path, "failed", worker=self.worker,
                               reason=f"{task.path}: internal error ({type(error).__name__}: {error})")
        summary = result_summary(result, time.perf_counter() - started, self.counter.tokens - tokens_before)
        return FileOutcome(task.path, "done", outputs, summary, worker=self.worker)
