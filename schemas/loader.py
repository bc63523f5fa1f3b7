"""Record types as data: load and validate the JSON files under ``schemas/types/``.

One file per record type. A file names the record's family, the headings that
identify it, the collections (key prefixes in the bucket) it lives in, its unit
(``document``: all pages are one record; ``page``: one record per page;
``entry``: a register page holding several labelled entries; ``row``: a table
with one record per row), optional sections (wife/husband, mother/father…)
and its fields. See docs/extraction.md for the format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sohoa.text import fold

from .normalize import KINDS
from .vocab import VOCABULARIES

TYPES_DIR = Path(__file__).with_name("types")
UNITS = {"document", "page", "entry", "row"}
FAMILIES = {"civil_status", "veterans", "museum"}
CHECKS = {"date_words": ("field", "words"), "personal_id": ("id", "date_of_birth"), "not_before": ("field", "other")}


class SchemaError(ValueError):
    pass


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


def parse_schema(data: dict, source: str = "") -> Schema:
    where = source or data.get("record_type", "?")
    for key in ("record_type", "family", "schema_version", "headings", "fields", "unit"):
        if key not in data:
            raise SchemaError(f"{where}: missing {key!r}")
    if data["family"] not in FAMILIES:
        raise SchemaError(f"{where}: family {data['family']!r} not one of {sorted(FAMILIES)}")
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
                             "vocabulary", "vocabulary_closed", "vocabulary_repair", "code", "identity"}
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
        spec = FieldSpec(key, f["kind"], bool(f.get("required")), tuple(labels), bool(f.get("internal")),
                         f.get("values"), bool(f.get("wrap", f["kind"] in ("place", "text", "name"))),
                         vocab, bool(f.get("vocabulary_closed")), bool(f.get("vocabulary_repair")),
                         bool(f.get("code")), bool(f.get("identity")))
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
    checks = tuple(data.get("checks") or ())
    for c in checks:
        kind = c.get("check")
        if kind not in CHECKS:
            raise SchemaError(f"{where}: unknown check {kind!r}")
        for role in CHECKS[kind]:
            if c.get(role) not in by_key:
                raise SchemaError(f"{where}: check {kind}: {role} {c.get(role)!r} is not a field")
    return Schema(data["record_type"], data["family"], data["schema_version"], data.get("title", ""), data["unit"],
                  tuple(data.get("collections") or ()), tuple(headings), sections, tuple(fields), checks, source,
                  tuple(data.get("subject_roles") or ()), by_key)


@lru_cache(maxsize=4)
def load_schemas(directory: str | None = None) -> dict[str, Schema]:
    """Every record type in ``directory`` (default: the packaged ``schemas/types``), by record_type."""
    out: dict[str, Schema] = {}
    for path in sorted(Path(directory or TYPES_DIR).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise SchemaError(f"{path.name}: not valid JSON: {exc}") from exc
        schema = parse_schema(data, path.name)
        if schema.record_type in out:
            raise SchemaError(f"{path.name}: record type {schema.record_type!r} defined twice")
        if path.stem != schema.record_type:
            raise SchemaError(f"{path.name}: file name must be the record type ({schema.record_type}.json)")
        out[schema.record_type] = schema
    return out
