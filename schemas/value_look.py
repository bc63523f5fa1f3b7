"""The one field a value's look alone names, whatever its label says.

Some values can only be one field's of a record type, by what they are rather than by where they stand:

- a **military unit** ("Đại đội 8, Tiểu đoàn 24"): a unit's level word first, not a post named after it
  ("Đại đội phó"), is the type's unit field's (the field whose key names a unit: ``unit``,
  ``unit_when_injured``), never a place's: a front or a cemetery names no company;
- a **closed value** written whole ("Bệnh binh"): exactly one phrase of one enum field's closed list;
- a **century** ("Nửa đầu thế kỷ XVII", "TK 18"): the type's dating field's;
- a **shelf mark** ("Kho 3, giá 8, ngăn 6": a store, its shelf, its drawer, each word before its number): the
  type's storage field's (the field whose key names storage), never a place's or a description's;
- a **cemetery** ("Nghĩa trang liệt sĩ Trường Sơn"): the type's burial field's; nobody is born, lives or dies in one;
- a **military rank** written whole ("Thượng úy", ``vocab.RANKS``): the type's rank field's (the field whose key
  names a rank); no place, unit or post is written so;
- a **military post** named after its unit's level ("Đại đội phó", "Tiểu đoàn trưởng"): the type's position field's
  (the field whose key names a position); a unit is numbered, a rank is one of a closed list;
- a **set phrase of a list only one field of the type is written in** ("Hiến tặng": the ways an object comes
  into a collection, ``schemas/data/museum_acquisition_phrases.txt``), written whole: that field's.

A label read from its words' meaning (``labels.resolve``) can name the wrong field of a wording the vocabulary
only partly knows ("Biên chế tại" read as a place for its "tại"); a value of one of these looks is stronger
evidence than such a reading. The other way round, a value with the look of another kind of field is never
taken by a field whose kind it is not (``of_another_kind``): a date or a military unit under a place's label,
a heading's words under a unit's, an address or a date under a rank's, a month and a year with no day under a
document's date. Pure functions over a schema; nothing here names a form or a wording.
"""

from __future__ import annotations

import re

from sohoa.dates import date_words_only
from sohoa.text import fold, nfc

from .catalogue_code import code_fields, is_catalogue_code
from .citation import cited_numbers, is_citation
from .loader import FieldSpec, Schema
from .countries import country_form
from .gazetteer import OFFICE_HEADS, is_place
from .normalize import UNIT_FOLDS, normalise
from .unit_codes import opens_unit_codes
from .vocab import RANKS

# after a unit's level word, these make it a post in the unit, not the unit ("Đại đội phó", "Tiểu đoàn trưởng")
POST_WORDS = ("pho", "truong")
# a century's word, folded: "thế kỷ", "thế kỉ", "TK"
_CENTURY = re.compile(r"(?:\bthe\s*k[yi]|\btk)\b")
# the words of a place where an object is kept, folded, each before its number or letter: a store or a room, a
# cabinet, a shelf or a rack, a tier, a drawer, a box ("Kho 3, giá 8, ngăn 6", "Phòng B, tủ 2, tầng 1")
STORE_WORDS = frozenset({"kho", "phong", "tu", "gia", "ke", "tang", "ngan", "hop"})
_STORE_PART = re.compile(r"([a-z]+)(?: so)? ([0-9]+[a-z]?|[a-z])")
# a cemetery's words, folded ("Nghĩa trang liệt sĩ …", "Nghĩa địa xã …")
CEMETERY_WORDS = ("nghia trang", "nghia dia")


def _rank_words(value: str) -> str:
    """The value's letters, folded, word by word ("Thượng úy." -> "thuong uy"): how ranks are compared."""
    return " ".join(re.findall(r"[a-z]+", fold(value)))


# the military ranks, folded to their letters ("thuong uy"): a rank is one of a short closed list
_RANK_FOLDS = frozenset(_rank_words(r) for r in RANKS)


def is_military_unit(value: str) -> bool:
    """A military unit: a unit's level word first ("Đại đội 8, …"), not a post named after it ("Đại đội phó"), or
    a chain of the levels' letter codes ("C3 D8 E52", ``unit_codes``)."""
    if opens_unit_codes(value.split()):
        return True
    folded = fold(value).strip()
    level = next((u for u in UNIT_FOLDS if folded.startswith(u)), None)
    if level is None:
        return False
    after = folded[len(level):].split()
    return not after or after[0] not in POST_WORDS


