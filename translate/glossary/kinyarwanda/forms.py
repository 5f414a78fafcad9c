"""Kinyarwanda match patterns generated from each entry's morphology (rule table R1-R5, morphology notes §1.6).

For every rendering the generator builds token patterns for:
- R1 the augmented form (Uburusiya), the free-augment spelling of country names (u Burusiya) and the
  augmentless form, which only counts after mu/ku/i/kwa/nta/buri, a full connective (mu Burusiya, bya gisirikare)
  or, for a noun of people, a focus pronoun (ari nawe muhuza, ni bo bakuru b'ibihugu);
  a class-5 term, which keeps its i- there (mu ishyaka), drops it after a demonstrative, -ndi, nta or buri
  (iryo shyaka: the `bare` form);
- R2 the plural/singular partner (uruganda <-> inganda), compiled the same way;
- R3 prefixless names as written, with any elided connective in front (z'Amerika, n'Ukraine);
- R4 multi-word terms anchored on the head noun, dependents matched by stem with any agreeing concord
  (itagira/zitagira) and connectives generalised (za Amerika = z'Amerika), allowing one short modifier after
  the head (indege nto zitagira abapilote);
- derived words (Abarusiya, Abanya-Ukraine) as `related`.
R5 grammar warnings are added after matching (`grammar.py`). Elided connectives are split off by the tokenizer,
so every apostrophe variant, with or without a following space, is handled in one place.
The same renderings give the surface forms that term placement writes, and where each may stand
(`kinyarwanda_surface_forms`, `form_contexts`).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from translate.constraints import ANYWHERE, FormContext
from translate.glossary.english import english_surface_forms, is_acronym
from translate.glossary.entries import Entry, Glossary
from translate.glossary.matching import ANY_SHORT_WORD, Agreeing, Pattern, PatternIndex
from translate.glossary.morphology import (
    CLITICS, DEMONSTRATIVES, DIALECT_CLITICS, DIALECT_CONNECTIVES, DIALECT_O_CONNECTIVES, DIALECT_SPELLINGS,
    FULL_CONNECTIVES, LOCATIVES, NOUN_CLASSES, O_CONNECTIVES, OTHERS, SPELLING_VARIANTS, VOWELS, concord_forms,
    connective, guess_class, is_prefixless, spelt_foreign, split_noun, strip_concord,
)
from translate.glossary.spelling import one_edit_apart
from translate.glossary.textnorm import Token, fold, tokenize


# Elided forms offered to term placement, most frequent connectives first.
SURFACE_CLITICS = ("y", "w", "z", "n", "by", "cy", "bw", "rw", "ry", "b", "k", "tw", "kw", "h", "nk")


@dataclass(frozen=True)
class Form:
    """What a pattern stands for, so that warnings can explain themselves."""

    cls: str  # noun class of this form (drives agreement)
    guessed: bool = False
    # augmented | free | augmentless | bare | name | glued | dialect | forbidden | english | related | elliptic
    kind: str = "augmented"
    preferred: str = ""  # the entry's preferred rendering (for 'use X instead')
    proper: bool = False  # a name: glued locatives need a capital (muBurusiya, not mubu...)
    elided: str = ""  # an elliptic form's head noun, which must be said just before (Intara … n'iya Tanganyika)


@dataclass(frozen=True)
class _Rendering:
    text: str
    cls: str
    concord_classes: tuple[str, ...]
    guessed: bool = False  # class guessed from spelling: 9 and 10 (1 and 3) look alike


def _clitics(dialects: bool) -> frozenset[str]:
    return CLITICS | DIALECT_CLITICS if dialects else CLITICS


# 'And' and 'like' are not connectives of agreement: "igitero n'indege" is an attack and aircraft, not an air
# strike (igitero cy'indege). A rendering that is written with one keeps it (Ubucuruzi n'Inganda).
_AND = frozenset({"na", "n'"})
_LIKE = frozenset({"nka", "nk'"})


# A connective agrees with the noun before it; the same noun in the other number takes another (indege ya / za,
# umutwe wa / imitwe ya). Each connective's stem, with those its noun's other number and the classes that share its
# stem may take: ibibuga by'indege bya gisirikare are airfields (bya agrees with ibibuga), not military aircraft.
_AGREEING_STEMS = {
    "w": "w b y", "b": "b w", "y": "y w ry bw kw z", "ry": "ry y", "cy": "cy by c vy", "by": "by cy c vy",
    "z": "z y rw", "rw": "rw z", "k": "k tw kw y", "tw": "tw k", "bw": "bw y", "kw": "kw y k", "h": "h",
    "c": "c cy by vy", "vy": "vy by cy c", "mw": "mw",
}


def _connective_slot(written: str, dialects: bool, after_head: bool = False) -> frozenset[str]:
    """The connectives that may stand for `written` in a rendering: any, except right after the head, where it
    agrees with the head in either number (a later one may agree with a nearer noun: Akanama k'Umutekano
    w'Igihugu)."""
    for conjunction in (_AND, _LIKE):
        if written in conjunction:
            return conjunction
    words = FULL_CONNECTIVES | O_CONNECTIVES | {c + "'" for c in CLITICS}
    if dialects:
        words |= DIALECT_CONNECTIVES | DIALECT_O_CONNECTIVES | {c + "'" for c in DIALECT_CLITICS}
    stems = _AGREEING_STEMS.get(written[:-1]) if after_head else None
    if stems is not None:
        words &= {stem + end for stem in stems.split() for end in ("a", "o", "'")}
    return frozenset(words - _AND - _LIKE)


def augmentless_triggers(dialects: bool) -> frozenset[str]:
    return LOCATIVES | FULL_CONNECTIVES | DEMONSTRATIVES | OTHERS | (DIALECT_CONNECTIVES if dialects else frozenset())


def rendering_texts(entry: Entry) -> list[str]:
    """The complete Kinyarwanda forms an entry defines: renderings, then partners (expanded)."""
    return [r.text for r in _renderings(entry)]


def place_homographs(entries: Iterable[Entry]) -> frozenset[tuple[str, str]]:
    """(place id, folded word) for each one-word name a place shares with a term (Komanda, a town in Ituri; komanda,
    a commander): read as the place only where a place stands, and the one sharing lint allows. Not with a person,
    whose name the same connectives introduce (ubutegetsi bwa Kabila)."""
    entries = list(entries)
    terms = {fold(t) for e in entries if e.type == "term" for t in rendering_texts(e) if _one_word(t)}
    return frozenset((e.id, fold(t)) for e in entries if e.type == "place"
                     for t in rendering_texts(e) if _one_word(t) and fold(t) in terms)


def cached_place_homographs(glossary: Glossary) -> frozenset[tuple[str, str]]:
    """`place_homographs` of a loaded glossary, computed once."""
    return glossary.cached(("rw-place-homographs",), lambda: place_homographs(glossary))


_APOSTROPHES = re.compile(r"['’]")


def holds_a_name(texts: Iterable[str], names: Iterable[str]) -> bool:
    """Whether one of the texts holds one of the names as whole words, case and accents aside."""
    padded = [" " + _APOSTROPHES.sub(" ", fold(text)) + " " for text in texts]
    return any(f" {_APOSTROPHES.sub(' ', fold(name))} " in text for text in padded for name in names)


@dataclass(frozen=True)
class HomeBody:
    """A body of one country that its own press names with a generic term's words: Rwandan copy writes its
    ministry bare (Minisiteri y'Ingabo is MINADEF) and another country's with the country (Minisiteri y'Ingabo y'u
    Burusiya: a defence ministry)."""

    body: str
    term: str
    shared: frozenset[str]  # the renderings both write, folded


def home_bodies(entries: Iterable[Entry]) -> dict[str, HomeBody]:
    """Body id -> its HomeBody, for each organisation that reads another place after it as not its own
    (`!>@place`), whose English names say whose it is (the Rwanda Ministry of Defence), and that shares renderings
    of more than one word with exactly one term: the sharing lint allows."""
    entries = list(entries)
    places = [name for e in entries if e.type == "place" for name in e.en]
    owners: dict[str, set[str]] = {}  # folded rendering -> the terms that write it
    for entry in entries:
        if entry.type == "term":
            for text in rendering_texts(entry):
                owners.setdefault(fold(text), set()).add(entry.id)
    homes: dict[str, HomeBody] = {}
    for entry in entries:
        if entry.type != "organisation" or not entry.sense_cues.other_place_after_against:
            continue
        shared = frozenset(fold(t) for t in rendering_texts(entry) if fold(t) in owners and not _one_word(t))
        terms = {term for text in shared for term in owners[text]}
        if len(terms) == 1 and holds_a_name(entry.en, places):
            homes[entry.id] = HomeBody(entry.id, terms.pop(), shared)
    return homes


def cached_home_bodies(glossary: Glossary) -> dict[str, HomeBody]:
    """`home_bodies` of a loaded glossary, computed once."""
    return glossary.cached(("rw-home-bodies",), lambda: home_bodies(glossary))


def _one_word(text: str) -> bool:
    return not any(c in text.strip() for c in " -'’")


def _renderings(entry: Entry) -> list[_Rendering]:
    """Preferred rendering, variants and partners, each with its class and the classes its modifiers agree with."""
    head_cls, partner_cls = entry.head_class, entry.partner_class
    concord = tuple(dict.fromkeys(c for c in (head_cls, partner_cls) if c))
    first_head = _head_word(entry.rw[0])
    out = [_Rendering(entry.rw[0], head_cls, concord, guessed=not entry.rw_class)]
    for variant in entry.rw[1:]:
        guessed = False
        if _head_word(variant) == first_head or (entry.type == "person" and is_prefixless(entry.rw_class)) \
                or (entry.rw_class and one_edit_apart(fold(_head_word(variant)), fold(first_head))):
            # a person's name in any order is that person (Uwamariya Valentine: class 1a, not 9); the entry's own
            # class, as a copy holding its look-alikes has none (Igikombe cya Kagame keeps class 7); so is a head
            # spelt a letter apart (Ambassaderi is Ambasaderi, class 1a, not a class 6 noun in ama-)
            cls = head_cls
        elif (is_prefixless(head_cls) and len(variant.split()) == 1 and guess_class(variant) != "14"
              and not _prefixed_noun(variant, entry)):
            # A one-word variant of a name is a name (America is not a class 6 noun like amenyo); one with the
            # class 14 prefix is a country named the Kinyarwanda way (Uganda, Ubugande: mu Bugande, cy'u Bugande).
            cls = "1a" if head_cls == "1a" else "9a"
        else:
            cls, guessed = guess_class(_head_word(variant)), True
        out.append(_Rendering(variant, cls, tuple(dict.fromkeys((cls, *concord[1:]))), guessed))
    first_partner = _head_word(entry.rw_partner[0]) if entry.rw_partner else ""
    for index, partner in enumerate(entry.rw_partner):
        same = _head_word(partner) == first_partner
        cls = partner_cls if same else _plural_guess(partner, partner_cls)
        if index == 0 and len(partner.split()) == 1:
            # The first partner may give just the head noun of a longer rendering: 'inganda' for 'uruganda rukora
            # drones'; so it does for each variant with the same head (Abaminisitiri b'Ubucuruzi, for Minisitiri
            # w'Ubucuruzi n'Inganda and Minisitiri w'Ubucuruzi).
            longer = [r.split()[1:] for r in entry.rw if _head_word(r) == first_head and len(r.split()) > 1]
            texts = [" ".join([partner, *_agreeing(rest, head_cls, partner_cls)]) for rest in longer]
            if len(entry.rw[0].split()) == 1 or not texts:  # the head alone is the term (Minisitiri, Abaminisitiri)
                texts.insert(0, partner)
        else:
            texts = [partner]
        out += [_Rendering(text, cls, concord, guessed=not same) for text in dict.fromkeys(texts)]
    return out


def _prefixed_noun(variant: str, entry: Entry) -> bool:
    """Whether a term's one-word variant is a noun of its own class beside a prefixless loan: Igipolisi (class 7,
    mu gipolisi) beside Polisi. A short stem is no noun (Amir is a title, not a-m-ir of class 6)."""
    parts = split_noun(variant.lower(), guess_class(variant))
    return entry.type == "term" and parts is not None and bool(parts[0]) and len(parts[2]) >= 4


def _agreeing(rest: list[str], head_cls: str, partner_cls: str) -> list[str]:
    """The words after the head, with the first made to agree with the partner's class instead of the head's:
    Minisitiri w'Ingabo -> Abaminisitiri b'Ingabo, agatsiko ka gisirikare -> udutsiko twa gisirikare (an "of",
    elided or full), uruganda rukora drones -> inganda zikora drones (a relative verb)."""
    if not rest or not head_cls or not partner_cls:
        return rest
    first = rest[0]
    if first.lower() == connective(head_cls) + "a":  # a full "of": agatsiko ka gisirikare -> udutsiko twa gisirikare
        return [connective(partner_cls) + "a", *rest[1:]]
    clitic, apostrophe, noun = first.replace("’", "'").partition("'")
    if apostrophe:  # only the head's "of" agrees (w'Ingabo); n'/nk' ("and", "like") do not
        same = bool(noun) and clitic.lower() == connective(head_cls)
        return [connective(partner_cls) + first[len(clitic):], *rest[1:]] if same else rest
    # A relative verb agrees through its subject concord (rukora -> zikora). Adjectives take the noun's own
    # prefix instead (Urukiko Rukuru -> Inkiko Nkuru), which this cannot tell apart: give those partners whole.
    stem = strip_concord(first.lower(), (NOUN_CLASSES[head_cls].agreement,))
    forms = concord_forms(stem, (NOUN_CLASSES[partner_cls].agreement,)) if stem else []
    if not forms:
        return rest
    return [forms[0][:1].upper() + forms[0][1:] if first[:1].isupper() else forms[0], *rest[1:]]


def _plural_guess(partner: str, partner_cls: str) -> str:
    """Class of a further partner: a class 9 look-alike of a class 10 partner is class 10 (indege / drones)."""
    guess = guess_class(_head_word(partner))
    if partner_cls in ("10", "10a") and guess in ("9", "9a"):
        return "10" if guess == "9" else "10a"
    return guess


def _head_word(text: str) -> str:
    words = fold(text).split()
    return words[0] + words[1] if words[0] == "u" and len(words) > 1 else words[0]


def _dependent_slots(words: list[Token], concord: tuple[str, ...], target: str, dialects: bool,
                     ) -> tuple[list[frozenset[str]], bool]:
    """Slots for the words after the head, with agreeing modifiers put in class `target`
    (a modifier whose concord belongs to one of `concord`), and whether any modifier agrees."""
    slots = []
    agrees = False
    for position, token in enumerate(words):
        word = token.norm
        if token.clitic or word in FULL_CONNECTIVES or word in O_CONNECTIVES:
            slots.append(_connective_slot(word, dialects, after_head=position == 0))
            continue
        forms = {word}
        # Only the word right after the head agrees with it; later words agree with their own nouns.
        stem = strip_concord(word, concord) if position == 0 else None
        if stem:
            forms = set(concord_forms(stem, (target,)))
            agrees = True
        if dialects and word in DIALECT_SPELLINGS:
            forms.add(DIALECT_SPELLINGS[word])
        if word in SPELLING_VARIANTS:
            forms.add(SPELLING_VARIANTS[word])
        slots.append(frozenset(forms))
    return slots, agrees


_FEMININE = "kazi"
_PEOPLE_NOUN_CLASSES = frozenset({"1", "2"})


def _head_alternatives(tokens: list[Token], cls: str, entry: Entry, dialects: bool,
                       ) -> tuple[list[tuple[tuple[frozenset[str], ...], str]], int]:
    """(head slots, form kind) alternatives for a rendering, and how many tokens the written head used."""
    free = tokens[0].norm == "u" and len(tokens) > 1 and not is_prefixless(cls)
    head = tokens[0].norm + tokens[1].norm if free else tokens[0].norm
    used = 2 if free else 1
    parts = None if is_prefixless(cls) else split_noun(head, cls)
    if parts is None or not parts[0]:
        alts = [((frozenset({head, SPELLING_VARIANTS.get(head, head)}),), "name")]  # Minisiteri, Ministeri
        if cls == "5" and parts is not None and entry.type == "term":
            alts.append(((frozenset({parts[2]}),), "bare"))  # iryo shyaka, nta tangazo: class 5 drops its i-
        if dialects and head in DIALECT_SPELLINGS:
            alts.append(((frozenset({DIALECT_SPELLINGS[head]}),), "dialect"))
        return alts, used
    rest = head[len(parts[0]):]
    # a people's noun takes the feminine -kazi (abapolisikazi, umusirikarekazi) and stays the term
    female = ("", _FEMININE) if entry.type == "term" and cls in _PEOPLE_NOUN_CLASSES else ("",)
    alts = [((frozenset(head + f for f in female),), "augmented"),
            ((frozenset(rest + f for f in female),), "augmentless")]
    if parts[0] == "u" and entry.type == "place":
        # u Burundi, also after a connective written without its apostrophe in informal copy (wu Burundi)
        alts.append(((_FREE_AUGMENT_WORDS, frozenset({rest})), "free"))
    if dialects:
        alts.append(((frozenset({"mu" + rest, "ku" + rest}),), "glued"))
    return alts, used


def _agreement_variants(words: list[Token], rendering: _Rendering, dialects: bool,
                        ) -> list[tuple[str, list[frozenset[str]]]]:
    """Dependent slots per agreeing class: 'indege itagira' is class 9, 'indege zitagira' class 10."""
    classes = rendering.concord_classes or (rendering.cls,)
    # The rendering's own class first, so that its written concord is always generated.
    ordered = tuple(dict.fromkeys((rendering.cls, *classes)))
    first, agrees = _dependent_slots(words, ordered, rendering.cls, dialects)
    out = [(rendering.cls, first)]
    if agrees:
        out += [(cls, _dependent_slots(words, ordered, cls, dialects)[0]) for cls in ordered[1:]]
    return out


_FREE_AUGMENT_WORDS = frozenset({"u", *(clitic + "u" for clitic in SURFACE_CLITICS)}) - LOCATIVES  # not ku
# The country names written 'u Burayi' or 'Uburayi'. Not u Rwanda: 'Urwanda' is a misspelling, never a house style.
_FREE_AUGMENT_PREFIXES = ("bu", "bw")


# The east and the west after a name are written with the augment or the locative, joined or apart, and the press
# prints all four: Afurika y'Iburasirazuba, y'Uburasirazuba, y'i Burasirazuba, y'u Burasirazuba.
_COMPASS_STEMS = frozenset({"burasirazuba", "burengerazuba"})


def _compass_spellings(lead: str, stem: str) -> list[list[str]]:
    stem = stem[:1].upper() + stem[1:]
    return [[lead + "I" + stem.lower()], [lead + "U" + stem.lower()], [lead + "i", stem], [lead + "u", stem]]


def _augment_spellings(text: str) -> list[str]:
    """A multi-word rendering as written, and with each country name after its head spelt the other way:
    "Umuryango w'Ubumwe bw'u Burayi" and "… bw'Uburayi" (both are house styles, press writes both). Every
    combination, as only some of the capitalised ubu-/uru- words are countries (Ubumwe is not)."""
    words = text.split()
    choices: list[list[list[str]]] = [[words[:1]]] if words else []
    index = 1
    while index < len(words):
        word = words[index]
        clitic, apostrophe, noun = word.replace("’", "'").rpartition("'")
        lead = word[:len(clitic) + len(apostrophe)]
        nxt = words[index + 1] if index + 1 < len(words) else ""
        if lead and noun.lower() in ("i", "u") and nxt.lower() in _COMPASS_STEMS:
            choices.append(_compass_spellings(lead, nxt))  # y'i Burasirazuba | y'Iburasirazuba | y'Uburasirazuba
            index += 2
            continue
        if lead and noun[:1] in "IUiu" and noun[1:].lower() in _COMPASS_STEMS:
            choices.append(_compass_spellings(lead, noun[1:]))
            index += 1
            continue
        if noun.lower() == "u" and nxt[:1].isupper() and nxt[:2].lower() in _FREE_AUGMENT_PREFIXES:
            choices.append([[word, nxt], [lead + "U" + nxt[:1].lower() + nxt[1:]]])  # u Burayi | Uburayi
            index += 2
            continue
        if noun[:1] == "U" and noun[1:3].lower() in _FREE_AUGMENT_PREFIXES and len(noun) > 4:
            choices.append([[word], [lead + "u", noun[1:2].upper() + noun[2:]]])  # Uburayi | u Burayi
        else:
            choices.append([[word]])
        index += 1
    if len(words) < 2 or sum(len(c) > 1 for c in choices) > 3:
        return [text]
    return [" ".join(w for part in combination for w in part) for combination in itertools.product(*choices)]


# A people's class prefix before a loan name is written with a hyphen or joined: Aba-Houthi, Abahouthi.
_HYPHENATED_PREFIX = re.compile(r"\b(Aba|Umu|Abanya|Umunya|Abanye|Umunye)-(\w+)", re.IGNORECASE)


# Informal copy leaves out the apostrophe of an elided connective: indege zintambara, ingabo zu Rwanda.
_ELISION = re.compile(r"(?<=\s)(\w{1,2})['’](?=\w)")


# An organisation's members are "of" a place or "in" it, both in one name: Umuryango w'Ibihugu by'Afurika
# y'Iburasirazuba = … Ibihugu byo muri Afurika y'Iburasirazuba. Only right after the noun of its members, before a
# name; a connective slot takes any connective, so one spelling of each side is enough.
_MEMBER_NOUNS = frozenset({"ibihugu", "amashyaka", "imiryango", "ibigo"})
_OF_CONNECTIVES = FULL_CONNECTIVES - _AND - _LIKE


def _of_in_spellings(text: str) -> list[str]:
    """A long name as written and, where its members are "of" a name, "in" it (or the other way round)."""
    words = text.split()
    out: list[str] = []
    k = 0
    while k < len(words):
        out.append(words[k])
        members = fold(words[k]).replace("’", "'").rpartition("'")[2] in _MEMBER_NOUNS
        nxt = words[k + 1:k + 4]
        if members and len(nxt) >= 3 and fold(nxt[0])[:-1] + "a" in _OF_CONNECTIVES and fold(nxt[0]).endswith("o") \
                and fold(nxt[1]) == "muri" and nxt[2][:1].isupper():
            out += [nxt[0][:-1] + "a", nxt[2]]  # byo muri Afurika -> bya Afurika
            k += 4
            continue
        clitic, apostrophe, name = nxt[0].replace("’", "'").rpartition("'") if nxt else ("", "", "")
        if members and apostrophe and fold(clitic) + "a" in _OF_CONNECTIVES and name[:1].isupper() \
                and is_prefixless(guess_class(fold(name))):
            out += [clitic + "o", "muri", name]  # by'Afurika -> byo muri Afurika
            k += 2
            continue
        if members and len(nxt) >= 2 and fold(nxt[0]) in _OF_CONNECTIVES and nxt[1][:1].isupper():
            out += [nxt[0][:-1] + "o", "muri", nxt[1]]  # bya Afurika -> byo muri Afurika
            k += 3
            continue
        k += 1
    variant = " ".join(out)
    return [text] if variant == " ".join(words) else [text, variant]


def _spellings(text: str, members: bool = False) -> list[str]:
    """The written forms of one rendering: its augment spellings, each also with a hyphenated prefix joined, and
    a rendering of several words also with its elisions written without the apostrophe. `members`: an
    organisation's name, also with its place "in" for "of" or the other way round."""
    out = []
    for spelling in (s for o in (_of_in_spellings(text) if members else [text]) for s in _augment_spellings(o)):
        out.append(spelling)
        joined = _HYPHENATED_PREFIX.sub(lambda m: m.group(1) + m.group(2).lower(), spelling)
        if joined != spelling:
            out.append(joined)
    out += [fused for spelling in list(out) if (fused := _ELISION.sub(r"\1", spelling)) != spelling]
    return out


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,7}")
# An organisation's English or French name, quoted as it stands (Rapid Support Forces, Congrès National pour la
# Liberté): every word capitalised but its little words.
_ENGLISH_NAME = re.compile(r"[A-Z][\w-]+(?: (?:of|the|and|for|pour|de|du|des|la|le|les|et|[A-Z][\w-]+))+")
# The little words a person's name carries written small (Ahmed al-Sharaa, Ursula von der Leyen).
_NAME_PARTICLES = frozenset({"bin", "ibn", "de", "da", "dos", "du", "van", "von", "der", "la", "le"})


