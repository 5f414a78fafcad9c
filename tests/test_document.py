"""Paragraph, line-unit and sentence splitting, verbatim spans, and splitting of over-long sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.document import (
    has_words,
    join_unit,
    split_paragraphs,
    split_sentences,
    split_to_fit,
    verbatim_spans,
    missing_names,
    missing_verbatim,
)


def test_paragraphs_are_blank_line_separated_and_newlines_normalised() -> None:
    text = "\ufeffFirst line.\r\nsame paragraph.\r\n\r\n \t \r\nSecond.\rStill second.\n\n\n\nThird."
    paragraphs = split_paragraphs(text)
    assert [p.source for p in paragraphs] == ["First line.\nsame paragraph.", "Second.\nStill second.", "Third."]
    assert paragraphs[0].units[0].text == "First line. same paragraph."  # hard wraps join into one unit


def test_markdown_markup_is_kept_per_line_unit() -> None:
    text = "## Sub heading\n\n- first item\n- second item\n  wrapped\n1. numbered\n\n> a quote\n> that wraps"
    heading, items, quote = split_paragraphs(text)
    assert heading.units[0].markup == "## " and heading.units[0].text == "Sub heading"
    assert [(u.markup, u.text) for u in items.units] == [
        ("- ", "first item"), ("- ", "second item wrapped"), ("1. ", "numbered")]
    assert [(u.markup, u.text) for u in quote.units] == [("> ", "a quote that wraps")]
    assert join_unit(items.units[0], "ikintu cya mbere") == "- ikintu cya mbere"


def test_fenced_code_is_one_paragraph_even_with_blank_lines() -> None:
    paragraphs = split_paragraphs("Before.\n\n```\ncode\n\nmore code\n```\n\nAfter.")
    assert [p.is_code for p in paragraphs] == [False, True, False]
    assert paragraphs[1].source == "```\ncode\n\nmore code\n```"
    assert not paragraphs[1].has_words


def test_hashtag_at_line_start_is_not_a_heading() -> None:
    (paragraph,) = split_paragraphs("#Ukraine #Russia #Drones")
    assert paragraph.units[0].markup == "" and not paragraph.has_words


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Read it at https://www.example.org/a/b.html.", ["https://www.example.org/a/b.html"]),
        ("Write to amakuru@inkuru.example today", ["amakuru@inkuru.example"]),
        ("Follow @InkuruNews and #Drones", ["@InkuruNews", "#Drones"]),
        ("Iran sent 1,700 drones in 2023, 12% more, on 24/11/2026 at 10:30.",
         ["1,700", "2023", "12%", "24/11/2026", "10:30"]),
        ("No spans here.", []),
    ],
)
def test_verbatim_spans(text: str, spans: list[str]) -> None:
    assert verbatim_spans(text) == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [("#Ukraine https://x.org 2026", False), ("— 12 —", False), ("Ingabo 12", True), ("a", False)],
)
def test_has_words(text: str, expected: bool) -> None:
    assert has_words(text) is expected


@pytest.mark.parametrize(
    ("lang", "text", "sentences"),
    [
        ("en", "WASHINGTON, Nov. 24 (Reuters) - The White House spoke. It was brief.",
         ["WASHINGTON, Nov. 24 (Reuters) - The White House spoke.", "It was brief."]),
        ("en", "Mr. Kirby met Dr. J. Smith at 3 p.m. on Monday. Then he left!",
         ["Mr. Kirby met Dr. J. Smith at 3 p.m. on Monday.", "Then he left!"]),
        ("en", "Officials in the U.S. said so. Others disagreed.", ["Officials in the U.S. said so.", "Others disagreed."]),
        ("en", "Costs rose 3.5 percent. See https://example.org/x.y for more. Done?",
         ["Costs rose 3.5 percent.", "See https://example.org/x.y for more.", "Done?"]),
        ("en", '"We will respond," he said. "Soon."', ['"We will respond," he said.', '"Soon."']),
        ("en", "He said e.g. drones. and more", ["He said e.g. drones. and more"]),
        ("en", "Production rose in 2024. The factory grew.", ["Production rose in 2024.", "The factory grew."]),
        ("rw", "Gen. Kabarebe yavuze ko ingabo zigeze i Goma. Abaturage barishimye.",
         ["Gen. Kabarebe yavuze ko ingabo zigeze i Goma.", "Abaturage barishimye."]),
        ("rw", "Nyak. Minisitiri yagize ati: \"Amahoro ni ngombwa.\" Inama irakomeza.",
         ["Nyak. Minisitiri yagize ati: \"Amahoro ni ngombwa.\"", "Inama irakomeza."]),
        ("rw", "Uburusiya bwohereje indege 1.700. Ukraine yarabyamaganye?",
         ["Uburusiya bwohereje indege 1.700.", "Ukraine yarabyamaganye?"]),
        # A month written out ends a sentence (it used to be listed as an abbreviation and merged two).
        ("rw", "Amasezerano yasinywe mu Ugushyingo. Abasirikare batangiye muri Mata. Bararangije.",
         ["Amasezerano yasinywe mu Ugushyingo.", "Abasirikare batangiye muri Mata.", "Bararangije."]),
        # A month's or a number's abbreviation holds before a number only.
        ("rw", "GOMA, 3 Ugu. 2025 - Imirwano yarahagaze. Ingabo zageze ku Mut. Abaturage barishimye.",
         ["GOMA, 3 Ugu. 2025 - Imirwano yarahagaze.", "Ingabo zageze ku Mut.", "Abaturage barishimye."]),
        ("en", "He said no. The army left on Sun. Nov. 3 it returned.",
         ["He said no.", "The army left on Sun.", "Nov. 3 it returned."]),
        ("en", "See art. 5 of the accord. Amb. Kamanzi disagreed.",
         ["See art. 5 of the accord.", "Amb. Kamanzi disagreed."]),
        ("rw", "Amb. Kamanzi yavuze ko Padiri Ntabana yahageze. Bwana Habimana ntiyari ahari.",
         ["Amb. Kamanzi yavuze ko Padiri Ntabana yahageze.", "Bwana Habimana ntiyari ahari."]),
    ],
)
def test_sentence_splitting(lang: str, text: str, sentences: list[str]) -> None:
    assert split_sentences(text, lang) == sentences


def test_split_to_fit_prefers_clause_boundaries_and_loses_nothing() -> None:
    sentence = "The army moved north; drones flew over the lake, and radar tracked them — officials said nothing."
    pieces = split_to_fit(sentence, lambda s: len(s.split()), 6)
    assert all(len(p.split()) <= 6 for p in pieces)
    assert " ".join(pieces).split() == sentence.split()
    assert pieces[0].endswith(";") or pieces[0].endswith(",")


def test_split_to_fit_cuts_an_unbroken_token() -> None:
    token = "x" * 1000
    pieces = split_to_fit(token, len, 100)
    assert "".join(pieces) == token and all(len(p) <= 100 for p in pieces)


_paragraph_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=0, max_size=80
).filter(lambda s: s.strip() and not s.startswith("\ufeff") and "\n" not in s and "\r" not in s and not s.lstrip().startswith(("```", "~~~")))


@settings(max_examples=200, deadline=None)
@given(st.lists(_paragraph_text, min_size=1, max_size=8), st.sampled_from(["\n\n", "\n\n\n", "\r\n\r\n", "\n \n"]))
def test_paragraph_count_and_order_are_preserved(paragraphs: list[str], separator: str) -> None:
    text = separator.join(paragraphs)
    split = split_paragraphs(text)
    assert [p.source.strip() for p in split] == [p.strip() for p in paragraphs]


@pytest.mark.parametrize(
    ("source", "output", "missing"),
    [
        ("Iran sent 70 drones.", "Irani yohereje drones 1,700.", ["70"]),  # not "70" inside "1,700"
        ("Iran sent 1,700 drones.", "Irani yohereje drones 1.700.", []),  # the other language's separator
        ("Iran sent 1,700 drones.", "Irani yohereje drones 1 700.", []),
        ("Iran sent 1,700 drones.", "Irani yohereje drones 1700.", []),  # a thousands group may lose it
        ("It rose 3.5 percent.", "Byazamutseho 3,5 ku ijana.", []),
        ("It rose 3.5 percent.", "Byazamutseho 35 ku ijana.", ["3.5"]),  # a decimal part may not
        ("In 2025 and 2026.", "Muri 2025.", ["2026"]),
        ("See https://x.org/a now.", "Reba https://x.org/a ubu.", []),
        ("At 10:30 on 24/11/2025.", "Saa 10:30 ku wa 24/11/2025.", []),  # times and dates, as written
        ("At 10:30 on 24/11/2025.", "Saa 10 ku wa 24/11.", ["10:30", "24/11/2025"]),
    ],
)
def test_numbers_count_as_whole_numbers(source: str, output: str, missing: list[str]) -> None:
    assert missing_verbatim(source, output) == missing


@pytest.mark.parametrize(
    ("source", "output", "missing"),
    [
        ("Kagame told residents in Nyamasheke that the ADF was weakened.", "Yabwiye abaturage ko yacitse intege.",
         ["Nyamasheke", "ADF"]),  # the sentence's first word is not taken for a name
        ("They met Jean-Paul Habimana in Nyamasheke.", "Bahuye na Jean-Paul Habimana i Nyamasheke.", []),
        ("Abanyarwanda bari i Nyamasheke, Perezida Kagame yavuze.", "Rwandans were in Nyamasheke, President Kagame said.",
         []),  # a demonym's prefix, a title before the name
        ("The talks resume on Monday in December.", "Ibiganiro bizasubukurwa.", []),  # days and months
        ("GOMA, Nov 24 (Reuters) - Fighting resumed.", "GOMA, 24 Ugushyingo (Reuters) - Imirwano yongeye.", []),
        # Names as Kinyarwanda spells them by ear; a name that is not there is still missing.
        ("East African leaders met in Philadelphia.", "Abayobozi bo muri Afurika y'Iburasirazuba bahuriye i Filadelfiya.",
         []),
        ("The Kenyan and Ugandan troops arrived.", "Ingabo za Uganda zageze.", ["Kenyan"]),
        ("They met Kagame on Monday.", "Bavuze ku kugambirira kwabo ku wa Mbere.", ["Kagame"]),  # not a longer word
        ('He said: "We will not give up."', 'Yavuze ati: "Ntituzacika intege."', []),  # a quotation's first word
        ("Rwanda And Burundi Reopen Border Posts", "U Rwanda n'u Burundi byafunguye imipaka", []),  # a headline
    ],
)
def test_names_missing_from_the_output(source: str, output: str, missing: list[str]) -> None:
    assert missing_names(source, output) == missing
