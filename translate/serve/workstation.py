"""What the review workstation does, as a library: the web routes call these and hold no logic of their own.

A `Workstation` is one project folder: its store, its glossary (the loaded glossaries plus the folder's own
`glossary.tsv`, where accepted candidates go), the translation memory approvals feed, and the engines that
translate uploads (loaded on first use, one per model, kept). Edits are re-checked with the same functions as a
translation run (`recheck_edits`), so the page and the CLI never disagree about a paragraph.
"""

from __future__ import annotations

import difflib
import logging
import re
import secrets
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from translate.articles import DOCUMENT_SUFFIXES, TEXT_SUFFIXES, DocumentSource, Source, output_name
from translate.errors import InkuruError, InputError
from translate.glossary import Entry, Glossary, load_glossaries
from translate.result import TRANSLATED, ParagraphResult, Result
from translate.serve.store import (
    APPROVED, EDITED, MACHINE, STORE_NAME, Conflict, ParagraphState, Store, current_paragraph,
)

log = logging.getLogger("inkuru.serve")

GLOSSARY_NAME = "glossary.tsv"
IMPORT_SUFFIXES = (".json", ".xlf", ".xliff", ".html", ".htm")
EXPORTS = {  # format -> media type ("document": the original's own, by its kind)
    "text": "text/plain; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "json": "application/json",
    "xliff": "application/xliff+xml",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "document": "",
}
_DOCUMENT_TYPES = {"html": "text/html; charset=utf-8",
                   "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Settings:
    """How the workstation translates uploads (as `inkuru translate`'s options)."""

    folder: Path
    glossaries: tuple[str, ...] = ()  # empty: the shipped glossaries
    model: str | None = None  # empty: the default model of each direction
    backend: str = "auto"
    device: str = "cpu"
    beam: int = 4
    memory: Path | None = None  # the translation memory; None: the user's default one
    use_memory: bool = True


@dataclass
class Job:
    """One upload being translated: polled by the Articles page for its progress."""

    id: str
    name: str
    editor: str
    status: str = "queued"  # queued | running | done | failed
    done: int = 0
    total: int = 0
    message: str = ""
    article: str | None = None
    started: float = field(default_factory=time.time)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "status": self.status, "done": self.done, "total": self.total,
                "message": self.message, "article": self.article}


@dataclass(frozen=True)
class Row:
    """One paragraph as the editor page shows it."""

    paragraph: ParagraphResult  # the current text and its checks
    machine: str  # the machine's translation
    state: ParagraphState
    diff: list[tuple[str, str]]  # ("same" | "del" | "ins", text): the machine's translation -> the current one

    @property
    def editable(self) -> bool:
        return self.paragraph.action == TRANSLATED


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """A word-level diff from `old` to `new` as ("same" | "del" | "ins", text) runs (whitespace kept)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    runs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("ins", "".join(b[j1:j2])))
    return runs


class _ResultInPage(HTMLParser):
    """The Result JSON a self-contained review page carries in <script id="inkuru-result">."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.found: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "script" and ("id", "inkuru-result") in attrs

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.found = (self.found or "") + data

    def handle_endtag(self, tag: str) -> None:
        self.inside = False


def _result_from_page(text: str, name: str) -> str:
    parser = _ResultInPage()
    parser.feed(text)
    if parser.found is None:
        raise InputError(f"{name}: not an Inkuru review page (no embedded result); export its JSON instead")
    return parser.found


