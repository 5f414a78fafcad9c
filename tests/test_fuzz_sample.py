"""A seeded sample of bench/fuzz.py's generated documents: the "nothing lost" invariants hold for each."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import fuzz  # noqa: E402

from translate.engines.base import IdentityEngine  # noqa: E402

_RNG = random.Random(20261125)
DOCUMENTS = [fuzz._document(_RNG) for _ in range(150)]


@pytest.mark.parametrize("number", range(len(DOCUMENTS)))
def test_generated_document_keeps_every_paragraph(number: int) -> None:
    assert fuzz.check(DOCUMENTS[number], IdentityEngine(max_input_tokens=64)) is None


def test_no_break_space_inside_a_number_survives() -> None:
    assert fuzz.check("Iran sent 6\u00a0000 drones.", IdentityEngine()) is None



@pytest.mark.slow
def test_generated_documents_through_the_demo_model(ct2_en_rw: Path) -> None:
    """The same invariants with a real model (a lost number or URL must then be flagged); CT2 for speed."""
    from translate.engines import load_engine

    engine = load_engine("ct2", str(ct2_en_rw), beam=2)
    problems = [(n, fuzz.check(text, engine, copies_input=False)) for n, text in enumerate(DOCUMENTS[:40])]
    assert [p for p in problems if p[1]] == []
