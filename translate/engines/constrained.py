"""Lexically constrained beam search for Hugging Face seq2seq models (Marian, M2M100/NLLB).

transformers 5 moved constrained beam search to the Hub (it needs trust_remote_code and a download), so Inkuru
owns a small decoding loop: batched, with a KV cache, and dynamic beam allocation (Post & Vilar 2018). Each
constraint is *disjunctive*: any one of its token sequences satisfies it, so a glossary term can be met by any of
its accepted surface forms (Uburusiya | u Burusiya | mu Burusiya …); the sequences are held as a token trie.

Per sentence and step, half the beam goes to the best candidates by score, as in plain beam search, and half to
those that have produced the most constraint tokens (their "bank"); a hypothesis with every term may end from
either half. The search stops as plain beam search does, or soon after the model's best hypothesis first wanted
to end (see _OVERRUN_STRETCH), so where the model places the terms itself its own output comes back. Terms are
confirmed in the decoded text at word ends, by the same glossary matcher that writes the term report (the
`confirm` callback).
"""

from __future__ import annotations

import functools
import inspect
import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Callable

import numpy

NEG_INF = float("-inf")
_TAIL = 4000  # characters of decoded output kept per hypothesis (whole sentences, for the matcher)
_LONGEST_FORM = 120  # forms are searched this far back from the newest piece
_BOUNDARY = r" '’\-\"(«“"
_TRAILING = " .,;:!?)»”\"'’"  # what may follow a form inside the same piece
# A hypothesis the model wanted to end but could not (a term was missing) runs on into looping text; with length
# normalisation such an output, slipping the term in late, can outscore a fluent one, and the search would run to
# its length limit. Even where the model's best hypothesis did end with every term, the search's other
# hypotheses (held to the terms, so fewer of them finish than in plain beam search) can run on well past it. So
# once the model's best hypothesis has wanted to end, ended or not, the search goes on only this much longer
# than that natural end or than an output that already has every term. Without such an output a strict search
# goes on to its limit (the terms are required); a soft one stops this much after the natural end plus the
# terms' length.
_OVERRUN_STRETCH = 1.25
_OVERRUN_SLACK = 4
# Where the best hypothesis ended with every term, the terms need no room: the search stops about where plain
# beam search would (it needs `beam` finished outputs, and its others finish near the best one).
_COMPLETE_STRETCH = 1.1
_COMPLETE_SLACK = 2
_CONTINUING_ROOM = 8  # see ConstrainedSearch._opening_reach
_NO_TOKENS = numpy.zeros(0, dtype=numpy.int64)


@dataclass(frozen=True)
class TokenConstraint:
    """One required term: met when any of its forms appears in the output.

    `alternatives` (token id sequences) guide the search; `forms` (strings, matched ignoring case) detect it in the
    decoded text too, so a term the model produces with another segmentation than ours still counts once.
    """

    key: str
    alternatives: tuple[tuple[int, ...], ...]
    forms: tuple[str, ...] = ()
    # Confirms a string match in context (e.g. the glossary matcher: an augmentless form only counts after
    # mu/ku/a demonstrative), so the search and the final term report agree.
    confirm: Callable[[str], bool] | None = field(default=None, compare=False)
    hard: bool = False  # blocks end-of-sentence until met, even in a search that is not strict

    def __post_init__(self) -> None:
        children, depth = _token_trie(self.alternatives)
        object.__setattr__(self, "children", children)
        object.__setattr__(self, "depth", depth)
        object.__setattr__(self, "starts", frozenset(children[0]))
        object.__setattr__(self, "vocabulary", frozenset(t for sequence in self.alternatives for t in sequence))
        object.__setattr__(self, "_length", max(len(a) for a in self.alternatives))
        object.__setattr__(self, "ending_pattern", _ending_pattern(self.forms))

    @property
    def length(self) -> int:
        return self._length  # type: ignore[attr-defined,no-any-return]

    def ends(self, text: str) -> bool:
        """True when a form ends `text` (give it whole words: it is checked at word boundaries only, so
        'amata' in 'amatarwondege' does not count) and the confirm callback, if any, agrees in context."""
        pattern = self.ending_pattern  # type: ignore[attr-defined]
        if pattern is None:
            return False
        # Matched backwards from the end (the pattern is reversed): one anchored match instead of a scan of the
        # tail. A text shorter than the window starts at a word boundary: the appended space stands for that.
        backwards = text[-_LONGEST_FORM - 1:][::-1] + (" " if len(text) <= _LONGEST_FORM else "")
        if not pattern.match(backwards):
            return False
        return self.confirm is None or self.confirm(text)


