"""Kinyarwanda term matching generated from each entry's morphology, and the surface forms term placement writes.

One module per concept; each imports only from those before it:
- `forms.py`: the match patterns and surface forms of each entry (rule table R1-R4, derived words, forbidden
  renderings and a term's English words);
- `grammar.py`: R5, the grammar warnings of a match, and which of them placement avoids;
- `senses.py`: the sense of a rendering that has another everyday one, read from its sentence;
- `names.py`: names the glossary does not list (a place inside a longer name, offices and institutions);
- `matcher.py`: `find_kinyarwanda`, which ties them together.
"""

from __future__ import annotations

from translate.glossary.kinyarwanda.forms import (
    INSTITUTION_HEADS, HomeBody, cached_home_bodies, cached_place_homographs, form_contexts, holds_a_name, home_bodies,
    kinyarwanda_surface_forms, organisation_heads, place_homographs, rendering_texts,
)
from translate.glossary.kinyarwanda.grammar import (
    AMBIGUOUS_WARNING, is_english_word, is_note, is_placement_warning, is_source_only,
)
from translate.glossary.kinyarwanda.matcher import find_kinyarwanda, forms_stand_in
from translate.glossary.kinyarwanda.names import TITLE_WORDS, institution_names

__all__ = [
    "AMBIGUOUS_WARNING", "HomeBody", "INSTITUTION_HEADS", "TITLE_WORDS", "cached_home_bodies",
    "cached_place_homographs", "find_kinyarwanda", "form_contexts", "forms_stand_in", "holds_a_name",
    "home_bodies", "institution_names", "is_english_word", "is_note", "is_placement_warning", "is_source_only",
    "kinyarwanda_surface_forms",
    "organisation_heads", "place_homographs", "rendering_texts",
]
