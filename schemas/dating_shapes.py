"""Two shapes of a museum object's dating that OCR or the form leave short of what ``normalize.norm_dating`` reads:
a century's numeral with no "thế kỷ" before it, and a range of years whose first year lost its first digit.

A dating column or caption often says the unit itself (a caption ending in the word for century, "TK" cut off in its cell), so the value
is the numeral alone: "XIV", "Giữa XIX", "XV - XVI". A Roman numeral of V or X means nothing else in a dating
(a bare "I" may be a speck or a digit, and a digit is a year), so it is read as the century, the unit supplied.

A range's first year printed with four digits may reach the page with three ("(735 - 1760)": the "1" lost beside
the bracket). Three digits then four are read as the start's lost digit when the end's first digit, put back,
gives a start no later than the end: a range of a thousand years and more is no object's dating, where a range
across the year 1000 with a true three-digit start ("938 - 1009") keeps its start, the repaired one being later
than its end.
"""

from __future__ import annotations

import re

# a part of a century ("đầu", "giữa", "cuối", "nửa đầu", "nửa sau"), then a numeral of I, V and X with a V or an X
# in it, optionally a second after a dash: the whole of the value
_NUMERAL = r"[IVX]*[VX][IVX]*"
_BARE_CENTURY = re.compile(rf"^(?P<part>(?:nửa\s+)?(?:đầu|giữa|cuối|sau)\s+)?(?P<a>{_NUMERAL})"
                           rf"(?:\s*[-–]\s*(?P<b>{_NUMERAL}))?$", re.IGNORECASE)


def century_numeral_alone(text: str) -> str | None:
    """The value with "thế kỷ" put before its numeral when it is a century's numeral alone ("Cuối XIX" ->
    "Cuối thế kỷ XVII"), else None. The numeral must be in capitals, as numerals are written: a word in lower
    case is no numeral."""
    t = text.strip(" .,;:()'\"‘’“”")
    m = _BARE_CENTURY.match(t)
    if m is None or not m.group("a").isupper() or m.group("b") is not None and not m.group("b").isupper():
        return None
    part = m.group("part") or ""
    rest = t[len(part):]
    return f"{part}thế kỷ {rest}"


def lost_first_digit(start: str, end: str) -> int | None:
    """The start of a range of years whose first digit was lost (three digits before an end of four, "735" before
    "1760": 1735), when putting the end's first digit back gives a start no later than the end; else None."""
    if len(start) != 3 or len(end) != 4 or not (start.isdigit() and end.isdigit()):
        return None
    repaired = int(end[0] + start)
    return repaired if repaired <= int(end) else None
