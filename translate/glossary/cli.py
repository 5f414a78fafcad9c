"""`inkuru glossary …`: check texts against the glossary and curate the glossary files.

Thin by design: every command parses options, calls one library function and formats its result. Results go
to stdout, counts and diagnostics to stderr; a user error is a one-line `Error: …` with exit status 1.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from translate.errors import GlossaryError, InkuruError
from translate.fileio import atomic_write_text, decode_utf8, read_text
from translate.glossary import editing, interchange
from translate.glossary.curate import lint_paths, search, stats, suggest
from translate.glossary.entries import (
    COLUMNS, Entry, Glossary, format_tsv, load_glossaries, shipped_glossary_dir,
)
from translate.glossary.terms import find_terms, target_surface_forms
from translate.languages import detect_language

F = TypeVar("F", bound=Callable[..., Any])

glossary_option = click.option(
    "--glossary", "glossary", multiple=True, type=click.Path(), metavar="PATH",
    help="Glossary TSV file or folder of *.tsv (repeatable). Default: the shipped glossaries.")
_format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                              show_default=True, help="Output format.")
_lang_option = click.option("--lang", type=click.Choice(["en", "rw"]), required=True,
                            help="Language of the text.")


def _handle_errors(func: F) -> F:
    """Turn the project's errors into Click's clean `Error: …` (exit 1), never a traceback."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InkuruError as err:
            raise click.ClickException(str(err)) from None
    return wrapper  # type: ignore[return-value]


def _read_input(path: str) -> str:
    if path == "-":
        if sys.stdin.isatty():
            _note("reading the text from standard input (end with Ctrl-D)")
        return decode_utf8(sys.stdin.buffer.read(), "<stdin>")
    return read_text(path)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _note(message: str) -> None:
    click.echo(message, err=True)


@click.group()
def glossary() -> None:
    """Check texts against the house glossary and keep the glossary files (TSV, one entry per line)."""


@glossary.command("check")
@click.argument("file", default="-", type=click.Path(allow_dash=True))
@_lang_option
@glossary_option
@click.option("--dialects", is_flag=True, help="Also accept Kirundi/Kinyamulenge spellings (rw only).")
@_format_option
@_handle_errors
def check_cmd(file: str, lang: str, glossary: Sequence[str], dialects: bool, fmt: str) -> None:
    """List every glossary term in FILE (or stdin): entry, surface, span, kind and warnings."""
    loaded = load_glossaries(glossary)
    matches = find_terms(_read_input(file), lang, loaded, dialects=dialects)  # type: ignore[arg-type]
    if fmt == "json":
        _echo_json([m.to_dict() for m in matches])
    for m in matches if fmt == "text" else ():
        click.echo(f"{m.start}-{m.end}\t{m.entry}\t{m.kind}\t{m.surface}")
        for warning in m.warnings:
            click.echo(f"\twarning: {warning}")
    flagged = sum(1 for m in matches if m.warnings)
    _note(f"{len(matches)} match(es), {flagged} with warnings ({loaded.signature})")


@glossary.command("list")
@glossary_option
@click.option("--type", "types", multiple=True, type=click.Choice(["person", "place", "organisation", "term"]))
@click.option("--status", type=click.Choice(["approved", "proposed"]))
@click.option("--format", "fmt", type=click.Choice(["text", "tsv", "json"]), default="text", show_default=True)
@_handle_errors
def list_cmd(glossary: Sequence[str], types: Sequence[str], status: str | None, fmt: str) -> None:
    """List entries (id, type, status, English, Kinyarwanda)."""
    entries = [e for e in load_glossaries(glossary)
               if (not types or e.type in types) and (status is None or e.status == status)]
    if fmt == "json":
        _echo_json([e.to_dict() for e in entries])
    elif fmt == "tsv":
        click.echo(format_tsv(entries), nl=False)
    else:
        for e in entries:
            click.echo(f"{e.id}\t{e.type}\t{e.status}\t{e.en[0]}\t{e.rw[0]}")
    _note(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}")


def _get(loaded: Glossary, entry_id: str) -> Entry:
    entry = loaded.get(entry_id)
    if entry is None:
        close = [e.id for _s, e, _t in search(loaded, entry_id, limit=3)]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise GlossaryError(f"no entry with id '{entry_id}'{hint}")
    return entry


