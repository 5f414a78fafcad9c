"""Fuzz the "nothing lost" invariants of translate_document on generated documents (not a test: prints counts).

For every document: one output paragraph per source paragraph, in order; passed-through and kept paragraphs
byte-identical; URLs, numbers, hashtags, handles and e-mail addresses of the source present in the output (the
identity engine copies them, so a loss would be the pipeline's); re-splitting the output gives the same number of
paragraphs; no exception. Documents mix news text in both languages with hostile material: RTL and zero-width
marks, control characters, emoji, CRLF/CR line ends, BOM, tabs, Markdown edge cases, very long unbroken
sentences and runs of empty lines.

With --model (a demo model folder, or one converted by `inkuru models convert`), the documents go through that
model instead: a real model may drop a number or a URL, so there a lost verbatim span must be *flagged*
(`missing_verbatim:<span>`) rather than absent.

Usage: python bench/fuzz.py [--documents 10000] [--seed 1] [--model PATH --documents 300]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peak import peak_rss_mb  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from translate.document import split_paragraphs, verbatim_spans  # noqa: E402
from translate.engines import Engine, IdentityEngine, load_engine  # noqa: E402
from translate.errors import InputError  # noqa: E402
from translate.pipeline import TranslateOptions, translate_document  # noqa: E402

SENTENCES = [
    "The White House said Iran sent 1,700 drones to Russia.", "Ingabo z'u Rwanda zageze i Goma ku wa Mbere.",
    "Read more at https://www.example.org/a/b.html.", "Write to amakuru@inkuru.example or @InkuruNews.",
    "Mr. J. Kirby spoke at 3.5 p.m. in the U.S. Capitol!", "Uburusiya bwohereje drones 6,000 muri 2024.",
    "#Ukraine #Russia #Drones", "Kyiv asked for radar; officials said nothing — yet.", '"Soon," he said.',
]
NOISE = ["\u200b", "\u200f", "\u202e", "\ufeff", "\x00", "\x07", "\t", "😀", "🇷🇼", "\u00a0", "\r", "é", "ß", "ﬁ"]
MARKUP = ["# ", "## ", "- ", "* ", "1. ", "> ", "> - ", "```\n", "~~~\n", "    ", "| a | b |\n"]


def _paragraph(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.05:
        return "x" * rng.randint(1000, 20000)  # one unbroken token
    if kind < 0.10:
        return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(50, 300)))  # a very long paragraph
    words = [rng.choice(SENTENCES) for _ in range(rng.randint(1, 4))]
    text = " ".join(words)
    for _ in range(rng.randint(0, 3)):
        position = rng.randint(0, len(text))
        text = text[:position] + rng.choice(NOISE) + text[position:]
    if rng.random() < 0.3:
        text = rng.choice(MARKUP) + text
    if rng.random() < 0.2:
        text = text.replace(" ", "\n", 1)  # hard wrap
    return text


def _document(rng: random.Random) -> str:
    separators = ["\n\n", "\r\n\r\n", "\n \n", "\n\n\n\n", "\r\r", "\n" + "\n" * rng.randint(1, 2000)]
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(1, 12))]
    text = rng.choice(separators).join(paragraphs)
    return ("\ufeff" if rng.random() < 0.1 else "") + text


def check(text: str, engine: Engine, copies_input: bool = True) -> str | None:
    """None when every invariant holds, else what failed."""
    expected = split_paragraphs(text)
    try:
        result = translate_document(text, engine, TranslateOptions("rw", "en"))
    except InputError as error:
        return None if not expected or "already in" in str(error) else f"unexpected error: {error}"
    if [p.source for p in result.paragraphs] != [p.source for p in expected]:
        return "paragraphs changed, lost or reordered"
    if len(split_paragraphs(result.target_text)) != len(expected):
        return "output does not re-split into the same number of paragraphs"
    for paragraph in result.paragraphs:
        if paragraph.action != "translated" and paragraph.target != paragraph.source:
            return f"paragraph {paragraph.id} ({paragraph.action}) not byte-identical"
        missing = [s for s in verbatim_spans(paragraph.source) if s not in paragraph.target]
        if not copies_input:  # a model may lose a span, but then the paragraph must say so
            missing = [s for s in missing if f"missing_verbatim:{s}" not in paragraph.flags]
        if paragraph.action == "translated" and missing:
            return f"paragraph {paragraph.id} lost {missing[:3]}" + ("" if copies_input else " without a flag")
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--model", help="translate with this model folder instead of the identity engine")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    engine: Engine = load_engine("auto", args.model, beam=2) if args.model else IdentityEngine(max_input_tokens=64)
    failures: list[str] = []
    paragraphs = 0
    started = time.perf_counter()
    for number in range(args.documents):
        text = _document(rng)
        paragraphs += len(split_paragraphs(text))
        try:
            problem = check(text, engine, copies_input=not args.model)
        except Exception:  # noqa: BLE001 - a crash is a finding, reported with its document number
            problem = "exception: " + traceback.format_exc(limit=3).strip().splitlines()[-1]
        if problem:
            failures.append(f"document {number}: {problem}")
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    print(f"documents tried: {args.documents} ({paragraphs} paragraphs) in {seconds:.1f} s, seed {args.seed}, "
          f"engine {engine.info.backend}:{engine.info.model}")
    print(f"failures found: {len(failures)}; peak RSS {peak:.0f} MB")
    for failure in failures[:20]:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
