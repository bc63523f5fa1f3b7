"""Whether a place's units are written as the gazetteer writes them, marks and all.

The gazetteer's check of a place (``value_evidence.place_evidence``) compares names folded, without their marks:
a unit whose name OCR read with one mark wrong ("Thắng" read "Thăng") folds to the same letters as the
unit printed, and the place would be vouched for whole. A name's marks are part of it: a unit named by letters
the gazetteer knows, under marks none of its units has, is a misread, not evidence (``written_as_known``). Old and
new placement of the tone mark ("hoà" / "hòa") write one name. Pure functions; the names are the gazetteer's.
"""

from __future__ import annotations

from functools import lru_cache

from sohoa.text import nfc


def _spelling(name: str) -> tuple[tuple[str, str], ...]:
    """A name's syllables as (letters, tone mark), lower case: equal for either placement of the tone mark."""
    from .normalize import syllable_key

    return tuple(syllable_key(w) for w in nfc(name).lower().split())


@lru_cache(maxsize=1)
def _known() -> frozenset[tuple[tuple[str, str], ...]]:
    from .gazetteer import written_unit_names

    return frozenset(_spelling(n) for n in written_unit_names())


def written_as_known(units: list[str]) -> bool:
    """Every unit name given (as written, after its level word) is some unit's name in the gazetteer, marks and
    all; true when the gazetteer is not installed (it then says nothing)."""
    known = _known()
    return not known or all(_spelling(u) in known for u in units)
