"""translate_document: article text in, one canonical Result out. Nothing is lost on the way.

Flow: paragraphs -> (language per paragraph: translate, pass through, keep) -> sentences -> pieces that fit the
model -> unique pieces batched by length -> engine -> repetition check and retry -> reassembly in order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from translate.document import Paragraph, has_words, join_unit, split_paragraphs, split_sentences, split_to_fit
from translate.document import verbatim_spans
from translate.engines.base import Engine, Hypothesis
from translate.errors import InkuruError, InputError
from translate.languages import detect_language, get_language, other_language
from translate.result import KEPT, PASSED_THROUGH, TRANSLATED, ParagraphResult, Result, Segment, Signature

ProgressCallback = Callable[[int, int], None]

# Flags a segment or paragraph can carry.
FLAG_SPLIT = "long_sentence_split"  # a sentence longer than the model input was translated in pieces
FLAG_REPETITION_FIXED = "repetition_retried"  # degenerate output fixed by a retry with repetition controls
FLAG_REPETITION = "repetition"  # output still repeats itself after the retry: needs an editor
FLAG_VERBATIM = "missing_verbatim"  # a URL, number, hashtag … of the source is not in the output ("…:<span>")
FLAG_EMPTY = "empty_output"  # the model returned nothing; the source text is kept so nothing is lost


@dataclass(frozen=True)
class TranslateOptions:
    target: str
    source: str = "auto"  # "auto" detects the language of each paragraph
    batch_size: int = 16
    glossary_signature: str = "none"


@dataclass
class _Piece:
    """A unit of model input: one sentence, or one piece of a sentence too long for the model."""

    text: str
    split: bool
    hypothesis: Hypothesis | None = None
    flags: list[str] = field(default_factory=list)


def max_repeat_run(words: list[str], longest_ngram: int = 6) -> int:
    """The largest number of back-to-back repetitions of any n-gram (n <= longest_ngram) in `words`."""
    best = 1
    for n in range(1, longest_ngram + 1):
        for start in range(len(words) - 2 * n + 1):
            run, position = 1, start + n
            while words[position:position + n] == words[start:start + n] and position + n <= len(words):
                run, position = run + 1, position + n
            best = max(best, run)
    return best


def is_degenerate(source: str, hypothesis: Hypothesis) -> bool:
    """Output that loops ("the army the army the army …"), runs far longer than its source, or hit the limit."""
    if not hypothesis.finished:
        return True
    source_words, output_words = source.lower().split(), hypothesis.text.lower().split()
    if len(output_words) > 3 * len(source_words) + 8:
        return True
    return max_repeat_run(output_words) >= max(3, max_repeat_run(source_words) + 2)


def _document_language(paragraphs: list[Paragraph], target: str) -> str:
    """Most paragraphs' language, ignoring those already in the target language; the other language if unclear."""
    votes = Counter(detect_language(p.text).lang for p in paragraphs if p.has_words)
    votes.pop(None, None)
    votes.pop(target, None)
    return votes.most_common(1)[0][0] if votes else other_language(target)


def _classify(paragraph: Paragraph, source: str, target: str) -> tuple[str, str | None]:
    """(action, source language) of one paragraph."""
    if not paragraph.has_words:
        return KEPT, None
    detected = detect_language(paragraph.text).lang
    if detected == target:
        return PASSED_THROUGH, target
    return TRANSLATED, source


