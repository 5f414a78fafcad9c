"""Reading user text strictly and writing files atomically (temp file in the same folder + rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from translate.errors import InputError, OutputError


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 (a leading BOM is dropped); a bad byte raises InputError naming the line and byte offset."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{name}:{line}: not valid UTF-8 (byte offset {exc.start}: {data[exc.start:exc.start + 1]!r}); "
            "save the file as UTF-8 and try again"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file, with a clear InputError for a missing, unreadable or non-UTF-8 file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    return decode_utf8(data, str(p))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one, never a partial file."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write to {folder} ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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
            raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Atomically write UTF-8 text (newlines written as given)."""
    atomic_write_bytes(path, text.encode("utf-8"))
