"""The sense of a rendering that has another everyday one, read from its sentence by the entry's context cues
(`rw_context`): the words around the match, the places, bodies and foreign names said right after it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Mapping, Sequence
from typing import NamedTuple

from translate.glossary.entries import Entry
from translate.glossary.kinyarwanda.forms import _AND, _LIKE, DEMONSTRATIVES, OTHERS, without_augment
from translate.glossary.kinyarwanda.grammar import _SENSE
from translate.glossary.morphology import FULL_CONNECTIVES, O_CONNECTIVES, spelt_foreign
from translate.glossary.textnorm import ABBREVIATED_TITLES, Token, fold


_SENTENCE_END = re.compile(r"[.!?\n]")
# A full stop after an initial or a title's abbreviation (Dr. Murangira B. Thierry) ends no sentence.
_ABBREVIATIONS = ABBREVIATED_TITLES | {"st", "jr", "sr"}  # Saint, Junior, Senior


class _Sentences:
    """The sentences of a tokenized text, found once (a parenthesis or a quote does not end one): which sentence
    a token is in, where it starts and ends, and whether it is written in Title Case."""

    def __init__(self, tokens: list[Token]) -> None:
        self.of: list[int] = []
        self.bounds: list[tuple[int, int]] = []
        start = 0
        for k, token in enumerate(tokens):
            gap = token.gap
            if k and gap != " " and _SENTENCE_END.search(gap) and not self._abbreviation(tokens[k - 1], gap):
                self.bounds.append((start, k))
                start = k
            self.of.append(len(self.bounds))
        self.bounds.append((start, len(tokens)))
        self.title_case = [self._title_case(tokens[a:b]) for a, b in self.bounds]
        # worked out once: the matcher asks it of every word, and the sense cues of every word of a sentence
        opening = {a for a, _ in self.bounds}
        self.capitalised = [token.orig[:1].isupper() and k not in opening and not _opens_quotation(tokens, k)
                            for k, token in enumerate(tokens)]

    @staticmethod
    def _abbreviation(token: Token, gap: str) -> bool:
        initial = len(token.orig) == 1 and token.orig.isupper()
        return gap.strip() == "." and (initial or token.norm in _ABBREVIATIONS)

    @staticmethod
    def _title_case(tokens: list[Token]) -> bool:
        initials = [t.orig[:1] for t in tokens if not t.clitic]
        words = [c for c in initials if c.isalpha()]
        return sum(map(str.isupper, words)) >= 0.8 * len(words)

    def around(self, i: int) -> tuple[int, int]:
        return self.bounds[self.of[i]]

    def capitalised_inside(self, k: int) -> bool:
        """Token k of the text is capitalised and does not open its sentence, nor a quotation (ati "Yego …", ati:
        Ntabwo …): a name, or a noun with a capital by choice."""
        return self.capitalised[k]


_QUOTED_NAME_WORDS = 4  # a quotation of up to so many capitalised words is a name (wiswe "Mama Africa")


def _opens_quotation(tokens: list[Token], k: int) -> bool:
    """Token k opens a quotation: after a quotation mark against it, or a colon; not a name in quotation marks,
    a few capitalised words the mark closes (bwa "Gerayo Amahoro")."""
    gap = tokens[k].gap
    if gap.rstrip().endswith(":"):
        return True
    if not gap.endswith(('"', "“", "«")):
        return False
    for m in range(k + 1, min(k + _QUOTED_NAME_WORDS, len(tokens)) + 1):
        if m == len(tokens) or any(q in tokens[m].gap for q in ('"', "”", "»")):
            return not all(t.orig[:1].isupper() for t in tokens[k:m])
    return True


def _sentence_words(tokens: list[Token], i: int, sentences: _Sentences, in_places: set[int]) -> list[Word]:
    """The words of token i's sentence, each with whether it is capitalised inside it and in a place's name; a word
    of a set phrase (_in_set_phrase) is left blank: it shows no sense."""
    start, end = sentences.around(i)
    words = []
    for k in range(start, end):
        norm = tokens[k].norm
        blank = norm in _SET_PHRASE_WORDS and _in_set_phrase(tokens, k)
        words.append(Word("" if blank else norm, sentences.capitalised[k], k in in_places))
    return words


_ANSWERED = re.compile(r"itab(?:a|ye)$")  # kwitaba, yitabye, witabye, yaritabye
_SET_PHRASE_WORDS = frozenset({"icumu", "igitego", "gitego", "imana"})


def _in_set_phrase(tokens: list[Token], k: int) -> bool:
    """Token k is a word of a set phrase of the press whose words mean nothing of their own: abacitse ku icumu
    (genocide survivors, who escaped the spear: no spear beside a shield), kwitaba Imana (to die: not God the
    protector) and igitego cy'umutwe (a header, said of a decisive blow: no football beside an election)."""
    if tokens[k].norm not in _SET_PHRASE_WORDS:
        return False
    before = [t.norm for t in tokens[max(0, k - 4):k] if not t.clitic]
    if tokens[k].norm == "icumu":
        return len(before) >= 2 and before[-1] == "ku" and before[-2].endswith("citse")
    if tokens[k].norm in ("igitego", "gitego"):
        after = [t.norm for t in tokens[k + 1:k + 3] if not t.clitic]
        return after[:1] == ["umutwe"]
    return tokens[k].norm == "imana" and bool(before) and bool(_ANSWERED.search(before[-1]))


