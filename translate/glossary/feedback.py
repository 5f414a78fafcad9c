"""Glossary candidates from editors' corrections: what they change in the machine's translations, consistently.

Two kinds, each needing the same change in at least `min_count` paragraphs (one edit is an editor's choice; the
same edit again is a house rule the glossary lacks):

- **rendering**: an edit replaces the text where the machine rendered a glossary term (the term report's target
  span) with words the entry does not match: the entry's rendering is wrong or missing a variant.
- **new**: the same words (a phrase of up to five) written in by edits where no glossary term is involved: a
  term the glossary lacks (Kinyarwanda's prefixes make the machine's words around it differ from paragraph to
  paragraph, so the phrase the editors wrote is what is compared; the longest phrase wins over its parts). Its
  source side is the name or domain phrase (`curate.suggest`'s detectors) that the edited paragraphs' sources
  share; empty when they share none, for the editor to fill in.

Edits are compared word by word (difflib); a term's rendering counts when the replacement is up to four words:
longer rewrites are style, not terminology.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from translate.glossary.curate import _spans
from translate.glossary.entries import Glossary, fits_class, head_noun
from translate.glossary.morphology import guess_class
from translate.glossary.terms import find_terms

RENDERING, NEW = "rendering", "new"
_MAX_WORDS = 4
_MAX_PHRASE = 5
_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)
_REPORTED = ("satisfied", "forbidden", "warning")  # statuses whose target span is the machine's rendering


@dataclass(frozen=True)
class EditedParagraph:
    """One paragraph an editor changed: its source, the machine's translation and term report, the edit."""

    article: str
    paragraph: int
    source: str
    machine: str
    edited: str
    source_lang: str
    target_lang: str
    machine_terms: Sequence[dict[str, Any]] = ()


@dataclass
class EditCandidate:
    kind: str  # RENDERING or NEW
    entry: str  # the glossary entry an edit corrects (RENDERING), "" for NEW
    source_term: str  # the source words (an entry's preferred form, or the shared name/phrase; may be "")
    machine: str  # what the machine wrote
    edited: str  # what the editors wrote instead
    source_lang: str
    target_lang: str
    evidence: list[tuple[str, int]] = field(default_factory=list)  # (article, paragraph) pairs

    @property
    def count(self) -> int:
        return len(self.evidence)

    @property
    def key(self) -> str:
        """Stable id of the candidate (to dismiss it once, not every time it is computed)."""
        text = "\n".join((self.kind, self.entry, self.source_lang, self.machine.casefold(), self.edited.casefold()))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "kind": self.kind, "entry": self.entry, "source_term": self.source_term,
                "machine": self.machine, "edited": self.edited, "source_lang": self.source_lang,
                "target_lang": self.target_lang, "count": self.count,
                "evidence": [{"article": a, "paragraph": p} for a, p in self.evidence]}


def _replacements(machine: str, edited: str) -> Iterable[tuple[tuple[int, int], str, str]]:
    """(machine span, machine words, edited words) of each short word replacement from `machine` to `edited`."""
    old, new = list(_WORD.finditer(machine)), list(_WORD.finditer(edited))
    matcher = SequenceMatcher(None, [w.group().casefold() for w in old], [w.group().casefold() for w in new],
                              autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 <= _MAX_WORDS and j2 - j1 <= _MAX_WORDS:
            span = (old[i1].start(), old[i2 - 1].end())
            yield span, machine[span[0]:span[1]], edited[new[j1].start():new[j2 - 1].end()]


def _target_span(term: dict[str, Any], text: str) -> tuple[int, int] | None:
    """Where the term report says the machine rendered the term: its span, or its surface looked up."""
    span, surface = term.get("target_span"), term.get("target_surface")
    if isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(i, int) for i in span):
        return int(span[0]), int(span[1])
    if isinstance(surface, str) and surface and (start := text.casefold().find(surface.casefold())) >= 0:
        return start, start + len(surface)
    return None


