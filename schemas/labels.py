"""What a field label means: role × attribute, read from its words.

A Vietnamese form names a field by who it is about (the child, the mother, the
deceased, the declarant …) and what is asked (name, date of birth, place of
death, ethnicity …), in words that vary from form to form: "Họ và tên mẹ",
"Họ tên người mẹ", "Tên thân mẫu" all mean ``mother.full_name``. Rather than
list whole labels, ``meaning`` reads a label's syllables against small
vocabularies of words and short morphemes (``schemas/data/label_words.json``)
and ``resolve`` combines the roles and attributes found with what each field of
a record type means (derived from its key, the type's ``subject_roles`` and its
sections) to pick the field.

Matching is on folded syllables (NFC, lower case, no marks, ``đ`` → ``d``), so
a label typed or read without marks still reads; a syllable of four letters or
more one edit from exactly one known syllable is read as it (OCR slips).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from sohoa.text import fold

from .choice_notes import JOINERS, after_offered_choices, names_choices
from .kin_words import blood_after_kin
from .label_clauses import (BARE_ASKS, clause_on_unknown_noun, clause_roles, counted, event_on_unknown_noun,
                            kin_before_clause, prev_words_person)
from .label_digits import letter_read_as_digit
from .label_head import head_reading
from .label_initials import first_syllables, spelled_initials
from .label_words import label_words
from .letter_marks import another_phrase
from .loader import FieldSpec, Schema
from .ocr_confusions import SLIP_COST, nearest_by_look
from .office_label import ONLY_OFFICE_SCORE, OFFICE_ATTRIBUTES, the_only_office
from .name_where_used import ALIAS, name_used_at
from .person_acts import acting_person, begetting_at, parent_by_sex
from .person_nouns import heads_person_noun
from .persons_by_sex import person_of_sex, sexed_word_at
from .value_kind import SELF_NAMING_KINDS as SELF_NAMING_KINDS  # (its readers import it from here)
from .value_kind import value_kind

EVENTS = frozenset({"birth", "death", "registration", "notice", "certificate", "decision", "enlistment", "burial",
                    "injury"})
# a role alone ("Đồng chí:", "Cha:") names that person: the label asks for the name
ROLE_ONLY_MEANS = "name"
_SPLIT = re.compile(r"[\s,;:./()\[\]\-–_…·'\"“”‘’`„]+")  # (quotes: specks OCR reads around a word)
MAX_PHRASE = 7  # syllables of the vocabulary's longest phrase ("nơi đăng ký hộ khẩu thường trú"): a phrase longer
# than the reading looks for is read in pieces ("cơ quan đăng ký" + "hộ", folded onto the name's "họ")
# after these words a label says where the thing asked is kept, no longer what is asked: a Vietnamese noun
# phrase puts its head first ("Số thứ tự trong sổ" asks a number, the one in the book, not the book)
QUALIFIERS = frozenset({"trong"})
# attributes a "lúc"/"khi" after them may complete ("Ngày sinh lúc", "Chết lúc"): after any other, those words say
# when the thing asked held ("Quân hàm lúc hy sinh") and ask no time
MOMENT_ATTRS = frozenset({"date", "time"}) | EVENTS
# events that happen somewhere, whose place a word of residence after them names ("Mộ phần hiện ở")
PLACED_EVENTS = frozenset({"birth", "death", "burial", "injury"})


@dataclass(frozen=True)
class Lexicon:
    phrases: dict[tuple[str, ...], frozenset[str]]  # folded syllables -> tags ("role:mother", "attr:name", …)
    written: dict[tuple[str, ...], frozenset[str]]  # the same as written (lower case, with marks): "sổ" is no "số"
    syllables: frozenset[str]
    event_subjects: dict[str, str]
    fields: dict[str, dict]
    groups: dict[str, dict]
    relations: dict[str, str]
    marked: frozenset[str]  # the vocabulary's syllables as written, with their marks


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = label_words()
    phrases: dict[tuple[str, ...], set[str]] = {}
    written: dict[tuple[str, ...], set[str]] = {}
    marked: set[str] = set()
    spelled: dict[tuple[str, ...], set[tuple[str, ...]]] = {}

    def add(text: str, tag: str) -> None:
        as_written = tuple(written_syllables(text))
        marked.update(as_written)
        key = tuple(syllables(text))
        if not key:
            return
        written.setdefault(as_written, set()).add(tag)
        if key in phrases and tag not in phrases[key] and as_written != key \
                and not (phrases[key] == {"filler"} and as_written in spelled[key]):
            # a word that folds onto another concept's ("sổ" onto "số") is read only as written; a filler names
            # no concept, and the same word listed again for one ("với": a joining word, and the word after which
            # the other party of a relation is named) is read for it folded too ("Quan he voi nguoi chet", typed bare)
            return
        phrases.setdefault(key, set()).add(tag)
        spelled.setdefault(key, set()).add(as_written)  # the words as written each folded key was listed as

    for role, words in data["roles"].items():
        for w in words:
            add(w, f"role:{role}")
    for attr, words in data["attributes"].items():
        for w in words:
            add(w, f"attr:{attr}")
    for w in data["fillers"]:
        add(w, "filler")
    names = name_syllables()
    held = set(marked)
    for attr, heads, verbs in _acts(data):
        for verb in verbs:
            if any(s in names and s not in held for s in written_syllables(verb)):
                continue  # a name ending on that syllable would be cut where a label seemed to start
            for head in heads:
                add(f"{head} {verb}", f"attr:{attr}")
    for w in data["objects"]:
        add(w, "object")
    subjects = {k: v for k, v in data["event_subjects"].items() if not k.startswith("_")}
    fields = {k: v for k, v in data["fields"].items() if not k.startswith("_")}
    groups = {k: v for k, v in data["groups"].items() if not k.startswith("_")}
    # the words of acts that name a person ("ủy quyền", "sinh thành") are read by ``person_acts``, not as phrases:
    # their syllables are label words all the same (a label runs on over them to its end)
    acts = [w for role, v in data.get("person_acts", {}).items() if not role.startswith("_")
            for kind in ("declares", "acts_for") for w in v.get(kind, [])]
    acts += data.get("parents_by_sex", {}).get("begetting", [])
    marked.update(s for w in acts for s in written_syllables(w))
    return Lexicon({k: frozenset(v) for k, v in phrases.items()}, {k: frozenset(v) for k, v in written.items()},
                   frozenset(s for k in phrases for s in k) | {s for w in acts for s in syllables(w)},
                   subjects, fields, groups,
                   dict(data.get("relations", {})), frozenset(marked))


def _acts(data: dict) -> list[tuple[str, list[str], list[str]]]:
    """The phrases a verb names a field in (``acts`` of the vocabulary): (the attribute, the words the verb comes
    after, the verbs). A verb alone is no phrase: a card's values are written in the same verbs."""
    out = []
    for attr, v in data.get("acts", {}).items():
        if attr.startswith("_"):
            continue
        heads = list(v.get("after", [])) + list(data["attributes"].get(v.get("after_attribute", ""), []))
        out.append((attr, heads, list(v["verbs"])))
    return out


