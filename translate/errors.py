"""The project's exception types. Library code raises these; only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class InkuruError(Exception):
    """Base class for every error a user can cause and fix (bad input, unknown model, unwritable output)."""


class InputError(InkuruError):
    """An input file or text that cannot be read or is not usable (not UTF-8, empty, missing)."""


class OutputError(InkuruError):
    """An output location that cannot be written."""


class DiskFullError(OutputError):
    """No space left (or over quota): nothing later will be written either, so a long job stops and resumes later."""


class DocumentError(InkuruError):
    """A document that cannot be split or reassembled."""


class ModelError(InkuruError):
    """A model that cannot be found or loaded (unknown id, offline hub, folder that is not a model)."""


class EngineError(InkuruError):
    """A translation engine that failed at run time."""


class GlossaryError(InkuruError):
    """A glossary file or entry that is invalid; the message names the file, line and column."""


class CacheError(InkuruError):
    """The translation memory cannot be opened, read or written (corrupt, locked, read-only)."""
