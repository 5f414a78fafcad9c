"""`inkuru batch`: translate a folder of articles as one resumable job, on this machine or on a Ray cluster."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from translate.errors import InkuruError

FORMATS = ("text", "json", "html", "markdown", "tsv", "xliff")
REPORT_EVERY_S = 30.0  # without a terminal (a log file), one progress line this often


class _RunByDefault(click.Group):
    """`inkuru batch IN -o OUT` runs a job; `inkuru batch status OUT` reports on one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_RunByDefault)
def batch() -> None:
    """Translate a whole folder (an archive) as one job that resumes where it stopped.

    \b
      inkuru batch INPUT_DIR -o OUTPUT_DIR --to rw [--workers N] [--ray [ADDRESS]]
      inkuru batch status OUTPUT_DIR
    """


@batch.command("run")
@click.argument("input_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", "output_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: the input's folders mirrored, with the job's manifest, summary and index.")
@click.option("--to", "target", type=click.Choice(["rw", "en"]), required=True, help="Target language.")
@click.option("--from", "source", type=click.Choice(["auto", "en", "rw"]), default="auto", show_default=True)
@click.option("--model", metavar="ID_OR_PATH", help="Hugging Face model id or local folder (see `translate`).")
@click.option("--backend", type=click.Choice(["auto", "hf", "ct2"]), default="auto", show_default=True)
@click.option("--device", type=click.Choice(["cpu", "cuda"]), default="cpu", show_default=True,
              help="cuda: each worker uses a GPU (with --ray, each actor asks Ray for one).")
@click.option("--beam", type=click.IntRange(1, 16), default=4, show_default=True)
@click.option("--batch-size", type=click.IntRange(1, 512), default=None, help="Sentences per model call.")
@click.option("--max-batch-tokens", type=click.IntRange(16, 1_000_000), default=None)
@click.option("--max-input-tokens", type=click.IntRange(8, 4096), default=None)
@click.option("--glossary", "glossaries", multiple=True, metavar="PATH",
              help="Glossary TSV file or folder (repeatable) [default: the shipped glossaries].")
@click.option("--glossary-mode", type=click.Choice(["prefer", "strict", "check"]), default="prefer",
              show_default=True)
@click.option("--no-glossary", is_flag=True)
@click.option("--format", "formats", type=click.Choice(FORMATS), multiple=True,
              help="Outputs per article (repeatable) [default: text, json and html; json is always written].")
@click.option("--extract", is_flag=True, help="Web pages: translate only the article (see `translate --extract`).")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Worker processes, each with its own model [default: the best split of this machine's cores, "
                   "see bench/README.md].")
@click.option("--threads", type=click.IntRange(1, 256), default=None,
              help="Threads per worker [default: the cores divided among the workers].")
@click.option("--ray", "ray_address", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
              help="Run on Ray: alone, a Ray instance started on this machine; 'auto' or HOST:PORT joins a running "
                   "cluster (`ray start --head`). Both folders must be on storage every node shares.")
@click.option("--retry-failed", is_flag=True, help="Translate again the files that failed in earlier runs.")
@click.option("--no-cache", is_flag=True, help="Do not use the translation memory.")
@click.option("--allow-pickle", is_flag=True, help="Load a model that ships only pickle weights (trusted only).")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
def run(input_dir: Path, output_dir: Path, target: str, source: str, model: str | None, backend: str, device: str,
        beam: int, batch_size: int | None, max_batch_tokens: int | None, max_input_tokens: int | None,
        glossaries: tuple[str, ...], glossary_mode: str, no_glossary: bool, formats: tuple[str, ...], extract: bool,
        workers: int | None, threads: int | None, ray_address: str | None, retry_failed: bool, no_cache: bool,
        allow_pickle: bool, quiet: bool) -> None:
    """Translate every article under INPUT_DIR (.txt, .md, .html, .docx, recursively) into OUTPUT_DIR.

    Each file is recorded in OUTPUT_DIR/batch-manifest.sqlite as pending, done or failed (with the reason): the
    same command resumes an interrupted job and never translates a finished file again; a file changed since
    it was translated is translated again. At the end: batch-summary.json, batch-summary.csv and index.html."""
    from translate.batch.job import DEFAULT_FORMATS, JobSettings
    from translate.batch.runner import Execution, default_split, run_job

    if source == target:
        raise click.UsageError(f"--from and --to are both {target}")
    settings = JobSettings(
        target=target, source=source, model=_absolute_if_local(model), backend=backend, device=device, beam=beam,
        batch_size=batch_size, max_batch_tokens=max_batch_tokens, max_input_tokens=max_input_tokens,
        glossaries=tuple(str(Path(g).resolve()) for g in glossaries), glossary_mode=glossary_mode,
        no_glossary=no_glossary, extract=extract, formats=tuple(dict.fromkeys(formats)) or DEFAULT_FORMATS,
        allow_pickle=allow_pickle)
    default_workers, default_threads = default_split(workers)
    execution = Execution(workers=workers or default_workers, threads=threads or default_threads,
                          ray_address=ray_address, memory="" if no_cache else None,
                          gpus_per_worker=1.0 if device == "cuda" and ray_address is not None else 0.0)
    progress = _Progress(enabled=not quiet)
    try:
        report = run_job(input_dir, output_dir, settings, execution, retry_failed=retry_failed,
                         observe=progress.file_done, on_planned=progress.planned)
    except KeyboardInterrupt:
        progress.stop()
        click.echo(f"batch: interrupted; finished files are recorded, run the same command to resume "
                   f"(`inkuru batch status {output_dir}`)", err=True)
        sys.exit(130)
    except InkuruError as error:
        progress.stop()
        raise click.ClickException(str(error)) from None
    progress.stop()
    if not quiet:
        _print_report(report)
    if report.stopped:
        raise click.ClickException(report.stopped)
    if report.counts["failed"]:
        failed = report.counts["failed"]
        raise click.ClickException(f"{failed} file{'s' if failed != 1 else ''} failed; `inkuru batch status "
                                   f"{output_dir} --failed` lists them with the reason (--retry-failed tries them "
                                   "again)")


