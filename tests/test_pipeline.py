"""translate_document with model-free engines: structure, pass-through, verbatim checks, repetition handling."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.engines.base import Hypothesis, IdentityEngine
from translate.errors import InkuruError, InputError
from translate.pipeline import (
    FLAG_EMPTY,
    FLAG_QUOTE,
    FLAG_REPETITION,
    FLAG_REPETITION_FIXED,
    FLAG_SPLIT,
    FLAG_VERBATIM,
    TranslateOptions,
    is_degenerate,
    max_repeat_run,
    translate_document,
)
from translate.result import Result
from translate.review import render

ARTICLE = """Drones over Kyiv

WASHINGTON, Nov 24 (Reuters) - The White House said on Tuesday that Iran sent 1,700 drones to Russia. Officials said more would follow.

- The factory is in Tatarstan.
- The drones cross the Caspian Sea.

#Ukraine #Russia https://www.example.org/a

Iyi nkuru yahinduwe mu Kinyarwanda n'abanditsi ba Inkuru, kandi ibitekerezo byanyu ni ingenzi."""


class UpperEngine(IdentityEngine):
    """Upper-cases sentences so tests can see what went through the model."""

    def translate_batch(self, sentences, source, target, *, avoid_repetition=False, **options):  # type: ignore[override]
        self.calls = getattr(self, "calls", []) + [list(sentences)]
        return [Hypothesis(s.upper(), len(s.split())) for s in sentences]


class LoopingEngine(IdentityEngine):
    """Repeats itself unless asked to avoid repetition (or always, with stubborn=True)."""

    def __init__(self, stubborn: bool = False) -> None:
        super().__init__()
        self.stubborn = stubborn

    def translate_batch(self, sentences, source, target, *, avoid_repetition=False, **options):  # type: ignore[override]
        if avoid_repetition and not self.stubborn:
            return [Hypothesis(f"fixed {s}", 3) for s in sentences]
        return [Hypothesis("ingabo " * 12, 12, finished=False) for _ in sentences]


def _result(text: str, engine=None, **options) -> Result:
    return translate_document(text, engine or UpperEngine(), TranslateOptions("rw", **options), name="a.txt")


def test_one_output_paragraph_per_source_paragraph_in_order() -> None:
    result = _result(ARTICLE)
    assert len(result.paragraphs) == 5
    assert [p.action for p in result.paragraphs] == [
        "translated", "translated", "translated", "kept", "passed_through"]
    assert result.target_text.count("\n\n") == 4
    assert result.paragraphs[1].target.startswith("WASHINGTON, NOV 24 (REUTERS)")
    assert result.paragraphs[2].target == "- THE FACTORY IS IN TATARSTAN.\n- THE DRONES CROSS THE CASPIAN SEA."


def test_passed_through_and_kept_paragraphs_are_byte_identical() -> None:
    result = _result(ARTICLE)
    for paragraph in result.paragraphs[3:]:
        assert paragraph.target == paragraph.source
    assert result.paragraphs[4].source_lang == "rw"


def test_sentences_are_translated_once_and_batched_by_length() -> None:
    engine = UpperEngine()
    _result("Kyiv was hit. Kyiv was hit.\n\nKyiv was hit. A much longer sentence about drones follows here.",
            engine, batch_size=1)
    assert engine.calls == [["Kyiv was hit."], ["A much longer sentence about drones follows here."]]


def test_long_sentences_are_split_not_truncated() -> None:
    sentence = "The army said, " + ", ".join(f"drones flew over town {i}" for i in range(30)) + "."
    result = _result(sentence, IdentityEngine(max_input_tokens=12))
    (paragraph,) = result.paragraphs
    assert FLAG_SPLIT in paragraph.flags
    assert paragraph.target.split() == sentence.split()


def test_missing_verbatim_spans_are_flagged() -> None:
    class DropNumbers(IdentityEngine):
        def translate_batch(self, sentences, source, target, *, avoid_repetition=False, **options):  # type: ignore[override]
            return [Hypothesis(s.replace("1,700", "many"), 3) for s in sentences]

    (paragraph,) = _result("Iran sent 1,700 drones, says https://x.org/a.", DropNumbers()).paragraphs
    assert paragraph.flags == [f"{FLAG_VERBATIM}:1,700"]


def test_repetition_is_retried_and_fixed() -> None:
    (paragraph,) = _result("The army moved.", LoopingEngine()).paragraphs
    assert paragraph.target == "fixed The army moved."
    assert paragraph.flags == [FLAG_REPETITION_FIXED]


