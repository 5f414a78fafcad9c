"""Glossary-aware translation: constraints, the constrained search, locative fixes, term reports, and modes."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from translate.cli import cli
from translate.engines.base import Hypothesis, IdentityEngine, TermConstraint
from translate.engines.constrained import ConstraintState, TokenConstraint, starting_tokens
from translate.glossary import load_glossaries
from translate.glossary.apply import fix_locatives, summarize, term_constraints, verify_terms
from translate.pipeline import FLAG_ENFORCED, FLAG_LOCATIVE, TranslateOptions, translate_document

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


# --- the search's constraint bookkeeping ---------------------------------------------------------------------------


PIECES = {1: " mu", 2: " Bu", 3: "rusiya", 4: " u", 5: " Burusiya", 6: " ingabo"}


def _advance(state: ConstraintState, constraints: list[TokenConstraint], tokens: list[int]) -> ConstraintState:
    for token in tokens:
        state = state.advance(constraints, token, PIECES[token])
    return state


def test_any_alternative_satisfies_a_disjunctive_constraint() -> None:
    russia = TokenConstraint("place.russia", ((4, 5), (2, 3)), ("u Burusiya", "Burusiya"))
    state = ConstraintState.start([russia])
    assert state.continuing([russia]) == set() and starting_tokens([russia], state.met) == {4, 2}
    state = _advance(state, [russia], [1, 2])
    assert not state.all_met and state.continuing([russia]) == {3}
    state = _advance(state, [russia], [3])
    assert not state.all_met  # the word may go on ("Burusiyaa"): terms are confirmed when it ends
    closed = state.close([russia])
    assert closed.all_met and closed.bank == 2
    assert _advance(state, [russia], [6]).all_met  # a new word starts: confirmed


def _ends_by_scan(forms: tuple[str, ...], text: str) -> bool:
    """What TokenConstraint.ends decides, the slow and obvious way: some form, preceded by the start or a
    boundary character, is followed by nothing but closing punctuation."""
    boundary, trailing = " '’-\"(«“", " .,;:!?)»”\"'’"
    for form in forms:
        for start in range(len(text) - len(form) + 1):
            if (text[start:start + len(form)].lower() == form.lower() and (start == 0 or text[start - 1] in boundary)
                    and all(c in trailing for c in text[start + len(form):])):
                return True
    return False


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="aBu y'’-.,) ", min_size=1, max_size=6), min_size=1, max_size=3),
       st.text(alphabet="aBu y'’-.,) x", max_size=30))
def test_a_form_ends_the_text_exactly_where_a_plain_scan_finds_it(forms: list[str], text: str) -> None:
    constraint = TokenConstraint("t", ((1,),), tuple(forms))
    assert constraint.ends(text) == _ends_by_scan(tuple(forms), text), (forms, text)


def test_a_form_met_with_another_segmentation_counts() -> None:
    russia = TokenConstraint("place.russia", ((2, 3),), ("burusiya",))
    state = _advance(ConstraintState.start([russia]), [russia], [1, 5])  # " mu" " Burusiya": one piece, not two
    assert state.close([russia]).all_met


def test_confirm_callback_can_reject_a_string_match() -> None:
    russia = TokenConstraint("place.russia", ((2, 3),), ("burusiya",), confirm=lambda text: "mu" not in text)
    state = _advance(ConstraintState.start([russia]), [russia], [1, 2, 3])
    assert not state.close([russia]).all_met


def test_a_variant_the_matcher_accepts_is_confirmed_where_the_output_may_end() -> None:
    # The listed form does not end the output, but the confirm callback (the glossary matcher) finds the term.
    defence = TokenConstraint("term.air-defense", ((7, 8),), ("ubwirinzi bwo mu kirere",),
                              confirm=lambda text: "ubwirinzi bwayo bwo mu kirere" in text)
    state = ConstraintState((False,), (frozenset(),), " Ukraine ivuga ko ubwirinzi bwayo bwo mu kirere")
    assert not state.close([defence]).all_met
    assert state.confirm_whole([defence]).close([defence]).all_met


def test_the_decoder_rejects_ungrammatical_placements_the_report_flags() -> None:
    from translate.glossary.apply import satisfied_entries
    from translate.glossary.kinyarwanda import is_placement_warning

    (drone,) = [c for c in term_constraints("drones", "en", "rw", GLOSSARY)]
    awkward = "Zaguye i indege zitagira abapilote."  # the augment stays after the locative 'i'
    assert satisfied_entries(awkward, "rw", GLOSSARY, [drone]) == {"term.drone"}
    assert satisfied_entries(awkward, "rw", GLOSSARY, [drone], well_placed=True) == set()
    assert drone.check is not None and not drone.check(awkward)
    assert drone.check("Zaguye i ndege zitagira abapilote.")
    assert not is_placement_warning("subject agreement: 'Uburusiya yagabye': a class 14 subject takes bu-/bw-")


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


def test_verbatim_name_translated_is_not_satisfied() -> None:
    (report,) = [r for r in verify_terms("John Kirby spoke.", "Yohani Kirubi yavuze.", "en", "rw", GLOSSARY)
                 if r.entry == "person.john-kirby"]
    assert report.status == "missing"


# --- the pipeline's modes, with a scripted engine ------------------------------------------------------------------


class ScriptedEngine(IdentityEngine):
    """Unconstrained: a translation without the term; constrained: one with it (optionally looping)."""

    def __init__(self, looping: bool = False) -> None:
        super().__init__()
        self.looping, self.constrained_calls = looping, 0

    def translate_batch(self, sentences, source, target, *, avoid_repetition=False, constraints=None,  # type: ignore[override]
                        strict=True):
        if not constraints:
            return [Hypothesis("Ingabo zageze mu Ukraine.", 5) for _ in sentences]
        self.constrained_calls += 1
        text = ("Ingabo ingabo ingabo ingabo z'u Burusiya zageze muri Ukraine." if self.looping
                else "Ingabo z'u Burusiya zageze mu Ukraine.")
        return [Hypothesis(text, 6) for _ in sentences]


def _run(mode: str, engine: ScriptedEngine) -> dict:
    options = TranslateOptions("rw", "en", glossary=GLOSSARY, glossary_mode=mode)
    (paragraph,) = translate_document("Russian troops reached Ukraine and Russia.", engine, options).paragraphs
    return {"target": paragraph.target, "flags": paragraph.flags,
            "status": {t["entry"]: t["status"] for t in paragraph.terms}}


def test_check_mode_reports_without_steering() -> None:
    engine = ScriptedEngine()
    result = _run("check", engine)
    assert engine.constrained_calls == 0
    assert result["target"] == "Ingabo zageze mu Ukraine." and result["flags"] == []  # output left as is
    assert result["status"] == {"term.armed-forces": "satisfied", "place.ukraine": "warning",  # mu -> muri
                                "place.russia": "missing"}


def test_prefer_mode_decodes_again_only_where_terms_are_missing() -> None:
    result = _run("prefer", ScriptedEngine())
    assert result["status"]["place.russia"] == "satisfied" and FLAG_ENFORCED in result["flags"]
    assert result["target"] == "Ingabo z'u Burusiya zageze muri Ukraine." and FLAG_LOCATIVE in result["flags"]


def test_prefer_mode_rejects_a_looping_constrained_output() -> None:
    result = _run("prefer", ScriptedEngine(looping=True))
    assert result["status"]["place.russia"] == "missing" and FLAG_ENFORCED not in result["flags"]


class RecordingEngine(ScriptedEngine):
    def __init__(self, looping: bool = False, plain: str = "Ingabo zageze mu Ukraine.") -> None:
        super().__init__(looping)
        self.plain, self.calls = plain, []  # type: list[str]

    def translate_batch(self, sentences, source, target, *, avoid_repetition=False, constraints=None,  # type: ignore[override]
                        strict=True):
        self.calls.append("constrained" if constraints and any(constraints) else "plain")
        if not constraints or not any(constraints):
            return [Hypothesis(self.plain, 5) for _ in sentences]
        return super().translate_batch(sentences, source, target, avoid_repetition=avoid_repetition,
                                       constraints=constraints, strict=strict)


def test_strict_mode_constrains_its_first_decode_and_prefer_mode_does_not() -> None:
    strict, prefer = RecordingEngine(), RecordingEngine()
    _run("strict", strict)
    _run("prefer", prefer)
    assert strict.calls == ["constrained"]  # one search: the terms are required from the start
    assert prefer.calls == ["plain", "constrained"]  # decoded again only because a term was missing


class UnplaceableEngine(RecordingEngine):
    """Constrained, it reports every term it was given as unmet (it could not place them) and leaves them out;
    `cut_off`: its outputs ran out of length budget."""

    def __init__(self, cut_off: bool = False) -> None:
        super().__init__()
        self.cut_off = cut_off

    def translate_batch(self, sentences, source, target, *, avoid_repetition=False, constraints=None,  # type: ignore[override]
                        strict=True):
        self.calls.append("constrained" if constraints and any(constraints) else "plain")
        unmet = [tuple(c.key for c in terms) for terms in constraints or [[] for _ in sentences]]
        return [Hypothesis(self.plain, 5, finished=not self.cut_off, unmet=u) for u in unmet]


def test_strict_mode_does_not_steer_again_toward_terms_the_engine_could_not_place() -> None:
    engine = UnplaceableEngine()
    result = _run("strict", engine)
    assert engine.calls == ["constrained"]  # not a second search for the same missing terms
    assert result["status"]["place.russia"] == "missing"
    cut_off = UnplaceableEngine(cut_off=True)
    _run("strict", cut_off)
    assert cut_off.calls.count("constrained") > 1  # out of budget: the missing terms alone may fit


def test_strict_mode_takes_the_models_own_output_when_steering_loops_and_the_model_had_the_terms() -> None:
    engine = RecordingEngine(looping=True, plain="Ingabo z'u Burusiya zageze muri Ukraine.")
    result = _run("strict", engine)
    assert engine.calls[:2] == ["constrained", "plain"]
    assert result["target"] == "Ingabo z'u Burusiya zageze muri Ukraine." and "repetition" not in result["flags"]
    assert set(result["status"].values()) == {"satisfied"}


def test_strict_mode_keeps_the_terms_and_flags_the_loop() -> None:
    result = _run("strict", ScriptedEngine(looping=True))
    assert result["status"]["place.russia"] == "satisfied" and "repetition" in result["flags"]


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
def test_modes_rank_by_term_satisfaction(marian_en_rw: Path) -> None:
    rates = {}
    for mode in ("check", "prefer", "strict"):
        terms = _terms(_json([str(EXAMPLES / "iran-drones-en.txt"), "--to", "rw", "--model", str(marian_en_rw),
                              "--glossary-mode", mode]))
        rates[mode] = sum(t["status"] == "satisfied" for t in terms) / len(terms)
    assert rates["check"] < rates["prefer"] <= rates["strict"] == 1.0


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
def test_search_without_constraints_matches_transformers_beam_search(marian_en_rw: Path) -> None:
    from translate.demo import read_corpus
    from translate.engines.hf import HFEngine

    engine = HFEngine(str(marian_en_rw), beam=4)
    sentences = [pair[0] for pair in read_corpus()[:24]]
    reference = engine.translate_batch(sentences, "en", "rw")
    ours = engine._search(sentences, [[] for _ in sentences], "en", "rw", avoid_repetition=False, strict=True)
    assert [h.text for h in ours] == [h.text for h in reference]


def _example_sentences(article: str, source: str) -> list[str]:
    from translate.document import split_paragraphs, split_sentences

    text = (EXAMPLES / article).read_text(encoding="utf-8")
    return [s for p in split_paragraphs(text) if p.has_words for u in p.units for s in split_sentences(u.text, source)]


@pytest.mark.slow
def test_search_with_every_term_finishes_fluent_outputs_that_carry_them(marian_en_rw: Path) -> None:
    """Each sentence of the example articles with all its terms as hard constraints: every output ends by
    itself (none runs to the length limit) without looping, and carries every term (the search's notion of
    'met' and the term report agree)."""
    from translate.engines.hf import HFEngine
    from translate.glossary.apply import satisfied_entries
    from translate.pipeline import is_degenerate

    engine = HFEngine(str(marian_en_rw), beam=4)
    sentences = _example_sentences("iran-drones-en.txt", "en") + _example_sentences("eac-summit-en.md", "en")
    constraints = [term_constraints(s, "en", "rw", GLOSSARY) for s in sentences]
    outputs = [h for i in range(0, len(sentences), 16)
               for h in engine.translate_batch(sentences[i:i + 16], "en", "rw", constraints=constraints[i:i + 16])]
    assert sum(map(len, constraints)) > 80
    for sentence, terms, output in zip(sentences, constraints, outputs):
        assert output.finished and not is_degenerate(sentence, output), (sentence, output.text)
        assert not output.unmet and satisfied_entries(output.text, "rw", GLOSSARY, terms) == {t.key for t in terms}


@pytest.mark.slow
@pytest.mark.parametrize("fixture", ["marian_en_rw", "nllb_demo"])
def test_search_keeps_the_models_own_output_where_it_has_the_terms(fixture: str,
                                                                   request: pytest.FixtureRequest) -> None:
    """Where the model's own translation already carries every term, strict constraints leave it alone (the
    search waits for a full beam of finished outputs, as plain beam search does)."""
    from translate.engines.hf import HFEngine
    from translate.glossary.apply import satisfied_entries

    engine = HFEngine(str(request.getfixturevalue(fixture)), beam=4)
    same = checked = 0
    for sentence in _example_sentences("iran-drones-en.txt", "en") + _example_sentences("eac-summit-en.md", "en"):
        terms = term_constraints(sentence, "en", "rw", GLOSSARY)
        (plain,) = engine.translate_batch([sentence], "en", "rw")
        if not terms or len(satisfied_entries(plain.text, "rw", GLOSSARY, terms)) < len(terms):
            continue
        (constrained,) = engine.translate_batch([sentence], "en", "rw", constraints=[terms])
        checked += 1
        same += constrained.text == plain.text
    # The reserved half of the beam narrows the model's own search a little: one sentence may come out otherwise.
    assert checked >= 20 and same >= checked - 1


@pytest.mark.slow
def test_rows_with_more_openings_than_fetched_weigh_the_same_candidates(marian_en_rw: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The search fetches a few likeliest term openings per row in one batched top-k; where a row's top
    candidates take those, it searches the row's own scores. Fetching one per row must weigh the same candidates
    at every step."""
    from translate.engines import constrained
    from translate.engines.hf import HFEngine

    engine = HFEngine(str(marian_en_rw), beam=4)
    sentences = _example_sentences("iran-drones-en.txt", "en")[:12]
    constraints = [term_constraints(s, "en", "rw", GLOSSARY) for s in sentences]
    allocate = constrained.ConstrainedSearch._allocate

    def weighed() -> list[list[tuple[int, int]]]:
        seen: list[list[tuple[int, int]]] = []

        def spy(self, candidates, *args):  # type: ignore[no-untyped-def]
            seen.append(sorted((row, token) for _, row, token, _, _ in candidates))
            return allocate(self, candidates, *args)

        monkeypatch.setattr(constrained.ConstrainedSearch, "_allocate", spy)
        engine.translate_batch(sentences, "en", "rw", constraints=constraints)
        return seen

    usual = weighed()
    monkeypatch.setattr(constrained, "_CONTINUING_ROOM", -4 - 2 * 4 + 1)  # beam + top-k + room = 1 opening per row
    assert weighed() == usual and len(usual) > 100