def _absolute_if_local(model: str | None) -> str:
    """A model folder as an absolute path (workers and Ray nodes start elsewhere); a hub id as given."""
    if model and Path(model).expanduser().exists():
        return str(Path(model).expanduser().resolve())
    return model or ""


@batch.command("status")
@click.argument("output_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--failed", "show_failed", is_flag=True, help="List the failed files with their reasons.")
@click.option("--json", "as_json", is_flag=True, help="The job's summary as JSON (totals and one row per file).")
def status(output_dir: Path, show_failed: bool, as_json: bool) -> None:
    """How far the job in OUTPUT_DIR is: files pending, done and failed, and the totals so far."""
    import json

    from translate.batch.manifest import Manifest
    from translate.batch.report import job_summary
    from translate.batch.runner import manifest_path

    path = manifest_path(output_dir)
    if not path.is_file():
        raise click.ClickException(f"{output_dir}: no batch job here (no {path.name})")
    try:
        manifest = Manifest(path)
        try:
            summary = job_summary(manifest)
        finally:
            manifest.close()
    except InkuruError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    files = summary["files"]
    click.echo(f"{output_dir}: {files['total']} files: {files['done']} done, {files['failed']} failed, "
               f"{files['pending']} pending, {files['running']} running")
    click.echo(f"{summary['paragraphs']} paragraphs translated ({summary['flagged']} flagged); terms: "
               + (", ".join(f"{n} {s}" for s, n in summary["terms"].items()) or "none"))
    failed = [row for row in summary["rows"] if row["status"] == "failed"]
    if show_failed:
        for row in failed:
            reason = row["reason"]  # most reasons name the file already (the reader's own error)
            click.echo(f"failed: {reason}" if reason.startswith(row["path"]) else f"failed: {row['path']}: {reason}")
    elif failed:
        click.echo("--failed lists the failed files with their reasons")


def _print_report(report: Any) -> None:
    counts, planned = report.counts, report.planned
    if planned.missing:
        click.echo(f"note: {len(planned.missing)} files of the job are no longer in the input folder "
                   f"(first: {planned.missing[0]}); their outputs are kept", err=True)
    click.echo(f"batch: {report.finished_now} translated and {report.failed_now} failed in {report.seconds:.1f} s; "
               f"job: {counts['done']} done, {counts['failed']} failed, {counts['pending']} pending "
               f"-> {report.reports[-1] if report.reports else report.output_root}", err=True)


class _Progress:
    """A progress bar with ETA on a terminal (weighted by file size), a line every 30 s in a log, or nothing."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None
        self.task: Any = None
        self.sizes: dict[str, int] = {}
        self.finished = self.failed = 0
        self.started = self.last_line = time.monotonic()

    def planned(self, plan: Any, sizes: dict[str, int]) -> None:
        self.sizes = sizes
        if not self.enabled:
            return
        news = f"{plan.added} new, {plan.changed} changed; " if plan.added or plan.changed else ""
        click.echo(f"batch: {news}{len(sizes)} files to translate", err=True)
        if sys.stderr.isatty() and sizes:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("translating"), BarColumn(), TextColumn("{task.fields[files]}"),
                                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("batch", total=max(1, sum(sizes.values())),
                                          files=f"0/{len(sizes)} files")
        self.started = self.last_line = time.monotonic()

    def file_done(self, outcome: Any) -> None:
        self.finished += outcome.status == "done"
        self.failed += outcome.status == "failed"
        handled, total = self.finished + self.failed, len(self.sizes)
        if self.bar is not None:
            label = f"{handled}/{total} files" + (f", {self.failed} failed" if self.failed else "")
            self.bar.update(self.task, advance=self.sizes.get(outcome.path, 0), files=label)
        elif self.enabled and time.monotonic() - self.last_line >= REPORT_EVERY_S:
            self.last_line = time.monotonic()
            elapsed = self.last_line - self.started
            eta = elapsed / handled * (total - handled) if handled else 0.0
            click.echo(f"batch: {handled}/{total} files ({self.failed} failed), {elapsed:.0f} s, "
                       f"about {eta:.0f} s left", err=True)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