@glossary.command("show")
@click.argument("entry_id", metavar="ID")
@glossary_option
@_format_option
@_handle_errors
def show_cmd(entry_id: str, glossary: Sequence[str], fmt: str) -> None:
    """Show one entry, where it is defined, and the surface forms that count as it."""
    entry = _get(load_glossaries(glossary), entry_id)
    forms = {lang: target_surface_forms(entry, lang) for lang in ("en", "rw")}  # type: ignore[arg-type]
    if fmt == "json":
        _echo_json({**entry.to_dict(), "defined_at": entry.where, "forms": forms})
        return
    for column, value in entry.to_row().items():
        click.echo(f"{column:13} {value}")
    click.echo(f"{'defined at':13} {entry.where}")
    for lang, values in forms.items():
        more = f" … (+{len(values) - 12})" if len(values) > 12 else ""
        click.echo(f"{'forms (' + lang + ')':13} {' | '.join(values[:12])}{more}")


@glossary.command("search")
@click.argument("text")
@glossary_option
@click.option("--limit", default=20, show_default=True)
@_handle_errors
def search_cmd(text: str, glossary: Sequence[str], limit: int) -> None:
    """Find entries by any English or Kinyarwanda form, id or typo ("Kirby", "Burusiya")."""
    results = search(load_glossaries(glossary), text, limit)
    for score, entry, matched in results:
        click.echo(f"{score:.2f}\t{entry.id}\t{entry.en[0]}\t{entry.rw[0]}\t(matched '{matched}')")
    _note(f"{len(results)} result(s)")


def _default_file(entry_type: str, glossary: Sequence[str]) -> Path:
    """Where a new entry goes: names.tsv for names, defense.tsv for terms, in the first glossary folder."""
    base = Path(glossary[0]) if glossary else shipped_glossary_dir()
    if base.is_file() or base.suffix == ".tsv":
        return base
    return base / ("defense.tsv" if entry_type == "term" else "names.tsv")


def _others(loaded: Glossary, path: Path) -> list[Entry]:
    return [e for e in loaded if Path(e.file).resolve() != path.resolve()]


def _joined(values: Sequence[str]) -> str:
    return "|".join(v.strip() for v in values)


@glossary.command("add")
@click.argument("entry_id", metavar="ID")
@click.option("--type", "entry_type", required=True, type=click.Choice(["person", "place", "organisation", "term"]))
@click.option("--en", multiple=True, required=True, help="English term; repeat (or use '|') for variants.")
@click.option("--rw", multiple=True, required=True, help="Kinyarwanda rendering, preferred first; repeatable.")
@click.option("--rw-class", default="", help="Noun class of the head, e.g. 14, 11/10, 9a (prefixless).")
@click.option("--partner", multiple=True, help="Other-number form of the head (uruganda -> inganda).")
@click.option("--forbidden", multiple=True, help="Rendering to flag as wrong.")
@click.option("--related", multiple=True, help="Derived word reported as 'related' (Abarusiya).")
@click.option("--lookalike", multiple=True, help="Phrase that holds the term but names something else.")
@click.option("--context", multiple=True, help="Word supporting the term's sense ('!word': the other sense).")
@click.option("--verbatim/--no-verbatim", default=False, help="Keep the name as is in translation.")
@click.option("--status", type=click.Choice(["approved", "proposed"]), default="proposed", show_default=True)
@click.option("--note", default="")
@click.option("--source", default="", help="Where the rendering is attested.")
@click.option("--file", "file", type=click.Path(dir_okay=False), help="TSV to write (default: by type).")
@glossary_option
@_handle_errors
def add_cmd(entry_id: str, entry_type: str, en: Sequence[str], rw: Sequence[str], rw_class: str,
            partner: Sequence[str], forbidden: Sequence[str], related: Sequence[str], lookalike: Sequence[str],
            context: Sequence[str], verbatim: bool,
            status: str, note: str, source: str, file: str | None, glossary: Sequence[str]) -> None:
    """Add an entry (validated; the file stays sorted; no other line changes)."""
    path = Path(file) if file else _default_file(entry_type, glossary)
    row = {"id": entry_id, "type": entry_type, "status": status, "en": _joined(en), "rw": _joined(rw),
           "rw_forbidden": _joined(forbidden), "verbatim": "yes" if verbatim else "no", "rw_class": rw_class,
           "rw_partner": _joined(partner), "rw_related": _joined(related), "rw_lookalike": _joined(lookalike),
           "rw_context": _joined(context), "note": note, "source": source}
    entry = editing.add_entry(path, row, _others(load_glossaries(glossary), path))
    _note(f"added {entry.id} to {entry.where}")


