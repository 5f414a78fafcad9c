"""The Kinyarwanda matcher scored on press-style text, concept by concept.

The sentences were written by the team in the style of Rwandan outlets (formal and informal spellings, long
organisation names, acronyms as the press writes them, look-alikes and words with two senses), annotated by hand,
independently of the matcher: `[[ID|surface]]` is an occurrence of glossary concept ID, `[[!ID|surface]]` a trap,
a phrase that looks like ID but is not it. Run with `-s` to see the tables.

The development sets (rw_press.txt, rw_press_b.txt and the others DEVELOPMENT names; the matcher and the glossary
were mended on them) are held to bars. Their figures show what the
matcher recalls of text it was tuned on, so the headline figures are the held-out sets' (rw_press_heldout.txt, _f,
_h, _i, _l, _m, _n, _p, _q, _t, _x, _ab, _ad, _aw, _ax, _ay, _bc and _bd), each written blind by another author
and never used to change the matcher: only their totals are printed.

Scoring: a reported term (kind "term"; related and ambiguous matches are not claims of the term) is right when it
overlaps an occurrence of the same concept, each occurrence answering for one match, or lies inside one (a name and
its bracketed acronym annotated as one span); every other reported term is a false alarm, except, on a held-out set,
one of an entry listed after the set was written, which it cannot judge (see WRITTEN_AGAINST). Likewise an occurrence
lying inside the longer reported span of such an entry is displaced, not missed: the brief marks a listed name, and
a multi-word term, as one span with nothing inside it, and an unlisted institution by the place inside it (Kaminuza
y'u Rwanda), so the author, given that entry, would have marked the whole instead (inzego z'umutekano, security
forces, listed later, over umutekano, security). Recall counts the
occurrences of concepts the glossary has (coverage says how many those are); strict recall counts the displaced
occurrences as missed, and strict precision counts every report: as the author judged it, else as a later judge did
(rw_press_heldout_verdicts.tsv, see VERDICTS), else as wrong. A trap holds when nothing is reported as its
concept inside it.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from translate.glossary import Glossary, find_terms, load_glossaries
from translate.glossary.curate import suggest

DATA = Path(__file__).parent / "data"
_MARK = re.compile(r"\[\[(!?)([^|\]]+)\|([^\]]+)\]\]")
GOALS = {"recall": 0.97, "precision": 0.99, "coverage": 0.97, "traps held": 1.0}
# The later sets annotate every place, organisation and person they name (districts, UN agencies, Sahel towns,
# heads of state), so their coverage measures the glossary's reach, and a few of the third's traps are words an
# English translation keeps (a SpaceX roketi, a club's Perezida): their bars hold what they measure today.
DEVELOPMENT = {
    "rw_press.txt": GOALS,
    "rw_press_b.txt": GOALS,
    "rw_press_c.txt": {"recall": 0.98, "precision": 0.975, "coverage": 0.98, "traps held": 0.9},
    "rw_press_d.txt": {"recall": 0.98, "precision": 0.99, "coverage": 0.97, "traps held": 1.0},
    "rw_press_g.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.95, "traps held": 0.9},
    "rw_press_j.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.965, "traps held": 0.85},
    "rw_press_k.txt": {"recall": 0.98, "precision": 0.975, "coverage": 0.93, "traps held": 0.9},
    "rw_press_o.txt": {"recall": 0.98, "precision": 0.985, "coverage": 0.975, "traps held": 0.95},
    "rw_press_r.txt": {"recall": 0.965, "precision": 0.99, "coverage": 0.965, "traps held": 0.95},
    "rw_press_s.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.97, "traps held": 0.95},
    "rw_press_u.txt": {"recall": 0.975, "precision": 0.97, "coverage": 0.9, "traps held": 0.85},
    "rw_press_v.txt": {"recall": 0.975, "precision": 0.97, "coverage": 0.93, "traps held": 0.85},
    "rw_press_w.txt": {"recall": 0.975, "precision": 0.99, "coverage": 0.96, "traps held": 0.9},
    "rw_press_y.txt": {"recall": 0.985, "precision": 0.99, "coverage": 0.975, "traps held": 0.95},
    "rw_press_z.txt": {"recall": 0.975, "precision": 0.975, "coverage": 0.95, "traps held": 0.85},
    "rw_press_aa.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.97, "traps held": 0.9},
    "rw_press_ac.txt": {"recall": 0.98, "precision": 0.985, "coverage": 0.98, "traps held": 0.9},
    "rw_press_ae.txt": {"recall": 0.99, "precision": 0.98, "coverage": 0.95, "traps held": 0.9},
    "rw_press_af.txt": {"recall": 0.97, "precision": 0.985, "coverage": 0.93, "traps held": 0.9},
    "rw_press_ag.txt": {"recall": 0.98, "precision": 0.96, "coverage": 0.95, "traps held": 0.85},
    "rw_press_ah.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.96, "traps held": 0.85},
    "rw_press_ai.txt": {"recall": 0.97, "precision": 0.97, "coverage": 0.92, "traps held": 0.84},
    "rw_press_aj.txt": {"recall": 0.95, "precision": 0.97, "coverage": 0.95, "traps held": 0.85},
    "rw_press_ak.txt": {"recall": 0.975, "precision": 0.96, "coverage": 0.9, "traps held": 0.85},
    "rw_press_al.txt": {"recall": 0.98, "precision": 0.96, "coverage": 0.92, "traps held": 0.85},
    "rw_press_am.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.96, "traps held": 0.85},
    "rw_press_an.txt": {"recall": 0.965, "precision": 0.965, "coverage": 0.94, "traps held": 0.8},
    "rw_press_ao.txt": {"recall": 0.975, "precision": 0.97, "coverage": 0.97, "traps held": 0.9},
    "rw_press_ap.txt": {"recall": 0.975, "precision": 0.97, "coverage": 0.955, "traps held": 0.85},
    "rw_press_aq.txt": {"recall": 0.97, "precision": 0.965, "coverage": 0.925, "traps held": 0.8},
    "rw_press_ar.txt": {"recall": 0.97, "precision": 0.98, "coverage": 0.98, "traps held": 0.9},
    "rw_press_as.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.97, "traps held": 0.9},
    "rw_press_at.txt": {"recall": 0.965, "precision": 0.975, "coverage": 0.94, "traps held": 0.9},
    "rw_press_au.txt": {"recall": 0.97, "precision": 0.97, "coverage": 0.94, "traps held": 0.85},
    "rw_press_av.txt": {"recall": 0.98, "precision": 0.99, "coverage": 0.975, "traps held": 0.95},
    "rw_press_az.txt": {"recall": 0.975, "precision": 0.99, "coverage": 0.975, "traps held": 0.95},
    "rw_press_ba.txt": {"recall": 0.985, "precision": 0.98, "coverage": 0.95, "traps held": 0.9},
    "rw_press_bb.txt": {"recall": 0.975, "precision": 0.975, "coverage": 0.92, "traps held": 0.9},
    "rw_press_bg.txt": {"recall": 0.97, "precision": 0.97, "coverage": 0.875, "traps held": 0.85},
    "rw_press_bh.txt": {"recall": 0.98, "precision": 0.97, "coverage": 0.95, "traps held": 0.9},
    "rw_press_bk.txt": {"recall": 0.95, "precision": 0.965, "coverage": 0.895, "traps held": 0.85},
    "rw_press_bl.txt": {"recall": 0.98, "precision": 0.97, "coverage": 0.93, "traps held": 0.9},
    "rw_press_bq.txt": {"recall": 0.99, "precision": 0.975, "coverage": 0.88, "traps held": 0.8},
    "rw_press_br.txt": {"recall": 0.95, "precision": 0.94, "coverage": 0.955, "traps held": 0.85},
    "rw_press_cb.txt": {"recall": 0.97, "precision": 0.975, "coverage": 0.975, "traps held": 0.9},
    "rw_press_cc.txt": {"recall": 0.97, "precision": 0.985, "coverage": 0.95, "traps held": 0.95},
    "rw_press_cd.txt": {"recall": 0.985, "precision": 0.98, "coverage": 0.89, "traps held": 0.9},
    "rw_press_ce.txt": {"recall": 0.99, "precision": 0.985, "coverage": 0.965, "traps held": 0.95},
    "rw_press_cf.txt": {"recall": 0.96, "precision": 0.965, "coverage": 0.855, "traps held": 0.9},
    "rw_press_cg.txt": {"recall": 0.97, "precision": 0.99, "coverage": 0.95, "traps held": 0.95},
    "rw_press_ch.txt": {"recall": 0.975, "precision": 0.97, "coverage": 0.9, "traps held": 0.95},
    "rw_press_ci.txt": {"recall": 0.985, "precision": 0.975, "coverage": 0.95, "traps held": 0.9},
    "rw_press_cj.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.9, "traps held": 0.85},
    "rw_press_ck.txt": {"recall": 0.985, "precision": 0.99, "coverage": 0.965, "traps held": 0.95},
    "rw_press_co.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.92, "traps held": 0.95},
    "rw_press_cp.txt": {"recall": 0.97, "precision": 0.965, "coverage": 0.88, "traps held": 0.9},
    "rw_press_cq.txt": {"recall": 0.955, "precision": 0.97, "coverage": 0.93, "traps held": 0.85},
    "rw_press_cr.txt": {"recall": 0.96, "precision": 0.97, "coverage": 0.945, "traps held": 0.9},
    "rw_press_cs.txt": {"recall": 0.97, "precision": 0.975, "coverage": 0.915, "traps held": 0.95},
    "rw_press_ct.txt": {"recall": 0.98, "precision": 0.985, "coverage": 0.97, "traps held": 0.95},
    "rw_press_cw.txt": {"recall": 0.97, "precision": 0.965, "coverage": 0.955, "traps held": 0.95},
    "rw_press_cx.txt": {"recall": 0.975, "precision": 0.975, "coverage": 0.97, "traps held": 0.9},
    "rw_press_cy.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.98, "traps held": 0.9},
    "rw_press_cz.txt": {"recall": 0.98, "precision": 0.985, "coverage": 0.96, "traps held": 0.95},
    "rw_press_dc.txt": {"recall": 0.98, "precision": 0.97, "coverage": 0.93, "traps held": 0.9},
    "rw_press_dd.txt": {"recall": 0.98, "precision": 0.975, "coverage": 0.945, "traps held": 0.85},
    "rw_press_de.txt": {"recall": 0.98, "precision": 0.985, "coverage": 0.94, "traps held": 0.9},
    "rw_press_df.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.96, "traps held": 0.95},
    "rw_press_dj.txt": {"recall": 0.965, "precision": 0.975, "coverage": 0.935, "traps held": 0.85},
    "rw_press_di.txt": {"recall": 0.98, "precision": 0.975, "coverage": 0.94, "traps held": 0.9},
    "rw_press_dk.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.9, "traps held": 0.95},
    "rw_press_do.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.97, "traps held": 0.95},
    "rw_press_dn.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.93, "traps held": 0.9},
    "rw_press_ds.txt": {"recall": 0.985, "precision": 0.975, "coverage": 0.94, "traps held": 0.85},
    "rw_press_dr.txt": {"recall": 0.98, "precision": 0.985, "coverage": 0.985, "traps held": 0.95},
    "rw_press_dv.txt": {"recall": 0.965, "precision": 0.98, "coverage": 0.96, "traps held": 0.95},
    "rw_press_dw.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.96, "traps held": 0.9},
    "rw_press_dz.txt": {"recall": 0.98, "precision": 0.975, "coverage": 0.91, "traps held": 0.95},
    "rw_press_ea.txt": {"recall": 0.98, "precision": 0.99, "coverage": 0.92, "traps held": 0.95},
    # Sets EQ to EZ (sessions 25 and 26) were scored by hand when they came in but were left out of this table until
    # session 37 (test_every_press_set_is_scored now keeps a set from being left out).
    "rw_press_eq.txt": {"recall": 0.99, "precision": 0.99, "coverage": 0.97, "traps held": 0.95},
    "rw_press_er.txt": {"recall": 0.995, "precision": 0.99, "coverage": 0.965, "traps held": 0.95},
    "rw_press_es.txt": {"recall": 0.98, "precision": 0.985, "coverage": 0.915, "traps held": 0.95},
    "rw_press_ex.txt": {"recall": 0.995, "precision": 0.985, "coverage": 0.905, "traps held": 0.95},
    "rw_press_ey.txt": {"recall": 0.99, "precision": 0.995, "coverage": 0.98, "traps held": 1.0},
    "rw_press_ez.txt": {"recall": 0.985, "precision": 0.99, "coverage": 0.97, "traps held": 0.95},
}


@dataclass(frozen=True)
class Span:
    entry: str
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class Sentence:
    text: str
    terms: tuple[Span, ...]
    traps: tuple[Span, ...]
    line: int = 0


def parse_annotated(line: str, where: str, number: int = 0) -> Sentence:
    text, terms, traps, at = "", [], [], 0
    for mark in _MARK.finditer(line):
        text += line[at:mark.start()]
        span = Span(mark.group(2).strip(), len(text), len(text) + len(mark.group(3)))
        (traps if mark.group(1) else terms).append(span)
        text += mark.group(3)
        at = mark.end()
    text += line[at:]
    assert "[[" not in text and "]]" not in text, f"{where}: a malformed annotation"
    return Sentence(text, tuple(terms), tuple(traps), number)


def read_annotated(path: Path) -> list[Sentence]:
    return [parse_annotated(line, f"{path.name}:{number}", number)
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if line.strip() and not line.startswith("#")]


@dataclass
class Score:
    found: Counter[str]
    missed: Counter[str]
    false_alarms: Counter[str]
    uncovered: Counter[str]
    traps_held: int
    traps: int
    examples: list[str]
    exact: int = 0  # occurrences an exact glossary (a rendering as written, case and all) would find
    unjudged: Counter[str] = field(default_factory=Counter)  # reports of entries the set's author never had
    # of those, the ones a later judge read (rw_press_heldout_verdicts.tsv) and found right or wrong; `unjudged` keeps
    # the rest, and `unjudged_at` says where each of those is (line, entry, start, end) for the next judge
    later_right: Counter[str] = field(default_factory=Counter)
    later_wrong: Counter[str] = field(default_factory=Counter)
    unjudged_at: list[tuple[int, str, int, int]] = field(default_factory=list)
    displaced: Counter[str] = field(default_factory=Counter)  # occurrences inside the reported name of one of those

    @property
    def recall(self) -> float:
        found, missed = sum(self.found.values()), sum(self.missed.values())
        return found / (found + missed) if found + missed else 1.0

    @property
    def precision(self) -> float:
        found, wrong = sum(self.found.values()), sum(self.false_alarms.values())
        return found / (found + wrong) if found + wrong else 1.0

    @property
    def strict_precision(self) -> float:
        """Precision over every report: the author's judgement, else a later judge's, else counted as wrong."""
        right = sum(self.found.values()) + sum(self.later_right.values())
        wrong = sum(self.false_alarms.values()) + sum(self.later_wrong.values()) + sum(self.unjudged.values())
        return right / (right + wrong) if right + wrong else 1.0

    @property
    def strict_recall(self) -> float:
        """Recall counting the occurrences displaced by entries a held-out set cannot judge as missed."""
        found, missed = sum(self.found.values()), sum(self.missed.values()) + sum(self.displaced.values())
        return found / (found + missed) if found + missed else 1.0

    @property
    def rates(self) -> dict[str, float]:
        return {"recall": self.recall, "precision": self.precision, "coverage": self.coverage,
                "traps held": self.traps_held / self.traps if self.traps else 1.0,
                "strict precision": self.strict_precision, "strict recall": self.strict_recall}

    @property
    def coverage(self) -> float:
        covered = sum(self.found.values()) + sum(self.missed.values()) + sum(self.displaced.values())
        return covered / (covered + sum(self.uncovered.values()))


def _displaces(match, gold: Span, judged: Container[str], glossary) -> bool:
    """Whether `match`, a name or a term listed after a held-out set was written, holds the occurrence `gold` inside
    it and is longer: the brief marks a listed name, and a multi-word term, as one span with nothing inside, and an
    unlisted institution by the place inside it, so the author, given that entry, would have marked the whole."""
    return (match.entry not in judged and glossary.get(match.entry) is not None
            and match.start <= gold.start and gold.end <= match.end and match.end - match.start > gold.end - gold.start)


@dataclass(frozen=True)
class Verdict:
    """A later judge's reading of one report a held-out set's author could not judge (rw_press_heldout_verdicts.tsv)."""
    line: int
    entry: str
    start: int
    end: int
    right: bool


def _verdict_on(match, line: int, verdicts: Sequence[Verdict]) -> bool | None:
    """The verdict on this very report: same line and entry, same span (a span the matcher has since widened or
    narrowed was not what the judge read)."""
    return next((v.right for v in verdicts if (v.line, v.entry, v.start, v.end) == (line, match.entry, match.start,
                                                                                      match.end)), None)


def _first_hit(gold: Span, marked: Sequence, claimed: Container[int]) -> int | None:
    """The first mark of gold's entry over it that nothing has claimed yet (a TermMatch or a Span)."""
    return next((k for k, m in enumerate(marked) if k not in claimed and m.entry == gold.entry
                 and gold.overlaps(m.start, m.end)), None)


