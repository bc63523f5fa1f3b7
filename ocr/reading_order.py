"""Reading order of a page's lines, from their geometry.

Tesseract's page segmentation sometimes cuts a single column of text into
side-by-side blocks: on a typewritten page, values set at a tab stop line up
into a straight left edge that it takes for a column, and its output then
gives every label first and every value after ("words right, lines
interleaved"), so phrases spanning the cut cannot be found. A page set in
real columns of running text has blocks side by side too, but their lines
need not share rows.

The rule: blocks that sit side by side and whose lines share rows (most lines
of the smaller block have a line of the other at the same height) are one
piece of text read row by row, top to bottom, left to right within a row,
like the printed lines a reader types. Other blocks keep Tesseract's order.
Lines are never merged or split: field extraction works from the boxes and
reads where Tesseract ended a line.
"""

from __future__ import annotations

from .result import Line

# Share of the smaller block's lines that must have a partner on the same row,
# and how many such rows at least: a letterhead's two short side-by-side
# blocks (authority | national motto) are separate texts, a column cut at a
# tab stop runs down the page.
MIN_SHARED_SHARE = 0.6
MIN_SHARED_ROWS = 3
# Two lines are on one row when their vertical extents overlap by this share of the smaller height.
ROW_OVERLAP = 0.5


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def same_row(a: Line, b: Line) -> bool:
    """Side by side (no horizontal overlap) at the same height."""
    if _overlap(a.bbox[0], a.bbox[2], b.bbox[0], b.bbox[2]) > 0:
        return False
    height = min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1])
    return height > 0 and _overlap(a.bbox[1], a.bbox[3], b.bbox[1], b.bbox[3]) >= ROW_OVERLAP * height


def _share_rows(a: list[Line], b: list[Line]) -> bool:
    small, other = (a, b) if len(a) <= len(b) else (b, a)
    paired = sum(1 for line in small if any(same_row(line, o) for o in other))
    return paired >= MIN_SHARED_ROWS and paired >= MIN_SHARED_SHARE * len(small)


def _stacked(a: list[Line], b: list[Line]) -> bool:
    """Two blocks of one column: one above the other, mostly over the same x-range
    (Tesseract also cuts a column across, between its lines)."""
    ax0, ax1 = min(ln.bbox[0] for ln in a), max(ln.bbox[2] for ln in a)
    bx0, bx1 = min(ln.bbox[0] for ln in b), max(ln.bbox[2] for ln in b)
    narrower = min(ax1 - ax0, bx1 - bx0)
    return narrower > 0 and _overlap(ax0, ax1, bx0, bx1) >= 0.5 * narrower


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into visual rows, top to bottom, each row left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.bbox[1] + ln.bbox[3]) / 2):
        row = next((r for r in reversed(rows[-3:]) if all(same_row(line, o) for o in r)), None)
        if row is None:
            rows.append([line])
        else:
            row.append(line)
    return [sorted(r, key=lambda ln: ln.bbox[0]) for r in rows]


class _Sets:
    """Union-find over block numbers."""

    def __init__(self, items):
        self.parent = {x: x for x in items}

    def root(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[rb] = ra

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for x in self.parent:
            out.setdefault(self.root(x), []).append(x)
        return out


def reading_order(lines: list[Line]) -> list[Line]:
    """``lines`` (Tesseract's order) with blocks that split one column put back
    together row by row; every other line where Tesseract put it."""
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line)
    if len(blocks) < 2:
        return lines
    numbers = list(blocks)
    # First the columns: blocks stacked over the same x-range.
    columns = _Sets(numbers)
    for i, a in enumerate(numbers):
        for b in numbers[i + 1:]:
            if _stacked(blocks[a], blocks[b]):
                columns.join(a, b)
    column_lines = {c: [ln for b in members for ln in blocks[b]] for c, members in columns.groups().items()}
    # Then the columns that share their rows: one text cut apart.
    texts = _Sets(list(column_lines))
    keys = list(column_lines)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if _share_rows(column_lines[a], column_lines[b]):
                texts.join(a, b)
    merged = [members for members in texts.groups().values() if len(members) > 1]
    if not merged:
        return lines
    group_of: dict[int, int] = {}  # line id -> index into merged
    for g, members in enumerate(merged):
        for c in members:
            for line in column_lines[c]:
                group_of[id(line)] = g
    out: list[Line] = []
    emitted: set[int] = set()
    for line in lines:
        g = group_of.get(id(line))
        if g is None:
            out.append(line)
        elif g not in emitted:
            # The whole text at the place of its first line, row by row, as one block.
            emitted.add(g)
            number = line.block
            for row in _rows([ln for c in merged[g] for ln in column_lines[c]]):
                for member in row:
                    member.block = number
                    out.append(member)
    return out