def written_syllables(text: str) -> list[str]:
    """The syllables as written, lower case with their marks (those that fold to something)."""
    return [w for w in _SPLIT.split(unicodedata.normalize("NFC", text).lower()) if w and fold(w).strip()]


def syllables(text: str) -> list[str]:
    """Folded syllables of a label: ``Họ, chữ đệm, tên:`` -> ``['ho', 'chu', 'dem', 'ten']``."""
    return [s for s in _SPLIT.split(fold(unicodedata.normalize("NFC", text))) if s]


@lru_cache(maxsize=8192)
def known_syllable(s: str) -> str | None:
    """The vocabulary syllable ``s`` stands for: itself, or the one syllable one letter off (``ngay`` read
    ``ngav``; a letter changed before one added or lost), for syllables of four letters or more; None when
    it is no label word."""
    lex = lexicon()
    if s in lex.syllables:
        return s
    if len(s) < 3 or not s.isalnum() or sum(c.isalpha() for c in s) < 2:
        # (a digit among letters may be a letter OCR read as one: "kh1" is "khi", "sinh3" "sinh"; in a short
        # abbreviation it is one of its few letters, "k8" for "kb")
        return letter_read_as_digit(s, lex.syllables) if s.isalnum() else None
    # (a word that is a value's own, a name's syllable or an ethnic group's, is read through a look-alike letter
    # only when plain edit distance alone says so: "Glai" of "Ra Glai" is no "giai")
    by_look = s not in _value_folds()
    if len(s) == 3:
        # a short word only through a letter OCR takes for another ("toc" read "tec")
        return nearest_by_look(s, [k for k in lex.syllables if len(k) >= 3], SLIP_COST) if by_look else None
    for same_length in (True, False):
        near = [k for k in lex.syllables if len(k) >= 3 and (len(k) == len(s)) == same_length
                and abs(len(k) - len(s)) <= 1 and Levenshtein.distance(k, s) <= 1]
        if near:
            # two words one letter off: the one whose letter OCR takes for the one read ("guan" is "quan")
            return near[0] if len(near) == 1 else nearest_by_look(s, near, SLIP_COST) if by_look else None
    # two narrow letters read for a wide one ("rn" for "m")
    return nearest_by_look(s, [k for k in lex.syllables if len(k) >= 3], SLIP_COST) if by_look else None


def bent_person_word(text: str) -> bool:
    """A word of ``text`` written with marks that folds onto a word naming a person but is not that word as the
    vocabulary writes it ("Bế", to carry, folds onto "bé", a child; "Bế" for "Bố" is OCR's slip of a mark): a
    value printed with marks says its person by the marks too, where a label typed without them cannot."""
    lex = lexicon()
    for w in _SPLIT.split(unicodedata.normalize("NFC", text).lower()):
        f = fold(w)
        if w and w != f and w not in lex.marked and any(t.startswith("role:") for t in lex.phrases.get((f,), ())):
            return True
    return False


def is_label_word(text: str) -> bool:
    """Every syllable of the word may stand inside a label. A word with marks must not be a common name
    syllable read the same without them ("Nguyễn" is a name, though "nguyên" of "Nguyên quán" folds alike)."""
    words = [w for w in _SPLIT.split(unicodedata.normalize("NFC", text).lower()) if w]
    if not words:
        return False
    for w in words:
        f = fold(w)
        if not known_syllable(f):
            return False
        if w != f and w not in lexicon().marked and w in name_syllables():
            return False
    return True


@lru_cache(maxsize=1)
def _value_folds() -> frozenset[str]:
    """The syllables of names, ethnic groups, places, units, offices, ranks and causes of death, and museum
    cataloguing words, folded: values' own words, not label words bent by OCR."""
    from .vocab import COMMON_WORDS, ETHNICITIES, PHRASES, VOCABULARIES, vocabulary
    groups = {w for name, others in ETHNICITIES for x in (name, *others) for w in syllables(x)}
    words = name_syllables() | COMMON_WORDS | set(PHRASES) | vocabulary(VOCABULARIES)
    return frozenset(s for w in words for s in syllables(w)) | groups


@lru_cache(maxsize=1)
def name_syllables() -> frozenset[str]:
    from .vocab import SURNAMES
    names_file = Path(__file__).with_name("data") / "name_syllables.txt"
    words = {w.strip().lower() for w in names_file.read_text(encoding="utf-8").split() if w.strip()}
    return frozenset(words | {s.lower() for s in SURNAMES})


@dataclass
class Meaning:
    roles: set[str] = field(default_factory=set)
    attrs: set[str] = field(default_factory=set)
    objects: set[str] = field(default_factory=set)  # roles named after "với", "của": the other party
    unknown: list[str] = field(default_factory=list)
    slips: int = 0  # syllables read as their one neighbour
    # events a "khi"/"lúc" clause names ("Khi hy sinh thuộc đơn vị", "Đơn vị lúc hy sinh"): when the thing asked
    # held, not a thing asked; still in ``attrs``, where they tell one field from another (the unit when injured)
    when: set[str] = field(default_factory=set)
    # the sexes of persons the label names by a word of address or of sex ("Xxx anh", "Xxx cá nhân nữ": ``persons_by_sex``),
    # not yet a role: which person that is depends on the record type
    sexes: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not self.roles and not self.attrs


# a note in brackets inside a label, closed or cut off by the label's end ("(viết hoa có dấu)", "(nếu có")
_NOTE = re.compile(r"\([^()]*(?:\)|$)")


# "của" (of), "với" (with), folded: the person named after them is the other party of a relation; a label that
# ends with one of them names nobody yet, its object cut off
OBJECT_MARKERS = ("cua", "voi")


def meaning(text: str) -> Meaning:
    """Roles and attributes a label names. A note in brackets says how the value is to be written ("(chữ in
    hoa)", "(nếu có)") or where it is to be copied from ("(theo giấy khai sinh)", "(theo cha)"): it neither asks
    nor names whom the label is about, so a label whose words outside its notes name something is read from
    those words alone (a word of the note folded like a person's would name another: "có dấu", "cô dâu")."""
    text = spelled_initials(text, _first_syllables())
    outside = _NOTE.sub(" ", text)
    if outside != text:
        m = _meaning(outside)
        if not m.empty:
            return m
    return _meaning(text)


