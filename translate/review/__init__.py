"""Renderers: every output format is a function of one Result. `RENDERERS` maps a format name to `(Result) -> str`."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from translate.errors import InkuruError
from translate.result import Result

if TYPE_CHECKING:
    from translate.glossary import Glossary

Renderer = Callable[[Result], str]


def render_text(result: Result) -> str:
    """The translated article alone, one paragraph per source paragraph."""
    return result.target_text


def render_json(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _lazy(module: str, name: str) -> Renderer:
    """A renderer imported on first use, so `inkuru --help` and text output never import rich or the page assets."""

    def renderer(result: Result) -> str:
        return getattr(importlib.import_module(module), name)(result)

    renderer.__name__ = name
    return renderer


render_markdown = _lazy("translate.review.tables", "render_markdown")
render_tsv = _lazy("translate.review.tables", "render_tsv")
render_html = _lazy("translate.review.html", "render_html")
render_terminal = _lazy("translate.review.terminal", "render_terminal")
render_xliff = _lazy("translate.review.xliff", "render_xliff")

RENDERERS: dict[str, Renderer] = {
    "text": render_text, "json": render_json, "markdown": render_markdown, "html": render_html, "tsv": render_tsv,
    "terminal": render_terminal, "xliff": render_xliff,
}


# Formats that show glossary entries (tooltips, XLIFF glossary module): they take the run's own Glossary.
GLOSSARY_FORMATS = {"html": ("translate.review.html", "render_html"), "xliff": ("translate.review.xliff", "render_xliff")}


def render(result: Result, fmt: str, glossary: Glossary | None = None) -> str:
    """Render `result` as `fmt`; `glossary` (the one the run used) supplies entry details, else the shipped one."""
    if fmt not in RENDERERS:
        raise InkuruError(f"unknown format {fmt!r} (choices: {', '.join(RENDERERS)})")
    if glossary is not None and fmt in GLOSSARY_FORMATS:
        module, name = GLOSSARY_FORMATS[fmt]
        return getattr(importlib.import_module(module), name)(result, glossary)
    return RENDERERS[fmt](result)
