"""Term placement (translate/engines/placement.py): where a missing term goes, in which form, and what is kept.

A fake scorer stands in for the model, so each test decides what the "model" prefers; the engines' own scoring
is tested in tests/test_ct2.py and on the held-out set.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from translate.constraints import ANYWHERE, CLEAN, FormContext, TermConstraint
from translate.engines.base import ScoredTarget
from translate.engines.placement import (
    _Sentence, _source_span, _spans, _spelt_like, _word_attention, place_terms, words_of,
)
from translate.glossary import load_glossaries
from translate.glossary.apply import term_constraints
from translate.glossary.kinyarwanda import form_contexts

GLOSSARY = load_glossaries(None)


class FakeScorer:
    """Scores a target by `rate(text)` (higher is better); pieces are words; alignment, where given, is a per-word
    weight over the sentence's words. Records every call."""

    def __init__(self, rate: Callable[[str], float], attention: Callable[[str, str], list[list[float]]] | None = None):
        self.rate, self.attention = rate, attention
        self.calls: list[list[str]] = []

    def score_batch(self, sentences: list[str], targets: list[str], source: str, target: str, *,
                    alignment: bool = False, from_chars: list[int] | None = None) -> list[ScoredTarget]:
        self.calls.append(list(targets))
        results = []
        for sentence, text in zip(sentences, targets):
            pieces = tuple("\u2581" + w for w in text.split())
            weights = self.attention(sentence, text) if alignment and self.attention else None
            source_pieces = tuple("\u2581" + w for w in sentence.split())
            results.append(ScoredTarget(pieces, (self.rate(text),) * (len(pieces) + 1), source_pieces,
                                        tuple(tuple(row) for row in weights) if weights else None))
        return results


def term(key: str, *forms: str, hard: bool = False, source: str = "",
         contexts: tuple[FormContext, ...] = ()) -> TermConstraint:
    return TermConstraint(key, forms, hard=hard, source=source, contexts=contexts)


def aligned(source: str, draft: str, constraint: TermConstraint, rows: list[list[float]] | None) -> _Sentence:
    """A sentence's placement state, aligned by the fake scorer's attention `rows`."""
    scored = FakeScorer(lambda t: 0.0, (lambda s, t: rows) if rows else None).score_batch(
        [source], [draft], "en", "rw", alignment=True)[0]
    return _Sentence(source, draft, [constraint], [False], attention=_word_attention(draft, scored),
                     source_pieces=scored.source_pieces)


# --- words, spans and forms ------------------------------------------------------------------------------------------


def test_words_leave_out_punctuation_but_keep_elided_connectives() -> None:
    text = "Ingabo z'u Burusiya, (Reuters) «Kyiv»."
    assert [w.text for w in words_of(text)] == ["Ingabo", "z'u", "Burusiya", "Reuters", "Kyiv"]
    assert text[words_of(text)[3].start - 1] == "("


def test_source_span_finds_the_pieces_that_spell_the_term() -> None:
    pieces = ["\u2581The", "\u2581White", "\u2581Ho", "use", "\u2581said", "."]
    assert _source_span(pieces, "White House") == [1, 2, 3]
    assert _source_span(pieces, "white house") == [1, 2, 3]
    assert _source_span(pieces, "Kremlin") == []


def test_spans_follow_the_words_the_term_attends_to() -> None:
    draft = "Yavuze ko ibihugu byombi birimo kwagura ubufatanye bwabyo mu bya gisirikare ."
    source = "He said the two countries were deepening their military cooperation ."
    # The source term ("military cooperation", words 8-9) attends to draft words 6-10.
    rows = [[0.0] * 11 for _ in draft.split()]
    for word in range(6, 11):
        rows[word][8] = rows[word][9] = 0.4
    cooperation = term("term.defense-cooperation", "ubufatanye mu bya gisirikare", source="military cooperation")
    spans = _spans(words_of(draft), aligned(source, draft, cooperation, rows), cooperation, count=1)
    assert spans == [(6, 11, False),  # the model's whole rendering (anchored on its middle), replaced by the term
                     (6, 6, False), (11, 11, False),  # or the term inserted before or after it
                     (5, 11, True)]  # the rendering with the word before, for forms that replace a connective


def test_spans_without_attention_go_near_the_terms_place_in_the_source() -> None:
    draft = "a b c d e f g h i j"
    kyiv = term("place.kyiv", "Kyiv", source="Kyiv")
    spans = _spans(words_of(draft), aligned("x y z w v u t s r Kyiv", draft, kyiv, None), kyiv, count=1)
    assert spans[0] == (9, 10, False)  # the source ends with the term: so do the first edits