@lru_cache(maxsize=1)
def _first_syllables() -> dict[str, frozenset[str]]:
    return first_syllables(lexicon().written)


def _meaning(text: str) -> Meaning:
    """Roles and attributes a label names. Longest vocabulary phrase first; "người [đã|được] <event>" names
    the person the event is about ("người đã mất" is the deceased); roles after "với" are the other party
    ("Quan hệ với người chết" asks the declarant's relation, not about the deceased); an event word right
    after the declarant is what was declared ("người đi khai sinh"); after a qualifier (``QUALIFIERS``: "trong")
    that follows what is asked, words say where it is kept and ask nothing ("Số … trong sổ" is a number); a name
    followed by a place word asks the name used there, the alias ("Tên gọi ở nhà": ``name_where_used``)."""
    lex = lexicon()
    raw = syllables(text)
    fixed = [known_syllable(s) or s for s in raw]
    as_written = written_syllables(text)
    if len(as_written) != len(raw):
        as_written = raw
    m = Meaning(slips=sum(1 for a, b in zip(raw, fixed) if a != b))
    i, after_object, prev_tags, qualified = 0, False, frozenset(), False
    unknown_at: set[int] = set()  # where the syllables no phrase reads are
    titled: set[str] = set()  # the roles words of address named (``address_words``), and those other words named
    named: set[str] = set()
    last_role: tuple[int, str, bool] | None = None  # where the last person's word ended, its role, whether an object
    moment_open, moment_time = False, False  # after "khi"/"lúc"; whether that word asked a time
    while i < len(fixed):
        if last_role is not None and last_role[0] == i and blood_after_kin(
                as_written, fixed, i, last_role[1], lambda j: _asks_at(lex, as_written, fixed, j)):
            i += 1  # a kin word's qualifier of blood: the person, no birth asked (``kin_words``)
            continue
        longest = min(MAX_PHRASE, len(fixed) - i)
        found = next(((n, lex.written.get(tuple(as_written[i:i + n])) or lex.phrases[tuple(fixed[i:i + n])])
                      for n in range(longest, 0, -1) if tuple(as_written[i:i + n]) in lex.written
                      or tuple(fixed[i:i + n]) in lex.phrases
                      and not (n == 1 and _other_marks(as_written, raw, fixed, i))
                      and not _other_person_last(lex, as_written, raw, i, n)
                      and not _other_letters(as_written, raw, fixed, i, n)), None)
        if found is None:  # no phrase reads exactly: one a letter off ("quá cế")
            found = next(((n, t) for n in range(longest, 1, -1) if (t := near_phrase(tuple(raw[i:i + n])))), None)
            m.slips += found is not None
        if found is not None and _other_word(found, as_written[i], fixed[i], lex):
            found = None
        if found is not None and _only_events(found[1]) and heads_person_noun(as_written, i + found[0]):
            # "tử sĩ": a word of death opening a noun of a person on "sĩ" (``person_nouns``) names the fallen, as
            # a noun the vocabulary lacks ("chiến sĩ") does, and asks no death
            m.unknown += fixed[i:i + found[0] + 1]
            unknown_at.update(range(i, i + found[0] + 1))
            i += found[0] + 1
            continue
        if found is not None and found[0] == 1 and any(t.startswith("role:") for t in found[1]) and counted(raw, i):
            found = None  # "mươi ba", "tháng ba": a person's word that is also a numeral counts after a number
        if not (found is not None and any(t.startswith("role:") for t in found[1])):
            act = acting_person(fixed, i, lambda j: _asks_at(lex, as_written, fixed, j)) \
                or parent_by_sex(as_written, fixed, i)
            if act is not None:  # "người đại diện dòng họ", "bà sinh thành": a person named by what they do
                found = (act[0], frozenset({f"role:{act[1]}"}))
        if not (found is not None and any(t.startswith("role:") for t in found[1])) and (sexed := sexed_word_at(
                as_written, raw, i, i - 1 not in unknown_at and "filler" in prev_tags)) is not None \
                and (found is None or sexed[0] >= found[0]):
            m.sexes.add(sexed[1])  # "Xxx yyy anh", "Xxx cá nhân nữ": a person by sex (``persons_by_sex``)
            i += sexed[0]
            prev_tags = frozenset({"filler"})
            continue
        if (k := begetting_at(fixed, i)) and any(t in ("role:father", "role:mother") for t in prev_tags):
            i += k  # "Họ tên bà sinh thành": the parent's word said again, no birth asked
            continue
        if found is not None:
            n, tags = found
        else:
            m.unknown.append(fixed[i])
            unknown_at.add(i)
            i += 1
            continue
        words = fixed[i:i + n]
        if n == 1 and _undecided(tags) and ("attr:date" in prev_tags and i - 1 not in unknown_at or i - 1 in unknown_at):
            # "Ngày cấp": after a date word, "cấp" is the act of issuing whose date is asked, no rank nor issuer;
            # "trợ cấp": after a word the vocabulary lacks it ends a word the vocabulary lacks
            tags = frozenset()
        i += n
        if len(words) == 1 and words[0] in QUALIFIERS and m.attrs:
            qualified = True
        if len(words) == 1 and name_used_at(m.attrs, m.roles, as_written[i - 1], len(fixed) - i):
            m.attrs = {ALIAS}  # "Tên gọi ở nhà": the name used there; the words after say where (``name_where_used``)
            qualified = True
            tags = frozenset()
        if "attr:residence" in tags and m.attrs & PLACED_EVENTS and not any(t.startswith("role:") for t in tags):
            # "Mộ phần hiện ở": where the grave is now, not where someone lives — after an event, a word of
            # residence says the event's place
            tags = frozenset(t for t in tags if t != "attr:residence") | {"attr:place"}
        if words in (["luc"], ["khi"]) and m.attrs and not m.attrs & MOMENT_ATTRS:
            # "Đơn vị lúc hy sinh": the unit at the time of the death, no time asked (the event after it stays:
            # "Đơn vị khi bị thương" is the unit when injured, a field of its own)
            tags = frozenset(t for t in tags if t != "attr:time")
        if moment_open:  # the event of a "khi"/"lúc" clause: when, not what
            m.when |= {t[5:] for t in tags if t.startswith("attr:") and t[5:] in EVENTS}
        moment_open = words in (["luc"], ["khi"])
        moment_time = moment_time or moment_open and "attr:time" in tags
        if qualified:
            tags = frozenset(t for t in tags if not t.startswith("attr:"))
        if "object" in tags and not any(t.startswith(("role:", "attr:")) for t in tags):
            after_object = True
            prev_tags = tags
            continue
        if m.attrs - BARE_ASKS and _only_events(tags) and event_on_unknown_noun(lex, fixed, i - n, unknown_at):
            tags = frozenset()  # "Ngày sinh xxx bị thương": the person's birth, the event says who the person is
        events = {t[5:] for t in tags if t.startswith("attr:") and t[5:] in lex.event_subjects}
        person_before = prev_tags and words and (
            "filler" in prev_tags and prev_words_person(prev_tags, fixed, i - n))
        if not events and person_before and "attr:registration" in tags and fixed[i - n - 1] == "duoc":
            # "người được đăng ký khai sinh": the person registered is the one the registered event is about
            events = _events_inside(words, lex)
        if events and person_before and not any(t.startswith("role:") for t in tags):
            tags = frozenset(f"role:{lex.event_subjects[e]}" for e in events)
        elif events and (kin := kin_before_clause(lex, fixed, i - n, last_role)) is not None \
                and not any(t.startswith("role:") for t in tags):
            # "Họ tên người anh đã hy sinh": the family's word for the person, with the event they went through
            # after it, names the one the event is about (as "người đã hy sinh" does), not a relative of theirs
            m.roles.discard(kin)
            tags = clause_roles(lex, words, events)
        elif events and m.attrs and clause_on_unknown_noun(fixed, i - n, unknown_at) \
                and not any(t.startswith("role:") for t in tags):
            tags = frozenset()  # "Năm sinh xxx yyy đã hy sinh": who the person is, not a date of death asked
        elif events and any(t == "role:declarant" for t in prev_tags):
            prev_tags = tags
            continue  # "người đi khai sinh": the event declared, not a birth attribute
        for t in tags:
            if t.startswith("role:"):
                (m.objects if after_object else m.roles).add(t[5:])
                last_role = (i, t[5:], after_object)
                if not after_object:
                    (titled if tuple(words) in _address_words() else named).add(t[5:])
            elif t.startswith("attr:"):
                m.attrs.add(t[5:])
        if any(t.startswith(("role:", "attr:")) for t in tags) and not any(t.startswith("role:") for t in tags):
            after_object = after_object and not any(t.startswith("attr:") for t in tags)
        if "attr:relation" in tags and words and words[-1] in OBJECT_MARKERS:
            after_object = True  # the person after a relation phrase ending in "của" or "với" is the other party
        prev_tags = tags
    if named:  # "Ngày sinh đồng chí bệnh binh": the title of the person the other word names (``address_words``)
        m.roles -= titled - named
    if moment_time and m.when and m.attrs - MOMENT_ATTRS:
        # "Lúc hy sinh cấp bậc": a label opened by its moment ("at the death, the rank") asks the rank then, no time
        m.attrs.discard("time")
    return m