def _inside_its_own(mark, golds: Sequence[Span]) -> bool:
    """Whether a mark lies inside an occurrence of its own entry: a name and its acronym in brackets, marked as one
    occurrence, are one mention."""
    return any(g.entry == mark.entry and g.start <= mark.start and mark.end <= g.end for g in golds)


def score(sentences: list[Sentence], glossary, unannotated: frozenset[str] = frozenset(),
          judged: Container[str] | None = None, verdicts: Sequence[Verdict] = ()) -> Score:
    """`unannotated`: the types of entry (person) whose occurrences the set's author was not asked to mark; what the
    matcher reports of them is neither a hit nor a false alarm there. `judged`: the ids the author could mark (the
    id list the set was written against, and the ids it uses); a report of any other entry is left unjudged, unless
    one of `verdicts` (a later judge's, on the same line, entry and span) says whether it is right."""
    result = Score(Counter(), Counter(), Counter(), Counter(), 0, 0, [])
    annotated = {t.entry for s in sentences for t in s.terms}
    for sentence in sentences:
        matches = [m for m in find_terms(sentence.text, "rw", glossary) if m.kind == "term"
                   and not (m.entry.split(".")[0] in unannotated and m.entry not in annotated)]
        claimed: set[int] = set()
        for gold in sentence.terms:
            if glossary.get(gold.entry) is None:
                result.uncovered[gold.entry] += 1
                continue
            entry = glossary.get(gold.entry)
            surface = sentence.text[gold.start:gold.end]
            result.exact += any(r in surface for r in (*entry.rw, *entry.rw_partner))
            hit = _first_hit(gold, matches, claimed)
            if hit is None and judged is not None and any(_displaces(m, gold, judged, glossary) for m in matches):
                result.displaced[gold.entry] += 1
            elif hit is None:
                result.missed[gold.entry] += 1
                result.examples.append(f"line {sentence.line}: missed {gold.entry}: {surface!r}")
            else:
                claimed.add(hit)
                result.found[gold.entry] += 1
        for i, match in enumerate(matches):
            # a name and its acronym in brackets, annotated as one occurrence, are one mention, not a false alarm
            if i not in claimed and _inside_its_own(match, sentence.terms):
                claimed.add(i)
            if i not in claimed and judged is not None and match.entry not in judged:
                verdict = _verdict_on(match, sentence.line, verdicts)
                if verdict is None:
                    result.unjudged[match.entry] += 1
                    result.unjudged_at.append((sentence.line, match.entry, match.start, match.end))
                else:
                    (result.later_right if verdict else result.later_wrong)[match.entry] += 1
            elif i not in claimed:
                result.false_alarms[match.entry] += 1
                result.examples.append(f"line {sentence.line}: false alarm {match.entry}: {match.surface!r}")
        for trap in sentence.traps:
            result.traps += 1
            result.traps_held += not any(m.entry == trap.entry and trap.overlaps(m.start, m.end) for m in matches)
    return result


