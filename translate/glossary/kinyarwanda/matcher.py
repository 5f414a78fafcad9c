"""The Kinyarwanda matcher: scans a text with the patterns of `forms.py`, drops what `names.py` shows is part of
another name, and reports each match with its `grammar.py` warnings and, where `senses.py` finds another sense, as
ambiguous.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Container, Sequence
from typing import NamedTuple

from translate.glossary.entries import Entry, Glossary
from translate.glossary.kinyarwanda.forms import (
    Form, _AND, _LIKE, _clitics, _head_distance, _prefer_nearest_head, augmentless_triggers, entry_index,
    kinyarwanda_index,
    cached_home_bodies, cached_place_homographs, holds_a_name, organisation_heads, without_augment,
)
from translate.glossary.kinyarwanda.grammar import _SENSE, HASHTAG_NOTE, SURNAME_NOTE, _warnings
from translate.glossary.kinyarwanda.names import (
    DEMONYM_PREFIXES, MILITARY_RANKS, PLACE_UNITS, TITLE_WORDS, UnlistedName, _APPOSITIVE_HEADS, _OPENERS,
    _bracketed_acronym, _capitalised_words, _inside_longer_name, _linked, _named_after, _names_a_feature,
    _unlisted_names, after_name_particle, capitalised_name_before_acronym, initials, is_infinitive,
    renderings_before_acronym, spelt_out_before_acronyms, spelt_out_names, spelt_out_reading,
)
from translate.glossary.kinyarwanda.senses import (
    Word, _Sentences, _body_after, _foreign_after, _place_of, _placed_after, _places_after, _sentence_words,
    _connective, _of_connective, _unsupported_sense, _word_before, _word_of, _words_after,
)
from translate.glossary.matching import Pattern, PatternIndex, TermMatch
from translate.glossary.morphology import (
    CLITICS, DEMONSTRATIVES, FULL_CONNECTIVES, LOCATIVES, NAME_LOCATIVES, NOUN_CLASSES, OTHERS, VOWELS, connective,
    spelt_foreign,
)
from translate.glossary.spelling import (
    HONORIFICS, MIN_LETTERS, SPELLING_WARNING, name_spellings, one_edit_apart, with_misspelt_names,
)
from translate.glossary.textnorm import Token, fold, tokenize


def _world_names(glossary: Glossary) -> frozenset[tuple[str, str]]:
    """(entry, name) for each one-word English name of a place, folded: Rwanda, Burundi (not Burusiya)."""
    return glossary.cached(("rw-world-names",), lambda: frozenset(
        (e.id, fold(name)) for e in glossary if e.type == "place" for name in e.en if " " not in name.strip()))


def _english_accepted(tokens: list[Token], i: int, j: int, people: frozenset[str]) -> bool:
    """Whether an English word (tokens i to j) is the term written in English, not part of an English name: not
    after a capitalised word in the same phrase (Israel Premier Tech), nor before one, unless that is a person's
    name (President Tshisekedi, not Premier League); and not an elided Kinyarwanda word (war'umusirikare)."""
    if j < len(tokens) and tokens[j].gap.startswith(("'", "’")):
        return False
    if not tokens[i].orig[:1].isupper():
        return True
    after_name = i > 0 and tokens[i].joined and tokens[i - 1].orig[:1].isupper()
    opens_name = j < len(tokens) and tokens[j].joined and tokens[j].orig[:1].isupper() and tokens[j].norm not in people
    return not (after_name or opens_name)


def _accept(dialects: bool, glossary: Glossary) -> Callable[[Pattern, list[Token], int, int], bool]:
    triggers = augmentless_triggers(dialects)
    world_names = _world_names(glossary)
    # the words of people's names: an English title before one is the term (President Tshisekedi); before another
    # capitalised word it opens a name (Premier League, Army FC)
    people = name_spellings(glossary).name_words
    homographs = cached_place_homographs(glossary)

    def accept(pattern: Pattern, tokens: list[Token], i: int, j: int) -> bool:
        form: Form = pattern.data
        if pattern.upper and _on_a_number_plate(tokens, i, j):
            return False
        if form.kind == "augmentless":
            # R1: the augment only drops after a locative, nta/buri, a full connective or a focus pronoun (ni bo
            # bakuru b'ibihugu, below); and a relative clause
            # after its noun drops it (abantu bavanywe mu byabo): a term of three words or more is safe anywhere,
            # its dependents say what it is
            # and a name written as the world writes it opens a dateline or a headline so (Rwanda: …, Burundi na
            # RDC …; not Burusiya, which is no one's name), or stands alone, in informal copy or a quote in English
            # or French (yashinje Rwanda, "Rwanda and DRC"; not Radio Rwanda, Rwanda Day)
            return (i > 0 and tokens[i].joined and tokens[i - 1].norm in triggers) \
                or _after_focus(tokens, i, j, form) or (
                not form.proper and all(isinstance(slot, frozenset) for slot in pattern.slots)
                and sum(not tokens[k].clitic for k in range(i, j)) >= 3) or (
                form.proper and (_opens_line(tokens, i) or _english_accepted(tokens, i, j, frozenset()))
                and (pattern.entry, tokens[i].norm) in world_names)
        if form.kind == "bare":  # class 5 without its i- (iryo shyaka, irindi tangazo, nta tegeko), which a
            # locative or a connective keeps (mu ishyaka, ry'itangazo)
            return i > 0 and tokens[i].joined and tokens[i - 1].norm in _BARE_CLASS_5_TRIGGERS
        if form.kind == "elliptic":
            return _head_distance(tokens, i, form.elided) is not None
        if form.kind == "glued" and form.proper:
            return tokens[i].orig[2:3].isupper()  # muBurusiya, but not every word that starts with mu-
        if form.kind == "english":
            return _english_accepted(tokens, i, j, people)
        if (pattern.entry, tokens[i].norm) in homographs and j == i + 1:
            return _where_a_place_stands(tokens, i)
        return not (_after_locative_i(tokens, i) and _entry_type(glossary, pattern.entry) == "person")
    return accept


# A Rwandan registration plate: three capitals, then three digits and a letter (RAB 517F); the capitals are no body's.
_PLATE_NUMBER = re.compile(r"\d{3}[A-Z]")


def _on_a_number_plate(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the acronym at tokens i..j opens a number plate (plaque RAB 517F: not the agriculture board)."""
    return j == i + 1 and len(tokens[i].orig) == 3 and j < len(tokens) and tokens[j].gap == " " \
        and _PLATE_NUMBER.fullmatch(tokens[j].orig) is not None


# A noun said to be who or what is meant, after a focus pronoun, drops its augment: ni bo bakuru b'ibihugu
# bitabiriye ('they are the heads of state who came'), akaba ari nawe muhuza ('he is also the mediator'), ni we
# mukandida w'ishyaka. The pronoun (we, bo, bwo …; nawe, nabo) follows the copula (ni, si, ari, yari …) or is
# written against it (niwe, nibo). Such a predicate is where a thing's word is used figuratively, one word or a
# phrase (Ubumwe ni yo ngabo ibarinda: 'unity is the army that guards them'; Uburezi ni yo ntwaro ya kirimbuzi),
# so it counts only for people (a holder of an office, class 1/2).
_FOCUS_PRONOUNS = frozenset("we bo wo yo ryo cyo byo zo rwo ko two bwo kwo ho".split())
_FOCUS_COPULAS = frozenset("ni si ari bari yari wari cyari byari zari rwari kari twari bwari kwari hari".split())


def _after_focus(tokens: list[Token], i: int, j: int, form: Form) -> bool:
    if i < 1 or not tokens[i].joined or tokens[i - 1].clitic or form.cls not in _PEOPLE_CLASSES:
        return False
    pronoun = tokens[i - 1].norm
    if pronoun.startswith("ni") and pronoun[2:] in _FOCUS_PRONOUNS:
        return True  # niwe, nibo: the copula written against it, anywhere in the sentence
    if pronoun.startswith("na") and pronoun[2:] in _FOCUS_PRONOUNS:
        pronoun = pronoun[2:]  # nawe, nabo: 'also'
    return pronoun in _FOCUS_PRONOUNS and i > 1 and tokens[i - 1].joined and tokens[i - 2].norm in _FOCUS_COPULAS


# The locatives only places take (i Komanda, mu Komanda, muri Komanda); ku, kuri and kwa also take people (kuri
# Komanda w'ingabo, kwa Komanda).
_PLACE_LOCATIVES = frozenset({"i", "mu", "muri"})
# Words whose connective introduces a place's name, without their augment: places and their parts (mu mujyi wa
# Komanda, mu majyaruguru ya Komanda, isoko rya Komanda), hafi ya (near) and its people (abaturage ba Komanda); after
# any other noun a connective may introduce a person or a title (umugore wa Komanda, itegeko rya Komanda).
# The units a town, a district, a sector, a cell or a village is named as (PLACE_UNITS) come first: one often bears
# a surname (Umudugudu wa Kabuga, Umurenge wa Kagame), which there names the place, not the person; then the other
# places and their parts; a trading centre (isantere) is left to the cues (Kabuga: !santere)
_PLACE_HEAD_NOUNS = PLACE_UNITS | frozenset({
    "santere", "bice", "soko", "masoko", "paruwasi", "muhanda", "rusengero", "kiliziya", "cyambu", "nkambi", "bitaro",
    "kibuga", "gereza", "mupaka", "nkengero", "majyaruguru", "majyepfo", "burasirazuba", "burengerazuba", "hafi",
    "baturage"})
# The connectives of "of" (wa, ya, rya …), not "and", "like" or "at someone's" (abaturage na Komanda, kwa Komanda).
_OF_CONNECTIVES = FULL_CONNECTIVES - {"na", "nka", "kwa", "ha"}


def _where_a_place_stands(tokens: list[Token], i: int) -> bool:
    """Token i, capitalised, stands where a place does: after a locative that only places take (i Komanda, muri
    Komanda), after a connective whose head is a place noun (mu mujyi wa Komanda, hafi ya Komanda), unless a title's
    complement or a name follows (mu gace ka Komanda w'ingabo, … ka Komanda Makenga), or joined by a hyphen to
    another name (umuhanda Bunia-Komanda, Komanda-Mambasa)."""
    if not tokens[i].orig[:1].isupper():
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].joined else None
    titled = after is not None and (after.orig[:1].isupper() or after.norm.rstrip("'") in ("wa", "w"))
    # a hyphen written tight joins two names (Bunia-Komanda); a spaced dash opens a dateline (Bunia – Komanda wa …)
    hyphen_before = i > 0 and tokens[i].gap == "-" and tokens[i - 1].orig[:1].isupper()
    hyphen_after = after is not None and after.gap == "-" and after.orig[:1].isupper()
    if hyphen_after or (hyphen_before and not titled):
        return True
    before = tokens[i - 1] if i > 0 and tokens[i].joined else None
    if before is not None and before.norm in _PLACE_LOCATIVES:
        return True
    return before is not None and before.norm in _OF_CONNECTIVES and i > 1 and tokens[i - 1].joined \
        and without_augment(tokens[i - 2].norm) in _PLACE_HEAD_NOUNS and not titled


def _prefer_homograph(glossary: Glossary) -> Callable[[Pattern, list[Token], int], int]:
    """Among equally long matches, a place's homograph, which is accepted only where a place stands, over the
    other entry that writes it alike (i Komanda is the town), whatever order the glossary's files list them in,
    and a home body over the term it shares a rendering with (read again once the places are known); then the
    nearest head of an ellipsis."""
    homographs, homes = cached_place_homographs(glossary), cached_home_bodies(glossary)

    def prefer(pattern: Pattern, tokens: list[Token], i: int) -> int:
        if (pattern.entry, tokens[i].norm) in homographs or pattern.entry in homes:
            return 1
        return _prefer_nearest_head(pattern, tokens, i)
    return prefer


def _as_home_term(pattern: Pattern, tokens: list[Token], i: int, j: int, glossary: Glossary, index: PatternIndex,
                  place_at: dict[int, tuple[str, str]]) -> Pattern:
    """A home body's match of the rendering it shares with a term, with another place named right after it, is
    the term (Minisiteri y'Ingabo y'u Burusiya: a defence ministry, not MINADEF); any other match stays itself."""
    home = cached_home_bodies(glossary).get(pattern.entry)
    if home is None:
        return pattern
    twin = next((p for p in index.first.get(tokens[i].norm, ()) if p.entry == home.term and p.kind == pattern.kind
                 and index.match_at(p, tokens, i) == j), None)
    entry = glossary.get(pattern.entry)
    if twin is None or entry is None or _other_place(glossary, entry, _place_of(tokens, j, place_at)) is None:
        return pattern
    return twin


def _placed_twin(pattern: Pattern, tokens: list[Token], i: int, j: int, glossary: Glossary, index: PatternIndex,
                 place_at: dict[int, tuple[str, str]]) -> tuple[Pattern, int]:
    """A match that a place right after it takes for another sense (`!@place.<id>`) hands its start to a shorter
    match of the entry that place supports (`@place.<id>`): Umunyamabanga wa Leta muri Amerika is the Secretary
    of State, not a minister of state (Umunyamabanga wa Leta muri Minisiteri …). Returns the pattern and its end."""
    entry = glossary.get(pattern.entry)
    if entry is None or not entry.sense_cues.places_against:
        return pattern, j
    near = _places_after(tokens, j, place_at)
    against = [place for place in entry.sense_cues.places_against if place in near]
    for twin in index.first.get(tokens[i].norm, ()):
        other = glossary.get(twin.entry)
        end = index.match_at(twin, tokens, i) if other is not None and twin.entry != pattern.entry else 0
        if 0 < end < j and twin.kind == "term" \
                and any(place in other.sense_cues.places_for for place in against):
            return twin, end
    return pattern, j


_BARE_CLASS_5_TRIGGERS = DEMONSTRATIVES | OTHERS | frozenset({"nta", "buri"})


def _after_locative_i(tokens: list[Token], k: int) -> bool:
    """Token k follows the locative 'i', which only places take: i Kabuga is a town, not Félicien Kabuga."""
    return k > 0 and tokens[k].joined and tokens[k - 1].orig == "i"  # lower case: the English "I" is no locative


@functools.cache
def _stems(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words as the matcher reads them, less the augment (an acronym keeps its first letter)."""
    return tuple(fold(word)[1:] if fold(word)[:1] in "aeiou" and not word.isupper() else fold(word)
                 for word in words)


def _read_for_sense(entry: Entry, words: list[Token]) -> bool:
    """Whether a match's sense is read from its sentence: always, unless the entry names ('?word') the words of
    its renderings that have another sense and the match holds none."""
    stems = _stems(entry.sense_cues.only_in)
    return not stems or any(stem in token.norm for token in words for stem in stems)


def _joined_by_connective(tokens: list[Token], i: int) -> bool:
    """Whether token i follows a connective of agreement (k'Umuryango, ka Loni), not "and" or "like"."""
    before = tokens[i - 1]
    return tokens[i].joined and before.joined and _connective(before) \
        and before.norm not in _AND | _LIKE


# Heads that say "organisation" and no more: Umuryango w'X (ACRONYM) is X, written out.
_ORGANISATION_WORDS = frozenset({"umuryango", "ishyirahamwe"})


def _organisation_word_opens(tokens: list[Token], k: int) -> bool:
    """Token k is a capitalised "organisation" that opens a name (Umuryango w'Abanyamakuru …), not one after a
    connective, which belongs to a longer body (Ingabo z'umuryango wa SADC (SAMIDRC))."""
    return k >= 0 and tokens[k].norm in _ORGANISATION_WORDS and tokens[k].orig[:1].isupper() \
        and not (k > 0 and tokens[k].joined and _connective(tokens[k - 1]))


def _initials_of(organisation: Entry | None, acronym: str) -> bool:
    """Whether an acronym is the initials of one of an organisation's English names (RSF: Reporters Sans
    Frontières), its little words aside."""
    if organisation is None:
        return False
    return any(len(words) > 1 and initials(words) == fold(acronym)
               for words in map(_capitalised_words, organisation.en))


def _person_name_words(glossary: Glossary) -> dict[str, frozenset[str]]:
    """Each person's names, word by word, folded (Jean, Nepo, Abdallah, Utumatwishima)."""
    def build() -> dict[str, frozenset[str]]:
        return {entry.id: frozenset(fold(w) for name in (*entry.en, *entry.rw) for w in name.split() if len(w) > 2)
                for entry in glossary if entry.type == "person"}
    return glossary.cached(("rw-person-name-words",), build)


def _given_names(glossary: Glossary) -> frozenset[str]:
    """The first names of the people the glossary lists, folded (John of John Bosco Kabera): from each one's
    first English name, which puts the given name first."""
    def build() -> frozenset[str]:
        return frozenset(fold(entry.en[0].split()[0]) for entry in glossary
                         if entry.type == "person" and entry.en and len(entry.en[0].split()) > 1)
    return glossary.cached(("rw-given-names",), build)


def _with_own_names(tokens: list[Token], i: int, j: int, glossary: Glossary, entry_id: str,
                    covered: set[int]) -> tuple[int, int]:
    """A person's match with the capitalised words of his own names written against it that no match holds: the
    name as the article writes it (Abdallah Utumatwishima, where the glossary writes Jean Nepo Abdallah
    Utumatwishima and Utumatwishima Abdallah), or one of four to six letters misspelt by one (Andriy Rajoelina, Kair
    Starmer; longer ones are the spelling pass's, `with_misspelt_names`). Only where his names are the whole run of
    capitals on that side: Nduhungirehe Jean Bosco is someone else's name; not across a line."""
    words = _person_name_words(glossary).get(entry_id)
    if not words:
        return i, j

    def his(k: int) -> bool:
        word = fold(tokens[k].orig)
        return word in words or _misspelt_own(word, words) is not None

    def beside(k: int) -> bool:  # token k is written against the one after it, in the same sentence and line
        return _linked(tokens[k]) and not tokens[k].after_sentence_break

    def capital(k: int) -> bool:  # a capitalised word no match holds, not a title (Dr Abdallah Utumatwishima)
        return k not in covered and tokens[k].orig[:1].isupper() and tokens[k].norm not in TITLE_WORDS | HONORIFICS

    # leftwards through his names, and through up to a few middle names the glossary does not write before one of
    # them (Emmerson Dambudzo Mnangagwa, Constantino Guveya Dominic Nyikadzino Chiwenga)
    start, end, run = i, j, i
    while run > 0 and beside(run) and capital(run - 1) and start - run < _MIDDLE_NAMES:
        run -= 1
        if his(run):
            start = run
    if start > 0 and beside(start) and capital(start - 1):
        start = i  # the capitals go on into a name that is not his
    while end < len(tokens) and beside(end) and capital(end) and his(end):
        end += 1
    if end < len(tokens) and beside(end) and capital(end):
        end = j
    return start, end


_MIDDLE_NAMES = 5  # the unlisted names a given name may stand before the surname with, and that given name


def _misspelt_own(word: str, words: frozenset[str]) -> str | None:
    """The word of a person's names (folded) that `word`, of four to six letters, misspells by one letter inside it
    (Andriy for Andry), or by l for r, which the language writes alike (Laila for Raila); not at its end, where
    names change for another person (Louis, Louise; Denis, Denise; Mario, Maria)."""
    if word in words or not 4 <= len(word) < MIN_LETTERS:
        return None
    return next((own for own in sorted(words) if len(own) >= 4 and _same_letter(own[0], word[0])
                 and one_edit_apart(word, own) and word[:-1] != own[:-1] and word[:-1] != own and own[:-1] != word),
                None)


def _same_letter(a: str, b: str) -> bool:
    """The same letter, or l and r, which Kinyarwanda writes for one sound (Raila, Laila)."""
    return a == b or {a, b} == {"l", "r"}


def _own_name_spellings(tokens: list[Token], i: int, j: int, glossary: Glossary, entry: Entry) -> list[str]:
    """The spelling warnings of a person's match that took in his own name misspelt (Andriy for Andry)."""
    words = _person_name_words(glossary).get(entry.id, frozenset())
    written = {fold(w): w for w in reversed([w for name in (*entry.rw, *entry.en) for w in name.split()])}
    return [f"{SPELLING_WARNING} '{tokens[k].orig}' is written '{written.get(own, own)}' in the glossary"
            for k in range(i, j) if (own := _misspelt_own(fold(tokens[k].orig), words)) is not None]


def _other_place(glossary: Glossary, entry: Entry, place: tuple[str, str] | None) -> str | None:
    """How a place named right after an entry's match is written, if none of the entry's English names holds it
    (the Rwanda Ministry of Health is in Rwanda): None if one does, or if there is no place."""
    if place is None or place[0] in entry.sense_cues.places_for:
        return None
    listed = glossary.get(place[0])
    return None if listed is not None and holds_a_name(entry.en, listed.en) else place[1]


def _in_its_names(organisation: Entry | None, other: Entry) -> bool:
    """Whether a place or a body is named in one of an organisation's renderings: after another of its names, it
    is part of the name (Ubushinjacyaha Bukuru bw'u Rwanda, where Ubushinjacyaha bw'u Rwanda is listed; the
    Security Council … k'Umuryango w'Abibumbye, listed as Akanama k'Umuryango w'Abibumbye …); not a body the
    organisation merely belongs to (Confucius Institute ya Kaminuza y'u Rwanda, Radio Okapi ya MONUSCO)."""
    if organisation is None or other.type not in ("place", "organisation"):
        return False
    return holds_a_name(organisation.rw, other.rw)


def _agrees_with(word: Token, form: Form | None) -> bool:
    """Whether a connective agrees with the class of the name before it (Akanama … k'Umuryango: ka; not Ingabo
    za MONUSCO z'Umuryango, whose z' is the soldiers')."""
    if form is None or form.cls not in NOUN_CLASSES:
        return False
    elided = connective(form.cls)
    return word.norm.rstrip("'") in (elided, elided + "a")


def _opens_line(tokens: list[Token], i: int) -> bool:
    """Whether token i opens the text, a sentence or a line (a dateline, a headline)."""
    return i == 0 or tokens[i].after_sentence_break or "\n" in tokens[i].gap


def _splits(glossary: Glossary) -> Callable[[Pattern], bool]:
    """A term of three words or more that starts inside a longer match may split it (ibitero by'indege
    z'intambara: attacks by fighter jets); a name may not (Minisitiri w'Ingabo z'u Rwanda is the minister)."""
    def splits(pattern: Pattern) -> bool:
        return pattern.kind == "term" and len(pattern.slots) >= 3 and _entry_type(glossary, pattern.entry) == "term"
    return splits


_SEA_WORDS = frozenset({"sea", "ocean", "channel", "gulf", "strait"})
_LOCAL_UNIT_WORDS = frozenset({"sector", "cell", "village"})


def _places_named(glossary: Glossary, key: str, named: Callable[[list[str]], bool]) -> frozenset[str]:
    """The places one of whose English names, folded and split into words, is `named` so (cached under `key`)."""
    def build() -> frozenset[str]:
        return frozenset(entry.id for entry in glossary if entry.type == "place"
                         and any(named(fold(name).split()) for name in entry.en))
    return glossary.cached((key,), build)


def _is_sea(glossary: Glossary, entry_id: str) -> bool:
    """Whether a place is a sea, by its English names (Caribbean Sea, English Channel)."""
    return entry_id in _places_named(glossary, "rw-seas", lambda words: any(w in _SEA_WORDS for w in words))


def _is_local_unit(glossary: Glossary, entry_id: str) -> bool:
    """Whether a place is itself a sector, a cell or a village, by its English names (Kimisagara Sector): after
    umurenge wa it is named, where a district's or a town's name there would be a namesake sector."""
    return entry_id in _places_named(glossary, "rw-local-units",
                                     lambda words: bool(words) and words[-1] in _LOCAL_UNIT_WORDS)


def _entry_type(glossary: Glossary, entry_id: str) -> str | None:
    entry = glossary.get(entry_id)
    return entry.type if entry else None


_PEOPLE_CLASSES = frozenset({"1", "1a", "2", "2a"})


def _english_word(form: Form, token: Token) -> bool:
    """A term's English word written in Kinyarwanda copy (Democracy, Army), which may open an English name."""
    return form.kind == "english" or (form.kind == "forbidden" and spelt_foreign(token.norm))


def _may_be_a_name(form: Form, token: Token, inside: bool) -> bool:
    """A one-word place or organisation name (with or without its augment), or a common noun capitalised without
    its augment: people are named so (Ngabo Eric, Col. Mugaba), and the noun itself would keep its augment (ingabo,
    umugaba). Or a term that is not a title, capitalised inside its sentence: a surname (Kamarampaka Diane,
    Umutekano Jean), or its English word in an English name (Democracy for Citizens Party), where a title stands
    before a name as itself (Perezida Kagame). `inside`: the word is capitalised inside its sentence. Never a
    title, which stands before a name as itself (yasuye Senateri Ted Cruz)."""
    if token.norm in TITLE_WORDS:
        return False
    if form.proper:
        return form.kind in ("name", "augmentless")  # Kenya; Rwanda after a connective (wa Rwanda Space Agency)
    if form.kind == "augmentless":
        return token.orig[:1].isupper()
    if _english_word(form, token):
        return inside
    return inside and form.kind in ("augmented", "name") and form.cls not in _PEOPLE_CLASSES


def _name_text(text: str, tokens: list[Token], a: int, b: int) -> str:
    """Tokens a..b as written, with the bracket that closes an acronym at the end: … (CENA)."""
    end = tokens[b - 1].end
    return text[tokens[a].start:end + 1 if _bracketed_acronym(tokens, b - 1) and text[end:end + 1] == ")" else end]


# Informal copy writes an elided connective apart, a space for its apostrophe: minisitiri w ingabo w u rwanda (h,
# a locative, is left, written apart or glued: h is too often a stray letter).
_STRAY_LETTERS = frozenset({"h"})
_SPACED_ELISIONS = CLITICS - _STRAY_LETTERS


def _spaced_elisions(tokens: list[Token]) -> list[Token]:
    """The tokens, with a lone connective letter written apart from the vowel-initial word after it read as the
    elided connective it is."""
    return [dataclasses.replace(token, norm=token.norm + "'", clitic=True)
            if token.norm in _SPACED_ELISIONS and token.orig.islower() and k + 1 < len(tokens)
            and tokens[k + 1].gap == " " and tokens[k + 1].norm[:1] in VOWELS else token
            for k, token in enumerate(tokens)]


# A connective glued to the capitalised word it elides before, its apostrophe left out: wIntara, yIburengerazuba.
_GLUED_ELISION = re.compile(r"([a-z]{1,2})(?=[A-ZÀ-Þ][a-zà-ÿ])")


def _glued_elisions(tokens: list[Token], clitics: frozenset[str]) -> list[Token]:
    """The tokens, with a connective written against the capitalised word after it, without its apostrophe (as
    some outlets print every elision: guverineri wIntara y'Iburengerazuba), read as that connective and word."""
    out: list[Token] = []
    for token in tokens:
        # most words are all lower case or open with a capital: no connective glued to a capitalised word there
        glued = None if token.orig.islower() or not token.orig[:1].islower() else _GLUED_ELISION.match(token.orig)
        if glued is None or token.clitic or glued.group(1) not in clitics or len(token.orig) != len(token.norm):
            out.append(token)
            continue
        out += _split(token, glued.end(), elided=True)
    return out


def _split(token: Token, k: int, elided: bool) -> list[Token]:
    """A glued token as the two words it stands for, split after its k-th letter: an elided connective (w'Intara,
    n'impunzi) or a locative (mu nkambi), then the word, joined to it."""
    return [Token(token.norm[:k] + ("'" if elided else ""), token.start, token.start + k, token.orig[:k], token.gap,
                  elided),
            Token(token.norm[k:], token.start + k, token.end, token.orig[k:], "")]


# Copy that drops apostrophes and spaces also glues a connective or a locative to a lower-case noun: abifatanyije
# nimpunzi (n'impunzi), abatuye munkambi (mu nkambi), ryita kumpunzi (ku mpunzi). Such a word is read as the two it
# stands for only where it is no word a rendering starts with and what follows the prefix is a noun one starts with,
# five letters or more (a shorter one is too often the end of an everyday word). A connective's match spans the whole
# word (nimpunzi), as an elided one spans its apostrophe; a locative's starts after it (mu|nkambi ya Kiziba), as a
# locative written apart stays outside. A capitalised glued word (Kumunsi, opening a sentence) is left as written.
_GLUED_LOCATIVES = ("mu", "ku")
_GLUED_SHORTEST = 5
_UNREAD = object()
_SPLITS_KEPT = 100_000


class _NounHeads(NamedTuple):
    """The nouns the glossary's renderings start with: with their augment (impunzi), read after a connective, and
    without it (nkambi), after a locative; and the elided connectives that may be glued to them."""
    augmented: frozenset[str]
    augmentless: frozenset[str]
    connectives: frozenset[str]
    lengths: tuple[int, ...]  # the connectives' lengths, longest first: a word's prefix is looked up, not tried
    splits: dict[str, tuple[str, bool] | None]  # each word read so far: its glued prefix, or None (read once)


def _noun_heads(glossary: Glossary, dialects: bool) -> _NounHeads:
    """Built once per glossary. Not names (Irere is a person: kirere is no k'Irere), nor a person's noun shaped like
    a verb, which a subject or object prefix glued to the verb spells too: abahuza (mediators) in babahuza (they
    bring them together) and kubahuza (to bring them together), abasaba (applicants) in babasaba (they ask them)."""
    def build() -> _NounHeads:
        heads: dict[str, set[str]] = {"augmented": set(), "augmentless": set()}
        for word, patterns in kinyarwanda_index(glossary, dialects).first.items():
            for pattern in patterns:
                form = pattern.data
                if pattern.kind == "term" and isinstance(form, Form) and form.kind in heads \
                        and not (form.cls in _PEOPLE_CLASSES and word.endswith("a")):
                    heads[form.kind].add(word)
        connectives = frozenset(_clitics(dialects) - _STRAY_LETTERS)
        return _NounHeads(frozenset(heads["augmented"]), frozenset(heads["augmentless"]), connectives,
                          tuple(sorted({len(c) for c in connectives}, reverse=True)), {})
    return glossary.cached(("rw-noun-heads", dialects), build)


def _glued_connectives(tokens: list[Token], first_words: Container[str], heads: _NounHeads) -> list[Token]:
    """The tokens, with an elided connective (nimpunzi) or a locative (munkambi) written against the lower-case noun
    after it read as that connective or locative and that noun; not a word a rendering starts with (`first_words`),
    which is read as it stands."""
    out: list[Token] = []
    known = heads.splits
    for token in tokens:
        word = token.norm
        if len(word) <= _GLUED_SHORTEST or token.clitic or not token.orig.islower() \
                or len(token.orig) != len(word) or word in first_words:
            split = None
        elif (split := known.get(word, _UNREAD)) is _UNREAD:
            if len(known) >= _SPLITS_KEPT:
                known.clear()  # a long-running server reads many words: keep the table bounded
            split = known[word] = _glued_prefix(word, heads)
        if split is None:
            out.append(token)
            continue
        prefix, elided = split
        out += _split(token, len(prefix), elided)
    return out


def _glued_prefix(word: str, heads: _NounHeads) -> tuple[str, bool] | None:
    """The connective (elided: True) or locative a word starts with, glued to a noun a rendering starts with: the
    connective before the noun's augment (n-impunzi), the locative before the noun without it (mu-nkambi); None if
    none."""
    for length in heads.lengths:
        prefix, rest = word[:length], word[length:]
        if prefix in heads.connectives and len(rest) >= _GLUED_SHORTEST and rest in heads.augmented:
            return prefix, True
    for prefix in _GLUED_LOCATIVES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= _GLUED_SHORTEST and rest in heads.augmentless:
            return prefix, False
    return None


def _kinyarwanda_tokens(text: str, glossary: Glossary, dialects: bool) -> list[Token]:
    """The words of a Kinyarwanda text, its elisions read however they are written."""
    clitics = _clitics(dialects)
    tokens = _spaced_elisions(_glued_elisions(tokenize(text, clitics), clitics))
    return _glued_connectives(tokens, kinyarwanda_index(glossary, dialects).first, _noun_heads(glossary, dialects))


def _without_middle_initials(tokens: list[Token], given_names: frozenset[str]) -> list[Token]:
    """The tokens without a middle initial between a listed person's given name and a capitalised name (Emmanuel K.
    Gasana), so the name reads as listed; its span still covers the initial."""
    def initial(k: int) -> bool:
        return len(tokens[k].orig) == 1 and tokens[k].orig.isupper() and 0 < k < len(tokens) - 1 \
            and tokens[k].gap == " " and tokens[k - 1].orig[:1].isupper() and fold(tokens[k - 1].norm) in given_names \
            and tokens[k + 1].gap in (" ", ". ") and tokens[k + 1].orig[:1].isupper() and len(tokens[k + 1].orig) > 1

    dropped = {k for k in range(len(tokens)) if len(tokens[k].orig) == 1 and initial(k)}
    if not dropped:
        return tokens
    # the surname after a dropped initial is written against the given name (its full stop was the initial's)
    return [dataclasses.replace(token, gap=" ") if k - 1 in dropped else token
            for k, token in enumerate(tokens) if k not in dropped]


def forms_stand_in(entry: Entry, texts: Sequence[str], glossary: Glossary) -> list[bool]:
    """For each Kinyarwanda text, whether one of `entry`'s forms stands in it, inflected and elided as the matcher
    reads them but with no rule of context applied: a superset of the texts `find_kinyarwanda` could report it in."""
    index = entry_index(entry, glossary)
    return [bool(index.scan(_kinyarwanda_tokens(text, glossary, False))) for text in texts]


def find_kinyarwanda(text: str, glossary: Glossary, dialects: bool = False) -> list[TermMatch]:
    """The glossary's terms in a Kinyarwanda text, with the people's names it misspells (spelling.py) and the
    surnames of the people it has named in full."""
    tokens = _without_middle_initials(_kinyarwanda_tokens(text, glossary, dialects), _given_names(glossary))
    matches = _find_kinyarwanda(text, tokens, glossary, dialects)
    matches = with_misspelt_names(text, tokens, matches, name_spellings(glossary),
                                  lambda respelt: _find_kinyarwanda(
                                      respelt, _kinyarwanda_tokens(respelt, glossary, dialects), glossary, dialects))
    matches = _with_surnames_of_named_people(text, tokens, matches, glossary)
    matches = _with_surnames_of_listed_people(text, tokens, matches, glossary)
    matches = _surnames_of_other_named_people(matches, glossary)
    return _with_hashtags(text, matches, lambda words: _find_kinyarwanda(
        words, _kinyarwanda_tokens(words, glossary, dialects), glossary, dialects), _world_names(glossary))


_HASHTAG = re.compile(r"(?<![\w#/&])#(\w+)")
_WORD_START = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])|(?<=[A-ZÀ-Þ])(?=[A-ZÀ-Þ][a-zà-ÿ])|(?<=[^\d])(?=\d)")


def _hashtag_words(tag: str) -> tuple[str, list[int]]:
    """A hashtag's words, split where its CamelCase or a number starts one (KoreyaYaRuguru -> Koreya Ya Ruguru), and
    for each character of them the offset in the tag it comes from (a space, the offset of the word after it)."""
    words, offsets, at = "", [], 0
    for part in _WORD_START.split(tag):
        # a one-letter word after another is an elided connective (MinisitiriWIntebe: Minisitiri w'Intebe)
        elided = bool(words) and len(part) == 1 and part.isalpha()
        if words:
            words, offsets = words + " ", offsets + [at]
        words += part.lower() + "'" if elided else part
        offsets += list(range(at, at + len(part))) + ([at] if elided else [])
        at += len(part)
    return words, offsets


def _with_hashtags(text: str, matches: list[TermMatch], find: Callable[[str], list[TermMatch]],
                   world_names: frozenset[tuple[str, str]]) -> list[TermMatch]:
    """The terms in hashtags, which run their words together (#KoreyaYaRuguru, #DarEsSalaam): each tag's words are
    matched as a line of their own, and each match is given back the span of the tag it comes from. A tag that is a
    place's name as the world writes it is that place (#Rwanda, #Russia)."""
    tags = list(_HASHTAG.finditer(text)) if "#" in text else []
    if not tags:
        return matches
    places = _places_by_world_name(world_names)
    added = []
    for tag in tags:
        inside = [m for m in matches if m.start < tag.end() and tag.start() < m.end]
        if inside:  # found as written (#Ukraine): noted all the same
            matches = [dataclasses.replace(m, warnings=[HASHTAG_NOTE, *m.warnings]) if m in inside else m
                       for m in matches]
            continue
        if fold(tag.group(1)) in places:
            added.append(TermMatch(places[fold(tag.group(1))], tag.group(1), tag.start(1), tag.end(1),
                                   warnings=[HASHTAG_NOTE]))
            continue
        words, offsets = _hashtag_words(tag.group(1))
        for match in find(words):
            start, end = tag.start(1) + offsets[match.start], tag.start(1) + offsets[match.end - 1] + 1
            added.append(dataclasses.replace(match, surface=text[start:end], start=start, end=end,
                                             warnings=[HASHTAG_NOTE, *match.warnings]))
    return sorted(matches + added, key=lambda m: (m.start, -m.end)) if added else matches


@functools.lru_cache(maxsize=4)
def _places_by_world_name(world_names: frozenset[tuple[str, str]]) -> dict[str, str]:
    """A place's name as the world writes it -> its entry: built once per glossary, not once per paragraph."""
    return {name: entry for entry, name in world_names}


_ROMAN = re.compile(r"[IVXLC]+")
_POSSESSIVES = frozenset({"we", "wanjye", "wawe", "wacu", "wanyu", "wabo"})  # Mugenzi we: his colleague


def _surname_here(tokens: list[Token], k: int, name_words: frozenset[str], spelt: str) -> bool:
    """Whether token k, a named person's surname, stands for him: written as his full name writes it (not UN for
    Kim Jong Un), three letters or more and no Roman numeral (Mohammed VI), not a place after a locative (mu Karere
    ka Ngoma), not in another name (a capitalised word other than a title before it, or any after it: Jean
    Nsanzimana, Muhabura Integrated Polytechnic), and not a noun with a possessive (Mugenzi we)."""
    token = tokens[k]
    if token.orig != spelt or len(spelt) < 3 or _ROMAN.fullmatch(spelt):
        return False
    before = tokens[k - 1] if k > 0 and token.joined else None
    after = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].joined else None
    if before is not None and (before.norm in LOCATIVES | NAME_LOCATIVES or before.clitic or (
            before.orig[:1].isupper() and before.norm not in name_words | TITLE_WORDS | HONORIFICS)):
        return False
    return after is None or not (after.orig[:1].isupper() or after.norm in _POSSESSIVES)


