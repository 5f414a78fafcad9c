"""Text normalisation with an offset map, and the word tokenizer both matchers share.

Matching happens on a normalised copy of the text (lower case, one apostrophe, no tone accents), but every
reported span must point into the original text. `normalise` therefore returns, for each normalised
character, the index of the original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Apostrophe look-alikes seen in Kinyarwanda news (morphology notes §1.4) and English typography.
APOSTROPHES = "\u2019\u2018`\u00b4\u02bc\u2032"
HYPHENS = "\u2010\u2011\u2012\u2013\u2014"
_TRANSLATE = {ord(c): "'" for c in APOSTROPHES} | {ord(c): "-" for c in HYPHENS} | {0xA0: " "}
_QUOTE_AS_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[\u201c\u201d](?=[^\W\d_])")
_NEEDS_SLOW_PATH = re.compile(r"[^\x00-\x7f\u2019\u2018\u00b4\u02bc\u2032\u2010-\u2014\u00a0]")

_WORD = re.compile(r"[^\W_]+")
# Web addresses and e-mail addresses are not prose: ".../white-house/iran-russia-drones" names no term.
_NOT_PROSE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SENTENCE_PUNCT = re.compile(r"[.!?:;\"“”«»()\[\]]")

# Titles written shortened before a name (Dr, Gen, Maître: Me), whose full stop ends no sentence.
ABBREVIATED_TITLES = frozenset({"mr", "mrs", "ms", "dr", "hon", "lt", "col", "maj", "capt", "cpl", "sgt", "brig", "gen",
                                "cp", "cg", "dcg", "acp", "amb", "prof", "rev", "fr", "mgr", "me", "mme", "mlle"})


def fold(text: str) -> str:
    """The comparison key of a short string: the normalised text without the offset map."""
    return normalise(text)[0]


def normalise(text: str) -> tuple[str, list[int] | None]:
    """Lower-case, map apostrophes/hyphens, strip combining accents; return (text, offsets or None).

    Offsets is None when the normalised text has the same length as the input (the common, fast case), so
    index i of the normalised text is index i of the original.
    """
    if "\u201d" in text or "\u201c" in text:  # a curly double quote between letters stands for an apostrophe
        text = _QUOTE_AS_APOSTROPHE.sub("'", text)  # (Minisitiri w”ingabo): one character for one, offsets hold
    mapped = text.translate(_TRANSLATE)
    if not _NEEDS_SLOW_PATH.search(mapped):
        return mapped.lower(), None
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(mapped):
        for part in unicodedata.normalize("NFD", char):
            if unicodedata.combining(part):
                continue  # tone accents (â, ê) and decomposed diacritics
            for low in part.lower():
                chars.append(low)
                offsets.append(index)
    return "".join(chars), offsets


@dataclass(slots=True, init=False)
class Token:
    """A word of the text: its normalised form, original span, and what separates it from the previous word.

    Treated as immutable (`dataclasses.replace` makes a changed copy) but not declared frozen: a frozen dataclass's
    __init__ costs about five times more, and the matchers make one per word of every paragraph (so the __init__ is
    written out: it works `joined` out in place, without a __post_init__ call)."""

    norm: str
    start: int  # in the original text
    end: int
    orig: str
    gap: str  # normalised text between the previous token and this one
    clitic: bool = False  # an elided connective such as y' n' z' (the apostrophe is part of the token)
    # True when only spaces, one hyphen or one slash separate this token from the previous one (AFC/M23); set once,
    # as the matchers ask it of every token many times
    joined: bool = field(init=False)

    def __init__(self, norm: str, start: int, end: int, orig: str, gap: str, clitic: bool = False) -> None:
        self.norm, self.start, self.end, self.orig, self.gap, self.clitic = norm, start, end, orig, gap, clitic
        self.joined = gap == " " or (not gap.strip(" \t\n-/") and gap.count("-") + gap.count("/") <= 1)

    @property
    def after_sentence_break(self) -> bool:
        return bool(_SENTENCE_PUNCT.search(self.gap))


def tokenize(text: str, clitics: frozenset[str] = frozenset()) -> list[Token]:
    """Split text into word tokens; a word in `clitics` followed by an apostrophe becomes a clitic token."""
    norm, offsets = normalise(text)

    def orig_span(start: int, end: int) -> tuple[int, int]:
        assert offsets is not None
        oend = offsets[end - 1] + 1
        while oend < len(text) and unicodedata.combining(text[oend]):
            oend += 1  # keep a trailing tone accent with its letter
        return offsets[start], oend

    tokens: list[Token] = []
    append, same_offsets = tokens.append, offsets is None
    previous_end = 0
    skipped = [(m.start(), m.end()) for m in _NOT_PROSE.finditer(norm)] if "@" in norm or "ww" in norm \
        or "://" in norm else []
    for match in _WORD.finditer(norm):
        start, end = match.span()
        if skipped and any(a <= start < b for a, b in skipped):
            previous_end = end
            continue
        word, is_clitic = match.group(), False
        if word in clitics and norm.startswith("'", end):
            marks = 2 if norm.startswith("''", end) else 1  # an apostrophe typed twice is one (y''i Burasirazuba)
            rest = norm[end + marks:end + marks + 2]
            if rest[:1].isalpha() or (rest[:1] == " " and rest[1:2].isalpha()):
                is_clitic, end = True, end + marks
                word += "'"
        if same_offsets:
            append(Token(word, start, end, text[start:end], norm[previous_end:start], is_clitic))
        else:
            ostart, oend = orig_span(start, end)
            append(Token(word, ostart, oend, text[ostart:oend], norm[previous_end:start], is_clitic))
        previous_end = end
    return tokens
