"""A military unit written in the army's letter codes: "C3 D8 E52", "c3, d8, e52, f320", "C3/D8".

Martyrs' and veterans' records often write a unit not with its level words ("Đại đội 3, Tiểu đoàn 8") but with
the one-letter code of each level and its number: a (tiểu đội, a squad), b (trung đội, a platoon), c (đại đội, a
company), d (tiểu đoàn, a battalion), e (trung đoàn, a regiment), f (sư đoàn, a division). A unit names its levels
from the smallest up, so a chain of two or more such codes whose letters rise is a unit, whatever its numbers;
one code alone ("A1", "B2") names too many other things to be read as one.
"""

from __future__ import annotations

import re

from sohoa.text import fold

# the level letters from the smallest unit to the largest: tiểu đội, trung đội, đại đội, tiểu đoàn, trung đoàn,
# sư đoàn
LEVEL_LETTERS = "abcdef"
_CODE = re.compile(r"([a-f])(\d{1,3})")
# what stands between two codes of a chain: spaces, a comma, a slash or a dash
_SEPARATORS = re.compile(r"[\s,;/\-–.]+")


def unit_codes(value: str) -> list[tuple[str, str]] | None:
    """The codes of a unit written in level letters ("c3, d8, e52" -> [("c", "3"), ("d", "8"), ("e", "52")]):
    every word of ``value`` one code, two codes at least, their levels rising; or None."""
    words = [w for w in _SEPARATORS.split(fold(value).strip()) if w]
    codes = []
    for w in words:
        m = _CODE.fullmatch(w)
        if m is None:
            return None
        codes.append((m.group(1), m.group(2)))
    levels = [LEVEL_LETTERS.index(letter) for letter, _ in codes]
    if len(codes) < 2 or any(b <= a for a, b in zip(levels, levels[1:])):
        return None
    return codes


def opens_unit_codes(words: list[str]) -> bool:
    """The words start with a unit in level letters ("c3, d8, e52 hy sinh", "C3/D8/E52"): the longest run of codes
    they open with is a chain."""
    run: list[str] = []
    for w in words:
        parts = [p for p in _SEPARATORS.split(fold(w)) if p]
        if not parts or any(_CODE.fullmatch(p) is None for p in parts):
            break
        run += parts
    return unit_codes(" ".join(run)) is not None
