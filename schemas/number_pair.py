"""A label nobody listed and its number, with no colon between them, in the next column ("Đồng thau      Xxx yyy 02").

A card or a form prints two pairs on a row, the second after a column's blank. Its label is known for a label by
its colon when its words are not (``fields._opens_pair``); but many forms print no colon before a number, and OCR
loses a colon's dots on a degraded page. A few words of letters in a label's case (the first a capital), then a
number alone ending the row, after a column's blank, are such a pair all the same: a value that ran on over a
column's blank is not written as words then a bare number (a text ends in words, a date or a measure carries its
own words or separators), so the words and the number are listed for the record-wide decoding rather than kept
in the value before them.

Pure functions over the words' texts; nothing here names a form or a wording.
"""

from __future__ import annotations

from .label_edges import bare_word

# words such a label may hold: a short noun phrase ("Tổng số", "Số cái"); a longer run of words before a
# number is more likely a sentence's
LABEL_WORDS = 4
# digits a bare number of such a pair holds: a count or a short number, not a code or a year written alone
NUMBER_DIGITS = 4


def _bare_number(word: str) -> bool:
    core = word.strip(".,;:()")
    return core.isdigit() and len(core) <= NUMBER_DIGITS


def opens_number_pair(texts: list[str]) -> bool:
    """One to ``LABEL_WORDS`` words of letters, the first opening with a capital, then one number alone and
    nothing after it."""
    if len(texts) < 2 or not _bare_number(texts[-1]):
        return False
    label = texts[:-1]
    if len(label) > LABEL_WORDS or not all(bare_word(w).isalpha() for w in label):
        return False
    return label[0][:1].isupper()
