"""Term placement: glossary terms put into a finished translation where the model finds them most likely.

Every engine first translates as it would without a glossary. Each term that translation (the draft) lacks is
then placed into it:

1. **Where.** The draft word whose cross-attention points most at the term's source words (the anchor; the
   word nearest the term's relative position in the source where the model gives no attention), and the run of
   neighbouring words the term also attends to (the model's own rendering of it). The edits: replace that run,
   insert before it (after it too, in the wider search), or replace the run with the word before, where an
   elided form takes the place of a full connective ("za Amerika" -> "z'Uburusiya"). A draft word spelt much
   like a word of the term's forms is the model's rendering too, whatever the attention says ("kajugu").
2. **Which form.** At each place, the form the target grammar asks for there (each form's `FormContext`: an
   augmentless form after a locative, a full connective, a demonstrative or "other"; an elided form for the full
   connective) and, among those, the one closest to the words it replaces (the model's rendering: its number and
   spelling are usually right), capitalised at the start of the sentence.
3. **Choice.** The model scores each edit: the mean log-probability per token the whole edited sentence would
   have, i.e. the draft's own, changed by what the edit changes in the tokens it writes and the few after them (a
   form must fit what follows as well as what precedes). The best-scoring edit that adds a rendering the glossary
   matcher accepts in context (`TermConstraint.occurrences`) and keeps every term already met wins, a clean one
   before one the report would warn about. In prefer mode it must also cost at most `margin` against the draft
   (names kept verbatim, `hard`, are always placed); strict mode places every term, as often as the sentence
   uses it, and where nothing near the anchor fits, tries more anchors and every form at the end of the sentence.
4. **Cost.** The model scores sentences, not edits: edits of different terms that lie apart are scored together
   in one edited sentence (each read from the log-probabilities of its own tokens), cut a few words after the
   last of them. A round is one scoring call for the whole batch (plus one to score the drafts with their
   alignment in later rounds and on transformers; CTranslate2 has the first from decoding).
5. **Rounds.** The best edits of different terms that do not overlap are applied together; a term whose edit
   clashed with a better one, or that the sentence uses again, is tried again on the edited sentence.

Edits change only the words they touch: the model's translation is kept around them, and placing a term cannot
make an output loop or run into a length limit. Engines supply `score_batch` (CTranslate2's, or a teacher-forced
pass of the transformers model); this module is the same for every engine.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from translate.constraints import ABSENT, ANYWHERE, FLAWED, TermConstraint
from translate.engines.base import Hypothesis, ScoredTarget

SPACE = "\u2581"  # sentencepiece's word-start marker
PREFER_MARGIN = 0.15  # prefer mode: the most an edit may lower the draft's mean log-probability per token
_ANCHORS = 1  # draft words (by attention to the term's source words) around which edits are tried
_WIDE_ANCHORS = 4  # strict mode, once the first anchors gave nothing the matcher accepts
# An edit may replace as many words as the term's longest form has, plus one (the model may have rendered the
# term with a word more: "ubufatanye bwabyo mu bya gisirikare" for "ubufatanye mu bya gisirikare").
_EXTRA_SPAN = 1
# A draft word spelt this much like a word of a term's forms (difflib's ratio; words of _SPELT_MIN letters or more)
# is the model's rendering of the term, whatever the attention says: "kajugu" for "kajugujugu" is 0.75.
_SPELT_LIKE = 0.7
_SPELT_MIN = 4
_SPELT_PREFIX = 3  # a rendering cut short or misspelt keeps its start
_ROUNDS = 4
_MAX_ROUNDS = 12
_CHECKED = 8  # best-scoring edits of a term offered to the matcher (each check runs it on a sentence)
_FOLLOW = 3  # tokens after an edit whose log-probabilities count toward its score (what follows must fit)
_GAP = _FOLLOW  # words between two edits scored in one sentence: a word has a token at least, so each edit's
# window of tokens ends before the next edit starts
_WORD = re.compile(r"\S+")
_LEADING = "\"'“‘«([{¿¡„"
_TRAILING = ".,;:!?)]}»”\"…"  # not the apostrophe: y' ends an elided connective


class Scorer(Protocol):
    def score_batch(self, sentences: list[str], targets: list[str], source: str, target: str, *,
                    alignment: bool = False, from_chars: list[int] | None = None) -> list[ScoredTarget]:
        """`from_chars` is a hint: tokens starting before it need no score (an engine may leave them 0.0)."""
        ...


@dataclass(frozen=True)
class Placement:
    text: str
    unmet: tuple[str, ...]  # keys of the terms still missing
    steered: bool  # the text was edited


@dataclass(frozen=True)
class _Word:
    start: int  # character offsets of the word without the punctuation around it
    end: int
    text: str


@dataclass(frozen=True)
class _Edit:
    term: int  # index of the term in the sentence's constraints
    first: int  # first word replaced (or before which the form is inserted)
    last: int  # one past the last word replaced (== first: an insertion)
    start: int  # character span of the draft that the replacement takes the place of
    end: int
    replacement: str
    text: str  # the edited sentence
    score: float = 0.0

    def clashes(self, other: _Edit) -> bool:
        if self.start == other.start:
            return True
        return max(self.start, other.start) < min(self.end, other.end) or (
            self.start < other.start < self.end or other.start < self.start < other.end)


@dataclass
class _Sentence:
    """One sentence's placement state across rounds."""

    source: str
    text: str
    terms: list[TermConstraint]
    met: list[bool]
    given_up: set[int] = field(default_factory=set)
    wide: set[int] = field(default_factory=set)  # terms to try at more anchors in the next round (strict)
    edited: bool = False
    progressed: bool = False  # the last round placed a term, or widened the search for one
    score: float = 0.0  # the sentence's mean log-probability per token, as scored (then estimated after edits)
    # Per word of `text`: its attention over the source pieces, from the draft's alignment, carried through the
    # edits (a placed form's own words get none), so later rounds need no new alignment.
    attention: list[list[float]] = field(default_factory=list)
    source_pieces: tuple[str, ...] = ()

    def open_terms(self) -> list[int]:
        return [i for i, done in enumerate(self.met) if not done and i not in self.given_up]


