"""What a role without the right to personal data sees instead of it: one rule, used everywhere.

- an ID number shows only its last three digits (``*********321``);
- a date of birth shows only its year (``1980``);
- free text (page text, review reasons, error messages, log lines) cannot say
  which date is a birth date, so every date finer than a year shows only its
  year and every ID-length number only its last three digits, in every written
  form the extractor reads (``sohoa.id_numbers.sensitive_spans``: the same
  code, so masking never understands less than extraction).

Used by the HTTP service (responses), the indexers (the year-only text that
roles without the right search in) and nothing else needs its own copy.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import parse_date
from .id_numbers import sensitive_spans

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def mask_id(value: str) -> str:
    s = str(value)
    digits = re.sub(r"\D", "", s)
    if len(digits) <= 3:
        return "*" * len(s)
    return "*" * (len(digits) - 3) + digits[-3:]


def mask_date(value: str) -> str:
    """A date as its year: ``1972-03-15``, ``15/03/1972``, ``ngày mười lăm tháng ba năm 1972`` -> ``1972``."""
    s = str(value)
    # A search answer names the same dates several times (the record's, its people's); reading one is the cost.
    return _mask_date(s) if len(s) <= 200 else _mask_date.__wrapped__(s)


@lru_cache(maxsize=65536)
def _mask_date(s: str) -> str:
    iso = parse_date(s).iso
    if iso:
        return iso[:4]
    m = _YEAR.search(s)
    return m.group(1) if m else "****"


def mask_text(text: str) -> str:
    """Free text with every date finer than a year shown as its year and every ID number as its last three
    digits, in any written form."""
    if not text:
        return text
    # An answer repeats its short values (names, places, types) many times over; page text does not repeat.
    return _mask_short(text) if len(text) <= 200 else _mask(text)


@lru_cache(maxsize=65536)
def _mask_short(text: str) -> str:
    return _mask(text)


def _mask(text: str) -> str:
    out = text
    for f in reversed(sensitive_spans(text)):
        shown = (f.value[:4] if f.value else "**") if f.kind == "date" else mask_id(f.value)
        out = out[:f.start] + shown + out[f.end:]
    return out
