"""The short sides of boxed cells: vertical rules as tall as one row, standing on a horizontal rule.

A form printed as a stack of boxes, one a row (the certificates of a bound register: a box around each
"label | value" row), has vertical rules only as tall as its row, about two and a half letters. The ``lines``
step looks for rules five letters long (``preprocess.remove_lines``: shorter ink could be a letter's stem), so
these stay on the page and Tesseract reads the side beside a value's first character as part of it: a ``1``
or ``|`` glued to the number, or the digit next to the rule lost ("1960" read "190", measured on a clean
page, docs/benchmarks.md "Digits read on clean pages"). What tells such a side from a letter is not its length
alone but where it stands: it is taller than any letter's stem (a stem runs from the descender to the
ascender, under two letter heights) and it touches a long horizontal rule at an end; a bracket or a ``l``
does neither.
"""

from __future__ import annotations

import cv2
import numpy as np

# A vertical run this many text heights long is taller than any letter's stem (ascender to descender is about
# 1.5 x-heights; the text height measured is between the x-height and the capitals' height).
SIDE_HEIGHTS = 2.0


def side_length(height: float) -> int:
    """The shortest vertical run, in pixels, taken for a box's side on a page of text ``height``."""
    return max(12, int(round(height * SIDE_HEIGHTS)))


def box_sides(mask: np.ndarray, side: int, rule: int) -> np.ndarray:
    """The vertical runs of ink at least ``side`` pixels tall (``mask``: 1 for ink) that touch a horizontal run
    at least ``rule`` pixels long: the sides of boxed cells, as a 0/1 mask of ``mask``'s shape."""
    found = np.zeros_like(mask)
    uprights = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, side)))
    if not uprights.any():
        return found
    rules = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (rule, 1)))
    if not rules.any():
        return found
    n, labels = cv2.connectedComponents(uprights, connectivity=8)
    # A side meets its row's rules at its ends: the rules widened by two pixels reach a side that stops a
    # pixel short of them (a rule drawn with gaps at the corners).
    near_rule = cv2.dilate(rules, np.ones((5, 5), np.uint8)).astype(bool)
    touching = np.unique(labels[near_rule & (labels > 0)])
    if touching.size == 0:
        return found
    found[np.isin(labels, touching)] = 1
    return found
