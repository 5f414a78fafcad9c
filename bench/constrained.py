"""Glossary steering on both backends: its cost over no steering and the terms it places, measured in one run.

    python bench/constrained.py [--rounds 5] [--process-rounds 3] [--opus-rounds 3] [--opus-tokens 20]

Headline figures are on the held-out set (examples/held-out/: text the demo models never saw), beside the example
articles (examples/: memorised by the demo models, so there the model already writes most terms). English
originals go EN->RW through the en-rw demo model, Kinyarwanda originals RW->EN through the rw-en one; each
backend runs the same models (HF, and the same weights converted to CTranslate2 int8). Both demo models are
built once under .cache/bench-models/.

1. pipeline: `translate_document` in check (no steering), prefer and strict mode, models loaded; the modes take
   turns in every round so that drift in the machine's speed hits them alike; median translation time per mode,
   the terms and names (verbatim glossary entries) the report calls satisfied, and the output segments that loop
   or run to the length limit.
2. whole process: `inkuru translate` on one held-out article in prefer mode, HF against CT2, fresh processes.
3. opus-mt size: bench/throughput.py's random-weight model (and its CT2 int8 conversion), outputs fixed at
   --opus-tokens tokens, 16 held-out sentences: what steering costs each backend where decoding steps cost what
   they do in use (on the toy model a step costs little more than Inkuru's own work).

Goals (ratios of translation time in one run): strict places 100 % of terms and names with no output looping
or cut off, on both backends; CT2 prefer <= 1.5x and strict <= 2x CT2 check; HF prefer and strict <= 1.3x HF
check; whole process, CT2 >= 3x faster than HF.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from translate.convert import convert_model  # noqa: E402
from translate.demo import build_demo_model  # noqa: E402
from translate.engines.base import Engine  # noqa: E402
from translate.glossary import Glossary, load_glossaries  # noqa: E402
from translate.pipeline import FLAG_REPETITION, TranslateOptions, translate_document  # noqa: E402
from translate.result import Result  # noqa: E402

HELD_OUT = ROOT / "examples" / "held-out"
EXAMPLES = [(ROOT / "examples" / "iran-drones-en.txt", "en"), (ROOT / "examples" / "eac-summit-en.md", "en"),
            (ROOT / "examples" / "kivu-ceasefire-rw.txt", "rw")]
MODELS = ROOT / ".cache" / "bench-models"
MODES = ("check", "prefer", "strict")
INKURU = Path(sys.executable).with_name("inkuru")


@dataclass(frozen=True)
class Article:
    path: Path
    source: str  # the language it was written in
    target: str


def held_out() -> list[Article]:
    """The held-out articles in the language each was written in (examples/held-out/articles.tsv)."""
    rows = (HELD_OUT / "articles.tsv").read_text(encoding="utf-8").splitlines()[1:]
    articles = []
    for row in rows:
        slug, language = row.split("\t")[:2]
        articles.append(Article(HELD_OUT / f"{slug}.{language}.txt", language, "rw" if language == "en" else "en"))
    return articles


def examples() -> list[Article]:
    return [Article(path, lang, "rw" if lang == "en" else "en") for path, lang in EXAMPLES]


def demo_models() -> dict[tuple[str, str], Path]:
    """(backend, direction) -> model folder: the Marian demo models and their CT2 int8 conversions."""
    folders: dict[tuple[str, str], Path] = {}
    for direction in ("en-rw", "rw-en"):
        hf = MODELS / f"marian-{direction}"
        if not (hf / "model.safetensors").is_file():
            build_demo_model(hf, direction=direction, force=True)
        ct2 = MODELS / f"marian-{direction}-ct2-int8"
        if not (ct2 / "inkuru-ct2.json").is_file():
            convert_model(str(hf), ct2, quantization="int8", force=True)
        folders["hf", direction], folders["ct2", direction] = hf, ct2
    return folders


def load(backend: str, folder: Path, **options: object) -> Engine:
    from translate.engines import load_engine

    return load_engine(backend, str(folder), beam=4, **options)


@dataclass
class Tally:
    terms: int = 0
    satisfied: int = 0
    names: int = 0
    names_satisfied: int = 0
    segments: int = 0
    looping: int = 0  # segments flagged repetition, or (text output) cut at the length limit

    def add(self, result: Result, glossary: Glossary) -> None:
        for paragraph in result.paragraphs:
            for term in paragraph.terms:
                entry = glossary.get(str(term["entry"]))
                verbatim = entry is not None and entry.verbatim
                self.terms += 1
                self.names += verbatim
                ok = term["status"] == "satisfied"
                self.satisfied += ok
                self.names_satisfied += ok and verbatim
            for segment in paragraph.segments:
                self.segments += 1
                self.looping += FLAG_REPETITION in segment.flags

    def summary(self) -> str:
        return (f"terms {self.satisfied}/{self.terms} ({100 * self.satisfied / max(1, self.terms):.0f} %), names "
                f"{self.names_satisfied}/{self.names}, looping or cut off {self.looping}/{self.segments}")


def pipeline(label: str, articles: list[Article], backend: str, engines: dict[str, Engine], glossary: Glossary,
             rounds: int) -> dict[str, float]:
    """Median translation time per mode (interleaved rounds) and the last round's tallies; prints a block."""
    texts = [(a, a.path.read_text(encoding="utf-8")) for a in articles]
    tallies: dict[str, Tally] = {}

    def run(mode: str) -> None:
        tally = Tally()
        for article, text in texts:
            options = TranslateOptions(article.target, article.source, glossary=glossary, glossary_mode=mode)
            tally.add(translate_document(text, engines[f"{article.source}-{article.target}"], options), glossary)
        tallies[mode] = tally

    run("check")  # warm-up
    times: dict[str, list[float]] = {mode: [] for mode in MODES}
    for _ in range(rounds):
        for mode in MODES:
            times[mode].append(_timed(lambda: run(mode)))
    seconds = {mode: statistics.median(values) for mode, values in times.items()}
    sentences = sum(t.segments for t in tallies.values()) // len(MODES)
    print(f"{label}, {backend}, beam 4 ({len(articles)} articles, {sentences} segments, median of {rounds} rounds):")
    for mode in MODES:
        ratio = "" if mode == "check" else f"{seconds[mode] / seconds['check']:5.2f}x"
        print(f"  {mode:6} {seconds[mode]:6.2f} s {ratio:>6}   {tallies[mode].summary()}")
    return {mode: seconds[mode] / seconds["check"] for mode in MODES}


