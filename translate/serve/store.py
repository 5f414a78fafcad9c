"""The workstation's store: one SQLite file in the project folder with articles, paragraph versions and history.

An article keeps the machine's Result as made (JSON) and, for a web page or Word file, the original's bytes. Each
paragraph has one current row (its text, state, comment, the checks of that text, a version number) and every
change is appended to `history` with who and when. A change names the version it was made on; if the paragraph
has moved on since, nothing is written and the caller gets a `Conflict` with both texts: no edit is ever lost
silently. Each thread has its own connection; SQLite's write-ahead log lets readers go on while one writes.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from translate.errors import InkuruError
from translate.result import ParagraphResult, Result

MACHINE, EDITED, APPROVED = "machine", "edited", "approved"
STATES = (MACHINE, EDITED, APPROVED)
STORE_NAME = "inkuru.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,          -- random: URLs carry ids, never paths
    name TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_format TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    approved_by TEXT,             -- the whole article approved (cleared by any later change)
    approved_at REAL,
    result TEXT NOT NULL,         -- the machine's Result as made, JSON
    original BLOB                 -- a web page's or Word file's bytes, for export in its own format
);
CREATE TABLE IF NOT EXISTS paragraphs (
    article TEXT NOT NULL REFERENCES articles(id),
    pid INTEGER NOT NULL,         -- the paragraph's 1-based id in the Result
    action TEXT NOT NULL,         -- translated | passed_through | kept: only translated ones are edited
    source TEXT NOT NULL,         -- the source paragraph and its language, and the machine's translation and
    source_lang TEXT NOT NULL,    -- term report, as in the Result (kept here too, so the glossary page and the
    machine TEXT NOT NULL,        -- concordance read rows, not every article's whole Result)
    machine_terms TEXT NOT NULL,
    target TEXT NOT NULL,
    state TEXT NOT NULL,          -- machine | edited | approved
    comment TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL,
    terms TEXT NOT NULL,          -- the term report of `target`, JSON
    flags TEXT NOT NULL,          -- the checks' flags on `target`, JSON
    checked TEXT NOT NULL,        -- machine | editor: whose text the checks describe
    editor TEXT NOT NULL,
    updated REAL NOT NULL,
    PRIMARY KEY (article, pid)
);
CREATE TABLE IF NOT EXISTS history (
    article TEXT NOT NULL,
    pid INTEGER NOT NULL,
    version INTEGER NOT NULL,
    action TEXT NOT NULL,         -- translated | imported | edit | approve | unapprove | comment
    target TEXT NOT NULL,
    state TEXT NOT NULL,
    comment TEXT NOT NULL,
    editor TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS history_by_paragraph ON history (article, pid, version);
CREATE TABLE IF NOT EXISTS secrets (
    name TEXT PRIMARY KEY,        -- the loopback page secret: kept, so a restart does not break open pages
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    digest TEXT PRIMARY KEY,      -- sha256 of the session cookie (the cookie itself is never stored)
    editor TEXT NOT NULL,
    csrf TEXT NOT NULL,
    created REAL NOT NULL,
    token TEXT NOT NULL           -- sha256 of the token signed in with: a new token ends the old one's sessions
);
CREATE TABLE IF NOT EXISTS dismissed (
    key TEXT PRIMARY KEY,         -- a glossary candidate an editor dismissed
    editor TEXT NOT NULL,
    at REAL NOT NULL
);
"""


class StoreError(InkuruError):
    pass


class NotFound(StoreError):
    pass


@dataclass(frozen=True)
class ParagraphState:
    """A paragraph's current row: what the editor page shows and a change must name (`version`)."""

    pid: int
    target: str
    state: str
    comment: str
    version: int
    terms: list[dict[str, Any]]
    flags: list[str]
    checked: str
    editor: str
    updated: float


@dataclass(frozen=True)
class Conflict:
    """A change made on an old version: nothing was written. `current` is what the other editor saved."""

    current: ParagraphState
    yours: str


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    name: str
    source_lang: str
    target_lang: str
    source_format: str
    created: float
    updated: float
    paragraphs: int
    translated: int
    edited: int  # translated paragraphs whose text an editor changed (approved or not)
    approved: int
    needs_review: int  # translated paragraphs not approved that carry a flag or a term problem
    approved_by: str | None

    @property
    def direction(self) -> str:
        return f"{self.source_lang}→{self.target_lang}"


