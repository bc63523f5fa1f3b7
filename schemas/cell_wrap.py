"""A cell's value that wraps onto the line under it, told by the geometry alone (docs/extraction.md, step 5).

A value longer than its cell is set on as many lines as it needs, one under the other at the print's own line
pitch: the blank between two of its lines is well under a line's height (type is set 1.2 to 1.5 times its size
apart). The next row of a table stands lower: under the row's rule and the cell's padding, a line or more below.
So a row close under the values, whose every part lies inside the span of a value already read in its cell, is
those values' next line — whatever its words look like: the end of a name in letters with no ascender or mark
reads as smaller print than the line above; the end of a cause of death in common words reads as a label's. Pure functions over
rows and words.
"""

from __future__ import annotations

from .layout import Row, Tok

# line heights of blank, at most, between two lines of one wrapped value: a paragraph's lines set at 1.2-1.5 times
# their size leave 0.2-0.5 of a line between their boxes; a row of cells below stands under a rule and padding
WRAP_PITCH = 0.6


def wraps_values(values: list[list[Row]], parts: dict[int, list[Tok]], row: Row, slack: float) -> bool:
    """The ``row`` (cut into its cells' ``parts``) is the next line of the values above it: each part is in a cell
    that holds a value, at that value's line pitch under its last line (measured from that line in its own cell:
    another cell's longer value says nothing of where this one's lines are), and within that line's span
    (``slack`` either side: a centred line is narrower, a left-aligned one starts where the value does)."""
    if not parts:
        return False
    for k, toks in parts.items():
        last = [t for t in values[k][-1].toks if not t.leader] if values[k] else []
        if not last:
            return False
        top, bottom = min(t.bbox[1] for t in last), max(t.bbox[3] for t in last)
        x0, x1 = min(t.bbox[0] for t in last), max(t.bbox[2] for t in last)
        if row.bbox[1] - bottom > WRAP_PITCH * max(bottom - top, 1) \
                or toks[0].bbox[0] < x0 - slack or toks[-1].bbox[2] > x1 + slack:
            return False
    return True