def test_persisting_repetition_is_flagged() -> None:
    (paragraph,) = _result("The army moved.", LoopingEngine(stubborn=True)).paragraphs
    assert FLAG_REPETITION in paragraph.flags


def test_empty_model_output_keeps_the_source_and_flags_it() -> None:
    class Silent(IdentityEngine):
        def translate_batch(self, sentences, source, target, *, avoid_repetition=False, **options):  # type: ignore[override]
            return [Hypothesis("", 0) for _ in sentences]

    (paragraph,) = _result("The army moved.", Silent()).paragraphs
    assert paragraph.target == "The army moved." and FLAG_EMPTY in paragraph.flags


@pytest.mark.parametrize(
    ("source", "output", "degenerate"),
    [
        ("The army moved north.", "Ingabo zerekeje mu majyaruguru.", False),
        ("The army moved north.", "ingabo ingabo ingabo ingabo", True),
        ("The army moved north.", "mu majyaruguru mu majyaruguru mu majyaruguru", True),
        ("very very very good", "cyane cyane cyane", False),  # the source repeats too
        ("Hi.", "a b c d e f g h i j k l m n", True),  # far longer than the source
    ],
)
def test_degenerate_output_detection(source: str, output: str, degenerate: bool) -> None:
    assert is_degenerate(source, Hypothesis(output, len(output.split()))) is degenerate


def test_max_repeat_run() -> None:
    assert max_repeat_run("a b a b a b c".split()) == 3
    assert max_repeat_run("a b c".split()) == 1
    assert max_repeat_run("u Burundi, u Burundi, u Burundi".split()) == 3  # the README's own example


@pytest.mark.parametrize(
    ("source", "output"),
    [
        ("Troops reached Burundi.", "Ingabo zageze u Burundi, u Burundi, u Burundi."),
        ("Leaders met in Nairobi.", "Abayobozi b'i w'Afurika y'Igihrazuba ishinshinshinshinshinshinuze."),
        ("Leaders met on Tuesday.", "Abayobozi bahuriye ku wa Kabiri,,,,,,,,,,,, i Nairobi."),
    ],
)
def test_loops_inside_and_across_words_are_degenerate(source: str, output: str) -> None:
    assert is_degenerate(source, Hypothesis(output, len(output.split())))


def test_long_numbers_and_a_loop_the_source_has_are_not_degenerate() -> None:
    assert not is_degenerate("It cost 1,000,000,000 francs.", Hypothesis("Byatwaye 1,000,000,000 FRW.", 4))
    assert not is_degenerate("A line: ------ end.", Hypothesis("Umurongo: ------ iherezo.", 4))


def test_a_quotation_already_in_the_target_language_is_kept_as_quoted() -> None:
    text = 'Kagame told residents: "Tugomba gukorera hamwe kugira ngo amahoro arambe." He left on Monday.'
    (paragraph,) = _result(text, UpperEngine()).paragraphs
    assert paragraph.action == "translated"
    assert '"Tugomba gukorera hamwe kugira ngo amahoro arambe."' in paragraph.target  # not sent to the model
    assert "KAGAME TOLD RESIDENTS:" in paragraph.target and "HE LEFT ON MONDAY." in paragraph.target
    kept = [s for s in paragraph.segments if FLAG_QUOTE in s.flags]
    assert [s.source for s in kept] == ['"Tugomba gukorera hamwe kugira ngo amahoro arambe."']


def test_a_kept_quotation_keeps_the_punctuation_that_closes_it() -> None:
    text = 'The minister said "Turashaka amahoro mu karere kacu kose". Then he left.'
    (paragraph,) = _result(text, UpperEngine()).paragraphs
    assert '"Turashaka amahoro mu karere kacu kose".' in paragraph.target and '" .' not in paragraph.target


def test_a_quotation_in_the_source_language_is_translated() -> None:
    (paragraph,) = _result('He said: "We will stay here until the end of the year."', UpperEngine()).paragraphs
    assert paragraph.target == 'HE SAID: "WE WILL STAY HERE UNTIL THE END OF THE YEAR."'


