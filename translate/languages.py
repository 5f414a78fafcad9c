"""The two languages Inkuru translates between, their model codes, and paragraph language detection."""

from __future__ import annotations

import re
from dataclasses import dataclass

from translate.errors import InkuruError


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as used on the CLI and in opus-mt model names
    name: str
    nllb: str  # FLORES-200 code used by NLLB-200
    m2m: str  # code used by M2M100 tokenizers (__rw__)


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "eng_Latn", "en"),
    "rw": Language("rw", "Kinyarwanda", "kin_Latn", "rw"),
}


def get_language(code: str) -> Language:
    try:
        return LANGUAGES[code]
    except KeyError:
        raise InkuruError(f"unknown language {code!r} (choices: {', '.join(LANGUAGES)})") from None


def other_language(code: str) -> str:
    """The language opposite `code` (Inkuru translates between exactly two)."""
    get_language(code)
    return "rw" if code == "en" else "en"


# Frequent function words. Short lists are enough: news paragraphs have many of them, and each language's list
# avoids words that also occur in the other (e.g. "na" is Kinyarwanda "and" but also appears in English names).
_EN_WORDS = frozenset(
    "the of and to in is was that for on with said by as at from it its this be have has had were are which "
    "will would not but they their he she his her an or who after also been more than about over into".split()
)
_RW_WORDS = frozenset(
    "ku mu muri kandi ko ni ya wa za cya bya rya ba yavuze uyu iyi ibi ubu aho nk kugira kuko cyangwa ngo "
    "kuri nyuma mbere ariko bari byo bwa rwa kwa iki ico uko naho bose hari abantu yari zari bari igihe "
    "avuga yagize ati amakuru inkuru".split()
)
# Letter sequences typical of Kinyarwanda spelling and rare in English.
_RW_PATTERNS = re.compile(r"(?:rw|cy|shy|nz|mb|nk|ny|yavuze|umu|aba|iki|ibi|ama|uru|bw)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_ELISION = re.compile(r"^(?:n|nk|w|b|y|ry|cy|by|z|rw|k|tw|bw|kw|h)['’]", re.IGNORECASE)


@dataclass(frozen=True)
class Detection:
    lang: str | None  # None when the text has too few words to tell
    en_score: float
    rw_score: float


def detect_language(text: str) -> Detection:
    """Tell English from Kinyarwanda by function words, elided clitics and spelling patterns.

    Returns lang=None for text without enough evidence (a name, a number, a single word), so callers can treat
    it as the document's source language instead of guessing.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return Detection(None, 0.0, 0.0)
    en = sum(1.0 for w in words if w in _EN_WORDS)
    rw = sum(1.0 for w in words if w in _RW_WORDS)
    rw += sum(1.0 for w in words if _ELISION.match(w))  # y'Uburusiya, n'Irani: Kinyarwanda elision
    rw += 0.25 * sum(1 for w in words if _RW_PATTERNS.search(w))
    en += 0.25 * sum(1 for w in words if w.endswith(("tion", "ing", "ed", "ly", "th")) or "th" in w)
    if max(en, rw) < 1.0:
        return Detection(None, en, rw)
    if en >= 1.5 * rw:
        return Detection("en", en, rw)
    if rw >= 1.5 * en:
        return Detection("rw", en, rw)
    return Detection(None, en, rw)
