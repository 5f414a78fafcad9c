"""Hand a later judge the reports the held-out sets cannot judge, and take the verdicts back.

A held-out set's author marked only the entries of the id list the set was written against; what the matcher reports
of an entry listed since is unjudged there, and strict precision counts it as wrong. A judge who neither wrote the
sets nor tunes the matcher reads those reports and says whether each is right:

    python tests/held_out_judging.py export FOLDER
        one TSV per entry type in FOLDER: each unjudged report with its sentence (the report in ⟦ ⟧) and the entry's
        English and note; the judge fills the `verdict` column with right, wrong or unsure (and `why`, optionally)
    python tests/held_out_judging.py merge --judge NAME FILE...
        the judged files' right and wrong verdicts into tests/data/rw_press_heldout_verdicts.tsv (sorted; a verdict
        on the same report is replaced); unsure ones are left out, so those reports stay unjudged
    python tests/held_out_judging.py floors [--apply]
        each set's strict-precision floor in tests/test_rw_press.py set to its measured rate rounded down to half a
        point, up or down, once every report is judged; prints the changes, and writes them with --apply

The developer who tunes the matcher must not open the exported files (they hold held-out text); the verdict file holds
positions and verdicts only.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import test_rw_press as sets  # noqa: E402
from translate.glossary import load_glossaries  # noqa: E402

EXPORT_COLUMNS = ["set", "line", "entry", "start", "end", "surface", "sentence", "entry_en", "entry_note", "verdict",
                  "why"]


def unjudged_rows(glossary) -> list[dict[str, str]]:
    """Every report the held-out sets leave unjudged, with what a judge needs to read it."""
    rows = []
    for name in sets.HELD_OUT_FLOORS:
        sentences = {s.line: s for s in sets.read_annotated(sets.DATA / name)}
        for line, entry_id, start, end in sets.held_out_score(name, glossary).unjudged_at:
            text, entry = sentences[line].text, glossary.get(entry_id)
            rows.append({"set": name, "line": str(line), "entry": entry_id, "start": str(start), "end": str(end),
                         "surface": text[start:end], "sentence": f"{text[:start]}⟦{text[start:end]}⟧{text[end:]}",
                         "entry_en": " | ".join(entry.en), "entry_note": entry.note, "verdict": "", "why": ""})
    return sorted(rows, key=lambda r: (r["entry"], r["set"], int(r["line"]), int(r["start"])))


def export(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    by_type: dict[str, list[dict[str, str]]] = {}
    for row in unjudged_rows(load_glossaries(None)):
        by_type.setdefault(row["entry"].split(".")[0], []).append(row)
    for kind, rows in by_type.items():
        with open(folder / f"unjudged_{kind}.tsv", "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, EXPORT_COLUMNS, delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        print(f"{folder / f'unjudged_{kind}.tsv'}: {len(rows)} reports")


def merge(files: list[Path], judge: str) -> None:
    key = ("set", "line", "entry", "start", "end")
    with open(sets.VERDICTS, encoding="utf-8", newline="") as kept:
        verdicts = {tuple(r[k] for k in key): r for r in csv.DictReader(kept, delimiter="\t")}
    added = 0
    for path in files:
        with open(path, encoding="utf-8", newline="") as judged:
            for number, row in enumerate(csv.DictReader(judged, delimiter="\t"), start=2):
                verdict = (row.get("verdict") or "").strip().lower()
                if verdict not in ("right", "wrong", "unsure", ""):
                    sys.exit(f"{path}:{number}: verdict {verdict!r} (expected right, wrong or unsure)")
                if verdict in ("right", "wrong"):
                    verdicts[tuple(row[k] for k in key)] = {**{k: row[k] for k in key}, "verdict": verdict,
                                                          "judged_by": judge}
                    added += 1
    ordered = sorted(verdicts.values(), key=lambda r: (r["set"], int(r["line"]), int(r["start"]), r["entry"]))
    handle, temporary = tempfile.mkstemp(dir=sets.VERDICTS.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, sets.VERDICT_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(ordered)
    os.replace(temporary, sets.VERDICTS)
    print(f"{sets.VERDICTS}: {added} verdicts merged, {len(ordered)} in all")


def floor_for(rate: float) -> float:
    """A rate rounded down to half a point (0.9896 -> 0.985), the floor a measured set is held to."""
    return math.floor(rate * 200 + 1e-9) / 200


def with_floor(source: str, name: str, floor: float) -> str:
    """test_rw_press.py's source with one set's strict-precision floor replaced."""
    key = "HELD_OUT" if name == sets.HELD_OUT else f'"{name}"'
    block = re.search(r"    %s: \{[^}]*\}" % re.escape(key), source)
    if block is None or '"strict precision": ' not in block.group(0):
        raise ValueError(f"no strict-precision floor for {name} in test_rw_press.py")
    changed = re.sub(r'"strict precision": [0-9.]+', f'"strict precision": {floor:g}', block.group(0))
    return source[:block.start()] + changed + source[block.end():]


def set_floors(apply: bool) -> None:
    glossary = load_glossaries(None)
    scores = {name: sets.held_out_score(name, glossary) for name in sets.HELD_OUT_FLOORS}
    unread = sum(len(score.unjudged_at) for score in scores.values())
    if unread:
        sys.exit(f"{unread} reports are unjudged: export, judge and merge them first")
    path = Path(sets.__file__)
    source = path.read_text(encoding="utf-8")
    for name, score in scores.items():
        rate, floor = score.rates["strict precision"], sets.HELD_OUT_FLOORS[name]["strict precision"]
        if floor_for(rate) != floor:
            source = with_floor(source, name, floor_for(rate))
            print(f"{name}: strict precision {rate:.4f}, floor {floor:g} -> {floor_for(rate):g}")
    if apply:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(source)
        os.replace(temporary, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("export").add_argument("folder", type=Path)
    merging = commands.add_parser("merge")
    merging.add_argument("--judge", required=True, help="who judged, e.g. 'reviewer, 2026-12-06'")
    merging.add_argument("files", type=Path, nargs="+")
    commands.add_parser("floors").add_argument("--apply", action="store_true", help="write the new floors")
    args = parser.parse_args()
    if args.command == "export":
        export(args.folder)
    elif args.command == "merge":
        merge(args.files, args.judge)
    else:
        set_floors(args.apply)


if __name__ == "__main__":
    main()
