"""The glossary in translation: constraints before decoding, fixes and a per-term report after it.

- `term_constraints` finds the glossary terms of a source sentence and turns each into a disjunctive decoding
  constraint: any accepted target form satisfies it (for Kinyarwanda, every form the morphology generates).
  Names marked verbatim must come out exactly as written in the source.
- `fix_locatives` gives a prefixless name the locative it needs in Kinyarwanda ("mu Ukraine" -> "muri Ukraine").
- `verify_terms` checks a translated paragraph: each source term is satisfied, missing, forbidden or a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import partial
from dataclasses import asdict, dataclass

from translate.constraints import ABSENT, CLEAN, FLAWED, TermConstraint
from translate.glossary.entries import Entry, Glossary
from translate.glossary.kinyarwanda import form_contexts, is_placement_warning
from translate.glossary.matching import TermMatch
from translate.glossary.terms import find_terms, target_surface_forms

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


def _source_terms(text: str, lang: str, glossary: Glossary) -> list[tuple[TermMatch, Entry]]:
    found = []
    for match in find_terms(text, lang, glossary):
        entry = glossary.get(match.entry)
        if match.kind == "term" and entry is not None:
            found.append((match, entry))
    return found


_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def _bare_name(surface: str, lang: str) -> str:
    """A name as it must appear in any language: without the English possessive (Kirby's, Reuters')."""
    return _POSSESSIVE.sub("", surface) if lang == "en" else surface


def _verbatim_forms(surface: str, entry: Entry, target: str) -> tuple[str, ...]:
    """The name exactly as written, plus its elided forms (n'Ukraine) where the target language has them."""
    forms = [f for f in target_surface_forms(entry, target) if f.endswith(surface)]
    return tuple(dict.fromkeys([surface, *forms]))


def term_constraints(text: str, source: str, target: str, glossary: Glossary) -> list[TermConstraint]:
    """One constraint per glossary entry found in `text` (a term used twice is required once)."""
    constraints: dict[str, TermConstraint] = {}
    for match, entry in _source_terms(text, source, glossary):
        if entry.id in constraints:
            continue
        forms = _verbatim_forms(_bare_name(match.surface, source), entry, target) if entry.verbatim else tuple(
            target_surface_forms(entry, target))
        if forms:
            constraint = TermConstraint(entry.id, forms)
            check = partial(_grade, target=target, glossary=glossary, constraint=constraint)
            contexts = form_contexts(forms) if target == "rw" else ()
            constraints[entry.id] = TermConstraint(entry.id, forms, hard=entry.verbatim, source=match.surface,
                                                   check=check, contexts=contexts)
    return list(constraints.values())


def _grade(text: str, target: str, glossary: Glossary, constraint: TermConstraint) -> int:
    """The engines' test (TermConstraint.grade): an engine can still choose where and how to place the term, so an
    ungrammatical placement ("i ibishyimbo") does not count, and one the report would warn about ranks below a
    clean one."""
    entry = glossary.get(constraint.key)
    if entry is not None and entry.verbatim:
        return CLEAN if any(form in text for form in constraint.forms) else ABSENT
    return _grades(text, target, glossary).get(constraint.key, ABSENT)


def _grades(text: str, target: str, glossary: Glossary) -> dict[str, int]:
    """The best grade of each entry found in `text`. Cached on the glossary (bounded): an engine asks about one
    candidate sentence for each of its terms."""
    cache: dict[str, dict[str, int]] = glossary.cached(("grades", target), dict)
    if text not in cache:
        if len(cache) >= 4096:
            cache.clear()
        grades: dict[str, int] = {}
        for match in find_terms(text, target, glossary):
            if match.kind != "term" or any(is_placement_warning(w) for w in match.warnings):
                continue
            grade = FLAWED if match.warnings else CLEAN
            grades[match.entry] = max(grade, grades.get(match.entry, ABSENT))
        cache[text] = grades
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

    found = {m.entry for m in find_terms(output, target, glossary) if m.kind == "term" and acceptable(m)}
    satisfied = set()
    for constraint in constraints:
        entry = glossary.get(constraint.key)
        if entry is not None and entry.verbatim:
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
    if entry.verbatim and match.surface != source_surface and not match.surface.endswith(source_surface):
        return WARNING, f"name not kept as written: expected {source_surface!r}"
    if match.warnings:
        return WARNING, "; ".join(match.warnings)
    return SATISFIED, ""


def verify_terms(source_text: str, target_text: str, source: str, target: str,
                 glossary: Glossary) -> list[TermReport]:
    """Pair each source term with the same entry's occurrences in the target, in order of appearance."""
    target_matches: dict[str, list[TermMatch]] = {}
    for match in find_terms(target_text, target, glossary):
        if match.kind == "term":
            target_matches.setdefault(match.entry, []).append(match)
    used: Counter[str] = Counter()
    reports = []
    for match, entry in _source_terms(source_text, source, glossary):
        candidates = target_matches.get(entry.id, [])
        if not candidates:
            preferred = (entry.rw[0] if target == "rw" else entry.en[0]) if not entry.verbatim else _bare_name(
                match.surface, source)
            reports.append(TermReport(entry.id, match.surface, None, MISSING,
                                      f"no rendering of {entry.id} in the translation (expected e.g. {preferred!r})",
                                      (match.start, match.end), None))
            continue
        index = used[entry.id]
        used[entry.id] += 1
        paired = candidates[min(index, len(candidates) - 1)]
        status, message = _status(paired, entry, _bare_name(match.surface, source))
        if index >= len(candidates) and status == SATISFIED:
            message = f"used {index + 1} times in the source, {len(candidates)} in the translation"
        reports.append(TermReport(entry.id, match.surface, paired.surface, status, message,
                                  (match.start, match.end), (paired.start, paired.end)))
    return reports


def summarize(reports: list[TermReport] | list[dict[str, object]]) -> str:
    """"31 terms: 29 satisfied, 1 missing, 1 warning" (statuses with a zero count are left out)."""
    return summarize_counts(Counter(r.status if isinstance(r, TermReport) else str(r["status"]) for r in reports))


def summarize_counts(statuses: Counter[str]) -> str:
    """The summary line from a count of term statuses."""
    parts = [f"{statuses[s]} {s if s != WARNING or statuses[s] == 1 else 'warnings'}" for s in STATUSES if statuses[s]]
    total = sum(statuses.values())
    return f"{total} term{'s' if total != 1 else ''}" + (f": {', '.join(parts)}" if parts else "")