@functools.lru_cache(maxsize=4096)
def _token_trie(alternatives: tuple[tuple[int, ...], ...]) -> tuple[list[dict[int, int]], list[int]]:
    """The alternatives as a token trie (children per node, node 0 the root, and each node's depth): the many
    forms of a Kinyarwanda term share their openings (y'indege …, y'Uburusiya …), so a hypothesis is part-way
    into a handful of nodes rather than into dozens of alternatives. Cached: a glossary's terms recur."""
    children: list[dict[int, int]] = [{}]
    depth = [0]
    for sequence in alternatives:
        node = 0
        for token in sequence:
            if token not in children[node]:
                children[node][token] = len(children)
                children.append({})
                depth.append(depth[node] + 1)
            node = children[node][token]
    return children, depth


@functools.lru_cache(maxsize=4096)
def _ending_pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    """A regex that matches the reversed text when a form (preceded by a word boundary, followed by nothing but
    closing punctuation) ends the text, ignoring case; None without forms."""
    if not forms:
        return None
    backwards = "|".join(re.escape(f[::-1]) for f in sorted(forms, key=len, reverse=True))
    return re.compile(f"[{re.escape(_TRAILING)}]*?(?:{backwards})(?=[{_BOUNDARY}])", re.IGNORECASE)


@dataclass(frozen=True)
class ConstraintState:
    """Per hypothesis: which constraints are met and how far into each the output is (trie nodes)."""

    met: tuple[bool, ...]
    progress: tuple[frozenset[int], ...]  # per constraint: the trie nodes the output's last tokens have reached
    tail: str = " "  # the end of the decoded output, for string matching of forms
    bank: int = 0  # constraint tokens produced so far (met constraints count in full)

    @classmethod
    def start(cls, constraints: list[TokenConstraint]) -> ConstraintState:
        return cls(tuple(False for _ in constraints), tuple(frozenset() for _ in constraints))

    def advance(self, constraints: list[TokenConstraint], token: int, piece: str = "") -> ConstraintState:
        """The state after `token` (whose text is `piece`). Terms are confirmed when a word ends: at a piece
        that starts a new word, or at the end of the output (`close`)."""
        if all(self.met):  # nothing left to find (or no terms at all): the state stays as it is, text included
            return self
        met, progress = list(self.met), list(self.progress)
        changed = False
        if not piece[:1].isalnum():
            for index in self._ending(constraints):
                met[index], progress[index], changed = True, frozenset(), True
        tail = (self.tail + piece)[-_TAIL:]
        if not changed and not any(self.progress) and not any(
                token in c.vocabulary for c, done in zip(constraints, met) if not done):  # type: ignore[attr-defined]
            # The common case: no term part-way, none completed here, and this token is in none of the others.
            return ConstraintState(self.met, self.progress, tail, self.bank)
        for index, constraint in enumerate(constraints):
            if met[index]:
                continue
            children = constraint.children  # type: ignore[attr-defined]
            # A completed alternative stays reached until the word ends (then `_ending` marks the term met).
            moved = {children[node][token] for node in progress[index] if token in children[node]}
            if token in children[0]:
                moved.add(children[0][token])
            progress[index] = frozenset(moved)
        return ConstraintState(tuple(met), tuple(progress), tail, _bank(constraints, met, progress))

    def _ending(self, constraints: list[TokenConstraint]) -> tuple[int, ...]:
        """Unmet constraints whose form ends the output so far; the same for every candidate extending this
        hypothesis, so it is computed once per hypothesis."""
        cached = self.__dict__.get("_ending_cache")
        if cached is None:
            cached = tuple(i for i, c in enumerate(constraints) if not self.met[i] and c.ends(self.tail))
            object.__setattr__(self, "_ending_cache", cached)
        return cached

    def close(self, constraints: list[TokenConstraint]) -> ConstraintState:
        """The state if the output ended here (asked for by both the end-of-sentence mask and its candidate)."""
        closed = self.__dict__.get("_closed")
        if closed is None:
            closed = self.advance(constraints, -1, "")
            object.__setattr__(self, "_closed", closed)
        return closed

    def confirm_whole(self, constraints: list[TokenConstraint]) -> ConstraintState:
        """This state with every unmet term that the confirm callback finds anywhere in the output marked met.

        Forms are matched where they end the output, exactly as listed; the glossary matcher also accepts
        variants ("ubwirinzi bwayo bwo mu kirere" for "ubwirinzi bwo mu kirere"). It is too slow to ask at every
        word, so the search asks it where the model wants to end but a term seems missing."""
        found = [i for i, c in enumerate(constraints)
                 if not self.met[i] and c.confirm is not None and c.confirm(self.tail)]
        if not found:
            return self
        met, progress = list(self.met), list(self.progress)
        for index in found:
            met[index], progress[index] = True, frozenset()
        return ConstraintState(tuple(met), tuple(progress), self.tail, _bank(constraints, met, progress))

    def continuing(self, constraints: list[TokenConstraint]) -> set[int]:
        """Tokens that continue an alternative part-way through."""
        continuing: set[int] = set()
        for index, nodes in enumerate(self.progress):
            if nodes and not self.met[index]:
                children = constraints[index].children  # type: ignore[attr-defined]
                for node in nodes:
                    continuing.update(children[node])
        return continuing

    def bank_after(self, constraints: list[TokenConstraint], token: int, word_end: bool) -> int:
        """The bank of `advance(token)` without building that state (building it is the costly part, so the search
        ranks candidates by this and builds only those it keeps). A token that ends a word confirms the terms
        whose form ends the output (`_ending`); each other unmet term keeps only the progress `token` continues
        or starts."""
        ending = self._ending(constraints) if word_end else ()
        total = self.bank_after_other(constraints, word_end)
        for index, constraint in enumerate(constraints):
            if self.met[index] or index in ending or token not in constraint.vocabulary:  # type: ignore[attr-defined]
                continue
            children, depth = constraint.children, constraint.depth  # type: ignore[attr-defined]
            reached = 1 if token in children[0] else 0
            for node in self.progress[index]:
                if token in children[node]:
                    reached = max(reached, depth[children[node][token]])
            total += min(reached, constraint.length - 1)
        return total

    def bank_after_other(self, constraints: list[TokenConstraint], word_end: bool) -> int:
        """The bank after a token that neither starts nor continues a term: the met terms, and those a word end
        confirms (one of two values per state: cached)."""
        cache = self.__dict__.setdefault("_other_banks", {})
        if word_end not in cache:
            ending = self._ending(constraints) if word_end else ()
            cache[word_end] = sum(c.length for i, c in enumerate(constraints) if self.met[i] or i in ending)
        return cache[word_end]  # type: ignore[no-any-return]

    @property
    def all_met(self) -> bool:
        return all(self.met)

    def hard_met(self, constraints: list[TokenConstraint]) -> bool:
        return all(met or not c.hard for met, c in zip(self.met, constraints))


