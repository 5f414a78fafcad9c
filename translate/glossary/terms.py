"""The public matching entry points: find glossary terms in a text, list an entry's surface forms."""

from __future__ import annotations

from typing import Literal

from translate.errors import GlossaryError
from translate.glossary.english import english_surface_forms, find_english
from translate.glossary.entries import Entry, Glossary
from translate.glossary.kinyarwanda import find_kinyarwanda, kinyarwanda_surface_forms
from translate.glossary.matching import TermMatch

Lang = Literal["en", "rw"]
LANGS = ("en", "rw")


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise GlossaryError(f"unknown language '{lang}' (expected one of: {', '.join(LANGS)})")


def find_terms(text: str, lang: Lang, glossary: Glossary, *, dialects: bool = False) -> list[TermMatch]:
    """Every glossary term in `text`, sorted by start, non-overlapping (longest match wins).

    Args:
        text: the text to check (any length; spans are character offsets into it).
        lang: 'en' (case, plural, possessive, hyphen-insensitive) or 'rw' (morphology-aware).
        glossary: the loaded glossary; its compiled matchers are cached on it.
        dialects: also accept Kirundi/Kinyamulenge spellings (c', vy', Reta, mw', glued locatives); rw only.

    Returns:
        TermMatch objects; kind 'related' marks derived words (Abarusiya, Abanya-Ukraine).
    """
    _check_lang(lang)
    if lang == "en":
        return find_english(text, glossary)
    return find_kinyarwanda(text, glossary, dialects)


def target_surface_forms(entry: Entry, lang: Lang) -> list[str]:
    """The concrete strings that count as `entry` in `lang`, most preferred first (the forms term placement may use)."""
    _check_lang(lang)
    return english_surface_forms(entry) if lang == "en" else kinyarwanda_surface_forms(entry)
