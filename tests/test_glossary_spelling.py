"""People's names written one letter off the glossary's spelling (translate/glossary/spelling.py). Sentences are
the team's own."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from translate.cli import cli
from translate.glossary import find_terms, load_glossaries
from translate.glossary.apply import WARNING, term_constraints, verify_terms
from translate.glossary.entries import Entry, Glossary
from translate.glossary.spelling import SPELLING_WARNING, one_edit_apart

SHIPPED = load_glossaries(None)


def _person(entry_id: str, name: str) -> Entry:
    return Entry(entry_id, "person", "approved", (name,), (name,), verbatim=True, rw_class="1a")


def _found(text: str, lang: str = "rw", glossary: Glossary = SHIPPED) -> list[tuple[str, str, bool]]:
    return [(m.entry, m.surface, any(w.startswith(SPELLING_WARNING) for w in m.warnings))
            for m in find_terms(text, lang, glossary)]  # type: ignore[arg-type]


@pytest.mark.parametrize("a, b, apart", [
    ("tshisekedi", "tchisekedi", True),  # a letter changed
    ("ndayishimiye", "ndayishimye", True),  # one dropped
    ("brammertz", "brammetz", True),
    ("kagame", "kagmae", True),  # two neighbours swapped
    ("kagame", "kagame", False),
    ("kagame", "kagamebe", False),
    ("kagame", "gakame", False),  # a swap of letters that are not neighbours is two edits
])
def test_one_edit_apart(a: str, b: str, apart: bool) -> None:
    assert one_edit_apart(a, b) is apart
    assert one_edit_apart(b, a) is apart


@pytest.mark.parametrize("text, lang, expected", [
    ("Perezida Félix Tchisekedi yageze i Luanda.", "rw",
     [("term.president", "Perezida", False), ("person.felix-tshisekedi", "Félix Tchisekedi", True),
      ("place.luanda", "Luanda", False)]),
    ("Perezida Ndayishimye yavuze ko azitabira inama.", "rw",
     [("term.president", "Perezida", False), ("person.evariste-ndayishimiye", "Ndayishimye", True)]),  # after a title
    ("Tshisekedi yavuze ko Tchisekedi atari we.", "rw",  # the name written right elsewhere
     [("person.felix-tshisekedi", "Tshisekedi", False), ("person.felix-tshisekedi", "Tchisekedi", True)]),
    ("Antony Bkinken called the president.", "en",
     [("person.antony-blinken", "Antony Bkinken", True), ("term.president", "president", False)]),
])
def test_a_misspelt_name_is_found_and_flagged(text: str, lang: str, expected: list) -> None:
    assert _found(text, lang) == expected


def test_the_warning_names_both_spellings_and_the_span_is_the_text_as_written() -> None:
    text = "Abanyamakuru babajije Evaritse Ndayishimiye na Perezida Tchisekedi."
    found = find_terms(text, "rw", SHIPPED)
    assert [text[m.start:m.end] for m in found] == ["Evaritse Ndayishimiye", "Perezida", "Tchisekedi"]
    assert found[0].warnings == [f"{SPELLING_WARNING} 'Evaritse' is written 'Évariste' in the glossary"]  # as the entry first writes it
    assert found[2].warnings == [f"{SPELLING_WARNING} 'Tchisekedi' is written 'Tshisekedi' in the glossary"]


@pytest.mark.parametrize("text, expected", [
    ("Félix Tshisekedi Tchilombo yavuze.", "Félix Tshisekedi Tchilombo"),  # not only Félix Tshisekedi
    ("Yavuganye n'Evaritse Ndayishimiye.", "n'Evaritse Ndayishimiye"),  # not only Ndayishimiye
])
def test_a_respelt_name_replaces_the_shorter_match_inside_it(text: str, expected: str) -> None:
    found = find_terms(text, "rw", SHIPPED)
    assert [(m.surface, bool(m.warnings)) for m in found] == [(expected, True)]


@pytest.mark.parametrize("text", [
    "Stammer spoke first.",  # a lone word one letter off a name: nothing says it is the name
    "Johnston said the talks failed.",
    "Keir and Frances spoke.",
    "Mr Stammer said a stammer is no crime.",  # the text writes the word in lower case: a word of its own
    "Justice Johnston ruled that the appeal failed.",  # a title's complement is no title (justice minister)
])
def test_a_word_without_support_for_the_name_is_not_respelt(text: str) -> None:
    assert not any(misspelt for _, _, misspelt in _found(text, "en"))


@pytest.mark.parametrize("text, lang", [
    ("Rwandan, Israeli and Nigerian officials met.", "en"),  # a word of its own, one letter longer than a name
    ("tchisekedi yavuze ko azaza.", "rw"),  # not written as a name
    ("Kagamé ntiyavuze.", "rw"),  # an accent is no misspelling: folded, it is the name
])
def test_words_that_are_not_misspelt_names(text: str, lang: str) -> None:
    assert not any(misspelt for _, _, misspelt in _found(text, lang))


def test_short_names_known_words_and_two_candidates_are_left_alone() -> None:
    glossary = Glossary((_person("person.a", "Kabila"), _person("person.b", "Habimana Mukamana"),
                         _person("person.c", "Mukamani"), _person("person.d", "Nsengimana"),
                         _person("person.e", "Nsengiyama")))
    assert _found("Bwana Kabira yavuze.", glossary=glossary) == []  # six letters: Kabira is a name of its own
    assert _found("Bwana Mukamani yavuze.", glossary=glossary) == [("person.c", "Mukamani", False)]  # an entry's
    assert _found("Bwana Nsengimama yavuze.", glossary=glossary) == []  # one edit from two names
    assert _found("Bwana Nsengimanna yavuze.", glossary=glossary) == [("person.d", "Nsengimanna", True)]
    assert _found("Nsengimanna yavuze.", glossary=glossary) == []  # alone, no title: unsupported
    assert _found("Bwana Msengimana yavuze.", glossary=glossary) == []  # the first letter differs


def test_a_respelt_word_that_names_nothing_there_adds_nothing() -> None:
    # a given name alone is no rendering of the person, spelt right or wrong
    glossary = Glossary((_person("person.a", "Evariste Ndayishimiye"),))
    assert _found("Evaritse yavuze.", glossary=glossary) == []
    assert _found("Evaritse Ndayishimiye yavuze.", glossary=glossary) == [
        ("person.a", "Evaritse Ndayishimiye", True)]


def test_a_translation_that_misspells_a_name_is_a_warning_not_missing() -> None:
    reports = verify_terms("President Tshisekedi arrived.", "Perezida Tchisekedi yahageze.", "en", "rw", SHIPPED)
    by_entry = {r.entry: r for r in reports}
    assert by_entry["person.felix-tshisekedi"].status == WARNING
    assert by_entry["person.felix-tshisekedi"].message == (
        "name not kept as written: expected 'Tshisekedi'; spelling: 'Tchisekedi' is written 'Tshisekedi' in the glossary")
    assert by_entry["person.felix-tshisekedi"].target_surface == "Tchisekedi"


def test_a_source_that_misspells_a_name_asks_for_the_house_spelling() -> None:
    constraints = {c.key: c for c in term_constraints("Perezida Tchisekedi yavuze.", "rw", "en", SHIPPED)}
    assert "Tshisekedi" in constraints["person.felix-tshisekedi"].forms
    assert "Tchisekedi" not in constraints["person.felix-tshisekedi"].forms


def test_glossary_check_prints_the_warning() -> None:
    result = CliRunner().invoke(cli, ["glossary", "check", "--lang", "rw", "-"], input="Perezida Tchisekedi yavuze.\n")
    assert result.exit_code == 0, result.output
    assert "person.felix-tshisekedi" in result.output
    assert "warning: spelling: 'Tchisekedi' is written 'Tshisekedi' in the glossary" in result.output


def test_a_word_longer_than_any_name_is_not_looked_up() -> None:
    from translate.glossary.spelling import name_spellings

    spellings = name_spellings(SHIPPED)
    assert spellings.correction("t" + "a" * 100_000 + "i") is None  # no index of its 100,000 deletions
    assert spellings.correction("tchisekedi") == "Tshisekedi"


def test_the_text_is_matched_again_only_when_a_respelling_could_add_a_name() -> None:
    from translate.glossary.spelling import name_spellings, with_misspelt_names
    from translate.glossary.textnorm import tokenize

    def must_not_run(respelt: str) -> list:
        raise AssertionError(f"matched again: {respelt}")

    text = "Stammer spoke first."  # a candidate, alone: no title, no name beside it, not written right elsewhere
    assert with_misspelt_names(text, tokenize(text), [], name_spellings(SHIPPED), must_not_run) == []


def test_a_respelt_name_that_only_overlaps_a_match_is_dropped() -> None:
    glossary = Glossary((_person("person.a", "Nsengimana Habimana"), _person("person.b", "Habimana Mukamana")))
    # "Nsengimanna Habimana" would respell into person.a, but Habimana Mukamana (person.b) overlaps it
    found = _found("Bwana Nsengimanna Habimana Mukamana yavuze.", glossary=glossary)
    assert found == [("person.b", "Habimana Mukamana", False)]
