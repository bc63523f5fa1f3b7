"""Commas OCR reads from specks inside a place or a military unit, as when a value is written over a dotted
writing line and the line's dots, just under the words, come out as commas glued to them or standing alone.

Vietnamese writes a comma only between the parts of an address or a unit, after a part's name or number
("xã Tân Chi, huyện Tiên Du", "Đại đội 6, Trung đoàn 9"). So a comma is a speck:

- right after the level word that opens a part, before that part's name or number ("huyện, Tiên Du",
  "Đại đội,6"): a level word and what it names are one part (a level word left with no name, "xã, huyện",
  is words lost, ``normalize.missing_place_name``'s, and left as read);
- after another comma with nothing between ("Chi, ,huyện", "Chi,,huyện"): the parts have one separator;
- between two words of a name the gazetteer holds whole, after its level word ("huyện Tiên , Du").

A comma glued to the level word after it gets its space back ("Chi,huyện" -> "Chi, huyện"): OCR lost the space
print puts after every comma, and the value's parts are read apart by it. The level
words are the gazetteer's (``gazetteer.LEVEL_WORDS``, ``NUMBERED_LEVELS``) and the army's unit words
(``normalize.UNIT_WORDS``).
"""

from __future__ import annotations

import re

from sohoa.text import clean_spaces

from .gazetteer import LEVEL_WORDS, NUMBERED_LEVELS
from .normalize import UNIT_WORDS
from .repair import Repaired, all_unit_names

_LEVELS = "|".join(re.escape(w) for w in sorted(set(LEVEL_WORDS + NUMBERED_LEVELS + UNIT_WORDS), key=len, reverse=True))
# a comma after another, only blanks between
_DOUBLED = re.compile(r",(?:\s*,)+")
# a level word that opens the value or a part (after a comma), a comma after it, then a capital or a digit
_AFTER_LEVEL = re.compile(rf"(?i)(^|,\s*)({_LEVELS})\s*,\s*(?=[^\W_])")
# a level word, a name's word, a comma, the name's next word
_IN_NAME = re.compile(rf"(?i)(?<!\w)({_LEVELS})\s+([^\W\d_]+)\s*,\s*([^\W\d_]+)(?!\w)")
# a comma glued to the level word after it
_GLUED_BEFORE_LEVEL = re.compile(rf"(?i),({_LEVELS})(?!\w)")


def _opens_name(text: str, end: int) -> bool:
    """The text after ``end`` starts with a part's name (a capital) or its number (a digit)."""
    nxt = text[end:end + 1]
    return nxt.isdigit() or nxt.isupper()


def stray_commas(text: str) -> Repaired:
    """The place or unit without the commas specks put in it (see the module's docstring), and what was
    dropped; never sure, as a speck is a guess at what the page holds."""
    changes: list[str] = []

    def doubled(m: re.Match) -> str:
        changes.append(f"{m.group(0)!r} -> ','")
        return ","

    def after_level(m: re.Match) -> str:
        if not _opens_name(m.string, m.end()):
            return m.group(0)
        changes.append(f"comma after {m.group(2)!r}")
        return f"{m.group(1)}{m.group(2)} "

    def in_name(m: re.Match) -> str:
        if f"{m.group(2)} {m.group(3)}".lower() not in all_unit_names() or not m.group(2)[:1].isupper():
            return m.group(0)
        changes.append(f"comma inside {m.group(2) + ' ' + m.group(3)!r}")
        return f"{m.group(1)} {m.group(2)} {m.group(3)}"

    def spaced(m: re.Match) -> str:
        changes.append(f"space put back after the comma before {m.group(1)!r}")
        return ", " + m.group(1)

    out = _DOUBLED.sub(doubled, text)
    out = _AFTER_LEVEL.sub(after_level, out)
    out = _IN_NAME.sub(in_name, out)
    out = _GLUED_BEFORE_LEVEL.sub(spaced, out)
    return Repaired(clean_spaces(out), changes, sure=False)
