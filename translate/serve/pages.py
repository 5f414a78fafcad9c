"""The workstation's HTML: Jinja2 templates with autoescaping on, fed the same view data as the review renderers
(`translate.review.view`), so the page and the self-contained review file mark terms and problems alike."""

from __future__ import annotations

import datetime
from functools import cache
from typing import Any

import jinja2

from translate.glossary import Glossary
from translate.review.view import (
    STATUS_SYMBOLS, Term, flag_label, language_name, paragraph_terms, pieces, problems, status_note,
)


def _when(timestamp: float | None) -> str:
    if not timestamp:
        return ""
    return datetime.datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


def _marked(text: str, terms: list[Term], side: str) -> list[tuple[str, Term | None]]:
    spans = [((t.source_span if side == "src" else t.target_span), t) for t in terms]
    return pieces(text, [(span, term) for span, term in spans if span])


def _tooltip(term: Term, glossary: Glossary | None) -> str:
    entry = glossary.get(term.entry) if glossary is not None else None
    parts = [f"{term.entry}: {term.status}"]
    if entry is not None and entry.rw:
        parts.append(f"rw: {entry.rw[0]}" + (f" (also {', '.join(entry.rw[1:3])})" if len(entry.rw) > 1 else ""))
    if term.message:
        parts.append(term.message)
    return " · ".join(parts)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("translate.serve", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    env.globals.update(language_name=language_name, status_note=status_note, flag_label=flag_label,
                       symbols=STATUS_SYMBOLS, paragraph_terms=paragraph_terms, problems=problems, marked=_marked,
                       tooltip=_tooltip, when=_when)
    return env


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def render_checks(row: Any, glossary: Glossary | None) -> str:
    """The part of an editor row a save changes (state, checks, diff), for the page to swap in."""
    return environment().get_template("checks.html").render(row=row, glossary=glossary)


def error_page(message: str) -> str:
    return render("error.html", message=message, editor="", csrf="", signed_in=False)
