"""Adding, editing and removing entries in a TSV file: validated, locked, sorted, written atomically.

Each change holds an exclusive flock on a sidecar `<file>.lock` across read-modify-write, so two editors (or
two `inkuru glossary add` runs) never lose each other's lines; the write itself is atomic (temp file + rename).
The file is rewritten in canonical form, so in a canonical file only the changed line differs.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from translate.errors import GlossaryError
from translate.fileio import atomic_write_text
from translate.glossary.curate import lint_change
from translate.glossary.entries import COLUMNS, Entry, entry_from_row, format_tsv, read_tsv


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `<path>.lock` (created if needed) for the duration of the block."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        handle = open(lock_path, "a")  # noqa: SIM115 - closed in finally
    except OSError as exc:
        raise GlossaryError(f"{lock_path}: cannot create the lock file ({exc.strerror})") from None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        handle.close()


def _read(path: Path) -> list[Entry]:
    return read_tsv(path) if path.exists() else []


def _check_new_errors(changed: Entry, entries: list[Entry], others: Sequence[Entry]) -> None:
    """Refuse a change that would introduce a lint error about the changed entry (e.g. a shared variant)."""
    mine = [i for i in lint_change([*others, *entries], changed.id) if i.severity == "error"]
    if mine:
        raise GlossaryError("; ".join(i.message for i in mine))


def _write(path: Path, entries: list[Entry]) -> None:
    atomic_write_text(path, format_tsv(entries))


def add_entry(path: Path, row: Mapping[str, str], others: Sequence[Entry] = ()) -> Entry:
    """Add a new entry (cells by column name) to `path`; `others` are entries of the other loaded files."""
    with locked(path):
        entries = _read(path)
        entry_id = row.get("id", "")
        clash = next((e for e in (*entries, *others) if e.id == entry_id), None)
        if clash is not None:
            raise GlossaryError(f"{path}: column 'id': '{entry_id}' already exists ({clash.where}); "
                                "use 'edit' to change it")
        line = 2 + sum(1 for e in entries if e.id < entry_id)  # where the sorted write will put it
        entry = entry_from_row(row, str(path), line)
        entries.append(entry)
        _check_new_errors(entry, entries, others)
        _write(path, entries)
    return entry


def edit_entry(path: Path, entry_id: str, changes: Mapping[str, str], others: Sequence[Entry] = ()) -> Entry:
    """Change some columns of an entry in `path`; the id cannot change (remove and add instead)."""
    for column in changes:
        if column not in COLUMNS:
            raise GlossaryError(f"unknown column '{column}' (known: {', '.join(COLUMNS)})")
        if column == "id":
            raise GlossaryError("column 'id': an id cannot be edited; remove the entry and add it again")
    with locked(path):
        entries = _read(path)
        index = next((i for i, e in enumerate(entries) if e.id == entry_id), None)
        if index is None:
            raise GlossaryError(f"{path}: no entry with id '{entry_id}'")
        old = entries[index]
        row = {**old.to_row(), **changes}
        entries[index] = entry_from_row(row, str(path), old.line)
        _check_new_errors(entries[index], entries, others)
        _write(path, entries)
    return entries[index]


def remove_entry(path: Path, entry_id: str) -> Entry:
    with locked(path):
        entries = _read(path)
        kept = [e for e in entries if e.id != entry_id]
        if len(kept) == len(entries):
            raise GlossaryError(f"{path}: no entry with id '{entry_id}'")
        _write(path, kept)
    return next(e for e in entries if e.id == entry_id)


def add_entries(path: Path, new: Sequence[Entry]) -> None:
    """Append already-validated entries (an import) under the lock."""
    with locked(path):
        entries = _read(path)
        known = {e.id for e in entries}
        clash = [e.id for e in new if e.id in known]
        if clash:
            raise GlossaryError(f"{path}: id(s) already present: {', '.join(clash)}")
        _write(path, [*entries, *new])
