"""Markdown (a review document) and TSV (one row per paragraph, for spreadsheets) renderers."""

from __future__ import annotations

import re

from translate.result import TRANSLATED, Result
from translate.review.view import (
    STATUS_SYMBOLS, TERM_STATUSES, language_name, paragraph_terms, problems, status_note, term_counts,
    term_summary,
)

# CommonMark punctuation that could start markup inside article text: escaped so text renders as text,
# never as raw HTML, links or emphasis.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=~-]|\d+[.)])", re.MULTILINE)
_SAFE_CODE = re.compile(r"[\w.:|()/@+-]+")
TSV_COLUMNS = ("id", "source", "target", "action", "terms", "flags")


def md_escape(text: str) -> str:
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _MD_INLINE.sub(r"\\\1", text))


def _code(text: str) -> str:
    """A code span for ids and signatures; anything that could end the span is escaped text instead."""
    return f"`{text}`" if _SAFE_CODE.fullmatch(text) else md_escape(text)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in md_escape(text).split("\n"))


def render_markdown(result: Result) -> str:
    """Run header and counts, then per paragraph: status, source (quoted), translation, terms and problems."""
    counts, terms = result.counts(), term_counts(result)
    lines = [
        "# " + md_escape(f"{result.document}: {language_name(result.source_lang)} → "
                         f"{language_name(result.target_lang)}"),
        "",
        _code(result.signature.format()),
        "",
        f"{counts['paragraphs']} paragraphs: {counts['translated']} translated, "
        f"{counts['passed_through']} passed through, {counts['kept']} kept, {counts['flagged']} flagged. "
        "Terms: " + ", ".join(f"{terms[s]} {s}" for s in TERM_STATUSES) + ".",
    ]
    for paragraph in result.paragraphs:
        found = paragraph_terms(paragraph)
        marks = [f"{paragraph.action.replace('_', ' ')}"] + ([paragraph.kind.replace("_", " ")] if paragraph.kind else [])
        marks += ["approved"] if paragraph.approved else []
        marks += ["edited"] if paragraph.edited else []
        marks += ["checked on the edited text"] if paragraph.checked == "editor" else []
        lines += ["", f"## ¶{paragraph.id} ({', '.join(marks)})", "", _quote(paragraph.source), ""]
        if paragraph.action == TRANSLATED or paragraph.edited:
            lines.append(md_escape(paragraph.target) if paragraph.target.strip() else "*(empty)*")
        else:
            lines.append(f"*({md_escape(status_note(paragraph, language_name(result.target_lang)))})*")
        if found:
            lines += ["", "Terms: " + "; ".join(
                f"{STATUS_SYMBOLS[t.status]} {md_escape(t.source_surface or t.entry)} → "
                f"{md_escape(t.target_surface) if t.target_surface else '—'} ({_code(t.entry)}, {t.status})"
                for t in found)]
        issues = problems(paragraph, found)
        if issues:
            lines += ["", *(f"- ⚠ {md_escape(issue)}" for issue in issues)]
        if paragraph.comment:
            lines += ["", f"Comment: {md_escape(paragraph.comment)}"]
    if result.left_out:
        lines += ["", "## Left out of the translation (not part of the article; kept as written)", ""]
        lines += [f"- {md_escape(str(item.get('text', '')))}" for item in result.left_out]
    return "\n".join(lines) + "\n"


def formula_safe(text: str) -> str:
    """A leading =, +, @ (or - not followed by a space) gets a quote, so that a spreadsheet shows the text
    instead of evaluating it as a formula (CSV/TSV injection)."""
    if text[:1] in ("=", "+", "@") or (text[:1] == "-" and text[1:2] not in (" ", "")):
        return "'" + text
    return text


def tsv_cell(text: str) -> str:
    """One TSV cell: backslash, tab and line breaks escaped, and made `formula_safe`."""
    text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")
    return formula_safe(text)


def render_tsv(result: Result) -> str:
    """Header row, then one row per paragraph: id, source, target, action, term summary, flags."""
    rows = ["\t".join(TSV_COLUMNS)]
    for paragraph in result.paragraphs:
        flags = ", ".join(paragraph.flags)
        rows.append("\t".join(tsv_cell(cell) for cell in (
            str(paragraph.id), paragraph.source, paragraph.target, paragraph.action,
            term_summary(paragraph_terms(paragraph)), flags,
        )))
    return "\n".join(rows) + "\n"

