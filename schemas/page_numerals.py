"""A century's Roman numeral that lost an ``I`` to OCR, found by its width beside the same dating on its page.

OCR merges a run of narrow ``I``s of a Roman numeral: "XVIII" is read "XVII", and "XVII" "XVI". The word's
letters then say one century too early, and nothing in the text tells. Its box does: the ink of the lost ``I`` is
still inside it. A register prints its datings in one type at one size, and two of its numeral words read alike
("XVII" of "Thế kỷ XVII" and of "Cuối TK XVII") are as wide to within a pixel or two. On the benchmark's seen and
dev register pages, the eight pairs read right differ by at most 2 px at letter heights of 18–27 px, while the one
"XVII" read for an "XVIII" is 12 px (0.44 of its height) wider than the true "XVII" above it. A numeral read alike
but wider than the narrowest of them by part of a letter (more than a speck's width, no more than a letter height
and a third) has one ``I`` more than was read.

Only a numeral that ends in a run of ``I``s is read again, with one ``I`` more: that is where OCR loses one; the
reading is noted and never confident. A numeral read once on its page, or read alike at one width, is left as read.
Run once a page (``extract.py``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from .fields import Draft, Found
from .normalize import normalise
from .repair import REPAIR_FACTOR

# wider than the narrowest reading by more than this part of the numeral's height: no speck nor rounding of a box
MIN_EXTRA = 0.25
# and by no more than this: one ``I`` with the type's spacing (wide-spaced types: up to a letter height)
MAX_EXTRA = 1.3
# heights this near (a part of the narrowest's) are one size of type
SAME_SIZE = 0.15
LOST_I_NOTE = "a Roman numeral read with one I more: its box is wider than the same dating elsewhere on the page"
_NUMERAL = re.compile(r"[IVX]*I$")
_NUMERAL_IN_WORD = re.compile(r"[IVX]+I(?=[^\w]*$)")


def _numeral_word(f: Found) -> tuple[str, tuple[float, float]] | None:
    """The last word of ``f`` holding a Roman numeral that ends in I, with its box's width and height, or None."""
    for t in reversed([t for t in f.toks if not t.leader]):
        if _NUMERAL_IN_WORD.search(t.text):
            x0, y0, x1, y1 = t.bbox
            return t.text, (x1 - x0, y1 - y0)
    return None


def wider_by_an_i(widths: list[tuple[float, float]]) -> list[bool]:
    """For numerals read alike on one page, given as (width, height): which are wider than the narrowest of them by
    more than a speck and no more than one ``I`` (``MIN_EXTRA``, ``MAX_EXTRA`` of the height). A numeral of another
    height is printed in another size: its width says nothing against the narrowest's."""
    if len(widths) < 2:
        return [False] * len(widths)
    narrowest, its_height = min(widths)
    return [abs(h - its_height) <= SAME_SIZE * its_height and MIN_EXTRA * h < w - narrowest <= MAX_EXTRA * h
            for w, h in widths]


def one_i_more(raw: str) -> str | None:
    """``raw`` with an ``I`` added to its last Roman numeral when that numeral ends in ``I`` ("Thế kỷ XVII" ->
    "Thế kỷ XVIII"), else None."""
    m = None
    for m in _NUMERAL_IN_WORD.finditer(raw):
        pass
    if m is None or not _NUMERAL.fullmatch(m.group(0)):
        return None
    return raw[:m.end()] + "I" + raw[m.end():]


def numerals_by_width(drafts: list[Draft]) -> None:
    """Each dating of the page whose numeral is wider than the same dating's elsewhere on it by one ``I``: read with
    that ``I``, noted, and less sure."""
    for key in {f.spec.key for d in drafts for f in d.found() if f.spec.kind == "dating"}:
        # the datings' numeral words, by what OCR read in them: words read alike are printed alike
        alike: dict[str, list[tuple[Found, tuple[float, float]]]] = defaultdict(list)
        for d in drafts:
            f = d.fields.get(key)
            if f is not None and f.value is not None and (word := _numeral_word(f)) is not None:
                alike[word[0]].append((f, word[1]))
        for group in alike.values():
            for (f, _), wider in zip(group, wider_by_an_i([box for _, box in group])):
                more = one_i_more(f.raw) if wider else None
                n = normalise("dating", more) if more is not None else None
                if n is not None and n.ok:
                    f.value = n.value
                    f.doubt(LOST_I_NOTE, REPAIR_FACTOR * min(1.0, n.quality))
