"""Rwanda's sectors as glossary entries, from a gazetteer, for `inkuru glossary import` (session 41).

    pip download --no-deps rwanda-locations==1.1 && unzip rwanda_locations-1.1-py3-none-any.whl
    python tests/sector_gazetteer.py rwanda_locations/data/locations.json OUT.csv
    inkuru glossary import OUT.csv --dry-run          # then without --dry-run

(MIT-licensed; locations.json maps province -> district -> sector -> cell -> villages.) Run on the glossary before
the import it writes the 293 entries the glossary took; after it, every name is written and it finds none.

One place entry per sector name (a name borne by sectors of several districts is one entry naming them all),
verbatim, class 9a, kept to capitals by a look-alike spelt alike (in lower case a name is often a word: kivuye,
'coming from'). Left out:
- a name any entry already writes (a district's namesake sector, Gitega, Gacaca, Mahama …): the entry stands;
- a name the development sets write in lower case, alone or after a prefix, twice or more (Ruganda: uruganda is a
  factory; Shyira, Juru, Giti, Musaza …): a word of the language;
- names read by hand as other things: months (Mata, Kanama), an English word (Save), words (Boneza, Gahunga,
  Mpanga, Rugerero: the national service; Remera, Rubona, Simbi, in lower case on the pages of reviews 26 and
  27 as well), and places abroad better known by the name (Masaka, Kabare, Kazo, Kinoni,
  Kibirizi, Mugunga, Mamba, Mbogo).
A later edit to an entry (a widened note, Murambi's memorial) is the glossary's, not this script's.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate.glossary import load_glossaries  # noqa: E402
from translate.glossary.entries import COLUMNS  # noqa: E402
from translate.glossary.textnorm import fold  # noqa: E402

PROVINCES = {"East": "Eastern Province", "West": "Western Province", "North": "Northern Province",
             "South": "Southern Province", "Kigali": "City of Kigali"}
BY_HAND = frozenset({"Mata", "Kanama", "Save", "Boneza", "Gahunga", "Mpanga", "Rugerero", "Masaka", "Kabare", "Kazo",
                     "Kinoni", "Kibirizi", "Mugunga", "Mamba", "Mbogo",
                     "Remera", "Rubona", "Simbi"})  # the last three: in lower case on reviews 26 and 27's pages too
SOURCE = "pypi.org/project/rwanda-locations (locations.json: {})"


def sectors(locations: dict) -> dict[str, list[tuple[str, str]]]:
    """Sector name -> its (province, district) pairs."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for province, districts in locations.items():
        for district, names in districts.items():
            for name in names:
                found[name].append((province, district))
    return found


def written_words(glossary) -> set[str]:
    return {fold(word) for entry in glossary for text in (*entry.rw, *entry.en, *entry.rw_lookalike)
            for word in re.findall(r"[\w']+", text)}


def lower_case_counts(names: set[str]) -> dict[str, int]:
    """How often the development sets write each name in lower case, alone or after a prefix of up to 3 letters."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests/data").glob("rw_press*.txt"))
                     if "heldout" not in path.name)
    counts = dict.fromkeys(names, 0)
    for word in re.findall(r"\w+", re.sub(r"\[\[[^|\]]*\|", "", text)):
        if word[:1].islower():
            for cut in range(4):
                if word[cut:] in counts:
                    counts[word[cut:]] += 1
    return counts


def rows(locations: dict) -> list[dict[str, str]]:
    by_name = sectors(locations)
    written = written_words(load_glossaries(None))
    lower = lower_case_counts({fold(name) for name in by_name})
    out = []
    for name, places in sorted(by_name.items()):
        if fold(name) in written or lower[fold(name)] >= 2 or name in BY_HAND:
            continue
        places = sorted(places, key=lambda p: p[1])
        where = [f"{district} District ({PROVINCES[province]})" for province, district in places]
        note = (f"Sector of {places[0][1]} District, {PROVINCES[places[0][0]]}, Rwanda." if len(places) == 1
                else "Sector of " + " and of ".join(where) + ", Rwanda.")
        out.append({"id": "place." + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"), "type": "place",
                    "status": "approved", "en": f"{name}|{name} Sector", "rw": name, "verbatim": "yes",
                    "rw_class": "9a", "rw_lookalike": name.lower(), "note": note,
                    "source": "; ".join(SOURCE.format(f"{p}/{d}/{name}") for p, d in places)})
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    entries = rows(json.loads(Path(argv[0]).read_text(encoding="utf-8")))
    with open(argv[1], "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows([entry.get(column, "") for column in COLUMNS] for entry in entries)
    print(f"{argv[1]}: {len(entries)} sectors", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
