"""A first capital OCR lost, read back from the page: a capital whose lower case has the same shape (C/c, O/o,
S/s, V/v …) is often read as the lower case; where the page's other values kept as written start with capitals,
a text value that starts with such a letter in lower case is given its capital, noted and made less sure. Run once
a page (``extract.py``)."""

from __future__ import annotations

import unicodedata

from sohoa.text import fold

from .fields import Found
from .gazetteer import LEVEL_WORDS


# letters whose capital differs from its lower case in size alone (C/c, O/o, Ô/ô, Ơ/ơ, S/s, V/v, W/w, X/x,
# Z/z, with any tone): OCR reads the one for the other, so their case says nothing of how the page writes
SAME_SHAPE_LETTERS = frozenset("cosvwxz")
CAPITAL_WITNESSES = 1  # values whose first letter shows its case, all capitals, before a first letter is raised
PAGE_CAPITAL_FACTOR = 0.9  # a raised first letter is a reading of the page, not of the word: never more sure
PAGE_CAPITAL_NOTE = "first letter read as a capital: the page's other values start with one"
CASE_KINDS = ("text", "place")  # values kept as written; names always start with a capital and say nothing
# an address opens with its level word in lower case ("xã Tân Lập", "thị trấn Phú Lạc") however the page writes
# its other values: Vietnamese spelling, not the page's hand
_OPENING_LEVEL_WORDS = frozenset(fold(w).split()[0] for w in LEVEL_WORDS)


def _same_shape(letter: str) -> bool:
    return unicodedata.normalize("NFD", letter)[:1].lower() in SAME_SHAPE_LETTERS


def _tells_case(value: str) -> bool:
    """Whether a value's first letter says how the page writes: a letter OCR reads in its case, opening no
    address's level word."""
    first = value[:1]
    return first.isalpha() and not _same_shape(first) and fold(value.split()[0]) not in _OPENING_LEVEL_WORDS


def first_capital(value: str, others: list[str]) -> str | None:
    """``value`` with its first letter a capital, when that letter is one whose capital OCR reads as its
    lower case and the page's ``others`` (values kept as written) start, wherever their first letter shows its
    case (``_tells_case``), with a capital: at least ``CAPITAL_WITNESSES`` of them and none in lower case. A
    page that writes its values in lower case ("bệnh viện huyện", "nhà riêng") keeps the value as read; None
    when nothing changes."""
    first = value[:1]
    if not (first.isalpha() and first.islower() and _same_shape(first)):
        return None
    telling = [o[:1] for o in others if _tells_case(o)]
    if len(telling) < CAPITAL_WITNESSES or any(c.islower() for c in telling):
        return None
    return unicodedata.normalize("NFC", first.upper() + value[1:])


def capitals_from_page(found: list[Found]) -> None:
    """The first capital OCR lost from a text value ("cháu ngoại" on a page whose other values start with
    capitals is "Cháu ngoại"), raised with a note and a lower confidence (``first_capital``). Only a value
    kept as written: one a vocabulary or a normaliser rewrote says nothing of the page's hand."""
    written = [f for f in found if f.spec.kind in CASE_KINDS and isinstance(f.value, str) and f.value[:1] == f.raw[:1]]
    for f in written:
        if f.spec.kind != "text":
            continue
        raised = first_capital(f.value, [o.value for o in written if o is not f])
        if raised is not None:
            f.value = raised
            f.confidence *= PAGE_CAPITAL_FACTOR
            f.notes.append(PAGE_CAPITAL_NOTE)
