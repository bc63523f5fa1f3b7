"""Ruled cells: a small label in each cell's top-left corner and the value written below it inside the cell,
two or more cells on a row (docs/extraction.md, step 5).

Pure functions over a page's rows: ``cell_block`` finds a row of cells' labels and takes, for each cell, the
rows below whose words start under its label; ``schemas/reader.py`` then reads each cell as a label and its
value. A row is a row of cells only when most of its runs name a field and no run is already the value of the
label before it (a label/value grid's row is no row of cells).
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from .assign import looks_like_name
from .labels import value_kind
from .layout import EMPTY_LABEL_REACH, Row, Tok, WRAP_MAX_ROWS, cell_of_x, cut_at_gaps, text_of
from .loader import Schema
from .matching import UNMAPPED, _in_vocabulary, find_labels
from .normalize import normalise

CELL_LABEL_WORDS = 12  # words a ruled cell's label may hold
CELL_OTHER_WORDS = 3  # words of a cell's label before or after the wording read in it
CELL_SLACK = 0.6  # line heights a cell's value may start left of its label (a skewed scan, a wide first letter)
CELL_INDENT = 3.0  # line heights a cell's value may start right of its label
CELL_VALUE_ROWS = WRAP_MAX_ROWS + 1  # rows a cell's value may take below its label


class CellBlock(NamedTuple):
    """A row of ruled cells' labels and the rows of their values below (docs/extraction.md, step 5): per cell,
    its label's words, then the words of each row below between its label's x and the next label's."""
    cells: list[list[Row]]
    edges: list[float]  # each cell's right edge: where the next cell's label starts; the text's margin for the last


def _goes_on_as_label(words: list[Tok], first: Tok) -> bool:
    """Words written as a label goes on after its first word: no comma, no digit, in lower case (in capitals
    after a label in capitals); a value's words start with capitals or hold commas ("Bệnh viện huyện, tỉnh …")."""
    caps = first.text.isupper()
    return all("," not in w.text and not any(c.isdigit() for c in w.text)
               and (w.text.isupper() if caps else not w.text[:1].isupper()) for w in words)


def _bordered(run: list[Tok]) -> list[Tok]:
    """A ruled cell's label as read: the cell's border ends it as a colon would, so its words are read whole
    for their meaning even when no wording of the type holds them ("Năm sinh (dương lịch) người mẹ")."""
    last = run[-1]
    return run if last.colon or last.leader else run[:-1] + [replace(last, text=last.text + ":")]


def cell_labels(schema: Schema, row: Row) -> list[list[Tok]] | None:
    """A row of two or more ruled cells' labels, no value beside them: the row cut at its wide blanks, every run
    label words alone (no digit, no colon before its last word), each read as a label."""
    if row.heading or len(row.toks) < 2:
        return None
    runs = cut_at_gaps(row.toks, max(row.height, 1))
    if len(runs) < 2:
        return None
    for run in runs:
        words = [t for t in run if not t.leader]
        if not words or len(words) > CELL_LABEL_WORDS or any(c.isdigit() for t in words for c in t.text) \
                or any(t.colon for t in words[:-1]):
            return None
    if any(a[-1].colon and not b[-1].colon for a, b in zip(runs, runs[1:])):
        return None  # a printed colon and words after it that end with none: a label and its value
    runs = [_bordered(run) for run in runs]
    if any(value_beside(schema, a, b) for a, b in zip(runs, runs[1:])):
        return None  # a label and its value on one row ("Thời đại   Nửa đầu thế kỷ XV"): a table's row
    read = [label_alone(schema, run, listed=True) for run in runs]
    known = sum(r == "field" for r in read)
    # (most of them name a field: a label/value grid's value, read as words ending at a border, lists as a
    # label nobody expected, so one label beside such words is a grid's row, not two cells')
    return runs if all(read) and 2 * known > len(runs) else None


