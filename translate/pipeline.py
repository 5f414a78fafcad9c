"""translate_document: article text in, one canonical Result out. Nothing is lost on the way.

Flow: paragraphs -> (language per paragraph: translate, pass through, keep) -> sentences -> pieces that fit the
model -> unique pieces batched by length -> engine -> repetition check and retry -> reassembly in order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from translate.document import Paragraph, has_words, join_unit, split_paragraphs, split_sentences, split_to_fit
from translate.document import missing_names, missing_verbatim
from translate.constraints import TermConstraint
from translate.engines.base import Engine, Hypothesis
from translate.errors import InkuruError, InputError
from translate.languages import detect_language, get_language, other_language
from translate.result import HUMAN_FLAG, KEPT, PASSED_THROUGH, TRANSLATED, ParagraphResult, Result, Segment, Signature

MISSING_STATUS = "missing"  # the term report's status (glossary.apply.MISSING, not imported at start-up)

if TYPE_CHECKING:
    from translate.glossary import Glossary
    from translate.glossary.apply import TermReport

ProgressCallback = Callable[[int, int], None]

_PUNCTUATION = re.compile(r"[^\w']")
_STUTTER = re.compile(r"(\S{1,6}?)\1{4,}")
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")

# Flags a segment or paragraph can carry.
FLAG_SPLIT = "long_sentence_split"  # a sentence longer than the model input was translated in pieces
FLAG_REPETITION_FIXED = "repetition_retried"  # degenerate output fixed by a retry with repetition controls
FLAG_REPETITION = "repetition"  # output still repeats itself after the retry: needs an editor
FLAG_VERBATIM = "missing_verbatim"  # a URL, number, hashtag … of the source is not in the output ("…:<span>")
FLAG_EMPTY = "empty_output"  # the model returned nothing; the source text is kept so nothing is lost
FLAG_NOT_PLACED = "term_not_placed"  # "…:<entry>": strict mode found no place for the term the matcher accepts
FLAG_NAME = "missing_name"  # "…:<name>": a name of the source that the translation lacks
FLAG_QUOTE = "quote_kept"  # a quotation already in the target language, kept as the journalist quoted it
FLAG_LOCATIVE = "locative_fixed"  # "mu Ukraine" corrected to "muri Ukraine" after decoding
FLAG_ENFORCED = "terms_enforced"  # glossary terms were placed into the model's translation
FLAG_HUMAN = HUMAN_FLAG  # an editor's approved translation from the memory, not the model's


@dataclass(frozen=True)
class TranslateOptions:
    target: str
    source: str = "auto"  # "auto" detects the language of each paragraph
    batch_size: int = 16
    glossary: Glossary | None = None
    glossary_mode: str = "prefer"  # strict: every term placed; prefer: where the model finds a place; check: report
    max_batch_tokens: int | None = None  # also cap a batch's padded input size (sentences x longest)

    @property
    def glossary_signature(self) -> str:
        return f"{self.glossary.signature}+{self.glossary_mode}" if self.glossary is not None else "none"


@dataclass(frozen=True)
class _Kept:
    """Text kept as written: nothing to translate in it, or a quotation already in the target language."""

    text: str
    quote: bool


@dataclass
class _Piece:
    """A unit of model input: one sentence, or one piece of a sentence too long for the model."""

    text: str
    split: bool
    hypothesis: Hypothesis | None = None
    flags: list[str] = field(default_factory=list)
    output: str = ""  # the hypothesis text after post-decoding fixes
    human: str | None = None  # an approved human translation of the text: used instead of the engine's


def max_repeat_run(words: list[str], longest_ngram: int = 6) -> int:
    """The largest number of back-to-back repetitions of any n-gram (n <= longest_ngram) in `words`, compared
    without case and punctuation ("u Burundi, u Burundi, u Burundi" repeats "u burundi" three times)."""
    words = [w for w in (_PUNCTUATION.sub("", word).lower() for word in words) if w]
    best = 1
    for n in range(1, longest_ngram + 1):
        for start in range(len(words) - 2 * n + 1):
            run, position = 1, start + n
            while words[position:position + n] == words[start:start + n] and position + n <= len(words):
                run, position = run + 1, position + n
            best = max(best, run)
    return best


def is_degenerate(source: str, hypothesis: Hypothesis) -> bool:
    """Output that loops ("the army the army the army …", "ishinshinshinshin", ",,,,,,,,"), runs far longer
    than its source, or hit the limit."""
    if not hypothesis.finished:
        return True
    source_words, output_words = source.split(), hypothesis.text.split()
    if len(output_words) > 3 * len(source_words) + 8:
        return True
    if max_repeat_run(output_words) >= max(3, max_repeat_run(source_words) + 2):
        return True
    return any(loop not in source for loop in _stutters(hypothesis.text))


def _stutters(text: str) -> list[str]:
    """Runs of one to six characters repeated five times or more without a space ("shinshinshinshinshin",
    ",,,,,", "bibibibibi"): a loop inside a word, which the word count cannot see. Digits do not count
    (1,000,000,000)."""
    found = []
    for match in _STUTTER.finditer(text):
        unit = match.group(1)
        if not (any(c.isdigit() for c in unit) and all(c.isdigit() or c in ",. " for c in unit)):
            found.append(match.group(0))
    return found


def _document_language(paragraphs: list[Paragraph], target: str) -> str:
    """Most paragraphs' language, ignoring those already in the target language; the other language if unclear."""
    votes = Counter(detect_language(p.text).lang for p in paragraphs if p.has_words)
    votes.pop(None, None)
    votes.pop(target, None)
    return votes.most_common(1)[0][0] if votes else other_language(target)


