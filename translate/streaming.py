"""Very large inputs: read a file line by line and hand the pipeline whole paragraphs a chunk at a time.

A chunk ends only at a blank line outside a fenced code block, which is exactly where `split_paragraphs` starts
a new paragraph, so chunked and whole-document splitting give the same paragraphs.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

from translate.document import FENCE
from translate.errors import InputError

STREAM_THRESHOLD_BYTES = 1 << 20  # inputs above this size are streamed when the output format allows it
PARAGRAPHS_PER_CHUNK = 200


def read_lines(path: str | Path) -> Iterator[str]:
    """The file's lines (ending "\\n" kept), decoded as UTF-8 one at a time; a bad byte raises InputError
    naming the file and line. A leading byte-order mark is dropped."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed in finally: this is a generator)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        for number, raw in enumerate(handle, start=1):
            try:
                line = decoder.decode(raw)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}:{number}: not valid UTF-8 (byte {exc.start + 1} of the line: "
                                 f"{raw[exc.start:exc.start + 1]!r}); save the file as UTF-8 and try again") from None
            if number == 1:
                if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    raise InputError(f"{path}:1: the file is UTF-16, not UTF-8; save it as UTF-8 and try again")
                line = line.removeprefix("\ufeff")
            yield line
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise InputError(f"{path}: the file ends in the middle of a UTF-8 character") from None
    finally:
        handle.close()


def paragraph_chunks(lines: Iterable[str], paragraphs_per_chunk: int = PARAGRAPHS_PER_CHUNK) -> Iterator[str]:
    """Consecutive pieces of the text, each holding whole paragraphs (about `paragraphs_per_chunk` of them)."""
    chunk: list[str] = []
    paragraphs, in_paragraph, fence = 0, False, None
    for line in lines:
        # Line ends as split_paragraphs sees them (CRLF and lone CR become line breaks).
        for part in line.replace("\r\n", "\n").replace("\r", "\n").splitlines(keepends=True):
            stripped = part.rstrip("\n")
            match = FENCE.match(stripped)
            if fence is not None:
                if match and match.group(1) == fence:
                    fence = None
            elif match:
                fence, in_paragraph = match.group(1), True
            elif stripped.strip():
                in_paragraph = True
            elif in_paragraph:  # a blank line ends a paragraph
                paragraphs, in_paragraph = paragraphs + 1, False
                if paragraphs >= paragraphs_per_chunk:
                    yield "".join(chunk)
                    chunk, paragraphs = [], 0
            chunk.append(part)
    if chunk:
        yield "".join(chunk)
