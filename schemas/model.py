"""The record as it passes between extraction, indexing, the API and review, typed at those seams.

TypedDicts rather than classes: a record travels as JSON (the extractor's output, Elasticsearch's ``_source``,
the API's answers, the review desk's body), and the hot paths (``derive`` over a bulk of records, masking every
hit of a search) keep reading plain dicts at no cost. What each key means is said once, here.
"""

from __future__ import annotations

from typing import Any, TypedDict


class FieldValue(TypedDict, total=False):
    """One field as read from a page: the normal form, the text as read, how sure, and where."""
    value: Any                  # the normal form: ISO date, NFC name, number, enum value…
    raw: str | None             # the text as read (NFC), kept beside the normal form
    confidence: float | None    # calibrated probability of being right (schemas/confidence.py)
    page: int | None            # 1-based page of the document
    bbox: list[int] | None      # [x0, y0, x1, y1] in the page's OCR image
    notes: list[str]            # why the value differs from the text (a repaired word, a tone mark moved)
    group: str                  # uncalibrated output only: what the calibration is fitted per
    ocr: float                  # uncalibrated output only: OCR's confidence in the value's words, as weighed
    label_score: float          # uncalibrated output only: how sure the reading of its label is


# Fields nested as the record type's keys say: ``{"mother": {"full_name": FieldValue}}``, lists as
# ``{"relatives": [{"full_name": FieldValue, "relation": FieldValue}]}``.
Fields = dict[str, Any]


class UnmappedEntry(TypedDict):
    """A "label: value" pair whose label named no field of the type: kept on the record, never dropped."""
    label: str
    value: str | None
    page: int | None
    bbox: list[int] | None


class ExtractedRecord(TypedDict, total=False):
    """What extraction gives for one record (``schemas.extract.extract_records``)."""
    record_type: str
    family: str | None
    schema_version: int | None
    fields: Fields
    pages: list[int]
    confidence: float
    needs_review: bool
    review_reasons: list[str]
    missing: list[str]          # required fields not found (keys)
    doubtful: list[str]         # fields under the confidence threshold (keys)
    unmapped: list[UnmappedEntry]
    ordinal: int                # its place in the document's extraction (kept by a replayed layout)
    split: int | None           # the reviewer's split that made it (schemas/regroup.py)
    wording: dict[str, Any]     # uncalibrated output only: what made the wording strange, counted (wording_causes)


class RecordBase(TypedDict):
    """The base of a record document: everything the index holds is derived from it (``indexers/records.py``).
    The order of the keys is the order of ``BASE_KEYS``."""
    record_type: str
    family: str | None
    schema_version: str | None
    collection: str | None
    bucket: str | None
    key: str | None
    doc_hash: str
    ordinal: int
    split: int | None
    pages: list[int]
    confidence: float | None
    needs_review: bool
    review_reasons: list[str]
    missing: list[str]
    doubtful: list[str]
    unmapped: list[UnmappedEntry]
    fields: Fields
    extracted_at: str | None
    review: dict[str, Any] | None  # people's answers, field by field (schemas/review.py)


BASE_KEYS: tuple[str, ...] = tuple(RecordBase.__annotations__)


class Person(TypedDict, total=False):
    """One person named on a record: whose name (``subject``, ``mother``, ``relative:mẹ``…) and their birth."""
    role: str
    name: str
    date_of_birth: str


class RecordDocument(RecordBase, total=False):
    """A record as the records index stores it: the base and what ``derive`` computes from it (the API's
    routes and the review desk read these)."""
    record_id: str
    name: str | None
    persons: list[Person]
    unmapped_labels: list[str]
    review_status: str
    review_codes: list[str]
    reviewed_at: str | None
    reviewers: list[str]
    awaiting: list[str]
    date_of_birth: str | None
    date_of_death: str | None
    registration_date: str | None
    event_date: str | None
    decade: int | None
    birth_year: int | None
    places: list[str]
    provinces: list[str]
    ids: list[str]
    numbers: list[str]
    search: dict[str, Any]
