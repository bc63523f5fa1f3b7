"""A year in words read short: the words are the start of the year the digits give, spelled out.

A date restated in words runs long ("ngày hai mươi mốt tháng mười một năm một nghìn chín trăm chín mươi ba") and
often wraps: when the reader stops at the line's end, the year in words is cut ("… một nghìn chín trăm chín"), and
read as it stands it is another year (1909 for 1993). That is a reading that says less than the digits, not one
that says something else: the digits' year, spelled out, begins with exactly those words. Telling the two apart
keeps a right date in digits from being lowered and its record from being held as a conflict, while a date in
words whose day, month or read year words differ from the digits' still disagrees.

Pure functions over folded words (``sohoa.text.fold``: no marks, lower case). The number words, and the usual
ways registers spell a year ("nghìn" or "ngàn", "không trăm" said or left out before the tens, "linh" or "lẻ"
before a lone unit, "mốt", "tư", "lăm" for 1, 4, 5 after the tens), are ``sohoa.number_words``', the one reader
of numbers in words.
"""

from __future__ import annotations

import re

from sohoa.dates import parse_date
from sohoa.number_words import NUMBER_WORDS, read_number, spellings
from sohoa.text import fold

_WORD = re.compile(r"\w+")


def year_spellings(year: int) -> frozenset[tuple[str, ...]]:
    """The folded word sequences a year of 1–9999 is spelled with (``sohoa.number_words.spellings``)."""
    return spellings(year)


def _year_words(words: list[str], month: int) -> list[str] | None:
    """The words after "năm" that follow the month in ``ngày … tháng <month> năm <year>``, or None."""
    if "thang" not in words:
        return None
    rest = words[words.index("thang") + 1:]
    for k in range(1, min(4, len(rest))):
        if rest[k] != "nam":
            continue
        head = rest[:k]
        said = int(head[0]) if len(head) == 1 and head[0].isdigit() else read_number(head)
        if said == month:
            return rest[k + 1:]
    return None


def year_words_cut(words_text: str, digits_iso: str) -> bool:
    """Whether a date in words agrees with a date in digits (ISO) as far as it was read: the same month, the same
    day or none read, and a year whose words are the start — not the whole — of the digits' year spelled out."""
    got = parse_date(words_text, words_only=True).iso
    if not got or not digits_iso or len(digits_iso) < 7 or got[:4] == digits_iso[:4]:
        return False
    if got[5:7] != digits_iso[5:7] or (len(got) >= 10 and got[8:10] != digits_iso[8:10]):
        return False
    words = [w for w in _WORD.findall(fold(words_text))]
    year_words = _year_words(words, int(digits_iso[5:7]))
    if not year_words or any(w not in NUMBER_WORDS for w in year_words):
        return False
    said = tuple(year_words)
    return any(len(s) > len(said) and s[:len(said)] == said for s in year_spellings(int(digits_iso[:4])))
