"""Names the glossary does not list: a place inside a longer name or in the name of a thing called after it, a
river's or a sector's name, and offices and institutions the glossary lacks (head noun, complements, mandate, an
acronym in brackets).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Container, Mapping
from dataclasses import dataclass

from translate.document import KINYARWANDA_CALENDAR_WORDS
from translate.glossary.entries import Entry, Glossary
from translate.glossary.kinyarwanda.forms import (
    INSTITUTION_HEADS, _AND, _clitics, derived_words, organisation_heads, without_augment,
)
from translate.glossary.kinyarwanda.grammar import SUBJECT_OPENERS
from translate.glossary.kinyarwanda.senses import _connective, _of_connective, _Sentences
from translate.glossary.matching import Pattern
from translate.glossary.morphology import (
    DEMONSTRATIVES, FULL_CONNECTIVES, LOCATIVES, NAME_LOCATIVES, NOUN_CLASSES, O_CONNECTIVES, VOWELS, guess_class,
    is_prefixless, spelt_foreign,
)
from translate.glossary.spelling import HONORIFICS
from translate.glossary.textnorm import ABBREVIATED_TITLES, Token, fold, tokenize


# People of a place: Abanya-Ukraine, Abanye-Congo (nya/nye), the -kazi feminine; also without the augment after a
# locative (mu Banya-Nigeria).
DEMONYM_PREFIXES = frozenset({"umunya", "abanya", "umunye", "abanye", "umunyakazi", "abanyakazi",
                              "munya", "banya", "munye", "banye", "munyakazi", "banyakazi"})


def _capitalised_word(tokens: list[Token], k: int, in_terms: set[int]) -> bool:
    """A capitalised word that is not a glossary term, nor a little word capitalised to open a sentence (I Kigali),
    nor the people-of prefix of a demonym (Abanye-Congo), nor a Kinyarwanda month or weekday capitalised in a date
    (… 05 Werurwe Imirwano …; an English month may be part of a name: the Durban July is a horse race)."""
    token = tokens[k]
    return (token.orig[:1].isupper() and not token.clitic and k not in in_terms
            and token.norm not in _OPENERS and token.norm not in DEMONYM_PREFIXES
            and token.norm not in KINYARWANDA_CALENDAR_WORDS)


# A name written in English, French or Portuguese keeps its place inside (Bank of Kigali, Université du Burundi,
# Ferroviário da Beira): it is quoted as it stands, so the place is not one the translation renders.
_FOREIGN_OF = frozenset({"of", "de", "du", "des", "da", "do", "for", "on"})  # … for Africa, Ferroviário da Beira
# ... and a place before one of its little words goes on into it (Africa in Colors, Rwanda and Beyond)
_FOREIGN_INSIDE = _FOREIGN_OF | frozenset({"in", "and", "for", "et", "en"})
_OPENERS = LOCATIVES | NAME_LOCATIVES | FULL_CONNECTIVES | O_CONNECTIVES | DEMONSTRATIVES | SUBJECT_OPENERS
# ... and a person's or a place's name right before one of these English words names the place, prize, day,
# paper or airline called after them (Samia Suluhu Hassan Stadium, Paul Kagame Award, Rwanda Day, New York
# Times), or right after "Air" (Air Côte d'Ivoire)
_NAMED_AFTER = frozenset({"stadium", "arena", "airport", "international", "university", "foundation", "hospital",
                          "avenue", "street", "road", "boulevard", "bridge", "memorial", "centre", "center", "hall",
                          "institute", "academy", "school", "college", "award", "awards", "prize", "trophy", "cup",
                          "park", "square", "house", "library", "museum", "dam", "day", "week", "marathon", "times",
                          "post", "herald", "tribune", "today", "airways", "airlines"})
_NAMED_BEFORE = frozenset({"air", "korali", "chorale"})  # Air Tanzania; a choir called Korali Yerusalemu
# English words of a body's or an event's name, which no person is called: after a place they go on its name
# (Rwanda Space Agency, Rwanda Premier League), never a person's two names (Perezida wa Kenya William Ruto)
_BODY_WORDS = _NAMED_AFTER | frozenset({"agency", "authority", "board", "bank", "commission", "council", "forum",
                                        "summit", "league", "premier", "space", "development", "corporation",
                                        "company", "group", "fund", "trust", "association", "federation",
                                        "network", "energy", "mining", "news", "radio", "tv", "television"})
# A club's mark may come a word or two later (Cape Town City FC); other marks only right after the name, so
# Kigali Convention Centre still names Kigali, and a Title Case headline keeps its names (Kagame Yitabiriye Rwanda Day).
_CLUB_MARKS = frozenset({"fc", "sc", "united"})
_CLUB_ABBREVIATIONS = _CLUB_MARKS - {"united"}  # marks no word of the language is spelt like, read in any case
_CLUB_WORDS = 3
_PLACE_OPENERS = LOCATIVES | NAME_LOCATIVES | FULL_CONNECTIVES


def _named_after(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the match (tokens i to j) is the name of a thing called after it: one of _NAMED_AFTER among the
    capitalised words right after it (Kigali Convention Centre, Cape Town City FC), a year right after it (Kigali
    2025, a championship), the word before is one of _NAMED_BEFORE, capitalised and in the same phrase, or it is
    what an airport is "of" (Ikibuga cy'Indege Mpuzamahanga cya Bugesera)."""
    if j < len(tokens) and tokens[j].joined and tokens[j].orig[:1].isupper() and tokens[j].norm in _NAMED_AFTER:
        return True
    if j < len(tokens) and tokens[j].joined and tokens[j].norm in _CLUB_ABBREVIATIONS:
        return True  # informal copy writes a club in lower case too (musanze fc); no word of the language is "fc"
    k = j
    while k < len(tokens) and k - j < _CLUB_WORDS and tokens[k].joined and tokens[k].orig[:1].isupper():
        if tokens[k].norm in _CLUB_MARKS:
            return True
        k += 1
    return _a_year_after(tokens, i, j) or _an_airports(tokens, i) \
        or (i > 0 and tokens[i].joined and tokens[i - 1].orig[:1].isupper() and tokens[i - 1].norm in _NAMED_BEFORE)


def _a_year_after(tokens: list[Token], i: int, j: int) -> bool:
    """A year right after a name that no locative or connective introduces: an event's name (Kigali 2025), not
    where or when something is (i Kigali mu 2025)."""
    if j >= len(tokens) or tokens[j].gap != " " or not re.fullmatch(r"(19|20)\d\d", tokens[j].norm):
        return False
    return not (i > 0 and (tokens[i - 1].clitic or tokens[i - 1].norm in _PLACE_OPENERS))


def _an_airports(tokens: list[Token], i: int) -> bool:
    """Whether tokens before i are an airport's proper name, capitalised, and its "of": Ikibuga cy'Indege
    Mpuzamahanga cya Bugesera, Kibuga Mpuzamahanga cy'Indege cya Kigali; not the airport of a place described
    (ku kibuga cy'indege cya Kigali)."""
    if i < 4 or not _connective(tokens[i - 1]):
        return False
    name = tokens[max(0, i - 5):i - 1]
    for k, head in enumerate(name):
        rest = name[k + 1:]
        if head.norm in ("ikibuga", "kibuga") and head.orig[:1].isupper() and "indege" in {t.norm for t in rest} \
                and all(t.norm == "cy'" or (t.norm in ("indege", "mpuzamahanga") and t.orig[:1].isupper())
                        for t in rest):
            return True  # every word capitalised: a name, not the first word of a sentence
    return False


