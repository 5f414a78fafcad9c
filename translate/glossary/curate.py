"""Curation checks for the editors who keep the glossary: lint, suggest (missing terms), stats (coverage)."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from translate.document import CALENDAR_WORDS
from translate.errors import GlossaryError
from translate.glossary.entries import Entry, Glossary, glossary_files, read_tsv
from translate.glossary.english import english_forms_stand_in
from translate.glossary.kinyarwanda import (INSTITUTION_HEADS, TITLE_WORDS, cached_home_bodies,
                                            cached_place_homographs, forms_stand_in, holds_a_name, home_bodies,
                                            institution_names, organisation_heads, place_homographs,
                                            rendering_texts)
from translate.glossary.morphology import FULL_CONNECTIVES, guess_class, is_prefixless
from translate.languages import detect_language, other_language
from translate.glossary.terms import find_terms
from translate.glossary.textnorm import fold

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class LintIssue:
    severity: Severity
    where: str  # path:line of the entry (or of the bad line)
    entry: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"severity": self.severity, "where": self.where, "entry": self.entry, "message": self.message}


def lint_paths(paths: Sequence[str | Path] | None) -> list[LintIssue]:
    """Lint glossary files; a file that does not parse is reported as an error instead of stopping the run."""
    entries: list[Entry] = []
    issues: list[LintIssue] = []
    for path in glossary_files(paths):
        try:
            entries.extend(read_tsv(path))
        except GlossaryError as exc:
            located = re.match(r"^(.*?:\d+): (.*)$", str(exc), re.S)
            where, message = located.groups() if located else (str(path), str(exc))
            issues.append(LintIssue("error", where, "", message))
    return issues + lint(entries)


def lint(entries: Sequence[Entry]) -> list[LintIssue]:
    """All checks over a set of entries (possibly from several files), errors and warnings, in file order."""
    issues, glossary = _set_checks(entries)
    for entry in glossary:
        issues.extend(_fields(entry))
        issues.extend(_reachability(entry, glossary))
        issues.extend(_named_places(entry, glossary))
    return _in_order(issues)


def _set_checks(entries: Sequence[Entry]) -> tuple[list[LintIssue], Glossary]:
    """The checks over the whole set (ids, duplicate entries, shared variants), and its entries as one glossary."""
    issues: list[LintIssue] = []
    unique = list(_duplicate_ids(entries, issues).values())
    for check in (_duplicates, _shared_english, _shared_kinyarwanda):
        issues.extend(check(unique))
    return issues, Glossary(tuple(unique))


def _in_order(issues: Iterable[LintIssue]) -> list[LintIssue]:
    """Errors first, then warnings, each in file order."""
    return sorted(issues, key=lambda i: (i.severity != "error", i.where))


def lint_change(entries: Sequence[Entry], changed_id: str) -> list[LintIssue]:
    """What `lint` says about one entry just added or edited: its own issues, the variants of other entries it now
    hides, and the cues that name it. At a fraction of lint's cost, since the matcher's check runs only for it and
    for the entries that one of its forms, or a word of its names, stands in (a superset of those its forms can be
    found inside: `forms_stand_in`); the full `lint` stays the reference."""
    issues, glossary = _set_checks(entries)
    changed = glossary.get(changed_id)
    if changed is None:
        raise KeyError(changed_id)
    issues.extend(_fields(changed))
    for entry in glossary:  # another entry's '@place' cue may name it (dictionary lookups: cheap)
        issues.extend(_named_places(entry, glossary))
    for entry in (changed, *_entries_it_may_hide(changed, glossary)):
        issues.extend(_reachability(entry, glossary))
    return _in_order(i for i in issues if about(i, changed_id))


def about(issue: LintIssue, entry_id: str) -> bool:
    """Whether a lint issue is the entry's own or names it (term.minister, not inside term.minister-of-state)."""
    return issue.entry == entry_id or _naming(entry_id).search(issue.message) is not None


@functools.lru_cache(maxsize=64)
def _naming(entry_id: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.-]){re.escape(entry_id)}(?![\w-])")


def _name_words(texts: Iterable[str]) -> set[str]:
    """The words of some names, folded, as a surname the matcher may find alone is written (three letters or more)."""
    return {fold(word) for text in texts for word in re.split(r"[\s'’-]+", text) if len(word) > 2}