def _covered(tokens: list[Token], matches: list[TermMatch]) -> list[bool]:
    """Which tokens a match holds."""
    starts = [t.start for t in tokens]
    covered = [False] * len(tokens)
    for match in matches:
        for k in range(bisect.bisect_left(starts, match.start), bisect.bisect_left(starts, match.end)):
            covered[k] = True
    return covered


_SURNAME_LETTERS = 6  # a shorter surname is too often another word or another name (Kagame is listed alone)
_NAMED_AFTER_VERB = "itiriw"  # witiriwe, cyitiriwe: named after
_CALLED = re.compile(r"[wy]itwa(ga)?")  # witwa, yitwaga: "called"
# ... after one of these, someone of that name: a namesake the text introduces (umugororwa witwa Ndayishimiye), not
# a title or an office, which introduces the listed person (umuvugizi w'igisirikare witwa Hagari)
_UNKNOWN_PEOPLE = frozenset({"umugabo", "umugore", "umusore", "umukobwa", "umwana", "umuntu", "umuturage",
                             "umugororwa", "umufungwa", "umunyeshuri", "umucuruzi", "umukozi", "umurwayi",
                             "umuhinzi", "umushoferi", "umucamanza", "umupolisi", "umusirikare", "umusaza",
                             "umukecuru", "umubyeyi", "umwarimu"})


