"""Translation memory: a local SQLite cache of engine outputs, so a re-run translates only what changed, and the
human translations editors approved (`inkuru serve`), used before any machine output.

`CachedEngine` wraps any engine (argos-translate style: engines wrap one another). Each sentence's entry is keyed
by the engine's signature (backend, model, revision, beam …), the direction, the decoding options and the
glossary terms required of that sentence, plus the normalised sentence. So editing a paragraph re-translates
only its sentences, and a glossary change re-translates only the sentences whose terms changed (the term report
is always recomputed from the current glossary).

Each batch is committed as soon as it is translated: an interrupted run loses at most the batch in flight, and
the next run resumes from the memory. SQLite's write-ahead log keeps two concurrent runs safe.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from translate.constraints import TermConstraint
from translate.engines.base import Engine, Hypothesis
from translate.errors import CacheError
from translate.models import cache_dir

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,      -- sha256 of the engine signature, options, terms and normalised sentence
    engine TEXT NOT NULL,      -- the engine signature, for stats and selective clearing
    source TEXT NOT NULL,      -- the normalised sentence (for people inspecting the file)
    hypothesis TEXT NOT NULL,  -- the engine's output as JSON
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS approved (
    key TEXT PRIMARY KEY,      -- sha256 of the direction and the normalised source sentence (or paragraph)
    direction TEXT NOT NULL,   -- "en-rw" or "rw-en"
    source TEXT NOT NULL,      -- the normalised source
    target TEXT NOT NULL,      -- the approved translation, as the editor wrote it
    editor TEXT NOT NULL,
    created REAL NOT NULL
)
"""

# Part of every key: raise it when what an engine returns for the same input changes (2: the reworked constrained
# search, and Hypothesis.steered; 3: terms placed into the translation; 4: every hypothesis scored, for the
# paragraph confidence), so that older entries are not served as current.
_FORMAT = 4
T = TypeVar("T")


def default_memory_path() -> Path:
    return cache_dir() / "memory.sqlite"


