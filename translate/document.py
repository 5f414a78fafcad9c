"""Articles as paragraphs, lines and sentences: splitting and reassembly that never loses a paragraph.

A paragraph is a blank-line separated block (a fenced code block is one paragraph even with blank lines inside).
Inside a paragraph, each Markdown line unit (heading, list item, quote) keeps its markup verbatim and only its
text is translated; hard-wrapped lines of running text are joined into one unit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

# --- verbatim material ---------------------------------------------------------------------------------------------

_URL = r"(?:https?://|www\.)[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]}»”’]"
# The lookbehind makes the scan linear: without it a long run of word characters is retried from every position.
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HASHTAG = r"(?<![\w#&])#[^\W_][\w-]*"
_HANDLE = r"(?<![\w@.])@[A-Za-z0-9_]{1,30}"
_NUMBER = r"(?<![\w.,])[+-]?\d+(?:[.,:/\u00a0\u202f]\d+)*(?:%|\b)"
VERBATIM_SPAN = re.compile("|".join(f"(?:{p})" for p in (_URL, _EMAIL, _HASHTAG, _HANDLE, _NUMBER)))

_LETTERS = re.compile(r"[^\W\d_]{2,}")


def verbatim_spans(text: str) -> list[str]:
    """URLs, e-mail addresses, hashtags, @handles and numbers that must appear unchanged in a translation."""
    return [m.group(0) for m in VERBATIM_SPAN.finditer(text)]


_DIGITS = re.compile(r"\d+")
_SEPARATOR = "[.,\u00a0\u202f ]"  # what separates digit groups in either language: 1,700 1.700 1 700 3,5 3.5


def missing_verbatim(text: str, output: str) -> list[str]:
    """The verbatim spans of `text` that `output` lacks. A number counts as present only as a whole number,
    written with any of the separators both languages use ("1,700" in "1.700" or "1 700", not "70" in "1,700")."""
    return [span for span in verbatim_spans(text) if not _present(span, output)]


def _present(span: str, output: str) -> bool:
    groups = _DIGITS.findall(span)
    if not groups or not re.fullmatch(_NUMBER, span) or re.search("[:/]", span):
        return span in output  # not a number, or a time or date (10:30, 24/11/2025): as written
    pattern = re.escape(groups[0])
    for group in groups[1:]:  # a thousands group may lose its separator (1700); a decimal part may not (35)
        pattern += f"{_SEPARATOR}{'?' if len(group) == 3 else ''}{re.escape(group)}"
    return re.search(rf"(?<![\d.,]){pattern}(?!\d|[.,]\d)", output) is not None


# Capitalised words in a row (a name: "Jean-Paul Habimana", "Nyamasheke"), and acronyms (ADF, CODECO).
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*")
# Kinyarwanda months and weekdays, with the months that lose their augment after a locative ("mu Kwakira", "mu
# Gushyingo", "mu Kuboza").
KINYARWANDA_CALENDAR_WORDS = frozenset(
    "mutarama gashyantare werurwe mata gicurasi kamena nyakanga kanama nzeri ukwakira ugushyingo ukuboza mbere kabiri "
    "gatatu kane gatanu gatandatu cyumweru kwakira gushyingo kuboza".split())
CALENDAR_WORDS = _CALENDAR = KINYARWANDA_CALENDAR_WORDS | frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday i "
    # The abbreviations of wire datelines ("KYIV, Nov 24"), which a translation writes out in its own language.
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat".split())
# Kinyarwanda prefixes a name takes (Abanyarwanda, Umunya-Kenya, n'Ukraine): the name is what follows them.
_NAME_PREFIX = re.compile(r"^(?:(?:aba|umu)nya-?|abanye-?|(?:n|nk|w|b|y|ry|cy|by|z|rw|k|tw|bw|kw|h)')",
                          re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_TEXT_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def missing_names(text: str, output: str, covered: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Names and acronyms of `text` (capitalised words that do not open the sentence, outside the `covered`
    spans, which the glossary's report answers for) that `output` does not carry in any form: a name counts as
    present when the stem of its last word (its first five letters, after a Kinyarwanda prefix) is there."""
    lowered = output.translate(_APOSTROPHES).lower()
    words_in_text = _TEXT_WORDS.findall(text)
    if len(words_in_text) >= 4 and all(w[0].isupper() for w in words_in_text):  # a headline in Title Case
        return []
    missing = []
    for match in _CAPITALISED.finditer(text):
        words = match.group(0).split()
        before = text[:match.start()].rstrip(" \"'“‘«([")
        # A sentence's (or a quotation's, or a dateline's "GOMA, Nov 24 (Reuters) - ") first word is capitalised
        # anyway.
        if not before or before[-1] in ".:!?" or before.endswith((" -", "—", "–")):
            words = words[1:]
        words = [w for w in words if w.lower().strip("'’") not in _CALENDAR]
        if not words or any(start < match.end() and match.start() < end for start, end in covered):
            continue
        last = words[-1]  # the surname, or the name after a title: Perezida Kagame
        if _stem(last) not in lowered and not _spelled_by_ear(last, lowered):
            missing.append(" ".join(words))
    return missing


