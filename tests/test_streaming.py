"""Large inputs are streamed a chunk of paragraphs at a time and give the same output as a whole-file run."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.cli import cli
from translate.document import split_paragraphs
from translate.engines.base import IdentityEngine
from translate.errors import InputError
from translate.pipeline import TranslateOptions, translate_document, translate_stream
from translate.streaming import paragraph_chunks, read_lines

LINES = st.lists(st.sampled_from([
    "", " ", "Drones hit Kyiv.", "```", "~~~", "code line", "# Heading", "- item", "> quote", "Umutwe.", "\t",
    "Line with CR\r", "A. B. C.",
]), max_size=60)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(LINES, st.integers(min_value=1, max_value=5))
def test_chunks_split_into_the_same_paragraphs(lines: list[str], per_chunk: int) -> None:
    text = "\n".join(lines)
    chunks = list(paragraph_chunks(text.splitlines(keepends=True), per_chunk))
    assert "".join(chunks).replace("\r\n", "\n").replace("\r", "\n") == text.replace("\r\n", "\n").replace("\r", "\n")
    chunked = [p.source for chunk in chunks for p in split_paragraphs(chunk)]
    assert chunked == [p.source for p in split_paragraphs(text)]


def test_streamed_results_equal_the_whole_document() -> None:
    text = "\n\n".join(f"Paragraph {i}: the army said {i} drones fell. #Kyiv" for i in range(500))
    whole = translate_document(text, IdentityEngine(), TranslateOptions("rw", "en"))
    chunks = paragraph_chunks(text.splitlines(keepends=True), 37)
    streamed = list(translate_stream(chunks, IdentityEngine(), TranslateOptions("rw", "en")))
    assert [(p.id, p.source, p.target, p.action) for p in streamed] == [
        (p.id, p.source, p.target, p.action) for p in whole.paragraphs]


def test_read_lines_names_the_line_of_a_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("\ufeffGood line.\nSecond.\nCaf\xe9\n".encode("utf-8").replace(b"\xc3\xa9", b"\xe9"))
    lines = read_lines(path)
    assert next(lines) == "Good line.\n"  # the BOM is dropped
    assert next(lines) == "Second.\n"
    with pytest.raises(InputError, match=r"bad\.txt:3: not valid UTF-8"):
        next(lines)


def test_the_cli_streams_large_text_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "big.txt"
    article.write_text("\n\n".join(f"Report {i} says {i} drones were shot down." for i in range(300)) + "\n",
                       encoding="utf-8")
    monkeypatch.setattr("translate.engines.load_engine", lambda *args, **kwargs: IdentityEngine())
    args = ["translate", str(article), "--to", "rw", "--from", "en", "--no-cache", "--no-glossary"]
    whole = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / "whole.txt")])
    monkeypatch.setattr("translate.streaming.STREAM_THRESHOLD_BYTES", 100)
    monkeypatch.setattr("translate.streaming.PARAGRAPHS_PER_CHUNK", 16)
    streamed = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / "streamed.txt")])
    assert whole.exit_code == streamed.exit_code == 0, streamed.output
    assert "streamed" in streamed.output and "300 paragraphs" in streamed.output
    assert (tmp_path / "streamed.txt").read_bytes() == (tmp_path / "whole.txt").read_bytes()


def test_a_bad_byte_late_in_a_streamed_file_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "big.txt"
    article.write_bytes(b"Fine paragraph.\n\n" * 400 + b"Caf\xe9.\n")
    out = tmp_path / "out.txt"
    out.write_text("previous\n", encoding="utf-8")
    monkeypatch.setattr("translate.engines.load_engine", lambda *args, **kwargs: IdentityEngine())
    monkeypatch.setattr("translate.streaming.STREAM_THRESHOLD_BYTES", 100)
    result = CliRunner().invoke(cli, ["translate", str(article), "--to", "rw", "--from", "en", "--no-cache",
                                      "--no-glossary", "-o", str(out)])
    assert result.exit_code == 1 and "big.txt:801: not valid UTF-8" in result.output
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "out.txt"]