def test_kinyarwanda_forms_know_where_they_stand() -> None:
    forms = ("Uburusiya", "u Burusiya", "Burusiya", "y'Uburusiya", "n'u Burusiya", "nk'Uburusiya")
    contexts = dict(zip(forms, form_contexts(forms)))  # forms: a tuple (the contexts are cached per form set)
    assert contexts["Uburusiya"] == contexts["u Burusiya"] == ANYWHERE
    assert contexts["Burusiya"].fits("mu", "") and not contexts["Burusiya"].fits("ingabo", "")
    assert contexts["y'Uburusiya"].fits("ingabo", "ya") and contexts["y'Uburusiya"].fits("ingabo", "y'amerika")
    assert not contexts["y'Uburusiya"].fits("ingabo", "za") and not contexts["y'Uburusiya"].fits("ingabo", "")
    assert contexts["n'u Burusiya"].fits("", "na") and contexts["nk'Uburusiya"].fits("", "nka")


def test_glossary_constraints_carry_contexts_for_kinyarwanda_only() -> None:
    (russia,) = term_constraints("Russia", "en", "rw", GLOSSARY)
    assert len(russia.contexts) == len(russia.forms)
    (uburusiya,) = term_constraints("Uburusiya", "rw", "en", GLOSSARY)
    assert uburusiya.contexts == () and uburusiya.context(0) == ANYWHERE


# --- placing ---------------------------------------------------------------------------------------------------------


def preferring(*words: str, penalty: float = 1.0) -> Callable[[str], float]:
    """A fake model that likes texts with `words` and dislikes length changes."""
    return lambda text: sum(w in text.split() for w in words) - penalty * 0.01 * abs(len(text.split()) - 6)


def test_a_missing_term_replaces_the_models_rendering_where_the_model_scores_it_best() -> None:
    russia = term("place.russia", "Uburusiya", source="Russia")
    scorer = FakeScorer(preferring("Uburusiya", "yagabye"))
    (placed,) = place_terms(scorer, ["Russia attacked Kyiv at night ."], ["Amerika yagabye igitero i Kyiv ."], "en",
                            "rw", [[russia]], strict=True)
    assert placed.text == "Uburusiya yagabye igitero i Kyiv ." and placed.steered and placed.unmet == ()


def test_a_draft_that_has_every_term_is_left_alone_without_scoring() -> None:
    scorer = FakeScorer(preferring())
    (placed,) = place_terms(scorer, ["Russia"], ["Uburusiya bwatangaje ."], "en", "rw",
                            [[term("place.russia", "Uburusiya")]], strict=True)
    assert placed.text == "Uburusiya bwatangaje ." and not placed.steered and scorer.calls == []


def test_the_form_closest_to_the_models_own_rendering_replaces_it() -> None:
    drone = term("term.drone", "indege itagira abapilote", "drone", "indege zitagira abapilote", source="drones")
    draft = "Ejo indege zitagira abaderevu zaje ."
    rows = [[0.0, 0.0, 0.0] for _ in draft.split()]
    rows[1][0] = rows[2][0] = rows[3][0] = 1.0  # "drones" (source word 0) attends to the model's rendering
    scorer = FakeScorer(lambda text: 1.0 if "Ejo indege" in text and "zaje" in text else 0.0, lambda s, t: rows)
    (placed,) = place_terms(scorer, ["drones came yesterday"], [draft], "en", "rw", [[drone]], strict=True)
    assert placed.text == "Ejo indege zitagira abapilote zaje ."  # plural, as the model wrote it


def test_an_elided_form_takes_the_place_of_its_full_connective() -> None:
    russia = term("place.russia", "Uburusiya", "z'Uburusiya", source="Russia",
                  contexts=(ANYWHERE, FormContext(replaces=frozenset({"za", "z'"}))))
    # "Russia" (source word 2) attends to "Amerika" (draft word 2).
    scorer = FakeScorer(preferring("z'Uburusiya", "Ingabo"), lambda s, t: [[0, 0, 0], [0, 0, 0], [0, 0, 1], [0, 0, 0]])
    (placed,) = place_terms(scorer, ["troops of Russia"], ["Ingabo za Amerika ."], "en", "rw", [[russia]],
                            strict=True)
    assert placed.text == "Ingabo z'Uburusiya ."
    assert not any("z'Uburusiya" in t and " za " in t for call in scorer.calls for t in call)  # never "za z'…"


