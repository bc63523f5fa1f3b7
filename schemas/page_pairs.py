"""Pairs a register page prints once for all its entries (docs/extraction.md, step 8).

A register page opens with a few pairs under its title that hold for every entry on it — the register's year
("Năm 1996"), its book ("Quyển số: 02") — and then lists its entries, each with the same fields. Read in page
order, those pairs land in the first entry only: a field the other entries then lack, or a pair naming no field
that holds the first entry for review as if its own value were missing. The pairs above the first entry's own
fields (the first of its fields another entry of the page also has) are the page's: a field among them goes to
every entry that lacks it; a pair naming no field is listed on every entry as the page's, where it holds none
(no entry misses it more than the others; it stays listed, so nothing is dropped).

Pure functions over one page's drafts."""

from __future__ import annotations

import copy

from .fields import Draft, Found

PAGE_NOTE = "printed once above the page's entries: the page's, given to each entry"


def _top(box: list | None) -> float | None:
    return box[1] if box else None


def _bottom(box: list | None) -> float | None:
    return box[3] if box else None


def entry_top(first: Draft, others: list[Draft]) -> float | None:
    """Where the first entry's own fields begin: the top of its highest field whose key another entry of the
    page also has (every entry holds its own: the page's pairs only the first one does)."""
    keys = {k for d in others for k in d.fields}
    tops = [t for k, f in first.fields.items() if k in keys and (t := _top(f.bbox())) is not None]
    return min(tops) if tops else None


def share_page_pairs(drafts: list[Draft]) -> None:
    """On a page read as several entries, the first entry's pairs above its own fields (``entry_top``) go to
    every entry of the page: its fields to each entry lacking them (a copy with a note), its pairs naming no field
    to each entry's ``shared`` list (never its ``unmapped``: they hold no entry for review)."""
    if len(drafts) < 2:
        return
    first, others = drafts[0], drafts[1:]
    top = entry_top(first, others)
    if top is None:
        return
    above = [k for k, f in first.fields.items() if (b := _bottom(f.bbox())) is not None and b <= top
             and not any(k in d.fields for d in others)]
    for key in above:
        for d in others:
            d.fields[key] = _copy(first.fields[key])
    shared = [u for u in first.unmapped if isinstance(u, dict) and (b := _bottom(u.get("bbox"))) is not None
              and b <= top]
    if not shared:
        return
    first.unmapped = [u for u in first.unmapped if not any(u is s for s in shared)]
    for d in drafts:
        d.shared.extend(dict(u) for u in shared)


def _copy(f: Found) -> Found:
    """The field as another entry's own: its words and notes copied, never shared (each record weighs its
    fields by itself)."""
    out = copy.copy(f)
    out.notes = [*f.notes, PAGE_NOTE]
    out.toks = list(f.toks)
    return out
