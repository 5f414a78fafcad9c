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
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from translate.errors import GlossaryError
from translate.glossary.entries import COLUMNS, REQUIRED_COLUMNS, SEPARATOR, Entry, entry_from_row
from translate.glossary.textnorm import fold

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_PREFERRED, STATUS_ADMITTED, STATUS_DEPRECATED = (
    "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts")
_EXTRA_FIELDS = ("status", "verbatim", "rw_class", "rw_partner", "rw_related")
_LANGS = {"en": "en", "eng": "en", "rw": "rw", "kin": "rw", "kinyarwanda": "rw", "english": "en"}


# --------------------------------------------------------------------------------------------------- CSV

def export_csv(entries: Sequence[Entry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in sorted(entries, key=lambda e: e.id):
        row = entry.to_row()
        writer.writerow([row[c] for c in COLUMNS])
    return out.getvalue()


def import_csv(text: str, name: str) -> list[Entry]:
    """Entries from CSV with the TSV's column names (any order, optional columns may be left out)."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    if not rows:
        raise GlossaryError(f"{name}:1: empty file: the first line must be the header")
    header = [h.strip() for h in rows[0]]
    unknown = [h for h in header if h not in COLUMNS]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if unknown or missing:
        problem = f"unknown column '{unknown[0]}'" if unknown else f"missing column(s): {', '.join(missing)}"
        raise GlossaryError(f"{name}:1: {problem} (known: {', '.join(COLUMNS)})")
    entries = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise GlossaryError(f"{name}:{number}: expected {len(header)} comma-separated fields, found {len(row)}")
        entries.append(entry_from_row(dict(zip(header, row)), name, number))
    return entries


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
    builder = _LineTreeBuilder()
    parser = DET.DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as exc:
        raise GlossaryError(f"{name}: refusing TBX with a DOCTYPE, entity declaration or external reference "
                            f"({type(exc).__name__}); export it again without them") from None
    except ET.ParseError as exc:
        line, _column = exc.position
        raise GlossaryError(f"{name}:{line}: not well-formed XML: {exc}") from None
    return root, builder.lines


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, tag: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == tag]


def _lang_terms(lang_sec: ET.Element) -> tuple[list[str], list[str]]:
    accepted: list[tuple[int, str]] = []
    forbidden: list[str] = []
    for sec in _children(lang_sec, "termSec"):
        term = " ".join("".join(t.itertext()) for t in _children(sec, "term")).strip()
        status = next((n.text or "" for n in _children(sec, "termNote")
                       if n.get("type") == "administrativeStatus"), STATUS_ADMITTED).strip()
        if not term:
            continue
        if status.startswith(("deprecated", "superseded")):
            forbidden.append(term)
        else:
            accepted.append((0 if status.startswith("preferred") else 1, term))
    return [t for _, t in sorted(accepted, key=lambda p: p[0])], forbidden


def _concept_row(concept: ET.Element, name: str) -> dict[str, str]:
    row = {c: "" for c in COLUMNS}
    row["id"] = concept.get("id", "")
    row["status"], row["type"] = "proposed", "term"
    notes = []
    for child in concept:
        tag, text = _local(child.tag), (child.text or "").strip()
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
                accepted, forbidden = _lang_terms(child)
                row[lang] = SEPARATOR.join(accepted)
                if lang == "rw":
                    row["rw_forbidden"] = SEPARATOR.join(forbidden)
    row["note"] = " ".join(notes)
    row["source"] = row["source"] or f"imported from {name}"
    return row


def import_tbx(data: str, name: str) -> list[Entry]:
    root, lines = _parse_xml(data, name)
    if _local(root.tag) not in ("tbx", "martif"):
        raise GlossaryError(f"{name}:1: not a TBX file (root element <{_local(root.tag)}>, expected <tbx>)")
    entries = []
    for concept in root.iter():
        if _local(concept.tag) in ("conceptEntry", "termEntry"):
            entries.append(entry_from_row(_concept_row(concept, name), name, lines.get(id(concept), 0)))
    return entries


# ------------------------------------------------------------------------------------------------- merge

@dataclass
class ImportResult:
    added: list[Entry] = field(default_factory=list)
    unchanged: list[Entry] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # one message per conflicting imported entry


def merge(existing: Sequence[Entry], incoming: Sequence[Entry]) -> ImportResult:
    """Sort imported entries into new / already present / conflicting; conflicting ones are never applied."""
    by_id = {e.id: e for e in existing}
    by_en = {fold(term): e for e in existing for term in e.en}
    result = ImportResult()
    for entry in incoming:
        old = by_id.get(entry.id)
        if old is not None:
            if old == entry:
                result.unchanged.append(entry)
            else:
                changed = [c for c in COLUMNS if old.to_row()[c] != entry.to_row()[c]]
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