def _inside_longer_name(tokens: list[Token], i: int, j: int, sentences: _Sentences, in_terms: set[int],
                        names: set[str], titles: set[int], person: bool = False,
                        given_names: Container[str] = frozenset()) -> bool:
    """A one-word name written against another capitalised word is part of a longer name, which is someone or
    something else: Kenya Airways, Air Tanzania, AS Kigali, Denzel Washington, Israel Mbonyi, Congo-Nil, Bank of
    Kigali. Not in a Title Case headline, where every word is capitalised; not across a line break; not before a
    person's two names after a title and a connective (Perezida wa Kenya William Ruto; but ikipe ya Israel
    Premier Tech is a team); and a word that opens the sentence counts only if it is a name (written capitalised
    elsewhere, or in capitals: AS Kigali), not any first word (Icyakora Kenya …). `titles`: the tokens that end
    a title the glossary lists (a term for people: Perezida, Minisitiri w'Ububanyi n'Amahanga). Nor before a title
    or a person's given name and surname after a place (ingabo za Israel Rear Admiral …, muri Kenya John Stephen …:
    `given_names`, the first names of the people the glossary lists)."""
    if j - i != 1 or tokens[i].orig.isupper():  # an acronym is its own name (M23/AFC)
        return False

    def neighbour(k: int, opener_ok: bool = False) -> bool:
        # Col Makanika is him; Dr Ngozi is no town; and a title after a name opens the next one (Akarere ka
        # Nyabihu Mme Mukandayisenga: the district, then its mayor)
        if "\n" in tokens[max(k, i)].gap or not _capitalised_word(tokens, k, in_terms) \
                or ((person or k >= j) and tokens[k].norm in HONORIFICS):
            return False
        if k >= j and without_augment(tokens[k].norm) in _PLACE_NOUNS:
            return False  # a unit noun opens the next place (Akarere ka Nyabihu Umurenge wa Shyira)
        return (opener_ok or sentences.capitalised_inside(k) or tokens[k].orig.isupper()
                or tokens[k].norm in names or _foreign_name(tokens[k].norm))

    # a person's surname after a title's capitalised complement is his, not a longer name's: Minisitiri
    # w'Itangazamakuru Muyaya
    complement = person and i > 2 and _connective(tokens[i - 2]) \
        and tokens[i - 1].joined and tokens[i - 2].norm not in _AND and tokens[i - 3].norm in TITLE_WORDS
    before = i > 0 and tokens[i].joined and not tokens[i].after_sentence_break \
        and ((neighbour(i - 1) and not complement and without_augment(tokens[i - 1].norm) not in _PLACE_NOUNS
              and tokens[i - 1].norm not in _PRONOUN_OF)
             # a listed acronym (a body's, in practice), then the place of its branch: IPRC Huye, UNHCR Rwanda
             or (not person and i - 1 in in_terms and _acronym_like(tokens[i - 1].orig) and tokens[i].gap == " ")
             or (i > 1 and tokens[i - 1].norm in _FOREIGN_OF and tokens[i - 1].joined
                 and neighbour(i - 2, opener_ok=True)))
    after = j < len(tokens) and (tokens[j].joined or _english_possessive(tokens, j)) and (
        neighbour(j) or (tokens[j].norm in _FOREIGN_INSIDE | {"s"} and j + 1 < len(tokens) and tokens[j + 1].joined
                         and neighbour(j + 1, opener_ok=True)))
    # after a connective or a locative (za Israel Rear Admiral …, muri Kenya John …); not a surname before given
    # names (witwa Butare Jean Pierre; Nduhungirehe Jean Bosco is another's)
    if after and not person and i > 0 and tokens[i].joined \
            and (_complement_opener(tokens[i - 1]) or tokens[i - 1].norm in _PRONOUN_OF) \
            and _person_follows(tokens, j, given_names):
        after = False
    if after and i > 1 and _of_connective(tokens[i - 1]) \
            and (i - 2 in titles or tokens[i - 2].norm.startswith(("umu", "umw"))):
        # "ya Kenya Airways" is the airline; "Perezida wa Kenya William Ruto" is Kenya, then its president's name
        # (after a title or a person: umukinnyi wa Uganda Denis Onyango; "ikipe ya Israel Premier Tech" is a team,
        # and so, for all the words can tell, is "Polisi ya Kenya Peter Njoroge")
        after = not (j + 1 < len(tokens) and tokens[j + 1].joined and neighbour(j + 1)) \
            or tokens[j].norm in _BODY_WORDS or tokens[j + 1].norm in _BODY_WORDS
    return (before or after) and not sentences.title_case[sentences.of[i]]


# The administrative units and towns, without their augment (as after a locative: mu mujyi wa Goma), Rwandan,
# Congolese and Burundian, with the older ones (segiteri, komine, perefegitura) history copy still writes.
PLACE_UNITS = frozenset({
    "mujyi", "mijyi", "gace", "duce", "karere", "turere", "ntara", "murenge", "mirenge", "kagari", "tugari",
    "mudugudu", "teritwari", "telitwari", "segiteri", "komine", "perefegitura"})
# ... and a country and a town's other spelling: written capitalised before a place, with the augment or without,
# they say what it is, as an apposition (mu Karere Iran iherereyemo, the region Iran lies in; Igihugu Uganda), no
# longer name.
_PLACE_NOUNS = PLACE_UNITS | frozenset({"gihugu", "mugi"})


# Military ranks written before a name, in English and as Kinyarwanda spells them (most abbreviations, Maj, Col, Gen,
# are ABBREVIATED_TITLES): a rank opens no longer name, and a one-word place right after one is a surname (Maj. Ngoma).
MILITARY_RANKS = frozenset({"general", "jenerali", "colonel", "koloneli", "major", "majoro", "captain", "kapiteni",
                            "lieutenant", "liyetona", "sergeant", "serija", "corporal", "kaporali", "brigadier",
                            "burigadiye", "admiral", "cpt", "pte"})
# Titles the press writes in English before a name (Rear Admiral Daniel Hagari), which open no longer name.
_ENGLISH_TITLES = MILITARY_RANKS | frozenset({"rear", "president", "minister", "ambassador", "senator", "governor",
                                              "commander", "spokesman", "spokesperson", "envoy"})


# 'The one of', written capitalised in a list (Perezida wa Uganda, Uwa Tanzania Samia Suluhu Hassan, …): a
# pronoun with its connective, no word of a longer name.
_PRONOUN_OF = frozenset({"uwa", "aba", "iya", "aya", "iza", "icya", "ibya", "irya", "urwa", "ubwa"})


def _complement_opener(token: Token) -> bool:
    """A connective of agreement or a locative, after which a place is the complement of what comes before."""
    return (_of_connective(token) and token.norm not in _AND) or token.norm in ("mu", "muri", "i", "kuri")


def _person_follows(tokens: list[Token], j: int, given_names: Container[str]) -> bool:
    """Token j opens a title or a person's name (a given name the glossary knows and another capitalised word, in
    either order), not the rest of a longer name."""
    word = tokens[j].norm
    if word in _ENGLISH_TITLES or word in TITLE_WORDS or word in ABBREVIATED_TITLES:
        return True
    following = j + 1 < len(tokens) and tokens[j + 1].joined and tokens[j + 1].orig[:1].isupper()
    # a given name then a surname (Jean Bizimana), or a surname then a given name, as Rwandan copy writes them
    # (ishami rya Muhanga Bayiringire Louis)
    return following and (word in given_names or tokens[j + 1].norm in given_names)


def _english_possessive(tokens: list[Token], j: int) -> bool:
    """Token j is the s of an English possessive right after a name: Africa's Pulse."""
    return tokens[j].norm == "s" and tokens[j].gap in ("'", "’")


