"""The held-out evaluation set (examples/held-out/): complete, paragraph-aligned, and unseen by the demo model.

Scores on the set mean something only while the demo model never trains on it, so no held-out sentence or
paragraph may appear in the demo corpus. The list of articles is articles.tsv (which bench/constrained.py reads
too); the README's table gives their counts, and must list the same articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from translate.demo import CORPUS_PATH
from translate.document import split_paragraphs, split_sentences
from translate.glossary import Glossary, TermMatch, find_terms, load_glossaries

HELD_OUT = Path(__file__).resolve().parent.parent / "examples" / "held-out"
LANGUAGES = {"English": "en", "Kinyarwanda": "rw"}
MIN_SENTENCES = 90
MIN_TERMS = 230
# | `slug` | English | paragraphs | sentences | term occurrences | distinct entries | topic |
_ROW = re.compile(r"^\|\s*`([\w-]+)`\s*\|\s*(English|Kinyarwanda)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|", re.MULTILINE)


@dataclass(frozen=True)
class Article:
    slug: str
    original: str  # the language it was written in; the other file is the reference translation
    paragraphs: int
    sentences: int

    def text(self, lang: str) -> str:
        return (HELD_OUT / f"{self.slug}.{lang}.txt").read_text(encoding="utf-8")

    @property
    def source(self) -> str:
        return self.text(self.original)


def listed_articles() -> list[Article]:
    """The articles of articles.tsv, with the counts the README's table gives for them."""
    readme = (HELD_OUT / "README.md").read_text(encoding="utf-8")
    counts = {slug: (LANGUAGES[lang], int(paragraphs), int(sentences))
              for slug, lang, paragraphs, sentences in _ROW.findall(readme)}
    rows = [line.split("\t") for line in (HELD_OUT / "articles.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert [(slug, original) for slug, original in rows] == [(slug, c[0]) for slug, c in counts.items()], \
        "the README table and articles.tsv list different articles"
    return [Article(slug, original, *counts[slug][1:]) for slug, original in rows]


ARTICLES = listed_articles()


def sentences(text: str, lang: str) -> list[str]:
    """Sentences as the pipeline cuts them: paragraphs, their line units, then sentences."""
    return [s for p in split_paragraphs(text) for unit in p.units for s in split_sentences(unit.text, lang)]


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def glossary_terms(text: str, lang: str, glossary: Glossary) -> list[TermMatch]:
    # What `inkuru glossary check` lists, less derived words (kind "related"), which eval does not score.
    return [m for m in find_terms(text, lang, glossary) if m.kind == "term"]


def corpus_overlap(corpus: Path, folder: Path = HELD_OUT) -> list[str]:
    """Held-out sentences that are sentences of the corpus, and held-out paragraphs inside a corpus cell."""
    cells: list[str] = []
    corpus_sentences: set[str] = set()
    for line in corpus.read_text(encoding="utf-8").splitlines():
        for cell, lang in zip(line.split("\t"), ("en", "rw")):
            cells.append(normalise(cell))
            corpus_sentences.update(normalise(s) for s in sentences(cell, lang))
    found = []
    for path in sorted(folder.glob("*.txt")):
        lang, text = path.name.split(".")[-2], path.read_text(encoding="utf-8")
        found += [f"{path.name}: sentence {s!r}" for s in sentences(text, lang) if normalise(s) in corpus_sentences]
        found += [f"{path.name}: paragraph {p.source!r}" for p in split_paragraphs(text)
                  if any(normalise(p.source) in cell for cell in cells)]
    return found


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossaries(None)


def test_set_has_three_originals_in_each_language() -> None:
    originals = [a.original for a in ARTICLES]
    assert originals.count("en") >= 3 and originals.count("rw") >= 3, f"README table lists {originals}"


def test_every_file_belongs_to_a_listed_article() -> None:
    listed = {f"{a.slug}.{lang}.txt" for a in ARTICLES for lang in ("en", "rw")}
    assert {p.name for p in HELD_OUT.glob("*.txt")} == listed


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_pair_is_paragraph_aligned(article: Article) -> None:
    blocks = {}
    for lang in ("en", "rw"):
        text = article.text(lang)
        assert text.endswith("\n") and not text.endswith("\n\n") and "\r" not in text, f"{article.slug}.{lang}"
        assert all(line == line.rstrip() for line in text.split("\n")), f"{article.slug}.{lang}: trailing spaces"
        blocks[lang] = text[:-1].split("\n\n")
        # One line per paragraph, so `grep -v '^$'` gives `inkuru eval` one aligned segment per line.
        assert all(b.strip() and "\n" not in b for b in blocks[lang]), f"{article.slug}.{lang}: empty or wrapped"
        assert len(split_paragraphs(text)) == len(blocks[lang])
    assert len(blocks["en"]) == len(blocks["rw"]) == article.paragraphs, article.slug


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_readme_sentence_count_is_current(article: Article) -> None:
    assert len(sentences(article.source, article.original)) == article.sentences, "update the README table"


def test_source_side_has_enough_sentences_and_terms(glossary: Glossary) -> None:
    n_sentences = sum(len(sentences(a.source, a.original)) for a in ARTICLES)
    n_terms = sum(len(glossary_terms(a.source, a.original, glossary)) for a in ARTICLES)
    assert n_sentences >= MIN_SENTENCES, f"{n_sentences} source sentences"
    assert n_terms >= MIN_TERMS, f"{n_terms} source glossary term occurrences"


def test_demo_corpus_contains_no_held_out_text() -> None:
    overlap = corpus_overlap(CORPUS_PATH)
    assert not overlap, "held-out text in the demo corpus:\n" + "\n".join(overlap)


@pytest.mark.parametrize("kind", ["sentence", "paragraph"])
def test_overlap_check_finds_a_leak(tmp_path: Path, kind: str) -> None:
    english = next(a for a in ARTICLES if a.original == "en")
    kinyarwanda = next(a for a in ARTICLES if a.original == "rw")
    if kind == "sentence":  # a whole sentence, recased and respaced: normalising must not hide it
        leaked = sentences(english.source, "en")[3]
        row = "  ".join(leaked.upper().split()) + "\tx"
    else:  # a one-sentence paragraph (the headline) inside a longer cell: no sentence of the cell equals it
        leaked = split_paragraphs(kinyarwanda.source)[0].source
        row = f"x\tAmakuru mashya: {leaked} uyu munsi"
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text(CORPUS_PATH.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    overlap = corpus_overlap(corpus)
    assert any(f"{kind} {leaked!r}" in message for message in overlap), overlap
