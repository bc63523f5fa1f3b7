"""Record types as data: load and validate the JSON files under ``schemas/types/``.

One file per record type. A file names the record's family, the headings that
identify it, the collections (key prefixes in the bucket) it lives in, its unit
(``document``: all pages are one record; ``page``: one record per page;
``entry``: a register page holding several labelled entries; ``row``: a table
with one record per row), optional sections (wife/husband, mother/father…)
and its fields, each with the role it plays for search and disclosure (``schemas/roles.py``). See
docs/extraction.md for the format.

The bundled types are read with those in ``SOHOA_RECORD_TYPES_DIR`` (a deployment's own): a type of a new name
is added, one of a bundled name replaces it, so a new record type is one file and no code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from sohoa.config import setting
from sohoa.text import fold

from .citation import cited_followers
from .normalize import KINDS
from .roles import BIRTH_ROLES, DATE_INDEXES, NAME_ROLES, ROLES, RoleTables
from .vocab import VOCABULARIES

TYPES_DIR = Path(__file__).with_name("types")
UNITS = {"document", "page", "entry", "row"}
# A family groups types for people (civil status, veterans, museum objects): a deployment may name its own.
FAMILY = re.compile(r"[a-z][a-z_]{1,39}")
CHECKS = {"date_words": ("field", "words"), "personal_id": ("id", "date_of_birth"), "date_order": ()}
DATED_KINDS = ("date", "dating")  # the kinds of field a record's order of dates (``date_order``) may name


class SchemaError(ValueError):
    pass


class RecordTypes(dict[str, "Schema"]):
    """The loaded record types by name, with what the indexer, search and disclosure read from their fields'
    roles (``schemas/roles.py``), worked out once per load."""

    @cached_property
    def roles(self) -> RoleTables:
        return RoleTables(self)


@dataclass(frozen=True)
class Label:
    text: str
    folded: str  # folded, punctuation and spaces removed: what fuzzy matching compares
    after: str | None = None  # only valid right after this field's label on the same line
    relation: str | None = None  # for list fields: the relation this label implies (cha, mẹ…)
    contextual: bool = False  # only valid inside the field's section
    by_meaning: bool = False  # read from its words' meaning (labels.resolve), not one of the type's wordings
    doubt: str | None = None  # why the field read from the label may be another's (no person named for sure)
    role_only: bool = False  # the label named a person and nothing else: its value says what it is
    source: str = ""  # read from something else than its words: "value" (what the value is), "model" (the classifier)
    glued: bool = False  # read from its meaning over words OCR glued and the reader cut apart (``glued_words``)


@dataclass(frozen=True)
class FieldSpec:
    key: str
    kind: str
    required: bool = False
    labels: tuple[Label, ...] = ()
    internal: bool = False
    values: dict | None = None  # enum kinds: normal value -> phrases
    wrap: bool = False  # value may continue on the next line (names: only with capitalised name words)
    vocabulary: tuple[str, ...] = ()  # word lists (schemas/data/) the value is written in
    vocabulary_closed: bool = False  # every word should be in them: another word is doubtful
    vocabulary_repair: bool = False  # a word outside them with one neighbour differing only in marks is it
    code: bool = False  # an identifier of letter groups and digits ("G.7454", "BTBN 1234/KL 56")
    role: str | None = None  # what the field is for search and disclosure (ROLES)
    date_index: str | None = None  # the typed date of the record document it feeds (DATE_INDEXES)
    person: str | None = None  # whose name it is, as persons[] and the role filter name them (``mother``)
    year_only: bool = False  # a date written as a year alone (a parent's birth year): nothing finer to mask
    # who or what the record is about (a person's name, the date that identifies them, their ID number, an
    # object's number): a doubt about it holds the record for review (schemas/review_rule.py)
    identity: bool = False

    @property
    def section(self) -> str | None:
        head, dot, _ = self.key.partition(".")
        return head.rstrip("[]") if dot else None

    @property
    def is_list(self) -> bool:
        return "[]." in self.key


@dataclass(frozen=True)
class Heading:
    text: str
    folded: str
    unit: str | None = None


@dataclass(frozen=True)
class Section:
    name: str
    markers: tuple[Label, ...]
    implied_sex: str | None = None


@dataclass(frozen=True)
class Schema:
    record_type: str
    family: str
    schema_version: int
    title: str
    unit: str
    collections: tuple[str, ...]
    headings: tuple[Heading, ...]
    sections: dict[str, Section]
    fields: tuple[FieldSpec, ...]
    checks: tuple[dict, ...] = ()
    source: str = ""
    subject_roles: tuple[str, ...] = ()  # who the record is about, as label words name them (schemas/labels.py)
    by_key: dict[str, FieldSpec] = field(default_factory=dict, compare=False, repr=False)

    def field(self, key: str) -> FieldSpec | None:
        return self.by_key.get(key)

    @property
    def date_order(self) -> tuple[tuple[str, str, int], ...]:
        """The pairs of date fields the type's dates fall in (its ``date_order`` check): (earlier, later, the
        fewest years between them), as ``schemas/date_order.py`` reads them."""
        return tuple((p[0], p[1], p[2] if len(p) > 2 else 0) for c in self.checks if c["check"] == "date_order"
                     for p in c["pairs"])

    @property
    def words_fields(self) -> frozenset[str]:
        """The fields that hold a date written out in words beside its date in digits (the ``words`` of a
        ``date_words`` check)."""
        return frozenset(c["words"] for c in self.checks if c["check"] == "date_words")

    def followers(self, key: str) -> list[tuple[FieldSpec, Label]]:
        """The short labels only valid right after field ``key``'s (a label's ``after``: "ngày" after a decision's
        number, "tại" after a date of death), each with its field: the type's own, then the function words that
        open a cited document's parts in any order (``citation``)."""
        return self._followers.get(key, [])

    @cached_property
    def _followers(self) -> dict[str, list[tuple[FieldSpec, Label]]]:
        out: dict[str, list[tuple[FieldSpec, Label]]] = {}
        for f in self.fields:
            for lb in f.labels:
                if lb.after is not None:
                    out.setdefault(lb.after, []).append((f, lb))
        for after, key, words in cited_followers([f.key for f in self.fields]):
            spec, folded = self.by_key[key], label_key(words)
            if not any(f is spec and lb.folded == folded for f, lb in out.get(after, [])):
                out.setdefault(after, []).append((spec, Label(words, folded, after)))
        return out