# The particles of Arabic and European names, which open the name that follows (Al-Burhan, Ould Tah)
_NAME_PARTICLES = frozenset({"al", "el", "ibn", "bin", "abu", "ould", "van", "von", "de", "da", "di", "du", "dos"})


def after_name_particle(tokens: list[Token], i: int) -> bool:
    """A place written against an Arabic name's article is the name's: Mohammed Shia al-Sudani, not Sudan."""
    return i > 0 and tokens[i].gap == "-" and tokens[i - 1].norm in ("al", "el")


def _foreign_name(word: str) -> bool:
    """A word opening a sentence spelt as no Kinyarwanda word is, no honorific and no particle: a name (Winnie
    Odinga, Airtel Uganda, Vodacom Congo), where a word spelt the Kinyarwanda way may be any (Ubwo, Umunyezamu)."""
    return word not in HONORIFICS | _NAME_PARTICLES and word not in TITLE_WORDS and spelt_foreign(word)


# The mandate of an office: "in charge of" (rishinzwe amahoro n'umutekano) and "caring for" (ryita ku mpunzi),
# each after its class agreement.
_MANDATE_STEMS = ("shinzwe",)
_CARE_STEM = "ita"


def _mandate_end(tokens: list[Token], j: int, lists: bool = False, head: str = "") -> int:
    """The end of a mandate clause opening at token j (rishinzwe amahoro n'umutekano; ryita ku mpunzi), or j;
    with `lists`, also through capitalised objects listed with commas (rushinzwe Politiki, Ingabo n'Umutekano).
    With a `head` noun, only a clause that agrees with it: Komite y'Akanama ka Loni gashinzwe Umutekano ishinzwe
    ibihano is the committee's mandate, not the Council's."""
    n = len(tokens)
    if j >= n or not tokens[j].joined:
        return j
    word = tokens[j].norm
    if head and not any(word == concord + stem for concord in _relative_concords(head)
                        for stem in (*_MANDATE_STEMS, _CARE_STEM)):
        return j
    if any(word.endswith(stem) and len(word) - len(stem) <= 3 for stem in _MANDATE_STEMS):
        k = j + 1
    elif word.endswith(_CARE_STEM) and len(word) <= 5 and j + 1 < n and tokens[j + 1].norm == "ku":
        k = j + 2
    else:
        return j
    matters = k + 1 < n and tokens[k].norm == "iby" and tokens[k].joined and tokens[k + 1].gap.strip() in ("'", "’")
    if matters:
        k += 1  # "the matters of": gishinzwe iby'indege za gisivili
    if k >= n or not (tokens[k].joined or matters) or tokens[k].clitic:
        return j
    k += 1  # its object, its complements (Ingufu za Atomike), more joined by "and" (amahoro n'umutekano; kurwanya
    # no gukumira indwara), an invariable adjective (ubutwererane mpuzamahanga); not a capitalised word alone,
    # which is a name after it (… gishinzwe ubuzima Sabin Nsanzimana)
    while True:
        joined_by_connective = k < n and _connective(tokens[k])
        if joined_by_connective and (step := _complement_end(tokens, k)) > k:
            k = step
        elif k + 1 < n and (tokens[k].norm in _AND) and tokens[k + 1].joined and not tokens[k + 1].clitic:
            k += 2
        elif _and_infinitive(tokens, k) and k + 2 < n and tokens[k + 2].joined and not tokens[k + 2].clitic:
            k += 3  # and an infinitive with its object: kurwanya no gukumira indwara
        elif k < n and tokens[k].joined and tokens[k].norm in _INVARIABLE_ADJECTIVES:
            k += 1
        elif lists and (step := _listed_objects_end(tokens, k)) > k:
            k = step
        else:
            return k


def _relative_concords(head: str) -> tuple[str, ...]:
    """The concords a relative clause after the head noun (folded) opens with: akanama -> ka, ga, k. Classes 9
    and 10 are spelt alike (inama ishinzwe, ingabo zishinzwe): either's."""
    agreement = NOUN_CLASSES[guess_class(head)].agreement
    return NOUN_CLASSES["9"].concords + NOUN_CLASSES["10"].concords if agreement in ("9", "10") \
        else NOUN_CLASSES[agreement].concords


_INFINITIVE_PREFIXES = ("ku", "gu", "kw", "gw")  # ku-/gu- before a consonant, kw-/gw- before a vowel


def is_infinitive(word: str) -> bool:
    """Whether a folded word is spelt as an infinitive (kurwanya, gukumira, kwibuka), not a locative (ku)."""
    return word.startswith(_INFINITIVE_PREFIXES) and len(word) >= 6


# Adjectives that take no agreement, common in offices' names: international, general.
_INVARIABLE_ADJECTIVES = frozenset({"mpuzamahanga", "rusange"})


def _and_infinitive(tokens: list[Token], k: int) -> bool:
    """Whether tokens k, k+1 are "and" with an infinitive (no gukumira), not with a locative (no ku wa Gatanu)."""
    return k + 1 < len(tokens) and tokens[k].norm == "no" and tokens[k].joined and tokens[k + 1].joined \
        and is_infinitive(tokens[k + 1].norm)


def _purpose_end(tokens: list[Token], j: int) -> int:
    """The end of a purpose clause opening at token j, an "of" and an infinitive with its object (bwo kubungabunga
    amahoro, bwo Gushyigikira Umutekano), or j."""
    n = len(tokens)
    if j + 2 >= n or tokens[j].norm not in _LOCATIVE_CONNECTIVES or not tokens[j].joined \
            or not tokens[j + 1].joined or not is_infinitive(tokens[j + 1].norm) \
            or not tokens[j + 2].joined or tokens[j + 2].clitic:
        return j
    k = j + 2  # after the infinitive: its object, or "and" another infinitive (bwo gushyigikira no gutuza Somaliya)
    while _and_infinitive(tokens, k):
        k += 2
    if k >= n or not tokens[k].joined or tokens[k].clitic:
        return j
    k += 1
    while k < n and _connective(tokens[k]) \
            and (step := _complement_end(tokens, k)) > k:
        k = step  # the object's complements: bwo kurwanya iterabwoba ry'Abajihadi
    return k


def _listed_objects_end(tokens: list[Token], k: int) -> int:
    """After a mandate's capitalised objects listed with commas and closed by "and" (rushinzwe Politiki, Ingabo
    n'Umutekano; rishinzwe Uburezi, Ubumenyi, n'Umuco), or k: a comma alone goes on no name, and an acronym is
    a body of its own (…, RBA n'Inteko)."""
    n, j = len(tokens), k

    def an_object(t: Token) -> bool:
        return t.orig[:1].isupper() and not t.clitic and not (len(t.orig) > 1 and t.orig.isupper())

    if k == 0 or not an_object(tokens[k - 1]):
        return k
    while j < n and tokens[j].gap.strip() == "," and an_object(tokens[j]):
        j += 1
        if j + 1 < n and tokens[j].norm in _AND and tokens[j].gap.strip() in ("", ",") and tokens[j + 1].joined \
                and an_object(tokens[j + 1]):
            return j + 2
    return k


# "Of in": the relative connective before a locative (Ihuriro ry'Ibihugu byo mu Karere ka Sahel). Not ko (also
# "that") nor ho (there).
_LOCATIVE_CONNECTIVES = frozenset({"wo", "yo", "ryo", "cyo", "byo", "zo", "rwo", "bwo", "kwo", "two"})