def _full_name(name: str, first: str) -> bool:
    """Whether an English name is a person's full name: two words or more, opening with the entry's first name or
    the first of its hyphened parts (Laurent Kabila for Laurent-Désiré Kabila; not a title: Sheikh Tamim, Sir Keir
    Starmer; nor a surname: Ould Tah), each capitalised or a particle."""
    words = name.split()
    return len(words) > 1 and words[0] in (first, first.split("-")[0]) and all(
        w[:1].isupper() or w in _NAME_PARTICLES or w.startswith(("al-", "el-")) for w in words)


def _with_quoted_names(entry: Entry) -> Entry:
    """An organisation with its English acronyms and names as Kinyarwanda variants too: the press quotes them as
    they stand (OCHA, like the glossary's own EAC, SADC, MONUSCO; Rapid Support Forces); a person with his full
    names, which are written alike in every language (Ahmed al-Sharaa), but not a surname alone, which the
    entry lists in `rw` only where it names one person. Not a place: an English place name in Kinyarwanda copy
    is mostly inside another name (France 24, Meteo Rwanda)."""
    if entry.type == "person":
        first = entry.en[0].split()[0]
        extra = tuple(a for a in entry.en if _full_name(a, first) and a not in entry.rw)
        return dataclasses.replace(entry, rw=(*entry.rw, *extra)) if extra else entry
    if entry.type != "organisation":
        return entry
    extra = tuple(a for a in entry.en if (_ACRONYM.fullmatch(a) or _ENGLISH_NAME.fullmatch(a)) and a not in entry.rw)
    return dataclasses.replace(entry, rw=(*entry.rw, *extra)) if extra else entry