def _a_place_named_so(tokens: list[Token], i: int) -> bool:
    """Whether the name at token i follows a place unit and its connective: mu mudugudu wa Kabuga is a village."""
    return i > 1 and tokens[i].joined and tokens[i - 1].joined and tokens[i - 1].norm in _OF_CONNECTIVES \
        and without_augment(tokens[i - 2].norm) in PLACE_UNITS


# Grounds, roads and airports, which are named after people: whoever they are "of" is their name, not there.
_NAMED_VENUES = frozenset({"kibuga", "bibuga", "sitade", "stade", "stadium", "muhanda", "mihanda"})


def _a_venue_named_after(tokens: list[Token], i: int) -> bool:
    """Whether the name at token i is what a ground, a road or an airport just before is "of": ikibuga cy'indege
    cya Jomo Kenyatta, Sitade ya Jomo Kenyatta, umuhanda wa Nyerere."""
    return i > 1 and tokens[i].joined and tokens[i - 1].norm in _OF_CONNECTIVES \
        and any(without_augment(t.norm) in _NAMED_VENUES for t in tokens[max(0, i - 4):i - 1])


def _a_namesake(tokens: list[Token], i: int) -> bool:
    """Whether the name at token i follows someone unknown "called" it: umugororwa witwa Ndayishimiye."""
    return i > 1 and tokens[i].joined and tokens[i - 1].joined and _CALLED.fullmatch(tokens[i - 1].norm) is not None \
        and tokens[i - 2].norm in _UNKNOWN_PEOPLE