# Characters OCR puts in place of Vietnamese ones: Icelandic eth for Đ, fraction slash for /.
OCR_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "⁄": "/", "∕": "/", "‘": "'", "’": "'"})


def label_key(text: str) -> str:
    """What two labels are compared on: folded, letters and digits only."""
    return "".join(c for c in fold(text.translate(OCR_LOOKALIKES)) if c.isalnum())


def _label(raw, where: str, contextual: bool = False) -> Label:
    if isinstance(raw, str):
        raw = {"text": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise SchemaError(f"{where}: a label is a non-empty string or {{'text': ...}}")
    unknown = set(raw) - {"text", "after", "relation"}
    if unknown:
        raise SchemaError(f"{where}: unknown label keys {sorted(unknown)}")
    return Label(raw["text"], label_key(raw["text"]), raw.get("after"), raw.get("relation"), contextual)


def _role(f: dict, where: str) -> tuple[str | None, str | None, str | None]:
    """A field's declared role, typed date and person, checked against its kind and key."""
    role, date_index, person = f.get("role"), f.get("date_index"), f.get("person")
    key, kind = f["key"], f["kind"]
    if role is not None and role not in ROLES:
        raise SchemaError(f"{where}: role {role!r} not one of {sorted(ROLES)}")
    if role is not None and kind not in ROLES[role]:
        raise SchemaError(f"{where}: a {role} field is of kind {' or '.join(ROLES[role])}, not {kind!r}")
    if role == "subject_birth":
        date_index = date_index or "date_of_birth"
    if date_index is not None:
        if date_index not in DATE_INDEXES:
            raise SchemaError(f"{where}: date_index {date_index!r} not one of {list(DATE_INDEXES)}")
        if kind != "date":
            raise SchemaError(f"{where}: only a date feeds date_index {date_index!r}, not a {kind!r} field")
        if (date_index == "date_of_birth") != (role == "subject_birth"):
            raise SchemaError(f"{where}: date_of_birth is fed by the subject's birth date (role subject_birth) "
                              "and by nothing else")
    if role in ("subject_name", "subject_alias", "subject_birth") and "[]" in key:
        raise SchemaError(f"{where}: the record's subject is one person, not an item of a list")
    if person is not None and (role not in NAME_ROLES or not isinstance(person, str) or not person.strip()):
        raise SchemaError(f"{where}: 'person' names whose name a name field holds (a word, on a name role)")
    if f.get("year_only") and kind != "date":
        raise SchemaError(f"{where}: only a date can be year_only")
    if f.get("internal") and role is not None:
        raise SchemaError(f"{where}: an internal field is never indexed, so it has no role")
    return role, date_index, person


def _check_people(fields: list[FieldSpec], where: str) -> None:
    """A birth date belongs to the person named beside it (same section): that person must have a name field
    of the matching role, or the date would be searched as nobody's."""
    names = {(f.key.rpartition(".")[0], f.role) for f in fields if f.role in NAME_ROLES}
    for f in fields:
        if f.role in BIRTH_ROLES:
            section = f.key.rpartition(".")[0]
            wanted = "subject_name" if f.role == "subject_birth" else "person_name"
            if (section, wanted) not in names:
                raise SchemaError(f"{where}: field {f.key}: a {f.role} needs a {wanted} field beside it "
                                  f"({(section + '.') if section else ''}…)")


def parse_schema(data: dict, source: str = "") -> Schema:
    where = source or data.get("record_type", "?")
    for key in ("record_type", "family", "schema_version", "headings", "fields", "unit"):
        if key not in data:
            raise SchemaError(f"{where}: missing {key!r}")
    if not isinstance(data["family"], str) or not FAMILY.fullmatch(data["family"]):
        raise SchemaError(f"{where}: family {data['family']!r} is not a lowercase word (civil_status, museum…)")
    if data["unit"] not in UNITS:
        raise SchemaError(f"{where}: unit {data['unit']!r} not one of {sorted(UNITS)}")
    if not isinstance(data["schema_version"], int) or data["schema_version"] < 1:
        raise SchemaError(f"{where}: schema_version must be a positive integer")
    headings = []
    for h in data["headings"]:
        h = {"text": h} if isinstance(h, str) else h
        if h.get("unit") is not None and h["unit"] not in UNITS:
            raise SchemaError(f"{where}: heading {h['text']!r} has unknown unit {h['unit']!r}")
        headings.append(Heading(h["text"], label_key(h["text"]), h.get("unit")))
    if not headings:
        raise SchemaError(f"{where}: at least one heading is needed to recognise the record")
    sections = {}
    for name, s in (data.get("sections") or {}).items():
        sections[name] = Section(name, tuple(_label(m, f"{where}: section {name}") for m in s.get("markers", [])),
                                 s.get("implied_sex"))
    fields, keys = [], set()
    for f in data["fields"]:
        key = f.get("key")
        if not key or key in keys:
            raise SchemaError(f"{where}: field key {key!r} missing or repeated")
        keys.add(key)
        if f.get("kind") not in KINDS:
            raise SchemaError(f"{where}: field {key}: kind {f.get('kind')!r} not one of {sorted(KINDS)}")
        if f["kind"] == "enum" and not isinstance(f.get("values"), dict):
            raise SchemaError(f"{where}: field {key}: an enum needs 'values'")
        unknown = set(f) - {"key", "kind", "required", "labels", "context_labels", "internal", "values", "wrap",
                             "vocabulary", "vocabulary_closed", "vocabulary_repair", "code", "role", "date_index",
                             "person", "year_only", "identity"}
        if unknown:
            raise SchemaError(f"{where}: field {key}: unknown keys {sorted(unknown)}")
        labels = [_label(x, f"{where}: {key}") for x in f.get("labels", [])]
        labels += [_label(x, f"{where}: {key}", contextual=True) for x in f.get("context_labels", [])]
        if not labels:
            raise SchemaError(f"{where}: field {key} has no label")
        vocab = tuple(f.get("vocabulary") or ())
        for name in vocab:
            if name not in VOCABULARIES:
                raise SchemaError(f"{where}: field {key}: unknown vocabulary {name!r} (one of {list(VOCABULARIES)})")
        if vocab and f["kind"] not in ("text", "name", "place"):
            raise SchemaError(f"{where}: field {key}: a vocabulary is for text, name and place fields")
        if f.get("vocabulary_closed") and not vocab:
            raise SchemaError(f"{where}: field {key}: vocabulary_closed without a vocabulary")
        if f.get("vocabulary_repair") and not f.get("vocabulary_closed"):
            raise SchemaError(f"{where}: field {key}: vocabulary_repair needs a closed vocabulary")
        if f.get("code") and f["kind"] != "number":
            raise SchemaError(f"{where}: field {key}: only a number can be a code")
        role, date_index, person = _role(f, f"{where}: field {key}")
        spec = FieldSpec(key, f["kind"], bool(f.get("required")), tuple(labels), bool(f.get("internal")),
                         f.get("values"), bool(f.get("wrap", f["kind"] in ("place", "text", "name"))),
                         vocab, bool(f.get("vocabulary_closed")), bool(f.get("vocabulary_repair")),
                         bool(f.get("code")), role, date_index, person, bool(f.get("year_only")),
                         bool(f.get("identity")))
        if spec.identity and spec.internal:
            raise SchemaError(f"{where}: field {key}: an internal field is not output, so it identifies nobody")
        if spec.section and "." in key and any(lb.contextual for lb in labels) and spec.section not in sections:
            raise SchemaError(f"{where}: field {key} has context labels but no section {spec.section!r}")
        fields.append(spec)
    by_key = {f.key: f for f in fields}
    for f in fields:
        for lb in f.labels:
            if lb.after and lb.after not in by_key:
                raise SchemaError(f"{where}: field {f.key}: label {lb.text!r} follows unknown field {lb.after!r}")
    _check_people(fields, where)
    checks = tuple(data.get("checks") or ())
    for c in checks:
        kind = c.get("check")
        if kind not in CHECKS:
            raise SchemaError(f"{where}: unknown check {kind!r}")
        for role in CHECKS[kind]:
            if c.get(role) not in by_key:
                raise SchemaError(f"{where}: check {kind}: {role} {c.get(role)!r} is not a field")
        if kind == "date_order":
            _check_date_order(c.get("pairs"), by_key, where)
    return Schema(data["record_type"], data["family"], data["schema_version"], data.get("title", ""), data["unit"],
                  tuple(data.get("collections") or ()), tuple(headings), sections, tuple(fields), checks, source,
                  tuple(data.get("subject_roles") or ()), by_key)


def _check_date_order(pairs: Any, by_key: dict[str, FieldSpec], where: str) -> None:
    """A ``date_order`` check lists pairs [earlier, later] of two different date fields of the type, a pair
    followed by the fewest years between the two when the type knows them ([birth, marriage, 13])."""
    if not isinstance(pairs, list) or not pairs:
        raise SchemaError(f"{where}: check date_order: pairs must be a list of [earlier, later] field pairs")
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) in (2, 3) and pair[0] != pair[1]
                and (len(pair) == 2 or isinstance(pair[2], int) and pair[2] >= 0)):
            raise SchemaError(f"{where}: check date_order: {pair!r} is no pair of two fields (and years)")
        for key in pair[:2]:
            if key not in by_key or by_key[key].kind not in DATED_KINDS:
                raise SchemaError(f"{where}: check date_order: {key!r} is not a date field")


