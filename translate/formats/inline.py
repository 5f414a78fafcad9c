"""Inline markup carried onto a translation: each link, emphasis or footnote mark of a source paragraph is placed
on the words of the translation that render the words it wrapped.

The model translates plain sentences (markup inside a sentence would cut it, or come back mangled); the markup is
transferred afterwards, per span and sentence, from the best evidence there is, in this order:

1. `same`: the paragraph was not translated (kept, or already in the target language): the same offsets;
2. `whole`: the span wraps every word of its sentence (or paragraph): it wraps the whole translation of it;
3. `exact`: the wrapped text is a name or number written the same in the translation (Kyiv, MONUSCO, 1,200);
4. `term`: the wrapped words are a glossary term: the rendering the term report found in the translation;
5. `aligned`: the target words the model's cross-attention aligns with the wrapped words (the engine scores the
   translation with its attention: one extra pass per sentence with markup), the best contiguous run of them;
6. `guessed`: no evidence: the same relative position and length. The result flags these for an editor.

A span is never dropped: a link keeps its address even where its words could only be guessed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from translate.engines.placement import SPACE, words_of
from translate.formats import InlineSpan
from translate.result import TRANSLATED, ParagraphResult

SAME, WHOLE, EXACT, TERM, ALIGNED, GUESSED = "same", "whole", "exact", "term", "aligned", "guessed"
FLAG_MARKUP_GUESSED = "markup_guessed"  # "…:<wrapped text>": inline markup placed without evidence
# Attention counts as evidence when the run's words give the wrapped words this many times the share uniform
# attention would (bench/documents.py: with the demo model's weak attention, lower values place more tags on wrong
# words than the flagged relative-position guess does).
ALIGNMENT_CONFIDENCE = 3.0
_STRENGTH = {SAME: 6, WHOLE: 5, EXACT: 4, TERM: 3, ALIGNED: 2, GUESSED: 1}

_EDGE_PUNCTUATION = "\"'“‘«([{¿¡„.,;:!?)]}»”…"
NAME_OR_NUMBER = re.compile(r"[A-ZÀ-Ý0-9]")

# (source sentences, their translations) -> per pair, a target-words x source-words attention matrix (or None).
Aligner = Callable[[list[str], list[str]], list["list[list[float]] | None"]]


@dataclass(frozen=True)
class Sentence:
    """One segment of a paragraph, located: where its source and its translation lie in the paragraph's texts."""

    source: tuple[int, int]
    target: tuple[int, int]


def locate_segments(paragraph: ParagraphResult) -> list[Sentence]:
    """Where each segment lies in the paragraph's source and target (both are its segments joined in order)."""
    located = []
    source_at = target_at = 0
    for segment in paragraph.segments:
        s = paragraph.source.find(segment.source, source_at)
        t = paragraph.target.find(segment.target, target_at) if segment.target else -1
        if s < 0:
            continue
        if t < 0:
            t = target_at
        located.append(Sentence((s, s + len(segment.source)), (t, t + len(segment.target))))
        source_at, target_at = s + len(segment.source), t + len(segment.target)
    return located


def alignment_pairs(paragraph: ParagraphResult, spans: Sequence[InlineSpan]) -> list[tuple[str, str]]:
    """The (source, target) sentences whose word alignment the spans of this paragraph may need."""
    if paragraph.action != TRANSLATED or not spans:
        return []
    pairs = []
    for sentence in locate_segments(paragraph):
        if any(span.start < sentence.source[1] and sentence.source[0] < span.end or span.start == span.end
               and sentence.source[0] <= span.start <= sentence.source[1] for span in spans):
            pairs.append((paragraph.source[slice(*sentence.source)], paragraph.target[slice(*sentence.target)]))
    return pairs


def project_spans(paragraph: ParagraphResult, spans: Sequence[InlineSpan],
                  alignments: dict[tuple[str, str], list[list[float]] | None]) -> list[tuple[tuple[int, int], str]]:
    """Per span: its (start, end) in the paragraph's target and how it was placed (see the module's doc)."""
    if paragraph.action != TRANSLATED:
        return [((span.start, span.end), SAME) for span in spans]
    sentences = locate_segments(paragraph)
    return [_project(paragraph, span, sentences, alignments) for span in spans]


def _project(paragraph: ParagraphResult, span: InlineSpan, sentences: list[Sentence],
             alignments: dict[tuple[str, str], list[list[float]] | None]) -> tuple[tuple[int, int], str]:
    if span.start == span.end:
        return _project_point(paragraph, span.start, sentences, alignments)
    if _covers(paragraph.source, span.start, span.end, 0, len(paragraph.source)):
        return _trimmed(paragraph.target, 0, len(paragraph.target)), WHOLE
    placed = []
    for sentence in sentences:
        start, end = max(span.start, sentence.source[0]), min(span.end, sentence.source[1])
        if start < end and paragraph.source[start:end].strip(_EDGE_PUNCTUATION + " "):
            placed.append(_project_part(paragraph, start, end, sentence, alignments))
    if not placed:
        return _guess(paragraph.source, paragraph.target, span.start, span.end, 0, 0), GUESSED
    how = min((how for _, how in placed), key=_STRENGTH.__getitem__)
    return (min(s for (s, _), _ in placed), max(e for (_, e), _ in placed)), how