def _complement_end(tokens: list[Token], j: int, organisations: Container[int] = ()) -> int:
    """One step of a name's complements at token j: a capitalised word (Yunze, Ubumwe), or a connective or 'and'
    before one (ry'Umuryango, w'Abibumbye, n'Umutekano, y'u Burayi), or 'of in' before one (byo mu Karere), not
    before one of the `organisations` (the tokens where a listed one starts), where a unit sits, not part of its
    name (Ishami ry'Ubuvuzi ryo mu Ngabo z'u Rwanda); j when there is none."""
    n = len(tokens)
    if j >= n or not tokens[j].joined or tokens[j].after_sentence_break or "\n" in tokens[j].gap:
        return j
    if tokens[j].orig[:1].isupper() and not tokens[j].clitic:
        return j + 1
    if tokens[j].norm in _LOCATIVE_CONNECTIVES and j + 2 < n and tokens[j + 1].norm in ("mu", "muri") \
            and tokens[j + 1].joined and tokens[j + 2].joined and tokens[j + 2].orig[:1].isupper() \
            and not tokens[j + 2].clitic and j + 2 not in organisations:
        return j + 3
    if _connective(tokens[j]):
        k = j + 1
        if k + 1 < n and tokens[k].norm == "u" and tokens[k].joined:
            k += 1  # y'u Burayi
        if tokens[j].norm in _AND and (k in organisations or (tokens[k].norm in _APPOSITIVE_HEADS
                                                               and k + 1 in organisations)):
            # a second body, not a word of the name: Umuryango wa SADC n'Umuryango wa Afurika Yunze Ubumwe; Ishyaka
            # PS Imberakuri n'Ishyaka PSD
            return j
        if k < n and tokens[k].joined and tokens[k].orig[:1].isupper() and not tokens[k].clitic:
            return k + 1
    return j


_NAME_WORDS = 16  # an office's name is no longer (a run of capitals with no stop is not one name)
# "The organisation X", "the alliance X", "the company X": the head names the listed organisation after it, not
# another body.
_APPOSITIVE_HEADS = frozenset({"umuryango", "ihuriro", "ishyaka", "ikigo", "sosiyete"})
# A meeting of an organisation is not a body of its own (Inama ya EAC), as a commission is (Komisiyo ya AU).
_MEETING_HEADS = frozenset({"inama"})
_COUNCIL_HEADS = frozenset({"inama", "akanama"})


def _head_noun(tokens: list[Token], k: int, heads: frozenset[str]) -> str:
    """Token k as one of the `heads`: after a locative with its augment restored (mu Butumwa bwa SADC: ubutumwa)."""
    word = tokens[k].norm
    if k > 0 and tokens[k].joined and tokens[k - 1].norm in LOCATIVES and word[:1] not in VOWELS:
        return next((vowel + word for vowel in "uia" if vowel + word in heads), word)
    return word


@dataclass(frozen=True)
class UnlistedName:
    """Tokens start..end name an office the glossary does not list as written; its seat (a place inside that is
    where it works, reported as the place) starts at `seat`; `owner`: where the listed body whose office it is
    starts, reported as itself (Ikigo cya Confucius cya Kaminuza y'u Rwanda). `acronym_of`: the listed
    organisation whose acronym in brackets closes it, which the name then is, written another way."""

    start: int
    end: int
    seat: int
    acronym_of: str | None = None
    owner: int | None = None


