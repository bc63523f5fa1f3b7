"""Which of two labels read for one field names it more surely.

A label read from its words' meaning may hold words the vocabulary does not know ("Nơi xxx người bị thương":
a place and the injured person, read as the place of injury for want of the unknown word, which may have
named the residence). When a later label of the same record names the same field with every word known, the
later one is the surer reading of that field: it takes the field, and the first reading's value is listed and
left to the record-wide decoding, which may give it the field its unknown word named. A field held by a label
read word for word, or by meaning with every word known, is never displaced this way.
"""

from __future__ import annotations

from .labels import meaning


def _partly_known(label: str) -> bool:
    """The label's words name something, and some of them the vocabulary does not know."""
    m = meaning(label)
    return not m.empty and bool(m.unknown)


def reads_surer(new_label: str, new_by_meaning: bool, held_label: str, held_by_meaning: bool) -> bool:
    """True when ``new_label`` names the field more surely than ``held_label``, the label the field was read
    under first: the held one was read from its meaning with words the vocabulary lacks, the new one was read
    word for word or with every word known."""
    if not held_by_meaning or not _partly_known(held_label):
        return False
    return not new_by_meaning or not meaning(new_label).unknown
