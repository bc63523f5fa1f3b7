"""What a value's own content says about whether it was read whole and right, apart from OCR and its label.

OCR's word confidence says how cleanly the letters were printed, not whether the words are the field's:
a value cut at a column, or a name that lost its given name at the line's end, is read at the same
confidence as a whole one. Independent knowledge of what such values are can tell:

- a **place** names its units after their level words ("xã …", "huyện …", "tỉnh …"): each name is either a
  unit of that level somewhere in Vietnam's gazetteer (``schemas/gazetteer.py``) or it is not ("huyện Cày
  Nam": the first word lost; "xã Lương": the rest of the name on the next line). Units are checked level by
  level, not as a chain: records name communes merged or moved since, and an older province (``Hà Bắc``);
  and a unit whose letters the gazetteer knows under other marks ("Thắng" read "Thăng") is a misread
  mark, not a unit (``place_spelling.written_as_known``);
- a **person's name** is a known family name and one to three more syllables that names use
  (``schemas/data/name_syllables.txt``); a full name of one word has lost its given name;
- a **short closed list** (sex, ethnicity, an enum) read exactly, and a number of exactly its field's shape
  (``confidence.shape_vouches``), are their own evidence.

``evidence`` says ``agrees`` (the lists vouch for the whole value), ``disagrees`` (the value is one the lists
say cannot be whole: a unit no gazetteer level has, a one-word name), ``unvouched`` (a kind the lists could
vouch for, whose value they do not: an address that does not end with its province or district or has words
before its units, a name with a syllable names do not use, a number not of its field's shape) or ``""`` (a
kind no list speaks for: a date, a text, a place no unit names such as a front or a cemetery). The
calibration groups fields by it (``confidence.group_of``), and a disagreeing value is lowered with a note
(``fields.Found.finish``). Pure functions; the lists are data, nothing here names a form or a wording.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sohoa.text import fold, nfc

from .closed_tail import runs_past
from .confidence import CLOSED_KINDS, shape_vouches
from .countries import written_as_country
from .place_spelling import written_as_known
from .place_words import lone_unknown_word
from .gazetteer import OFFICE_HEADS, UNIT_LEVELS, ends_bare_level, is_place

AGREES = "agrees"
DISAGREES = "disagrees"
UNVOUCHED = "unvouched"  # a kind the lists could vouch for, whose value they do not
# the least score of a field whose label was read word for word and whose whole value the lists vouch for:
# Tesseract's word confidence on names and places in clean print is 0.93-0.96, and its doubt about a word the
# lists know is about the ink, not about what was read (chosen on the seen and dev splits: 0.96 let more wrong
# dev values through for no fewer right records held)
VOUCHED_SCORE = 0.93
# … when OCR gave its words at least even odds: a word read at less is as likely another word, and the lists
# cannot tell a guess that happens to be a name from the name printed
VOUCHED_MIN_OCR = 0.5
DISAGREE_FACTOR = 0.6  # a value the lists say is not whole: as doubtful as a word that cannot be Vietnamese
# the note a disagreeing value gets, by kind (never the value: notes are shown beside it, not instead of it)
# … for a country or an ethnic group whose value goes on past the name
RUNS_PAST_NOTE = "words after the country's or ethnic group's name: another pair may have run into the value"
DISAGREE_NOTE = {"place": "a unit it names is none of its level in the gazetteer: words may be lost or misread",
                 "name": "a full name of one word: the given name may be lost"}
# … for a place no unit names, or a country, that is no proper name at all
NOT_A_NAME_NOTE = "no word written as a place's or country's name, or the look of another field (a date, a unit)"
# … for an address ending with a province's or district's level word and no name after it
BARE_LEVEL_NOTE = "it ends with a level word and no name after it: words were lost"
# … for an office's value that names neither an office nor a place
NO_OFFICE_NOTE = "it names no office and no place: another field's value may have been read under its label"
# … for a place whose units' letters the gazetteer knows under other marks
MARKS_NOTE = "a unit it names is written with marks no unit of the gazetteer has: a mark may be misread"
# … for a value holding the mark OCR writes for a glyph it could not read
UNREAD_NOTE = "a character OCR could not read ('?') stands in the value"
# marks no printed name, place, number or date holds, which Tesseract writes for a glyph it could not read
_UNREAD_MARKS = "?\ufffd"

# level words as written and the gazetteer levels whose names may follow them, longest first ("thị xã" before "xã")
_LEVELS = tuple(sorted(UNIT_LEVELS.items(), key=lambda item: -len(item[0])))
# where a part names its unit: at its start, or after the words of a people's committee ("UBND xã …"); an
# address writes its level words in lower case ("tính" is no "tỉnh": compared as written, marks and all)
_UNIT = re.compile(r"^(?:(?:Ủy ban nhân dân|UBND)\s+)?(" + "|".join(w for w, _ in _LEVELS) + r")\s+(\w[\w ]*)$")
# words that name a part below the commune ("thôn Đông 3", "xóm 10", "số 12"): a part of an address
_BELOW = ("thôn", "xóm", "ấp", "bản", "đội", "tổ", "khu", "số", "làng", "buôn", "khóm", "phố", "đường", "tiểu khu")
_ARMY_WORDS = ("khu", "đoàn", "đội", "y", "sư")  # "quận" is a district, but "Quân khu 4" the army
_NUMBERED = re.compile(r"\d+")  # "phường 3", "quận 10": numbered wards and districts are named by number


@lru_cache(maxsize=1)
def _names() -> dict[str, frozenset[str]]:
    from .gazetteer import _names_of_level, unit_names

    # the gazetteer tells two units of one name apart in brackets ("Kỳ Anh (huyện)", "Kỳ Anh (thị xã)")
    def plain(names: frozenset[str]) -> frozenset[str]:
        return frozenset(re.sub(r"\s*\(.*?\)", "", n).strip() for n in names)

    return {k: plain(v) for k, v in {**_names_of_level(), "commune": unit_names()["commune"]}.items()}


def place_units(text: str) -> list[tuple[str, str] | None]:
    """Per comma part: (level word, folded name) when it names a unit after its level word, ``("", "")``
    for a part below the commune ("thôn Đông 3"), None for anything else (words before the address, a
    part whose level word was lost or misread, a stray mark)."""
    out: list[tuple[str, str] | None] = []
    for k, part in enumerate(text.split(",")):
        part = nfc(part).strip()
        if k == 0 and part[:1].isupper() and not part.startswith(("UBND", "Ủy")):
            part = part[:1].lower() + part[1:]  # a value may start with a capital ("Thôn …", "Xã …")
        m = _UNIT.match(part)
        if m and not (m.group(1) == "quận" and m.group(2).split()[0].lower() in _ARMY_WORDS):
            out.append((m.group(1), fold(m.group(2)).strip()))
        elif part.split(" ", 1)[0] in _BELOW and re.fullmatch(r"[\w ]+", part):
            out.append(("", ""))
        else:
            out.append(None)
    return out


def _named_units(text: str) -> list[str]:
    """The names a place gives its units after their level words, as written ("xã Tân Phú, huyện …": "Tân Phú",
    …), numbers of numbered units included."""
    out: list[str] = []
    for k, part in enumerate(text.split(",")):
        part = nfc(part).strip()
        if k == 0 and part[:1].isupper() and not part.startswith(("UBND", "Ủy")):
            part = part[:1].lower() + part[1:]
        m = _UNIT.match(part)
        if m:
            out.append(m.group(2).strip())
    return out


def place_unit_names(text: str) -> list[str]:
    """The names a place gives its units after their level words, as written, a numbered unit's number aside."""
    return [name for name in _named_units(text) if not _NUMBERED.fullmatch(name)]