def rendering_patterns(entry: Entry, dialects: bool = False) -> list[Pattern]:
    patterns: list[Pattern] = []
    entry = _with_quoted_names(entry)
    for rendering in _renderings(entry):
        long_name = entry.type == "organisation" and len(rendering.text.split()) > 2
        for text in _spellings(rendering.text, members=long_name):
            patterns += _patterns_for(dataclasses.replace(rendering, text=text), entry, dialects)
    patterns.extend(_forbidden_and_related(entry, dialects))
    patterns.extend(_lookalike_patterns(entry, dialects))
    return patterns


def _lookalike_patterns(entry: Entry, dialects: bool) -> list[Pattern]:
    """The entry's look-alikes (Amerika y'Epfo for Amerika) matched like renderings, inflected and elided alike."""
    if not entry.rw_lookalike:
        return []
    others = dataclasses.replace(entry, rw=entry.rw_lookalike, rw_partner=(), rw_class="", rw_forbidden=(),
                                 rw_related=(), rw_lookalike=())
    # below every entry's own forms at equal length: a look-alike is longer than the word it holds, and must not
    # hide another entry that renders the same phrase (Amerika y'Epfo as place.south-america)
    return [dataclasses.replace(p, kind="lookalike", priority=0)
            for r in _renderings(others) for text in _spellings(r.text)
            for p in _patterns_for(dataclasses.replace(r, text=text), others, dialects)]