def _unlisted_names(tokens: list[Token], found: list[tuple[Pattern, int, int]], heads: frozenset[str],
                    sentences: _Sentences, organisations: set[int], capital_terms: set[int],
                    people: Collection[int] = ()) -> list[UnlistedName]:
    """Token spans of organisation names the glossary lacks: a capitalised head noun, its complements and its
    mandate (Ishami ry'Umuryango w'Abibumbye ryita ku mpunzi; Akanama k'Amahoro n'Umutekano ka AU). It is a
    name only with a mandate, a listed organisation among its complements, a term written capitalised among them
    (Akanama k'Umutekano, Inama y'Umutekano y'Igihugu: the capital says name) or its acronym in brackets after
    it (Komisiyo y'Igihugu y'Amatora (NEC); then even a head in lower case: z'ubutumwa bwa SADC muri Congo
    (SAMIDRC); not a meeting "of" people in lower case, which the body gathers: mu nama y'abagaba b'ingabo …
    (ECOWAS)). The heads are everyday nouns too (Umuryango wa Perezida Ndayishimiye is his family, Ubutumwa bwa
    Perezida his message). A head that opens its sentence needs a capitalised complement (Urwego rushinzwe
    umutekano is any security body). A listed name that opens one counts only when a mandate follows it
    (Umuryango w'Abibumbye wita ku bana is not the UN). `heads` are the glossary's own (`organisation_heads`);
    the institution heads (Inama, Komisiyo) only make a name by a capitalised term or an acronym, as Inama ya EAC
    is the EAC's meeting. `organisations`, `capital_terms`: the tokens where a listed organisation's match starts,
    and a capitalised term's. Each span comes with where its seat starts, a place its bracketed acronym closes
    (`_seat_end`), or its end. `people`: where a listed person's match starts."""
    listed = {i: j for _, i, j in found}
    organisation_at = {i: pattern.entry for pattern, i, _ in found if i in organisations}
    organisation_ends = {j for _, i, j in found if i in organisations}
    inside_listed = {k for _, i, j in found for k in range(i + 1, j)}  # Umuryango in Ishami ry'Umuryango …
    # a place's people, one word (Abashinwa), not another entry's related word (abigaragambya)
    demonyms = {i for pattern, i, j in found if pattern.kind == "related" and j == i + 1
                and pattern.entry.startswith("place.")}
    capital_starts, organisation_starts = sorted(capital_terms), sorted(organisations)

    def between(starts: list[int], low: int, high: int) -> list[int]:
        return starts[bisect.bisect_right(starts, low):bisect.bisect_left(starts, high)]

    spans = []
    all_heads = heads | INSTITUTION_HEADS
    for k, token in enumerate(tokens):
        if token.norm not in all_heads and (token.norm[:1] in VOWELS or not k or tokens[k - 1].norm not in LOCATIVES):
            continue  # no head, nor one that a locative took the augment of (_head_noun)
        head = _head_noun(tokens, k, all_heads)
        own = head in heads
        if (not own and head not in INSTITUTION_HEADS) or k in inside_listed:
            continue
        capital = token.orig[:1].isupper()
        if listed.get(k, k + 1) > k + 1:  # a listed name: another only with a mandate after it
            end = _mandate_end(tokens, listed[k], head=head)
            if own and capital and end > listed[k]:
                closed = _acronym_end(tokens, end)
                spans.append(UnlistedName(k, end, k, organisation_at[end]) if closed > end and end in organisations
                             else UnlistedName(k, end, end))
            elif capital and head in INSTITUTION_HEADS - _MEETING_HEADS and k not in organisations \
                    and (end := _generic_office_end(tokens, k, listed, organisations)) > k:
                spans.append(UnlistedName(k, end, k, organisation_at[end]))
            continue
        end = k + 1
        while end - k < _NAME_WORDS and (step := _complement_end(tokens, end, organisations)) > end:
            end = step
        if (person := _person_after_listed_name(tokens, k, end, people, organisation_starts,
                                                organisation_ends)) is not None:
            end = person  # Ishyaka DALFA-Umurinzi rya Victoire Ingabire: the party, then whose it is
        with_mandate = _mandate_end(tokens, end, head=head)
        inside = between(organisation_starts, k, end)
        # a mandate's objects listed with commas only in a name that holds a listed organisation or that its
        # acronym closes (Urwego rwa SADC rushinzwe Politiki, Ingabo n'Umutekano): else a list of bodies after a
        # name (… rushinzwe Ubugenzacyaha, Polisi n'Ingabo) stays the bodies
        listing = _mandate_end(tokens, end, lists=True, head=head)
        if listing > with_mandate and (inside or _acronym_end(tokens, listing) > listing):
            with_mandate = listing
        if len(inside) == 1 and listed[inside[0]] == end and with_mandate == end \
                and (inside[0] == k + 1 or (head in _APPOSITIVE_HEADS and (
                    inside[0] == k + 2 or (inside[0] == k + 3 and tokens[k + 1].clitic and k + 2 in demonyms)))):
            # Umuryango wa EAC, Ishyaka CNDD-FDD, Umuryango Reporters Sans Frontières (RSF), Ikigo Frontex: itself;
            # so is one a people's word describes (Ikigo cy'Abashinwa Huawei, the Chinese company Huawei)
            continue
        if with_mandate > k + 1 and _bracketed_organisation(tokens, with_mandate, listed, organisations) \
                > with_mandate + 1:  # (Africa CDC): an organisation's name of two words, in brackets
            spans.append(UnlistedName(k, with_mandate, k, organisation_at[with_mandate]))
            continue
        closed = max(_seat_end(tokens, with_mandate), _acronym_end(tokens, with_mandate),
                     _bracketed_name_end(tokens, with_mandate, listed, organisations))
        if closed == with_mandate and (purpose := _purpose_end(tokens, with_mandate)) > with_mandate:
            # a purpose only where the acronym closes the name: Ubutumwa Mpuzamahanga bwo Gushyigikira Umutekano
            # (MSS); else it is what the body does (Ingabo z'u Rwanda zo kugarura amahoro)
            after_purpose = max(_seat_end(tokens, purpose), _acronym_end(tokens, purpose))
            if after_purpose > purpose:
                closed, with_mandate = after_purpose, purpose
        if closed > with_mandate and with_mandate > k + 1:
            # a listed acronym names the organisation, which the name writes another way: it stays itself, the
            # name is that organisation too, and a place inside is the name's (Ihuriro ry'Ibihugu bya Sahel (AES))
            if closed - 1 in organisations:
                spans.append(UnlistedName(k, closed - 1, k, organisation_at[closed - 1]))
            else:
                spans.append(UnlistedName(k, closed, with_mandate))
            continue
        if (run := _run_to_listed_acronym(tokens, with_mandate, k + _NAME_WORDS, organisations,
                                          in_mandate=with_mandate > end)) > with_mandate:
            # any run of words in one phrase that a listed acronym closes names it too, in lower case (Urwego
            # rw'ubutasi bwa gisirikare rwa Uganda (CMI) is the CMI) or through a relative clause (Urwego
            # rwasigaranye imirimo y'Inkiko Mpanabyaha (IRMCT); urwego ruhuriweho rushinzwe … (JSCM)); not the head
            # that says what the name after it is (ishyaka Forum for Democratic Change (FDC))
            first = k + 1 if head in _APPOSITIVE_HEADS and tokens[k + 1].orig[:1].isupper() \
                and not tokens[k + 1].clitic else k
            if head in _MEETING_HEADS and run > k + 2 and tokens[k + 2].orig[:1].isupper() \
                    and _connective(tokens[k + 1]):
                first = k + 2  # the meeting of the body the acronym names: mu nama y'Ihuriro … (FOCAC)
            elif head in _MEETING_HEADS and _connective(tokens[k + 1]) and not sentences.capitalised_inside(k):
                continue  # a meeting of people the acronym's body gathers (mu nama y'abagaba b'ingabo … (ECOWAS))
            spans.append(UnlistedName(first, run, first, organisation_at[run]))
            continue
        if not capital or (end == k + 1 and not sentences.capitalised_inside(k)):
            continue
        if between(capital_starts, k, end) or (own and with_mandate > end) \
                or (inside and (own or head not in _MEETING_HEADS or with_mandate > end)):
            # a meeting's head names a body when its mandate agrees with it (Inama y'Umuryango w'Afurika Yunze
            # Ubumwe ishinzwe amahoro n'umutekano); else it is the body's meeting (Inama ya EAC). A listed body
            # after a connective that closes it is whose the office is, still named: Ikigo cya Confucius cya
            # Kaminuza y'u Rwanda, Isoko Rusange rya EAC, Ubutumwa bwa UNISFA; not a council's, likely a listed
            # one's other wording (Inama y'Umutekano ya Loni, Akanama k'Amahoro n'Iterambere ka AU)
            owner = inside[-1] if inside and with_mandate == end and listed[inside[-1]] == end \
                and head not in _COUNCIL_HEADS \
                and inside[-1] - 1 > k and (tokens[inside[-1] - 1].clitic
                                            or tokens[inside[-1] - 1].norm in FULL_CONNECTIVES) else None
            spans.append(UnlistedName(k, with_mandate, with_mandate, owner=owner))
    return spans


_BRACKETED = re.compile(r"^\s*\(\s*$")


# Words a page writes in capitals in brackets that are no acronym: caption tags.
_CAPTION_TAGS = frozenset({"amafoto", "ifoto", "videwo", "video", "amashusho", "photo", "photos", "audio", "live"})


def _content_words(glossary: Glossary) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each organisation's long renderings as their words that are no connective (Ingabo za EAC: ingabo, eac)."""
    def build() -> dict[str, tuple[tuple[str, ...], ...]]:
        clitics = _clitics(False)
        out = {}
        for entry in glossary:
            if entry.type != "organisation":
                continue
            # in the glossary's order, not a set's: which rendering is tried first must not depend on the hash seed
            forms = dict.fromkeys(tuple(t.norm for t in tokenize(r, clitics)
                                        if not t.clitic and t.norm not in FULL_CONNECTIVES) for r in entry.rw)
            out[entry.id] = tuple(f for f in forms if len(f) > 1)
        return out
    return glossary.cached(("rw-organisation-content-words",), build)


_WORDS_ADDED = 3  # a rendering written with a few more words (Ingabo z'Akarere za EAC for Ingabo za EAC)


def renderings_before_acronym(tokens: list[Token], found: list[tuple[Pattern, int, int]],
                              glossary: Glossary) -> list[UnlistedName]:
    """A phrase its listed organisation's acronym closes in brackets that holds, in order, the words of one of
    that organisation's long renderings, from its first word to its last, with a few more words between: the
    organisation written another way (Ingabo z'Akarere za EAC (EACRF) for Ingabo za EAC). One phrase: no
    punctuation, no 'and' between."""
    words = _content_words(glossary)
    spans = []
    for pattern, i, j in found:
        forms = words.get(pattern.entry)
        if not forms or not _bracketed_acronym(tokens, i) or i < 2:
            continue
        start = None  # the longest phrase a rendering fits: Umuryango w'Ubumwe bw'u Burayi, not Ubumwe bw'u Burayi
        for form in forms:
            if tokens[i - 1].norm != form[-1]:
                continue
            k, want = i - 1, len(form) - 1
            while k > 0 and want > 0 and i - k <= len(form) * 2 + _WORDS_ADDED and _linked(tokens[k]) \
                    and tokens[k - 1].norm not in _AND:
                k -= 1
                # after a locative the first word drops its augment: ku Ngabo z'Akarere za EAC
                if tokens[k].norm == form[want - 1] or (want == 1 and form[0][:1] in VOWELS
                                                          and tokens[k].norm == form[0][1:]):
                    want -= 1
            if want == 0 and _one_name(tokens, k, i, set(form)) \
                    and not any(p.entry == pattern.entry and s == k for p, s, _ in found):
                start = k if start is None else min(start, k)
        if start is not None:
            spans.append(UnlistedName(start, i, start, pattern.entry))
    return spans


_CAPITALISED_RUN = 6  # capitalised words of a name written before its acronym
# Heads of a body's name that only its acronym makes one: a committee, a group (Komite Irengera Abanyamakuru,
# Umutwe w'Abarinzi b'Impinduramatwara)
_RUN_HEADS = frozenset({"komite", "umutwe"})