def _classify(paragraph: Paragraph, source: str, target: str, explicit: bool) -> tuple[str, str | None]:
    """(action, source language) of one paragraph: passed through when, as a whole, it is already in the target
    language, unless the user named the source language (then every paragraph with words is translated)."""
    if not paragraph.has_words:
        return KEPT, None
    if not explicit and detect_language(paragraph.text).lang == target:
        return PASSED_THROUGH, target
    return TRANSLATED, source


# A quotation: straight or curly double quotes, or guillemets, around at least a few characters, with the
# punctuation that closes it ('"…",' and '"…".' stay whole when kept).
_QUOTATION = re.compile(r"(?:\"[^\"]{6,}\"|“[^”]{6,}”|«[^»]{6,}»|„[^“”]{6,}[“”])[.,;:!?]*")


def _parts(sentence: str, target: str) -> list[tuple[str, bool]]:
    """The sentence cut around quotations already in the target language, which the journalist quoted as said:
    (text, keep verbatim) in order. A sentence without such a quotation is one part."""
    parts: list[tuple[str, bool]] = []
    start = 0
    for match in _QUOTATION.finditer(sentence):
        quoted = match.group(0).rstrip(".,;:!?")[1:-1]
        if len(quoted.split()) < 3 or detect_language(quoted).lang != target:
            continue
        parts += [(sentence[start:match.start()].strip(), False), (match.group(0), True)]
        start = match.end()
    parts.append((sentence[start:].strip(), False))
    return [(text, keep) for text, keep in parts if text] if start else [(sentence, False)]