def _entries_it_may_hide(changed: Entry, glossary: Glossary) -> list[Entry]:
    """The other entries with a variant that one of `changed`'s forms stands in (as the matcher inflects them, no
    rule of context applied), or a word of its names (a surname the matcher may find alone)."""
    others = [e for e in glossary if e.id != changed.id]
    rw = [(e.id, text) for e in others for text in rendering_texts(e)]
    en = [(e.id, text) for e in others for text in e.en]
    words = _name_words((*changed.rw, *changed.en))
    held = {entry_id for (entry_id, _), hit in zip(rw, forms_stand_in(changed, [t for _, t in rw], glossary)) if hit}
    held |= {entry_id for (entry_id, _), hit in zip(en, english_forms_stand_in(changed, [t for _, t in en])) if hit}
    held |= {entry_id for entry_id, text in (*rw, *en) if words & _name_words((text,))}
    return [e for e in others if e.id in held]


def _issue(entry: Entry, severity: Severity, message: str) -> LintIssue:
    return LintIssue(severity, entry.where, entry.id, f"{entry.id}: {message}")


def _duplicate_ids(entries: Sequence[Entry], issues: list[LintIssue]) -> dict[str, Entry]:
    unique: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in unique:
            issues.append(_issue(entry, "error", f"duplicate id (also at {unique[entry.id].where})"))
        else:
            unique[entry.id] = entry
    return unique


def _duplicates(entries: list[Entry]) -> Iterable[LintIssue]:
    seen: dict[tuple[str, str, str], Entry] = {}
    for entry in entries:
        key = (entry.type, fold(entry.en[0]), fold(entry.rw[0]))
        if key in seen:
            yield _issue(entry, "error", f"duplicate of {seen[key].id} (same English and Kinyarwanda term)")
        seen.setdefault(key, entry)


def _owners(entries: list[Entry], values: Callable[[Entry], Iterable[str]]) -> dict[str, list[Entry]]:
    owners: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for value in dict.fromkeys(fold(v) for v in values(entry)):
            owners[value].append(entry)
    return owners


def _shared_english(entries: list[Entry]) -> Iterable[LintIssue]:
    for term, owners in _owners(entries, lambda e: e.en).items():
        for other in owners[1:]:
            first = owners[0]
            if fold(first.rw[0]) != fold(other.rw[0]):
                yield _issue(other, "error", f"English term '{term}' has two preferred renderings: "
                             f"'{first.rw[0]}' ({first.id}) and '{other.rw[0]}' ({other.id})")
            else:
                yield _issue(other, "error", f"English variant '{term}' is shared with {first.id}")


def _shared_kinyarwanda(entries: list[Entry]) -> Iterable[LintIssue]:
    # a place and a term may share a one-word name (Komanda, a town; komanda, a commander): the matcher reads the
    # place where a place stands (i Komanda, mu mujyi wa Komanda) and the term elsewhere
    # and a body of Rwanda may share a term's rendering where another place after it reads as the term's (`!>@place`:
    # Minisiteri y'Ingabo is MINADEF, Minisiteri y'Ingabo y'u Burusiya a defence ministry)
    homographs = {word for _, word in place_homographs(entries)}
    homes = home_bodies(entries)
    for term, owners in _owners(entries, rendering_texts).items():
        if term in homographs and len(owners) == 2 and {o.type for o in owners} == {"place", "term"}:
            continue
        if len(owners) == 2 and any((home := homes.get(o.id)) and term in home.shared
                                    and {home.body, home.term} == {p.id for p in owners} for o in owners):
            continue
        for other in owners[1:]:
            yield _issue(other, "error", f"Kinyarwanda variant '{term}' is shared with {owners[0].id}")


def _named_places(entry: Entry, glossary: Glossary) -> Iterable[LintIssue]:
    """A '@place.<id>' cue must name another place the glossary has, or it could never be met, and not both
    ways."""
    cues = entry.sense_cues
    for place in (*cues.places_for, *cues.places_against):
        named = glossary.get(place)
        if named is None or named.type != "place" or place == entry.id:
            yield _issue(entry, "error", f"cue '@{place}' names no other place of the glossary")
    for place in set(cues.places_for) & set(cues.places_against):
        yield _issue(entry, "error", f"cues '@{place}' and '!@{place}' contradict each other")


