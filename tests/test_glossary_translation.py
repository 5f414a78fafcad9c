"""Glossary-aware translation: constraints, the engines' test of a placement, locative fixes, term reports, modes.

Term placement itself (where and in which form) is tested in tests/test_placement.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, HELD_OUT
from translate.cli import cli
from translate.constraints import ABSENT, CLEAN, FLAWED, TermConstraint
from translate.engines.base import Hypothesis, IdentityEngine
from translate.glossary import load_glossaries
from translate.glossary.apply import fix_locatives, summarize, term_constraints, verify_terms
from translate.pipeline import FLAG_ENFORCED, FLAG_LOCATIVE, FLAG_NAME, FLAG_NOT_PLACED, TranslateOptions
from translate.pipeline import translate_document

GLOSSARY = load_glossaries(None)


# --- constraints from the glossary ---------------------------------------------------------------------------------


def test_constraints_are_disjunctive_and_morphological() -> None:
    constraints = {c.key: c for c in term_constraints("Russia sent drones to Kyiv.", "en", "rw", GLOSSARY)}
    assert set(constraints) == {"place.russia", "term.drone", "place.kyiv"}
    assert {"Uburusiya", "u Burusiya", "y'u Burusiya", "n'Uburusiya"} <= set(constraints["place.russia"].forms)
    assert {"drones", "indege zitagira abapilote"} <= set(constraints["term.drone"].forms)
    assert not constraints["place.russia"].hard


def test_verbatim_names_must_appear_as_written() -> None:
    (white_house,) = [c for c in term_constraints("The White House spoke.", "en", "rw", GLOSSARY)
                      if c.key == "org.white-house"]
    assert white_house.forms[0] == "White House" and white_house.hard
    assert all("White House" in form for form in white_house.forms)


def test_a_verbatim_name_written_in_another_form_is_translated_like_a_term() -> None:
    # the source's own spelling of the name is kept; a description (Perezidansi ya Amerika) or a respelling
    # (Hamasi) is not forced into the English as written
    text = "Perezidansi ya Amerika yavuze ko Hamasi na Hamas"
    constraints = {c.key: c for c in term_constraints(text, "rw", "en", GLOSSARY)}
    assert not constraints["org.white-house"].hard and "White House" in constraints["org.white-house"].forms
    reports = verify_terms(text, "The White House said that Hamas and Hamas", "rw", "en", GLOSSARY)
    assert [(r.entry, r.status) for r in reports if r.entry != "place.united-states"] == [
        ("org.white-house", "satisfied"), ("org.hamas", "satisfied"), ("org.hamas", "satisfied")]
    tchad = verify_terms("Tchad yohereje ingabo.", "Chad sent troops.", "rw", "en", GLOSSARY)
    assert tchad[0].entry == "place.chad" and tchad[0].status == "satisfied"  # Tchad ends with chad, is not it
    kept = verify_terms("Hamas yavuze", "Hamasi said", "rw", "en", GLOSSARY)
    assert [(r.entry, r.status) for r in kept] == [("org.hamas", "missing")]  # its own spelling must stay


def test_possessive_is_not_part_of_a_verbatim_name() -> None:
    text = "Kirby's statement and Reuters' report"
    forms = {c.key: c.forms[0] for c in term_constraints(text, "en", "rw", GLOSSARY)}
    assert forms["person.john-kirby"] == "Kirby" and forms["org.reuters"] == "Reuters"
    reports = {r.entry: r.status for r in verify_terms(text, "Itangazo rya Kirby n'inkuru ya Reuters.", "en", "rw",
                                                       GLOSSARY)}
    assert reports["person.john-kirby"] == reports["org.reuters"] == "satisfied"


def test_same_term_twice_is_one_constraint_and_longest_match_wins() -> None:
    keys = [c.key for c in term_constraints("Drones, more drones and one-way attack drones.", "en", "rw", GLOSSARY)]
    assert keys.count("term.drone") == 1
    assert "term.one-way-attack-drone" in keys


def test_a_plural_english_rendering_gets_its_singular_not_a_double_plural() -> None:
    from translate.glossary.english import english_surface_forms

    forms = {e.id: english_surface_forms(e) for e in GLOSSARY if e.en}
    assert forms["term.armed-forces"] == ["armed forces", "armed force", "troops", "troop"]
    displaced = forms["term.displaced-people"]
    assert "displaced person" in displaced and not any(f.endswith("personses") for f in displaced)
    assert forms["term.drone"][:2] == ["drone", "drones"]


@pytest.mark.parametrize(("word", "other"), [
    ("drone", "drones"), ("troops", "troop"), ("persons", "person"), ("Spokesmen", "Spokesman"), ("ICBMs", "ICBM"),
    ("UAV", "UAVs"), ("bias", "biases"), ("lens", "lenses"), ("species", "species"), ("corps", "corps"),
])
def test_the_other_grammatical_number_of_an_english_word(word: str, other: str) -> None:
    from translate.glossary.english import _other_number

    assert _other_number(word) == other


def test_constraints_work_from_kinyarwanda_to_english() -> None:
    constraints = {c.key: c for c in term_constraints("Ingabo z'u Burusiya zageze mu Burusiya.", "rw", "en", GLOSSARY)}
    assert "Russia" in constraints["place.russia"].forms
    assert "troops" in constraints["term.armed-forces"].forms or "armed forces" in constraints["term.armed-forces"].forms


# --- the engines' test of a placement ----------------------------------------------------------------------------


def test_the_engines_reject_ungrammatical_placements_the_report_flags() -> None:
    from translate.glossary.apply import satisfied_entries
    from translate.glossary.kinyarwanda import is_placement_warning

    (drone,) = [c for c in term_constraints("drones", "en", "rw", GLOSSARY)]
    awkward = "Zaguye i indege zitagira abapilote."  # the augment stays after the locative 'i'
    assert satisfied_entries(awkward, "rw", GLOSSARY, [drone]) == {"term.drone"}
    assert satisfied_entries(awkward, "rw", GLOSSARY, [drone], well_placed=True) == set()
    assert drone.grade(awkward) == ABSENT and not drone.met_by(awkward)
    assert drone.grade("Zaguye i ndege zitagira abapilote.") == CLEAN
    assert not is_placement_warning("subject agreement: 'Uburusiya yagabye': a class 14 subject takes bu-/bw-")


def test_a_placement_the_report_would_warn_about_ranks_below_a_clean_one() -> None:
    (russia,) = term_constraints("Russia", "en", "rw", GLOSSARY)
    assert russia.grade("Uburusiya yagabye igitero.") == FLAWED  # present, but the verb does not agree
    assert russia.grade("Uburusiya bwagabye igitero.") == CLEAN
    assert russia.grade("Ingabo zageze muri Uburusiya.") == ABSENT  # "muri" + augment: not where it may stand


def test_the_engines_accept_every_variant_the_matcher_accepts() -> None:
    (defence,) = term_constraints("air defense", "en", "rw", GLOSSARY)
    assert "ubwirinzi bwayo bwo mu kirere" not in defence.forms
    assert defence.grade("Ukraine ivuga ko ubwirinzi bwayo bwo mu kirere bwakoze.") == CLEAN


def test_verbatim_names_are_graded_exactly_as_written() -> None:
    (kirby,) = [c for c in term_constraints("John Kirby spoke.", "en", "rw", GLOSSARY) if c.hard]
    assert kirby.grade("John Kirby yavuze.") == CLEAN
    assert kirby.grade("Yohani Kirubi yavuze.") == ABSENT
    (white_house,) = [c for c in term_constraints("The White House spoke.", "en", "rw", GLOSSARY) if c.hard]
    assert white_house.grade("Umuvugizi wa White Housee yavuze.") == ABSENT  # as a whole word only
    assert white_house.grade("Umuvugizi w'White House yavuze.") == CLEAN


# --- post-decoding fixes and the term report -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fixed", "count"),
    [
        ("Ingabo zageze mu Ukraine.", "Ingabo zageze muri Ukraine.", 1),
        ("Yagiye ku Kenya no mu Uganda.", "Yagiye kuri Kenya no muri Uganda.", 2),
        ("Ingabo zageze mu Burusiya.", "Ingabo zageze mu Burusiya.", 0),
        ("Ingabo zageze muri Ukraine.", "Ingabo zageze muri Ukraine.", 0),
    ],
)
def test_prefixless_names_take_muri_and_kuri(text: str, fixed: str, count: int) -> None:
    assert fix_locatives(text, GLOSSARY) == (fixed, count)


def test_term_report_statuses() -> None:
    source = "The White House said Russia sent drones to Rwanda and Ukraine."
    target = "Maison Blanche yavuze ko muri Uburusiya bwohereje drones mu Rwanda."
    reports = {r.entry: r for r in verify_terms(source, target, "en", "rw", GLOSSARY)}
    assert reports["org.white-house"].status == "forbidden"
    assert reports["place.russia"].status == "warning" and "mu Burusiya" in reports["place.russia"].message
    assert reports["term.drone"].status == "satisfied" and reports["term.drone"].target_surface == "drones"
    assert reports["place.rwanda"].status == "satisfied"
    assert reports["place.ukraine"].status == "missing" and reports["place.ukraine"].target_span is None
    start, end = reports["term.drone"].source_span
    assert source[start:end] == "drones"
    assert set(reports["term.drone"].to_dict()) == {
        "entry", "source_surface", "target_surface", "status", "message", "source_span", "target_span"}
    assert summarize(list(reports.values())) == "5 terms: 2 satisfied, 1 missing, 1 forbidden, 1 warning"


def test_each_rendering_in_the_translation_answers_for_one_source_occurrence() -> None:
    source = "Russia said on Monday that Russia and Iran agreed. Russia denied it later."
    target = "Uburusiya bwavuze ko bwumvikanye na Irani. Nyuma u Burusiya bwabihakanye."
    reports = [r for r in verify_terms(source, target, "en", "rw", GLOSSARY) if r.entry == "place.russia"]
    assert [r.status for r in reports] == ["satisfied", "satisfied", "missing"]
    assert reports[0].target_span != reports[1].target_span and reports[2].target_span is None
    assert "3 times in the source, 2 in the translation" in reports[2].message


def test_the_library_default_mode_is_the_clis() -> None:
    assert TranslateOptions("rw").glossary_mode == "prefer"


def test_a_name_kept_as_written_is_placed_wherever_it_stands_in_the_translation() -> None:
    # the matcher reads Odesa inside a longer name there; the check asks only whether the name was carried, and
    # each place it stands answers for one source occurrence
    text = "Umuryango w'Afurika Yunze Odesa Ubumwe wavuze."
    reports = [r for r in verify_terms("Odesa and Odesa.", text, "en", "rw", GLOSSARY) if r.entry == "place.odesa"]
    assert [(r.status, r.target_surface) for r in reports] == [("satisfied", "Odesa"), ("missing", None)]


def test_verbatim_name_translated_is_not_satisfied() -> None:
    (report,) = [r for r in verify_terms("John Kirby spoke.", "Yohani Kirubi yavuze.", "en", "rw", GLOSSARY)
                 if r.entry == "person.john-kirby"]
    assert report.status == "missing"


# --- the pipeline's modes, with a scripted engine ------------------------------------------------------------------


class ScriptedEngine(IdentityEngine):
    """Translates every sentence without the term "Russia"; given constraints, places it (steered), unless
    `unplaceable` (then reports it unmet). Records each call's constraints, strictness and repetition controls."""

    def __init__(self, unplaceable: bool = False, looping: bool = False) -> None:
        super().__init__()
        self.unplaceable, self.looping = unplaceable, looping
        self.calls: list[tuple[bool, bool | None, bool]] = []  # (constraints given, strict, avoid_repetition)

    def translate_batch(self, sentences, source, target, *, avoid_repetition=False, constraints=None,  # type: ignore[override]
                        strict=True):
        given = bool(constraints and any(constraints))
        self.calls.append((given, strict if given else None, avoid_repetition))
        plain = ("Ingabo ingabo ingabo ingabo ingabo zageze mu Ukraine." if self.looping and not avoid_repetition
                 else "Ingabo zageze mu Ukraine.")
        if not given or self.unplaceable:
            unmet = tuple(c.key for c in constraints[0] if not c.met_by(plain)) if given else ()
            return [Hypothesis(plain, 5, unmet=unmet) for _ in sentences]
        return [Hypothesis(plain.replace("zageze", "z'u Burusiya zageze"), 6, steered=True) for _ in sentences]


