"""Kinyarwanda noun-class facts the glossary needs: prefixes, augments, concords and connectives.

The tables follow ../shared/docs/kinyarwanda-morphology.md §1.2–1.6. They are data, not logic: the matcher in
`kinyarwanda/forms.py` generates its patterns from them, and `entries.py` uses them to validate `rw_class`.
"""

from __future__ import annotations

import re

from dataclasses import dataclass

# Classes 1a/9a/10a are the "prefixless" classes (Kimenyi): names and loans that have no augment and never
# lose anything after a locative. They agree like class 1 (people), 9 (places, loans) or 10 (za + loan plural).
PREFIXLESS = ("1a", "9a", "10a")
CLASSES = tuple(str(n) for n in range(1, 17)) + PREFIXLESS


@dataclass(frozen=True)
class NounClass:
    name: str
    augment: str  # "" for the prefixless classes
    prefixes: tuple[str, ...]  # allomorphs, longest first (umu/umw, iki/igi/icy: Dahl's law and glides)
    concords: tuple[str, ...]  # subject/adjective concords on a following verb or modifier
    agreement: str  # the class whose concords a verb takes (1a -> 1)


def _cls(name: str, augment: str, prefixes: str, concords: str, agreement: str = "") -> NounClass:
    return NounClass(name, augment, tuple(prefixes.split()), tuple(concords.split()), agreement or name)


NOUN_CLASSES: dict[str, NounClass] = {
    c.name: c
    for c in (
        _cls("1", "u", "mu mw m", "a y u w"),
        _cls("2", "a", "ba b", "ba b"),
        _cls("3", "u", "mu mw m", "u w"),
        _cls("4", "i", "mi my", "i y"),
        # Class 5 keeps its i- after a locative ("mu itangazo"), so it is modelled as augment-less.
        _cls("5", "", "i ri ry", "ri ry"),
        _cls("6", "a", "ma m", "a y"),
        _cls("7", "i", "ki gi cy c", "ki gi cy"),
        _cls("8", "i", "bi by", "bi by"),
        _cls("9", "i", "ny nz n m", "i y"),
        _cls("10", "i", "ny nz n m", "zi z"),
        _cls("11", "u", "ru rw", "ru rw"),
        _cls("12", "a", "ka ga k", "ka ga k"),
        _cls("13", "u", "tu du tw", "tu du tw"),
        _cls("14", "u", "bu bw", "bu bw"),
        _cls("15", "u", "ku gu kw", "ku gu kw"),
        _cls("16", "a", "ha h", "ha h"),
        _cls("1a", "", "", "a y u w", "1"),
        _cls("9a", "", "", "i y", "9"),
        _cls("10a", "", "", "zi z", "10"),
    )
}

