"""English matcher tables against the shipped glossaries: case, plurals, possessives, hyphens, acronyms."""

from __future__ import annotations

import pytest

from translate.glossary import find_terms, load_glossaries
from translate.glossary.english import plural, singular


@pytest.fixture(scope="module")
def shipped():
    return load_glossaries(None)


CASES = [
    # names: keep their capital (a guinea pig, a turkey), in any case after it; possessive, never pluralised
    ("Russia", ["place.russia=Russia"]),
    ("russia", []),
    ("RUSSIA", ["place.russia=RUSSIA"]),
    ("A guinea pig and a turkey in Chad", ["place.chad=Chad"]),
    ("Russia's army", ["place.russia=Russia's", "term.military=army"]),
    ("Russia’s drones", ["place.russia=Russia’s", "term.drone=drones"]),
    ("the Russian Federation", ["place.russia=Russian Federation"]),
    ("Russian", []),
    ("Russians", []),
    ("Iran-backed groups", ["place.iran=Iran"]),
    ("the Russia-Ukraine war", ["place.russia=Russia", "place.ukraine=Ukraine", "term.war=war"]),
    ("United States", ["place.united-states=United States"]),
    ("the United States' allies", ["place.united-states=United States'"]),
    ("the US said", ["place.united-states=US"]),
    ("the U.S. said", ["place.united-states=U.S."]),
    ("USA", ["place.united-states=USA"]),
    ("told us", []),
    ("White House", ["org.white-house=White House"]),
    ("they painted the white house", []),  # a house that is white; the White House keeps its capitals
    ("Fighters of al Qaeda entered el-Fasher.", ["term.fighters=Fighters", "org.al-qaeda=al Qaeda",
                                                 "place.el-fasher=el-Fasher"]),  # its particles may be small
    ("Talks in Doha resumed; he refused to talk.", ["term.talks=Talks", "place.doha=Doha"]),  # talks has no singular
    ("White House's statement", ["org.white-house=White House's", "term.statement=statement"]),
    ("Alabuga Special Economic Zone", ["place.alabuga=Alabuga", "term.special-economic-zone=Special Economic Zone"]),
    ("a special economic zone", ["term.special-economic-zone=special economic zone"]),
    ("Tatarstan", ["place.tatarstan=Tatarstan"]),
    ("the Caspian Sea", ["place.caspian-sea=Caspian Sea"]),
    ("Kyiv and Kiev", ["place.kyiv=Kyiv", "place.kyiv=Kiev"]),
    ("(Reuters)", ["org.reuters=Reuters"]),
    ("National Security Council spokesman John Kirby",
     ["org.nsc=National Security Council", "term.spokesman=spokesman", "person.john-kirby=John Kirby"]),
    ("Kirby's remarks", ["person.john-kirby=Kirby's"]),
    ("DR Congo", ["place.dr-congo=DR Congo"]),
    ("the Democratic Republic of the Congo", ["place.dr-congo=Democratic Republic of the Congo"]),
    ("DRC", ["place.dr-congo=DRC"]),
    ("drc", []),
    ("East African Community (EAC)", ["org.eac=East African Community", "org.eac=EAC"]),
    ("the African Union", ["org.african-union=African Union"]),
    ("the AU", ["org.african-union=AU"]),
    ("the United Nations", ["org.un=United Nations"]),
    ("the UN and the U.N.", ["org.un=UN", "org.un=U.N."]),
    ("un ballon", []),
    ("NATO's", ["org.nato=NATO's"]),
    ("the EU's sanctions", ["org.european-union=EU's", "term.sanctions=sanctions"]),
    ("North Kivu", ["place.north-kivu=North Kivu"]),
    ("Lake Kivu", ["place.lake-kivu=Lake Kivu"]),
    ("M23 rebels", ["org.m23=M23", "term.rebels=rebels"]),
    ("UN Security Council", ["org.un-security-council=UN Security Council"]),
    # terms: plurals, singulars, possessives, hyphen = space
    ("drone", ["term.drone=drone"]),
    ("drones", ["term.drone=drones"]),
    ("Drones", ["term.drone=Drones"]),
    ("the drone's wing", ["term.drone=drone's"]),
    ("the drones' range", ["term.drone=drones'"]),
    ("UAV", ["term.drone=UAV"]),
    ("UAVs", ["term.drone=UAVs"]),
    ("uav", []),
    ("unmanned aerial vehicles", ["term.drone=unmanned aerial vehicles"]),
    ("one-way attack drone", ["term.one-way-attack-drone=one-way attack drone"]),
    ("one way attack drones", ["term.one-way-attack-drone=one way attack drones"]),
    ("One-Way Attack Drones", ["term.one-way-attack-drone=One-Way Attack Drones"]),
    ("one-way  attack drone", ["term.one-way-attack-drone=one-way  attack drone"]),
    ("kamikaze drones", ["term.one-way-attack-drone=kamikaze drones"]),
    ("spokesman", ["term.spokesman=spokesman"]),
    ("spokesmen", ["term.spokesman=spokesmen"]),
    ("spokeswoman", ["term.spokesman=spokeswoman"]),
    ("factory", ["term.factory=factory"]),
    ("factories", ["term.factory=factories"]),
    ("the factory's output", ["term.factory=factory's"]),
    ("drone manufacturing facility", ["term.drone-factory=drone manufacturing facility"]),
    ("drone factories", ["term.drone-factory=drone factories"]),
    ("helicopters", ["term.helicopter=helicopters"]),
    ("radars", ["term.radar=radars"]),
    ("ballistic missiles", ["term.missile=ballistic missiles"]),
    ("missile", ["term.missile=missile"]),
    ("air defense", ["term.air-defense=air defense"]),
    ("air defences", ["term.air-defense=air defences"]),
    ("air-defense systems", ["term.air-defense=air-defense systems"]),
    ("sanctions", ["term.sanctions=sanctions"]),
    ("a sanction", ["term.sanctions=sanction"]),
    ("militaries", ["term.military=militaries"]),
    ("defence cooperation", ["term.defense-cooperation=defence cooperation"]),
    ("satellite images", ["term.satellite-images=satellite images"]),
    ("a satellite image", ["term.satellite-images=satellite image"]),
    ("full-scale invasion", ["term.invasion=full-scale invasion"]),
    ("statements", ["term.statement=statements"]),
    ("armed forces", ["term.armed-forces=armed forces"]),
    ("troops", ["term.armed-forces=troops"]),
    ("cease-fire", ["term.ceasefire=cease-fire"]),
    ("cease fire", ["term.ceasefire=cease fire"]),
    ("peacekeepers", ["term.peacekeepers=peacekeepers"]),
    ("a peacekeeper", ["term.peacekeepers=peacekeeper"]),
    ("weapons", ["term.weapons=weapons"]),
    ("hostages", ["term.hostage=hostages"]),
    ("IDPs", ["term.displaced-people=IDPs"]),
    ("armed groups", ["term.armed-group=armed groups"]),
    ("dronesque", []),
    ("factoryline", []),
    ("Iranian", []),
    ("air, defense", []),
    ("see https://www.example.org/white-house/iran-drones", []),
    ("write to drones@russia.example", []),
    ("www.iran.example and Iran", ["place.iran=Iran"]),
    ("#Ukraine", ["place.ukraine=Ukraine"]),
    # a term with a post-modifier takes the plural on its head noun
    ("the ministers of defence met", ["term.defence-minister=ministers of defence"]),
    ("two defence ministers", ["term.defence-minister=defence ministers"]),
    ("the minister of defences", ["term.minister=minister"]),  # the plural goes on the head noun: not the defence minister
    # an entry's look-alikes holding its English words are read in English too (general as an adjective or office)
    ("The general elections are in July.", ["term.election=elections"]),
    ("In general, the army is ready.", ["term.military=army"]),
    ("the Attorney General and the Inspector General of Police", ["term.police-chief=Inspector General of Police"]),
    ("a think tank in Kigali", ["place.kigali=Kigali"]),
    ("Real Madrid beat Manchester United", []),
    ("Lt Col Mutabazi", ["term.lieutenant-colonel=Lt Col"]),  # a lieutenant colonel is not a colonel
    ("the general said; two generals", ["term.general=general", "term.general=generals"]),
    # ... though not where another entry names the same words (Secretary-General, the Auditor General)
    ("Secretary-General Guterres", ["term.secretary-general=Secretary-General", "person.antonio-guterres=Guterres"]),
    ("the Auditor General's report", ["org.oag=Auditor General's"]),
    # a rank abbreviated before a name keeps its capital: next-gen and a mountain col are other words
    ("Maj Gen Nyakarundi and Col Kabera", ["term.general=Maj Gen", "person.vincent-nyakarundi=Nyakarundi",
                                           "term.colonel=Col"]),
    ("Gen. Muhoozi Kainerugaba", ["term.general=Gen", "person.muhoozi-kainerugaba=Muhoozi Kainerugaba"]),
    ("next-gen drones crossed the col", ["term.drone=drones"]),
    ("Gen Z took to the streets", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t for t, _ in CASES])