# Ranks and honorifics, which stand before a person's name: a place written right after one is a surname (Maj.
# Ngoma is M23's spokesman, not Ngoma District).
_RANKS = HONORIFICS | MILITARY_RANKS


def _after_a_rank(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the one-word name at token i is written right after a rank or an honorific, abbreviated or not
    (Maj.Ngoma, Col Ngoma): a person's surname. The rank is capitalised, as ranks are written before a name ("cg"
    is also chat for cyangwa, or)."""
    return j - i == 1 and i > 0 and tokens[i].orig[:1].isupper() and tokens[i - 1].norm in _RANKS \
        and tokens[i - 1].orig[:1].isupper() and tokens[i].gap.strip() in ("", ".")


def _after_capitalised_verb(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the term at tokens i..j is the object of an infinitive capitalised before it, with no capitalised
    word after it: a heading's or a campaign's wording (ibikorwa byo Kwibuka Jenoside, Kurwanya Ruswa), not a
    longer name."""
    return i > 0 and tokens[i].joined and is_infinitive(tokens[i - 1].norm) and tokens[i - 1].orig[:1].isupper() \
        and not (j < len(tokens) and tokens[j].joined and tokens[j].orig[:1].isupper())


_WOMEN_S_HONORIFICS = frozenset({"madamu", "madame", "mme", "mrs", "ms", "mlle"})


