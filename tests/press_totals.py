"""The matcher's totals on the development press sets, scored as tests/test_rw_press.py scores them.

    python tests/press_totals.py              # found / missed / false alarms over all development sets, and any set
                                              # below its bars
    python tests/press_totals.py fa|miss      # also each false alarm or miss, with its set and line

Development sets only: the held-out sets' figures come from `pytest tests/test_rw_press.py -k pooled -s`, which prints
no sentence.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import test_rw_press as press  # noqa: E402

from translate.glossary import load_glossaries  # noqa: E402


def main(argv: list[str]) -> int:
    show = {"fa": "false alarm", "miss": "missed"}.get(argv[0]) if argv else None
    glossary = load_glossaries(None)
    found = missed = false = 0
    below = []
    for name, bars in press.DEVELOPMENT.items():
        result = press.score(press.read_annotated(press.DATA / name), glossary)
        found += sum(result.found.values())
        missed += sum(result.missed.values())
        false += sum(result.false_alarms.values())
        below += [name] if any(result.rates[goal] < bar for goal, bar in bars.items()) else []
        for example in result.examples:
            if show and show in example:
                print(f"{name} {example}")
    print(f"development, {len(press.DEVELOPMENT)} sets: {found} found / {missed} missed / {false} false alarms; "
          f"below their bars: {', '.join(below) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