def _fields(entry: Entry) -> Iterable[LintIssue]:
    if not entry.rw_class:
        yield _issue(entry, "error", "missing required field 'rw_class' (noun class, or 9a for a prefixless name)")
    if not entry.source:
        if entry.status == "approved":
            yield _issue(entry, "error", "missing required field 'source' (where the rendering is attested)")
        else:
            yield _issue(entry, "warning", "proposed entry without a source")
    if entry.status == "proposed" and not entry.note:
        yield _issue(entry, "warning", "proposed entry without a note saying what is uncertain")
    accepted = {fold(v) for v in rendering_texts(entry)}
    for bad in entry.rw_forbidden:
        if fold(bad) in accepted:
            yield _issue(entry, "error", f"'{bad}' is both accepted and forbidden")
    if entry.verbatim and not accepted & {fold(v) for v in entry.en}:
        yield _issue(entry, "warning", "verbatim entry, but no rendering is spelt like the English name")
    elif entry.verbatim:
        # A verbatim name is kept as the source writes it wherever the written words end with the name (n'Ukraine):
        # a rendering that wraps the name in other words (Akarere ka Rubavu) would force those words into English.
        names = {fold(v) for v in entry.en}
        wrapped = [r for r in entry.rw if fold(r) not in names and any(fold(r).endswith(" " + n) for n in names)]
        if wrapped:
            yield _issue(entry, "error", f"verbatim entry with a rendering that wraps the name in other words "
                                         f"({', '.join(wrapped)}): set verbatim to 'no', or drop the rendering")


def _found_where_a_place_stands(value: str, entry: Entry, glossary: Glossary) -> bool:
    probe = f"i {value}"
    return any(m.entry == entry.id and m.kind == "term" and m.start == 2 and m.end == len(probe)
               for m in find_terms(probe, "rw", glossary))


def _found_before_another_place(value: str, entry: Entry, glossary: Glossary) -> bool:
    """Whether a term's rendering that a home body shares is found as the term with another country after it
    (Minisiteri y'Ingabo ya Kenya), as the matcher reads it."""
    home = next((h for h in cached_home_bodies(glossary).values() if h.term == entry.id), None)
    body = glossary.get(home.body) if home is not None and fold(value) in home.shared else None
    place = next((e for e in glossary if e.type == "place" and body is not None
                  and not holds_a_name(body.en, e.en)), None)
    if place is None:
        return False
    probe = f"{value} ya {place.rw[0]}"
    return any(m.entry == entry.id and m.kind == "term" and m.start == 0 and m.end == len(value)
               for m in find_terms(probe, "rw", glossary))


def _reachability(entry: Entry, glossary: Glossary) -> Iterable[LintIssue]:
    """Every variant must be found as its own entry; otherwise another entry's variant matches inside it."""
    homographs = cached_place_homographs(glossary)
    for lang, values in (("en", entry.en), ("rw", rendering_texts(entry))):
        for value in values:
            # A rendering with another sense (rw_context) stands alone without a cue: found, as ambiguous.
            matches = [m for m in find_terms(value, lang, glossary)  # type: ignore[arg-type]
                       if m.kind == "term" or (m.kind == "ambiguous" and m.entry == entry.id)]
            if any(m.entry == entry.id and m.start == 0 and m.end == len(value) for m in matches):
                continue
            if lang == "rw" and (entry.id, fold(value)) in homographs \
                    and _found_where_a_place_stands(value, entry, glossary):
                continue  # a homograph (Komanda): the place only after a locative or a place's connective
            if lang == "rw" and _found_before_another_place(value, entry, glossary):
                continue  # shared with a home body (Minisiteri y'Ingabo): the term with another country after it
            others = ", ".join(f"'{m.surface}' ({m.entry})" for m in matches if m.entry != entry.id)
            why = f"another entry's variant matches inside it: {others}" if others else "the matcher cannot find it"
            yield _issue(entry, "error", f"{lang} variant '{value}' is not matched as this entry ({why}; "
                         "check rw_class and the variants)")


# ----------------------------------------------------------------------------------------------- suggest

