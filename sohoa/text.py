"""Text at the boundaries: every string that enters or leaves sohoa is NFC.

Vietnamese letters can be written precomposed (``ế``) or as a base letter with
combining marks (``ê`` + U+0301); scanners, OCR engines and keyboards differ.
Comparing or indexing mixed forms silently misses matches, so everything is
normalised to NFC at each boundary (OCR output, extraction, indexing, queries).
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Characters that print as nothing (zero-width space, joiners, direction marks, soft hyphen, BOM): pasted into
# a query ("Ng\u200buyễn") they split a word that looks whole, so it matches nothing.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def strip_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def clean_spaces(text: str) -> str:
    """NFC, without invisible characters, with runs of white space collapsed to one space and ends trimmed."""
    return _SPACES.sub(" ", strip_invisible(nfc(text))).strip()


def _fold_table() -> dict[int, str]:
    """Each precomposed Latin letter with diacritics -> its plain letter (ệ -> e, Ư -> U)."""
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and base.isascii():
            table[cp] = base
    return table


_FOLD = _fold_table()
# Combining marks left over after NFC (letters with no precomposed form).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def has_marks(text: str) -> bool:
    """Whether any letter of ``text`` carries a Vietnamese mark (a tone or a vowel's hat, horn or breve; ``đ``
    is a letter of its own, not a marked one)."""
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text))


def fold(text: str) -> str:
    """Accent-free lower-case form: ``Nguyễn Văn Đức`` -> ``nguyen van duc``.

    ``đ``/``Đ`` has no decomposition under NFD, so it is mapped explicitly.
    A translation table does the common case in one pass (folding runs on
    every page and every record indexed, and on every query).
    """
    folded = unicodedata.normalize("NFC", text).translate(_FOLD)
    if _MARKS.search(folded):
        decomposed = unicodedata.normalize("NFD", folded)
        folded = unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))
    return folded.lower()
