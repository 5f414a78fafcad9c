"""TSV format, validation messages, loading several files, signature, surface forms."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translate
from translate.errors import GlossaryError
from translate.glossary import (
    COLUMNS, Entry, find_terms, format_tsv, load_glossaries, parse_tsv, shipped_glossary_dir, target_surface_forms,
)
from translate.glossary import entries as entries_module
from translate.glossary.kinyarwanda import cached_home_bodies
from translate.glossary.textnorm import fold

DATA = Path(__file__).parent / "glossary_data"
HEADER = "\t".join(COLUMNS)


def row(**cells: str) -> str:
    base = {"id": "term.radar", "type": "term", "status": "approved", "en": "radar", "rw": "radar",
            "verbatim": "no", "rw_class": "9a", "source": "test"}
    base.update(cells)
    return "\t".join(base.get(c, "") for c in COLUMNS)


def test_shipped_files_are_canonical_and_load():
    for path in sorted(shipped_glossary_dir().glob("*.tsv")):
        text = path.read_text(encoding="utf-8")
        assert format_tsv(parse_tsv(text, str(path))) == text, f"{path} is not sorted/canonical"
    glossary = load_glossaries(None)
    assert len(glossary) >= 100
    assert {p.name for p in glossary.sources} == {"names.tsv", "defense.tsv"}
    assert glossary.get("place.russia").rw[0] == "Uburusiya"
    assert glossary.get("nope") is None


def test_seed_story_entities_are_shipped():
    glossary = load_glossaries(None)
    wanted = ["White House", "National Security Council", "John Kirby", "Alabuga Special Economic Zone",
              "Tatarstan", "Caspian Sea", "Kyiv", "Russia", "Iran", "Ukraine", "United States", "Reuters", "drone",
              "UAV", "one-way attack drone", "helicopter", "radar", "missile", "air defense", "sanctions", "military",
              "defense cooperation", "drone manufacturing facility", "factory", "satellite images", "invasion",
              "spokesman", "statement", "armed forces", "troops", "weapons", "ceasefire", "peacekeepers",
              "Kenya", "Uganda", "Tanzania", "Burundi", "Rwanda", "South Sudan", "Somalia", "DR Congo", "Kigali",
              "Nairobi", "Kampala", "Dodoma", "Gitega", "Juba", "Kinshasa", "Mogadishu", "North Kivu", "South Kivu",
              "Ituri", "Moscow", "Tehran", "Washington", "United Nations", "African Union", "NATO", "European Union", "East African Community"]
    for term in wanted:
        assert [m.entry for m in find_terms(term, "en", glossary)], term


def test_bom_and_crlf_are_accepted_and_do_not_change_the_signature(tmp_path):
    plain = (DATA / "mini.tsv").read_text(encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "g.tsv").write_text(plain, encoding="utf-8")
    (tmp_path / "b" / "g.tsv").write_bytes(b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode("utf-8"))
    a, b = load_glossaries([tmp_path / "a"]), load_glossaries([tmp_path / "b" / "g.tsv"])
    assert a.entries == b.entries
    assert a.signature == b.signature
    assert a.signature.startswith("glossary:") and len(a.signature) == len("glossary:") + 8


def test_signature_ignores_row_order_but_not_content(tmp_path):
    lines = (DATA / "mini.tsv").read_text(encoding="utf-8").splitlines()
    shuffled = tmp_path / "shuffled.tsv"
    shuffled.write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n", encoding="utf-8")
    assert load_glossaries([shuffled]).signature == load_glossaries([DATA / "mini.tsv"]).signature
    changed = tmp_path / "changed.tsv"
    changed.write_text("\n".join(lines).replace("loan word", "loan") + "\n", encoding="utf-8")
    assert load_glossaries([changed]).signature != load_glossaries([DATA / "mini.tsv"]).signature


BAD = [
    (f"{HEADER}\n{row()}\tx\n", "g.tsv:2: expected 14 tab-separated fields, found 15"),
    (f"{HEADER}\n{row(rw_class='17')}\n", "g.tsv:2: column 'rw_class': unknown noun class '17'"),
    (f"{HEADER}\n{row()}\n{row()}\n", "g.tsv:3: column 'id': duplicate id 'term.radar' (first defined on line 2)"),
    (f"{HEADER}\n{row(type='weapon')}\n", "g.tsv:2: column 'type': unknown type 'weapon'"),
    (f"{HEADER}\n{row(status='maybe')}\n", "g.tsv:2: column 'status': unknown status 'maybe'"),
    (f"{HEADER}\n{row(en='')}\n", "g.tsv:2: column 'en': required field is empty"),
    (f"{HEADER}\n{row(id='Term Radar')}\n", "g.tsv:2: column 'id': 'Term Radar' is not a valid id"),
    (f"{HEADER}\n{row(verbatim='maybe')}\n", "g.tsv:2: column 'verbatim': 'maybe' must be 'yes' or 'no'"),
    (f"{HEADER}\n{row(rw='radar||radari')}\n", "g.tsv:2: column 'rw': empty value"),
    (f"{HEADER}\n{row(rw='radar|radar')}\n", "g.tsv:2: column 'rw': 'radar' is listed twice"),
    (f"{HEADER}\n{row(rw='Ukraine', rw_class='14')}\n", "column 'rw_class': rendering 'Ukraine' is not spelt like"),
    (f"{HEADER}\n{row(rw='uruganda', rw_class='11/10')}\n", "column 'rw_class': partner class 10 given but"),
    (f"{HEADER}\n{row(rw='uruganda', rw_class='11', rw_partner='inganda')}\n", "give its class too"),
    (f"{HEADER}\n{row(rw='uruganda', rw_class='11/7', rw_partner='inganda')}\n", "partner 'inganda' is not spelt"),
    (f"{HEADER}\tcolour\n", "g.tsv:1: unknown column 'colour'"),
    ("id\ttype\tstatus\ten\n", "g.tsv:1: the header lacks required column(s): rw"),
    ("", "g.tsv:1: empty file"),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=[m for _, m in BAD])
def test_bad_input_names_file_line_and_column(tmp_path, text, message):
    path = tmp_path / "g.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_glossaries([path])
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))


def test_invalid_utf8_is_a_glossary_error_with_line(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_bytes(f"{HEADER}\n".encode() + row(note="caf\xe9").encode("latin-1") + b"\n")
    with pytest.raises(GlossaryError, match=r"g\.tsv:2: not valid UTF-8"):
        load_glossaries([path])


def test_duplicate_ids_across_files_name_both_files(tmp_path):
    shutil.copy(DATA / "mini.tsv", tmp_path / "a.tsv")
    shutil.copy(DATA / "mini.tsv", tmp_path / "b.tsv")
    with pytest.raises(GlossaryError) as info:
        load_glossaries([tmp_path])
    assert "b.tsv:2: column 'id': duplicate id 'place.russia'" in str(info.value)
    assert "a.tsv:2" in str(info.value)


def test_folder_loads_only_tsv_sorted_and_missing_paths_fail(tmp_path):
    shutil.copy(DATA / "mini.tsv", tmp_path / "b.tsv")
    (tmp_path / "a.tsv").write_text(f"{HEADER}\n{row(id='term.other', en='other', rw='ikindi', rw_class='7')}\n",
                                    encoding="utf-8")
    (tmp_path / "README.md").write_text("# not a glossary\n", encoding="utf-8")
    glossary = load_glossaries([tmp_path])
    assert [p.name for p in glossary.sources] == ["a.tsv", "b.tsv"]
    assert len(glossary) == 5
    with pytest.raises(GlossaryError, match="no such glossary file or folder"):
        load_glossaries([tmp_path / "missing.tsv"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(GlossaryError, match=r"no glossary \(\*\.tsv\) files"):
        load_glossaries([tmp_path / "empty"])


def test_shipped_dir_prefers_the_installed_copy(tmp_path, monkeypatch):
    assert shipped_glossary_dir() == Path(translate.__file__).resolve().parent.parent / "glossaries"
    package = tmp_path / "translate"
    (package / "_glossaries").mkdir(parents=True)
    monkeypatch.setattr(entries_module.translate, "__file__", str(package / "__init__.py"))
    assert entries_module.shipped_glossary_dir() == package / "_glossaries"


def test_target_surface_forms_most_preferred_first():
    glossary = load_glossaries(None)
    russia = target_surface_forms(glossary.get("place.russia"), "rw")
    assert russia[:4] == ["Uburusiya", "u Burusiya", "Burusiya", "y'Uburusiya"]
    assert "n'u Burusiya" in russia
    rwanda = target_surface_forms(glossary.get("place.rwanda"), "rw")
    assert rwanda[:3] == ["u Rwanda", "Rwanda", "y'u Rwanda"]
    assert not any("Urwanda" in f for f in rwanda)  # forbidden spelling is never offered
    assert target_surface_forms(glossary.get("term.drone"), "en")[:4] == ["drone", "drones", "UAV", "UAVs"]
    assert target_surface_forms(glossary.get("term.factory"), "rw")[:3] == ["uruganda", "ruganda", "y'uruganda"]
    assert "inganda" in target_surface_forms(glossary.get("term.factory"), "rw")
    assert "one way attack drone" in target_surface_forms(glossary.get("term.one-way-attack-drone"), "en")
    with pytest.raises(GlossaryError, match="unknown language 'fr'"):
        target_surface_forms(glossary.get("term.drone"), "fr")  # type: ignore[arg-type]


def test_every_surface_form_of_every_shipped_entry_is_found_by_the_matcher():
    """target_surface_forms (the forms term placement may use) and find_terms (used to verify) must agree. A
    rendering with another sense and no cue beside it is found as `ambiguous`, which a translation counts, and one
    a home body shares with a term is found as either, which answer for each other in a translation."""
    glossary = load_glossaries(None)
    # a term's rendering a home body shares, alone, is the body's: the term's where another country follows
    shared = {(home.term, text) for home in cached_home_bodies(glossary).values() for text in home.shared}
    missed = []
    for entry in glossary:
        for lang in ("en", "rw"):
            for form in target_surface_forms(entry, lang):
                # An augmentless form ("Burusiya") only counts after a locative, so also try it after "mu".
                contexts = (form, f"mu {form}", *((f"{form} ya Kenya",) if (entry.id, fold(form)) in shared else ()))
                if not any(entry.id in [m.entry for m in find_terms(c, lang, glossary)
                                        if m.kind in ("term", "ambiguous")]
                           for c in contexts):
                    missed.append((entry.id, lang, form))
    assert missed == []


def test_entry_is_frozen_and_verbatim_is_exposed():
    glossary = load_glossaries(None)
    entry = glossary.get("org.white-house")
    assert entry.verbatim is True and glossary.get("place.russia").verbatim is False
    with pytest.raises(AttributeError):
        entry.id = "x"  # type: ignore[misc]


_cell = st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Nd"), max_codepoint=0x24F),
                min_size=1, max_size=8)


@st.composite
def entries(draw):
    count = draw(st.integers(min_value=1, max_value=6))
    ids = draw(st.lists(st.from_regex(r"[a-z]{1,6}\.[a-z0-9]{1,6}", fullmatch=True), min_size=count,
                        max_size=count, unique=True))
    out = []
    for entry_id in ids:
        en = tuple(draw(st.lists(_cell, min_size=1, max_size=3, unique=True)))
        out.append(Entry(entry_id, draw(st.sampled_from(["person", "place", "organisation", "term"])),
                         draw(st.sampled_from(["approved", "proposed"])), en,
                         tuple(draw(st.lists(_cell, min_size=1, max_size=3, unique=True))),
                         verbatim=draw(st.booleans()), rw_class="9a",
                         note=draw(st.text(alphabet="abc xyz,;'\"", max_size=12)).strip(),
                         source=draw(_cell)))
    return out


@settings(max_examples=60, deadline=None)
@given(entries())
def test_tsv_round_trip_is_lossless(generated):
    text = format_tsv(generated)
    back = parse_tsv(text, "gen.tsv")
    assert [e.to_row() for e in back] == [e.to_row() for e in sorted(generated, key=lambda e: e.id)]
    assert format_tsv(back) == text


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(list("aeiou bdgkmnrstwyzU'’`-.,\n\u0301") + ["Uburusiya", "mu ", "drone",
                                                                                 "Ukraine", "ingabo", "z'"]),
                max_size=40).map("".join))
def test_matches_are_well_formed_on_arbitrary_text(text):
    glossary = _SHIPPED
    for lang in ("en", "rw"):
        found = find_terms(text, lang, glossary)
        assert all(0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.surface for m in found)
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))


_SHIPPED = load_glossaries(None)
