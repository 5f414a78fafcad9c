"""Term constraints: plain data the glossary builds and the engines read (neither side owns the other).

A `TermConstraint` says what one glossary term asks of a translation: any one of its target-language `forms`
satisfies it. `contexts` (parallel to `forms`, optional) says where a form may stand, so that an engine placing
a term into a sentence tries each form only where the target grammar allows it: an augmentless Kinyarwanda form
(Burusiya) after a locative, a full connective, a demonstrative or "other", an elided one (y'Uburusiya) in
place of its full connective (ya).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class FormContext:
    """Where one form of a term may stand. Words are compared lower-case; empty sets mean "anywhere"."""

    after: frozenset[str] = frozenset()  # the word right before the form must be one of these
    # The form stands for a word it replaces (an elided connective for its full form: y'Uburusiya for "ya …");
    # an entry ending in an apostrophe matches a word that starts with it (y'Amerika).
    replaces: frozenset[str] = frozenset()

    def fits(self, before: str, replaced: str) -> bool:
        """May the form follow the word `before` and stand where the word `replaced` starts ("" for none)?"""
        if self.after and before.lower() not in self.after:
            return False
        if not self.replaces:
            return True
        word = replaced.lower()
        return any(word == r or (r.endswith("'") and word.startswith(r)) for r in self.replaces)


ANYWHERE = FormContext()


@dataclass(frozen=True)
class TermConstraint:
    """A glossary term the output must contain: any one of `forms` (target-language surface strings) will do."""

    key: str  # the glossary entry id
    forms: tuple[str, ...]  # most preferred first
    hard: bool = False  # placed in every steering mode, whatever it costs (names kept verbatim)
    source: str = ""  # the term as the source sentence has it (engines may align it to place the term)
    # Optional: the grades of the term's occurrences in a text, best first (see `grade`), by the glossary matcher;
    # engines that use it make their notion of "present" agree with the term report.
    check: Callable[[str], tuple[int, ...]] | None = field(default=None, compare=False, repr=False)
    contexts: tuple[FormContext, ...] = ()  # parallel to `forms`; missing entries mean ANYWHERE
    count: int = 1  # renderings the translation needs: the sentence uses the term this many times

    def context(self, index: int) -> FormContext:
        return self.contexts[index] if index < len(self.contexts) else ANYWHERE

    def occurrences(self, text: str) -> tuple[int, ...]:
        """The grade of each rendering of the term in `text`, best first: FLAWED (there, with a warning the
        report will show: a verb that does not agree) or CLEAN. With the glossary's `check`, a form placed where
        the grammar does not allow it ("muri Uburusiya") is not a rendering; without one, every form found is."""
        if self.check is not None:
            return self.check(text)
        pattern = "|".join(re.escape(f) for f in sorted(self.forms, key=len, reverse=True))
        return (CLEAN,) * len(re.findall(pattern, text, re.IGNORECASE)) if pattern else ()

    def grade(self, text: str) -> int:
        """How well `text` carries the term as many times as it needs: ABSENT (too few renderings), FLAWED or
        CLEAN (the worst of the renderings it needs)."""
        found = self.occurrences(text)
        return found[self.count - 1] if len(found) >= self.count else ABSENT

    def met_by(self, text: str) -> bool:
        return self.grade(text) > ABSENT


ABSENT, FLAWED, CLEAN = 0, 1, 2
