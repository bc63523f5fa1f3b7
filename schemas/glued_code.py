"""A code OCR glued to the capitalised word printed after it ("12/ABC-DEPhường"), cut back apart.

In a register printed in narrow columns the gap between a code cell (an inventory or certificate number) and the
name cell beside it is a few pixels; mild blur closes it and Tesseract reads the two cells as one word. The name
column then starts with the code and the code column is empty. A word whose head holds a digit and ends in a digit
or a capital, and whose tail is a capital followed by small letters that make a Vietnamese syllable, is those two
words: a code never ends in a capitalised syllable, and a syllable never begins with a digit. Anything else is left
as read.

The word's capital itself may be misread as a symbol of its outline ("C" as "%" or "€": "12/ABC-DE%ối"): a code
ending in a digit or a capital, then one symbol no code is written with, then small letters that make a syllable
without their first letter, is cut before the symbol too. The symbol stays with the word, whose first letter it
is (the word then reads as doubtful, never as its next syllable alone).

Pure functions over the text and box of one OCR word: NFC in, NFC out.
"""

from __future__ import annotations

import re
import unicodedata

from ocr.result import Word

from .normalize import plausible_word

_TAIL = re.compile(r"(?P<letters>[^\W\d_]+)(?P<tail>[,.;:]?)$")
# symbols OCR reads for a capital's outline; none is written in a code, whose separators are "/", ".", "-", " "
_CAPITAL_SYMBOLS = frozenset("%€£©®&@#$¢¥")
MIN_CODE = 3  # characters of a code ("A12", "3/B"): shorter heads are a misread letter or an item number


def code_and_word(text: str) -> tuple[str, str] | None:
    """The code and the word glued in ``text`` (the word keeps a trailing comma or colon), or None."""
    text = unicodedata.normalize("NFC", text)
    m = _TAIL.search(text)
    if m is None:
        return None
    letters = m.group("letters")
    capitals = [k for k, c in enumerate(letters) if c.isupper()]
    if not capitals:
        return _code_and_misread_capital(text, m)
    start = m.start() + capitals[-1]  # the word is the last capital and the small letters after it
    code, word = text[:start], text[start:m.end("letters")]
    if (len(code) < MIN_CODE or not any(c.isdigit() for c in code) or not (code[-1].isdigit() or code[-1].isupper())
            or len(word) < 2 or not plausible_word(word)):
        return None
    return code, word + m.group("tail")


def _code_and_misread_capital(text: str, m: re.Match) -> tuple[str, str] | None:
    """``text`` as a code and a word whose capital was read as a symbol ("12/ABC-DE%ối"), or None."""
    start = m.start() - 1
    if start < MIN_CODE or text[start] not in _CAPITAL_SYMBOLS:
        return None
    code, word = text[:start], text[start:m.end("letters")]
    if not any(c.isdigit() for c in code) or not (code[-1].isdigit() or code[-1].isupper()) \
            or not misread_capital(word):
        return None
    return code, word + m.group("tail")


def misread_capital(text: str) -> bool:
    """A word whose capital OCR read as a symbol ("%ối"): the symbol, then small letters that make a syllable. It
    is a word of the value, misread, not a speck: dropped, the value would read as its next words alone."""
    text = unicodedata.normalize("NFC", text).rstrip(",.;:")
    letters = text[1:]
    return (len(text) >= 2 and text[0] in _CAPITAL_SYMBOLS and letters.isalpha() and letters.islower()
            and plausible_word(letters))


def unglue_code(w: Word) -> list[Word]:
    """The OCR word cut into the code and the word glued in it, each with its share of the box; else the word."""
    parts = code_and_word(w.text)
    return [w] if parts is None else cut_word(w, parts)


def cut_word(w: Word, parts: tuple[str, ...] | list[str]) -> list[Word]:
    """The OCR word as the ``parts`` its text is cut into, in order, each with its share of the box by its
    characters (OCR gives one box for the glued word, none for its letters)."""
    x0, y0, x1, y1 = w.bbox
    per = (x1 - x0) / max(1, sum(len(p) for p in parts))
    out, at = [], 0
    for part in parts:
        out.append(Word(part, w.confidence, (int(x0 + at * per), y0, int(x0 + (at + len(part)) * per), y1)))
        at += len(part)
    return out