_DEMONYM_END = re.compile(r"(?:ian|ean|an|ese|i)$")  # Ukrainian, European, African, Congolese, Israeli
_VOWELS = re.compile(r"[aeiouy'’-]+")


def _skeleton(word: str) -> str:
    """A word's consonants, with the spellings Kinyarwanda writes by ear made one: c, q -> k; ph -> f."""
    word = word.lower().replace("ph", "f").replace("c", "k").replace("q", "k")
    return re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", word))


def _spelled_by_ear(name: str, lowered_output: str) -> bool:
    """The name written as Kinyarwanda spells it (African: Afurika, Israel: Isirayeli): a word of the output
    (after a name prefix) has the consonants of the name's stem, and at most one more (an ending). Only for names
    of three consonants or more, so a short name is never taken as found by accident."""
    name = _NAME_PREFIX.sub("", name.translate(_APOSTROPHES))
    stem = _DEMONYM_END.sub("", name) if len(name) > 5 else name
    wanted = _skeleton(stem)
    if len(wanted) < 3:
        return False
    skeletons = (_skeleton(_NAME_PREFIX.sub("", word)) for word in re.findall(r"[\w'’-]+", lowered_output))
    return any(found.startswith(wanted) and len(found) <= len(wanted) + 1 for found in skeletons)


def _stem(word: str) -> str:
    word = _NAME_PREFIX.sub("", word.translate(_APOSTROPHES)).strip("'-")
    word = re.sub(r"'s$", "", word)
    return word.lower() if len(word) <= 5 or word.isupper() else word[:5].lower()


def has_words(text: str) -> bool:
    """True when `text` has something to translate once URLs, hashtags, handles and numbers are set aside."""
    return bool(_LETTERS.search(VERBATIM_SPAN.sub(" ", text)))


# --- paragraphs and line units -------------------------------------------------------------------------------------

# Markup that starts a line unit and is kept as written: headings, list items, block quotes (possibly nested).
_MARKUP = re.compile(r"^[ \t]*(?:(?:>[ \t]?)+(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?|#{1,6}[ \t]+|[-*+][ \t]+|\d{1,3}[.)][ \t]+)")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
_QUOTE_ONLY = re.compile(r"^[ \t]*(?:>[ \t]?)+$")


@dataclass(frozen=True)
class LineUnit:
    """One translatable unit of a paragraph: the markup kept verbatim and the text to translate."""

    markup: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    index: int
    source: str  # the paragraph exactly as written (newlines normalised to \n)
    units: tuple[LineUnit, ...]
    is_code: bool = False

    @property
    def text(self) -> str:
        """The translatable text of the paragraph, without markup (used for language detection)."""
        return " ".join(u.text for u in self.units)

    @property
    def has_words(self) -> bool:
        return not self.is_code and any(has_words(u.text) for u in self.units)


def normalise_newlines(text: str) -> str:
    text = text[1:] if text.startswith("\ufeff") else text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _blocks(lines: list[str]) -> Iterator[tuple[list[str], bool]]:
    """Group lines into blank-line separated blocks; a fenced code block stays whole."""
    block: list[str] = []
    fence: str | None = None
    for line in lines:
        match = FENCE.match(line)
        if fence is not None:
            block.append(line)
            if match and match.group(1) == fence:
                yield block, True
                block, fence = [], None
            continue
        if match:
            if block:
                yield block, False
            block, fence = [line], match.group(1)
        elif line.strip():
            block.append(line)
        elif block:
            yield block, False
            block = []
    if block:
        yield block, fence is not None


