"""The shape of a museum code, and the one a register page's codes share.

A register numbers its objects in one system ("GV.5120", "KL.3988"; "BTBN 1234/TL 99"): what the codes of a page
have in common is their shape — runs of letters, runs of digits and the separators between — not their letters or
digits. ``page_codes`` weighs a code against that shape and ``lost_separator`` puts back a separator OCR dropped;
both read shapes from here. Pure functions over the codes' texts.
"""

from __future__ import annotations

import re
from collections import Counter


def code_shape(value: str) -> str:
    """A code's shape: each run of capitals one ``A``, each run of digits one ``9``, separators as written
    ("GV.1234" and "KL.56" are ``A.9``, "BTBN 1234/TL 99" ``A 9/A 9``, "GV1234" ``A9``)."""
    return re.sub(r"\d+", "9", re.sub(r"[A-ZĐ]+", "A", value))


def page_shape(peers: list[str]) -> str | None:
    """The shape most of the page's other codes share (two or more, more than half of them, with letters), or
    None: the system the page numbers its objects in."""
    counts = Counter(code_shape(o) for o in peers)
    if not counts:
        return None
    shape, n = counts.most_common(1)[0]
    return shape if n >= 2 and 2 * n > sum(counts.values()) and "A" in shape else None
