"""Documents other than plain text: a file -> blocks -> the same kind of file in the other language.

A reader turns a web page or a Word file into `Block`s: the text of each heading, paragraph, list item, caption or
table cell, with its inline markup (links, emphasis, footnote marks) held aside as `InlineSpan`s over that text.
The pipeline translates each block as one paragraph and never knows which kind of file it came from; the document
then writes the translations back into a copy of the original, where only the blocks' text has changed.

Readers are deterministic: reading the same file again gives the same block ids, which is how an edited result
(`inkuru review edited.json --format document`) is written back into the original's structure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from translate.errors import InputError

TEXT, HTML, DOCX = "text", "html", "docx"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DOCX_SUFFIXES = (".docx",)
DOCUMENT_SUFFIXES = HTML_SUFFIXES + DOCX_SUFFIXES

# Block kinds, as the review shows them.
HEADING, PARAGRAPH, LIST_ITEM, QUOTE, CAPTION, TABLE_CELL, TITLE, ALT_TEXT, NOTE, HEADER, FOOTER = (
    "heading", "paragraph", "list_item", "quote", "caption", "table_cell", "title", "alt_text", "note", "header",
    "footer")


@dataclass(frozen=True)
class InlineSpan:
    """Inline markup over block text [start, end): a link, emphasis, a run's formatting; zero-width for an object
    that sits between words (a footnote mark, an inline picture, a bookmark)."""

    start: int
    end: int
    tag: str  # what an editor is shown: "a", "b", "i", "u", "format", "note", "object" …
    detail: str = ""  # a link's address (shown, never followed)


@dataclass(frozen=True)
class Block:
    id: str  # stable within the file: the same file read again gives the same ids
    kind: str
    text: str  # plain text; "\n" where the block has a line break
    spans: tuple[InlineSpan, ...] = ()


@dataclass(frozen=True)
class BlockTranslation:
    """What goes back into a block: its translated text and, per source span (same order), where that span's
    markup goes in it (None: it could not be placed and is left out, which the result flags)."""

    text: str
    spans: tuple[tuple[int, int] | None, ...] = ()


@dataclass(frozen=True)
class LeftOut:
    """A block that `--extract` judged not part of the article: kept as written, listed for the editor."""

    id: str
    text: str
    reason: str


class SourceDocument(Protocol):
    kind: str  # HTML or DOCX
    blocks: list[Block]
    left_out: list[LeftOut]

    def write(self, translations: Mapping[str, BlockTranslation], lang: str) -> bytes:
        """The original file with each translated block's text replaced, in `lang`; other blocks unchanged."""
        ...


@dataclass(frozen=True)
class DocumentLimits:
    """Caps that keep a hostile file from exhausting memory (a zip bomb, a page of millions of nodes)."""

    max_file_bytes: int = 100_000_000
    max_unpacked_bytes: int = 200_000_000
    max_zip_entries: int = 5_000
    max_blocks: int = 100_000


LIMITS = DocumentLimits()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def kind_of(name: str, data: bytes) -> str:
    """TEXT, HTML or DOCX, by content; a file whose extension says otherwise is refused with what it looks like."""
    suffix = Path(name).suffix.lower()
    looks = _sniff(data)
    claimed = DOCX if suffix in DOCX_SUFFIXES else HTML if suffix in HTML_SUFFIXES else TEXT
    if looks == "ole":
        raise InputError(f"{name}: an encrypted (password-protected) Word file or an old .doc file; open it in "
                         "Word and save it as .docx without a password")
    if looks in ("zip", "binary") and claimed != DOCX:
        what = "a zip archive (a Word document?)" if looks == "zip" else "binary data"
        raise InputError(f"{name}: the file is {what}, not {'HTML' if claimed == HTML else 'text'}"
                         + ("; if it is a Word document, rename it to .docx" if looks == "zip" else ""))
    if claimed == DOCX and looks != "zip":
        what = "an HTML page" if looks == HTML else "text" if looks == TEXT else "not a Word document"
        raise InputError(f"{name}: the file is {what}, not a Word document (.docx is a zip archive)")
    if claimed == TEXT and looks == HTML and suffix not in (".md", ".txt"):
        return HTML  # no telling suffix (stdin, "story"): the content decides
    return claimed


def _sniff(data: bytes) -> str:
    head = data[:1024]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<!--", b"<meta",
                            b"<div", b"<p>", b"<p ", b"<h1")):
        return HTML
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return TEXT


def read_document(name: str, data: bytes, *, extract: bool = False) -> SourceDocument:
    """Read an HTML page or a Word file; `extract` keeps only the article of a whole saved page (HTML)."""
    if len(data) > LIMITS.max_file_bytes:
        raise InputError(f"{name}: the file is {len(data) / 1e6:.0f} MB, over the {LIMITS.max_file_bytes / 1e6:.0f} "
                         "MB a document may have")
    kind = kind_of(name, data)
    _require_extra(name, ("lxml",) + (("docx",) if kind == DOCX else ("trafilatura", "lxml_html_clean")
                                       if extract else ()))
    if kind == DOCX:
        if extract:
            raise InputError(f"{name}: --extract finds the article in a web page; a Word file is translated whole")
        from translate.formats.docx import read_docx

        return read_docx(name, data)
    if kind == HTML:
        from translate.formats.html import read_html

        return read_html(name, data, extract=extract)
    raise InputError(f"{name}: not an HTML page or a Word document")


def _require_extra(name: str, modules: tuple[str, ...]) -> None:
    import importlib.util

    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise InputError(f"{name}: reading web pages and Word files needs the documents extra "
                         f"({', '.join(missing)} missing): pip install 'inkuru[documents]'")


def check_zip(name: str, data: bytes) -> None:
    """Refuse a zip that is damaged, has too many entries, or unpacks to more than the cap (a zip bomb), before
    any XML in it is parsed. Sizes are read, not trusted from the headers."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError(f"{name}: not a valid Word document (damaged zip: {exc})") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > LIMITS.max_zip_entries:
            raise InputError(f"{name}: the archive has {len(entries)} entries, over {LIMITS.max_zip_entries}; "
                             "refused as unsafe")
        budget = LIMITS.max_unpacked_bytes
        for entry in entries:
            if entry.file_size > budget:
                raise _too_big(name)
            try:
                with archive.open(entry) as member:
                    while chunk := member.read(1 << 20):
                        budget -= len(chunk)
                        if budget < 0:
                            raise _too_big(name)
            except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as exc:
                if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
                    raise InputError(f"{name}: the archive is encrypted; save the document without a password") \
                        from None
                raise InputError(f"{name}: not a valid Word document ({entry.filename}: {exc})") from None


def _too_big(name: str) -> InputError:
    return InputError(f"{name}: unpacks to more than {LIMITS.max_unpacked_bytes / 1e6:.0f} MB (a zip bomb?); "
                      "refused as unsafe")
