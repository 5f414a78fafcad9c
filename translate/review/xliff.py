"""XLIFF 2.1 export of a Result for CAT tools (OmegaT, …) and import of the post-edited file back into a Result.

One <unit> per paragraph (`p<id>`, one segment, `canResegment="no"`, whitespace preserved). Glossary matches
are marked `<mrk type="term">` in the source and listed as glossary-module entries pointing at them. What a
CAT tool does not need but a Result does (run, action, flags, terms, segments) travels in metadata-module
groups, so `read_xliff` rebuilds the complete Result on its own; every meta value is JSON.
Import refuses DOCTYPEs and entities (defusedxml) and reports unknown, duplicate and missing units by id.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import asdict
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from translate.errors import InputError
from translate.glossary import Glossary
from translate.result import RESULT_VERSION, ParagraphResult, Result, Segment, Signature
from translate.review.view import Term, default_glossary, paragraph_terms, pieces

XLF = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
GLS = "urn:oasis:names:tc:xliff:glossary:2.0"
RUN_GROUP, PARAGRAPH_GROUP = "inkuru-result", "inkuru-paragraph"
APPROVED_STATE = "final"
# Written with literal prefixes, not ElementTree's process-wide namespace registry (which other modules change).
_PREFIXES = {XLF: "", MDA: "mda:", GLS: "gls:"}

# Characters XML 1.0 cannot carry (and CR, which parsers turn into LF): written as <cp hex="…"/>.
_NOT_XML = re.compile("[^\t\n\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_UNSET: Any = object()


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def _sub(parent: ET.Element, namespace: str, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, _PREFIXES[namespace] + tag, attrs)


def _append_text(element: ET.Element, text: str) -> None:
    """Add text at the end of `element`'s content, with <cp> for characters XML cannot hold."""
    position = 0
    for match in _NOT_XML.finditer(text):
        _add_plain(element, text[position:match.start()])
        _sub(element, XLF, "cp", hex=f"{ord(match.group()):04X}")
        position = match.end()
    _add_plain(element, text[position:])


def _add_plain(element: ET.Element, text: str) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _metadata(parent: ET.Element, category: str, values: dict[str, Any]) -> None:
    group = _sub(_sub(parent, MDA, "metadata"), MDA, "metaGroup", category=category)
    for key, value in values.items():
        _sub(group, MDA, "meta", type=key).text = json.dumps(value)


def _glossary_entries(unit: ET.Element, terms: list[tuple[str, Term]], glossary: Glossary | None) -> None:
    entries = _sub(unit, GLS, "glossary")
    for mark_id, term in terms:
        entry = glossary.get(term.entry) if glossary else None
        item = _sub(entries, GLS, "glossEntry", id=f"g{mark_id[1:]}", ref=f"#{mark_id}")
        _sub(item, GLS, "term", source=_NOT_XML.sub("", term.entry)).text = _NOT_XML.sub("", term.source_surface)
        renderings = list(entry.rw) if entry else [term.target_surface] if term.target_surface else []
        for rendering in renderings:
            _sub(item, GLS, "translation", source="inkuru glossary").text = _NOT_XML.sub("", rendering)
        if entry and entry.note:
            _sub(item, GLS, "definition").text = _NOT_XML.sub("", entry.note)


def _unit(file: ET.Element, paragraph: ParagraphResult, glossary: Glossary | None) -> None:
    unit = _sub(file, XLF, "unit", id=f"p{paragraph.id}", name=f"paragraph {paragraph.id}")
    unit.set("xml:space", "preserve")
    _metadata(unit, PARAGRAPH_GROUP, {
        "id": paragraph.id, "action": paragraph.action, "source_lang": paragraph.source_lang,
        "edited": paragraph.edited, "exported_target": paragraph.target, "flags": paragraph.flags,
        "terms": paragraph.terms, "segments": [asdict(s) for s in paragraph.segments],
        **({"confidence": paragraph.confidence} if paragraph.confidence is not None else {}),
        **({"comment": paragraph.comment} if paragraph.comment else {}),
        # A document's block (web page, Word file), so an edited XLIFF can be written back into it.
        **({"block": paragraph.block, "kind": paragraph.kind, "markup": paragraph.markup} if paragraph.block else {}),
    })
    marked = [(f"m{i + 1}", t) for i, t in enumerate(t for t in paragraph_terms(paragraph) if t.source_span)]
    if marked:
        _glossary_entries(unit, marked, glossary)
    if paragraph.flags or paragraph.comment:
        notes = _sub(unit, XLF, "notes")
        for flag in paragraph.flags:
            _sub(notes, XLF, "note", category="inkuru-flag").text = _NOT_XML.sub("", flag)
        if paragraph.comment:  # an editor's comment, for the translator in the CAT tool
            _sub(notes, XLF, "note", category="comment").text = _NOT_XML.sub("", paragraph.comment)
    state = APPROVED_STATE if paragraph.approved else "reviewed" if paragraph.edited else "translated"
    segment = _sub(unit, XLF, "segment", id=f"s{paragraph.id}", state=state)
    source = _sub(segment, XLF, "source")
    for text, mark in pieces(paragraph.source, [(t.source_span, m) for m, t in marked]):
        if mark is None:
            _append_text(source, text)
        else:
            _append_text(_sub(source, XLF, "mrk", id=mark, type="term"), text)
    _append_text(_sub(segment, XLF, "target"), paragraph.target)


