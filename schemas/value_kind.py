"""What a value alone says it is, whatever its label: a sex, an ethnic group, a country, an ID number, a year,
a measure, a place. Evidence for a "label: value" pair whose label named no field (``labels.field_by_value``)
and for where a short label ends before its value.
"""

from __future__ import annotations

from sohoa.text import fold

from .countries import COUNTRY_NAMES
from .gazetteer import is_place

# values that say alone what they are (value_kind): a short label before them, from a capital on, ends where they
# start, whether its words are ones no list holds ("Xxx yyy Tày", "Xx. yyy Việt Nam") or ones it holds
SELF_NAMING_KINDS = ("ethnicity", "nationality", "sex")


def value_kind(value: str) -> str | None:
    """What a value alone says it is: a sex ("Nam", "Nữ"), one of the 54 ethnic groups, a country (a
    nationality), a 9- or 12-digit ID number, a year, a place (a level word, or a known province or district
    last: schemas/gazetteer.py)."""
    from .normalize import normalise

    text = value.strip(" .,:;-")
    if not text:
        return None
    digits = text.replace(" ", "")
    if digits.isdigit() and len(digits) in (9, 12):
        return "id"
    if digits.isdigit() and len(digits) == 4 and 1800 <= int(digits) <= 2100:
        return "year"
    if len(text.split()) == 1 and normalise("sex", text).ok and normalise("sex", text).quality >= 1:
        return "sex"
    n = normalise("ethnicity", text)
    if n.ok and n.quality >= 1 and fold(text) not in ("nam", "nu"):
        return "ethnicity"  # (before the countries: "Lào" alone is a group of the 54 as much as a country)
    if fold(text) in COUNTRY_NAMES:
        return "nationality"
    if any(c.isdigit() for c in text) and normalise("dimensions", text).ok and normalise("dimensions", text).quality >= 1:
        return "dimensions"
    if any(c.isdigit() for c in text) and normalise("weight", text).ok and normalise("weight", text).quality >= 1:
        return "weight"
    if is_place(text):
        return "place"
    return None
