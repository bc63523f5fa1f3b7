"""A code's separator OCR lost, put back where the page's other codes have it ("GV4939" among "GV.5120", "KL.3988").

A register numbers its objects in one system: most codes of a page share one shape (``code_shapes.code_shape``:
"A.9", "A 9/A 9"). The dot, dash or space between a code's letters and digits is the smallest mark on the line and
the one OCR drops on a worn page; the code then reads with one separator fewer than the page's shape. When putting
one separator back gives the page's shape in exactly one way, that is the code as printed:

- between a run of letters and a run of digits, the shape says where it goes;
- inside a run of letters ("BTTHGS"), only where the page's other codes show the two letter groups it parts
  ("BTTH", "GS").

Any other difference (a digit or a letter lost, two separators lost) is left as read. Pure functions over the
codes' texts; nothing here names a collection or a code.
"""

from __future__ import annotations

import re

from .code_shapes import code_shape

_LETTERS = re.compile(r"[A-ZĐ]+")


def _letter_groups(codes: list[str]) -> set[str]:
    return {g for c in codes for g in _LETTERS.findall(c)}


def _insertions(value: str, separators: set[str], groups: set[str]) -> set[str]:
    """The value with one separator put back between two of its characters: a letter and a digit, or two letters
    where both groups made are among ``groups``."""
    out = set()
    for k in range(1, len(value)):
        a, b = value[k - 1], value[k]
        if not (a.isalnum() and b.isalnum()):
            continue
        if a.isalpha() and b.isalpha():
            left = _LETTERS.findall(value[:k])[-1]
            right = _LETTERS.match(value[k:])
            if right is None or left not in groups or right.group(0) not in groups:
                continue
        elif a.isdigit() and b.isdigit():
            continue
        out |= {value[:k] + s + value[k:] for s in separators}
    return out


def separator_restored(value: str, page_shape: str, peers: list[str]) -> str | None:
    """The code with the one separator the page's shape has and it lacks, or None: ``page_shape`` is the shape most
    of the page's other codes share, ``peers`` those codes."""
    separators = re.sub(r"[A9]", "", page_shape)
    if len(separators) != len(re.sub(r"[A9]", "", code_shape(value))) + 1:
        return None  # one separator lost, no more
    fits = {c for c in _insertions(value, set(separators), _letter_groups(peers)) if code_shape(c) == page_shape}
    return fits.pop() if len(fits) == 1 else None
