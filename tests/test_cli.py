"""CLI behaviour that needs no model: start-up imports, input/output handling and error messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate.cli import cli

HEAVY = ("torch", "transformers", "sentencepiece", "ctranslate2")


def _imports_after(args: list[str]) -> set[str]:
    code = (
        "import sys\n"
        "from translate.cli import cli\n"
        f"try:\n    cli.main({args!r}, prog_name='inkuru', standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    (line,) = [line for line in out.splitlines() if line.startswith("HEAVY:")]
    return {m for m in line.removeprefix("HEAVY:").split(",") if m}


@pytest.mark.parametrize(
    "args",
    [["--help"], ["translate", "--help"], ["models", "--help"], ["glossary", "--help"], ["glossary", "list"],
     ["review", "--help"], ["models", "convert", "--help"], ["cache", "stats"]],
)
def test_help_and_glossary_commands_do_not_import_torch(args: list[str]) -> None:
    assert _imports_after(args) == set()


def test_help_lists_the_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("translate", "models", "glossary", "review"):
        assert command in result.output


def _invoke(args: list[str], **kwargs):  # noqa: ANN202
    return CliRunner().invoke(cli, args, catch_exceptions=False, **kwargs)


def test_missing_input_file(tmp_path: Path) -> None:
    result = _invoke(["translate", str(tmp_path / "nope.txt"), "--to", "rw"])
    assert result.exit_code == 1 and "nope.txt: no such file or folder" in result.output


def test_non_utf8_input_names_file_line_and_offset(tmp_path: Path) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes("First line.\nCaf\xe9 in Kigali.\n".encode("latin-1"))
    result = _invoke(["translate", str(article), "--to", "rw"])
    assert result.exit_code == 1
    assert f"{article}:2: not valid UTF-8 (byte offset 15" in result.output
    assert "Traceback" not in result.output


def test_same_languages_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Hello.", encoding="utf-8")
    result = _invoke(["translate", str(article), "--to", "rw", "--from", "rw"])
    assert result.exit_code == 2 and "--from and --to are both rw" in result.output


def test_several_inputs_need_an_output_folder(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Hello.", encoding="utf-8")
    result = _invoke(["translate", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--to", "rw"])
    assert result.exit_code == 2 and "need -o FOLDER" in result.output


def test_output_must_not_overwrite_input(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Hello.", encoding="utf-8")
    result = _invoke(["translate", str(article), "--to", "rw", "-o", str(article)])
    assert result.exit_code == 2 and "would overwrite the input" in result.output
    assert article.read_text(encoding="utf-8") == "Hello."


def test_output_in_missing_folder(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Hello.", encoding="utf-8")
    result = _invoke(["translate", str(article), "--to", "rw", "-o", str(tmp_path / "no" / "out.txt")])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_empty_folder_input(tmp_path: Path) -> None:
    result = _invoke(["translate", str(tmp_path), "--to", "rw"])
    assert result.exit_code == 1 and "no .txt, .md, .html or .docx files" in result.output


def test_model_folder_without_config(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Hello.", encoding="utf-8")
    (tmp_path / "model").mkdir()
    result = _invoke(["translate", str(article), "--to", "rw", "--model", str(tmp_path / "model")])
    assert result.exit_code == 1 and "not a model folder (no config.json)" in result.output


def test_unknown_model_type(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Hello.", encoding="utf-8")
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "config.json").write_text(json.dumps({"model_type": "bert"}), encoding="utf-8")
    result = _invoke(["translate", str(article), "--to", "rw", "--model", str(tmp_path / "model")])
    assert result.exit_code == 1 and "unsupported model type 'bert'" in result.output


def test_hub_model_offline_gives_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))  # an empty cache
    article = tmp_path / "a.txt"
    article.write_text("The army moved.", encoding="utf-8")
    result = _invoke(["translate", str(article), "--to", "rw"])
    assert result.exit_code == 1
    assert "model 'Helsinki-NLP/opus-mt-en-rw' is not in the local cache and the Hugging Face Hub is unreachable" \
        in result.output
    assert "--model PATH" in result.output and "Traceback" not in result.output


def test_empty_input_from_stdin(tmp_path: Path) -> None:
    result = _invoke(["translate", "-", "--to", "rw", "--model", str(tmp_path)], input="\n\n  \n")
    # the input is read before any model loads: the empty input is reported, not the (bad) model folder
    assert result.exit_code == 1 and "standard input: the input is empty" in result.output
    assert "config.json" not in result.output
