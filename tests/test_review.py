"""Review renderers without a browser: golden Markdown/TSV/XLIFF, XLIFF round trip and import errors, escaping,
the term view, and the `inkuru review` command. Set INKURU_UPDATE_GOLDEN=1 to rewrite the golden files."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate.cli import cli
from translate.engines.base import IdentityEngine
from translate.errors import InkuruError, InputError
from translate.glossary import Entry, Glossary, load_glossaries
from translate.pipeline import TranslateOptions, translate_document
from translate.result import ParagraphResult, Result
from translate.review import RENDERERS, render
from translate.review.html import render_html
from translate.review.inputs import parse_result
from translate.review.tables import tsv_cell
from translate.review.terminal import render_terminal
from translate.review.view import paragraph_terms, pieces, term_counts
from translate.review.xliff import read_xliff, render_xliff

DATA = Path(__file__).resolve().parent / "review_data"
GOLDEN = DATA / "golden"
HOSTILE = """<script>alert(1)</script> Russia <img src=x onerror="alert(2)"> sent drones.

See [the report](javascript:alert(3)) or <a href="javascript:alert(4)">this link</a>.

</script><script>alert(5)</script> "'><svg onload=alert(6)> &lt;b&gt; -->"""


def load(name: str = "drones.result.json") -> Result:
    return Result.from_dict(json.loads((DATA / name).read_text(encoding="utf-8")), name)