def units_written_as_known(text: str) -> set[str]:
    """The words (lower case) of the units a place names after their level words whose name, marks and all, is
    a unit of the gazetteer ("huyện Chợ Lách": "chợ", "lách"). A syllable names rarely use is no misread there:
    the gazetteer knows the unit by that very spelling."""
    from .gazetteer import written_unit_names

    known = written_unit_names()
    return {word for name in _named_units(text) if name.lower() in known for word in name.lower().split()}


def place_evidence(text: str) -> str:
    """``agrees`` when at least two units are named and each is a unit of its level in the gazetteer;
    ``disagrees`` when a province or district is named that none of its level is called, or a commune by one
    word no commune has (a name cut at the line's end: communes are named by two syllables or more, nearly
    all); else ``""``. A commune of several words the gazetteer does not know says nothing: communes have been
    merged and renamed since many records were written. Without the gazetteer installed, nothing."""
    names = _names()
    if not names["commune"]:
        return ""
    known = unknown = 0
    whole = True
    units = place_units(text)
    if not any(u and u[0] for u in units):
        return ""  # a place no unit names (a front, a cemetery, a hospital's name): no list speaks for it
    for unit in units:
        if unit is None:
            whole = False
            continue
        level, name = unit
        if not level:
            continue
        levels = dict(_LEVELS)[level]
        if _NUMBERED.fullmatch(name) or any(name in names[lv] for lv in levels):
            known += 1
        elif levels != ("commune",) or " " not in name:
            return DISAGREES
        else:
            unknown += 1
    # an address is whole down from its province or, when the province goes without saying (an office's
    # district), its district: it ends with one of them
    last = units[-1] if units else None
    ends = last is not None and any(last[1] in names[lv] for lv in dict(_LEVELS)[last[0]] if lv != "commune") \
        if last and last[0] else False
    if known and not unknown and not written_as_known(place_unit_names(text)):
        return DISAGREES  # each unit's letters are a unit's, but under marks none has: a mark was misread
    return AGREES if whole and ends and known >= 2 and not unknown else UNVOUCHED