# A cue is a stem: it may follow the word's prefixes (ya-katiw-e, rwa-mu-hanish-ije), not sit deep inside it.
# In a word capitalised inside the sentence (a name, or a noun with its augment: Urukiko, Imana) it may follow
# the augment only, so that names hold no cues (Bizimana is not imana).
_CUE_OFFSET, _CUE_OFFSET_CAPITALISED = 5, 1


class Word(NamedTuple):
    """A word of the sentence as folded; whether it is capitalised inside its sentence; whether it is in a place's
    name, which holds no stem (Ubwongereza is England, not a word holding gereza, a prison) but is a cue of its
    own, word for word (Washington, Amerika for tariffs); whether it stands where a noun drops its augment."""
    text: str
    capitalised: bool
    place: bool = False
    augmentless: bool = False  # after a demonstrative, "other" or "every", a noun drops its augment (b'iyi kipe)


class _Cue(NamedTuple):
    """A cue as folded; whole: it meets only the same word (an acronym, RIB, is no stem of ibiribwa)."""
    text: str
    whole: bool


@functools.lru_cache(maxsize=1 << 16)
def _cues(written: tuple[str, ...]) -> tuple[_Cue, ...]:
    """An entry's cues as read (folded once per entry, not at each match)."""
    return tuple(_Cue(fold(c), len(c) > 1 and c.isupper()) for c in written)


def _has_cue_without_augment(word: Word, cue: _Cue) -> bool:
    """Whether a word that dropped its augment holds the cue's noun or stem without it (b'iyi kipe: ikipe; w'iri
    huriro: ihurir)."""
    stem = without_augment(cue.text)
    return word.augmentless and not (word.place or cue.whole) and stem != cue.text and len(stem) >= 3 \
        and word.text.startswith(stem)


def _has_cue(word: Word, cue: _Cue) -> bool:
    if word.place or cue.whole:
        return word.text == cue.text
    return 0 <= word.text.find(cue.text) <= (_CUE_OFFSET_CAPITALISED if word.capitalised else _CUE_OFFSET)


# Tokens after a match within which a place named decides its sense: Umunyamabanga wa Leta wa Amerika; Intara ya
# Gaza yo mu majyepfo ya Mozambique.
_PLACE_NEAR = 6


def _clause_after(tokens: list[Token], j: int, size: int) -> range:
    """Up to `size` tokens from token j, in the same clause (no punctuation before any of them)."""
    end = j
    while end < min(j + size, len(tokens)) and tokens[end].joined:
        end += 1
    return range(j, end)


