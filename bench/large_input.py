"""Peak memory of `inkuru translate` on very large inputs: it must follow the chunk size, not the file size.

    python bench/large_input.py [--sizes 2,10] [--demo-mb 2]

For each size (MB) an article of news-like paragraphs is generated and translated by the real CLI in a fresh
process, text output to a file, with the shipped glossaries in check mode:
  * with the identity engine (no model: isolates Inkuru's own memory), for every size;
  * with the demo model converted to CTranslate2 int8, for --demo-mb.
Prints the peak RSS of each run, the paragraphs in and out (they must match) and the RSS growth per MB of input.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peak import peak_rss_mb  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CT2_DEMO = ROOT / ".cache" / "bench" / "demo-en-rw-ct2-int8"

SUBJECTS = ["The army", "Officials in Kigali", "A spokesman for the UN mission", "Residents of Goma", "Ukraine",
            "The ministry of defence", "Witnesses", "The East African Community"]
EVENTS = ["said {n} drones were shot down overnight", "reported fighting near the border on {d}",
          "called for a ceasefire after {n} days of clashes", "denied sending weapons to Russia",
          "announced talks in Nairobi on {d}", "counted {n} people displaced since March"]


def make_article(path: Path, megabytes: float) -> int:
    rng = random.Random(11)
    paragraphs, size = 0, 0
    with path.open("w", encoding="utf-8") as handle:
        while size < megabytes * 1_000_000:
            sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(EVENTS)}.".format(n=rng.randint(2, 900),
                                                                                 d=rng.choice(["Monday", "Friday"]))
                         for _ in range(rng.randint(1, 4))]
            text = " ".join(sentences) + "\n\n"
            handle.write(text)
            size += len(text.encode())
            paragraphs += 1
    return paragraphs


def worker(article: str, output: str, engine: str) -> None:
    import translate.engines as engines
    from translate.cli import cli

    args = ["translate", article, "--to", "rw", "--from", "en", "--glossary-mode", "check", "--no-cache", "-q",
            "-o", output]
    if engine == "identity":
        engines.load_engine = lambda *a, **k: engines.IdentityEngine()  # type: ignore[assignment]
    else:
        args += ["--model", str(CT2_DEMO), "--backend", "ct2"]
    started = time.perf_counter()
    cli.main(args, prog_name="inkuru", standalone_mode=False)
    peak = peak_rss_mb()
    with open(output, "rb") as handle:  # output paragraphs are separated by one blank line and hold none
        out_paragraphs = 1 + sum(1 for line in handle if line == b"\n")
    print("RESULT " + json.dumps({"rss_mb": peak, "seconds": time.perf_counter() - started,
                                  "out_paragraphs": out_paragraphs}))


def measure(megabytes: float, engine: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        paragraphs = make_article(article, megabytes)
        done = subprocess.run([sys.executable, __file__, "--worker", str(article), str(Path(tmp) / "out.txt"), engine],
                              capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
        lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
        if done.returncode != 0 or not lines:
            raise SystemExit(f"{engine} {megabytes} MB failed:\n{done.stderr[-3000:]}")
        figures = json.loads(lines[-1].removeprefix("RESULT "))
        figures["in_paragraphs"] = paragraphs
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2,10", help="input sizes in MB, comma-separated (over 1 MB is streamed)")
    parser.add_argument("--demo-mb", type=float, default=2.0, help="size translated with the demo model (0: skip)")
    parser.add_argument("--worker", nargs=3, metavar=("ARTICLE", "OUTPUT", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    runs = [(float(size), "identity") for size in args.sizes.split(",")]
    if args.demo_mb:
        sys.path.insert(0, str(ROOT / "bench"))
        from startup import prepare

        prepare()  # the demo model, converted to CT2 int8
        runs.append((args.demo_mb, "ct2-demo"))
    print(f"{'input':>8} {'engine':<9} {'paragraphs in/out':>18} {'peak RSS':>9} {'time':>7}")
    rss = {}
    for megabytes, engine in runs:
        f = measure(megabytes, engine)
        rss[(megabytes, engine)] = f["rss_mb"]
        print(f"{megabytes:6.1f}MB {engine:<9} {f['in_paragraphs']:>8}/{f['out_paragraphs']:<9} "
              f"{f['rss_mb']:6.0f} MB {f['seconds']:6.1f}s"
              + ("" if f["in_paragraphs"] == f["out_paragraphs"] else "  PARAGRAPHS LOST"))
    identity = sorted((mb, r) for (mb, engine), r in rss.items() if engine == "identity")
    if len(identity) >= 2:
        (small, small_rss), (large, large_rss) = identity[0], identity[-1]
        print(f"peak RSS grows {(large_rss - small_rss) / (large - small):.2f} MB per MB of input "
              f"({small_rss:.0f} MB at {small:g} MB, {large_rss:.0f} MB at {large:g} MB)")


if __name__ == "__main__":
    main()