# "New" after the head of a title or an institution's name, with each class's prefix before a consonant (Minisitiri
# mushya w'Ingabo, the new defence minister; Minisiteri nshya y'Ubumwe …, the new ministry): the prefixless heads of
# titles take no agreeing-modifier slot, and this adjective is the one news copy puts there.
_NEW = frozenset(prefix + "shya" for noun_class in NOUN_CLASSES.values() for prefix in noun_class.prefixes
                 if prefix[-1] in VOWELS or prefix == "n")


def _patterns_for(rendering: _Rendering, entry: Entry, dialects: bool) -> list[Pattern]:
    patterns: list[Pattern] = []
    preferred = entry.rw[0]
    proper = entry.type != "term"
    tokens = tokenize(rendering.text, _clitics(dialects))
    if not tokens:
        return []
    alts, used = _head_alternatives(tokens, rendering.cls, entry, dialects)
    upper = frozenset({0}) if len(tokens) == 1 and rendering.text.isupper() and len(rendering.text) > 1 \
        and not (entry.type in ("organisation", "place") and _no_word_spelt_so(rendering.text)) else frozenset()
    # a look-alike spelt as a one-word rendering keeps the rendering to the case it is written in: IGIHE, where
    # Igihe is 'time'; Ubushinjacyaha, Rwanda's prosecution authority, where ubushinjacyaha is any prosecution
    cased = len(tokens) == 1 and fold(rendering.text) in {fold(text) for text in entry.rw_lookalike}
    upper_only = bool(upper) and cased
    capital = frozenset({0}) if cased and not upper and rendering.text[:1].isupper() else frozenset()
    for cls, deps in _agreement_variants(tokens[used:], rendering, dialects):
        windows = [deps, [ANY_SHORT_WORD, *deps], *_agreeing_window(rendering.cls, deps)] \
            if deps and entry.type == "term" else [deps]
        if deps and entry.type in ("term", "organisation"):
            windows.append([_NEW, *deps])  # Minisitiri mushya w'Ingabo, Minisiteri nshya y'Ubumwe …
        for head_slots, kind in alts:
            for dep in windows:
                form = Form(cls, rendering.guessed, kind, preferred, proper)
                patterns.append(Pattern(entry.id, (*head_slots, *dep), "term", 1, upper, form, capital,
                                        upper_only=upper_only, comma="," in rendering.text))
    elliptic = _elliptic_pattern(tokens, entry, Form(rendering.cls, rendering.guessed, "augmented", preferred, proper))
    return patterns + ([elliptic] if elliptic else [])


