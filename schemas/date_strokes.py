"""A date's separators read as digits: the slash of "11/07/1950" read as a 7 or a 1 on a worn page.

A slash is a thin slanted stroke; on a degraded scan Tesseract reads it as the stem of a ``7`` or a ``1`` and the
date comes back as a run of digits ("11/0771950", "1171954") that the date reader finds no date in. A run of
digits and separators laid out as a date's parts with a 7 or a 1 where a separator stands — two digits of a day,
two of a month and four of a year ("DD?MM?YYYY"), or a month and a year ("MM?YYYY") — is that date, when each part
is in range (a day 1–31, a month 1–12, a year 1800–2099). The layout leaves no other reading: the parts' lengths
say where the separators stood. Such a date is a guess a person confirms (``digit_letters.REPAIRED_QUALITY``).

Pure functions over NFC text.
"""

from __future__ import annotations

import re

# digits OCR reads for a slash: the slanted stroke taken for the stem of a 7 or a 1
SLASH_DIGITS = "71"
_SEPARATOR = rf"[/.\-{SLASH_DIGITS}]"
_DAY_MONTH_YEAR = re.compile(rf"(\d{{2}})({_SEPARATOR})(\d{{2}})({_SEPARATOR})(\d{{4}})")
_MONTH_YEAR = re.compile(rf"(\d{{2}})([{SLASH_DIGITS}])(\d{{4}})")
FIRST_YEAR, LAST_YEAR = 1800, 2099


def _year(text: str) -> bool:
    return FIRST_YEAR <= int(text) <= LAST_YEAR


def separators_read_as_digits(text: str) -> str | None:
    """The date ``text`` is, with its separators read back as slashes ("11/0771950" → "11/07/1950", "1171954" →
    "11/1954"), when it is one token laid out as a date whose separator, at least one of them, was read as a 7 or
    a 1, and every part is in range; None otherwise (a date written plainly is the date reader's)."""
    token = text.strip().strip(".,;:")
    if " " in token:
        return None
    if (m := _DAY_MONTH_YEAR.fullmatch(token)) and (m[2] in SLASH_DIGITS or m[4] in SLASH_DIGITS):
        day, month, year = m[1], m[3], m[5]
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12 and _year(year):
            return f"{day}/{month}/{year}"
        return None
    if m := _MONTH_YEAR.fullmatch(token):
        month, year = m[1], m[3]
        if 1 <= int(month) <= 12 and _year(year):
            return f"{month}/{year}"
    return None