def _project_part(paragraph: ParagraphResult, start: int, end: int, sentence: Sentence,
                  alignments: dict[tuple[str, str], list[list[float]] | None]) -> tuple[tuple[int, int], str]:
    source, target = paragraph.source, paragraph.target
    (s0, s1), (t0, t1) = sentence.source, sentence.target
    if _covers(source, start, end, s0, s1):
        return _trimmed(target, t0, t1), WHOLE
    wrapped = source[start:end].strip(_EDGE_PUNCTUATION + " ")
    found = _exact(wrapped, target, t0, t1, (start - s0) / max(1, s1 - s0))
    if found is not None:
        return found, EXACT
    term = _term(paragraph, start, end)
    if term is not None and t0 <= term[0] and term[1] <= t1:
        return term, TERM
    matrix = alignments.get((source[s0:s1], target[t0:t1]))
    if matrix:
        aligned = _aligned(source[s0:s1], target[t0:t1], start - s0, end - s0, matrix)
        if aligned is not None:
            return (aligned[0] + t0, aligned[1] + t0), ALIGNED
    return _guess(source, target, start, end, s0, t0, s1, t1), GUESSED


def _project_point(paragraph: ParagraphResult, at: int, sentences: list[Sentence],
                   alignments: dict[tuple[str, str], list[list[float]] | None]) -> tuple[tuple[int, int], str]:
    """A zero-width object (a footnote mark, a picture): at the start or end of its sentence when it is there,
    else after the translation of the word before it."""
    source, target = paragraph.source, paragraph.target
    for sentence in sentences:
        (s0, s1), (t0, t1) = sentence.source, sentence.target
        if not s0 <= at <= s1:
            continue
        if not source[s0:at].strip(_EDGE_PUNCTUATION + " "):
            return (t0, t0), EXACT
        if not source[at:s1].strip(_EDGE_PUNCTUATION + " "):
            return (t1, t1), EXACT
        before = [w for w in words_of(source[s0:s1]) if w.end <= at - s0]
        matrix = alignments.get((source[s0:s1], target[t0:t1]))
        if before and matrix:
            aligned = _aligned(source[s0:s1], target[t0:t1], before[-1].start, before[-1].end, matrix)
            if aligned is not None:
                return (aligned[1] + t0, aligned[1] + t0), ALIGNED
        point = _guess(source, target, at, at, s0, t0, s1, t1)[0]
        return (point, point), GUESSED
    point = round(at / max(1, len(source)) * len(target))
    return (point, point), GUESSED