class _Translator:
    """Runs the unique pieces of a document through the engine in length-sorted batches."""

    def __init__(self, engine: Engine, source: str, target: str, options: TranslateOptions,
                 progress: ProgressCallback | None) -> None:
        self.engine, self.source, self.target = engine, source, target
        self.batch_size, self.progress = max(1, options.batch_size), progress
        self.max_batch_tokens = options.max_batch_tokens
        self._token_counts: dict[str, int] = {}
        self.glossary = options.glossary
        self.enforce = options.glossary is not None and options.glossary_mode != "check"
        self.strict = options.glossary_mode == "strict"
        self._constraints: dict[str, list[TermConstraint]] = {}

    def terms(self, text: str) -> list[TermConstraint]:
        """The glossary terms of `text`, as constraints on its translation (cached: asked for several times)."""
        if self.glossary is None:
            return []
        if text not in self._constraints:
            from translate.glossary.apply import term_constraints

            self._constraints[text] = term_constraints(text, self.source, self.target, self.glossary)
        return self._constraints[text]

    def glossary_spans(self, text: str) -> list[tuple[int, int]]:
        return [] if self.glossary is None else _glossary_spans(text, self.source, self.glossary)

    def constraints(self, text: str) -> list[TermConstraint]:
        """The terms the engine is to place in the translation of `text` (none in check mode)."""
        return self.terms(text) if self.enforce else []

    def token_count(self, text: str) -> int:
        if text not in self._token_counts:
            self._token_counts[text] = self.engine.count_tokens([text], self.source)[0]
        return self._token_counts[text]

    def pieces_of(self, sentence: str) -> list[_Piece]:
        limit = self.engine.max_input_tokens
        if self.token_count(sentence) <= limit:
            return [_Piece(sentence, False)]
        return [_Piece(text, True) for text in split_to_fit(sentence, self.token_count, limit)]

    def batches(self, texts: list[str]) -> list[list[str]]:
        """Consecutive batches of `texts` (sorted by length): at most batch_size sentences and, with a token
        budget, at most max_batch_tokens padded tokens (a sentence over the budget goes alone)."""
        batches: list[list[str]] = []
        current: list[str] = []
        longest = 0
        for text in texts:
            tokens = self.token_count(text) if self.max_batch_tokens else 0
            widest = max(longest, tokens)
            over_budget = self.max_batch_tokens is not None and widest * (len(current) + 1) > self.max_batch_tokens
            if current and (len(current) >= self.batch_size or over_budget):
                batches.append(current)
                current, widest = [], tokens
            current.append(text)
            longest = widest
        if current:
            batches.append(current)
        return batches

    def run(self, pieces: list[_Piece]) -> None:
        for piece in pieces:
            if piece.human is not None:
                self._finish_human(piece)
        pieces = [p for p in pieces if p.human is None]
        unique = sorted({p.text for p in pieces}, key=len)
        # The engine translates and places the glossary terms its translation lacks (strict: every term;
        # prefer: where the model finds a place for them), in the same call: one pass over the document.
        terms = {text: found for text in unique if (found := self.constraints(text))}
        hypotheses = self._translate_all(unique, constraints=terms, report=True)
        retry = [text for text in unique if is_degenerate(text, hypotheses[text])]
        fixed: set[str] = set()
        if retry:
            again = self._translate_all(retry, avoid_repetition=True, constraints={t: terms[t] for t in retry
                                                                                    if t in terms})
            for text in retry:
                if not is_degenerate(text, again[text]):
                    hypotheses[text] = again[text]
                    fixed.add(text)
        for piece in pieces:
            hypothesis = hypotheses[piece.text]
            self._finish(piece, hypothesis, piece.text in fixed)
            if hypothesis.steered:
                piece.flags.append(FLAG_ENFORCED)

    def _finish_human(self, piece: _Piece) -> None:
        """An editor's approved translation is used as written; the checks still run, as on any output."""
        assert piece.human is not None
        piece.hypothesis = Hypothesis(piece.human, len(piece.human.split()))
        piece.output = _LINE_BREAKS.sub(" ", piece.human).strip()
        piece.flags.append(FLAG_HUMAN)
        self._check_output(piece)

    def _finish(self, piece: _Piece, hypothesis: Hypothesis, retried: bool) -> None:
        piece.hypothesis = hypothesis
        if piece.split:
            piece.flags.append(FLAG_SPLIT)
        if retried:
            piece.flags.append(FLAG_REPETITION_FIXED)
        elif is_degenerate(piece.text, hypothesis):
            piece.flags.append(FLAG_REPETITION)
        # Model output never spans lines: a line break in it would break the paragraph structure. Other
        # whitespace (a no-break space inside "6 000") is kept.
        piece.output = _LINE_BREAKS.sub(" ", hypothesis.text).strip()
        if not piece.output:
            piece.flags.append(FLAG_EMPTY)
            piece.output = piece.text
        if self.strict:
            piece.flags += [f"{FLAG_NOT_PLACED}:{key}" for key in hypothesis.unmet]
        if self.enforce and self.glossary is not None and self.target == "rw":
            from translate.glossary.apply import fix_locatives

            piece.output, fixes = fix_locatives(piece.output, self.glossary)
            if fixes:
                piece.flags.append(FLAG_LOCATIVE)
        self._check_output(piece)

    def _check_output(self, piece: _Piece) -> None:
        piece.flags += [f"{FLAG_VERBATIM}:{s}" for s in missing_verbatim(piece.text, piece.output)]
        # No name goes missing silently, whatever the mode: one the glossary keeps verbatim must be there as
        # written; any other (capitalised words, acronyms) in some form.
        piece.flags += [f"{FLAG_NAME}:{name.source}" for name in self.terms(piece.text)
                        if name.hard and not name.met_by(piece.output)]
        piece.flags += [f"{FLAG_NAME}:{name}" for name in missing_names(piece.text, piece.output,
                                                                          self.glossary_spans(piece.text))]

    def _translate_all(self, texts: list[str], avoid_repetition: bool = False,
                       constraints: dict[str, list[TermConstraint]] | None = None,
                       report: bool = False) -> dict[str, Hypothesis]:
        """Hypotheses for `texts` (`constraints` for some of them); `report` calls the progress callback."""
        out: dict[str, Hypothesis] = {}
        for batch in self.batches(texts):
            results = self.engine.translate_batch(
                batch, self.source, self.target, avoid_repetition=avoid_repetition,
                constraints=[constraints.get(t, []) for t in batch] if constraints else None, strict=self.strict)
            out.update(zip(batch, results))
            if self.progress and report:
                self.progress(len(out), len(texts))
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
    return translate_paragraphs(split_paragraphs(text), engine, options, name=name, progress=progress)


