"""The language-neutral matching engine: token patterns indexed by their first word, longest match wins.

Each glossary form becomes a `Pattern`: a sequence of slots, each slot the set of normalised words allowed at
that position. Patterns are indexed by every word their first slot allows, so a paragraph costs one dict
lookup per token, however large the glossary (no loop over entries, no giant alternation regex).
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from translate.glossary.textnorm import ABBREVIATED_TITLES, Token

# term: the glossary's concept; related: a word derived from it (Abarusiya); ambiguous: a rendering with another
# everyday sense that nothing in its sentence supports (igihano as a court's penalty), or a term inside the name
# of an organisation the glossary lacks (the UN in a UN agency's name); lookalike: a phrase that
# holds a form of the term but names something else (matched so that it wins as the longest, never reported).
Kind = Literal["term", "related", "ambiguous", "lookalike"]
ANY_SHORT_WORD = None  # a slot that accepts one short modifier ("indege nto zitagira abapilote")
_SHORT = 5


@dataclass(frozen=True)
class Agreeing:
    """A slot that accepts one modifier agreeing with its head: a word opening with one of the head class's
    prefixes (Urukiko ru-kuru rwa Gisirikare)."""

    prefixes: tuple[str, ...]

    def accepts(self, token: Token) -> bool:
        # not "deputy" (Umuyobozi wungirije w'Umujyi): it makes another office of the title
        return not token.clitic and _DEPUTY not in token.norm \
            and any(token.norm.startswith(p) and len(token.norm) >= len(p) + 3 for p in self.prefixes)


_DEPUTY = "ungirij"  # wungirije, bungirije, yungirije: the deputy


@dataclass
class TermMatch:
    """One glossary term found in a text: the entry id, the text as written and its character span."""

    entry: str
    surface: str
    start: int
    end: int
    kind: Kind = "term"
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"entry": self.entry, "surface": self.surface, "start": self.start, "end": self.end,
                "kind": self.kind, "warnings": list(self.warnings)}


@dataclass(frozen=True)
class Pattern:
    entry: str
    slots: tuple[frozenset[str] | Agreeing | None, ...]
    kind: Kind = "term"
    priority: int = 1  # among equally long matches: lookalike (3) > forbidden (2) > term (1) > related (0)
    upper: frozenset[int] = frozenset()  # slots that must be written in capitals (acronyms: US is not 'us')
    data: Any = None  # language-specific facts the checker needs (class, number, form type)
    capital: frozenset[int] = frozenset()  # slots that must start with a capital (an English name: not 'turkey')
    upper_only: bool = False  # `upper` slots in capitals only, not as the press writes some (Monusco): IGIHE
    # written with a comma inside (Komisiyo y'Ububanyi n'Amahanga, Ubutwererane n'Umutekano): read across a comma in
    # the text too, where the press writes it, and without one where it leaves it out
    comma: bool = False


def _acronym_ok(token: Token, capitals_only: bool = False) -> bool:
    """In capitals (US is not 'us'); an acronym of four letters or more also as the press often writes it, with
    one capital (Monusco, Fardc, Nato), unless `capitals_only`, and one with a digit in any case (m23): no common
    word is spelt like one."""
    letters = token.orig[:-1] if token.orig.endswith("s") and len(token.orig) > 2 else token.orig
    return (letters.isupper() or (not capitals_only and len(letters) >= 4 and letters[0].isupper()
                                  and letters[1:].islower())
            or any(c.isdigit() for c in letters))


# An event's acronym with its edition glued on: COP29, COP31. Three capitals at least (G20 and M23 are names of
# their own), and a year or a count of two to four digits; only for an acronym the glossary itself writes with an
# edition (COP29 among the renderings makes any COP edition the term; EAC2050, a plan, stays unread).
_EDITION = re.compile(r"^([A-Z]{3,})(\d{2,4})$")
_EDITION_WORD = re.compile(r"^([a-z]{3,})\d{2,4}$")


def _edition_stem(token: Token) -> str | None:
    """The acronym of an edition-numbered acronym (COP29: cop), in the token's normal form; None for other words."""
    match = _EDITION.match(token.orig) if token.orig[-1:].isdigit() else None
    return match.group(1).lower() if match else None


