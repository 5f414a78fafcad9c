"""Archive throughput: 1 000 generated articles through the CT2 demo model, one process against `inkuru batch`'s
worker splits and Ray, on this machine's cores.

    python bench/batch.py [--articles 1000] [--paragraphs 8] [--only NAME ...]
    python bench/batch.py --node-rates [--sizes opus nllb600]

The articles are paragraphs of the held-out set (text the demo model never saw) drawn at random, 8 per article,
in two sub-folders; every configuration translates all of them with the same settings (demo model int8, beam 4,
the shipped glossaries in prefer mode, outputs text + JSON + review page, no translation memory, so nothing is
served from a cache), each as the real command in a fresh process:

- `translate`: `inkuru translate FOLDER -o OUT`: one process, as a user would run it before `batch` (CT2 on 2
  threads);
- `batch WxT`: `inkuru batch FOLDER -o OUT --workers W --threads T`;
- `ray WxT`: the same with `--ray` (a Ray instance started on this machine by the command, counted in its time);
- `ray-running WxT`: `--ray auto`, joining a Ray instance started before the timing (`ray start --head`), as on
  a cluster that is already up.

It prints wall time, articles/s, output tokens/s (the translations re-encoded by the model's target tokenizer) and the peak memory of the command's
whole process tree (the sum of each process's proportional set size, sampled every second, so shared libraries
count once; sampling more often slows the Ray runs, which have a dozen processes), and the ratios the goals are stated in: the best local split ≥ 1.3× one process, Ray's overhead
≤ 15 % over the same split on local workers.

`--node-rates` measures what the per-node figures on paper are built from: the CT2 engine alone (int8, beam 4,
batches of 8, every output forced to 40 tokens) on random-weight models of real sizes (opus-mt: 61 M parameters;
NLLB-200-distilled-600M's dimensions and 256 k vocabulary: 615 M), over 64 held-out sentences, as one process
with 2 threads and as 2 processes with 1 thread each working at once: output tokens/s for each split.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from batch_helpers import write_archive  # noqa: E402
from documents import demo_model  # noqa: E402
from throughput import CACHE, NLLB_600M_SIZE, OPUS_MT_SIZE, build_model, convert_model, make_sentences  # noqa: E402

INKURU = [sys.executable, "-m", "translate.cli"]
CONFIGURATIONS = {
    "translate": [],
    "batch 1x1": ["--workers", "1", "--threads", "1"],
    "batch 1x2": ["--workers", "1", "--threads", "2"],
    "batch 2x1": ["--workers", "2", "--threads", "1"],
    "ray 2x1": ["--workers", "2", "--threads", "1", "--ray"],
    "ray-running 2x1": ["--workers", "2", "--threads", "1", "--ray", "auto"],
}


class TreeMemory:
    """The peak, over the run, of the summed PSS of a process and all its descendants."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(1.0):  # reading every process's PSS costs CPU: Ray has a dozen processes
            total = 0
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                continue
            for process in processes:
                try:
                    total += process.memory_full_info().pss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak / 1e6


def run(name: str, archive: Path, model: Path, work: Path) -> dict[str, float]:
    out = work / name.replace(" ", "-")
    shutil.rmtree(out, ignore_errors=True)
    common = ["--to", "rw", "--model", str(model), "--no-cache", "-q"]
    if name == "translate":
        command = [*INKURU, "translate", str(archive), "-o", str(out), *common,
                   "--format", "text", "--format", "json", "--format", "html"]
    else:
        command = [*INKURU, "batch", str(archive), "-o", str(out), *common, *CONFIGURATIONS[name]]
    if name.startswith("ray-running"):
        subprocess.run([str(Path(sys.executable).parent / "ray"), "start", "--head", "--num-cpus", "2",
                        "--include-dashboard", "false", "--disable-usage-stats"], check=True, capture_output=True)
        time.sleep(20)  # a cluster that is up is idle: let the new instance's own start-up work finish first
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(process.pid)
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    if name.startswith("ray-running"):
        subprocess.run([str(Path(sys.executable).parent / "ray"), "stop"], check=True, capture_output=True)
    if process.returncode != 0:
        raise SystemExit(f"{name} failed ({process.returncode}):\n{errors[-2000:]}")
    results = sorted(out.rglob("*.rw.json"))
    tokens = sum(TOKENIZER.count(json.loads(path.read_text(encoding="utf-8"))) for path in results)
    return {"seconds": seconds, "articles": len(results), "tokens": tokens, "peak_mb": peak}


class _PieceCounter:
    """Output tokens, counted the same way for every configuration: the translated segments re-encoded with the
    model's own target SentencePiece model."""

    def __init__(self, model: Path) -> None:
        import sentencepiece

        self.processor = sentencepiece.SentencePieceProcessor(model_file=str(model / "target.spm"))

    def count(self, result: dict) -> int:
        return sum(len(self.processor.encode(s["target"])) for p in result["paragraphs"] for s in p["segments"]
                   if p["action"] == "translated")


