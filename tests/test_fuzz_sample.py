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