def _run(mode: str, engine: ScriptedEngine, text: str = "Russian troops reached Ukraine and Russia.") -> dict:
    options = TranslateOptions("rw", "en", glossary=GLOSSARY, glossary_mode=mode)
    (paragraph,) = translate_document(text, engine, options).paragraphs
    return {"target": paragraph.target, "flags": paragraph.flags,
            "status": {t["entry"]: t["status"] for t in paragraph.terms}}


def test_check_mode_reports_without_steering() -> None:
    engine = ScriptedEngine()
    result = _run("check", engine)
    assert engine.calls == [(False, None, False)]
    assert result["target"] == "Ingabo zageze mu Ukraine." and result["flags"] == []  # output left as is
    assert result["status"] == {"term.armed-forces": "satisfied", "place.ukraine": "warning",  # mu -> muri
                                "place.russia": "missing"}


@pytest.mark.parametrize("mode", ["prefer", "strict"])
def test_steering_modes_translate_once_with_the_terms_and_flag_what_was_placed(mode: str) -> None:
    engine = ScriptedEngine()
    result = _run(mode, engine)
    assert engine.calls == [(True, mode == "strict", False)]  # one pass: the engine translates and places
    assert result["status"]["place.russia"] == "satisfied" and FLAG_ENFORCED in result["flags"]
    assert result["target"] == "Ingabo z'u Burusiya zageze muri Ukraine." and FLAG_LOCATIVE in result["flags"]