# An augment before a connective makes the pronoun "the one of", standing for a head said just before: Intara ya
# Ituri n'iya Tanganyika, Kivu y'Amajyaruguru n'iy'Amajyepfo, Minisitiri w'Ubuzima n'uw'Ingabo.
_PRONOUN_AUGMENT = {"ya": "i", "za": "i", "cya": "i", "rya": "i", "bya": "i", "wa": "u", "rwa": "u", "bwa": "u",
                    "twa": "u", "kwa": "u", "ka": "a", "ba": "a", "ha": "a"}
_ELLIPSIS_REACH = 12  # tokens back, within the sentence


def _elliptic_pattern(tokens: list[Token], entry: Entry, form: Form) -> Pattern | None:
    """The rendering with its head and connective said as one pronoun (iya Tanganyika for Intara ya Tanganyika)."""
    if len(tokens) < 3:
        return None
    written = tokens[1].norm.rstrip("'")
    connective = written if written in FULL_CONNECTIVES else written + "a"
    head_class = NOUN_CLASSES.get(form.cls)
    # the head's augment (amasezerano y'… n'ay'…), or for a name the one its connective takes
    augment = head_class.augment if head_class and head_class.augment else _PRONOUN_AUGMENT.get(connective)
    if augment is None or not (tokens[1].clitic or written in FULL_CONNECTIVES):
        return None
    pronoun = frozenset({augment + connective, augment + connective[:-1]})
    slots = (pronoun, *(frozenset({t.norm}) for t in tokens[2:]))
    return Pattern(entry.id, slots, "term", 1, frozenset(),
                   dataclasses.replace(form, kind="elliptic", elided=tokens[0].norm))


def without_augment(word: str) -> str:
    """A noun as it stands after a locative, its augment dropped (umujyi -> mujyi, intara -> ntara)."""
    return word[1:] if word[:1] in VOWELS else word


def _head_distance(tokens: list[Token], i: int, word: str) -> int | None:
    """How many tokens back `word` stands before i in the same sentence, with its augment or without (mu Ntara
    ya Ituri n'iya Tanganyika), within reach; None if it is not there."""
    bare = without_augment(word)
    for k in range(i - 1, max(-1, i - 1 - _ELLIPSIS_REACH), -1):
        if tokens[k + 1].after_sentence_break or "\n" in tokens[k + 1].gap:
            return None
        if tokens[k].norm in (word, bare):
            return i - k
    return None


def _prefer_nearest_head(pattern: Pattern, tokens: list[Token], i: int) -> int:
    """Between two "the one of" readings, the head said last is the one meant: Koreya … Intara y'Amajyaruguru
    n'iy'Amajyepfo is the Southern Province."""
    form: Form = pattern.data
    if form.kind != "elliptic":
        return 0
    distance = _head_distance(tokens, i, form.elided)
    return -distance if distance is not None else -_ELLIPSIS_REACH - 1


def _agreeing_window(cls: str, deps: list) -> list[list]:
    """The dependents after one longer modifier that agrees with the head, an adjective or a relative verb (Urukiko
    Rukuru rwa Gisirikare, uruganda runini rukora drones, Inama idasanzwe y'Abakuru b'Ibihugu), for a head of a
    class with prefixes."""
    noun_class = NOUN_CLASSES.get(cls)
    if noun_class is None or not noun_class.prefixes:
        return []
    return [[Agreeing(tuple(dict.fromkeys((*noun_class.prefixes, *noun_class.concords)))), *deps]]


