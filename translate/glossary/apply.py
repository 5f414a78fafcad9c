"""The glossary in translation: the terms a sentence needs, how a text carries them, fixes and the report.

- `term_constraints` finds the glossary terms of a source sentence and turns each into a disjunctive constraint
  that the engines place into their translation: any accepted target form satisfies it (for Kinyarwanda, every
  form the morphology generates), as many times as the sentence uses the term, judged by the same matcher that
  writes the report. Names marked verbatim must come out exactly as written in the source.
- `fix_locatives` gives a prefixless name the locative it needs in Kinyarwanda ("mu Ukraine" -> "muri Ukraine").
- `verify_terms` checks a translated paragraph: each source term is satisfied, missing, forbidden or a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import partial
from dataclasses import asdict, dataclass

from translate.constraints import CLEAN, FLAWED, TermConstraint
from translate.glossary.entries import Entry, Glossary
from translate.glossary.kinyarwanda import (
    AMBIGUOUS_WARNING, HomeBody, cached_home_bodies, form_contexts, is_english_word, is_note, is_placement_warning,
    is_source_only,
)
from translate.glossary.matching import TermMatch
from translate.glossary.terms import find_terms, target_surface_forms
from translate.glossary.textnorm import fold

SATISFIED, MISSING, FORBIDDEN, WARNING = "satisfied", "missing", "forbidden", "warning"
STATUSES = (SATISFIED, MISSING, FORBIDDEN, WARNING)
MODES = ("strict", "prefer", "check")


@dataclass(frozen=True)
class TermReport:
    entry: str
    source_surface: str
    target_surface: str | None
    status: str
    message: str
    source_span: tuple[int, int]
    target_span: tuple[int, int] | None

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["source_span"] = list(self.source_span)
        data["target_span"] = list(self.target_span) if self.target_span else None
        return data


def _renderings_in(text: str, lang: str, glossary: Glossary) -> list[TermMatch]:
    """The terms of a translation. A rendering with another everyday sense counts as the term there without a cue
    from its sentence (igihano for sanctions): the source sentence says which sense is meant. A note on how a match
    was found (a surname, a hashtag) is no fault of the translation."""
    found = []
    for match in find_terms(text, lang, glossary):  # type: ignore[arg-type]
        if match.kind not in ("term", "ambiguous"):
            continue
        kept = [w for w in match.warnings if not w.startswith(AMBIGUOUS_WARNING) and not is_note(w)]
        found.append(match if match.kind == "term" and len(kept) == len(match.warnings)
                     else TermMatch(match.entry, match.surface, match.start, match.end, "term", kept))
    return found


def _source_terms(text: str, lang: str, glossary: Glossary) -> list[tuple[TermMatch, Entry]]:
    """The terms a translation must carry. Not a term's English word in Kinyarwanda source text (a gloss beside the
    Kinyarwanda term, Ibihano (sanctions), or a quote in English), a surname standing for a person named in full
    earlier, nor a term inside a hashtag, which the translation need not carry as terms of their own."""
    found = []
    for match in find_terms(text, lang, glossary):
        entry = glossary.get(match.entry)
        if match.kind == "term" and entry is not None and not is_source_only(match.warnings):
            found.append((match, entry))
    return found


_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def _bare_name(surface: str, lang: str) -> str:
    """A name as it must appear in any language: without the English possessive (Kirby's, Reuters')."""
    return _POSSESSIVE.sub("", surface) if lang == "en" else surface


def kept_as_written(entry: Entry, surface: str) -> bool:
    """A verbatim name is kept as the source writes it where that spelling is the name's own, shared by both
    languages (White House, n'Ukraine); a Kinyarwanda description of it (Perezidansi ya Amerika) or a respelling
    (Hamasi) is translated like any term."""
    written = fold(surface)
    return entry.verbatim and any(written == name or written.endswith(("'" + name, " " + name))
                                  for name in map(fold, entry.en))


def _verbatim_forms(surface: str, entry: Entry, target: str) -> tuple[str, ...]:
    """The name exactly as written, plus its elided forms (n'Ukraine) where the target language has them."""
    forms = [f for f in target_surface_forms(entry, target) if f.endswith(surface)]
    return tuple(dict.fromkeys([surface, *forms]))


def term_constraints(text: str, source: str, target: str, glossary: Glossary) -> list[TermConstraint]:
    """One constraint per glossary entry found in `text`; a term used twice asks for two renderings (the report
    pairs each source occurrence with one in the translation)."""
    found = _source_terms(text, source, glossary)
    counts = Counter(entry.id for _, entry in found)
    constraints: dict[str, TermConstraint] = {}
    for match, entry in found:
        if entry.id in constraints:
            continue
        bare = _bare_name(match.surface, source)
        verbatim = kept_as_written(entry, bare)
        forms = _verbatim_forms(bare, entry, target) if verbatim else tuple(target_surface_forms(entry, target))
        if forms:
            constraint = TermConstraint(entry.id, forms, hard=verbatim, count=counts[entry.id])
            check = partial(_occurrences, target=target, glossary=glossary, constraint=constraint)
            contexts = form_contexts(forms) if target == "rw" else ()
            constraints[entry.id] = TermConstraint(entry.id, forms, hard=verbatim, source=match.surface,
                                                   check=check, contexts=contexts, count=counts[entry.id])
    return list(constraints.values())


def _occurrences(text: str, target: str, glossary: Glossary, constraint: TermConstraint) -> tuple[int, ...]:
    """The engines' test (TermConstraint.occurrences): an engine can still choose where and how to place the term,
    so an ungrammatical placement ("i ibishyimbo") is no rendering, and one the report would warn about ranks
    below a clean one. A name kept verbatim counts where it appears exactly as written."""
    if constraint.hard:
        # The forms are the name as written and its elided forms (n'Ukraine), which end with it: the name as a
        # whole word (not "White Housee"), after an apostrophe or not.
        return (CLEAN,) * len(re.findall(rf"(?<![\w-]){re.escape(constraint.forms[0])}(?![\w-])", text))
    return _grades(text, target, glossary).get(constraint.key, ())


def _bare_home(match: TermMatch, glossary: Glossary) -> HomeBody | None:
    """The home body whose shared rendering a Kinyarwanda match is, read as the body (Minisiteri y'Ingabo with
    no other country after it: MINADEF), or None: the words that may render the term in a translation, or that
    the term's words may render. An elided connective before it is part of the match (n'Minisiteri …)."""
    home = cached_home_bodies(glossary).get(match.entry)
    written = fold(match.surface)
    return home if home is not None and any(written == text or written.endswith(("'" + text, " " + text))
                                            for text in home.shared) else None


def _grades(text: str, target: str, glossary: Glossary) -> dict[str, tuple[int, ...]]:
    """The grade of each occurrence of each entry found in `text`, best first. Cached on the glossary (bounded):
    an engine asks about one candidate sentence for each of its terms."""
    cache: dict[str, dict[str, tuple[int, ...]]] = glossary.cached(("grades", target), dict)
    if text not in cache:
        if len(cache) >= 4096:
            cache.clear()
        grades: dict[str, list[int]] = {}
        for match in _renderings_in(text, target, glossary):
            if not any(is_placement_warning(w) for w in match.warnings):
                # the bare home rendering renders the term too: an engine asked for both may count it twice,
                # which the report, pairing one to one, does not
                home = _bare_home(match, glossary) if target == "rw" else None
                for entry in (match.entry, *((home.term,) if home else ())):
                    grades.setdefault(entry, []).append(FLAWED if match.warnings else CLEAN)
        cache[text] = {entry: tuple(sorted(found, reverse=True)) for entry, found in grades.items()}
    return cache[text]


def satisfied_entries(output: str, target: str, glossary: Glossary,
                      constraints: list[TermConstraint], *, well_placed: bool = False) -> set[str]:
    """Keys of `constraints` that `output` satisfies: the entry is found (not in a forbidden form; with
    `well_placed`, without any warning about its form or the word before it), and a verbatim name appears
    exactly as required."""
    def acceptable(match: TermMatch) -> bool:
        if well_placed:
            return not any(is_placement_warning(w) for w in match.warnings)
        return not any(w.startswith("forbidden") for w in match.warnings)

    found = set()
    for match in _renderings_in(output, target, glossary):
        if acceptable(match):
            home = _bare_home(match, glossary) if target == "rw" else None
            found |= {match.entry, *((home.term,) if home else ())}
    satisfied = set()
    for constraint in constraints:
        if constraint.hard:
            if any(form in output for form in constraint.forms):
                satisfied.add(constraint.key)
        elif constraint.key in found:
            satisfied.add(constraint.key)
    return satisfied


_LOCATIVE_BEFORE = re.compile(r"(?<![\w'])(mu|ku|Mu|Ku)\s+$")


def fix_locatives(text: str, glossary: Glossary) -> tuple[str, int]:
    """Kinyarwanda: a prefixless name takes muri/kuri, not mu/ku. Returns the text and the number of fixes."""
    fixes = 0
    for match in reversed(find_terms(text, "rw", glossary)):
        entry = glossary.get(match.entry)
        if match.kind != "term" or entry is None or not _prefixless(entry):
            continue
        before = _LOCATIVE_BEFORE.search(text[: match.start])
        if before:
            text = f"{text[: before.start()]}{before.group(1)}ri {text[match.start:]}"
            fixes += 1
    return text, fixes


def _prefixless(entry: Entry) -> bool:
    """Loan names without a class prefix (class 1a/9a/10a: Ukraine, Kenya, Kirby) take muri/kuri."""
    return entry.rw_class.split("/")[0].endswith("a")


def _status(match: TermMatch, entry: Entry, source_surface: str) -> tuple[str, str]:
    forbidden = [w for w in match.warnings if w.startswith("forbidden")]
    if forbidden:
        return FORBIDDEN, "; ".join(forbidden)
    if kept_as_written(entry, source_surface) and match.surface != source_surface \
            and not match.surface.endswith(source_surface):
        return WARNING, "; ".join([f"name not kept as written: expected {source_surface!r}", *match.warnings])
    if match.warnings:
        return WARNING, "; ".join(match.warnings)
    return SATISFIED, ""


def _without_surplus_english(candidates: list[TermMatch], needed: int) -> list[TermMatch]:
    """The target occurrences to pair, in order: where there are more than the source needs, a term's English
    words (left beside the rendering a decoder placed) go first. A listed forbidden rendering stays, to be reported."""
    surplus = len(candidates) - needed
    kept = []
    for match in candidates:
        if surplus > 0 and is_english_word(match.warnings):
            surplus -= 1
            continue
        kept.append(match)
    return kept


def verify_terms(source_text: str, target_text: str, source: str, target: str,
                 glossary: Glossary) -> list[TermReport]:
    """Pair each source term with the same entry's occurrences in the target, in order of appearance: each target
    occurrence answers for one source occurrence, and the source occurrences left over are missing."""
    target_matches: dict[str, list[TermMatch]] = {}
    for match in _renderings_in(target_text, target, glossary):
        target_matches.setdefault(match.entry, []).append(match)
    found = _source_terms(source_text, source, glossary)
    in_source = Counter(entry.id for _, entry in found)
    for entry_id, candidates in target_matches.items():
        target_matches[entry_id] = _without_surplus_english(candidates, in_source[entry_id])
    _lend_to_twins(target_matches, found, in_source, target, glossary)
    used: Counter[str] = Counter()
    reports = []
    for match, entry in found:
        candidates = target_matches.setdefault(entry.id, [])
        index = used[entry.id]
        used[entry.id] += 1
        bare = _bare_name(match.surface, source)
        if index >= len(candidates) and (placed := _name_as_written(target_text, entry, bare, candidates)):
            candidates.append(placed)  # answers for this occurrence, and no other
        if index >= len(candidates):
            preferred = bare if kept_as_written(entry, bare) else (entry.rw[0] if target == "rw" else entry.en[0])
            message = (f"no rendering of {entry.id} in the translation (expected e.g. {preferred!r})" if not candidates
                       else f"{entry.id} is used {in_source[entry.id]} times in the source, {len(candidates)} in "
                            f"the translation")
            reports.append(TermReport(entry.id, match.surface, None, MISSING, message, (match.start, match.end), None))
            continue
        paired = candidates[index]
        status, message = _status(paired, entry, bare)
        reports.append(TermReport(entry.id, match.surface, paired.surface, status, message,
                                  (match.start, match.end), (paired.start, paired.end)))
    return reports


def _lend_to_twins(target_matches: dict[str, list[TermMatch]], found: list[tuple[TermMatch, Entry]],
                   in_source: Counter[str], target: str, glossary: Glossary) -> None:
    """A home body's bare rendering and its term's words answer for each other, one to one, where the source does
    not need them for themselves: in Kinyarwanda, Minisiteri y'Ingabo for "the defence ministry"; in English, "the
    Ministry of Defence" for a bare Minisiteri y'Ingabo in the source (not for MINADEF, which names Rwanda's).
    `in_source`: how often the source names each entry, counted from `found`."""
    for home in cached_home_bodies(glossary).values():
        if target == "rw":  # the body's bare rendering answers for the term
            needy, lender = home.term, home.body
            wanted = in_source[home.term]
            own = target_matches.get(home.body, [])
            bare = [m for m in own if _bare_home(m, glossary)]
            spare = bare[max(0, in_source[home.body] - (len(own) - len(bare))):]  # the body keeps MINADEF first
        else:  # the term's words answer for the body named bare in the source
            needy, lender = home.body, home.term
            wanted = sum(1 for match, entry in found if entry.id == home.body and _bare_home(match, glossary))
            spare = target_matches.get(home.term, [])[in_source[home.term]:]
        short = min(wanted, in_source[needy]) - len(target_matches.get(needy, []))
        if short > 0 and spare:
            lent = spare[:short]
            target_matches[lender] = [m for m in target_matches[lender] if m not in lent]
            target_matches[needy] = sorted([*target_matches.get(needy, []), *lent], key=lambda m: m.start)


def _name_as_written(text: str, entry: Entry, name: str, taken: list[TermMatch]) -> TermMatch | None:
    """A name kept as written stands in the translation wherever its words are, whole, though the matcher reads it
    as part of a longer name there (Umuryango w'… Odesa …): the check asks whether the name was carried, not what
    it names. The first such place no other occurrence holds; None where there is none or the name is translated."""
    if not kept_as_written(entry, name):
        return None
    for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        if not any(t.start < found.end() and found.start() < t.end for t in taken):
            return TermMatch(entry.id, found.group(), found.start(), found.end())
    return None


def summarize(reports: list[TermReport] | list[dict[str, object]]) -> str:
    """"31 terms: 29 satisfied, 1 missing, 1 warning" (statuses with a zero count are left out)."""
    return summarize_counts(Counter(r.status if isinstance(r, TermReport) else str(r["status"]) for r in reports))


def summarize_counts(statuses: Counter[str]) -> str:
    """The summary line from a count of term statuses."""
    parts = [f"{statuses[s]} {s if s != WARNING or statuses[s] == 1 else 'warnings'}" for s in STATUSES if statuses[s]]
    total = sum(statuses.values())
    return f"{total} term{'s' if total != 1 else ''}" + (f": {', '.join(parts)}" if parts else "")
