"""Helpers for the batch tests: an archive of articles built from the held-out set, and worker callables for the
pool's fault tests (module level, so that spawned worker processes can import them)."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

HELD_OUT = Path(__file__).resolve().parent.parent / "examples" / "held-out"


def held_out_paragraphs(lang: str = "en") -> list[str]:
    """Every paragraph of the held-out articles in `lang` (text the demo models never saw)."""
    paragraphs = []
    for path in sorted(HELD_OUT.glob(f"*.{lang}.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return paragraphs


def write_archive(folder: Path, articles: int, paragraphs: int, seed: int = 7) -> list[Path]:
    """`articles` text files of `paragraphs` held-out paragraphs each, in two sub-folders, deterministic."""
    pool = held_out_paragraphs()
    rng = random.Random(seed)
    written = []
    for number in range(articles):
        path = folder / f"{2025 + number % 2}" / f"story-{number:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(rng.choice(pool) for _ in range(paragraphs)) + "\n", encoding="utf-8")
        written.append(path)
    return written


class Echo:
    """A worker that returns its task upper-cased, after `delay` seconds; the task "die" kills its process."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def __call__(self, task: str) -> str:
        if task == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(self.delay)
        return f"{task.upper()}:{os.getpid()}"


class FailsToLoad:
    def __init__(self) -> None:
        raise RuntimeError("no such model")