class _Translator:
    """Runs the unique pieces of a document through the engine in length-sorted batches."""

    def __init__(self, engine: Engine, source: str, target: str, batch_size: int,
                 progress: ProgressCallback | None) -> None:
        self.engine, self.source, self.target = engine, source, target
        self.batch_size, self.progress = max(1, batch_size), progress

    def pieces_of(self, sentence: str) -> list[_Piece]:
        limit = self.engine.max_input_tokens
        (count,) = self.engine.count_tokens([sentence], self.source)
        if count <= limit:
            return [_Piece(sentence, False)]
        token_count = lambda text: self.engine.count_tokens([text], self.source)[0]  # noqa: E731
        return [_Piece(text, True) for text in split_to_fit(sentence, token_count, limit)]

    def run(self, pieces: list[_Piece]) -> None:
        unique = sorted({p.text for p in pieces}, key=len)
        hypotheses = self._translate_all(unique)
        retry = [text for text in unique if is_degenerate(text, hypotheses[text])]
        fixed: set[str] = set()
        if retry:
            again = self._translate_all(retry, avoid_repetition=True)
            for text in retry:
                if not is_degenerate(text, again[text]):
                    hypotheses[text] = again[text]
                    fixed.add(text)
        for piece in pieces:
            piece.hypothesis = hypotheses[piece.text]
            if piece.split:
                piece.flags.append(FLAG_SPLIT)
            if piece.text in fixed:
                piece.flags.append(FLAG_REPETITION_FIXED)
            elif is_degenerate(piece.text, piece.hypothesis):
                piece.flags.append(FLAG_REPETITION)
            if not piece.hypothesis.text.strip():
                piece.flags.append(FLAG_EMPTY)
                piece.hypothesis = Hypothesis(piece.text, 0, piece.hypothesis.finished)
            piece.flags += [f"{FLAG_VERBATIM}:{s}" for s in verbatim_spans(piece.text) if s not in piece.hypothesis.text]

    def _translate_all(self, texts: list[str], avoid_repetition: bool = False) -> dict[str, Hypothesis]:
        out: dict[str, Hypothesis] = {}
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start:start + self.batch_size]
            results = self.engine.translate_batch(batch, self.source, self.target, avoid_repetition=avoid_repetition)
            out.update(zip(batch, results))
            if self.progress and not avoid_repetition:
                self.progress(min(start + self.batch_size, len(texts)), len(texts))
        return out


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def translate_document(
    text: str,
    engine: Engine,
    options: TranslateOptions,
    *,
    name: str = "-",
    progress: ProgressCallback | None = None,
) -> Result:
    """Translate an article; the Result has exactly one paragraph per source paragraph, in order."""
    target = get_language(options.target).code
    if options.source != "auto" and get_language(options.source).code == target:
        raise InkuruError(f"--from and --to are both {target}; choose the other language for --to")
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise InputError(f"{name}: the input is empty")
    source = options.source if options.source != "auto" else _document_language(paragraphs, target)
    plan = [_classify(p, source, target) for p in paragraphs]
    if all(action != TRANSLATED for action, _ in plan) and any(action == PASSED_THROUGH for action, _ in plan):
        raise InputError(
            f"{name}: the text is already in {get_language(target).name}; "
            f"use --to {other_language(target)} to translate it the other way"
        )
    translator = _Translator(engine, source, target, options.batch_size, progress)
    # paragraph index -> unit index -> sentence pieces (None for sentences kept verbatim)
    layout: dict[int, list[list[list[_Piece] | str]]] = {}
    for paragraph, (action, _) in zip(paragraphs, plan):
        if action == TRANSLATED:
            layout[paragraph.index] = [
                [translator.pieces_of(s) if has_words(s) else s for s in split_sentences(unit.text, source)]
                for unit in paragraph.units
            ]
    translator.run([piece for units in layout.values() for unit in units for s in unit if isinstance(s, list)
                    for piece in s])
    results = [
        _paragraph_result(p, action, lang, layout.get(p.index)) for p, (action, lang) in zip(paragraphs, plan)
    ]
    direction = f"{source}-{target}" if options.source != "auto" else f"auto({source})-{target}"
    signature = Signature(engine.info.model, engine.info.revision, engine.info.backend, direction,
                          int(engine.info.options.get("beam", 1)), options.glossary_signature)
    return Result(name, source, target, signature, results)


def _paragraph_result(paragraph: Paragraph, action: str, lang: str | None,
                      units: list[list[list[_Piece] | str]] | None) -> ParagraphResult:
    if units is None:  # kept or passed through: byte-identical to the source
        return ParagraphResult(paragraph.index + 1, paragraph.source, paragraph.source, lang, action)
    segments: list[Segment] = []
    lines: list[str] = []
    for unit, sentences in zip(paragraph.units, units):
        outputs = []
        for sentence in sentences:
            if isinstance(sentence, str):
                segments.append(Segment(sentence, sentence))
                outputs.append(sentence)
                continue
            # Model output never spans lines: a newline in it would break the paragraph structure.
            translated = " ".join(" ".join(p.hypothesis.text.split()) for p in sentence if p.hypothesis)
            flags = _unique([flag for p in sentence for flag in p.flags])
            segments.append(Segment(" ".join(p.text for p in sentence), translated, flags))
            outputs.append(translated)
        lines.append(join_unit(unit, " ".join(o for o in outputs if o)))
    flags = _unique([flag for s in segments for flag in s.flags])
    return ParagraphResult(paragraph.index + 1, paragraph.source, "\n".join(lines), lang, action, [], flags, segments)