def _no_word_spelt_so(acronym: str) -> bool:
    """An organisation's or a place's acronym informal copy may write in lower case or with one capital (ba fardc,
    ingabo za rdf, monusco iri he, muri drc, eac na sadc, wa Eac): one spelt as no Kinyarwanda word is (without a
    vowel; or of four letters or more ending in a consonant or with consonants together the language never
    writes; or of three that are no consonant, vowel, consonant, the shape of an English or French word or a first
    name: RIB, BAD, CAR, PAM, BAL stay in capitals) is no word of the language. Ibuka, spelt as a word, is one."""
    letters = acronym.lower()
    if not letters.isalpha() or len(letters) < 3:
        return False
    if not set(letters) & VOWELS:
        return True
    if len(letters) == 3 and letters[0] not in VOWELS and letters[1] in VOWELS and letters[2] not in VOWELS:
        return False
    return spelt_foreign(letters)


def _literal(text: str, dialects: bool) -> tuple[frozenset[str], ...]:
    return tuple(frozenset({t.norm}) for t in tokenize(text, _clitics(dialects)))


def _forbidden_and_related(entry: Entry, dialects: bool) -> list[Pattern]:
    out = []
    for text in entry.rw_forbidden:
        form = Form("", False, "forbidden", entry.rw[0])
        out.append(Pattern(entry.id, _literal(text, dialects), "term", 2, data=form))
    for text in english_words(entry):
        # below every Kinyarwanda form at equal length: a word both languages write is the Kinyarwanda one's
        out.append(Pattern(entry.id, _literal(text, dialects), "term", 0, data=Form("", False, "english", entry.rw[0])))
    for text in (*entry.rw_related, *derived_forms(entry)):
        slots = _literal(text, dialects)
        if slots:
            out.append(Pattern(entry.id, slots, "related", 0, data=Form("", False, "related", entry.rw[0])))
    return out


def english_words(entry: Entry) -> list[str]:
    """A term's English forms, which informal Kinyarwanda copy and untranslated output write as they are (ceasefire,
    peace deal, sanctions): found as the term, flagged as a rendering to replace; not one a rendering spells so
    (drone, missiles), nor one of two letters. Not names: a place's or an organisation's English name in Kinyarwanda
    text is most often part of another name (Visit Rwanda, Rwanda Mountain Tea), and a person's is written alike in
    both languages. Accents fold away, so a French word spelt alike is found too (élections)."""
    if entry.type != "term":
        return []
    kinyarwanda = {fold(text) for text in (*entry.rw, *entry.rw_partner, *entry.rw_related, *entry.rw_lookalike)}
    return [text for text in english_surface_forms(entry)
            if not is_acronym(text) and fold(text) not in kinyarwanda and len(text) > 2]


def derived_words(entry: Entry) -> list[str]:
    """People and language words built on a place name's stem: Umurusiya, Abarusiya, Ikirusiya, Abanyamerika."""
    if entry.type != "place" or len(entry.rw[0].split()) > 2:
        return []
    head, cls = _head_word(entry.rw[0]), entry.head_class
    if " " in entry.rw[0] and not entry.rw[0].lower().startswith("u "):
        return []
    if is_prefixless(cls):
        name = head[1:] if head[0] == "a" else head
        # nya or nye: Abanyamerika, Abanyekongo
        return [] if name[0] in VOWELS else [p + name for p in ("umunya", "abanya", "umunye", "abanye")]
    parts = split_noun(head, cls)
    if not parts or cls not in ("11", "14"):
        return []
    rest = head[1:]
    nya = ["umunya" + rest, "abanya" + rest, "ikinya" + rest]  # Abanyarwanda, Ikinyarwanda, Abanyaburayi
    if cls == "11":
        return nya  # u Rwanda's stem is -anda: *umwanda* is another word
    stem = parts[2]
    vowel = stem[0] in VOWELS
    # Dahl's law: ki- is gi- before a voiceless consonant (Igifaransa, Igishinwa; Ikirusiya)
    language = "icy" if vowel else "igi" if stem[0] in _VOICELESS else "iki"
    people = ["umw" + stem, "ab" + stem, language + stem] if vowel else ["umu" + stem, "aba" + stem, language + stem]
    return people + nya


_VOICELESS = frozenset("ptkfsch")


def derived_forms(entry: Entry) -> list[str]:
    """The derived words with and without their augment, as after a locative (mu Kinyarwanda, ku Banyarwanda,
    mu Gifaransa)."""
    words = derived_words(entry)
    return words + [w[1:] for w in words if w[0] in VOWELS]


def organisation_heads(glossary: Glossary) -> frozenset[str]:
    """The nouns that open the glossary's long organisation names (Umuryango, Ishami, Akanama, Urwego, Ikigega):
    a capitalised Kinyarwanda noun first in a rendering of several words, and not itself a term or a place
    (Ingabo za Ukraine are Ukraine's forces: ingabo is a term, and Ukraine is named in it), nor people in the
    plural (class 2, aba-: Abanyamakuru ba Reuters are Reuters' journalists, though Abanyamakuru Batagira Umupaka
    is a name)."""
    def build() -> frozenset[str]:
        one_word = {fold(r) for e in glossary for r in (*e.rw, *e.rw_partner) if " " not in r.strip()}
        heads = {fold(words[0]) for e in glossary if e.type == "organisation"
                 for r in e.rw if len(words := r.split()) > 1 and words[0][:1].isupper()
                 and fold(words[0])[:1] in VOWELS and "'" not in words[0] and not fold(words[0]).startswith("aba")}
        return frozenset(heads - one_word)
    return glossary.cached(("rw-organisation-heads",), build)


# Nouns that head an institution's name in news copy (Banki Nkuru y'u Rwanda, Inama Mpuzamahanga ku …), beyond
# those the glossary's own organisation names open with.
INSTITUTION_HEADS = frozenset({"inama", "banki", "komisiyo", "minisiteri", "ihuriro", "ishyaka", "kaminuza",
                               "ibitaro", "urugaga", "ikigo", "ishuri"})