_STOP_EN = frozenset("""a an the and or but of in on at to for from by with as is are was were be been it its this that
these those he she they we you i his her their our your said says say after before over under into about than
then there here when while where who whom which what why how not no also more most new other some such only one two
three four five all any each both if so up out may might will would can could should has have had do does did
mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec since until during following
despite among against through within without yesterday today tomorrow last next""".split())
# Kinyarwanda words that stand capitalised before or inside a name without being one: titles (Me: Maître), the
# heads of place and office names (mu Karere ka Rubavu, Umujyi wa Goma), what a company or a station is
# (Sosiyete MTN Rwanda), the world (ku Isi), prepositions opening a line, a player's position (Myugariro X), a
# military rank (Colonel, Maj, Lt), a commune's head (Komini Kivumu), the Republic of a head of state's title
# (Perezida wa Repubulika), nouns capitalised as if names (Politiki, ku Butaka, Urukiko rwa Rubanda) and the
# franc's abbreviation (miliyari 12 Frw).
_STOP_RW = TITLE_WORDS | frozenset("""ku mu muri kuri kwa na ni i nk uyu iyi aba ibi intara ntara akarere karere
umurenge murenge akagari kagari umudugudu mudugudu umujyi mujyi teritwari ikiyaga kiyaga igihugu gihugu umurwa
murwa isi sosiyete kompanyi televiziyo radiyo me myugariro rutahizamu kapiteni koloneli colonel col majoro major maj
gen lt brig capt liyetona field marshal prof komiseri komini repubulika politiki demokarasi sivile butaka rubanda
frw rwf""".split())
# The points of the compass name no place alone: Abanyafurika y'Epfo leaves Epfo when the demonym is matched.
_COMPASS_RW = frozenset("""epfo amajyepfo majyepfo amajyaruguru majyaruguru ruguru iburasirazuba uburasirazuba
burasirazuba iburengerazuba uburengerazuba burengerazuba hagati""".split())
# A title's own adjectives go with it (Umuyobozi Mukuru, Minisitiri Wungirije); Mukuru Jean is a name.
_TITLE_ADJECTIVES_RW = frozenset({"mukuru", "wungirije"})
# "Of" joins the words of a Kinyarwanda name (Umuryango wa Commonwealth); "na" (and) does not.
_CONNECTORS_RW = FULL_CONNECTIVES - {"na", "nka"}
_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "du", "la", "al"})
# A foreign name quoted in Kinyarwanda copy keeps its own connectors (Bank of Kigali, China Road and Bridge
# Corporation, Centre Hospitalier Universitaire de Kigali); none of them is a Kinyarwanda word.
_FOREIGN_CONNECTORS = frozenset({"of", "and", "de", "du", "des", "la", "le", "et"})
# An elided "and"/"like" starts another name: Espagne n'Ubutaliyani is two countries.
_AND_CLITIC = re.compile(r"^(?:n|nk)['’]", re.IGNORECASE)
_CLITIC = re.compile(r"^\w{1,2}['’]")
# An institution's head after a connective starts a name of its own: Frank Habineza w'Ishyaka … is a person, then
# his party. Not every noun that opens a listed name (`organisation_heads`): Ubumwe opens "Ubumwe bw'u Burayi" and
# goes on "Umuryango w'Ubumwe bw'Afurika", so after a connective only these heads part two names.
_NAME_HEADS_RW = INSTITUTION_HEADS | {"umuryango", "ishami", "akanama", "urwego", "ikigega", "urukiko", "ubutumwa"}
# Titles before a name are not part of it ("Governor Oleh Syniehubov" -> "Oleh Syniehubov").
_TITLES = frozenset("""governor president minister general gen spokesman spokeswoman commander colonel col major maj
lieutenant lt captain capt prime secretary ambassador senator mayor chief deputy brig sergeant pope king queen
prince dr mr mrs ms""".split())
_DOMAIN = frozenset("""drone drones missile missiles attack attacks military troops weapons forces army defense defence
security sanctions war ceasefire rebels strike strikes air border peace factory facility plant zone satellite
invasion navy soldiers soldier militia fighters helicopter helicopters radar bomb bombs rocket rockets ammunition
shelling artillery operation operations""".split())
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019-]*")
_NAV_SEPARATOR = re.compile(r"\s[|•·»]\s")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}s?$")
_SENTENCE_END = re.compile(r"(?:[.!?\"“(:]|^|\n\s*[-*#>]*)\s*$")


