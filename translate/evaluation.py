"""Evaluation: BLEU and chrF++ (sacrebleu), terminology accuracy and consistency, and the WMT terminology
task's three conditions (no glossary, the real glossary, a glossary of random wrong terms).

Terms are scored with the glossary's own morphology-aware matcher (`verify_terms`), so "mu Burusiya" counts as
a rendering of Russia. Library code only: every function returns dataclasses or raises `InkuruError`s; the
`inkuru eval` command (translate/eval_cli.py) prints. torch, transformers and the pipeline are imported only by
`translate_lines`, when a model translates.
"""

from __future__ import annotations

import ast
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

from translate import __version__
from translate.errors import InkuruError, InputError
from translate.fileio import read_text
from translate.glossary.apply import FORBIDDEN, MISSING, SATISFIED, STATUSES, WARNING, TermReport
from translate.glossary.apply import satisfied_entries, verify_terms
from translate.glossary.entries import Entry, Glossary
from translate.glossary.terms import find_terms, target_surface_forms
from translate.glossary.textnorm import fold

if TYPE_CHECKING:
    from translate.engines.base import Engine
    from translate.result import Result

EVAL_FORMAT = "inkuru-eval"
EVAL_VERSION = 1
CONDITIONS = ("base", "term", "random")
RANDOM_SEED = 13  # default seed of the random-wrong-glossary condition (recorded in every report)
TSV_COLUMNS = ("src", "ref", "terms", "mt")  # WMT terminology task files: src, ref, terms, MT output


# --- reading the evaluation data -------------------------------------------------------------------------------------


@dataclass
class EvalData:
    """Aligned segments: one source, reference (and optionally hypothesis and term list) per line."""

    sources: list[str]
    references: list[str]
    inputs: dict[str, str]  # role -> file name ("src", "ref" or "tsv")
    # From a terms column: per line, the glossary entry ids the line must render (None = find them in the source).
    line_terms: list[list[str]] | None = None
    terms_glossary: Glossary | None = None  # the entries the terms column defines
    hypotheses: list[str] | None = None  # an `mt` column

    def __len__(self) -> int:
        return len(self.sources)


def split_lines(text: str, name: str, *, allow_empty: bool = False) -> list[str]:
    """One segment per line ('\\n', '\\r\\n'); an empty file or an empty line is an InputError naming file:line."""
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    if not allow_empty:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                raise InputError(f"{name}:{number}: empty line (every line is one segment; remove the line or "
                                 "give it text, in every file)")
    return lines


def read_lines(path: str, *, allow_empty: bool = False) -> list[str]:
    """Read a UTF-8 file of one segment per line (a non-UTF-8 byte is an InputError naming file:line)."""
    return split_lines(read_text(path), path, allow_empty=allow_empty)


def check_aligned(first: tuple[str, Sequence[str]], second: tuple[str, Sequence[str]]) -> None:
    """Both files must have one line per segment."""
    (name_a, lines_a), (name_b, lines_b) = first, second
    if len(lines_a) != len(lines_b):
        raise InputError(f"line count mismatch: {name_a} has {_lines(len(lines_a))} but {name_b} has "
                         f"{_lines(len(lines_b))} (every file needs one line per segment)")


def _lines(count: int) -> str:
    return f"{count} line{'s' if count != 1 else ''}"


def read_pair(src_path: str, ref_path: str) -> EvalData:
    sources, references = read_lines(src_path), read_lines(ref_path)
    check_aligned((src_path, sources), (ref_path, references))
    return EvalData(sources, references, {"src": src_path, "ref": ref_path})


def read_hypotheses(path: str, data: EvalData) -> list[str]:
    hypotheses = read_lines(path)
    first = next(iter(data.inputs.items()))
    check_aligned((first[1], data.sources), (path, hypotheses))
    return hypotheses


def _is_header(cells: list[str]) -> bool:
    names = {"src", "source", "ref", "reference", "tgt", "target", "terms", "terminology", "mt", "hyp", "en", "rw"}
    return len(cells) >= 2 and all(c.strip().lower() in names for c in cells)