def test_prefer_mode_leaves_a_term_out_where_it_costs_the_sentence_too_much() -> None:
    russia = term("place.russia", "Uburusiya", source="Russia")
    scorer = FakeScorer(lambda text: -5.0 if "Uburusiya" in text else 0.0)
    (prefer,) = place_terms(scorer, ["Russia"], ["Amerika yagabye ."], "en", "rw", [[russia]], strict=False)
    assert prefer.text == "Amerika yagabye ." and prefer.unmet == ("place.russia",) and not prefer.steered
    (strict,) = place_terms(scorer, ["Russia"], ["Amerika yagabye ."], "en", "rw", [[russia]], strict=True)
    assert "Uburusiya" in strict.text and strict.unmet == ()


def test_a_rendering_spelt_a_little_off_takes_the_term_whatever_the_attention_says() -> None:
    helicopter = term("term.helicopter", "kajugujugu", "kajugujugu z'intambara", source="helicopters")
    source, draft = "Iran will sell Russia attack helicopters .", "Irani izagurisha Uburusiya kajugu z'intambara ."
    # A weak model: "helicopters" (source word 5) attends to "izagurisha" (draft word 1), and it wrote the term cut
    # short. It likes its own sentence as long as it is.
    rows = [[0.0] * 7 for _ in draft.split()]
    rows[1][5] = 1.0
    assert _spans(words_of(draft), aligned(source, draft, helicopter, rows), helicopter, count=1)[0] == (3, 4, False)
    scorer = FakeScorer(lambda t: 0.0 if "izagurisha Uburusiya" in t and len(t.split()) == 7 else -1.0,
                        lambda s, t: rows)
    (placed,) = place_terms(scorer, [source], [draft], "en", "rw", [[helicopter]], strict=False)
    assert placed.text == "Irani izagurisha Uburusiya kajugujugu z'intambara ." and placed.unmet == ()


def test_only_a_word_spelt_like_the_term_from_its_start_and_no_other_terms_is_its_rendering() -> None:
    africa, america = term("place.africa", "Afrika"), term("place.united-states", "Amerika", "Amerikani")
    helicopter = term("term.helicopter", "kajugujugu")
    assert _spelt_like(words_of("Ingabo za Amerika zageze ."), africa, [africa]) is None  # alike, not from the start
    assert _spelt_like(words_of("Kajugu za Amerikani ."), helicopter, [helicopter, america]) == 0
    assert _spelt_like(words_of("Ingabo za Amerikani ."), america, [america]) is None  # already a form of the term
    kajugu = term("term.other", "kajugu")
    assert _spelt_like(words_of("Kajugu yaguye ."), helicopter, [helicopter, kajugu]) is None  # another term's word


def test_prefer_mode_still_places_names_kept_verbatim() -> None:
    kirby = term("person.john-kirby", "John Kirby", hard=True, source="John Kirby")
    scorer = FakeScorer(lambda text: -5.0 if "Kirby" in text else 0.0)
    (placed,) = place_terms(scorer, ["John Kirby said ."], ["Yavuze ."], "en", "rw", [[kirby]], strict=False)
    assert "John Kirby" in placed.text and placed.unmet == ()


def test_several_terms_are_placed_and_a_term_already_met_is_never_lost() -> None:
    kyiv = term("place.kyiv", "Kyiv", source="Kyiv")
    russia = term("place.russia", "Uburusiya", source="Russia")
    iran = term("place.iran", "Irani", source="Iran")
    # The fake model would most like the draft's "Kyiv" replaced: that edit loses a met term, so it is refused.
    scorer = FakeScorer(lambda text: ("Kyiv" not in text) * 3 + ("Uburusiya" in text) + ("Irani" in text))
    (placed,) = place_terms(scorer, ["Russia and Iran hit Kyiv ."], ["Bateye Kyiv ejo ."], "en", "rw",
                            [[russia, iran, kyiv]], strict=True)
    assert {"Kyiv", "Uburusiya", "Irani"} <= set(placed.text.replace(".", " ").split()), placed.text
    assert placed.unmet == ()


def test_a_term_the_sentence_uses_twice_is_placed_twice() -> None:
    kyiv = term("place.kyiv", "Kyiv", source="Kyiv")
    kyiv = TermConstraint(kyiv.key, kyiv.forms, source="Kyiv", count=2)
    scorer = FakeScorer(lambda text: text.count("Kyiv"))
    (placed,) = place_terms(scorer, ["KYIV - Drones hit Kyiv ."], ["Drones zateye umujyi ejo ."], "en", "rw",
                            [[kyiv]], strict=True)
    assert placed.text.count("Kyiv") == 2 and placed.unmet == ()


