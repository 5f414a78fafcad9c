"""CSV and TBX-Basic import/export, and merging imported entries into a glossary without overwriting.

TBX mapping (TBX v3, dialect TBX-Basic, DCA style): one <conceptEntry id=...> per entry; the entry type is a
subjectField descrip, the note a <note>, the source an <admin type="source">; English and Kinyarwanda terms are
<termSec>s whose administrativeStatus is preferredTerm (first), admittedTerm (variants) or deprecatedTerm
(forbidden). Fields TBX-Basic has no category for (status, verbatim, rw_class, partners, related words) travel
as <note>inkuru:field=value</note>, so TSV -> TBX -> TSV is lossless. XML is parsed with defusedxml: a DOCTYPE,
entity declaration or external reference is refused (entity bombs).
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from translate.errors import GlossaryError, InkuruError
from translate.fileio import decode_utf8, read_bytes
from translate.glossary.entries import (
    COLUMNS, REQUIRED_COLUMNS, SEPARATOR, Entry, check_cell, check_chars, entry_from_row, parse_header, parse_tsv, show,
)
from translate.glossary.textnorm import fold

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_PREFERRED, STATUS_ADMITTED, STATUS_DEPRECATED = (
    "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts")
_EXTRA_FIELDS = ("status", "verbatim", "rw_class", "rw_partner", "rw_related", "rw_lookalike", "rw_context")
_LANGS = {"en": "en", "eng": "en", "rw": "rw", "kin": "rw", "kinyarwanda": "rw", "english": "en"}


# --------------------------------------------------------------------------------------------------- CSV

def export_csv(entries: Sequence[Entry]) -> str:
    """CSV for spreadsheets: every cell is checked first, so none can start a formula or hold a control character."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in sorted(entries, key=lambda e: e.id):
        row = entry.to_row()
        for column in COLUMNS:
            check_cell(row[column], entry.file or entry.id, entry.line, column)
        writer.writerow([row[c] for c in COLUMNS])
    return out.getvalue()


def import_csv(text: str, name: str) -> list[Entry]:
    """Entries from CSV with the TSV's column names (any order, optional columns may be left out).

    Strict: a quote inside an unquoted cell, a quoted cell that runs over several lines (a stray quote swallows
    the rows after it), a wrong number of cells or a repeated id is an error naming the line, never a row lost.
    """
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise GlossaryError(f"{name}:1: empty file: the first line must be the header ({','.join(COLUMNS)})")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, int, list[str]]] = []  # (first line, last line, cells)
    first = 1
    try:
        for row in reader:
            records.append((first, reader.line_num, row))
            first = reader.line_num + 1
    except csv.Error as exc:
        raise GlossaryError(f"{name}:{first}: not valid CSV ({exc}); is there a stray '\"' on this line?") from None
    lines = io.StringIO(text, newline="").readlines()
    for start, end, _row in records:
        if start == end and not _CSV_LINE.fullmatch(lines[start - 1].rstrip("\r\n")):
            raise GlossaryError(f"{name}:{start}: a stray '\"' inside a cell that is not quoted (a cell with a quote "
                                "must be quoted as a whole, its quotes doubled: \"say \"\"mu\"\"\")")
    start, end, cells = records[0]
    if not any(cell.strip() for cell in cells):
        raise GlossaryError(f"{name}:1: the first line is empty: it must be the header ({','.join(COLUMNS)})")
    _one_line(start, end, name)
    for cell in cells:
        check_chars(cell, name, 1, None)
    missing = [c for c in REQUIRED_COLUMNS if c not in (cell.strip() for cell in cells)]
    if missing and all(cell.strip() in COLUMNS for cell in cells):
        raise GlossaryError(f"{name}:1: missing column(s): {', '.join(missing)} (known: {', '.join(COLUMNS)})")
    header = parse_header(cells, name, separator=",")
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for start, end, row in records[1:]:
        if not any(cell.strip() for cell in row):
            continue
        _one_line(start, end, name)
        if [cell.strip() for cell in row] == header:
            raise GlossaryError(f"{name}:{start}: this line repeats the header (were two files pasted together?)")
        if len(row) != len(header):
            raise GlossaryError(f"{name}:{start}: expected {len(header)} comma-separated fields, found {len(row)}")
        entry = entry_from_row(dict(zip(header, row)), name, start)
        if entry.id in seen:
            raise GlossaryError(f"{name}:{start}: column 'id': duplicate id '{entry.id}' (first defined on line "
                                f"{seen[entry.id]})")
        seen[entry.id] = start
        entries.append(entry)
    return entries


# One CSV record on one line, RFC 4180: every cell unquoted without any '"', or quoted with inner quotes doubled.
_CSV_CELL = r'(?:"(?:[^"]|"")*"|[^,"]*)'
_CSV_LINE = re.compile(f"{_CSV_CELL}(?:,{_CSV_CELL})*")


def _one_line(start: int, end: int, name: str) -> None:
    if end > start:
        raise GlossaryError(f"{name}:{start}: a quoted cell runs on to line {end}; glossary cells cannot hold line "
                            "breaks (is a closing '\"' missing, or a stray '\"' opening a cell?)")