def load_schemas(directory: str | None = None) -> RecordTypes:
    """Every record type, by record_type: those in ``directory`` alone when given, else the bundled
    ``schemas/types`` with ``SOHOA_RECORD_TYPES_DIR``'s on top, as the setting was when first asked (the
    indexer and the API ask for every record they handle; ``reload_record_types`` reads the setting again)."""
    if directory is not None:
        return _load((directory,))
    return _configured()


@lru_cache(maxsize=1)
def _configured() -> RecordTypes:
    extra = setting("SOHOA_RECORD_TYPES_DIR").strip()
    return _load((str(TYPES_DIR), extra) if extra else (str(TYPES_DIR),))


def reload_record_types() -> None:
    """Read ``SOHOA_RECORD_TYPES_DIR`` and its files again (a test or tool that changed it in-process)."""
    _configured.cache_clear()
    _load.cache_clear()


@lru_cache(maxsize=8)
def _load(directories: tuple[str, ...]) -> RecordTypes:
    out = RecordTypes()
    for directory in directories:
        if not Path(directory).is_dir():
            raise SchemaError(f"{directory}: no such folder of record types")
        here: set[str] = set()
        for path in sorted(Path(directory).glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                raise SchemaError(f"{path}: not valid JSON: {exc}") from exc
            if not isinstance(data, dict):
                raise SchemaError(f"{path}: a record type is a JSON object")
            schema = parse_schema(data, str(path) if directory != str(TYPES_DIR) else path.name)
            if schema.record_type in here:
                raise SchemaError(f"{path.name}: record type {schema.record_type!r} defined twice")
            if path.stem != schema.record_type:
                raise SchemaError(f"{path.name}: file name must be the record type ({schema.record_type}.json)")
            here.add(schema.record_type)
            out[schema.record_type] = schema  # a later folder's type of the same name replaces the bundled one
    return out