def parse_terms_cell(cell: str, where: str) -> list[tuple[str, tuple[str, ...]]]:
    """A terms cell: `{'source term': 'target term', ...}` (WMT style; a list of targets is also accepted), a list
    of pairs, or `source = target; source2 = target2|variant`. Returns (source term, accepted targets) pairs."""
    cell = cell.strip()
    if not cell or cell in ("{}", "[]"):
        return []
    pairs: list[tuple[str, Any]] = []
    if cell[0] in "{[":
        try:
            value = ast.literal_eval(cell)
        except (ValueError, SyntaxError):
            raise InputError(f"{where}: column 'terms': not a dictionary or list of terms: {cell[:60]!r}") from None
        if isinstance(value, dict):
            pairs = list(value.items())
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and len(item) == 2:
                    pairs.append(tuple(item.values()))  # type: ignore[arg-type]
                elif isinstance(item, (list, tuple)) and len(item) == 2:
                    pairs.append((item[0], item[1]))
                else:
                    raise InputError(f"{where}: column 'terms': {item!r} is not a (source, target) pair")
    else:
        for part in cell.split(";"):
            if not part.strip():
                continue
            source, equals, target = part.partition("=")
            if not equals:
                raise InputError(f"{where}: column 'terms': {part.strip()!r} is not 'source term = target term'")
            pairs.append((source, target.split("|")))
    out = []
    for source, targets in pairs:
        targets = [targets] if isinstance(targets, str) else targets
        clean = tuple(" ".join(str(t).split()) for t in targets if str(t).strip())
        if not isinstance(source, str) or not source.strip() or not clean:
            raise InputError(f"{where}: column 'terms': a term needs a source and a target ({source!r})")
        out.append((" ".join(source.split()), clean))
    return out


def read_tsv(path: str, source_lang: str, target_lang: str, known: Glossary | None = None) -> EvalData:
    """`src<TAB>ref`, or the WMT terminology layout `src<TAB>ref<TAB>terms[<TAB>mt]` (an optional header row)."""
    lines = split_lines(read_text(path), path)
    rows: list[tuple[int, list[str]]] = []
    width = 0
    for number, line in enumerate(lines, 1):
        cells = line.split("\t")
        if number == 1 and _is_header(cells):
            continue
        if not 2 <= len(cells) <= 4:
            raise InputError(f"{path}:{number}: expected 2 to 4 tab-separated columns (src, ref, terms, mt), "
                             f"found {len(cells)}")
        if width and len(cells) != width:
            raise InputError(f"{path}:{number}: {len(cells)} columns, but the lines before have {width}")
        width = len(cells)
        for column, cell in zip(TSV_COLUMNS, cells):
            if column != "terms" and not cell.strip():
                raise InputError(f"{path}:{number}: column '{column}' is empty")
        rows.append((number, cells))
    if not rows:
        raise InputError(f"{path}: no segments after the header row")
    data = EvalData([c[0] for _, c in rows], [c[1] for _, c in rows], {"tsv": path})
    if width >= 3:
        terms = [parse_terms_cell(c[2], f"{path}:{n}") for n, c in rows]
        data.terms_glossary, data.line_terms = terms_glossary(terms, source_lang, target_lang, known)
    if width == 4:
        data.hypotheses = [c[3] for _, c in rows]
    return data


def _covers(text: str, lang: str, glossary: Glossary, entry_id: str) -> bool:
    """True if the whole of `text` is one match of `entry_id` (the term as the glossary knows it)."""
    return any(m.entry == entry_id and m.kind == "term" and m.start == 0 and m.end == len(text)
               for m in find_terms(text, lang, glossary))  # type: ignore[arg-type]