def is_military_post(value: str) -> bool:
    """A post named after its unit's level, written whole: the level word, then "phó" or "trưởng" ("Đại đội phó",
    "Tiểu đoàn trưởng"), nothing after but a word or two of the post ("phó chính trị"), no number."""
    folded = " ".join(re.findall(r"[a-z0-9]+", fold(value)))
    level = next((u for u in UNIT_FOLDS if folded.startswith(u + " ")), None)
    if level is None or any(c.isdigit() for c in folded):
        return False
    after = folded[len(level):].split()
    return bool(after) and after[0] in POST_WORDS and len(after) <= 3


# the syllables of a unit's level words, folded ("dai", "doi", "tieu", "doan" …): a unit's chain goes on with them
_UNIT_SYLLABLES = frozenset(w for u in UNIT_FOLDS for w in u.split())


def unit_goes_on(below: list[str]) -> bool:
    """Words on the line below a military unit carry on its chain: a level word or a syllable of one (", Trung" /
    "đoàn 82"), or a number. A unit wraps only inside its chain; other words there (a label's wrapped rest at the
    margin, "thương" of "khi bị thương") are no part of it."""
    words = [fold(w).strip(".,;:()") for w in below]
    return any(w in _UNIT_SYLLABLES or any(c.isdigit() for c in w) for w in words)


# a date written in digits, with its day or as a month and a year ("3/4/1958", "12-05-1970", "8/1964")
_DATE_WORD = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}/\d{4}")


def unit_end(words: list[str]) -> int | None:
    """Where a military unit's chain stops before a date run into it ("Đại đội 20, …, Trung đoàn 64 3/4/1958 tại
    …": the next pair's value, a date of death and its place, read on in a caption's row): the index of the date's
    word, or None. A unit is numbered by single numbers after its level words, never by a date. (Label words the
    reader cuts later may stand before the unit's first level word.)"""
    start = next((i for i in range(len(words)) if is_military_unit(" ".join(words[i:]))), None)
    if start is None:
        return None
    return next((i for i, w in enumerate(words) if i > start + 1 and _DATE_WORD.fullmatch(w.strip(".,;:()"))), None)


def unit_cut_in_level(value: str) -> bool:
    """A military unit whose last word is the first syllable of a level word ("…, Tiểu đoàn 26, Trung"): the line
    cut the level word itself, its rest and number on the line below ("đoàn 82")."""
    words = re.findall(r"[a-z0-9]+", fold(value))
    return is_military_unit(value) and bool(words) and any(u.split()[0] == words[-1] for u in UNIT_FOLDS
                                                           if len(u.split()) > 1)


def unit_open(value: str) -> bool:
    """A military unit that ends with a level word and no number or name after it ("Đại đội", "…, Trung đoàn"): the
    line cut it, its number is on the line below."""
    folded = " ".join(re.findall(r"[a-z0-9]+", fold(value)))
    return is_military_unit(value) and any(folded.endswith(u) for u in UNIT_FOLDS)


