"""Every report the Kinyarwanda matcher gives on every press-set line, for checking that a change leaves them alone.

    python tests/match_dump.py ROOT OUT.json    # ROOT: a checkout (e.g. a `git worktree` of the base commit)

It loads ROOT's `translate` and shipped glossaries, runs `find_terms` on each line of this checkout's
`tests/data/rw_press*.txt` (development and held-out sets alike, annotations stripped) and on the matching bench's
article, writes the reports to OUT.json and prints a sha256 of each part. Two roots that print the same digests give
the same reports, entry, span, kind and warnings. Nothing of a set's text is printed, so the held-out sets stay unread.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
_MARK = re.compile(r"\[\[!?[^|\]]+\|([^\]]*)\]\]")


def digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode("utf-8")).hexdigest()


def main(argv: list[str]) -> int:
    root, out = argv
    sys.path.insert(0, root)
    import translate
    from translate.glossary import Glossary, find_terms, load_glossaries
    assert translate.__file__.startswith(str(Path(root).resolve())), translate.__file__
    glossary = load_glossaries(None)
    sets = {}
    for path in sorted(DATA.glob("rw_press*.txt")):
        lines = [_MARK.sub(r"\1", line) for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
        sets[path.name] = [[m.to_dict() for m in find_terms(line, "rw", glossary)] for line in lines]
    sys.path.insert(0, str(Path(root) / "bench"))
    import glossary_match as bench  # the bench's own synthetic glossary and article, as it builds them
    rng = random.Random(0)
    entries = [bench.make_entry(rng, i) for i in range(10_000)]
    synthetic = Glossary(tuple(entries))
    [bench.make_paragraph(rng, entries, "en") for _ in range(1_000)]  # the bench draws the English article first
    article = [bench.make_paragraph(rng, entries, "rw") for _ in range(1_000)]
    bench_reports = [[m.to_dict() for m in find_terms(p, "rw", synthetic)] for p in article]
    Path(out).write_text(json.dumps({"sets": sets, "bench": bench_reports}), encoding="utf-8")
    print(f"sets: {digest(sets)} ({sum(len(r) for v in sets.values() for r in v)} reports)")
    print(f"bench: {digest(bench_reports)} ({sum(len(r) for r in bench_reports)} reports)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
