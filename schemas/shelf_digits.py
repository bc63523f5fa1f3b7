"""The numbers of a shelf mark's inner parts read with letters for digits ("tủ 5, ngăn I" -> "ngăn 1", "giá I5" ->
"giá 15").

A place in a store is written as its parts, each a storage word before its number or name ("Kho 3, giá 8, ngăn 6",
``value_look.is_shelf_mark``). The parts inside a store (a cabinet, a shelf or a rack, a tier, a drawer, a box)
are counted, in digits, and OCR reads a ``1`` there as the stem letter ``I`` or ``l``, as it does after an
address's numbered part (``repair.part_number`` reads the token, the same reading). The store or the room itself is
often named by letters ("Kho KL", "Phòng B", a Roman "Kho II"): its number is left as read.

Only a value every part of which opens with a storage word is read so: a description's or an address's words are
left alone. Never sure: the paper may print a letter there.
"""

from __future__ import annotations

import re

from sohoa.text import fold

from .repair import Repaired, part_number
from .value_look import STORE_WORDS

# the folded words of a store's inner parts, each counted in digits: a cabinet, a shelf, a rack, a tier, a drawer,
# a box (the store's own words, "kho" and "phòng", open a mark and may take a letter name)
INNER_PARTS = STORE_WORDS - {"kho", "phong"}
_PART_SPLIT = re.compile(r"([,;])")


def _opener(part: str) -> str:
    words = part.split()
    return fold(words[0]).strip(".:") if words else ""


def shelf_part_digits(text: str) -> Repaired:
    """``text`` with the number of each inner part of a shelf mark read back from letters (``ngăn I`` -> ``ngăn 1``,
    ``giá I5`` -> ``giá 15``): a part of a storage word and one token after it, in a value of two parts or more
    each opening with a storage word."""
    pieces = _PART_SPLIT.split(text)
    parts = pieces[::2]
    if len(parts) < 2 or any(_opener(p) not in STORE_WORDS for p in parts):
        return Repaired(text)
    changes: list[str] = []
    for k in range(0, len(pieces), 2):
        words = pieces[k].split()
        if len(words) != 2 or _opener(pieces[k]) not in INNER_PARTS:
            continue
        core = words[1].rstrip(".")
        number = part_number(core) if not core.isdigit() else None
        if number is not None:
            changes.append(f"{core} -> {number}")
            lead = pieces[k][:len(pieces[k]) - len(pieces[k].lstrip())]
            pieces[k] = f"{lead}{words[0]} {number}{words[1][len(core):]}"
    return Repaired("".join(pieces), changes, sure=False) if changes else Repaired(text)
