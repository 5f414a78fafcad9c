"""One input file as the pipeline sees it: read (text, web page or Word file), translated into one Result, and its
outputs written, each atomically. Shared by `inkuru translate` and `inkuru batch`.

Light at import (the CLI imports it at start-up): the pipeline, formats and renderers are imported when used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from translate.errors import InputError
from translate.formats import DOCUMENT_SUFFIXES

if TYPE_CHECKING:
    from translate.engines.base import Engine
    from translate.formats import SourceDocument
    from translate.glossary import Glossary
    from translate.pipeline import TranslateOptions
    from translate.result import Result

TEXT_SUFFIXES = (".txt", ".md")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + DOCUMENT_SUFFIXES
# Output formats and the file name ending each gets in an output folder ("" = the input's own suffix).
OUTPUT_ENDINGS = {"text": "", "markdown": ".review.md", "json": ".json", "html": ".review.html",
                  "tsv": ".review.tsv", "xliff": ".xlf"}


@dataclass(frozen=True)
class DocumentSource:
    """A web page or Word file as read, with its bytes (the translation is written back into a copy of them)."""

    document: SourceDocument
    data: bytes


Source = Union[str, DocumentSource]  # an article's text, or a document


def is_article(path: Path) -> bool:
    """A file `translate` and `batch` read: .txt, .md, .html/.htm/.xhtml or .docx, not hidden."""
    return path.is_file() and not path.name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES


def output_name(input_name: str, target: str, fmt: str) -> str:
    """`story.html` -> `story.rw.html` (text), `story.rw.json`, `story.rw.review.html` …"""
    stem, suffix = ("stdin", ".txt") if input_name == "-" else (Path(input_name).stem, Path(input_name).suffix or ".txt")
    return f"{stem}.{target}{OUTPUT_ENDINGS[fmt] or suffix}"


def read_source(path: str | Path, extract: bool = False, text: str | None = None) -> Source:
    """The file's text, or for a web page or Word file the document read; a bad or empty file is an InputError
    naming it. `text` is the content when it was read already (standard input)."""
    name = str(path)
    if text is None and Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
        from translate.fileio import read_bytes
        from translate.formats import read_document

        data = read_bytes(name)
        return DocumentSource(read_document(name, data, extract=extract), data)
    if extract:
        raise InputError(f"{name}: --extract finds the article in a web page (.html)")
    if text is None:
        from translate.fileio import read_text

        text = read_text(name)
    if not text.strip():
        raise InputError(f"{'standard input' if name == '-' else name}: the input is empty")
    return text


def translate_source(source: Source, engine: Engine, options: TranslateOptions, *, name: str,
                     progress: Callable[[int, int], None] | None = None) -> Result:
    """An article's text or a document through the pipeline into one Result."""
    if isinstance(source, str):
        from translate.pipeline import translate_document

        return translate_document(source, engine, options, name=name, progress=progress)
    from translate.formats.translation import translate_document_file

    return translate_document_file(source.document, source.data, engine, options, name=name, progress=progress)


def render_output(source: Source, result: Result, fmt: str, glossary: Glossary | None) -> str | bytes:
    """One output: a document's `text` is the translated page or Word file (bytes); the rest are renderings."""
    if fmt == "text" and isinstance(source, DocumentSource):
        from translate.formats.translation import write_document

        return write_document(source.document, result)[0]
    from translate.review import render

    return render(result, fmt, glossary)


def write_outputs(source: Source, result: Result, paths: Mapping[str, str | Path],
                  glossary: Glossary | None) -> None:
    """Write each format to its path, each atomically (a failed write leaves the previous file, if any)."""
    from translate.fileio import atomic_write_bytes, atomic_write_text

    for fmt, path in paths.items():
        output = render_output(source, result, fmt, glossary)
        if isinstance(output, bytes):
            atomic_write_bytes(path, output)
        else:
            atomic_write_text(path, output)
