"""Kinyarwanda term matching generated from each entry's morphology (rule table R1-R5, morphology notes §1.6).

For every rendering the generator builds token patterns for:
- R1 the augmented form (Uburusiya), the free-augment spelling of country names (u Burusiya) and the
  augmentless form, which only counts after mu/ku/i/kwa/nta/buri or a full connective (mu Burusiya, bya gisirikare);
- R2 the plural/singular partner (uruganda <-> inganda), compiled the same way;
- R3 prefixless names as written, with any elided connective in front (z'Amerika, n'Ukraine);
- R4 multi-word terms anchored on the head noun, dependents matched by stem with any agreeing concord
  (itagira/zitagira) and connectives generalised (za Amerika = z'Amerika), allowing one short modifier after
  the head (indege nto zitagira abapilote);
- derived words (Abarusiya, Abanya-Ukraine) as `related`.
R5 grammar warnings are added after matching (`_warnings`). Elided connectives are split off by the tokenizer,
so every apostrophe variant, with or without a following space, is handled in one place.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Collection, Container, Mapping
from dataclasses import dataclass

from translate.constraints import ANYWHERE, FormContext
from translate.glossary.entries import Entry, Glossary
from translate.glossary.matching import ANY_SHORT_WORD, Agreeing, Pattern, PatternIndex, TermMatch
from translate.glossary.morphology import (
    CLITICS, DEMONSTRATIVES, DIALECT_CLITICS, DIALECT_CONNECTIVES, DIALECT_O_CONNECTIVES, DIALECT_SPELLINGS,
    FULL_CONNECTIVES, LOCATIVES, NAME_LOCATIVES, NOUN_CLASSES, O_CONNECTIVES, OTHERS, SPELLING_VARIANTS, VOWELS,
    concord_forms, connective, guess_class, is_prefixless, spelt_foreign, split_noun, strip_concord, subject_classes,
)
from translate.glossary.spelling import name_spellings, with_misspelt_names
from translate.glossary.textnorm import Token, fold, tokenize

# People of a place: Abanya-Ukraine, Abanye-Congo (nya/nye), the -kazi feminine; also without the augment after a
# locative (mu Banya-Nigeria).
DEMONYM_PREFIXES = frozenset({"umunya", "abanya", "umunye", "abanye", "umunyakazi", "abanyakazi",
                              "munya", "banya", "munye", "banye", "munyakazi", "banyakazi"})
SUBJECT_OPENERS = frozenset({"ko", "kandi", "ariko", "ubwo", "none", "naho"})
# Elided forms offered to term placement, most frequent connectives first.
SURFACE_CLITICS = ("y", "w", "z", "n", "by", "cy", "bw", "rw", "ry", "b", "k", "tw", "kw", "h", "nk")


@dataclass(frozen=True)
class Form:
    """What a pattern stands for, so that warnings can explain themselves."""

    cls: str  # noun class of this form (drives agreement)
    guessed: bool = False
    kind: str = "augmented"  # augmented | free | augmentless | name | glued | dialect | forbidden | related | elliptic
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


def _connective_slot(written: str, dialects: bool) -> frozenset[str]:
    for conjunction in (_AND, _LIKE):
        if written in conjunction:
            return conjunction
    words = FULL_CONNECTIVES | O_CONNECTIVES | {c + "'" for c in CLITICS}
    if dialects:
        words |= DIALECT_CONNECTIVES | DIALECT_O_CONNECTIVES | {c + "'" for c in DIALECT_CLITICS}
    return frozenset(words - _AND - _LIKE)


def augmentless_triggers(dialects: bool) -> frozenset[str]:
    return LOCATIVES | FULL_CONNECTIVES | DEMONSTRATIVES | OTHERS | (DIALECT_CONNECTIVES if dialects else frozenset())


def rendering_texts(entry: Entry) -> list[str]:
    """The complete Kinyarwanda forms an entry defines: renderings, then partners (expanded)."""
    return [r.text for r in _renderings(entry)]


def _renderings(entry: Entry) -> list[_Rendering]:
    """Preferred rendering, variants and partners, each with its class and the classes its modifiers agree with."""
    head_cls, partner_cls = entry.head_class, entry.partner_class
    concord = tuple(dict.fromkeys(c for c in (head_cls, partner_cls) if c))
    first_head = _head_word(entry.rw[0])
    out = [_Rendering(entry.rw[0], head_cls, concord, guessed=not entry.rw_class)]
    for variant in entry.rw[1:]:
        guessed = False
        if _head_word(variant) == first_head:
            cls = head_cls
        elif is_prefixless(head_cls) and len(variant.split()) == 1:
            # A one-word variant of a name is a name (America is not a class 6 noun like amenyo).
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
            slots.append(_connective_slot(word, dialects))
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
        alts = [((frozenset({head}),), "name")]
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
    """Whether an English name is a person's full name: two words or more, opening with the entry's first name
    (not a title: Sheikh Tamim, Sir Keir Starmer; nor a surname: Ould Tah), each capitalised or a particle."""
    words = name.split()
    return len(words) > 1 and words[0] == first and all(
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


def _patterns_for(rendering: _Rendering, entry: Entry, dialects: bool) -> list[Pattern]:
    patterns: list[Pattern] = []
    preferred = entry.rw[0]
    proper = entry.type != "term"
    tokens = tokenize(rendering.text, _clitics(dialects))
    if not tokens:
        return []
    alts, used = _head_alternatives(tokens, rendering.cls, entry, dialects)
    upper = frozenset({0}) if len(tokens) == 1 and rendering.text.isupper() and len(rendering.text) > 1 \
        and not (entry.type == "organisation" and _no_word_spelt_so(rendering.text)) else frozenset()
    for cls, deps in _agreement_variants(tokens[used:], rendering, dialects):
        windows = [deps, [ANY_SHORT_WORD, *deps], *_agreeing_window(rendering.cls, deps)] \
            if deps and entry.type == "term" else [deps]
        for head_slots, kind in alts:
            for dep in windows:
                form = Form(cls, rendering.guessed, kind, preferred, proper)
                patterns.append(Pattern(entry.id, (*head_slots, *dep), "term", 1, upper, form))
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


def _head_distance(tokens: list[Token], i: int, word: str) -> int | None:
    """How many tokens back `word` stands before i in the same sentence, with its augment or without (mu Ntara
    ya Ituri n'iya Tanganyika), within reach; None if it is not there."""
    bare = word[1:] if word[:1] in VOWELS else word
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
    """The dependents after one longer modifier that agrees with the head (Urukiko Rukuru rwa Gisirikare, uruganda
    runini rukora drones), for a head of a class with prefixes."""
    prefixes = NOUN_CLASSES[cls].prefixes if cls in NOUN_CLASSES else ()
    return [[Agreeing(prefixes), *deps]] if prefixes else []


def _no_word_spelt_so(acronym: str) -> bool:
    """An acronym informal copy may write in lower case (ba fardc, ingabo za rdf, monusco iri he): one without a
    vowel, or one of four letters or more spelt as no Kinyarwanda word is (ending in a consonant, with consonants
    together the language never writes), is no word of the language; nor of English, which a short one with a
    vowel may be (RIB, BAD). Ibuka, spelt as a word, is one."""
    letters = acronym.lower()
    if not letters.isalpha() or len(letters) < 3:
        return False
    return not set(letters) & VOWELS or (len(letters) >= 4 and spelt_foreign(letters))


def _literal(text: str, dialects: bool) -> tuple[frozenset[str], ...]:
    return tuple(frozenset({t.norm}) for t in tokenize(text, _clitics(dialects)))


def _forbidden_and_related(entry: Entry, dialects: bool) -> list[Pattern]:
    out = []
    for text in entry.rw_forbidden:
        form = Form("", False, "forbidden", entry.rw[0])
        out.append(Pattern(entry.id, _literal(text, dialects), "term", 2, data=form))
    for text in (*entry.rw_related, *derived_forms(entry)):
        slots = _literal(text, dialects)
        if slots:
            out.append(Pattern(entry.id, slots, "related", 0, data=Form("", False, "related", entry.rw[0])))
    return out


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
              for alias in _place_aliases(rendering, glossary)]
    extra = [text for text in dict.fromkeys(extra) if text not in entry.rw]
    return dataclasses.replace(entry, rw=(*entry.rw, *extra)) if extra else entry