def test_a_term_at_the_start_of_the_sentence_is_capitalised() -> None:
    drone = term("term.drone", "drone", source="Drones")
    scorer = FakeScorer(lambda text: text.startswith("Drone") * 1.0)
    (placed,) = place_terms(scorer, ["Drones flew ."], ["Zagurutse ."], "en", "rw", [[drone]], strict=True)
    assert placed.text.startswith("Drone ")


def test_the_matcher_decides_whether_a_placement_counts() -> None:
    # The matcher (the check callback) refuses a form right after "mu": the placement must go elsewhere.
    russia = TermConstraint("place.russia", ("Uburusiya",), source="Russia",
                            check=lambda text: (CLEAN,) if "Uburusiya" in text and "mu Uburusiya" not in text else ())
    scorer = FakeScorer(lambda text: 2.0 * ("mu Uburusiya" in text) + ("Uburusiya" in text))
    (placed,) = place_terms(scorer, ["in Russia ."], ["Bari mu Amerika ."], "en", "rw", [[russia]], strict=True)
    assert "Uburusiya" in placed.text and "mu Uburusiya" not in placed.text


def test_scoring_calls_do_not_grow_with_the_number_of_sentences() -> None:
    def calls(count: int) -> int:
        terms = [[term("place.russia", "Uburusiya", "u Burusiya", source="Russia"),
                  term("place.iran", "Irani", "Iran", source="Iran")]] * count
        scorer = FakeScorer(preferring("Uburusiya", "Irani"))
        placed = place_terms(scorer, ["Russia and Iran ."] * count, ["Ibihugu bibiri ."] * count, "en", "rw", terms,
                             strict=True)
        assert all(p.unmet == () for p in placed)
        return len(scorer.calls)

    assert calls(1) == calls(5) <= 4  # per round: the candidates (and, after the first, the edited drafts)


def test_edits_of_terms_far_apart_are_scored_in_the_same_sentences() -> None:
    draft = "Ejo ibihugu byombi byavuze ko bizakomeza gukorana n' abandi bose ."
    source = "Russia said yesterday that both countries would keep working with Iran ."
    rows = [[0.0] * 12 for _ in draft.split()]
    rows[0][0] = rows[10][10] = 1.0  # Russia attends to the first word, Iran to the last one
    scorer = FakeScorer(preferring("Uburusiya", "Irani"), lambda s, t: rows)
    terms = [term("place.russia", "Uburusiya", source="Russia"), term("place.iran", "Irani", source="Iran")]
    (placed,) = place_terms(scorer, [source], [draft], "en", "rw", [terms], strict=True)
    assert placed.unmet == ()
    places = scorer.calls[1]  # after the drafts' alignment pass
    assert all("Uburusiya" in t and "Irani" in t for t in places[:3]), places  # one sentence, two edits


@pytest.mark.parametrize("strict", [True, False])
def test_placement_never_changes_a_sentence_without_missing_terms(strict: bool) -> None:
    scorer = FakeScorer(preferring())
    drafts = ["Uburusiya bwateye .", "Nta kintu ."]
    placed = place_terms(scorer, ["Russia attacked .", "Nothing ."], drafts, "en", "rw",
                         [[term("place.russia", "Uburusiya")], []], strict=strict)
    assert [p.text for p in placed] == drafts and not any(p.steered for p in placed)


# --- edge cases ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("draft", ["", "...", "« »"])
@pytest.mark.parametrize("strict", [True, False])
def test_a_draft_without_words_is_left_alone(draft: str, strict: bool) -> None:
    (placed,) = place_terms(FakeScorer(preferring()), ["Russia."], [draft], "en", "rw",
                            [[term("place.russia", "Uburusiya", source="Russia")]], strict=strict)
    assert placed.text == draft and placed.unmet == ("place.russia",) and not placed.steered