def translate_paragraphs(
    paragraphs: list[Paragraph],
    engine: Engine,
    options: TranslateOptions,
    *,
    name: str = "-",
    progress: ProgressCallback | None = None,
) -> Result:
    """Translate paragraphs already split (an article's, or a document's blocks: `block_paragraphs`)."""
    target = _check_languages(options)
    if not paragraphs:
        raise InputError(f"{name}: the input is empty")
    source = options.source if options.source != "auto" else _document_language(paragraphs, target)
    plan = [_classify(p, source, target, options.source != "auto") for p in paragraphs]
    if all(action != TRANSLATED for action, _ in plan) and any(action == PASSED_THROUGH for action, _ in plan):
        raise InputError(
            f"{name}: the text is already in {get_language(target).name}; "
            f"use --to {other_language(target)} to translate it the other way"
        )
    results = _translate_paragraphs(paragraphs, plan, engine, source, target, options, progress)
    return Result(name, source, target, run_signature(engine, options, source, target), results)


def translate_stream(
    chunks: Iterable[str],
    engine: Engine,
    options: TranslateOptions,
    *,
    name: str = "-",
) -> Iterator[ParagraphResult]:
    """Translate a document too large to hold, given as consecutive chunks of whole paragraphs (see
    `translate.streaming.paragraph_chunks`); yields one result per source paragraph, in order.

    Memory is bounded by the chunk, not the document. The source language (with "auto") is decided on the first
    chunk that has words; sentences repeated across chunks are translated again (the translation memory, when
    the engine has one, answers them).
    """
    target = _check_languages(options)
    source = None if options.source == "auto" else options.source
    offset = 0
    for chunk in chunks:
        paragraphs = [replace(p, index=p.index + offset) for p in split_paragraphs(chunk)]
        offset += len(paragraphs)
        if not paragraphs:
            continue
        if source is None and any(p.has_words for p in paragraphs):
            source = _document_language(paragraphs, target)
        chunk_source = source or other_language(target)  # a chunk without words translates nothing
        plan = [_classify(p, chunk_source, target, options.source != "auto") for p in paragraphs]
        yield from _translate_paragraphs(paragraphs, plan, engine, chunk_source, target, options, None)
    if offset == 0:
        raise InputError(f"{name}: the input is empty")