def not_a_name(text: str) -> bool:
    """A place that names no unit ("Khe Sanh", "Mặt trận Đường 9", "Bệnh viện huyện"), or a country, is a
    proper name: one of its words starts with a capital, or it carries a number ("Cao điểm 475"). Words with
    neither ("quân", "phía") are a sentence's or a label's, and a value that reads whole as a date or as a
    military unit ("Đại đội 6, Tiểu đoàn 15") is another field's value, read under the wrong label."""
    from .normalize import UNIT_FOLDS, normalise

    words = [w.strip(".,;:()\"'“”") for w in text.split()]
    words = [w for w in words if w]
    if not any(w[:1].isupper() or any(c.isdigit() for c in w) for w in words):
        return True
    date = normalise("date", text)
    if date.ok and date.value is not None and date.quality >= 1:
        return True
    return fold(" ".join(words[:2])) in UNIT_FOLDS


def name_evidence(text: str) -> str:
    """``agrees`` for a known family name and one to three syllables names use, ``disagrees`` for a full name
    of one word (the given name lost), else ``""``. A name typed without marks says nothing."""
    from .vocab import NAME_SYLLABLES, SURNAMES

    words = [w.strip(".,;:") for w in text.split()]
    words = [w for w in words if w]
    if len(words) == 1:
        return DISAGREES
    if fold(text) == text.lower():
        return ""
    first, *rest = words
    if len(words) <= 4 and first in SURNAMES and all(w.lower() in NAME_SYLLABLES for w in rest):
        return AGREES
    return UNVOUCHED


def evidence(kind: str, key: str, value: object, raw: str, quality: float) -> str:
    """What the lists say about a field's value (module docstring); ``key`` the field's key, ``quality`` the
    parse quality of its raw text."""
    tail = key.rsplit(".", 1)[-1]
    if value is None:
        return ""
    if kind in ("place", "name", "number", "date") and any(c in _UNREAD_MARKS for c in raw):
        return DISAGREES
    if isinstance(value, str) and runs_past(kind, key, raw):
        return DISAGREES  # a country's or ethnic group's name, then words that are no part of it
    if quality < 1:
        return UNVOUCHED if kind in ("place", "name", "number") or kind in CLOSED_KINDS else ""
    if kind == "place" and isinstance(value, str):
        if ends_bare_level(value) or tail == "office" and not names_office(value):
            return DISAGREES
        # a place of one word the gazetteer does not know is doubtful (``place_words.lone_unknown_word``)
        return place_evidence(value) or (DISAGREES if not_a_name(value) or lone_unknown_word(value) else "")
    if kind == "name" and isinstance(value, str) and tail != "alias":
        return name_evidence(value)
    if kind in CLOSED_KINDS:
        return AGREES
    if kind == "number":
        return AGREES if shape_vouches(kind, raw, quality) else UNVOUCHED
    if tail == "nationality" and isinstance(value, str):  # a country's name as CLDR writes it
        return AGREES if written_as_country(value) else DISAGREES if not_a_name(value) else UNVOUCHED
    return ""


def names_office(value: str) -> bool:
    """An office's value names the office ("Ủy ban nhân dân xã …", "UBND phường …") or at least its place: a
    person's name, a country, an ethnic group or a number under an office's label is another field's value."""
    return fold(value).startswith(OFFICE_HEADS) or is_place(value)


def misplaced_office(role: str | None, value: object) -> bool:
    """A value read for a field of the office role that names no office and no place: it is never the office
    (another field's value, or words of a label that ran on), so it is not placed there (``schemas/reader.py``)."""
    return role == "office" and isinstance(value, str) and not names_office(value)


def disagree_note(kind: str, value: object, raw: str, key: str = "") -> str:
    """Why a value ``evidence`` says ``disagrees`` cannot be whole (never the value itself)."""
    if any(c in _UNREAD_MARKS for c in raw):
        return UNREAD_NOTE
    if runs_past(kind, key, raw):
        return RUNS_PAST_NOTE
    if kind == "place" and isinstance(value, str) and ends_bare_level(value):
        return BARE_LEVEL_NOTE
    if kind == "place" and isinstance(value, str) and key.rsplit(".", 1)[-1] == "office" and not names_office(value):
        return NO_OFFICE_NOTE
    if kind != "name" and isinstance(value, str) and not_a_name(value):
        return NOT_A_NAME_NOTE
    if kind == "place" and isinstance(value, str) and not written_as_known(place_unit_names(value)):
        return MARKS_NOTE
    return DISAGREE_NOTE[kind]
