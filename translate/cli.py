"""The `inkuru` command line: thin commands that parse options, call the library and format its results.

Start-up stays fast: subcommands live in modules imported only when run, and torch/transformers are imported
only by the engine that loads a model (`inkuru --help` and `inkuru glossary …` never load them).
"""

from __future__ import annotations

import importlib
import signal
import sys
import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from translate import __version__
from translate.articles import DOCUMENT_SUFFIXES, OUTPUT_ENDINGS, DocumentSource, is_article, output_name
from translate.errors import InkuruError

# name -> "module:attribute" of subcommands defined in other modules, imported on first use.
LAZY_COMMANDS = {
    "batch": "translate.batch.cli:batch",
    "eval": "translate.eval_cli:eval_command",
    "glossary": "translate.glossary.cli:glossary",
    "review": "translate.review.cli:review",
    "serve": "translate.serve.cli:serve",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:
            module_name, _, attribute = LAZY_COMMANDS[name].partition(":")
            return getattr(importlib.import_module(module_name), attribute)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="inkuru")
def cli() -> None:
    """Inkuru: translate news articles between English and Kinyarwanda with a house glossary."""


def main() -> None:
    # SIGTERM (a closed terminal, `kill`, a CI timeout) unwinds like Ctrl-C: temporary files are removed and the
    # previous output stays; batches already translated are in the translation memory for the next run.
    signal.signal(signal.SIGTERM, _terminate)
    cli(prog_name="inkuru")


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def fail(error: InkuruError) -> click.ClickException:
    return click.ClickException(str(error))


# --- inputs and outputs --------------------------------------------------------------------------------------------


def expand_inputs(inputs: tuple[str, ...]) -> list[str]:
    """Files as given, folders expanded to their articles and documents (sorted), "-" for standard input."""
    files: list[str] = []
    for item in inputs:
        path = Path(item)
        if item == "-":
            files.append(item)
        elif path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if is_article(p))
            if not found:
                raise click.ClickException(f"{item}: no .txt, .md, .html or .docx files in this folder")
            files += found
        elif path.is_file():
            files.append(item)
        else:
            raise click.ClickException(f"{item}: no such file or folder")
    return files


def plan_outputs(files: list[str], output: str | None, formats: tuple[str, ...], target: str) -> list[dict[str, str]]:
    """For each input, the path to write per format ("-" = standard output). Checked before any model loads."""
    if output is None:
        if len(files) > 1 or len(formats) > 1:
            raise click.UsageError("several inputs or formats need -o FOLDER")
        return [{formats[0]: "-"}]
    out = Path(output)
    folder_mode = len(files) > 1 or len(formats) > 1 or out.is_dir() or output.endswith(("/", "\\"))
    if not folder_mode:
        if out.resolve() in {Path(f).resolve() for f in files if f != "-"}:
            raise click.UsageError(f"{output}: the output would overwrite the input")
        if not out.parent.is_dir():
            raise click.ClickException(f"{output}: folder {out.parent} does not exist")
        return [{formats[0]: output}]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot create the output folder ({exc.strerror})") from None
    return [{fmt: str(out / output_name(f, target, fmt)) for fmt in formats} for f in files]


def read_input(name: str) -> str:
    from translate.fileio import decode_utf8, read_text

    if name == "-":
        return decode_utf8(sys.stdin.buffer.read(), "<stdin>")
    return read_text(name)


class Progress:
    """A rich progress bar on stderr, shown only on a terminal and without --quiet."""

    def __init__(self, enabled: bool) -> None:
        self.bar: Any = None
        self.task: Any = None
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress as RichProgress

            self.bar = RichProgress(console=Console(stderr=True), transient=True)

    def start(self, label: str) -> None:
        if self.bar is not None:
            self.bar.start()
            self.task = self.bar.add_task(label, total=None)

    def update(self, done: int, total: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=done, total=total)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


# --- translate -----------------------------------------------------------------------------------------------------


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", metavar="PATH", help="Output file, or folder (one file per input and format).")
@click.option("--to", "target", type=click.Choice(["rw", "en"]), required=True, help="Target language.")
@click.option("--from", "source", type=click.Choice(["auto", "en", "rw"]), default="auto", show_default=True,
              help="Source language; auto detects it per paragraph.")
@click.option("--model", metavar="ID_OR_PATH",
              help="Hugging Face model id or local folder [default: Helsinki-NLP/opus-mt-en-rw or -rw-en].")
@click.option("--backend", type=click.Choice(["auto", "hf", "ct2"]), default="auto", show_default=True,
              help="ct2: a CTranslate2 model (fast on CPU, see `inkuru models convert`); hf: transformers; auto: "
                   "ct2 when --model is a converted model or one was converted into the cache, else hf.")
