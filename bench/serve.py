"""The review workstation under load: save + re-check latency with 20 editors at once, and a 300-paragraph
article's page load, against a real `inkuru serve` process on loopback.

    python bench/serve.py [--editors 20] [--saves 25] [--paragraphs 300]

The article is the held-out set (text the demo model never saw), English paragraphs paired with their
Kinyarwanda reference translations, repeated to 300 paragraphs, with the term reports the shipped glossaries give
them; it is imported into a fresh project folder. Then:

- **saves**: each simulated editor (an httpx client of its own) owns its own paragraphs and saves an edit of one
  after another, `--saves` times, as fast as the server answers: each save is an HTTP PUT that the server
  re-checks with the CLI's glossary matcher and checks (terms, names, numbers, loops) and writes with its
  history. Latency is from sending the request to having the answer (with the re-rendered checks).
- **page load**: the editor page of the 300-paragraph article, fetched whole (server render + transfer), 20
  times; and, when Debian's chromium is there, opened in it until the page's script has laid out every row.

It prints p50/p95/max of each and the save throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate.glossary import load_glossaries  # noqa: E402
from translate.pipeline import _verify  # noqa: E402
from translate.result import TRANSLATED, ParagraphResult, Result, Signature  # noqa: E402
from translate.serve.workstation import Settings, Workstation  # noqa: E402

HELD_OUT = ROOT / "examples" / "held-out"


def build_article(paragraphs: int) -> Result:
    pairs: list[tuple[str, str]] = []
    for english in sorted(HELD_OUT.glob("*.en.txt")):
        source = [p.strip() for p in english.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        target = [p.strip() for p in english.with_name(english.name.replace(".en.", ".rw.")).read_text(
            encoding="utf-8").split("\n\n") if p.strip()]
        pairs += list(zip(source, target))
    glossary = load_glossaries(None)
    rows = []
    for i in range(paragraphs):
        source, target = pairs[i % len(pairs)]
        terms = [t.to_dict() for t in _verify(source, target, "en", "rw", glossary)]
        rows.append(ParagraphResult(i + 1, source, target, "en", TRANSLATED, terms, confidence=0.5))
    signature = Signature("held-out references", "-", "none", "en-rw", 1, glossary.signature)
    return Result("held-out-300.en.txt", "en", "rw", signature, rows)


def percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms · p95 {p95 * 1000:.1f} ms · max {ordered[-1] * 1000:.1f} ms"


def start_server(folder: Path) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "translate.cli", "serve", str(folder), "--port", "0", "--no-memory"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "HF_HUB_OFFLINE": "1"})
    line = process.stdout.readline()  # type: ignore[union-attr]
    found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
    if not found:
        raise SystemExit(f"inkuru serve did not start: {line}")
    return process, found.group(1)


async def editor(url: str, article: str, csrf: str, name: str, paragraphs: list[str], pids: list[int],
                 saves: int, latencies: list[float], conflicts: list[int]) -> None:
    headers = {"x-inkuru-csrf": csrf, "x-inkuru-editor": name}
    versions = dict.fromkeys(pids, 1)
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as client:
        for n in range(saves):
            pid = pids[n % len(pids)]
            text = f"{paragraphs[pid - 1]} ({name}, edit {n})"
            started = time.perf_counter()
            reply = await client.put(f"/api/articles/{article}/paragraphs/{pid}",
                                     json={"text": text, "version": versions[pid]})
            latencies.append(time.perf_counter() - started)
            if reply.status_code == 409:
                conflicts.append(pid)
                versions[pid] = reply.json()["current"]["version"]
            else:
                reply.raise_for_status()
                versions[pid] = reply.json()["version"]


def browser_load(url: str, runs: int = 5) -> list[float] | None:
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return None
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(url, wait_until="load")
            page.locator("section.row").last.wait_for()
            times.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--saves", type=int, default=25, help="saves per editor")
    parser.add_argument("--paragraphs", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="inkuru-bench-serve-") as tmp:
        folder = Path(tmp)
        result = build_article(args.paragraphs)
        workstation = Workstation(Settings(folder, use_memory=False))
        article = workstation.store.add_article(result, None, "bench")
        csrf = workstation.store.secret("local-csrf")
        workstation.close()
        process, url = start_server(folder)
        try:
            with httpx.Client(base_url=url, timeout=60) as client:
                client.get(f"/articles/{article}").raise_for_status()  # warm up: glossary loaded, templates compiled
                fetches = []
                for _ in range(20):
                    started = time.perf_counter()
                    page = client.get(f"/articles/{article}")
                    fetches.append(time.perf_counter() - started)
                size = len(page.content)
            targets = [p.target for p in result.paragraphs]
            per_editor = [list(range(1 + i, args.paragraphs + 1, args.editors))[:5] for i in range(args.editors)]
            latencies: list[float] = []
            conflicts: list[int] = []
            started = time.perf_counter()

            async def run_all() -> None:
                await asyncio.gather(*(editor(url, article, csrf, f"editor{i}", targets, pids, args.saves,
                                              latencies, conflicts) for i, pids in enumerate(per_editor)))

            asyncio.run(run_all())
            wall = time.perf_counter() - started
            loads = browser_load(f"{url}articles/{article}")
        finally:
            process.terminate()
            process.wait(timeout=20)
    print(f"machine: {os.cpu_count()} cores; server: one `inkuru serve` process (uvicorn, Starlette thread pool)")
    print(f"save + re-check, {args.editors} editors at once, {len(latencies)} saves: {percentiles(latencies)}; "
          f"{len(latencies) / wall:.0f} saves/s; conflicts {len(conflicts)} (editors own distinct paragraphs: 0 expected)")
    print(f"page of {args.paragraphs} paragraphs ({size / 1e6:.2f} MB), fetched: {percentiles(fetches)}")
    if loads is not None:
        print(f"page of {args.paragraphs} paragraphs in Chromium until every row is laid out: {percentiles(loads)}")


if __name__ == "__main__":
    main()
