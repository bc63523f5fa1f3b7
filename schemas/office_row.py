"""Where a body's name is written on a row: "Ủy ban nhân dân xã …", "UBND phường …".

A civil-status paper names the office that registered it by a body word and the unit it serves (the
``gazetteer``'s office heads followed by a level word: "xã", "phường", "thị trấn", "huyện" …). No person's field
holds such a name — a person lives, was born or died at a place, never at a body — so a row that writes one under
two persons' columns ("Bên chồng | Bên vợ") is the paper's own, not a person's line, whatever its label: the
columns end above it (``reader._ends_columns``), and a label the vocabulary lacks, alone on the line over it,
goes with it. For the same reason a body's name is never a label: its head ("UBND" before "phường …") read as a
label naming an office, after the row's own label, is the first word of that label's value (``names_body_at``).
"""

from __future__ import annotations

from sohoa.text import fold

from .gazetteer import LEVEL_WORDS, OFFICE_HEADS
from .layout import Tok

_HEADS = tuple(tuple(h.split()) for h in OFFICE_HEADS)  # folded words of each office head
_LEVELS = tuple(tuple(fold(w).split()) for w in LEVEL_WORDS)  # folded words of each administrative level word


def _words(toks: list[Tok]) -> list[str]:
    return [fold(t.text).strip(".,;:()") for t in toks]


def office_name_at(toks: list[Tok]) -> int | None:
    """The index of the word where a body's name begins: an office head ("Ủy ban nhân dân", "UBND") followed by an
    administrative level word; None when the row writes none."""
    words = _words(toks)
    for i in range(len(words)):
        for head in _HEADS:
            end = i + len(head)
            if tuple(words[i:end]) == head and any(tuple(words[end:end + len(lv)]) == lv for lv in _LEVELS):
                return i
    return None


def opens_with_office_name(toks: list[Tok]) -> bool:
    """The row's first word with a letter begins a body's name (a value written on the line under its label);
    a speck before it ("¬", a dot of the writing line) is no word."""
    first = next((k for k, t in enumerate(toks) if any(c.isalpha() for c in t.text)), None)
    return first is not None and office_name_at(toks[first:]) == 0


def names_body_at(toks: list[Tok], start: int) -> bool:
    """A body's name begins at word ``start`` of the row: there a label read by its words ("Ủy ban", "UBND" name an
    office) is the office's name as written, a value, not a label."""
    return office_name_at(toks[start:start + 8]) == 0