@click.option("--device", type=click.Choice(["cpu", "cuda"]), default="cpu", show_default=True)
@click.option("--beam", type=click.IntRange(1, 16), default=4, show_default=True, help="Beam size.")
@click.option("--batch-size", type=click.IntRange(1, 512), default=None,
              help="Sentences per model call [default: 16 with hf, 8 with ct2, whose memory grows with it].")
@click.option("--max-batch-tokens", type=click.IntRange(16, 1_000_000), default=None,
              help="Also cap a batch at this many padded input tokens (bounds memory on long sentences).")
@click.option("--max-input-tokens", type=click.IntRange(8, 4096), default=None,
              help="Split sentences longer than this many tokens [default: the model's limit].")
@click.option("--glossary", "glossaries", multiple=True, metavar="PATH",
              help="Glossary TSV file or folder (repeatable) [default: the shipped glossaries].")
@click.option("--glossary-mode", type=click.Choice(["prefer", "strict", "check"]), default="prefer",
              show_default=True,
              help="prefer: a term the translation lacks is placed into it where the model finds a fitting place "
                   "(names kept verbatim always); strict: every term is placed, even at the cost of fluency; "
                   "check: no steering. Every mode reports each term.")
@click.option("--no-glossary", is_flag=True, help="Translate without a glossary (no steering, no term report).")
@click.option("--format", "formats", type=click.Choice(list(OUTPUT_ENDINGS)), multiple=True,
              help="Output format (repeatable with -o FOLDER) [default: text].")
@click.option("--no-cache", is_flag=True,
              help="Do not use the translation memory (by default, sentences translated before with the same "
                   "model, options and terms are reused; see `inkuru cache`).")
@click.option("--memory", type=click.Path(dir_okay=False), metavar="FILE",
              help="Translation memory file [default: Inkuru's cache]; give a workstation's `--memory` to reuse "
                   "its approved translations.")
@click.option("--allow-pickle", is_flag=True,
              help="Load a model that ships only pickle weights (.bin). Pickle can run code when loaded: "
                   "use it only for a model you trust.")