@pytest.mark.slow
def test_a_sentence_without_terms_in_a_strict_batch_keeps_its_own_length_limit(marian_en_rw: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentences without terms ride along in a strict search; the room their neighbours' terms need must not
    raise their own length limit above what generate() gives them."""
    from translate.engines import hf
    from translate.engines.hf import HFEngine

    monkeypatch.setattr(hf, "_OUTPUT_RATIO", 0.0)
    monkeypatch.setattr(hf, "_OUTPUT_SLACK", 4)  # four new tokens, far too few for either sentence
    engine = HFEngine(str(marian_en_rw), beam=4)
    sentences = ["Russia says the drones were made in Iran for the war in Ukraine.", "Officials met on Monday."]
    terms = term_constraints(sentences[0], "en", "rw", GLOSSARY)
    (_, plain) = engine.translate_batch(sentences, "en", "rw")
    (forced, rider) = engine.translate_batch(sentences, "en", "rw", constraints=[terms, []])
    # generate() spends the last of the four on a forced end of sentence; the search leaves the output open
    assert rider.text.startswith(plain.text) and plain.tokens <= rider.tokens <= 4 < forced.tokens


@pytest.mark.slow
def test_a_fixed_output_length_holds_in_the_search_too(marian_en_rw: Path) -> None:
    from translate.engines.hf import HFEngine

    engine = HFEngine(str(marian_en_rw), beam=2, output_tokens=12)  # the benchmarks' knob
    terms = term_constraints("Russia sent drones.", "en", "rw", GLOSSARY)
    (plain,) = engine.translate_batch(["Russia sent drones."], "en", "rw")
    (constrained,) = engine.translate_batch(["Russia sent drones."], "en", "rw", constraints=[terms])
    assert plain.tokens == constrained.tokens == 12 and constrained.finished


@pytest.mark.slow
def test_unspellable_and_oversized_constraints_do_not_crash(marian_en_rw: Path) -> None:
    from translate.engines.hf import HFEngine

    engine = HFEngine(str(marian_en_rw), beam=2)
    constraints = [[TermConstraint("cjk", ("漢字",)), TermConstraint("long", ("ingabo " * 200,))]]
    (hypothesis,) = engine.translate_batch(["Troops arrived in Goma."], "en", "rw", constraints=constraints)
    assert hypothesis.text and set(hypothesis.unspellable) == {"cjk", "long"}


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
