"""What a field placed from its value alone can and cannot be confident of.

A label nobody listed may still be read from the value after it (``how == "value"``: a sex, an ethnic group, a
set of measures, an object's description; ``schemas/value_look.py``). The calibration maps such fields by how
often the value reading was right on the fit forms, pooled over kinds. Two things the value cannot tell, whatever
that rate:

- **whose** it is: a value says what it is (a place, an ethnic group), not whose. When the record type has another
  field of the same attribute (the mother's and the father's residence, the registration's and the decision's
  date), a value read from its look alone may be the other one's — the wrong person in a civil-status record is
  the costliest error there is;
- **which number**: a number read by its shape alone is the page's code of that shape, but a misread separator or
  letter keeps the shape (``5916/BTTHGV`` for ``5916/BTTH-GV``), and the fit forms hold too few numbers read this
  way to calibrate them (part AF counted 2 wrong in 111 codes of their page's shape under any reading).

Neither is ever confident: ``doubt`` gives the note ``schemas/records.py`` adds when it keeps such a field under
the threshold. Pure functions over the record type; nothing here names a form or a wording.
"""

from __future__ import annotations

from .loader import FieldSpec, Schema

VALUE_READING = "value"  # confidence.RESOLUTIONS: placed from what its value is
WHOSE_NOTE = "placed from its value alone, which says what it is, not whose: the record has another such field"
WHICH_NUMBER_NOTE = "a number placed from its shape alone: a misread separator or letter keeps the shape"


def attribute(key: str) -> str:
    """The attribute a field key names, without its section or list (``mother.residence`` -> ``residence``)."""
    return key.rsplit(".", 1)[-1]


def another_field_of_its_attribute(schema: Schema | None, spec: FieldSpec) -> bool:
    """The record type has another output field of the same attribute (another person's, another section's)."""
    if schema is None:
        return False
    return any(f.key != spec.key and not f.internal and attribute(f.key) == attribute(spec.key)
               for f in schema.fields)


def doubt(schema: Schema | None, spec: FieldSpec, how: str) -> str | None:
    """Why a field read this way (``how``, ``confidence.RESOLUTIONS``) is never confident, or None."""
    if how != VALUE_READING:
        return None
    if spec.kind == "number":
        return WHICH_NUMBER_NOTE
    if another_field_of_its_attribute(schema, spec):
        return WHOSE_NOTE
    return None
