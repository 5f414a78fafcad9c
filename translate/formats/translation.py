"""A document through the pipeline: its blocks translated as paragraphs into one Result, and back into the file.

The Result is the same as for a plain-text article (the review page, XLIFF, the term report and the translation
memory work unchanged), with each paragraph's block id, kind and inline markup, and the document's kind and digest,
so that an edited result can be written back into the original later.
"""

from __future__ import annotations

import re
from dataclasses import replace

from translate.document import block_paragraphs
from translate.engines.base import Engine
from translate.errors import InputError
from translate.formats import BlockTranslation, SourceDocument, digest
from translate.formats.inline import (NAME_OR_NUMBER, FLAG_MARKUP_GUESSED, GUESSED, alignment_pairs,
                                      engine_aligner, project_spans, words_of)
from translate.pipeline import ProgressCallback, TranslateOptions, translate_paragraphs
from translate.result import TRANSLATED, ParagraphResult, Result


def translate_document_file(document: SourceDocument, data: bytes, engine: Engine, options: TranslateOptions, *,
                            name: str, progress: ProgressCallback | None = None) -> Result:
    """Translate a read document's blocks (those `--extract` left out stay as written) into one Result."""
    left_out = {item.id for item in document.left_out}
    blocks = [block for block in document.blocks if block.id not in left_out]
    if not blocks:
        raise InputError(f"{name}: the document has no text to translate")
    result = translate_paragraphs(block_paragraphs([b.text for b in blocks]), engine, options, name=name,
                                  progress=progress)
    paragraphs = [replace(p, block=b.id, kind=b.kind) for p, b in zip(result.paragraphs, blocks)]
    _place_markup(paragraphs, blocks, engine, result.source_lang, result.target_lang)
    return replace(result, paragraphs=paragraphs, source_format=document.kind, source_digest=digest(data),
                   left_out=[{"block": item.id, "text": item.text, "reason": item.reason}
                             for item in document.left_out])


def _place_markup(paragraphs: list[ParagraphResult], blocks: list, engine: Engine, source: str,
                  target: str) -> None:
    pairs = list(dict.fromkeys(pair for p, b in zip(paragraphs, blocks) for pair in alignment_pairs(p, b.spans)))
    aligner = engine_aligner(engine, source, target) if pairs else None
    matrices = aligner([s for s, _ in pairs], [t for _, t in pairs]) if aligner else [None] * len(pairs)
    alignments = dict(zip(pairs, matrices))
    for paragraph, block in zip(paragraphs, blocks):
        placed = project_spans(paragraph, block.spans, alignments)
        paragraph.markup = [
            {"tag": span.tag, "detail": span.detail, "source": [span.start, span.end], "target": [start, end],
             "target_text": paragraph.target[start:end], "placed": how}
            for span, ((start, end), how) in zip(block.spans, placed)
        ]
        paragraph.flags += [f"{FLAG_MARKUP_GUESSED}:{_label(paragraph.source, span.start, span.end)}"
                            for span, (_, how) in zip(block.spans, placed) if how == GUESSED]


def _label(text: str, start: int, end: int) -> str:
    wrapped = " ".join(text[start:end].split())
    return wrapped if wrapped else f"<{start}>"


def block_translations(result: Result) -> tuple[dict[str, BlockTranslation], list[str]]:
    """What to write into each block of the original, and a note per markup span an editor's text lost.

    Only translated or edited blocks are rewritten (the others stay byte for byte as they were). In an edited
    paragraph each span goes where the words it wrapped in the machine translation are now; where the editor
    changed them, at the same relative position, with a note."""
    translations: dict[str, BlockTranslation] = {}
    notes: list[str] = []
    for paragraph in result.paragraphs:
        if not paragraph.block or not (paragraph.action == TRANSLATED or paragraph.edited):
            continue
        spans = []
        for markup in paragraph.markup:
            target = markup.get("target")
            if not paragraph.edited and target is not None:
                spans.append((int(target[0]), int(target[1])))
                continue
            spans.append(_relocate(paragraph, markup))
            placed = paragraph.target[spans[-1][0]:spans[-1][1]] if spans[-1] else ""
            wrapped_source = paragraph.source[markup["source"][0]:markup["source"][1]]
            if paragraph.edited and str(markup.get("target_text") or "") and placed not in (
                    markup.get("target_text"), wrapped_source):
                notes.append(f"paragraph {paragraph.id}: <{markup['tag']}> on {markup.get('target_text')!r} could "
                             "not be found in the edited text; placed at the same relative position")
        translations[paragraph.block] = BlockTranslation(paragraph.target, tuple(spans))
    return translations, notes


def _relocate(paragraph: ParagraphResult, markup: dict) -> tuple[int, int] | None:
    """A span's place in an edited translation: its words where they still are (the nearest occurrence to where
    they were), else the same relative position."""
    wrapped = str(markup.get("target_text") or "")
    source = markup.get("source") or [0, 0]
    relative = source[0] / max(1, len(paragraph.source))
    # The words it wrapped in the machine translation, or, for a name or number, the source's own words.
    for words in (wrapped, paragraph.source[source[0]:source[1]] if NAME_OR_NUMBER.search(
            paragraph.source[source[0]:source[1]]) else ""):
        found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", paragraph.target)] \
            if words.strip() else []
        if found:
            start = min(found, key=lambda s: abs(s / max(1, len(paragraph.target)) - relative))
            return start, start + len(words)
    words = words_of(paragraph.target)
    if not words:
        return 0, 0
    at = min(len(words) - 1, int(relative * len(words)))
    if source[0] == source[1]:
        return words[at].end, words[at].end
    count = max(1, len(wrapped.split()))
    return words[at].start, words[min(len(words) - 1, at + count - 1)].end


def write_document(document: SourceDocument, result: Result) -> tuple[bytes, list[str]]:
    """The original document with the result's translations (edited ones too) written into its blocks."""
    translations, notes = block_translations(result)
    known = {block.id for block in document.blocks}
    unknown = [block for block in translations if block not in known]
    if unknown:
        raise InputError(f"{result.document}: the result's blocks ({', '.join(unknown[:3])}) are not in this "
                         "document; pass the file that was translated")
    return document.write(translations, result.target_lang), notes
