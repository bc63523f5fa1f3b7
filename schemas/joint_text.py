"""One value under two labels written as one ("Cấp bậc, chức vụ: Hạ sĩ, B trưởng", "Chức vụ, đơn vị: B trưởng,
Đại đội 3, Tiểu đoàn 8", "Cấp bậc và chức vụ: …", "Họ tên / Bí danh: …"): a label naming two attributes joined by
a joining word asks both, and its value gives each, comma-separated or parted by the label's own mark. The first
label, with nothing after it but the joining word and the second, had no value, and the second took both.

Each part of the value goes to the field it has the look of: a rank from the ranks' closed list, a unit by its
level words or codes (``value_look``), and what is neither to the field that asks neither. Only when the looks
settle it: two fields asking neither share nothing unless there are exactly two parts, one each, in the label's
order. A value the looks do not part is one field's whole: the one whose look it has, else the first named.
"""

from __future__ import annotations

from .layout import Tok, text_of
from .labels import Resolution, resolve, same_person
from .loader import FieldSpec, Schema
from .value_look import is_military_unit, is_rank, is_rank_field, is_unit_field

# The words and marks that join two labels into one ("Cấp bậc và chức vụ", "Chất liệu & kỹ thuật", "Họ tên /
# Bí danh", "Cấp bậc - chức vụ", "Cấp bậc, chức vụ"). A closed set: the conjunction and the marks of the written
# language, not a vocabulary that grows with the forms.
JOINING_WORDS = frozenset({"và", "&", "/", "-", "–", ","})
# of them, the marks a value may repeat between its two parts ("Thiếu úy / C phó"); a comma parts any value
PARTING_MARKS = frozenset({"&", "/", "-", "–"})


def joining_word(between: list[Tok]) -> str | None:
    """The joining word when ``between`` (the words between two labels, the first label's last word included)
    is that word alone: a comma ending the first label ("Cấp bậc, | chức vụ") or one word standing alone
    ("Cấp bậc | và | chức vụ")."""
    if len(between) == 1 and between[0].text.endswith(","):
        return ","
    if len(between) == 2 and between[1].text.lower() in JOINING_WORDS:
        return between[1].text.lower()
    return None


def _look_of_field(spec: FieldSpec) -> str:
    return "rank" if is_rank_field(spec) else "unit" if is_unit_field(spec) else "other"


def _look_of_part(text: str) -> str:
    return "rank" if is_rank(text) else "unit" if is_military_unit(text) else "other"


def _parts(toks: list[Tok], mark: str = ",") -> list[list[Tok]]:
    """The value cut at ``mark`` (a comma ending a word, or a parting mark standing alone or ending a word), each
    part without the mark that ends it."""
    out: list[list[Tok]] = [[]]
    for t in toks:
        if mark != "," and t.text == mark:
            out.append([])
            continue
        out[-1].append(t)
        if t.text.endswith(mark) and t is not toks[-1]:
            out.append([])
    return [p for p in out if p]


def _owners(looks: tuple[str, str], parts: list[list[Tok]]) -> list[int] | None:
    """Whose each part is, by its look; None when the looks do not settle it."""
    if looks == ("other", "other"):
        return [0, 1] if len(parts) == 2 else None
    owners = []
    for part in parts:
        look = _look_of_part(text_of(part).rstrip(","))
        owner = looks.index(look) if look in looks else looks.index("other") if "other" in looks else None
        if owner is None:
            return None
        owners.append(owner)
    return owners if len(set(owners)) == 2 else None


def _text_pair(first: FieldSpec, second: FieldSpec) -> bool:
    """Two single fields of one kind whose values a comma may part: text, or names ("Họ tên / Bí danh")."""
    return first.kind == second.kind and first.kind in ("text", "name") and not first.is_list \
        and not second.is_list


def split_joint(first: FieldSpec, second: FieldSpec, toks: list[Tok], joined_by: str = ","
                ) -> tuple[list[Tok], list[Tok]] | None:
    """The words of ``toks`` for ``first`` and for ``second`` (two text fields a label joined by ``joined_by``
    names, in that order), or None when the parts' looks do not settle which is whose. The value is parted at
    its commas, else at the label's own parting mark."""
    if not _text_pair(first, second):
        return None
    looks = (_look_of_field(first), _look_of_field(second))
    if looks[0] == looks[1] and looks[0] != "other":
        return None
    marks = [","] + ([joined_by] if joined_by in PARTING_MARKS else [])
    for mark in marks:
        parts = _parts(toks, mark)
        owners = _owners(looks, parts) if len(parts) >= 2 else None
        if owners is not None:
            mine = [[t for p, o in zip(parts, owners) if o == k for t in p] for k in (0, 1)]
            return mine[0], mine[1]
    return None