@glossary.command("edit")
@click.argument("entry_id", metavar="ID")
@click.option("--set", "changes", multiple=True, required=True, metavar="COLUMN=VALUE",
              help=f"New value for a column (repeatable). Columns: {', '.join(COLUMNS[1:])}.")
@click.option("--file", "file", type=click.Path(dir_okay=False), help="TSV holding the entry (default: found).")
@glossary_option
@_handle_errors
def edit_cmd(entry_id: str, changes: Sequence[str], file: str | None, glossary: Sequence[str]) -> None:
    """Change columns of an entry, e.g. --set status=approved --set 'rw=Irani|Iran'."""
    parsed: dict[str, str] = {}
    for change in changes:
        column, sep, value = change.partition("=")
        if not sep:
            raise click.BadParameter(f"'{change}' is not COLUMN=VALUE", param_hint="--set")
        parsed[column.strip()] = value
    loaded = load_glossaries(glossary)
    path = Path(file) if file else Path(_get(loaded, entry_id).file)
    entry = editing.edit_entry(path, entry_id, parsed, _others(loaded, path))
    _note(f"updated {entry.id} in {entry.where}")


@glossary.command("remove")
@click.argument("entry_id", metavar="ID")
@click.option("--file", "file", type=click.Path(dir_okay=False), help="TSV holding the entry (default: found).")
@glossary_option
@_handle_errors
def remove_cmd(entry_id: str, file: str | None, glossary: Sequence[str]) -> None:
    """Remove an entry."""
    path = Path(file) if file else Path(_get(load_glossaries(glossary), entry_id).file)
    entry = editing.remove_entry(path, entry_id)
    _note(f"removed {entry.id} from {path}")


@glossary.command("lint")
@glossary_option
@_format_option
@click.pass_context
@_handle_errors
def lint_cmd(ctx: click.Context, glossary: Sequence[str], fmt: str) -> None:
    """Check the glossary: duplicates, conflicting renderings, shared or shadowed variants, missing fields.

    Exit status 1 if there are errors, 0 with warnings only.
    """
    issues = lint_paths(glossary)
    if fmt == "json":
        _echo_json([i.to_dict() for i in issues])
    else:
        for issue in issues:
            click.echo(str(issue))
    errors = sum(1 for i in issues if i.severity == "error")
    _note(f"{errors} error(s), {len(issues) - errors} warning(s)")
    if errors:
        ctx.exit(1)


@glossary.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "tbx", "tsv"]), help="Default: from the extension.")
@click.option("--into", type=click.Path(dir_okay=False), help="TSV to add new entries to (default: by type).")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@glossary_option
@click.pass_context
@_handle_errors
def import_cmd(ctx: click.Context, file: str, fmt: str | None, into: str | None, dry_run: bool,
               glossary: Sequence[str]) -> None:
    """Import CSV or TBX entries; conflicts with existing entries are reported, never overwritten."""
    incoming = interchange.read_entries(file, interchange.detect_format(file, fmt))
    result = interchange.merge(list(load_glossaries(glossary)), incoming)
    for message in result.conflicts:
        _note(f"conflict: {message}")
    targets: dict[Path, list[Entry]] = {}
    for entry in result.added:
        targets.setdefault(Path(into) if into else _default_file(entry.type, glossary), []).append(entry)
    for path, entries in targets.items():
        if not dry_run:
            editing.add_entries(path, entries)
        click.echo(f"{'would add' if dry_run else 'added'} {len(entries)} to {path}: "
                   f"{', '.join(e.id for e in entries)}")
    _note(f"{len(result.added)} new, {len(result.unchanged)} unchanged, {len(result.conflicts)} conflict(s)")
    if result.conflicts:
        ctx.exit(1)


