"""Which record type a page is: from its headings, narrowed by the collection it came from.

The collection prefix (``hotich/``, ``nguoicocong/``, ``baotang/``) comes from
each record type's ``collections`` list, so the mapping is data. Headings are
compared folded (no diacritics, letters and digits only) with an edit-distance
ratio, which survives OCR slips and lost diacritics.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ocr.result import PageText

from .layout import Row, build_rows
from .loader import Heading, Schema, label_key, load_schemas

UNCLASSIFIED = "unclassified"
HEADING_MIN = 82.0  # 0..100 similarity of a row to a heading
OUTSIDE_COLLECTION_MIN = 92.0  # a heading from another collection's type must be near exact


@dataclass
class Classification:
    record_type: str
    score: float  # 0..1
    heading: str | None = None
    unit: str | None = None
    row: Row | None = None
    source: str = "heading"  # heading | collection | none


def collection_types(collection: str | None, schemas: dict[str, Schema]) -> list[str]:
    """Record types whose collection prefix the collection (or object key) starts with."""
    if not collection:
        return []
    c = collection.strip().lstrip("/").lower()
    c_dir = c if c.endswith("/") else c + "/"
    out = []
    for name, s in schemas.items():
        for prefix in s.collections:
            p = prefix.lower()
            if c.startswith(p) or c_dir.startswith(p):
                out.append(name)
                break
    return out


def heading_score(row_key: str, heading: Heading) -> float:
    """How much a row reads as this heading alone (0..100): a long row merely containing it scores low."""
    if not row_key:
        return 0.0
    s = fuzz.ratio(row_key, heading.folded)
    if len(row_key) <= len(heading.folded) * 1.5:
        s = max(s, fuzz.partial_ratio(heading.folded, row_key) * 0.96)
    return s


def find_headings(rows: list[Row], schemas: dict[str, Schema]) -> list[tuple[float, str, Heading, Row]]:
    found = []
    for row in rows:
        key = label_key(row.text)
        if len(key) < 6:
            continue
        for name, s in schemas.items():
            for h in s.headings:
                score = heading_score(key, h)
                if score >= HEADING_MIN:
                    found.append((score + min(len(h.folded), 30) / 100, name, h, row))
    found.sort(key=lambda f: -f[0])
    return found


def classify_rows(rows: list[Row], collection: str | None = None,
                  schemas: dict[str, Schema] | None = None) -> Classification:
    schemas = schemas or load_schemas()
    allowed = collection_types(collection, schemas)
    found = find_headings(rows, schemas)
    # a heading of a type the collection holds wins; another collection's type needs a near-exact heading
    inside = [f for f in found if not allowed or f[1] in allowed]
    outside = [f for f in found if allowed and f[1] not in allowed and f[0] >= OUTSIDE_COLLECTION_MIN]
    for score, name, heading, row in (inside or outside)[:1]:
        row.heading = True
        return Classification(name, min(1.0, score / 100), heading.text, heading.unit or schemas[name].unit, row)
    if len(allowed) == 1:
        return Classification(allowed[0], 0.5, None, schemas[allowed[0]].unit, None, "collection")
    return Classification(UNCLASSIFIED, 0.0, None, None, None, "none")


def classify_page(page: PageText, collection: str | None = None,
                  schemas: dict[str, Schema] | None = None) -> Classification:
    return classify_rows(build_rows(page), collection, schemas)
