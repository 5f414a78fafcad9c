"""A rich side-by-side table for reading a review in a terminal, glossary terms highlighted by status."""

from __future__ import annotations

import io
import re

from rich.console import Console
from rich.table import Table
from rich.text import Text

from translate.result import ParagraphResult, Result
from translate.review.view import STATUS_SYMBOLS, TERM_STATUSES, Term, paragraph_terms, problems, term_counts

STYLES = {"satisfied": "bold green", "missing": "bold red underline", "forbidden": "bold red strike",
          "warning": "bold yellow"}
# Article text must not drive the terminal: escape sequences and other control characters are shown as '�'.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


def _highlighted(text: str, terms: list[Term], side: str) -> Text:
    # Text objects are never parsed as rich markup, so '[bold]' in an article stays literal.
    out = Text(_clean(text))
    for term in terms:
        span = term.source_span if side == "source" else term.target_span
        if span:
            status = "satisfied" if side == "target" and term.status == "missing" else term.status
            out.stylize(STYLES[status], *span)
    return out


def _notes(paragraph: ParagraphResult, terms: list[Term]) -> Text:
    notes = Text()
    states = [paragraph.action.replace("_", " ")] if paragraph.action != "translated" else []
    states += ["edited"] * paragraph.edited + ["approved"] * paragraph.approved
    states += ["checked on the edited text"] * (paragraph.checked == "editor")
    if states:
        notes.append(", ".join(states), style="cyan")
    for issue in problems(paragraph, terms):
        notes.append(("\n" if notes else "") + _clean(f"⚠ {issue}"), style="yellow")
    return notes


def render_terminal(result: Result, *, color: bool = True, width: int = 120) -> str:
    """The review as a table (¶, source, translation, notes); ANSI colours unless `color` is False."""
    counts, terms = result.counts(), term_counts(result)
    table = Table(show_lines=True, expand=True, title=_clean(f"{result.document}: {result.source_lang} → "
                                                             f"{result.target_lang}"))
    table.add_column("¶", justify="right", no_wrap=True)
    table.add_column("Source", ratio=5)
    table.add_column("Translation", ratio=5)
    table.add_column("Notes", ratio=2)
    for paragraph in result.paragraphs:
        found = paragraph_terms(paragraph)
        table.add_row(str(paragraph.id), _highlighted(paragraph.source, found, "source"),
                      _highlighted(paragraph.target, found, "target"), _notes(paragraph, found))
    summary = (
        f"{result.signature.format()}\n{counts['paragraphs']} paragraphs, {counts['translated']} translated, "
        f"{counts['passed_through']} passed through, {counts['kept']} kept, {counts['flagged']} flagged; terms "
        + ", ".join(f"{STATUS_SYMBOLS[s]} {terms[s]} {s}" for s in TERM_STATUSES)
    )
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, legacy_windows=False)
    console.print(table)
    console.print(Text(_clean(summary)))
    return buffer.getvalue()
