"""Golden end-to-end tests on the demo models (Marian both directions, tiny NLLB both directions) and the CLI.

The articles are the examples the demo corpus holds, so the goldens show what the toys recall: they pin the
pipeline's behaviour (paragraphs, markup, names, numbers), not translation quality (see examples/held-out)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, GOLDEN
from translate.cli import cli
from translate.engines.hf import HFEngine
from translate.errors import EngineError
from translate.pipeline import FLAG_SPLIT, TranslateOptions, translate_document

pytestmark = pytest.mark.slow


def _translate(args: list[str], **kwargs):  # noqa: ANN202
    return CliRunner().invoke(cli, ["translate", *args, "-q"], catch_exceptions=False, **kwargs)


@pytest.mark.parametrize(
    ("fixture", "article", "target", "golden"),
    [
        ("marian_en_rw", "iran-drones-en.txt", "rw", "iran-drones-en.marian.rw.txt"),
        ("marian_rw_en", "kivu-ceasefire-rw.txt", "en", "kivu-ceasefire-rw.marian.en.txt"),
        ("nllb_demo", "eac-summit-en.md", "rw", "eac-summit-en.nllb.rw.md"),
        ("nllb_demo", "kivu-ceasefire-rw.txt", "en", "kivu-ceasefire-rw.nllb.en.txt"),
    ],
)
def test_golden_translation(fixture: str, article: str, target: str, golden: str, tmp_path: Path,
                            request: pytest.FixtureRequest) -> None:
    model = request.getfixturevalue(fixture)
    output = tmp_path / "out.txt"
    result = _translate([str(EXAMPLES / article), "--to", target, "--model", str(model), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8") == (GOLDEN / golden).read_text(encoding="utf-8")


def test_json_result_of_the_demo_article(marian_en_rw: Path) -> None:
    source = (EXAMPLES / "iran-drones-en.txt").read_text(encoding="utf-8")
    result = _translate(["-", "--to", "rw", "--model", str(marian_en_rw), "--format", "json"], input=source)
    data = json.loads(result.output)
    paragraphs = data["paragraphs"]
    assert len(paragraphs) == source.strip().count("\n\n") + 1
    assert [p["id"] for p in paragraphs] == list(range(1, len(paragraphs) + 1))
    hashtags, footer = paragraphs[-2], paragraphs[-1]
    assert (hashtags["action"], hashtags["target"]) == ("kept", "#Ukraine #Russia #Iran #Drones")
    assert footer["action"] == "passed_through" and footer["source_lang"] == "rw"
    assert footer["target"] == footer["source"]
    url = "https://www.example.org/white-house/iran-russia-drones"
    assert any(url in p["target"] for p in paragraphs)
    assert "1,700" in paragraphs[4]["target"] and "6,000" in paragraphs[10]["target"]
    assert data["signature"].startswith(f"model:{marian_en_rw}|rev:") and "|backend:hf|" in data["signature"]
    assert data["signature"].endswith("|v:0.1.0") and "|glossary:glossary:" in data["signature"]


def test_markdown_markup_survives(nllb_demo: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.md"
    _translate([str(EXAMPLES / "eac-summit-en.md"), "--to", "rw", "--model", str(nllb_demo), "-o", str(output)])
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and lines[2].startswith("## ")
    assert sum(1 for line in lines if line.startswith("- ")) == 3
    assert sum(1 for line in lines if line.startswith("> ")) == 1


def test_folder_input_multiple_formats(marian_en_rw: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Russia launched drones at Kyiv.\n", encoding="utf-8")
    (articles / "b.md").write_text("# Troops arrived in Goma.\n", encoding="utf-8")
    (articles / "notes.csv").write_text("ignored", encoding="utf-8")
    out = tmp_path / "out"
    result = _translate([str(articles), "--to", "rw", "--model", str(marian_en_rw), "-o", str(out),
                         "--format", "text", "--format", "json", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "a.rw.json", "a.rw.review.md", "a.rw.txt", "b.rw.json", "b.rw.md", "b.rw.review.md"]
    assert (out / "b.rw.md").read_text(encoding="utf-8").startswith("# ")


def test_long_sentences_are_split_with_the_real_model(marian_en_rw: Path) -> None:
    engine = HFEngine(str(marian_en_rw), max_input_tokens=12)
    sentence = ("The White House said on Tuesday that Iran is helping Russia build a drone manufacturing facility "
                "east of Moscow, and officials said the factory could be fully operational early next year.")
    result = translate_document(sentence, engine, TranslateOptions("rw", source="en"))
    (paragraph,) = result.paragraphs
    assert FLAG_SPLIT in paragraph.flags
    assert len(paragraph.segments) == 1 and paragraph.segments[0].source == sentence
    assert len(paragraph.target.split()) >= 10  # every piece was translated, nothing cut off


def test_marian_model_used_in_the_wrong_direction(marian_en_rw: Path) -> None:
    engine = HFEngine(str(marian_en_rw))
    with pytest.raises(EngineError, match="translates en->rw, not rw->en"):
        engine.translate_batch(["Ingabo zageze i Goma."], "rw", "en")


@pytest.mark.parametrize("fixture", ["marian_en_rw", "ct2_en_rw"])  # a demo model converted to CT2 says it too
def test_demo_model_notice_on_stderr(fixture: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Russia launched drones at Kyiv.", encoding="utf-8")
    model = request.getfixturevalue(fixture)
    result = CliRunner().invoke(cli, ["translate", str(article), "--to", "rw", "--model", str(model)])
    assert result.exit_code == 0
    assert "demo model" in result.stderr and "demo model" not in result.stdout
    assert "1 paragraphs (1 translated" in result.stderr


def test_build_demo_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["models", "build-demo", str(tmp_path)])
    assert result.exit_code == 1 and "use --force" in result.output