def _timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def whole_process(article: Article, models: dict[tuple[str, str], Path], rounds: int) -> float:
    """Median wall time of `inkuru translate` in prefer mode, per backend (fresh processes); returns HF / CT2."""
    direction = f"{article.source}-{article.target}"
    times: dict[str, list[float]] = {"hf": [], "ct2": []}
    for _ in range(rounds):
        for backend in times:
            command = [str(INKURU), "translate", str(article.path), "--to", article.target, "--from", article.source,
                       "--model", str(models[backend, direction]), "--backend", backend, "--no-cache", "-q",
                       "-o", os.devnull]
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[backend].append(time.perf_counter() - start)
    hf, ct2 = (statistics.median(times[b]) for b in ("hf", "ct2"))
    print(f"whole process, prefer mode, {article.path.name} (median of {rounds}): hf {hf:.2f} s, ct2 {ct2:.2f} s, "
          f"ct2 {hf / ct2:.1f}x faster")
    return hf / ct2


def opus_size(articles: list[Article], glossary: Glossary, rounds: int, tokens: int) -> None:
    """Steering cost of both backends on an opus-mt-size model with random weights (outputs fixed in length)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from throughput import CT2_MODEL, MODEL, build_model, convert_model as convert_opus

    from translate.document import split_paragraphs, split_sentences

    build_model()
    convert_opus()
    english = [a for a in articles if a.source == "en"]
    sentences = [s for a in english for p in split_paragraphs(a.path.read_text(encoding="utf-8")) if p.has_words
                 for u in p.units for s in split_sentences(u.text, "en")][:16]
    text = "\n\n".join(sentences)
    for backend, folder in (("hf", MODEL), ("ct2", CT2_MODEL)):
        engine = load(backend, folder, output_tokens=tokens)
        times: dict[str, list[float]] = {mode: [] for mode in MODES}
        translate_document(text, engine, TranslateOptions("rw", "en", glossary=glossary, glossary_mode="check"))
        for _ in range(rounds):
            for mode in MODES:
                options = TranslateOptions("rw", "en", glossary=glossary, glossary_mode=mode)
                times[mode].append(_timed(lambda: translate_document(text, engine, options)))
        seconds = {mode: statistics.median(values) for mode, values in times.items()}
        print(f"opus-mt size, {backend} (random weights, {len(sentences)} held-out sentences x {tokens} tokens, "
              f"median of {rounds}): check {seconds['check']:.2f} s, prefer {seconds['prefer']:.2f} s "
              f"({seconds['prefer'] / seconds['check']:.2f}x), strict {seconds['strict']:.2f} s "
              f"({seconds['strict'] / seconds['check']:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--process-rounds", type=int, default=3)
    parser.add_argument("--opus-rounds", type=int, default=3, help="rounds at opus-mt size (0: skip that part)")
    parser.add_argument("--opus-tokens", type=int, default=20)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    glossary = load_glossaries(None)
    models = demo_models()
    ratios: dict[str, dict[str, float]] = {}
    for backend in ("hf", "ct2"):
        engines = {direction: load(backend, models[backend, direction]) for direction in ("en-rw", "rw-en")}
        ratios[backend] = pipeline("held-out set", held_out(), backend, engines, glossary, args.rounds)
        pipeline("example articles (memorised)", examples(), backend, engines, glossary, args.rounds)
    speedup = whole_process(held_out()[0], models, args.process_rounds)
    if args.opus_rounds:
        opus_size(held_out(), glossary, args.opus_rounds, args.opus_tokens)
    print("goals (held-out set):")
    print(f"  ct2 prefer {ratios['ct2']['prefer']:.2f}x check (<= 1.5x), strict {ratios['ct2']['strict']:.2f}x "
          f"(<= 2x); hf prefer {ratios['hf']['prefer']:.2f}x, strict {ratios['hf']['strict']:.2f}x (<= 1.3x); "
          f"whole process ct2 {speedup:.1f}x faster than hf (>= 3x)")


if __name__ == "__main__":
    main()
