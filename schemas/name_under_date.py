"""A person's name read under a label that asks one of that person's dates: the name's field.

A label split in two ("Họ tên khai | sinh của bên vợ: Lê Thị Lan": the first part matched a name's wording and
took nothing, the rest asks the wife's birth) leaves a person's name as the value of a date, which parses as no
date, and the name was dropped without a trace. A date and a name of the same person sit side by side on every
form, so the value is read as that person's name (the name field of the date's own section, ``roles.NAME_ROLES``)
when the record has not read it yet, doubtfully: the label did not ask it. Otherwise the name is another pair's,
listed on the record as unmapped for review (``value_look.of_another_kind``), never dropped.
"""

from __future__ import annotations

from .fields import LABEL_DOUBT_FACTOR, Found
from .loader import FieldSpec, Schema
from .roles import NAME_ROLES
from .value_look import of_another_kind


def persons_name_field(schema: Schema, date: FieldSpec) -> FieldSpec | None:
    """The name field of the person a date field is of: the field in the date's own section (the subject's when
    it has none) whose role is a person's name, an alias aside; None when the type has none there."""
    section = date.key.rpartition(".")[0]
    return next((f for f in schema.fields if f.key.rpartition(".")[0] == section and f.role in NAME_ROLES
                 and f.role != "subject_alias" and not f.is_list), None)


def unread_name(found: Found) -> bool:
    """A date field read no date, and its value is a person's name (two to five words in a name's case, a family
    name first): another pair's value."""
    return found.value is None and found.spec.kind == "date" and of_another_kind(found.spec, found.raw)


def name_under_date(found: Found, schema: Schema, filled: dict[str, Found]) -> Found | None:
    """The person's name a date field's value is (``unread_name``), when that person is one the record names in
    a section of its own (a parent, a spouse, a declarant) and their name is not read yet (``filled``: the record's
    fields by key): read as that name, its confidence halved and the reason noted. Never the subject's: a record's
    subject is who the record is, and a name given by a guess must not say that (a dossier's later page would
    open a second record). None when the value is a date, is no name, or the name is read already."""
    if not unread_name(found):
        return None
    spec = persons_name_field(schema, found.spec)
    if spec is None or spec.section is None or (old := filled.get(spec.key)) is not None and old.value is not None:
        return None
    named = Found(spec, found.toks, found.label, found.label_score, found.page, relation=found.relation).finish()
    if named.value is None:
        return None
    named.doubt(f"a name read under the label of {found.spec.key}: the same person's name", LABEL_DOUBT_FACTOR)
    return named