def _places_after(tokens: list[Token], j: int, place_at: Mapping[int, tuple[str, str]]) -> dict[str, str]:
    """The places named right after a match ending before token j, in the same clause, by id, as written."""
    near: dict[str, str] = {}
    for k in _clause_after(tokens, j, _PLACE_NEAR):
        if k in place_at:
            near.setdefault(*place_at[k])
    return near


def _placed_after(tokens: list[Token], j: int, places: Container[int]) -> bool:
    """Whether a place is named after a match ending before token j, in its clause, after mu/muri or a connective:
    what the match is of or in (intambara yo muri Sudani, intambara imaze imyaka ibiri muri Sudani). Not after i, a
    venue (intambara i Kigali); not past "and" or "like" (intambara ye na Rayon … mu Rwanda: a side it plays), nor
    past another noun a connective or mu/muri joins first, which the place is of (intambara muri shampiyona y'u
    Rwanda: the league's). `places`: the tokens where a place (not a people's word) is reported."""
    for k in _clause_after(tokens, j, _PLACE_NEAR):
        if tokens[k].norm in _AND | _LIKE:
            return False
        joined = _joins(tokens, k - 1) or (tokens[k - 1].norm == "u" and _joins(tokens, k - 2))  # y'u Burundi
        if joined and k in places:
            return True
        if joined and not _joins(tokens, k) and tokens[k].norm != "u":
            return False
    return False


_QUALIFIER_NEAR = 5  # a modifier, a connective and a noun of two words: Perezida mushya w'Inama Njyanama
# Words after which a noun drops its augment: a demonstrative, "other", "every" (iyi kipe, indi kipe, buri kipe).
_AUGMENT_DROPPERS = DEMONSTRATIVES | OTHERS | frozenset({"buri"})


def _words_after(tokens: list[Token], j: int, sentences: _Sentences) -> tuple[Word, ...]:
    """What qualifies the match right after it: the word that follows it (iperereza ryigenga) and the noun it is
    'of', after its connective, which may follow one modifier (Perezida w'ikipe, Perezida mushya w'Inama
    Njyanama, intambara y'ubucuruzi); not a word further on without a connective (Perezida yakiriye ikipe), nor
    one after "and", unless what follows "and" is a title that shares the match's 'of' (Perezida na Visi Perezida
    b'Urukiko rw'Ikirenga: the court's president and vice-president). Each with whether it is capitalised inside its
    sentence and whether it follows a word that drops a noun's augment (b'iyi kipe)."""
    clause = _clause_after(tokens, _past_coordinated_title(tokens, j), _QUALIFIER_NEAR)
    connective = _connective_after(tokens, clause)
    kept = [k for k in clause[:1] if k != connective]
    if connective is not None:
        kept += [k for k in clause if connective < k <= connective + 2]
    return tuple(Word(tokens[k].norm, sentences.capitalised_inside(k),
                      augmentless=k > 0 and tokens[k - 1].norm in _AUGMENT_DROPPERS) for k in kept)


_COORDINATED_TITLE = frozenset({"visi", "perezida", "prezida"})


def _past_coordinated_title(tokens: list[Token], j: int) -> int:
    """The token after "na" and the (vice-)president's title that follows the match, joined to it; j where there is
    none."""
    if j >= len(tokens) or tokens[j].norm != "na" or not tokens[j].joined:
        return j
    k = j + 1
    while k < len(tokens) and k <= j + 2 and tokens[k].norm in _COORDINATED_TITLE and tokens[k].joined:
        k += 1
    return k if k > j + 1 else j


def _place_of(tokens: list[Token], j: int, place_at: Mapping[int, tuple[str, str]]) -> tuple[str, str] | None:
    """The place a match is 'of' or 'in', named right after its connective or mu/muri (Minisiteri y'Ubuzima ya
    Uganda, y'u Bugande, muri Gaza), in the same line: its id and how it is written; None if none. Not a place it
    merely sits at (… i Kigali, ku Gisenyi), unless a connective makes it its own (Urukiko rw'i Paris)."""
    for k in _clause_after(tokens, j, 3):
        if "\n" in tokens[k].gap:
            return None
        if k in place_at:
            return place_at[k]
        of_at = tokens[k].norm == "i" and k > j and tokens[k - 1].clitic
        if tokens[k].norm in _AND | _LIKE or not (_joins(tokens, k) or tokens[k].norm == "u" or of_at):
            return None
    return None