def test_with_the_source_language_named_nothing_is_passed_through() -> None:
    article = "Troops reached Goma on Monday.\n\nIyi nkuru yanditswe n'abanditsi ba Inkuru, kandi ni ingenzi."
    auto = _result(article, UpperEngine()).paragraphs
    assert [p.action for p in auto] == ["translated", "passed_through"]
    named = translate_document(article, UpperEngine(), TranslateOptions("rw", "en")).paragraphs
    assert [p.action for p in named] == ["translated", "translated"]


def test_already_in_target_language_is_an_error() -> None:
    with pytest.raises(InputError, match="already in Kinyarwanda"):
        _result("Ingabo z'u Rwanda zageze i Goma kandi abaturage barishimye cyane.")


def test_same_source_and_target_is_an_error() -> None:
    with pytest.raises(InkuruError, match="both rw"):
        _result("Hello.", source="rw")


def test_empty_input_is_an_error() -> None:
    with pytest.raises(InputError, match="a.txt: the input is empty"):
        _result(" \n\n\t\n")


def test_result_json_round_trip_and_signature() -> None:
    result = _result(ARTICLE)
    data = json.loads(render(result, "json"))
    assert data["signature"] == ("model:identity|rev:0|backend:identity|dir:auto(en)-rw|beam:1|max-in:256|opts:none|"
                                 "glossary:none|v:0.1.0")
    assert [p["action"] for p in data["paragraphs"]][3:] == ["kept", "passed_through"]
    assert all(p["terms"] == [] for p in data["paragraphs"])
    assert Result.from_dict(data) == result


def test_result_from_other_json_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="not an Inkuru result"):
        Result.from_dict({"hello": 1}, "x.json")


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None)
@given(_text)
def test_any_text_keeps_paragraph_count_and_order(text: str) -> None:
    from translate.document import split_paragraphs

    expected = split_paragraphs(text)
    try:
        result = translate_document(text, IdentityEngine(max_input_tokens=8), TranslateOptions("rw", source="en"))
    except InputError as error:  # only empty input or text that is all Kinyarwanda already
        assert not expected or "already in Kinyarwanda" in str(error)
        return
    assert [p.source for p in result.paragraphs] == [p.source for p in expected]
    assert len(split_paragraphs(result.target_text)) == len(expected)
    for paragraph in result.paragraphs:
        if paragraph.action != "translated":
            assert paragraph.target == paragraph.source


def test_edited_paragraphs_are_checked_sentence_by_sentence_for_names() -> None:
    from dataclasses import replace

    from translate.pipeline import FLAG_NAME, recheck_edits

    result = _result("Rwanda reopened the border. However, Kagame met Ndayishimiye in Nyamagabe.")
    (paragraph,) = result.paragraphs
    edited = replace(result, paragraphs=[replace(paragraph, target="U Rwanda rwafunguye umupaka. Ariko Kagame "
                                                                   "yahuye na Ndayishimiye.", edited=True)])
    (again,) = recheck_edits(edited, None).paragraphs
    assert again.checked == "editor"
    assert [f for f in again.flags if f.startswith(FLAG_NAME)] == [f"{FLAG_NAME}:Nyamagabe"]  # not "However"


class _ScoringEngine(IdentityEngine):
    """Echoes each sentence with a score that depends on its length: long sentences are 'less sure'."""

    def translate_batch(self, sentences, source, target, **options):  # type: ignore[no-untyped-def]
        return [Hypothesis(s, len(s.split()), score=-0.1 * len(s.split())) for s in sentences]


def test_paragraph_confidence_is_the_token_weighted_model_score() -> None:
    import math

    text = "Kigali hosted the talks. Delegates from nine countries came to the summit in Rwanda.\n\n#EAC\n\n---"
    result = translate_document(text, _ScoringEngine(), TranslateOptions("rw", source="en"))
    first = result.paragraphs[0]
    short, long_ = (-0.4, 4), (-1.0, 10)  # (score, tokens) of its two sentences
    expected = math.exp((short[0] * short[1] + long_[0] * long_[1]) / (short[1] + long_[1]))
    assert first.confidence == pytest.approx(expected, abs=1e-3)
    assert [s.confidence for s in first.segments] == [pytest.approx(math.exp(-0.4), abs=1e-3),
                                                       pytest.approx(math.exp(-1.0), abs=1e-3)]
    # Nothing translated, nothing to be confident about; an engine without scores gives none either.
    assert result.paragraphs[2].confidence is None
    assert translate_document(text, IdentityEngine(), TranslateOptions("rw", source="en")).paragraphs[0].confidence \
        is None
    again = Result.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again.paragraphs[0].confidence == first.confidence