# --------------------------------------------------------------------------------------------------- TBX

def _sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text:
        element.text = text
    return element


def _term_secs(lang_sec: ET.Element, terms: Sequence[str], forbidden: Sequence[str] = ()) -> None:
    for index, term in enumerate(terms):
        sec = _sub(lang_sec, "termSec")
        _sub(sec, "term", term)
        _sub(sec, "termNote", STATUS_PREFERRED if index == 0 else STATUS_ADMITTED, type="administrativeStatus")
    for term in forbidden:
        sec = _sub(lang_sec, "termSec")
        _sub(sec, "term", term)
        _sub(sec, "termNote", STATUS_DEPRECATED, type="administrativeStatus")


def export_tbx(entries: Sequence[Entry], title: str = "Inkuru glossary") -> str:
    ET.register_namespace("", TBX_NS)
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en", "xmlns": TBX_NS})
    header = _sub(_sub(root, "tbxHeader"), "fileDesc")
    _sub(_sub(header, "sourceDesc"), "p", title)
    body = _sub(_sub(root, "text"), "body")
    for entry in sorted(entries, key=lambda e: e.id):
        concept = _sub(body, "conceptEntry", id=entry.id)
        _sub(concept, "descrip", entry.type, type="subjectField")
        row = entry.to_row()
        for name in _EXTRA_FIELDS:
            if row[name]:
                _sub(concept, "note", f"inkuru:{name}={row[name]}")
        if entry.note:
            _sub(concept, "note", entry.note)
        if entry.source:
            _sub(concept, "admin", entry.source, type="source")
        _term_secs(_sub(concept, "langSec", **{XML_LANG: "en"}), entry.en)
        _term_secs(_sub(concept, "langSec", **{XML_LANG: "rw"}), entry.rw, entry.rw_forbidden)
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode").replace(f' xmlns:ns0="{TBX_NS}"', "")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


class _LineTreeBuilder(ET.TreeBuilder):
    """Records the source line of every element, so import errors can say file:line."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.parser: DET.DefusedXMLParser | None = None

    def start(self, tag, attrs):  # type: ignore[no-untyped-def, override]
        element = super().start(tag, attrs)
        if self.parser is not None:
            self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element


def _parse_xml(data: str, name: str) -> tuple[ET.Element, dict[int, int]]:
    """Parse TBX text (a str: the declared encoding is ignored, the file was already decoded as UTF-8)."""
    builder = _LineTreeBuilder()
    parser = DET.DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as exc:
        line = parser.parser.CurrentLineNumber
        raise GlossaryError(f"{name}:{line}: refusing TBX with a DOCTYPE, entity declaration or external reference "
                            f"({type(exc).__name__}); export it again without them") from None
    except ET.ParseError as exc:
        line, _column = exc.position
        raise GlossaryError(f"{name}:{line}: not well-formed XML: {exc}") from None
    return root, builder.lines


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, tag: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == tag]


def _text(element: ET.Element) -> str:
    """An element's text content with XML's insignificant whitespace (indentation, wrapped lines) collapsed."""
    return " ".join("".join(element.itertext()).split())


class _Concept:
    """Reads one <conceptEntry> (or TBX 2 <termEntry>) into TSV cells."""

    def __init__(self, concept: ET.Element, lines: dict[int, int], name: str) -> None:
        self.concept, self.lines, self.name = concept, lines, name
        self.line = lines.get(id(concept), 1)

    def _fail(self, element: ET.Element, message: str) -> GlossaryError:
        return GlossaryError(f"{self.name}:{self.lines.get(id(element), self.line)}: {message}")

    def _lang_terms(self, lang_sec: ET.Element, accepted: list[tuple[int, str]], forbidden: list[str]) -> None:
        for sec in _children(lang_sec, "termSec"):
            terms = _children(sec, "term")
            if len(terms) > 1:
                raise self._fail(terms[1], f"a <termSec> with {len(terms)} <term>s (one term per termSec)")
            term = _text(terms[0]) if terms else ""
            if not term:
                raise self._fail(terms[0] if terms else sec, "a <termSec> without a term (an empty <term>?)")
            status = next((_text(n) for n in _children(sec, "termNote")
                           if n.get("type") == "administrativeStatus"), STATUS_ADMITTED)
            if status.startswith(("deprecated", "superseded")):
                forbidden.append(term)
            else:
                accepted.append((0 if status.startswith("preferred") else 1, term))

    def row(self) -> dict[str, str]:
        row = {c: "" for c in COLUMNS}
        row["id"] = " ".join(self.concept.get("id", "").split())
        row["status"], row["type"] = "proposed", "term"
        notes = []
        # Several langSecs may map to one language (en, en-US, en-GB): their terms are merged, preferred first.
        accepted: dict[str, list[tuple[int, str]]] = {"en": [], "rw": []}
        forbidden: list[str] = []
        for child in self.concept:
            tag, text = _local(child.tag), _text(child)
            if tag == "descrip" and child.get("type") == "subjectField":
                row["type"] = text
            elif tag == "admin" and child.get("type") == "source":
                row["source"] = text
            elif tag == "note" and text.startswith("inkuru:") and "=" in text:
                key, value = text[len("inkuru:"):].split("=", 1)
                if key in _EXTRA_FIELDS:
                    row[key] = value
            elif tag == "note":
                notes.append(text)
            elif tag == "langSec":
                lang = _LANGS.get((child.get(XML_LANG) or "").split("-")[0].lower())
                if lang:
                    self._lang_terms(child, accepted[lang], forbidden if lang == "rw" else [])
        for lang, terms in accepted.items():
            ordered = [t for _, t in sorted(terms, key=lambda p: p[0])]
            row[lang] = SEPARATOR.join(dict.fromkeys(ordered))
        row["rw_forbidden"] = SEPARATOR.join(dict.fromkeys(forbidden))
        row["note"] = " ".join(n for n in notes if n)
        row["source"] = row["source"] or f"imported from {self.name}"
        return row


def import_tbx(data: str, name: str) -> list[Entry]:
    """Entries from TBX-Basic (TBX v3, or TBX 2 <martif>); errors name the file and the element's line."""
    if "\x00" in data:  # XML cannot hold NUL; expat would guess UTF-16 from the byte pattern and read it anyway
        line = data.count("\n", 0, data.index("\x00")) + 1
        raise GlossaryError(f"{name}:{line}: a NUL byte (U+0000): is the file UTF-16? Save it as UTF-8")
    root, lines = _parse_xml(data, name)
    if _local(root.tag) not in ("tbx", "martif"):
        raise GlossaryError(f"{name}:1: not a TBX file (root element <{show(_local(root.tag))}>, expected <tbx>)")
    entries = []
    seen: dict[str, int] = {}
    for concept in root.iter():
        if _local(concept.tag) in ("conceptEntry", "termEntry"):
            reader = _Concept(concept, lines, name)
            entry = entry_from_row(reader.row(), name, reader.line)
            if entry.id in seen:
                raise GlossaryError(f"{name}:{reader.line}: duplicate concept id '{entry.id}' (first defined on "
                                    f"line {seen[entry.id]})")
            seen[entry.id] = reader.line
            entries.append(entry)
    return entries


