"""Where the entries of a register page begin, from the page's spacing alone.

A register page rules its entries apart: a line drawn between two entries, or only more white, leaves a
gap between the last row of one entry and the first of the next that is clearly wider than the gaps
between the rows of one entry (a row to the next, a value to its wrapped rest). When the gaps of a page fall
into two such groups, the wide ones are where entries begin, whatever the rows' labels say: a label misread
as another field of the entry (the mother's name read as the subject's) does not cut the entry in two, and
a number whose label was not read stays with the entry it heads.

When the gaps do not fall clearly into two groups (a page with no ruling, or with white between every
field), nothing is said and entries are told apart by their fields (``schemas/reader.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_GAPS = 3  # fewer gaps between rows than this say nothing about a page's usual spacing
WIDE_OVER_USUAL = 1.4  # an entry's gap is at least this many times the page's median gap …
WIDE_OVER_NARROW = 1.25  # … and this many times the widest gap inside an entry
WIDE_OVER_HEIGHT = 0.5  # … and at least half a row's height (rows set close: a few pixels are no ruling)
MIN_ENTRY_ROWS = 3  # an entry states several fields over several rows: a row or two alone is a field
MAX_ENTRY_SPREAD = 2.0  # the entries of one register list the same fields: none is more than twice another

Span = tuple[float, float]  # (top, bottom) of a visual row


def _blocks_are_entries(starts: list[int], n_rows: int) -> bool:
    """Do the rows between wide gaps look like the entries of one register? Two entries at least, each of a
    few rows and of like length; what comes before the first wide gap may be shorter (the page's own lines:
    a year, a book's number) but no longer."""
    bounds = [*starts, n_rows]
    sizes = [b - a for a, b in zip(bounds, bounds[1:])]
    if len(sizes) < 2 or min(sizes) < MIN_ENTRY_ROWS or max(sizes) > MAX_ENTRY_SPREAD * min(sizes):
        return False
    return starts[0] <= MAX_ENTRY_SPREAD * max(sizes)


def entry_starts(rows: Sequence[Span], height: float) -> set[int]:
    """The indices of the rows (in reading order, top to bottom) that follow a gap wide enough to open an
    entry; empty when the page's gaps do not say. ``height`` is the page's usual row height.

    The gaps sorted, each step up between two neighbours above the median may part the gaps inside an entry
    from those between entries (the entries' gaps are fewer than the rows' inside them); the clearest step
    (the largest ratio) whose wide gaps cut the page into entries (``_blocks_are_entries``) is taken."""
    gaps = [b[0] - a[1] for a, b in zip(rows, rows[1:])]
    if len(gaps) < MIN_GAPS:
        return set()
    ordered = sorted(gaps)
    usual = max(ordered[len(ordered) // 2], 1.0)
    steps = sorted(((ordered[k + 1] / max(ordered[k], 1.0), ordered[k + 1])
                    for k in range(len(ordered) // 2, len(ordered) - 1)), reverse=True)
    for ratio, cut in steps:
        if ratio < WIDE_OVER_NARROW:
            break
        if cut < WIDE_OVER_USUAL * usual or cut < WIDE_OVER_HEIGHT * height:
            continue
        starts = [k + 1 for k, g in enumerate(gaps) if g >= cut]
        if _blocks_are_entries(starts, len(rows)):
            return set(starts)
    return set()
