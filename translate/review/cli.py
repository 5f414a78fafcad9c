"""`inkuru review RESULT.json|EDITED.xlf [-o OUT] [--format …]`: render a saved result for editors."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from translate.errors import InkuruError, InputError

if TYPE_CHECKING:
    from translate.glossary import Glossary
    from translate.result import Result

FORMATS = ("html", "markdown", "tsv", "terminal", "xliff", "json", "text", "document", "docx")
DOCUMENT_FORMATS = ("document", "docx")


@click.command()
@click.argument("result_file", metavar="RESULT")
@click.option("-o", "--output", metavar="FILE", help="Write here (atomically) instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True,
              help="html: the review page; text: the final article; json: the normalised result; document (or "
                   "docx): a translated web page or Word file, edits included, written back into the original's "
                   "structure.")
@click.option("--original", metavar="FILE",
              help="With --format document: the page or Word file that was translated [default: the path the "
                   "result names, from here or next to RESULT].")
@click.option("--glossary", "glossaries", multiple=True, metavar="PATH",
              help="Glossary TSV file or folder for term details (repeatable) [default: the shipped glossaries].")
def review(result_file: str, output: str | None, fmt: str, glossaries: tuple[str, ...],
           original: str | None) -> None:
    """Render a translation result (.json) or a post-edited XLIFF export (.xlf) for review.

    RESULT is the JSON written by `inkuru translate --format json` (or exported from the review page), or an
    XLIFF file written by `--format xliff` and edited in a CAT tool; - reads standard input.
    """
    if output and result_file != "-" and Path(output).resolve() == Path(result_file).resolve():
        raise click.UsageError(f"{output}: the output would overwrite the input")
    try:
        from translate.fileio import atomic_write_text
        from translate.review.inputs import read_result

        from translate.glossary import load_glossaries
        from translate.pipeline import recheck_edits

        glossary = load_glossaries(list(glossaries) or None)
        # Edited paragraphs are checked again on the editor's text: statuses follow the edits.
        result = recheck_edits(read_result(result_file), glossary)
        if fmt in DOCUMENT_FORMATS:
            _write_document(result, fmt, result_file, original, output)
            return
        text = _render(result, fmt, glossary, to_terminal=output is None and sys.stdout.isatty())
        if output is None:
            click.echo(text, nl=False)
        else:
            atomic_write_text(output, text)
    except InkuruError as error:
        raise click.ClickException(str(error)) from None


def _write_document(result: Result, fmt: str, result_file: str, original: str | None, output: str | None) -> None:
    from translate.fileio import atomic_write_bytes, read_bytes
    from translate.formats import digest, read_document
    from translate.formats.translation import write_document

    if result.source_format not in ("html", "docx"):
        raise click.UsageError(f"{result_file}: the result is of a text article; use --format text")
    if fmt == "docx" and result.source_format != "docx":
        raise click.UsageError(f"{result_file}: the result is of a web page, not a Word file; use --format document")
    if output is None and (result.source_format == "docx" or sys.stdout.isatty()):
        raise click.UsageError(f"--format {fmt} writes a {result.source_format} file: pass -o FILE")
    if not result.source_digest and original is None:
        raise InputError(f"{result_file}: the result does not record which file it was translated from; pass it "
                         "with --original")
    path = Path(original or result.document)
    if original is None and not path.is_file() and result_file != "-":
        path = Path(result_file).parent / Path(result.document).name
    data = read_bytes(path)
    if result.source_digest and digest(data) != result.source_digest:
        raise InputError(f"{path}: not the file this result was translated from (its content differs); pass the "
                         "original with --original")
    written, notes = write_document(read_document(str(path), data), result)
    for note in notes:
        click.echo(f"note: {note}", err=True)
    if output is None:
        sys.stdout.buffer.write(written)
    else:
        atomic_write_bytes(output, written)


def _render(result: Result, fmt: str, glossary: Glossary, to_terminal: bool) -> str:
    from translate.review import render

    if fmt == "terminal":
        from translate.review.terminal import render_terminal

        width = shutil.get_terminal_size((120, 40)).columns if to_terminal else 120
        return render_terminal(result, color=to_terminal, width=width)
    return render(result, fmt, glossary)
