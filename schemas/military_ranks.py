"""A military rank: one phrase of a short closed list, two words long, wherever the value that holds it runs on.

The ranks of the Vietnamese People's Army are fixed by law (``vocab.RANKS``: the soldiers' and non-commissioned
officers' of the Law on Military Service, the officers' of the Law on Officers of the People's Army): two
syllables, a grade word ("Thiếu", "Trung", "Thượng", "Đại"; "Binh", "Hạ") then the tier ("úy", "tá", "tướng";
"sĩ", "nhì", "nhất"). A rank field's value that opens with one of them and goes on is the rank and the next pair
run into it (a post beside it, a unit on the rows below, which a degraded page leaves without a label the reader
can end the value at): the rank ends after its two words, and the rest is another pair's. A rank one letter off a
single rank of the list, and nearer to no other ("Trung tổ"), is still that rank for where it ends.

Pure functions over words.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from sohoa.text import fold

from .layout import Tok
from .vocab import RANKS

# words of a rank (every rank of the list has two)
RANK_WORDS = 2
# letters a misread rank may be off its listed form and still be read as it (one OCR slip in two short syllables)
RANK_SLIPS = 1


def _letters(value: str) -> str:
    """The value's letters, folded, word by word ("Thượng úy." -> "thuong uy")."""
    return " ".join(re.findall(r"[a-z]+", fold(value)))


_BY_LETTERS = {_letters(r): r for r in RANKS}


def rank_of(value: str, slips: int = 0) -> str | None:
    """The rank of the list the value is, written as the list writes it: word for word (marks and punctuation
    aside), or with up to ``slips`` letters off when that rank is the only one so near (a tie names none).
    None when the value holds a digit or reads as no rank."""
    if any(c.isdigit() for c in value):
        return None
    letters = _letters(value)
    if letters in _BY_LETTERS:
        return _BY_LETTERS[letters]
    if not slips or len(letters.split()) != RANK_WORDS:
        return None
    near = sorted((Levenshtein.distance(letters, k), r) for k, r in _BY_LETTERS.items())
    best, rank = near[0]
    if best > slips or len(near) > 1 and near[1][0] == best:
        return None
    return rank


def rank_and_tail(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """A rank field's words up to the end of the rank that opens them, and the words after it (another pair's,
    listed rather than dropped), when a rank of the list opens them and words follow; else the words whole and
    nothing after."""
    words = [t for t in toks if not t.leader]
    if len(words) <= RANK_WORDS or rank_of(" ".join(t.text for t in words[:RANK_WORDS]), RANK_SLIPS) is None:
        return toks, []
    cut = toks.index(words[RANK_WORDS])
    return toks[:cut], words[RANK_WORDS:]