def table(result: Score) -> str:
    concepts = sorted(set(result.found) | set(result.missed) | set(result.false_alarms) | set(result.uncovered))
    lines = [f"{'concept':32} {'found':>5} {'missed':>6} {'false':>5} {'recall':>7} {'precision':>9}"]
    for concept in concepts:
        found, missed, wrong = result.found[concept], result.missed[concept], result.false_alarms[concept]
        if result.uncovered[concept]:
            lines.append(f"{concept:32} {'':>5} {result.uncovered[concept]:>6} {'':>5} {'not in the glossary':>17}")
            continue
        recall = f"{found / (found + missed):.0%}" if found + missed else "-"
        precision = f"{found / (found + wrong):.0%}" if found + wrong else "-"
        lines.append(f"{concept:32} {found:>5} {missed:>6} {wrong:>5} {recall:>7} {precision:>9}")
    covered = sum(result.found.values()) + sum(result.missed.values())
    lines.append(f"recall {result.recall:.1%}, precision {result.precision:.1%}, coverage {result.coverage:.1%}, "
                 f"traps held {result.traps_held}/{result.traps}; exact matching would find "
                 f"{result.exact / covered if covered else 1:.1%}")
    return "\n".join(lines + result.examples)


@functools.cache
def shipped() -> Glossary:
    """The shipped glossaries, loaded once for this module: loading them and building the matcher's index take
    seconds, and some three hundred tests here read them unchanged."""
    return load_glossaries(None)


