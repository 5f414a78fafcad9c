"""English term matching: case-insensitive, plural and possessive forms, hyphen = space, acronyms.

Inflection sits on the head noun of an English term (morphology notes §1.8): the last word (drone/drones,
factory/factories, spokesman/spokesmen), or the word before a post-modifier (ministers of defence); possessives
('s, ’s, s') extend a match without being part of the pattern. An entry's look-alikes that hold one of its English
forms inside a longer phrase (Attorney General, general elections, Real Madrid, think tank) are read in English too:
they win as the longer match and are never reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from translate.glossary.entries import Entry, Glossary
from translate.glossary.matching import Pattern, PatternIndex, TermMatch
from translate.glossary.spelling import name_spellings, with_misspelt_names
from translate.glossary.textnorm import Token, tokenize

# Words ending in -man that are not compounds of "man" (human -> humans, not humen).
_MAN_EXCEPTIONS = frozenset({"human", "german", "roman", "shaman", "talisman", "caiman", "ottoman", "walkman"})
_IRREGULAR = {"crisis": "crises", "person": "people", "child": "children", "analysis": "analyses",
              "aircraft": "aircraft", "personnel": "personnel", "series": "series", "news": "news"}
_IRREGULAR_SINGULAR = {v: k for k, v in _IRREGULAR.items()}
# Singular nouns that end in -s (a bias, a lens), and nouns with one form for both numbers (corps, species).
_SINGULAR_IN_S = frozenset({"bias", "lens", "atlas", "gas", "canvas", "alias", "chaos", "ethos", "cosmos"})
# ... and "talks", negotiations, which has no singular in that sense (a talk is a speech)
_SAME_IN_BOTH = frozenset({"corps", "species", "means", "headquarters", "barracks", "crossroads", "whereabouts",
                           "politics", "economics", "physics", "logistics", "ballistics", "talks"})
_POSSESSIVE = re.compile(r"['\u2019](?:s\b)?", re.IGNORECASE)


_POST_MODIFIERS = frozenset({"of", "in", "for", "at"})


def plural(word: str) -> str:
    """Regular English plural of one word (the suffix is added in lower case)."""
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low in _SAME_IN_BOTH:
        return word
    if low.endswith("man") and low not in _MAN_EXCEPTIONS:
        return word[:-2] + "en"
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", low):
        return word + "es"
    return word + "s"


def singular(word: str) -> str | None:
    """The singular of a plural-looking word, or None ("peacekeepers" -> "peacekeeper")."""
    low = word.lower()
    if low in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[low]
    if low in _SINGULAR_IN_S or low in _SAME_IN_BOTH:
        return None
    if low.endswith("men") and low[:-3] + "man" not in _MAN_EXCEPTIONS and len(low) > 4:
        return low[:-3] + "man"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return low[:-1]
    return None


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalnum() and letters.isupper() and " " not in text


def _inflects(entry: Entry) -> bool:
    return entry.type == "term"


def _head_forms(word: str, entry: Entry) -> frozenset[str]:
    forms = {word}
    if _inflects(entry):
        forms.add(plural(word).lower())
        single = singular(word)
        if single:
            forms.add(single)
    return frozenset(forms)


def english_patterns(entry: Entry) -> list[Pattern]:
    patterns: list[Pattern] = []
    for variant in entry.en:
        tokens = tokenize(variant)
        words = [t.norm for t in tokens]
        if not words:
            continue
        if is_acronym(variant):
            forms = {words[0], words[0] + "s"} if _inflects(entry) and len(words) == 1 else set(words[:1])
            slots = (frozenset(forms),) + tuple(frozenset({w}) for w in words[1:])
            patterns.append(Pattern(entry.id, slots, upper=frozenset(range(len(words)))))
            continue
        # The head among the tokens: a hyphenated word is several tokens, and its last one inflects.
        spaced = [i for i, t in enumerate(tokens) if i == 0 or t.gap != "-"]  # each word's first token
        head_word = _head_index([words[i] for i in spaced])
        head = (spaced[head_word + 1] if head_word + 1 < len(spaced) else len(tokens)) - 1
        slots = tuple(_head_forms(w, entry) if i == head else frozenset({w}) for i, w in enumerate(words))
        # a name keeps the capital of its last capitalised word in English: Guinea, Turkey and the White House are
        # not a guinea pig, a turkey and a white house; its particles may be written small (al-Qaeda, el-Fasher)
        capitals = [i for i, t in enumerate(tokens) if t.orig[:1].isupper()]
        capital = frozenset(capitals[-1:]) if entry.type != "term" or _abbreviated_title(variant) else frozenset()
        patterns.append(Pattern(entry.id, slots, capital=capital, comma="," in variant))
    return patterns + _lookalike_patterns(entry, patterns)


def _abbreviated_title(variant: str) -> bool:
    """A rank abbreviated as the press prints it before a name (Gen, Col) keeps its capital: gen and col are other
    words (next-gen, a mountain col)."""
    return len(variant) <= 3 and variant[:1].isupper() and variant[1:].islower()


def _lookalike_patterns(entry: Entry, own: list[Pattern]) -> list[Pattern]:
    """The entry's look-alikes that hold one of its English forms within a longer phrase, as patterns that win over
    it as the longer match and lose to another entry of the same span (Secretary General); a term's last word in
    both numbers (general election, general elections). A look-alike no longer than the term (buhari, 'is there',
    for Buhari: a case rule for Kinyarwanda) or in other words (Afurika y'Epfo) says nothing about English."""
    patterns = []
    for phrase in entry.rw_lookalike:
        words = [t.norm for t in tokenize(phrase)]
        if not any(_holds(words, pattern) for pattern in own):
            continue
        last = _head_forms(words[-1], entry)
        slots = tuple(frozenset({w}) for w in words[:-1]) + (last,)
        patterns.append(Pattern(entry.id, slots, kind="lookalike", priority=0))
    return patterns


def _holds(words: list[str], pattern: Pattern) -> bool:
    """Whether a term pattern matches inside `words`, leaving some of them over."""
    size = len(pattern.slots)
    return size < len(words) and any(
        all(isinstance(slot, frozenset) and words[k + m] in slot for m, slot in enumerate(pattern.slots))
        for k in range(len(words) - size + 1))


def english_forms_stand_in(entry: Entry, texts: Sequence[str]) -> list[bool]:
    """For each English text, whether one of `entry`'s forms stands in it: a superset of the texts `find_english`
    could report it in."""
    index = PatternIndex(english_patterns(entry))
    return [bool(index.scan(tokenize(text))) for text in texts]


def english_index(glossary: Glossary) -> PatternIndex:
    return glossary.cached(("en",), lambda: PatternIndex(p for e in glossary for p in english_patterns(e)))


def _possessive_end(text: str, end: int) -> int:
    match = _POSSESSIVE.match(text, end)
    if not match:
        return end
    if match.group().lower().endswith("s"):
        return match.end()
    # A bare apostrophe is a possessive only after an s (United States', drones').
    return match.end() if text[end - 1:end].lower() == "s" and not text[match.end():match.end() + 1].isalpha() \
        else end


def find_english(text: str, glossary: Glossary) -> list[TermMatch]:
    """The glossary's terms in an English text, with the people's names it misspells (spelling.py)."""
    tokens = tokenize(text)
    return with_misspelt_names(text, tokens, _find_english(text, tokens, glossary), name_spellings(glossary),
                               lambda respelt: _find_english(respelt, tokenize(respelt), glossary))


def _find_english(text: str, tokens: list[Token], glossary: Glossary) -> list[TermMatch]:
    matches = []
    for pattern, i, j in _scan(english_index(glossary), tokens):
        start, end = tokens[i].start, tokens[j - 1].end
        if len(tokens[j - 1].norm) == 1 and j - i > 1 and tokens[j - 1].gap == "." and text[end:end + 1] == ".":
            end += 1  # the closing dot of U.S. / U.K.
        end = _possessive_end(text, end)
        matches.append(TermMatch(pattern.entry, text[start:end], start, end, "term", []))
    return matches


def _scan(index: PatternIndex, tokens: list[Token], offset: int = 0,
          excluded: frozenset[str] = frozenset()) -> list[tuple[Pattern, int, int]]:
    """The terms among `tokens` (at `offset` in the text's tokens). A look-alike says only where its own entry is
    not: other entries inside it stand (general elections: elections; Munich Security Conference: not Munich)."""
    found = []
    accept = (lambda p, *_: p.entry not in excluded) if excluded else None
    for pattern, i, j in index.scan(tokens, accept):
        if pattern.kind == "lookalike":
            found += _scan(index, tokens[i:j], offset + i, excluded | {pattern.entry})
        else:
            found.append((pattern, offset + i, offset + j))
    return found


def english_surface_forms(entry: Entry) -> list[str]:
    """Each English variant, then its hyphen-as-space spelling and (for terms) its other number: the plural, or
    the singular of a variant that is already plural ("troops" -> "troop", not "troopses")."""
    forms: list[str] = []
    for variant in entry.en:
        forms.append(variant)
        if "-" in variant:
            forms.append(variant.replace("-", " "))
        if _inflects(entry):
            words = list(re.finditer(r"\S+", variant))
            head = words[_head_index([w.group().lower() for w in words])]
            last = re.split(r"-", head.group())[-1]  # a hyphenated word inflects its last part (cease-fires)
            forms.append(variant[:head.end() - len(last)] + _other_number(last) + variant[head.end():])
    return list(dict.fromkeys(forms))


def _head_index(words: list[str]) -> int:
    """Of the words of a term (split at spaces, so stay-at-home is one word), the one that takes the plural: the
    last, or the one before a post-modifier (ministers of defence, commanders in chief, prisoners of war)."""
    for index, word in enumerate(words[1:], start=1):
        if word in _POST_MODIFIERS:
            return index - 1
    return len(words) - 1


def _other_number(word: str) -> str:
    if is_acronym(word):
        return word + "s"
    if word.endswith("s") and is_acronym(word[:-1]):  # ICBMs
        return word[:-1]
    single = singular(word)
    if single is None or word.lower() not in (plural(single).lower(), single + "s"):  # persons: person + s
        return plural(word)
    # Keep the word's own spelling of the stem: Spokesmen -> Spokesman, not spokesman.
    if word.lower().startswith(single):
        return word[:len(single)]
    return word[:1] + single[1:] if word[:1].isupper() else single
