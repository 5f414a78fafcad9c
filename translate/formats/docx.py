"""Word documents: python-docx opens and saves the package; each paragraph (w:p) of the body, tables, text boxes,
headers, footers, footnotes and endnotes is a block.

A paragraph's text comes from its runs; its inline markup is held aside: hyperlinks, and runs whose formatting
differs from the paragraph's usual one (bold, italic, a character style). What sits between words (a footnote mark,
a picture, a field such as a page number, a bookmark, a tracked deletion) is kept as an object, moved unchanged to
its place in the translation. Writing replaces the paragraph's runs and keeps its properties (style, numbering,
alignment): the document keeps its styles, lists, tables and notes. Tracked insertions are accepted.

The package is checked before python-docx parses it: the zip's unpacked size is capped, and an XML part that
carries a DOCTYPE (the door to entity expansion and external entities) is refused.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from translate.errors import InputError
from translate.formats import (CAPTION, DOCX, FOOTER, HEADER, HEADING, LIMITS, LIST_ITEM, NOTE, PARAGRAPH, QUOTE,
                               TABLE_CELL, TITLE, Block, BlockTranslation, InlineSpan, LeftOut, check_zip)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
LANGUAGE_TAGS = {"rw": "rw-RW", "en": "en-GB"}
_NOTES_TYPES = ("footnotes+xml", "endnotes+xml")
_HEADER_FOOTER = {"header+xml": HEADER, "footer+xml": FOOTER}
# Inline wrappers whose runs are read as the paragraph's own (the wrapper itself is not kept).
_TRANSPARENT = {W + "ins", W + "smartTag", W + "customXml", W + "moveTo"}
_DROPPED = {W + "proofErr", W + "lastRenderedPageBreak", W + "softHyphen"}
_NOTE_MARKS = {W + "footnoteReference", W + "endnoteReference", W + "footnoteRef", W + "endnoteRef"}


@dataclass
class _Object:
    """Something kept unchanged between words: whole elements (moved), or one run child with its run's format."""

    elements: list[object]
    run_format: object | None = None  # the w:rPr of the run the child came from (a new run is made around it)
    is_run_child: bool = False


@dataclass
class _Paragraph:
    element: object
    base: object | None  # the paragraph's usual run format (w:rPr), None for none
    shells: list[tuple[str, object, object | None]]  # per span: ("link", w:hyperlink, inner format), ("format",
    #  w:rPr, None), ("object", _Object, None)
    lead: str = ""  # whitespace the text began with (after a footnote's mark), kept before the translation


@dataclass
class DocxDocument:
    name: str
    package: object  # the python-docx Document
    blocks: list[Block] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    kind: str = DOCX
    _paragraphs: dict[str, _Paragraph] = field(default_factory=dict)
    _raw_parts: list[tuple[object, object]] = field(default_factory=list)  # (part, parsed root) written back as blob

    def element_of(self, block_id: str) -> object:
        return self._paragraphs[block_id].element

    def write(self, translations: Mapping[str, BlockTranslation], lang: str) -> bytes:
        tag = LANGUAGE_TAGS.get(lang, lang)
        for block_id, translation in translations.items():
            _rewrite(self._paragraphs[block_id], translation, tag)
        _set_default_language(self.package, tag)
        for part, root in self._raw_parts:
            from lxml import etree

            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        self.package.save(out)
        return out.getvalue()