HELD_OUT = "rw_press_heldout.txt"
# The first two held-out sets were written to the earlier brief, which gave new ids to unlisted places, organisations
# and terms but not to people (their headers say so): they mark only the one person then listed, John Kirby, so
# any other person the matcher reports there is unmarked by design, not a false alarm.
UNANNOTATED = {HELD_OUT: frozenset({"person"}), "rw_press_heldout_f.txt": frozenset({"person"})}
# What the matcher scores on the held-out sets today: not the goals (recall 97 %, precision 99 %, coverage 97 %),
# which it does not meet there yet, but the floors it must not fall below. Only the totals of these sets are read.
# (The gazetteer of 2026-12-03, 312 attested countries, towns, people, organisations and terms chosen without
# reading these sets, raised their coverage by 6 to 10 points and cost 0.1 to 0.8 points of precision. Listing
# talks and agreement, which the later sets annotate and the first does not, raised coverage on four by 0.6 to
# 1.7 points and cost E 0.9 points of precision and I four traps.)
# Strict precision and recall (see WRITTEN_AGAINST) have floors too. Until 2026-12-06 each report of an entry listed
# after a set was written counted there as wrong, so every round of new entries lowered these floors, by up to eight
# points in all (the history, entry by entry, is in git). Since session 30 an independent judge reads those reports
# (tests/held_out_judging.py; rw_press_heldout_verdicts.tsv: 3042 read, 3006 right, 36 wrong), and each floor sits
# at the measured rate rounded down to half a point (strict precision 98.0 to 99.9 %). A later entry's reports stay
# unread, and count as wrong, until the next judge reads them: export, judge, merge, then set the floors again
# (`held_out_judging.py floors --apply`), rather than lowering them for the entry. A later entry that swallows what
# a set marks lowers strict recall.
HELD_OUT_FLOORS = {
    HELD_OUT: {"recall": 0.965, "precision": 0.93, "coverage": 0.94, "traps held": 0.85,
               "strict precision": 0.98, "strict recall": 0.965},
    "rw_press_heldout_f.txt": {"recall": 0.975, "precision": 0.975, "coverage": 0.965, "traps held": 0.9,
                               "strict precision": 0.99, "strict recall": 0.975},
    "rw_press_heldout_h.txt": {"recall": 0.975, "precision": 0.975, "coverage": 0.94, "traps held": 0.9,
                               "strict precision": 0.99, "strict recall": 0.975},
    "rw_press_heldout_i.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.955, "traps held": 0.9,
                               "strict precision": 0.99, "strict recall": 0.98},
    "rw_press_heldout_l.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.935, "traps held": 0.9,
                               "strict precision": 0.995, "strict recall": 0.98},
    "rw_press_heldout_m.txt": {"recall": 0.975, "precision": 0.975, "coverage": 0.975, "traps held": 0.9,
                               "strict precision": 0.99, "strict recall": 0.97},
    "rw_press_heldout_n.txt": {"recall": 0.98, "precision": 0.985, "coverage": 0.945, "traps held": 0.9,
                               "strict precision": 0.99, "strict recall": 0.98},
    "rw_press_heldout_p.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.97, "traps held": 0.9,
                               "strict precision": 0.99, "strict recall": 0.98},
    "rw_press_heldout_q.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.94, "traps held": 0.85,
                               "strict precision": 0.99, "strict recall": 0.98},
    "rw_press_heldout_t.txt": {"recall": 0.97, "precision": 0.98, "coverage": 0.96, "traps held": 0.9,
                               "strict precision": 0.995, "strict recall": 0.975},
    "rw_press_heldout_x.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.955, "traps held": 0.85,
                               "strict precision": 0.99, "strict recall": 0.975},
    # AB's first recall, 98.1, fell to 97.1 as its coverage rose 94.7 -> 95.7 the same day: entries taken from the
    # development sets (tariffs, the IRGC, Abyei, ...) cover 13 of its occurrences, and the matcher finds 2 of them
    # (AB writes them in ways the press was not found to); on the 1212 entries it was written against, 98.1. It
    # read 98.3 at the end of the night session, and the floors of AB, I, M and X rose with what they read then.
    "rw_press_heldout_ab.txt": {"recall": 0.975, "precision": 0.97, "coverage": 0.955, "traps held": 0.8,
                                "strict precision": 0.98, "strict recall": 0.965},
    "rw_press_heldout_ad.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.98, "traps held": 0.85,
                                "strict precision": 0.995, "strict recall": 0.98},
    # written on 2026-12-05 against the 1294 entries of list "aw"; first scores in their headers
    "rw_press_heldout_aw.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.94, "traps held": 0.9,
                                "strict precision": 0.985, "strict recall": 0.975},
    "rw_press_heldout_ax.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.975, "traps held": 0.9,
                                "strict precision": 0.995, "strict recall": 0.985},
    "rw_press_heldout_ay.txt": {"recall": 0.975, "precision": 0.975, "coverage": 0.955, "traps held": 0.9,
                                "strict precision": 0.985, "strict recall": 0.975},
    "rw_press_heldout_bc.txt": {"recall": 0.97, "precision": 0.975, "coverage": 0.965, "traps held": 0.85,
                                "strict precision": 0.985, "strict recall": 0.97},
    "rw_press_heldout_bd.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.98, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_be.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.97, "traps held": 0.85,
                                "strict precision": 0.99, "strict recall": 0.98},
    "rw_press_heldout_bf.txt": {"recall": 0.99, "precision": 0.985, "coverage": 0.97, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.99},
    "rw_press_heldout_bi.txt": {"recall": 0.965, "precision": 0.975, "coverage": 0.875, "traps held": 0.85,
                                "strict precision": 0.98, "strict recall": 0.965},
    "rw_press_heldout_bj.txt": {"recall": 0.965, "precision": 0.97, "coverage": 0.965, "traps held": 0.85,
                                "strict precision": 0.985, "strict recall": 0.96},  # session 32's terms displace 14
    "rw_press_heldout_bm.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.975, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_bn.txt": {"recall": 0.985, "precision": 0.975, "coverage": 0.92, "traps held": 0.9,
                                "strict precision": 0.985, "strict recall": 0.985},
    "rw_press_heldout_bo.txt": {"recall": 0.985, "precision": 0.98, "coverage": 0.9, "traps held": 0.85,
                                "strict precision": 0.985, "strict recall": 0.985},
    "rw_press_heldout_bp.txt": {"recall": 0.985, "precision": 0.975, "coverage": 0.95, "traps held": 0.85,
                                "strict precision": 0.985, "strict recall": 0.985},
    "rw_press_heldout_bs.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.965, "traps held": 0.8,
                                "strict precision": 0.98, "strict recall": 0.98},
    "rw_press_heldout_bt.txt": {"recall": 0.975, "precision": 0.975, "coverage": 0.955, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.975},
    "rw_press_heldout_bu.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.95, "traps held": 0.85,
                                "strict precision": 0.99, "strict recall": 0.975},
    "rw_press_heldout_bv.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.91, "traps held": 0.85,
                                "strict precision": 0.985, "strict recall": 0.975},
    "rw_press_heldout_bw.txt": {"recall": 0.965, "precision": 0.975, "coverage": 0.92, "traps held": 0.85,
                                "strict precision": 0.985, "strict recall": 0.965},
    "rw_press_heldout_bx.txt": {"recall": 0.98, "precision": 0.965, "coverage": 0.915, "traps held": 0.8,
                                "strict precision": 0.98, "strict recall": 0.98},
    "rw_press_heldout_by.txt": {"recall": 0.985, "precision": 0.995, "coverage": 0.985, "traps held": 0.95,
                                "strict precision": 0.995, "strict recall": 0.985},
    "rw_press_heldout_bz.txt": {"recall": 0.97, "precision": 0.98, "coverage": 0.94, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.97},
    "rw_press_heldout_ca.txt": {"recall": 0.97, "precision": 0.98, "coverage": 0.96, "traps held": 0.85,
                                "strict precision": 0.99, "strict recall": 0.97},
    "rw_press_heldout_cl.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.97, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.975},
    "rw_press_heldout_cm.txt": {"recall": 0.98, "precision": 0.975, "coverage": 0.96, "traps held": 0.85,
                                "strict precision": 0.985, "strict recall": 0.98},
    "rw_press_heldout_cn.txt": {"recall": 0.985, "precision": 0.99, "coverage": 0.98, "traps held": 0.9,
                                "strict precision": 0.995, "strict recall": 0.985},
    "rw_press_heldout_cu.txt": {"recall": 0.99, "precision": 0.99, "coverage": 0.98, "traps held": 0.9,
                                "strict precision": 0.995, "strict recall": 0.985},  # session 31's titles displace 5
    "rw_press_heldout_cv.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.96, "traps held": 0.9,
                                "strict precision": 0.985, "strict recall": 0.975},
    "rw_press_heldout_da.txt": {"recall": 0.975, "precision": 0.985, "coverage": 0.99, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.975},
    "rw_press_heldout_db.txt": {"recall": 0.985, "precision": 0.975, "coverage": 0.95, "traps held": 0.9,
                                "strict precision": 0.98, "strict recall": 0.985},
    "rw_press_heldout_dg.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.985, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_dh.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.96, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_dl.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.99, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_dm.txt": {"recall": 0.975, "precision": 0.985, "coverage": 0.975, "traps held": 0.85,
                                "strict precision": 0.99, "strict recall": 0.975},
    "rw_press_heldout_dp.txt": {"recall": 0.98, "precision": 0.985, "coverage": 0.975, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.97},  # session 31's titles displace 8;
    # 13 by session 41, and session 42's clubs, colleges and stations one more (14: strict recall 97.58 -> 97.48 %)
    "rw_press_heldout_dq.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.955, "traps held": 0.85,
                                "strict precision": 0.985, "strict recall": 0.975},
    "rw_press_heldout_dt.txt": {"recall": 0.975, "precision": 0.985, "coverage": 0.98, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.975},
    "rw_press_heldout_du.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.975, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_dx.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.965, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_dy.txt": {"recall": 0.985, "precision": 0.98, "coverage": 0.98, "traps held": 0.85,
                                "strict precision": 0.985, "strict recall": 0.985},
    "rw_press_heldout_eb.txt": {"recall": 0.99, "precision": 0.98, "coverage": 0.985, "traps held": 0.9,
                                "strict precision": 0.985, "strict recall": 0.99},
    "rw_press_heldout_ec.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.965, "traps held": 0.85,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_ee.txt": {"recall": 0.98, "precision": 0.985, "coverage": 0.975, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.98},
    "rw_press_heldout_ef.txt": {"recall": 0.98, "precision": 0.975, "coverage": 0.975, "traps held": 0.85,
                                "strict precision": 0.98, "strict recall": 0.98},    # written in session 24 against the 1759 entries of list "eg"; first scores in their headers
    "rw_press_heldout_eh.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.985, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_ei.txt": {"recall": 0.985, "precision": 0.98, "coverage": 0.96, "traps held": 0.9,
                                "strict precision": 0.985, "strict recall": 0.985},
    "rw_press_heldout_ej.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.945, "traps held": 0.95,
                                "strict precision": 0.985, "strict recall": 0.975},
    "rw_press_heldout_ek.txt": {"recall": 0.99, "precision": 0.98, "coverage": 0.975, "traps held": 0.85,
                                "strict precision": 0.985, "strict recall": 0.99},    # and against the 1771 of list "el"
    "rw_press_heldout_em.txt": {"recall": 0.98, "precision": 0.98, "coverage": 0.985, "traps held": 0.85,
                                "strict precision": 0.99, "strict recall": 0.975},  # session 31's titles displace 8
    "rw_press_heldout_en.txt": {"recall": 0.985, "precision": 0.98, "coverage": 0.955, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_eo.txt": {"recall": 0.975, "precision": 0.98, "coverage": 0.965, "traps held": 0.9,
                                "strict precision": 0.98, "strict recall": 0.975},
    "rw_press_heldout_ep.txt": {"recall": 0.985, "precision": 0.98, "coverage": 0.98, "traps held": 0.9,
                                "strict precision": 0.985, "strict recall": 0.985},
    "rw_press_heldout_ev.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.985, "traps held": 0.9,
                                "strict precision": 0.985, "strict recall": 0.98},  # session 31's titles displace 5
    "rw_press_heldout_ew.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.935, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_et.txt": {"recall": 0.985, "precision": 0.985, "coverage": 0.99, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.98},  # 2 district mayors (session 33)
    "rw_press_heldout_fa.txt": {"recall": 0.99, "precision": 0.99, "coverage": 0.99, "traps held": 0.9,
                                "strict precision": 0.99, "strict recall": 0.99},
    "rw_press_heldout_fb.txt": {"recall": 0.99, "precision": 0.99, "coverage": 0.97, "traps held": 0.95,
                                "strict precision": 0.99, "strict recall": 0.985},
    "rw_press_heldout_fc.txt": {"recall": 0.99, "precision": 0.99, "coverage": 0.98, "traps held": 0.95,
                                "strict precision": 0.99, "strict recall": 0.99},
}