def run_signature(engine: Engine, options: TranslateOptions, source: str, target: str) -> Signature:
    direction = f"{source}-{target}" if options.source != "auto" else f"auto({source})-{target}"
    extra = ",".join(f"{key}={value}" for key, value in sorted(engine.info.options.items()) if key != "beam")
    return Signature(engine.info.model, engine.info.revision, engine.info.backend, direction,
                     int(engine.info.options.get("beam", 1)), options.glossary_signature,
                     max_input=engine.max_input_tokens, options=extra)


def _check_languages(options: TranslateOptions) -> str:
    target = get_language(options.target).code
    if options.source != "auto" and get_language(options.source).code == target:
        raise InkuruError(f"--from and --to are both {target}; choose the other language for --to")
    return target


def _translate_paragraphs(paragraphs: list[Paragraph], plan: list[tuple[str, str | None]], engine: Engine,
                          source: str, target: str, options: TranslateOptions,
                          progress: ProgressCallback | None) -> list[ParagraphResult]:
    translator = _Translator(engine, source, target, options, progress)
    translated = [p for p, (action, _) in zip(paragraphs, plan) if action == TRANSLATED]
    approved = _approved_translations(engine, translated, source, target)
    # paragraph index -> unit index -> per sentence (or part of one): its pieces, or the text kept verbatim
    layout = {p.index: [_unit_layout(unit.text, translator, approved, source, target) for unit in p.units]
              for p in translated}
    translator.run([piece for units in layout.values() for unit in units for s in unit if isinstance(s, list)
                    for piece in s])
    results = [
        _paragraph_result(p, action, lang, layout.get(p.index)) for p, (action, lang) in zip(paragraphs, plan)
    ]
    if options.glossary is not None:
        _report_terms(results, source, target, options.glossary)
    return results


def _approved_translations(engine: Engine, paragraphs: list[Paragraph], source: str, target: str) -> dict[str, str]:
    """Approved human translations (an engine with a translation memory has them) of whole lines or sentences."""
    lookup = getattr(engine, "approved_translations", None)
    texts = [text for p in paragraphs for unit in p.units for text in (unit.text, *split_sentences(unit.text, source))]
    return lookup(_unique(texts), source, target) if lookup is not None and texts else {}


def _unit_layout(text: str, translator: _Translator, approved: dict[str, str], source: str,
                 target: str) -> list[list[_Piece] | _Kept]:
    """One line of a paragraph, per sentence (or part of one): its pieces, or the text kept verbatim. A line or
    sentence an editor approved before is one piece with that translation."""
    if text in approved:
        return [[_Piece(text, False, human=approved[text])]]
    layout: list[list[_Piece] | _Kept] = []
    for sentence in split_sentences(text, source):
        if sentence in approved:
            layout.append([_Piece(sentence, False, human=approved[sentence])])
            continue
        layout += [translator.pieces_of(part) if has_words(part) and not keep else _Kept(part, keep)
                   for part, keep in _parts(sentence, target)]
    return layout


def _confidence(pieces: list[_Piece]) -> float | None:
    """exp of the token-weighted mean log-probability of the pieces the model scored (see ParagraphResult)."""
    scored = [(p.hypothesis.score, max(1, p.hypothesis.tokens)) for p in pieces
              if p.hypothesis is not None and p.hypothesis.score is not None]
    if not scored:
        return None
    mean = sum(score * tokens for score, tokens in scored) / sum(tokens for _, tokens in scored)
    return round(math.exp(min(0.0, mean)), 3)


