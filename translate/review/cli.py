"""`inkuru review RESULT.json|EDITED.xlf [-o OUT] [--format …]`: render a saved result for editors."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from translate.errors import InkuruError

if TYPE_CHECKING:
    from translate.glossary import Glossary
    from translate.result import Result

FORMATS = ("html", "markdown", "tsv", "terminal", "xliff", "json", "text")


@click.command()
@click.argument("result_file", metavar="RESULT")
@click.option("-o", "--output", metavar="FILE", help="Write here (atomically) instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True,
              help="html: the review page; text: the final article; json: the normalised result.")
@click.option("--glossary", "glossaries", multiple=True, metavar="PATH",
              help="Glossary TSV file or folder for term details (repeatable) [default: the shipped glossaries].")
def review(result_file: str, output: str | None, fmt: str, glossaries: tuple[str, ...]) -> None:
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
        text = _render(result, fmt, glossary, to_terminal=output is None and sys.stdout.isatty())
        if output is None:
            click.echo(text, nl=False)
        else:
            atomic_write_text(output, text)
    except InkuruError as error:
        raise click.ClickException(str(error)) from None


def _render(result: Result, fmt: str, glossary: Glossary, to_terminal: bool) -> str:
    from translate.review import render

    if fmt == "terminal":
        from translate.review.terminal import render_terminal

        width = shutil.get_terminal_size((120, 40)).columns if to_terminal else 120
        return render_terminal(result, color=to_terminal, width=width)
    return render(result, fmt, glossary)