def words_of(text: str) -> list[_Word]:
    """The words of `text`, each without the punctuation before and after it."""
    words = []
    for match in _WORD.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start] in _LEADING:
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if start < end:
            words.append(_Word(start, end, text[start:end]))
    return words


def place_in_hypotheses(scorer: Scorer, sentences: Sequence[str], drafts: Sequence[Hypothesis], source: str,
                        target: str, constraints: Sequence[Sequence[TermConstraint]], *, strict: bool,
                        aligned: Sequence[ScoredTarget | None] | None = None) -> list[Hypothesis]:
    """An engine's translations with the terms each lacks placed (`place_terms`); sentences without terms are
    left as they are. `aligned` (parallel to `sentences`): drafts an engine already scored with alignment."""
    # A draft cut at the length limit is translated again by the pipeline: its terms go into that translation.
    todo = [i for i, terms in enumerate(constraints) if terms and drafts[i].finished]
    ready = [aligned[i] for i in todo] if aligned is not None else None
    placed = place_terms(scorer, [sentences[i] for i in todo], [drafts[i].text for i in todo], source, target,
                         [constraints[i] for i in todo], strict=strict,
                         aligned=ready if ready is not None and all(ready) else None)  # type: ignore[arg-type]
    result = [dataclasses.replace(d, unmet=tuple(t.key for t in terms if not t.met_by(d.text)))
              if terms and not d.finished else d for d, terms in zip(drafts, constraints)]
    for i, placement in zip(todo, placed):
        result[i] = dataclasses.replace(drafts[i], text=placement.text, unmet=placement.unmet,
                                        steered=placement.steered)
    # A steered translation is no longer the one the model scored: its confidence is the model's score of it.
    steered = [i for i in todo if result[i].steered]
    if steered:
        rescored = scorer.score_batch([sentences[i] for i in steered], [result[i].text for i in steered], source,
                                      target)
        for i, scored in zip(steered, rescored):
            result[i] = dataclasses.replace(result[i], score=scored.score)
    return result


