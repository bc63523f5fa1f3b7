"""A number field's value written in words: a count said ("hai chiếc"), or digits restated in brackets ("01 (một)").

Museum cards give a quantity in words as often as in digits, and registers restate a number in words after its
digits. Read as digits alone, the first is no number at all and the second a number with words run into it. The
numerals are grammar (``sohoa.number_words``), not a list of wordings: a count is the numerals at the start of
the value, as written with their own marks ("bà", "từ", "Nam" fold onto numerals and are none), and whatever
follows them is the unit counted. Numerals typed without the marks they take are read too, from two words on
("muoi hai"), since one such word ("Nam") is as often a word of another field run in.

Pure functions over NFC text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sohoa.number_words import WRITTEN_NUMERALS, leading_number, written_numeral
from sohoa.text import fold, nfc

SAID_QUALITY = 0.85  # a count read from words: the grammar is sure, one misread word makes another numeral
# a count followed by another count ("một bộ gồm mười hai cái"): which one the field asks is for a person to say
SECOND_COUNT_QUALITY = 0.5

_WORD = re.compile(r"[^\W\d_]+")
_RESTATED = re.compile(r"(\d+)\s*[(\[]([^()\[\]]*)[)\]]?\s*")


@dataclass(frozen=True)
class Count:
    value: int
    quality: float
    notes: tuple[str, ...]


def _numerals_at_start(words: list[str]) -> tuple[int, int] | None:
    """The number the numerals at the start of ``words`` say, and how many words it took."""
    run = 0
    while run < len(words) and written_numeral(words[run]):
        run += 1
    got = leading_number([fold(w) for w in words[:run]])
    if got is None:
        return None
    typed_bare = any(nfc(w).lower() not in WRITTEN_NUMERALS for w in words[:got[1]])
    return None if typed_bare and got[1] < 2 else got


def count_in_words(text: str) -> Count | None:
    """The count a value with no digit says in words ("hai chiếc" -> 2, "mười hai cái" -> 12); None when it
    starts with no numeral or holds a digit."""
    text = nfc(text)
    if any(c.isdigit() for c in text):
        return None
    words = _WORD.findall(text)
    got = _numerals_at_start(words)
    if got is None:
        return None
    value, n = got
    rest = words[n:]
    if any(_numerals_at_start(rest[k:]) for k in range(len(rest))):
        return Count(value, SECOND_COUNT_QUALITY, ("a number in words read as digits", "another number follows"))
    return Count(value, SAID_QUALITY, ("a number in words read as digits",))


def restated_in_words(text: str) -> tuple[str, bool] | None:
    """Digits restated in words in brackets after them ("01 (một)", "12 (mười hai chiếc)"): the digits as
    written, and whether the words say the same number. None when the value is not so written."""
    m = _RESTATED.fullmatch(nfc(text).strip())
    if m is None:
        return None
    said = _numerals_at_start(_WORD.findall(m.group(2)))
    if said is None:
        return None
    return m.group(1), said[0] == int(m.group(1))
