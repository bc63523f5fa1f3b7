"""The value column of a sheet of label cells: a row below a value that holds a label of its own.

A sheet printed from an electronic record sets each label in a cell of its own (shaded grey, left- or
right-aligned in it) and each value in the cell beside it, from one column; it prints no colon and no rule. The
only sign that a row opens the next pair is where its words stand: a label left of the value column, then, after
the blank of the cells' edge, words that start in that column. A value's wrapped line never looks so: it starts
in the value column, or at the margin and runs on with word blanks only, and a label's own wrapped line beside
it ("… người" / "mất") goes on in lower case. Pure functions over a row's tokens.
"""

from __future__ import annotations

from .cells import CELL_SLACK
from .layout import Tok, gap_before, usual_gap

EDGE_BLANK_WORDS = 2.0  # the blank at the cells' edge, at least this many of the row's usual blanks between words


def value_x(value: list[Tok]) -> float | None:
    """Where the value's first word starts (leaders left out): the column of the form's values."""
    first = next((t for t in value if not t.leader), None)
    return None if first is None else first.bbox[0]


def split_at_column(toks: list[Tok], x: float, height: float) -> int | None:
    """The index of the row's first word that starts in the value column at ``x`` after a cell's edge: the
    words before it all end left of the column, with the blank of the edge before it (OCR ends its line there, or
    the blank is wider than the row's usual one between words). None when the row has no such word."""
    usual = usual_gap(toks)
    for k in range(1, len(toks)):
        if abs(toks[k].bbox[0] - x) > CELL_SLACK * height:
            continue
        if toks[k - 1].bbox[2] >= x:
            return None
        if toks[k - 1].line_end or gap_before(toks, k) >= EDGE_BLANK_WORDS * max(usual, 1):
            return k
    return None


def opens_in_value_column(value: list[Tok], below: list[Tok], height: float) -> bool:
    """The row below a value opens the next pair of a sheet of label cells: a label (a capital first, no
    digit) left of the value's column, and its own value in that column. The value above ends on its row."""
    x = value_x(value)
    words = [t for t in below if not t.leader]
    if x is None or not words or words[0].bbox[0] >= x - CELL_SLACK * height:
        return False
    k = split_at_column(words, x, height)
    if k is None:
        return False
    label = words[:k]
    return label[0].text[:1].isupper() and not any(c.isdigit() for t in label for c in t.text)


COLUMN_ROWS = 3  # rows whose value starts at one x, at least, for the x to be the page's value column


def cell_edges(toks: list[Tok]) -> list[int]:
    """The indices of a row's words that open a second cell: OCR ended its line on the word before (a blank wider
    than the words' own), and the row goes on."""
    return [k for k in range(1, len(toks)) if toks[k - 1].line_end and not toks[k].leader]


def value_columns(rows: list[list[Tok]], height: float) -> list[float]:
    """The x's where a page's values start beside their label cells, measured from its rows: where a row's second
    cell starts (``cell_edges``), kept when ``COLUMN_ROWS`` rows or more start one there (within ``CELL_SLACK``
    line heights), each column once (the leftmost start of its rows). A form's value column is one per form, not a
    constant: each sheet draws its own."""
    starts = sorted(toks[k].bbox[0] for toks in rows for k in cell_edges(toks)[:1])
    out: list[float] = []
    for x in starts:
        if out and x - out[-1] <= CELL_SLACK * height:
            continue
        if sum(1 for s in starts if 0 <= s - x <= CELL_SLACK * height) >= COLUMN_ROWS:
            out.append(x)
    return out


def label_cell_end(toks: list[Tok], columns: list[float], height: float, most: int) -> int | None:
    """Where a row no label rule read is cut into its label cell and its value cell: at its first cell edge
    (``cell_edges``) whose next word starts in one of the page's value ``columns``, with label words before it (a
    capital first, no digit, ``most`` words at most). None when the row is not so cut."""
    for k in cell_edges(toks)[:1]:
        label = [t for t in toks[:k] if not t.leader]
        if not any(abs(toks[k].bbox[0] - x) <= CELL_SLACK * height for x in columns):
            return None
        if label and len(label) <= most and label[0].text[:1].isupper() \
                and not any(c.isdigit() for t in label for c in t.text):
            return k
    return None