def test_pieces_go_to_their_own_words_whatever_the_punctuation() -> None:
    from translate.engines.placement import _piece_words

    text = 'Ati: "Amerika, Ubufaransa, n\'Ubudage, Kenya, Uganda." Tanzania yemeye'
    pieces = ["\u2581Ati", ":", "\u2581\"", "Amerika", ",", "\u2581Ubufaransa", ",", "\u2581n", "'", "Ubudage", ",",
              "\u2581Kenya", ",", "\u2581Uganda", ".\"", "\u2581Tanzania", "\u2581yemeye"]
    words = words_of(text)
    owners = [words[i].text for i in _piece_words(pieces, text, words)]
    assert owners[pieces.index("\u2581Kenya")] == "Kenya" and owners[pieces.index("\u2581Tanzania")] == "Tanzania"
    assert owners[pieces.index(",")] == "Amerika"  # punctuation goes with the word before it


class PerTokenScorer(FakeScorer):
    """Each token's log-probability by its word: `costs` (word -> log-probability), else -1."""

    def __init__(self, costs: dict[str, float]) -> None:
        super().__init__(lambda text: 0.0)
        self.costs = costs

    def score_batch(self, sentences, targets, source, target, *, alignment=False, from_chars=None):  # type: ignore[no-untyped-def]
        self.calls.append(list(targets))
        return [ScoredTarget(tuple("\u2581" + w for w in t.split()),
                             tuple(self.costs.get(w, -1.0) for w in t.split()) + (-1.0,),
                             tuple("\u2581" + w for w in s.split())) for s, t in zip(sentences, targets)]


def test_edits_scored_in_one_sentence_read_only_their_own_tokens() -> None:
    from translate.engines.placement import _edit, _score

    draft = "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 ."
    scorer = PerTokenScorer({"Y": -10.0})
    (scored,) = scorer.score_batch(["a b"], [draft], "en", "rw")
    state = _Sentence("a b", draft, [term("x", "X"), term("y", "Y")], [False, False])
    words = words_of(draft)
    x = _edit(draft, words, 2, 3, "X", 0)
    (alone,) = _score(scorer, [state], [scored], [[x]], "en", "rw")
    for where in range(4, 10):  # Y's cost never reaches X, whether they share a scored sentence or not
        y = _edit(draft, words, where, where + 1, "Y", 1)
        (together,) = _score(scorer, [state], [scored], [[x, y]], "en", "rw")
        assert [e.score for e in together if e.term == 0] == [alone[0].score], where
    assert len(scorer.calls[-1]) == 1  # far enough apart: one scored sentence for both


def test_prefer_mode_keeps_the_sum_of_several_edits_within_the_margin() -> None:
    # Each placed name costs 1.5 in one token: about 0.12 of the sentence's mean alone, 0.23 both.
    russia, iran = term("place.russia", "Uburusiya", source="Russia"), term("place.iran", "Irani", source="Iran")
    scorer = PerTokenScorer({"Uburusiya": -1.5, "Irani": -1.5})
    scorer.costs.update({w: 0.0 for w in "Ibihugu bibiri byahuriye i Geneve uyu munsi ejo bundi .".split()})
    (placed,) = place_terms(scorer, ["Russia and Iran met in Geneva the other day ."],
                            ["Ibihugu bibiri byahuriye i Geneve uyu munsi ejo bundi ."], "en", "rw", [[russia, iran]],
                            strict=False)
    assert len(placed.unmet) == 1 and placed.steered, placed


def test_the_source_term_is_found_as_a_whole_word() -> None:
    pieces = ["\u2581Thus", "\u2581the", "\u2581US", "\u2581told", "\u2581Russia", "\u2581and", "\u2581us", "."]
    assert _source_span(pieces, "US") == [2]  # not "Thus", not "us"
    assert _source_span(["\u2581Iranian", "\u2581drones"], "Iran") == []


def test_a_clean_new_rendering_beats_a_flawed_one_when_the_draft_has_a_flawed_one() -> None:
    from translate.constraints import FLAWED

    def graded(text: str) -> tuple[int, ...]:  # "Uburusiya ya…" is flawed (a verb that does not agree)
        return tuple(sorted(((FLAWED if after.startswith(" ya") else CLEAN) for after in text.split("Uburusiya")[1:]),
                            reverse=True))

    russia = TermConstraint("place.russia", ("Uburusiya",), source="Russia", check=graded, count=2)
    scorer = FakeScorer(lambda text: 1.0 if "Uburusiya yateye" in text else 0.0)  # the model prefers the flawed one
    (placed,) = place_terms(scorer, ["Russia said Russia attacked ."], ["Uburusiya yavuze ko yateye ."], "en", "rw",
                            [[russia]], strict=True)
    assert graded(placed.text)[:2] == (CLEAN, CLEAN) or "Uburusiya yateye" not in placed.text, placed.text
    assert len(graded(placed.text)) == 2
