"""A catalogue code written whole ("BTBN 4421/KL 99", "G.7454"): an object's own number, never the place it is kept.

A collection numbers its objects with letter groups in capitals and digits: the museum's and the collection's
initials, a running number, a slash. A store, its shelf and its drawer are written with words in lower case
before their numbers ("Kho 3, giá 8, ngăn 6", ``value_look.is_shelf_mark``). So a value that is such a code and
names no store is the record's code field's, whatever label it stands under: a label whose words name the store
("… kho") over an object's number read as the storage place, the storage place's own pair then lost.

Pure functions over a value's text; nothing here names a form or a wording.
"""

from __future__ import annotations

from sohoa.text import fold

from .loader import FieldSpec, Schema
from .table import is_code_word


def _code_part(word: str) -> bool:
    """A word a code is written with: a code's word (``table.is_code_word``), capitals alone ("BTBN"), or
    digits alone ("99")."""
    w = word.strip(",.;:()")
    if not w:
        return True
    if is_code_word(w) or w.isdigit():
        return True
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and all(c.isalnum() or c in "./-" for c in w)


def is_catalogue_code(value: str, store_words: frozenset[str]) -> bool:
    """The whole value is a code: every word a code's part, one of them a code's word of letters and digits or
    capitals beside digits, no word in lower case, and no store's word (``store_words``, folded) in it."""
    words = value.split()
    if not words or not all(_code_part(w) for w in words):
        return False
    if any(fold(w.strip(",.;:()")) in store_words for w in words):
        return False
    has_code = any(is_code_word(w) for w in words)
    has_caps = any(c.isalpha() for w in words for c in w)
    has_digits = any(c.isdigit() for w in words for c in w)
    return has_code or has_caps and has_digits


def code_fields(schema: Schema) -> list[FieldSpec]:
    """The type's fields that hold a code (``code`` in the type's file): an object's inventory number."""
    return [s for s in schema.fields if s.code and not s.is_list]
