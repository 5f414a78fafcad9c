"""Cost of glossary enforcement over unconstrained decoding, at beam 4, measured in one run.

Three comparisons, the modes and decoders taking turns in every round so that drift in the machine's speed hits
them alike:

1. decoder: the project's constrained beam search with every glossary term of every sentence as a hard
   constraint, against transformers' own beam search on the same sentences and batches, on the demo model (built
   once under .cache/bench-models/ if missing) and the example articles; it also prints how many terms the
   search placed and how many outputs loop or run to the length limit, so that speed is not bought with broken
   sentences;
2. the same at opus-mt's size (bench/throughput.py's random-weight model, outputs fixed at --opus-tokens): the
   demo model is so small that a decoding step costs little more than the search's per-hypothesis Python work,
   so (1) is the worst case; at a real model's size the steps dominate;
3. pipeline: `translate_document` in prefer and strict mode against check mode (no steering), which is what a
   user pays on the demo model: prefer decodes again only the sentences whose first translation lacks a term;
   strict decodes the sentences that have terms under constraints from the start.

Goal: <= 1.3x at beam 4. Usage: python bench/constrained.py [--repeat N] [--opus-rounds N (0 skips 2)]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from translate.demo import build_demo_model  # noqa: E402
from translate.document import split_paragraphs, split_sentences  # noqa: E402
from translate.engines.hf import HFEngine  # noqa: E402
from translate.glossary import load_glossaries  # noqa: E402
from translate.glossary.apply import term_constraints  # noqa: E402
from translate.engines.base import Hypothesis, TermConstraint  # noqa: E402
from translate.pipeline import TranslateOptions, is_degenerate, translate_document  # noqa: E402

ARTICLES = [ROOT / "examples" / "iran-drones-en.txt", ROOT / "examples" / "eac-summit-en.md"]


def _model() -> Path:
    folder = ROOT / ".cache" / "bench-models" / "marian-en-rw"
    if not (folder / "model.safetensors").is_file():
        build_demo_model(folder, force=True)
    return folder


def _timed(function, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def opus_size(sentences: list[str], constraints: list[list[TermConstraint]], beam: int, rounds: int,
              tokens: int) -> None:
    """The decoder comparison on a model of opus-mt's size (bench/throughput.py's, random weights, so every
    output is fixed at `tokens` tokens): there a decoding step costs what it does in use, and the search's
    per-hypothesis Python work weighs what it would with a real model. On the toy model it weighs far more."""
    sys.path.insert(0, str(ROOT / "bench"))
    from throughput import MODEL, build_model

    build_model()
    engine = HFEngine(str(MODEL), beam=beam, output_tokens=tokens)
    engine.translate_batch(sentences[:2], "en", "rw")  # warm-up
    times: dict[str, list[float]] = {"plain": [], "forced": []}
    for _ in range(rounds):
        times["plain"].append(_timed(lambda: engine.translate_batch(sentences, "en", "rw"), 1))
        times["forced"].append(_timed(lambda: engine.translate_batch(sentences, "en", "rw", constraints=constraints),
                                      1))
    plain, forced = (statistics.median(times[k]) for k in ("plain", "forced"))
    print(f"decoder at opus-mt size (random weights, {len(sentences)} sentences x {tokens} tokens, beam {beam}, "
          f"median of {rounds} rounds):")
    print(f"  transformers beam search        {plain:7.2f} s")
    print(f"  constrained search, all terms   {forced:7.2f} s   ratio {forced / plain:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--opus-rounds", type=int, default=3, help="rounds at opus-mt size (0: skip that part)")
    parser.add_argument("--opus-tokens", type=int, default=20)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    engine = HFEngine(str(_model()), beam=args.beam)
    glossary = load_glossaries(None)
    texts = [path.read_text(encoding="utf-8") for path in ARTICLES]
    sentences = [s for text in texts for p in split_paragraphs(text) for u in p.units
                 for s in split_sentences(u.text, "en") if p.has_words]
    constraints = [term_constraints(s, "en", "rw", glossary) for s in sentences]
    batches = [(sentences[i:i + 16], constraints[i:i + 16]) for i in range(0, len(sentences), 16)]
    engine.translate_batch(sentences[:4], "en", "rw")  # warm-up

    outputs: list[Hypothesis] = []

    def search() -> None:
        outputs[:] = [h for s, c in batches for h in engine.translate_batch(s, "en", "rw", constraints=c)]

    # Interleaved rounds, as for the pipeline below: drift in the machine's speed hits both alike.
    decoder: dict[str, list[float]] = {"plain": [], "forced": []}
    for _ in range(args.repeat):
        decoder["plain"].append(_timed(lambda: [engine.translate_batch(s, "en", "rw") for s, _ in batches], 1))
        decoder["forced"].append(_timed(search, 1))
    plain, forced = (statistics.median(decoder[k]) for k in ("plain", "forced"))
    n_terms = sum(len(c) for c in constraints)
    unmet = sum(len(h.unmet) for h in outputs)
    looping = sum(is_degenerate(s, h) for s, h in zip(sentences, outputs))
    print(f"decoder, beam {args.beam}: {len(sentences)} sentences, {n_terms} term constraints")
    print(f"  transformers beam search        {plain:7.2f} s")
    print(f"  constrained search, all terms   {forced:7.2f} s   ratio {forced / plain:.2f}x   "
          f"{n_terms - unmet}/{n_terms} terms placed, {looping} outputs looping or cut off")

    if args.opus_rounds:
        opus_size(sentences[:16], constraints[:16], args.beam, args.opus_rounds, args.opus_tokens)

    satisfied: dict[str, str] = {}

    def run(mode: str) -> None:
        options = TranslateOptions("rw", "en", glossary=glossary, glossary_mode=mode)
        terms = [t for text in texts for p in translate_document(text, engine, options).paragraphs for t in p.terms]
        satisfied[mode] = f"{sum(t['status'] == 'satisfied' for t in terms)}/{len(terms)} terms satisfied"

    # The modes take turns in every round, so that drift in the machine's speed hits them alike.
    rounds: dict[str, list[float]] = {mode: [] for mode in ("check", "prefer", "strict")}
    for _ in range(args.repeat):
        for mode in rounds:
            rounds[mode].append(_timed(lambda: run(mode), 1))
    seconds = {mode: statistics.median(times) for mode, times in rounds.items()}
    print(f"pipeline, beam {args.beam} ({len(ARTICLES)} example articles, median of {args.repeat} rounds):")
    print(f"  check  (no steering)            {seconds['check']:7.2f} s                          "
          f"{satisfied['check']}")
    for mode in ("prefer", "strict"):
        ratio = seconds[mode] / seconds["check"]
        verdict = "ok" if ratio <= 1.3 else "over the 1.3x goal"
        print(f"  {mode:6}                          {seconds[mode]:7.2f} s   ratio {ratio:.2f}x ({verdict})   "
              f"{satisfied[mode]}")


if __name__ == "__main__":
    main()