def starting_tokens(constraints: list[TokenConstraint], met: tuple[bool, ...]) -> set[int]:
    """Tokens that start an alternative of an unmet constraint."""
    starting: set[int] = set()
    for constraint, done in zip(constraints, met):
        if not done:
            starting |= constraint.starts  # type: ignore[attr-defined]
    return starting


def _bank(constraints: list[TokenConstraint], met: list[bool], progress: list[frozenset[int]]) -> int:
    total = 0
    for index, constraint in enumerate(constraints):
        if met[index]:
            total += constraint.length
        elif progress[index]:
            depth = constraint.depth  # type: ignore[attr-defined]
            total += min(max(depth[node] for node in progress[index]), constraint.length - 1)
    return total


@dataclass
class _Hypothesis:
    tokens: list[int]
    score: float
    state: ConstraintState
    parent_row: int = 0
    finished: bool = False
    steered: bool = False  # it or an ancestor was kept for its bank where a plain beam search would have dropped it

    def normalized(self, length_penalty: float) -> float:
        return self.score / max(1, len(self.tokens) - 1) ** length_penalty


# A possible extension of a hypothesis, before its constraint state is built: (score, row, token, steers, parent),
# where `steers` says the token continues or starts a term. Plain tuples: a search makes tens of thousands.
_Candidate = tuple[float, int, int, bool, _Hypothesis]


