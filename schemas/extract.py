"""Structured records from OCR'd pages: ``extract_records(pages, collection)``, the one entry point.

Per page: visual rows (``layout``: OCR lines regrouped, page furniture dropped);
the record type from the headings (``classify``); labels found and read for
their meaning (``matching``, ``labels``: role × attribute); values cut, parsed
and scored (``fields``, ``normalize``); sections, two-column blocks, register
entries and tables (``reader``); cross-checks (``checks``). Across pages:
where one record ends and the next begins (``segment``: the form's title and
the subject's identity). Output: calibrated confidences, review reasons, the
required fields missing and the labels that named no field (``records``,
``confidence``). Pure functions over plain data: no I/O, no services.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from ocr.result import PageText
from sohoa.config import setting

from .page_capitals import capitals_from_page
from .page_codes import check_codes
from .page_numerals import numerals_by_width
from .digit_doubt import has_digits, page_doubts_digits
from .garbled_page import page_garbled
from .classify import UNCLASSIFIED, Classification, classify_rows
from .fields import TONE_SHIFT_FACTOR, Draft, Found  # noqa: F401  (the extractor's public names)
from .layout import build_rows, drop_furniture
from .loader import Schema, load_schemas
from .model import ExtractedRecord
from .reader import PageReader
from .sibling_fields import hold_sibling_gaps
from .records import REVIEW_THRESHOLD, _merge, _name_of, finish, flatten_fields, to_json  # noqa: F401
from .page_pairs import share_page_pairs
from .segment import PageStart, facts_of, registration_keys, rejoin_entries, starts_new_record

__all__ = ["REVIEW_THRESHOLD", "TONE_SHIFT_FACTOR", "Draft", "Found", "extract_page", "extract_records",
           "flatten_fields", "page_readings", "to_json"]

def extract_page(page: PageText, collection: str | None = None, schemas: dict[str, Schema] | None = None,
                 previous: Classification | None = None) -> tuple[Classification, list[Draft]]:
    _own, cls, drafts = _extract_page(page, collection, schemas or load_schemas(), previous)
    return cls, drafts


def continued(own: Classification, previous: Classification | None) -> Classification:
    """The classification a page is read under: its own when it has a heading (or nothing came before),
    else the document's before it (a page with no heading continues it)."""
    if own.source != "heading" and previous is not None and previous.record_type != UNCLASSIFIED:
        return Classification(previous.record_type, previous.score * 0.9, None,
                              previous.unit if previous.unit != "row" else "row", None, "continuation")
    return own


def _extract_page(page: PageText, collection: str | None, schemas: dict[str, Schema],
                  previous: Classification | None) -> tuple[Classification, Classification, list[Draft]]:
    """The page's own classification, the one it was read under, and its drafts."""
    rows, own = _classify(page, collection, schemas)
    cls = continued(own, previous)
    return own, cls, _read(page, rows, cls, schemas)


def _classify(page: PageText, collection: str | None, schemas: dict[str, Schema]) -> tuple[list, Classification]:
    """The page's rows (furniture dropped) and its own classification (cheap next to reading it)."""
    rows = build_rows(page)
    own = classify_rows(rows, collection, schemas)
    return drop_furniture(rows, page.height), own


def _read(page: PageText, rows: list, cls: Classification, schemas: dict[str, Schema]) -> list[Draft]:
    """The page's drafts, read under ``cls``: most of extraction's cost."""
    if cls.record_type == UNCLASSIFIED:
        return [Draft(UNCLASSIFIED, None, [page.page])]
    schema = schemas[cls.record_type]
    table_guess = cls.source != "heading" and any(h.unit == "row" for h in schema.headings)
    unit = cls.unit or schema.unit
    drafts = PageReader(schema, rows, unit, page.page, page.width, table_guess, heading=cls.heading).read()
    if unit == "entry":
        drafts = rejoin_entries(drafts)
        share_page_pairs(drafts)
    check_codes(drafts, schema)
    numerals_by_width(drafts)
    capitals_from_page([f for d in drafts for f in d.found()])
    words = [(t.text, t.confidence) for r in rows for t in r.toks if not t.leader]  # the page's, as OCR read them
    if page_doubts_digits(words):
        for d in drafts:
            for f in d.found():
                f.digits_doubted = has_digits(f.raw)
    if page_garbled(words):
        for d in drafts:
            for f in d.found():
                f.code_garbled_page = f.spec.code and has_digits(f.raw)
    for d in drafts:
        d.classification = cls.score
    return drafts


