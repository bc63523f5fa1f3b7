"""A ruled table's lines as OCR reads them: a vertical rule is mostly read as ``|``, but now and then as an opening
square bracket, alone or glued to the word after it (``[``, ``[Tên``, ``[Nam``). Such a bracket stands where the
page's other rows have their ``|`` (the same line runs down the page), and a form's text opens no square bracket it
does not close. Read as a bracket, it is a word of the label: the label is then no longer the first word of its row,
and the words after it are matched as if they were inside a value. Pure functions over plain numbers and strings;
``layout.build_rows`` cuts the rule apart."""

from __future__ import annotations

RULE_X_TOLERANCE = 8  # px at 200 dpi or more: one drawn line's left edge, read on row after row, stays this close
RULE_MIN_ROWS = 3  # a line read as ``|`` on this many rows at one x is a ruled line of the page


def rule_columns(xs: list[int], tolerance: int = RULE_X_TOLERANCE, least: int = RULE_MIN_ROWS) -> list[int]:
    """The x of the page's ruled vertical lines: left edges of ``|`` words that ``least`` or more share within
    ``tolerance`` (the median of each group)."""
    groups: list[list[int]] = []
    for x in sorted(xs):
        if groups and x - groups[-1][-1] <= tolerance:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [g[len(g) // 2] for g in groups if len(g) >= least]


def rule_read_as_bracket(text: str, x0: int, columns: list[int], tolerance: int = RULE_X_TOLERANCE) -> bool:
    """The word opens with a square bracket it does not close and starts where a ruled line runs: the line, read
    as ``[`` (alone, or glued to the word after it)."""
    return text.startswith("[") and "]" not in text and any(abs(x0 - c) <= tolerance for c in columns)
