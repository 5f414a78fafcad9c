"""A batch job's summary, rendered from the manifest: totals and one row per file as JSON and CSV, and an HTML
index linking each article's review page (every text escaped; the page runs no script)."""

from __future__ import annotations

import csv
import html
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from translate.batch.job import JobSettings
from translate.batch.manifest import DONE, FAILED, STATES, FileRecord, Manifest
from translate.fileio import atomic_write_text
from translate.review.tables import formula_safe

SUMMARY_JSON, SUMMARY_CSV, INDEX_HTML = "batch-summary.json", "batch-summary.csv", "index.html"
CSV_COLUMNS = ("path", "status", "output", "review", "paragraphs", "translated", "flagged", "terms_satisfied",
               "terms_missing", "terms_forbidden", "flags", "words", "tokens", "seconds", "attempts", "reason")


def job_summary(manifest: Manifest) -> dict[str, Any]:
    """Totals over the job (files per state, paragraphs, term statuses, flags, words, tokens, seconds) and the
    per-file rows."""
    records = list(manifest.records())
    files = Counter(record.status for record in records)
    totals: Counter[str] = Counter()
    terms: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    for record in records:
        summary = record.summary
        if record.status != DONE:
            continue
        totals.update({key: summary["counts"].get(key, 0) for key in ("paragraphs", "translated", "flagged")})
        totals.update({key: summary.get(key, 0) for key in ("words", "tokens")})
        totals["seconds"] += summary.get("seconds", 0.0)
        terms.update(summary.get("terms", {}))
        flags.update(summary.get("flags", {}))
    return {
        "settings": manifest.settings(),
        "files": {state: files.get(state, 0) for state in STATES} | {"total": len(records)},
        "paragraphs": totals["paragraphs"], "translated": totals["translated"], "flagged": totals["flagged"],
        "terms": dict(sorted(terms.items())), "flags": dict(sorted(flags.items())),
        "words": totals["words"], "tokens": totals["tokens"], "worker_seconds": round(totals["seconds"], 1),
        "rows": [_row(record) for record in records],
    }


def _row(record: FileRecord) -> dict[str, Any]:
    counts, terms = record.summary.get("counts", {}), record.summary.get("terms", {})
    return {
        "path": record.path, "status": record.status, "output": record.outputs.get("text", ""),
        "review": record.outputs.get("html", ""), "paragraphs": counts.get("paragraphs", ""),
        "translated": counts.get("translated", ""), "flagged": counts.get("flagged", ""),
        "terms_satisfied": terms.get("satisfied", 0) if record.status == DONE else "",
        "terms_missing": terms.get("missing", 0) if record.status == DONE else "",
        "terms_forbidden": terms.get("forbidden", 0) if record.status == DONE else "",
        "flags": " ".join(f"{k}:{v}" for k, v in sorted(record.summary.get("flags", {}).items())),
        "words": record.summary.get("words", ""), "tokens": record.summary.get("tokens", ""),
        "seconds": record.summary.get("seconds", ""), "attempts": record.attempts, "reason": record.reason,
    }


def render_csv(summary: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    # Paths and reasons are not ours: a cell that a spreadsheet would run as a formula gets a quote first.
    writer.writerows({key: formula_safe(value) if isinstance(value, str) else value for key, value in row.items()}
                    for row in summary["rows"])
    return buffer.getvalue()


def render_index(summary: dict[str, Any]) -> str:
    """The job's index page: totals, then every file with a link to its review page and its figures."""
    esc = html.escape
    files = summary["files"]
    settings = JobSettings.from_dict(summary["settings"]) if summary["settings"] else None
    title = f"Inkuru batch: {files[DONE]} of {files['total']} articles translated"
    head = (f"{files[DONE]} done, {files[FAILED]} failed, {files['pending'] + files['running']} not yet "
            f"translated · {summary['paragraphs']} paragraphs ({summary['flagged']} flagged) · terms: "
            + (", ".join(f"{n} {status}" for status, n in summary["terms"].items()) or "none"))
    rows = []
    for row in summary["rows"]:
        name = esc(row["path"])
        target = row["review"] or row["output"]  # the review page, or the translation when none was asked for
        link = f'<a href="{esc(quote(target))}">{name}</a>' if target else name
        figures = (f"{row['paragraphs']} paragraphs, {row['flagged']} flagged, {row['terms_missing']} terms missing"
                   if row["status"] == DONE else esc(row["reason"]))
        rows.append(f'<tr class="{esc(row["status"])}"><td>{link}</td><td>{esc(row["status"])}</td>'
                    f"<td>{figures}</td><td>{esc(row['flags'])}</td></tr>")
    direction = f" → {esc(settings.target)}" if settings else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{esc(title)}</title>
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 2rem; }}
table {{ border-collapse: collapse; }} td, th {{ padding: .25rem .75rem; border-bottom: 1px solid #ddd; text-align: left; }}
tr.failed td {{ background: #fde8e8; }} tr.pending td, tr.running td {{ color: #777; }}
</style></head><body>
<h1>{esc(title)}{direction}</h1>
<p>{esc(head)}</p>
<table><thead><tr><th>article (review page)</th><th>state</th><th>figures, or why it failed</th><th>flags</th></tr>
</thead><tbody>
{chr(10).join(rows)}
</tbody></table>
</body></html>
"""


def write_reports(manifest: Manifest, output_root: Path) -> list[Path]:
    """batch-summary.json, batch-summary.csv and index.html in the output folder, each written atomically."""
    summary = job_summary(manifest)
    paths = [output_root / SUMMARY_JSON, output_root / SUMMARY_CSV, output_root / INDEX_HTML]
    texts = [json.dumps(summary, ensure_ascii=False, indent=2) + "\n", render_csv(summary), render_index(summary)]
    for path, text in zip(paths, texts):
        atomic_write_text(path, text)
    return paths
