"""The house glossary: entries and TSV files, morphology-aware term matching, curation.

Importing this package is cheap (stdlib only); the CLI lives in `translate.glossary.cli`.
"""

from translate.glossary.entries import (
    COLUMNS, Entry, Glossary, format_tsv, load_glossaries, parse_tsv, read_tsv, shipped_glossary_dir,
)
from translate.glossary.matching import TermMatch
from translate.glossary.terms import find_terms, target_surface_forms

__all__ = [
    "COLUMNS", "Entry", "Glossary", "TermMatch", "find_terms", "format_tsv", "load_glossaries", "parse_tsv",
    "read_tsv", "shipped_glossary_dir", "target_surface_forms",
]
