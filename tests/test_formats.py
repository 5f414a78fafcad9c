"""Web pages and Word files: blocks and inline markup in, the same kind of file out, nothing lost, hostile files
refused or made safe. The model-free tests use the identity engine; the CLI tests use the demo model."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from document_files import WORDPRESS_PAGE, make_docx
from translate.cli import cli
from translate.engines.base import IdentityEngine
from translate.errors import InputError
from translate.formats import DocumentLimits, InlineSpan, read_document
from translate.formats.inline import project_spans
from translate.formats.translation import translate_document_file, write_document
from translate.pipeline import TranslateOptions
from translate.result import TRANSLATED, ParagraphResult, Segment


def _identity(name: str, data: bytes, extract: bool = False) -> tuple[object, object, bytes]:
    document = read_document(name, data, extract=extract)
    result = translate_document_file(document, data, IdentityEngine(), TranslateOptions("rw", source="en"),
                                     name=name)
    written, _ = write_document(document, result)
    return document, result, written


def _tags(html: str, within: str = "article") -> list[str]:
    """The element names inside the first <within> element, in order."""
    import lxml.html

    root = lxml.html.document_fromstring(html).find(f".//{within}")
    return [e.tag for e in root.iter() if isinstance(e.tag, str)]


# --- HTML ----------------------------------------------------------------------------------------------------------


def test_page_blocks_cover_headings_lists_quotes_captions_and_alt_text() -> None:
    document = read_document("page.html", WORDPRESS_PAGE.encode())
    kinds = {block.kind for block in document.blocks}
    assert {"title", "heading", "paragraph", "list_item", "quote", "caption", "alt_text"} <= kinds
    texts = [block.text for block in document.blocks]
    assert "We need more air defence systems, and we need them now." in texts
    assert not any("dataLayer" in text or "wp-embed" in text for text in texts)  # scripts are not text
    paragraph = next(b for b in document.blocks if b.text.startswith("Russia launched"))
    assert [(paragraph.text[s.start:s.end], s.tag, s.detail) for s in paragraph.spans] == [
        ("dozens of drones", "strong", ""), ("Ukraine", "a", "https://example.org/ukraine")]


def test_page_round_trip_keeps_every_block_and_element_in_order() -> None:
    document, result, written = _identity("page.html", WORDPRESS_PAGE.encode())
    assert len(result.paragraphs) == len(document.blocks)
    again = read_document("again.html", written)
    inert = lambda spans: [(s.start, s.end, s.tag, "" if s.detail == "#" else s.detail)  # noqa: E731
                           for s in spans]  # a javascript: link is recorded without its address, written as "#"
    assert [(b.kind, b.text, inert(b.spans)) for b in again.blocks] == [(b.kind, b.text, inert(b.spans))
                                                                        for b in document.blocks]
    assert _tags(written.decode()) == _tags(WORDPRESS_PAGE)
    assert '<html lang="rw"' in written.decode()


def test_translated_page_is_inert() -> None:
    _, _, written = _identity("page.html", WORDPRESS_PAGE.encode())
    page = written.decode()
    assert "<script" not in page and "onclick" not in page and "javascript:" not in page
    assert 'href="https://example.org/ukraine"' in page and "style.css" in page  # links and styles stay


def test_nested_markup_and_line_breaks_survive() -> None:
    page = b"<p>The <a href='https://x.org/a'>report by <em>Amnesty</em></a> came out.<br>More soon.</p>"
    document, result, written = _identity("frag.html", page)
    assert written.decode() == ('<p>The <a href="https://x.org/a">report by <em>Amnesty</em></a> came out.<br>'
                                "More soon.</p>")
    assert result.paragraphs[0].target == "The report by Amnesty came out.\nMore soon."


def test_crossing_markup_is_cut_to_stay_well_formed() -> None:
    from translate.formats import BlockTranslation

    document = read_document("frag.html", b"<p><b>one two</b> <i>three four</i></p>")
    block = document.blocks[0]
    # A translation where the two spans overlap: the second is cut at the first's end.
    written = document.write({block.id: BlockTranslation("alpha beta gamma", ((0, 10), (6, 16)))}, "rw")
    assert written.decode() == "<p><b>alpha <i>beta</i></b> gamma</p>"


def test_windows_1252_page_is_read_as_declared_and_written_as_utf8() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 in Kigali</p></body></html>'
    _, result, written = _identity("old.html", page.encode("cp1252"))
    assert result.paragraphs[0].source == "Caf\u00e9 in Kigali"
    assert 'charset="utf-8"' in written.decode("utf-8")


def test_extract_keeps_the_article_and_lists_what_it_left_out() -> None:
    document, result, written = _identity("page.html", WORDPRESS_PAGE.encode(), extract=True)
    left = {item["text"] for item in result.left_out}
    assert {"World", "Politics", "Facebook", "Related stories", "Newsletter"} <= left
    assert any(t.startswith("Kharkiv counts the cost") for t in left)
    kept = {p.source for p in result.paragraphs}
    assert "Drones strike Kyiv as Ukraine asks for more air defence" in kept
    assert "Firefighters work at a damaged building in Kyiv on Tuesday." in kept  # the caption
    assert any("Jane Mukamana" in text for text in kept)  # the byline
    assert len(kept) + len(left) == len(document.blocks)


# --- Word ----------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def story_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_docx(tmp_path_factory.mktemp("docx") / "story.docx").read_bytes()


def test_docx_blocks_with_styles_links_formatting_and_notes(story_docx: bytes) -> None:
    document = read_document("story.docx", story_docx)
    by_text = {block.text.strip(): block for block in document.blocks}
    assert by_text["Russia launched dozens of drones at Kyiv"].kind == "heading"
    assert by_text["Ten districts lost power."].kind == "list_item"
    assert by_text["1,200"].kind == "table_cell"
    assert by_text["Firefighters at a damaged building in Kyiv."].kind == "caption"
    assert by_text["Inkuru News, Kigali"].kind == "footer"
    assert by_text["The figures come from the air force."].kind == "note"
    body = by_text["The attack came as Ukraine asked for more air defence systems. The White House said Iran "
                   "supplied the drones."]
    assert [(s.tag, body.text[s.start:s.end]) for s in body.spans] == [("b", "Ukraine"), ("i", "Iran"), ("note", "")]
    link = by_text["Read the full report on the website."].spans[0]
    assert (link.tag, link.detail) == ("a", "https://example.org/report")


def test_docx_round_trip_keeps_styles_table_footnote_and_link(story_docx: bytes) -> None:
    import docx

    document, _, written = _identity("story.docx", story_docx)
    again = read_document("again.docx", written)
    assert [(b.kind, b.text, b.spans) for b in again.blocks] == [(b.kind, b.text, b.spans) for b in document.blocks]
    before, after = docx.Document(io.BytesIO(story_docx)), docx.Document(io.BytesIO(written))
    assert [p.style.name for p in after.paragraphs] == [p.style.name for p in before.paragraphs]
    assert after.tables[0].style.name == "Table Grid" and after.tables[0].cell(1, 1).text == "1,200"
    assert b"footnoteReference" in zipfile.ZipFile(io.BytesIO(written)).read("word/document.xml")


def test_docx_written_with_translation_and_markup(story_docx: bytes) -> None:
    from translate.formats import BlockTranslation

    document = read_document("story.docx", story_docx)
    body = document.blocks[1]
    text = "Igitero cyaje mu gihe Ukraine yasabaga ubwirinzi. Iran yatanze drones."
    ukraine, iran = text.index("Ukraine"), text.index("Iran")
    written = document.write({body.id: BlockTranslation(text, ((ukraine, ukraine + 7), (iran, iran + 4),
                                                               (len(text), len(text))))}, "rw")
    paragraph = read_document("t.docx", written).blocks[1]
    assert paragraph.text == text
    assert [(s.tag, text[s.start:s.end]) for s in paragraph.spans] == [("b", "Ukraine"), ("i", "Iran"), ("note", "")]


# --- markup projection ---------------------------------------------------------------------------------------------


def _paragraph(source: str, target: str, terms: list | None = None) -> ParagraphResult:
    return ParagraphResult(1, source, target, "en", TRANSLATED, terms or [], [], [Segment(source, target)])


def test_projection_uses_names_terms_attention_and_flags_guesses() -> None:
    source = "Officials in Ukraine said the drones came from Iran on Tuesday."
    target = "Abayobozi bo muri Ukraine bavuze ko drones zaturutse muri Irani ku wa Kabiri."
    irani = target.index("Irani")
    terms = [{"source_span": [47, 51], "target_span": [irani, irani + 5]}]  # Iran -> Irani
    spans = [InlineSpan(13, 20, "a"), InlineSpan(47, 51, "em"), InlineSpan(0, 63, "b"), InlineSpan(28, 34, "i")]
    placed = project_spans(_paragraph(source, target, terms), spans, {})
    assert [(target[s:e], how) for (s, e), how in placed] == [
        ("Ukraine", "exact"), ("Irani", "term"), (target, "whole"), (placed[3] and target[slice(*placed[3][0])],
                                                                    "guessed")]
    matrix = [[0.0] * 11 for _ in range(13)]
    matrix[6][5] = 1.0  # "drones" (target word 6) attends to "drones" (source word 5)
    placed = project_spans(_paragraph(source, target), [InlineSpan(28, 34, "i")], {(source, target): matrix})
    assert [(target[s:e], how) for (s, e), how in placed] == [("drones", "aligned")]


def test_every_span_is_placed_even_without_evidence() -> None:
    source, target = "one two three four", "uno dos tres cuatro cinco"
    spans = [InlineSpan(4, 7, "b"), InlineSpan(8, 8, "object")]
    placed = project_spans(_paragraph(source, target), spans, {})
    assert all(0 <= s <= e <= len(target) for (s, e), _ in placed)
    assert [how for _, how in placed] == ["guessed", "guessed"]


# --- hostile and wrong files ---------------------------------------------------------------------------------------


def _one_line_error(name: str, data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        read_document(name, data)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(name)
    return message


def test_corrupt_docx(story_docx: bytes) -> None:
    assert "damaged zip" in _one_line_error("story.docx", story_docx[: len(story_docx) // 2])


def test_encrypted_docx_is_named() -> None:
    # Word saves a password-protected .docx as an OLE compound file (the same header as an old .doc).
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    assert "password" in _one_line_error("secret.docx", ole)


def test_zip_bomb_is_refused(story_docx: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("translate.formats.LIMITS", DocumentLimits(max_unpacked_bytes=2_000_000))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(story_docx)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for entry in source.infolist():
            out.writestr(entry, source.read(entry))
        out.writestr("word/media/padding.bin", b"\x00" * 5_000_000)
    assert len(buffer.getvalue()) < 100_000  # small on disk …
    assert "zip bomb" in _one_line_error("bomb.docx", buffer.getvalue())  # … refused by what it unpacks to


def test_docx_with_doctype_or_external_entity_is_refused(story_docx: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(story_docx)) as source, zipfile.ZipFile(buffer, "w") as out:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
                data = data.replace(b"Ukraine", b"&x;", 1)
            out.writestr(entry, data)
    assert "DOCTYPE" in _one_line_error("xxe.docx", buffer.getvalue())


def test_extensions_that_lie(story_docx: bytes) -> None:
    assert "rename it to .docx" in _one_line_error("story.html", story_docx)
    assert "HTML page, not a Word document" in _one_line_error("page.docx", WORDPRESS_PAGE.encode())
    assert "not a Word document" in _one_line_error("notes.docx", b"just some text\n")


def test_non_utf8_page_names_the_line() -> None:
    message = _one_line_error("bad.html", b"<p>ok</p>\n<p>caf\xe9</p>")
    assert message.startswith("bad.html:2:")


def test_markdown_review_lists_kinds_and_what_extract_left_out() -> None:
    from translate.review import render

    _, result, _ = _identity("page.html", WORDPRESS_PAGE.encode(), extract=True)
    review = render(result, "markdown")
    assert "(translated, heading)" in review
    left = review[review.index("## Left out of the translation"):]
    assert "- Facebook" in left and "Newsletter" in left and "Russia launched" not in left


def test_review_page_never_carries_the_pages_scripts() -> None:
    from translate.review import render

    _, result, _ = _identity("page.html", WORDPRESS_PAGE.encode())
    page = render(result, "html")
    for script in ("dataLayer", "track()", "alert(document.cookie)"):
        assert script not in page


# --- the command line, with the demo model --------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_translates_a_folder_mixing_formats_and_writes_edits_back(marian_en_rw: Path, tmp_path: Path,
                                                                     story_docx: bytes) -> None:
    import docx

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(WORDPRESS_PAGE, encoding="utf-8")
    (folder / "story.docx").write_bytes(story_docx)
    (folder / "note.md").write_text("# Kigali\n\nThe EAC summit opened in Arusha.\n", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    run = runner.invoke(cli, ["translate", str(folder), "--to", "rw", "--model", str(marian_en_rw), "-o", str(out),
                              "--format", "text", "--format", "json", "-q"])
    assert run.exit_code == 0, run.output
    assert sorted(p.name for p in out.iterdir()) == ["note.rw.json", "note.rw.md", "page.rw.html", "page.rw.json",
                                                     "story.rw.docx", "story.rw.json"]
    page = (out / "page.rw.html").read_text(encoding="utf-8")
    assert page.count("<a ") == WORDPRESS_PAGE.count("<a ") and page.count("<strong>") == 1
    result = json.loads((out / "story.rw.json").read_text(encoding="utf-8"))
    assert result["source_format"] == "docx" and all(p["block"] for p in result["paragraphs"])
    assert all(m["target"] is not None for p in result["paragraphs"] for m in p["markup"])  # nothing dropped
    translated = docx.Document(str(out / "story.rw.docx"))
    assert [p.style.name for p in translated.paragraphs] == [p.style.name for p in docx.Document(
        io.BytesIO(story_docx)).paragraphs]
    # An editor's correction, written back into the original's structure.
    body = next(p for p in result["paragraphs"] if p["source"].startswith("The attack came"))
    body["target"], body["edited"] = "Igitero cyaje mu gihe Ukraine yasabaga ubwirinzi. Iran yatanze drones.", True
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(result), encoding="utf-8")
    final = tmp_path / "final.docx"
    run = runner.invoke(cli, ["review", str(edited), "--format", "docx", "-o", str(final),
                              "--original", str(folder / "story.docx")])
    assert run.exit_code == 0, run.output
    paragraph = next(b for b in read_document("final.docx", final.read_bytes()).blocks
                     if b.text.startswith("Igitero"))
    assert [(s.tag, paragraph.text[s.start:s.end]) for s in paragraph.spans] == [
        ("b", "Ukraine"), ("i", "Iran"), ("note", "")]
    # A different file is refused, not written into.
    (folder / "other.docx").write_bytes(make_docx(tmp_path / "x.docx").read_bytes() + b"")
    run = runner.invoke(cli, ["review", str(edited), "--format", "docx", "-o", str(final), "--original",
                              str(folder / "page.html")])
    assert run.exit_code != 0 and "not the file this result was translated from" in run.output


@pytest.mark.slow
def test_cli_extract_and_errors(marian_en_rw: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(WORDPRESS_PAGE, encoding="utf-8")
    runner = CliRunner()
    run = runner.invoke(cli, ["translate", str(page), "--to", "rw", "--model", str(marian_en_rw), "--extract",
                              "--format", "json", "-q"])
    assert run.exit_code == 0, run.output
    left = [item["text"] for item in json.loads(run.output)["left_out"]]
    assert "Facebook" in left and "Newsletter" in left
    fake = tmp_path / "fake.docx"
    fake.write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    run = runner.invoke(cli, ["translate", str(fake), "--to", "rw", "--model", str(marian_en_rw)])
    assert run.exit_code == 1 and re.search(r"fake\.docx: the file is an HTML page", run.output)
    assert "Traceback" not in run.output


# --- the held-out documents (bench/documents.py) --------------------------------------------------------------------

HELD_OUT_DOCUMENTS = Path(__file__).resolve().parent.parent / "examples" / "held-out-documents"


def test_held_out_documents_are_paired_and_unseen_by_the_demo_model() -> None:
    from test_heldout import normalise, sentences

    from translate.demo import CORPUS_PATH

    corpus = {normalise(s) for line in CORPUS_PATH.read_text(encoding="utf-8").splitlines()
              for cell, lang in zip(line.split("\t"), ("en", "rw")) for s in sentences(cell, lang)}
    pages = sorted(HELD_OUT_DOCUMENTS.glob("*.en.html"))
    assert len(pages) >= 10
    tags = 0
    for page in pages:
        source = read_document(page.name, page.read_bytes())
        reference = read_document(page.name, page.with_name(page.name.replace(".en.", ".rw.")).read_bytes())
        assert [b.kind for b in source.blocks] == [b.kind for b in reference.blocks], page.name
        for block, lang in [(b, "en") for b in source.blocks] + [(b, "rw") for b in reference.blocks]:
            leaked = [s for s in sentences(block.text, lang) if len(s.split()) > 3 and normalise(s) in corpus]
            assert not leaked, f"{page.name}: in the demo corpus: {leaked}"
        tags += sum(len(b.spans) for b in source.blocks)
    assert tags >= 150


def test_xliff_round_trip_keeps_the_document_fields(story_docx: bytes) -> None:
    from translate.review.xliff import read_xliff, render_xliff

    _, result, _ = _identity("story.docx", story_docx)
    back = read_xliff(render_xliff(result, None))
    assert (back.source_format, back.source_digest) == ("docx", result.source_digest)
    assert [(p.block, p.kind, p.markup) for p in back.paragraphs] == [(p.block, p.kind, p.markup)
                                                                      for p in result.paragraphs]