def _paragraph_result(paragraph: Paragraph, action: str, lang: str | None,
                      units: list[list[list[_Piece] | _Kept]] | None) -> ParagraphResult:
    if units is None:  # kept or passed through: byte-identical to the source
        return ParagraphResult(paragraph.index + 1, paragraph.source, paragraph.source, lang, action)
    segments: list[Segment] = []
    lines: list[str] = []
    for unit, sentences in zip(paragraph.units, units):
        outputs = []
        for sentence in sentences:
            if isinstance(sentence, _Kept):
                segments.append(Segment(sentence.text, sentence.text, [FLAG_QUOTE] if sentence.quote else []))
                outputs.append(sentence.text)
                continue
            translated = " ".join(p.output for p in sentence)
            flags = _unique([flag for p in sentence for flag in p.flags])
            segments.append(Segment(" ".join(p.text for p in sentence), translated, flags, _confidence(sentence)))
            outputs.append(translated)
        lines.append(join_unit(unit, " ".join(o for o in outputs if o)))
    flags = _unique([flag for s in segments for flag in s.flags])
    pieces = [p for sentences in units for sentence in sentences if isinstance(sentence, list) for p in sentence]
    return ParagraphResult(paragraph.index + 1, paragraph.source, "\n".join(lines), lang, action, [], flags, segments,
                           confidence=_confidence(pieces))


def recheck_edits(result: Result, glossary: Glossary | None) -> Result:
    """The result with each edited translated paragraph re-checked on the editor's text, by the same matcher and
    checks as a translation run: its term report, and the flags about its text (numbers, URLs and names that do
    not come through, loops). Flags about how the machine made its translation go: they no longer describe it.
    Sentences cannot be paired once an editor has rewritten a paragraph, so names are looked for in the whole
    translated paragraph."""
    paragraphs = []
    for paragraph in result.paragraphs:
        if paragraph.edited and paragraph.action == TRANSLATED:
            source = paragraph.source_lang or result.source_lang
            terms = [] if glossary is None else [
                r.to_dict() for r in _verify(paragraph.source, paragraph.target, source, result.target_lang, glossary)]
            flags = [f"{FLAG_VERBATIM}:{s}" for s in missing_verbatim(paragraph.source, paragraph.target)]
            flags += [f"{FLAG_NAME}:{t['source_surface']}" for t in terms if t["status"] == MISSING_STATUS
                      and glossary is not None and (entry := glossary.get(str(t["entry"]))) and entry.verbatim]
            for sentence in split_sentences(paragraph.source, source):  # names, as a run checks them: per sentence
                covered = [] if glossary is None else _glossary_spans(sentence, source, glossary)
                flags += [f"{FLAG_NAME}:{n}" for n in missing_names(sentence, paragraph.target, covered)]
            if is_degenerate(paragraph.source, Hypothesis(paragraph.target, len(paragraph.target.split()))):
                flags.append(FLAG_REPETITION)
            paragraph = replace(paragraph, terms=terms, flags=flags, checked="editor")
        paragraphs.append(paragraph)
    return replace(result, paragraphs=paragraphs)


def _verify(source_text: str, target_text: str, source: str, target: str, glossary: Glossary) -> list[TermReport]:
    from translate.glossary.apply import verify_terms

    return verify_terms(source_text, target_text, source, target, glossary)


def _glossary_spans(text: str, lang: str, glossary: Glossary) -> list[tuple[int, int]]:
    """Where the glossary finds terms (and words derived from them) in `text`: their report covers them."""
    from translate.glossary import find_terms

    return [(m.start, m.end) for m in find_terms(text, lang, glossary)]


def _report_terms(results: list[ParagraphResult], source: str, target: str, glossary: Glossary) -> None:
    for paragraph in results:
        if paragraph.action == TRANSLATED:
            paragraph.terms = [r.to_dict() for r in _verify(paragraph.source, paragraph.target, source, target,
                                                            glossary)]