@click.option("--extract", is_flag=True,
              help="Web pages: translate only the article (title, byline, body, captions) found in the whole saved "
                   "page; menus, share bars, related stories and footers stay as written and are listed in the "
                   "result.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
def translate(inputs: tuple[str, ...], output: str | None, target: str, source: str, model: str | None,
              backend: str, device: str, beam: int, batch_size: int | None, max_batch_tokens: int | None,
              max_input_tokens: int | None, glossaries: tuple[str, ...], glossary_mode: str, no_glossary: bool,
              formats: tuple[str, ...], no_cache: bool, memory: str | None, allow_pickle: bool, extract: bool,
              quiet: bool) -> None:
    """Translate articles paragraph by paragraph: text or Markdown (.txt/.md, or - for stdin), web pages (.html)
    and Word documents (.docx), or folders of them.

    A page or a Word file comes back as the same kind of file (the `text` format), its structure, styles, links and
    emphasis kept; the other formats review it as any article."""
    if source == target:
        raise click.UsageError(f"--from and --to are both {target}")
    if memory and no_cache:
        raise click.UsageError("--memory and --no-cache: use one or the other")
    formats = formats or ("text",)
    files = expand_inputs(inputs)
    outputs = plan_outputs(files, output, formats, target)
    # Large files with text output are streamed (memory bounded by the chunk); the others are read now, so a
    # bad input fails before the model loads.
    streamed = {name for name, paths in zip(files, outputs) if _streamable(name, paths)}
    texts = {name: _read(name, extract) for name in files if name not in streamed}
    _check_document_outputs(texts, dict(zip(files, outputs)))
    try:
        from translate.engines import load_engine
        from translate.languages import other_language
        from translate.models import default_model, is_demo_model
        from translate.pipeline import TranslateOptions

        model_ref = model or default_model(other_language(target) if source == "auto" else source, target)
        glossary = None if no_glossary else _load_glossary(glossaries)
        engine = load_engine(backend, model_ref, device=device, beam=beam, max_input_tokens=max_input_tokens,
                             allow_pickle=allow_pickle)
        if is_demo_model(model_ref) and not quiet:
            click.echo("note: this is the Inkuru demo model, a toy for trying the pipeline, not for real "
                       "translation", err=True)
        if not no_cache:
            from translate.memory import CachedEngine, TranslationMemory

            engine = CachedEngine(engine, TranslationMemory(memory))
        batch_size = batch_size or getattr(engine, "preferred_batch_size", 16)
        options = TranslateOptions(target, source, batch_size, glossary, glossary_mode, max_batch_tokens)
        for name, paths in zip(files, outputs):
            if name in streamed:
                _translate_streamed(name, paths["text"], engine, options, quiet)
                continue
            started, progress = time.perf_counter(), Progress(not quiet)
            progress.start(f"translating {name}")
            try:
                result = _translate_one(texts[name], engine, options, name, progress)
            finally:
                progress.stop()
            _write_outputs(texts[name], result, paths, glossary)
            if not quiet:
                statuses = Counter(str(t["status"]) for p in result.paragraphs for t in p.terms)
                _summary(result.document, result.counts(), statuses if glossary is not None else None,
                         f"in {time.perf_counter() - started:.1f} s", list(paths.values()), engine)
    except InkuruError as error:
        raise fail(error) from None


def _translate_one(source: Any, engine: Any, options: Any, name: str, progress: Progress) -> Any:
    from translate.articles import translate_source

    return translate_source(source, engine, options, name=name, progress=progress.update)


def _write_outputs(source: Any, result: Any, paths: dict[str, str], glossary: Any) -> None:
    """Each format to its file (atomically), or to standard output for "-"."""
    from translate.articles import render_output, write_outputs

    write_outputs(source, result, {fmt: path for fmt, path in paths.items() if path != "-"}, glossary)
    for fmt in [fmt for fmt, path in paths.items() if path == "-"]:
        output = render_output(source, result, fmt, glossary)
        if isinstance(output, bytes):
            sys.stdout.buffer.write(output)
        else:
            click.echo(output, nl=False)


def _check_document_outputs(sources: Mapping[str, Any], outputs: Mapping[str, dict[str, str]]) -> None:
    """A Word file is not written to a terminal or a pipe: it needs -o."""
    for name, source in sources.items():
        if isinstance(source, DocumentSource) and source.document.kind == "docx" and outputs[name].get("text") == "-":
            raise click.UsageError(f"{name}: a translated Word document needs -o FILE.docx or -o FOLDER")


def _streamable(name: str, paths: dict[str, str]) -> bool:
    from translate.streaming import STREAM_THRESHOLD_BYTES

    return (name != "-" and list(paths) == ["text"] and Path(name).suffix.lower() not in DOCUMENT_SUFFIXES
            and Path(name).stat().st_size > STREAM_THRESHOLD_BYTES)


def _translate_streamed(name: str, path: str, engine: Any, options: Any, quiet: bool) -> None:
    """A large file, a chunk of paragraphs at a time, written as it goes (atomically when to a file)."""
    from contextlib import nullcontext

    from translate.fileio import atomic_writer
    from translate.pipeline import translate_stream
    from translate.result import HUMAN_FLAG
    from translate.streaming import paragraph_chunks, read_lines

    started = time.perf_counter()
    counts: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    with (nullcontext(sys.stdout.buffer) if path == "-" else atomic_writer(path)) as handle:
        for paragraph in translate_stream(paragraph_chunks(read_lines(name)), engine, options, name=name):
            handle.write(("\n\n" if counts else "").encode() + paragraph.target.encode("utf-8"))
            counts.update({"paragraphs": 1, paragraph.action: 1, "flagged": int(bool(paragraph.flags)),
                           "human": sum(1 for s in paragraph.segments if HUMAN_FLAG in s.flags)})
            statuses.update(str(term["status"]) for term in paragraph.terms)
        handle.write(b"\n")
    if not quiet:
        _summary(name, counts, statuses if options.glossary is not None else None,
                 f"streamed in {time.perf_counter() - started:.1f} s", [path], engine)


def _read(name: str, extract: bool = False) -> Any:
    """The input's text, or for a web page or Word file the document read and its bytes; a bad or empty input is
    an error here, before any model loads."""
    from translate.articles import read_source

    try:
        return read_source(name, extract, text=read_input(name) if name == "-" else None)
    except InkuruError as error:
        raise fail(error) from None


def _load_glossary(paths: tuple[str, ...]) -> Any:
    from translate.glossary import load_glossaries

    return load_glossaries(list(paths) or None)


def _summary(document: str, counts: Mapping[str, int], statuses: Counter[str] | None, timing: str,
             paths: list[str], engine: Any) -> None:
    """The run's line on stderr, and the term summary when a glossary was used (`statuses` is None without)."""
    from translate.glossary.apply import summarize_counts

    written = ", ".join(p for p in paths if p != "-")
    reused = ""
    if hasattr(engine, "hits"):  # the translation memory: report this document's share, then start afresh
        if engine.hits:
            reused = f", {engine.hits} of {engine.hits + engine.misses} sentences from the translation memory"
        engine.hits = engine.misses = 0
    if counts.get("human"):
        reused += f", {counts['human']} from editors' approved translations"
    click.echo(
        f"{document}: {counts['paragraphs']} paragraphs ({counts['translated']} translated, "
        f"{counts['passed_through']} passed through, {counts['kept']} kept, {counts['flagged']} flagged) "
        f"{timing}{reused}" + (f" -> {written}" if written else ""),
        err=True,
    )
    if statuses is not None:
        click.echo(summarize_counts(statuses), err=True)


# --- models --------------------------------------------------------------------------------------------------------


@cli.group()
def models() -> None:
    """Model utilities: convert a model for the fast CPU backend, build the offline demo model."""


@models.command("convert")
@click.argument("model", metavar="MODEL_OR_PATH")
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False),
              help="Output folder [default: Inkuru's cache, where --backend auto finds it].")