@dataclass(frozen=True)
class EditedRow:
    """A paragraph an editor changed: its source, the machine's translation and term report, the current text."""

    article: str
    pid: int
    source: str
    source_lang: str
    target_lang: str
    machine: str
    machine_terms: list[dict[str, Any]]
    target: str


@dataclass(frozen=True)
class HistoryItem:
    version: int
    action: str
    target: str
    state: str
    comment: str
    editor: str
    at: float


_PROBLEMS = ("missing", "forbidden", "warning")


def _needs_review(row: sqlite3.Row) -> bool:
    return row["state"] != APPROVED and (json.loads(row["flags"]) != [] or any(
        t.get("status") in _PROBLEMS for t in json.loads(row["terms"])))


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db.executescript(SCHEMA)
            if "token" not in {row[1] for row in self._db.execute("PRAGMA table_info(sessions)")}:
                self._db.executescript("DROP TABLE sessions;" + SCHEMA)  # sessions of an older shape: sign in again
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(paragraphs)")}
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the workstation's store ({exc})") from None
        if "machine" not in columns:
            raise StoreError(f"{self.path}: a store from a development version of the workstation; move it aside "
                             "and import the articles again")
        # after the shape check: an index on a column a development store lacks would fail with a less clear error
        self._db.execute("CREATE INDEX IF NOT EXISTS paragraphs_by_state ON paragraphs (state, source_lang)")

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA busy_timeout=30000")
            self._local.db = db
        return db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction (the writer lock taken up front, so a read-then-write cannot be overtaken),
        committed at the end of the block, rolled back on any error."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        if db.in_transaction:
            db.execute("COMMIT")

    # -- articles ------------------------------------------------------------------------------------------------

    def add_article(self, result: Result, original: bytes | None, editor: str, action: str = "translated") -> str:
        """Store a translated (or imported) article; its paragraphs start as the Result has them."""
        article_id, now = secrets.token_hex(6), time.time()
        with self._transaction() as db:
            db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)",
                       (article_id, result.document, result.source_lang, result.target_lang, result.source_format,
                        now, now, json.dumps(result.to_dict(), ensure_ascii=False), original))
            for p in result.paragraphs:
                state = APPROVED if p.approved else EDITED if p.edited else MACHINE
                # The Result as stored is the article's starting point (for an import, its text as exported).
                db.execute("INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
                           (article_id, p.id, p.action, p.source, p.source_lang or result.source_lang,
                            p.target, json.dumps(p.terms, ensure_ascii=False), p.target, state, p.comment, json.dumps(p.terms, ensure_ascii=False),
                            json.dumps(p.flags, ensure_ascii=False), p.checked, editor, now))
                db.execute("INSERT INTO history VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)",
                           (article_id, p.id, action, p.target, state, p.comment, editor, now))
        return article_id

    def find_article(self, result: Result) -> str | None:
        """The id of an article stored from exactly this Result (an import done before), if any."""
        wanted = json.dumps(result.to_dict(), ensure_ascii=False)
        for row in self._db.execute("SELECT id, result FROM articles WHERE name = ?", (result.document,)):
            if row["result"] == wanted:
                return str(row["id"])
        return None

    def articles(self) -> list[ArticleSummary]:
        rows = self._db.execute("SELECT id, name, source_lang, target_lang, source_format, created, updated, "
                                "approved_by FROM articles ORDER BY created DESC").fetchall()
        summaries = []
        for row in rows:
            paragraphs = self._db.execute("SELECT * FROM paragraphs WHERE article = ?", (row["id"],)).fetchall()
            translated = [p for p in paragraphs if p["action"] == "translated"]
            summaries.append(ArticleSummary(
                row["id"], row["name"], row["source_lang"], row["target_lang"], row["source_format"], row["created"],
                row["updated"], len(paragraphs), len(translated), sum(p["checked"] == "editor" for p in translated),
                sum(p["state"] == APPROVED for p in translated), sum(_needs_review(p) for p in translated),
                row["approved_by"]))
        return summaries

    def _article_row(self, article_id: str) -> sqlite3.Row:
        row = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id!r}")
        return row

    def machine_result(self, article_id: str) -> Result:
        return Result.from_dict(json.loads(self._article_row(article_id)["result"]), article_id)

    def original(self, article_id: str) -> bytes | None:
        return self._article_row(article_id)["original"]

    def article_approval(self, article_id: str) -> tuple[str | None, float | None]:
        row = self._article_row(article_id)
        return row["approved_by"], row["approved_at"]

    def paragraph_states(self, article_id: str) -> dict[int, ParagraphState]:
        self._article_row(article_id)
        rows = self._db.execute("SELECT * FROM paragraphs WHERE article = ? ORDER BY pid", (article_id,)).fetchall()
        return {row["pid"]: _state(row) for row in rows}

    def paragraph(self, article_id: str, pid: int) -> ParagraphState:
        row = self._db.execute("SELECT * FROM paragraphs WHERE article = ? AND pid = ?", (article_id, pid)).fetchone()
        if row is None:
            raise NotFound(f"article {article_id!r} has no paragraph {pid}")
        return _state(row)

    def current_result(self, article_id: str, machine: Result | None = None) -> Result:
        """The article as it stands: the machine's Result (given, if the caller has it) with each paragraph's
        current text, state and checks."""
        result = machine if machine is not None else self.machine_result(article_id)
        states = self.paragraph_states(article_id)
        return replace(result, paragraphs=[current_paragraph(p, states[p.id]) for p in result.paragraphs])

    # -- changes -------------------------------------------------------------------------------------------------

    def change(self, article_id: str, pid: int, base_version: int, editor: str, action: str, *,
               target: str | None = None, state: str | None = None, comment: str | None = None,
               terms: list[dict[str, Any]] | None = None, flags: list[str] | None = None,
               checked: str | None = None) -> ParagraphState | Conflict:
        """Apply a change made on `base_version`; a Conflict (nothing written) if the paragraph moved on."""
        now = time.time()
        with self._transaction() as db:
            row = db.execute("SELECT * FROM paragraphs WHERE article = ? AND pid = ?", (article_id, pid)).fetchone()
            if row is None:
                raise NotFound(f"article {article_id!r} has no paragraph {pid}")
            current = _state(row)
            if current.version != base_version:
                return Conflict(current, target if target is not None else current.target)
            new = replace(
                current, target=current.target if target is None else target,
                state=current.state if state is None else state,
                comment=current.comment if comment is None else comment,
                terms=current.terms if terms is None else terms, flags=current.flags if flags is None else flags,
                checked=current.checked if checked is None else checked, version=current.version + 1,
                editor=editor, updated=now)
            db.execute("UPDATE paragraphs SET target = ?, state = ?, comment = ?, version = ?, terms = ?, flags = ?, "
                       "checked = ?, editor = ?, updated = ? WHERE article = ? AND pid = ?",
                       (new.target, new.state, new.comment, new.version, json.dumps(new.terms, ensure_ascii=False),
                        json.dumps(new.flags, ensure_ascii=False), new.checked, editor, now, article_id, pid))
            db.execute("INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (article_id, pid, new.version, action, new.target, new.state, new.comment, editor, now))
            # Any change re-opens an approved article.
            db.execute("UPDATE articles SET updated = ?, approved_by = NULL, approved_at = NULL WHERE id = ?",
                       (now, article_id))
        return new

    def approve_article(self, article_id: str, editor: str) -> None:
        """Mark the article approved: in the same transaction as the check that every translated paragraph is."""
        now = time.time()
        with self._transaction() as db:
            waiting = db.execute("SELECT pid FROM paragraphs WHERE article = ? AND action = 'translated' AND "
                                 "state != ? ORDER BY pid", (article_id, APPROVED)).fetchall()
            if waiting:
                raise StoreError(f"paragraph {waiting[0]['pid']} is not approved (it changed meanwhile): reload")
            db.execute("UPDATE articles SET approved_by = ?, approved_at = ?, updated = ? WHERE id = ?",
                       (editor, now, now, article_id))

    def history(self, article_id: str, pid: int) -> list[HistoryItem]:
        rows = self._db.execute("SELECT * FROM history WHERE article = ? AND pid = ? ORDER BY version, at",
                                (article_id, pid)).fetchall()
        return [HistoryItem(r["version"], r["action"], r["target"], r["state"], r["comment"], r["editor"], r["at"])
                for r in rows]

    # -- glossary feedback ---------------------------------------------------------------------------------------

    def edited_paragraphs(self) -> list[EditedRow]:
        """Every translated paragraph whose text differs from the machine's, with what the feedback needs."""
        rows = self._db.execute(
            "SELECT p.*, a.target_lang FROM paragraphs p JOIN articles a ON a.id = p.article "
            "WHERE p.action = 'translated' AND p.target != p.machine ORDER BY p.article, p.pid").fetchall()
        return [EditedRow(r["article"], r["pid"], r["source"], r["source_lang"], r["target_lang"], r["machine"],
                          json.loads(r["machine_terms"]), r["target"]) for r in rows]

    def approved_pairs(self, query: str, limit: int = 20) -> list[tuple[str, str, str, int]]:
        """Concordance: (article id, source, approved translation, pid) of approved paragraphs holding `query`."""
        needle, found = query.casefold(), []
        for row in self._db.execute("SELECT article, pid, source, target FROM paragraphs WHERE state = ? "
                                    "ORDER BY updated DESC", (APPROVED,)):
            if needle in row["source"].casefold() or needle in row["target"].casefold():
                found.append((row["article"], row["source"], row["target"], row["pid"]))
                if len(found) >= limit:
                    break
        return found

    def approved_sources(self, source_lang: str, target_lang: str) -> Iterator[tuple[str, int, str]]:
        """(article id, pid, source) of the approved paragraphs in one direction, the latest approved first."""
        rows = self._db.execute(
            "SELECT p.article, p.pid, p.source, (SELECT MAX(h.at) FROM history h WHERE h.article = p.article "
            "AND h.pid = p.pid AND h.action = 'approve') AS approved_at FROM paragraphs p JOIN articles a "
            "ON a.id = p.article WHERE p.state = ? AND p.source_lang = ? AND a.target_lang = ? "
            "ORDER BY approved_at DESC", (APPROVED, source_lang, target_lang))
        for row in rows:
            yield row["article"], row["pid"], row["source"]

    def approved_targets(self, article_id: str, pid: int) -> list[str]:
        """Every text this paragraph has been approved with (what it may have taught the translation memory)."""
        rows = self._db.execute("SELECT DISTINCT target FROM history WHERE article = ? AND pid = ? AND state = ?",
                                (article_id, pid, APPROVED)).fetchall()
        return [row["target"] for row in rows]

    # -- what signing in needs to survive a restart ------------------------------------------------------------

    def secret(self, name: str) -> str:
        """A random secret kept in the store (created on first use)."""
        with self._transaction() as db:
            row = db.execute("SELECT value FROM secrets WHERE name = ?", (name,)).fetchone()
            value = row["value"] if row else secrets.token_urlsafe(24)
            if row is None:
                db.execute("INSERT INTO secrets VALUES (?, ?)", (name, value))
        return str(value)

    def save_session(self, digest: str, editor: str, csrf: str, token: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO sessions VALUES (?, ?, ?, ?, ?)",
                       (digest, editor, csrf, time.time(), token))

    def session(self, digest: str, max_age: float) -> tuple[str, str, str] | None:
        """(editor, csrf secret, token digest) of a session signed in less than `max_age` seconds ago."""
        row = self._db.execute("SELECT editor, csrf, token FROM sessions WHERE digest = ? AND created > ?",
                               (digest, time.time() - max_age)).fetchone()
        return (row["editor"], row["csrf"], row["token"]) if row else None

    def drop_sessions(self, digest: str | None = None, keep_tokens: set[str] | None = None) -> None:
        """Remove one session, or (keep_tokens) every session signed in with a token no longer in the file."""
        with self._transaction() as db:
            if digest is not None:
                db.execute("DELETE FROM sessions WHERE digest = ?", (digest,))
            if keep_tokens is not None:
                marks = ",".join("?" * len(keep_tokens))
                db.execute(f"DELETE FROM sessions WHERE token NOT IN ({marks})", tuple(keep_tokens))

    def dismiss(self, key: str, editor: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO dismissed VALUES (?, ?, ?)", (key, editor, time.time()))

    def dismissed(self) -> set[str]:
        return {row["key"] for row in self._db.execute("SELECT key FROM dismissed")}


def current_paragraph(machine: ParagraphResult, now: ParagraphState) -> ParagraphResult:
    """The machine's paragraph with an editor's current text, state and the checks of that text."""
    return replace(machine, target=now.target, terms=now.terms, flags=now.flags, checked=now.checked,
                   edited=now.state != MACHINE and now.target != machine.target, approved=now.state == APPROVED,
                   comment=now.comment)


def _state(row: sqlite3.Row) -> ParagraphState:
    return ParagraphState(row["pid"], row["target"], row["state"], row["comment"], row["version"],
                          json.loads(row["terms"]), json.loads(row["flags"]), row["checked"], row["editor"],
                          row["updated"])