def parse_entries(data: bytes, name: str, fmt: str) -> list[Entry]:
    """Entries from the bytes of a glossary file in `fmt` (tsv, csv or tbx); errors name `name` and the line."""
    try:
        text = decode_utf8(data, name)
    except InkuruError as exc:
        raise GlossaryError(str(exc)) from None
    if fmt == "tsv":
        return parse_tsv(text, name)
    if fmt == "csv":
        return import_csv(text, name)
    if fmt == "tbx":
        return import_tbx(text, name)
    raise GlossaryError(f"{name}: unknown glossary format {fmt!r} (expected tsv, csv or tbx)")


def read_entries(path: str, fmt: str) -> list[Entry]:
    """Entries from a glossary file (`inkuru glossary import`): read, decoded and parsed strictly."""
    return parse_entries(read_bytes(path, GlossaryError), path, fmt)


# ------------------------------------------------------------------------------------------------- merge

@dataclass
class ImportResult:
    added: list[Entry] = field(default_factory=list)
    unchanged: list[Entry] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # one message per conflicting imported entry


def _changed_columns(old: Entry, new: Entry) -> list[str]:
    # Whitespace inside free text is not content: TBX and CSV tools re-wrap it, and the import collapses it.
    before, after = old.to_row(), new.to_row()
    return [c for c in COLUMNS if before[c].split() != after[c].split()]


def merge(existing: Sequence[Entry], incoming: Sequence[Entry]) -> ImportResult:
    """Sort imported entries into new / already present / conflicting; conflicting ones are never applied."""
    by_id = {e.id: e for e in existing}
    by_en = {fold(term): e for e in existing for term in e.en}
    result = ImportResult()
    for entry in incoming:
        old = by_id.get(entry.id)
        if old is not None:
            changed = _changed_columns(old, entry)
            if not changed:
                result.unchanged.append(entry)
            else:
                result.conflicts.append(f"{entry.where}: {entry.id}: differs from {old.where} in "
                                        f"{', '.join(changed)}; not imported")
            continue
        clash = next((by_en[fold(t)] for t in entry.en if fold(t) in by_en), None)
        if clash is not None:
            result.conflicts.append(f"{entry.where}: {entry.id}: English term '{entry.en[0]}' is already in "
                                    f"{clash.id} ({clash.where}); not imported")
            continue
        result.added.append(entry)
        by_id[entry.id] = entry
        by_en.update({fold(t): entry for t in entry.en})
    return result


def detect_format(path: str, explicit: str | None) -> str:
    if explicit:
        return explicit
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix in ("csv", "tbx", "tsv"):
        return suffix
    if suffix == "xml":
        return "tbx"
    raise GlossaryError(f"{path}: cannot tell the format from the extension; pass --format csv|tbx|tsv")

