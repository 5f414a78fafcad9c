"""The job's manifest: an SQLite file in the output folder, the single record of what is done.

One row per input file (its path relative to the input folder): pending, running, done (with its outputs and the
Result's summary) or failed (with the one-line reason). Only the process that runs the job writes it (local
workers and Ray actors report to it), so every change is one short transaction; a job that is killed leaves at
worst a file marked running, which the next run sets back to pending. An exclusive lock beside it stops two runs
of the same job at once.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from translate.errors import InkuruError

MANIFEST_NAME = "batch-manifest.sqlite"
PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"
STATES = (PENDING, RUNNING, DONE, FAILED)

SCHEMA = """
CREATE TABLE IF NOT EXISTS job (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,          -- relative to the input folder, '/'-separated
    size INTEGER NOT NULL,          -- size and modification time when planned: a changed input is translated again
    mtime_ns INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    worker TEXT NOT NULL DEFAULT '',    -- who holds it while running (pid, or the Ray node)
    outputs TEXT NOT NULL DEFAULT '{}', -- done: {format: path relative to the output folder}
    summary TEXT NOT NULL DEFAULT '{}', -- done: paragraphs, counts, term statuses, flags, tokens, seconds
    reason TEXT NOT NULL DEFAULT '',    -- failed: why, in one line
    updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS files_status ON files (status);
"""


# A file finished without being marked running first (Ray reports only outcomes) still counts one attempt.
_COUNT_ATTEMPT = "attempts = CASE WHEN status = 'running' THEN attempts ELSE attempts + 1 END"


class BatchError(InkuruError):
    """A batch job that cannot start or go on (another run holds it, other settings, a damaged manifest)."""


@dataclass(frozen=True)
class FileRecord:
    path: str
    status: str
    attempts: int = 0
    outputs: dict[str, str] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    size: int = 0


@dataclass(frozen=True)
class PlanReport:
    """What planning found: files new to the job, changed since they were translated, and gone from the input."""

    added: int
    changed: int
    missing: list[str]


class Manifest:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise BatchError(f"{self.path}: cannot open the batch manifest ({exc})") from None
        self._lock: TextIO | None = None

    # -- the job ----------------------------------------------------------------------------------------------------

    def lock(self) -> None:
        """Hold the job for this process; a second run of the same job fails here instead of racing the first."""
        lock_path = self.path.with_name(self.path.name + ".lock")
        handle = open(lock_path, "a+")  # noqa: SIM115 - held until close()
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise BatchError(f"{self.path.parent}: another `inkuru batch` is running this job ({holder}); "
                             "wait for it, or stop it first") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        self._lock = handle

    def settings(self) -> dict[str, Any] | None:
        row = self._query("SELECT value FROM job WHERE key = 'settings'").fetchone()
        return json.loads(row[0]) if row else None

    def set_settings(self, settings: dict[str, Any]) -> None:
        self._write("INSERT OR REPLACE INTO job VALUES ('settings', ?)", (json.dumps(settings, sort_keys=True),))

    # -- planning ---------------------------------------------------------------------------------------------------

    def plan(self, files: Iterable[tuple[str, int, int]], retry_failed: bool = False) -> PlanReport:
        """Record (path, size, mtime_ns) of every input now in the folder: new files are pending, a done or failed
        file whose size or time changed is pending again, and files marked running by a run that died are pending.
        Failed files are retried only with `retry_failed`."""
        known = {path: (size, mtime, status) for path, size, mtime, status in
                 self._query("SELECT path, size, mtime_ns, status FROM files")}
        now = time.time()
        added: list[tuple[Any, ...]] = []
        changed: list[tuple[Any, ...]] = []
        seen: set[str] = set()
        for path, size, mtime in files:
            seen.add(path)
            if path not in known:
                added.append((path, size, mtime, PENDING, now))
            elif known[path][:2] != (size, mtime):
                changed.append((size, mtime, now, path))
        with self._transaction() as db:
            db.executemany("INSERT INTO files (path, size, mtime_ns, status, updated) VALUES (?, ?, ?, ?, ?)", added)
            db.executemany("UPDATE files SET size = ?, mtime_ns = ?, status = 'pending', attempts = 0, reason = '', "
                           "updated = ? WHERE path = ?", changed)
            db.execute("UPDATE files SET status = 'pending', worker = '' WHERE status = 'running'")
            if retry_failed:
                db.execute("UPDATE files SET status = 'pending', attempts = 0, reason = '' WHERE status = 'failed'")
        missing = sorted(set(known) - seen)
        return PlanReport(len(added), len(changed), missing)

    # -- progress ---------------------------------------------------------------------------------------------------

    def pending(self) -> list[FileRecord]:
        rows = self._query("SELECT path, attempts, size FROM files WHERE status = 'pending' ORDER BY path")
        return [FileRecord(path, PENDING, attempts, size=size) for path, attempts, size in rows]

    def start(self, path: str, worker: str) -> None:
        self._write("UPDATE files SET status = 'running', worker = ?, attempts = attempts + 1, updated = ? "
                    "WHERE path = ?", (worker, time.time(), path))

    def finish(self, path: str, outputs: dict[str, str], summary: dict[str, Any]) -> None:
        self._write(f"UPDATE files SET status = 'done', {_COUNT_ATTEMPT}, worker = '', outputs = ?, summary = ?, "
                    "reason = '', updated = ? WHERE path = ?",
                    (json.dumps(outputs, sort_keys=True), json.dumps(summary, sort_keys=True), time.time(), path))

    def fail(self, path: str, reason: str) -> None:
        self._write(f"UPDATE files SET status = 'failed', {_COUNT_ATTEMPT}, worker = '', reason = ?, updated = ? "
                    "WHERE path = ?",
                    (" ".join(reason.split()), time.time(), path))

    def release(self, path: str) -> None:
        """Back to pending (the job stopped before this file was finished)."""
        self._write("UPDATE files SET status = 'pending', worker = '', updated = ? WHERE path = ?",
                    (time.time(), path))

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATES, 0)
        counts.update(dict(self._query("SELECT status, COUNT(*) FROM files GROUP BY status").fetchall()))
        return counts

    def records(self, status: str | None = None) -> Iterator[FileRecord]:
        query = "SELECT path, status, attempts, outputs, summary, reason, size FROM files"
        rows = self._query(query + (" WHERE status = ?" if status else "") + " ORDER BY path",
                           (status,) if status else ())
        for path, state, attempts, outputs, summary, reason, size in rows:
            yield FileRecord(path, state, attempts, json.loads(outputs), json.loads(summary), reason, size)

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.close()  # closing the file releases the flock
            self._lock = None

    # -- SQLite -----------------------------------------------------------------------------------------------------

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, params)
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def _write(self, sql: str, params: tuple[Any, ...]) -> None:
        with self._transaction() as db:
            db.execute(sql, params)

    def _transaction(self) -> _Transaction:
        return _Transaction(self)

    def _error(self, exc: sqlite3.Error) -> BatchError:
        full = "full" in str(exc).lower()
        advice = "free some space and run the same command again to resume" if full else \
            "the manifest may be damaged; move it away to start the job afresh"
        return BatchError(f"{self.path}: cannot update the batch manifest ({exc}); {advice}")


class _Transaction:
    """`with` block = one IMMEDIATE transaction (rolled back on error); SQLite errors become BatchError."""

    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.manifest._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self.manifest._error(exc) from None
        return self.manifest._db

    def __exit__(self, kind: object, exc: BaseException | None, trace: object) -> None:
        db = self.manifest._db
        try:
            db.execute("ROLLBACK" if exc is not None else "COMMIT")
        except sqlite3.Error as error:
            if exc is None:
                raise self.manifest._error(error) from None
        if isinstance(exc, sqlite3.Error):
            raise self.manifest._error(exc) from None