def place_terms(scorer: Scorer, sentences: Sequence[str], drafts: Sequence[str], source: str, target: str,
                constraints: Sequence[Sequence[TermConstraint]], *, strict: bool, margin: float = PREFER_MARGIN,
                aligned: Sequence[ScoredTarget] | None = None) -> list[Placement]:
    """Place the terms each draft lacks (see the module docstring); one Placement per sentence. `aligned`: the
    drafts already scored with alignment (an engine that has them from decoding saves the first pass)."""
    states = [_Sentence(s, d, list(terms), [t.met_by(d) for t in terms])
              for s, d, terms in zip(sentences, drafts, constraints)]
    for state in states:
        if not words_of(state.text):  # nothing to place a term beside (an empty draft keeps the source anyway)
            state.given_up.update(state.open_terms())
    baseline: dict[int, float] = {}
    for round_number in itertools.count():
        # Strict mode goes on while the last round placed a term or widened the search for one (many terms in a
        # short draft clash, and a term the sentence uses twice is placed once a round).
        active = [i for i, state in enumerate(states) if state.open_terms()
                  and (round_number < _ROUNDS or (strict and state.progressed))]
        if not active or round_number >= _MAX_ROUNDS:
            break
        if aligned is not None and not baseline:
            drafts_scored = [aligned[i] for i in active]
        else:
            drafts_scored = scorer.score_batch([states[i].source for i in active], [states[i].text for i in active],
                                               source, target, alignment=not baseline)
        for i, scored in zip(active, drafts_scored):
            states[i].score = scored.score
            if i not in baseline:  # prefer mode compares with the model's own translation
                baseline[i] = scored.score
                states[i].attention = _word_attention(states[i].text, scored)
                states[i].source_pieces = scored.source_pieces
        chosen = _round(scorer, [states[i] for i in active], drafts_scored, source, target, strict,
                        [baseline[i] - margin for i in active])
        for i, edits in zip(active, chosen):
            _apply(states[i], edits, None if strict else baseline[i] - margin)
    return [Placement(s.text, tuple(t.key for t, done in zip(s.terms, s.met) if not done), s.edited)
            for s in states]


def _round(scorer: Scorer, states: list[_Sentence], drafts: list[ScoredTarget], source: str, target: str,
           strict: bool, floors: list[float]) -> list[list[_Edit]]:
    """The acceptable edits of each open term of each sentence, best first, from one scoring call."""
    candidates: list[list[_Edit]] = []
    for state in states:
        state.progressed = False
        words = words_of(state.text)
        edits = []
        for t in state.open_terms():
            if t in state.wide:  # more anchors, and every form at the end (where no other term can be lost)
                spans = _spans(words, state, state.terms[t], _WIDE_ANCHORS)
                edits += _edits(state.text, words, [(len(words), len(words), False)], state.terms[t], t,
                                every_form=True)
            else:
                # A fitting place first, not every possible one: the insertion after the model's rendering waits
                # for the wider search (each candidate costs a scored sentence; the least likely one goes).
                spans = _spans(words, state, state.terms[t], _ANCHORS, after=False)
            edits += _edits(state.text, words, spans, state.terms[t], t, every_form=False)
        candidates.append(edits)
    candidates = _score(scorer, states, drafts, candidates, source, target)
    chosen: list[list[_Edit]] = [[] for _ in states]
    for s, state in enumerate(states):
        for t in state.open_terms():
            ranked = sorted((e for e in candidates[s] if e.term == t), key=lambda e: -e.score)
            wide = t in state.wide
            graded = [(grade, e) for e in (ranked if wide else ranked[:_CHECKED])
                      if (grade := _grade(state, t, e.text))]
            if not strict and not state.terms[t].hard:
                graded = [(grade, e) for grade, e in graded if e.score >= floors[s]]
            top = max((grade for grade, _ in graded), default=ABSENT)
            if strict and top == FLAWED and not wide:
                state.wide.add(t)  # only placements the report would warn about: look further for a clean one
                state.progressed = True
            elif graded:  # a clean placement before one the report would warn about
                chosen[s] += [e for grade, e in graded if grade == top]
            elif (strict or state.terms[t].hard) and not wide and ranked:
                state.wide.add(t)  # nothing the matcher accepts near the first anchor: look further next round
                state.progressed = True
            else:
                state.given_up.add(t)
    return chosen