def normalize_sentence(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class MemoryStats:
    path: str
    entries: int
    engines: int
    size_bytes: int
    approved: int = 0  # human translations


def _locked(method: Callable[..., T]) -> Callable[..., T]:
    @functools.wraps(method)
    def wrapper(self: TranslationMemory, *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return method(self, *args, **kwargs)
    return wrapper


class TranslationMemory:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_memory_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Not tied to the opening thread: Ray Data calls an actor's methods on threads of its own (one at a
            # time), and SQLite itself is in serialized mode.
            self._db = _open_shared(self.path)
        except (OSError, sqlite3.Error) as exc:
            raise self._error("cannot open", exc) from None
        # One connection, used by several threads in the workstation (a translation job beside approvals):
        # a transaction must not take in another thread's statements.
        self._lock = threading.RLock()

    def _error(self, action: str, exc: Exception) -> CacheError:
        if _damaged(exc):  # `inkuru cache clear` removes a damaged file whole (`clear_memory`)
            advice = "run `inkuru cache clear` to remove it, or translate with --no-cache"
        else:  # a folder it cannot write to, a full disk: clearing would fail the same way
            advice = "translate with --no-cache, or set INKURU_CACHE_DIR to a writable folder"
        return CacheError(f"{self.path}: {action} the translation memory ({exc}); {advice}")

    def _write_many(self, statement: str, rows: list[tuple[object, ...]]) -> None:
        """One statement over many rows in one transaction (an interrupted run loses no committed batch)."""
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(statement, rows)
        except sqlite3.Error as exc:
            raise self._error("cannot write", exc) from None

    @_locked
    def get_many(self, keys: list[str]) -> dict[str, Hypothesis]:
        found: dict[str, Hypothesis] = {}
        try:
            for start in range(0, len(keys), 500):  # SQLite limits the number of bound parameters
                chunk = keys[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, hypothesis FROM translations WHERE key IN ({marks})", chunk)
                for key, payload in rows:
                    found[key] = _hypothesis_from_json(payload)
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            raise self._error("cannot read", exc) from None
        return found

    @_locked
    def put_many(self, engine: str, items: list[tuple[str, str, Hypothesis]]) -> None:
        """Store (key, normalised sentence, hypothesis) rows in one transaction."""
        now = time.time()
        rows = [(key, engine, source, json.dumps(asdict(h), ensure_ascii=False), now) for key, source, h in items]
        self._write_many("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)", rows)

    @_locked
    def add_approved(self, source: str, target: str, pairs: list[tuple[str, str]], editor: str) -> None:
        """Store human translations (source text, approved translation) for the direction; a newer approval of
        the same source replaces the older one."""
        now, direction = time.time(), f"{source}-{target}"
        rows = [(approved_key(source, target, text), direction, normalize_sentence(text), translation.strip(), editor,
                 now) for text, translation in pairs if text.strip() and translation.strip()]
        self._write_many("INSERT OR REPLACE INTO approved VALUES (?, ?, ?, ?, ?, ?)", rows)

    @_locked
    def remove_approved(self, source: str, target: str, pairs: list[tuple[str, str]]) -> None:
        """Take back what an approval taught (unapproved, or edited since): only where the memory still holds
        that very translation, so an approval of the same sentence elsewhere, made later, stays."""
        rows = [(approved_key(source, target, text), translation.strip()) for text, translation in pairs]
        self._write_many("DELETE FROM approved WHERE key = ? AND target = ?", rows)

    @_locked
    def approved(self, texts: list[str], source: str, target: str) -> dict[str, str]:
        """The approved human translation of each of `texts` that has one."""
        keys = {approved_key(source, target, text): text for text in texts}
        found: dict[str, str] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = list(keys)[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for key, translation in self._db.execute(
                        f"SELECT key, target FROM approved WHERE key IN ({marks})", chunk):
                    found[keys[key]] = translation
        except sqlite3.Error as exc:
            raise self._error("cannot read", exc) from None
        return found

    @_locked
    def stats(self) -> MemoryStats:
        try:
            entries, engines = self._db.execute(
                "SELECT COUNT(*), COUNT(DISTINCT engine) FROM translations").fetchone()
            approved = self._db.execute("SELECT COUNT(*) FROM approved").fetchone()[0]
        except sqlite3.Error as exc:
            raise self._error("cannot read", exc) from None
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file())
        return MemoryStats(str(self.path), int(entries), int(engines), size, int(approved))

    @_locked
    def clear(self) -> int:
        """Remove the machine translations; the approved human translations are the editors' work and stay."""
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                removed = self._db.execute("DELETE FROM translations").rowcount
            self._db.execute("VACUUM")
        except sqlite3.Error as exc:
            raise self._error("cannot clear", exc) from None
        return int(removed)

    def close(self) -> None:
        self._db.close()


def _open_shared(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the memory in WAL mode. Switching a new file to WAL takes an exclusive lock for
    which SQLite does not wait, so processes that open a new memory at the same moment (a batch job's workers) can
    get "database is locked" here: they retry for up to 30 s."""
    deadline = time.monotonic() + 30
    while True:
        db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA busy_timeout=30000")
            db.executescript(SCHEMA)
            return db
        except sqlite3.OperationalError as exc:
            db.close()
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _damaged(exc: Exception) -> bool:
    """The file is there but is not a sound SQLite database (not opening it: that is the folder's fault)."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and ("not a database" in text or "malformed" in text)


def clear_memory(path: str | Path | None = None) -> tuple[Path, int | None]:
    """Empty the translation memory: (its path, the entries removed). A damaged file, which SQLite cannot clear,
    is removed whole (with its journal files): then the count is None."""
    target = Path(path) if path is not None else default_memory_path()
    try:
        memory = TranslationMemory(target)
        try:
            return target, memory.clear()
        finally:
            memory.close()
    except CacheError as error:
        if not _damaged(error.__context__ or error):  # type: ignore[arg-type]
            raise
    for file in [target, *target.parent.glob(target.name + "-*")]:
        try:
            file.unlink(missing_ok=True)
        except OSError as exc:
            raise CacheError(f"{file}: cannot remove the damaged translation memory ({exc})") from None
    return target, None


def approved_key(source: str, target: str, text: str) -> str:
    return hashlib.sha256(f"{source}-{target}\n{normalize_sentence(text)}".encode()).hexdigest()


def _hypothesis_from_json(payload: str) -> Hypothesis:
    data = json.loads(payload)
    return Hypothesis(str(data["text"]), int(data["tokens"]), bool(data["finished"]), data.get("score"),
                      tuple(data.get("unmet", ())), bool(data.get("steered")))


def engine_signature(engine: Engine) -> str:
    info = engine.info
    options = ",".join(f"{k}={v}" for k, v in sorted(info.options.items()))
    return f"{info.backend}|{info.model}|{info.revision}|{options}"


def _terms_key(terms: list[TermConstraint]) -> list[list[object]]:
    return [[t.key, list(t.forms), t.hard, t.source, t.count] for t in terms]


class CachedEngine:
    """An engine that answers from the translation memory and asks the wrapped engine only for the rest."""

    def __init__(self, engine: Engine, memory: TranslationMemory) -> None:
        self.engine, self.memory = engine, memory
        self.info = engine.info
        self.max_input_tokens = engine.max_input_tokens
        self.preferred_batch_size = getattr(engine, "preferred_batch_size", 16)
        self.signature = engine_signature(engine)
        self.hits = 0
        self.misses = 0

    def count_tokens(self, sentences: list[str], source: str) -> list[int]:
        return self.engine.count_tokens(sentences, source)

    def approved_translations(self, texts: list[str], source: str, target: str) -> dict[str, str]:
        """Human translations editors approved for any of `texts`: the pipeline uses them before the engine."""
        return self.memory.approved(texts, source, target)

    def __getattr__(self, name: str) -> object:
        # What the memory does not answer (score_batch, which aligns inline markup) the engine does, if it can.
        if name == "score_batch":
            return getattr(self.engine, name)
        raise AttributeError(name)

    def _key(self, sentence: str, source: str, target: str, avoid_repetition: bool, strict: bool,
             terms: list[TermConstraint]) -> str:
        options = [_FORMAT, self.signature, source, target, avoid_repetition, strict if terms else None,
                   _terms_key(terms), normalize_sentence(sentence)]
        return hashlib.sha256(json.dumps(options, ensure_ascii=False).encode()).hexdigest()

    def translate_batch(
        self,
        sentences: list[str],
        source: str,
        target: str,
        *,
        avoid_repetition: bool = False,
        constraints: list[list[TermConstraint]] | None = None,
        strict: bool = True,
    ) -> list[Hypothesis]:
        constraints = constraints or [[] for _ in sentences]
        keys = [self._key(s, source, target, avoid_repetition, strict, c) for s, c in zip(sentences, constraints)]
        known = self.memory.get_many(keys)
        todo = [i for i, key in enumerate(keys) if key not in known]
        self.hits += len(sentences) - len(todo)
        self.misses += len(todo)
        if todo:
            fresh = self.engine.translate_batch(
                [sentences[i] for i in todo], source, target, avoid_repetition=avoid_repetition,
                constraints=[constraints[i] for i in todo] if any(constraints) else None, strict=strict)
            self.memory.put_many(self.signature, [(keys[i], normalize_sentence(sentences[i]), h)
                                                  for i, h in zip(todo, fresh)])
            known.update((keys[i], h) for i, h in zip(todo, fresh))
        return [known[key] for key in keys]