def test_strict_mode_flags_a_term_it_could_not_place_and_prefer_mode_does_not() -> None:
    strict = _run("strict", ScriptedEngine(unplaceable=True))
    assert strict["status"]["place.russia"] == "missing" and f"{FLAG_NOT_PLACED}:place.russia" in strict["flags"]
    prefer = _run("prefer", ScriptedEngine(unplaceable=True))  # prefer places only where the model can: no flag
    assert prefer["status"]["place.russia"] == "missing" and not any(f.startswith(FLAG_NOT_PLACED)
                                                                      for f in prefer["flags"])


def test_a_looping_translation_is_retried_with_the_terms_still_asked_for() -> None:
    engine = ScriptedEngine(looping=True)
    result = _run("strict", engine)
    assert engine.calls == [(True, True, False), (True, True, True)]
    assert result["status"]["place.russia"] == "satisfied" and "repetition" not in result["flags"]
    assert "repetition_retried" in result["flags"] and FLAG_ENFORCED in result["flags"]  # both, as both happened


@pytest.mark.parametrize("mode", ["check", "prefer", "strict"])
def test_a_name_kept_verbatim_is_never_lost_silently(mode: str) -> None:
    engine = ScriptedEngine(unplaceable=True)
    result = _run(mode, engine, "John Kirby said Russian troops reached Ukraine.")
    assert result["status"]["person.john-kirby"] == "missing"
    assert f"{FLAG_NAME}:John Kirby" in result["flags"]


