"""Renderers: every output format is a function of one Result (text, JSON, Markdown; more in later modules)."""

from __future__ import annotations

import json
from collections.abc import Callable

from translate.errors import InkuruError
from translate.result import Result

Renderer = Callable[[Result], str]


def render_text(result: Result) -> str:
    """The translated article alone, one paragraph per source paragraph."""
    return result.target_text


def render_json(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def render_markdown(result: Result) -> str:
    """A review document: run header, then each paragraph's source and translation one under the other."""
    counts = result.counts()
    lines = [
        f"# {result.document}: {result.source_lang} → {result.target_lang}",
        "",
        f"`{result.signature.format()}`",
        "",
        f"{counts['paragraphs']} paragraphs: {counts['translated']} translated, "
        f"{counts['passed_through']} passed through, {counts['kept']} kept, {counts['flagged']} flagged.",
    ]
    for paragraph in result.paragraphs:
        status = paragraph.action.replace("_", " ")
        flags = f" — flags: {', '.join(f'`{f}`' for f in paragraph.flags)}" if paragraph.flags else ""
        lines += ["", f"## ¶{paragraph.id} ({status}){flags}", "", _quote(paragraph.source), ""]
        lines.append(paragraph.target if paragraph.action == "translated" else "*(unchanged)*")
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Renderer] = {"text": render_text, "json": render_json, "markdown": render_markdown}


def render(result: Result, fmt: str) -> str:
    try:
        return RENDERERS[fmt](result)
    except KeyError:
        raise InkuruError(f"unknown format {fmt!r} (choices: {', '.join(RENDERERS)})") from None