# Connectives ("of", "and", "like") — full and elided — and the -o forms ("bwo mu kirere").
CLITICS = frozenset("n nk w b y ry cy by z rw k tw bw kw h".split())
DIALECT_CLITICS = frozenset("c vy mw".split())  # Kirundi / Kinyamulenge: c' vy' mw'
FULL_CONNECTIVES = frozenset("wa ba ya rya cya bya za rwa ka twa bwa kwa ha na nka".split())
DIALECT_CONNECTIVES = frozenset("ca vya".split())
O_CONNECTIVES = frozenset("wo bo yo ryo cyo byo zo rwo ko two bwo kwo ho".split())
DIALECT_O_CONNECTIVES = frozenset("co vyo".split())
LOCATIVES = frozenset("mu ku i kwa nta buri".split())
# Demonstratives (this/that, by class) also take an augmentless noun: "urwo ruganda", "ibyo bitero", "izo ndege".
DEMONSTRATIVES = frozenset(
    "uyu uwo aba abo iyi iyo iri iryo aya ayo iki icyo ibi ibyo izi izo uru urwo aka ako utu utwo ubu ubwo "
    "uku ukwo "
    # the distal ones, 'that … over there' (bariya basirikare, ziriya ngabo)
    "uriya bariya iriya ririya ariya kiriya biriya ziriya ruriya kariya turiya buriya kuriya".split()
)
# "Other" (-ndi, by class) stands before its noun the same way: "ibindi bihano", "izindi ngabo", "ikindi gihugu".
OTHERS = frozenset(
    "undi abandi indi irindi andi ayandi ikindi ibindi izindi urundi akandi utundi ubundi ukundi ahandi".split()
    # ... and without their augment after a locative (mu rundi rukiko, mu yindi mijyi); not kandi (and), bundi or
    # kundi (otherwise)
    + "wundi bandi yindi rindi yandi kindi bindi zindi rundi tundi".split()
)
NAME_LOCATIVES = frozenset({"muri", "kuri"})
# Kirundi spellings of whole words that the dialect option accepts (Reta zunze ubumwe = Leta zunze ubumwe).
DIALECT_SPELLINGS = {"leta": "reta"}
# East and west are written with the locative or the augment, in the same names, by the same outlets:
# Afurika y'Iburasirazuba = Afurika y'Uburasirazuba.
SPELLING_VARIANTS = {"iburasirazuba": "uburasirazuba", "uburasirazuba": "iburasirazuba",
                     "iburengerazuba": "uburengerazuba", "uburengerazuba": "iburengerazuba",
                     # ... and a ministry is written both ways (Ministeri: radiyoyacuvoa.com/amp/7757344.html)
                     "minisiteri": "ministeri", "ministeri": "minisiteri"}

# A verb right after a subject starts with its concord, which glides before a vowel-initial tense or stem
# ("bwagabye", "yemeye"). Only these unambiguous glide+a onsets are checked, longest first; k-/h- are left
# out because kandi/hari/hano would trigger false alarms.
GLIDE_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("ry", frozenset({"5"})),
    ("cy", frozenset({"7"})),
    ("by", frozenset({"8"})),
    ("rw", frozenset({"11"})),
    ("tw", frozenset({"13"})),
    ("bw", frozenset({"14"})),
    ("kw", frozenset({"15"})),
    ("y", frozenset({"1", "4", "6", "9"})),
    ("b", frozenset({"2"})),
    ("w", frozenset({"1", "3"})),
    ("z", frozenset({"10"})),
)

VOWELS = frozenset("aeiou")
_NOT_KINYARWANDA = re.compile(r"[lqx]|(?:[^aeiou])$|([^aeiou])\1|[^aeiouymnw][^aeiouyw]|[mn][^aeiouywbcdfgjkpstvz]")
# Loans the language writes with l, an r-sound it also writes r (Repubulika, abapolisi, politiki, Leta, abasivili)
_L_LOANS = ("repubulik", "polis", "politik", "leta", "sivil", "silik")


def spelt_foreign(word: str) -> bool:
    """Whether a word (folded) is spelt as no Kinyarwanda word is: ending in a consonant, with l, q or x, a doubled
    consonant, or consonants together that the language never writes (Kebbi, Borno, Tigray, Amhara, Texas,
    Kerala). Kinyarwanda joins consonants only as a nasal before a consonant (mb, nd, ns), a consonant before a
    glide (by, rw), and in sh, ts, pf and nny (abakinnyi); it writes l only in a few loans (Repubulika,
    abapolisi). A name spelt the Kinyarwanda way (Kano, Oromia) is not told apart so."""
    if any(loan in word for loan in _L_LOANS):
        word = word.replace("l", "r")
    return bool(_NOT_KINYARWANDA.search(word.replace("sh", "s").replace("ts", "s").replace("pf", "f")
                                        .replace("nny", "ny")))


def is_prefixless(cls: str) -> bool:
    return cls in PREFIXLESS