def _joins(tokens: list[Token], k: int) -> bool:
    """Whether token k joins a match to what it is of or in: a connective (ya, y'), mu/muri, "of in" (yo mu); ko
    only before mu/muri (… ko muri Kenya), since before anything else it is "that" (yabwiye Akanama k'Umutekano
    ko u Rwanda …)."""
    if k < 0 or k >= len(tokens):
        return False
    if tokens[k].norm == "ko":
        return k + 1 < len(tokens) and tokens[k + 1].norm in ("mu", "muri")
    return tokens[k].clitic or tokens[k].norm in _OF_OR_IN


# What joins a match to the place it is of or in: a connective (ya, y'), mu/muri, "of in" (yo mu); ko apart.
_OF_OR_IN = (FULL_CONNECTIVES | O_CONNECTIVES | frozenset({"mu", "muri"})) - {"ko"}


# An infinitive's prefixes: "yo" right before one joins a noun to what it is for (intambara yo kurwanya ruswa);
# elsewhere an o-form is a pronoun (Intambara ni yo yashegeshe ubukungu: "it is the war that ...").
_INFINITIVE = ("ku", "gu", "kw", "gw")


def _connective_after(tokens: list[Token], clause: range) -> int | None:
    """The connective of agreement (not "and") right after a match or after one modifier: Perezida w'…, Perezida
    mushya w'…; or an o-connective right after it before an infinitive: intambara yo kurwanya …"""
    full = next((k for k in clause[:2] if tokens[k].norm not in _AND
                 and _connective(tokens[k])), None)
    if full is not None or len(clause) < 2:
        return full
    first = clause[0]
    return first if tokens[first].norm in O_CONNECTIVES and tokens[first + 1].norm.startswith(_INFINITIVE) else None


_ACRONYM_LETTERS = range(2, 9)


def _body_after(tokens: list[Token], j: int, sentences: _Sentences, organisations: Container[int],
                in_places: Container[int]) -> str | None:
    """The body a match is 'of', named right after its connective (one modifier may come first): a listed
    organisation, or an acronym that is no place (Perezida wa FERWAFA, Perezida mushya wa ANC), not a word of a
    sentence written all in capitals (PEREZIDA WA REPUBULIKA); None if none."""
    clause = _clause_after(tokens, j, 3)
    connective = _connective_after(tokens, clause)
    k = connective + 1 if connective is not None else None
    if k is None or k not in clause:
        return None
    acronym = len(tokens[k].orig) in _ACRONYM_LETTERS and tokens[k].orig.isupper() and k not in in_places \
        and not sentences.title_case[sentences.of[k]]
    return tokens[k].orig if k in organisations or acronym else None


def _foreign_after(tokens: list[Token], j: int, sentences: _Sentences, in_terms: Container[int]) -> str | None:
    """The name a match is 'of', right after its connective, if the glossary does not list it and it is spelt as
    no Kinyarwanda word is (Leta ya Kebbi, Leta ya Jubaland); None if none."""
    clause = _clause_after(tokens, j, 2)
    connective = _connective_after(tokens, clause)
    k = connective + 1 if connective is not None else None
    if k is None or k not in clause or k in in_terms or tokens[k].clitic or not tokens[k].orig[:1].isupper() \
            or sentences.title_case[sentences.of[k]]:
        return None
    return tokens[k].orig if spelt_foreign(tokens[k].norm) else None


_QUOTES = frozenset("\"“”«»‘’' ")


