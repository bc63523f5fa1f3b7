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


def clean_spaces(text: str) -> str:
    """NFC, with runs of white space collapsed to one space and ends trimmed."""
    return _SPACES.sub(" ", nfc(text)).strip()


def fold(text: str) -> str:
    """Accent-free lower-case form: ``Nguyễn Văn Đức`` -> ``nguyen van duc``.

    ``đ``/``Đ`` has no decomposition under NFD, so it is mapped explicitly.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped).lower()