def _with_other_names(entry: Entry, glossary: Glossary) -> Entry:
    """The entry with the renderings other entries' names give it: an organisation's long name with another's
    other names inside, a place named after another with that one's other spellings."""
    if entry.type == "place":
        return _with_place_spellings(entry, glossary)
    return _with_embedded_names(entry, glossary)


def _with_place_spellings(entry: Entry, glossary: Glossary) -> Entry:
    """A place whose name opens with another place's (West Africa: Afurika y'Uburengerazuba), also with that
    place's other spellings in its stead (Afrika y'Uburengerazuba, Africa y'Uburengerazuba): one word, with the
    same first letter and about as long; not another name (Amerika y'Epfo is no USA y'Epfo)."""
    places = glossary.cached(("rw-one-word-places",), lambda: _one_word_places(glossary))

    def respelt(alias: str, word: str) -> bool:
        return fold(alias) != fold(word) and alias.isalpha() and not alias.isupper() \
            and fold(alias)[0] == fold(word)[0] and abs(len(alias) - len(word)) <= 2
    extra = [" ".join([alias, *words[1:]]) for rendering in entry.rw if len(words := rendering.split()) > 1
             for alias in places.get(fold(words[0]), ()) if respelt(alias, words[0])]
    extra = [text for text in dict.fromkeys(extra) if text not in entry.rw]
    return dataclasses.replace(entry, rw=(*entry.rw, *extra)) if extra else entry


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


def kinyarwanda_index(glossary: Glossary, dialects: bool) -> PatternIndex:
    def build() -> PatternIndex:
        return PatternIndex(p for e in glossary for p in rendering_patterns(_with_other_names(e, glossary), dialects))
    return glossary.cached(("rw", dialects), build)


def _world_names(glossary: Glossary) -> frozenset[tuple[str, str]]:
    """(entry, name) for each one-word English name of a place, folded: Rwanda, Burundi (not Burusiya)."""
    return glossary.cached(("rw-world-names",), lambda: frozenset(
        (e.id, fold(name)) for e in glossary if e.type == "place" for name in e.en if " " not in name.strip()))


def _accept(dialects: bool, glossary: Glossary) -> Callable[[Pattern, list[Token], int, int], bool]:
    triggers = augmentless_triggers(dialects)
    world_names = _world_names(glossary)

    def accept(pattern: Pattern, tokens: list[Token], i: int, j: int) -> bool:
        form: Form = pattern.data
        if form.kind == "augmentless":
            # R1: the augment only drops after a locative, nta/buri or a full connective; and a relative clause
            # after its noun drops it (abantu bavanywe mu byabo): a term of three words or more is safe anywhere,
            # its dependents say what it is
            # and a name written as the world writes it opens a dateline or a headline so (Rwanda: …, Burundi na
            # RDC …; not Burusiya, which is no one's name)
            return (i > 0 and tokens[i].joined and tokens[i - 1].norm in triggers) or (
                not form.proper and all(isinstance(slot, frozenset) for slot in pattern.slots)
                and sum(not tokens[k].clitic for k in range(i, j)) >= 3) or (
                form.proper and _opens_line(tokens, i) and (pattern.entry, tokens[i].norm) in world_names)
        if form.kind == "elliptic":
            return _head_distance(tokens, i, form.elided) is not None
        if form.kind == "glued" and form.proper:
            return tokens[i].orig[2:3].isupper()  # muBurusiya, but not every word that starts with mu-
        return True
    return accept


def _joined_by_connective(tokens: list[Token], i: int) -> bool:
    """Whether token i follows a connective of agreement (k'Umuryango, ka Loni), not "and" or "like"."""
    before = tokens[i - 1]
    return tokens[i].joined and before.joined and (before.clitic or before.norm in FULL_CONNECTIVES) \
        and before.norm not in _AND | _LIKE


def _own_country(organisation: Entry | None, place: Entry) -> bool:
    """Whether a place is named in one of an organisation's renderings: after another of its names, its country
    is part of the name (Ubushinjacyaha Bukuru bw'u Rwanda, where Ubushinjacyaha bw'u Rwanda is listed)."""
    if organisation is None or place.type != "place":
        return False
    names = [f" {fold(name)} " for name in place.rw]
    words = [" " + _APOSTROPHES.sub(" ", fold(rendering)) + " " for rendering in organisation.rw]
    return any(name in rendering for rendering in words for name in names)


_APOSTROPHES = re.compile(r"['’]")


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