@click.option("--quantization", type=click.Choice(["int8", "float32"]), default="int8", show_default=True,
              help="int8: about 4x smaller and faster on CPU; float32: the original weights.")
@click.option("--force", is_flag=True, help="Replace an existing output folder.")
@click.option("--allow-pickle", is_flag=True, help="Accept a model with only pickle (.bin) weights (trusted only).")
def convert(model: str, output_dir: str | None, quantization: str, force: bool, allow_pickle: bool) -> None:
    """Convert a Marian (opus-mt) or NLLB/M2M100 model to CTranslate2 for `--backend ct2`, offline."""
    from translate.convert import convert_model

    try:
        report = convert_model(model, output_dir, quantization=quantization, force=force,
                               allow_pickle=allow_pickle)
    except InkuruError as error:
        raise fail(error) from None
    click.echo(f"converted {model} ({report.family}, {report.quantization}, {report.size_bytes / 1e6:.1f} MB) "
               f"in {report.seconds:.1f} s -> {report.output_dir}", err=True)
    click.echo(str(report.output_dir))


@models.command("build-demo")
@click.argument("output_dir", type=click.Path(file_okay=False))
@click.option("--direction", type=click.Choice(["en-rw", "rw-en"]), default="en-rw", show_default=True,
              help="Translation direction of the Marian demo model.")
@click.option("--family", type=click.Choice(["marian", "nllb"]), default="marian", show_default=True,
              help="marian: one direction (like opus-mt); nllb: a tiny NLLB-200-style model for both directions.")
@click.option("--force", is_flag=True, help="Overwrite a non-empty OUTPUT_DIR.")
def build_demo(output_dir: str, direction: str, family: str, force: bool) -> None:
    """Train the offline demo model (a toy for trying the pipeline, NOT for real translation).

    It learns a few hundred sentences of the team's own news corpus in well under a minute, deterministically,
    and saves a normal Hugging Face model folder for `inkuru translate --model OUTPUT_DIR`.
    """
    from translate.demo import build_demo_model

    try:
        report = build_demo_model(output_dir, direction=direction, family=family, force=force)
    except InkuruError as error:
        raise fail(error) from None
    click.echo(
        f"built {report.family} demo model ({report.direction if family == 'marian' else 'en-rw + rw-en'}, "
        f"{report.parameters:,} parameters, {report.pairs} sentence pairs, loss {report.final_loss:.3f}) "
        f"in {report.seconds:.1f} s -> {report.output_dir}\n"
        "This is a toy for trying the pipeline, not for real translation.",
        err=True,
    )


# --- cache ---------------------------------------------------------------------------------------------------------


@cli.group()
def cache() -> None:
    """The translation memory: sentences already translated, reused by later runs."""


@cache.command("stats")
def cache_stats() -> None:
    """Where the translation memory is, how many sentences it holds and its size."""
    from translate.memory import TranslationMemory

    try:
        stats = TranslationMemory().stats()
    except InkuruError as error:
        raise fail(error) from None
    click.echo(f"{stats.path}: {stats.entries} translations from {stats.engines} model setups, "
               f"{stats.approved} approved human translations, {stats.size_bytes / 1e6:.2f} MB")


@cache.command("clear")
def cache_clear() -> None:
    """Delete every entry of the translation memory (a damaged memory file is removed whole)."""
    from translate.memory import clear_memory

    try:
        path, removed = clear_memory()
    except InkuruError as error:
        raise fail(error) from None
    click.echo(f"{path}: " + (f"removed {removed} translations" if removed is not None
                              else "removed the damaged translation memory"))


if __name__ == "__main__":
    main()