def _score(scorer: Scorer, states: list[_Sentence], drafts: list[ScoredTarget], edits: list[list[_Edit]],
           source: str, target: str) -> list[list[_Edit]]:
    """Each sentence's edits with their scores, from one batched call: edits that lie apart share an edited
    sentence, and each is read from its own tokens (see `_estimate`)."""
    packed = [_pack(sentence_edits) for sentence_edits in edits]
    jobs = [(s, group) for s, groups in enumerate(packed) for group in groups]
    if not jobs:
        return edits
    texts = [_scored_text(states[s].text, group) for s, group in jobs]
    scored = scorer.score_batch([states[s].source for s, _ in jobs], texts, source, target,
                                from_chars=[min(e.start for e in group) for _, group in jobs])
    draft_starts = [piece_starts(d.pieces, state.text) for d, state in zip(drafts, states)]
    result: list[list[_Edit]] = [[] for _ in edits]
    for (s, group), text, candidate in zip(jobs, texts, scored):
        starts = piece_starts(candidate.pieces, text)
        shift = 0
        for edit in sorted(group, key=lambda e: e.start):
            result[s].append(dataclasses.replace(edit, score=_estimate(edit, shift, drafts[s], draft_starts[s],
                                                                       candidate, starts)))
            shift += len(edit.replacement) - (edit.end - edit.start)
    return result


def _pack(edits: list[_Edit]) -> list[list[_Edit]]:
    """Edits grouped into as few edited sentences as possible: at most one edit per term in each, and each edit
    at least _GAP words from the others. Terms take turns, so that each sentence carries one option of every
    term that fits."""
    by_term: dict[int, list[_Edit]] = {}
    for edit in edits:
        by_term.setdefault(edit.term, []).append(edit)
    groups: list[list[_Edit]] = []
    for edit in (e for rank in itertools.zip_longest(*by_term.values()) for e in rank if e is not None):
        group = next((g for g in groups if all(o.term != edit.term and _apart(o, edit) for o in g)), None)
        if group is None:
            groups.append([edit])
        else:
            group.append(edit)
    return groups


def _apart(a: _Edit, b: _Edit) -> bool:
    return a.last + _GAP <= b.first or b.last + _GAP <= a.first


def _scored_text(text: str, edits: list[_Edit]) -> str:
    """The draft with `edits`, cut _FOLLOW words after the last of them: the tokens further on count toward
    no edit's score, so the model need not read them."""
    words = words_of(text)
    last = max(e.last for e in edits) + _FOLLOW - 1
    combined = _combined(text, edits)
    if last >= len(words):
        return combined
    return combined[:words[last].end + sum(len(e.replacement) - (e.end - e.start) for e in edits)]