def _rest_display(tokens: list[Token], i: int, form: Form) -> str:
    """The augmentless spelling of a matched augmented head, cased like the text: Uburusiya -> Burusiya."""
    if form.kind == "free":
        return tokens[i + 1].orig
    word = tokens[i].orig
    return word[1:2].upper() + word[2:] if word[:1].isupper() else word[1:]


_LOOKALIKES = {"9": "10", "10": "9", "1": "3", "3": "1"}  # same prefixes, different agreement


def _subject_position(tokens: list[Token], i: int) -> bool:
    if i == 0 or tokens[i].after_sentence_break:
        return True
    return tokens[i].joined and tokens[i - 1].norm in SUBJECT_OPENERS


def _agreement_warning(tokens: list[Token], i: int, j: int, form: Form, surface: str) -> str | None:
    """R5: the verb after a subject must carry the subject's class concord (Uburusiya bw-agabye)."""
    if not form.cls or j >= len(tokens) or not tokens[j].joined or not _subject_position(tokens, i):
        return None
    verb = tokens[j]
    if verb.orig[:1].isupper():  # a capitalised word after the subject is a name ("Uruganda Zone …"), not its verb
        return None
    found = subject_classes(verb.norm)
    expected = NOUN_CLASSES[form.cls].agreement
    lookalike = _LOOKALIKES.get(expected) if form.guessed else None
    if found is None or expected in found[1] or lookalike in found[1]:
        return None
    onset = found[0]
    concords = NOUN_CLASSES[expected].concords
    glide = next((c for c in concords if c[-1] not in VOWELS), concords[-1])
    return (f"{_AGREEMENT} '{surface} {verb.orig}': a class {expected} subject takes "
            f"{'-/'.join(concords)}- on the verb ('{glide}{verb.orig[len(onset):]}')")


_PREFIXLESS_NAME = "a prefixless name takes"
_AGREEMENT = "subject agreement:"
_FORBIDDEN = "forbidden rendering"
_AUGMENT_AFTER_NAME_LOCATIVE = "a class noun loses its augment after a locative"
_AUGMENT_AFTER_LOCATIVE = "drop the augment after"
_GLUED = "locative written joined"
_DIALECT = "Kirundi spelling"
_SENSE = AMBIGUOUS_WARNING = "ambiguous:"
_PLACEMENT = (_FORBIDDEN, _AUGMENT_AFTER_NAME_LOCATIVE, _AUGMENT_AFTER_LOCATIVE, _GLUED, _DIALECT)


def is_placement_warning(message: str) -> bool:
    """True for a warning about the term's own form or the word before it (a forbidden or dialect spelling, an
    augment after a locative), which a decoder can avoid where it places the term. Not subject agreement, which
    depends on the verb that follows, nor 'mu Ukraine', which is mended after decoding (`fix_locatives`)."""
    return any(fragment in message for fragment in _PLACEMENT)


def _warnings(tokens: list[Token], i: int, j: int, form: Form, surface: str, entry: Entry | None) -> list[str]:
    warnings: list[str] = []
    prev = tokens[i - 1] if i > 0 and tokens[i].joined else None
    if form.kind == "forbidden":
        warnings.append(f"{_FORBIDDEN} '{surface}'; use '{form.preferred}'")
    elif form.kind in ("augmented", "free") and prev is not None:
        if prev.norm in NAME_LOCATIVES:
            loc = prev.norm[:2]
            warnings.append(f"'{prev.orig} {surface}': {_AUGMENT_AFTER_NAME_LOCATIVE}; "
                            f"write '{loc} {_rest_display(tokens, i, form)}'")
        elif prev.norm in LOCATIVES and prev.norm not in ("nta", "buri"):
            warnings.append(f"'{prev.orig} {surface}': {_AUGMENT_AFTER_LOCATIVE} '{prev.orig}'; "
                            f"write '{prev.orig} {_rest_display(tokens, i, form)}'")
    elif form.kind == "name" and prev is not None and prev.norm in ("mu", "ku") and entry is not None \
            and entry.type == "place" and tokens[i].norm[0] in VOWELS:
        warnings.append(f"'{prev.orig} {surface}': {_PREFIXLESS_NAME} {prev.norm}ri; "
                        f"write '{prev.orig}ri {surface}'")
    elif form.kind == "glued":
        warnings.append(f"{_GLUED} (Kirundi/Kinyamulenge style): write "
                        f"'{surface[:2]} {surface[2:]}'")
    elif form.kind == "dialect":
        warnings.append(f"{_DIALECT} '{surface}'; Kinyarwanda writes '{form.preferred}'")
    if form.kind != "related":
        agreement = _agreement_warning(tokens, i, j, form, surface)
        if agreement:
            warnings.append(agreement)
    return warnings


_SENTENCE_END = re.compile(r"[.!?\n]")


class _Sentences:
    """The sentences of a tokenized text, found once (a parenthesis or a quote does not end one): which sentence
    a token is in, where it starts and ends, and whether it is written in Title Case."""

    def __init__(self, tokens: list[Token]) -> None:
        self.of: list[int] = []
        self.bounds: list[tuple[int, int]] = []
        start = 0
        for k, token in enumerate(tokens):
            if k and _SENTENCE_END.search(token.gap):
                self.bounds.append((start, k))
                start = k
            self.of.append(len(self.bounds))
        self.bounds.append((start, len(tokens)))
        self.title_case = [self._title_case(tokens[a:b]) for a, b in self.bounds]

    @staticmethod
    def _title_case(tokens: list[Token]) -> bool:
        words = [t for t in tokens if not t.clitic and t.orig[:1].isalpha()]
        return sum(t.orig[:1].isupper() for t in words) >= 0.8 * len(words)

    def around(self, i: int) -> tuple[int, int]:
        return self.bounds[self.of[i]]

    def capitalised_inside(self, tokens: list[Token], k: int) -> bool:
        """Token k is capitalised and does not open its sentence: a name, or a noun with a capital by choice."""
        return tokens[k].orig[:1].isupper() and k != self.around(k)[0]


def _sentence_words(tokens: list[Token], i: int, sentences: _Sentences, in_places: set[int],
                    ) -> list[tuple[str, bool]]:
    """The words of token i's sentence, each with whether it is capitalised inside it, without place names, whose
    letters mean nothing here (Ubwongereza is England, not a word holding gereza, a prison)."""
    start, end = sentences.around(i)
    return [(tokens[k].norm, sentences.capitalised_inside(tokens, k)) for k in range(start, end) if k not in in_places]


