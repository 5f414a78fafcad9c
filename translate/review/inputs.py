"""Reading what `inkuru review` accepts: a result JSON, or an XLIFF file exported from one (post-edited)."""

from __future__ import annotations

import json
from pathlib import Path

from translate.errors import InputError
from translate.fileio import decode_utf8, read_text
from translate.result import ACTIONS, Result
from translate.review.xliff import read_xliff

XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlf2")


def parse_result(text: str, name: str) -> Result:
    """A Result from JSON or XLIFF text (XLIFF when the name says so or the text starts with '<')."""
    if name.lower().endswith(XLIFF_SUFFIXES) or text.lstrip().startswith("<"):
        return check_result(read_xliff(text, name), name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") from None
    return check_result(Result.from_dict(data, name), name)


def read_result(path: str) -> Result:
    """Read a result JSON or XLIFF file ('-' = standard input)."""
    if path == "-":
        import sys

        return parse_result(decode_utf8(sys.stdin.buffer.read(), "<stdin>"), "<stdin>")
    return parse_result(read_text(path), str(Path(path)))


def check_result(result: Result, name: str) -> Result:
    """Refuse a result whose paragraphs the renderers cannot show (hand-edited JSON), naming the paragraph."""
    for field in ("document", "source_lang", "target_lang"):
        if not isinstance(getattr(result, field), str):
            raise InputError(f"{name}: '{field}' must be text (got {getattr(result, field)!r:.40})")
    try:
        json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{name}: holds a lone surrogate ({exc.object[exc.start]!r}), which is not a character; "
                         "fix the \\ud800-\\udfff escape in the file") from None
    seen: set[int] = set()
    for number, p in enumerate(result.paragraphs, 1):
        where = f"{name}: paragraph {number}"
        if not isinstance(p.id, int) or isinstance(p.id, bool) or p.id in seen or not 0 < p.id < 2**31:
            raise InputError(f"{where}: 'id' must be a unique whole number from 1 (got {p.id!r:.40})")
        if not isinstance(p.source, str) or not isinstance(p.target, str):
            raise InputError(f"{where}: 'source' and 'target' must be text")
        if p.source_lang is not None and not isinstance(p.source_lang, str):
            raise InputError(f"{where}: 'source_lang' must be text")
        if p.action not in ACTIONS:
            raise InputError(f"{where}: unknown action {p.action!r} (expected one of: {', '.join(ACTIONS)})")
        if not isinstance(p.terms, list) or not all(isinstance(t, dict) for t in p.terms) or \
                not isinstance(p.flags, list) or not all(isinstance(f, str) for f in p.flags):
            raise InputError(f"{where}: 'terms' must be a list of objects and 'flags' a list of text")
        if p.confidence is not None and (isinstance(p.confidence, bool) or
                                         not isinstance(p.confidence, (int, float)) or not 0 <= p.confidence <= 1):
            raise InputError(f"{where}: 'confidence' must be a number from 0 to 1, or null")
        if not isinstance(p.comment, str):
            raise InputError(f"{where}: 'comment' must be text")
        seen.add(p.id)
    return result
