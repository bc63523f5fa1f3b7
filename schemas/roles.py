"""Field roles: what each field of a record type is for the index, search and disclosure, as the type's file
declares it (``"role"``, ``"date_index"`` and ``"person"`` on a field; docs/extraction.md, "Field roles").

``TypeRoles`` answers for one type: which fields name its subject, whose birth date stands beside a name,
which fields feed each typed date. ``RoleTables`` answers for the loaded set: a type's roles, the roles of a
record whose type is not loaded, and the key and leaf sets that search (highlights) and disclosure (masking
by a value's field) match flattened keys against. Nothing here names a field: it is all read from the files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from .normalize import KINDS

if TYPE_CHECKING:
    from .loader import FieldSpec, Schema

# What a field is for the index, search and disclosure (docs/extraction.md, "Field roles"), and the kinds of
# field each role may have.
ROLES: dict[str, tuple[str, ...]] = {
    "subject_name": ("name", "text"),   # who (or what) the record is about: searched first, the record's name
    "subject_alias": ("name",),         # another name of the subject, born when the subject was
    "subject_birth": ("date",),         # the subject's birth date: the record's date_of_birth, masked to its year
    "person_name": ("name",),           # another person named on the record (a parent, a declarant, a donor)
    "person_birth": ("date",),          # that person's own birth date or year, masked to its year
    "place": ("place", "text"),         # a place a person or thing is from or was at: searched, province facet
    "office": ("place", "text"),        # the place of the office that registered it: searched, not a facet
    "id_number": ("id",),               # a personal ID number: searched by its digits, masked to its last three
    "number": ("number",),              # a register, certificate or inventory number: searched as written
    "boilerplate": tuple(KINDS),        # the same on most records (Việt Nam, Kinh): kept out of free text
}
BIRTH_ROLES = ("subject_birth", "person_birth")
NAME_ROLES = ("subject_name", "subject_alias", "person_name")
# The typed dates of a record document (indexers/templates/records.json) a date field may feed, the first
# present of a type's fields (in file order) winning; a subject's birth date feeds date_of_birth.
DATE_INDEXES = ("date_of_birth", "date_of_death", "registration_date", "event_date")
PLACE_ROLES = ("place", "office")
_INDEX = re.compile(r"\[\d+\]")


@lru_cache(maxsize=8192)
def spec_key(flat_key: str) -> str:
    """``relatives[0].full_name`` -> ``relatives[].full_name``: a flattened key as the type's file names it."""
    return _INDEX.sub("[]", flat_key)


@lru_cache(maxsize=8192)
def leaf(key: str) -> str:
    """``relatives[0].full_name`` -> ``full_name``."""
    return _INDEX.sub("", key).rsplit(".", 1)[-1]


def section_of(key: str) -> str:
    """The person (or thing) part of a key, with its dot: ``mother.full_name`` -> ``mother.``,
    ``relatives[0].full_name`` -> ``relatives[0].``, ``full_name`` -> ``""``."""
    head, dot, _ = key.rpartition(".")
    return head + dot


