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

from ocr.result import PageText

from .checks import check_codes
from .classify import UNCLASSIFIED, Classification, classify_rows
from .fields import TONE_SHIFT_FACTOR, Draft, Found  # noqa: F401  (the extractor's public names)
from .layout import build_rows, drop_furniture
from .loader import Schema, load_schemas
from .model import ExtractedRecord
from .reader import PageReader
from .records import REVIEW_THRESHOLD, _merge, _name_of, finish, flatten_fields, to_json  # noqa: F401
from .segment import PageStart, facts_of, registration_keys, starts_new_record

__all__ = ["REVIEW_THRESHOLD", "TONE_SHIFT_FACTOR", "Draft", "Found", "extract_page", "extract_records",
           "flatten_fields", "to_json"]

def extract_page(page: PageText, collection: str | None = None, schemas: dict[str, Schema] | None = None,
                 previous: Classification | None = None) -> tuple[Classification, list[Draft]]:
    schemas = schemas or load_schemas()
    rows = build_rows(page)
    cls = classify_rows(rows, collection, schemas)
    rows = drop_furniture(rows, page.height)
    if cls.source != "heading" and previous is not None and previous.record_type != UNCLASSIFIED:
        # a page with no heading continues the document before it
        cls = Classification(previous.record_type, previous.score * 0.9, None,
                             previous.unit if previous.unit != "row" else "row", None, "continuation")
    if cls.record_type == UNCLASSIFIED:
        return cls, [Draft(UNCLASSIFIED, None, [page.page])]
    schema = schemas[cls.record_type]
    table_guess = cls.source != "heading" and any(h.unit == "row" for h in schema.headings)
    drafts = PageReader(schema, rows, cls.unit or schema.unit, page.page, page.width, table_guess,
                        heading=cls.heading).read()
    check_codes(drafts, schema)
    for d in drafts:
        d.classification = cls.score
    return cls, drafts


def extract_records(pages: list[PageText], collection: str | None = None,
                    schemas: dict[str, Schema] | None = None, calibrated: bool = True) -> list[ExtractedRecord]:
    """Records found in the pages of one document (one file), in page order.

    ``collection`` is the bucket prefix or object key the file came from
    (``hotich/…``); it narrows the record types considered. Pure: no I/O.
    """
    schemas = schemas or load_schemas()
    out: list[Draft] = []
    prev: Classification | None = None
    open_doc: Draft | None = None
    open_start: PageStart | None = None
    for page in sorted(pages, key=lambda p: p.page):
        cls, drafts = extract_page(page, collection, schemas, prev)
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
    return [finish(d, calibrated) for d in out]
