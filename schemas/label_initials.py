"""A label's word cut to its first letter and a dot ("N.đại", "H.trạng"): the vocabulary's word it stands for.

Forms short of room write the first syllable of a two-syllable word as its initial and a dot, keeping the second
whole. The dot says a letter stands for a syllable; the syllable after it and the letter say which: the
vocabulary's two-syllable words (a compound is what such a cut shortens, not the start of a longer phrase) whose
second syllable is that syllable and whose first begins with that letter. Exactly one such first syllable is the
word; none or several ("T.trạng": "tình trạng" or "thực trạng") leave the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sohoa.text import fold

# one letter standing alone (no letter before it), its dot, and the syllable after it
_INITIAL = re.compile(r"(?<![^\W\d_])([^\W\d_])\.\s*([^\W\d_]+)")


def first_syllables(phrases: Iterable[tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """The first syllables of the vocabulary's two-syllable words by the folded second syllable they come before
    (``phrases``: the vocabulary's phrases as written, lower case, a tuple of syllables each)."""
    out: dict[str, set[str]] = {}
    for p in phrases:
        if len(p) == 2 and len(p[0]) > 1:
            out.setdefault(fold(p[1]), set()).add(p[0])
    return {k: frozenset(v) for k, v in out.items()}


def spelled_initials(text: str, seconds: dict[str, frozenset[str]]) -> str:
    """``text`` with each initial and dot before a syllable written as the vocabulary's syllable it stands for
    (``seconds``: ``first_syllables`` of the vocabulary)."""
    if "." not in text:
        return text

    def expand(m: re.Match) -> str:
        letter, rest = fold(m.group(1).lower()), m.group(2)
        firsts = {w for w in seconds.get(fold(rest.lower()), ()) if fold(w).startswith(letter)}
        if len({fold(w) for w in firsts}) != 1:
            return m.group(0)
        return f"{sorted(firsts)[0]} {rest}"

    return _INITIAL.sub(expand, text)
