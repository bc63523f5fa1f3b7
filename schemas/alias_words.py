"""An alias is made of ordinary words, not of the syllables given names are drawn from.

A fighter's alias (bí danh) or the name the village called someone by is, in the South's custom, the place among
the siblings followed by a word ("Năm Lửa", "Tư Hùng", "Út"), or a code word the unit chose: its syllables are
common words of the language, many of which no given name uses. A syllable rare in given names is then no sign
that OCR misread its marks, so the value is not read as the nearest name syllable (``Found._check_name_syllables``
still doubts it: a person confirms which it is).
"""

from __future__ import annotations

from .loader import FieldSpec

# the roles of a field that holds another name of its person (``schemas/roles.py``)
ALIAS_ROLES = frozenset({"subject_alias"})


def made_of_words(spec: FieldSpec) -> bool:
    """The field holds an alias: its syllables are words, not name syllables."""
    return spec.role in ALIAS_ROLES
