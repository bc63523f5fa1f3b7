"""Whether a place field's value is a place at all, by its words alone.

A place's value that names no unit after a level word ("xã …", "huyện …") says little about itself, and a label
that ran into the next pair's words gives one of them as the value: a capitalised label word opening the next row
("Xxx trú", "Yyy hạng") read as a one-word place reads as cleanly as a place, and its OCR confidence says so.
Two lists tell such words from a place's:

- a value of **one label word** (each syllable one the label vocabulary uses, ``labels.is_label_word``) that is
  no unit of the gazetteer as written nor a country is the next label, not a place: no value. Only one word:
  places of several ordinary words are places ("Bến phà", "Nam Bộ");
- a value of **one word** with no digit that the gazetteer does not know as a unit's name, as written, and that
  is no country, is doubtful: places are named by two syllables or more, nearly all, and the few of one syllable
  ("Huế") are the gazetteer's;
- a value whose words are all **another field's own vocabulary** (a museum object's class or material) is that
  field's value, not a place.

A one-word place the gazetteer knows, and a place of several words one of which is no label word, stay. Pure
functions over a value; the lists are data, nothing here names a form or a wording.
"""

from __future__ import annotations

from sohoa.text import nfc

from .countries import country_form
from .gazetteer import is_place, written_unit_names
from .labels import is_label_word
from .loader import FieldSpec, Schema

_EDGES = ".,;:()\"'“”[]|_-"


def _words(value: str) -> list[str]:
    words = [w.strip(_EDGES) for w in nfc(value).split()]
    return [w for w in words if w]


def _known_place(words: list[str]) -> bool:
    """The words, or one of them, are a unit's name as the gazetteer writes it, or the words a country's name."""
    text = " ".join(words).lower()
    names = written_unit_names()
    return text in names or any(w.lower() in names for w in words) or country_form(text) is not None


def lone_label_word(value: str) -> bool:
    """The value is one label word and nothing else, no digit, no place's or country's name as written ("Xxx" of
    "Xxx trú" taken as a residence)."""
    words = _words(value)
    if len(words) != 1 or any(c.isdigit() for c in value):
        return False
    return is_label_word(words[0]) and not _known_place(words)


def lone_unknown_word(value: str) -> bool:
    """The value is one word with no digit that the gazetteer does not know as a unit's name, nor a country: a
    place of one word is nearly always a city or a district the gazetteer holds, so this one is doubtful."""
    words = _words(value)
    return len(words) == 1 and not any(c.isdigit() for c in words[0]) and not _known_place(words)


def another_fields_words(spec: FieldSpec, value: str, schema: Schema) -> bool:
    """A place field's value whose words are all of another field's own vocabulary (a museum object's class or
    material, ``assign.words_of_its_list``), with no digit and no place's or country's name among them: that
    field's value, run under the place's label, not a place."""
    from .assign import words_of_its_list

    words = _words(value)
    if spec.kind != "place" or not words or any(c.isdigit() for c in value) or is_place(value) \
            or _known_place(words):
        return False
    return any(s.key != spec.key and words_of_its_list(s, value) for s in schema.fields)
