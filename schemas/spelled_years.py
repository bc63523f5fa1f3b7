"""A year in words read short: the words are the start of the year the digits give, spelled out.

A date restated in words runs long ("ngày hai mươi mốt tháng mười một năm một nghìn chín trăm chín mươi ba") and
often wraps: when the reader stops at the line's end, the year in words is cut ("… một nghìn chín trăm chín"), and
read as it stands it is another year (1909 for 1993). That is a reading that says less than the digits, not one
that says something else: the digits' year, spelled out, begins with exactly those words. Telling the two apart
keeps a right date in digits from being lowered and its record from being held as a conflict, while a date in
words whose day, month or read year words differ from the digits' still disagrees.

Pure functions over folded words (``sohoa.text.fold``: no marks, lower case). The number words are
``sohoa.dates``'; the ways of spelling a year are the usual ones of civil-status registers: "nghìn" or "ngàn",
"không trăm" said or left out before the tens, "linh" or "lẻ" before a lone unit, "mốt", "tư", "lăm" for 1, 4, 5
after the tens.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from sohoa.dates import DIGIT_WORDS, parse_date
from sohoa.text import fold

# the folded word of each digit said on its own (the first of several spellings where there are more)
_DIGIT = {0: ("khong",), 1: ("mot",), 2: ("hai",), 3: ("ba",), 4: ("bon", "tu"), 5: ("nam",), 6: ("sau",),
          7: ("bay",), 8: ("tam",), 9: ("chin",)}
# … and after "mươi"/"mười": "hai mươi mốt", "ba mươi tư", "mười lăm" ("mốt" folds to "mot")
_AFTER_TENS = {**_DIGIT, 0: (), 5: ("lam", "nam", "nham")}
_WORD = re.compile(r"\w+")


def _one_of(*choices: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """Every sequence made of one choice from each part, joined."""
    return [sum(parts, ()) for parts in product(*choices)]


def _below_hundred(n: int, after_more: bool) -> list[tuple[str, ...]]:
    """Spellings of 0–99; ``after_more``: a hundred or a thousand was said before (a lone unit takes "linh")."""
    if n == 0:
        return [()]
    if n < 10:
        units = tuple((u,) for u in _DIGIT[n])
        return _one_of(((), ("linh",), ("le",)) if after_more else ((),), units)
    tens, unit = divmod(n, 10)
    head = (("muoi",),) if tens == 1 else tuple((d, "muoi") for d in _DIGIT[tens])
    tail = tuple((u,) for u in _AFTER_TENS[unit]) or ((),)
    return _one_of(head, tail)


@lru_cache(maxsize=512)
def year_spellings(year: int) -> frozenset[tuple[str, ...]]:
    """The folded word sequences a year of 1–9999 is spelled with."""
    thousands, rest = divmod(year, 1000)
    hundreds, below = divmod(rest, 100)
    heads = [()] if not thousands else _one_of(tuple((d,) for d in _DIGIT[thousands]), (("nghin",), ("ngan",)))
    middles: list[tuple[str, ...]]
    if hundreds:
        middles = [(d, "tram") for d in _DIGIT[hundreds]]
    elif thousands and below:
        middles = [("khong", "tram"), ()]
    else:
        middles = [()]
    out = set()
    for head in heads:
        for middle in middles:
            for tail in _below_hundred(below, bool(head or middle)):
                out.add(head + middle + tail)
    return frozenset(out)


def _year_words(words: list[str], month: int) -> list[str] | None:
    """The words after "năm" that follow the month in ``ngày … tháng <month> năm <year>``, or None."""
    if "thang" not in words:
        return None
    rest = words[words.index("thang") + 1:]
    for k in range(1, min(4, len(rest))):
        if rest[k] != "nam":
            continue
        head = rest[:k]
        said = int(head[0]) if len(head) == 1 and head[0].isdigit() else _small_number(head)
        if said == month:
            return rest[k + 1:]
    return None


def _small_number(words: list[str]) -> int | None:
    """1–31 from folded words ("muoi hai" -> 12, "hai muoi mot" -> 21), None otherwise."""
    for n in range(1, 32):
        if tuple(words) in _below_hundred(n, False) or (n < 10 and tuple(words) == (_DIGIT[n][0],)):
            return n
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
    if not year_words or any(w not in DIGIT_WORDS and w not in ("muoi", "tram", "nghin", "ngan", "linh", "le")
                             for w in year_words):
        return False
    said = tuple(year_words)
    return any(len(s) > len(said) and s[:len(said)] == said for s in year_spellings(int(digits_iso[:4])))