def capitalised_name_before_acronym(tokens: list[Token], found: list[tuple[Pattern, int, int]],
                                    glossary: Glossary, covered: Container[int]) -> list[UnlistedName]:
    """A run of capitalised words joined by connectives right before a listed organisation's acronym in brackets,
    in which the glossary finds nothing: that organisation's name as the article writes it (Umutwe w'Abarinzi
    b'Impinduramatwara (IRGC); w'Abarinzi ba Revolisiyo (IRGC) after the commander). A run needs a connective
    inside or an institution's head first (Komite Irengera Abanyamakuru (CPJ)), so no person's two names count;
    not one that goes on leftwards through a word in lower case (Ikigo cy'Igihugu gishinzwe Ibijyanye n'Isanzure:
    where it starts is unknown), nor one holding a place or a term (Ingabo za Uganda (UPDF), described).
    `covered`: the tokens a match holds."""
    heads = organisation_heads(glossary) | INSTITUTION_HEADS | _RUN_HEADS
    spans = []
    for pattern, i, j in found:
        entry = glossary.get(pattern.entry)
        if j != i + 1 or entry is None or entry.type != "organisation" or not _bracketed_acronym(tokens, i):
            continue
        k, start, capitals, joins = i - 1, None, 0, 0  # joins: the connectives walked, the one opening it too
        while k >= 0 and k not in covered and capitals < _CAPITALISED_RUN \
                and (k == i - 1 or _linked(tokens[k + 1])):  # the brackets stand between the name and its acronym
            if _connective(tokens[k]):
                if start != k + 1:
                    break  # a connective joins two capitalised words
                joins += 1
            elif tokens[k].orig[:1].isupper() and not _acronym_like(tokens[k].orig):
                start, capitals = k, capitals + 1
            else:
                break
            k -= 1
        if start is None:
            continue
        # the words before its first connective are the name's only as one head word (Umutwe w'Abarinzi …); else
        # they say whose or what it is (Muthoki Mumo wa Komite …, Raporo ya Komite …): the name starts after it.
        # A run a connective opens is the name from its first word (Umugaba w'Abarinzi ba Revolisiyo)
        first_join = next((m for m in range(start, i) if _connective(tokens[m])), None)
        opened = start > 0 and _connective(tokens[start - 1])
        if first_join is not None and not opened and not (first_join == start + 1 and tokens[start].norm in heads):
            start = first_join + 1
            capitals = sum(1 for m in range(start, i) if tokens[m].orig[:1].isupper())
            joins = sum(1 for m in range(start, i) if _connective(tokens[m]))
        if capitals < 2 or tokens[start].norm in TITLE_WORDS or not (joins or tokens[start].norm in heads):
            continue
        before = start - 1
        if before >= 0 and _linked(tokens[start]) and not (
                before in covered or _connective(tokens[before]) or tokens[before].norm in _AND | _RUN_STOPS):
            continue  # the name goes on leftwards through a word in lower case (not 'ko', 'na', 'nka')
        spans.append(UnlistedName(start, i, start, pattern.entry))
    return spans


# The little words of an English or French name, which its acronym skips (Institute for Science and International
# Security: ISIS).
_NAME_LITTLE_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "et", "pour"})


def _spelt_out_before(tokens: list[Token], i: int) -> tuple[int, list[str]]:
    """Where the English or French name right before the acronym in brackets at token i starts, and its
    capitalised words, if the acronym is their initials (Institute for Science and International Security (ISIS));
    (i, []) if there is none."""
    letters = re.sub(r"[^A-Za-z]", "", tokens[i].orig).upper()
    words: list[str] = []
    k, start = i - 1, i
    while k >= 0 and (k == i - 1 or _linked(tokens[k + 1])) and len(words) < len(letters):
        word = tokens[k].orig
        if word[:1].isupper() and word.isalpha():
            words.insert(0, word)
            start = k
        elif word.lower() not in _NAME_LITTLE_WORDS or not words:
            break
        k -= 1
    spelt = len(words) > 1 and "".join(w[0] for w in words).upper() == letters
    return (start, words) if spelt else (i, [])


def _capitalised_words(name: str) -> list[str]:
    """A name's capitalised words, folded: its little words aside (Institute for the Study of War: institute,
    study, war)."""
    return [fold(w) for w in re.split(r"[\s'’-]+", name) if w[:1].isupper()]


def initials(words: list[str]) -> str:
    """The initials of a name's capitalised words, folded (institute, study, war: isw)."""
    return "".join(w[0] for w in words)


def spelt_out_reading(entry: Entry, spelt: list[str]) -> str | None:
    """What a name spelt out before a listed body's acronym says of that body: "same" where it is one of the
    body's long names whose initials the acronym is, or holds one of its long names (Islamic State of Iraq and
    Syria (ISIS)); "other" where the body has long names of those initials and this is none of them, another
    body of the same letters (International Chamber of Commerce (ICC), Institute for Science and International
    Security (ISIS)); None where it can't tell (Cour Pénale Internationale (CPI), a French name the entry lacks)."""
    words = [fold(w) for w in spelt]
    names = [_capitalised_words(name) for name in (*entry.en, *entry.rw)]
    expansions = [name for name in names if len(name) > 1 and initials(name) == initials(words)]
    if words in expansions or any(len(name) > 1 and _holds_in_order(words, name) for name in names):
        return "same"
    return "other" if expansions else None


def _holds_in_order(words: list[str], name: list[str]) -> bool:
    """Whether words hold name as a run of consecutive words."""
    return any(words[k:k + len(name)] == name for k in range(len(words) - len(name) + 1))


def spelt_out_before_acronyms(tokens: list[Token]) -> dict[int, tuple[int, list[str]]]:
    """For each acronym in brackets that the name right before it spells: its token, and where that name starts and
    its capitalised words (read once, for the name and for the acronym's sense)."""
    spelt_out = {}
    for k in range(1, len(tokens)):
        if "(" in tokens[k].gap and _bracketed_acronym(tokens, k) and (before := _spelt_out_before(tokens, k))[1]:
            spelt_out[k] = before
    return spelt_out


def spelt_out_names(found: list[tuple[Pattern, int, int]], glossary: Glossary,
                    spelt_out: dict[int, tuple[int, list[str]]]) -> list[UnlistedName]:
    """An English or French name its acronym in brackets right after spells is one name: what the glossary finds
    inside is the name's (Institute for the Study of War (ISW): no war). Where the acronym is a listed body's and
    the name is one of its long names of those initials or holds one, the name is that body (Islamic State of Iraq
    and Syria (ISIS)); else no body the glossary lists (ISIS: the Institute for Science and International
    Security), as `spelt_out_reading` tells."""
    listed_at = {i: pattern.entry for pattern, i, j in found if j == i + 1}
    spans = []
    for k, (start, spelt) in spelt_out.items():
        if any(s <= start and k <= e for _, s, e in found):
            continue  # a listed name holds it (African Union Peace and Security Council)
        entry = glossary.get(listed_at[k]) if k in listed_at else None
        same = entry is not None and entry.type == "organisation" and spelt_out_reading(entry, spelt) == "same"
        spans.append(UnlistedName(start, k, k, entry.id if same else None))
    return spans


_NAME_JOINS = FULL_CONNECTIVES | LOCATIVES


