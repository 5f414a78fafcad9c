"""R5: the grammar warnings of a matched Kinyarwanda term (a forbidden or dialect spelling, an augment after a
locative, a prefixless name after mu/ku, subject agreement with the verb), and which of them term placement avoids.
"""

from __future__ import annotations

from translate.glossary.entries import Entry
from translate.glossary.kinyarwanda.forms import Form
from translate.glossary.morphology import LOCATIVES, NAME_LOCATIVES, NOUN_CLASSES, VOWELS, connective, subject_classes
from translate.glossary.textnorm import Token


SUBJECT_OPENERS = frozenset({"ko", "kandi", "ariko", "ubwo", "none", "naho"})


def _rest_display(tokens: list[Token], i: int, form: Form) -> str:
    """The augmentless spelling of a matched augmented head, cased like the text: Uburusiya -> Burusiya."""
    if form.kind == "free":
        return tokens[i + 1].orig
    word = tokens[i].orig
    return word[1:2].upper() + word[2:] if word[:1].isupper() else word[1:]


_LOOKALIKES = {"9": "10", "10": "9", "1": "3", "3": "1"}  # same prefixes, different agreement


def _subject_position(tokens: list[Token], i: int) -> bool:
    if i == 0 or tokens[i].after_sentence_break:
        return True
    return tokens[i].joined and tokens[i - 1].norm in SUBJECT_OPENERS


def _agreement_warning(tokens: list[Token], i: int, j: int, form: Form, surface: str) -> str | None:
    """R5: the verb after a subject must carry the subject's class concord (Uburusiya bw-agabye)."""
    if not form.cls or j >= len(tokens) or not tokens[j].joined or not _subject_position(tokens, i):
        return None
    verb = tokens[j]
    if verb.orig[:1].isupper():  # a capitalised word after the subject is a name ("Uruganda Zone …"), not its verb
        return None
    found = subject_classes(verb.norm)
    expected = NOUN_CLASSES[form.cls].agreement
    lookalike = _LOOKALIKES.get(expected)
    lookalike = lookalike if form.guessed or _connective_agrees(tokens, i, j, lookalike, expected) else None
    if found is None or expected in found[1] or lookalike in found[1]:
        return None
    onset = found[0]
    concords = NOUN_CLASSES[expected].concords
    glide = next((c for c in concords if c[-1] not in VOWELS), concords[-1])
    return (f"{_AGREEMENT} '{surface} {verb.orig}': a class {expected} subject takes "
            f"{'-/'.join(concords)}- on the verb ('{glide}{verb.orig[len(onset):]}')")


def _connective_agrees(tokens: list[Token], i: int, j: int, cls: str | None, other: str) -> bool:
    """Whether the match's own connective, right after its head, agrees with class `cls` and not with `other`, the
    class its head shares a prefix with: indege z'intambara and indege y'intambara share a head, and z' says it is
    the plural (class 10). Classes 1 and 3 share their connective (w'): it says nothing."""
    if cls is None or i + 1 >= j or connective(cls) == connective(other):
        return False
    elided = connective(cls)
    return tokens[i + 1].norm.rstrip("'") in (elided, elided + "a")


_PREFIXLESS_NAME = "a prefixless name takes"
_AGREEMENT = "subject agreement:"
_FORBIDDEN = "forbidden rendering"
_ENGLISH = "(English)"
_AUGMENT_AFTER_NAME_LOCATIVE = "a class noun loses its augment after a locative"
_AUGMENT_AFTER_LOCATIVE = "drop the augment after"
_GLUED = "locative written joined"
_DIALECT = "Kirundi spelling"
_SENSE = AMBIGUOUS_WARNING = "ambiguous:"
_PLACEMENT = (_FORBIDDEN, _AUGMENT_AFTER_NAME_LOCATIVE, _AUGMENT_AFTER_LOCATIVE, _GLUED, _DIALECT)


# Notes on matches found by reading the text around them, not the term as written: a surname alone standing for a
# person named in full earlier, a term inside a hashtag. A translation is not asked to carry them as terms.
SURNAME_NOTE = "the surname of"
HASHTAG_NOTE = "in a hashtag"


def is_english_word(warnings: tuple[str, ...] | list[str]) -> bool:
    """Whether a match is a term's English word written in Kinyarwanda text (ceasefire), by its warning."""
    return any(w.startswith(_FORBIDDEN) and _ENGLISH in w for w in warnings)


def is_note(warning: str) -> bool:
    """Whether a warning only says how a match was found (a surname, a hashtag): no fault of the text."""
    return warning.startswith((SURNAME_NOTE, HASHTAG_NOTE))


def is_source_only(warnings: tuple[str, ...] | list[str]) -> bool:
    """Whether a match is one a translation need not carry as a term of its own: a term's English word, a
    surname standing for a person named earlier, a term inside a hashtag."""
    return is_english_word(warnings) or any(is_note(w) for w in warnings)


def is_placement_warning(message: str) -> bool:
    """True for a warning about the term's own form or the word before it (a forbidden or dialect spelling, an
    augment after a locative), which a decoder can avoid where it places the term. Not subject agreement, which
    depends on the verb that follows, nor 'mu Ukraine', which is mended after decoding (`fix_locatives`)."""
    return any(fragment in message for fragment in _PLACEMENT)


def _warnings(tokens: list[Token], i: int, j: int, form: Form, surface: str, entry: Entry | None) -> list[str]:
    warnings: list[str] = []
    prev = tokens[i - 1] if i > 0 and tokens[i].joined else None
    if form.kind == "forbidden":
        warnings.append(f"{_FORBIDDEN} '{surface}'; use '{form.preferred}'")
    elif form.kind == "english":  # a forbidden rendering too: left in a translation, it is no rendering at all
        warnings.append(f"{_FORBIDDEN} '{surface}' {_ENGLISH}; use '{form.preferred}'")
    elif form.kind in ("augmented", "free") and prev is not None:
        if prev.norm in NAME_LOCATIVES:
            loc = prev.norm[:2]
            warnings.append(f"'{prev.orig} {surface}': {_AUGMENT_AFTER_NAME_LOCATIVE}; "
                            f"write '{loc} {_rest_display(tokens, i, form)}'")
        elif prev.norm in LOCATIVES and prev.norm not in ("nta", "buri"):
            warnings.append(f"'{prev.orig} {surface}': {_AUGMENT_AFTER_LOCATIVE} '{prev.orig}'; "
                            f"write '{prev.orig} {_rest_display(tokens, i, form)}'")
    elif form.kind == "name" and prev is not None and prev.norm in ("mu", "ku") and entry is not None \
            and entry.type == "place" and tokens[i].norm[0] in VOWELS:
        warnings.append(f"'{prev.orig} {surface}': {_PREFIXLESS_NAME} {prev.norm}ri; "
                        f"write '{prev.orig}ri {surface}'")
    elif form.kind == "glued":
        warnings.append(f"{_GLUED} (Kirundi/Kinyamulenge style): write "
                        f"'{surface[:2]} {surface[2:]}'")
    elif form.kind == "dialect":
        warnings.append(f"{_DIALECT} '{surface}'; Kinyarwanda writes '{form.preferred}'")
    if form.kind != "related":
        agreement = _agreement_warning(tokens, i, j, form, surface)
        if agreement:
            warnings.append(agreement)
    return warnings