TOKENIZER: _PieceCounter


SIZES = {"opus": OPUS_MT_SIZE, "nllb600": NLLB_600M_SIZE}
RATE_SENTENCES, RATE_TOKENS, RATE_BATCH = 64, 40, 8


def sized_model(size: str) -> Path:
    """The CT2 int8 copy of a random Marian of that size, built and converted once under .cache/bench/."""
    folder = CACHE / f"{size}-size-random"
    build_model(folder, SIZES[size])
    convert_model(folder, CACHE / f"{size}-size-random-ct2-int8")
    return CACHE / f"{size}-size-random-ct2-int8"


def engine_worker(model: str, threads: int, part: int, parts: int) -> None:
    """One process of a split: load, warm up, say ready, wait for go, translate its share, print its figures."""
    from translate.engines.ct2 import CT2Engine

    sentences = sorted(make_sentences(RATE_SENTENCES), key=len)[part::parts]
    engine = CT2Engine(model, beam=4, output_tokens=RATE_TOKENS, threads=threads)
    engine.translate_batch(sentences[:2], "en", "rw")
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.perf_counter()
    for start in range(0, len(sentences), RATE_BATCH):
        engine.translate_batch(sentences[start:start + RATE_BATCH], "en", "rw")
    print(json.dumps({"seconds": time.perf_counter() - started, "tokens": len(sentences) * RATE_TOKENS}), flush=True)


def split_rate(model: Path, workers: int, threads: int) -> tuple[float, float]:
    """(output tokens/s, peak MB of the processes together) of `workers` processes of `threads` threads each."""
    processes = [subprocess.Popen([sys.executable, __file__, "--engine-worker", str(model), str(threads), str(i),
                                   str(workers)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                 for i in range(workers)]
    memories = [TreeMemory(p.pid) for p in processes]
    for process in processes:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    figures = [json.loads(process.communicate()[0]) for process in processes]
    seconds = time.perf_counter() - started
    return sum(f["tokens"] for f in figures) / seconds, sum(m.stop() for m in memories)


def node_rates(sizes: list[str]) -> None:
    print(f"CT2 engine alone, int8, beam 4, batches of {RATE_BATCH}, {RATE_SENTENCES} held-out sentences, "
          f"{RATE_TOKENS} output tokens each, {psutil.cpu_count()} cores")
    for size in sizes:
        model = sized_model(size)
        for workers, threads in ((1, 1), (1, 2), (2, 1)):
            rate, peak = split_rate(model, workers, threads)
            print(f"{size:>8} {workers}x{threads}: {rate:6.0f} tokens/s  peak {peak:6.0f} MB", flush=True)


def main() -> None:
    global TOKENIZER
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--paragraphs", type=int, default=8)
    parser.add_argument("--only", nargs="*", choices=list(CONFIGURATIONS), default=list(CONFIGURATIONS))
    parser.add_argument("--node-rates", action="store_true", help="the engine splits on real-size models")
    parser.add_argument("--sizes", nargs="*", choices=list(SIZES), default=list(SIZES))
    parser.add_argument("--engine-worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine_worker:
        model, threads, part, parts = args.engine_worker
        engine_worker(model, int(threads), int(part), int(parts))
        return
    if args.node_rates:
        node_rates(args.sizes)
        return
    model = demo_model("ct2")
    TOKENIZER = _PieceCounter(model)
    with tempfile.TemporaryDirectory(prefix="inkuru-bench-batch-") as folder:
        work = Path(folder)
        write_archive(work / "archive", args.articles, args.paragraphs)
        print(f"{args.articles} articles of {args.paragraphs} held-out paragraphs, CT2 demo model int8, beam 4, "
              f"{psutil.cpu_count()} cores")
        figures = {}
        for name in args.only:
            figures[name] = f = run(name, work / "archive", model, work)
            print(f"{name:>10}: {f['seconds']:6.1f} s  {f['articles'] / f['seconds']:6.2f} articles/s  "
                  f"{f['tokens'] / f['seconds']:7.0f} tokens/s  peak {f['peak_mb']:6.0f} MB  "
                  f"({f['articles']} articles, {f['tokens']} tokens)", flush=True)
    local = [n for n in figures if n.startswith("batch")]
    single = [n for n in figures if n in ("translate", "batch 1x1", "batch 1x2")]
    if single and local:
        best, one = (min(names, key=lambda n: figures[n]["seconds"]) for names in (local, single))
        print(f"best local split: {best}, {figures[one]['seconds'] / figures[best]['seconds']:.2f}x the fastest "
              f"single process ({one}) (goal >= 1.3x)")
    for ray in ("ray 2x1", "ray-running 2x1"):
        if ray in figures and "batch 2x1" in figures:
            overhead = figures[ray]["seconds"] / figures["batch 2x1"]["seconds"] - 1
            print(f"{ray} overhead over local workers (2x1): {100 * overhead:+.1f} % (goal <= 15 %)")


if __name__ == "__main__":
    main()
