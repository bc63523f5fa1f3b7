"""A page whose OCR doubts its digits: no value in digits read on it is confident.

Tesseract confuses digits of like shape (6 and 8, 3 and 8, 1 and 7) on a page whose font, size or scan makes
them hard, and gives the misread digit the same word confidence as a digit read right: a date read
"08/02/1954" for "06/02/1954" at 0.95. What it does show is doubt on some of the page's other dates. So a
page on which two dates or years were read with doubt makes every value in digits read on it less than
confident: the calibration, fitted field by field, cannot see that the page's digits are in question.
"""

from __future__ import annotations

from collections.abc import Iterable

DOUBTFUL_WORD = 0.6  # a word OCR gives less than this is one it doubts
DOUBTED_WORDS = 2  # dates or years read with doubt that put the page's other digits in question (one alone
# is one smudged word)
DATE_DIGITS = 4  # a word with this many digits is a date or a year: short numbers (an entry's "12", a book's
# "03") get low word confidences from Tesseract even when read right, and say nothing of the page


def has_digits(text: str) -> bool:
    return any(c.isdigit() for c in text)


def page_doubts_digits(words: Iterable[tuple[str, float]]) -> bool:
    """Does the page's OCR doubt its digits? ``words``: (text, OCR confidence) of the words read on it."""
    doubted = [text for text, conf in words if conf < DOUBTFUL_WORD and sum(c.isdigit() for c in text) >= DATE_DIGITS]
    return len(doubted) >= DOUBTED_WORDS
