"""The editors' review page: one self-contained HTML file, source and translation side by side.

Every piece of article and glossary text goes through `html.escape` (or, for the data the page script reads,
JSON with `<`, `>`, `&` escaped), and a Content-Security-Policy allows only the page's own inline style and
script (by hash) and no network at all, so a hostile article can neither run code nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from translate.glossary import Glossary
from translate.result import ParagraphResult, Result
from translate.review.view import (
    STATUS_SYMBOLS, TERM_STATUSES, Term, default_glossary, entries_for, flag_label, language_name, paragraph_terms,
    pieces, problems, status_note, term_counts,
)

_UNSET: Any = object()


@cache
def _asset(name: str) -> str:
    return files("translate.review").joinpath(name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its <script> element or open a comment, whatever the strings contain (and without raw
    U+2028/U+2029, which older JavaScript parsers take for line ends)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                          ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _attrs(**values: str | None) -> str:
    # `class_` -> class, `data_term` -> data-term
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"'
                   for name, value in values.items() if value is not None)


def _mark(text: str, term: Term, paragraph_id: int, side: str) -> str:
    status = term.status if side == "src" or term.status != "missing" else "satisfied"
    attrs = _attrs(
        class_=f"term t-{status}", tabindex="0", data_term=f"{paragraph_id}-{term.index}", data_side=side,
        data_entry=term.entry, data_status=term.status, data_source=term.source_surface,
        data_target=term.target_surface or "", data_message=term.message,
    )
    return f"<mark{attrs}>{escape(text)}</mark>"


def _highlighted(text: str, terms: list[Term], paragraph_id: int, side: str) -> str:
    spans = [(t.source_span if side == "src" else t.target_span, t) for t in terms]
    return "".join(
        escape(piece) if term is None else _mark(piece, term, paragraph_id, side)
        for piece, term in pieces(text, [(span, t) for span, t in spans if span is not None])
    )


def _badges(paragraph: ParagraphResult, terms: list[Term], target_name: str) -> str:
    items = []
    if note := status_note(paragraph, target_name):
        items.append(f'<li class="b-{escape(paragraph.action)}">{escape(note)}</li>')
    items += [f'<li class="b-flag">{escape(flag_label(flag))}</li>' for flag in paragraph.flags]
    for term in terms:
        if term.is_problem:
            what = term.message or f"{term.source_surface or term.entry}: {term.status}"
            items.append(f'<li class="b-{term.status}">{STATUS_SYMBOLS[term.status]} {escape(what)}</li>')
    if paragraph.confidence is not None:
        items.append(f'<li class="b-confidence" title="the model\'s own confidence: what to review first, not a '
                     f'quality score">confidence {paragraph.confidence:.2f}</li>')
    if paragraph.edited:
        items.append('<li class="b-edited">edited before</li>')
    if paragraph.checked == "editor":
        items.append('<li class="b-edited">terms and flags checked on the edited text</li>')
    return f'<ul class="badges">{"".join(items)}</ul>' if items else '<ul class="badges"></ul>'


def _row(paragraph: ParagraphResult, result: Result) -> str:
    terms = paragraph_terms(paragraph)
    pid = paragraph.id
    problem = bool(problems(paragraph, terms))
    source_lang = paragraph.source_lang or result.source_lang
    satisfied = sum(1 for t in terms if t.status == "satisfied")
    summary = f"{satisfied}/{len(terms)} terms" if terms else ""
    return (
        f'<article class="row" id="p{pid}" data-id="{pid}" data-action="{escape(paragraph.action)}"'
        f' data-problem="{int(problem)}" tabindex="-1" aria-labelledby="p{pid}-h">'
        f'<div class="meta"><h2 id="p{pid}-h">¶{pid}</h2>'
        f'<span class="terms-count">{escape(summary)}</span>'
        + (f'<span class="kind">{escape(paragraph.kind.replace("_", " "))}</span>' if paragraph.kind else "")
        + f'{_badges(paragraph, terms, language_name(result.target_lang))}'
        f'<div class="controls"><button type="button" class="edit" aria-label="Edit paragraph {pid}">Edit</button>'
        f'<button type="button" class="approve" aria-pressed="false" aria-label="Approve paragraph {pid}">'
        f"Approve</button></div></div>"
        f'<div class="src" lang="{escape(source_lang)}">{_highlighted(paragraph.source, terms, pid, "src")}</div>'
        f'<div class="tgt" lang="{escape(result.target_lang)}"><div class="view">'
        f'{_highlighted(paragraph.target, terms, pid, "tgt")}</div></div>'
        "</article>"
    )


def _header(result: Result) -> str:
    counts, terms = result.counts(), term_counts(result)
    direction = f"{language_name(result.source_lang)} → {language_name(result.target_lang)}"
    run = result.signature
    facts = [("Direction", f"{direction} ({run.direction})"), ("Model", f"{run.model} @ {run.revision} ({run.backend}, "
             f"beam {run.beam})"), ("Glossary", run.glossary), ("Inkuru", run.version)]
    numbers = [("paragraphs", counts["paragraphs"]), ("translated", counts["translated"]),
               ("passed through", counts["passed_through"]), ("kept", counts["kept"]),
               ("flagged", counts["flagged"])]
    numbers += [(f"terms {s}" if s != "warning" else "term warnings", terms[s]) for s in TERM_STATUSES]
    return (
        f'<header class="top"><h1><span class="doc">{escape(result.document)}</span>'
        f' <span class="dir">{escape(direction)}</span></h1>'
        f'<dl class="run">{"".join(f"<div><dt>{k}</dt><dd>{escape(v)}</dd></div>" for k, v in facts)}'
        f'<div class="sig"><dt>Signature</dt><dd><code>{escape(run.format())}</code></dd></div></dl>'
        f'<ul class="counts">{"".join(_count(label, n) for label, n in numbers)}'
        f'<li class="c-approved"><b id="approved-count">0</b> approved</li></ul>'
        + _asset("toolbar.html") + "</header>"
    )


def _left_out(result: Result) -> str:
    """What --extract judged not part of the article, for the editor to check (kept as written in the page)."""
    if not result.left_out:
        return ""
    items = "".join(f"<li>{escape(str(item.get('text', '')))}</li>" for item in result.left_out)
    return (f'<section id="left-out"><details><summary>{len(result.left_out)} blocks of the page left out of the '
            f"translation (not part of the article; kept as written)</summary><ul>{items}</ul></details></section>")


def _count(label: str, number: int) -> str:
    css = label.replace(" ", "-")
    return f'<li class="c-{css}{" nonzero" if number else ""}"><b>{number}</b> {escape(label)}</li>'


def render_html(result: Result, glossary: Glossary | None = _UNSET) -> str:
    """The review page; `glossary` supplies tooltip data (default: the shipped glossaries; None: no tooltips)."""
    glossary = default_glossary() if glossary is _UNSET else glossary
    css, js = _asset("page.css"), _asset("page.js")
    policy = (f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)}; img-src data:; "
              "base-uri 'none'; form-action 'none'")
    columns = (f'<div class="colheads" aria-hidden="true"><div>{escape(language_name(result.source_lang))} '
               f'(source)</div><div>{escape(language_name(result.target_lang))} (translation)</div></div>')
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>Review: {escape(result.document)}</title>",
        f"<style>{css}</style></head><body>",
        _header(result),
        f'<main id="rows">{columns}',
        *(_row(p, result) for p in result.paragraphs),
        "</main>",
        _left_out(result),
        '<div id="tip" role="tooltip" hidden></div>',
        f'<script type="application/json" id="inkuru-result">{_json_for_script(result.to_dict())}</script>',
        f'<script type="application/json" id="inkuru-entries">{_json_for_script(entries_for(result, glossary))}'
        "</script>",
        f"<script>{js}</script>",
        "</body></html>",
        "",
    ])