def _with_embedded_names(entry: Entry, glossary: Glossary) -> Entry:
    """An organisation whose long name holds another listed organisation's name, also with that name in each of
    its other renderings: Ishami ry'Umuryango w'Abibumbye ryita ku biribwa (WFP) is also written Ishami rya Loni
    ryita ku biribwa, and the Security Council Akanama ka Loni gashinzwe umutekano. The connective before it is
    written in full, which matches either form. Only under an office's head noun: forces described in words
    (Ingabo za EAC) stay a term and an organisation when written out."""
    if entry.type != "organisation":
        return entry
    others = [o for o in glossary if o.type == "organisation" and o.id != entry.id]
    heads = organisation_heads(glossary) | INSTITUTION_HEADS  # Komisiyo ya ECOWAS = Komisiyo ya CEDEAO
    extra: list[str] = []
    for rendering in entry.rw:
        if len(rendering.split()) < 3 or fold(rendering.split()[0]) not in heads:
            continue
        for other in others:
            for name in sorted(other.rw, key=len, reverse=True):  # the longest name it holds, not a part of it
                if name.lower() not in rendering.lower():
                    continue  # (before a regular expression: thousands of pairs, few of them inside)
                inside = re.search(r"(?<=\s)(\w{1,3})(?:'|a\s)" + re.escape(name) + r"(?!\w)", rendering, re.IGNORECASE)
                if inside is None or fold(inside.group(1)) + "a" not in FULL_CONNECTIVES | DIALECT_CONNECTIVES:
                    continue
                connective = inside.group(1) + "a"
                # not "Umuryango wa Umuryango w'…": an alias that repeats the noun before its connective
                before = _head_word(re.split(r"['’]", rendering[:inside.start()].split()[-1])[-1])
                extra += [f"{rendering[:inside.start()]}{connective} {alias}{rendering[inside.end():]}"
                          for alias in other.rw if alias != name and _head_word(alias) != before]
                break
    extra += [alias for rendering in entry.rw if len(rendering.split()) >= 3 and fold(rendering.split()[0]) in heads
              for alias in (*_place_aliases(rendering, glossary), *_respelt_places(rendering, glossary))]
    return _with_renderings(entry, extra)


def _with_renderings(entry: Entry, extra: list[str]) -> Entry:
    """The entry with the renderings of `extra` it does not list yet, each once."""
    extra = [text for text in dict.fromkeys(extra) if text not in entry.rw]
    return dataclasses.replace(entry, rw=(*entry.rw, *extra)) if extra else entry


def _head_respellings(entry: Entry, aliases: dict[str, tuple[str, ...]]) -> list[str]:
    """Each of the entry's phrases with its head word spelt as `aliases` gives that word's other spellings (one
    word, with the same first letter and about as long: `_respelt`)."""
    return [" ".join([alias, *words[1:]]) for rendering in entry.rw if len(words := rendering.split()) > 1
            for alias in aliases.get(fold(words[0]), ()) if _respelt(alias, words[0])]


def _with_other_names(entry: Entry, glossary: Glossary) -> Entry:
    """The entry with the renderings other entries' names give it: an organisation's long name with another's
    other names inside, a place named after another with that one's other spellings."""
    if entry.type == "place":
        return _with_place_spellings(entry, glossary)
    if entry.type == "person":
        return _with_renderings(entry, _surname_first(entry))
    return _with_respelt_heads(_with_embedded_names(entry, glossary), glossary)


def _surname_first(entry: Entry) -> list[str]:
    """A given name and surname also written surname first, as Rwandan copy and official lists write names (Mbabazi
    Rosemary for Rosemary Mbabazi): a two-word rendering that is the first and the last word of the English name, so
    a title (Sheikh Hassan, Karidinali Kambanda), a middle name or a double surname (Kayikwamba Wagner) keeps the
    order the entry gives, and so do initials, particles and hyphenated names."""
    english = entry.en[0].split() if entry.en else []
    return [f"{words[1]} {words[0]}" for name in entry.rw if len(words := name.split()) == 2
            and len(english) > 1 and [fold(w) for w in words] == [fold(english[0]), fold(english[-1])]
            and all(w.isalpha() and w[0].isupper() and len(w) > 2 for w in words)]


def _with_respelt_heads(entry: Entry, glossary: Glossary) -> Entry:
    """A phrase headed by a word a term lists spelt two ways, also with the other spelling: term.minister lists
    Ministiri beside Minisitiri, so Minisitiri w'Umutekano mu Gihugu is also written Ministiri w'…, and so on for
    Minisiteri/Ministeri, Perezida/Prezida, igisirikare/igisilikare."""
    heads = glossary.cached(("rw-respelt-heads",), lambda: _respelt_term_words(glossary))
    return _with_renderings(entry, _head_respellings(entry, heads))


def _respelt_term_words(glossary: Glossary) -> dict[str, tuple[str, ...]]:
    """Each one-word rendering of a term (folded) with the term's other one-word renderings that spell the same
    word: with the same first letter, one letter apart from it or from another such spelling (Minisitiri,
    Ministiri, Ministri)."""
    words: dict[str, tuple[str, ...]] = {}
    for entry in glossary:
        if entry.type == "term":
            one_word = [r for r in entry.rw if " " not in r]
            for word in one_word:
                aliases = tuple(a for a in _spelling_chain(word, one_word) if fold(a) != fold(word))
                if aliases:
                    words.setdefault(fold(word), aliases)
    return words


def _spelling_chain(word: str, words: list[str]) -> list[str]:
    """The words reached from `word` one letter at a time, each with its first letter, in the order listed."""
    reached, todo = {fold(word)}, [fold(word)]
    while todo:
        at = todo.pop()
        for other in words:
            folded = fold(other)
            if folded not in reached and folded[0] == at[0] and one_edit_apart(folded, at):
                reached.add(folded)
                todo.append(folded)
    return [other for other in words if fold(other) in reached]


def _with_place_spellings(entry: Entry, glossary: Glossary) -> Entry:
    """A place whose name opens with another place's (West Africa: Afurika y'Uburengerazuba), also with that
    place's other spellings in its stead (Afrika y'Uburengerazuba, Africa y'Uburengerazuba): one word, with the
    same first letter and about as long; not another name (Amerika y'Epfo is no USA y'Epfo)."""
    places = glossary.cached(("rw-one-word-places",), lambda: _one_word_places(glossary))
    return _with_renderings(entry, [*_head_respellings(entry, places), *_written_with_r(entry, glossary)])


_R_FOR_L_LETTERS = 8  # shorter names written with r are often other places (Maraba, Kabare, Ruanda)
_WRITTEN_ABROAD = re.compile(r"[cqx]|ou")  # English and French spellings (Colombia, Toulouse), which keep their l


def _written_with_r(entry: Entry, glossary: Glossary) -> list[str]:
    """A place's one-word name spelt the Kinyarwanda way but for its l, also written with r, as the language writes
    the sound (Isiraheli: Isiraheri; Ositaraliya: Ositarariya): names of eight letters or more, where the r
    spelling is no other entry's word."""
    words = glossary.cached(("rw-words-by-entry",), lambda: _words_by_entry(glossary))
    variants = []
    for name in entry.rw:
        respelt = name.replace("l", "r").replace("L", "R")
        if respelt != name and " " not in name and len(name) >= _R_FOR_L_LETTERS and not spelt_foreign(fold(respelt)) \
                and not _WRITTEN_ABROAD.search(fold(name)) and name not in entry.en \
                and words.get(fold(respelt), {entry.id}) == {entry.id}:
            variants.append(respelt)
    return variants