@dataclass
class SearchResult:
    tokens: list[int]  # output ids including the decoder start token
    finished: bool
    unmet: list[str] = field(default_factory=list)  # keys of the constraints the output does not meet
    # The constraints shaped the search: the output descends from a hypothesis kept for its bank, or the
    # model's best hypothesis was kept from ending without a term (the output may still equal the plain one).
    steered: bool = False


@dataclass(frozen=True)
class SearchSettings:
    beam: int
    max_new_tokens: int
    decoder_start: int
    eos: int
    banned: tuple[int, ...] = ()
    forced_first: int | None = None  # NLLB: the target language code
    strict: bool = True  # hard constraints: end-of-sentence is blocked until every constraint is met
    length_penalty: float = 1.0
    no_repeat_ngram: int = 0
    prefer_margin: float = 0.15  # prefer mode: accept a term-satisfying output this much worse per token
    min_new_tokens: int = 0  # no end-of-sentence before this many tokens (benchmarks fix the output length)


def _repeated_ngram_bans(tokens: list[int], n: int) -> set[int]:
    """Tokens that would complete an n-gram already present (no_repeat_ngram_size, as in HF)."""
    if n <= 0 or len(tokens) < n:
        return set()
    prefix = tuple(tokens[len(tokens) - n + 1:])
    return {tokens[i + n - 1] for i in range(len(tokens) - n + 1) if tuple(tokens[i:i + n - 1]) == prefix}