def _covers(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """True when [start, end) holds every word of text[lo:hi]."""
    words = words_of(text[lo:hi])
    return bool(words) and start <= lo + words[0].start and lo + words[-1].end <= end


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    """text[lo:hi] without the spaces around it (a whole sentence's markup wraps its words and punctuation)."""
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _exact(wrapped: str, target: str, t0: int, t1: int, relative: float) -> tuple[int, int] | None:
    """The wrapped text written the same in the translation, as whole words, when it is a name or a number (an
    everyday word written the same is a coincidence, not evidence)."""
    if len(wrapped) < 2 or not NAME_OR_NUMBER.search(wrapped):
        return None
    pattern = re.compile(rf"(?<![\w]){re.escape(wrapped)}(?![\w])")
    found = [m for m in pattern.finditer(target, t0, t1)]
    if not found:
        return None
    best = min(found, key=lambda m: abs((m.start() - t0) / max(1, t1 - t0) - relative))
    return best.start(), best.end()


def _term(paragraph: ParagraphResult, start: int, end: int) -> tuple[int, int] | None:
    """The target span of a glossary term that the wrapped words are (most of)."""
    wrapped = words_of(paragraph.source[start:end])
    for term in paragraph.terms:
        source_span, target_span = term.get("source_span"), term.get("target_span")
        if not source_span or not target_span:
            continue
        t_start, t_end = source_span
        overlap = [w for w in wrapped if start + w.start < t_end and t_start < start + w.end]
        term_words = words_of(paragraph.source[t_start:t_end])
        if overlap and 2 * len(overlap) >= len(wrapped) and len(term_words) <= len(wrapped) + 1:
            return target_span[0], target_span[1]
    return None


def _aligned(source: str, target: str, start: int, end: int, matrix: list[list[float]]) -> tuple[int, int] | None:
    """The best contiguous run of target words the attention aligns with the source words in [start, end)."""
    source_words, target_words = words_of(source), words_of(target)
    if len(matrix) != len(target_words) or not source_words:
        return None
    wrapped = {i for i, w in enumerate(source_words) if w.start < end and start < w.end}
    if not wrapped:
        return None
    best_source = [max(range(len(row)), key=row.__getitem__) if any(row) else -1 for row in matrix]
    chosen = [t for t, s in enumerate(best_source) if s in wrapped]
    if not chosen:  # the other direction: each wrapped word's most attending target word
        columns = [max(range(len(matrix)), key=lambda t: matrix[t][s]) for s in wrapped if any(r[s] for r in matrix)]
        chosen = sorted(set(columns))
    if not chosen:
        return None
    runs: list[list[int]] = [[chosen[0]]]
    for t in chosen[1:]:
        if t - runs[-1][-1] <= 2:  # one unaligned word inside the run (a connective) stays in it
            runs[-1].append(t)
        else:
            runs.append([t])
    weight = lambda run: sum(matrix[t][s] for t in range(run[0], run[-1] + 1) for s in wrapped)  # noqa: E731
    run = max(runs, key=weight)
    # Evidence only where the run's words attend to the wrapped words clearly more than to the rest of the
    # sentence: diffuse attention (a weak model, an unusual sentence) is no better than a guess, and is flagged.
    share = sum(sum(matrix[t][s] for s in wrapped) / max(1e-9, sum(matrix[t])) for t in run) / len(run)
    if share < min(0.9, ALIGNMENT_CONFIDENCE * len(wrapped) / len(source_words)):
        return None
    return target_words[run[0]].start, target_words[run[-1]].end


def _guess(source: str, target: str, start: int, end: int, s0: int, t0: int, s1: int | None = None,
           t1: int | None = None) -> tuple[int, int]:
    """The target words at the span's relative position in its sentence, as many as it wraps (at least one)."""
    s1 = len(source) if s1 is None else s1
    t1 = len(target) if t1 is None else t1
    source_words = words_of(source[s0:s1])
    target_words = words_of(target[t0:t1])
    if not target_words:
        return t0, t0
    inside = [i for i, w in enumerate(source_words) if w.start < end - s0 and start - s0 < w.end]
    if not inside:
        point = t0 + round((start - s0) / max(1, s1 - s0) * (t1 - t0))
        return point, point
    scale = len(target_words) / max(1, len(source_words))
    first = min(len(target_words) - 1, int(inside[0] * scale))
    last = min(len(target_words) - 1, max(first, round((inside[-1] + 1) * scale) - 1))
    return t0 + target_words[first].start, t0 + target_words[last].end


# --- word alignment from a model's cross-attention -----------------------------------------------------------------


def word_attention(source: str, target: str, source_pieces: Sequence[str], target_pieces: Sequence[str],
                   attention: Sequence[Sequence[float]]) -> list[list[float]]:
    """Target words x source words: the summed attention of each target word's pieces on each source word's."""
    source_words, target_words = words_of(source), words_of(target)
    source_of = _piece_words(source_pieces, source, source_words)
    target_of = _piece_words(target_pieces, target, target_words)
    matrix = [[0.0] * len(source_words) for _ in target_words]
    for piece, t in enumerate(target_of):
        if t is None or piece >= len(attention):
            continue
        for j, weight in enumerate(attention[piece]):
            s = source_of[j] if j < len(source_of) else None
            if s is not None:
                matrix[t][s] += weight
    return matrix


def _piece_words(pieces: Sequence[str], text: str, words: Sequence[object]) -> list[int | None]:
    """The word each piece belongs to, found by walking the text's visible characters; a piece that is not in the
    text (</s>, a language tag, <unk>) belongs to none, and the walk looks a few characters ahead to recover."""
    visible = [i for i, c in enumerate(text) if not c.isspace()]
    starts = [w.start for w in words]
    owners: list[int | None] = []
    at = 0
    for piece in pieces:
        chars = "".join(c for c in piece.replace(SPACE, "") if not c.isspace())
        found = None
        if chars:
            for shift in range(0, 4):
                k = at + shift
                if k + len(chars) <= len(visible) and all(text[visible[k + n]] == c for n, c in enumerate(chars)):
                    found = k
                    break
        if found is None:
            owners.append(None)
            continue
        position = visible[found]
        owners.append(max(0, bisect.bisect_right(starts, position) - 1) if words else None)
        at = found + len(chars)
    return owners


def engine_aligner(engine: object, source: str, target: str, batch: int = 16) -> Aligner | None:
    """An Aligner from an engine that can score a translation with its attention (both model engines can; the
    translation memory passes it through). None for an engine without (the identity engine)."""
    score_batch = getattr(engine, "score_batch", None)
    if score_batch is None:
        return None

    def align(sources: list[str], targets: list[str]) -> list[list[list[float]] | None]:
        out: list[list[list[float]] | None] = []
        for i in range(0, len(sources), batch):
            scored = score_batch(sources[i:i + batch], targets[i:i + batch], source, target, alignment=True)
            for s, t, result in zip(sources[i:i + batch], targets[i:i + batch], scored):
                out.append(word_attention(s, t, result.source_pieces, result.pieces, result.alignment)
                           if result.alignment else None)
        return out

    return align