# A cue is a stem: it may follow the word's prefixes (ya-katiw-e, rwa-mu-hanish-ije), not sit deep inside it.
# In a word capitalised inside the sentence (a name, or a noun with its augment: Urukiko, Imana) it may follow
# the augment only, so that names hold no cues (Bizimana is not imana).
_CUE_OFFSET, _CUE_OFFSET_CAPITALISED = 5, 1


def _has_cue(word: tuple[str, bool], cue: str) -> bool:
    text, capitalised = word
    return 0 <= text.find(cue) <= (_CUE_OFFSET_CAPITALISED if capitalised else _CUE_OFFSET)


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


_QUALIFIER_NEAR = 5  # a modifier, a connective and a noun of two words: Perezida mushya w'Inama Njyanama
Word = tuple[str, bool]  # a word as folded, and whether it is capitalised inside its sentence


def _words_after(tokens: list[Token], j: int, sentences: _Sentences) -> tuple[Word, ...]:
    """What qualifies the match right after it: the word that follows it (iperereza ryigenga) and the noun it is
    'of', after its connective, which may follow one modifier (Perezida w'ikipe, Perezida mushya w'Inama
    Njyanama, intambara y'ubucuruzi); not a word further on without a connective (Perezida yakiriye ikipe), nor
    one after "and". Each with whether it is capitalised inside its sentence."""
    clause = _clause_after(tokens, j, _QUALIFIER_NEAR)
    connective = _connective_after(tokens, clause)
    kept = [k for k in clause[:1] if k != connective]
    if connective is not None:
        kept += [k for k in clause if connective < k <= connective + 2]
    return tuple((tokens[k].norm, sentences.capitalised_inside(tokens, k)) for k in kept)


def _connective_after(tokens: list[Token], clause: range) -> int | None:
    """The connective of agreement (not "and") right after a match or after one modifier: Perezida w'…, Perezida
    mushya w'…"""
    return next((k for k in clause[:2] if tokens[k].norm not in _AND
                 and (tokens[k].clitic or tokens[k].norm in FULL_CONNECTIVES)), None)


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


def _unsupported_sense(entry: Entry, words: list[Word], places: frozenset[str], near: Mapping[str, str],
                       after: tuple[Word, ...] = (), body: str | None = None) -> str | None:
    """Why a rendering that has another everyday sense is not taken for the term here (None: it is), by the
    entry's `rw_context` (SenseCues): a place named right after the match decides (`near`: its id and how it is
    written); else a word of its sentence shows the other sense, or none supports this one (`places`: those the
    sentence names, for '@place')."""
    cues = entry.sense_cues
    if any(place in near for place in cues.places_for):
        return None
    against, next_against = [fold(c) for c in cues.against], [fold(c) for c in cues.next_against]
    other = next((near[place] for place in cues.places_against if place in near), None) \
        or body \
        or next((word[0] for word in after for cue in next_against if _has_cue(word, cue)), None) \
        or next((word[0] for word in words for cue in against if _has_cue(word, cue)), None)
    if other is not None:
        return f"{_SENSE} '{other}' points to another sense than '{entry.en[0]}'"
    supporting = [fold(c) for c in cues.supporting]
    supported = (cues.any_place and bool(places)) or any(_has_cue(word, cue) for word in words for cue in supporting)
    if cues.supported_by_something and not supported:
        return f"{_SENSE} nothing in the sentence supports the sense '{entry.en[0]}'"
    return None


def _capitalised_word(tokens: list[Token], k: int, in_terms: set[int]) -> bool:
    """A capitalised word that is not a glossary term, nor a little word capitalised to open a sentence (I Kigali),
    nor the people-of prefix of a demonym (Abanye-Congo)."""
    token = tokens[k]
    return (token.orig[:1].isupper() and not token.clitic and k not in in_terms
            and token.norm not in _OPENERS and token.norm not in DEMONYM_PREFIXES)


# A name written in English or French keeps its place inside (Bank of Kigali, Université du Burundi): it is
# quoted as it stands, so the place is not one the translation renders.
_FOREIGN_OF = frozenset({"of", "de", "du", "des"})
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
_NAMED_BEFORE = frozenset({"air"})
# A club's mark may come a word or two later (Cape Town City FC); other marks only right after the name, so
# Kigali Convention Centre still names Kigali, and a Title Case headline keeps its names (Kagame Yitabiriye Rwanda Day).
_CLUB_MARKS = frozenset({"fc", "sc", "united"})
_CLUB_WORDS = 3
_PLACE_OPENERS = LOCATIVES | NAME_LOCATIVES | FULL_CONNECTIVES