@glossary.command("export")
@glossary_option
@click.option("--format", "fmt", type=click.Choice(["tsv", "csv", "tbx"]), default="tbx", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (default: stdout).")
@_handle_errors
def export_cmd(glossary: Sequence[str], fmt: str, output: str | None) -> None:
    """Export the loaded glossary as TBX-Basic, CSV or canonical TSV."""
    entries = list(load_glossaries(glossary))
    text = {"tsv": format_tsv, "csv": interchange.export_csv, "tbx": interchange.export_tbx}[fmt](entries)
    if output:
        atomic_write_text(output, text)
        _note(f"wrote {len(entries)} entries to {output}")
    else:
        click.echo(text, nl=False)


def _articles(paths: Sequence[str]) -> list[tuple[str, str]]:
    return [(p, _read_input(p)) for p in paths]


def _articles_language(lang: str, articles: list[tuple[str, str]]) -> str:
    """--lang as given, or (auto) the language the articles are written in, told apart by their words."""
    if lang != "auto":
        return lang
    if not articles:
        return "en"
    detected = detect_language("\n".join(text for _, text in articles)).lang
    if detected is None:  # too few words to tell (a headline, a list of names): the old default, said aloud
        _note(f"cannot tell which language {articles[0][0]} is written in; reading it as English (--lang rw if not)")
    return detected or "en"


_ARTICLE_LANG = click.option("--lang", type=click.Choice(["auto", "en", "rw"]), default="auto", show_default=True,
                             help="The articles' language (auto: told from their words).")


@glossary.command("suggest")
@click.argument("articles", nargs=-1, type=click.Path(allow_dash=True))
@_ARTICLE_LANG
@click.option("--limit", default=30, show_default=True)
@click.option("--from-edits", "from_edits", type=click.Path(file_okay=False), metavar="FOLDER",
              help="Instead: candidates from the corrections editors made in an `inkuru serve` project FOLDER "
                   "(the same change in two paragraphs or more).")
@glossary_option
@_format_option
@_handle_errors
def suggest_cmd(articles: Sequence[str], lang: str, limit: int, from_edits: str | None, glossary: Sequence[str],
                fmt: str) -> None:
    """Names and terms the ARTICLES use that the glossary lacks, ranked, with counts and contexts; or, with
    --from-edits, what editors' corrections keep changing (accept them on the workstation's Glossary page)."""
    if from_edits is not None:
        _suggest_from_edits(Path(from_edits), glossary, limit, fmt, bool(articles))
        return
    if not articles:
        raise click.UsageError("give the ARTICLES to look for terms in, or --from-edits FOLDER")
    texts = _articles(articles)
    candidates = suggest(texts, load_glossaries(glossary), _articles_language(lang, texts))[:limit]
    if fmt == "json":
        _echo_json([c.to_dict() for c in candidates])
        return
    for c in candidates:
        click.echo(f"{c.count}\t{c.kind}\t{c.text}\t{c.contexts[0] if c.contexts else ''}")
    _note(f"{len(candidates)} candidate(s)")


def _suggest_from_edits(folder: Path, glossary: Sequence[str], limit: int, fmt: str, articles: bool) -> None:
    from translate.serve.store import STORE_NAME
    from translate.serve.workstation import Settings, Workstation

    if articles:
        raise click.UsageError("--from-edits reads the project's edits: give no ARTICLES with it")
    if not (folder / STORE_NAME).is_file():
        raise click.ClickException(f"{folder}: no workstation store ({STORE_NAME}) here; give the folder "
                                   "`inkuru serve` runs on")
    found = Workstation(Settings(folder, tuple(glossary), use_memory=False)).candidates()[:limit]
    if fmt == "json":
        _echo_json([{**candidate.to_dict(), "proposed": row} for candidate, row in found])
        return
    for candidate, row in found:
        what = candidate.entry or candidate.source_term or "?"
        click.echo(f"{candidate.count}\t{candidate.kind}\t{what}\t{candidate.machine} -> {candidate.edited}")
    _note(f"{len(found)} candidate(s) from the edits in {folder}")


@glossary.command("stats")
@click.argument("articles", nargs=-1, type=click.Path(allow_dash=True))
@_ARTICLE_LANG
@glossary_option
@_format_option
@_handle_errors
def stats_cmd(articles: Sequence[str], lang: str, glossary: Sequence[str], fmt: str) -> None:
    """Entries by type and status; with ARTICLES, the share of their names/terms the glossary covers."""
    loaded = load_glossaries(glossary)
    texts = _articles(articles)
    result = stats(loaded, texts, _articles_language(lang, texts))
    if fmt == "json":
        _echo_json({**result.to_dict(), "signature": loaded.signature})
        return
    click.echo(f"{result.total} entries ({loaded.signature})")
    for kind, counts in result.by_type_status.items():
        click.echo(f"  {kind:13} " + ", ".join(f"{n} {status}" for status, n in counts.items()))
    if result.coverage:
        c = result.coverage
        click.echo(f"coverage of {c.articles} article(s): {c.share:.1%} "
                   f"({c.covered} glossary term occurrence(s), {c.uncovered} uncovered)")
        for m in c.missing[:10]:
            click.echo(f"  missing: {m.text} ({m.kind}, {m.count}x)")


__all__ = ["glossary", "glossary_option"]
