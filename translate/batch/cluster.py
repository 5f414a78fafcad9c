"""`inkuru batch --ray`: the same job on a Ray cluster, with Ray Data doing the scheduling.

The pending files become a Ray dataset of (path, folders) rows; `map_batches` runs them through an actor class
holding one FileTranslator per actor (one engine loaded once per worker, `num_gpus` when the job runs on CUDA),
a few files per call. Every node reads the input and writes the outputs at the same paths, so both folders must be
on storage all nodes share. Outcomes stream back to this process, which records each in the manifest as it
arrives: the manifest stays the single record of what is done, and an interrupted run resumes from it.

Ray restarts an actor that dies and retries its file (up to RETRIES times); a file whose translation raises is a
failed outcome, not a failed task, so one bad file never stops the archive.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from translate.batch.job import FileOutcome, FileTask, FileTranslator, JobSettings
from translate.batch.manifest import BatchError

if TYPE_CHECKING:
    from translate.batch.runner import Execution

RETRIES = 2
# Files per actor call: one call per file costs Ray about 14 % of a small model's time on two cores (scheduling,
# serialisation); eight make that negligible (bench/README.md), and an actor that dies redoes at most eight.
FILES_PER_CALL = 8


class RayFileTranslator:
    """The actor class for `map_batches`: a FileTranslator, fed one-row batches of file tasks."""

    def __init__(self, settings: dict[str, Any], threads: int, memory: str | None) -> None:
        self.translate_file = FileTranslator(JobSettings.from_dict(settings), threads, memory)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        outcomes = [self.translate_file(FileTask(str(path), str(input_root), str(output_root)))
                    for path, input_root, output_root in zip(batch["path"], batch["input_root"],
                                                             batch["output_root"])]
        # One JSON string per row: Arrow then needs no schema for the summaries' nested, varying fields.
        return {"path": [o.path for o in outcomes], "outcome": [json.dumps(asdict(o)) for o in outcomes]}


def connect(address: str, cpus: int) -> Any:
    """Start Ray on this machine ("local", with `cpus` CPUs) or join a running cluster ("auto", "host:port",
    "ray://host:10001")."""
    try:
        import ray
    except ImportError:
        raise BatchError("--ray needs Ray: pip install 'inkuru[cluster]'") from None
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "ignore_reinit_error": True,
                               "logging_level": logging.WARNING}
    try:
        if address == "local":
            ray.init(num_cpus=cpus, **options)
        else:
            ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise BatchError(f"--ray {address}: cannot reach the Ray cluster ({exc})") from None
    return ray


def run_on_ray(tasks: list[FileTask], settings: JobSettings, execution: Execution,
               on_outcome: Callable[[FileTask, FileOutcome], bool]) -> None:
    workers, threads = max(1, execution.workers), max(1, execution.threads)
    ray = connect(execution.ray_address or "local", workers * threads)
    import ray.data

    logging.getLogger("ray.data").setLevel(logging.ERROR)  # its plan and timing lines, between our progress lines
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the CLI draws its own, fed by the outcomes
    by_path = {task.path: task for task in tasks}
    rows = [{"path": t.path, "input_root": t.input_root, "output_root": t.output_root} for t in tasks]
    per_call = max(1, min(FILES_PER_CALL, len(rows) // (4 * workers)))  # small jobs: every worker gets work
    dataset = ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows) // per_call, 1000))).map_batches(
        RayFileTranslator,
        fn_constructor_kwargs={"settings": settings.to_dict(), "threads": threads, "memory": execution.memory},
        batch_size=per_call,
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=threads,
        num_gpus=execution.gpus_per_worker or None,
        max_restarts=RETRIES,
        max_task_retries=RETRIES,
    )
    try:
        for row in dataset.iter_rows():
            outcome = FileOutcome(**json.loads(row["outcome"]))
            if not on_outcome(by_path[outcome.path], outcome):
                return
    except ray.exceptions.RayError as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BatchError(f"the Ray job stopped ({message}); files finished so far are recorded, run the same "
                         "command again to resume") from None
    finally:
        if execution.ray_address in (None, "local"):
            ray.shutdown()