def extract_records(pages: list[PageText], collection: str | None = None,
                    schemas: dict[str, Schema] | None = None, calibrated: bool = True,
                    readings: dict[int, dict] | None = None) -> list[ExtractedRecord]:
    """Records found in the pages of one document (one file), in page order.

    ``collection`` is the bucket prefix or object key the file came from
    (``hotich/…``); it narrows the record types considered. Pure: no I/O.

    ``readings`` are pages read earlier on their own (``page_readings``, by page number), for
    instance by the workers that OCR'd a register's ranges: a page whose reading was made
    under the classification it gets here gives its records without being read again; any
    other page is read now. The result is the same either way.
    """
    schemas = schemas or load_schemas()
    out: list[Draft | ExtractedRecord] = []
    prev: Classification | None = None
    open_doc: Draft | None = None
    open_start: PageStart | None = None
    ordered = sorted(pages, key=lambda p: p.page)
    for n, page in enumerate(ordered):
        reused = _reuse(readings.get(page.page) if readings else None, prev, collection, calibrated)
        if reused is not None:
            cls, records = reused
            prev = cls if cls.record_type != UNCLASSIFIED else prev
            out.extend(records)
            open_doc, open_start = None, None
            continue
        cls, drafts = extract_page(page, collection, schemas, prev)
        if cls.record_type == UNCLASSIFIED and prev is None and n + 1 < len(ordered):
            # a dossier's first page whose title OCR lost: the next page's title says what the file is
            ahead = dossier_ahead(ordered[n + 1], collection, schemas)
            if ahead is not None:
                cls, drafts = extract_page(page, collection, schemas, ahead)
        prev = cls if cls.record_type != UNCLASSIFIED else prev
        unit = cls.unit
        if cls.record_type == UNCLASSIFIED:
            if page.words:
                out.extend(drafts)
            open_doc, open_start = None, None
            continue
        if not drafts:
            d = Draft(cls.record_type, schemas[cls.record_type], [page.page], classification=cls.score)
            drafts = [d]
        if unit == "document":
            heading = cls.heading if cls.source == "heading" else None
            for k, d in enumerate(drafts):
                start = PageStart(d.record_type, heading if k == 0 else None, _name_of(d), registration_keys(d.fields),
                                  facts_of(d.fields))
                if open_doc is not None and not starts_new_record(open_start, start):
                    _merge(open_doc, d)
                    if open_start.person is None:
                        open_start = PageStart(open_start.record_type, open_start.heading, _name_of(open_doc),
                                               registration_keys(open_doc.fields), facts_of(open_doc.fields))
                else:
                    out.append(d)
                    open_doc, open_start = d, start
        else:
            out.extend(drafts)
            open_doc, open_start = None, None
    # a field the document's other entries of a type all fill and one lacks was lost, not left blank
    return hold_sibling_gaps([d if isinstance(d, dict) else finish(d, calibrated) for d in out])  # type: ignore[misc]


def dossier_ahead(page: PageText, collection: str | None, schemas: dict[str, Schema]) -> Classification | None:
    """The classification of the page after a first page no heading classified, when that page's title opens a
    record that runs over pages (unit ``document``: a dossier): the first page is read as part of it."""
    _rows, own = _classify(page, collection, schemas)
    if own.source == "heading" and own.record_type != UNCLASSIFIED and (own.unit or
                                                                         schemas[own.record_type].unit) == "document":
        return own
    return None