def _one_name(tokens: list[Token], start: int, end: int, words: set[str]) -> bool:
    """Whether tokens start..end read as one name: each word after the first is a connective or a locative, a word
    of the rendering, capitalised, or a complement right after a connective (z'Akarere); not a clause (Ingabo za
    Congo zivuga ko EAC …: a verb and 'that')."""
    for k in range(start + 1, end):
        word = tokens[k]
        if word.norm.rstrip("'’") in _RUN_STOPS:
            return False
        if not (word.clitic or word.norm in _NAME_JOINS or word.norm in words or word.orig[:1].isupper()
                or tokens[k - 1].clitic or tokens[k - 1].norm in _NAME_JOINS):
            return False
    return True


def _acronym_like(word: str) -> bool:
    """Capitals, or mostly capitals with a small letter or two (AfCFTA, AfDB); not a name (RwandAir)."""
    capitals = sum(c.isupper() for c in word)
    return word.isupper() or (word[:1].isupper() and capitals >= 3 and capitals > 2 * (len(word) - capitals))


def _bracketed_acronym(tokens: list[Token], j: int) -> bool:
    """Whether token j is an acronym in brackets: (NEC), (AfCFTA), not a caption tag (AMAFOTO)."""
    if j >= len(tokens) or "(" not in tokens[j].gap or not _BRACKETED.match(tokens[j].gap) \
            or not _acronym_like(tokens[j].orig) or len(tokens[j].orig) < 2 or tokens[j].norm in _CAPTION_TAGS:
        return False
    return j + 1 >= len(tokens) or tokens[j + 1].gap.lstrip().startswith(")")


def _bracketed_organisation(tokens: list[Token], j: int, listed: Mapping[int, int], organisations: Container[int],
                            ) -> int:
    """After a listed organisation's acronym that fills the brackets opening at token j, of one word or two
    (MINAFFET, Africa CDC); else j. Not a name written out (… (Umuryango w'Abibumbye)): the body it belongs to."""
    end = listed.get(j, j)
    if j not in organisations or not _BRACKETED.match(tokens[j].gap) or not _acronym_like(tokens[end - 1].orig) \
            or (end < len(tokens) and not tokens[end].gap.lstrip().startswith(")")):
        return j
    return end


def _generic_office_end(tokens: list[Token], k: int, listed: Mapping[int, int], organisations: Collection[int],
                        ) -> int:
    """Where the bracketed acronym starts that closes an office the glossary names generically (a term at token
    k), with its country: Minisiteri y'Ububanyi n'Amahanga y'u Rwanda (MINAFFET) is that organisation. k when
    there is none, or another organisation comes between, which the acronym names; not past "and"."""
    end = listed[k]
    while end - k < _NAME_WORDS and end < len(tokens) and tokens[end].norm not in _AND \
            and (step := _complement_end(tokens, end, organisations)) > end:
        end = step
    if _bracketed_organisation(tokens, end, listed, organisations) == end \
            or any(k < start < end for start in organisations):
        return k
    return end


def _person_after_listed_name(tokens: list[Token], k: int, end: int, people: Collection[int],
                              organisation_starts: list[int], organisation_ends: Container[int]) -> int | None:
    """Where a name from token k to `end` stops before a listed person after a listed organisation and a
    connective, his title between (Ishyaka DALFA-Umurinzi rya Victoire Ingabire, Ishyaka UDA rya Perezida Ruto:
    the party, then whose it is), or right after that organisation's name (Umukandida w'Umuryango wa FPR
    Inkotanyi Paul Kagame: the party's candidate, then who he is); None if it does not.
    A body named after a person, with no listed organisation before him, keeps him (Ikigo cya Nelson Mandela …)."""
    person = next((p for p in sorted(people) if k + 1 < p < end), None)
    if person is None:
        return None
    at = person - 1
    titled = tokens[at].norm in TITLE_WORDS | HONORIFICS and at - 1 > k
    if titled:
        at -= 1  # with his title: Ishyaka UDA rya Perezida Ruto
    if not any(k < o < at for o in organisation_starts):
        return None
    if _connective(tokens[at]):
        return at
    stop = at if titled else person
    return stop if stop in organisation_ends else None


# Words that end a name's run, besides "and": a clause it opens (ko, ngo: that), a conjunction (kandi, ariko,
# cyangwa), a comparison (nka).
_RUN_STOPS = frozenset({"ko", "ngo", "kandi", "ariko", "ubwo", "nka", "nk", "cyangwa"})


def _run_to_listed_acronym(tokens: list[Token], j: int, limit: int, organisations: Container[int],
                           in_mandate: bool = False) -> int:
    """The token of a listed organisation's acronym in brackets that closes the words from token j, all in one
    phrase (no punctuation or line break, no 'that' or 'and'), with no listed organisation among them, before
    token `limit`; j when none. `in_mandate`: the words go on a mandate, whose objects an elided "and" may join
    (… ibikomoka ku buhinzi n'ubworozi (NAEB)); else it joins two bodies (… n'igipolisi (RNP))."""
    between = False  # "hagati ya A na B": the "and" of "between" joins no bodies
    for m in range(j, min(limit, len(tokens))):
        if m > j and m in organisations:
            return m if _bracketed_acronym(tokens, m) or _bracketed_name(tokens, m) else j
        joins = tokens[m].norm in _AND and not (in_mandate and tokens[m].clitic) and not between
        if not _linked(tokens[m]) or joins or tokens[m].norm.rstrip("'’") in _RUN_STOPS:
            return j
        # "between" opens only where hagati takes its connective (hagati ya, hagati y'), not hagati mu/aho
        between = (tokens[m].norm == "hagati" and m + 1 < len(tokens)
                   and tokens[m + 1].norm.rstrip("'’") in ("ya", "y")) or (between and tokens[m].norm not in _AND)
    return j


def _linked(token: Token) -> bool:
    """Token joined to the one before it in the same line: no punctuation or line break between."""
    return token.joined and "\n" not in token.gap


def _bracketed_name(tokens: list[Token], j: int) -> bool:
    """Whether token j is one capitalised word alone in brackets: a name written as a name, not as an acronym
    (… gishinzwe kurinda imipaka (Frontex)); the caller knows it for a listed organisation's."""
    return _BRACKETED.match(tokens[j].gap) is not None and tokens[j].orig[:1].isupper() \
        and (j + 1 >= len(tokens) or tokens[j + 1].gap.lstrip().startswith(")"))


def _bracketed_name_end(tokens: list[Token], j: int, listed: Mapping[int, int], organisations: Container[int],
                        ) -> int:
    """After a listed organisation's one-word name alone in brackets at token j (Ikigo cy'u Burayi (Frontex)); else
    j."""
    return j + 1 if j in organisations and listed.get(j) == j + 1 and _bracketed_name(tokens, j) else j


def _acronym_end(tokens: list[Token], j: int) -> int:
    """After a name's acronym in brackets right at token j, or j."""
    return j + 1 if _bracketed_acronym(tokens, j) else j


def _seat_end(tokens: list[Token], j: int) -> int:
    """A name that goes on with where it works and then its acronym in brackets ends after the place: Ubutumwa
    bw'Umuryango w'Afurika Yunze Ubumwe muri Somalia (AUSSOM) is the mission. Without the acronym the place is
    where the body is (… uri muri Somalia), j."""
    n = len(tokens)
    if j + 1 >= n or tokens[j].norm not in ("muri", "mu", "i") or not tokens[j].joined:
        return j
    k = j + 1
    while k < n and tokens[k].joined and tokens[k].orig[:1].isupper() and not tokens[k].clitic:
        k += 1
    while k + 1 < n and _connective(tokens[k]) and tokens[k + 1].joined \
            and tokens[k + 1].orig[:1].isupper():
        k += 2  # Sudani y'Epfo
    return k + 1 if k > j + 1 and _bracketed_acronym(tokens, k) else j


