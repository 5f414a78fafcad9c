#!/usr/bin/env python3
"""Check the bilingual HTML pairs in this folder (standard library only).

For every NN-slug.en.html / NN-slug.rw.html pair it checks that

- both files are small HTML5 documents of the agreed shape (doctype, <html lang>, <meta charset>, <title>,
  one <article> starting with an <h1> and a byline paragraph);
- both have the same sequence of structural elements (h1, h2, p, ul, ol, li, blockquote, figure, img,
  figcaption, table, tr, td, th ...), so every source block has exactly one translated block;
- every inline tag (a, strong, em, b, i) carries data-ref, each data-ref is used once per file, both files use
  the same set of data-ref values, each data-ref sits in the corresponding block of both files and on the
  same element name, links keep the same href (https only);
- no inline tag is empty or starts/ends with a space, and tags sit on whole words (no letter, digit or
  apostrophe glued to either side of a tag);
- the English article is 150-350 words and has 12-20 inline tags; the whole set has at least 170.

It prints per-document and total tag counts and exits non-zero if any problem is found.
Usage: python3 check_pairs.py [FOLDER]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

INLINE = {"a", "strong", "em", "b", "i"}
BLOCKS = {"h1", "h2", "h3", "p", "li", "blockquote", "figcaption", "td", "th"}
STRUCTURE = BLOCKS | {"ul", "ol", "figure", "img", "table", "thead", "tbody", "tr"}
VOID = {"img", "meta", "br", "hr", "link"}
ALLOWED = INLINE | STRUCTURE | VOID | {"html", "head", "title", "body", "article"}
WORD_CHAR = re.compile(r"[\w'’]")


class Doc(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype = None
        self.html_lang = None
        self.charset = None
        self.title = ""
        self.in_title = False
        self.article_depth = 0
        self.articles = 0
        self.structure: list[str] = []  # structural start tags inside <article>, in order
        self.blocks: list[dict] = []  # one entry per block element: tag, text, attrs
        self.block_stack: list[int] = []  # indices into self.blocks
        self.open_inline: list[dict] = []
        self.inline: list[dict] = []  # every inline tag: tag, ref, href, text, block, start, end
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.article_text: list[str] = []

    # -- helpers ---------------------------------------------------------------------------------------------
    def _text_sink(self, data: str) -> None:
        if self.block_stack:
            self.blocks[self.block_stack[-1]]["text"] += data
        for tag in self.open_inline:
            tag["text"] += data

    # -- parser callbacks ------------------------------------------------------------------------------------
    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        line = self.getpos()[0]
        if tag not in ALLOWED:
            self.errors.append(f"line {line}: unexpected element <{tag}>")
        if tag == "html":
            self.html_lang = a.get("lang")
        elif tag == "meta" and "charset" in a:
            self.charset = a["charset"]
        elif tag == "title":
            self.in_title = True
        elif tag == "article":
            self.articles += 1
            self.article_depth += 1
        if tag not in VOID:
            self.stack.append(tag)
        if not self.article_depth or tag == "article":
            if tag in INLINE:
                self.errors.append(f"line {line}: inline <{tag}> outside <article>")
            return
        if tag in STRUCTURE:
            self.structure.append(tag + (f".{a['class']}" if a.get("class") else ""))
        if tag == "img" and (not a.get("src") or not a.get("alt")):
            self.errors.append(f"line {line}: <img> needs src and alt")
        if tag in BLOCKS:
            self.blocks.append({"tag": tag, "text": "", "line": line})
            self.block_stack.append(len(self.blocks) - 1)
        elif tag in INLINE:
            if not self.block_stack:
                self.errors.append(f"line {line}: inline <{tag}> outside a block element")
            block = self.block_stack[-1] if self.block_stack else -1
            rec = {
                "tag": tag,
                "ref": a.get("data-ref"),
                "href": a.get("href"),
                "text": "",
                "block": block,
                "line": line,
                "start": len(self.blocks[block]["text"]) if block >= 0 else 0,
                "end": None,
                "nested_in": [t["ref"] for t in self.open_inline],
            }
            if rec["ref"] is None:
                self.errors.append(f"line {line}: <{tag}> without data-ref")
            if tag == "a" and not (rec["href"] or "").startswith("https://"):
                self.errors.append(f"line {line}: <a data-ref={rec['ref']}> needs an https:// href")
            if tag != "a" and rec["href"] is not None:
                self.errors.append(f"line {line}: href on <{tag}>")
            self.inline.append(rec)
            self.open_inline.append(rec)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0]
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"line {line}: </{tag}> does not close <{self.stack[-1] if self.stack else '-'}>")
            if tag in self.stack:  # recover
                while self.stack and self.stack[-1] != tag:
                    self.stack.pop()
        if self.stack:
            self.stack.pop()
        if tag == "title":
            self.in_title = False
        elif tag == "article":
            self.article_depth -= 1
        elif tag in BLOCKS and self.article_depth:
            if self.block_stack:
                self.block_stack.pop()
        elif tag in INLINE and self.open_inline:
            rec = self.open_inline.pop()
            if rec["tag"] != tag:
                self.errors.append(f"line {line}: </{tag}> closes <{rec['tag']}>")
            if rec["block"] >= 0:
                rec["end"] = len(self.blocks[rec["block"]]["text"])

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.article_depth:
            self.article_text.append(data)
            self._text_sink(data)


def parse(path: Path) -> Doc:
    doc = Doc()
    text = path.read_text(encoding="utf-8")
    doc.feed(text)
    doc.close()
    if not text.lstrip().lower().startswith("<!doctype html>"):
        doc.errors.append("does not start with <!DOCTYPE html>")
    if doc.stack:
        doc.errors.append(f"unclosed elements at end: {doc.stack}")
    return doc


def check_doc(doc: Doc, lang: str) -> list[str]:
    errs = list(doc.errors)
    if doc.html_lang != lang:
        errs.append(f'<html lang="{doc.html_lang}">, expected "{lang}"')
    if (doc.charset or "").lower() != "utf-8":
        errs.append('missing <meta charset="utf-8">')
    if not doc.title.strip():
        errs.append("empty <title>")
    if doc.articles != 1:
        errs.append(f"{doc.articles} <article> elements, expected 1")
    if doc.structure[:2] != ["h1", "p.byline"]:
        errs.append(f"article must start with <h1> and <p class=\"byline\">, starts {doc.structure[:2]}")
    body_ps = sum(1 for b in doc.structure if b == "p") - sum(1 for b in doc.structure if b == "blockquote")
    if not 4 <= body_ps <= 8:
        errs.append(f"{body_ps} body paragraphs (outside blockquotes), expected 4-8")
    seen = Counter(t["ref"] for t in doc.inline)
    for ref, n in seen.items():
        if n > 1:
            errs.append(f"data-ref {ref} used {n} times")
    for t in doc.inline:
        label = f"<{t['tag']} data-ref={t['ref']}> (line {t['line']})"
        if not t["text"].strip():
            errs.append(f"{label} is empty")
            continue
        if t["text"] != t["text"].strip():
            errs.append(f"{label} starts or ends with whitespace: {t['text']!r}")
        if t["block"] < 0 or t["end"] is None:
            continue
        block = doc.blocks[t["block"]]["text"]
        before = block[t["start"] - 1] if t["start"] > 0 else " "
        after = block[t["end"]] if t["end"] < len(block) else " "
        if WORD_CHAR.match(before) or WORD_CHAR.match(after):
            errs.append(f"{label} is not on whole words: ...{block[max(0, t['start'] - 12):t['end'] + 12]!r}")
    return errs


def words(doc: Doc) -> int:
    return len(re.findall(r"[\w'’.,-]+", " ".join(doc.article_text)))


def check_pair(en_path: Path, rw_path: Path) -> tuple[list[str], Doc, Doc]:
    en, rw = parse(en_path), parse(rw_path)
    errs = [f"{en_path.name}: {e}" for e in check_doc(en, "en")]
    errs += [f"{rw_path.name}: {e}" for e in check_doc(rw, "rw")]
    if en.structure != rw.structure:
        for i, (x, y) in enumerate(zip(en.structure, rw.structure)):
            if x != y:
                errs.append(f"structure differs at element {i + 1}: en <{x}>, rw <{y}>")
                break
        else:
            errs.append(f"structure lengths differ: en {len(en.structure)}, rw {len(rw.structure)} elements")
    en_refs = {t["ref"]: t for t in en.inline}
    rw_refs = {t["ref"]: t for t in rw.inline}
    if set(en_refs) != set(rw_refs):
        errs.append(
            f"data-ref sets differ: only en {sorted(set(en_refs) - set(rw_refs), key=str)}, "
            f"only rw {sorted(set(rw_refs) - set(en_refs), key=str)}"
        )
    expected = {str(k) for k in range(1, len(en_refs) + 1)}
    if set(en_refs) != expected:
        errs.append(f"en data-ref values are not 1..{len(en_refs)}")
    for ref in sorted(set(en_refs) & set(rw_refs), key=lambda r: int(r) if r and r.isdigit() else 0):
        a, b = en_refs[ref], rw_refs[ref]
        if a["tag"] != b["tag"]:
            errs.append(f"data-ref {ref}: en <{a['tag']}>, rw <{b['tag']}>")
        if a["href"] != b["href"]:
            errs.append(f"data-ref {ref}: href differs: {a['href']} / {b['href']}")
        if a["block"] != b["block"]:
            errs.append(f"data-ref {ref}: in block {a['block'] + 1} (en) but block {b['block'] + 1} (rw)")
        if a["nested_in"] != b["nested_in"]:
            errs.append(f"data-ref {ref}: nested in {a['nested_in']} (en) but {b['nested_in']} (rw)")
    n = len(en.inline)
    if not 12 <= n <= 20:
        errs.append(f"{en_path.name}: {n} inline tags, expected 12-20")
    w = words(en)
    if not 150 <= w <= 350:
        errs.append(f"{en_path.name}: {w} words, expected 150-350")
    return errs, en, rw


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    en_files = sorted(folder.glob("[0-9][0-9]-*.en.html"))
    rw_files = sorted(folder.glob("[0-9][0-9]-*.rw.html"))
    problems: list[str] = []
    if {p.name[: -len(".en.html")] for p in en_files} != {p.name[: -len(".rw.html")] for p in rw_files}:
        problems.append("the .en.html and .rw.html files do not pair up")
    total = Counter()
    docs = 0
    header = f"{'document':34} {'tags':>4} {'a':>3} {'strong':>6} {'em':>3} {'b':>3} {'i':>3} {'nested':>6} {'words en':>8} {'words rw':>8}"
    print(header)
    print("-" * len(header))
    for en_path in en_files:
        rw_path = en_path.with_name(en_path.name.replace(".en.html", ".rw.html"))
        if not rw_path.exists():
            problems.append(f"{en_path.name}: no {rw_path.name}")
            continue
        errs, en, rw = check_pair(en_path, rw_path)
        problems += errs
        kinds = Counter(t["tag"] for t in en.inline)
        nested = sum(1 for t in en.inline if t["nested_in"])
        slug = en_path.name[: -len(".en.html")]
        print(
            f"{slug:34} {len(en.inline):>4} {kinds['a']:>3} {kinds['strong']:>6} {kinds['em']:>3} {kinds['b']:>3} "
            f"{kinds['i']:>3} {nested:>6} {words(en):>8} {words(rw):>8}"
        )
        total.update(kinds)
        total["tags"] += len(en.inline)
        total["nested"] += nested
        total["words_en"] += words(en)
        total["words_rw"] += words(rw)
        docs += 1
    print("-" * len(header))
    print(
        f"{'TOTAL (' + str(docs) + ' pairs)':34} {total['tags']:>4} {total['a']:>3} {total['strong']:>6} {total['em']:>3} "
        f"{total['b']:>3} {total['i']:>3} {total['nested']:>6} {total['words_en']:>8} {total['words_rw']:>8}"
    )
    if docs != 12:
        problems.append(f"{docs} pairs, expected 12")
    if total["tags"] < 170:
        problems.append(f"{total['tags']} inline tags in total, expected at least 170")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("\nOK: all pairs agree.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