def _a_woman_of_his_family(tokens: list[Token], i: int, j: int, glossary: Glossary, person: str) -> bool:
    """Whether a bare surname after a woman's honorific names a woman of the family another listed person writes
    it for, not the man the glossary gives it alone: Madamu Kagame is Jeannette Kagame, not Paul Kagame."""
    if j - i != 1 or i == 0 or not tokens[i].joined or tokens[i - 1].norm not in _WOMEN_S_HONORIFICS:
        return False
    return any(other != person for other in _surname_owners(glossary).get(tokens[i].norm, ()))


def _surname_owners(glossary: Glossary) -> dict[str, frozenset[str]]:
    """The listed people by the last word of each of their names of two words or more, folded."""
    def build() -> dict[str, frozenset[str]]:
        owners: dict[str, set[str]] = {}
        for entry in glossary:
            if entry.type == "person":
                for text in entry.rw:
                    if len(words := text.split()) > 1:
                        owners.setdefault(fold(words[-1]), set()).add(entry.id)
        return {word: frozenset(ids) for word, ids in owners.items()}
    return glossary.cached(("rw-surname-owners",), build)


class ListedSurname(NamedTuple):
    """A listed person's surname that names him alone: whose, the words of his names, as written, his name,
    whether it is spelt as no Kinyarwanda word is (else it names him only as a name: after a title, or capitalised
    inside its sentence; not Nkunda cyane, 'I like it a lot', opening one), and whether it names him only after a
    title his entry gives him (a common surname his English names never give alone: Minisitiri Nsengimana, the
    Minister of Education; Dr Nsanzimana; not Jenerali Bizimana, the minister): the words of his names and note."""
    person: str
    names: frozenset[str]
    written: str
    name: str
    foreign: bool
    after_title_only: bool = False
    roles: frozenset[str] = frozenset()


