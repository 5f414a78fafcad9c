"""What every review renderer needs from a Result: terms with located spans, problems, labels, glossary data.

The `terms` objects come from the glossary-aware pipeline and may lack spans (or carry stale ones after an
edit), so each term's span is checked against its surface text and, failing that, looked up in the paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from translate.errors import InkuruError
from translate.glossary import Entry, Glossary
from translate.languages import get_language
from translate.result import KEPT, PASSED_THROUGH, ParagraphResult, Result

SATISFIED, MISSING, FORBIDDEN, WARNING = "satisfied", "missing", "forbidden", "warning"
TERM_STATUSES = (SATISFIED, MISSING, FORBIDDEN, WARNING)
PROBLEM_STATUSES = frozenset({MISSING, FORBIDDEN, WARNING})
STATUS_SYMBOLS = {SATISFIED: "✓", MISSING: "✗", FORBIDDEN: "⊘", WARNING: "!"}

FLAG_LABELS = {
    "long_sentence_split": "long sentence split",
    "repetition_retried": "repetition fixed by a retry",
    "repetition": "repeats itself",
    "empty_output": "empty model output: source kept",
    "missing_verbatim": "not in the translation",
    "human_translation": "an editor's approved translation, from the memory",
}


@dataclass(frozen=True)
class Term:
    """One glossary match of a paragraph, with spans that are known to point at its surface text."""

    index: int  # position in the paragraph's `terms` list
    entry: str
    status: str
    source_surface: str
    target_surface: str | None
    message: str
    source_span: tuple[int, int] | None
    target_span: tuple[int, int] | None

    @property
    def is_problem(self) -> bool:
        return self.status in PROBLEM_STATUSES


def language_name(code: str | None) -> str:
    """'Kinyarwanda' for 'rw'; an unknown code (a hand-made result) is shown as is."""
    try:
        return get_language(code).name if code else "?"
    except InkuruError:
        return str(code)


def flag_label(flag: str) -> str:
    """Human wording of a pipeline flag; `missing_verbatim:<span>` names the span."""
    name, _, detail = flag.partition(":")
    label = FLAG_LABELS.get(name, name.replace("_", " "))
    return f"{detail!r} {label}" if detail else label


def _valid_span(text: str, surface: str, span: Any) -> tuple[int, int] | None:
    if not surface or not (isinstance(span, (list, tuple)) and len(span) == 2):
        return None
    start, end = span
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text) \
            and text[start:end].casefold() == surface.casefold():
        return start, end
    return None


def _find(text: str, surface: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first occurrence of `surface` (case-insensitive) that overlaps no span already taken."""
    if not surface:
        return None
    lowered, needle, position = text.casefold(), surface.casefold(), 0
    if len(lowered) != len(text) or len(needle) != len(surface):  # ß -> ss would shift offsets: match exactly
        lowered, needle = text, surface
    while (found := lowered.find(needle, position)) >= 0:
        candidate = (found, found + len(needle))
        if not any(candidate[0] < end and start < candidate[1] for start, end in taken):
            return candidate
        position = found + 1
    return None