def parse_class_spec(spec: str) -> tuple[str, str] | None:
    """'11/10' -> ('11', '10'); '14' -> ('14', ''); '' -> None. Raises ValueError naming a bad class."""
    spec = spec.strip()
    if not spec:
        return None
    parts = [p.strip() for p in spec.split("/")]
    if len(parts) > 2:
        raise ValueError(f"'{spec}' has more than one '/'; write 'singular/partner', e.g. '11/10'")
    for part in parts:
        if part not in NOUN_CLASSES:
            raise ValueError(f"unknown noun class '{part}' (expected 1-16, or 1a/9a/10a for prefixless names)")
    return parts[0], parts[1] if len(parts) == 2 else ""


def split_noun(word: str, cls: str) -> tuple[str, str, str] | None:
    """Split a lower-case noun into (augment, prefix, stem) for `cls`, or None if it does not fit the class.

    uburusiya/14 -> ('u', 'bu', 'rusiya'); ubwongereza/14 -> ('u', 'bw', 'ongereza'); indege/9 -> ('i', 'n', 'dege').
    """
    nc = NOUN_CLASSES[cls]
    if not nc.augment:
        if cls == "5":
            return ("", "i", word[1:]) if word.startswith("i") and len(word) > 2 else None
        return "", "", word
    if not word.startswith(nc.augment):
        return None
    rest = word[len(nc.augment):]
    for prefix in nc.prefixes:
        if rest.startswith(prefix) and len(rest) > len(prefix):
            stem = rest[len(prefix):]
            # A glide allomorph (bw, rw, cy, my, m, b) only stands before a vowel; a CV one before a consonant.
            glide = prefix[-1] not in VOWELS
            if glide and prefix not in ("n", "m", "ny", "nz") and stem[0] not in VOWELS:
                continue
            return nc.augment, prefix, stem
    return None


_GUESS_ORDER = ("7", "8", "14", "11", "13", "15", "12", "16", "6", "2", "4", "9", "1")


def guess_class(word: str) -> str:
    """Best guess of a head noun's class from its spelling (used for variants, whose class is not given).

    Classes 1/3 and 9/10 look alike; the guess only drives augment handling, which is the same for both.
    """
    w = word.lower()
    if not w or w[0] not in "aiu":
        return "9a"
    for cls in _GUESS_ORDER:
        parts = split_noun(w, cls)
        if parts and len(parts[2]) >= 2:
            return cls
    return "5" if w.startswith("i") else "9a"


def concord_forms(stem: str, classes: tuple[str, ...]) -> list[str]:
    """Agreeing forms of a modifier stem for each class: tagira -> itagira, zitagira (classes 9, 10)."""
    forms: list[str] = []
    for cls in classes:
        for concord in NOUN_CLASSES[cls].concords:
            glide = concord[-1] not in VOWELS
            if glide == (stem[0] in VOWELS):
                forms.append(concord + stem)
    return forms


def connective(cls: str) -> str:
    """The elided connective ("of") that agrees with a class: w' (1), b' (2), z' (10), rw' (11) … It is the
    class's concord before a vowel: the last of its concords that ends in a consonant."""
    return next(c for c in reversed(NOUN_CLASSES[NOUN_CLASSES[cls].agreement].concords) if c[-1] not in VOWELS)


def strip_concord(word: str, classes: tuple[str, ...]) -> str | None:
    """The stem of a modifier that starts with a concord of one of `classes` ("zitagira" -> "tagira")."""
    for cls in classes:
        for concord in sorted(NOUN_CLASSES[cls].concords, key=len, reverse=True):
            stem = word[len(concord):]
            if word.startswith(concord) and len(stem) >= 3 and (concord[-1] in VOWELS) != (stem[0] in VOWELS):
                return stem
    return None


def subject_classes(verb: str) -> tuple[str, frozenset[str]] | None:
    """The concord a verb starts with and the classes it shows ("bwagabye" -> ('bw', {14})), or None if unclear."""
    if len(verb) < 4:
        return None
    for glide, classes in GLIDE_CLASSES:
        # glide + a/e/o: bwagabye, yemeye, zose; glide + i/u would be a CV concord of another class (buri).
        if verb.startswith(glide) and verb[len(glide)] in "aeo":
            return glide, classes
    return None