def _listed_surnames(glossary: Glossary) -> dict[str, ListedSurname]:
    """The surnames of listed people that can be nothing else: the last word of a person's English name as the
    Kinyarwanda renderings write it, written in no other entry (not another person's surname, nor a place's or a
    body's word), that is either spelt as no Kinyarwanda word is and of six letters or more (Brammertz; not
    Mahama, a refugee camp), or given alone among his English names (the glossary's word that the surname names
    him: Kayishema, Habineza). Any other (Bizimana, a common one) names him only after a title; so does one his
    family's entries write too, where his English names alone give it alone (Perezida Habyarimana is Juvénal, not
    his widow Agathe Habyarimana)."""
    def build() -> dict[str, ListedSurname]:
        elsewhere: dict[str, set[str]] = {}
        # a look-alike that is another entry's name is that entry's words (Abbas Araghchi, listed against
        # Mahmoud Abbas, does not make Araghchi a word of his)
        named: dict[str, set[str]] = {}
        for entry in glossary:
            for text in (*entry.rw, *entry.en):
                named.setdefault(fold(text), set()).add(entry.id)
        for entry in glossary:
            for text, owners in [*((text, {entry.id}) for text in (*entry.rw, *entry.en)),
                                 *((text, named.get(fold(text), {entry.id}))
                                   for text in (*entry.rw_lookalike, *entry.rw_related))]:
                for word in text.split():
                    elsewhere.setdefault(fold(word), set()).update(owners)
        table = {}
        for entry in glossary:
            words = entry.en[0].split() if entry.type == "person" and entry.en else []
            if len(words) < 2 or not words[-1].isalpha() or len(words[-1]) < 4:
                continue
            surname = fold(words[-1])
            written = next((w for text in entry.rw for w in text.split() if fold(w) == surname), None)
            foreign = spelt_foreign(surname) and len(surname) >= _SURNAME_LETTERS
            alone = surname in _alone_in(entry)
            others = [glossary.get(other) for other in elsewhere.get(surname, set()) - {entry.id}]
            family = bool(others) and alone and all(o is not None and o.type == "person" and surname not in _alone_in(o)
                                                     for o in others)
            if written is None or (others and not family):
                continue
            names = frozenset(fold(w) for text in entry.rw for w in text.split())
            # his offices: his names and the note's first sentence, which says who he is (a later one may speak of
            # others: "it names others (general Augustin Bizimungu)")
            roles = frozenset(fold(w) for text in (*entry.en, _first_sentence(entry.note))
                              for w in re.findall(r"\w+", text))
            table[surname] = ListedSurname(entry.id, names, written, entry.rw[0], foreign,
                                           family or not (foreign or alone), roles)
        return table
    return glossary.cached(("rw-listed-surnames",), build)


def _first_sentence(note: str) -> str:
    """A note's first sentence: up to a full stop before a space and a capital (not in "U.S. Army", "Lt. Gen.")."""
    return re.split(r"(?<=[a-z)\]])\. (?=[A-Z])", note, maxsplit=1)[0]


def _alone_in(entry: Entry) -> set[str]:
    """The one-word names among an entry's English names, folded (Habyarimana for Juvénal Habyarimana)."""
    return {fold(name) for name in entry.en if " " not in name.strip()}


# Words of an office's English names that say nothing of the office: 'Speaker of the National Assembly' must not make
# Perezida a title of everyone whose note holds 'of the' or 'national'
_NO_ROLE = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "national", "house"})


def _title_roles(glossary: Glossary) -> dict[str, frozenset[str]]:
    """What a title before a name says its bearer is, in English words: the office of a person's term (class 1)
    whose rendering opens with it (Minisitiri: minister; Gen: general), or the honorific itself (Dr)."""
    def build() -> dict[str, frozenset[str]]:
        roles: dict[str, set[str]] = {title: {title} for title in HONORIFICS}
        for entry in glossary:
            if entry.type != "term" or entry.head_class not in ("1", "1a"):
                continue
            english = {fold(w) for text in entry.en for w in re.findall(r"\w+", text)} - _NO_ROLE
            for text in entry.rw:
                if words := tokenize(text):
                    roles.setdefault(words[0].norm, set()).update(english)
        return {title: frozenset(words) for title, words in roles.items()}
    return glossary.cached(("rw-title-roles",), build)


def _titled_as(glossary: Glossary, title: str, person: ListedSurname) -> bool:
    """Whether a title is one the person's entry gives him, in his names or his note (Gen: a General)."""
    return bool(_title_roles(glossary).get(title, frozenset()) & person.roles)


def _person_verb_after(tokens: list[Token], k: int) -> bool:
    """Whether a verb agreeing with a person (class 1: a-, ya-) follows token k: Kayishema yafashwe, ashinjwa."""
    return k + 1 < len(tokens) and tokens[k + 1].joined and tokens[k + 1].norm.startswith(("a", "ya")) \
        and len(tokens[k + 1].norm) > 4


def _with_surnames_of_listed_people(text: str, tokens: list[Token], matches: list[TermMatch],
                                    glossary: Glossary) -> list[TermMatch]:
    """A listed person's surname alone, where it can be no one else (Brammertz, Kayishema: `_listed_surnames`), is
    his, though the text has not named him in full: reported with a note saying whose it is. One spelt as a
    Kinyarwanda word could be is his only as a name: after a title (Dr Habineza), or capitalised inside its
    sentence."""
    listed = _listed_surnames(glossary)
    candidates = [k for k, token in enumerate(tokens) if token.norm in listed]
    if not candidates:
        return matches
    titles = name_spellings(glossary).titles | TITLE_WORDS
    covered = _covered(tokens, matches)
    added = []
    for k in candidates:
        token, person = tokens[k], listed[tokens[k].norm]
        if covered[k] or _after_locative_i(tokens, k) \
                or not _surname_here(tokens, k, person.names, person.written):
            continue
        after_title = k > 0 and token.joined and tokens[k - 1].norm in titles
        if person.after_title_only and not (after_title and _titled_as(glossary, tokens[k - 1].norm, person)):
            continue
        if not person.foreign and not after_title and _opens_line(tokens, k) and not _person_verb_after(tokens, k):
            continue
        # not after his other names, which a longer name or a thing called after him holds (Kaminuza ya Nelson
        # Mandela), nor after "named after" (umuhanda witiriwe Lumumba), nor a namesake (umucamanza witwa Nkurunziza)
        before = tokens[k - 1].norm if k > 0 and token.joined else ""
        if before in person.names or _NAMED_AFTER_VERB in before or _a_namesake(tokens, k) \
                or _a_place_named_so(tokens, k):
            continue
        added.append(TermMatch(person.person, token.orig, token.start, token.end,
                               warnings=[f"{SURNAME_NOTE} '{person.name}', listed"]))
    return sorted(matches + added, key=lambda m: (m.start, -m.end)) if added else matches


def _surnames_of_other_named_people(matches: list[TermMatch], glossary: Glossary) -> list[TermMatch]:
    """A person's one-word name that ends another listed person's double-barrelled surname, where the text names
    that one in full and never the first in full, is ambiguous: Zuma, where the text names Nkosazana Dlamini Zuma
    (Dlamini-Zuma) and not Jacob Zuma. Not a family's shared surname (Perezida Kagame n'umufasha we Jeannette
    Kagame): that one is his."""
    def person(match: TermMatch) -> bool:
        entry = glossary.get(match.entry)
        return match.kind == "term" and entry is not None and entry.type == "person"

    # each person named in full, by the last word of his name as written (Dlamini Zuma, Dlamini-Zuma: zuma)
    full = [(m, fold(words[-1])) for m in matches if person(m)
            and len(words := re.split(r"[\s-]+", m.surface.strip())) > 1]
    if not full:
        return matches  # no one named in full: no surname to share
    named_in_full = {m.entry for m, _ in full}

    def other_bearer(match: TermMatch) -> TermMatch | None:
        if not person(match) or " " in match.surface.strip() or match.entry in named_in_full:
            return None
        word = fold(match.surface.strip())
        return next((m for m, last in full if last == word and m.entry != match.entry
                     and any(fold(text).endswith("-" + word) for text in glossary.get(m.entry).rw)), None)

    out = []
    for match in matches:
        if (other := other_bearer(match)) is not None:
            match = dataclasses.replace(match, kind="ambiguous", warnings=[
                f"{_SENSE} '{match.surface}' is also the surname of '{other.surface}', whom the text names"])
        out.append(match)
    return out


def _with_surnames_of_named_people(text: str, tokens: list[Token], matches: list[TermMatch],
                                   glossary: Glossary) -> list[TermMatch]:
    """A person the text has named in full is the one his surname alone means further on (Sabin Nsanzimana … Dr
    Nsanzimana, Sidi Ould Tah … Ould Tah), though the glossary lists no surname alone for him (a common name):
    the surname is reported as his where nothing else is matched on it, with a note saying whose it is, so that a
    translation is not asked to carry it as a term of its own. A surname two named people share is left alone."""
    named: dict[str, tuple[str, int, frozenset[str], str, str]] = {}  # surname -> person, end, words, as written
    shared: set[str] = set()
    for match in matches:
        entry = glossary.get(match.entry)
        words = match.surface.split()
        if match.kind != "term" or entry is None or entry.type != "person" or len(words) < 2:
            continue
        surname = fold(words[-1])
        if surname in named and named[surname][0] != match.entry:
            shared.add(surname)
        named.setdefault(surname, (match.entry, match.end, frozenset(fold(w) for w in words), words[-1],
                                   match.surface))
    if not named:
        return matches
    covered = _covered(tokens, matches)
    added = []
    for k, token in enumerate(tokens):
        person = named.get(token.norm)
        if person is None or covered[k] or token.norm in shared or token.start < person[1] \
                or not _surname_here(tokens, k, person[2], person[3]) or _a_place_named_so(tokens, k):
            continue
        first = k  # with the words of the name before it: Ould Tah
        while first > 0 and tokens[first].joined and tokens[first - 1].norm in person[2] \
                and tokens[first - 1].orig[:1].isupper() and not covered[first - 1]:
            first -= 1
        start = tokens[first].start
        added.append(TermMatch(person[0], text[start:token.end], start, token.end,
                               warnings=[f"{SURNAME_NOTE} '{person[4]}', named earlier"]))
    return sorted(matches + added, key=lambda m: (m.start, -m.end)) if added else matches


