"""On a machine with a CUDA GPU: the HF engine gives the same translations there as on the CPU, in every glossary
mode (term placement scores its candidates on the GPU). Skipped where torch sees no GPU, as in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from translate.glossary import load_glossaries
from translate.pipeline import TranslateOptions, translate_document

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU visible to torch")


@pytest.mark.parametrize("fixture", ["marian_en_rw", "nllb_demo"])
@pytest.mark.parametrize("mode", ["check", "prefer", "strict"])
def test_cuda_and_cpu_translate_alike(fixture: str, mode: str, request: pytest.FixtureRequest) -> None:
    from translate.engines.hf import HFEngine

    model = str(request.getfixturevalue(fixture))
    glossary = load_glossaries(None)
    text = (EXAMPLES / "iran-drones-en.txt").read_text(encoding="utf-8")
    options = TranslateOptions("rw", "en", glossary=glossary, glossary_mode=mode)
    on_cpu = translate_document(text, HFEngine(model, device="cpu"), options)
    on_gpu = translate_document(text, HFEngine(model, device="cuda"), options)
    assert [p.target for p in on_gpu.paragraphs] == [p.target for p in on_cpu.paragraphs]
    assert [p.terms for p in on_gpu.paragraphs] == [p.terms for p in on_cpu.paragraphs]


def test_cli_runs_on_cuda(marian_en_rw: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from translate.cli import cli

    result = CliRunner().invoke(cli, ["translate", str(EXAMPLES / "iran-drones-en.txt"), "--to", "rw", "--model",
                                      str(marian_en_rw), "--backend", "hf", "--device", "cuda", "--glossary-mode",
                                      "strict", "--no-cache", "-o", str(tmp_path / "out.txt")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").strip()
