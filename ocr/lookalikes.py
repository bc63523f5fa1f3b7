"""Letters Tesseract's Vietnamese model writes that Vietnamese never prints, put back as the letter printed.

The ``vie`` model's character set holds a few letters of other Latin alphabets whose glyph is the glyph of a
Vietnamese letter or a digit, and it sometimes answers with them:

- ``Ð`` (U+00D0, the Icelandic eth) for ``Đ`` (U+0110): the two capitals are drawn alike in every font. On
  the extraction benchmark's seen and dev pages it is the only letter outside the Vietnamese alphabet the
  engine wrote (13 words on seed 11), always where ``Đ`` was printed ("90/QÐ"), and in most of them beside a
  ``Đ`` it had also written for the same glyph, once or twice ("895/QĐÐ", "7174/QĐÐĐ");
- ``Ø`` for the digit ``0`` in a number ("Ø7"): Vietnamese has no slashed O, and the zero of some faces carries
  a stroke.

Searching, indexing and extraction compare letters: "QÐ" is not "QĐ" to any of them, and a folded comparison
drops the eth entirely. The fix is a pure function of one word's text, applied to the words of a page read in
Vietnamese (ocr/tesseract.py); a ``Đ`` printed twice ("ĐĐ") is left as read, only a run of them holding an eth
becomes one ``Đ``.
"""

from __future__ import annotations

import re

# An eth, alone or in a run of Đ and eth ("Ð", "ĐÐ", "ÐĐ", "ĐÐĐ"): one glyph the engine wrote once or more.
_CAPITAL_ETH = re.compile(r"[ĐÐ]*Ð[ĐÐ]*")
_SMALL_ETH = re.compile(r"[đð]*ð[đð]*")
_SLASHED_ZERO = re.compile(r"[Øø]")


def vietnamese_letters(text: str) -> str:
    """``text`` (one word, NFC) with the lookalikes above written as the Vietnamese letter or digit they are."""
    if not text.isascii():
        text = _SMALL_ETH.sub("đ", _CAPITAL_ETH.sub("Đ", text))
        if _SLASHED_ZERO.search(text) and _is_number(_SLASHED_ZERO.sub("0", text)):
            text = _SLASHED_ZERO.sub("0", text)
    return text


def _is_number(text: str) -> bool:
    """Digits, with the separators of dates and numbers between them ("07", "12/05", "1.500")."""
    return re.fullmatch(r"\d+([./,-]\d+)*[.,;:)]?", text) is not None


def reads_vietnamese(languages: str) -> bool:
    """Whether a Tesseract language list ("vie", "vie+eng") reads Vietnamese."""
    return "vie" in languages.split("+")
