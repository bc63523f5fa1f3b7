"""A label that names only a person: the value's kind says which of that person's fields it is.

A label whose words name a person and ask nothing the vocabulary knows ("Xxx yyy của mẹ": the asking words
unknown) is read as that person's name for want of anything better. When the value plainly is something else,
the value decides, for every kind the person has exactly one field of:

- what ``value_kind.value_kind`` reads alone (an ethnic group, a country, a sex, an ID number, a year, a place the
  gazetteer knows): ``labels.field_by_value``, the person's one field of that kind;
- a **full date** (day, month and year, and nothing else: "12/04/1965", "ngày 12 tháng 4 năm 1965"): the
  person's one date field (a parent's year of birth, a spouse's date of birth).

A person with two fields of the kind (a child's place of birth and hometown, the deceased's dates of birth and of
death) gets none: the pair is listed on the record as unmapped, never guessed. A value that reads as a person's
name stays the name ("Hoàng Mai" names a district and a person alike: no level word or comma makes it a place).
Words the vocabulary lacks may have asked anything, so a field chosen this way under such a label is never
confident (``doubt``). Pure functions over a schema; nothing here names a form or a wording.
"""

from __future__ import annotations

import re

from sohoa.dates import date_words_only

from .labels import role_fits, field_by_value, field_meanings, meaning, value_kind
from .loader import FieldSpec, Schema
from .normalize import normalise

# a date normalised to its day: what a full date reads as
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_full_date(value: str) -> bool:
    """The value is a date to its day and nothing more ("3/4/1958", "ngày 3 tháng 4 năm 1958")."""
    date = normalise("date", value)
    return date.ok and isinstance(date.value, str) and _DAY.fullmatch(date.value) is not None \
        and date.quality >= 1 and date_words_only(value)


def reads_as_name(value: str) -> bool:
    """Words written as a person's name and nothing that makes them an address (a comma, a digit): a name, even
    when a district is called so."""
    from .label_edges import name_like

    words = [w.strip(".;:()") for w in value.split()]
    words = [w for w in words if w]
    return "," not in value and not any(c.isdigit() for c in value) and name_like(words)


def value_decides(value: str) -> bool:
    """The value says alone it is no person's name: a kind ``value_kind`` reads (a place only when it is not
    written as a name: the gazetteer's places share their words with people's names; the closed lists of groups
    and countries do not decide by the words' look), or a full date."""
    kind = value_kind(value)
    if kind == "place":
        return not reads_as_name(value)
    return kind is not None or is_full_date(value)


def _persons_date(label: str, schema: Schema, section: str | None) -> FieldSpec | None:
    """The one date field of the person the label names (else of the section's person, else of the subject),
    or None when that person has none or several."""
    cands = [fm for fm in field_meanings(schema) if fm.spec.kind == "date" and fm.role is not None
             and not fm.spec.is_list]
    roles = meaning(label).roles
    if roles:
        cands = [fm for fm in cands if role_fits(fm, roles, schema)]
    elif section is not None and any(fm.role == section for fm in cands):
        cands = [fm for fm in cands if fm.role == section]
    else:
        cands = [fm for fm in cands if fm.role == "subject"]
    keys = {fm.spec.key: fm.spec for fm in cands}
    return next(iter(keys.values())) if len(keys) == 1 else None


def persons_field(label: str, value: str, schema: Schema, section: str | None) -> FieldSpec | None:
    """The person's one field of the value's kind (``value_decides`` must hold), or None: no such field, or
    several (the pair is then listed, not guessed)."""
    if value_kind(value) is not None:
        return field_by_value(label, value, schema, section)
    return _persons_date(label, schema, section)


def doubt(label: str) -> str | None:
    """Why a field chosen by its value under this label is not confident: the label holds words the vocabulary
    lacks, which may have asked for another of the person's fields."""
    if not meaning(label).unknown:
        return None
    return "the label names a person and asks in words not understood: the value's kind chose the field"