@dataclass
class Candidate:
    """A name or term an article uses that the glossary lacks."""

    text: str
    kind: str  # name | organisation (a Kinyarwanda institution's whole name) | acronym | phrase
    count: int = 0
    contexts: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        weight = {"name": 3.0 if " " in self.text else 2.0, "organisation": 3.0, "acronym": 2.0,
                  "phrase": 1.0}[self.kind]
        return self.count * weight

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "kind": self.kind, "count": self.count, "score": self.score,
                "contexts": self.contexts}


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width):start].split("\n")[-1]
    right = text[end:end + width].split("\n")[0]
    return " ".join(f"…{left}[{text[start:end]}]{right}…".split())


_DIGIT_NEXT = re.compile(r"\s*\d")


def _starts_sentence(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 6):start]))


def _name_span(text: str, run: list[re.Match[str]], lang: str) -> tuple[str, str, int, int] | None:
    """A capitalised run minus leading function words (The, In; Perezida wa) and trailing connectors, if still a
    name; a run with a month or a weekday in it is a date."""
    stop, connectors = (_STOP_EN | _TITLES, _CONNECTORS) if lang == "en" else (_STOP_RW, _CONNECTORS_RW)
    calendar = [w for w in run if w.group().lower().strip("'’") in CALENDAR_WORDS]
    # a date: its month or day before a number (June 14), or opening the run (Since August, Ku wa Gatandatu);
    # not a name that holds one (Theresa May, Harry Kane)
    if calendar and (_DIGIT_NEXT.match(text, calendar[-1].end()) or run[0] is calendar[0]
                     or run[0].group().lower() in stop | _STOP_EN):
        return None
    after_title = False
    while run and (run[0].group().lower() in stop | connectors
                   or (lang == "rw" and _CLITIC.sub("", run[0].group()).lower() in _STOP_RW)  # cy'Isi
                   or (after_title and lang == "rw" and run[0].group().lower() in _TITLE_ADJECTIVES_RW)
                   or (_is_rw_common_noun(_CLITIC.sub("", run[0].group()), lang)
                       and _heads_a_title(run, connectors))):
        after_title = run[0].group().lower() in TITLE_WORDS
        run = run[1:]
    while run and run[-1].group().lower() in connectors:
        run = run[:-1]
    if not run or (len(run) == 1 and _starts_sentence(text, run[0].start())):
        return None  # a lone capitalised word at a sentence start is just a sentence start
    start = run[0].start()
    if lang == "rw" and (clitic := _CLITIC.match(run[0].group())):
        start += clitic.end()  # k'Ibiyaga Bigari is the name Ibiyaga Bigari after a connective
    return "name", text[start:run[-1].end()], start, run[-1].end()


def _function_words(lang: str) -> frozenset[str]:
    """The words around a name that are not part of it: function words, titles, connectors."""
    return (_STOP_EN | _TITLES | _CONNECTORS) if lang == "en" else (_STOP_RW | _CONNECTORS_RW)


def _name_after(text: str, start: int, end: int, lang: str) -> tuple[str, int] | None:
    """The capitalised words of text[start:end] after any function words, with where they start, or None."""
    stop = _function_words(lang)
    words = [w for w in _WORD.finditer(text, start, end)]
    while words and words[0].group().lower() in stop:
        words = words[1:]
    if not words or not all(w.group()[:1].isupper() for w in words):
        return None
    return text[words[0].start():end], words[0].start()


def _heads_a_title(run: list[re.Match[str]], connectors: frozenset[str]) -> bool:
    """A class noun opening a run heads a title when it stands alone, a connective follows it (Umuryango wa …,
    Ububanyi n'Amahanga) or a two-word name does (Umunyamakuru Ingabire Victoire); before one other capitalised
    word it is a surname written first (Ingabire Victoire)."""
    return (len(run) != 2 or run[1].group().lower() in connectors
            or bool(re.match(r"\w{1,2}['’]", run[1].group())))


def _is_rw_common_noun(word: str, lang: str) -> bool:
    """A Kinyarwanda word spelt like a noun of a class (augment + prefix: Amakuru, Ububanyi, Umuryango): capitalised
    in titles and office names, but not a name, which is prefixless (Botswana, Kwape, Gisenyi)."""
    if lang != "rw" or "'" in word or "’" in word:
        return False
    lowered = word.lower()
    return lowered[:1] in "aiu" and len(lowered) > 4 and not is_prefixless(guess_class(lowered))