@pytest.mark.parametrize("name", ["rw_press.txt", *HELD_OUT_FLOORS])
def test_the_set_is_big_and_varied_enough(name):
    annotated = read_annotated(DATA / name)
    occurrences = [t for s in annotated for t in s.terms]
    traps = [t for s in annotated for t in s.traps]
    assert len(occurrences) >= 300
    assert len({t.entry for t in occurrences}) >= 40
    assert len(traps) >= 60


def test_the_held_out_sets_hold_sentences_with_no_term():
    """Text with nothing to find, where anything reported is a false alarm: most sets have some (L four, X one);
    DM, explainers dense with terms, has none."""
    bare = {name: sum(1 for s in read_annotated(DATA / name) if not s.terms) for name in HELD_OUT_FLOORS}
    assert sum(bool(count) for count in bare.values()) >= len(bare) - 1
    assert sum(bare.values()) >= 300


def test_every_press_set_is_scored():
    """Every annotated press set is a development set or a held-out one (or one of the agreement readings): a set
    written but never entered in a table is scored by nobody."""
    agreement = {name for pair in AGREEMENT for name in pair}
    unscored = {path.name for path in DATA.glob("rw_press*.txt")} - set(DEVELOPMENT) - set(HELD_OUT_FLOORS) - agreement
    assert not unscored, sorted(unscored)


@pytest.mark.parametrize(("name", "bars"), DEVELOPMENT.items(), ids=list(DEVELOPMENT))
def test_the_matcher_meets_its_goals_on_the_development_sets(name, bars):
    result = score(read_annotated(DATA / name), shipped())
    print("\n" + table(result))
    assert all(result.rates[k] >= bar for k, bar in bars.items()), table(result)


# Each held-out set was written against the glossary's id list of its day; rw_press_ids.tsv says which list first
# held each id (e: 224 entries, f: 271, g: 272, kl: 584, m: 663, n: 853, op: 988, q: 1040, rt: 1115, wx: 1150, ab:
# 1212, ad: 1224, aw: 1294, bi: 1327, bs: 1383, bw: 1462). An entry listed later, whose id the author neither had nor
# invented, is one the set cannot judge: what the matcher reports of it is neither a hit nor a false alarm there, as
# with the unjudged documents of a pooled IR evaluation. New entries are judged on the development sets instead,
# which are annotated for them when they are added. Precision counted the strict way (every report: as the set's
# author judged it, else as a later judge did, else wrong; see VERDICTS) is printed beside and held to a floor too.
WRITTEN_AGAINST = {HELD_OUT: "e", "rw_press_heldout_f.txt": "f", "rw_press_heldout_h.txt": "g",
                   "rw_press_heldout_i.txt": "g", "rw_press_heldout_l.txt": "kl", "rw_press_heldout_m.txt": "m",
                   "rw_press_heldout_n.txt": "n", "rw_press_heldout_p.txt": "op", "rw_press_heldout_q.txt": "q",
                   "rw_press_heldout_t.txt": "rt", "rw_press_heldout_x.txt": "wx", "rw_press_heldout_ab.txt": "ab",
                   "rw_press_heldout_ad.txt": "ad", "rw_press_heldout_aw.txt": "aw",
                   "rw_press_heldout_ax.txt": "aw",
                   "rw_press_heldout_ay.txt": "aw", "rw_press_heldout_bc.txt": "aw",
                   "rw_press_heldout_bd.txt": "aw", "rw_press_heldout_be.txt": "aw",
                   "rw_press_heldout_bf.txt": "aw", "rw_press_heldout_bi.txt": "bi",
                   "rw_press_heldout_bj.txt": "bi", "rw_press_heldout_bm.txt": "bi",
                   "rw_press_heldout_bn.txt": "bi",
                   "rw_press_heldout_bo.txt": "bi",
                   "rw_press_heldout_bp.txt": "bi",
                   "rw_press_heldout_bs.txt": "bs",
                   "rw_press_heldout_bt.txt": "bs",
                   "rw_press_heldout_bu.txt": "bs",
                   "rw_press_heldout_bv.txt": "bs",
                   "rw_press_heldout_bw.txt": "bw",
                   "rw_press_heldout_bx.txt": "bw",
                   "rw_press_heldout_by.txt": "by",
                   "rw_press_heldout_bz.txt": "by",
                   "rw_press_heldout_ca.txt": "by",
                   "rw_press_heldout_cl.txt": "cl",
                   "rw_press_heldout_cm.txt": "cl",
                   "rw_press_heldout_cn.txt": "cl",
                   "rw_press_heldout_cu.txt": "cu",
                   "rw_press_heldout_cv.txt": "cu",
                   "rw_press_heldout_da.txt": "da",
                   "rw_press_heldout_db.txt": "da",
                   "rw_press_heldout_dg.txt": "da",
                   "rw_press_heldout_dh.txt": "da",
                   "rw_press_heldout_dl.txt": "da",
                   "rw_press_heldout_dm.txt": "da",
                   "rw_press_heldout_dp.txt": "da",
                   "rw_press_heldout_dq.txt": "da",
                   "rw_press_heldout_dt.txt": "da",
                   "rw_press_heldout_du.txt": "da",
                   "rw_press_heldout_dx.txt": "dx",
                   "rw_press_heldout_dy.txt": "dx",
                   "rw_press_heldout_eb.txt": "ea",
                   "rw_press_heldout_ec.txt": "ea",
                   "rw_press_heldout_ee.txt": "ea",
                   "rw_press_heldout_ef.txt": "ea",
                   "rw_press_heldout_eh.txt": "eg",
                   "rw_press_heldout_ei.txt": "eg",
                   "rw_press_heldout_ej.txt": "eg",
                   "rw_press_heldout_ek.txt": "eg",
                   "rw_press_heldout_em.txt": "el",
                   "rw_press_heldout_en.txt": "el",
                   "rw_press_heldout_eo.txt": "el",
                   "rw_press_heldout_ep.txt": "el",
                   "rw_press_heldout_ev.txt": "el",
                   "rw_press_heldout_ew.txt": "el",
                   "rw_press_heldout_et.txt": "el",
                   "rw_press_heldout_fa.txt": "el",
                   "rw_press_heldout_fb.txt": "el",
                   "rw_press_heldout_fc.txt": "el"}