def _indent(element: ET.Element, level: int = 0) -> None:
    """Pretty-print the structure only: text-bearing elements keep their content byte for byte."""
    if element.tag in ("source", "target") or not len(element):
        return
    element.text = "\n" + "  " * (level + 1)
    for child in element:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    element[-1].tail = "\n" + "  " * level


def render_xliff(result: Result, glossary: Glossary | None = _UNSET) -> str:
    """XLIFF 2.1 for a CAT tool; `glossary` fills the glossary-module entries (default: the shipped glossaries)."""
    glossary = default_glossary() if glossary is _UNSET else glossary
    root = ET.Element("xliff", {"xmlns": XLF, "xmlns:mda": MDA, "xmlns:gls": GLS, "version": "2.1",
                                "srcLang": _NOT_XML.sub("", result.source_lang),
                                "trgLang": _NOT_XML.sub("", result.target_lang)})
    file = _sub(root, XLF, "file", id="f1", original=_NOT_XML.sub("", result.document), canResegment="no")
    _metadata(file, RUN_GROUP, {
        "format_version": RESULT_VERSION, "document": result.document, "source_lang": result.source_lang,
        "target_lang": result.target_lang, "run": asdict(result.signature),
        "paragraphs": [p.id for p in result.paragraphs],
        **({"source_format": result.source_format, "source_digest": result.source_digest,
            "left_out": result.left_out} if result.source_format != "text" else {}),
    })
    for paragraph in result.paragraphs:
        _unit(file, paragraph, glossary)
    _indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- import ----------------------------------------------------------------------------------------------------------


def _flatten(element: ET.Element | None, name: str) -> str:
    """The plain text of inline content: markers unwrapped, <cp> decoded, placeholder codes dropped."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _q(XLF, "cp"):
            parts.append(_code_point(child, name))
        elif child.tag in {_q(XLF, "mrk"), _q(XLF, "pc")}:
            parts.append(_flatten(child, name))
        parts.append(child.tail or "")
    return "".join(parts)


def _meta(parent: ET.Element, category: str, name: str) -> dict[str, Any]:
    """The JSON values of `parent`'s metadata group `category` ({} when absent)."""
    values: dict[str, Any] = {}
    for group in parent.findall(f"{{{MDA}}}metadata/{{{MDA}}}metaGroup[@category='{category}']"):
        for meta in group.findall(_q(MDA, "meta")):
            try:
                values[meta.get("type", "")] = json.loads(meta.text or "")
            except ValueError:
                raise InputError(f"{name}: metadata {meta.get('type')!r} is not valid JSON") from None
    return values


