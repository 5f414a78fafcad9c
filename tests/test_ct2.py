"""The CTranslate2 backend: conversion, parity with the HF engine, glossary terms, backend choice, no torch."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, converted
from translate.cli import cli
from translate.convert import convert_model, converted_dir
from translate.demo import read_corpus
from translate.document import split_paragraphs
from translate.engines import choose_backend
from translate.errors import ModelError, OutputError

pytestmark = pytest.mark.slow


def _sentences(source: str, count: int = 40) -> list[str]:
    pairs = read_corpus()[::7][:count]
    extra = {"en": ["Iranian drones struck Kyiv on Monday, officials in Washington said.", "Thanks!"],
             "rw": ["Ingabo za Congo zavuze ko imirwano yahagaze ku wa mbere.", "Murakoze!"]}
    return [en if source == "en" else rw for en, rw in pairs] + extra[source]


@pytest.mark.parametrize(("fixture", "source", "target"), [
    ("marian_en_rw", "en", "rw"), ("marian_rw_en", "rw", "en"), ("nllb_demo", "en", "rw"), ("nllb_demo", "rw", "en"),
])
def test_greedy_output_equals_the_hf_engine(fixture: str, source: str, target: str,
                                             request: pytest.FixtureRequest) -> None:
    from translate.engines.ct2 import CT2Engine
    from translate.engines.hf import HFEngine

    model = request.getfixturevalue(fixture)
    sentences = _sentences(source)
    hf = HFEngine(str(model), beam=1)
    ct2 = CT2Engine(str(converted(model, "float32")), beam=1)
    assert ct2.count_tokens(sentences, source) == hf.count_tokens(sentences, source)
    expected = [h.text for h in hf.translate_batch(sentences, source, target)]
    assert [h.text for h in ct2.translate_batch(sentences, source, target)] == expected
    assert ct2.max_input_tokens == hf.max_input_tokens


def test_int8_model_is_smaller_and_translates_the_corpus(marian_en_rw: Path) -> None:
    from translate.engines.ct2 import CT2Engine

    int8, float32 = converted(marian_en_rw, "int8"), converted(marian_en_rw, "float32")
    assert (int8 / "model.bin").stat().st_size < 0.5 * (float32 / "model.bin").stat().st_size
    pairs = read_corpus()[::7][:40]
    outputs = CT2Engine(str(int8), beam=1).translate_batch([en for en, _ in pairs], "en", "rw")
    exact = sum(h.text == rw for h, (_, rw) in zip(outputs, pairs))
    assert exact >= 0.85 * len(pairs)  # the demo model learnt its corpus; int8 costs it little


def test_strict_glossary_mode_places_every_term_on_ct2(ct2_en_rw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["translate", str(EXAMPLES / "iran-drones-en.txt"), "--to", "rw", "--model",
                                      str(ct2_en_rw), "--glossary-mode", "strict", "--format", "json", "-o",
                                      str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["run"]["backend"] == "ct2"
    terms = [t for p in data["paragraphs"] for t in p["terms"]]
    assert len(terms) > 50 and all(t["status"] == "satisfied" for t in terms)
    source = (EXAMPLES / "iran-drones-en.txt").read_text(encoding="utf-8")
    assert [p["source"] for p in data["paragraphs"]] == [p.source for p in split_paragraphs(source)]
    assert "Alabuga" in "\n".join(p["target"] for p in data["paragraphs"])


def test_ct2_engine_imports_neither_torch_nor_transformers(ct2_en_rw: Path) -> None:
    code = (
        "import sys\n"
        "from translate.engines import load_engine\n"
        f"engine = load_engine('auto', {str(ct2_en_rw)!r}, beam=2)\n"
        "print(engine.translate_batch(['Good morning.'], 'en', 'rw')[0].text)\n"
        "print('HEAVY:' + ','.join(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "HEAVY:"


def test_backend_choice(marian_en_rw: Path, ct2_en_rw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INKURU_CACHE_DIR", str(tmp_path / "cache"))
    model = str(marian_en_rw)
    assert choose_backend("auto", str(ct2_en_rw)) == ("ct2", str(ct2_en_rw))
    assert choose_backend("auto", model) == ("hf", model)  # nothing converted in this cache yet
    with pytest.raises(ModelError, match="models convert"):
        choose_backend("ct2", model)
    with pytest.raises(ModelError, match="--backend ct2"):
        choose_backend("hf", str(ct2_en_rw))
    result = CliRunner().invoke(cli, ["models", "convert", model])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(converted_dir(model))
    assert choose_backend("auto", model) == ("ct2", str(converted_dir(model)))
    assert choose_backend("hf", model) == ("hf", model)


def test_convert_refuses_an_existing_folder_without_force(marian_en_rw: Path, tmp_path: Path) -> None:
    out = tmp_path / "converted"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["models", "convert", str(marian_en_rw), "-o", str(out)])
    assert result.exit_code == 1 and "--force" in result.output and "Traceback" not in result.output
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert CliRunner().invoke(cli, ["models", "convert", str(marian_en_rw), "-o", str(out), "--force"]).exit_code == 0
    assert not (out / "keep.txt").exists() and (out / "model.bin").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["converted"]  # no staging folder left behind


def test_convert_rejects_an_unsupported_architecture(tmp_path: Path) -> None:
    folder = tmp_path / "bert"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    with pytest.raises(ModelError, match="unsupported model type 'bert'"):
        convert_model(str(folder), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_pickle_only_models_need_allow_pickle(marian_en_rw: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pickled"
    shutil.copytree(marian_en_rw, folder)
    (folder / "model.safetensors").rename(folder / "pytorch_model.bin")
    for args in (["models", "convert", str(folder), "-o", str(tmp_path / "out")],
                 ["translate", str(EXAMPLES / "iran-drones-en.txt"), "--to", "rw", "--model", str(folder)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1
        assert "pytorch_model.bin" in result.output and "--allow-pickle" in result.output
        assert "arbitrary code" in result.output and "Traceback" not in result.output


def test_convert_output_is_not_left_half_written(marian_en_rw: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import translate.convert as convert

    def broken(folder: Path, staging: Path, *args: object) -> None:  # the disk fills up half way through
        (staging / "model.bin").write_bytes(b"\0" * 1024)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(convert, "_run_converter", broken)
    with pytest.raises(OutputError, match="No space left"):
        convert_model(str(marian_en_rw), tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("fixture", "source", "target"), [("marian_en_rw", "en", "rw"), ("nllb_demo", "rw", "en")])
def test_both_engines_score_their_output_alike(fixture: str, source: str, target: str,
                                               request: pytest.FixtureRequest) -> None:
    """The confidence each engine reports is the model's mean log-probability per output token: the same figure
    from either backend, and the same as scoring the output again (where its text encodes back to as many tokens:
    a toy's invented word, "hasing", may be cut otherwise the second time, and then it is another sequence)."""
    from translate.engines.ct2 import CT2Engine
    from translate.engines.hf import HFEngine

    model = request.getfixturevalue(fixture)
    sentences = _sentences(source, 12)
    hf = HFEngine(str(model), beam=1)
    ct2 = CT2Engine(str(converted(model, "float32")), beam=1)
    from_hf, from_ct2 = hf.translate_batch(sentences, source, target), ct2.translate_batch(sentences, source, target)
    rescored = hf.score_batch(sentences, [h.text for h in from_hf], source, target)
    special = set(hf.tokenizer.all_special_ids)
    same_tokens = 0
    for a, b, again in zip(from_hf, from_ct2, rescored):
        assert a.score is not None and b.score is not None and a.score <= 0
        assert a.score == pytest.approx(b.score, abs=0.02)
        encoded = [i for i in hf.tokenizer(text_target=a.text)["input_ids"] if i not in special]
        if len(encoded) == a.tokens:
            same_tokens += 1
            assert a.score == pytest.approx(again.score, abs=0.02)
    assert same_tokens >= len(sentences) - 2


def test_confidence_ranks_unseen_text_below_what_the_model_learnt(ct2_en_rw: Path) -> None:
    """Review the weakest first: the demo model is sure of its own corpus and unsure of held-out news."""
    from translate.engines.ct2 import CT2Engine
    from translate.pipeline import TranslateOptions, translate_document

    engine = CT2Engine(str(ct2_en_rw), beam=1)
    learnt = "\n\n".join(en for en, _ in read_corpus()[::11][:20])
    unseen = (EXAMPLES / "held-out" / "kyiv-air-defence.en.txt").read_text(encoding="utf-8")
    scores = []
    for text in (learnt, unseen):
        result = translate_document(text, engine, TranslateOptions("rw", source="en"))
        confidences = sorted(p.confidence for p in result.paragraphs if p.confidence is not None)
        assert confidences and all(0 < c <= 1 for c in confidences)
        scores.append(confidences[len(confidences) // 2])
    assert scores[0] > 0.9 > scores[1]