def _word_before(tokens: list[Token], i: int) -> str | None:
    """The word right before token i in the same phrase, folded, an elided one without its apostrophe (nk'), a
    quotation mark between them aside (nk'"intambara")."""
    quoted = i > 0 and tokens[i].gap.strip() != "" and set(tokens[i].gap) <= _QUOTES
    if i == 0 or not (tokens[i].joined or tokens[i - 1].clitic or quoted):
        return None
    return tokens[i - 1].norm.rstrip("'’")


def _connective(token: Token) -> bool:
    """An elided connective or a full one (w', wa, b', ba, n', na)."""
    return token.clitic or token.norm in FULL_CONNECTIVES


def _of_connective(token: Token) -> bool:
    """A connective that says 'of' (ya, y'), not 'and' or 'like' (na, n', nka, nk')."""
    return _connective(token) and token.norm not in _AND | _LIKE


def _word_of(tokens: list[Token], i: int) -> str | None:
    """The word a match at token i is 'of': the one right before its connective, full or elided, in the same phrase
    (amasezerano ya Paris, amasezerano y'i Paris: amasezerano), folded; None if no such connective stands before it
    (na, nka: 'and', 'like')."""
    k = i - 1
    if k > 0 and tokens[k].norm == "i" and tokens[k].joined and tokens[k - 1].clitic:
        k -= 1  # y'i Paris: of the place
    if k < 1 or not _of_connective(tokens[k]) or not (tokens[k].clitic or tokens[k + 1].joined):
        return None
    return tokens[k - 1].norm.rstrip("'’") if tokens[k].joined else None


def _unsupported_sense(entry: Entry, words: list[Word], places: frozenset[str], near: Mapping[str, str],
                       after: tuple[Word, ...] = (), body: str | None = None, before: str | None = None,
                       placed: bool = False, of: str | None = None, located: bool = False) -> str | None:
    """Why a rendering that has another everyday sense is not taken for the term here (None: it is), by the
    entry's `rw_context` (SenseCues): a place named right after the match decides (`near`: its id and how it is
    written); else the word right before it (`before`; not where a place it is of or in decides, `placed`), the
    word it is 'of' before its connective (`of`, for '!<<word') or a word after it (`after`, `body`) shows the
    other sense; else a place it is of or in (`placed`, for '>@place') or a word before it that supports it
    (`before`, for '<word') takes it for the term; else a word of its sentence shows the other sense, or none
    supports this one (`places`: those the sentence names, for '@place'; a place after the locative i, `located`,
    needs no support)."""
    cues = entry.sense_cues
    if any(place in near for place in cues.places_for):
        return None
    against, next_against = _cues(cues.against), _cues(cues.next_against)
    # a place it is of or in (>@place) outweighs the words of its sentence and the one before it (yabaye intambara
    # muri Sudani: became a war), not the words right after it (intambara y'ubucuruzi …)
    placed_wins = cues.place_after_for and placed
    other = next((near[place] for place in cues.places_against if place in near), None) \
        or body \
        or (before if before is not None and not placed_wins and before in map(fold, cues.previous_against)
            else None) \
        or (of if of is not None and without_augment(of) in {without_augment(fold(cue)) for cue in cues.of_against}
            else None) \
        or next((word.text for word in after for cue in next_against
                 if _has_cue(word, cue) or _has_cue_without_augment(word, cue)), None)
    # a place it is of or in, or a word before it that supports it (kubera intambara), outweighs its sentence's
    # words; not one of those right after it (kubera intambara ya ruswa)
    supported_before = before is not None and before in map(fold, cues.previous_for) \
        and not any(_has_cue(word, cue) for word in after for cue in against)
    if other is None and (placed_wins or supported_before):
        return None
    other = other or next((word.text for word in words for cue in against if _has_cue(word, cue)), None)
    if other is not None:
        return f"{_SENSE} '{other}' points to another sense than '{entry.en[0]}'"
    supporting = _cues(cues.supporting)
    supported = located or (cues.any_place and bool(places)) \
        or any(_has_cue(word, cue) for word in words for cue in supporting)
    if cues.supported_by_something and not supported:
        return f"{_SENSE} nothing in the sentence supports the sense '{entry.en[0]}'"
    return None
