"""A section heading of a form: the line that names a group of fields ("II. NGUỒN GỐC", "B. MÔ TẢ"), not a field.

Inventory cards, dossiers and today's forms group their fields under headings enumerated by a Roman numeral or a
capital letter and printed in capitals, alone on their line. Read as a label, such a heading takes the field it
names ("MÔ TẢ" -> the description) and the first line of its group as that field's value; read as the rest of the
value above it, it ends a description with the next section's name. A heading is told by its shape alone, so no
list of headings is needed: an enumerator, then words in capitals only, no digit, and nothing that ends a label
(a colon, a dot or a dash after the last word, which a numbered label with its value below keeps). An Arabic
number ("1. CHẤT LIỆU") enumerates the labels of a numbered form, so it makes no heading.

An enumerator's letter OCR could not read comes back as a symbol of its outline ("C." as "€.", "©."): one
character that is neither a letter, a digit nor a dash, then the enumerator's dot or bracket, still opens a
heading when the words after it have the heading's shape. No value or label opens so (a dash or bullet opens an
item of a list, and is kept out).

A numbered line in the case of labels ("2. Đặc điểm") is a heading too when the row under it is printed smaller
than it: a value is never printed smaller than its label, so the smaller row is the group's captions, not the
line's value (``numbered_heading``).
"""

from __future__ import annotations

import re

from .layout import Tok, is_item_number, printed_smaller

# "II.", "IV)", "B.", "C)": a Roman numeral up to ten or one capital letter, as sections are enumerated
_ENUMERATOR = re.compile(r"^(?:[IVX]{1,4}|[A-H])[.)]$")
# a symbol read for the enumerator's letter ("€.", "©."): not a letter, a digit, a space, a dash, a bullet or a
# bracket or quote, which open a list's item or a note
_MISREAD_ENUMERATOR = re.compile(r"^[^\w\s\-–—•·*+()\[\]\"'.,:;/|][.)]$")
_LABEL_ENDS = (":", ".", "-", "–")


def is_section_heading(toks: list[Tok]) -> bool:
    """Whether a row's words are a section heading alone (see the module doc)."""
    # (the enumerator's "I" and dots may read as a leader's marks: it is taken as written; a leader after it, dots
    # running to a value, makes the row a label's)
    first = toks[0].text.strip() if toks else ""
    if (len(toks) < 2 or not (_ENUMERATOR.match(first) or _MISREAD_ENUMERATOR.match(first))
            or any(t.leader for t in toks[1:])):
        return False
    rest = [t.text.strip() for t in toks[1:]]
    letters = [c for w in rest for c in w if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters) or any(c.isdigit() for w in rest for c in w):
        return False
    return not any(w.endswith(_LABEL_ENDS) or ":" in w for w in rest)


NUMBERED_HEADING_WORDS = 4  # words a numbered heading holds after its number ("Định danh", "Thu nhận")


def numbered_heading(toks: list[Tok], below: list[Tok]) -> bool:
    """A numbered line, a few words of letters and nothing that ends a label, over a row printed smaller than it:
    a heading over its group's captions (see the module doc)."""
    if len(toks) < 2 or not is_item_number(toks[0].text) or not below:
        return False
    rest = [t.text.strip() for t in toks[1:] if not t.leader]
    if not rest or len(rest) > NUMBERED_HEADING_WORDS or len(rest) < len(toks) - 1:
        return False
    if any(c.isdigit() for w in rest for c in w) or any(":" in w for w in rest) or not rest[0][:1].isupper():
        return False
    return printed_smaller(below, toks[1:]) and not any(t.colon for t in below)