class TypeRoles:
    """The fields of one record type that have a role or feed a typed date, and what follows from them.

    A key the type does not declare (a field kept from the type a reviewer changed the record from) takes the
    role it has in ``fallback``, the other loaded types, so that a re-typed record keeps its people and places.
    """

    def __init__(self, specs: Iterable[FieldSpec], fallback: TypeRoles | None = None) -> None:
        specs = list(specs)
        self.fallback = fallback
        self.by_key: dict[str, FieldSpec] = {}
        for spec in specs:
            if spec.role is not None or spec.date_index is not None:
                self.by_key.setdefault(spec.key, spec)
        # who the record is about, in file order (a marriage: the wife, then the husband)
        self.subject_names = tuple(k for k, s in self.by_key.items() if s.role == "subject_name")
        # typed date -> the fields feeding it, the first present winning
        self.dates = {target: tuple(k for k, s in self.by_key.items() if s.date_index == target)
                      for target in DATE_INDEXES}
        self._births: dict[str, list[str]] = {}  # section -> its birth date fields
        for k, s in self.by_key.items():
            if s.role in BIRTH_ROLES:
                self._births.setdefault(section_of(k), []).append(k)
        self._roles: dict[str, str | None] = {}
        self._birth_keys: dict[str, list[str]] = {}
        # a museum object's dating (kind ``dating``) gives the decade when the record has no date
        self.datings = tuple(dict.fromkeys(s.key for s in specs if s.kind == "dating"))

    def spec(self, flat_key: str) -> FieldSpec | None:
        key = spec_key(flat_key)
        spec = self.by_key.get(key)
        if spec is None and self.fallback is not None:
            return self.fallback.by_key.get(key)
        return spec

    def role(self, flat_key: str) -> str | None:
        # asked for every value of every record indexed: remembered per key (a type's keys are few)
        try:
            return self._roles[flat_key]
        except KeyError:
            spec = self.spec(flat_key)
            role = self._roles[flat_key] = spec.role if spec is not None else None
            return role

    def birth_keys(self, name_key: str) -> list[str]:
        """Flattened keys of the birth date of the person named at ``name_key``: the birth fields of the same
        section (``relatives[1].full_name`` -> ``relatives[1].birth_year``)."""
        if name_key in self._birth_keys:
            return self._birth_keys[name_key]
        section, declared = section_of(name_key), section_of(spec_key(name_key))
        births = self._births.get(declared)
        if births is None and self.fallback is not None:
            births = self.fallback._births.get(declared)
        out = self._birth_keys[name_key] = [section + k[len(section_of(k)):] for k in births or ()]
        return out

    def person(self, flat_key: str) -> str:
        """Whose name a name field holds, as ``persons[].role`` says it: the field's declared ``person``, else
        its section (``mother``), else ``subject`` (the subject's name), ``alias``, or the field's own name
        (``donor``)."""
        spec = self.spec(flat_key)
        if spec is not None and spec.person:
            return spec.person
        section = section_of(spec_key(flat_key)).rstrip(".").removesuffix("[]")
        if section:
            return section
        role = spec.role if spec is not None else None
        return {"subject_name": "subject", "subject_alias": "alias"}.get(role or "", leaf(flat_key))


class RoleTables:
    """Roles across the loaded record types (``schemas.loader.RecordTypes.roles``)."""

    def __init__(self, types: Mapping[str, Schema]) -> None:
        specs = [f for schema in types.values() for f in schema.fields]
        # A record whose type is not loaded (one a deployment has since taken out of its folder) has no
        # declaration of its own: its keys take the roles they have in the loaded types, the first type that
        # declares a key winning, so that it stays searchable by its names, places and dates, not as bare text.
        self.untyped = TypeRoles(specs)
        self._types = {name: TypeRoles(schema.fields, self.untyped) for name, schema in types.items()}
        self.name_keys = frozenset(f.key for f in specs if f.role in NAME_ROLES)
        self.place_keys = frozenset(f.key for f in specs if f.role in PLACE_ROLES)
        # Disclosure sees a value with its field's last key part only (``fields.mother.birth_year.value``):
        # a part that is a birth date or an ID number in any type is masked wherever it appears, which errs
        # on the side of hiding. The record document's own date_of_birth is a birth date by definition.
        masked = {"date_of_birth": "date"}
        for f in specs:
            if f.role in BIRTH_ROLES and not f.year_only:
                masked[leaf(f.key)] = "date"
        for f in specs:
            if f.role == "id_number":
                masked[leaf(f.key)] = "id"
        self.masked_leaves: Mapping[str, str] = masked
        # Dates anyone who may open a record may read in full: those that feed a typed date other than the
        # date of birth (deaths, registrations, events), which the record document shows in full anyway.
        visible = {t for t in DATE_INDEXES if t != "date_of_birth"}
        visible |= {leaf(f.key) for f in specs if f.date_index not in (None, "date_of_birth")}
        self.visible_date_leaves = frozenset(visible - set(masked))
        # persons[] roles of what a record is about (the role filter's ``subject``)
        self.subject_persons = frozenset({"subject", "alias"} | {
            self._types[name].person(f.key) for name, schema in types.items() for f in schema.fields
            if f.role in ("subject_name", "subject_alias")})

    def of(self, record_type: str | None) -> TypeRoles:
        return self._types.get(record_type or "") or self.untyped
