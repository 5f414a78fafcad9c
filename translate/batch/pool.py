"""Local worker processes for `inkuru batch --workers N`: each holds one FileTranslator and gets one file at a time.

One file at a time per worker is what makes faults exact: when a worker process dies (killed, out of memory, a
crash in native code), the parent knows the one file it held, puts it back in the queue and starts a new worker;
a file that has killed its worker twice is failed with that reason instead of killing a third. A worker's own
errors on a file (bad input, a parser exception) come back as a failed outcome and do not stop it.

Workers are started with "spawn" (never "fork": torch and CTranslate2 keep threads that fork would copy broken),
ignore Ctrl-C (the parent stops them) and unwind on SIGTERM, so an interrupted write removes its temporary file.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from translate.batch.manifest import BatchError

# Deaths of one file's worker before the file is failed (a file that kills every worker must not stop the job).
MAX_DEATHS = 2
STOP_GRACE_S = 10.0


@dataclass
class Died:
    """What the pool reports for a worker that died holding a task."""

    task: Any
    exitcode: int | None
    final: bool  # True: the task has now killed MAX_DEATHS workers and will not be retried

    @property
    def reason(self) -> str:
        how = f"killed by signal {-self.exitcode}" if self.exitcode and self.exitcode < 0 else \
            f"exit status {self.exitcode}"
        return f"the worker process died while translating this file ({how}), {MAX_DEATHS} times"


def _worker_main(factory: Callable[[], Callable[[Any], Any]], connection: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _unwind)
    try:
        work = factory()
    except Exception as error:  # noqa: BLE001 - sent to the parent, which stops the job with it
        connection.send(("load_error", str(error) or type(error).__name__))
        return
    try:
        connection.send(("ready", None))
        while (task := connection.recv()) is not None:
            connection.send(("outcome", work(task)))
    except (EOFError, OSError):  # the job's process is gone (killed): its next run redoes this file
        return


def _unwind(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


class _Worker:
    def __init__(self, context: Any, factory: Callable[[], Callable[[Any], Any]]) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(factory, child), daemon=True)
        self.process.start()
        child.close()
        self.task: Any = None
        self.ready = False

    @property
    def pid(self) -> int:
        return int(self.process.pid or 0)


class WorkerPool:
    """N processes, each running `factory()` once and then one task per call; see the module's notes on faults."""

    def __init__(self, factory: Callable[[], Callable[[Any], Any]], workers: int) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._factory = factory
        self._workers = [_Worker(self._context, factory) for _ in range(workers)]
        self._deaths: dict[Any, int] = {}
        self._stopping = False

    def run(self, tasks: Iterable[Any], key: Callable[[Any], Any], *, on_start: Callable[[Any, int], None],
            on_outcome: Callable[[Any, Any], bool], on_died: Callable[[Died], None]) -> None:
        """Run every task. `on_outcome(task, outcome)` returns False to stop handing out tasks (the disk is full);
        then the pool waits for the tasks in flight and returns."""
        queue = deque(tasks)
        self._stopping = False
        try:
            while True:
                for worker in self._workers:
                    if worker.ready and worker.task is None and queue and not self._stopping:
                        worker.task = queue.popleft()
                        on_start(worker.task, worker.pid)
                        worker.connection.send(worker.task)
                if all(w.task is None for w in self._workers) and (self._stopping or not queue):
                    return
                self._wait_once(queue, key, on_outcome, on_died)
        finally:
            self.close()

    def _wait_once(self, queue: deque, key: Callable[[Any], Any], on_outcome: Callable[[Any, Any], bool],
                   on_died: Callable[[Died], None]) -> None:
        """Wait for any worker's message or death, and handle what arrived."""
        by_handle: dict[Any, _Worker] = {}
        for worker in self._workers:
            by_handle[worker.connection] = worker
            by_handle[worker.process.sentinel] = worker
        for worker in dict.fromkeys(by_handle[handle] for handle in wait(list(by_handle))):
            while (message := self._receive(worker)) is not None:
                self._handle(worker, message, on_outcome)
            if not worker.process.is_alive() or worker.connection.closed:
                self._replace(worker, queue, key, on_died)

    def _handle(self, worker: _Worker, message: tuple[str, Any], on_outcome: Callable[[Any, Any], bool]) -> None:
        kind, payload = message
        if kind == "load_error":
            raise BatchError(f"cannot start the job's workers: {payload}")
        if kind == "ready":
            worker.ready = True
            return
        task, worker.task = worker.task, None
        if not on_outcome(task, payload):
            self._stopping = True

    @staticmethod
    def _receive(worker: _Worker) -> tuple[str, Any] | None:
        """The next message already sent, if any; a pipe whose worker is gone is closed (EOF)."""
        try:
            return worker.connection.recv() if worker.connection.poll() else None
        except (EOFError, OSError):
            worker.connection.close()
            return None

    def _replace(self, worker: _Worker, queue: deque, key: Callable[[Any], Any],
                 on_died: Callable[[Died], None]) -> None:
        """A worker died: report its task (retried at the front of the queue, or failed) and start another."""
        worker.process.join(timeout=STOP_GRACE_S)
        worker.connection.close()
        index = self._workers.index(worker)
        if not worker.ready:
            raise BatchError(f"a worker process died while loading the model (exit status {worker.process.exitcode})")
        if worker.task is not None:
            deaths = self._deaths[key(worker.task)] = self._deaths.get(key(worker.task), 0) + 1
            final = deaths >= MAX_DEATHS
            on_died(Died(worker.task, worker.process.exitcode, final))
            if not final:
                queue.appendleft(worker.task)
        self._workers[index] = _Worker(self._context, self._factory)

    def close(self) -> None:
        """Stop every worker: ask, then terminate (SIGTERM unwinds an in-flight write), then kill."""
        for worker in self._workers:
            try:
                if worker.process.is_alive():
                    if worker.task is None and worker.ready:
                        worker.connection.send(None)
                    else:
                        worker.process.terminate()
            except (OSError, ValueError):
                pass
        for worker in self._workers:
            worker.process.join(timeout=STOP_GRACE_S)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self._workers = []
