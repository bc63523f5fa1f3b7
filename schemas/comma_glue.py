"""A follower's short label glued by a comma to the value before it ("45/QĐ-UB,ngày" then "03/04/1979"): OCR lost
the space Vietnamese print puts after every comma, so the label that follows a field ("ngày" after a decision's
number, "của" after its date) reaches the reader inside the value's last word, and the value runs on into the
next field's. Such a word is cut after its comma when what follows the comma is, whole, the first word of a label
that follows the field (the type's data, ``Schema.followers``); any other glued comma is left as read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sohoa.text import fold

from .layout import Tok
from .loader import label_key


def cut_glued_labels(toks: list[Tok], label_words: Iterable[str]) -> list[Tok]:
    """The words with each one that glues a follower's first word after a comma cut in two, each part with its
    share of the box; ``label_words`` are those first words."""
    words = {fold(w) for w in label_words}
    out: list[Tok] = []
    for t in toks:
        head, comma, tail = t.text.rpartition(",")
        if not (comma and head.strip(",") and tail and fold(tail) in words):
            out.append(t)
            continue
        x0, y0, x1, y1 = t.bbox
        cut = int(x0 + (x1 - x0) * (len(head) + 1) / len(t.text))
        out += [replace(t, text=head + ",", key=label_key(head + ","), bbox=(x0, y0, cut, y1)),
                replace(t, text=tail, key=label_key(tail), bbox=(cut, y0, x1, y1), unglued=True)]
    return out