def _is_acronym(token: str) -> bool:
    return bool(_ACRONYM.match(token)) and not token.istitle()


_NAME_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az)-[A-Z]")
_LOCATIVE_BEFORE = frozenset({"i", "mu", "muri", "ku", "kuri", "in", "at", "from"})


def _follows(text: str, start: int, words: frozenset[str]) -> bool:
    """Whether the word at `start` comes right after one of `words`: a locative (i Tobruk, in Tripoli) or a
    Kinyarwanda connective (wa RDB, ya MTN)."""
    before = text[:start].rstrip().rsplit(None, 1)
    return bool(before) and before[-1].lower() in words


def _capital_runs(text: str, words: list[re.Match[str]], lang: str) -> Iterable[list[re.Match[str]]]:
    """Runs of capitalised words separated by single spaces/hyphens, with 'of', 'the', 'and' (in Kinyarwanda the
    connectives wa, ya, za …, and a capitalised word after an elided one: w'Ibihugu) allowed inside."""
    connectors = _CONNECTORS if lang == "en" else _CONNECTORS_RW | _FOREIGN_CONNECTORS
    run: list[re.Match[str]] = []
    for word in words:
        token = word.group()
        bare = _CLITIC.sub("", token) if lang == "rw" else token
        joined = bool(run) and text[run[-1].end():word.start()] in (" ", "-")
        # In Kinyarwanda copy an acronym is part of the name it stands against (MTN Rwanda, Police FC, AS Kigali);
        # not one after a connective, which is an organisation before a person's name (Umuyobozi wa RDB Clare …)
        # an Arabic name's particle goes on it (Bab el-Mandeb, Ahmed al-Sharaa), not on a place after a locative
        # (i Tobruk al-Mismari: a place, then a man)
        particle = joined and bool(_NAME_PARTICLE.match(token)) and not _follows(text, run[0].start(), _LOCATIVE_BEFORE)
        capital = (bare[:1].isupper() or particle) and (lang == "rw" or not _is_acronym(token))
        if capital or (joined and token.lower() in connectors):
            after_acronym = bool(run) and _is_acronym(run[-1].group()) and _follows(text, run[-1].start(), _CONNECTORS_RW)
            if run and (not joined or after_acronym or (lang == "rw" and (_AND_CLITIC.match(token)
                                                                          or bare.lower() in _NAME_HEADS_RW))):
                yield run
                run = []
            run.append(word)
        else:
            if run:
                yield run
            run = []
    if run:
        yield run


