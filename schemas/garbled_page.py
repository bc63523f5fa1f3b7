"""A page OCR garbles: no code read on it is confident.

On a degraded scan (speckle, blur, a faint stamp over the text) Tesseract reads some words as strings no writing
holds ("D*.K", "x&y", "A1'^"): letters or digits with a symbol among them, given a low word confidence. The same
scan makes it confuse digits of like shape (0 and 9, 6 and 8) in a code's running number, and a misread digit
keeps the word confidence of a clean one: "8889/GS" read at 0.90 beside "1128/GS" at 0.91 on the same page. A code
has no grammar to check it by and its digits no date to be checked against (``date_order``); the page's garbled
words are the only sign that its digits are in question. So on a page with several garbled words, a code
(``"code": true`` fields) is held under the review threshold; the calibration, fitted field by field, cannot see
the page.

``digit_doubt`` is the sibling rule for dates and years read with doubt; this one looks at the words that are no
words at all, which a page shows when its digits read clean enough to pass that rule.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from .digit_doubt import DOUBTFUL_WORD

# marks ordinary writing puts in or around a word: what a word holding any other symbol was not written with
WRITING_MARKS = frozenset(".,;:()/-–\"'?!%")
GARBLED_WORDS = 3  # garbled words that put a page's codes in question (one or two are a stain or a stamp's edge)


def is_garbled(text: str, confidence: float) -> bool:
    """A word OCR made up from specks: read with doubt (under ``DOUBTFUL_WORD``), with letters or digits and a
    symbol no writing puts in a word ("D*.K", "x&y"); a lone symbol is a speck, not a word."""
    if confidence >= DOUBTFUL_WORD or not any(c.isalnum() for c in text):
        return False
    return any(not c.isalnum() and not c.isspace() and c not in WRITING_MARKS
               and unicodedata.category(c) != "Mn" for c in text)


def page_garbled(words: Iterable[tuple[str, float]]) -> bool:
    """Does OCR garble the page? ``words``: (text, OCR confidence) of the words read on it."""
    return sum(is_garbled(text, conf) for text, conf in words) >= GARBLED_WORDS