def _shared(pattern: Pattern, shared: dict[Any, Any]) -> Pattern:
    """The pattern with each of its word sets and its data the one object of its value the index already holds.
    A glossary's forms repeat the same sets (a noun's prefixes, a connective's spellings) over thousands of
    patterns: held once, they are fewer objects for the garbage collector to walk on every full collection, which
    costs a long-running process most of a second with a 10 000-entry glossary (bench/glossary_match.py)."""
    slots = tuple(shared.setdefault(slot, slot) if isinstance(slot, frozenset) else slot for slot in pattern.slots)
    data = shared.setdefault(pattern.data, pattern.data) if pattern.data is not None else None
    upper = shared.setdefault(pattern.upper, pattern.upper)
    capital = shared.setdefault(pattern.capital, pattern.capital)
    if all(a is b for a, b in zip(slots, pattern.slots)) and data is pattern.data and upper is pattern.upper \
            and capital is pattern.capital:
        return pattern
    return dataclasses.replace(pattern, slots=slots, data=data, upper=upper, capital=capital)


class PatternIndex:
    """Patterns indexed by first word, each tried only where the word after fills its second slot (`_candidates`);
    `scan` returns non-overlapping longest matches left to right."""

    def __init__(self, patterns: Iterable[Pattern],
                 insertion: Callable[[list[Token], int], int] | None = None) -> None:
        """`insertion`: how many tokens at a position are words a language says inside a name without changing
        what it names (a Kinyarwanda edition number, Inteko Rusange ya 80 y'…: the 80th); one is skipped per match."""
        self.insertion = insertion
        first: dict[str, list[Pattern]] = defaultdict(list)
        shared: dict[Any, Any] = {}  # one object for each distinct slot and form: see _shared
        for pattern in patterns:
            pattern = _shared(pattern, shared)
            head = pattern.slots[0]
            assert head is not None, "a pattern cannot start with a wildcard"
            for word in head:
                first[word].append(pattern)
        self.first = dict(first)
        # the acronyms the glossary writes with an edition (cop29): their other editions are read too
        self.editions = frozenset(m.group(1) for word in self.first if (m := _EDITION_WORD.match(word)))
        self.size = sum(len(v) for v in self.first.values())

    @staticmethod
    def _continues(previous: Token, token: Token) -> bool:
        # Same phrase: only spaces/one hyphen between, an elided connective (also one the tokenizer does not know
        # as a clitic: iy'Amajyepfo), the dot of "U.S.", an initial's (Murangira B. Thierry), or an abbreviated
        # title's, which ends no sentence either (Lt. Col is one rank, not a colonel).
        initial = len(previous.norm) == 1 and (
            token.gap == "." or (token.gap.strip() == "." and previous.orig.isupper()))
        abbreviated = previous.norm in ABBREVIATED_TITLES and token.gap.strip() == "."
        return token.joined or previous.clitic or token.gap == "'" or initial or abbreviated

    def _edition(self, token: Token) -> str | None:
        """The acronym a token writes with its edition glued on (COP31: cop), if the glossary reads its editions."""
        stem = _edition_stem(token)
        return stem if stem in self.editions else None

    def match_at(self, pattern: Pattern, tokens: list[Token], i: int) -> int:
        """End token index (exclusive) if `pattern` matches at token i, else 0."""
        if i + len(pattern.slots) > len(tokens) or not self._slot_accepts(pattern, 0, tokens, i):
            return 0
        at, inserted = i + 1, False
        for k in range(1, len(pattern.slots)):
            # an insertion first: its connective would otherwise fill a connective's slot (Inteko Rusange ya 80 y'…)
            skip = self.insertion(tokens, at) if not inserted and self.insertion and at < len(tokens) else 0
            if skip and at + skip < len(tokens) and self._slot_accepts(pattern, k, tokens, at + skip):
                at, inserted = at + skip + 1, True
            elif at < len(tokens) and self._slot_accepts(pattern, k, tokens, at):
                at += 1
            else:
                return 0
        return at

    def _slot_accepts(self, pattern: Pattern, k: int, tokens: list[Token], at: int) -> bool:
        """Whether token `at` fills slot k of `pattern`, continuing the phrase from the token before it."""
        slot, token = pattern.slots[k], tokens[at]
        if k and not (self._continues(tokens[at - 1], token) or (pattern.comma and token.gap.strip() == ",")):
            return False
        if slot is ANY_SHORT_WORD:
            # a modifier is a word of the language; a capitalised one there, before a word that is not, is a name
            # (Ishyaka CCM riri ku butegetsi: the party's, which stays its own); in a Title Case or capitals
            # headline every word is capitalised (Indege Nto Zitagira Abapilote)
            following = tokens[at + 1] if at + 1 < len(tokens) else None
            name = token.orig[:1].isupper() and following is not None and not following.orig[:1].isupper()
            if len(token.norm) > _SHORT or token.clitic or name:
                return False
        elif isinstance(slot, Agreeing):
            if not slot.accepts(token):
                return False
        elif token.norm not in slot and not (len(pattern.slots) == 1 and self._edition(token) in slot):
            return False
        if k in pattern.upper and not _acronym_ok(token, pattern.upper_only):
            return False
        return not (k in pattern.capital and not token.orig[:1].isupper())

    def _candidates(self, tokens: list[Token], i: int, word: str) -> list[Pattern]:
        """The patterns that may match at token i, read as `word`: a common first word (umuryango, iya, Minisitiri)
        opens hundreds of names, so a pattern whose second slot is a set of words is tried only where the word after
        token i (or after an insertion there) is one of them."""
        patterns = self.first.get(word, ())
        if i + 1 >= len(tokens):
            return [pattern for pattern in patterns if len(pattern.slots) == 1]
        following = tokens[i + 1].norm
        skip = self.insertion(tokens, i + 1) if self.insertion else 0
        inserted = tokens[i + 1 + skip].norm if skip and i + 1 + skip < len(tokens) else following
        return [pattern for pattern in patterns if len(pattern.slots) == 1
                or not isinstance(second := pattern.slots[1], frozenset) or following in second or inserted in second]

    def _matches_at(self, tokens: list[Token], i: int,
                    accept: Callable[[Pattern, list[Token], int, int], bool] | None,
                    prefer: Callable[[Pattern, list[Token], int], int] | None = None,
                    ) -> list[tuple[Pattern, int, int]]:
        """Every accepted match starting at token i, longest, then highest priority, then most preferred first."""
        token = tokens[i]
        patterns = self._candidates(tokens, i, token.norm)
        stem = self._edition(token) if self.editions and token.orig[-1:].isdigit() else None
        if stem:
            patterns = [*patterns, *self._candidates(tokens, i, stem)]
        out = []
        for pattern in patterns:
            j = self.match_at(pattern, tokens, i)
            if j and (accept is None or accept(pattern, tokens, i, j)):
                out.append((pattern, i, j))
        if len(out) < 2:
            return out
        return sorted(out, key=lambda m: (-m[2], -m[0].priority, -(prefer(m[0], tokens, i) if prefer else 0)))

    def scan(self, tokens: list[Token],
             accept: Callable[[Pattern, list[Token], int, int], bool] | None = None,
             splits: Callable[[Pattern], bool] | None = None,
             prefer: Callable[[Pattern, list[Token], int], int] | None = None,
             ) -> list[tuple[Pattern, int, int]]:
        """Leftmost-longest matches. With `splits`: where a match that `splits` allows starts inside the longest
        one and runs past it, a shorter match ending before it is taken instead, so both are found (ibitero +
        by'indege z'intambara, attacks by fighter jets, rather than ibitero by'indege, air strikes), or none.
        `prefer` ranks equally long matches of equal priority (the higher wins)."""
        found: list[tuple[Pattern, int, int]] = []
        i, n = 0, len(tokens)
        while i < n:
            if tokens[i].norm not in self.first and not (self.editions and tokens[i].orig[-1:].isdigit()):
                i += 1  # most words start no pattern: skip them before any call
                continue
            here = self._matches_at(tokens, i, accept, prefer)
            if not here:
                i += 1
                continue
            best = here[0]
            if splits is not None:
                inner = next((k for k in range(i + 1, best[2])
                              for m in self._matches_at(tokens, k, accept) if m[2] > best[2] and splits(m[0])), None)
                shorter = next((m for m in here if inner is not None and m[2] <= inner), None)
                if inner is not None and shorter is None:
                    i += 1  # nothing shorter here: the longer term inside wins
                    continue
                best = shorter or best
            found.append(best)
            i = best[2]
        return found
