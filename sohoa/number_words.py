"""Vietnamese numbers written in words: the one reader of counts, numbers and years said in words.

Registers and museum cards write numbers in words as well as in digits: a quantity ("hai chiếc"), a number
restated in brackets ("01 (một)"), a date's day, month and year ("ngày mười lăm tháng tư năm một nghìn chín
trăm bảy mươi hai"). The numerals are a closed set and the way they combine is grammar, so this module holds
both directions of it: ``read_number`` reads words into a number, ``spellings`` gives every usual way of saying
one, and each is the other's check (every spelling reads back to its number).

The grammar, over folded words (``sohoa.text.fold``: no marks, lower case — "mười" and "mươi" fold alike and
are told apart by position): units "không, một, hai, ba, bốn/tư, năm, sáu, bảy, tám, chín"; tens "mười"
(10–19) or "<unit> mươi", after which 1 is "mốt", 4 "tư" and 5 "lăm" or "nhăm" as well; "linh" or "lẻ" before
a lone unit after a hundred or more; "trăm"; "nghìn" or "ngàn"; "triệu". Digits read one by one ("một chín
chín ba") are no number of this grammar.

No Vietnamese number-words library was taken: on PyPI, ``vietnam-number`` is GPL-3.0 (this project is
Apache-2.0) and reads "muoi hai" as 2; ``vn-numberwords`` (one release) skips words it does not know, so
"hai chiếc" and "hai ba" both read as numbers, and neither spells a number the several ways registers do.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from .text import fold, nfc

# the folded word of each unit said on its own, the first of several spellings first ("tư" is 4 in "tháng tư")
UNIT_SPELLINGS: dict[int, tuple[str, ...]] = {
    0: ("khong",), 1: ("mot",), 2: ("hai",), 3: ("ba",), 4: ("bon", "tu"), 5: ("nam",), 6: ("sau",),
    7: ("bay",), 8: ("tam",), 9: ("chin",)}
# … and after "mươi"/"mười": "hai mươi mốt" ("mốt" folds to "mot"), "ba mươi tư", "mười lăm", "hai mươi nhăm"
AFTER_TENS_SPELLINGS: dict[int, tuple[str, ...]] = {**UNIT_SPELLINGS, 0: (), 5: ("lam", "nam", "nham")}
TENS = "muoi"
HUNDRED = "tram"
THOUSANDS = ("nghin", "ngan")
MILLION = "trieu"
ZERO_TENS = ("linh", "le")

_UNIT = {w: n for n, ws in UNIT_SPELLINGS.items() for w in ws}
_AFTER_TENS = {w: n for n, ws in AFTER_TENS_SPELLINGS.items() for w in ws}
NUMBER_WORDS = frozenset(_UNIT) | frozenset(_AFTER_TENS) | {TENS, HUNDRED, MILLION, *THOUSANDS, *ZERO_TENS}

# the numerals as written with their marks: a count read from words as written must be these words, not others
# that fold alike ("bà", "bạn", "Nam", "sau", "từ" are no numerals)
WRITTEN_NUMERALS = frozenset({
    "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám", "chín",
    "mười", "mươi", "linh", "lẻ", "trăm", "nghìn", "ngàn", "triệu"})


def _below_thousand(words: list[str], after_more: bool) -> int | None:
    """0–999 from the whole of ``words``; ``after_more``: a thousand or a million was said before (a lone
    unit may then take "linh"/"lẻ", and "không trăm" may say no hundreds)."""
    if not words:
        return 0
    hundreds, rest = 0, words
    if HUNDRED in words:
        k = words.index(HUNDRED)
        head = words[:k]
        if len(head) > 1 or head and head[0] not in _UNIT:
            return None
        hundreds = _UNIT[head[0]] if head else 1
        if hundreds == 0 and not after_more:
            return None  # "không trăm" only after a thousand
        rest = words[k + 1:]
        after_more = True
    below = _below_hundred(rest, after_more)
    return None if below is None else hundreds * 100 + below


def _below_hundred(words: list[str], after_more: bool) -> int | None:
    """0–99 from the whole of ``words``."""
    if not words:
        return 0
    if words[0] in ZERO_TENS:
        if not after_more or len(words) != 2 or words[1] not in _UNIT or _UNIT[words[1]] == 0:
            return None
        return _UNIT[words[1]]
    if words[0] == TENS:
        tens, tail = 1, words[1:]
    elif len(words) >= 2 and words[1] == TENS and words[0] in _UNIT and _UNIT[words[0]] >= 2:
        tens, tail = _UNIT[words[0]], words[2:]
    elif len(words) == 1 and words[0] in _UNIT:
        return _UNIT[words[0]] if _UNIT[words[0]] or not after_more else None
    else:
        return None
    if not tail:
        return tens * 10
    if len(tail) != 1 or tail[0] not in _AFTER_TENS or _AFTER_TENS[tail[0]] == 0:
        return None
    return tens * 10 + _AFTER_TENS[tail[0]]


def read_number(words: list[str] | tuple[str, ...]) -> int | None:
    """The number the whole of ``words`` (folded) says, by the grammar above; None if they say none:
    ``["hai", "muoi", "mot"]`` -> 21, ``["hai", "nghin", "khong", "tram", "linh", "tu"]`` -> 2004."""
    words = list(words)
    if not words or any(w not in NUMBER_WORDS for w in words):
        return None
    total, after_more = 0, False
    for marker, scale in ((MILLION, 1_000_000), (None, 1000)):
        at = next((k for k, w in enumerate(words) if (w == marker if marker else w in THOUSANDS)), None)
        if at is None:
            continue
        head = words[:at]
        group = _below_thousand(head, after_more) if head else 1
        if group is None or group == 0:
            return None
        total += group * scale
        words, after_more = words[at + 1:], True
    rest = _below_thousand(words, after_more)
    if rest is None:
        return None
    return total + rest


def leading_number(words: list[str]) -> tuple[int, int] | None:
    """The number said by the longest run of ``words`` (folded) from the first, and how many words it took."""
    for n in range(len(words), 0, -1):
        value = read_number(words[:n])
        if value is not None:
            return value, n
    return None


def written_numeral(word: str) -> bool:
    """``word`` is a numeral as written: with a numeral's own marks, or with no marks at all (typed without them)."""
    low = nfc(word).lower()
    return low in WRITTEN_NUMERALS or low == fold(low) and low in NUMBER_WORDS