def sentence_pairs(paragraph: ParagraphResult, target_text: str, source_lang: str, target_lang: str
                   ) -> list[tuple[str, str]]:
    """What an approval teaches the memory: the whole paragraph (line by line), and each sentence when the
    approved text pairs with the source sentence by sentence: as many sentences, each of a length near the
    machine's translation of that sentence (an edit that merged two sentences and split another pairs wrongly
    by position, and is then taught as whole lines only)."""
    from translate.document import split_paragraphs, split_sentences

    # Lines as the pipeline looks them up: without their Markdown markup ("# ", "- "), which it keeps itself.
    source_units = [u.text for p in split_paragraphs(paragraph.source) for u in p.units]
    target_units = [u.text for p in split_paragraphs(target_text) for u in p.units]
    if len(source_units) != len(target_units):
        return [(paragraph.source, target_text)]
    machine = {segment.source: segment.target for segment in paragraph.segments}
    pairs = []
    for source, target in zip(source_units, target_units):
        pairs.append((source, target))
        sources, targets = split_sentences(source, source_lang), split_sentences(target, target_lang)
        if len(sources) == len(targets) > 1 and all(_similar_length(machine.get(s, s), t)
                                                    for s, t in zip(sources, targets)):
            pairs += list(zip(sources, targets))
    return pairs


def _similar_length(machine: str, edited: str) -> bool:
    return 0.6 <= (len(edited) + 5) / (len(machine) + 5) <= 1.6