def terms_glossary(lines: list[list[tuple[str, tuple[str, ...]]]], source_lang: str, target_lang: str,
                   known: Glossary | None = None) -> tuple[Glossary, list[list[str]]]:
    """Glossary entries for the pairs of a terms column, and each line's entry ids.

    A pair the `known` glossary already has (its source and target are both that entry's term) uses that entry,
    with its Kinyarwanda noun class, so inflected forms count; any other pair becomes an entry of its own.
    """
    entries: dict[str, Entry] = {}
    by_pair: dict[tuple[str, tuple[str, ...]], str] = {}
    ids: list[list[str]] = []
    adhoc = 0
    for pairs in lines:
        line_ids: list[str] = []
        for source, targets in pairs:
            key = (fold(source), tuple(fold(t) for t in targets))
            if key not in by_pair:
                entry = None
                if known is not None:
                    for match in find_terms(source, source_lang, known):  # type: ignore[arg-type]
                        candidate = known.get(match.entry)
                        if (candidate is not None and match.start == 0 and match.end == len(source)
                                and all(_covers(t, target_lang, known, candidate.id) for t in targets)):
                            entry = candidate
                            break
                if entry is None:
                    adhoc += 1
                    entry = _adhoc_entry(f"tsv.{adhoc}", source, targets, source_lang)
                entries.setdefault(entry.id, entry)
                by_pair[key] = entry.id
            if by_pair[key] not in line_ids:
                line_ids.append(by_pair[key])
        ids.append(line_ids)
    return Glossary(tuple(sorted(entries.values(), key=lambda e: e.id))), ids


def _adhoc_entry(entry_id: str, source: str, targets: tuple[str, ...], source_lang: str) -> Entry:
    en, rw = ((source,), targets) if source_lang == "en" else (targets, (source,))
    kind = "place" if en[0][:1].isupper() else "term"
    return Entry(entry_id, kind, "approved", tuple(en), tuple(rw), file="terms column")


# --- the random wrong glossary ---------------------------------------------------------------------------------------


def _target_side(entry: Entry, target_lang: str) -> dict[str, Any]:
    if target_lang == "rw":
        return {"rw": entry.rw, "rw_class": entry.rw_class, "rw_partner": entry.rw_partner,
                "rw_related": entry.rw_related, "rw_forbidden": ()}
    return {"en": entry.en}


def random_glossary(glossary: Glossary, target_lang: str, seed: int = RANDOM_SEED) -> Glossary:
    """The same source terms with wrong target renderings: a seeded random derangement of the target sides among
    entries of the same type (an entry alone of its type joins another pool), so that no entry keeps its own
    rendering (a glossary of one entry cannot be shuffled and comes back as it is). Names lose their 'kept
    verbatim' flag, so the wrong rendering is what gets required."""
    rng = random.Random(seed)
    groups: dict[str, list[Entry]] = {}
    for entry in sorted(glossary, key=lambda e: e.id):
        groups.setdefault(entry.type, []).append(entry)
    pools = [g for g in groups.values() if len(g) > 1]
    singles = [g[0] for g in groups.values() if len(g) == 1]
    if len(singles) > 1 or not pools:
        pools.append(singles)
    elif singles:  # one entry of its type: it takes part in the largest type's shuffle
        max(pools, key=len).extend(singles)
    out: list[Entry] = []
    for pool in pools:
        order = list(range(len(pool)))
        # Sattolo's algorithm: a uniformly random cyclic permutation, so no entry maps to itself.
        for i in range(len(order) - 1, 0, -1):
            j = rng.randrange(i)
            order[i], order[j] = order[j], order[i]
        for entry, donor in zip(pool, (pool[k] for k in order)):
            out.append(replace(entry, verbatim=False, note=f"random rendering from {donor.id} (seed {seed})",
                               **_target_side(donor, target_lang)))
    return Glossary(tuple(sorted(out, key=lambda e: e.id)))


# --- scoring ---------------------------------------------------------------------------------------------------------


@dataclass
class TermStat:
    """One glossary entry over the whole evaluation set."""

    entry: str
    occurrences: int = 0
    satisfied: int = 0
    warning: int = 0
    forbidden: int = 0
    missing: int = 0
    renderings: dict[str, int] = field(default_factory=dict)  # target rendering used -> times
    # source form (e.g. 'John Kirby', 'Kirby', 'UAV') -> target rendering -> times
    by_source: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def correct(self) -> int:
        return self.satisfied + self.warning

    @property
    def failures(self) -> int:
        return self.occurrences - self.correct

    @property
    def repeated(self) -> bool:
        """A source form rendered at least twice (so its consistency can be judged)."""
        return any(sum(used.values()) >= 2 for used in self.by_source.values())

    @property
    def consistent(self) -> bool:
        """Each source form of the entry is rendered one way throughout (inflections of a rendering count as it)."""
        return all(len(used) <= 1 for used in self.by_source.values())

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "accuracy": _ratio(self.correct, self.occurrences), "consistent": self.consistent}


