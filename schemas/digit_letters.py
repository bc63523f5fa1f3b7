"""Letters OCR reads for digits, and a value's digits read back through them where the value's kind says a
digit stands.

Tesseract's ``vie`` model writes Vietnamese letters, so a digit it misreads comes back as a letter of like
shape, often with a mark the Vietnamese alphabet gives that letter: ``1`` as ``I``, ``l`` or ``Ị`` (the stem
with a speck below read as the dot of ``ị``), ``0`` as ``O``, ``Ơ`` or ``Ô``, ``91`` as ``9Ị``, ``101`` as
``IƠI``. Which letter stands for which digit is written once, in the kernel (``sohoa/digit_letters.py``, the
date reader's ``fix_digits`` uses it too), as data (``DIGIT_FOR``); the marks are taken off before it is looked
up, since no number or code is written with a Vietnamese mark. A letter that stands for two digits (``S`` for
``5`` and for ``8``) is read as neither: the value is left as written.

The kinds that say a digit stands (used by ``normalize.norm_number`` and ``repair.numbered_part_digits``):

- a number, or the digit run of a code (the piece after a separator, "HN/8532");
- the number after a numbered part's word in an address or a military unit (``xóm I`` → ``xóm 1``,
  ``thôn I1`` → ``thôn 11``, ``Trung đoàn 4?`` → ``Trung đoàn 47``).

A value repaired so is a guess for a person to see: its quality is ``REPAIRED_QUALITY``, never confident.
Pure functions over NFC text.
"""

from __future__ import annotations

import unicodedata

from sohoa.digit_letters import DIGIT_FOR, one_digit
from sohoa.text import has_marks, nfc

REPAIRED_QUALITY = 0.5  # a digit read back from a letter: likely, as the weight's repair (normalize.norm_weight)

# letters that are a stem and nothing else: alone after a numbered part's word ("xóm I") they are the digit 1;
# a single round or bowed letter alone may be the part's own letter name ("khu B", "tổ D")
STEM_LETTERS = frozenset("Il|")


def translation(letters: str) -> dict[int, str]:
    """A ``str.translate`` table reading each of ``letters`` as its one digit: each context names the letters it
    admits (a measure's "g" is its unit, not a 9), the digits they stand for are the kernel's table's."""
    return str.maketrans(one_digit(letters))


def bare(char: str) -> str:
    """The character without its Vietnamese marks (``Ị`` -> ``I``, ``Ơ`` -> ``O``); ``Đ`` stays ``Đ``."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", char)
                                                if not unicodedata.combining(c))) or char


def digit_of(char: str) -> str | None:
    """The one digit ``char`` is a misreading of, marks aside; None for a digit, another character, or a
    letter that stands for two digits."""
    if char.isdigit():
        return None
    digits = DIGIT_FOR.get(bare(char), "")
    return digits if len(digits) == 1 else None


def digits_of(token: str) -> str | None:
    """``token`` read as digits: each character a digit or a letter that stands for one digit, at least one of
    them a letter; None otherwise (a letter that stands for two digits, or for none, leaves the token as read)."""
    token = nfc(token)
    if not token or all(c.isdigit() for c in token):
        return None
    out = []
    for c in token:
        if c.isdigit():
            out.append(c)
        elif (d := digit_of(c)) is not None:
            out.append(d)
        else:
            return None
    return "".join(out)


def lookalike_only(token: str) -> bool:
    """A token with no digit whose every character is a letter read for a digit (``IƠI``)."""
    return bool(token) and not any(c.isdigit() for c in token) and digits_of(token) is not None


def one_digit_misread(texts: list[str]) -> bool:
    """One character alone that is a letter read for a digit ("l" for 1): a number of one digit, misread, not the
    rest of a label nor a speck."""
    return len(texts) == 1 and len(texts[0]) == 1 and lookalike_only(texts[0])


def has_marked_lookalike(token: str) -> bool:
    """Does the token hold a letter read for a digit that carries a Vietnamese mark (``9Ị``, ``IƠI``)? No code
    writes a marked letter, so such a letter among digits is OCR's."""
    return any(has_marks(c) and digit_of(c) is not None for c in nfc(token))
