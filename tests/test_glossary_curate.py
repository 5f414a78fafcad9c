"""lint, suggest, stats and search."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from translate.glossary import COLUMNS, find_terms, load_glossaries
from translate.glossary.curate import about, lint, lint_change, lint_paths, search, stats, suggest
from translate.errors import GlossaryError
from translate.glossary.entries import entry_from_row

HEADER = "\t".join(COLUMNS)


def make(entry_id: str, **cells: str):
    base = {"id": entry_id, "type": "term", "status": "approved", "en": entry_id.split(".")[-1],
            "rw": entry_id.split(".")[-1], "rw_class": "9a", "source": "test"}
    base.update(cells)
    return entry_from_row(base, "t.tsv", 2)


def messages(entries, severity="error"):
    return [i.message for i in lint(entries) if i.severity == severity]


def test_shipped_glossaries_pass_lint():
    issues = lint_paths(None)
    assert [str(i) for i in issues if i.severity == "error"] == []


def test_lint_duplicate_ids_across_files(tmp_path: Path):
    line = "\t".join({"id": "term.x", "type": "term", "status": "approved", "en": "x", "rw": "x",
                      "rw_class": "9a", "source": "s"}.get(c, "") for c in COLUMNS)
    for name in ("a.tsv", "b.tsv"):
        (tmp_path / name).write_text(f"{HEADER}\n{line}\n", encoding="utf-8")
    issues = lint_paths([tmp_path])
    assert any("duplicate id (also at" in i.message and i.where.endswith("b.tsv:2") for i in issues)


def test_lint_reports_unparsable_file_as_error(tmp_path: Path):
    (tmp_path / "bad.tsv").write_text(f"{HEADER}\nonly\tthree\tfields\n", encoding="utf-8")
    issues = lint_paths([tmp_path])
    assert [(i.severity, i.where) for i in issues] == [("error", f"{tmp_path / 'bad.tsv'}:2")]


def test_lint_duplicate_entry():
    found = messages([make("term.a", en="radar", rw="radar"), make("term.b", en="radar", rw="radar")])
    assert any("duplicate of term.a" in m for m in found)


def test_lint_english_term_with_two_preferred_renderings():
    found = messages([make("term.a", en="tank", rw="igifaru", rw_class="7"),
                      make("term.b", en="tank|armoured car", rw="tanki")])
    assert any("English term 'tank' has two preferred renderings: 'igifaru' (term.a) and 'tanki' (term.b)" in m
               for m in found)


def test_lint_variant_shared_by_two_entries():
    found = messages([make("term.troops", en="troops", rw="ingabo", rw_class="10"),
                      make("term.army", en="army", rw="igisirikare|ingabo", rw_class="7")])
    assert any("Kinyarwanda variant 'ingabo' is shared with term.troops" in m for m in found)


def test_lint_lets_a_place_share_a_one_word_name_with_a_term():
    # a homograph: the matcher reads the town where a place stands (i Komanda) and the title elsewhere
    town = make("place.komanda", type="place", en="Komanda", rw="Komanda", verbatim="yes")
    title = make("term.commander", en="commander", rw="umugaba|Komanda", rw_class="1")
    assert messages([town, title]) == []
    # two terms, or two places, or a place and a person (the same connectives introduce both) still may not
    person = make("person.komanda", type="person", en="Komanda", rw="Komanda", rw_class="1a", verbatim="yes")
    assert any("shared with" in m for m in messages([town, person]))
    assert any("shared with" in m for m in messages([title, make("term.chief", en="chief", rw="Komanda")]))
    assert any("shared with" in m for m in messages([town, make("place.other", type="place", en="Other",
                                                                rw="Komanda", verbatim="yes")]))


def test_lint_lets_a_home_body_share_a_terms_rendering():
    # Minisiteri y'Ingabo is Rwanda's ministry, and with another country after it a defence ministry: the body reads
    # the place after it (!>@place) and the term takes those matches
    term = make("term.defence-ministry", en="defence ministry", rw="Minisiteri y'Ingabo", rw_class="9a")
    body = make("org.minadef", type="organisation", en="MINADEF|Rwanda Ministry of Defence",
                rw="MINADEF|Minisiteri y'Ingabo", rw_class="9a", rw_context="!>@place")
    places = [make("place.kenya", type="place", en="Kenya", rw="Kenya", verbatim="yes"),
              make("place.rwanda", type="place", en="Rwanda", rw="u Rwanda|Rwanda", rw_class="9a")]
    assert messages([term, body, *places]) == []
    # without the cue nothing tells them apart; without a place in its English names it is no country's own
    plain = make("org.minadef", type="organisation", en="MINADEF|Rwanda Ministry of Defence",
                 rw="MINADEF|Minisiteri y'Ingabo", rw_class="9a")
    nowhere = make("org.minadef", type="organisation", en="MINADEF|Ministry of Defence",
                   rw="MINADEF|Minisiteri y'Ingabo", rw_class="9a", rw_context="!>@place")
    assert any("shared with" in m for m in messages([term, plain, *places]))
    assert any("shared with" in m for m in messages([term, nowhere, *places]))
    # nor a one-word rendering or an acronym (Ubushinjacyaha, CENI), which name too much to hand over
    office = make("term.prosecution", en="prosecution", rw="ubushinjacyaha", rw_class="14")
    nppa = make("org.nppa", type="organisation", en="NPPA|Rwanda National Public Prosecution Authority",
                rw="NPPA|Ubushinjacyaha", rw_class="9a", rw_context="!>@place")
    assert any("shared with" in m for m in messages([office, nppa, *places]))


def test_lint_variant_shadowed_by_another_entry():
    # "ingabo za Loni" is read as 'ingabo' + 'Loni' only if both exist and nothing covers the whole phrase;
    # here the peacekeeping entry's own English variant is swallowed by a longer entry.
    found = messages([make("term.peace", en="peace|peace talks", rw="amahoro", rw_class="6"),
                      make("term.talks", en="peace talks|negotiations", rw="ibiganiro", rw_class="8")])
    assert any("en variant 'peace talks' is not matched as this entry" in m for m in found)


def test_lint_change_says_what_lint_says_about_the_changed_entry():
    # a slice of the shipped glossary, with the clashes an editor's change can bring: a partner two entries share, a
    # rendering that holds another entry's name, an English term two entries give, a surname or a word listed alone
    shipped = {e.id: e for e in load_glossaries(None)}
    changes = {"term.foreign-minister": {"rw_partner": ("Abaminisitiri", "Abaministri")},
               "term.minister": {"rw_partner": ("Abaminisitiri", "Abaministri")},
               "place.kigali": {"rw": ("Kigali", "Umujyi wa Kigali")},
               "term.soldier": {"en": ("soldier", "troops")},
               "person.winnie-byanyima": {"rw": ("Winnie Byanyima", "Byanyima")},
               "org.sky-news": {"rw": ("Sky News", "Sky")},
               # a place edited into another type, which two offices' '@place' cues name
               "place.united-states": {"type": "organisation"}}
    also = ("place.rwanda", "term.president", "term.minister-of-state", "term.secretary-of-state")
    entries = [dataclasses.replace(e, **changes.get(e.id, {})) for k, e in enumerate(shipped.values())
               if k % 6 == 0 or e.id in changes or e.id in also]
    issues = lint(entries)
    for changed in (*changes, *also):
        assert lint_change(entries, changed) == [i for i in issues if about(i, changed)]
    # the partner two entries share is found from the entry that hides the other's; the cues from the place
    assert any("term.foreign-minister" in i.message for i in lint_change(entries, "term.minister"))
    assert len(lint_change(entries, "place.united-states")) == 2


def test_lint_missing_fields_and_sources():
    entries = [make("term.a", rw_class=""), make("term.b", source=""),
               make("term.c", status="proposed", source="", note=""),
               make("term.d", rw="ikintu|ikindi", rw_forbidden="ikindi", rw_class="7")]
    errors, warnings = messages(entries), messages(entries, "warning")
    assert any("term.a: missing required field 'rw_class'" in m for m in errors)
    assert any("term.b: missing required field 'source'" in m for m in errors)
    assert any("term.c: proposed entry without a source" in m for m in warnings)
    assert any("term.c: proposed entry without a note" in m for m in warnings)
    assert any("'ikindi' is both accepted and forbidden" in m for m in errors)


def test_lint_a_named_place_cue_must_name_another_place():
    entries = [make("place.kenya", type="place", rw="Kenya"),
               make("term.a", rw="umunyamabanga", rw_context="!shinzwe|@place.kenya"),
               make("term.b", rw="intumwa", rw_context="!shinzwe|@place.nowhere"),
               make("term.c", rw="ibiganiro", rw_context="!shinzwe|@place.term-a"),
               make("term.e", rw="intara", rw_context="!@place.kenya"), make("term.f", rw="agace", rw_context="!@place.x"),
               make("place.g", type="place", rw="Gaza", rw_context="!@place.g"),
               make("term.h", rw="umubano", rw_context="!x|@place.kenya|!@place.kenya")]
    found = messages(entries)
    assert not any(m.startswith(("term.a:", "term.e:")) for m in found)
    for entry, cue in (("term.b", "@place.nowhere"), ("term.c", "@place.term-a"), ("term.f", "@place.x"),
                       ("place.g", "@place.g")):
        assert any(f"{entry}: cue '{cue}' names no other place" in m for m in found), entry
    assert any("term.h: cues '@place.kenya' and '!@place.kenya' contradict" in m for m in found)
    for bad in ("!shinzwe|@kenya", "!x|!@place", "!x|@place.", "!x|@place..kenya", "!x|na bo"):
        with pytest.raises(GlossaryError, match="is not a cue"):
            make("term.d", rw="ikintu", rw_context=bad)
    assert make("term.d", rw="ikintu", rw_context="!x|@place.st_helena").sense_cues.places_for == ("place.st_helena",)
    assert make("term.d", rw="ikintu", rw_context="!>ikipe|!x").sense_cues.next_against == ("ikipe",)
    assert make("term.d", rw="ikintu", rw_context="!>@body").sense_cues.body_after_against
    assert make("term.d", rw="ikintu", rw_context="!>@foreign").sense_cues.foreign_after_against
    assert not make("term.d", rw="ikintu", rw_context="!>@body").sense_cues.foreign_after_against
    assert make("term.d", rw="ikintu", rw_context="!>@place").sense_cues.other_place_after_against
    assert not make("term.d", rw="ikintu", rw_context="!>@foreign").sense_cues.other_place_after_against
    # a place the match is of or in decides for the sense, but asks for no support where none is named
    place_for = make("term.d", rw="ikintu", rw_context="!x|>@place").sense_cues
    assert place_for.place_after_for and not place_for.other_place_after_against
    assert not place_for.supported_by_something
    with pytest.raises(GlossaryError, match="is not a cue"):
        make("term.d", rw="ikintu", rw_context="!x|!>")
    assert make("term.d", rw="iperereza|ubutasi", rw_context="!x|?iperereza").sense_cues.only_in == ("iperereza",)
    with pytest.raises(GlossaryError, match="'[?]ubutasi' is no word of a rendering"):
        make("term.d", rw="iperereza", rw_context="!x|?ubutasi")
    # a supporting word right before the match; '<' anywhere else in a cue is no cue
    previous_for = make("term.d", rw="ikintu", rw_context="<kubera|!x").sense_cues
    assert previous_for.previous_for == ("kubera",) and previous_for.against == ("x",)
    assert not previous_for.supported_by_something
    for bad in ("!x|<", "!x|<kubera ku", "!x|a<b", "!x|<<", "!x|<nk'"):
        with pytest.raises(GlossaryError, match="is not a cue"):
            make("term.d", rw="ikintu", rw_context=bad)


def test_lint_verbatim_name_must_keep_its_spelling():
    warnings = messages([make("org.x", type="organisation", en="White Hall", rw="Inzu y'Umweru",
                              rw_class="9", verbatim="yes")], "warning")
    assert any("verbatim entry" in m for m in warnings)
    # a verbatim name is kept as written: a rendering that wraps it in other words would force them into English
    errors = messages([make("place.x", type="place", en="Rubavu", rw="Rubavu|Akarere ka Rubavu", rw_class="9a",
                            verbatim="yes")])
    assert any("wraps the name in other words (Akarere ka Rubavu)" in m for m in errors)
    assert not messages([make("place.x", type="place", en="Syria", rw="Syria|Siriya", rw_class="9a", verbatim="yes")])


ARTICLE = """Drone strikes hit Kramatorsk