def test_english_matcher(shipped, text, expected):
    found = find_terms(text, "en", shipped)
    assert [f"{m.entry}={m.surface}" for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.surface and m.kind == "term" and m.warnings == []


def test_english_case_count():
    assert len(CASES) >= 60


@pytest.mark.parametrize(("word", "expected"), [
    ("drone", "drones"), ("factory", "factories"), ("spokesman", "spokesmen"), ("box", "boxes"),
    ("crisis", "crises"), ("day", "days"), ("human", "humans"), ("church", "churches"),
])
def test_plural(word, expected):
    assert plural(word) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("drones", "drone"), ("factories", "factory"), ("spokesmen", "spokesman"), ("boxes", "box"),
    ("status", None), ("gas", None), ("crises", "crisis"),
])
def test_singular(word, expected):
    assert singular(word) == expected


def test_matches_are_sorted_and_do_not_overlap(shipped):
    text = ("WASHINGTON (Reuters) - The White House said Iran's one-way attack drones and UAVs reached Russia "
            "via the Caspian Sea, and U.S. sanctions followed.")
    found = find_terms(text, "en", shipped)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert [m.entry for m in found] == [
        "place.washington", "org.reuters", "org.white-house", "place.iran", "term.one-way-attack-drone", "term.drone",
        "place.russia", "place.caspian-sea", "place.united-states", "term.sanctions"]


def test_the_other_number_of_a_term_with_a_post_modifier_is_on_its_head(shipped):
    from translate.glossary.english import english_surface_forms

    forms = english_surface_forms(shipped.get("term.defence-minister"))
    assert "ministers of defence" in forms and "minister of defences" not in forms


@pytest.mark.parametrize(("term", "text", "plural"), [
    ("stay-at-home order", "two stay-at-home orders", "stay-at-home orders"),
    ("prisoner-of-war camp", "the prisoner-of-war camps", "prisoner-of-war camps"),
    ("sit-in", "they staged sit-ins", "sit-ins"),
])
def test_a_post_modifier_inside_a_hyphenated_word_is_not_the_terms_own(term, text, plural):
    from translate.glossary.entries import Entry, Glossary
    from translate.glossary.english import english_surface_forms

    entry = Entry("term.x", "term", "approved", (term,), ("x",))
    assert plural in english_surface_forms(entry)
    assert [m.surface for m in find_terms(text, "en", Glossary((entry,)))] == [plural]
