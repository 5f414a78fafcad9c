"""People's names written one letter off the glossary's spelling: Tchisekedi for Tshisekedi, Ndayishimye for
Ndayishimiye.

Informal copy, and a model that copies a name letter by letter, get long names slightly wrong. Exact matching then
reports nothing, and the editor never learns that the house spelling was missed. A capitalised word that no entry
writes, one edit (a letter changed, added, dropped, or two swapped) from exactly one word of a person's name, is
read as that word: the text is matched again with the word respelt, and what the respelt word adds is reported with
a warning that names both spellings.

Guards against reading another word as a misspelling (Stammer, Mandala, Frances are words and names of their own):
- only words of seven letters or more, in people's names; shorter names have real neighbours (Kabila, Kabira);
- the first and last letters agree: Rwandan, Israeli and Nigerian are words of their own, not Rwanda misspelt;
- a word any entry writes (a name, a rendering, a look-alike), or that the text also writes in lower case, is never
  respelt; nor is a word with two candidate names;
- the name must have support where it stands: the respelt word completes a longer name (Félix Tchisekedi), follows a
  title (Perezida Ndayishimye, Mr Stammer), or the text writes the name correctly elsewhere. A lone capitalised word
  one letter off a name is too often another name or a sentence's first word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from translate.glossary.entries import Entry, Glossary
from translate.glossary.matching import TermMatch
from translate.glossary.textnorm import ABBREVIATED_TITLES, Token, fold, tokenize

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


# Honorifics the glossary has no entry for; its own singular titles for people (Perezida, Minister) count too.
HONORIFICS = ABBREVIATED_TITLES | frozenset({"sir", "bwana", "madamu", "nyakubahwa", "abbe", "pere"})


@dataclass(frozen=True)
class NameSpellings:
    """The long words of people's names, found by any one-edit neighbour (a symmetric-deletion index); every word
    the glossary writes, which no respelling may touch; every word of a person's name; and the words that end a
    title for one person."""

    by_deletion: dict[str, frozenset[str]]
    written: dict[str, str]  # a name word, folded -> as the glossary writes it
    known: frozenset[str]
    name_words: frozenset[str]
    titles: frozenset[str]
    longest: int
    own: dict[tuple[str, str], str]  # (person id, name word folded) -> as that entry writes it

    def spelt_by(self, entry_id: str, name: str) -> str:
        """How the entry writes the name word `name` (Évariste for Ndayishimiye, though Evariste Murenzi is
        written without the accent), or `name` where it does not."""
        return self.own.get((entry_id, tokenize(name)[0].norm), name)

    def correction(self, word: str) -> str | None:
        """The one name word `word` (folded) misspells, or None."""
        if not MIN_LETTERS <= len(word) <= self.longest + 1 or word in self.known or not word.isalpha():
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
        own: dict[tuple[str, str], str] = {}
        name_words: set[str] = set()
        titles = set(HONORIFICS)
        for entry in glossary:
            for text in _written_texts(entry):
                tokens = tokenize(text)
                known.update(t.norm for t in tokens)
                if entry.type == "person":
                    name_words.update(t.norm for t in tokens)
                    for t in tokens:
                        if t.orig[:1].isupper() and len(t.norm) >= MIN_LETTERS and t.norm.isalpha():
                            written.setdefault(t.norm, t.orig)  # as the first entry writes it
                            own.setdefault((entry.id, t.norm), t.orig)
            if entry.type == "term" and entry.head_class in ("1", "1a"):
                titles.update(_title_word(text, lang) for lang, texts in (("en", entry.en), ("rw", entry.rw))
                              for text in texts if tokenize(text))
        by_deletion: dict[str, set[str]] = {}
        for name in written:
            for key in _deletions(name):
                by_deletion.setdefault(key, set()).add(name)
        return NameSpellings({k: frozenset(v) for k, v in by_deletion.items()}, written, frozenset(known),
                             frozenset(name_words), frozenset(titles), max(map(len, written), default=0), own)
    return glossary.cached(("spellings",), build)


def _title_word(title: str, lang: str) -> str:
    """The word of a title that stands right before a name: its head (Minisitiri w'Ubutabera, foreign minister,
    minister of justice), not its complement (justice, ubutabera)."""
    words = [t.norm for t in tokenize(title)]
    if lang == "rw":
        return words[0]
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


@dataclass(frozen=True)
class _Fix:
    token: Token
    name: str  # as the glossary writes it
    supported: bool  # after a title, or the name written correctly elsewhere in the text
    neighboured: bool  # next to a word the glossary writes in a person's name: it may complete a name


def with_misspelt_names(text: str, tokens: list[Token], matches: list[TermMatch], spellings: NameSpellings,
                        find: Callable[[str], list[TermMatch]]) -> list[TermMatch]:
    """`matches` plus the people's names `text` misspells, each found by matching the text again with the word
    respelt, and warned about. A respelt name replaces the shorter matches inside it (Évariste Ndayishimiye for
    Ndayishimiye), never one it only overlaps."""
    fixes = _fixes(tokens, matches, spellings)
    if not any(f.supported or f.neighboured for f in fixes):
        return matches  # nothing the second pass could add: skip it
    respelt, to_original = _respell(text, fixes)
    kept, added = list(matches), []
    for match in find(respelt):
        start, end = to_original(match.start), to_original(match.end)
        wrong = [f for f in fixes if start <= f.token.start and f.token.end <= end]
        longer = any(start <= t.start and t.end <= end and t.norm.isalpha() and all(t is not f.token for f in wrong)
                     for t in tokens)  # the name has another word: Félix Tchisekedi
        if not wrong or not (longer or any(f.supported for f in wrong)):
            continue
        inside = [m for m in kept if m.start < end and start < m.end]
        if any(m.start < start or end < m.end for m in inside):
            continue  # overlaps a match it does not contain
        note = "; ".join(f"{SPELLING_WARNING} '{f.token.orig}' is written '{spellings.spelt_by(match.entry, f.name)}'"
                         " in the glossary" for f in wrong)
        kept = [m for m in kept if m not in inside]
        added.append(TermMatch(match.entry, text[start:end], start, end, match.kind, [note, *match.warnings]))
    return sorted(kept + added, key=lambda m: (m.start, -m.end)) if added else matches


def _fixes(tokens: list[Token], matches: list[TermMatch], spellings: NameSpellings) -> list[_Fix]:
    """The capitalised words outside every match that misspell a name, and what supports each reading."""
    capitalised = [k for k, token in enumerate(tokens) if token.orig[:1].isupper()]
    if not capitalised:
        return []
    lower = {t.norm for t in tokens if t.orig.islower()}
    found: dict[int, str] = {}
    for k in capitalised:
        token = tokens[k]
        if token.norm not in lower and not any(m.start < token.end and token.start < m.end for m in matches):
            if (name := spellings.correction(token.norm)) is not None:
                found[k] = name
    if not found:
        return []
    norms = {t.norm for t in tokens}

    def joined(a: int, b: int) -> bool:  # neighbours with only spaces between
        return 0 <= a and b < len(tokens) and not tokens[b].gap.strip()

    fixes = []
    for k, name in found.items():
        after_title = joined(k - 1, k) and tokens[k - 1].norm in spellings.titles
        neighboured = any(joined(min(k, n), max(k, n)) and (tokens[n].norm in spellings.name_words or n in found)
                          for n in (k - 1, k + 1))
        fixes.append(_Fix(tokens[k], name, after_title or fold(name) in norms, neighboured))
    return fixes


def _respell(text: str, fixes: list[_Fix]) -> tuple[str, Callable[[int], int]]:
    """The text with each fixed word replaced, and the map from its offsets back to the original's."""
    parts: list[str] = []
    spans: list[tuple[int, int, Token]] = []  # each replaced word: its start and end in the respelt text
    previous, delta = 0, 0
    for token, name in sorted(((f.token, f.name) for f in fixes), key=lambda f: f[0].start):
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


__all__ = ["ABBREVIATED_TITLES", "HONORIFICS", "NameSpellings", "SPELLING_WARNING", "name_spellings", "one_edit_apart",
           "with_misspelt_names"]