def glossary() -> Glossary:
    return load_glossaries([DATA / "glossary.tsv"])


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("INKURU_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; INKURU_UPDATE_GOLDEN=1 rewrites it"


def hostile_result() -> Result:
    result = translate_document(HOSTILE, IdentityEngine(), TranslateOptions("rw", source="en"),
                                name='<script>alert("name")</script>.txt')
    first = result.paragraphs[0]
    first.terms = [
        {"entry": "place.russia", "source_surface": "Russia", "target_surface": "Russia", "status": "satisfied",
         "message": "", "source_span": None, "target_span": None},
        {"entry": '"><script>alert(7)</script>', "source_surface": '<img src=x onerror="alert(2)">',
         "target_surface": None, "status": "missing", "message": "<img src=y onerror=alert(8)>",
         "source_span": None, "target_span": None},
    ]
    return result


def hostile_glossary() -> Glossary:
    return Glossary((Entry("place.russia", "place", "approved", ("Russia",), ("<b>Uburusiya</b>", "u Burusiya"),
                           note="<img src=z onerror=alert(9)> javascript:alert(10)"),))


# --- golden files -----------------------------------------------------------------------------------------------


def test_markdown_golden() -> None:
    check_golden("drones.md", render(load(), "markdown"))


def test_tsv_golden() -> None:
    text = render(load(), "tsv")
    check_golden("drones.tsv", text)
    rows = text.splitlines()
    assert len(rows) == 1 + len(load().paragraphs) and all(row.count("\t") == 5 for row in rows)


def test_xliff_golden() -> None:
    check_golden("drones.xlf", render_xliff(load(), glossary()))


def test_every_format_is_registered_and_renders() -> None:
    assert {"text", "json", "markdown", "html", "tsv", "terminal", "xliff"} <= set(RENDERERS)
    for fmt in RENDERERS:
        assert render(load(), fmt).strip()
    with pytest.raises(InkuruError, match="unknown format 'pdf'"):
        render(load(), "pdf")


def test_render_uses_the_glossary_given() -> None:
    page = render(hostile_result(), "html", hostile_glossary())
    assert "\\u003cb\\u003eUburusiya" in page  # the given entry's preferred rendering, JSON-escaped
    xliff = render(load(), "xliff", hostile_glossary())
    assert '<gls:translation source="inkuru glossary">&lt;b&gt;Uburusiya&lt;/b&gt;</gls:translation>' in xliff
    assert render(load(), "tsv", hostile_glossary()) == render(load(), "tsv")


# --- XLIFF round trip and import ----------------------------------------------------------------------------------


def test_xliff_round_trip_keeps_every_paragraph() -> None:
    result = load()
    back = read_xliff(render_xliff(result, glossary()), "a.xlf")
    assert back.to_dict() == result.to_dict()


def test_xliff_round_trip_keeps_awkward_text() -> None:
    text = "Tabs\tand  double  spaces,\nline two \x0b\x0c with controls & <tags> ]]> \ud7ff \U0001F600 \r\n end "
    result = load()
    result.paragraphs[1].source = result.paragraphs[1].target = text
    xliff = render_xliff(result, None)
    assert '<cp hex="000B" />' in xliff and '<cp hex="000D" />' in xliff
    assert read_xliff(xliff, "a.xlf").paragraphs[1].target == text


def _edit_target(xliff: str, unit: str, new_target: str, state: str = "final") -> str:
    pattern = re.compile(rf'(<unit id="{unit}".*?<segment id="s\d+" state=")[a-z]+(".*?<target>).*?(</target>)', re.S)
    assert pattern.search(xliff)
    return pattern.sub(lambda m: m.group(1) + state + m.group(2) + new_target + m.group(3), xliff, count=1)


def test_post_edited_xliff_merges_targets_and_approvals() -> None:
    result = load()
    xliff = _edit_target(render_xliff(result, glossary()), "p3", "Umwandiko <mrk id=\"x1\" type=\"term\">mushya</mrk>"
                         " &amp; <ph id=\"1\"/>ukosoye")
    back = read_xliff(xliff, "edited.xlf")
    edited = back.paragraphs[2]
    assert edited.target == "Umwandiko mushya & ukosoye" and edited.edited and edited.approved
    assert edited.terms == result.paragraphs[2].terms and edited.segments == result.paragraphs[2].segments
    untouched = [p for p in back.paragraphs if p.id != 3]
    assert untouched == [p for p in result.paragraphs if p.id != 3]
    assert back.signature == result.signature
    assert render(back, "text").split("\n\n")[2] == "Umwandiko mushya & ukosoye"


def test_statuses_follow_the_edits(tmp_path: Path) -> None:
    """An editor's text is checked again with the same matcher and checks: a term the editor wrote in counts, one
    the editor removed is missing, a number the editor dropped is flagged; and the result says so."""
    result = load()
    paragraph = next(p for p in result.paragraphs if any(t["entry"] == "place.russia" for t in p.terms))
    (russia,) = [t for t in paragraph.terms if t["entry"] == "place.russia"][:1]
    assert russia["status"] == "satisfied"
    edited_text = re.sub(r"[Uu]\s?[Bb]urusiya", "Amerika", paragraph.target) + " 999"
    xliff = _edit_target(render_xliff(result, glossary()), f"p{paragraph.id}", edited_text)
    path = tmp_path / "edited.xlf"
    path.write_text(xliff, encoding="utf-8")
    out = CliRunner().invoke(cli, ["review", str(path), "--format", "json", "--glossary", str(DATA / "glossary.tsv")])
    assert out.exit_code == 0, out.output
    back = Result.from_dict(json.loads(out.stdout))
    again = next(p for p in back.paragraphs if p.id == paragraph.id)
    assert again.checked == "editor" and again.edited
    assert [t["status"] for t in again.terms if t["entry"] == "place.russia"][0] == "missing"
    untouched = [p for p in back.paragraphs if p.id != paragraph.id]
    assert all(p.checked == "machine" for p in untouched)
    assert [p.terms for p in untouched] == [p.terms for p in result.paragraphs if p.id != paragraph.id]


def test_unit_without_target_keeps_the_exported_translation() -> None:
    xliff = re.sub(r'(<unit id="p2".*?)<target>.*?</target>', r"\1", render_xliff(load(), None), count=1, flags=re.S)
    back = read_xliff(xliff, "a.xlf")
    assert back.paragraphs[1].target == load().paragraphs[1].target and not back.paragraphs[1].edited


def test_unknown_duplicate_and_missing_units_are_reported() -> None:
    xliff = render_xliff(load(), None)
    renamed = xliff.replace('<unit id="p4"', '<unit id="extra7"', 1)
    with pytest.raises(InputError, match=r"a\.xlf: unknown units: extra7; missing units: p4"):
        read_xliff(renamed, "a.xlf")
    unit = re.search(r'\s*<unit id="p2".*?</unit>', xliff, re.S).group()
    with pytest.raises(InputError, match="duplicate units: p2"):
        read_xliff(xliff.replace(unit, unit + unit), "a.xlf")
    with pytest.raises(InputError, match="missing units: p2"):
        read_xliff(xliff.replace(unit, ""), "a.xlf")


@pytest.mark.parametrize("text, message", [
    ('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY e "boom">]>\n<xliff version="2.1">&e;</xliff>', "DOCTYPE"),
    ('<!DOCTYPE xliff SYSTEM "http://example.org/x.dtd"><xliff version="2.1"/>', "DOCTYPE"),
    ('<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0">\n<file id="f1">\n<unit>',
     r"b\.xlf:3:7: not well-formed"),
    ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>', "not an XLIFF 2 file"),
    ('<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en"><file id="f1">'
     '<unit id="u1"><segment><source>x</source></segment></unit></file></xliff>', "not an Inkuru XLIFF export"),
])
def test_bad_xliff_is_refused_with_the_file_name(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        read_xliff(text, "b.xlf")
    assert str(info.value).startswith("b.xlf")


def test_xliff_marks_terms_and_lists_glossary_entries() -> None:
    xliff = render_xliff(load(), glossary())
    unit = re.search(r'<unit id="p1".*?</unit>', xliff, re.S).group()
    assert '<mrk id="m1" type="term">White House</mrk>' in unit
    assert '<gls:glossEntry id="g3" ref="#m3">' in unit
    assert '<gls:translation source="inkuru glossary">Uburusiya' in unit
    assert 'state="translated"' in unit


# --- escaping ------------------------------------------------------------------------------------------------------


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_hostile_article_is_only_text_in_the_page() -> None:
    page = render_html(hostile_result(), hostile_glossary())
    parser = _Elements()
    parser.feed(page)
    tags = [tag for tag, _ in parser.tags]
    assert tags.count("script") == 3 and {"img", "svg", "a", "iframe"}.isdisjoint(tags)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert [s.get("type") for s in scripts] == ["application/json", "application/json", None]
    for _, attrs in parser.tags:
        assert not [a for a in attrs if a.startswith("on")], attrs
        assert not any((v or "").strip().lower().startswith("javascript:") for k, v in attrs.items() if k == "href")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    json_blocks = re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', page, re.S)
    assert len(json_blocks) == 2 and all("<" not in block for block in json_blocks)
    assert json.loads(json_blocks[0])["paragraphs"][0]["source"].startswith("<script>alert(1)</script>")
    assert json.loads(json_blocks[1])["place.russia"]["note"].startswith("<img src=z")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy and "unsafe-inline" not in policy


def test_page_has_no_network_references() -> None:
    page = render_html(load(), glossary())
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page


def test_markdown_escapes_markup() -> None:
    text = render(hostile_result(), "markdown")
    assert not re.search(r"(?<!\\)[<\[]", text), "an unescaped < or [ could start HTML or a link"
    assert r"\<script\>alert(1)\</script\>" in text


def test_tsv_cells_escape_structure_and_formulas() -> None:
    assert tsv_cell("a\tb\nc\\d") == "a\\tb\\nc\\\\d"
    assert tsv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and tsv_cell("+1") == "'+1" and tsv_cell("@x") == "'@x"
    assert tsv_cell("- a list item") == "- a list item" and tsv_cell("-cmd") == "'-cmd"


def test_terminal_shows_markup_and_escape_sequences_as_text() -> None:
    result = load()
    result.paragraphs[0].source = "[bold red]not markup[/] \x1b[2J\x07 end"
    plain = render_terminal(result, color=False, width=160)
    assert "[bold red]not markup[/]" in plain and "\x1b" not in plain and "\x07" not in plain
    colored = render_terminal(load(), color=True, width=160)
    assert "\x1b[" in colored and "Uburusiya" in colored


# --- the term view --------------------------------------------------------------------------------------------------


def _paragraph(source: str, target: str, terms: list[dict]) -> ParagraphResult:
    return ParagraphResult(1, source, target, "en", "translated", terms)


def test_terms_without_or_with_stale_spans_are_located() -> None:
    paragraph = _paragraph("Drones and more drones.", "Drones n'izindi drones.", [
        {"entry": "term.drone", "source_surface": "drones", "target_surface": "drones", "status": "satisfied"},
        {"entry": "term.drone", "source_surface": "Drones", "target_surface": "Drones", "status": "satisfied",
         "source_span": [3, 9], "target_span": [0, 6]},
        {"entry": "x", "source_surface": "absent", "status": "bogus"},
        "not a term",
    ])
    terms = paragraph_terms(paragraph)
    assert [(t.source_span, t.target_span) for t in terms] == [((0, 6), (16, 22)), ((16, 22), (0, 6)), (None, None)]
    assert terms[2].status == "warning"


def test_pieces_keep_all_text_and_skip_overlaps() -> None:
    text = "abcdefgh"
    parts = pieces(text, [((2, 4), "x"), ((3, 6), "y"), ((6, 8), "z")])
    assert "".join(p for p, _ in parts) == text and [m for _, m in parts] == [None, "x", None, "z"]


def test_term_counts() -> None:
    assert term_counts(load()) == {"satisfied": 61, "missing": 9, "forbidden": 1, "warning": 2}


def test_html_header_rows_and_terms() -> None:
    result = load()
    page = render_html(result, glossary())
    assert page.count('<article class="row"') == len(result.paragraphs)
    assert result.signature.format() in page and "iran-drones-en.txt" in page and "glossary:cb05e468" in page
    assert '<li class="c-terms-missing nonzero"><b>9</b> terms missing</li>' in page
    assert 'data-problem="1"' in re.search(r'<article[^>]*id="p3"[^>]*>', page).group()
    assert "already in Kinyarwanda: passed through unchanged" in page
    assert "repetition fixed by a retry" in page and "long sentence split" in page
    entries = json.loads(re.search(r'id="inkuru-entries">(.*?)</script>', page).group(1))
    assert entries["place.russia"]["preferred"] == "Uburusiya" and "term.no-such-entry" not in entries


# --- the command ----------------------------------------------------------------------------------------------------


def _review(args: list[str], **kwargs):  # noqa: ANN202
    return CliRunner().invoke(cli, ["review", *args], catch_exceptions=False, **kwargs)


def test_review_command_formats(tmp_path: Path) -> None:
    source = str(DATA / "drones.result.json")
    assert _review([source, "--format", "text"]).output == load().target_text
    assert json.loads(_review([source, "--format", "json"]).output) == load().to_dict()
    out = tmp_path / "page.html"
    assert _review([source, "-o", str(out), "--glossary", str(DATA / "glossary.tsv")]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    xlf = tmp_path / "a.xlf"
    assert _review([source, "--format", "xliff", "-o", str(xlf)]).exit_code == 0
    assert json.loads(_review([str(xlf), "--format", "json"]).output) == load().to_dict()
    assert _review([str(xlf), "--format", "tsv"]).output == render(load(), "tsv")
    assert "Uburusiya" in _review([source, "--format", "terminal"]).output


def test_text_format_writes_every_target_of_an_edited_result(tmp_path: Path) -> None:
    data = json.loads((DATA / "drones.result.json").read_text(encoding="utf-8"))
    data["paragraphs"][0].update(target="Umutwe mushya", edited=True, approved=False)
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    lines = _review([str(edited), "--format", "text"]).output.split("\n\n")
    assert lines[0] == "Umutwe mushya" and len(lines) == len(data["paragraphs"])


def test_review_errors_are_one_line_and_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "inkuru-result",\n  "paragraphs": [,]}', encoding="utf-8")
    result = _review([str(bad)])
    assert result.exit_code == 1 and result.output.strip() == f"Error: {bad}:2:18: not valid JSON (Expecting value)"
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    assert "other.json: not an Inkuru result" in _review([str(other)]).output
    doctype = tmp_path / "x.xlf"
    doctype.write_text('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', encoding="utf-8")
    assert f"Error: {doctype}: DOCTYPE" in _review([str(doctype)]).output
    shape = copy.deepcopy(json.loads((DATA / "drones.result.json").read_text(encoding="utf-8")))
    shape["paragraphs"][2]["action"] = "deleted"
    other.write_text(json.dumps(shape), encoding="utf-8")
    assert "other.json: paragraph 3: unknown action 'deleted'" in _review([str(other)]).output
    assert "no such file" in _review([str(tmp_path / "missing.json")]).output
    same = _review([str(other), "-o", str(other)])
    assert same.exit_code == 2 and "would overwrite the input" in same.output


def test_review_command_does_not_import_the_model_stack(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom translate.cli import cli\n"
        f"try:\n    cli.main(['review', {str(DATA / 'drones.result.json')!r}, '--format', 'html', '-o', "
        f"{str(tmp_path / 'p.html')!r}], prog_name='inkuru')\nexcept SystemExit as exit:\n    assert not exit.code\n"
        "print(','.join(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "" and (tmp_path / "p.html").is_file()


def test_parse_result_sniffs_xliff_from_content() -> None:
    text = render_xliff(load(), None)
    assert parse_result(text, "export.txt").to_dict() == load().to_dict()