ID_LISTS = ("e", "f", "g", "kl", "m", "n", "op", "q", "rt", "wx", "ab", "ad", "aw", "bi", "bs", "bw", "by", "cl", "cu",
            "da", "dx", "ea", "eg", "el", "fd", "fe", "ff", "fg", "fh", "fi", "fj", "fk", "fl", "fm", "fn", "fo", "fp",
            "fq", "fr")


@functools.cache
def first_lists() -> tuple[tuple[str, str], ...]:
    """(id, the first id list that held it), from rw_press_ids.tsv."""
    lines = (DATA / "rw_press_ids.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return tuple((entry, first) for entry, first in (line.split("\t") for line in lines))


def judged_ids(name: str, sentences: list[Sentence]) -> frozenset[str]:
    """The ids a held-out set's author could mark: the list it was written against, and the ids it uses."""
    upto = ID_LISTS.index(WRITTEN_AGAINST[name])
    listed = {entry for entry, first in first_lists() if ID_LISTS.index(first) <= upto}
    return frozenset(listed | {t.entry for s in sentences for t in (*s.terms, *s.traps)})


# A later judge, who neither wrote the sets nor tunes the matcher, reads the reports a set's author could not judge
# and says whether each is right (tests/held_out_judging.py exports them and merges the verdicts): strict precision
# then counts what was read, and only the reports of entries listed since count as wrong unread.
VERDICTS = DATA / "rw_press_heldout_verdicts.tsv"
VERDICT_COLUMNS = ["set", "line", "entry", "start", "end", "verdict", "judged_by"]


@functools.cache
def later_verdicts() -> dict[str, tuple[Verdict, ...]]:
    """The verdicts of rw_press_heldout_verdicts.tsv, by held-out set."""
    lines = VERDICTS.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == VERDICT_COLUMNS, f"{VERDICTS.name}:1: expected the columns {VERDICT_COLUMNS}"
    by_set: dict[str, list[Verdict]] = {}
    for number, line in enumerate(lines[1:], start=2):
        name, at, entry, start, end, verdict, _judge = line.split("\t")
        assert verdict in ("right", "wrong"), f"{VERDICTS.name}:{number}: verdict {verdict!r}"
        by_set.setdefault(name, []).append(Verdict(int(at), entry, int(start), int(end), verdict == "right"))
    return {name: tuple(rows) for name, rows in by_set.items()}


def held_out_score(name: str, glossary) -> Score:
    sentences = read_annotated(DATA / name)
    return score(sentences, glossary, UNANNOTATED.get(name, frozenset()), judged_ids(name, sentences),
                 later_verdicts().get(name, ()))


@functools.cache
def held_out_result(name: str) -> Score:
    """A held-out set scored once with the shipped glossaries: its floor test and the pooled figure read it."""
    return held_out_score(name, shipped())


@pytest.mark.parametrize(("name", "floor"), HELD_OUT_FLOORS.items(), ids=list(HELD_OUT_FLOORS))
def test_the_held_out_sets_stay_above_their_floors(name, floor):
    result = held_out_result(name)
    totals = (f"held out: recall {result.recall:.1%} (strict {result.strict_recall:.1%}, "
              f"{sum(result.displaced.values())} occurrences displaced), precision {result.precision:.1%} (strict "
              f"{result.strict_precision:.1%}: {sum(result.later_right.values())} right and "
              f"{sum(result.later_wrong.values())} wrong by a later judge, {sum(result.unjudged.values())} reports "
              f"unjudged), coverage "
              f"{result.coverage:.1%}, traps held {result.traps_held}/{result.traps}")
    print("\n" + totals)  # the totals only: the per-concept table and examples are for the development sets
    assert all(result.rates[k] >= bar for k, bar in floor.items()), totals


def pooled(scores: Sequence[Score]) -> dict[str, float]:
    """Recall, precision and coverage over several sets' occurrences taken together."""
    found = sum(sum(r.found.values()) for r in scores)
    missed = sum(sum(r.missed.values()) for r in scores)
    wrong = sum(sum(r.false_alarms.values()) for r in scores)
    covered = found + missed + sum(sum(r.displaced.values()) for r in scores)
    uncovered = sum(sum(r.uncovered.values()) for r in scores)
    return {"recall": found / (found + missed), "precision": found / (found + wrong),
            "coverage": covered / (covered + uncovered)}


# Pooled over every held-out set (2026-12-06, session 26, 70 sets: 98.92 / 99.05 / 97.50), held to floors as each
# set is; the interval says how far the figure moves with the choice of sets (resampled 2000 times, seeded).
POOLED_FLOORS = {"recall": 0.985, "precision": 0.985, "coverage": 0.97}


def test_the_held_out_sets_pooled_with_an_interval_from_resampling_the_sets():
    scores = [held_out_result(name) for name in HELD_OUT_FLOORS]
    point = pooled(scores)
    rng = random.Random(0)
    draws = [pooled([rng.choice(scores) for _ in scores]) for _ in range(2000)]
    lines = []
    for metric, value in point.items():
        ranked = sorted(d[metric] for d in draws)
        lines.append(f"{metric} {value:.2%} (95 % of resamplings {ranked[50]:.2%} to {ranked[1949]:.2%})")
    occurrences = sum(sum(c.values()) for r in scores for c in (r.found, r.missed, r.displaced, r.uncovered))
    met = ", ".join(f"{k} {sum(r.rates[k] >= GOALS[k] for r in scores)}" for k in point)
    print(f"\nheld out, {len(scores)} sets pooled ({occurrences} occurrences): " + "; ".join(lines)
          + f"; sets meeting each goal: {met}")
    assert all(point[k] >= bar for k, bar in POOLED_FLOORS.items()), point


# The kinds of concept `inkuru glossary suggest` proposes when the glossary lacks them (terms it leaves to editors).
NAMED = ("place", "org", "person")


def suggested(sentences: list[Sentence], glossary) -> tuple[int, int]:
    """How many occurrences of the names the glossary lacks (places, organisations and people the set marks)
    `suggest` proposes, read as one article, and how many there are."""
    text = "\n\n".join(s.text for s in sentences)
    # a name proposed with its acronym in brackets (Komisiyo y'Ukuri n'Ubwiyunge (CVR)) proposes the acronym too,
    # which the sets mark as an occurrence of its own
    proposed = [f" {' '.join(re.sub(r'[()]', ' ', c.text.lower()).split())} "
                for c in suggest([("set", text)], glossary, lang="rw") if c.kind != "phrase"]
    unlisted = [f" {s.text[t.start:t.end].lower()} " for s in sentences for t in s.terms
                if glossary.get(t.entry) is None and t.entry.split(".")[0] in NAMED]
    return sum(any(c in u or u in c for c in proposed) for u in unlisted), len(unlisted)


# Below this many occurrences of unlisted names a set's share is noise: listing one name that suggest had found
# moves it by several points (M's 6/12 became 5/11 when Tadej Pogačar's and eleven other entries were listed).
SUGGEST_MIN_NAMES = 20


@functools.cache
def suggested_in(name: str) -> tuple[int, int]:
    """`suggested` on a held-out set, run once: the per-set test and the test over all sets read it."""
    return suggested(read_annotated(DATA / name), shipped())


@pytest.mark.parametrize("name", list(HELD_OUT_FLOORS))
def test_suggest_proposes_most_of_the_names_the_glossary_lacks(name):
    found, total = suggested_in(name)
    print(f"\nheld out: suggest proposes {found}/{total} occurrences of unlisted names")
    # 60-89 % on 2026-12-03, 61-92 % on 2026-12-04
    if total < SUGGEST_MIN_NAMES:
        pytest.skip(f"{total} occurrences of unlisted names: too few to judge suggest on one set (see the pooled test)")
    assert found >= 0.5 * total


def test_suggest_proposes_most_unlisted_names_over_all_held_out_sets():
    counts = [suggested_in(name) for name in HELD_OUT_FLOORS]
    found, total = sum(f for f, _ in counts), sum(t for _, t in counts)
    print(f"\nheld out, all sets: suggest proposes {found}/{total} occurrences of unlisted names")
    # 2026-12-04: 80 % (289/359), then 79 %; 2026-12-05, with AW-BD: 85 % (428/502); with BE, BF: 86 % (456/533);
    # with BI, BJ, BM, BN: 87 % (671/772); 2026-12-05, session 17, with BO, BP, BS, BT: 88 % (757/863); session 18,
    # with BU, BV, BW, BX: 89 % (863/974); session 19, with BY, BZ, CA: 89 % (914/1027); session 20, with CL, CM,
    # CN, CU, CV: 88 % (936/1061); session 21, with DA, DB, DG, DH: 89 % (1022/1154); session 22,
    # with DL, DM, DP, DQ: 89 % (1111/1254)
    assert found >= 0.7 * total


# Further annotators marked 560 development sentences again, blind, two to each batch of 280
# (tests/data/rw_press_agreement_*.txt): how far careful annotators agree with each other under the brief is the
# measure of what the goals ask of the matcher. Files 1 and 3 are read as one annotator, 2 and 4 as the other.
AGREEMENT = (("rw_press_agreement_1.txt", "rw_press_agreement_3.txt"),
             ("rw_press_agreement_2.txt", "rw_press_agreement_4.txt"))
AGREEMENT_FLOOR = 0.975  # the matcher against each annotator, recall and precision (2026-12-05: 98.4 to 98.9 %)


def agreement_readings(glossary) -> dict[str, list[Sentence]]:
    """The 560 sentences as each reader marked them: the sets' authors, the two annotators, the matcher."""
    readings: dict[str, list[Sentence]] = {}
    for number, names in enumerate(AGREEMENT, start=1):
        rows = [(name, line.split("\t", 1)) for name in names
                for line in (DATA / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        readings[f"annotator {number}"] = [parse_annotated(line, f"{name}: {where}") for name, (where, line) in rows]
        sources = [where.rsplit(":", 1) for _, (where, _) in rows]
    sets = {name: {s.line: s for s in read_annotated(DATA / name)} for name in {name for name, _ in sources}}
    readings["the sets' authors"] = [sets[name][int(line)] for name, line in sources]
    readings["the matcher"] = [
        Sentence(s.text, tuple(Span(m.entry, m.start, m.end) for m in find_terms(s.text, "rw", glossary)
                               if m.kind == "term"), ())
        for s in readings["the sets' authors"]]
    return readings


def agreement(gold: list[Sentence], other: list[Sentence], listed: Container[str]) -> tuple[int, int, int]:
    """(found, missed, extra) of `other` read against `gold`, on the listed concepts, as `score` counts them."""
    found = missed = extra = 0
    for mine, theirs in zip(gold, other, strict=True):
        assert mine.text == theirs.text, f"a sentence changed: {mine.text[:60]!r}"
        expected = [t for t in mine.terms if t.entry in listed]
        marked = [t for t in theirs.terms if t.entry in listed]
        claimed: set[int] = set()
        for term in expected:
            hit = _first_hit(term, marked, claimed)
            missed += hit is None
            claimed |= {hit} - {None}
        found += len(claimed)
        extra += sum(1 for k, t in enumerate(marked) if k not in claimed and not _inside_its_own(t, expected))
    return found, missed, extra


def test_the_matcher_agrees_with_each_annotator_above_its_floor():
    readings = agreement_readings(shipped())
    upto = ID_LISTS.index("da")  # the list the sentences were marked against
    listed = {entry for entry, first in first_lists() if ID_LISTS.index(first) <= upto}
    rows, against_matcher = [], []
    for gold, other in itertools.permutations(readings, 2):
        found, missed, extra = agreement(readings[gold], readings[other], listed)
        recall, precision = found / (found + missed), found / (found + extra)
        rows.append(f"{gold:18} {other:18} {found:5} {missed:6} {extra:5} {recall:7.1%} {precision:9.1%}")
        if gold != "the matcher" and other == "the matcher":
            against_matcher.append((gold, recall, precision))
    print("\n" + f"{'read as gold':18} {'read against it':18} found missed extra  recall precision", *rows, sep="\n")
    assert all(recall >= AGREEMENT_FLOOR and precision >= AGREEMENT_FLOOR for _, recall, precision in against_matcher), \
        against_matcher


def test_every_held_out_set_names_the_id_list_it_was_written_against():
    rows = first_lists()
    assert set(WRITTEN_AGAINST) == set(HELD_OUT_FLOORS)
    assert {first for _, first in rows} == set(ID_LISTS)
    # an entry renamed or removed since would be left unjudged everywhere without a word
    glossary = shipped()
    assert [entry for entry, _ in rows if glossary.get(entry) is None] == []


def test_the_later_verdicts_are_sorted_and_name_sets_and_entries_that_exist():
    rows = [line.split("\t") for line in VERDICTS.read_text(encoding="utf-8").splitlines()[1:]]
    keys = [(name, int(line), int(start), entry) for name, line, entry, start, _end, _verdict, _judge in rows]
    assert keys == sorted(set(keys))  # sorted as held_out_judging.py writes them, and no report read twice
    assert {name for name, *_ in rows} <= set(HELD_OUT_FLOORS)
    glossary = shipped()
    assert [entry for _, _, entry, *_ in rows if glossary.get(entry) is None] == []
    assert sum(map(len, later_verdicts().values())) == len(rows)


def test_the_scorer_counts_what_it_should():
    glossary = shipped()
    sentences = [Sentence("Uburusiya na Kenya", (Span("place.russia", 0, 9),), (Span("place.kenya", 13, 18),)),
                 Sentence("Abanyakenya", (Span("place.unknown", 0, 11),), ())]
    result = score(sentences, glossary)
    assert result.found == Counter({"place.russia": 1})
    assert result.false_alarms == Counter({"place.kenya": 1})  # reported where a trap says it is not
    assert (result.traps_held, result.traps) == (0, 1)
    assert result.uncovered == Counter({"place.unknown": 1}) and result.coverage == 0.5
    # an entry the author never had is unjudged, not wrong; a trap for it is judged all the same
    unjudged = score([Sentence("Uburusiya na Kenya", (), (Span("place.kenya", 13, 18),))], glossary,
                     judged={"place.russia"})
    assert (unjudged.false_alarms, unjudged.unjudged) == (Counter({"place.russia": 1}), Counter({"place.kenya": 1}))
    assert (unjudged.traps_held, unjudged.traps, unjudged.strict_precision) == (0, 1, 0.0)
    # a later judge's verdict on such a report counts in strict precision, right or wrong; one read on another span
    # (the matcher's report has changed since) does not, and the report stays unjudged
    read = [Verdict(0, "place.russia", 0, 9, True), Verdict(0, "place.kenya", 13, 17, True)]
    later_read = score([Sentence("Uburusiya na Kenya", (), ())], glossary, judged=set(), verdicts=read)
    assert (later_read.later_right, later_read.later_wrong) == (Counter({"place.russia": 1}), Counter())
    assert later_read.unjudged_at == [(0, "place.kenya", 13, 18)] and later_read.strict_precision == 0.5
    wrong = score([Sentence("Uburusiya", (), ())], glossary, judged=set(), verdicts=[Verdict(0, "place.russia", 0, 9,
                                                                                            False)])
    assert (wrong.later_wrong, wrong.unjudged, wrong.strict_precision) == (Counter({"place.russia": 1}), Counter(), 0.0)
    # an occurrence inside the name of an entry listed later is displaced, neither found nor missed; the others are
    # judged as before
    text = "Kaminuza y'u Rwanda na Umugaba Mukuru w'Ingabo z'u Rwanda"
    place, rdf = Span("place.rwanda", 9, 19), Span("org.rdf", 38, 57)
    later = score([Sentence(text, (place, rdf), ())], glossary, judged={"place.rwanda", "org.rdf"})
    assert later.displaced == Counter({"place.rwanda": 1}) and later.found == Counter({"org.rdf": 1})
    assert (later.recall, later.strict_recall) == (1.0, 0.5)
    # not where the set could judge the containing entry, nor on a development set, nor by a span no longer than
    # the occurrence (another name for the same words); a multi-word term listed later displaces as a name does
    judged = score([Sentence(text, (place, rdf), ())], glossary, judged={"place.rwanda", "org.rdf",
                                                                         "org.university-of-rwanda"})
    development = score([Sentence(text, (place, rdf), ())], glossary)
    assert judged.missed["place.rwanda"] == development.missed["place.rwanda"] == 1 and not development.displaced
    same = score([Sentence("Kaminuza y'u Rwanda", (Span("place.rwanda", 0, 19),), ())], glossary,
                 judged={"place.rwanda"})
    assert same.missed == Counter({"place.rwanda": 1}) and not same.displaced
    term = score([Sentence("Minisitiri w'Ingabo yavuze.", (Span("term.armed-forces", 11, 19),), ())], glossary,
                 judged={"term.armed-forces"})
    assert term.displaced == Counter({"term.armed-forces": 1}) and not term.missed
    judged_term = score([Sentence("Minisitiri w'Ingabo yavuze.", (Span("term.armed-forces", 11, 19),), ())], glossary,
                        judged={"term.armed-forces", "term.defence-minister"})
    assert judged_term.missed == Counter({"term.armed-forces": 1}) and not judged_term.displaced


def test_held_out_judging_merges_the_verdicts_read_and_replaces_a_second_reading(tmp_path, monkeypatch):
    import held_out_judging
    verdicts = tmp_path / "verdicts.tsv"
    verdicts.write_text("\t".join(VERDICT_COLUMNS) + "\n", encoding="utf-8")
    monkeypatch.setattr(held_out_judging.sets, "VERDICTS", verdicts)

    def judged(*rows: tuple[str, str, str]) -> Path:
        path = tmp_path / f"judged{len(list(tmp_path.iterdir()))}.tsv"
        lines = ["\t".join(held_out_judging.EXPORT_COLUMNS)]
        lines += ["\t".join(("rw_press_heldout_x.txt", line, "term.peace", start, str(int(start) + 7), "amahoro", "…",
                             "peace", "", verdict, "")) for line, start, verdict in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    held_out_judging.merge([judged(("12", "40", "wrong"), ("3", "5", "right"), ("3", "0", "unsure"))], "judge A")
    rows = [line.split("\t") for line in verdicts.read_text(encoding="utf-8").splitlines()[1:]]
    # sorted by set, line and start; the unsure reading left out, so that report stays unjudged
    assert [(r[1], r[3], r[5], r[6]) for r in rows] == [("3", "5", "right", "judge A"),
                                                          ("12", "40", "wrong", "judge A")]
    held_out_judging.merge([judged(("3", "5", "wrong"))], "judge B")  # a second reading of a report replaces the first
    rows = [line.split("\t") for line in verdicts.read_text(encoding="utf-8").splitlines()[1:]]
    assert [(r[1], r[5], r[6]) for r in rows] == [("3", "wrong", "judge B"), ("12", "wrong", "judge A")]
    with pytest.raises(SystemExit, match=r"judged\d\.tsv:2: verdict 'maybe'"):
        held_out_judging.merge([judged(("3", "5", "maybe"))], "judge C")
    assert len(verdicts.read_text(encoding="utf-8").splitlines()) == 3  # nothing written


def test_held_out_judging_sets_a_floor_at_the_rate_rounded_down_to_half_a_point():
    import held_out_judging
    assert [held_out_judging.floor_for(rate) for rate in (0.9896, 0.99, 0.9925, 1.0)] == [0.985, 0.99, 0.99, 1.0]
    source = Path(held_out_judging.sets.__file__).read_text(encoding="utf-8")
    name = "rw_press_heldout_dp.txt"
    changed = held_out_judging.with_floor(source, name, 0.5)
    # only that set's strict-precision floor changes; its strict recall and the other sets' floors stay
    before, after = source.splitlines(), changed.splitlines()
    assert len(before) == len(after)
    differing = [i for i, (old, new) in enumerate(zip(before, after)) if old != new]
    assert len(differing) == 1 and name in "".join(before[differing[0] - 1:differing[0] + 1])
    old = f'"strict precision": {HELD_OUT_FLOORS[name]["strict precision"]:g}'
    assert after[differing[0]] == before[differing[0]].replace(old, '"strict precision": 0.5')
    with pytest.raises(ValueError, match="no strict-precision floor for rw_press_heldout_zz.txt"):
        held_out_judging.with_floor(source, "rw_press_heldout_zz.txt", 0.5)


def test_cited_pages_names_each_page_one_way_and_finds_a_real_press_reviews_pages(tmp_path, capsys):
    import cited_pages
    assert cited_pages.normalise("https://www.Igihe.com:443/amakuru/article/x/amp/#top") == "igihe.com/amakuru/article/x"
    assert cited_pages.normalise("http://rushyashya.net/?p=19544&amp=1") == "rushyashya.net/?p=19544&amp=1"
    assert cited_pages.normalise("umuseke.rw/2025/02/inkuru/?utm_source=x") == "umuseke.rw/2025/02/inkuru"
    # a query that names the page is kept, so two pages of one host stay two (review 26's check took four for cited)
    assert cited_pages.normalise("https://bwiza.com/?Kanombe-Guha") == "bwiza.com/?kanombe-guha"
    assert cited_pages.normalise("http://www.kigalitoday.com/spip.php?article19062") \
        == "kigalitoday.com/spip.php/?article19062"
    assert cited_pages.normalise("rebero.co.rw/post.php?title=Rutsiro") == "rebero.co.rw/post.php/?title=rutsiro"
    assert cited_pages.normalise("igihe.com/x/?amp") == "igihe.com/x"
    # a print view is its page, so one host's print views are not one slug (review 28's check took one for cited)
    assert cited_pages.normalise("https://amakuru.co.rw/2025/10/22/inkuru-y-ejo/print") \
        == "amakuru.co.rw/2025/10/22/inkuru-y-ejo"
    printed = {cited_pages.normalise("amakuru.co.rw/2025/10/22/inkuru-y-ejo/print"): {"x.tsv"}}
    assert not cited_pages.where_cited("amakuru.co.rw/2025/01/01/indi-nkuru/print", printed)
    assert cited_pages.where_cited("https://amakuru.co.rw/2025/10/22/inkuru-y-ejo/", printed)
    assert cited_pages.normalise("kinyamupira.com/article.php?slug=a-b") == "kinyamupira.com/article.php/?slug=a-b"
    cited = cited_pages.cited_pages()
    listed = re.findall(r"^- (https?://\S+)$", (DATA / "rw_real_press_review_16.md").read_text(encoding="utf-8"),
                        re.M)
    assert len(listed) == 92 and all("rw_real_press_review_16.md" in cited_pages.where_cited(u, cited)
                                     for u in listed)
    # by slug, and by an address a note cut short; not a page no file cites
    assert cited_pages.where_cited("https://m.rushyashya.net/x/" + listed[0].rsplit("/", 1)[1], cited)
    assert not cited_pages.where_cited("https://example.rw/a-page-nobody-cites-here", cited)
    # a section's address (a bare service, bbc.com/gahuza) is no page cut short: it opens every page under it
    assert cited_pages.where_cited("https://www.bbc.com/gahuza/articles/zz9999", {"bbc.com/gahuza": {"x.tsv"}}) == set()
    assert cited_pages.where_cited("https://a.rw/2024/05/ingabo-zageze-i-goma", {"a.rw/2024/05/ingabo-zageze": {"y"}})
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{listed[0]}\nhttps://example.rw/a-page-nobody-cites-here\n", encoding="utf-8")
    assert cited_pages.main(["--check", str(urls)]) == 0
    out = capsys.readouterr()
    assert out.out.startswith(listed[0] + "\t") and "1 of 2 cited" in out.err
    # a blind gatherer's check against a saved list, by the same rules (an amp view of a listed page is cited)
    saved = tmp_path / "excluded_pages.txt"
    saved.write_text(cited_pages.normalise(listed[0]) + "\n", encoding="utf-8")
    urls.write_text(f"{listed[0].rstrip('/')}/amp\nhttps://example.rw/a-page-nobody-cites-here\n", encoding="utf-8")
    assert cited_pages.main(["--check", str(urls), "--against", str(saved)]) == 0
    out = capsys.readouterr()
    assert "\texcluded_pages.txt" in out.out and "1 of 2 cited (1 pages cited in all)" in out.err