def _units(lines: list[str]) -> tuple[LineUnit, ...]:
    units: list[LineUnit] = []
    for line in lines:
        match = _MARKUP.match(line)
        markup = match.group(0) if match else ""
        text = line[len(markup):].strip()
        previous = units[-1] if units else None
        continues = previous is not None and not previous.markup.lstrip().startswith("#") and (
            markup == "" or (_QUOTE_ONLY.match(markup) and markup.strip() == previous.markup.strip())
        )
        if continues and previous is not None:
            units[-1] = LineUnit(previous.markup, f"{previous.text} {text}".strip())
        else:
            units.append(LineUnit(markup, text))
    return tuple(units)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split an article into paragraphs. Whitespace-only input gives an empty list."""
    lines = normalise_newlines(text).split("\n")
    paragraphs = []
    for index, (block, is_code) in enumerate(_blocks(lines)):
        units = (LineUnit("", "\n".join(block)),) if is_code else _units(block)
        paragraphs.append(Paragraph(index, "\n".join(block), units, is_code))
    return paragraphs


def block_paragraphs(texts: Sequence[str]) -> list[Paragraph]:
    """A document's blocks as paragraphs: each block is one paragraph, and each of its lines (a line break in a
    heading or cell) one unit, so the translation keeps the break."""
    return [Paragraph(index, text, tuple(LineUnit("", line.strip()) for line in text.split("\n")))
            for index, text in enumerate(texts)]


def join_unit(unit: LineUnit, translated: str) -> str:
    return f"{unit.markup}{translated}" if translated or not unit.markup else unit.markup.rstrip()


# --- sentences -----------------------------------------------------------------------------------------------------

# Abbreviations after which a period does not end a sentence (lower-case, without the period): titles and the like,
# always; the abbreviations of numbers, months and weekdays only before a number ("No. 5", "Nov. 24", "Ugu. 24"),
# since several are words too ("He said no.", "the sun.", "… muri Mata.").
_ABBREVIATIONS = {
    "en": set(
        "mr mrs ms dr prof gen lt col maj capt sgt cpl adm brig cmdr gov sen rep rev amb st mt ft jr sr inc ltd co corp "
        "vs v approx est dept univ e.g i.e a.m p.m u.s u.k u.n".split()
    ),
    # Nyak. (Nyakubahwa, "Honourable"), Amb. (ambassador), Me (Maître); Dr, Gen … as in English.
    "rw": set("dr prof gen lt col maj capt sgt brig nyak hon amb mgr me mme mlle mr mrs".split()),
}
_BEFORE_NUMBERS = {
    "en": set("no nos nr vol fig p pp art jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat "
              "sun".split()),
    # Kinyarwanda months: Mutarama, Gashyantare, Werurwe, Mata, Gicurasi, Kamena, Nyakanga, Kanama, Nzeri,
    # Ukwakira, Ugushyingo, Ukuboza (written out in full in running text; abbreviated in tables and datelines).
    "rw": set("no nr n° art mut gas wer gic kam nya kan nze ukw ugu uku".split()),
}
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-ZÀ-Ý0-9])")
_WORD_BEFORE = re.compile(r"([\w.°]+)\.$", re.UNICODE)
_NUMBER_AFTER = re.compile(r"\s*\d")


def _is_abbreviation(text_before: str, text_after: str, lang: str) -> bool:
    match = _WORD_BEFORE.search(text_before)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "J. Kirby"
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # U.S, e.g, a.m
        return True
    lowered = word.lower()
    if lowered in _ABBREVIATIONS.get(lang, set()) | _ABBREVIATIONS["en"]:
        return True
    before_numbers = _BEFORE_NUMBERS.get(lang, set()) | _BEFORE_NUMBERS["en"]
    return lowered in before_numbers and bool(_NUMBER_AFTER.match(text_after))


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """Split running text into sentences; never inside URLs, numbers or after known abbreviations."""
    spans = [(m.start(), m.end()) for m in VERBATIM_SPAN.finditer(text)]
    starts = [start for start, _ in spans]
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        inside = bisect.bisect_right(starts, match.start()) - 1  # the last span starting at or before it
        if inside >= 0 and match.start() < spans[inside][1]:
            continue
        if match.group(0).startswith(".") and _is_abbreviation(text[start:match.start() + 1], text[end:], lang):
            continue
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


# --- sentences longer than the model's input -----------------------------------------------------------------------

# Where to cut a too-long sentence, best first: clause punctuation before commas before any space.
# The flag says whether the matched punctuation stays with the left piece (";") or starts the right one ("—").
_CUT_PATTERNS = (
    (re.compile(r"[;:]\s+"), True),
    (re.compile(r"\s+[—–-]\s+"), False),
    (re.compile(r",\s+"), True),
    (re.compile(r"\s+"), True),
)


def _cut_near_middle(text: str) -> tuple[str, str]:
    middle = len(text) / 2
    for pattern, keep_left in _CUT_PATTERNS:
        cuts = [m for m in pattern.finditer(text) if 0 < m.start() and m.end() < len(text)]
        if cuts:
            best = min(cuts, key=lambda m: abs(m.start() - middle))
            cut = best.end() if keep_left else best.start()
            return text[:cut].strip(), text[cut:].strip()
    cut = len(text) // 2  # one unbroken token longer than the model input: cut it, nothing is dropped
    return text[:cut], text[cut:]


def split_to_fit(sentence: str, token_count: Callable[[str], int], max_tokens: int) -> list[str]:
    """Split `sentence` into consecutive pieces whose token counts fit `max_tokens`; their join is the sentence."""
    if token_count(sentence) <= max_tokens or len(sentence) < 2:
        return [sentence]
    left, right = _cut_near_middle(sentence)
    if not left or not right:
        return [sentence]
    return split_to_fit(left, token_count, max_tokens) + split_to_fit(right, token_count, max_tokens)