def of_another_kind(spec: FieldSpec, value: str) -> bool:
    """The value has the look of another kind of field than ``spec``'s, so a label that named ``spec`` ran into
    another pair's value (a label split in two, a value in the next cell): a name field's value that opens with an
    office's name; a date field's value that is a person's name; a place field's value that reads whole
    as a date or names a military unit, or has no word written as a name's and no number ("quân", the rest of a
    label); a unit field's value that names no unit and is a heading's words in capitals ("CHIẾN ĐẤU") or a
    label's rest up to its colon ("khi: bị thương"); a person's name field's value that reads whole as a date; a
    place field's value of one label word alone (``place_words.lone_label_word``); a number's value of label
    words alone, no digit.
    Such a value is listed for the record-wide decoding."""
    text = nfc(value).strip()
    words = [w.strip(".,;:()\"'“”[]|_-") for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return False
    if is_storage_field(spec) and is_catalogue_code(text, STORE_WORDS):
        return True  # "BTBN 4421/KL 99" under a label read as the store's: an object's number, no shelf
    if is_rank_field(spec):
        return not _holds_rank(text) and (is_place(text) or _reads_as_date(text))
    if spec.kind == "name" and fold(text).startswith(OFFICE_HEADS):
        return True  # "Ủy ban nhân dân xã …" under a label read as a name's: an office, no person's name
    if spec.kind == "name" and _reads_as_date(text):
        return True  # "12/03/1961" under a label read as a person's: a date, no name (a date's label read wrong)
    if spec.kind == "date" and _a_persons_name(words):
        return True  # "Họ tên khai | sinh của bên xxx: Lê Thị Lan": the name's label split, its rest asking a date
    if is_document_date(spec):
        return _month_and_year(text)
    if is_unit_field(spec):
        heading = all(w.isupper() for w in words if any(c.isalpha() for c in w)) and any(w.isalpha() for w in words)
        return not is_military_unit(text) and (heading or any(w.endswith(":") for w in text.split()))
    numbered = any(c.isdigit() for c in text)
    if spec.kind in ("number", "id") and not numbered:
        return _label_words_alone(words)  # "Quyển số": the next label's words, no number, nor one in words
    if spec.kind != "place":
        return False
    if is_military_unit(text) or not numbered and not any(w[:1].isupper() for w in words):
        return True
    from .place_words import lone_label_word
    return _reads_as_date(text) or lone_label_word(text)  # the next label's words ("Xxx" of "Xxx trú")


def _label_words_alone(words: list[str]) -> bool:
    """Each word is a label's (``labels.is_label_word``): a number spelled in words ("mười hai") or a Roman
    numeral is none, so neither is taken for one."""
    from .labels import is_label_word
    return all(is_label_word(w) for w in words)


def _a_persons_name(words: list[str]) -> bool:
    """The words are a person's name and nothing more: two to five words written as a name's, a family name
    first, no digit (``label_edges.name_like``)."""
    from .label_edges import name_like
    return name_like(words)


def is_country_name(text: str) -> bool:
    """The words are a country's name as written, whatever the case of their first letters ("Việt Nam", "việt
    Nam" with the capital OCR lost), and nothing more."""
    return country_form(" ".join(w.strip(".,;:()|") for w in nfc(text).split())) is not None


def _reads_as_date(text: str) -> bool:
    """The value is a date and nothing more ("12/1968", "ngày 3 tháng 4 năm 1970")."""
    date = normalise("date", text)
    return date.ok and date.value is not None and date.quality >= 1 and date_words_only(text)


def is_document_date(spec: FieldSpec) -> bool:
    """The field is the date of a document the record cites (a decision's, a death notice's, a registration's:
    the key's first part is one of the vocabulary's documents), not of a person's life."""
    from .labels import lexicon

    head, dot, _ = spec.key.partition(".")
    return spec.kind == "date" and bool(dot) and head in lexicon().groups


def _month_and_year(text: str) -> bool:
    """The value is a date written to its month and no day ("10/1950", "tháng 3 năm 1968"): a document is dated
    to its day, so such a date is a life's event's (an enlistment), never a document's."""
    date = normalise("date", text)
    return date.ok and isinstance(date.value, str) and re.fullmatch(r"\d{4}-\d{2}", date.value) is not None \
        and date_words_only(text)


def is_rank(value: str) -> bool:
    """A military rank written whole, marks and punctuation aside ("Thượng úy", "TRUNG TÁ.")."""
    return not any(c.isdigit() for c in value) and _rank_words(value) in _RANK_FOLDS


def _holds_rank(value: str) -> bool:
    """A rank's words stand somewhere in the value ("2/1957 Trung tá": a rank with another pair's date before it)."""
    words = f" {_rank_words(value)} "
    return any(f" {r} " in words for r in _RANK_FOLDS)


def is_rank_field(spec: FieldSpec) -> bool:
    """The field holds a military rank: its key's last part names one (``rank``)."""
    return spec.key.rsplit(".", 1)[-1] == "rank"


def is_storage_field(spec: FieldSpec) -> bool:
    """The field holds the place an object is kept: its key's last part names storage (``storage_location``)."""
    return "storage" in spec.key.rsplit(".", 1)[-1]


def is_unit_field(spec: FieldSpec) -> bool:
    """The field holds a military unit: its key's last part names a unit (``unit``, ``unit_when_injured``)."""
    return "unit" in spec.key.rsplit(".", 1)[-1]


def _closed_phrase(value: str) -> str:
    return " ".join(re.findall(r"\w+", fold(value)))


def _enum_fields_of(value: str, schema: Schema) -> list[FieldSpec]:
    """The enum fields one of whose closed phrases is the whole value (case, marks and punctuation aside)."""
    phrase = _closed_phrase(value)
    if not phrase:
        return []
    return [s for s in schema.fields if s.kind == "enum" and s.values
            and any(_closed_phrase(p) == phrase for phrases in s.values.values() for p in phrases)]


def is_century(value: str) -> bool:
    """A dating written as a century whose numeral reads ("Nửa đầu thế kỷ XVII", "thế kỷ 18")."""
    if not _CENTURY.search(fold(value)):
        return False
    n = normalise("dating", value)
    return n.ok and n.value is not None


def is_weight(value: str) -> bool:
    """A weight and its unit, with nothing else of its own ("1,2 kg", "khoảng 750 g"): no count, code or measure
    is written so, whatever the label over it says. A weight whose digit OCR read as a letter is still one: its
    value is doubtful, not its kind."""
    n = normalise("weight", value)
    return n.ok and not normalise("dimensions", value).ok and len(value.split()) <= 4


def is_shelf_mark(value: str) -> bool:
    """A place in a store written as its parts, two or more, each a storage word before its number or letter
    ("Kho 3, giá 8, ngăn 6"): no address, unit or description is written so."""
    parts = [" ".join(re.findall(r"[a-z0-9]+", p)) for p in fold(value).split(",")]
    if len(parts) < 2:
        return False
    for p in parts:
        m = _STORE_PART.fullmatch(p)
        if m is None or m.group(1) not in STORE_WORDS:
            return False
    return True


def is_cemetery(value: str) -> bool:
    """A cemetery named: the value opens with a word for one ("Nghĩa trang liệt sĩ Hàm Rồng")."""
    return fold(value).strip(" .,:;-").startswith(CEMETERY_WORDS)


def _keyed(schema: Schema, word: str) -> list[FieldSpec]:
    """The type's fields whose key's last part names ``word`` ("storage_location", "burial_place")."""
    return [s for s in schema.fields if word in s.key.rsplit(".", 1)[-1] and not s.is_list]


def _own_phrase_fields(value: str, schema: Schema) -> list[FieldSpec]:
    """The fields whose own list of set phrases (a ``*_phrases`` list no other field of the type is written in)
    holds the whole value (case and punctuation aside)."""
    from .vocab import vocabulary_phrases

    phrase = " ".join(re.findall(r"\w+", nfc(value).lower()))
    if not phrase:
        return []
    users: dict[str, list[FieldSpec]] = {}
    for s in schema.fields:
        for name in s.vocabulary:
            if name.endswith("_phrases"):
                users.setdefault(name, []).append(s)
    return [specs[0] for name, specs in users.items() if len(specs) == 1 and phrase in vocabulary_phrases((name,))]


def field_by_look(value: str, schema: Schema) -> FieldSpec | None:
    """The one field of the schema a value of one of the looks above belongs to, or None (no such look, or
    no field or more than one of the type holds it)."""
    if is_military_unit(value):
        cands = [s for s in schema.fields if is_unit_field(s) and s.kind == "text"]
    elif is_century(value):
        cands = [s for s in schema.fields if s.kind == "dating"]
    elif is_shelf_mark(value):
        cands = _keyed(schema, "storage")
    elif is_weight(value):
        cands = [s for s in schema.fields if s.kind == "weight"]
    elif is_catalogue_code(value, STORE_WORDS):
        cands = code_fields(schema)
    elif is_cemetery(value):
        cands = _keyed(schema, "burial")
    elif is_rank(value):
        cands = [s for s in schema.fields if is_rank_field(s) and not s.is_list]
    elif is_military_post(value):
        cands = _keyed(schema, "position")
    elif is_citation(value):
        cands = [schema.by_key[k] for k in cited_numbers([s.key for s in schema.fields])]
    else:
        cands = _enum_fields_of(value, schema) or _own_phrase_fields(value, schema)
    return cands[0] if len(cands) == 1 else None
