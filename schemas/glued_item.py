"""An item's number OCR glued to the label printed after it ("5.Chức vụ", "6.C."), cut back apart.

A numbered form prints each item as its number, a dot and the label ("5. Chức vụ - ..."). The space after the dot is
narrow, and a blurred scan closes it: OCR reads "5.Chức" or "5.C." as one word. The number then hides the label's
first word, the row reads as no label at all, and its words run on as the end of the value on the row above. A word
that opens its line with one or two digits and an enumerator's dot or bracket, then a capital that starts a word (a
syllable: "Chức", "CHỨC"; or an initial and its dot: "C.", "Q."), is the item's number and the label's word. A
date ("5.3.1970") or a code ("12.A3") has a digit or no syllable after its dot and is left as read.

Pure functions over the text and box of one OCR word: NFC in, NFC out.
"""

from __future__ import annotations

import re
import unicodedata

from ocr.result import Word

from .glued_code import cut_word
from .normalize import plausible_word

# the item's number as layout.is_item_number reads it at a row's start ("5.", "12)"), then the word glued to it
_GLUED = re.compile(r"(?P<number>\d{1,2}[.)])(?P<word>[^\W\d_].*)")
# a word cut to its initial: the capital and its dot, the syllable after it glued or not ("C.", "Q.hx")
_INITIAL = re.compile(r"[^\W\d_]\.(?:[^\W\d_]+)?[,.;:]?")
_EDGE = ",.;:"


def item_and_label(text: str) -> tuple[str, str] | None:
    """The item's number and the label's word glued in ``text`` ("5.Chức" -> ("5.", "Chức")), or None."""
    m = _GLUED.fullmatch(unicodedata.normalize("NFC", text))
    if m is None:
        return None
    word = m.group("word")
    if not word[0].isupper():
        return None
    letters = word.rstrip(_EDGE)
    if _INITIAL.fullmatch(word) is None and not (letters.isalpha() and len(letters) >= 2 and plausible_word(letters)):
        return None
    return m.group("number"), word


def unglue_item(w: Word, opens_line: bool) -> list[Word]:
    """The OCR word cut into the item's number and the label's word glued in it, when it opens its line (an item
    starts a line; inside one, such a word is a value's); else the word."""
    parts = item_and_label(w.text) if opens_line else None
    return [w] if parts is None else cut_word(w, parts)