def _one_of(*choices: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """Every sequence made of one choice from each part, joined."""
    return [sum(parts, ()) for parts in product(*choices)]


def _spell_below_hundred(n: int, after_more: bool) -> list[tuple[str, ...]]:
    if n == 0:
        return [()]
    if n < 10:
        units = tuple((u,) for u in UNIT_SPELLINGS[n])
        return _one_of(((), *((z,) for z in ZERO_TENS)) if after_more else ((),), units)
    tens, unit = divmod(n, 10)
    head = ((TENS,),) if tens == 1 else tuple((d, TENS) for d in UNIT_SPELLINGS[tens])
    tail = tuple((u,) for u in AFTER_TENS_SPELLINGS[unit]) or ((),)
    return _one_of(head, tail)


def _spell_below_thousand(n: int, after_more: bool) -> list[tuple[str, ...]]:
    hundreds, below = divmod(n, 100)
    middles: list[tuple[str, ...]]
    if hundreds:
        middles = [(d, HUNDRED) for d in UNIT_SPELLINGS[hundreds]]
    elif after_more and below:
        middles = [("khong", HUNDRED), ()]
    else:
        middles = [()]
    return [m + t for m in middles for t in _spell_below_hundred(below, after_more or bool(m))]


@lru_cache(maxsize=1024)
def spellings(n: int) -> frozenset[tuple[str, ...]]:
    """The folded word sequences ``n`` (1–999 999) is said with: "nghìn" or "ngàn", "không trăm" said or left
    out before the tens, "linh" or "lẻ" before a lone unit, "mốt", "tư", "lăm", "nhăm" after the tens."""
    if not 1 <= n < 1_000_000:
        raise ValueError("spelled numbers run from 1 to 999 999")
    thousands, rest = divmod(n, 1000)
    heads = [()] if not thousands else [
        h + (t,) for h in _spell_below_thousand(thousands, False) for t in THOUSANDS]
    return frozenset(h + t for h in heads for t in _spell_below_thousand(rest, bool(thousands)))