@dataclass
class TermScores:
    """Terminology accuracy: share of source glossary terms (occurrences) rendered in the hypothesis, in any
    accepted form ('warning': present but ungrammatical counts as rendered; 'forbidden' does not). Consistency:
    share of entries with a source form rendered at least twice whose every source form is rendered one way
    ('John Kirby' and a later 'Kirby' are two source forms; 'Uburusiya' and 'mu Burusiya' one rendering)."""

    total: int
    by_status: dict[str, int]
    repeated: int  # entries with a source form rendered two or more times
    consistent: int  # of those, rendered one way throughout
    per_term: list[TermStat]  # failures first

    @property
    def correct(self) -> int:
        return self.by_status.get(SATISFIED, 0) + self.by_status.get(WARNING, 0)

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)

    @property
    def consistency(self) -> float | None:
        return _ratio(self.consistent, self.repeated)

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": self.accuracy, "correct": self.correct, "total": self.total, "by_status": self.by_status,
                "consistency": self.consistency, "consistent": self.consistent, "repeated": self.repeated,
                "per_term": [t.to_dict() for t in self.per_term]}


@dataclass
class ConditionReport:
    name: str  # base / term / random, or the hypothesis file's name
    glossary: str  # the glossary the translation used ("none" for base, "-" for a hypothesis file)
    bleu: float
    chrf: float
    terms: TermScores
    hypotheses: list[str]
    # Random condition: share of source terms rendered with the *wrong* glossary's rendering (forced blindly).
    wrong_terms: float | None = None
    translation_signature: str | None = None  # the Inkuru run's signature (model, revision, backend, …)
    seconds: float | None = None
    result: Result | None = field(default=None, repr=False, compare=False)  # the translation, when one ran

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "glossary": self.glossary, "translation_signature": self.translation_signature,
                "bleu": round(self.bleu, 4), "chrf": round(self.chrf, 4), "terms": self.terms.to_dict(),
                "wrong_terms": self.wrong_terms, "seconds": None if self.seconds is None else round(self.seconds, 2),
                "hypotheses": self.hypotheses}


