"""Glossary entries and the canonical TSV format: read, validate, write (sorted, diff-friendly), load.

One entry per line, tab-separated, with a header row; several values in one cell are separated by '|'.
Every problem in a file is reported as `path:line: column 'name': what is wrong`. See glossaries/README.md.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import translate
from translate.errors import GlossaryError, InkuruError
from translate.fileio import read_text
from translate.glossary.morphology import guess_class, is_prefixless, parse_class_spec, split_noun

COLUMNS = (
    "id", "type", "status", "en", "rw", "rw_forbidden", "verbatim",
    "rw_class", "rw_partner", "rw_related", "rw_lookalike", "rw_context", "note", "source",
)
REQUIRED_COLUMNS = ("id", "type", "status", "en", "rw")
LIST_COLUMNS = frozenset({"en", "rw", "rw_forbidden", "rw_partner", "rw_related", "rw_lookalike", "rw_context"})
TYPES = ("person", "place", "organisation", "term")
STATUSES = ("approved", "proposed")
SEPARATOR = "|"
_ID = re.compile(r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$")
# Characters that never belong in a glossary cell: C0/C1 control characters (in TSV a tab only separates
# cells), line and paragraph separators, and a byte-order mark after the start of the file. They come from
# corrupted or mis-encoded files (UTF-16 read as UTF-8 is full of NULs); loading them would make the entry
# unmatchable and the file unwritable, so they are reported with their line and column instead.
_BAD_CHAR = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_LINE_BREAKS = "\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# A cell starting with one of these is read as a formula by spreadsheets (CSV/TSV injection: =HYPERLINK(…),
# =cmd|…). The glossary TSV and its CSV export are meant to be opened in spreadsheets, so no cell may start so.
FORMULA_STARTS = ("=", "+", "-", "@")


@dataclass(frozen=True)
class SenseCues:
    """An entry's `rw_context`, parsed. Word stems that support the glossary's sense or show another anywhere in
    the sentence; '@place': any place the sentence names supports it; '@place.<id>' / '!@place.<id>': that place,
    named right after the match, decides for the glossary's sense or against it (Umunyamabanga wa Leta wa Amerika
    is the Secretary of State; Intara ya Gaza muri Mozambique is not the Strip), and '!@place.<id>' hands the match
    to another entry's shorter one at the same word that the place supports ('@place.<id>': Umunyamabanga wa Leta
    muri Amerika, not a minister of state); '!>stem': the word right after
    the match, or the noun after its connective, shows another sense (Perezida w'ikipe is a club's president,
    intambara y'ubucuruzi a trade war, iperereza ryigenga an inquiry); '!>@body': so does a body named there, a
    listed organisation or an acronym that is no place (Perezida wa FERWAFA, of the ANC); '!>@foreign': so does a
    name the glossary does not list, spelt as no Kinyarwanda word is (Leta ya Kebbi, ya Jubaland: a federated
    state, not the government); '!>@place': so does a place the match is of or in, named right after it after a
    connective or mu/muri, that none of the entry's English names holds (Minisiteri y'Ubuzima ya Uganda is not the
    Rwanda Ministry of Health; … mu Rwanda is, and so is … i Kigali, where it sits); '>@place': a place named
    after the match in its clause, after mu/muri or a connective, decides for the glossary's sense over the words
    of its sentence and the word before the match, not over those right after it (intambara yo muri Sudani,
    intambara imaze imyaka ibiri muri Sudani, yabaye intambara muri Sudani: a war, whatever sport the sentence is
    about; not a match at a venue, intambara i Kigali, nor a trade war, intambara y'ubucuruzi hagati ya Amerika n'u
    Bushinwa); '!<word': the word right
    before the match, whole, shows another sense (a simile: nk'igisasu, nka roketi; a predicate: kuba intwaro);
    '!<<word': so does the word the match is 'of', right before its connective (amasezerano ya Paris, the Paris
    Agreement: a treaty's name, not the city);
    '<word': the word right before the match, whole, supports the glossary's sense over the words of its
    sentence, though not over a word right after the match that shows another sense (kubera intambara, because
    of the war, in a sentence about a football league; not kubera intambara yo kurwanya ruswa, nor ya ruswa),
    nor over the '!<', '!<<', '!>@…' and '!@place.<id>' cues;
    '?word': the cues are read only for a match holding this word of a rendering, the one with another sense
    (iperereza is also a police inquiry; ubutasi, spying, is intelligence in any sentence)."""

    supporting: tuple[str, ...] = ()
    against: tuple[str, ...] = ()
    next_against: tuple[str, ...] = ()  # '!>stem' (Perezida w'ikipe: a club's)
    previous_against: tuple[str, ...] = ()  # '!<word' (nk'igisasu: like a bomb)
    any_place: bool = False
    places_for: tuple[str, ...] = ()
    places_against: tuple[str, ...] = ()
    body_after_against: bool = False  # '!>@body'
    foreign_after_against: bool = False  # '!>@foreign'
    other_place_after_against: bool = False  # '!>@place'
    only_in: tuple[str, ...] = ()  # '?word': the renderings' words the cues are read for
    place_after_for: bool = False  # '>@place'
    of_against: tuple[str, ...] = ()  # '!<<word' (amasezerano ya Paris: a treaty's name)
    previous_for: tuple[str, ...] = ()  # '<word' (kubera intambara: because of the war)

    @property
    def supported_by_something(self) -> bool:
        """Whether the entry names what supports its sense (else only '!' cues can take it away)."""
        return bool(self.supporting or self.any_place or self.places_for)


BODY_AFTER_CUE = "!>@body"
FOREIGN_AFTER_CUE = "!>@foreign"
PLACE_AFTER_CUE = "!>@place"
PLACE_AFTER_FOR_CUE = ">@place"
_PLACE_CUE = re.compile(r"(!?)@place(?:\.([a-z0-9][a-z0-9_.-]*))?")


def parse_cues(cues: Sequence[str]) -> SenseCues:
    """Parse `rw_context` cells; raises ValueError naming the first cue that is none."""
    supporting, against, next_against, previous_against, places_for, places_against = [], [], [], [], [], []
    previous_for: list[str] = []
    of_against: list[str] = []
    only_in: list[str] = []
    any_place = False
    body_after_against = foreign_after_against = other_place_after_against = place_after_for = False
    for cue in cues:
        place = _PLACE_CUE.fullmatch(cue)
        word = cue.removeprefix("!")
        if cue == BODY_AFTER_CUE:
            body_after_against = True
        elif cue == FOREIGN_AFTER_CUE:
            foreign_after_against = True
        elif cue == PLACE_AFTER_CUE:
            other_place_after_against = True
        elif cue == PLACE_AFTER_FOR_CUE:
            place_after_for = True
        elif cue.startswith("!>") and cue[2:] and not re.search(r"[\s!@>]", cue[2:]):
            next_against.append(cue[2:])
        elif cue.startswith("!<<") and cue[3:] and not re.search(r"[\s!@<>]", cue[3:]):
            of_against.append(cue[3:])
        elif cue.startswith("!<") and cue[2:] and not re.search(r"[\s!@<>]", cue[2:]):
            previous_against.append(cue[2:])
        elif cue.startswith("<") and cue[1:] and not re.search(r"[\s!@<>']", cue[1:]):  # whole, unelided
            previous_for.append(cue[1:])
        elif cue.startswith("?") and cue[1:] and not re.search(r"[\s!@<>?']", cue[1:]):
            only_in.append(cue[1:])
        elif place and place.group(2):
            (places_against if place.group(1) else places_for).append("place." + place.group(2))
        elif place and not place.group(1):
            any_place = True
        elif word and not place and not re.search(r"[\s!@<>]", word):
            (against if cue.startswith("!") else supporting).append(word)
        else:
            raise ValueError(cue)
    return SenseCues(tuple(supporting), tuple(against), tuple(next_against), tuple(previous_against), any_place,
                     tuple(places_for), tuple(places_against), body_after_against, foreign_after_against,
                     other_place_after_against, tuple(only_in), place_after_for, tuple(of_against),
                     tuple(previous_for))


@dataclass(frozen=True)
class Entry:
    """One glossary concept: an English term with its Kinyarwanda rendering and the morphology to match it."""

    id: str
    type: str
    status: str
    en: tuple[str, ...]  # preferred first, then variants and acronyms
    rw: tuple[str, ...]  # preferred rendering first, then accepted variants
    rw_forbidden: tuple[str, ...] = ()
    verbatim: bool = False  # a name kept as is in translation (White House, Reuters)
    rw_class: str = ""  # class of the preferred rendering's head noun, optionally '/partner class': '11/10'
    rw_partner: tuple[str, ...] = ()  # the other number of the head: uruganda <-> inganda
    rw_related: tuple[str, ...] = ()  # derived words reported as 'related', not as the term (Abarusiya)
    # Phrases that hold one of the entry's forms but name something else (Amerika y'Epfo is South America):
    # matched like renderings, longest match wins, and never reported.
    rw_lookalike: tuple[str, ...] = ()
    # Cues for a rendering that has another everyday sense (igihano: sanctions, or a court's penalty): words of
    # the sentence that support the glossary's sense, after '!' words that show the other one, and places
    # (SenseCues).
    rw_context: tuple[str, ...] = ()
    note: str = ""
    source: str = ""
    file: str = field(default="", compare=False)  # where it was read from, for messages
    line: int = field(default=0, compare=False)

    @property
    def head_class(self) -> str:
        spec = parse_class_spec(self.rw_class)
        words = self.rw[0].lower().split()
        head = words[0] + words[1] if words[0] == "u" and len(words) > 1 else words[0]
        return spec[0] if spec else guess_class(head)

    @property
    def partner_class(self) -> str:
        spec = parse_class_spec(self.rw_class)
        if spec and spec[1]:
            return spec[1]
        return guess_class(self.rw_partner[0].split()[0]) if self.rw_partner else ""

    @cached_property
    def sense_cues(self) -> SenseCues:
        return parse_cues(self.rw_context)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.file else self.id

    def to_row(self) -> dict[str, str]:
        """The entry as TSV cells (lists joined with '|')."""
        row: dict[str, str] = {}
        for column in COLUMNS:
            value = getattr(self, column)
            if column in LIST_COLUMNS:
                row[column] = SEPARATOR.join(value)
            elif column == "verbatim":
                row[column] = "yes" if value else "no"
            else:
                row[column] = value
        return row

    def to_dict(self) -> dict[str, Any]:
        return {c: (list(getattr(self, c)) if c in LIST_COLUMNS else getattr(self, c)) for c in COLUMNS}


@dataclass
class Glossary:
    """Entries loaded from one or more files; matchers compiled from it are cached on the object."""

    entries: tuple[Entry, ...]
    sources: list[Path] = field(default_factory=list)
    _by_id: dict[str, Entry] = field(default_factory=dict, init=False, repr=False, compare=False)
    _cache: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    @property
    def signature(self) -> str:
        """'glossary:<8 hex>' — sha256 of the canonical TSV of all entries, so CRLF/BOM/row order do not matter."""
        if "signature" not in self._cache:
            digest = hashlib.sha256(format_tsv(self.entries).encode("utf-8")).hexdigest()
            self._cache["signature"] = f"glossary:{digest[:8]}"
        return self._cache["signature"]

    def cached(self, key: Any, build: Any) -> Any:
        """Return the cached value for key, building it once (used for compiled matchers)."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]


def _fail(name: str, line: int, column: str | None, message: str) -> GlossaryError:
    where = f"{name}:{line}: " + (f"column '{show(column)}': " if column else "")
    return GlossaryError(where + message)


def show(value: str, limit: int = 60) -> str:
    """A value from a file, fit to quote in a one-line message: control characters escaped, long text cut."""
    value = _BAD_CHAR.sub(lambda m: f"\\u{ord(m.group()):04x}", value)
    return value if len(value) <= limit else value[:limit - 1] + "…"


def describe_char(char: str) -> str:
    """What a character `_BAD_CHAR` matched is, and what probably caused it."""
    code = f"U+{ord(char):04X}"
    if char == "\x00":
        return f"a NUL byte ({code}): is the file UTF-16? Save it as UTF-8"
    if char == "\r":
        return f"a carriage return ({code}) inside a line: save the file with LF or CRLF line ends"
    if char == "\t":
        return f"a tab ({code}) inside a cell"
    if char in _LINE_BREAKS:
        return f"a line break ({code}) inside a cell"
    if char == "\ufeff":
        return f"a byte-order mark ({code}) after the start of the file: were two files pasted together?"
    return f"a control character ({code})"


def check_chars(value: str, name: str, line: int, column: str | None) -> None:
    """Refuse control characters, line breaks and inner BOMs in a cell or header."""
    if bad := _BAD_CHAR.search(value):
        raise _fail(name, line, column, describe_char(bad.group()))


def check_cell(value: str, name: str, line: int, column: str) -> None:
    """Refuse control characters and formula starts in a cell (any format: TSV, CSV, TBX, the CLI)."""
    check_chars(value, name, line, column)
    if value.strip().startswith(FORMULA_STARTS):
        raise _fail(name, line, column, f"'{show(value.strip())}' starts with '{value.strip()[0]}', which a "
                    "spreadsheet would run as a formula; reword it so it starts with a letter or a digit")
    if column in LIST_COLUMNS and '"' in value:
        raise _fail(name, line, column, f"a double quote in '{show(value)}': glossary cells are not quoted "
                    "(was the file saved by a spreadsheet with quoting on?)")


def _split_list(value: str, name: str, line: int, column: str) -> tuple[str, ...]:
    if not value:
        return ()
    parts = [" ".join(p.split()) for p in value.split(SEPARATOR)]
    if any(not p for p in parts):
        raise _fail(name, line, column, f"empty value in '{show(value)}' (two '|' in a row, or a '|' at an end)")
    if len(set(parts)) != len(parts):
        dup = next(p for p in parts if parts.count(p) > 1)
        raise _fail(name, line, column, f"'{show(dup)}' is listed twice")
    return tuple(parts)


def _check_choice(value: str, allowed: Sequence[str], name: str, line: int, column: str) -> str:
    if value not in allowed:
        raise _fail(name, line, column, f"unknown {column} '{show(value)}' (expected one of: {', '.join(allowed)})")
    return value


def head_noun(rendering: str) -> str:
    """A rendering's head noun as the class check reads it: the first word ('u Burusiya' counts as one)."""
    parts = rendering.lower().split()
    head = parts[0] + parts[1] if parts[0] == "u" and len(parts) > 1 else parts[0]
    return head.replace("'", "")


def fits_class(rendering: str, cls: str) -> bool:
    """The rendering's head noun is spelt like a noun of class `cls` (always, for a prefixless class)."""
    return is_prefixless(cls) or split_noun(head_noun(rendering), cls) is not None


def _check_class_fits(words: tuple[str, ...], cls: str, name: str, line: int, what: str) -> None:
    """The head noun (first word; 'u X' counts as one) must be spelt like a noun of its class."""
    if words and not fits_class(words[0], cls):
        raise _fail(name, line, "rw_class", f"{what} '{show(words[0])}' is not spelt like a class {cls} noun "
                    f"(augment + prefix); use 9a for a prefixless name or loan")


def _check_context(cues: tuple[str, ...], renderings: tuple[str, ...], name: str, line: int) -> tuple[str, ...]:
    """Context cues are single words (a cue matches any word of the sentence that contains it), '!word' for a
    word that shows the other sense, and places (SenseCues); a '?word' is a word of a rendering."""
    try:
        parsed = parse_cues(cues)
    except ValueError as bad:
        raise _fail(name, line, "rw_context", f"'{show(str(bad))}' is not a cue: give one word, '!word' for a "
                    "word that shows the other sense, '!>word' for one right after the match, '!<word' / "
                    "'<word' for the word right before it (other sense / this one), '!<<word' for the word it "
                    "is 'of', '?word' for a word of a rendering the cues are read for, '@place' for any place "
                    "the sentence names, '>@place' for a place it is of or in, or '@place.<id>' / "
                    "'!@place.<id>' for a place named right after the match") from None
    words = {word.casefold() for rendering in renderings for word in re.split(r"[\s']+", rendering)}
    for word in parsed.only_in:
        if word.casefold() not in words:
            raise _fail(name, line, "rw_context", f"'?{show(word)}' is no word of a rendering in 'rw'")
    return cues


def entry_from_row(row: Mapping[str, str], name: str, line: int) -> Entry:
    """Validate one row (cells by column name) and build an Entry; raises GlossaryError naming file:line."""
    for column in COLUMNS:
        check_cell(row.get(column, ""), name, line, column)
    # Terms are whitespace-normalised (they are matched); free text (note, source) is only trimmed.
    cells = {c: row.get(c, "").strip() if c in ("note", "source") else " ".join(row.get(c, "").split())
             for c in COLUMNS}
    for column in REQUIRED_COLUMNS:
        if not cells[column]:
            raise _fail(name, line, column, "required field is empty")
    if not _ID.match(cells["id"]):
        raise _fail(name, line, "id", f"'{show(cells['id'])}' is not a valid id (lower-case letters, digits and . _ -,"
                    " e.g. 'place.russia')")
    lists = {c: _split_list(cells[c], name, line, c) for c in LIST_COLUMNS}
    verbatim = cells["verbatim"].lower() or "no"
    if verbatim not in ("yes", "no"):
        raise _fail(name, line, "verbatim", f"'{show(cells['verbatim'])}' must be 'yes' or 'no'")
    try:
        spec = parse_class_spec(cells["rw_class"])
    except ValueError as exc:
        raise _fail(name, line, "rw_class", show(str(exc), 200)) from None
    if spec and spec[1] and not lists["rw_partner"]:
        raise _fail(name, line, "rw_class", f"partner class {spec[1]} given but 'rw_partner' is empty")
    if lists["rw_partner"] and spec and not spec[1]:
        raise _fail(name, line, "rw_class", "'rw_partner' is set, so give its class too, e.g. '11/10'")
    if spec:
        _check_class_fits(lists["rw"], spec[0], name, line, "rendering")
        if spec[1]:
            _check_class_fits(lists["rw_partner"], spec[1], name, line, "partner")
    return Entry(
        id=cells["id"],
        type=_check_choice(cells["type"], TYPES, name, line, "type"),
        status=_check_choice(cells["status"], STATUSES, name, line, "status"),
        en=lists["en"], rw=lists["rw"], rw_forbidden=lists["rw_forbidden"], verbatim=verbatim == "yes",
        rw_class=cells["rw_class"].replace(" ", ""), rw_partner=lists["rw_partner"],
        rw_related=lists["rw_related"], rw_lookalike=lists["rw_lookalike"], rw_context=_check_context(
            lists["rw_context"], lists["rw"], name, line), note=cells["note"], source=cells["source"], file=name,
        line=line,
    )


def parse_header(fields: list[str], name: str, separator: str = "\t") -> list[str]:
    """Validate a header row (cells already split); errors name line 1."""
    header = [f.strip() for f in fields]
    for column in header:
        if column not in COLUMNS:
            used = next((s for s in ("\t", ",", ";", "|") if s != separator and s in column), None)
            hint = (f"; the file seems to separate columns with {_SEPARATOR_NAMES[used]}, not with "
                    f"{_SEPARATOR_NAMES[separator]}" if used else "")
            raise _fail(name, 1, None, f"unknown column '{show(column)}' in the header{hint} "
                        f"(known: {', '.join(COLUMNS)})")
    duplicates = {c for c in header if header.count(c) > 1}
    if duplicates:
        raise _fail(name, 1, None, f"column '{sorted(duplicates)[0]}' appears twice in the header")
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise _fail(name, 1, None, f"the header lacks required column(s): {', '.join(missing)}")
    return header


_SEPARATOR_NAMES = {"\t": "tabs", ",": "commas", ";": "semicolons", "|": "'|'"}


def _check_line(line: str, number: int, header: list[str] | None, name: str) -> None:
    """Refuse control characters, stray CRs, inner BOMs and line separators in a TSV line, naming the column."""
    bad = _BAD_CHAR.search(line.replace("\t", " "))
    if bad:
        index = line.count("\t", 0, bad.start())
        column = header[index] if header and index < len(header) else None
        raise _fail(name, number, column, describe_char(bad.group()))


def parse_tsv(text: str, name: str) -> list[Entry]:
    """Parse glossary TSV text; raises GlossaryError naming file:line at the first bad line.

    Accepted: a leading BOM, LF, CRLF or (old Mac) CR line ends. Refused with the line and column: an empty file
    or first line, a bad header, a repeated header, a wrong number of cells, control characters, a CR inside a
    line, a BOM after the start, and every invalid cell (see `entry_from_row`). Blank lines are skipped.
    """
    text = text.removeprefix("\ufeff")
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")  # a file saved with classic Mac line ends
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    if not text.strip():
        raise _fail(name, 1, None, "empty file: the first line must be the header (" + "\\t".join(COLUMNS) + ")")
    _check_line(lines[0], 1, None, name)
    if not lines[0].strip():
        raise _fail(name, 1, None, "the first line is empty: it must be the header (" + "\\t".join(COLUMNS) + ")")
    header = parse_header(lines[0].split("\t"), name)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines[1:], start=2):
        _check_line(raw, number, header, name)
        if not raw.strip():
            continue
        fields = raw.split("\t")
        if [f.strip() for f in fields] == header:
            raise _fail(name, number, None, "this line repeats the header (were two files pasted together?)")
        if len(fields) != len(header):
            raise _fail(name, number, None, f"expected {len(header)} tab-separated fields, found {len(fields)}")
        entry = entry_from_row(dict(zip(header, fields)), name, number)
        if entry.id in seen:
            raise _fail(name, number, "id", f"duplicate id '{entry.id}' (first defined on line {seen[entry.id]})")
        seen[entry.id] = number
        entries.append(entry)
    return entries


def read_tsv(path: str | Path) -> list[Entry]:
    try:
        return parse_tsv(read_text(path), str(path))
    except GlossaryError:
        raise
    except InkuruError as exc:
        raise GlossaryError(str(exc)) from None


def format_tsv(entries: Iterable[Entry]) -> str:
    """Canonical TSV text: header, all columns, rows sorted by id, '\\n' line ends."""
    lines = ["\t".join(COLUMNS)]
    for entry in sorted(entries, key=lambda e: e.id):
        row = entry.to_row()
        for column, value in row.items():
            if "\t" in value or "\n" in value or "\r" in value:
                raise GlossaryError(f"{entry.id}: column '{column}': a value cannot contain a tab or line break")
        lines.append("\t".join(row[c] for c in COLUMNS))
    return "\n".join(lines) + "\n"


def shipped_glossary_dir() -> Path:
    """The glossaries installed with the package, or the checkout's glossaries/ folder (editable installs)."""
    package_dir = Path(translate.__file__).resolve().parent
    installed = package_dir / "_glossaries"
    return installed if installed.is_dir() else package_dir.parent / "glossaries"


def glossary_files(paths: Sequence[str | Path] | None) -> list[Path]:
    """Expand --glossary arguments: a folder means every *.tsv in it (sorted); no arguments = shipped ones."""
    files: list[Path] = []
    for raw in paths or [shipped_glossary_dir()]:
        path = Path(raw)
        if path.is_dir():
            found = sorted(path.glob("*.tsv"))
            if not found:
                raise GlossaryError(f"{path}: folder contains no glossary (*.tsv) files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise GlossaryError(f"{path}: no such glossary file or folder")
    unique: dict[Path, Path] = {}
    for path in files:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def load_glossaries(paths: Sequence[str | Path] | None = None) -> Glossary:
    """Load and merge glossary files; an id defined in two files is an error naming both."""
    files = glossary_files(paths)
    entries: dict[str, Entry] = {}
    for path in files:
        for entry in read_tsv(path):
            if entry.id in entries:
                first = entries[entry.id]
                raise GlossaryError(f"{entry.where}: column 'id': duplicate id '{entry.id}' "
                                    f"(also defined at {first.where})")
            entries[entry.id] = entry
    return Glossary(tuple(sorted(entries.values(), key=lambda e: e.id)), files)