def _named_after(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the match (tokens i to j) is the name of a thing called after it: one of _NAMED_AFTER among the
    capitalised words right after it (Kigali Convention Centre, Cape Town City FC), a year right after it (Kigali
    2025, a championship), the word before is one of _NAMED_BEFORE, capitalised and in the same phrase, or it is
    what an airport is "of" (Ikibuga cy'Indege Mpuzamahanga cya Bugesera)."""
    if j < len(tokens) and tokens[j].joined and tokens[j].orig[:1].isupper() and tokens[j].norm in _NAMED_AFTER:
        return True
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
    if i < 4 or not (tokens[i - 1].clitic or tokens[i - 1].norm in FULL_CONNECTIVES):
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
                        names: set[str], titles: set[int]) -> bool:
    """A one-word name written against another capitalised word is part of a longer name, which is someone or
    something else: Kenya Airways, Air Tanzania, AS Kigali, Denzel Washington, Israel Mbonyi, Congo-Nil, Bank of
    Kigali. Not in a Title Case headline, where every word is capitalised; not across a line break; not before a
    person's two names after a title and a connective (Perezida wa Kenya William Ruto; but ikipe ya Israel
    Premier Tech is a team); and a word that opens the sentence counts only if it is a name (written capitalised
    elsewhere, or in capitals: AS Kigali), not any first word (Icyakora Kenya …). `titles`: the tokens that end
    a title the glossary lists (a term for people: Perezida, Minisitiri w'Ububanyi n'Amahanga)."""
    if j - i != 1 or tokens[i].orig.isupper():  # an acronym is its own name (M23/AFC)
        return False

    def neighbour(k: int, opener_ok: bool = False) -> bool:
        if "\n" in tokens[max(k, i)].gap or not _capitalised_word(tokens, k, in_terms):
            return False
        return (opener_ok or sentences.capitalised_inside(tokens, k) or tokens[k].orig.isupper()
                or tokens[k].norm in names)

    before = i > 0 and tokens[i].joined and not tokens[i].after_sentence_break \
        and (neighbour(i - 1) or (i > 1 and tokens[i - 1].norm in _FOREIGN_OF and tokens[i - 1].joined
                                  and neighbour(i - 2, opener_ok=True)))
    after = j < len(tokens) and tokens[j].joined and (
        neighbour(j) or (tokens[j].norm in _FOREIGN_INSIDE and j + 1 < len(tokens) and tokens[j + 1].joined
                         and neighbour(j + 1, opener_ok=True)))
    if after and i > 1 and (tokens[i - 1].norm in FULL_CONNECTIVES or tokens[i - 1].clitic) \
            and tokens[i - 1].norm not in _AND | _LIKE \
            and (i - 2 in titles or tokens[i - 2].norm.startswith(("umu", "umw"))):
        # "ya Kenya Airways" is the airline; "Perezida wa Kenya William Ruto" is Kenya, then its president's name
        # (after a title or a person: umukinnyi wa Uganda Denis Onyango; "ikipe ya Israel Premier Tech" is a team,
        # and so, for all the words can tell, is "Polisi ya Kenya Peter Njoroge")
        after = not (j + 1 < len(tokens) and tokens[j + 1].joined and neighbour(j + 1))
    return (before or after) and not sentences.title_case[sentences.of[i]]


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
    if k >= n or not tokens[k].joined or tokens[k].clitic:
        return j
    k += 1  # its object, its complements (Ingufu za Atomike), more joined by "and" (amahoro n'umutekano; kurwanya
    # no gukumira indwara), an invariable adjective (ubutwererane mpuzamahanga); not a capitalised word alone,
    # which is a name after it (… gishinzwe ubuzima Sabin Nsanzimana)
    while True:
        joined_by_connective = k < n and (tokens[k].clitic or tokens[k].norm in FULL_CONNECTIVES)
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


_INFINITIVE_PREFIXES = ("ku", "gu", "kw", "gw")
# Adjectives that take no agreement, common in offices' names: international, general.
_INVARIABLE_ADJECTIVES = frozenset({"mpuzamahanga", "rusange"})


def _and_infinitive(tokens: list[Token], k: int) -> bool:
    """Whether tokens k, k+1 are "and" with an infinitive (no gukumira), not with a locative (no ku wa Gatanu)."""
    return k + 1 < len(tokens) and tokens[k].norm == "no" and tokens[k].joined and tokens[k + 1].joined \
        and tokens[k + 1].norm.startswith(_INFINITIVE_PREFIXES) and len(tokens[k + 1].norm) >= 6


def _purpose_end(tokens: list[Token], j: int) -> int:
    """The end of a purpose clause opening at token j, an "of" and an infinitive with its object (bwo kubungabunga
    amahoro, bwo Gushyigikira Umutekano), or j."""
    n = len(tokens)
    if j + 2 >= n or tokens[j].norm not in _LOCATIVE_CONNECTIVES or not tokens[j].joined \
            or not tokens[j + 1].joined or not tokens[j + 1].norm.startswith(_INFINITIVE_PREFIXES) \
            or len(tokens[j + 1].norm) < 6 or not tokens[j + 2].joined or tokens[j + 2].clitic:
        return j
    k = j + 2  # after the infinitive: its object, or "and" another infinitive (bwo gushyigikira no gutuza Somaliya)
    while _and_infinitive(tokens, k):
        k += 2
    if k >= n or not tokens[k].joined or tokens[k].clitic:
        return j
    k += 1
    while k < n and (tokens[k].clitic or tokens[k].norm in FULL_CONNECTIVES) \
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
    if tokens[j].clitic or tokens[j].norm in FULL_CONNECTIVES:
        k = j + 1
        if k + 1 < n and tokens[k].norm == "u" and tokens[k].joined:
            k += 1  # y'u Burayi
        if k < n and tokens[k].joined and tokens[k].orig[:1].isupper() and not tokens[k].clitic:
            return k + 1
    return j


_NAME_WORDS = 16  # an office's name is no longer (a run of capitals with no stop is not one name)
# "The organisation X", "the alliance X": the head names the listed organisation after it, not another body.
_APPOSITIVE_HEADS = frozenset({"umuryango", "ihuriro", "ishyaka"})
# A meeting of an organisation is not a body of its own (Inama ya EAC), as a commission is (Komisiyo ya AU).
_MEETING_HEADS = frozenset({"inama"})


def _head_noun(tokens: list[Token], k: int, heads: frozenset[str]) -> str:
    """Token k as one of the `heads`: after a locative with its augment restored (mu Butumwa bwa SADC: ubutumwa)."""
    word = tokens[k].norm
    if k > 0 and tokens[k].joined and tokens[k - 1].norm in LOCATIVES and word[:1] not in VOWELS:
        return next((vowel + word for vowel in "uia" if vowel + word in heads), word)
    return word


@dataclass(frozen=True)
class UnlistedName:
    """Tokens start..end name an office the glossary does not list as written; its seat (a place inside that is
    where it works, reported as the place) starts at `seat`. `acronym_of`: the listed organisation whose acronym
    in brackets closes it, which the name then is, written another way."""

    start: int
    end: int
    seat: int
    acronym_of: str | None = None


def _unlisted_names(tokens: list[Token], found: list[tuple[Pattern, int, int]], heads: frozenset[str],
                    sentences: _Sentences, organisations: set[int], capital_terms: set[int],
                    ) -> list[UnlistedName]:
    """Token spans of organisation names the glossary lacks: a capitalised head noun, its complements and its
    mandate (Ishami ry'Umuryango w'Abibumbye ryita ku mpunzi; Akanama k'Amahoro n'Umutekano ka AU). It is a
    name only with a mandate, a listed organisation among its complements, a term written capitalised among them
    (Akanama k'Umutekano, Inama y'Umutekano y'Igihugu: the capital says name) or its acronym in brackets after
    it (Komisiyo y'Igihugu y'Amatora (NEC); then even a head in lower case: z'ubutumwa bwa SADC muri Congo
    (SAMIDRC)). The heads are everyday nouns too (Umuryango wa Perezida Ndayishimiye is his family, Ubutumwa bwa
    Perezida his message). A head that opens its sentence needs a capitalised complement (Urwego rushinzwe
    umutekano is any security body). A listed name that opens one counts only when a mandate follows it
    (Umuryango w'Abibumbye wita ku bana is not the UN). `heads` are the glossary's own (`organisation_heads`);
    the institution heads (Inama, Komisiyo) only make a name by a capitalised term or an acronym, as Inama ya EAC
    is the EAC's meeting. `organisations`, `capital_terms`: the tokens where a listed organisation's match starts,
    and a capitalised term's. Each span comes with where its seat starts, a place its bracketed acronym closes
    (`_seat_end`), or its end."""
    listed = {i: j for _, i, j in found}
    organisation_at = {i: pattern.entry for pattern, i, _ in found if i in organisations}
    inside_listed = {k for _, i, j in found for k in range(i + 1, j)}  # Umuryango in Ishami ry'Umuryango …
    capital_starts, organisation_starts = sorted(capital_terms), sorted(organisations)

    def between(starts: list[int], low: int, high: int) -> list[int]:
        return starts[bisect.bisect_right(starts, low):bisect.bisect_left(starts, high)]

    spans = []
    all_heads = heads | INSTITUTION_HEADS
    for k, token in enumerate(tokens):
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
        with_mandate = _mandate_end(tokens, end, head=head)
        inside = between(organisation_starts, k, end)
        # a mandate's objects listed with commas only in a name that holds a listed organisation or that its
        # acronym closes (Urwego rwa SADC rushinzwe Politiki, Ingabo n'Umutekano): else a list of bodies after a
        # name (… rushinzwe Ubugenzacyaha, Polisi n'Ingabo) stays the bodies
        listing = _mandate_end(tokens, end, lists=True, head=head)
        if listing > with_mandate and (inside or _acronym_end(tokens, listing) > listing):
            with_mandate = listing
        if len(inside) == 1 and listed[inside[0]] == end and with_mandate == end \
                and (inside[0] == k + 1 or (head in _APPOSITIVE_HEADS and inside[0] == k + 2)):
            # Umuryango wa EAC, Ishyaka CNDD-FDD, Umuryango Reporters Sans Frontières (RSF), Ikigo Frontex: itself
            continue
        if with_mandate > k + 1 and _bracketed_organisation(tokens, with_mandate, listed, organisations) \
                > with_mandate + 1:  # (Africa CDC): an organisation's name of two words, in brackets
            spans.append(UnlistedName(k, with_mandate, k, organisation_at[with_mandate]))
            continue
        closed = max(_seat_end(tokens, with_mandate), _acronym_end(tokens, with_mandate))
        if closed == with_mandate and (purpose := _purpose_end(tokens, with_mandate)) > with_mandate:
            # a purpose only where the acronym closes the name: Ubutumwa Mpuzamahanga bwo Gushyigikira Umutekano
            # (MSS); else it is what the body does (Ingabo z'u Rwanda zo kugarura amahoro)
            closed = max(_seat_end(tokens, purpose), _acronym_end(tokens, purpose))
            with_mandate = purpose if closed > purpose else with_mandate
        if closed > with_mandate and with_mandate > k + 1:
            # a listed acronym names the organisation, which the name writes another way: it stays itself, the
            # name is that organisation too, and a place inside is the name's (Ihuriro ry'Ibihugu bya Sahel (AES))
            if closed - 1 in organisations:
                spans.append(UnlistedName(k, closed - 1, k, organisation_at[closed - 1]))
            else:
                spans.append(UnlistedName(k, closed, with_mandate))
            continue
        if not capital or (end == k + 1 and not sentences.capitalised_inside(tokens, k)):
            continue
        if between(capital_starts, k, end) or (own and with_mandate > end) \
                or (inside and (own or head not in _MEETING_HEADS or with_mandate > end)):
            # a meeting's head names a body when its mandate agrees with it (Inama y'Umuryango w'Afurika Yunze
            # Ubumwe ishinzwe amahoro n'umutekano); else it is the body's meeting (Inama ya EAC)
            spans.append(UnlistedName(k, with_mandate, with_mandate))
    return spans


_BRACKETED = re.compile(r"^\s*\(\s*$")


# Words a page writes in capitals in brackets that are no acronym: caption tags.
_CAPTION_TAGS = frozenset({"amafoto", "ifoto", "videwo", "video", "amashusho", "photo", "photos", "audio", "live"})


def _acronym_like(word: str) -> bool:
    """Capitals, or mostly capitals with a small letter or two (AfCFTA, AfDB); not a name (RwandAir)."""
    capitals = sum(c.isupper() for c in word)
    return word.isupper() or (word[:1].isupper() and capitals >= 3 and capitals > 2 * (len(word) - capitals))


def _bracketed_acronym(tokens: list[Token], j: int) -> bool:
    """Whether token j is an acronym in brackets: (NEC), (AfCFTA), not a caption tag (AMAFOTO)."""
    if j >= len(tokens) or not _BRACKETED.match(tokens[j].gap) or not _acronym_like(tokens[j].orig) \
            or len(tokens[j].orig) < 2 or tokens[j].norm in _CAPTION_TAGS:
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
    while k + 1 < n and (tokens[k].clitic or tokens[k].norm in FULL_CONNECTIVES) and tokens[k + 1].joined \
            and tokens[k + 1].orig[:1].isupper():
        k += 2  # Sudani y'Epfo
    return k + 1 if k > j + 1 and _bracketed_acronym(tokens, k) else j


# Nouns that head an institution's name in news copy (Banki Nkuru y'u Rwanda, Inama Mpuzamahanga ku …), beyond
# those the glossary's own organisation names open with; and titles, which end a name (Umuryango wa Perezida X is
# his family).
INSTITUTION_HEADS = frozenset({"inama", "banki", "komisiyo", "minisiteri", "ihuriro", "ishyaka", "kaminuza",
                               "ibitaro", "urugaga", "ikigo", "ishuri"})
TITLE_WORDS = frozenset({"perezida", "prezida", "visi", "minisitiri", "ministiri", "dr", "bwana", "madamu",
                         "nyakubahwa", "nyakwigendera", "jenerali", "umuyobozi", "umuvugizi", "ambasaderi", "meya",
                         "guverineri", "depite", "senateri", "musenyeri", "padiri", "pasiteri", "karidinali",
                         "nyiricyubahiro", "sheikh", "mufti", "imamu", "umwami"})


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
# own (imirenge ya Huye, the district's sectors).
_FEATURE_HEADS = frozenset({"uruzi", "ruzi", "umugezi", "mugezi", "ikirunga", "kirunga", "umusozi", "musozi",
                            "ikiyaga", "kiyaga", "inyanja", "nyanja",
                            "umurenge", "murenge", "akagari", "kagari", "umudugudu", "mudugudu"})
_SEA_HEADS = frozenset({"inyanja", "nyanja"})


def _names_a_feature(tokens: list[Token], i: int) -> bool:
    """Whether the match at token i follows a river's, volcano's or mountain's head (or a sector's, a cell's or
    a village's) and its connective."""
    if i < 2 or not tokens[i].joined:
        return False
    connective = (tokens[i - 1].clitic or tokens[i - 1].norm in FULL_CONNECTIVES) \
        and tokens[i - 1].norm not in _AND | _LIKE
    head = tokens[i - 2]
    # a named sea is written with its capital (Inyanja y'u Buyapani); mu nyanja za Libya are Libya's waters
    return connective and tokens[i - 1].joined and head.norm in _FEATURE_HEADS \
        and (head.norm not in _SEA_HEADS or head.orig[:1].isupper())


def _splits(glossary: Glossary) -> Callable[[Pattern], bool]:
    """A term of three words or more that starts inside a longer match may split it (ibitero by'indege
    z'intambara: attacks by fighter jets); a name may not (Minisitiri w'Ingabo z'u Rwanda is the minister)."""
    def splits(pattern: Pattern) -> bool:
        return pattern.kind == "term" and len(pattern.slots) >= 3 and _entry_type(glossary, pattern.entry) == "term"
    return splits


def _entry_type(glossary: Glossary, entry_id: str) -> str | None:
    entry = glossary.get(entry_id)
    return entry.type if entry else None


_PEOPLE_CLASSES = frozenset({"1", "1a", "2", "2a"})


def _may_be_a_name(form: Form, token: Token, inside: bool) -> bool:
    """A one-word place or organisation name, or a common noun capitalised without its augment: people are named
    so (Ngabo Eric, Col. Mugaba), and the noun itself would keep its augment (ingabo, umugaba). Or a term that
    is not a title, capitalised inside its sentence: a surname (Kamarampaka Diane, Umutekano Jean), where a title
    stands before a name as itself (Perezida Kagame). `inside`: the word is capitalised inside its sentence."""
    if form.proper:
        return form.kind == "name"
    if form.kind == "augmentless":
        return token.orig[:1].isupper()
    return inside and form.kind in ("augmented", "name") and form.cls not in _PEOPLE_CLASSES


def _name_text(text: str, tokens: list[Token], a: int, b: int) -> str:
    """Tokens a..b as written, with the bracket that closes an acronym at the end: … (CENA)."""
    end = tokens[b - 1].end
    return text[tokens[a].start:end + 1 if _bracketed_acronym(tokens, b - 1) and text[end:end + 1] == ")" else end]


# Informal copy writes an elided connective apart, a space for its apostrophe: minisitiri w ingabo w u rwanda.
_SPACED_ELISIONS = frozenset({"w", "y", "z", "cy", "by", "ry", "rw", "bw", "tw", "kw"})


def _spaced_elisions(tokens: list[Token]) -> list[Token]:
    """The tokens, with a lone connective letter written apart from the vowel-initial word after it read as the
    elided connective it is."""
    return [dataclasses.replace(token, norm=token.norm + "'", clitic=True)
            if token.norm in _SPACED_ELISIONS and token.orig.islower() and k + 1 < len(tokens)
            and tokens[k + 1].gap == " " and tokens[k + 1].norm[:1] in VOWELS else token
            for k, token in enumerate(tokens)]


def find_kinyarwanda(text: str, glossary: Glossary, dialects: bool = False) -> list[TermMatch]:
    """The glossary's terms in a Kinyarwanda text, with the people's names it misspells (spelling.py)."""
    tokens = _spaced_elisions(tokenize(text, _clitics(dialects)))
    matches = _find_kinyarwanda(text, tokens, glossary, dialects)
    return with_misspelt_names(text, tokens, matches, name_spellings(glossary),
                               lambda respelt: _find_kinyarwanda(
                                   respelt, _spaced_elisions(tokenize(respelt, _clitics(dialects))), glossary,
                                   dialects))


def _find_kinyarwanda(text: str, tokens: list[Token], glossary: Glossary, dialects: bool) -> list[TermMatch]:
    matches: list[TermMatch] = []
    index = kinyarwanda_index(glossary, dialects)
    found = index.scan(tokens, _accept(dialects, glossary), _splits(glossary), _prefer_nearest_head)
    in_terms = {k for _, i, j in found for k in range(i, j)}
    in_places = {k for pattern, i, j in found if _entry_type(glossary, pattern.entry) == "place" for k in range(i, j)}
    sentences = _Sentences(tokens)
    senses: dict[tuple[str, int, tuple[str, ...], tuple[Word, ...], str | None], str | None] = {}
    # words written capitalised inside a sentence somewhere in the text: names, wherever they stand
    names = {t.norm for k, t in enumerate(tokens) if sentences.capitalised_inside(tokens, k)}
    organisations = {i for pattern, i, _ in found if _entry_type(glossary, pattern.entry) == "organisation"}
    # the last word of each title (Perezida, Minisitiri w'Ububanyi n'Amahanga): a people's term
    titles = {j - 1 for pattern, _, j in found if pattern.kind == "term" and pattern.data is not None
              and _entry_type(glossary, pattern.entry) == "term" and pattern.data.cls in _PEOPLE_CLASSES}
    # capitalised where the glossary writes it in lower case, not in a Title Case headline, and not a title:
    # Umuryango wa Perezida X is his family, Ikigo cya Leta is any public body
    capital_terms = {i for pattern, i, _ in found
                     if pattern.kind == "term" and _entry_type(glossary, pattern.entry) == "term"
                     and tokens[i].orig[:1].isupper() and not pattern.data.preferred[:1].isupper()
                     and not sentences.title_case[sentences.of[i]] and pattern.data.cls not in _PEOPLE_CLASSES}
    unlisted = _unlisted_names(tokens, found, organisation_heads(glossary), sentences, organisations, capital_terms)

    def dropped(pattern: Pattern, i: int, j: int) -> bool:
        """A look-alike, a word of a longer name, or a place that names a river or a volcano: not reported."""
        form: Form = pattern.data
        # a surname opens a name; after a connective or a locative a capitalised term is itself (w'Ingabo Brig …)
        opens = sentences.capitalised_inside(tokens, i) and not (
            i > 0 and (tokens[i - 1].clitic or tokens[i - 1].norm in _OPENERS))
        # a bare name opening its sentence (Rwanda: …) may open a longer one too (Rwanda Day)
        bare_opener = form.proper and form.kind == "augmentless" and _opens_line(tokens, i)
        if bare_opener and sentences.title_case[sentences.of[i]]:
            return True  # a Title Case headline could open with a longer name (Rwanda Day Izabera i Bonn)
        return pattern.kind == "lookalike" \
            or ((_may_be_a_name(form, tokens[i], opens) or bare_opener)
                and _inside_longer_name(tokens, i, j, sentences, in_terms, names, titles)) \
            or (_entry_type(glossary, pattern.entry) == "place" and _names_a_feature(tokens, i)) \
            or (_entry_type(glossary, pattern.entry) in ("person", "place") and _named_after(tokens, i, j))

    reported = [(pattern, i, j) for pattern, i, j in found if not dropped(pattern, i, j)]
    # the places reported, which alone support a sense (@place): not a look-alike's or a river's
    places_in: dict[int, set[str]] = {}  # sentence -> the places it names
    place_at: dict[int, tuple[str, str]] = {}  # token -> the place reported from it, and how it is written
    for pattern, i, j in reported:
        if _entry_type(glossary, pattern.entry) == "place":
            places_in.setdefault(sentences.of[i], set()).add(pattern.entry)
            place_at[i] = (pattern.entry, text[tokens[i].start:tokens[j - 1].end])
    # the organisations reported, by the token each ends before
    org_ending_at = {j: (pattern, i) for pattern, i, j in reported
                     if _entry_type(glossary, pattern.entry) == "organisation"}
    names_over: dict[int, list[UnlistedName]] = {}  # token -> the unlisted names over it
    for span in unlisted:
        for k in range(span.start, span.end):
            names_over.setdefault(k, []).append(span)
    for pattern, i, j in reported:
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
        sense = None
        if kind == "term" and form.kind != "forbidden" and entry is not None and entry.rw_context:
            near = _places_after(tokens, j, place_at)
            after = _words_after(tokens, j, sentences) if entry.sense_cues.next_against else ()
            body = _body_after(tokens, j, sentences, organisations, in_places) \
                if entry.sense_cues.body_after_against else None
            body = body or (_foreign_after(tokens, j, sentences, in_terms)
                            if entry.sense_cues.foreign_after_against else None)
            # once per entry, sentence and what follows it: a long unpunctuated paragraph would otherwise be read
            # once per match
            key = (entry.id, sentences.of[i], tuple(near), after, body)
            if key not in senses:
                words = _sentence_words(tokens, i, sentences, in_places)
                senses[key] = _unsupported_sense(entry, words, frozenset(places_in.get(sentences.of[i], ())), near,
                                                 after, body)
            sense = senses[key]
        # an organisation after another and a connective that agrees with it is the body the first belongs to,
        # part of its name: Akanama gashinzwe Umutekano ku Isi k'Umuryango w'Abibumbye is the Security Council
        owner = org_ending_at.get(i - 1) if i > 1 and _joined_by_connective(tokens, i) else None
        if kind == "term" and not sense and owner is not None and entry is not None \
                and (entry.type == "organisation" or _own_country(glossary.get(owner[0].entry), entry)) \
                and _agrees_with(tokens[i - 1], owner[0].data):
            sense = f"{_SENSE} part of the name '{text[tokens[owner[1]].start:end]}'"
        # an acronym in brackets names the organisation just before it, whatever else it spells: Reporters Sans
        # Frontières (RSF) is not the Rapid Support Forces; not one after a connective, which names a longer body
        # (ubutumwa bwa Loni (MINUSMA))
        before = org_ending_at.get(i)
        if kind == "term" and not sense and before and before[0].entry != pattern.entry \
                and not (before[1] > 0 and (tokens[before[1] - 1].clitic
                                            or tokens[before[1] - 1].norm in FULL_CONNECTIVES)) \
                and _bracketed_acronym(tokens, i):
            sense = (f"{_SENSE} the acronym in brackets after "
                     f"'{text[tokens[before[1]].start:tokens[i - 1].end]}' names it")
        if kind == "term" and not sense and entry is not None:
            # a place inside an office's name is still named: its seat (Urukiko Rwisumbuye rwa Musanze); not one
            # the name's acronym closes (… muri Somalia (AUSSOM))
            sense = next((_inside_name(text, tokens, name) for name in names_over.get(i, ())
                          # not the head word itself (Minisiteri y'Imari is a ministry), unless the name is a
                          # listed organisation's (Minisiteri ishinzwe Ubutabazi (MINEMA))
                          if name.start <= i and j <= name.end and (name.start, name.end) != (i, j)
                          and ((i, j) != (name.start, name.start + 1) or name.acronym_of)
                          and (entry.type != "place" or i >= name.seat)),
                         None)
        if sense:
            kind, warnings = "ambiguous", [sense, *warnings]
        matches.append(TermMatch(pattern.entry, text[start:end], start, end, kind, warnings))
    # a name its acronym closes is that organisation: it stands for what it holds, so the output stays one
    # match per stretch of text
    named = [_acronym_named(text, tokens, name) for name in unlisted if name.acronym_of]
    named = [n for n in named if not any(o is not n and o.start <= n.start and n.end <= o.end for o in named)]
    matches = [m for m in matches if not any(n.start <= m.start and m.end <= n.end for n in named)] + named
    return sorted(matches, key=lambda m: (m.start, -m.end))


def _inside_name(text: str, tokens: list[Token], name: UnlistedName) -> str:
    """The warning of a match inside a name: the name it is part of, and whose name that is."""
    written = _name_text(text, tokens, name.start, name.end)
    if name.acronym_of:
        return f"{_SENSE} part of the name '{written}', {name.acronym_of} written another way"
    return f"{_SENSE} part of the name '{written}', which the glossary does not list"


def _acronym_named(text: str, tokens: list[Token], name: UnlistedName) -> TermMatch:
    """A name its listed acronym closes, as that organisation: Urukiko Mpanabyaha Mpuzamahanga (ICC) is the ICC,
    whichever way the glossary writes it."""
    a = name.start
    start = tokens[a - 1].start if a > 0 and tokens[a - 1].clitic else tokens[a].start  # z'ubutumwa …
    end = tokens[name.end - 1].end
    return TermMatch(name.acronym_of or "", text[start:end], start, end)


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