# -- pages read on their own, put together later ----------------------------------------------------
#
# Reading a page (PageReader) is most of extraction's cost. A register's pages are mostly read
# alone: their records do not run on across pages, and a page with a heading is classified by it.
# So the workers that OCR a register's ranges read each page as soon as it is OCR'd (``page_readings``)
# and the document's extraction at the end only puts the readings together (``extract_records``
# with ``readings``), instead of one worker reading every page while the others idle.

def extractor_version() -> str:
    """A fingerprint of the extractor: its code, bundled record types and data, and a deployment's own
    record types (``SOHOA_RECORD_TYPES_DIR``); a reading made by another version is not reused."""
    return _version(setting("SOHOA_RECORD_TYPES_DIR").strip())


@lru_cache(maxsize=4)
def _version(extra: str) -> str:
    root = Path(__file__).resolve().parent
    files = [(p.relative_to(root).as_posix(), p) for p in root.rglob("*")
             if p.is_file() and p.suffix in (".py", ".json", ".txt")]
    if extra and Path(extra).is_dir():
        files += [(f"record-types/{p.name}", p) for p in Path(extra).glob("*.json")]
    digest = hashlib.sha256()
    for name, path in sorted(files):
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _summary(cls: Classification) -> dict:
    return {"record_type": cls.record_type, "score": cls.score, "heading": cls.heading, "unit": cls.unit,
            "source": cls.source}


def page_readings(pages: list[PageText], collection: str | None = None, schemas: dict[str, Schema] | None = None,
               calibrated: bool = True, from_start: bool = False) -> dict[int, dict]:
    """Pages read on their own, as JSON-ready readings by page number, for ``extract_records``.

    ``pages`` are consecutive pages of one document (a range); ``from_start``: they begin at its
    first page. A page is read only where its classification is sure: a page with a heading, or one
    that continues a sure page before it in ``pages``. The others (a range's first pages without a
    heading: what comes before them is not known here) and the pages of a record that runs on
    across pages (unit ``document``) are left to the document's extraction, which reads them then.
    """
    schemas = schemas or load_schemas()
    out: dict[int, dict] = {}
    prev: Classification | None = None
    sure = from_start
    for page in sorted(pages, key=lambda p: p.page):
        rows, own = _classify(page, collection, schemas)
        sure = sure or own.source == "heading"
        if not sure:
            continue
        cls = continued(own, prev)
        prev = cls if cls.record_type != UNCLASSIFIED else prev
        if cls.record_type == UNCLASSIFIED:
            records: list[dict] | None = [finish(d, calibrated) for d in _read(page, rows, cls, schemas)] \
                if page.words else []
        elif cls.unit == "document":
            records = None
        else:
            drafts = _read(page, rows, cls, schemas) or [
                Draft(cls.record_type, schemas[cls.record_type], [page.page], classification=cls.score)]
            records = [finish(d, calibrated) for d in drafts]
        # Through JSON now, so a reading used at once and one read back from storage are the same.
        out[page.page] = json.loads(json.dumps({
            "version": extractor_version(), "collection": collection, "calibrated": calibrated, "page": page.page,
            "own": _summary(own), "used": _summary(cls), "records": records}, ensure_ascii=False))
    return out


def _reuse(reading: dict | None, prev: Classification | None, collection: str | None,
           calibrated: bool) -> tuple[Classification, list[dict]] | None:
    """The classification and records of a page's reading when it was made under the classification
    the page gets here (and by this extractor); else None (the page is read again)."""
    if not reading or reading.get("version") != extractor_version() or reading.get("collection") != collection \
            or reading.get("calibrated") != calibrated or reading.get("records") is None:
        return None
    cls = continued(Classification(**reading["own"]), prev)
    if _summary(cls) != reading["used"]:
        return None
    return cls, reading["records"]
