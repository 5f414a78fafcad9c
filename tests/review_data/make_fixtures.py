"""Regenerate the review fixtures: `python tests/review_data/make_fixtures.py` (then re-run the golden tests).

`drones.result.json` is examples/iran-drones-en.txt translated with the demo corpus as a lookup engine, its
`terms` filled from the glossary matcher the way the glossary-aware pipeline will (source match paired with a
target match of the same entry), plus hand-made cases: a missing term, a forbidden rendering, a warning,
flags. `glossary.tsv` holds the entries it mentions.
"""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

from translate.engines.base import EngineInfo, Hypothesis
from translate.glossary import find_terms, format_tsv, load_glossaries
from translate.pipeline import TranslateOptions, translate_document

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


class CorpusEngine:
    """Looks each sentence up in the demo corpus; unknown sentences come back unchanged."""

    max_input_tokens = 256
    info = EngineInfo("lookup", "demo-corpus-lookup", "4f2a9c1", "lookup", {"beam": "4"})

    def __init__(self) -> None:
        with open(ROOT / "translate/data/demo_corpus.tsv", encoding="utf-8") as handle:
            rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            self.table = {row["en"]: row["rw"] for row in rows}

    def translate_batch(self, sentences: list[str], source: str, target: str, **_: object) -> list[Hypothesis]:
        return [Hypothesis(self.table.get(s, s), 0.0, True) for s in sentences]

    def count_tokens(self, sentences: list[str], source: str) -> list[int]:
        return [len(s.split()) for s in sentences]


def fill_terms(paragraph: dict, glossary) -> None:
    targets: dict[str, list] = {}
    for found in find_terms(paragraph["target"], "rw", glossary):
        if found.kind == "term":
            targets.setdefault(found.entry, []).append(found)
    for match in find_terms(paragraph["source"], "en", glossary):
        if match.kind != "term":
            continue
        found = targets[match.entry].pop(0) if targets.get(match.entry) else None
        paragraph["terms"].append({
            "entry": match.entry, "source_surface": match.surface,
            "target_surface": found.surface if found else None,
            "status": "satisfied" if found else "missing",
            "message": "" if found else f"'{match.surface}': expected {glossary.get(match.entry).rw[0]!r}",
            "source_span": [match.start, match.end],
            "target_span": [found.start, found.end] if found else None,
        })


def main() -> None:
    glossary = load_glossaries()
    text = (ROOT / "examples/iran-drones-en.txt").read_text(encoding="utf-8")
    result = translate_document(text, CorpusEngine(), TranslateOptions("rw"), name="iran-drones-en.txt")
    result.signature = replace(result.signature, glossary=f"{glossary.signature}+check")
    data = result.to_dict()
    for paragraph in data["paragraphs"]:
        if paragraph["action"] == "translated":
            fill_terms(paragraph, glossary)
    # Hand-made reports of the kinds the glossary check gives, on text that is really there.
    p5 = data["paragraphs"][4]
    p5["terms"].append({"entry": "term.no-such-entry", "source_surface": "cold months", "target_surface": None,
                        "status": "warning", "message": "entry not in the loaded glossary", "source_span": None,
                        "target_span": None})
    p5["flags"].append("repetition_retried")
    data["paragraphs"][6]["flags"].append("long_sentence_split")
    for term in data["paragraphs"][11]["terms"]:
        if term["entry"] == "place.russia":
            term.update(status="forbidden", message=f"'{term['target_surface']}': house style is 'Uburusiya'")
    for term in data["paragraphs"][12]["terms"]:
        if term["entry"] == "term.air-defense":
            term.update(status="warning", message="possessive inside the term: check 'ubwirinzi bwo mu kirere'")
    (HERE / "drones.result.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    # The entries the fixture mentions, frozen so golden files do not change when the shipped glossary does.
    ids = sorted({t["entry"] for p in data["paragraphs"] for t in p["terms"]})
    entries = [entry for i in ids if (entry := glossary.get(i)) is not None]
    (HERE / "glossary.tsv").write_text(format_tsv(entries), encoding="utf-8")


if __name__ == "__main__":
    main()