# Titles, which end a name (Umuryango wa Perezida X is his family).
TITLE_WORDS = frozenset({"perezida", "prezida", "visi", "minisitiri", "ministiri", "dr", "bwana", "madamu",
                         "nyakubahwa", "nyakwigendera", "jenerali", "umuyobozi", "umuvugizi", "ambasaderi", "meya",
                         "guverineri", "depite", "senateri", "musenyeri", "padiri", "pasiteri", "karidinali",
                         "nyiricyubahiro", "sheikh", "mufti", "imamu", "umwami", "hon", "honorable", "honourable"})


def _name_step(tokens: list[Token], j: int) -> int:
    """One complement of an institution's name at token j, as `_complement_end`, or 'ku' before a capitalised
    word (Inama Mpuzamahanga ku Karere k'Ibiyaga Bigari); j when there is none or it is a title."""
    step = _complement_end(tokens, j)
    if step == j and j + 1 < len(tokens) and tokens[j].norm == "ku" and tokens[j].joined \
            and tokens[j + 1].joined and tokens[j + 1].orig[:1].isupper():
        step = j + 2
    return j if step > j and tokens[step - 1].norm in TITLE_WORDS else step


def _place_words(glossary: Glossary) -> frozenset[str]:
    """The glossary's one-word place names, as folded (Rwanda, Burundi, Afurika)."""
    return glossary.cached(("rw-place-words",), lambda: frozenset(
        fold(words[-1]) for e in glossary if e.type == "place" for r in e.rw
        if len(words := r.split()) == 1 or (len(words) == 2 and words[0].lower() == "u")))


_COMPANY_WORDS = frozenset({"limited", "ltd", "plc", "bank", "group", "holdings", "company", "corporation", "airways",
                            "airlines", "telecom", "tech", "fc"})


def _person_after_place(tokens: list[Token], j: int, places: frozenset[str]) -> bool:
    """Whether a person's name follows a name that ends in a place (Banki Nkuru y'u Rwanda John Rwangombwa):
    two capitalised words or more at token j, none a class noun with its augment (Yunze Ubumwe goes on
    Umuryango w'Afurika), after a place, end the institution's name."""
    if j == 0 or tokens[j - 1].norm not in places:
        return False
    k = j
    while k < len(tokens) and k - j < _NAME_WORDS and tokens[k].joined and tokens[k].orig[:1].isupper() \
            and not tokens[k].clitic:
        if not is_prefixless(guess_class(tokens[k].norm)) or tokens[k].norm in _COMPANY_WORDS:
            return False  # Yunze Ubumwe goes on a name; Uganda Telecom Limited is a company
        k += 1
    return k - j >= 2


def institution_names(text: str, glossary: Glossary) -> list[tuple[int, int]]:
    """Character spans of the institutions a Kinyarwanda text names, listed or not: a capitalised head noun, two
    capitalised complements or more, or a mandate (Ikigo Mpuzamahanga gishinzwe Ingufu za Atomike), and an
    acronym in brackets after it. One capitalised word after the head is a name in its own right (Umuryango wa
    Francophonie), which the caller finds as such; a person's name after a place is his own."""
    tokens = tokenize(text, _clitics(False))
    heads = organisation_heads(glossary) | INSTITUTION_HEADS
    places = _place_words(glossary)
    # Ikigo cy'Abashinwa is "a Chinese company": its people are no part of a name
    demonyms = glossary.cached(("rw-demonyms",), lambda: frozenset(w for e in glossary for w in derived_words(e)))
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(tokens):
        if tokens[k].norm not in heads or not tokens[k].orig[:1].isupper():
            k += 1
            continue
        end, complements, mandate = k + 1, 0, False
        while end - k < _NAME_WORDS and not _person_after_place(tokens, end, places):
            if (step := _name_step(tokens, end)) > end:
                if tokens[step - 1].norm in demonyms:
                    break
                complements += 1
            elif (step := _mandate_end(tokens, end)) > end:
                mandate = True
            else:
                break
            end = step
        # two capitalised complements, or a mandate; a head opening its sentence needs a complement (Umuryango
        # ushinzwe kurengera abana is any such body)
        opens = k == 0 or tokens[k].after_sentence_break
        if (complements < 2 and not mandate) or (opens and complements == 0):
            k += 1
            continue
        stop = tokens[end - 1].end
        if _bracketed_acronym(tokens, end):
            closing = text.find(")", tokens[end].end)
            stop = closing + 1 if closing >= 0 else tokens[end].end
        spans.append((tokens[k].start, stop))
        k = end
    return spans


# A river, a volcano or a mountain named after a place (or giving it its name) is not the place: Uruzi rwa
# Rusizi, Ikirunga cya Nyiragongo, mu ruzi rwa Congo. In the plural they are the place's own (imisozi y'u Rwanda),
# and a lake or a sea is a place of its own: the glossary's are matched whole (ikiyaga cya Kivu, Inyanja
# y'Abahinde), and an unlisted one is not the country it is named after (ikiyaga cya Tchad, Lake Chad; Inyanja
# y'u Buyapani, the Sea of Japan). So is a sector, a cell or a village, which often bears its district's or
# town's name (Umurenge wa Huye in Akarere ka Huye; Umurenge wa Kigali in Nyarugenge); its plural is the place's
# own (imirenge ya Huye, the district's sectors). A prison is named after its town (Gereza ya Musanze) and is no
# place of its own either.
_LOCAL_UNIT_HEADS = frozenset({"umurenge", "murenge", "akagari", "kagari", "umudugudu", "mudugudu"})
_SEA_HEADS = frozenset({"inyanja", "nyanja"})
_FEATURE_HEADS = frozenset({"uruzi", "ruzi", "umugezi", "mugezi", "ikirunga", "kirunga", "umusozi", "musozi",
                            "ikiyaga", "kiyaga", "gereza"}) | _SEA_HEADS | _LOCAL_UNIT_HEADS


# A station named after a place: Radio Huye, Radio Moçambique (a broadcaster's word written before the place).
_STATION_WORDS = frozenset({"radio", "radiyo", "tv", "televiziyo", "television"})


def _names_a_feature(tokens: list[Token], i: int, sea: bool = False, local_unit: bool = False) -> bool:
    """Whether the match at token i follows a river's, volcano's or mountain's head (or a sector's, a cell's or
    a village's) and its connective, or a broadcaster's capitalised word (Radio Huye: a station). `sea`: the
    match is a sea's own name, which a sea's head names (Inyanja ya Caraïbes is the Caribbean); `local_unit`: it
    is a sector's, a cell's or a village's, which their heads name (umurenge wa Kimisagara)."""
    if i > 0 and tokens[i].joined and tokens[i - 1].norm in _STATION_WORDS and tokens[i - 1].orig[:1].isupper():
        return True
    if i < 2 or not tokens[i].joined:
        return False
    connective = _of_connective(tokens[i - 1])
    head = tokens[i - 2]
    if head.norm == "nkuru" and i > 2 and tokens[i - 3].norm == "gereza":
        head = tokens[i - 3]  # Gereza Nkuru ya Goma, the central prison
    # a named sea is written with its capital (Inyanja y'u Buyapani); mu nyanja za Libya are Libya's waters
    # a prison's name takes the singular connective (Gereza ya Musanze); gereza za Uganda are Uganda's prisons
    prison_plural = head.norm == "gereza" and tokens[i - 1].norm.rstrip("'’") not in ("ya", "y")
    return connective and tokens[i - 1].joined and head.norm in _FEATURE_HEADS and not prison_plural \
        and (head.norm not in _SEA_HEADS or (head.orig[:1].isupper() and not sea)) \
        and not (local_unit and head.norm in _LOCAL_UNIT_HEADS)
