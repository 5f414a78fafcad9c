"""Web pages: lxml's HTML parser in, the same page out with each block's text translated.

A block is a run of text and inline elements (links, emphasis, spans …) inside an element: a paragraph, a heading,
a list item, a caption, a table cell, or the text between the nested blocks of one (an item's text before its
sub-list). The page title and images' alt text are blocks too. Scripts, styles, code and preformatted text are not
translated. The translated page is written as UTF-8 with its `lang` set, and made inert: scripts, event-handler
attributes and `javascript:` links are removed, since the page is meant to be opened and published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from translate.errors import InputError
from translate.fileio import decode_utf8
from translate.formats import (ALT_TEXT, CAPTION, HEADING, HTML, LIMITS, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_CELL,
                               TITLE, Block, BlockTranslation, InlineSpan, LeftOut)

INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big br cite code data del dfn em font i img ins kbd label mark q s samp small span strike "
    "strong sub sup time tt u var wbr".split())
# Never translated, and nothing inside them is.
SKIPPED_TAGS = frozenset("script style noscript template svg math pre textarea select iframe object embed canvas "
                         "audio video".split())
_KINDS = {"h1": HEADING, "h2": HEADING, "h3": HEADING, "h4": HEADING, "h5": HEADING, "h6": HEADING,
          "li": LIST_ITEM, "dt": LIST_ITEM, "dd": LIST_ITEM, "blockquote": QUOTE, "figcaption": CAPTION,
          "caption": CAPTION, "td": TABLE_CELL, "th": TABLE_CELL, "title": TITLE}
_SPACE = re.compile(r"[ \t\n\r\f]+")
_BREAK = "\u2028"  # a <br> while the text is collected (then "\n")
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass
class _Run:
    """Where a block's text lives: inside `parent`, after `after` (a nested block, or None: at the start), through
    the inline children `inline` (moved out and rebuilt on writing)."""

    parent: object
    after: object | None
    inline: list[object]
    lead: str = ""  # whitespace before and after the text, kept as it was
    trail: str = ""


@dataclass
class HtmlDocument:
    name: str
    tree: object
    fragment: bool  # the input had no <html>/<body>: written back as a fragment
    blocks: list[Block] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    kind: str = HTML
    _runs: dict[str, _Run | tuple[object, str]] = field(default_factory=dict)  # block id -> run, or (img, "alt")
    _shells: dict[str, list[object]] = field(default_factory=dict)  # block id -> per span, the element to copy
    _elements: dict[str, object] = field(default_factory=dict)  # block id -> the element the block is in

    def element_of(self, block_id: str) -> object:
        return self._elements[block_id]

    def write(self, translations: Mapping[str, BlockTranslation], lang: str) -> bytes:
        tree = self.tree
        for block in self.blocks:
            done = translations.get(block.id)
            if done is None:
                continue
            where = self._runs[block.id]
            if isinstance(where, tuple):
                where[0].set(where[1], done.text)
                continue
            _rewrite(where, done, self._shells[block.id])
        _set_language(tree, lang)
        _make_inert(tree)
        return _serialise(tree, self.fragment)


def read_html(name: str, data: bytes, *, extract: bool = False) -> HtmlDocument:
    import lxml.html
    from lxml import etree

    text = _decode(name, data)
    fragment = re.search(r"<(?:html|body)[\s>]", text[:4096], re.IGNORECASE) is None
    try:
        parser = lxml.html.HTMLParser(remove_comments=False, no_network=True, huge_tree=False)
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{name}: not a readable HTML page ({exc})") from None
    document = HtmlDocument(name, tree.getroottree(), fragment)
    _collect(document, tree)
    if extract:
        from translate.formats.extract import keep_article

        keep_article(document, text)
    return document


def _decode(name: str, data: bytes) -> str:
    """UTF-8 unless the page declares another charset in a <meta> (old pages in windows-1252 exist)."""
    declared = _CHARSET.search(data[:4096])
    charset = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if charset in ("utf-8", "utf8") or data.startswith(b"\xef\xbb\xbf"):
        return decode_utf8(data, name)
    try:
        return data.decode(charset)
    except LookupError:
        raise InputError(f"{name}:1: the page declares an unknown charset {charset!r}") from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{name}:{line}: not valid {charset} as the page declares (byte offset {exc.start})") \
            from None


# --- blocks --------------------------------------------------------------------------------------------------------


def _tag(element: object) -> str:
    tag = getattr(element, "tag", None)
    return tag.lower() if isinstance(tag, str) else ""


def _is_inline(element: object, holds_block: set[object]) -> bool:
    return _tag(element) in INLINE_TAGS and element not in holds_block


def _blocky(root: object) -> set[object]:
    """Inline elements that hold a block element (an <a> around a <div>): treated as containers."""
    found: set[object] = set()
    for element in root.iter():
        tag = _tag(element)
        if tag and tag not in INLINE_TAGS and tag not in SKIPPED_TAGS:
            parent = element.getparent()
            while parent is not None and _tag(parent) in INLINE_TAGS and parent not in found:
                found.add(parent)
                parent = parent.getparent()
    return found


def _collect(document: HtmlDocument, root: object) -> None:
    holds_block = _blocky(root)
    counter = 0
    for element, run in _runs(root, holds_block):
        if len(document.blocks) >= LIMITS.max_blocks:
            raise InputError(f"{document.name}: more than {LIMITS.max_blocks} blocks of text; refused as unsafe")
        text, spans, shells, lead, trail = _text_of(run, holds_block)
        if not text.strip():
            continue
        counter += 1
        block_id = f"b{counter}"
        run.lead, run.trail = lead, trail
        document.blocks.append(Block(block_id, _kind(element), text, tuple(spans)))
        document._runs[block_id] = run
        document._shells[block_id] = shells
        document._elements[block_id] = element
    for image in root.iter("img"):
        alt = (image.get("alt") or "").strip()
        if alt and not _skipped(image):
            counter += 1
            block_id = f"b{counter}"
            document.blocks.append(Block(block_id, ALT_TEXT, _SPACE.sub(" ", alt)))
            document._runs[block_id] = (image, "alt")
            document._elements[block_id] = image


def _skipped(element: object) -> bool:
    while element is not None:
        if _tag(element) in SKIPPED_TAGS:
            return True
        element = element.getparent()
    return False


def _kind(element: object) -> str:
    tag = _tag(element)
    if tag in _KINDS:
        return _KINDS[tag]
    parent = element.getparent()
    while parent is not None:  # a <p> in a quote or a caption is one
        if _tag(parent) in ("blockquote", "figcaption", "li", "td", "th"):
            return _KINDS[_tag(parent)]
        parent = parent.getparent()
    return PARAGRAPH


def _runs(element: object, holds_block: set[object]) -> Iterator[tuple[object, _Run]]:
    """Every run of inline content in the tree, in document order (a container's text before its nested blocks
    first)."""
    tag = _tag(element)
    if not tag or tag in SKIPPED_TAGS:
        return
    run = _Run(element, None, [])
    for child in element:
        if not _tag(child) or _is_inline(child, holds_block):  # comments and processing instructions: in the run
            run.inline.append(child)
            continue
        yield element, run
        yield from _runs(child, holds_block)
        run = _Run(element, child, [])
    yield element, run


def _text_of(run: _Run, holds_block: set[object]) -> tuple[str, list[InlineSpan], list[object], str, str]:
    """The run's text (whitespace collapsed as a browser shows it) and its inline elements as spans."""
    pieces: list[str] = []
    raw_spans: list[tuple[int, int, int, object]] = []  # start, end, depth (outer first on ties), element
    size = 0

    def add(text: str | None) -> None:
        nonlocal size
        if text:
            pieces.append(text)
            size += len(text)

    def walk(element: object, depth: int) -> None:
        tag = _tag(element)
        if tag == "br":
            add(_BREAK)
        elif tag and tag not in SKIPPED_TAGS:
            start = size
            add(element.text)
            for child in element:
                walk(child, depth + 1)
            raw_spans.append((start, size, depth, element))
        add(element.tail)

    lead_source = run.parent.text if run.after is None else run.after.tail
    add(lead_source)
    for child in run.inline:
        walk(child, 0)
    raw = "".join(pieces)
    text, position = _collapse(raw)
    spans, shells = [], []
    for start, end, _, element in sorted(raw_spans, key=lambda s: (s[0], -s[1], s[2])):
        spans.append(InlineSpan(position[start], position[end], _tag(element), _detail(element)))
        shells.append(element)
    stripped = raw.strip(" \t\n\r\f")
    lead = raw[:len(raw) - len(raw.lstrip(" \t\n\r\f"))] if stripped else ""
    trail = raw[len(raw.rstrip(" \t\n\r\f")):] if stripped else ""
    return text, spans, shells, lead, trail


