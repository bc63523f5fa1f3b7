"""A section heading of a form: the line that names a group of fields ("II. NGUỒN GỐC", "B. MÔ TẢ"), not a field.

Inventory cards, dossiers and today's forms group their fields under headings enumerated by a Roman numeral or a
capital letter and printed in capitals, alone on their line. Read as a label, such a heading takes the field it
names ("MÔ TẢ" -> the description) and the first line of its group as that field's value; read as the rest of the
value above it, it ends a description with the next section's name. A heading is told by its shape alone, so no
list of headings is needed: an enumerator, then words in capitals only, no digit, and nothing that ends a label
(a colon, a dot or a dash after the last word, which a numbered label with its value below keeps). An Arabic
number ("1. CHẤT LIỆU") enumerates the labels of a numbered form, so it makes no heading.
"""

from __future__ import annotations

import re

from .layout import Tok

# "II.", "IV)", "B.", "C)": a Roman numeral up to ten or one capital letter, as sections are enumerated
_ENUMERATOR = re.compile(r"^(?:[IVX]{1,4}|[A-H])[.)]$")
_LABEL_ENDS = (":", ".", "-", "–")


def is_section_heading(toks: list[Tok]) -> bool:
    """Whether a row's words are a section heading alone (see the module doc)."""
    # (the enumerator's "I" and dots may read as a leader's marks: it is taken as written; a leader after it, dots
    # running to a value, makes the row a label's)
    if len(toks) < 2 or not _ENUMERATOR.match(toks[0].text.strip()) or any(t.leader for t in toks[1:]):
        return False
    rest = [t.text.strip() for t in toks[1:]]
    letters = [c for w in rest for c in w if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters) or any(c.isdigit() for w in rest for c in w):
        return False
    return not any(w.endswith(_LABEL_ENDS) or ":" in w for w in rest)