def _boilerplate(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the lines a saved page adds around an article: menus and share bars (items between | or •), the
    copyright footer, and lines in the other language (an English footer on a Kinyarwanda page)."""
    spans, offset = [], 0
    for line in text.split("\n"):
        if (len(_NAV_SEPARATOR.findall(f" {line} ")) >= 2 or "©" in line
                or (len(line.split()) >= 4 and detect_language(line).lang == other_language(lang))):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _spans(text: str, lang: str = "en") -> Iterable[tuple[str, str, int, int]]:
    """(kind, candidate, start, end) for acronyms, capitalised names and (English) domain phrases."""
    words = list(_WORD.finditer(text))
    names = [span for run in _capital_runs(text, words, lang) if (span := _name_span(text, run, lang))]
    for word in words:
        token = word.group()
        if _is_acronym(token) and not any(s <= word.start() and word.end() <= e and (s, e) != word.span()
                                          for _k, _c, s, e in names):
            acronym = token[:-1] if token.endswith("s") and token[:-1].isupper() else token
            yield "acronym", acronym, word.start(), word.end()
    yield from (span for span in names if not _is_acronym(span[1]))
    if lang == "en":
        yield from _phrases(text, words)


def _phrases(text: str, words: list[re.Match[str]]) -> Iterable[tuple[str, str, int, int]]:
    """Lower-case 2-3 word n-grams from sentences about the domain (a defense word in the sentence)."""
    sentences: list[list[re.Match[str]]] = [[]]
    for word in words:
        if sentences[-1] and _starts_sentence(text, word.start()):
            sentences.append([])
        sentences[-1].append(word)
    for sentence in sentences:
        lowered = [w.group().lower() for w in sentence]
        if not set(lowered) & _DOMAIN:
            continue
        for size in (2, 3):
            for i in range(len(sentence) - size + 1):
                group, low = sentence[i:i + size], lowered[i:i + size]
                capital = any(w.group()[0].isupper() for w in group[1 if i == 0 else 0:])
                gaps = [text[a.end():b.start()] for a, b in zip(group, group[1:])]
                if capital or any(g.strip(" -") for g in gaps) or any(w in _STOP_EN for w in low):
                    continue
                yield "phrase", " ".join(low), group[0].start(), group[-1].end()


def suggest(articles: Sequence[tuple[str, str]], glossary: Glossary, lang: str = "en",
            min_phrase_count: int = 2) -> list[Candidate]:
    """Candidate names/terms in (name, text) articles that no glossary entry covers, best first."""
    found: dict[tuple[str, str], Candidate] = {}
    for _name, text in articles:
        boilerplate = _boilerplate(text, lang)
        covered = [(m.start, m.end) for m in find_terms(text, lang, glossary)]  # type: ignore[arg-type]
        covered += boilerplate
        spans = list(_spans(text, lang))
        if lang == "rw":
            # An institution's whole name is the candidate, not the words and acronym inside it; one the glossary
            # already covers word for word (Minisiteri y'Ingabo y'u Burusiya) adds nothing.
            institutions = [(s, e) for s, e in institution_names(text, glossary)
                            if not any(s < b and a < e for a, b in boilerplate)]
            spans = [("organisation", text[s:e], s, e) for s, e in institutions
                     if not _covered(text, s, e, covered)] + \
                [rest for span in spans if (rest := _outside(text, span, institutions)) is not None]
        for kind, candidate, start, end in spans:
            for candidate, start, end in _uncovered_parts(text, kind, candidate, start, end, covered, lang):
                item = found.setdefault((kind, candidate.lower() if kind == "phrase" else candidate),
                                        Candidate(candidate, kind))
                item.count += 1
                if len(item.contexts) < 2:
                    item.contexts.append(_context(text, start, end))
    # a name the glossary lists as written, left unmatched where it names something else (Uruzi rwa Rusizi, the
    # river), is not missing from it
    listed = {fold(text) for e in glossary for text in (*e.rw, *e.en)}
    if lang == "rw":  # nor is an office's head noun left alone (Kaminuza; mu Nteko)
        heads = organisation_heads(glossary) | INSTITUTION_HEADS
        listed |= heads | {h[1:] for h in heads if h[:1] in "aiu"} | _COMPASS_RW
    ranked = [c for c in found.values() if (c.kind != "phrase" or c.count >= min_phrase_count)
              and fold(c.text) not in listed and len(c.text) > 1]  # nor an initial (Murangira B. Thierry)
    # A shorter phrase inside a longer candidate with the same count adds nothing.
    ranked = [c for c in ranked if not any(o is not c and o.count >= c.count and f" {c.text.lower()} "
                                           in f" {o.text.lower()} " for o in ranked)]
    return sorted(ranked, key=lambda c: (-c.score, -c.count, c.text))


def _uncovered_parts(text: str, kind: str, candidate: str, start: int, end: int, covered: list[tuple[int, int]],
                     lang: str) -> list[tuple[str, int, int]]:
    """A candidate, or, where glossary terms cover part of a name's run, the names left around them: one after a
    title the glossary knows (Foreign Minister Lemogang Kwape), one before a title or a listed party (Ousmane Sonko
    Minisitiri w'Intebe; Julius Malema wa EFF)."""
    inside = [(s, e) for s, e in covered if start < e and s < end] if kind != "organisation" else []
    if not inside:
        return [(candidate, start, end)]
    if kind != "name":
        return []
    parts = []
    if (before := _name_before(text, start, min(s for s, _ in inside), lang)) is not None:
        parts.append((before[0], before[1], before[1] + len(before[0])))
    rest = _name_after(text, max(e for _, e in inside), end, lang)
    if rest is not None and not any(rest[1] < e and s < end for s, e in covered):
        parts.append((rest[0], rest[1], end))
    return parts


def _name_before(text: str, start: int, end: int, lang: str) -> tuple[str, int] | None:
    """The capitalised words of text[start:end] less the function words and titles around them, with where they
    start, if two or more remain (a person's names): one word before a term is too often a sentence's first. A
    sentence's opening adverb stays on (Ubwo Moussa Diarra), as in any run of capitals."""
    stop = _function_words(lang)
    words = list(_WORD.finditer(text, start, end))
    while words and words[-1].group().lower() in stop:
        words = words[:-1]
    while words and words[0].group().lower() in stop:
        words = words[1:]
    if len(words) < 2 or not all(w.group()[:1].isupper() for w in words):
        return None
    return text[words[0].start():words[-1].end()], words[0].start()


def _outside(text: str, span: tuple[str, str, int, int], institutions: list[tuple[int, int]],
             ) -> tuple[str, str, int, int] | None:
    """A candidate span less what an institution's name holds: None inside one, the name after one that runs
    into it (Ikigo … cya Kenya Peter Njoroge: Peter Njoroge)."""
    kind, _candidate, start, end = span
    ends = [e for s, e in institutions if s <= start < e]
    if any(s <= start and end <= e for s, e in institutions):
        return None
    if ends and kind == "name" and (rest := _name_after(text, max(ends), end, "rw")) is not None:
        return kind, rest[0], rest[1], end
    return None if ends else span


def _covered(text: str, start: int, end: int, covered: list[tuple[int, int]]) -> bool:
    """Whether every capitalised word of text[start:end] lies inside a covered span."""
    return all(any(s <= w.start() and w.end() <= e for s, e in covered)
               for w in _WORD.finditer(text, start, end) if _CLITIC.sub("", w.group())[:1].isupper())


@dataclass
class Coverage:
    articles: int
    covered: int  # occurrences of glossary terms
    uncovered: int  # occurrences of candidate names/terms the glossary lacks
    missing: list[Candidate]

    @property
    def share(self) -> float:
        total = self.covered + self.uncovered
        return self.covered / total if total else 1.0


@dataclass
class GlossaryStats:
    total: int
    by_type_status: dict[str, dict[str, int]]
    coverage: Coverage | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"total": self.total, "by_type_status": self.by_type_status}
        if self.coverage:
            c = self.coverage
            out["coverage"] = {"articles": c.articles, "covered": c.covered, "uncovered": c.uncovered,
                               "share": round(c.share, 4), "missing": [m.to_dict() for m in c.missing[:20]]}
        return out


def stats(glossary: Glossary, articles: Sequence[tuple[str, str]] = (), lang: str = "en") -> GlossaryStats:
    table: dict[str, dict[str, int]] = defaultdict(dict)
    counts = Counter((e.type, e.status) for e in glossary)
    for (kind, status), n in sorted(counts.items()):
        table[kind][status] = n
    result = GlossaryStats(len(glossary), dict(table))
    if articles:
        covered = sum(1 for _n, t in articles for m in find_terms(t, lang, glossary)  # type: ignore[arg-type]
                      if m.kind == "term")
        missing = suggest(articles, glossary, lang)
        result.coverage = Coverage(len(articles), covered, sum(c.count for c in missing), missing)
    return result


def search(glossary: Glossary, query: str, limit: int = 20) -> list[tuple[float, Entry, str]]:
    """Entries whose id, English or Kinyarwanda forms resemble `query` (accent/case-insensitive, typo-tolerant).

    Kinyarwanda forms include the generated ones, so "Burusiya" finds Uburusiya. Returns (score, entry, text).
    """
    from difflib import SequenceMatcher

    from translate.glossary.kinyarwanda import kinyarwanda_surface_forms

    q = fold(query).strip()
    results = []
    for entry in glossary:
        texts = [entry.id, *entry.en, *rendering_texts(entry), *entry.rw_related,
                 *kinyarwanda_surface_forms(entry)[:12]]
        best, best_text = 0.0, ""
        for text in texts:
            t = fold(text)
            if t == q:
                score = 1.0
            elif q and q in t:
                score = 0.9 - 0.1 * (len(t) - len(q)) / max(len(t), 1)
            else:
                ratio = max((SequenceMatcher(None, q, word).ratio() for word in [t, *t.split()]), default=0)
                # a word that resembles the query counts less in a longer name (u Burusiya before Perezidansi y'u Burusiya)
                score = 0.7 * ratio - 0.01 * (len(t.split()) - 1) if ratio >= 0.75 else 0.0
            if score > best:
                best, best_text = score, text
        if best:
            results.append((best, entry, best_text))
    return sorted(results, key=lambda r: (-r[0], r[1].id))[:limit]
