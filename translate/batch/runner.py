"""Running a batch job: plan it in the manifest, translate what is pending (in this process, in local worker
processes, or on Ray), record every outcome as it arrives, and write the job's summary and index at the end.

The manifest is written only here. A file is marked running when a local worker takes it, done or failed when its
outcome arrives; whatever stops the job (Ctrl-C, a full disk, a crash of this process) leaves the unfinished files
pending, so the same command resumes and never translates a finished file again.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from translate.batch.job import FileOutcome, FileTask, FileTranslator, JobSettings, scan_inputs
from translate.batch.manifest import MANIFEST_NAME, BatchError, Manifest, PlanReport
from translate.batch.pool import Died, WorkerPool
from translate.errors import OutputError
from translate.fileio import remove_temporaries


@dataclass(frozen=True)
class Execution:
    """How to run: `workers` processes (0 = this process) of `threads` each, or Ray at `ray_address`."""

    workers: int = 1
    threads: int = 0
    ray_address: str | None = None  # "local": start Ray here; "auto" or "host:port": join a running cluster
    memory: str | None = None  # the translation memory's path (None: the default; "": none)
    gpus_per_worker: float = 0.0


@dataclass
class JobReport:
    """One run of a job: what planning found, what this run finished, and why it stopped early (if it did)."""

    output_root: Path
    planned: PlanReport
    counts: dict[str, int]
    finished_now: int = 0
    failed_now: int = 0
    seconds: float = 0.0
    stopped: str = ""  # the reason the run stopped before the end ("" = it ran to the end)
    reports: list[Path] = field(default_factory=list)


Observer = Callable[[FileOutcome], None]


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def default_split(workers: int | None = None, cores: int | None = None) -> tuple[int, int]:
    """(workers, threads per worker) for this machine: one single-threaded worker per core by default, the split
    bench/batch.py measured fastest on two cores; with --workers N, the cores shared among them."""
    cores = cores or available_cores()
    workers = workers or cores
    return workers, max(1, cores // workers)


def manifest_path(output_root: Path) -> Path:
    return output_root / MANIFEST_NAME


def check_folders(input_root: Path, output_root: Path) -> None:
    if not input_root.is_dir():
        raise BatchError(f"{input_root}: no such folder")
    if input_root.resolve() == output_root.resolve():
        raise BatchError(f"{output_root}: the output folder must not be the input folder")
    try:
        output_root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"{output_root}: cannot create the output folder ({exc.strerror})") from None


def run_job(input_root: Path, output_root: Path, settings: JobSettings, execution: Execution, *,
            retry_failed: bool = False, observe: Observer | None = None,
            on_planned: Callable[[PlanReport, dict[str, int]], None] | None = None) -> JobReport:
    """Translate every article under `input_root` not yet done into `output_root`; see the module's notes.
    `on_planned(plan, {pending file: size})` is called before any work; `observe(outcome)` after each file."""
    from translate.batch.report import write_reports

    check_folders(input_root, output_root)
    manifest = Manifest(manifest_path(output_root))
    try:
        manifest.lock()
        _check_settings(manifest, settings, output_root)
        planned = manifest.plan(scan_inputs(input_root, output_root), retry_failed=retry_failed)
        pending = manifest.pending()
        if on_planned is not None:
            on_planned(planned, {record.path: record.size for record in pending})
        tasks = [FileTask(record.path, str(input_root.resolve()), str(output_root.resolve())) for record in pending]
        remove_temporaries(output_root)  # left by a run that was killed mid-write (this run holds the lock)
        report = JobReport(output_root, planned, manifest.counts())
        started = time.perf_counter()
        recorder = _Recorder(manifest, report, observe)
        try:
            if tasks:
                _execute(tasks, settings, execution, recorder)
        finally:
            for record in manifest.records("running"):  # interrupted: back to pending for the next run
                manifest.release(record.path)
            remove_temporaries(output_root)  # a worker or Ray actor killed mid-write leaves its temporary file
            report.seconds = time.perf_counter() - started
            report.counts = manifest.counts()
            try:
                report.reports = write_reports(manifest, output_root)
            except OutputError as error:  # a full disk: the manifest has it all, `batch status` reads it
                report.stopped = report.stopped or f"{error}; run the same command again to resume"
        return report
    finally:
        manifest.close()


def _check_settings(manifest: Manifest, settings: JobSettings, output_root: Path) -> None:
    stored = manifest.settings()
    if stored is None:
        manifest.set_settings(settings.to_dict())
        return
    try:
        before = JobSettings.from_dict(stored)
    except TypeError:
        raise BatchError(f"{manifest.path}: written by another version of Inkuru; use a new output folder") from None
    if before == settings:
        return
    counts = manifest.counts()
    if not (counts["done"] or counts["failed"]):
        manifest.set_settings(settings.to_dict())  # nothing was translated with the old ones (a mistyped --model)
    else:
        raise BatchError(f"{output_root}: holds a job with other settings ({'; '.join(settings.differences(before))}); "
                         "run it with the same options to resume, or use a new output folder")


def _execute(tasks: list[FileTask], settings: JobSettings, execution: Execution, recorder: _Recorder) -> None:
    if execution.ray_address is not None:
        from translate.batch.cluster import run_on_ray

        run_on_ray(tasks, settings, execution, recorder.outcome)
        return
    if execution.workers == 0:
        translate_file = FileTranslator(settings, execution.threads, execution.memory)
        for task in tasks:
            recorder.start(task, os.getpid())
            if not recorder.outcome(task, translate_file(task)):
                return
        return
    factory = partial(FileTranslator, settings, execution.threads, execution.memory)
    pool = WorkerPool(factory, execution.workers)
    pool.run(tasks, key=lambda task: task.path, on_start=recorder.start, on_outcome=recorder.outcome,
             on_died=recorder.died)


class _Recorder:
    """Writes each event to the manifest (the one writer) and tells the observer."""

    def __init__(self, manifest: Manifest, report: JobReport, observe: Observer | None) -> None:
        self.manifest, self.report, self.observe = manifest, report, observe

    def start(self, task: FileTask, pid: int) -> None:
        self.manifest.start(task.path, f"pid {pid}")

    def outcome(self, task: FileTask, outcome: FileOutcome) -> bool:
        """Record one file's outcome; False when the job must stop (the disk is full)."""
        if outcome.status == "done":
            self.manifest.finish(task.path, outcome.outputs, outcome.summary)
            self.report.finished_now += 1
        elif outcome.status == "failed":
            self.manifest.fail(task.path, outcome.reason)
            self.report.failed_now += 1
        else:
            self.manifest.release(task.path)
            self.report.stopped = f"{outcome.reason}; run the same command again to resume"
        if self.observe is not None:
            self.observe(outcome)
        return not self.report.stopped

    def died(self, died: Died) -> None:
        """A worker process died holding this file: retry it, or fail it (its temporary files go at the end)."""
        task: FileTask = died.task
        if died.final:
            self.outcome(task, FileOutcome(task.path, "failed", reason=f"{task.path}: {died.reason}"))
        else:
            self.manifest.release(task.path)
