"""CSV and TBX import/export: lossless round trips, safe XML parsing, conflict reporting."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from translate.errors import GlossaryError
from translate.glossary import format_tsv, load_glossaries, read_tsv
from translate.glossary.interchange import (
    detect_format, export_csv, export_tbx, import_csv, import_tbx, merge,
)

DATA = Path(__file__).parent / "glossary_data"


@pytest.fixture(scope="module")
def shipped():
    return load_glossaries(None)


def test_tsv_tbx_tsv_round_trip_is_lossless(shipped):
    tbx = export_tbx(shipped.entries)
    assert tbx.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic"')
    assert 'xmlns="urn:iso:std:iso:30042:ed-2"' in tbx
    back = import_tbx(tbx, "round.tbx")
    assert format_tsv(back) == format_tsv(shipped.entries)
    _assert_senses_and_lookalikes_kept(shipped.entries, back)


def test_tsv_csv_tsv_round_trip_is_lossless(shipped):
    back = import_csv(export_csv(shipped.entries), "round.csv")
    assert format_tsv(back) == format_tsv(shipped.entries)
    _assert_senses_and_lookalikes_kept(shipped.entries, back)


def _assert_senses_and_lookalikes_kept(before, after):
    """The matcher's look-alike exclusions and sense cues ('!word' included) survive the round trip."""
    kept = {e.id: (e.rw_lookalike, e.rw_context) for e in after}
    having = [e for e in before if e.rw_lookalike or e.rw_context]
    assert sum(bool(e.rw_lookalike) for e in having) >= 10 and sum(bool(e.rw_context) for e in having) >= 10
    assert any(cue.startswith("!") for e in having for cue in e.rw_context)
    assert all(kept[e.id] == (e.rw_lookalike, e.rw_context) for e in having)


def test_tbx_uses_tbx_basic_categories(shipped):
    tbx = export_tbx([shipped.get("place.rwanda")])
    assert '<conceptEntry id="place.rwanda">' in tbx
    assert '<descrip type="subjectField">place</descrip>' in tbx
    assert "<term>u Rwanda</term>" in tbx and "preferredTerm-admn-sts" in tbx
    assert "<term>Urwanda</term>" in tbx and "deprecatedTerm-admn-sts" in tbx
    assert '<admin type="source">' in tbx
    assert "<note>inkuru:rw_class=11</note>" in tbx


def test_entity_bomb_is_refused_quickly():
    started = time.perf_counter()
    with pytest.raises(GlossaryError, match="refusing TBX with a DOCTYPE"):
        import_tbx((DATA / "bomb.tbx").read_text(encoding="utf-8"), "bomb.tbx")
    assert time.perf_counter() - started < 1.0


def test_external_entity_is_refused():
    xml = ('<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           "<tbx><text><body/></text></tbx>")
    with pytest.raises(GlossaryError, match="DOCTYPE"):
        import_tbx(xml, "ext.tbx")


def test_malformed_xml_names_the_line():
    with pytest.raises(GlossaryError, match=r"^bad\.tbx:3: not well-formed XML"):
        import_tbx("<tbx>\n<text>\n<body></text></tbx>", "bad.tbx")


def test_not_a_tbx_root_element():
    with pytest.raises(GlossaryError, match="not a TBX file"):
        import_tbx("<html/>", "page.xml")


def test_invalid_concept_reports_its_line():
    xml = ('<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n\n'
           '<conceptEntry id="t.x"><note>inkuru:rw_class=17</note>'
           '<langSec xml:lang="en"><termSec><term>x</term></termSec></langSec>'
           '<langSec xml:lang="rw"><termSec><term>x</term></termSec></langSec></conceptEntry>'
           "</body></text></tbx>")
    with pytest.raises(GlossaryError, match=r"^c\.tbx:3: column 'rw_class': unknown noun class '17'"):
        import_tbx(xml, "c.tbx")


def test_foreign_tbx_maps_statuses_and_languages():
    entries = import_tbx((DATA / "external.tbx").read_text(encoding="utf-8"), "external.tbx")
    tank = next(e for e in entries if e.id == "term.tank")
    assert tank.en == ("tank",)
    assert tank.rw == ("igifaru", "ikimodoka cy'intambara")  # preferred first, whatever the order in the file
    assert tank.rw_forbidden == ("tanki",)
    assert tank.note == "armoured vehicle"
    assert tank.source == "imported from external.tbx"
    assert tank.status == "proposed"  # nothing says it was approved


def test_merge_reports_conflicts_instead_of_overwriting():
    existing = read_tsv(DATA / "mini.tsv")
    incoming = import_tbx((DATA / "external.tbx").read_text(encoding="utf-8"), "external.tbx")
    result = merge(existing, incoming)
    assert [e.id for e in result.added] == ["term.tank"]
    assert len(result.conflicts) == 1
    assert "place.russia: differs from" in result.conflicts[0] and "not imported" in result.conflicts[0]
    again = merge(existing, existing)
    assert (again.added, again.conflicts, len(again.unchanged)) == ([], [], len(existing))


def test_merge_ignores_whitespace_a_tbx_round_trip_collapses():
    # A source quoting a page with a doubled space came back from TBX with one; that is not a conflict.
    entry = replace(read_tsv(DATA / "mini.tsv")[0], source="example.org (mu ntara ya  Kivu)")
    back = import_tbx(export_tbx([entry]), "round.tbx")
    assert back[0].source == "example.org (mu ntara ya Kivu)"
    result = merge([entry], back)
    assert (result.conflicts, len(result.unchanged)) == ([], 1)


def test_merge_flags_an_english_term_already_used_by_another_id():
    existing = read_tsv(DATA / "mini.tsv")
    csv_text = "id,type,status,en,rw,rw_class\nterm.radar-2,term,proposed,Radar,radari,9a\n"
    result = merge(existing, import_csv(csv_text, "new.csv"))
    assert result.added == []
    assert "English term 'Radar' is already in term.radar" in result.conflicts[0]


@pytest.mark.parametrize(("text", "message"), [
    ("id,type,status,en\n", "new.csv:1: missing column(s): rw"),
    ("id,type,status,en,rw,colour\n", "new.csv:1: unknown column 'colour'"),
    ("id,type,status,en,rw,rw_class\nterm.a,term,proposed,a,b,9a\nterm.b,term,proposed,c,d,17\n",
     "new.csv:3: column 'rw_class': unknown noun class '17'"),
    ("id,type,status,en,rw\nterm.a,term,proposed,a\n", "new.csv:2: expected 5 comma-separated fields, found 4"),
    ("", "new.csv:1: empty file"),
])
def test_bad_csv(text, message):
    with pytest.raises(GlossaryError) as info:
        import_csv(text, "new.csv")
    assert message in str(info.value)


def test_detect_format():
    assert detect_format("x.csv", None) == "csv"
    assert detect_format("x.TBX", None) == "tbx"
    assert detect_format("x.xml", None) == "tbx"
    assert detect_format("x.dat", "csv") == "csv"
    with pytest.raises(GlossaryError, match="--format"):
        detect_format("x.dat", None)
