"""People's names written one letter off the glossary's spelling: Tchisekedi for Tshisekedi, Ndayishimye for
Ndayishimiye.

Informal copy, and a model that copies a name letter by letter, get long names slightly wrong. Exact matching then
reports nothing, and the editor never learns that the house spelling was missed. A capitalised word that no entry
writes, one edit (a letter changed, added, dropped, or two swapped) from exactly one word of a person's name, is
read as that word: the text is matched again with the word respelt, and what the respelt word adds is reported with
a warning that names both spellings.

Guards against reading another word as a misspelling:
- only words of seven letters or more, in people's names; shorter names have real neighbours (Kabila, Kabira);
- the first and last letters agree: Rwandan, Israeli and Nigerian are words of their own, not Rwanda misspelt;
- a word any entry writes (a name, a rendering, a look-alike) is never respelt;
- a word with two candidate names is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from translate.glossary.entries import Entry, Glossary
from translate.glossary.matching import TermMatch
from translate.glossary.textnorm import Token, tokenize

MIN_LETTERS = 7
SPELLING_WARNING = "spelling:"


def one_edit_apart(a: str, b: str) -> bool:
    """True when one substitution, insertion, deletion or swap of neighbours turns `a` into `b` (a != b)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    if len(a) < len(b):
        return a[k:] == b[k + 1:]
    return a[k + 1:] == b[k + 1:] or (k + 1 < len(a) and a[k] == b[k + 1] and a[k + 1] == b[k]
                                       and a[k + 2:] == b[k + 2:])


def _deletions(word: str) -> set[str]:
    return {word} | {word[:k] + word[k + 1:] for k in range(len(word))}


@dataclass(frozen=True)
class NameSpellings:
    """The long words of people's names, found by any one-edit neighbour (a symmetric-deletion index), and every
    word the glossary writes, which no respelling may touch."""

    by_deletion: dict[str, frozenset[str]]
    written: dict[str, str]  # a name word, folded -> as the glossary writes it
    known: frozenset[str]

    def correction(self, word: str) -> str | None:
        """The one name word `word` (folded) misspells, or None."""
        if len(word) < MIN_LETTERS or word in self.known or not word.isalpha():
            return None
        near = {name for key in _deletions(word) for name in self.by_deletion.get(key, ())
                if name[0] == word[0] and name[-1] == word[-1] and one_edit_apart(word, name)}
        return self.written[near.pop()] if len(near) == 1 else None


def _written_texts(entry: Entry) -> Iterable[str]:
    return (*entry.en, *entry.rw, *entry.rw_forbidden, *entry.rw_related, *entry.rw_lookalike)


def name_spellings(glossary: Glossary) -> NameSpellings:
    """The index of a glossary (cached on it): every word an entry writes, in either language, is known."""
    def build() -> NameSpellings:
        known: set[str] = set()
        written: dict[str, str] = {}
        for entry in glossary:
            for token in (t for text in _written_texts(entry) for t in tokenize(text)):
                known.add(token.norm)
                if entry.type == "person" and token.orig[:1].isupper() and len(token.norm) >= MIN_LETTERS \
                        and token.norm.isalpha():
                    written.setdefault(token.norm, token.orig)
        by_deletion: dict[str, set[str]] = {}
        for name in written:
            for key in _deletions(name):
                by_deletion.setdefault(key, set()).add(name)
        return NameSpellings({k: frozenset(v) for k, v in by_deletion.items()}, written, frozenset(known))
    return glossary.cached(("spellings",), build)


def with_misspelt_names(text: str, tokens: list[Token], matches: list[TermMatch], spellings: NameSpellings,
                        find: Callable[[str], list[TermMatch]]) -> list[TermMatch]:
    """`matches` plus the people's names `text` misspells, each found by matching the text again with the word
    respelt, and warned about. A respelt word that names no entry where it stands (a first name alone) adds
    nothing."""
    covered = [(m.start, m.end) for m in matches]
    fixes: list[tuple[Token, str]] = []
    for token in tokens:
        name = spellings.correction(token.norm) if token.orig[:1].isupper() else None
        if name is not None and not any(a < token.end and token.start < b for a, b in covered):
            fixes.append((token, name))
    if not fixes:
        return matches
    respelt, to_original = _respell(text, fixes)
    added = []
    for match in find(respelt):
        start, end = to_original(match.start), to_original(match.end)
        wrong = [(t, name) for t, name in fixes if start <= t.start and t.end <= end]
        if not wrong or any(a < end and start < b for a, b in covered):
            continue
        note = "; ".join(f"{SPELLING_WARNING} '{t.orig}' is written '{name}' in the glossary" for t, name in wrong)
        added.append(TermMatch(match.entry, text[start:end], start, end, match.kind, [note, *match.warnings]))
    return sorted(matches + added, key=lambda m: (m.start, -m.end))


def _respell(text: str, fixes: list[tuple[Token, str]]) -> tuple[str, Callable[[int], int]]:
    """The text with each fixed word replaced, and the map from its offsets back to the original's."""
    parts: list[str] = []
    spans: list[tuple[int, int, Token]] = []  # each replaced word: its start and end in the respelt text
    previous, delta = 0, 0
    for token, name in sorted(fixes, key=lambda f: f[0].start):
        parts += [text[previous:token.start], name]
        spans.append((token.start + delta, token.start + delta + len(name), token))
        delta += len(name) - (token.end - token.start)
        previous = token.end
    parts.append(text[previous:])

    def to_original(offset: int) -> int:
        shift = 0  # how much longer the respelt text is before `offset`
        for start, end, token in spans:
            if offset < start:
                break
            if offset <= end:  # a match starts or ends at a word's edge
                return token.end if offset == end else token.start
            shift = end - token.end
        return offset - shift
    return "".join(parts), to_original


__all__ = ["NameSpellings", "SPELLING_WARNING", "name_spellings", "one_edit_apart", "with_misspelt_names"]