def _combined(text: str, edits: list[_Edit]) -> str:
    for edit in sorted(edits, key=lambda e: -e.start):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def _estimate(edit: _Edit, shift: int, draft: ScoredTarget, draft_starts: list[int], candidate: ScoredTarget,
              candidate_starts: list[int]) -> float:
    """The mean log-probability per token the draft would have with `edit` alone: the draft's total, less its
    tokens from the edit's start to _FOLLOW tokens past its end, plus the edited sentence's tokens over the same
    stretch (the tokens before an edit are scored alike in both: same source, same preceding tokens)."""
    removed, removed_count = _window(draft, draft_starts, edit.start, edit.end)
    start = edit.start + shift
    added, added_count = _window(candidate, candidate_starts, start, start + len(edit.replacement))
    total = sum(draft.log_probs) - removed + added
    return total / max(1, len(draft.log_probs) - removed_count + added_count)


def _window(scored: ScoredTarget, starts: list[int], start: int, end: int) -> tuple[float, int]:
    """Sum and count of the log-probabilities of the tokens that start in [start, end) and of the _FOLLOW tokens
    after them (with the end of the sentence, when they reach it)."""
    inside = [i for i, at in enumerate(starts) if start <= at < end]
    following = [i for i, at in enumerate(starts) if at >= end][:_FOLLOW]
    indexes = inside + following + ([len(starts)] if len(following) < _FOLLOW else [])
    values = [scored.log_probs[i] for i in indexes if i < len(scored.log_probs)]
    return sum(values), len(values)


def piece_starts(pieces: Sequence[str], text: str) -> list[int]:
    """Where each piece begins in `text`, found by walking the visible characters of both (a piece with none,
    a bare word-start mark, begins where the next one does)."""
    visible = [i for i, c in enumerate(text) if not c.isspace()]
    starts, seen = [], 0
    for piece in pieces:
        starts.append(visible[seen] if seen < len(visible) else len(text))
        seen += sum(1 for c in piece.replace(SPACE, "") if not c.isspace())
    return starts


def _grade(state: _Sentence, term: int, text: str) -> int:
    """How well the edited text carries the term's new rendering, or ABSENT where the edit adds none (a term
    the sentence uses twice needs two) or loses a term that was met before."""
    constraint = state.terms[term]
    added = Counter(constraint.occurrences(text)) - Counter(constraint.occurrences(state.text))
    if not added or not all(state.terms[i].met_by(text) for i, done in enumerate(state.met) if done):
        return ABSENT
    return max(added)


def _apply(state: _Sentence, edits: list[_Edit], floor: float | None) -> None:
    """Apply the best edit of each term that does not clash with a better edit of another term, all together
    (right to left); if together they undo one another, the best one alone. With a `floor` (prefer mode), the
    edits' summed cost must keep the sentence's estimated score above it (a name kept verbatim is placed
    whatever it costs). The terms left out stay open for the next round."""
    kept: list[_Edit] = []
    cost = 0.0
    for edit in sorted(edits, key=lambda e: -e.score):
        if any(edit.term == other.term or edit.clashes(other) for other in kept):
            continue
        if floor is not None and not state.terms[edit.term].hard:
            if edit.score - cost < floor:  # this edit's cost on top of the others' (each estimated alone)
                continue
            cost += state.score - edit.score
        kept.append(edit)
    state.progressed = state.progressed or bool(kept)
    if not kept:
        return
    text = _combined(state.text, kept)
    if any(_grade(state, e.term, text) == ABSENT for e in kept):  # together they undo one another: the best alone
        kept = kept[:1]
        text = kept[0].text
    met = [t.met_by(text) for t in state.terms]
    attention = list(state.attention)
    for edit in sorted(kept, key=lambda e: -e.first):  # right to left: the indexes before an edit hold
        blank = [0.0] * len(state.source_pieces)
        attention[edit.first:edit.last] = [blank for _ in edit.replacement.split()]
    state.text, state.met, state.edited, state.attention = text, met, True, attention
    state.score -= sum(state.score - e.score for e in kept)