def _spans(text: str, wanted: list[tuple[str, Any]]) -> list[tuple[int, int] | None]:
    """Spans for (surface, given span) pairs: valid given spans first, then the others looked up around them."""
    spans = [_valid_span(text, surface, span) for surface, span in wanted]
    taken: list[tuple[int, int]] = []
    for i, span in enumerate(spans):
        if span and any(span[0] < end and start < span[1] for start, end in taken):
            spans[i] = None  # two terms claim overlapping text: the later one is looked up again
        elif span:
            taken.append(span)
    for i, (surface, _) in enumerate(wanted):
        if spans[i] is None and (found := _find(text, surface, taken)):
            spans[i] = found
            taken.append(found)
    return spans


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def paragraph_terms(paragraph: ParagraphResult) -> list[Term]:
    """The paragraph's terms, tolerant of missing keys, with spans checked or found (None when not found)."""
    raw_terms = [(i, raw) for i, raw in enumerate(paragraph.terms) if isinstance(raw, dict)]
    sources = [_text(raw.get("source_surface")) for _, raw in raw_terms]
    targets = [_text(raw.get("target_surface")) or None for _, raw in raw_terms]
    source_spans = _spans(paragraph.source, [(s, raw.get("source_span")) for s, (_, raw) in zip(sources, raw_terms)])
    target_spans = _spans(paragraph.target, [(t or "", raw.get("target_span")) for t, (_, raw) in
                                             zip(targets, raw_terms)])
    return [
        Term(index, _text(raw.get("entry")) or "?",
             raw["status"] if raw.get("status") in TERM_STATUSES else WARNING,
             source, target, _text(raw.get("message")), source_span, target_span)
        for (index, raw), source, target, source_span, target_span
        in zip(raw_terms, sources, targets, source_spans, target_spans)
    ]


def pieces(text: str, marks: Iterable[tuple[tuple[int, int], Any]]) -> list[tuple[str, Any]]:
    """Split `text` into (piece, mark or None) in order; a mark overlapping an earlier one is left out."""
    out: list[tuple[str, Any]] = []
    position = 0
    for (start, end), mark in sorted(marks, key=lambda m: (m[0][0], -m[0][1])):
        if start < position:
            continue
        if start > position:
            out.append((text[position:start], None))
        out.append((text[start:end], mark))
        position = end
    if position < len(text) or not out:
        out.append((text[position:], None))
    return out


def problems(paragraph: ParagraphResult, terms: list[Term]) -> list[str]:
    """One line per thing an editor must look at: flags, then missing/forbidden terms and warnings."""
    lines = [flag_label(flag) for flag in paragraph.flags]
    for term in terms:
        if term.is_problem:
            what = term.message or f"{term.source_surface or term.entry}: {term.status}"
            lines.append(f"{term.status}: {what}")
    return lines


def status_note(paragraph: ParagraphResult, target_name: str) -> str:
    """Why a paragraph was not translated, or '' for a translated one."""
    if paragraph.action == PASSED_THROUGH:
        return f"already in {target_name}: passed through unchanged"
    if paragraph.action == KEPT:
        return "no words to translate: kept as is"
    return ""


def term_counts(result: Result) -> dict[str, int]:
    counts = dict.fromkeys(TERM_STATUSES, 0)
    for paragraph in result.paragraphs:
        for term in paragraph_terms(paragraph):
            counts[term.status] += 1
    return counts


def term_summary(terms: list[Term]) -> str:
    """Compact one-line summary for tables: `term.drone:satisfied, term.army:missing`."""
    return ", ".join(f"{term.entry}:{term.status}" for term in terms)


def default_glossary() -> Glossary | None:
    """The shipped glossaries, or None when they cannot be loaded (terms still render, without entry data)."""
    from translate.glossary import load_glossaries

    try:
        return load_glossaries()
    except InkuruError:
        return None


def entry_data(entry: Entry) -> dict[str, Any]:
    """The parts of a glossary entry shown in a tooltip."""
    return {
        "id": entry.id, "type": entry.type, "status": entry.status, "en": list(entry.en),
        "preferred": entry.rw[0] if entry.rw else "", "variants": list(entry.rw[1:]),
        "forbidden": list(entry.rw_forbidden), "verbatim": entry.verbatim, "note": entry.note,
    }


def entries_for(result: Result, glossary: Glossary | None) -> dict[str, dict[str, Any]]:
    """Tooltip data for every entry id the result mentions that the glossary knows."""
    if glossary is None:
        return {}
    ids = sorted({term.entry for p in result.paragraphs for term in paragraph_terms(p)})
    return {i: entry_data(entry) for i in ids if (entry := glossary.get(i)) is not None}