def whole_owner(first: FieldSpec, second: FieldSpec, toks: list[Tok]) -> int | None:
    """Which of the two text fields a joined label names takes a value ``split_joint`` could not part: the one
    whose look the whole has and the other's not ("Chức vụ và cấp bậc: Thiếu úy" is a rank, "Cấp bậc và chức vụ:
    C phó" a post), else the first named. None for fields
    that are not both plain text (their kinds part the value elsewhere)."""
    if not _text_pair(first, second):
        return None
    looks = (_look_of_field(first), _look_of_field(second))
    look = _look_of_part(text_of(toks).rstrip(","))
    return looks.index(look) if looks.count(look) == 1 else 0


def _names_no_field(words: list[Tok], schema: Schema) -> bool:
    """Label words, letters only, that name no field of the record type ("kỹ thuật" on a museum card that keeps
    no technique)."""
    return 0 < len(words) <= 4 and all(any(c.isalpha() for c in t.text) and not any(c in "()[]." or c.isdigit()
                                                                                 for c in t.text) for t in words) \
        and resolve(text_of(words).rstrip(":"), schema) is None


def unnamed_second(label: list[Tok], next_word: list[Tok], value: list[Tok], spec: FieldSpec, schema: Schema
                   ) -> tuple[list[Tok], str, list[Tok]] | None:
    """A label read for ``spec`` that joins a second label naming no field of the record type ("Chất liệu và kỹ
    thuật: Đồng, đúc"; "Chất liệu & | kỹ thuật: …", the second label at the head of the value): the second
    label's words, the joining word and the value after them, or None. A label whose parts all name ``spec``
    ("Ngày, tháng, năm sinh", "Họ và tên") is one label."""
    for k in range(1, len(label)):  # the joining word inside the label read, outside its notes in brackets
        joined_by = joining_word(label[k - 1:k + 1])
        if joined_by is None or "(" in text_of(label[:k]):
            continue
        second = label[k + 1:] if joined_by != "," else label[k:]
        first = resolve(text_of(label[:k]).rstrip(","), schema)
        if second and first is not None and spec in first.specs and _names_no_field(second, schema):
            return second, joined_by, value
        return None
    joined_by = "," if label[-1].text.endswith(",") else joining_word(label[-1:] + next_word)
    if joined_by is None or not value:
        return None
    after = value[1:] if next_word and value[0] is next_word[0] else value  # the joining word, when kept
    end = next((k for k, t in enumerate(after[:4]) if t.colon), None)  # the second label ends at its colon
    if end is None or not _names_no_field(after[:end + 1], schema):
        return None
    return after[:end + 1], joined_by, after[end + 1:]


def parted_in_two(toks: list[Tok], joined_by: str) -> tuple[list[Tok], list[Tok]] | None:
    """A value in exactly two parts, at a comma or else at the label's own parting mark; None otherwise."""
    for mark in [","] + ([joined_by] if joined_by in PARTING_MARKS else []):
        parts = _parts(toks, mark)
        if len(parts) == 2:
            return parts[0], parts[1]
    return None


def second_label(label: list[Tok], spec: FieldSpec, schema: Schema, section: str | None = None
                 ) -> tuple[int, int, Resolution] | None:
    """A label read whole for ``spec`` whose words, either side of a joining word, name two different fields
    of one kind ("Họ và tên / Bí danh": the full name and the alias): where the first label ends, where the
    second begins, and the second's reading. None for a label whose parts all name ``spec`` ("Họ và tên",
    "Ngày, tháng, năm sinh"), and for fields of two kinds, whose values their kinds part elsewhere ("Ngày và nơi
    sinh")."""
    for k in range(1, len(label)):  # each joining word, outside the label's notes in brackets
        joined_by = joining_word(label[k - 1:k + 1])
        if joined_by is None or "(" in text_of(label[:k]):
            continue
        start = k if joined_by == "," else k + 1
        first = resolve(text_of(label[:k]).rstrip(","), schema, section)
        second = resolve(text_of(label[start:]).rstrip(":"), schema, section) if start < len(label) else None
        if first is None or second is None or spec not in first.specs or len(second.specs) != 1:
            continue
        other = second.specs[0]
        # two names under one label are one person's two ("Họ tên / Bí danh"); two persons' names ("… cha và
        # mẹ") are a list of persons, which the person's own rules read
        if other.key != spec.key and other not in first.specs and _text_pair(spec, other) \
                and (spec.kind != "name" or same_person(spec, other, schema)):
            return k, start, second
    return None