def _words_by_entry(glossary: Glossary) -> dict[str, set[str]]:
    """Each word the glossary's Kinyarwanda columns write (folded), with the entries that write it."""
    owners: dict[str, set[str]] = {}
    for entry in glossary:
        for text in (*entry.rw, *entry.rw_partner, *entry.rw_related, *entry.rw_lookalike):
            for word in text.split():
                owners.setdefault(fold(word), set()).add(entry.id)
    return owners


def _respelt(alias: str, word: str) -> bool:
    """Whether a place's other name is the same word spelt another way (Afrika, Africa for Afurika): one word, with
    the same first letter and about as long; not another name (USA for Amerika)."""
    return fold(alias) != fold(word) and alias.isalpha() and not alias.isupper() \
        and fold(alias)[0] == fold(word)[0] and abs(len(alias) - len(word)) <= 2


def _respelt_places(rendering: str, glossary: Glossary) -> list[str]:
    """A long name with a place inside it spelt another way the glossary lists, its elided connective kept:
    Umuryango w'Ibihugu bya Afurika y'Iburasirazuba is also written … bya Africa …, Komisiyo y'Umuryango wa
    Afurika Yunze Ubumwe … w'Afrika …."""
    places = glossary.cached(("rw-one-word-places",), lambda: _one_word_places(glossary))
    words = rendering.split()
    variants = []
    for k, word in enumerate(words):
        clitic, _, stem = word.rpartition("'")
        clitic = clitic + "'" if clitic else ""
        variants += [" ".join([*words[:k], clitic + alias, *words[k + 1:]])
                     for alias in places.get(fold(stem), ()) if _respelt(alias, stem)]
    return variants


def _place_aliases(rendering: str, glossary: Glossary) -> list[str]:
    """An office's name with the country it is "in" (muri) written another way the glossary lists: Ubutumwa bwa
    SADC muri Kongo is also … muri Congo, … muri RDC."""
    words = rendering.split()
    places = glossary.cached(("rw-one-word-places",), lambda: _one_word_places(glossary))
    return [" ".join([*words[:k + 1], alias, *words[k + 2:]])
            for k in range(len(words) - 1) if fold(words[k]) == "muri"
            for alias in places.get(fold(words[k + 1]), ()) if fold(alias) != fold(words[k + 1])]


def _one_word_places(glossary: Glossary) -> dict[str, tuple[str, ...]]:
    """Each one-word name of a place, folded, with that place's other one-word names (Kongo: Congo, RDC, DRC …)."""
    names: dict[str, tuple[str, ...]] = {}
    for entry in glossary:
        if entry.type == "place":
            one_word = tuple(r for r in entry.rw if len(r.split()) == 1)
            for name in one_word:
                names.setdefault(fold(name), one_word)
    return names


def entry_patterns(entry: Entry, glossary: Glossary, dialects: bool = False) -> list[Pattern]:
    """Every pattern the matcher reads `entry` by, with the renderings other entries' names give it."""
    return rendering_patterns(_with_other_names(entry, glossary), dialects)


def kinyarwanda_index(glossary: Glossary, dialects: bool) -> PatternIndex:
    def build() -> PatternIndex:
        index = PatternIndex((p for e in glossary for p in entry_patterns(e, glossary, dialects)), _edition_number)
        for entry in glossary:  # the sense cues (none too) are part of the compiled glossary: parsed once here,
            _ = entry.sense_cues  # not at each entry's first match in a paragraph
        return index
    return glossary.cached(("rw", dialects), build)


def entry_index(entry: Entry, glossary: Glossary) -> PatternIndex:
    """The patterns of one entry alone, indexed as `kinyarwanda_index` indexes the glossary's."""
    return PatternIndex(entry_patterns(entry, glossary), _edition_number)


def _edition_number(tokens: list[Token], at: int) -> int:
    """The tokens of an edition number said inside a name, after its head (Inteko Rusange ya 80 y'Umuryango
    w'Abibumbye: the 80th General Assembly; Inama ya 24 isanzwe y'Abakuru b'Ibihugu: the 24th ordinary summit): a
    connective and a count of up to three digits, in the same phrase; 0 where there is none."""
    if at + 1 >= len(tokens):
        return 0
    connective, count = tokens[at], tokens[at + 1]
    return 2 if connective.norm in _OF_CONNECTIVES and connective.joined and count.joined \
        and count.orig.isdigit() and len(count.orig) <= 3 else 0


def kinyarwanda_surface_forms(entry: Entry) -> list[str]:
    """Concrete strings that count as the term: as written, u-X/UX spelling, augmentless, then elided forms."""
    forbidden = {fold(f) for f in entry.rw_forbidden}
    forms: list[str] = []
    for rendering in _renderings(entry):
        words = rendering.text.split()
        free = words[0].lower() == "u" and len(words) > 1 and not is_prefixless(rendering.cls)
        head = words[0] + words[1] if free else words[0]
        tail = words[2:] if free else words[1:]
        written = [rendering.text]
        bare: list[str] = []
        parts = None if is_prefixless(rendering.cls) else split_noun(fold(head), rendering.cls)
        if parts and parts[0]:
            rest = head[1:2].upper() + head[2:] if head[:1].isupper() else head[1:]
            joined = " ".join([head[0].upper() + head[1:2].lower() + head[2:] if free else head, *tail])
            spaced = " ".join(["u " + rest, *tail]) if parts[0] == "u" and entry.type == "place" else ""
            written += [w for w in (joined, spaced) if w]
            bare.append(" ".join([rest, *tail]))
        written = [w for w in written if fold(w) not in forbidden]
        elided = [f"{c}'{w}" for c in SURFACE_CLITICS for w in written if w[:1].lower() in VOWELS]
        forms += written + bare + elided
    return [f for f in dict.fromkeys(forms) if fold(f) not in forbidden]


@functools.lru_cache(maxsize=4096)
def form_contexts(forms: tuple[str, ...]) -> tuple[FormContext, ...]:
    """Where each of a term's surface forms may stand (parallel to `forms`), for placing a term into a sentence:
    an elided form (y'Uburusiya) in place of its full connective (ya) or of another elided word (y'Amerika); an
    augmentless form (Burusiya, bihano), recognised by its augmented spelling among the forms, only after a
    locative, a full connective, a demonstrative or "other" (mu Burusiya, bya gisirikare, ibindi bihano).
    Cached: an entry's forms are the same in every sentence."""
    folded = {fold(f) for f in forms}
    after = augmentless_triggers(False)
    contexts = []
    for form in forms:
        clitic, _, rest = form.partition("'")
        if rest and clitic.lower() in CLITICS:
            contexts.append(FormContext(replaces=frozenset({clitic.lower() + "a", clitic.lower() + "'"})))
        elif any(augment + fold(form) in folded for augment in ("u", "i", "a", "u ")):
            contexts.append(FormContext(after=after))
        else:
            contexts.append(ANYWHERE)
    return tuple(contexts)