def read_docx(name: str, data: bytes) -> DocxDocument:
    check_zip(name, data)
    _refuse_doctypes(name, data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        package = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"{name}: not a Word document python-docx can read ({exc})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and the like: a damaged part
        raise InputError(f"{name}: damaged Word document ({type(exc).__name__}: {exc})") from None
    document = DocxDocument(name, package)
    styles = {style.style_id: style.name or "" for style in package.styles}
    document._raw_parts = _notes_parts(package)
    parts = [(package.part, package.part.element, PARAGRAPH)]
    parts += [(part, part.element, kind) for part, kind in _header_footer_parts(package)]
    parts += [(part, root, NOTE) for part, root in document._raw_parts]
    for part, root, part_kind in parts:
        for index, paragraph in enumerate(root.iter(W + "p")):
            if any(a.tag == W + "del" for a in paragraph.iterancestors()):
                continue
            text, spans, shells, base = _read_paragraph(paragraph, part)
            if not text.strip():  # a separator, a picture alone: nothing to translate, kept as it is
                continue
            block_id = f"{part.partname}#p{index + 1}"
            document.blocks.append(Block(block_id, _kind(paragraph, part_kind, styles), text, tuple(spans)))
            document._paragraphs[block_id] = _Paragraph(paragraph, base, shells, text[:len(text) - len(text.lstrip())])
            if len(document.blocks) > LIMITS.max_blocks:
                raise InputError(f"{name}: more than {LIMITS.max_blocks} paragraphs; refused as unsafe")
    return document


def _refuse_doctypes(name: str, data: bytes) -> None:
    """Every XML part is parsed once with defusedxml, which refuses DTDs (entity expansion, external entities)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for entry in archive.infolist():
            if not entry.filename.endswith((".xml", ".rels")):
                continue
            content = archive.read(entry)
            try:
                fromstring(content, forbid_dtd=True)
            except DefusedXmlException:
                raise InputError(f"{name}: {entry.filename} declares a DOCTYPE or entities, which a Word document "
                                 "never needs; refused as unsafe") from None
            except Exception as exc:
                raise InputError(f"{name}: {entry.filename} is not well-formed XML ({exc})") from None


def _header_footer_parts(package: object) -> list[tuple[object, str]]:
    found = []
    for part in package.part.package.iter_parts():
        content_type = getattr(part, "content_type", "")
        kind = next((k for suffix, k in _HEADER_FOOTER.items() if content_type.endswith(suffix)), None)
        if kind:
            found.append((part, kind))
    return found


def _notes_parts(package: object) -> list[tuple[object, object]]:
    """Footnotes and endnotes, which python-docx keeps as bytes: parsed here (with python-docx's own parser, which
    resolves no entities), written back as bytes."""
    from docx.oxml.parser import parse_xml

    return [(part, parse_xml(part.blob)) for part in package.part.package.iter_parts()
            if getattr(part, "content_type", "").endswith(_NOTES_TYPES)]


def _kind(paragraph: object, part_kind: str, styles: dict[str, str]) -> str:
    if part_kind != PARAGRAPH:
        return part_kind
    properties = paragraph.find(W + "pPr")
    style_id = ""
    if properties is not None and (style := properties.find(W + "pStyle")) is not None:
        style_id = style.get(W + "val", "")
    style = styles.get(style_id, style_id).lower()
    if style == "title":
        return TITLE
    if style.startswith("heading"):
        return HEADING
    if style.startswith("caption"):
        return CAPTION
    if "quote" in style:
        return QUOTE
    if any(a.tag == W + "tc" for a in paragraph.iterancestors()):
        return TABLE_CELL
    if style.startswith("list") or properties is not None and properties.find(W + "numPr") is not None:
        return LIST_ITEM
    return PARAGRAPH


# --- reading a paragraph -------------------------------------------------------------------------------------------


@dataclass
class _Char:
    text: str  # one character: a paragraph's offsets are indexes into its list of _Char
    run_format: object | None
    link: object | None


def _read_paragraph(paragraph: object, part: object) -> tuple[str, list[InlineSpan], list, object | None]:
    chars: list[_Char] = []
    objects: list[tuple[int, _Object]] = []
    _walk(paragraph, None, chars, objects)
    text = "".join(c.text for c in chars)
    known: dict[int, str] = {}
    keys = [known.setdefault(id(c.run_format), _key(c.run_format)) if c.run_format is not None else ""
            for c in chars]
    outside = Counter(k for c, k in zip(chars, keys) if c.link is None and c.text.strip())
    base_key = outside.most_common(1)[0][0] if outside else ""
    base = next((c.run_format for c, k in zip(chars, keys) if k == base_key), None)
    spans: list[InlineSpan] = []
    shells: list = []
    # Links: one span each, with the format most of its text has.
    links: dict[int, list[int]] = {}
    for i, c in enumerate(chars):
        if c.link is not None:
            links.setdefault(id(c.link), []).append(i)
    inner_base: dict[int, str] = {}
    for positions in links.values():
        link = chars[positions[0]].link
        counts = Counter(keys[i] for i in positions)
        inner_key = counts.most_common(1)[0][0]
        inner_base[id(link)] = inner_key
        inner_format = next(chars[i].run_format for i in positions if keys[i] == inner_key)
        spans.append(InlineSpan(positions[0], positions[-1] + 1, "a", _link_target(link, part)))
        shells.append(("link", link, inner_format))
    # Formatting that differs from its context's usual one: maximal runs of the same format.
    i = 0
    while i < len(chars):
        context = inner_base.get(id(chars[i].link), base_key) if chars[i].link is not None else base_key
        if keys[i] == context:
            i += 1
            continue
        j = i
        while j + 1 < len(chars) and keys[j + 1] == keys[i] and chars[j + 1].link is chars[i].link:
            j += 1
        spans.append(InlineSpan(i, j + 1, _format_tag(chars[i].run_format)))
        shells.append(("format", chars[i].run_format, None))
        i = j + 1
    for at, obj in objects:
        tag = "note" if any(e.tag in _NOTE_MARKS for el in obj.elements for e in el.iter()) else "object"
        spans.append(InlineSpan(at, at, tag))
        shells.append(("object", obj, None))
    order = sorted(range(len(spans)), key=lambda k: (spans[k].start, -spans[k].end))
    return text, [spans[k] for k in order], [shells[k] for k in order], base


def _walk(container: object, link: object | None, chars: list[_Char], objects: list[tuple[int, _Object]]) -> None:
    field_runs: list[object] | None = None
    depth = 0
    for child in container:
        tag = child.tag
        if not isinstance(tag, str) or tag == W + "pPr" or tag in _DROPPED:
            continue
        if tag == W + "r":
            marks = [c.get(W + "fldCharType") for c in child.iter(W + "fldChar")]
            if field_runs is not None or "begin" in marks:
                field_runs = [] if field_runs is None else field_runs
                field_runs.append(child)
                depth += marks.count("begin") - marks.count("end")
                if depth <= 0:
                    objects.append((len(chars), _Object(field_runs)))
                    field_runs, depth = None, 0
                continue
            _read_run(child, link, chars, objects)
        elif tag == W + "hyperlink":
            _walk(child, child, chars, objects)
        elif tag in _TRANSPARENT:
            _walk(child, link, chars, objects)
        else:  # bookmarks, comment ranges, simple fields, tracked deletions, equations, content controls
            objects.append((len(chars), _Object([child])))
    if field_runs:  # a field never closed: keep what there is
        objects.append((len(chars), _Object(field_runs)))


def _read_run(run: object, link: object | None, chars: list[_Char], objects: list[tuple[int, _Object]]) -> None:
    run_format = run.find(W + "rPr")
    for child in run:
        tag = child.tag
        if tag == W + "rPr" or tag in _DROPPED:
            continue
        if tag == W + "t":
            text = child.text or ""
        elif tag == W + "tab":
            text = " "
        elif tag in (W + "br", W + "cr") and child.get(W + "type") in (None, "textWrapping"):
            text = "\n"
        elif tag == W + "noBreakHyphen":
            text = "-"
        else:  # a picture, a footnote mark, a symbol, a page break
            objects.append((len(chars), _Object([child], run_format, is_run_child=True)))
            continue
        chars.extend(_Char(c, run_format, link) for c in text)


def _key(run_format: object | None) -> str:
    """A run format compared without its language (a run marked en-GB and one marked en-US look the same)."""
    if run_format is None:
        return ""
    from lxml import etree

    trimmed = copy.deepcopy(run_format)
    for lang in trimmed.findall(W + "lang"):
        trimmed.remove(lang)
    return etree.tostring(trimmed).decode() if len(trimmed) else ""


def _format_tag(run_format: object | None) -> str:
    if run_format is None:
        return "format"
    for tag, name in (("b", "b"), ("i", "i"), ("u", "u")):
        element = run_format.find(W + tag)
        if element is not None and element.get(W + "val", "true") not in ("0", "false", "none"):
            return name
    return "format"


def _link_target(link: object, part: object) -> str:
    relationship = link.get(R + "id")
    if relationship and relationship in part.rels:
        from translate.formats.html import safe_link

        return safe_link(str(part.rels[relationship].target_ref))
    anchor = link.get(W + "anchor")
    return f"#{anchor}" if anchor else ""


# --- writing a paragraph -------------------------------------------------------------------------------------------


def _rewrite(paragraph: _Paragraph, translation: BlockTranslation, lang: str) -> None:
    element = paragraph.element
    for child in list(element):
        if child.tag != W + "pPr":
            element.remove(child)
    lead = paragraph.lead if not translation.text[:1].isspace() else ""
    text = lead + translation.text
    spans = [(s + len(lead) if s or e else 0, e + len(lead) if s or e else 0, shell) for span, shell in zip(translation.spans, paragraph.shells) if span is not None
             for s, e in [span]]
    cuts = sorted({0, len(text)} | {min(max(p, 0), len(text)) for s, e, _ in spans for p in (s, e)})
    objects = sorted(((min(max(s, 0), len(text)), n) for n, (s, e, shell) in enumerate(spans)
                      if shell[0] == "object"), key=lambda o: o[0])
    current_link: object | None = None
    holder = element
    for a, b in zip(cuts, cuts[1:] + [None]):
        for at, n in objects:
            if at == a:
                _append_object(element, spans[n][2][1], lang)
                holder, current_link = element, None
        if b is None or a >= b:
            continue
        active = [shell for s, e, shell in spans if shell[0] != "object" and s <= a and b <= e and s < e]
        link = next((shell for shell in reversed(active) if shell[0] == "link"), None)
        fmt = next((shell for shell in reversed(active) if shell[0] == "format"), None)
        run_format = fmt[1] if fmt else link[2] if link else paragraph.base
        link_element = link[1] if link else None
        if link_element is not current_link:
            current_link = link_element
            holder = element if link_element is None else _shell(link_element)
            if holder is not element:
                element.append(holder)
        _append_text(holder, text[a:b], run_format, lang)


def _shell(element: object) -> object:
    from lxml import etree

    return etree.Element(element.tag, attrib=dict(element.attrib), nsmap=element.nsmap)


def _run(run_format: object | None, lang: str) -> object:
    from lxml import etree

    run = etree.Element(W + "r")
    if run_format is not None:
        formatted = copy.deepcopy(run_format)
        for language in formatted.findall(W + "lang"):
            language.set(W + "val", lang)
        run.append(formatted)
    return run


def _append_text(holder: object, text: str, run_format: object | None, lang: str) -> None:
    from lxml import etree

    run = _run(run_format, lang)
    for n, line in enumerate(text.split("\n")):
        if n:
            etree.SubElement(run, W + "br")
        if line:
            t = etree.SubElement(run, W + "t")
            t.text = line
            t.set(XML_SPACE, "preserve")
    holder.append(run)


def _append_object(paragraph: object, obj: _Object, lang: str) -> None:
    if obj.is_run_child:
        run = _run(obj.run_format, lang)
        run.extend(obj.elements)
        paragraph.append(run)
    else:
        paragraph.extend(obj.elements)


def _set_default_language(package: object, lang: str) -> None:
    """The document's default language (styles' w:docDefaults), so spelling checks the translation's language."""
    defaults = package.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    if defaults is not None:
        defaults.set(W + "val", lang)