# --- on the demo models ----------------------------------------------------------------------------------------------


def _json(args: list[str]) -> dict:
    result = CliRunner().invoke(cli, ["translate", *args, "--format", "json", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _terms(data: dict) -> list[dict]:
    return [t for p in data["paragraphs"] for t in p["terms"]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fixture", "article", "target"),
    [("marian_en_rw", "iran-drones-en.txt", "rw"), ("marian_en_rw", "eac-summit-en.md", "rw"),
     ("marian_rw_en", "kivu-ceasefire-rw.txt", "en"), ("nllb_demo", "iran-drones-en.txt", "rw"),
     ("nllb_demo", "kivu-ceasefire-rw.txt", "en")],
)
def test_strict_mode_satisfies_every_term_and_keeps_names_verbatim(fixture: str, article: str, target: str,
                                                                   request: pytest.FixtureRequest) -> None:
    model = request.getfixturevalue(fixture)
    data = _json([str(EXAMPLES / article), "--to", target, "--model", str(model), "--glossary-mode", "strict"])
    terms = _terms(data)
    assert len(terms) > 20 and all(t["status"] == "satisfied" for t in terms), [
        t for t in terms if t["status"] != "satisfied"]
    for paragraph in data["paragraphs"]:
        for term in paragraph["terms"]:
            entry = GLOSSARY.get(term["entry"])
            if entry is not None and entry.verbatim:
                assert term["source_surface"] in paragraph["target"]
    assert "+strict|" in data["signature"]


@pytest.mark.slow
def test_modes_rank_by_term_satisfaction_on_text_the_model_never_saw(marian_en_rw: Path) -> None:
    rates = {}
    for mode in ("check", "prefer", "strict"):
        terms = _terms(_json([str(HELD_OUT / "kyiv-air-defence.en.txt"), "--to", "rw", "--model", str(marian_en_rw),
                              "--glossary-mode", mode]))
        rates[mode] = sum(t["status"] == "satisfied" for t in terms) / len(terms)
    assert rates["check"] < rates["prefer"] < rates["strict"] == 1.0


def _random_wrong_glossary(folder: Path, seed: int = 7) -> Path:
    """WMT-terminology style: real source terms mapped to random, wrong Kinyarwanda words."""
    rng = random.Random(seed)
    wrong = ["igikombe", "umuceri", "inkweto", "ikaramu", "amata", "ibishyimbo", "umugati", "inzovu"]
    rows = ["id\ttype\tstatus\ten\trw\trw_forbidden\tverbatim\trw_class\trw_partner\trw_related\tnote\tsource"]
    english = ["drone", "factory", "satellite image", "sanctions", "radar", "missile"]
    for index, (term, rendering) in enumerate(zip(english, rng.sample(wrong, len(english)))):
        rows.append(f"term.w{index}\tterm\tproposed\t{term}\t{rendering}\t\tno\t\t\t\trandom\ttest")
    path = folder / "wrong.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_random_wrong_glossary_is_inserted_by_strict_and_reported_by_check(marian_en_rw: Path,
                                                                          tmp_path: Path) -> None:
    wrong = _random_wrong_glossary(tmp_path)
    article = str(EXAMPLES / "iran-drones-en.txt")
    source_paragraphs = (EXAMPLES / "iran-drones-en.txt").read_text(encoding="utf-8").strip().count("\n\n") + 1
    results = {}
    for mode in ("check", "strict"):
        data = _json([article, "--to", "rw", "--model", str(marian_en_rw), "--glossary", str(wrong),
                      "--glossary-mode", mode])
        assert len(data["paragraphs"]) == source_paragraphs  # no sentence or paragraph lost in any mode
        terms = _terms(data)
        results[mode] = sum(t["status"] == "satisfied" for t in terms) / len(terms)
    assert results["check"] == 0.0  # the model never produces the random words by itself
    assert results["strict"] == 1.0  # strict inserts them, as asked


@pytest.mark.slow
def test_a_term_the_model_cannot_spell_or_a_very_long_one_is_still_placed(marian_en_rw: Path) -> None:
    from translate.engines.hf import HFEngine

    engine = HFEngine(str(marian_en_rw), beam=2)
    constraints = [[TermConstraint("cjk", ("漢字",)), TermConstraint("long", ("ingabo " * 200,))]]
    (hypothesis,) = engine.translate_batch(["Troops arrived in Goma."], "en", "rw", constraints=constraints)
    assert "漢字" in hypothesis.text and hypothesis.unmet == () and hypothesis.steered


@pytest.mark.parametrize(
    ("text", "entry", "surface"),
    [("Abayobozi bavuze ko urwo ruganda rwubatswe.", "term.factory", "ruganda"),
     ("Ibyinshi muri ibyo bitero byabereye i Kyiv.", "term.attack", "bitero"),
     ("Izo ndege zitagira abapilote zarashwe.", "term.drone", "ndege zitagira abapilote"),
     ("Abayobozi bavuze ko hazafatwa ibindi bihano.", "term.sanctions", "bihano"),
     ("Izindi ndege zitagira abapilote zaguye.", "term.drone", "ndege zitagira abapilote")],
)
def test_demonstratives_take_augmentless_nouns(text: str, entry: str, surface: str) -> None:
    from translate.glossary import find_terms

    assert (entry, surface) in [(m.entry, m.surface) for m in find_terms(text, "rw", GLOSSARY)]