def _parse(text: str, name: str) -> ET.Element:
    """Parse XLIFF text. A str is given to the parser, so the declared encoding cannot re-decode the already
    decoded text (a UTF-8 file declaring ISO-8859-1 would otherwise come back as mojibake)."""
    if "\x00" in text:  # XML cannot hold NUL; expat would guess UTF-16 from the byte pattern and read it anyway
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(f"{name}:{line}: a NUL byte: is the file UTF-16? Save it as UTF-8")
    parser = DefusedXMLParser(target=ET.TreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(text)
        return parser.close()
    except DefusedXmlException as exc:
        raise InputError(f"{name}: DOCTYPE, entity declarations and external references are not accepted in XLIFF "
                         f"(line {parser.parser.CurrentLineNumber}: {type(exc).__name__})") from None
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError(f"{name}:{line}:{column + 1}: not well-formed XML ({exc.msg})") from None


def _code_point(element: ET.Element, name: str) -> str:
    """The character of an XLIFF <cp hex="…"/>, refusing what is not a Unicode scalar value."""
    value = element.get("hex", "")
    try:
        char = chr(int(value, 16)) if re.fullmatch(r"[0-9A-Fa-f]{1,6}", value) else ""
    except (ValueError, OverflowError):
        char = ""
    if not char or "\ud800" <= char <= "\udfff":
        raise InputError(f"{name}: <cp hex={value[:20]!r}/> is not a Unicode character")
    return char


def _unit_paragraph(unit: ET.Element, meta: dict[str, Any], name: str) -> ParagraphResult:
    parts = [c for c in unit if c.tag in {_q(XLF, "segment"), _q(XLF, "ignorable")}]
    source = "".join(_flatten(part.find(_q(XLF, "source")), name) for part in parts)
    targets = [part.find(_q(XLF, "target")) for part in parts]
    segments = [p for p in parts if p.tag == _q(XLF, "segment")]
    exported = meta.get("exported_target")
    if all(t is None for t in targets) and isinstance(exported, str):
        target = exported  # the tool wrote no target: the paragraph was left as exported
    else:
        target = "".join(_flatten(t, name) if t is not None else _flatten(p.find(_q(XLF, "source")), name)
                         for p, t in zip(parts, targets))
    approved = bool(segments) and all(s.get("state") == APPROVED_STATE for s in segments)
    try:
        return ParagraphResult(
            int(meta["id"]), source, target, meta.get("source_lang"), str(meta["action"]),
            list(meta.get("terms") or []), [str(f) for f in meta.get("flags") or []],
            [Segment(**s) for s in meta.get("segments") or []],
            bool(meta.get("edited")) or target != exported, approved,
            block=str(meta.get("block") or ""), kind=str(meta.get("kind") or ""),
            markup=list(meta.get("markup") or []),
            confidence=float(meta["confidence"]) if isinstance(meta.get("confidence"), (int, float)) else None,
            comment=str(meta.get("comment") or ""),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{name}: unit {unit.get('id')!r}: incomplete Inkuru metadata ({exc})") from None


def read_xliff(text: str, name: str = "xliff") -> Result:
    """Rebuild the Result exported by `render_xliff`, with the targets and approvals of the edited file."""
    root = _parse(text, name)
    if root.tag != _q(XLF, "xliff") or not str(root.get("version", "")).startswith("2."):
        raise InputError(f"{name}: not an XLIFF 2 file (root element {root.tag!r})")
    files = root.findall(_q(XLF, "file"))
    run = _meta(files[0], RUN_GROUP, name) if len(files) == 1 else {}
    if not run:
        raise InputError(f"{name}: not an Inkuru XLIFF export (no '{RUN_GROUP}' metadata in a single <file>); "
                         "export one with `inkuru review RESULT.json --format xliff`")
    paragraph_ids = run.get("paragraphs", [])
    if not isinstance(paragraph_ids, list) or not all(isinstance(i, int) and not isinstance(i, bool)
                                                      for i in paragraph_ids):
        raise InputError(f"{name}: the run metadata's 'paragraphs' must be a list of whole numbers")
    expected = list(paragraph_ids)
    by_id: dict[int, ParagraphResult] = {}
    unknown, duplicate = [], []
    for unit in files[0].iter(_q(XLF, "unit")):
        meta = _meta(unit, PARAGRAPH_GROUP, name)
        unit_id = str(unit.get("id"))
        if not meta or unit_id != f"p{meta.get('id')}" or meta.get("id") not in expected:
            unknown.append(unit_id)
        elif meta["id"] in by_id:
            duplicate.append(unit_id)
        else:
            by_id[meta["id"]] = _unit_paragraph(unit, meta, name)
    missing = [f"p{i}" for i in expected if i not in by_id]
    problems = [f"{label}: {', '.join(ids)}" for label, ids in
                (("unknown units", unknown), ("duplicate units", duplicate), ("missing units", missing)) if ids]
    if problems:
        raise InputError(f"{name}: {'; '.join(problems)} (units must be the exported p1…p{len(expected)})")
    try:
        signature = Signature(**run["run"])
        return Result(str(run["document"]), str(run["source_lang"]), str(run["target_lang"]), signature,
                      [by_id[i] for i in expected], str(run.get("source_format") or "text"),
                      str(run.get("source_digest") or ""), list(run.get("left_out") or []))
    except (KeyError, TypeError) as exc:
        raise InputError(f"{name}: incomplete Inkuru run metadata ({exc})") from None