def _detail(element: object) -> str:
    return safe_link(element.get("href", "")) if _tag(element) == "a" else ""


def _collapse(raw: str) -> tuple[str, list[int]]:
    """Whitespace runs as one space, trimmed, line breaks as "\\n"; and where each raw offset lands."""
    out: list[str] = []
    position = []
    for char in raw:
        position.append(len(out))
        if char in " \t\n\r\f":
            if out and out[-1] not in " \n":
                out.append(" ")
        elif char == _BREAK:
            while out and out[-1] == " ":
                out.pop()
            out.append("\n")
        else:
            out.append(char)
    position.append(len(out))
    text = "".join(out).rstrip(" ")
    return text, [min(p, len(text)) for p in position]


# --- writing -------------------------------------------------------------------------------------------------------


def _rewrite(run: _Run, translation: BlockTranslation, shells: list[object]) -> None:
    """Replace the run's text and inline elements by the translation, wrapped in copies of the inline elements."""
    parent = run.parent
    holder = _build(translation.text, translation.spans, shells)
    index = 0 if run.after is None else parent.index(run.after) + 1
    for element in run.inline:
        if element.getparent() is parent:
            parent.remove(element)
    text = run.lead + (holder.text or "")
    children = list(holder)
    if children:
        children[-1].tail = (children[-1].tail or "") + run.trail
    else:
        text += run.trail
    if run.after is None:
        parent.text = text
    else:
        run.after.tail = text
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)