def _term_at(span: tuple[int, int], terms: Sequence[dict[str, Any]], text: str
             ) -> tuple[dict[str, Any], tuple[int, int]] | None:
    """The reported term whose rendering the machine span overlaps, with that rendering's span."""
    for term in terms:
        target = _target_span(term, text) if term.get("status") in _REPORTED else None
        if target is not None and target[0] < span[1] and span[0] < target[1]:
            return term, target
    return None


def _matched_by(text: str, lang: str, entry: str, glossary: Glossary) -> bool:
    return any(m.entry == entry for m in find_terms(text, lang, glossary))  # type: ignore[arg-type]


def _shared_source_term(sources: list[tuple[str, str]], glossary: Glossary) -> str:
    """The name or domain phrase most of the sources share that the glossary does not cover ("" if none)."""
    counts: Counter[str] = Counter()
    for text, lang in sources:
        covered = [(m.start, m.end) for m in find_terms(text, lang, glossary)]  # type: ignore[arg-type]
        found = {part for _, candidate, start, end in _spans(text, lang)
                 if not any(start < b and a < end for a, b in covered) for part in _tails(candidate)}
        counts.update(found)
    # The most shared; of those equally shared, the longest ("Kivu Fishers Union", not "Union").
    best = max(counts.items(), key=lambda item: (item[1], len(item[0])), default=None)
    return best[0] if best and best[1] >= max(2, (len(sources) + 1) // 2) else ""


def _tails(name: str) -> list[str]:
    """A detected name and its endings from each capitalised word on: a name at the start of a sentence comes
    with what leads to it ("Members of the Kivu Fishers Union")."""
    words = name.split(" ")
    return [" ".join(words[i:]) for i, word in enumerate(words) if i == 0 or word[:1].isupper()]


def _inserted_phrases(edit: EditedParagraph) -> dict[str, tuple[str, str]]:
    """Runs of 1-5 words the editor wrote that the machine's translation lacks: casefolded phrase -> (the phrase
    as written, the machine words it replaced)."""
    old, new = list(_WORD.finditer(edit.machine)), list(_WORD.finditer(edit.edited))
    matcher = SequenceMatcher(None, [w.group().casefold() for w in old], [w.group().casefold() for w in new],
                              autojunk=False)
    phrases: dict[str, tuple[str, str]] = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag not in ("replace", "insert"):
            continue
        replaced = edit.machine[old[i1].start():old[i2 - 1].end()] if i2 > i1 else ""
        for size in range(1, min(_MAX_PHRASE, j2 - j1) + 1):
            for j in range(j1, j2 - size + 1):
                text = edit.edited[new[j].start():new[j + size - 1].end()]
                phrases.setdefault(text.casefold(), (text, replaced))
    return phrases


def _new_terms(edits: Sequence[EditedParagraph], glossary: Glossary, min_count: int) -> list[EditCandidate]:
    """Phrases several edits wrote in where no glossary term was involved; the longest phrase of each group (a
    shorter one that always comes with it says nothing more)."""
    seen: dict[tuple[str, str], list[tuple[EditedParagraph, str, str]]] = {}
    for edit in edits:
        covered = [_target_span(t, edit.machine) for t in edit.machine_terms if t.get("status") in _REPORTED]
        for folded, (text, replaced) in _inserted_phrases(edit).items():
            start = edit.machine.casefold().find(replaced.casefold()) if replaced else -1
            if replaced and any(span and span[0] < start + len(replaced) and start < span[1] for span in covered):
                continue  # the machine's rendering of a term: a RENDERING candidate, if anything
            seen.setdefault((edit.source_lang, folded), []).append((edit, text, replaced))
    frequent = {key: hits for key, hits in seen.items() if len({(e.article, e.paragraph) for e, _, _ in hits})
                >= min_count and _is_term_like(hits[0][1])}
    candidates = []
    for (lang, folded), hits in frequent.items():
        evidence = list(dict.fromkeys((e.article, e.paragraph) for e, _, _ in hits))
        if any(other != folded and folded in other and other_lang == lang and
               len({(e.article, e.paragraph) for e, _, _ in frequent[(other_lang, other)]}) >= len(evidence)
               for other_lang, other in frequent):
            continue  # part of a longer phrase with the same support
        edit, text, _ = hits[0]
        if find_terms(text, edit.target_lang, glossary):  # type: ignore[arg-type]
            continue  # the editor wrote a glossary term: the term report covers it
        replaced = Counter(r for _, _, r in hits if r).most_common(1)
        candidate = EditCandidate(NEW, "", "", replaced[0][0] if replaced else "", text, lang, edit.target_lang,
                                  evidence)
        candidate.source_term = _shared_source_term([(e.source, e.source_lang) for e, _, _ in hits], glossary)
        candidates.append(candidate)
    return candidates


def _is_term_like(text: str) -> bool:
    """Not a lone short word or number: those are grammar and style, not terminology."""
    words = _WORD.findall(text)
    return len(words) > 1 or (len(text) > 3 and not text.isdigit())


def candidates_from_edits(edits: Sequence[EditedParagraph], glossary: Glossary,
                          min_count: int = 2) -> list[EditCandidate]:
    """Glossary candidates the edits support (see the module docstring), most supported first."""
    found: dict[tuple[str, ...], EditCandidate] = {}
    for edit in edits:
        for span, machine, edited in _replacements(edit.machine, edit.edited):
            hit = _term_at(span, edit.machine_terms, edit.machine)
            if hit is None:
                continue
            term, rendering = hit
            # The whole rendering as the editor left it: "amafoto ya satellite" with "satellite" changed is
            # "amafoto ya icyogajuru", not the one word.
            start, end = min(span[0], rendering[0]), max(span[1], rendering[1])
            machine = edit.machine[start:end]
            edited = edit.machine[start:span[0]] + edited + edit.machine[span[1]:end]
            entry = str(term.get("entry", ""))
            if not entry or _matched_by(edited, edit.target_lang, entry, glossary):
                continue  # an inflection or spelling the entry already accepts: grammar, not the glossary
            known = glossary.get(entry)
            source_term = (known.en[0] if edit.source_lang == "en" else known.rw[0]) if known else ""
            candidate = found.setdefault((entry, edit.source_lang, edited.casefold()), EditCandidate(
                RENDERING, entry, source_term, machine, edited, edit.source_lang, edit.target_lang))
            if (edit.article, edit.paragraph) not in candidate.evidence:
                candidate.evidence.append((edit.article, edit.paragraph))
    kept = [c for c in found.values() if c.count >= min_count] + _new_terms(edits, glossary, min_count)
    return sorted(kept, key=lambda c: (-c.count, c.kind, c.entry, c.edited.casefold()))


def proposed_row(candidate: EditCandidate, glossary: Glossary) -> dict[str, str]:
    """A glossary row (cells by column) an editor can check and accept: NEW proposes an entry; RENDERING the
    entry with the edited form as its preferred rendering (the machine's, if it was one, stays a variant)."""
    note = f"from editors' corrections ({candidate.count} paragraphs)"
    if candidate.kind == RENDERING and (entry := glossary.get(candidate.entry)) is not None:
        row = entry.to_row()
        column = "rw" if candidate.target_lang == "rw" else "en"
        known = getattr(entry, column)
        edited = candidate.edited
        if known and known[0][:1].islower():  # capitalised only because it began a sentence
            edited = edited[:1].lower() + edited[1:]
        forms = [edited, *[f for f in known if f.casefold() != edited.casefold()]]
        row[column] = "|".join(forms)
        head_class, _, partner = entry.rw_class.partition("/")
        if column == "rw" and head_class and not fits_class(edited, head_class):
            # the edited form is another kind of noun (utudege, cl. 13, for indege, cl. 9): its class, guessed
            row["rw_class"] = guess_class(head_noun(edited)) + (f"/{partner}" if partner else "")
        return row
    en, rw = (candidate.source_term, candidate.edited) if candidate.target_lang == "rw" else \
        (candidate.edited, candidate.source_term)
    slug = re.sub(r"[^a-z0-9]+", "-", (en or rw).casefold()).strip("-")[:40]
    return {"id": f"term.{slug}" if slug else "", "type": "term", "status": "proposed", "en": en, "rw": rw,
            "rw_class": "", "note": note}