def value_beside(schema: Schema, label: list[Tok], words: list[Tok]) -> bool:
    """The words are a value of the field the label names, by their shape: a date, a number, a code, a
    closed list's word, a measure or a century for such a field, a person's name for a name, a place
    for a place, words of its vocabulary for a text field that has one (other text has no shape of its own:
    never said)."""
    found = [m for m in find_labels(label, schema, None) if m.spec is not UNMAPPED]
    if not found:
        return False
    spec, text = found[0].spec, text_of(words).rstrip(":")
    if spec.kind == "name":
        return looks_like_name(text)
    if spec.kind == "text":
        return bool(spec.vocabulary) and _in_vocabulary(text, spec)  # a closed list's words ("Khai quật")
    if spec.kind == "place":
        return value_kind(text) == "place"
    n = normalise(spec.kind, text, spec.values)
    return n.ok and n.quality >= 1


def label_alone(schema: Schema, toks: list[Tok], listed: bool = False) -> str | None:
    """Words that are a label with nothing after it, no digit: "field" when a label read in them names a
    field, with at most a few words before or after it (the rest of a wording the type lacks: "Zzz dân tộc"),
    or after it any number written as the label goes on ("Nguyên quán gốc cựu chiến binh");
    with ``listed``, "listed" for well-read words that name no field but read as a label (an unmapped one)."""
    words = [t for t in toks if not t.leader]
    if not words or any(c.isdigit() for t in words for c in t.text):
        return None
    found = find_labels(toks, schema, None)
    if not found or sum(not t.leader for t in toks[:found[0].start]) > CELL_OTHER_WORDS:
        return None
    after = [t for t in toks[max(m.end for m in found):] if not t.leader]
    if len(after) > CELL_OTHER_WORDS and not _goes_on_as_label(after, toks[found[0].start]):
        return None
    if any(m.spec is not UNMAPPED and not m.label.role_only for m in found):
        return "field"  # (a person's word alone, "Ba", is as often a value: a relation)
    return "listed" if listed else None


def cell_block(schema: Schema, rows: list[Row], i: int, right: float) -> tuple[CellBlock, int] | None:
    """Ruled cells with a small label in each one's top-left corner and the value written below it inside
    the cell, two or more cells on a row: the row of labels at ``i``, then each row below, close under the
    one above, whose words start under a label (each cell's first word between a little left of its
    label and a few line heights right of it), until a row of labels. A value's words are its cell's by
    where they start; the block and the row after it."""
    runs = cell_labels(schema, rows[i])
    if runs is None:
        return None
    h = max(rows[i].height, 1)
    starts: list[float] = [next(t for t in run if not t.leader).bbox[0] for run in runs]
    cells = [[Row(list(run), rows[i].page)] for run in runs]
    j, prev, reach = i + 1, rows[i], EMPTY_LABEL_REACH
    while j < len(rows) and j - i <= CELL_VALUE_ROWS:
        r = rows[j]
        # (measured in the row above's own height: a cell's label is often smaller than its value)
        if r.heading or not r.toks or r.bbox[1] - prev.bbox[3] > reach * max(prev.height, h) \
                or any(t.colon for t in r.toks[:-1]) or cell_labels(schema, r) is not None:
            break
        parts: dict[int, list[Tok]] = {}
        for t in r.toks:
            parts.setdefault(cell_of_x(t.bbox[0], starts, CELL_SLACK * h), []).append(t)
        if any(label_alone(schema, toks) and not value_beside(schema, runs[k], toks) for k, toks in parts.items()):
            break  # a label of its own (the next row of cells, or a label and its value), unless its words
            # are a value of the field its cell's label names ("Khai quật" under a way of acquisition)
        if any(not (starts[k] - CELL_SLACK * h <= toks[0].bbox[0] <= starts[k] + CELL_INDENT * h)
               for k, toks in parts.items()):
            break  # words that start under no label: the next row of the form
        for k, toks in parts.items():
            cells[k].append(Row(toks, r.page))
        prev, j, reach = r, j + 1, 1.6
    if j == i + 1:
        return None
    edges = [x - CELL_SLACK * h for x in starts[1:]] + [right]
    return CellBlock(cells, edges), j
