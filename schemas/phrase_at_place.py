"""A closed list's phrase with the place it was done at after it: still that field's value.

A text field with a vocabulary (how a museum object came in: "Sưu tầm", "Khai quật") is often written as its
verb phrase and where it was done, joined by the word a place follows ("tại", "ở": place_joiners.PLACE_AFTER_DATE), the
way Vietnamese puts a place after any act ("Khai quật tại di chỉ"). Such words under the field's caption are its
value, not the caption of a place that the joining word makes them look like. Pure function over text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from .place_joiners import PLACE_AFTER_DATE

MIN_PLACE_WORDS = 1  # words after the joining word: the place itself


def phrase_at_place(text: str, in_vocabulary: Callable[[str], bool]) -> bool:
    """``text`` is a phrase ``in_vocabulary`` accepts, then a joining word, then a place's words."""
    words = [w.strip(",.;:") for w in unicodedata.normalize("NFC", text).split()]
    for k, w in enumerate(words):
        if w.lower() in PLACE_AFTER_DATE:
            return k > 0 and len(words) - k - 1 >= MIN_PLACE_WORDS and in_vocabulary(" ".join(words[:k]))
    return False
