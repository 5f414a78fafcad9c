"""Regenerate the review fixtures: `python tests/review_data/make_fixtures.py` (then re-run the golden tests).

`drones.result.json` is examples/iran-drones-en.txt translated with the demo corpus as a lookup engine, its
`terms` filled from the glossary matcher the way the glossary-aware pipeline will (source match paired with a
target match of the same entry), plus hand-made cases: a missing term, a forbidden rendering, a warning, flags. `glossary.tsv` holds the
entries it mentions.
"""

from __future__ import annotations

import csv
import json
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
            self.table = {row["en"]: row["rw"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}

    def translate_batch(self, sentences: list[str], source: str, target: str, **_: object) -> list[Hypothesis]:
        return [Hypothesis(self.table.get(s, s), 0.0, True) for s in sentences]

    def count_tokens(self, sentences: list[str], source: str) -> list[int]:
        return [len(s.split()) for s in sentences]


def fill_terms(paragraph: dict, glossary) -> None:
    targets = {m.entry: m for m in find_terms(paragraph["target"], "rw", glossary) if m.kind == "term"}
    for match in find_terms(paragraph["source"], "en", glossary):
        if match.kind != "term":
            continue
        found = targets.pop(match.entry, None)
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
    result = translate_document(text, CorpusEngine(), TranslateOptions("rw", glossary_signature=glossary.signature),
                                name="iran-drones-en.txt")
    data = result.to_dict()
    for paragraph in data["paragraphs"]:
        if paragraph["action"] == "translated":
            fill_terms(paragraph, glossary)
    p5 = data["paragraphs"][4]  # hand-made problems the matcher would report
    p5["terms"].append({"entry": "term.no-such-entry", "source_surface": "cold months", "target_surface": None,
                        "status": "warning", "message": "entry not in the loaded glossary", "source_span": None,
                        "target_span": None})
    p5["flags"].append("repetition_retried")
    p7 = data["paragraphs"][6]
    p7["flags"].append("long_sentence_split")
    p7["terms"].append({"entry": "term.air-defense", "source_surface": "air defense", "target_surface": "air defense",
                        "status": "forbidden", "message": "'air defense' left in English; use 'ubwirinzi bwo mu kirere'",
                        "source_span": None, "target_span": None})
    (HERE / "drones.result.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    # The entries the fixture mentions, frozen so golden files do not change when the shipped glossary does.
    ids = sorted({t["entry"] for p in data["paragraphs"] for t in p["terms"]})
    entries = [entry for i in ids if (entry := glossary.get(i)) is not None]
    (HERE / "glossary.tsv").write_text(format_tsv(entries), encoding="utf-8")


if __name__ == "__main__":
    main()
