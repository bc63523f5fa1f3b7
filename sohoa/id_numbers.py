"""Reading identity numbers (old 9-digit cards, 12-digit citizen cards), and finding every date finer
than a year and every ID number in free text: what masking hides (``sohoa/masking.py``, ``sohoa/logs.py``)."""

from __future__ import annotations

import re

from .dates import FAILED, Found, Norm, _outermost, date_spans, fix_digits, strip_leaders
from .text import nfc

_RE_ID_GROUPS = re.compile(r"(?<![\w.\-/])[0-9]{2,12}(?:[ .\-][0-9]{2,12})*(?![\w/]|[.\-][0-9])")
ID_MIN_DIGITS = 8  # old identity cards had 8 or 9 digits, citizen cards 12


def norm_id(raw: str) -> Norm:
    text = strip_leaders(raw)
    tokens = [fix_digits(t) for t in re.split(r"[\s.\-]+", text) if t]
    digits = ""
    repaired = False
    for tok, fixed in tokens:
        if tok.isdigit():
            digits += tok
            repaired |= fixed
        elif digits:
            break
    if not digits:
        return Norm(None, FAILED, ["no digits"])
    q = 0.85 if repaired else 1.0
    if len(digits) not in (9, 12):
        return Norm(digits, 0.3, [f"{len(digits)} digits, expected 9 or 12"])
    return Norm(digits, q, ["OCR letters read as digits"] if repaired else [])


def id_spans(text: str, dates: list[Found] | None = None) -> list[Found]:
    """Every number of 8 to 12 digits in ``text``, written in one run or in groups (``046 183 007 777``,
    ``046.183.007.778``, ``0461-8500-1234``), with its digits as ``norm_id`` reads them. Dates are not IDs."""
    text = nfc(text)
    if sum(c.isdigit() for c in text) < ID_MIN_DIGITS:
        return []
    dates = date_spans(text) if dates is None else dates
    blanked = list(text)
    for d in dates:
        blanked[d.start:d.end] = "#" * (d.end - d.start)
    out = []
    for m in _RE_ID_GROUPS.finditer("".join(blanked)):
        value = norm_id(m.group(0)).value or ""
        if len(value) >= ID_MIN_DIGITS:
            out.append(Found(m.start(), m.end(), "id", value))
    return out


def sensitive_spans(text: str) -> list[Found]:
    """Dates finer than a year and ID numbers in ``text``, in order, none overlapping."""
    dates = date_spans(text)
    return _outermost(dates + id_spans(text, dates))
