"""Start-up wall time of the `inkuru` command, each run a fresh process (median of --runs).

    python bench/startup.py [--runs 7]

Measures `inkuru --help`, `inkuru glossary list` (goal: <= 0.3 s each: neither may import torch or transformers)
and `inkuru translate --backend ct2` of a one-line input with the demo model converted to CTranslate2 int8
(built under .cache/ if missing). Prints seconds and whether each goal is met.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / ".cache" / "demo-en-rw"
CT2_DEMO = ROOT / ".cache" / "bench" / "demo-en-rw-ct2-int8"
GOAL_SECONDS = 0.3


def inkuru() -> list[str]:
    found = shutil.which("inkuru", path=str(Path(sys.executable).parent)) or shutil.which("inkuru")
    return [found] if found else [sys.executable, "-m", "translate.cli"]


def prepare() -> None:
    if not (DEMO / "config.json").is_file():
        from translate.demo import build_demo_model

        build_demo_model(DEMO, direction="en-rw", force=True)
    if not (CT2_DEMO / "inkuru-ct2.json").is_file():
        from translate.convert import convert_model

        convert_model(str(DEMO), CT2_DEMO, quantization="int8", force=True)


def wall_time(args: list[str], runs: int) -> float:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    times = []
    for _ in range(runs + 1):  # the first run warms the file cache and is not counted
        started = time.perf_counter()
        done = subprocess.run(inkuru() + args, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"inkuru {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    prepare()
    with tempfile.TemporaryDirectory() as tmp:
        line = Path(tmp) / "line.txt"
        line.write_text("Russia used Iranian drones in Ukraine, officials said.\n", encoding="utf-8")
        commands = {
            "inkuru --help": (["--help"], GOAL_SECONDS),
            "inkuru glossary list": (["glossary", "list"], GOAL_SECONDS),
            "inkuru translate --backend ct2 (one line)": (
                ["translate", str(line), "--to", "rw", "--model", str(CT2_DEMO), "--backend", "ct2", "--no-cache",
                 "-q"], None),
        }
        print(f"median wall time of {args.runs} fresh processes ({os.cpu_count()} CPUs)")
        for label, (command, goal) in commands.items():
            seconds = wall_time(command, args.runs)
            verdict = f"(goal <= {goal} s: {'met' if seconds <= goal else 'NOT met'})" if goal else ""
            print(f"  {label:<44} {seconds:6.3f} s {verdict}")


if __name__ == "__main__":
    main()