# What decides a match's sense, read once per entry and sentence: the entry, the sentence, the places right after,
# the words after, a body or name after, the word before, a place it is of or in, the word it is of.
_SenseKey = tuple[str, int, tuple[str, ...], tuple[Word, ...], str | None, str | None, bool, str | None]


def _find_kinyarwanda(text: str, tokens: list[Token], glossary: Glossary, dialects: bool) -> list[TermMatch]:
    matches: list[TermMatch] = []
    index = kinyarwanda_index(glossary, dialects)
    found = index.scan(tokens, _accept(dialects, glossary), _splits(glossary), _prefer_homograph(glossary))
    types = {pattern.entry: _entry_type(glossary, pattern.entry) for pattern, _, _ in found}  # read once each
    in_terms = {k for _, i, j in found for k in range(i, j)}  # the tokens a match holds
    in_places = {k for pattern, i, j in found if types[pattern.entry] == "place" for k in range(i, j)}
    sentences = _Sentences(tokens)
    senses: dict[_SenseKey, str | None] = {}
    # words written capitalised inside a sentence somewhere in the text: names, wherever they stand
    names = {t.norm for t, capitalised in zip(tokens, sentences.capitalised) if capitalised}
    organisations = {i for pattern, i, _ in found if types[pattern.entry] == "organisation"}
    # the last word of each title (Perezida, Minisitiri w'Ububanyi n'Amahanga): a people's term
    titles = {j - 1 for pattern, _, j in found if pattern.kind == "term" and pattern.data is not None
              and types[pattern.entry] == "term" and pattern.data.cls in _PEOPLE_CLASSES}
    # capitalised where the glossary writes it in lower case, not in a Title Case headline, and not a title:
    # Umuryango wa Perezida X is his family, Ikigo cya Leta is any public body
    capital_terms = {i for pattern, i, _ in found
                     if pattern.kind == "term" and types[pattern.entry] == "term"
                     and tokens[i].orig[:1].isupper() and not pattern.data.preferred[:1].isupper()
                     and not sentences.title_case[sentences.of[i]] and pattern.data.cls not in _PEOPLE_CLASSES}
    people = {i for pattern, i, _ in found if types[pattern.entry] == "person"}
    spelt_out = spelt_out_before_acronyms(tokens)
    unlisted = _unlisted_names(tokens, found, organisation_heads(glossary), sentences, organisations, capital_terms,
                               people) + renderings_before_acronym(tokens, found, glossary) \
        + capitalised_name_before_acronym(tokens, found, glossary, in_terms) \
        + spelt_out_names(found, glossary, spelt_out)

    def dropped(pattern: Pattern, i: int, j: int) -> bool:
        """A look-alike, a word of a longer name, or a place that names a river or a volcano: not reported."""
        form: Form = pattern.data
        # a surname opens a name; after a connective or a locative a capitalised term is itself (w'Ingabo Brig …)
        # (not an English word, which opens an English name there too: ba Democracy for Citizens Party)
        opens = sentences.capitalised_inside(i) and (_english_word(form, tokens[i]) or not (
            i > 0 and (tokens[i - 1].clitic or tokens[i - 1].norm in _OPENERS)))
        # a bare name opening its sentence (Rwanda: …) may open a longer one too (Rwanda Day)
        bare_opener = form.proper and form.kind == "augmentless" and _opens_line(tokens, i)
        if bare_opener and sentences.title_case[sentences.of[i]]:
            return True  # a Title Case headline could open with a longer name (Rwanda Day Izabera i Bonn)
        return pattern.kind == "lookalike" \
            or ((_may_be_a_name(form, tokens[i], opens) or bare_opener)
                and not (types[pattern.entry] == "term" and _after_capitalised_verb(tokens, i, j))
                and _inside_longer_name(tokens, i, j, sentences, in_terms, names, titles,
                                        types[pattern.entry] == "person", _given_names(glossary))) \
            or (types[pattern.entry] == "place"
                and (_names_a_feature(tokens, i, _is_sea(glossary, pattern.entry),
                                      _is_local_unit(glossary, pattern.entry))
                     or after_name_particle(tokens, i)
                     or _after_a_rank(tokens, i, j))) \
            or (types[pattern.entry] in ("person", "place") and _named_after(tokens, i, j)) \
            or (types[pattern.entry] == "person"
                and (_a_namesake(tokens, i) or _a_place_named_so(tokens, i) or _a_venue_named_after(tokens, i)
                     or _a_woman_of_his_family(tokens, i, j, glossary, pattern.entry)))

    # a person's match takes in his own names written against it first, which make no longer name of someone else
    spans = [(pattern, *_with_own_names(tokens, i, j, glossary, pattern.entry, in_terms)) for pattern, i, j in found]
    reported = [(pattern, i, j) for pattern, i, j in spans if not dropped(pattern, i, j)]
    # the places reported, which alone support a sense (@place): not a look-alike's or a river's
    places_in: dict[int, set[str]] = {}  # sentence -> the places it names
    place_at: dict[int, tuple[str, str]] = {}  # token -> the place reported from it, and how it is written
    for pattern, i, j in reported:
        if types[pattern.entry] == "place":
            places_in.setdefault(sentences.of[i], set()).add(pattern.entry)
            place_at[i] = (pattern.entry, text[tokens[i].start:tokens[j - 1].end])
    places_named = {i for pattern, i, _ in reported if pattern.kind == "term" and i in place_at}  # not Abanyarwanda
    names_over: dict[int, list[UnlistedName]] = {}  # token -> the unlisted names over it
    for span in unlisted:
        for k in range(span.start, span.end):
            names_over.setdefault(k, []).append(span)
    # the organisations reported, by the token each ends before
    org_ending_at = {j: (pattern, i) for pattern, i, j in reported
                     if types[pattern.entry] == "organisation"}
    read = _Reported(text, tokens, glossary, sentences, in_terms, in_places, organisations, places_in, place_at,
                     places_named, org_ending_at, {j: i for pattern, i, j in reported if i in place_at}, names_over,
                     spelt_out, senses, _holders(tokens, reported, glossary), {})
    for pattern, i, j in reported:
        pattern = _as_home_term(pattern, tokens, i, j, glossary, index, place_at)
        pattern, j = _placed_twin(pattern, tokens, i, j, glossary, index, place_at)
        form: Form = pattern.data
        start, end, kind = tokens[i].start, tokens[j - 1].end, pattern.kind
        if i > 0 and tokens[i - 1].clitic:
            start = tokens[i - 1].start  # the elided connective is part of the written word: y'Uburusiya
        elif i > 0 and tokens[i].joined and tokens[i - 1].norm in DEMONYM_PREFIXES and form.kind != "forbidden":
            start, kind = tokens[i - 1].start, "related"  # Abanya-Ukraine: people of Ukraine, not Ukraine
            if i > 1 and tokens[i - 2].clitic:
                start = tokens[i - 2].start  # n'Abanya-Ukraine
        surface = text[tokens[i].start:end]
        entry = glossary.get(pattern.entry)
        warnings = [] if kind == "related" else _warnings(tokens, i, j, form, surface, entry)
        if entry is not None and entry.type == "person":
            warnings = [*_own_name_spellings(tokens, i, j, glossary, entry), *warnings]
        sense = None
        if kind == "term" and form.kind != "forbidden" and entry is not None and entry.rw_context \
                and _read_for_sense(entry, tokens[i:j]):
            # a home body reads the place after it only to hand its shared rendering to the term (above): its
            # own names stay its own wherever they stand (MINAFFET muri Uganda)
            sense = _cue_sense(read, entry, i, j, other_place=entry.id not in cached_home_bodies(glossary))
        if kind == "term" and entry is not None:
            sense, named_body = _name_sense(read, pattern, entry, i, j, sense)
            if named_body is not None:  # the acronym of the body before it
                matches.append(TermMatch(named_body, text[tokens[i].start:end], tokens[i].start, end))
                continue
        if sense:
            kind, warnings = "ambiguous", [sense, *warnings]
        matches.append(TermMatch(pattern.entry, text[start:end], start, end, kind, warnings))
    # a name its acronym closes is that organisation: it stands for what it holds, so the output stays one
    # match per stretch of text
    by_stretch: dict[tuple[int, int], TermMatch] = {}  # two rules may name one stretch: it stays one match
    for name in unlisted:
        if name.acronym_of:
            match = _acronym_named(text, tokens, name, matches)
            by_stretch.setdefault((match.start, match.end), match)
    named = list(by_stretch.values())
    named = [n for n in named if not any(o is not n and o.start <= n.start and n.end <= o.end for o in named)]
    matches = [m for m in matches if not any(n.start <= m.start and m.end <= n.end for n in named)] + named
    return sorted(matches, key=lambda m: (m.start, -m.end))


_ONE_PERSON = frozenset({"1", "1a"})