def _shell(element: object) -> object:
    """An inline element's tag and attributes, to wrap translated words in (its children are rebuilt)."""
    from lxml import html

    return html.Element(element.tag, attrib=dict(element.attrib))


def _build(text: str, spans: tuple[tuple[int, int] | None, ...], shells: list[object]) -> object:
    """`text` as lxml nodes under a holder <div>: spans (nested where they nest; one that crosses another is cut
    at the outer one's end) wrap copies of their elements, and "\\n" becomes <br>."""
    from lxml import html

    holder = html.Element("div")
    placed = sorted(((s, e, shells[i]) for i, span in enumerate(spans) if span is not None
                     for s, e in [span] if i < len(shells)), key=lambda p: (p[0], -p[1]))
    stack: list[tuple[object, int]] = [(holder, len(text))]
    at = 0

    def emit(upto: int) -> None:
        nonlocal at
        if upto <= at:
            return
        top = stack[-1][0]
        for n, line in enumerate(text[at:upto].split("\n")):
            if n:
                top.append(html.Element("br"))
            if line:
                children = list(top)
                if children:
                    children[-1].tail = (children[-1].tail or "") + line
                else:
                    top.text = (top.text or "") + line
        at = upto

    for start, end, element in placed:
        start = max(start, at)
        while len(stack) > 1 and start >= stack[-1][1]:
            emit(stack[-1][1])
            stack.pop()
        emit(start)
        end = min(max(end, start), stack[-1][1])
        shell = _shell(element)
        stack[-1][0].append(shell)
        stack.append((shell, end))
        if start == end:
            stack.pop()
    while len(stack) > 1:
        emit(stack[-1][1])
        stack.pop()
    emit(len(text))
    return holder


def _set_language(tree: object, lang: str) -> None:
    root = tree.getroot()
    root.set("lang", lang)
    if root.get("{http://www.w3.org/XML/1998/namespace}lang") is not None:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    for meta in root.iter("meta"):
        if meta.get("charset") is not None:
            meta.set("charset", "utf-8")
        elif (meta.get("http-equiv") or "").lower() == "content-type":
            meta.set("content", "text/html; charset=utf-8")


_SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript|data:text/html)", re.IGNORECASE)
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "background", "poster")


def _make_inert(tree: object) -> None:
    """No script runs in the translated page: <script> elements, on* attributes and javascript: URLs go; styles,
    links and everything else stay. (lxml_html_clean's `javascript` option also drops stylesheets, which a
    translated page must keep; this is the narrow part of it.)"""
    root = tree.getroot()
    for script in list(root.iter("script")):
        parent = script.getparent()
        if parent is not None:
            script.drop_tree()  # keeps the text after it
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in [n for n in element.attrib if n.lower().startswith("on")]:
            del element.attrib[name]
        for name in _URL_ATTRIBUTES:
            if _SCRIPT_URL.match(element.get(name) or ""):
                element.set(name, "#")


def safe_link(url: str) -> str:
    """A link's address as the result records it: none for a script URL."""
    return "" if _SCRIPT_URL.match(url) else url


def _serialise(tree: object, fragment: bool) -> bytes:
    import lxml.html

    root = tree.getroot()
    if fragment:
        body = root.find("body")
        parts = [body.text or ""] + [lxml.html.tostring(child, encoding="unicode") for child in body]
        return "".join(parts).encode("utf-8")
    doctype = tree.docinfo.doctype or "<!DOCTYPE html>"
    return (doctype + "\n" + lxml.html.tostring(root, encoding="unicode", method="html")).encode("utf-8")