class ConstrainedSearch:
    """One batched search over `len(constraints)` source sentences."""

    def __init__(self, model: Any, settings: SearchSettings, constraints: list[list[TokenConstraint]],
                 pieces: list[str], limits: list[int] | None = None) -> None:
        self.model, self.settings, self.constraints = model, settings, constraints
        # New tokens per sentence (settings.max_new_tokens for all by default): a sentence without terms that
        # rides along with others gets the length limit it would get alone.
        self._limits = limits or [settings.max_new_tokens] * len(constraints)
        self.pieces = pieces  # token id -> its text ("" for special tokens), for string matching of forms
        self._word_break = [not piece[:1].isalnum() for piece in pieces]
        # Per sentence: the length at which its best hypothesis first wanted to end (see _OVERRUN_STRETCH),
        # whether a missing term kept it from ending then, and whether it had every term then.
        self._natural_end: list[int | None] = [None for _ in constraints]
        self._held_back = [False for _ in constraints]
        self._ended_complete = [False for _ in constraints]
        self._starts: dict[tuple[int, tuple[bool, ...]], tuple[set[int], Any]] = {}
        self._cache_name = "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"

    def run(self, input_ids: Any, attention_mask: Any) -> list[SearchResult]:
        import torch

        s = self.settings
        with torch.inference_mode():
            encoder = self.model.get_encoder()(input_ids=input_ids, attention_mask=attention_mask)
            hidden = encoder.last_hidden_state
            device = hidden.device
            live = [[_Hypothesis([s.decoder_start], 0.0, ConstraintState.start(c))] for c in self.constraints]
            finished: list[list[_Hypothesis]] = [[] for _ in self.constraints]
            cache = None
            row_sentences: list[int] = []
            for step in range(s.max_new_tokens):
                active = [i for i in range(len(live)) if live[i] and not self._done(live[i], finished[i], i)]
                if not active:
                    break
                rows = [(i, h) for i in active for h in live[i]]
                sentences = [i for i, _ in rows]
                if sentences != row_sentences:  # the encoder's rows follow the hypotheses' sentences
                    row_sentences = sentences
                    index = torch.tensor(sentences, device=device)
                    row_hidden, row_mask = hidden[index], attention_mask[index]
                if cache is not None:
                    cache.reorder_cache(torch.tensor([h.parent_row for _, h in rows], device=device))
                output = self.model(
                    encoder_outputs=(row_hidden,), attention_mask=row_mask,
                    decoder_input_ids=torch.tensor([[h.tokens[-1]] for _, h in rows], device=device),
                    use_cache=True, **{self._cache_name: cache},
                )
                cache = getattr(output, self._cache_name)
                log_probs = torch.log_softmax(output.logits[:, -1, :].float(), dim=-1)
                self._mask_tokens(log_probs, step)
                # The top candidates of each row are found where the model runs (on a GPU that spares the CPU a
                # sort of the whole vocabulary per row); choosing among them is per-row Python work, on the CPU.
                top = log_probs.topk(self._top_k(log_probs), dim=-1)
                log_probs, top_scores, top_tokens = log_probs.cpu(), top.values.cpu(), top.indices.cpu()
                top_scores, top_tokens = self._mask(log_probs, rows, top_scores, top_tokens)
                self._select(active, rows, log_probs, top_scores.tolist(), top_tokens.tolist(),
                             self._openings(rows, log_probs), live, finished)
        results = [self._best(live[i], finished[i], self.constraints[i]) for i in range(len(live))]
        for result, held_back in zip(results, self._held_back):
            result.steered = result.steered or held_back
        return results

    def _done(self, live: list[_Hypothesis], finished: list[_Hypothesis], sentence: int) -> bool:
        """As transformers' beam search (early_stopping=False): stop once `beam` outputs are finished and no
        live hypothesis can still beat the worst of them, and soon after the natural end (see _OVERRUN_STRETCH).
        Once the model has wanted to end but a term held it back, one finished output that meets every term is
        enough; before that a strict search waits for `beam` outputs, as plain beam search does, so that where
        the model places the terms itself it keeps the model's own output."""
        s = self.settings
        if len(live[0].tokens) - 1 >= self._limits[sentence]:  # the decoder start is not a new token
            return True
        satisfying = [len(h.tokens) for h in finished if h.state.all_met] if self.constraints[sentence] else []
        natural_end = self._natural_end[sentence]
        if natural_end is not None and (satisfying or not s.strict):  # see _OVERRUN_STRETCH
            room = min(satisfying) if satisfying else natural_end + sum(c.length for c in self.constraints[sentence])
            stretch, slack = ((_COMPLETE_STRETCH, _COMPLETE_SLACK) if self._ended_complete[sentence]
                              else (_OVERRUN_STRETCH, _OVERRUN_SLACK))
            if len(live[0].tokens) > max(room, natural_end) * stretch + slack:
                return True
        # A soft search runs only for sentences that lack a term, so an output with every term ends it.
        if len(finished) < (1 if satisfying and (self._held_back[sentence] or not s.strict) else s.beam):
            return False
        finished.sort(key=lambda h: h.normalized(s.length_penalty), reverse=True)
        del finished[s.beam:]
        best_live = max(h.normalized(s.length_penalty) for h in live)
        return best_live < finished[-1].normalized(s.length_penalty)

    def _mask_tokens(self, log_probs: Any, step: int) -> None:
        """What no row may choose: banned tokens, anything but the language code first (NLLB), an early end."""
        s = self.settings
        if s.banned:
            log_probs[:, list(s.banned)] = NEG_INF
        if step == 0 and s.forced_first is not None:
            forced = log_probs[:, s.forced_first].clone()
            log_probs.fill_(NEG_INF)
            log_probs[:, s.forced_first] = forced
        if step < s.min_new_tokens:
            log_probs[:, s.eos] = NEG_INF

    def _mask(self, log_probs: Any, rows: list[tuple[int, _Hypothesis]], top_scores: Any,
              top_tokens: Any) -> tuple[Any, Any]:
        """Per row: repeated n-grams (on a retry) and an end of sentence that would leave a required term out.
        Returns the rows' top candidates, updated where a mask removed one of them."""
        s = self.settings
        table = log_probs.numpy()  # a view: per-row writes through numpy cost far less than through torch
        if s.no_repeat_ngram:
            for row, (_, hypothesis) in enumerate(rows):
                table[row, list(_repeated_ngram_bans(hypothesis.tokens, s.no_repeat_ngram))] = NEG_INF
            top_scores, top_tokens = log_probs.topk(self._top_k(log_probs), dim=-1)
        # End-of-sentence can only be chosen where it is among a row's top candidates (`_select`), so only there
        # is it worth asking whether the hypothesis may end.
        reach = (table[:, s.eos] >= top_scores[:, -1].numpy()).tolist()
        wants_end = (table[:, s.eos] >= top_scores[:, 0].numpy()).tolist()  # end-of-sentence is the row's best
        blocked: list[int] = []
        previous = -1
        for row, (sentence, hypothesis) in enumerate(rows):
            best, previous = sentence != previous, sentence  # a sentence's first row is its best hypothesis
            constraints = self.constraints[sentence]
            if not constraints or not reach[row]:
                continue
            closed = hypothesis.state.close(constraints)
            may_end = closed.all_met if s.strict else closed.hard_met(constraints)
            if may_end and not (best and self._natural_end[sentence] is None):
                continue
            if wants_end[row] and not may_end:
                hypothesis.state = hypothesis.state.confirm_whole(constraints)
                closed = hypothesis.state.close(constraints)
                may_end = closed.all_met if s.strict else closed.hard_met(constraints)
                self._held_back[sentence] |= best and not may_end
            if wants_end[row] and best and self._natural_end[sentence] is None:
                self._natural_end[sentence] = len(hypothesis.tokens) + 1  # its length, ended or not
                self._ended_complete[sentence] = closed.all_met
            if may_end:
                continue
            table[row, s.eos] = NEG_INF
            blocked.append(row)
        if blocked:  # the end was among these rows' top candidates: the next one moves up
            again = log_probs[blocked].topk(top_scores.shape[1], dim=-1)
            top_scores[blocked], top_tokens[blocked] = again.values, again.indices
        return top_scores, top_tokens

    def _top_k(self, log_probs: Any) -> int:
        return min(self.settings.beam * 2, log_probs.shape[-1])  # candidates per row, as transformers takes

    def _openings(self, rows: list[tuple[int, _Hypothesis]], log_probs: Any) -> list[list[tuple[int, float]]]:
        """Per row, its likeliest tokens that open a term not yet met, best first, as many as `_select` can need:
        one gather and top-k over all rows rather than a search of each row's scores."""
        import torch

        indexes = [self._starting(sentence, hypothesis.state.met)[1] if self.constraints[sentence] else _NO_TOKENS
                   for sentence, hypothesis in rows]
        width = max(len(index) for index in indexes)
        if not width:
            return [[] for _ in rows]
        padded = numpy.zeros((len(rows), width), dtype=numpy.int64)
        padding = numpy.ones((len(rows), width), dtype=bool)
        for row, index in enumerate(indexes):
            padded[row, :len(index)] = index
            padding[row, :len(index)] = False
        values = log_probs.gather(1, torch.from_numpy(padded)).masked_fill_(torch.from_numpy(padding), NEG_INF)
        top = values.topk(min(width, self._opening_reach(log_probs)), dim=1)
        tokens = numpy.take_along_axis(padded, top.indices.numpy(), axis=1)
        return [list(zip(t, v)) for t, v in zip(tokens.tolist(), top.values.tolist())]

    def _opening_reach(self, log_probs: Any) -> int:
        """Openings fetched per row: a row takes `beam` of them that are not already among its candidates (its
        top-k and the tokens continuing its terms), so this many cover all but rows with many terms part-way."""
        return self.settings.beam + self._top_k(log_probs) + _CONTINUING_ROOM

    def _select(self, active: list[int], rows: list[tuple[int, _Hypothesis]], log_probs: Any,
                top_scores: list[list[float]], top_tokens: list[list[int]], openings: list[list[tuple[int, float]]],
                live: list[list[_Hypothesis]], finished: list[list[_Hypothesis]]) -> None:
        s = self.settings
        table = log_probs.numpy()  # per-row lookups below: numpy indexing costs far less per call than torch's
        candidates: dict[int, list[_Candidate]] = {i: [] for i in active}
        for row, (sentence, hypothesis) in enumerate(rows):
            scores = dict(zip(top_tokens[row], top_scores[row]))
            constraints, base = self.constraints[sentence], hypothesis.score
            if hypothesis.state.all_met:  # (or no terms at all) nothing to steer toward
                candidates[sentence] += [(base + score, row, token, False, hypothesis)
                                         for token, score in scores.items() if score != NEG_INF]
                continue
            continuing = hypothesis.state.continuing(constraints)
            starting, opening = self._starting(sentence, hypothesis.state.met)
            if continuing:  # every started term may go on
                extra = sorted(continuing - scores.keys())
                scores.update(zip(extra, table[row, extra].tolist()))
            if len(opening):  # but only the likeliest few terms may start here
                scores.update(self._likeliest_openings(openings[row], table[row], opening, scores))
            candidates[sentence] += [
                (base + score, row, token, token in continuing or token in starting, hypothesis)
                for token, score in scores.items() if score != NEG_INF
            ]
        for sentence in active:
            live[sentence] = self._allocate(candidates[sentence], self.constraints[sentence], finished[sentence])

    def _likeliest_openings(self, openings: list[tuple[int, float]], row: Any, opening: Any,
                            taken: dict[int, float]) -> dict[int, float]:
        """The `beam` likeliest opening tokens not in `taken`, from the row's `_openings`; should those run out
        before `beam` are found, from all of the row's scores (`opening`: the row's opening tokens)."""
        beam = self.settings.beam
        found: dict[int, float] = {}
        for token, score in openings:
            if score == NEG_INF:  # the rest are impossible or padding
                return found
            if token not in taken:
                found[token] = score
                if len(found) == beam:
                    return found
        if len(openings) >= len(opening):  # every opening was fetched
            return found
        scores = row[opening]
        for index in numpy.argsort(-scores, kind="stable").tolist():
            token = int(opening[index])
            if token not in taken and scores[index] != NEG_INF:
                found[token] = float(scores[index])
                if len(found) == beam:
                    break
        return found

    def _starting(self, sentence: int, met: tuple[bool, ...]) -> tuple[set[int], Any]:
        """The tokens that open a term not yet met, as a set and as a sorted numpy index (cached per met-set)."""
        key = (sentence, met)
        if key not in self._starts:
            starting = starting_tokens(self.constraints[sentence], met)
            self._starts[key] = (starting, numpy.array(sorted(starting), dtype=numpy.int64))
        return self._starts[key]

    def _build(self, candidate: _Candidate, constraints: list[TokenConstraint]) -> _Hypothesis:
        """The hypothesis a candidate makes; built only for candidates that are kept (it is the costly part)."""
        score, row, token, _, parent = candidate
        eos = self.settings.eos
        piece = self.pieces[token] if token < len(self.pieces) else ""
        state = parent.state.close(constraints) if token == eos else parent.state.advance(constraints, token, piece)
        return _Hypothesis(parent.tokens + [token], score, state, row, token == eos, parent.steered)

    def _allocate(self, candidates: list[_Candidate], constraints: list[TokenConstraint],
                  finished: list[_Hypothesis]) -> list[_Hypothesis]:
        """Keep the best candidates by score, but reserve part of the beam for those furthest along the
        constraints (the highest banks), so a term can be completed even where the model would not choose it.

        Classic DBA shares the beam equally across all banks; with a beam of 4 and several multi-token terms
        that leaves no room for the model's own hypotheses, and outputs fill up with terms dumped at the start.
        """
        beam = self.settings.beam
        ranked = sorted(candidates, key=itemgetter(0), reverse=True)
        reserved = 0 if not constraints else max(1, beam // 2)
        chosen: list[_Hypothesis] = []
        kept = 0
        for position, candidate in enumerate(ranked):
            if kept >= beam - reserved:
                break
            chosen.append(self._build(candidate, constraints))
            kept += not chosen[-1].finished
        else:
            position = len(ranked)
        if reserved:
            chosen += self._furthest(ranked[position:], position, constraints, reserved)
        finished.extend(h for h in chosen if h.finished)
        return [h for h in chosen if not h.finished]

    def _furthest(self, candidates: list[_Candidate], first_rank: int, constraints: list[TokenConstraint],
                  slots: int) -> list[_Hypothesis]:
        """The best `slots` of `candidates` (ranked by score from `first_rank` on) by bank, then score, built.

        End-of-sentence competes only for a hypothesis that meets every term: it then has the top bank and
        finishes, instead of being pushed on past its natural end by the unconstrained hypotheses' better scores.
        """
        if all(candidate[4].state.all_met for candidate in candidates):  # alike in bank: the order is the score's
            return self._built(list(enumerate(candidates[:slots], start=first_rank)), constraints)
        eos, word_break, width = self.settings.eos, self._word_break, len(self._word_break)
        ranked: list[tuple[int, float, int, _Candidate]] = []  # (bank, score, rank, candidate)
        plain: dict[tuple[int, bool], int] = {}  # non-steering candidates taken per (parent row, ends a word)
        for rank, candidate in enumerate(candidates, start=first_rank):
            score, row, token, steers, parent = candidate
            if token == eos:
                closed = parent.state.close(constraints)
                if closed.all_met:
                    ranked.append((closed.bank, score, rank, candidate))
                continue
            word_end = token >= width or word_break[token]
            if steers:
                ranked.append((parent.state.bank_after(constraints, token, word_end), score, rank, candidate))
                continue
            # Non-steering tokens of one parent that alike end (or continue) a word reach the same bank, and they
            # come in order of score: only the first `slots` of them can be chosen.
            kind = (row, word_end)
            taken = plain.get(kind, 0)
            if taken < slots:
                plain[kind] = taken + 1
                ranked.append((parent.state.bank_after_other(constraints, word_end), score, rank, candidate))
        ranked.sort(key=itemgetter(0, 1), reverse=True)
        return self._built([(rank, candidate) for _, _, rank, candidate in ranked[:slots]], constraints)

    def _built(self, chosen: list[tuple[int, _Candidate]], constraints: list[TokenConstraint]) -> list[_Hypothesis]:
        """The hypotheses of candidates chosen for their bank (with their rank by score): those a plain beam
        search would have dropped are marked steered."""
        hypotheses = []
        for rank, candidate in chosen:
            hypothesis = self._build(candidate, constraints)
            hypothesis.steered = hypothesis.steered or rank >= self.settings.beam
            hypotheses.append(hypothesis)
        return hypotheses

    def _best(self, live: list[_Hypothesis], finished: list[_Hypothesis],
              constraints: list[TokenConstraint]) -> SearchResult:
        s = self.settings
        for hypothesis in live:  # outputs cut by the length budget end here
            hypothesis.state = hypothesis.state.close(constraints)
        # Without a finished output (the length budget ran out), the live one that met most terms wins.
        pool = finished or [h for h in live if sum(h.state.met) == max(sum(x.state.met) for x in live)]
        best = max(pool, key=lambda h: h.normalized(s.length_penalty))
        if not s.strict and constraints:
            most = max(sum(h.state.met) for h in pool)
            satisfying = [h for h in pool if sum(h.state.met) == most]
            candidate = max(satisfying, key=lambda h: h.normalized(s.length_penalty))
            if candidate.normalized(s.length_penalty) >= best.normalized(s.length_penalty) - s.prefer_margin:
                best = candidate
        unmet = [c.key for c, ok in zip(constraints, best.state.met) if not ok]
        return SearchResult(best.tokens, bool(finished), unmet, best.steered)