@lru_cache(maxsize=1)
def _address_words() -> frozenset[tuple[str, ...]]:
    """The words of address (``label_words.json``, "address_words"), folded: a person's title, as "ông" is."""
    return frozenset(tuple(syllables(w)) for w in label_words().get("address_words", {}).get("words", []))


# what a label asks of a person: a clause naming the person by an act ends where one of these begins
_ASKED = frozenset({"name", "alias", "date", "time", "residence", "ethnicity", "nationality", "relation", "id", "sex",
                    "place", "hometown"})


def _asks_at(lex: Lexicon, as_written: list[str], fixed: list[str], j: int) -> bool:
    """A phrase asking something of a person (``_ASKED``) begins at syllable ``j``: as written with its marks
    (a folded "mặt" is "mất", a death, though no death is asked), or folded when it has two syllables or more."""
    for n in range(min(MAX_PHRASE, len(fixed) - j), 0, -1):
        tags = lex.written.get(tuple(as_written[j:j + n]), frozenset())
        if n > 1:
            tags = tags | lex.phrases.get(tuple(fixed[j:j + n]), frozenset())
        if any(t.startswith("attr:") and t[5:] in _ASKED for t in tags):
            return True
    return False


def _other_person_last(lex: Lexicon, as_written: list[str], raw: list[str], i: int, n: int) -> bool:
    """A phrase of several syllables matched only once folded ("họ tên ba" onto "họ tên bà", the mother) whose
    last syllable, as written, is a word for another person ("ba", the father): with marks read on the other
    syllables, the mark missing on that one is no mark lost, and the person is that word's."""
    if n < 2 or not any(w != r for w, r in zip(as_written[i:i + n - 1], raw[i:i + n - 1])):
        return False
    own = {t for t in lex.written.get((as_written[i + n - 1],), ()) if t.startswith("role:")}
    return bool(own) and not own & lex.phrases[tuple(raw[i:i + n])] if tuple(raw[i:i + n]) in lex.phrases else False


def _other_marks(as_written: list[str], raw: list[str], fixed: list[str], i: int) -> bool:
    """Syllable ``i`` folds onto a one-syllable vocabulary word but, as written, is another word: it carries
    marks where the word has none ("còn" of "Còn gọi là" is no "con", a child), or it has none where the word
    has some while the syllables on both sides of it carry theirs ("thay" of "người thay mặt" is no "thầy", a
    father: marks were read around it, so none were lost on it). A single syllable folded alike is weak
    evidence, many words sharing one; a label typed or read without marks ("Ten tuoi", "đăng ky") still folds,
    and a mark read as another mark (a tone slip: "mẻ" for "mẹ") or a syllable one letter off is read as before."""
    if raw[i] != fixed[i]:
        return False
    forms = [form[0] for form in _written_forms((fixed[i],))]
    if not forms:
        return False
    has = [w != r for w, r in zip(as_written, raw)]
    if has[i]:
        return not any(form != fixed[i] for form in forms)
    inside_marked = 0 < i < len(raw) - 1 and has[i - 1] and has[i + 1]
    return inside_marked and all(form != fixed[i] for form in forms)


def _other_letters(as_written: list[str], raw: list[str], fixed: list[str], i: int, n: int) -> bool:
    """A phrase of several syllables matched only once folded, whose first syllable as written is a word of the
    vocabulary on its own, reading another thing than the phrase, and whose syllables as written carry a letter
    the phrase's words do not: "sinh quần" is "sinh" (a birth) and a word the vocabulary lacks, no "sinh quán"
    (a hometown: ``letter_marks``). A first syllable that is no word alone leaves a spelling variant read as the
    phrase ("đằng" of "đàng"); a syllable read through a slip (``known_syllable`` changed it) is no evidence."""
    lex = lexicon()
    if n < 2 or tuple(as_written[i:i + n]) in lex.written or (as_written[i],) not in lex.written \
            or lex.phrases[tuple(fixed[i:i + n])] <= lex.written[(as_written[i],)]:
        return False  # (a phrase that reads as its first word does, "cha đẻ" as "cha", changes nothing read)
    written = [w if r == f else "" for w, r, f in zip(as_written[i:i + n], raw[i:i + n], fixed[i:i + n])]
    return another_phrase(written, _written_forms(tuple(fixed[i:i + n])))


