"""`--extract`: the article in a whole saved page, found by trafilatura; the rest of the page is left as written.

trafilatura (a well-kept library for exactly this: boilerplate removal and metadata) reads the page and returns
the article's text, title, author and date. Inkuru keeps the page's own blocks (so the translated page keeps its
structure) and marks as article the blocks whose text trafilatura returned, the title and byline it found, and
the captions, pictures' alt text and dates inside the article's element. Every other block (menus, share bars,
related stories, the footer) is listed as left out, for the editor to see.
"""

from __future__ import annotations

import re

from translate.errors import InputError
from translate.formats import ALT_TEXT, CAPTION, HEADING, TITLE, Block, LeftOut

LEFT_OUT_REASON = "not part of the article (navigation, share buttons, related stories, footer …)"
_SHORT = 4  # words: a block this short must be a line of its own in the article, or lie inside the article
_DATE = re.compile(r"\b(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mutarama|gashyantare|"
                   r"werurwe|mata|gicurasi|kamena|nyakanga|kanama|nzeri|ukwakira|ugushyingo|ukuboza)[a-z]*\.?\s+"
                   r"\d{1,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.IGNORECASE)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s'’]", " ", text.lower()).split())


def keep_article(document: object, page: str) -> None:
    """Fill `document.left_out` with the blocks that are not the page's article."""
    import trafilatura

    found = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=True,
                                        include_images=False, include_formatting=False, include_links=False,
                                        favor_recall=True, deduplicate=False)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise InputError(f"{document.name}: --extract found no article in this page; translate it without "
                         "--extract to translate every text")
    lines = {_norm(line) for line in text.split("\n") if line.strip()}
    body = f" {_norm(text)} "
    title, author = _norm(getattr(found, "title", None) or ""), _norm(getattr(found, "author", None) or "")

    def in_text(block: Block) -> bool:
        norm = _norm(block.text)
        return bool(norm) and (norm in lines or f" {norm} " in body)

    long_blocks = [b for b in document.blocks if len(b.text.split()) >= _SHORT and in_text(b) and b.kind != TITLE]
    container = _common_ancestor([document.element_of(b.id) for b in long_blocks])

    def is_article(block: Block) -> bool:
        norm = _norm(block.text)
        if block.kind == TITLE:  # the page's <title>: the headline, often with the site's name
            words = title.split()
            return bool(words) and sum(w in norm.split() for w in words) >= 0.6 * len(words)
        if block.kind == HEADING and title and norm == title:
            return True
        inside = container is not None and _inside(document.element_of(block.id), container)
        if len(block.text.split()) >= _SHORT and in_text(block):
            return True
        if norm in lines or (in_text(block) and inside):
            return True
        if author and author in norm and len(block.text.split()) <= 12:
            return True  # the byline
        return inside and (block.kind in (CAPTION, ALT_TEXT) or len(block.text.split()) <= 12
                           and _DATE.search(block.text) is not None)

    document.left_out = [LeftOut(b.id, b.text, LEFT_OUT_REASON) for b in document.blocks if not is_article(b)]
    if len(document.left_out) == len(document.blocks):
        raise InputError(f"{document.name}: --extract found no article in this page; translate it without "
                         "--extract to translate every text")


def _ancestors(element: object) -> list[object]:
    chain = []
    while element is not None:
        chain.append(element)
        element = element.getparent()
    return chain


def _common_ancestor(elements: list[object]) -> object | None:
    if not elements:
        return None
    common = _ancestors(elements[0])
    for element in elements[1:]:
        mine = set(map(id, _ancestors(element)))
        common = [a for a in common if id(a) in mine]
    return common[0] if common else None


def _inside(element: object, container: object) -> bool:
    return any(a is container for a in _ancestors(element))