class Workstation:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.folder = settings.folder
        self.store = Store(settings.folder / STORE_NAME)
        self.glossary_file = settings.folder / GLOSSARY_NAME
        self.jobs: dict[str, Job] = {}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inkuru-translate")
        self._lock = threading.Lock()  # the glossary, memory and Result caches (quick)
        # Loading a model takes seconds to minutes: under a lock of its own, so pages and saves go on meanwhile.
        self._engine_lock = threading.Lock()
        self._memory_lock = threading.Lock()  # approvals brought into the memory one paragraph at a time
        self._glossary: tuple[tuple[int, ...], Glossary] | None = None
        self._engines: dict[tuple[str, str], Any] = {}
        self._machine: dict[str, Result] = {}
        self._memory: Any = None

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    # -- glossary and memory ---------------------------------------------------------------------------------

    def _glossary_paths(self) -> list[str]:
        from translate.glossary import shipped_glossary_dir

        paths = list(self.settings.glossaries) or [str(shipped_glossary_dir())]
        return paths + ([str(self.glossary_file)] if self.glossary_file.exists() else [])

    def glossary(self) -> Glossary:
        """The loaded glossaries, read again when a file changed (an accepted candidate, an editor's TSV edit)."""
        paths = self._glossary_paths()
        stamp = tuple(p.stat().st_mtime_ns for path in paths for p in _tsv_files(Path(path)))
        with self._lock:
            if self._glossary is None or self._glossary[0] != stamp:
                self._glossary = (stamp, load_glossaries(paths))
            return self._glossary[1]

    def memory(self) -> Any:
        if not self.settings.use_memory:
            return None
        with self._lock:
            if self._memory is None:
                from translate.memory import TranslationMemory

                self._memory = TranslationMemory(self.settings.memory)
            return self._memory

    # -- articles in -------------------------------------------------------------------------------------------

    def import_path(self, path: str | Path, editor: str) -> tuple[str, bool]:
        """`import_file` from disk; a web page's or Word file's original, found where the result says it was (or
        next to the result) with the content it was translated from, is kept for export in its own format."""
        from translate.fileio import read_bytes

        return self.import_file(str(path), read_bytes(path), editor, look_beside=Path(path).parent)

    def import_file(self, name: str, data: bytes, editor: str, look_beside: Path | None = None) -> tuple[str, bool]:
        """A result JSON, an XLIFF file (post-edited in a CAT tool) or a self-contained review page, as an article:
        (its id, whether that very result was imported before)."""
        from translate.fileio import decode_utf8
        from translate.pipeline import recheck_edits
        from translate.review.inputs import parse_result

        suffix = Path(name).suffix.lower()
        if suffix not in IMPORT_SUFFIXES:
            raise InputError(f"{name}: import takes a result (.json), an XLIFF file (.xlf) or a review page (.html)")
        text = decode_utf8(data, name)
        if suffix in (".html", ".htm"):
            text = _result_from_page(text, name)
        result = recheck_edits(parse_result(text, name), self.glossary())
        # The same file imported again (`serve --import` run twice) is the article already there.
        existing = self.store.find_article(result)
        if existing is not None:
            return existing, True
        original = _original(result, look_beside) if look_beside is not None else None
        article_id = self.store.add_article(result, original, editor, action="imported")
        for pid, state in self.store.paragraph_states(article_id).items():
            if state.state == APPROVED:  # approved on the review page or in a CAT tool: it teaches too
                self._sync_memory(article_id, pid)
        return article_id, False

    def start_translation(self, name: str, data: bytes, target: str, editor: str, extract: bool = False) -> Job:
        """Queue an uploaded article for translation (one at a time, in the background); poll the Job."""
        source = self._read_upload(name, data, extract)  # a bad file fails now, not in the background
        job = Job(secrets.token_hex(6), name, editor)
        self.jobs[job.id] = job
        self._executor.submit(self._translate, job, source, data, target)
        return job

    def _read_upload(self, name: str, data: bytes, extract: bool) -> Source:
        from translate.fileio import decode_utf8

        suffix = Path(name).suffix.lower()
        if suffix in DOCUMENT_SUFFIXES:
            from translate.formats import read_document

            return DocumentSource(read_document(name, data, extract=extract), data)
        if suffix not in TEXT_SUFFIXES:
            raise InputError(f"{name}: translate takes .txt, .md, .html or .docx files")
        text = decode_utf8(data, name)
        if not text.strip():
            raise InputError(f"{name}: the file is empty")
        return text

    def engine(self, source: str, target: str) -> Any:
        from translate.engines import load_engine
        from translate.models import default_model

        model = self.settings.model or default_model(source, target)
        with self._engine_lock:
            key = (model, f"{source}-{target}" if self.settings.model is None else "")
            if key not in self._engines:
                engine = load_engine(self.settings.backend, model, device=self.settings.device,
                                     beam=self.settings.beam)
                memory = self.memory()
                if memory is not None:
                    from translate.memory import CachedEngine

                    engine = CachedEngine(engine, memory)
                self._engines[key] = engine
            return self._engines[key]

    def _translate(self, job: Job, source: Source, data: bytes, target: str) -> None:
        from translate.articles import translate_source
        from translate.languages import other_language
        from translate.pipeline import TranslateOptions

        job.status = "running"

        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total

        try:
            engine = self.engine(other_language(target), target)
            options = TranslateOptions(target, "auto", getattr(engine, "preferred_batch_size", 16), self.glossary())
            result = translate_source(source, engine, options, name=job.name, progress=progress)
            original = data if isinstance(source, DocumentSource) else None
            job.article = self.store.add_article(result, original, job.editor)
            job.status = "done"
        except InkuruError as error:
            job.status, job.message = "failed", str(error)
        except Exception as error:  # noqa: BLE001 - a background job reports, never dies silently
            log.exception("translating %s failed", job.name)
            job.status, job.message = "failed", f"internal error: {type(error).__name__}: {error}"

    # -- the editor ----------------------------------------------------------------------------------------------

    def machine_result(self, article_id: str) -> Result:
        """The machine's Result of an article, parsed once: it never changes after the article is stored (a
        300-paragraph Result is a megabyte of JSON, too much to parse again on every save)."""
        with self._lock:
            cached = self._machine.get(article_id)
        if cached is None:
            cached = self.store.machine_result(article_id)
            with self._lock:
                self._machine[article_id] = cached
                while len(self._machine) > 64:
                    self._machine.pop(next(iter(self._machine)))
        return cached

    def current_result(self, article_id: str) -> Result:
        return self.store.current_result(article_id, self.machine_result(article_id))

    def rows(self, article_id: str) -> tuple[Result, list[Row]]:
        machine = self.machine_result(article_id)
        states = self.store.paragraph_states(article_id)
        rows = [_row(p, states[p.id]) for p in machine.paragraphs]
        return replace(machine, paragraphs=[r.paragraph for r in rows]), rows

    def row(self, article_id: str, pid: int) -> Row:
        _, machine = self._machine_paragraph(article_id, pid, editable=False)
        return _row(machine, self.store.paragraph(article_id, pid))

    def _machine_paragraph(self, article_id: str, pid: int, editable: bool = True) -> tuple[Result, ParagraphResult]:
        result = self.machine_result(article_id)
        paragraph = next((p for p in result.paragraphs if p.id == pid), None)
        if paragraph is None:
            from translate.serve.store import NotFound

            raise NotFound(f"article {article_id!r} has no paragraph {pid}")
        if editable and paragraph.action != TRANSLATED:
            raise InputError(f"paragraph {pid} was not translated (kept or passed through): nothing to edit")
        return result, paragraph

    def save(self, article_id: str, pid: int, text: str, version: int, editor: str) -> ParagraphState | Conflict:
        """An editor's text for a paragraph, re-checked on the server with the CLI's matcher and checks."""
        from translate.pipeline import recheck_edits

        result, machine = self._machine_paragraph(article_id, pid)
        text = text.replace("\r\n", "\n").strip()
        if not text:
            raise InputError("the translation cannot be empty: every source paragraph keeps one output paragraph")
        if re.search(r"\n[ \t]*\n", text):
            raise InputError("the translation cannot hold a blank line: every source paragraph keeps one output "
                             "paragraph (a single line break is fine)")
        before = self.store.paragraph(article_id, pid)
        if text == machine.target:  # back to the machine's text: its own checks describe it again
            outcome = self.store.change(article_id, pid, version, editor, "edit", target=text, state=MACHINE,
                                        terms=machine.terms, flags=machine.flags, checked="machine")
        else:
            one = replace(result, paragraphs=[replace(machine, target=text, edited=True)])
            checked = recheck_edits(one, self.glossary()).paragraphs[0]
            outcome = self.store.change(article_id, pid, version, editor, "edit", target=text, state=EDITED,
                                        terms=checked.terms, flags=checked.flags, checked=checked.checked)
        if before.state == APPROVED and not isinstance(outcome, Conflict):
            self._sync_memory(article_id, pid)  # no longer what the desk approved
        return outcome

    def _sync_memory(self, article_id: str, pid: int) -> None:
        """Bring the translation memory in line with the store after a paragraph's approval may have changed:
        what it holds now is taught if it is approved, and every text it was ever approved with is taken back if
        not (never a text it was not approved with: the same words may be another desk's approval in a shared
        memory). A sentence taken back that another approved paragraph also teaches gets that one's translation
        again. Under one lock and from the store's state as it is now, so that two editors approving and
        unapproving at the same moment leave the memory as the store ends, whatever order they finish in."""
        memory = self.memory()
        if memory is None:
            return
        with self._memory_lock:
            result, machine = self._machine_paragraph(article_id, pid, editable=False)
            if machine.action != TRANSLATED:
                return
            now = self.store.paragraph(article_id, pid)
            source_lang, target_lang = machine.source_lang or result.source_lang, result.target_lang
            taught = sentence_pairs(machine, now.target, source_lang, target_lang) if now.state == APPROVED else []
            taken_back = [pair for target in self.store.approved_targets(article_id, pid)
                          if not (taught and target == now.target)
                          for pair in sentence_pairs(machine, target, source_lang, target_lang)]
            memory.remove_approved(source_lang, target_lang, taken_back)
            self._restore(memory, taken_back, source_lang, target_lang, exclude=(article_id, pid))
            memory.add_approved(source_lang, target_lang, taught, now.editor)  # last: this approval wins

    def _restore(self, memory: Any, taken_back: list[tuple[str, str]], source_lang: str, target_lang: str,
                 exclude: tuple[str, int]) -> None:
        """Teach again each sentence just taken back, from the latest approved paragraph that holds it."""
        from translate.memory import normalize_sentence

        wanted = {normalize_sentence(source) for source, _ in taken_back}
        for article_id, pid, source in self.store.approved_sources(source_lang, target_lang):
            if not wanted:
                break
            if (article_id, pid) == exclude or not any(w in normalize_sentence(source) for w in wanted):
                continue
            result, machine = self._machine_paragraph(article_id, pid, editable=False)
            now = self.store.paragraph(article_id, pid)
            pairs = [(s, t) for s, t in sentence_pairs(machine, now.target, source_lang, target_lang)
                     if normalize_sentence(s) in wanted]
            memory.add_approved(source_lang, target_lang, pairs, now.editor)
            wanted -= {normalize_sentence(s) for s, _ in pairs}

    def set_approved(self, article_id: str, pid: int, version: int, editor: str,
                     approved: bool = True) -> ParagraphState | Conflict:
        """Approve a paragraph (its sentences enter the translation memory as human translations) or undo it."""
        result, machine = self._machine_paragraph(article_id, pid)
        current = self.store.paragraph(article_id, pid)
        state = APPROVED if approved else (EDITED if current.target != machine.target else MACHINE)
        outcome = self.store.change(article_id, pid, version, editor, "approve" if approved else "unapprove",
                                    state=state)
        if not isinstance(outcome, Conflict):
            self._sync_memory(article_id, pid)
        return outcome

    def comment(self, article_id: str, pid: int, version: int, editor: str, text: str) -> ParagraphState | Conflict:
        """A comment for the desk on a translated paragraph; a kept or passed-through one has nobody to answer it
        (the editor page offers no comment there either)."""
        self._machine_paragraph(article_id, pid)
        return self.store.change(article_id, pid, version, editor, "comment", comment=text.strip())

    def approve_article(self, article_id: str, editor: str, seen: dict[int, int]) -> int:
        """Approve every translated paragraph not yet approved, at the version the editor saw (`seen`: paragraph
        id -> version), then the article; the number approved now. A paragraph changed since is left alone and
        the article is not approved: the editor reloads and looks again."""
        approved = 0
        _, rows = self.rows(article_id)
        changed = [row.paragraph.id for row in rows if row.editable and row.state.state != APPROVED
                   and seen.get(row.paragraph.id, -1) != row.state.version]
        if changed:  # seen before any is approved: all or nothing, but for a change in the very last moment
            raise InputError(f"paragraph {', '.join(map(str, changed))} changed since this page was loaded; nothing "
                             "approved: reload and look again")
        for row in rows:
            if row.editable and row.state.state != APPROVED:
                pid = row.paragraph.id
                outcome = self.set_approved(article_id, pid, seen.get(pid, -1), editor)
                if isinstance(outcome, Conflict):
                    raise InputError(f"paragraph {pid} changed since this page was loaded (by {outcome.current.editor})"
                                     f"; {approved} paragraphs approved, the article not: reload and look again")
                approved += 1
        self.store.approve_article(article_id, editor)
        return approved

    # -- articles out ------------------------------------------------------------------------------------------

    def export(self, article_id: str, fmt: str) -> tuple[bytes, str, str]:
        """(content, media type, file name) of the article as it stands, in `fmt` (see EXPORTS)."""
        if fmt not in EXPORTS:
            raise InputError(f"unknown export format {fmt!r} (known: {', '.join(EXPORTS)})")
        result = self.current_result(article_id)
        if fmt == "document":
            original = self.store.original(article_id)
            if original is None:
                raise InputError(f"{result.document}: no original web page or Word file is stored for this article")
            from translate.formats import read_document
            from translate.formats.translation import write_document

            written, _ = write_document(read_document(result.document, original), result)
            return written, _DOCUMENT_TYPES[result.source_format], output_name(result.document, result.target_lang,
                                                                                "text")
        from translate.review import render

        text = render(result, fmt, self.glossary())
        name = output_name(result.document, result.target_lang, fmt)
        if fmt == "text" and result.source_format != "text":  # a page's or Word file's text, not the page itself
            name = str(Path(name).with_suffix(".txt"))
        return text.encode("utf-8"), EXPORTS[fmt], name

    # -- glossary page ---------------------------------------------------------------------------------------

    def candidates(self) -> list[tuple[Any, dict[str, str]]]:
        """Glossary candidates from the editors' corrections not dismissed yet, each with its proposed row."""
        from translate.glossary.feedback import EditedParagraph, candidates_from_edits, proposed_row

        edits = [EditedParagraph(row.article, row.pid, row.source, row.machine, row.target, row.source_lang,
                                 row.target_lang, row.machine_terms) for row in self.store.edited_paragraphs()]
        glossary, dismissed = self.glossary(), self.store.dismissed()
        return [(c, proposed_row(c, glossary)) for c in candidates_from_edits(edits, glossary)
                if c.key not in dismissed]

    def accept_candidate(self, row: dict[str, str], kind: str) -> Entry:
        """Write an accepted candidate through the same validated, locked, atomic path as `glossary add`/`edit`:
        a RENDERING candidate edits its entry in the entry's own file; a NEW one is added to the folder's
        glossary.tsv (an id the glossary has already is refused, never overwritten)."""
        from translate.glossary.editing import add_entry, edit_entry
        from translate.glossary.feedback import NEW, RENDERING

        if kind not in (NEW, RENDERING):
            raise InputError(f"unknown candidate kind {kind!r}")
        for column, what in (("id", "an id"), ("en", "the English term"), ("rw", "the Kinyarwanda rendering")):
            if not row.get(column, "").strip():
                raise InputError(f"fill in {what} ({column}) before accepting")
        glossary = self.glossary()
        existing = glossary.get(row.get("id", ""))
        if kind == RENDERING and existing is None:
            raise InputError(f"no entry {row['id']!r} in the glossary to change")
        if kind == RENDERING and existing is not None:
            changes = {k: v for k, v in row.items() if k != "id" and v != existing.to_row().get(k)}
            return edit_entry(Path(existing.file), existing.id, changes, _others(glossary, Path(existing.file)))
        return add_entry(self.glossary_file, row, _others(glossary, self.glossary_file))

    def search(self, query: str, limit: int = 20) -> tuple[list[tuple[float, Entry, str]], list[tuple[str, str, str, int]]]:
        """Glossary entries matching `query`, and the concordance of approved translations holding it."""
        from translate.glossary.curate import search

        if not query.strip():
            return [], []
        return search(self.glossary(), query, limit), self.store.approved_pairs(query, limit)

    def history(self, article_id: str, pid: int) -> list[dict[str, Any]]:
        self.store.paragraph(article_id, pid)
        return [item.__dict__ for item in self.store.history(article_id, pid)]


def _original(result: Result, beside: Path) -> bytes | None:
    from translate.formats import digest

    if result.source_format not in ("html", "docx") or not result.source_digest:
        return None
    for candidate in (Path(result.document), beside / Path(result.document).name):
        try:
            data = candidate.read_bytes()
        except OSError:
            continue
        if digest(data) == result.source_digest:
            return data
    return None


def _row(machine: ParagraphResult, state: ParagraphState) -> Row:
    paragraph = current_paragraph(machine, state)
    diff = word_diff(machine.target, paragraph.target) if paragraph.target != machine.target else []
    return Row(paragraph, machine.target, state, diff)


def _tsv_files(path: Path) -> list[Path]:
    return sorted(path.glob("*.tsv")) if path.is_dir() else [path] if path.exists() else []


def _others(glossary: Glossary, path: Path) -> Sequence[Entry]:
    return [e for e in glossary.entries if Path(e.file).resolve() != path.resolve()]

