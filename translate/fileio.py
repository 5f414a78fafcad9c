"""Reading user text strictly and writing files atomically (temp file in the same folder + rename)."""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from translate.errors import DiskFullError, InkuruError, InputError, OutputError


DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
# atomic_writer's temporary files: `.NAME.XXXXXXXX.tmp` beside the target (mkstemp's 8 random characters).
_TEMPORARY = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp")
_UTF16_32_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"), (codecs.BOM_UTF16_LE, "UTF-16"),
                  (codecs.BOM_UTF16_BE, "UTF-16"))


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 (a leading BOM is dropped); a bad byte raises InputError naming the line and byte offset."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        encoding = next((enc for bom, enc in _UTF16_32_BOMS if data.startswith(bom)), None)
        if encoding:
            raise InputError(f"{name}:1: the file is {encoding}, not UTF-8; save it as UTF-8 and try again") from None
        if data[:400].count(b"\x00") * 4 >= min(len(data), 400):
            raise InputError(f"{name}:1: the file looks like UTF-16 or UTF-32 (every other byte is NUL), not UTF-8; "
                             "save it as UTF-8 and try again") from None
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{name}:{line}: not valid UTF-8 (byte offset {exc.start}: {data[exc.start:exc.start + 1]!r}); "
            "save the file as UTF-8 and try again"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_bytes(path: str | os.PathLike[str], error: type[InkuruError] = InputError) -> bytes:
    """A file's bytes, with a clear `error` (naming the path) for a missing, unreadable or folder path."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise error(f"{p}: no such file") from None
    except IsADirectoryError:
        raise error(f"{p}: is a folder, not a file") from None
    except OSError as exc:
        raise error(f"{p}: cannot read ({exc.strerror or exc})") from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file, with a clear InputError for a missing, unreadable or non-UTF-8 file."""
    return decode_utf8(read_bytes(path), str(Path(path)))


def _reason(exc: OSError) -> str:
    """The OS's words for an error ('No space left on device'), whatever way the OSError was made."""
    if exc.strerror:
        return exc.strerror
    if exc.errno:
        return os.strerror(exc.errno)
    return str(exc) or type(exc).__name__


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one, never a partial file."""
    with atomic_writer(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write `path` in pieces, replacing it only when the block ends without an error.

    The data goes to a temporary file in the same folder, is flushed to disk, and replaces `path` in one rename;
    on any failure (disk full, read-only folder, interrupt) the temporary file is removed and `path` is untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)  # see _TEMPORARY
    except OSError as exc:
        error = DiskFullError if exc.errno in DISK_FULL_ERRNOS else OutputError
        raise error(f"{target}: cannot write to {folder} ({_reason(exc)})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            full = exc.errno in DISK_FULL_ERRNOS
            hint = "; free some space and run again" if full else ""
            raise (DiskFullError if full else OutputError)(
                f"{target}: cannot write ({_reason(exc)}){hint}; the previous file, if any, is unchanged") from None
        raise
    _sync_folder(folder)


def remove_temporaries(folder: Path) -> None:
    """Remove, anywhere under `folder`, the temporary files of writers that were killed before they could clean
    up (SIGKILL, power loss). Only for a folder no other writer is using at the moment."""
    for leftover in folder.rglob(".*.tmp"):
        if _TEMPORARY.fullmatch(leftover.name):
            leftover.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every file system lets a folder be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Atomically write UTF-8 text (newlines written as given)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise OutputError(f"{path}: cannot write: the text holds a character UTF-8 cannot encode "
                          f"({text[exc.start]!r} at character {exc.start}, a lone surrogate)") from None
    atomic_write_bytes(path, data)