@lru_cache(maxsize=4096)
def _written_forms(key: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The vocabulary's phrases, as written with their marks, that fold to ``key``."""
    return tuple(w for w in lexicon().written if len(w) == len(key) and tuple(fold(s) for s in w) == key)


def _undecided(tags: frozenset[str]) -> bool:
    """A single syllable the vocabulary reads as two attributes ("cấp": a rank, or issuing): its neighbours
    decide what it is."""
    return sum(1 for t in tags if t.startswith("attr:")) >= 2 and not any(t.startswith("role:") for t in tags)


def _other_word(found: tuple[int, frozenset[str]], written: str, folded: str, lex: Lexicon) -> bool:
    """A single syllable read as an event only through folding, while the vocabulary knows it as written with its
    own marks inside other phrases: it is that other word ("tự" of "thứ tự" is no "tử", death; an event word
    misread would fold onto the event, not onto another word of the vocabulary)."""
    n, tags = found
    return n == 1 and written != folded and (written,) not in lex.written and written in lex.marked \
        and any(t.startswith("attr:") and t[5:] in EVENTS for t in tags)


@lru_cache(maxsize=8192)
def near_phrase(words: tuple[str, ...]) -> frozenset[str] | None:
    """The tags of the one vocabulary phrase of as many syllables that these are one letter off, no syllable's
    first letter among them (a vowel misread in a short syllable of a longer phrase: "quá cế" is "quá cố")."""
    text = " ".join(words)
    if len(text) < 6:
        return None
    near = [k for k in lexicon().phrases if len(k) == len(words) and all(a[:1] == b[:1] for a, b in zip(k, words))
            and len(" ".join(k)) == len(text) and Levenshtein.distance(" ".join(k), text) <= 1]
    if not near:
        near = [k for k in lexicon().phrases if len(k) == len(words) and _one_letter_lost(k, words)]
    return lexicon().phrases[near[0]] if len(near) == 1 else None


def _one_letter_lost(phrase: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Every syllable as the phrase's but one, which lost a letter of its own of three or more, its first among
    them ("phụ hân" for "phụ thân": OCR drops a thin first letter as well as any other)."""
    odd = [(p, w) for p, w in zip(phrase, words) if p != w]
    return len(odd) == 1 and len(odd[0][0]) >= 4 and len(odd[0][1]) == len(odd[0][0]) - 1 \
        and Levenshtein.distance(*odd[0]) == 1


def _events_inside(words: list[str], lex: Lexicon) -> set[str]:
    """The events a registration phrase names inside it ("đăng ký khai sinh" registers a birth)."""
    out: set[str] = set()
    for a in range(len(words)):
        for b in range(a + 1, len(words) + 1):
            if (a, b) != (0, len(words)):
                out |= {t[5:] for t in lex.phrases.get(tuple(words[a:b]), ()) if t.startswith("attr:")
                        and t[5:] in lex.event_subjects}
    return out


def _only_events(tags: frozenset[str]) -> bool:
    """The phrase names events (``EVENTS``) and nothing else: no person, no other attribute."""
    attrs = {t[5:] for t in tags if t.startswith("attr:")}
    return bool(attrs) and attrs <= EVENTS and not any(t.startswith("role:") for t in tags)


# --- what a record type's fields mean -------------------------------------------------------------

@dataclass(frozen=True)
class FieldMeaning:
    spec: FieldSpec
    role: str | None  # "subject", a section name, "relative", or None (a document's field: registration …)
    needs: frozenset[str]
    may: frozenset[str]


_FIELD_MEANINGS: dict[int, tuple[Schema, tuple["FieldMeaning", ...]]] = {}


def field_meanings(schema: Schema) -> tuple[FieldMeaning, ...]:
    """The fields of a type that a label can be resolved to, with what they mean: from the last part of the
    key (``full_name``, ``date_of_birth`` …) and the first (a section is a role, ``registration`` a document)."""
    cached = _FIELD_MEANINGS.get(id(schema))
    if cached is not None and cached[0] is schema:
        return cached[1]
    lex = lexicon()
    out = []
    for f in schema.fields:
        if f.internal:
            continue
        head, dot, tail = f.key.partition(".")
        head = head.removesuffix("[]")
        if not dot:
            role, desc = "subject", lex.fields.get(f.key)
        elif head in lex.groups:
            role, desc = None, lex.groups[head].get(tail)
        else:
            role, desc = ("relative" if f.is_list else head), lex.fields.get(tail)
        if desc is None:
            continue
        # "needs" is one set of attributes, or several alternatives ([["number"], ["inventory"]])
        needs = desc["needs"] if desc["needs"] and isinstance(desc["needs"][0], list) else [desc["needs"]]
        for alternative in needs:
            out.append(FieldMeaning(f, role, frozenset(alternative), frozenset(desc.get("may", ()))))
    _FIELD_MEANINGS[id(schema)] = (schema, tuple(out))
    return tuple(out)


def role_fits(fm: FieldMeaning, roles: set[str], schema: Schema) -> bool | None:
    """True: the label names this field's person; None: the label names nobody; False: someone else."""
    if not roles:
        return None
    subjects = set(schema.subject_roles)
    if fm.role == "subject":
        return bool(roles & subjects) and roles <= subjects | {"relative"}
    if fm.role is None:
        return roles <= subjects
    if fm.role == "relative":
        return bool(roles & (set(lexicon().relations) | {"relative"}))
    return fm.role in roles


@dataclass(frozen=True)
class Resolution:
    specs: tuple[FieldSpec, ...]
    score: float  # 0..1: how sure the reading of the label is
    relation: str | None = None
    doubt: str | None = None  # the label names no person while words it holds are unknown: maybe another's
    role_only: bool = False  # the label named a person and no attribute: read as the name unless the value says


def _role_unclear(m: Meaning, fm: FieldMeaning, schema: Schema, section: str | None) -> str | None:
    """A person's field read from a label that names nobody but holds words the vocabulary does not know (they
    may be a role word it lacks), in a type where another person has the same attribute: the value may belong
    to that other person, so it must not pass as confident."""
    if m.roles or not m.unknown or fm.role is None or (section is not None and fm.role == section):
        return None
    tail = fm.spec.key.rsplit(".", 1)[-1]
    others = [o for o in field_meanings(schema) if o.role not in (None, fm.role)
              and o.spec.key.rsplit(".", 1)[-1] == tail]
    if not others:
        return None
    return f"the label names no person for sure: {tail} may be another person's"


def resolve(text: str, schema: Schema, section: str | None = None, previous: FieldSpec | None = None,
            heading: str | None = None) -> Resolution | None:
    """The field(s) a label names in this record type, or None (no field, or two fields equally).

    ``section``: the person whose block the label sits in ("Người mẹ" above it); ``previous``: the field
    just before on the row or page, whose event a bare "Tại:" or "Ngày:" continues; ``heading``: the
    form's title, the document a bare "Số:" numbers ("GIẤY BÁO TỬ" … "Số:" is the notice's number)."""
    m = _party_by_sex(_sex_by_choices(meaning(text), text), text, schema)
    if m.empty:
        return None
    got = _resolve(m, schema, section)
    if got is None and previous is not None and not (m.attrs & EVENTS):
        inherited = _events_of(previous, schema)
        if inherited:
            m2 = Meaning(set(m.roles), m.attrs | inherited, m.objects, m.unknown, m.slips)
            got = _borrowed_event(_explaining(_resolve(m2, schema, section), m.attrs, schema), m)
    if got is None and section is not None and m.unknown and not m.roles and len(m.attrs) == 1 \
            and next(iter(m.attrs)) in _ONE_OF_KIND:
        got = _persons_one_of_kind(schema, section, m)
    if got is None and heading and not (m.attrs & EVENTS) and not _unknown_place(m, schema):
        documents = meaning(heading).attrs & EVENTS
        if documents:
            got = _borrowed_event(_explaining(_resolve(Meaning(set(m.roles), m.attrs | documents, m.objects, m.unknown,
                                                           m.slips), schema, section), m.attrs, schema), m)
    if got is None and "time" in m.attrs and m.attrs <= {"time", "date"} and not m.roles:
        got = _the_only_moment(schema, m)
    if got is None and m.attrs == {"date"} and not m.roles:
        got = _the_only_date(schema, m)
    if got is None and m.attrs and m.attrs <= OFFICE_ATTRIBUTES and not m.roles and not m.objects:
        office = the_only_office(field_meanings(schema))
        got = Resolution((office,), ONLY_OFFICE_SCORE - 0.08 * len(m.unknown)) if office is not None else None
    if got is None and m.attrs == {"number"} and len(m.roles) == 1:
        got = _persons_number(schema, m)
    if not m.unknown and (got is not None or len(m.attrs) > 1):
        # (a word the vocabulary lacks may be the start of the value or of the next label: only a label every word
        # of which is known is read by its head, its known words naming two fields; a label that names one thing
        # the type does not hold, "Cơ quan" on a card, is no head with a modifier, and its first syllable read
        # alone is another word: "Cơ" one tone from "cỡ", a size)
        got = _by_head(text, schema, got) or got
    return got


def _by_head(text: str, schema: Schema, whole: Resolution | None) -> Resolution | None:
    """A label of a card about a thing read by the head of its noun phrase (``label_head``)."""
    def read(words: str) -> Resolution | None:
        m = meaning(words)
        return None if m.empty else _resolve(m, schema, None)

    def needs_of(key: str) -> list[frozenset[str]]:
        return [fm.needs for fm in field_meanings(schema) if fm.spec.key == key]

    return head_reading(written_syllables(_NOTE.sub(" ", text)), schema, read, needs_of, whole)


def _persons_number(schema: Schema, m: Meaning) -> Resolution | None:
    """A label that asks a number of one person and names no document ("Số xxx yyy" and a person): a number
    a person carries is the one that identifies them, their ID number, at a low certainty, while the words that
    say which paper are unknown. None when the person has no such field."""
    ids = [fm.spec for fm in field_meanings(schema) if "id" in fm.needs and role_fits(fm, m.roles, schema)]
    if len(set(s.key for s in ids)) != 1:
        return None
    return Resolution((ids[0],), max(0.3, 0.6 - 0.08 * len(m.unknown)))


def _unknown_place(m: Meaning, schema: Schema) -> bool:
    """A label that asks only a place, through words the vocabulary lacks, in a type whose subject has places of
    several kinds ("Xxx tại" on a birth certificate: where the child was born, or where the family comes from):
    the unknown words say which place, so the form's title does not; the value and review decide."""
    if not m.unknown or m.attrs != {"place"}:
        return False
    kinds = {fm.spec.key for fm in field_meanings(schema) if fm.role == "subject" and "place" in fm.needs | fm.may
             | ({"place"} if fm.spec.kind == "place" else set())}
    return len(kinds) > 1


def _borrowed_event(got: Resolution | None, m: Meaning) -> Resolution | None:
    """A reading whose event came from outside the label (the field before it, the form's title): sure for a bare
    "Tại:" or "Ngày:"; doubtful when the label holds words the vocabulary lacks, which may name an event of their
    own ("Xxx yyy tại" in the cell after a date of death, or on a death certificate, may ask an origin)."""
    if got is None or not m.unknown or got.doubt is not None:
        return got
    return replace(got, doubt="the label's event was taken from the field before it or the title; some of its words "
                              "are unknown")


def _the_only_date(schema: Schema, m: Meaning) -> Resolution | None:
    """A label that asks only a date ("Xxx ngày:") in words that name no event, in a type that asks one date (a
    museum card's date of entry): that date, as a label naming the event would be, less surely for each word the
    vocabulary lacks. Where a type asks several dates, which one stays for the event's words to say."""
    dates = list(dict.fromkeys(fm.spec for fm in field_meanings(schema) if fm.spec.kind == "date"))
    if len(dates) != 1:
        return None
    return Resolution((dates[0],), 0.6 - 0.08 * len(m.unknown))


# what a label asks that a person's block holds one field of, the attribute being the field's kind: a date, a place
_ONE_OF_KIND = frozenset({"date", "place"})


def _persons_one_of_kind(schema: Schema, section: str, m: Meaning) -> Resolution | None:
    """A label in a person's block that asks only a date or a place in words naming no event the vocabulary
    knows ("Ngày tháng năm xxx yyy" under "Về phía nhà gái", "Nơi xxx" under the mother's heading): the unknown
    words may be the event, and the person's own field of that kind is the one the block asks for, not the
    form's (a parent of a birth has one place, the residence; a party of a marriage one date, of birth), at a
    low certainty. None when the person has no such field or several."""
    kind = next(iter(m.attrs))
    own = [f for f in schema.fields if f.section == section and f.kind == kind and not f.internal]
    if len(own) != 1:
        return None
    return Resolution((own[0],), max(0.3, 0.6 - 0.08 * len(m.unknown)))


def _the_only_moment(schema: Schema, m: Meaning) -> Resolution | None:
    """A label that asks only a moment ("Xxx lúc:") in words that name no event, in a type that asks one
    moment to the hour (a death record's time of death): that time and the date of the same event, read from
    the same words ("lúc 15 giờ 15 phút, ngày 01/10/2005"), as a label naming the event would be."""
    times = list(dict.fromkeys(fm.spec for fm in field_meanings(schema) if fm.spec.kind == "time"))
    if len(times) != 1:
        return None
    return Resolution((times[0], *moment_companions(times[0], schema)), 0.6 - 0.08 * len(m.unknown))


def _explaining(got: Resolution | None, attrs: set[str], schema: Schema) -> Resolution | None:
    """A field read with the event of the field before or the document of the title must still explain every
    attribute the label itself asks: the title adds what is numbered or dated, never a field that leaves the
    label's own words unread ("Xxx lúc:" under GIẤY CHỨNG TỬ asks a moment, not the notice's number)."""
    if got is None:
        return None
    for spec in got.specs:
        if not any(fm.spec.key == spec.key and attrs <= fm.needs | fm.may for fm in field_meanings(schema)):
            return None
    return got


# the parties of a type whose two persons are a man and a woman, by the word for their sex (as written: "nam"
# is no "năm", a year)
PARTY_BY_SEX = {"nam": "husband", "nữ": "wife"}
_SEX_OF_PARTY = {"husband": "male", "wife": "female"}


def _sex_by_choices(m: Meaning, text: str) -> Meaning:
    """A label whose words offer both sexes, written as a form writes them ("Nam hay nữ của trẻ", a word or two
    between them, no other attribute asked), asks the sex, whatever its choices' words fold to ("nam" folds as
    "năm", a year's word): it names the closed field's choices (``choice_notes.names_choices``), as a note in
    brackets does."""
    if "sex" in m.attrs:
        return m
    if names_choices(text, _sexes_written):
        rest = " ".join(w for w in written_syllables(text) if w not in PARTY_BY_SEX)
    elif after_offered_choices(text, _sexes_unmarked) is not None:
        # typed without marks, "nam" is also "năm" (a year): both sexes joined by "or" words alone ("Nam hay la
        # nu") are still the choices offered, never a year and something else
        rest = " ".join(w for w in written_syllables(text) if not _sexes_unmarked(w) and w not in JOINERS)
    else:
        return m
    if meaning(rest).attrs:
        return m  # "Ngày sinh … nam hay nữ": a label that asks something else, the sex's label after it
    said = {fold(w) for w in PARTY_BY_SEX}
    return Meaning(set(m.roles), {"sex"}, set(m.objects), [u for u in m.unknown if u not in said], m.slips)


def _sexes_unmarked(word: str) -> set[str]:
    """The sex a word written without marks may name ("nam", "nu"), as a choice a form offers."""
    w = word.strip(",.;:/()").lower()
    return {PARTY_BY_SEX[k]} if (k := next((k for k in PARTY_BY_SEX if fold(k) == w), None)) else set()


def _sexes_written(text: str) -> set[str]:
    """The sexes the text names by their words as written (``PARTY_BY_SEX``: "nam", "nữ", with their marks)."""
    return {PARTY_BY_SEX[w] for w in written_syllables(text) if w in PARTY_BY_SEX}


def _party_by_sex(m: Meaning, text: str, schema: Schema) -> Meaning:
    """A label that names nobody by a role word but names a person by sex (``Meaning.sexes``: "Xxx yyy chị",
    "Xxx cá nhân nam"), or asks something and says "nam" or "nữ" (one of them) where a person word would stand
    ("Dân tộc xxx nam"), is about the record type's one person of that sex (``persons_by_sex.person_of_sex``:
    the husband or the wife of a marriage; nobody where two persons may be of it). A label asking the sex itself
    ("Giới tính (nam hay nữ)") names both or asks the sex, and is left as it is; so is one that asks nothing and holds
    words the vocabulary lacks ("Xxx yyy của chị"): those words may be what is asked, not the name."""
    if m.roles or "sex" in m.attrs or not m.attrs and m.unknown:
        return m
    said = [w for w in written_syllables(text) if w in PARTY_BY_SEX]
    sexes = set(m.sexes) or ({_SEX_OF_PARTY[PARTY_BY_SEX[said[0]]]} if m.attrs and len(said) == 1 else set())
    person = person_of_sex(sexes, schema)
    if person is None:
        return m
    unknown = [u for u in m.unknown if u not in {fold(w) for w in said}]
    return Meaning({person}, set(m.attrs), set(m.objects), unknown, m.slips)


def _events_of(spec: FieldSpec, schema: Schema) -> set[str]:
    for fm in field_meanings(schema):
        if fm.spec.key == spec.key:
            return set((fm.needs | fm.may) & EVENTS)
    return set()


def _resolve(m: Meaning, schema: Schema, section: str | None) -> Resolution | None:
    attrs = set(m.attrs) or {ROLE_ONLY_MEANS}
    scored: list[tuple[float, FieldMeaning]] = []
    for fm in field_meanings(schema):
        if not fm.needs <= attrs:
            continue
        fits = role_fits(fm, m.roles, schema)
        if fits is False or fits and fm.role is None and not (fm.needs | fm.may) & m.attrs & EVENTS:
            # "Số xxx" and a person: a number asked of a person, with no word of the document it would number,
            # is that person's, not the register's (``_persons_number``)
            continue
        extra = attrs - fm.needs - fm.may
        # a word the field does not explain costs; an event word less (it may qualify the rest: "Họ tên khai
        # sinh" is the name given at birth, not a date of birth)
        score = len(fm.needs) + 0.5 * len(fm.may & attrs) - 0.75 * len(extra - EVENTS) - 0.25 * len(extra & EVENTS)
        if fits:
            score += 1.0
        elif section is not None:
            score += 0.5 if fm.role == section else (-0.5 if fm.role == "subject" else 0)
        else:
            score += 0.25 if fm.role in ("subject", None) else 0
        scored.append((score, fm))
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    seen_keys: set[str] = set()
    scored = [(sc, fm) for sc, fm in scored if not (fm.spec.key in seen_keys or seen_keys.add(fm.spec.key))]
    best = scored[0][0]
    top = [fm for s, fm in scored if s >= best - 1e-9]
    relation = None
    if len(top) > 1:
        kinds = {fm.spec.kind for fm in top}
        if kinds == {"time", "date"} and len(top) == 2:
            pass  # "Chết lúc: 14 giờ 30 phút, ngày …": both read from the same words
        else:
            return None
    if top[0].role == "relative":
        named = sorted(m.roles & set(lexicon().relations))
        relation = lexicon().relations[named[0]] if len(named) == 1 else None
    margin = best - scored[len(top)][0] if len(scored) > len(top) else 1.0
    certainty = 0.9 - 0.1 * m.slips - 0.08 * len(m.unknown) - (0.1 if margin < 0.5 else 0)
    return Resolution(tuple(fm.spec for fm in top), max(0.5, min(0.9, certainty)), relation,
                      _role_unclear(m, top[0], schema, section), not m.attrs)


def joint_field(spec: FieldSpec, label: str, schema: Schema, joined_by_place_word: bool) -> FieldSpec | None:
    """The other field of a value that holds a date and then a place, read under a label for ``spec`` (a date
    or a place field): the one field of the other kind, of the same person, that the label names as well
    ("Ngày và nơi sinh", "Năm sinh, quê quán": a label naming two attributes), else, when "tại"/"ở" joins the
    two, the same event's field ("Ngày chết: 12/3/1990 tại …" holds the place of death). None when no single
    field answers."""
    want = "place" if spec.kind == "date" else "date" if spec.kind == "place" else None
    own = next((fm for fm in field_meanings(schema) if fm.spec.key == spec.key), None)
    if want is None or own is None:
        return None
    others = [fm for fm in field_meanings(schema) if fm.spec.kind == want and fm.spec.key != spec.key
              and fm.role == own.role]
    attrs = meaning(label).attrs
    # named: all it needs is in the label, and the label asks through it what the field itself does not explain
    named = {fm.spec.key: fm.spec for fm in others
             if fm.needs <= attrs and (fm.needs | fm.may & attrs) - own.needs - own.may}
    if len(named) == 1:
        return next(iter(named.values()))
    events = own.needs & EVENTS
    same_event = {fm.spec.key: fm.spec for fm in others if events and fm.needs & EVENTS == events}
    return next(iter(same_event.values())) if joined_by_place_word and not named and len(same_event) == 1 else None


def role_conflict(text: str, spec: FieldSpec, schema: Schema) -> bool:
    """The label names a person other than the field's ("Họ, chữ đệm, tên người đã mất" is no declarant)."""
    m = meaning(text)
    if not m.roles:
        return False
    for fm in field_meanings(schema):
        if fm.spec.key == spec.key:
            return role_fits(fm, m.roles, schema) is False
    return False


def marker_section(text: str, schema: Schema) -> str | None:
    """A row that names only a person ("Về người mẹ") opens that person's block."""
    m = meaning(text)
    roles = m.roles or ({p} if (p := person_of_sex(m.sexes, schema)) else set())  # "Xxx chị", "Xxx cá nhân nam"
    if m.attrs or len(roles) != 1 or m.unknown and not _introduced_heading(text, m):
        return None
    role = next(iter(roles))
    return role if role in schema.sections else None


def _introduced_heading(text: str, m: Meaning) -> bool:
    """A heading that opens with a word that introduces a part of a form ("Về", "Phần", "Mục") and names one
    person, with one word the vocabulary lacks before the person ("Về phía vợ", "Phần bên nhà trai"): the
    unknown word says on whose side, not what is asked. A label names what it asks, so a row of unknown words
    and a person ("Xxx yyy người vợ") stays a label."""
    words = syllables(text)
    if len(m.unknown) != 1 or len(words) > 5 or not words:
        return False
    first = lexicon().phrases.get((known_syllable(words[0]) or words[0],), frozenset())
    return "filler" in first and not any(t.startswith(("role:", "attr:")) for t in first) \
        and words.index(m.unknown[0]) < len(words) - 1


def moment_companions(time_spec: FieldSpec, schema: Schema) -> list[FieldSpec]:
    """The date fields of the same event as a time field (``time_of_death`` -> ``date_of_death``)."""
    events = _events_of(time_spec, schema)
    return [fm.spec for fm in field_meanings(schema)
            if fm.spec.kind == "date" and events and (fm.needs & EVENTS) == events]


# --- value evidence ------------------------------------------------------------------------------

def persons_share(spec: FieldSpec, schema: Schema) -> bool:
    """Another person of the type has a field of the same attribute (the mother's name beside the child's)."""
    tail = spec.key.rsplit(".", 1)[-1]
    roles = {fm.role for fm in field_meanings(schema) if fm.role is not None and fm.spec.key.rsplit(".", 1)[-1] == tail}
    return len(roles) >= 2


def same_person(a: FieldSpec, b: FieldSpec, schema: Schema) -> bool:
    """The two fields are one person's: the husband's two, or the subject's two ("hometown" and "full_name",
    whose keys carry no person's prefix). A field of no person (a certificate's number) shares with none."""
    roles = {fm.spec.key: fm.role for fm in field_meanings(schema)}
    return roles.get(a.key) is not None and roles.get(a.key) == roles.get(b.key)


def field_by_value(label: str, value: str, schema: Schema, section: str | None = None) -> FieldSpec | None:
    """The field a "label: value" pair whose label named no field belongs to, from what the value is: the
    one field of that kind for the person the label names, or else of the current section, or else the
    subject's (a bare "Nữ" is the sex; under "Người mẹ", "…: Tày" is the mother's ethnicity). A value only one
    field of the type can hold (a military unit, a closed value, a century: ``value_look``) is that field's."""
    from .value_look import field_by_look

    if (spec := field_by_look(value, schema)) is not None:
        return spec
    kind = value_kind(value)
    if kind is None:
        return None
    key_ends = {"id": ("personal_id",), "nationality": ("nationality",), "sex": ("sex",), "ethnicity": ("ethnicity",),
                "year": ("birth_year", "date_of_birth"),
                "place": ("residence", "hometown", "place_of_birth", "place_of_death", "burial_place"),
                "dimensions": ("dimensions",), "weight": ("weight",)}[kind]
    cands = [fm for fm in field_meanings(schema) if fm.spec.key.rsplit(".", 1)[-1] in key_ends]
    seen_keys: set[str] = set()
    cands = [fm for fm in cands if not (fm.spec.key in seen_keys or seen_keys.add(fm.spec.key))]
    roles = meaning(label).roles
    if roles:
        cands = [fm for fm in cands if role_fits(fm, roles, schema)]
    elif section is not None and any(fm.role == section for fm in cands):
        cands = [fm for fm in cands if fm.role == section]
    elif any(fm.role == "subject" for fm in cands):
        cands = [fm for fm in cands if fm.role == "subject"]
    return cands[0].spec if len(cands) == 1 else None