@dataclass
class EvalReport:
    source_lang: str
    target_lang: str
    segments: int
    inputs: dict[str, str]
    glossary: str  # signature of the glossary terms are scored against
    glossary_origin: str  # "shipped", "files" or "terms column"
    bleu_signature: str
    chrf_signature: str
    conditions: list[ConditionReport]
    random_seed: int | None = None  # set when the random condition ran
    version: str = __version__

    def condition(self, name: str) -> ConditionReport:
        for condition in self.conditions:
            if condition.name == name:
                return condition
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {"format": EVAL_FORMAT, "format_version": EVAL_VERSION, "direction": f"{self.source_lang}-"
                f"{self.target_lang}", "segments": self.segments, "inputs": self.inputs,
                "glossary": self.glossary, "glossary_origin": self.glossary_origin,
                "signatures": {"bleu": self.bleu_signature, "chrf": self.chrf_signature},
                "random_seed": self.random_seed, "version": self.version,
                "conditions": [c.to_dict() for c in self.conditions]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def corpus_metrics(hypotheses: Sequence[str], references: Sequence[str]) -> tuple[float, float, str, str]:
    """(BLEU, chrF++, BLEU signature, chrF++ signature) with sacrebleu's defaults (tokenizer 13a)."""
    from sacrebleu.metrics import BLEU, CHRF

    bleu, chrf = BLEU(), CHRF(word_order=2)
    bleu_score = bleu.corpus_score(list(hypotheses), [list(references)]).score
    chrf_score = chrf.corpus_score(list(hypotheses), [list(references)]).score
    return bleu_score, chrf_score, str(bleu.get_signature()), str(chrf.get_signature())


class _Renderings:
    """Which of an entry's forms in one language a matched span uses (the preferred one, a variant, an acronym
    …), decided by the glossary matcher run with one form at a time, so inflections of one form count as one."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.glossary, self.lang = glossary, lang
        self._single: dict[str, list[tuple[str, Glossary]]] = {}

    def _forms(self, entry: Entry) -> tuple[str, ...]:
        return entry.rw if self.lang == "rw" else entry.en

    def _variants(self, entry: Entry) -> list[tuple[str, Glossary]]:
        if entry.id not in self._single:
            if self.lang == "rw":
                partners = _partners_by_rendering(entry)
                # a term's English words would be found as each single form (drones, ceasefire): not its forms
                english = () if entry.type == "term" else entry.en
                single = [replace(entry, rw=(text,), rw_partner=tuple(partners[k]), rw_related=(), rw_forbidden=(),
                                  rw_class=entry.rw_class if k == 0 else "", en=english)
                          for k, text in enumerate(entry.rw)]
            else:
                single = [replace(entry, en=(text,)) for text in entry.en]
            self._single[entry.id] = [(label, Glossary((e,))) for label, e in zip(self._forms(entry), single)]
        return self._single[entry.id]

    def label(self, entry_id: str, span: tuple[int, int], surface: str, text: str) -> str:
        entry = self.glossary.get(entry_id)
        if entry is None:
            return surface
        if len(self._forms(entry)) == 1 or span == (0, 0):
            return self._forms(entry)[0] if span != (0, 0) else surface
        start, end = span
        for label, single in self._variants(entry):
            if any(m.kind == "term" and m.start < end and start < m.end
                   for m in find_terms(text, self.lang, single)):  # type: ignore[arg-type]
                return label
        return surface


def _partners_by_rendering(entry: Entry) -> list[list[str]]:
    """The glossary lists the other number of several renderings in one column (rw_partner); give each partner to
    the rendering it shares most words with, then the longest common beginning ('drones' -> 'drone', 'indege
    zitagira abapilote' -> 'indege itagira abapilote'), else to the preferred rendering."""
    out: list[list[str]] = [[] for _ in entry.rw]
    for partner in entry.rw_partner:
        words, folded = set(fold(partner).split()), fold(partner)

        def score(k: int, words: set[str] = words, folded: str = folded) -> tuple[int, int, int]:
            other = fold(entry.rw[k])
            prefix = next((i for i, (a, b) in enumerate(zip(folded, other)) if a != b), min(len(folded), len(other)))
            return len(words & set(other.split())), prefix, -k

        out[max(range(len(entry.rw)), key=score)].append(partner)
    return out


def line_reports(source: str, hypothesis: str, source_lang: str, target_lang: str, glossary: Glossary,
                 expected: list[str] | None = None) -> list[TermReport]:
    """The term report of one segment; with `expected` (a terms column), only those entries, each at least once."""
    reports = verify_terms(source, hypothesis, source_lang, target_lang, glossary)
    if expected is None:
        return reports
    reports = [r for r in reports if r.entry in expected]
    from translate.constraints import TermConstraint

    for entry_id in expected:
        if any(r.entry == entry_id for r in reports):
            continue
        entry = glossary.get(entry_id)
        assert entry is not None
        forms = tuple(target_surface_forms(entry, target_lang))  # type: ignore[arg-type]
        found = satisfied_entries(hypothesis, target_lang, glossary, [TermConstraint(entry_id, forms)])
        reports.append(TermReport(entry_id, entry.en[0] if source_lang == "en" else entry.rw[0], None,
                                  SATISFIED if found else MISSING, "listed in the terms column", (0, 0), None))
    return reports


def term_scores(sources: Sequence[str], hypotheses: Sequence[str], source_lang: str, target_lang: str,
                glossary: Glossary, line_terms: Sequence[list[str]] | None = None) -> TermScores:
    """Accuracy, consistency (the whole set is one document) and a per-entry breakdown."""
    stats: dict[str, TermStat] = {}
    source_forms, target_forms = _Renderings(glossary, source_lang), _Renderings(glossary, target_lang)
    for index, (source, hypothesis) in enumerate(zip(sources, hypotheses)):
        expected = line_terms[index] if line_terms is not None else None
        for report in line_reports(source, hypothesis, source_lang, target_lang, glossary, expected):
            stat = stats.setdefault(report.entry, TermStat(report.entry))
            stat.occurrences += 1
            setattr(stat, report.status, getattr(stat, report.status) + 1)
            if report.status != MISSING and report.target_span is not None:
                assert report.target_surface is not None
                label = f"forbidden: {report.target_surface}" if report.status == FORBIDDEN else \
                    target_forms.label(report.entry, report.target_span, report.target_surface, hypothesis)
                stat.renderings[label] = stat.renderings.get(label, 0) + 1
                term = source_forms.label(report.entry, report.source_span, report.source_surface, source)
                used = stat.by_source.setdefault(term, {})
                used[label] = used.get(label, 0) + 1
    by_status = {status: sum(getattr(s, status) for s in stats.values()) for status in STATUSES}
    repeated = [s for s in stats.values() if s.repeated]
    per_term = sorted(stats.values(), key=lambda s: (-s.failures, -s.occurrences, s.entry))
    return TermScores(sum(by_status.values()), by_status, len(repeated), sum(1 for s in repeated if s.consistent),
                      per_term)


def wrong_term_rate(sources: Sequence[str], hypotheses: Sequence[str], source_lang: str, target_lang: str,
                    wrong: Glossary) -> float | None:
    """Share of source terms whose hypothesis carries the random glossary's (wrong) rendering."""
    total = used = 0
    for source, hypothesis in zip(sources, hypotheses):
        for report in verify_terms(source, hypothesis, source_lang, target_lang, wrong):
            total += 1
            used += report.status in (SATISFIED, WARNING)
    return _ratio(used, total)


def score_condition(name: str, data: EvalData, hypotheses: list[str], source_lang: str, target_lang: str,
                    glossary: Glossary, *, translation_glossary: str = "-", wrong: Glossary | None = None,
                    result: Result | None = None, seconds: float | None = None) -> ConditionReport:
    if len(hypotheses) != len(data):
        raise InputError(f"{name}: {len(hypotheses)} hypotheses for {len(data)} segments")
    bleu, chrf, _, _ = corpus_metrics(hypotheses, data.references)
    terms = term_scores(data.sources, hypotheses, source_lang, target_lang, glossary, data.line_terms)
    rate = wrong_term_rate(data.sources, hypotheses, source_lang, target_lang, wrong) if wrong is not None else None
    return ConditionReport(name, translation_glossary, bleu, chrf, terms, list(hypotheses), rate,
                           result.signature.format() if result is not None else None, seconds, result)


def _report(data: EvalData, source_lang: str, target_lang: str, glossary: Glossary, origin: str,
            conditions: list[ConditionReport], seed: int | None) -> EvalReport:
    _, _, bleu_signature, chrf_signature = corpus_metrics(["x"], ["x"])
    return EvalReport(source_lang, target_lang, len(data), dict(data.inputs), glossary.signature, origin,
                      bleu_signature, chrf_signature, conditions, seed)


def evaluate_hypotheses(data: EvalData, systems: Sequence[tuple[str, list[str]]], source_lang: str,
                        target_lang: str, glossary: Glossary, glossary_origin: str = "shipped") -> EvalReport:
    """Score ready-made translations: (name, one hypothesis per segment) per system."""
    conditions = [score_condition(name, data, hyps, source_lang, target_lang, glossary) for name, hyps in systems]
    return _report(data, source_lang, target_lang, glossary, glossary_origin, conditions, None)


# --- translating -----------------------------------------------------------------------------------------------------


def translate_lines(lines: Sequence[str], engine: Engine, source_lang: str, target_lang: str,
                    glossary: Glossary | None, glossary_mode: str = "prefer", batch_size: int = 16,
                    name: str = "-") -> tuple[list[str], Result]:
    """Translate one segment per line as one document (lines become paragraphs, so the whole set is one
    document for the term report); returns one output line per input line and the Result."""
    from translate.pipeline import TranslateOptions, translate_document

    options = TranslateOptions(target_lang, source_lang, batch_size, glossary, glossary_mode)
    result = translate_document("\n\n".join(lines), engine, options, name=name)
    if len(result.paragraphs) != len(lines):  # the pipeline's invariant: one paragraph per source paragraph
        raise InkuruError(f"{name}: {len(lines)} segments came back as {len(result.paragraphs)} paragraphs "
                          "(does a line open a Markdown code block?)")
    return [" ".join(p.target.split("\n")) for p in result.paragraphs], result


def parse_conditions(value: str) -> list[str]:
    names = [c.strip() for c in value.split(",") if c.strip()]
    unknown = [c for c in names if c not in CONDITIONS]
    if unknown or not names:
        raise InkuruError(f"unknown condition {', '.join(unknown) or repr(value)} (choices: {', '.join(CONDITIONS)})")
    return list(dict.fromkeys(names))


def run_conditions(data: EvalData, engine: Engine, conditions: Sequence[str], source_lang: str, target_lang: str,
                   glossary: Glossary, glossary_origin: str = "shipped", *, glossary_mode: str = "prefer",
                   batch_size: int = 16, seed: int = RANDOM_SEED,
                   on_start: Callable[[str], None] | None = None) -> EvalReport:
    """Translate the source with `engine` under each condition and score it. base: no glossary; term: `glossary`;
    random: `random_glossary(glossary, …, seed)`. Terms are always scored against the real `glossary`."""
    wrong = random_glossary(glossary, target_lang, seed) if "random" in conditions else None
    reports = []
    for name in conditions:
        used = {"base": None, "term": glossary, "random": wrong}[name]
        if on_start is not None:
            on_start(name)
        started = time.perf_counter()
        hypotheses, result = translate_lines(data.sources, engine, source_lang, target_lang, used, glossary_mode,
                                             batch_size, name=f"{name} condition")
        seconds = time.perf_counter() - started
        label = "none" if used is None else f"{used.signature}+{glossary_mode}"
        reports.append(score_condition(name, data, hypotheses, source_lang, target_lang, glossary,
                                       translation_glossary=label, wrong=wrong, result=result, seconds=seconds))
    return _report(data, source_lang, target_lang, glossary, glossary_origin, reports,
                   seed if wrong is not None else None)


# --- text report -----------------------------------------------------------------------------------------------------


def _percent(value: float | None, part: int, whole: int) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}% ({part}/{whole})"


def format_text(report: EvalReport, top: int = 10) -> str:
    """A plain-text summary: one row per condition, the signatures, and the entries that fail most."""
    rows = [("condition", "BLEU", "chrF++", "term accuracy", "consistency", "wrong terms")]
    for c in report.conditions:
        t = c.terms
        rows.append((c.name, f"{c.bleu:.1f}", f"{c.chrf:.1f}", _percent(t.accuracy, t.correct, t.total),
                     _percent(t.consistency, t.consistent, t.repeated),
                     "" if c.wrong_terms is None else f"{100 * c.wrong_terms:.1f}%"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"{report.segments} segments {report.source_lang}->{report.target_lang}; terms scored against "
             f"{report.glossary} ({report.glossary_origin})", ""]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines += ["", f"BLEU:   {report.bleu_signature}", f"chrF++: {report.chrf_signature}"]
    for c in report.conditions:
        if c.translation_signature:
            lines.append(f"{c.name}: {c.translation_signature}")
    if report.random_seed is not None:
        lines.append(f"random: target renderings shuffled among entries, seed {report.random_seed}")
    main = next((c for c in report.conditions if c.name == "term"), report.conditions[-1])
    failing = [s for s in main.terms.per_term if s.failures or not s.consistent][:top]
    if failing:
        lines += ["", f"Entries missing or rendered inconsistently ({main.name}):"]
        width = max(len(s.entry) for s in failing)
        for s in failing:
            used = ", ".join(f"{label} x{n}" for label, n in sorted(s.renderings.items(), key=lambda kv: -kv[1]))
            problems = ", ".join(f"{getattr(s, k)} {k}" for k in (MISSING, FORBIDDEN) if getattr(s, k))
            lines.append(f"  {s.entry.ljust(width)}  {s.correct}/{s.occurrences}"
                         + (f" ({problems})" if problems else "") + (f"; rendered as {used}" if used else ""))
    return "\n".join(lines) + "\n"