KRAMATORSK, Nov 3 (Reuters) - Russia launched Shahed drones at Kramatorsk overnight, the Ukrainian Air Force said.
Governor Oleh Syniehubov said the drone strikes damaged a power station. The OSCE urged restraint.
Officials in Kramatorsk said drone strikes had intensified. The OSCE will send a team, the Ukrainian Air Force said.
"""


def test_suggest_finds_missing_names_acronyms_and_phrases():
    glossary = load_glossaries(None)
    candidates = suggest([("a.txt", ARTICLE)], glossary)
    by_text = {c.text: c for c in candidates}
    assert by_text["Kramatorsk"].count == 3 and by_text["Kramatorsk"].kind == "name"
    assert by_text["Oleh Syniehubov"].kind == "name"
    assert by_text["OSCE"].kind == "acronym" and by_text["OSCE"].count == 2
    assert by_text["Shahed"].kind == "name"
    assert not any("Air Force" in t for t in by_text)  # 'air force' is a glossary term
    assert "power station" not in by_text  # not in a defense context twice
    assert "Russia" not in by_text and "Reuters" not in by_text  # covered by the glossary
    assert "drone strikes" not in by_text  # 'drone' is a glossary term; overlapping spans are covered
    assert "Officials" not in by_text and "The" not in by_text and "Nov" not in by_text
    assert candidates == sorted(candidates, key=lambda c: (-c.score, -c.count, c.text))
    assert "[Kramatorsk]" in by_text["Kramatorsk"].contexts[0]


# A saved Kinyarwanda news page, as the CMS prints it: a menu, a byline with a date, an English date line, the
# article, a share bar, an English footer and a related-story link. Written by the team for this test.
RW_PAGE = """Ahabanza | Amakuru | Politiki | Imikino | Twandikire
Yanditswe na Jean Bosco Habimana | Ku wa Gatandatu 14 Kamena 2026
Sanday June 14, 2026
Perezida wa Kenya, William Ruto, yakiriye i Nairobi intumwa za Leta ya Tanzania n'iza Transnistria, baganira ku ngabo za SADC ziri mu Ntara ya Kivu y'Amajyaruguru.
Since August, abaturage barenga ibihumbi 30 bahungiye mu Karere ka Nyabihu no mu Murenge wa Cyangugu.
Minisitiri w'Ububanyi n'Amahanga wa Transnistria, Dr Lemogang Kwape, yavuze ko Umuryango wa Francophonie uzohereza intumwa i Podgorica.
Ihuriro AFC/M23 ryatangaje ko Corneille Nangaa azahura n'abahagarariye Qatar i Bratislava.
Share on Facebook | Share on WhatsApp | Tweet
© 2026 Inkuru Nshya Ltd. All rights reserved. Terms of Use. Privacy Policy.
Read more: Abasirikare ba Uganda bageze i Kabalo
"""


def test_suggest_on_a_kinyarwanda_page_proposes_the_names_it_lacks_not_the_page_around_them():
    by_text = {c.text: c for c in suggest([("page.txt", RW_PAGE)], load_glossaries(None), "rw")}
    for name in ("Transnistria", "Lemogang Kwape", "Podgorica", "Cyangugu", "Bratislava", "Kabalo"):
        assert name in by_text, (name, sorted(by_text))
    assert by_text["Transnistria"].count == 2  # once after n'iza, once inside "Minisitiri w'Ububanyi n'Amahanga wa …"
    for not_a_name in ("Sanday June", "Since August", "Gatandatu", "Kamena", "Ku", "Amakuru", "Imikino", "Karere",
                       "Murenge", "Umuryango", "Share", "Tweet", "Facebook", "Privacy Policy", "Terms of Use",
                       "Inkuru Nshya Ltd"):
        assert not any(not_a_name in text for text in by_text), (not_a_name, sorted(by_text))
    # Covered by the glossary: places, the government, organisations and acronyms it knows.
    assert not {"Kenya", "Nairobi", "Tanzania", "Qatar", "Uganda", "SADC", "Leta ya Tanzania", "William Ruto",
                "Francophonie", "Nyabihu", "Corneille Nangaa"} & set(by_text)


def test_suggest_leaves_dates_and_share_bars_out_of_an_english_page():
    page = ("Home | World | Africa | Contact\nSanday June 14, 2026\nSince August, Transnistria has hosted talks in "
            "Podgorica, Foreign Minister Lemogang Kwape said.\nShare on Facebook | Share on X | Email\n"
            "© 2026 The Daily Wire Ltd. All rights reserved.\n")
    by_text = {c.text for c in suggest([("page.txt", page)], load_glossaries(None), "en")}
    assert {"Transnistria", "Podgorica", "Lemogang Kwape"} <= by_text
    assert not {"Sanday June", "Since August", "Share", "Facebook", "Daily Wire Ltd", "Home"} & by_text


def test_suggest_keeps_rwandan_names_written_surname_first():
    text = ("Umunyamakuru Mukamana Diane yavuze ko Umuryango wa Rotary uzohereza intumwa. "
            "Mukamana Diane yongeyeho ko Ishimwe Eric azaza.")
    found = {c.text: c.count for c in suggest([("a.rw.txt", text)], load_glossaries(None), "rw")}
    assert found.get("Mukamana Diane") == 2 and "Ishimwe Eric" in found  # the title before a name goes
    assert "Rotary" in found and not any(t.startswith("Umuryango") for t in found)


def test_suggest_takes_a_month_after_a_locative_for_a_date():
    text = "Ibiganiro bizakomeza i Podgorica mu Kuboza. Mu Gushyingo no mu Kwakira, Podgorica yakiriye inama."
    by_text = {c.text for c in suggest([("a.rw.txt", text)], load_glossaries(None), "rw")}
    assert "Podgorica" in by_text and not {"Kuboza", "Gushyingo", "Kwakira"} & by_text


def test_suggest_leaves_languages_lone_heads_and_initials_out_and_keeps_particles():
    text = ("Radiyo itangaza mu Kirundi no mu Gifaransa, abanyeshuri biga Icyongereza muri Kaminuza y'u Rwanda. "
            "Umuvugizi wa RIB, Dr Murangira B. Thierry, yavuze. Amato anyura hafi ya Dar el-Beida yagabanutse. "
            "Nyakwigendera Jean Baptiste Mberabahizi yashyinguwe. Abadepite bavugiye mu Nteko. "
            "Ku wa Kabiri i Tobruk al-Mismari yavuze. Nyiricyubahiro Musenyeri Célestin Hakizimana yasomye misa.")
    by_text = {c.text for c in suggest([("a.rw.txt", text)], load_glossaries(None), "rw")}
    assert not {"Kirundi", "Gifaransa", "Icyongereza", "Kaminuza", "Nteko", "B", "Dar"} & by_text
    assert {"Dar el-Beida", "Jean Baptiste Mberabahizi", "Tobruk", "Célestin Hakizimana"} <= by_text, by_text


def test_suggest_leaves_compass_words_and_players_positions_out():
    text = ("Abanyafurika y'Epfo bamwe bigaragambije. Myugariro Ngabo Eric yahamagawe mu ikipe. "
            "Rutahizamu Didier Nshuti yatsinze igitego. Ni ikigugu muri Politiki. Yavuze ko Perezida wa Repubulika "
            "azitabira. Ingabo zirwanira ku Butaka zarahageze. Itike y'Igikombe cy'Isi. Urukiko rwa Rubanda "
            "rwaburanishije. Yatwaye miliyari 12 Frw.")
    by_text = {c.text for c in suggest([("a.rw.txt", text)], load_glossaries(None), "rw")}
    assert by_text == {"Ngabo Eric", "Didier Nshuti"}, by_text


def test_suggest_finds_a_name_before_a_title_or_a_party_the_glossary_knows():
    text = ("Perezida mushya yagize Moussa Diarrassouba Minisitiri w'Intebe. Thabo Nkosana wa EFF yamaganye Guverinoma. "
            "Igisirikare cyayobowe na Colonel Jean Rakotomalala cyafashe ubutegetsi.")
    by_text = {c.text for c in suggest([("a.rw.txt", text)], load_glossaries(None), "rw")}
    assert {"Moussa Diarrassouba", "Thabo Nkosana", "Jean Rakotomalala"} <= by_text, by_text
    assert not {t for t in by_text if "Minisitiri" in t or "Colonel" in t}, by_text


def test_suggest_keeps_a_name_that_holds_a_calendar_word():
    text = "Brian May met Harry Kane in Podgorica. Brian May said on June 14 that Harry Kane will play."
    by_text = {c.text for c in suggest([("a.txt", text)], load_glossaries(None), "en")}
    assert {"Brian May", "Harry Kane"} <= by_text and "June" not in " ".join(by_text)


def test_suggest_domain_phrases():
    text = ("The army deployed mortar units near the border. Mortar units fired again. "
            "Witnesses saw mortar units and fresh troops. The weather was fine.")
    candidates = suggest([("b.txt", text)], load_glossaries(None))
    phrases = [c.text for c in candidates if c.kind == "phrase"]
    assert "mortar units" in phrases
    assert "weather was fine" not in phrases


def test_stats_counts_and_coverage():
    glossary = load_glossaries(None)
    result = stats(glossary, [("a.txt", ARTICLE)])
    assert result.total == len(glossary)
    assert sum(n for counts in result.by_type_status.values() for n in counts.values()) == len(glossary)
    assert result.by_type_status["term"]["approved"] >= 30
    coverage = result.coverage
    assert coverage is not None and 0 < coverage.share < 1
    assert coverage.covered == sum(1 for m in find_terms(ARTICLE, "en", glossary) if m.kind == "term")
    assert stats(glossary).coverage is None


@pytest.mark.parametrize(("query", "expected"), [
    ("Kirby", "person.john-kirby"),
    ("Burusiya", "place.russia"),
    ("burusya", "place.russia"),
    ("Ukrain", "place.ukraine"),
    ("inganda", "term.factory"),
    ("term.drone", "term.drone"),
    ("peacekeeper", "term.peacekeepers"),
])
def test_search_is_fuzzy_in_both_languages(query, expected):
    results = search(load_glossaries(None), query)
    assert results and results[0][1].id == expected


def test_search_without_results():
    assert search(load_glossaries(None), "qqqqzzzz") == []


def test_suggest_proposes_a_kinyarwanda_institution_whole_with_its_acronym():
    text = ("Banki Nkuru ya Kenya yatangaje ko izamuka ry'ibiciro ryagabanutse. Ikigo Nyafurika gishinzwe "
            "Ubuhinzi (AATF) cyohereje imbuto muri Uganda. Ikigo cy'Abanyakenya Safaricom Holdings cyungutse. "
            "Umuryango wa Perezida Ndayishimiye wasuye Gitega. Minisiteri y'Ingabo y'u Burusiya yavuze ko "
            "Sosiyete Airtel Rwanda na Bank of Kigali bizatera inkunga Vipers SC n'Abkhaziya n'u Bufaransa.")
    candidates = {c.text: c for c in suggest([("a.rw.txt", text)], load_glossaries(None), "rw")}
    by_text = set(candidates)
    assert {"Banki Nkuru ya Kenya", "Ikigo Nyafurika gishinzwe Ubuhinzi (AATF)", "Safaricom Holdings",
            "Airtel Rwanda", "Bank of Kigali", "Vipers SC", "Abkhaziya"} <= by_text, sorted(by_text)
    assert candidates["Banki Nkuru ya Kenya"].kind == "organisation"
    # not the pieces of those names, nor a family, a description or what the glossary covers word for word
    assert not {"Nkuru", "AATF", "Kigali", "Rwanda", "FC", "Sosiyete Airtel Rwanda", "Abkhaziya n'u Bufaransa"} & by_text
    assert not any(t.startswith(("Umuryango", "Ikigo cy", "Minisiteri")) for t in by_text), sorted(by_text)


def test_suggest_parts_a_person_from_the_party_after_him():
    text = "Jean Mukiza w'Ishyaka Riharanira Demokarasi Rirengera Ibidukikije yatanze kandidatire."
    by_text = {c.text: c.kind for c in suggest([("a.rw.txt", text)], load_glossaries(None), "rw")}
    assert by_text.get("Jean Mukiza") == "name", by_text
    assert by_text.get("Ishyaka Riharanira Demokarasi Rirengera Ibidukikije") == "organisation", by_text


def test_suggest_parts_an_organisation_from_the_person_after_it():
    text = "Umuyobozi wa NCDA Assumpta Ingabire yavuze. Umuryango ushinzwe kurengera abana wavuze ko abana bafashwe nabi."
    by_text = {c.text: c.kind for c in suggest([("a.rw.txt", text)], load_glossaries(None), "rw")}
    assert by_text.get("Assumpta Ingabire") == "name" and by_text.get("NCDA") == "acronym", by_text
    assert not any(t.startswith("Umuryango") for t in by_text), by_text  # a generic body opening its sentence


def test_suggest_parts_a_person_from_the_institution_before_him():
    text = ("Guverineri wa Banki Nkuru ya Kenya Jean Nkubito yavuze ko ifaranga rihagaze. Umuyobozi Mukuru "
            "w'Ikigo cy'Ubwishingizi cya Kenya Peter Njoroge yasezeye. Umuryango w'Afurika Yunze Ubumwe wateranye.")
    by_text = {c.text: c.kind for c in suggest([("a.rw.txt", text)], load_glossaries(None), "rw")}
    assert by_text.get("Banki Nkuru ya Kenya") == "organisation", by_text
    assert by_text.get("Jean Nkubito") == "name" and by_text.get("Peter Njoroge") == "name", by_text
    assert "Mukuru" not in by_text, by_text  # a title's adjective
    named = {c.text for c in suggest([("b.rw.txt", "Mukuru Jean yavuze ko Ikigo cy'Itumanaho cya Uganda Telecom "
                                                   "Limited cyungutse.")], load_glossaries(None), "rw")}
    assert "Mukuru Jean" in named and "Telecom Limited" not in named, named  # a name; a company's words


def test_suggest_leaves_out_a_listed_name_the_matcher_set_aside():
    text = "Uruzi rwa Rusizi rwuzuye, naho ikirunga cya Nyiragongo cyarutse hafi y'umujyi wa Mubambiro."
    by_text = {c.text for c in suggest([("a.rw.txt", text)], load_glossaries(None), "rw")}
    assert "Mubambiro" in by_text and not {"Rusizi", "Nyiragongo"} & by_text, by_text