def _spans(words: list[_Word], state: _Sentence, term: TermConstraint, count: int,
           after: bool = True) -> list[tuple[int, int, bool]]:
    """(first, last, elided) word spans to put the term in, around each of the `count` anchors: the anchor and
    the neighbouring words the term's source also attends to (the model's own rendering of the term, up to the
    term's longest form plus one word) replaced, the form inserted before (with `after`, also after) them, and
    the same words with the word before replaced, for the forms that take the place of a full connective
    (`elided`: y'Uburusiya for "ya Amerika")."""
    span = _source_span(list(state.source_pieces), term.source)
    attention = [sum(row[j] for j in span if j < len(row)) for row in state.attention][:len(words)]
    attention += [0.0] * (len(words) - len(attention))
    position = (sum(span) / len(span) / max(1, len(state.source_pieces) - 1)) if span else 0.5
    # Where the model gives no attention, the words nearest the term's relative position in the source.
    nearness = [-abs(i / max(1, len(words) - 1) - position) for i in range(len(words))]
    longest = max(len(form.split()) for form in term.forms) + _EXTRA_SPAN
    spans: list[tuple[int, int, bool]] = []
    spelt = _spelt_like(words, term, state.terms)
    if spelt is not None:  # the model's rendering, spelt a little off: the term takes its place
        spans += [(spelt, min(len(words), spelt + n), False) for n in range(1, longest)]
    for anchor in sorted(range(len(words)), key=lambda i: (attention[i], nearness[i]), reverse=True)[:count]:
        low, high = anchor, anchor + 1
        if attention[anchor] > 0:
            while high < len(words) and high - low < longest and attention[high] >= attention[anchor] / 2:
                high += 1
            while low > 0 and high - low < longest and attention[low - 1] >= attention[anchor] / 2:
                low -= 1
        spans += [(low, high, False), (low, low, False)] + ([(high, high, False)] if after else [])
        if low > 0:
            spans.append((low - 1, high, True))
    return [span for span in dict.fromkeys(spans) if 0 <= span[0] <= span[1] <= len(words)]


def _spelt_like(words: list[_Word], term: TermConstraint, others: Sequence[TermConstraint]) -> int | None:
    """The draft word spelt most like a word of one of the term's forms (at least _SPELT_LIKE alike, and opening
    with the same _SPELT_PREFIX letters), or None. A weak model's attention may point elsewhere while its rendering
    is the term cut short or misspelt ("kajugu" for "kajugujugu"): that word is where the term goes. Not a word of
    another term of the sentence, nor a word that opens otherwise (Amerika, spelt much like Afrika, is no Afrika)."""
    form_words = {w for w in _form_words(term) if len(w) >= _SPELT_MIN}
    taken = {w for other in others if other is not term for w in _form_words(other)}
    best, best_ratio = None, _SPELT_LIKE
    for i, word in enumerate(words):
        lowered = _after_elision(word.text)
        if len(lowered) < _SPELT_MIN or lowered in form_words or lowered in taken:
            continue
        matcher = difflib.SequenceMatcher(None, "", lowered)
        for form_word in form_words:
            if form_word[:_SPELT_PREFIX] != lowered[:_SPELT_PREFIX]:
                continue
            matcher.set_seq1(form_word)
            if matcher.real_quick_ratio() >= best_ratio and matcher.quick_ratio() >= best_ratio \
                    and (ratio := matcher.ratio()) >= best_ratio:
                best, best_ratio = i, ratio
    return best


def _form_words(term: TermConstraint) -> set[str]:
    return {_after_elision(w) for form in term.forms for w in form.split()}


def _after_elision(word: str) -> str:
    """The word in lower case without an elided connective before it (z'intambara: intambara)."""
    return word.lower().rsplit("'", 1)[-1]


def _word_attention(text: str, draft: ScoredTarget) -> list[list[float]]:
    """Per word of `text`: the summed attention of its pieces over the source pieces (zeros without alignment)."""
    words = words_of(text)
    rows = [[0.0] * len(draft.source_pieces) for _ in words]
    if draft.alignment and words:
        for piece, word in enumerate(_piece_words(draft.pieces, text, words)):
            if piece < len(draft.alignment):
                for j, weight in enumerate(draft.alignment[piece][:len(draft.source_pieces)]):
                    rows[word][j] += weight
    return rows


