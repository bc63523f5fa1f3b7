"""The order a record's dates keep, and the one-digit misread that breaks it.

A record type knows in which order its dates fall: a person is born before enlisting, enlists before dying, dies
before the notice and the decision that recognise the death; a child is born before being registered; a museum
object is made before it is acquired. The type lists that order as pairs, earlier first, with the years that at
least lie between them when the type knows a span (spouses are born years before they marry: ``date_order`` in
``schemas/types/*.json``). A misread digit (a 7 read as 2, a 6 as 8) keeps its word's confidence, so a date that
breaks the order is the one sign the record gives that a digit of it is wrong — but not which date is the wrong
one, so each date of a broken pair is doubtful.

Where changing one digit of one of those dates for a digit of like shape (``DIGIT_CONFUSIONS``) gives the only
record whose dates keep the order, that change is the one candidate repair; the caller takes it only when
another reading of the date (written in words, the ID number's birth year, another page) agrees.

Pure functions over plain data: values as the normalisers give them (``"1964-07-07"``, ``"1950-05"``,
``"1948"``, a dating ``{"year_from": 1601, "year_to": 1650}``).
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Mapping
from typing import Any

# Digits Tesseract reads for one another on a worn or small print: the same strokes closed or open (3/8, 5/6,
# 6/8, 0/8, 8/9, 0/6, 0/9), a bar or a hook lost (1/7, 2/7, 5/9). Digit for digit only: letters read for digits
# ("I939", "l95O") are ``sohoa.dates.fix_digits``'s, and those a value's kind reads back are
# ``schemas/digit_letters.py``'s.
DIGIT_CONFUSIONS = ("08", "06", "09", "17", "27", "38", "56", "59", "68", "89")
_LIKE: dict[str, frozenset[str]] = {
    d: frozenset(pair.replace(d, "", 1) for pair in DIGIT_CONFUSIONS if d in pair) for d in "0123456789"}

# The years a person's or an act's date may fall in: a variant outside them is no date a record holds (a
# museum object's dating may be older, but a dating is a span, never repaired here)
EARLIEST_YEAR = 1800
LATEST_YEAR = datetime.date.today().year


def date_point(value: Any) -> tuple[int, ...] | None:
    """A value as (year, month, day) to the precision it was read to: ``"1964-07"`` -> (1964, 7); a dating
    gives its first year (an object made in 1601–1650 existed from 1601). None when the value is no date."""
    if isinstance(value, dict):
        year = value.get("year_from")
        return (year,) if isinstance(year, int) else None
    if not isinstance(value, str):
        return None
    parts = value.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return None
    return tuple(int(p) for p in parts)


Order = tuple[str, str, int]  # (earlier field, later field, the fewest years between them)


def out_of_order(earlier: tuple[int, ...], later: tuple[int, ...], years: int = 0) -> bool:
    """Is ``later`` dated before ``earlier`` (to the precision both were read to: (1964,) and (1964, 2, 7) keep
    the order, the year alone cannot say which came first), or fewer than ``years`` calendar years after it?"""
    n = min(len(earlier), len(later))
    return later[:n] < earlier[:n] or later[0] - earlier[0] < years


def broken_pairs(dates: Mapping[str, Any], order: Iterable[Order]) -> list[Order]:
    """The pairs of ``order`` whose dates, both read, are the other way round or too close."""
    out = []
    for first, second, years in order:
        a, b = date_point(dates.get(first)), date_point(dates.get(second))
        if a is not None and b is not None and out_of_order(a, b, years):
            out.append((first, second, years))
    return out


def broken_how(dates: Mapping[str, Any], pair: Order) -> str:
    """How a broken pair's later date breaks the order, in words a review reason may hold (no value): dated
    before the earlier one, or too soon after it for the years the type says lie between them."""
    first, second, _ = pair
    a, b = date_point(dates.get(first)), date_point(dates.get(second))
    return "too soon after" if a is not None and b is not None and not out_of_order(a, b) else "dated before"


def valid_date(value: str) -> bool:
    """A date the calendar has, in the years a record's dates fall in: a year from ``EARLIEST_YEAR`` to
    ``LATEST_YEAR``, a month 1–12, a day of that month."""
    point = date_point(value)
    if point is None or not EARLIEST_YEAR <= point[0] <= LATEST_YEAR:
        return False
    if len(point) >= 2 and not 1 <= point[1] <= 12:
        return False
    return len(point) < 3 or 1 <= point[2] <= calendar.monthrange(point[0], point[1])[1]


def one_digit_variants(value: str) -> list[str]:
    """The dates ``value`` would be had OCR read one of its digits for one of like shape (valid dates only)."""
    out = []
    for k, c in enumerate(value):
        for other in sorted(_LIKE.get(c, ())):
            variant = value[:k] + other + value[k + 1:]
            if valid_date(variant):
                out.append(variant)
    return out


def order_keeping_repair(dates: Mapping[str, Any], order: Iterable[Order]) -> tuple[str, str] | None:
    """(field, date) when changing one digit of one date of a broken pair for one of like shape gives the one
    record whose dates all keep the order; None when the order holds, when no such change does, or when two
    do (two dates, or two digits, could be the misread one: nothing tells which)."""
    order = list(order)
    broken = broken_pairs(dates, order)
    suspects = sorted({key for first, second, _ in broken for key in (first, second) if isinstance(dates.get(key), str)})
    found: list[tuple[str, str]] = []
    for key in suspects:
        for variant in one_digit_variants(dates[key]):
            if not broken_pairs({**dates, key: variant}, order):
                found.append((key, variant))
    return found[0] if len(found) == 1 else None


def order_keeping_move(dates: Mapping[str, Any], order: Iterable[Order], movable: Iterable[str]) -> tuple[str, str] | None:
    """(field, empty field) when moving the date of one ``movable`` field of a broken pair into a date field of the
    order that holds none gives the one record whose dates all keep the order; None when the order holds, when no
    move does, or when two do. ``movable``: the fields whose label named no event of its own (the event was taken
    from the form's title or the field before), so only where the date falls in the life says which it is: a
    year before the enlistment is no date of death but the birth year an empty field still asks."""
    order = list(order)
    broken = broken_pairs(dates, order)
    if not broken:
        return None
    suspects = sorted({key for first, second, _ in broken for key in (first, second)} & set(movable))
    empty = sorted({key for first, second, _ in order for key in (first, second) if dates.get(key) is None})
    found = [(key, to) for key in suspects for to in empty
             if not broken_pairs({**dates, key: None, to: dates[key]}, order)]
    return found[0] if len(found) == 1 else None