def _holders(tokens: list[Token], reported: list[tuple[Pattern, int, int]], glossary: Glossary) -> set[int]:
    """Where the matches start that say whose a phrase is, after 'of': one person, by a singular title and the name
    after it (Ibiro by'Umuvugizi wa RDF, Ishyaka rya Perezida João Lourenço rya MPLA), and a listed body a party's or a
    company's word sets out (Ibiro by'Ishyaka ANC: the word and the body). Inside a name the glossary lacks they
    are still named: the phrase is their office or their party, not a body whose name holds them. Not a plural
    title (Umuryango w'Abanyamakuru …, Inama y'Abaminisitiri: its members, part of its name)."""
    starts = {i: (pattern, j) for pattern, i, j in reported}
    holders: set[int] = set()
    title_ends: set[int] = set()
    for i in sorted(starts):
        pattern, j = starts[i]
        kind = _entry_type(glossary, pattern.entry)
        after_of = i > 0 and _of_connective(tokens[i - 1])
        # not a title an 'of' that agrees with something else qualifies: the name's word (Inama ya Perezida
        # y'Inzibacyuho, a presidential council)
        if after_of and kind == "term" and pattern.data is not None and pattern.data.cls in _ONE_PERSON \
                and not (j < len(tokens) and _of_connective(tokens[j]) and not _agrees_with(tokens[j], pattern.data)):
            holders.add(i)
            title_ends.add(j)
        elif kind == "person" and i in title_ends:  # not one named alone: a body named after him (Ikigo cya Mandela)
            holders.add(i)
        elif after_of and tokens[i].norm in _APPOSITIVE_HEADS and j == i + 1 and j in starts \
                and _entry_type(glossary, starts[j][0].entry) == "organisation":
            holders.update((i, j))
    return holders


class _Reported(NamedTuple):
    """What one text holds once its matches are read: the tokens and where the reported places, organisations and
    unlisted names stand, for the rules that decide a match's sense."""
    text: str
    tokens: list[Token]
    glossary: Glossary
    sentences: _Sentences
    in_terms: set[int]
    in_places: set[int]
    organisations: set[int]
    places_in: dict[int, set[str]]  # sentence -> the places it names
    place_at: dict[int, tuple[str, str]]  # token -> the place reported from it, and how it is written
    places_named: set[int]
    org_ending_at: dict[int, tuple[Pattern, int]]  # token an organisation ends before -> it, and where it starts
    place_ending_at: dict[int, int]  # token a place ends before -> where it starts
    names_over: dict[int, list[UnlistedName]]  # token -> the unlisted names over it
    spelt_out: dict[int, tuple[int, list[str]]]  # bracketed acronym -> the name before it that it spells
    senses: dict[_SenseKey, str | None]  # read once per entry, sentence and what stands around the match
    holders: set[int]  # tokens where a match of whose a name is starts (`_holders`)
    sentence_words: dict[int, list[Word]]  # sentence -> its words as the cues read them, made once


def _cue_sense(read: _Reported, entry: Entry, i: int, j: int, other_place: bool = True) -> str | None:
    """Why the entry's `rw_context` cues take the match at tokens i..j for another sense (None: they do not);
    without `other_place`, a place after it is not read against it (`!>@place`)."""
    tokens, cues = read.tokens, entry.sense_cues
    near = _places_after(tokens, j, read.place_at)
    after = _words_after(tokens, j, read.sentences) if cues.next_against or cues.previous_for else ()
    body = _body_after(tokens, j, read.sentences, read.organisations, read.in_places) \
        if cues.body_after_against else None
    body = body or (_foreign_after(tokens, j, read.sentences, read.in_terms) if cues.foreign_after_against else None)
    body = body or (_other_place(read.glossary, entry, _place_of(tokens, j, read.place_at))
                    if cues.other_place_after_against and other_place else None)
    before = _word_before(tokens, i) if cues.previous_against or cues.previous_for else None
    of = _word_of(tokens, i) if cues.of_against else None
    placed = cues.place_after_for and _placed_after(tokens, j, read.places_named)
    # the locative i takes only places: i Tanga is the port, whatever else the sentence is about (tanga: 'give')
    located = entry.type == "place" and _after_locative_i(tokens, i)
    # once per entry, sentence and what stands around it: a long unpunctuated paragraph would otherwise be read
    # once per match
    sentence = read.sentences.of[i]
    key = (entry.id, sentence, tuple(near), after, body, before, placed, of, located)
    if key not in read.senses:
        words = read.sentence_words.get(sentence)
        if words is None:
            words = read.sentence_words[sentence] = _sentence_words(tokens, i, read.sentences, read.in_places)
        read.senses[key] = _unsupported_sense(entry, words, frozenset(read.places_in.get(sentence, ())), near, after,
                                              body, before, placed, of, located)
    return read.senses[key]


def _name_sense(read: _Reported, pattern: Pattern, entry: Entry, i: int, j: int,
                sense: str | None) -> tuple[str | None, str | None]:
    """What the names around a term match at tokens i..j say of it: (why it is taken for another sense, or the
    cues' reason `sense` kept; the listed body it is the acronym of instead, or None)."""
    text, tokens, glossary, org_ending_at = read.text, read.tokens, read.glossary, read.org_ending_at
    end = tokens[j - 1].end
    # an organisation after another and a connective that agrees with it is the body the first belongs to,
    # part of its name: Akanama gashinzwe Umutekano ku Isi k'Umuryango w'Abibumbye is the Security Council
    owner = org_ending_at.get(i - 1) if i > 1 and _joined_by_connective(tokens, i) else None
    if not sense and owner is not None and _in_its_names(glossary.get(owner[0].entry), entry) \
            and _agrees_with(tokens[i - 1], owner[0].data):
        sense = f"{_SENSE} part of the name '{text[tokens[owner[1]].start:end]}'"
    # an acronym in brackets names the organisation just before it, whatever else it spells: Reporters Sans
    # Frontières (RSF) is not the Rapid Support Forces; not one after a connective, which names a longer body
    # (ubutumwa bwa Loni (MINUSMA)), unless that body is the word organisation (Umuryango w'Abanyamakuru
    # Batagira Imipaka (RSF)); where its letters are that organisation's initials, it is its acronym, whatever
    # the sentence says of the other's sense
    before = org_ending_at.get(i)
    if before and before[0].entry != pattern.entry \
            and not (before[1] > 0 and _of_connective(tokens[before[1] - 1])
                     and not _organisation_word_opens(tokens, before[1] - 2)) \
            and _bracketed_acronym(tokens, i):
        if _initials_of(glossary.get(before[0].entry), tokens[i].orig):
            return None, before[0].entry
        written = text[tokens[before[1]].start:tokens[i - 1].end]
        sense = sense or f"{_SENSE} the acronym in brackets after '{written}' names it"
    # an acronym in brackets after a body and the place it is of names that place's body: another country's,
    # where the acronym's own entry reads a place after it so (Komisiyo … y'u Burundi (CENI): not the DR
    # Congo's; Minisiteri y'Ubuzima y'u Rwanda (MINISANTE) stays Rwanda's)
    if not sense and j == i + 1 and entry.sense_cues.other_place_after_against and _bracketed_acronym(tokens, i) \
            and (k := read.place_ending_at.get(i)) is not None and (k - 1 in org_ending_at or k in org_ending_at) \
            and (other := _other_place(glossary, entry, read.place_at[k])):
        sense = f"{_SENSE} '{other}' points to another sense than '{entry.en[0]}'"
    if not sense and entry.type == "organisation" and j == i + 1 and i in read.spelt_out \
            and spelt_out_reading(entry, spelt := read.spelt_out[i][1]) == "other":
        sense = f"{_SENSE} the acronym in brackets spells '{' '.join(spelt)}', another name"
    if not sense:
        # a place inside an office's name is still named: its seat (Urukiko Rwisumbuye rwa Musanze); not one
        # the name's acronym closes (… muri Somalia (AUSSOM))
        sense = next((_inside_name(text, tokens, name) for name in read.names_over.get(i, ())
                      # not the head word itself (Minisiteri y'Imari is a ministry), unless the name is a
                      # listed organisation's (Minisiteri ishinzwe Ubutabazi (MINEMA))
                      if name.start <= i and j <= name.end and (name.start, name.end) != (i, j)
                      and ((i, j) != (name.start, name.start + 1) or name.acronym_of)
                      and (entry.type != "place" or i >= name.seat) and i != name.owner
                      and not (i > name.start and i in read.holders)),
                     None)
    return sense, None


def _inside_name(text: str, tokens: list[Token], name: UnlistedName) -> str:
    """The warning of a match inside a name: the name it is part of, and whose name that is."""
    written = _name_text(text, tokens, name.start, name.end)
    if name.acronym_of:
        return f"{_SENSE} part of the name '{written}', {name.acronym_of} written another way"
    return f"{_SENSE} part of the name '{written}', which the glossary does not list"


def _acronym_named(text: str, tokens: list[Token], name: UnlistedName, matches: list[TermMatch]) -> TermMatch:
    """A name its listed acronym closes, as that organisation: Urukiko Mpanabyaha Mpuzamahanga (ICC) is the ICC,
    whichever way the glossary writes it; in the acronym's sense, so a name the context says is another body
    (Umuryango w'Abanyamakuru … (RSF), not the Rapid Support Forces) is as ambiguous as its acronym."""
    a = name.start
    start = tokens[a - 1].start if a > 0 and tokens[a - 1].clitic else tokens[a].start  # z'ubutumwa …
    end = tokens[name.end - 1].end
    acronym = next((m for m in matches if m.entry == name.acronym_of and m.start == tokens[name.end].start), None)
    if acronym is not None and acronym.kind == "ambiguous":
        sense = [w for w in acronym.warnings if w.startswith(_SENSE)][:1]
        return TermMatch(name.acronym_of or "", text[start:end], start, end, "ambiguous", sense)
    return TermMatch(name.acronym_of or "", text[start:end], start, end)
