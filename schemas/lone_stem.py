"""A stroke alone in a value's place: the digit 1, not a ruled line.

OCR reads a printed ``1`` whose flag and foot faded as ``|`` (``sohoa.digit_letters``: a stem), the same
character it reads for a ruled table's vertical line. A ruled line runs down the page, so it is read at one x on
row after row (``table_rules.rule_columns``) and it stands on both sides of a cell. A ``1`` stands alone: the last
word of its row, after a column's blank (a count under its caption, "Số lượng      1"), no other stroke on its
row and none at its x on the page. Such a stroke is kept as a word, not as a leader, so a number's field reads it
as the one digit it stands for (a repair, never confident: ``fields._value_toks``, ``normalize.norm_number``), and
a text's field drops it as a speck. Pure function over plain numbers and strings.
"""

from __future__ import annotations

from .table_rules import RULE_X_TOLERANCE

STEM = "|"
STEM_GAP = 1.5  # line heights of blank before it: a column's gap (layout.COLUMN_GAP), not a word's space


def lone_stem(texts: list[str], boxes: list[tuple[int, int, int, int]], rule_xs: list[int]) -> bool:
    """Is the row's last word a stroke standing alone in a value's place (see the module doc)? ``texts`` and
    ``boxes``: the row's words in reading order; ``rule_xs``: where the page's ruled lines run (``|`` read at one
    x on several rows, ``table_rules.rule_columns``)."""
    if len(texts) < 2 or texts[-1] != STEM or STEM in texts[:-1]:
        return False
    if not any(c.isalpha() for t in texts[:-1] for c in t):
        return False  # (a stroke after specks or numbers only: nothing says a value's place)
    x0, _, _, _ = boxes[-1]
    before = boxes[-2]
    height = max(1, before[3] - before[1])
    if x0 - before[2] < STEM_GAP * height:
        return False
    return not any(abs(x0 - x) <= RULE_X_TOLERANCE for x in rule_xs)