def _piece_words(pieces: Sequence[str], text: str, words: list[_Word]) -> list[int]:
    """The word each target piece belongs to: the last word starting at or before the piece (punctuation goes
    with the word before it; anything before the first word, with the first)."""
    starts = [w.start for w in words]
    return [max(0, bisect.bisect_right(starts, at) - 1) for at in piece_starts(pieces, text)]


def _edits(text: str, words: list[_Word], spans: list[tuple[int, int, bool]], term: TermConstraint, index: int,
           every_form: bool) -> list[_Edit]:
    """Edits of `text` that put a form of `term` in each span: the form that fits there best (`_form_for`), or
    every form that fits (one edit per distinct edited text)."""
    edits: dict[str, _Edit] = {}
    for first, last, elided in spans:
        before = words[first - 1].text.lower() if first > 0 else ""
        replaced = words[first].text.lower() if last > first else ""
        fitting = _fitting(term, before, replaced, elided)
        if not every_form:
            rendering = " ".join(w.text for w in words[first:last])
            fitting = fitting and (_form_for(term, fitting, rendering),)
        for form in fitting:
            edit = _edit(text, words, first, last, form, index)
            edits.setdefault(edit.text, edit)
    return list(edits.values())


def _form_for(term: TermConstraint, fitting: tuple[str, ...], rendering: str) -> str:
    """Of the forms that fit a place, the one the grammar asks for there (a form with a context of its own, such as
    the augmentless one after "mu", before one that goes anywhere), and among those the closest to the words it
    replaces (the model's own rendering: its number and spelling are usually right), else the most preferred."""
    specific = [f for f in fitting if term.context(term.forms.index(f)) != ANYWHERE] or list(fitting)
    if not rendering:
        return specific[0]
    lowered = rendering.lower()
    return max(specific, key=lambda f: difflib.SequenceMatcher(None, f.lower(), lowered).ratio())


@functools.lru_cache(maxsize=65536)
def _fitting(term: TermConstraint, before: str, replaced: str, elided: bool) -> tuple[str, ...]:
    """The forms of `term` that may follow the word `before` and stand where the word `replaced` starts (with
    `elided`, only the forms that take the place of that word), most preferred first (cached: the same words
    recur around every anchor)."""
    return tuple(form for i, form in enumerate(term.forms)
                 if term.context(i).fits(before, replaced) and (term.context(i).replaces or not elided))


def _edit(text: str, words: list[_Word], first: int, last: int, form: str, term: int) -> _Edit:
    at_start = first == 0 and (not words or not any(c.isalnum() for c in text[:words[0].start]))
    if at_start:
        form = form[:1].upper() + form[1:]
    if last > first:
        start, end, replacement = words[first].start, words[last - 1].end, form
    elif first < len(words):
        start = end = words[first].start
        replacement = form + " "
    elif words:
        start = end = words[-1].end
        replacement = " " + form
    else:
        start, end, replacement = 0, len(text), form
    return _Edit(term, first, last, start, end, replacement, text[:start] + replacement + text[end:])


def _source_span(source: list[str], surface: str) -> list[int]:
    """Indexes of the source pieces that spell `surface` as a whole word (or words), wherever it occurs; an
    all-capital surface (US) only as written, any other in any case (a capital opens a sentence). [] when it is
    not found."""
    if not surface:
        return []
    text, starts = "", []
    for piece in source:
        starts.append(len(text))
        text += piece.replace(SPACE, " ")
    flags = 0 if surface.isupper() else re.IGNORECASE
    indexes: list[int] = []
    for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text, flags):
        indexes += [i for i, start in enumerate(starts) if start < match.end() and start + len(source[i]) > match.start()]
    return sorted(set(indexes))
