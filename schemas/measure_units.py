"""Units of measure as cards and registers write them, read as the symbols the measure and weight normalisers
know: spelt out in Vietnamese by syllable ("xăng-ti-mét", "ki-lô-gam"), in English ("centimeter", "kilogram"),
in speech ("phân" for the centimetre, "ký" for the kilogram), and a unit given once in brackets for every number
of the value, or in the label's note ("Trọng lượng (kg): 1,2", "Kích thước (mm): cao 350"). Folded text in and
out (``sohoa.text.fold``: lower case, no marks), so a spelling is one pattern whatever marks OCR kept.
"""

from __future__ import annotations

import re
from typing import Callable

# a unit's spellings, folded, syllables apart: a hyphen, a dot or nothing between them reads the same
_SPELLINGS = {
    "mm": ("mi li met", "mi li meter", "mi li mi", "mil li met"),
    "cm": ("xang ti met", "xen ti met", "cen ti met", "cen ti meter", "phan"),
    "dm": ("de xi met", "de ci met", "tac"),
    "kg": ("ki lo gam", "ki lo gram", "ki lo", "kgs", "k g", "ky", "ki"),
    "g": ("go ram", "gam", "gram", "grams"),
    "m": ("met", "meter", "metre"),
}
LENGTH_UNITS = ("mm", "cm", "dm", "m")
# a weight's units and how many kilograms each is: the weight normaliser's factors, and the symbols a weight's
# spelt-out or bracketed unit is read as ("tan", "ta", "yen": the tonne, 100 kg, 10 kg)
KG_PER_UNIT = {"kg": 1.0, "kilogam": 1.0, "g": 0.001, "gr": 0.001, "gam": 0.001, "gram": 0.001, "tan": 1000.0,
               "mg": 0.000001, "ta": 100.0, "yen": 10.0}
WEIGHT_UNITS = tuple(KG_PER_UNIT)


def _pattern(spelling: str) -> str:
    return r"[\s.\-]*".join(re.escape(s) for s in spelling.split())


_UNIT_AFTER_NUMBER = [
    (re.compile(rf"(?<=\d)(\s*)(?:{'|'.join(_pattern(s) for s in sorted(spellings, key=len, reverse=True))})(?![a-z])"),
     unit) for unit, spellings in _SPELLINGS.items()]


def spelt_units(folded: str, units: tuple[str, ...]) -> str:
    """Each unit of ``units`` spelt out after a number written as its symbol: ``cao 35 xang-ti-met`` ->
    ``cao 35 cm``, ``1,2 ky`` -> ``1,2 kg``. Only right after a number: ``phan`` or ``met`` elsewhere are other
    words, and a length's spellings are never read in a weight."""
    for pattern, unit in _UNIT_AFTER_NUMBER:
        if unit in units:
            folded = pattern.sub(_symbol_after(unit), folded)
    return folded


def _symbol_after(unit: str) -> Callable[[re.Match[str]], str]:
    """The replacement of a spelt unit by its symbol, the space before it kept (one put in when there was none)."""
    return lambda m: f"{m.group(1) or ' '}{unit}"


_SYMBOLS = sorted({*LENGTH_UNITS, *WEIGHT_UNITS, *_SPELLINGS}, key=len, reverse=True)
_UNIT_WORD = "|".join(sorted({_pattern(s) for ss in _SPELLINGS.values() for s in ss} | {re.escape(s) for s in _SYMBOLS},
                             key=len, reverse=True))
# a unit alone among a bracket's items: "(cm)", "(đơn vị: kg)", "(D x R x C, cm)"
_BRACKET_UNIT = re.compile(
    rf"(?<=[(,;])\s*(?:(?:don vi|dv|tinh bang|tinh theo)\s*(?:tinh)?\s*[:.]?\s*)?({_UNIT_WORD})\s*(?=[),;])")


def _symbol(spelt: str) -> str:
    plain = re.sub(r"[\s.\-]+", " ", spelt).strip()
    for unit, spellings in _SPELLINGS.items():
        if plain in spellings:
            return unit
    return plain


def bracketed_unit(folded: str, units: tuple[str, ...]) -> tuple[str, str | None]:
    """The unit a bracket gives alone among its items, for every number of the value that has none (``cao 35,
    dk 12 (cm)``, ``(don vi: kg)``, ``(d x r x c, cm)``), and the text without it (an emptied bracket dropped,
    the bracket's other items kept); ``units`` are the symbols the field measures in (a length's ``(m)`` is no
    weight's). ``(text, None)`` when no bracket holds one of them."""
    for bracket in re.finditer(r"\(([^()]*)\)", folded):
        m = _BRACKET_UNIT.search(folded, bracket.start(), bracket.end())
        if m is None or (unit := _symbol(m.group(1))) not in units:
            continue
        inner = (folded[bracket.start() + 1:m.start()] + folded[m.end():bracket.end() - 1]).strip(" ,;")
        kept = f"({inner})" if inner else " "
        return re.sub(r"\s+", " ", folded[:bracket.start()] + kept + folded[bracket.end():]).strip(), unit
    return folded, None


def label_note(label: str) -> str:
    """The notes in brackets a label carries ("Trọng lượng (kg)", "Kích thước (D x R x C, cm)"), each in its
    brackets, for the value to be read with: a unit or the order of the measures is said there once."""
    return " ".join(f"({m.group(1).strip()})" for m in re.finditer(r"\(([^()]*)\)", label) if m.group(1).strip())


def measure_named_last(words: list[str]) -> bool:
    """A measure's value cut at its line's end after naming its next measure: the last word ends with a colon
    ("Cao: 30 cm, đường kính:"), the measure named and its number on the line below."""
    return bool(words) and words[-1].endswith(":") and any(ch.isdigit() for w in words for ch in w)
