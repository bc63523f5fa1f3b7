"""Reading dates (and the digits OCR garbles) in Vietnamese text: the kernel's one reader.

``parse_date`` reads a date written any way a Vietnamese paper writes one
(``05/03/1980``, ``1980.03.05``, ``ngày mười lăm tháng ba năm 1980``, a lunar
year) into ISO 8601 at the precision written; ``date_spans`` finds every date
finer than a year inside free text. The field extractor (``schemas/normalize.py``)
and the masking of personal data (``sohoa/masking.py``, ``sohoa/logs.py``) use
the same reader, so what is masked is exactly what is read as a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .digit_letters import ONE_DIGIT_LETTERS, one_digit
from .number_words import read_number
from .text import clean_spaces, fold, nfc

# Number words, folded (no diacritics, lower case). "năm" and "lăm" are both 5;
# "mười" and "mươi" both fold to "muoi" and are told apart by position.
DIGIT_WORDS = {
    "khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "nham": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}
TEN_WORDS = {"muoi"}
HUNDRED_WORDS = {"tram"}
THOUSAND_WORDS = {"nghin", "ngan"}
ZERO_TENS_WORDS = {"linh", "le"}
MONTH_NAMES = {"gieng": 1, "chap": 12}

# Heavenly stems and earthly branches: a year named with them ("năm Mậu Thân")
# is a lunar year; its Gregorian year depends on the sexagenary cycle, which
# we never guess.
CAN = {"giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy"}
CHI = {"ty", "suu", "dan", "mao", "meo", "thin", "ngo", "mui", "than", "dau", "tuat", "hoi"}


@dataclass
class Norm:
    value: Any
    quality: float = 1.0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.value is not None


FAILED = 0.0
SPLIT_YEAR_QUALITY = 0.5  # a year put back together from two runs of digits: right in the cases seen, never sure
LEADER_CHARS = ".:…·_-–—,;|~'\"`*>"


def strip_leaders(text: str) -> str:
    """Drop dotted leaders and separators around a value: ``....: Kinh ....`` -> ``Kinh``."""
    text = clean_spaces(text)
    words = text.split(" ")
    keep = [i for i, w in enumerate(words) if w.strip(LEADER_CHARS)]
    if not keep:
        return ""
    # leader runs go; a lone dash between words stays ("Lao động - Thương binh")
    words = [w for w in words[keep[0]:keep[-1] + 1] if w.strip(LEADER_CHARS) or w in ("-", "–")]
    text = " ".join(words)
    return text.strip(LEADER_CHARS + " ")


# --- digits with OCR confusions -------------------------------------------------------------

_DIGIT_FIX = str.maketrans(one_digit(ONE_DIGIT_LETTERS))  # (sohoa/digit_letters.py: which letter, and why)


def fix_digits(token: str) -> tuple[str, bool]:
    """Repair letters OCR puts in place of digits, in a token that is mostly digits."""
    digits = sum(c.isdigit() for c in token)
    if digits == len(token) or digits < len(token) / 2:
        return token, False
    fixed = token.translate(_DIGIT_FIX)
    return fixed, fixed != token


# --- numbers in words -------------------------------------------------------------------------

def words_to_number(words: list[str]) -> int | None:
    """``["hai", "muoi", "mot"]`` -> 21; folded Vietnamese number words, ``None`` if not a number
    (``sohoa.number_words``, the one reader of numbers in words)."""
    return read_number(words)


# --- dates ------------------------------------------------------------------------------------

@dataclass
class DateParse:
    iso: str | None
    quality: float
    notes: list[str]
    lunar: str | None = None


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    if y is None or not 1000 <= y <= 2100:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    days = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if not 1 <= d <= days[m - 1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _year(text: str) -> int | None:
    if not text.isdigit():
        return None
    y = int(text)
    if len(text) == 2:  # "5/3/72": two-digit years on old papers are 19xx
        y += 1900
    return y


_NUM = r"[0-9OoØIlSB]{1,4}"
_RE_DMY = re.compile(rf"(?<![0-9])({_NUM})\s*[/\-.]\s*({_NUM})\s*[/\-.]\s*({_NUM})(?![0-9])")
_RE_MY = re.compile(rf"(?<![0-9/])({_NUM})\s*[/\-.]\s*([0-9OoIlSB]{{4}})(?![0-9])")
_RE_YEAR = re.compile(r"(?<![0-9])(1[0-9]{3}|20[0-9]{2})(?![0-9])")
# A month in Roman numerals ("2/IX/1945", "tháng XII-1967"), as old papers and typed records write it. Only the
# numerals with a V or an X: a run of I's alone is also how OCR reads a "1" or an "11", which ``_NUM`` reads as digits.
ROMAN_MONTHS = {"IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}
_ROMAN = "|".join(sorted(ROMAN_MONTHS, key=len, reverse=True))
_RE_ROMAN_MONTH = re.compile(
    rf"(?<![\w/\-.])(?:([0-9]{{1,2}})\s*[/\-.]\s*)?({_ROMAN})\s*[/\-.]\s*([0-9]{{4}})(?![0-9])")
ROMAN_MONTH_QUALITY = 0.9  # a rarer way of writing: read, noted, and left for the calibration to weigh
# A year joined by a date's separator to a word the reader could not read ("?/1950", "Xl/1950"): a day or a month
# was written there, so the year alone is not the date that was written.
# (Leaders, "..... 1950" or "---- 1950", are not a separator: they run on from the label.)
_RE_UNREAD_BEFORE_YEAR = re.compile(r"[^\s.…·_:,;\-/]\s*[/\-]\s*$")


def _num(token: str) -> tuple[int | None, bool]:
    fixed, repaired = fix_digits(token)
    return (int(fixed) if fixed.isdigit() else None), repaired


def _numeric_date(m: re.Match[str]) -> tuple[str | None, float, list[str]]:
    """A ``_RE_DMY`` match as (ISO date, quality, notes): day first (``05/3/1972``, ``5-3-80``), or year first
    when the first group is a year (``1980/03/05``, ``1980.03.05``)."""
    (a, r1), (mo, r2), (c, r3) = _num(m.group(1)), _num(m.group(2)), _num(m.group(3))
    q = 0.85 if (r1 or r2 or r3) else 1.0
    if a is None or mo is None or c is None:
        return None, FAILED, []
    if len(fix_digits(m.group(3))[0]) in (2, 4):
        iso = _iso(_year(str(c)), mo, a)
        if iso:
            if len(m.group(3)) == 2:
                return iso, min(q, 0.8), ["two-digit year read as 19xx"]
            return iso, q, []
    if len(fix_digits(m.group(1))[0]) == 4:
        iso = _iso(a, mo, c)
        if iso:
            return iso, q, []
    return None, FAILED, []


_RE_COMPACT = re.compile(r"(?<!\w)([0-9]{8})(?!\w)")  # eight digits alone, not inside a hash or a word


def _compact_date(eight: str) -> str | None:
    """``05031980`` (day, month, year) or ``19800305`` (year, month, day); None if neither is a date."""
    return (_iso(int(eight[4:]), int(eight[2:4]), int(eight[:2])) if 1800 <= int(eight[4:]) <= 2100 else None) or \
        (_iso(int(eight[:4]), int(eight[4:6]), int(eight[6:])) if 1800 <= int(eight[:4]) <= 2100 else None)


def _words_date(toks: list[str]) -> tuple[int | None, int | None, int | None] | None:
    """Day, month, year from folded tokens ``ngay ... thang ... nam ...`` (words or digits)."""

    def value(part: list[str], month: bool = False) -> int | None:
        if len(part) == 1 and part[0].isdigit():
            return int(part[0])
        if len(part) == 1:
            fixed, _ = fix_digits(part[0])
            if fixed.isdigit():
                return int(fixed)
        if month and len(part) == 1 and part[0] in MONTH_NAMES:
            return MONTH_NAMES[part[0]]
        return words_to_number(part)

    def split_at_nam(rest: list[str], lo: int, hi: int) -> tuple[int | None, int | None] | None:
        # "thang nam nam mot nghin..." : try each "nam" as the year keyword, shortest month first
        for k in range(1, min(4, len(rest))):
            if rest[k] == "nam" and k + 1 < len(rest):
                head = value(rest[:k], month=True)
                year = value(rest[k + 1:])
                if head is not None and lo <= head <= hi and year is not None:
                    return head, year
        # "tháng 11, 1983": the year written after a comma, without "năm"
        if len(rest) == 2 and re.fullmatch(r"\d{4}", rest[1]):
            head = value(rest[:1], month=True)
            if head is not None and lo <= head <= hi:
                return head, int(rest[1])
        head = value(rest, month=True)
        if head is not None and lo <= head <= hi:
            return head, None
        return None

    day = month = year = None
    if toks and toks[0] == "nam" and "thang" in toks and "ngay" in toks and toks.index("thang") < toks.index("ngay"):
        # "năm 1980 tháng 3 ngày 5": largest part first
        t, n = toks.index("thang"), toks.index("ngay")
        year, month, day = value(toks[1:t]), value(toks[t + 1:n], month=True), value(toks[n + 1:])
        if year is None or month is None or day is None or not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        return day, month, year
    if "thang" in toks:
        t = toks.index("thang")
        before, after = toks[:t], toks[t + 1:]
        if before and before[0] in ("ngay", "mong", "mung"):
            before = before[1:]
        if before and before[0] in ("mong", "mung"):
            before = before[1:]
        if before:
            day = value(before)
            if day is None or not 1 <= day <= 31:
                return None
        got = split_at_nam(after, 1, 12)
        if got is None:
            # "thang 7/1949"
            if after and "/" in after[0]:
                m, _, y = after[0].partition("/")
                if m.isdigit() and y.isdigit():
                    return day, int(m), int(y)
            return None
        month, year = got
        return day, month, year
    if toks and toks[0] == "nam":
        year = value(toks[1:])
        return (None, None, year) if year is not None else None
    return None


_DATE_WORDS = set(DIGIT_WORDS) | TEN_WORDS | HUNDRED_WORDS | THOUSAND_WORDS | ZERO_TENS_WORDS | set(MONTH_NAMES) | {
    "ngay", "thang", "nam", "mong", "mung"}


_TOKEN_AT = re.compile(r"[\w/.\-:]+")


def _date_phrases_at(text: str) -> list[list[tuple[str, int, int]]]:
    """Runs of folded tokens that may spell a date (``ngay ... thang ... nam ...``), each token with the span
    of its characters in ``text``."""
    runs: list[list[tuple[str, int, int]]] = []
    cur: list[tuple[str, int, int]] = []
    for m in _TOKEN_AT.finditer(text):
        t = fold(m.group(0)).strip(".,;:()")
        if t and (t in _DATE_WORDS or fix_digits(t)[0].isdigit() or re.fullmatch(r"\d{1,2}/\d{4}", t)):
            cur.append((t, m.start(), m.end()))
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        words = [t for t, _, _ in run]
        # a run may hold two dates ("... nam 1972 ngay muoi lam ..."): split at each "ngay"/"mong", unless the
        # run is one date written largest part first ("nam 1980 thang 3 ngay 5")
        starts = [i for i, t in enumerate(words) if t in ("ngay", "mong", "mung")] or [0]
        if starts[0] != 0:
            starts = [0] + starts
        if len(starts) > 1 and words[0] == "nam" and "thang" in words[:starts[1]]:
            starts.pop(1)
        for a, b in zip(starts, starts[1:] + [len(run)]):
            if run[a:b]:
                out.append(run[a:b])
    return out


def date_words_only(text: str) -> bool:
    """Every word of ``text`` is a word or number of a date ("ngày 12 tháng 8 năm 1990", "12/08/1990"): no
    other words around it ("Đã cải chính ngày 12/08/1990" is a note that holds a date, not a date)."""
    toks = [fold(m.group(0)).strip(".,;:()") for m in _TOKEN_AT.finditer(text)]
    return bool(toks) and all(not t or t in _DATE_WORDS or fix_digits(t)[0][:1].isdigit() for t in toks)


def _date_phrases(text: str) -> list[list[str]]:
    """Runs of folded tokens that may spell a date: ``ngay ... thang ... nam ...``."""
    return [[t for t, _, _ in phrase] for phrase in _date_phrases_at(text)]


def lunar_year(text: str) -> str | None:
    """``năm Mậu Thân`` -> ``Mậu Thân`` (as written); ``None`` when no stem-branch pair is there."""
    words = clean_spaces(text).split(" ")
    for a, b in zip(words, words[1:]):
        if fold(a).strip(".,;:") in CAN and fold(b).strip(".,;:") in CHI:
            return f"{a} {b}".strip(".,;:")
    return None


# Two runs of digits with one blank between them where a year stands: after the word "năm", after a date's
# separator ("13/09/19 75"), or alone in the value. A year has four digits, so two runs of 1-3 digits whose
# count makes four are one year OCR split at a narrow gap between its glyphs ("năm 201 1", "19 75").
_SPLIT_YEAR = re.compile(r"(?:(?<=\bnăm )|(?<=\bnam )|(?<=[/\-.])|^)(\d{1,3}) (\d{1,3})(?![\d/\-.]?\d)", re.IGNORECASE)


def _split_year_gaps(text: str) -> list[int]:
    """Where in ``text`` the blank of each year OCR split in two stands: the runs join only when their digits
    add up to four, the year is one a record holds (1800 to 2100), and no digit follows it (a date's year
    comes last: "201 1 12" is no year)."""
    gaps = []
    for m in _SPLIT_YEAR.finditer(text):
        whole = m.group(1) + m.group(2)
        if len(whole) == 4 and 1800 <= int(whole) <= 2100 and not re.search(r"\d", text[m.end():]):
            gaps.append(m.end(1))
    return gaps


def join_split_year(text: str) -> tuple[str, bool]:
    """``text`` (stripped) with a year OCR split in two put back together, and whether one was."""
    text = text.strip()
    gaps = set(_split_year_gaps(text))
    return "".join(c for i, c in enumerate(text) if i not in gaps), bool(gaps)


def parse_date(raw: str, words_only: bool = False) -> DateParse:
    """Find the date in ``raw`` and give it as ISO at the precision written.

    Digits first (``05/3/1972``, ``ngày 05 tháng 3 năm 1972``, ``tháng 7/1949``,
    ``năm 1948``), then words (``ngày mười lăm tháng ba năm một nghìn chín trăm
    bảy mươi hai``). Lunar years are kept raw, never converted. A year OCR split in
    two (``năm 201 1``) is read whole, as doubtful: a person checks it on the page.
    """
    text, split = join_split_year(nfc(raw))
    if split:
        whole = parse_date(text, words_only)
        if whole.iso:
            return DateParse(whole.iso, min(whole.quality, SPLIT_YEAR_QUALITY),
                             whole.notes + ["a year split by OCR was joined"])
        return whole
    notes: list[str] = []
    if not words_only:
        m = _RE_DMY.search(text)
        if m:
            iso, q, more = _numeric_date(m)
            if iso:
                return DateParse(iso, q, notes + more)
            return DateParse(None, FAILED, [f"{m.group(0)!r} is not a valid date"])
    for phrase in _date_phrases(text):
        got = _words_date(phrase)
        if got is None:
            continue
        day, month, year = got
        has_digits = any(fix_digits(t)[0].replace("/", "").isdigit() for t in phrase)
        if words_only and has_digits:
            continue
        if year is None:
            if month is not None:
                return DateParse(None, FAILED, ["day and month without a year"])
            continue
        iso = _iso(year, month, day if month is not None else None)
        if iso:
            return DateParse(iso, 1.0 if has_digits else 0.95, notes)
    if not words_only:
        m = _RE_COMPACT.search(text)
        iso = _compact_date(m.group(1)) if m else None
        if iso:
            return DateParse(iso, 0.8, ["date written without separators"])
        m = _RE_ROMAN_MONTH.search(text)
        if m:
            return _roman_month_date(m)
        m = _RE_MY.search(text)
        if m:
            (mo, r1), (y, r2) = _num(m.group(1)), _num(m.group(2))
            iso = _iso(y, mo) if mo is not None and y is not None else None
            if iso:
                if re.search(r"[0-9OoIl][^\w]{0,2}$", text[:m.start()].rstrip()):
                    # "O7./01/2021": a day was printed but not read; month precision would be a guess
                    return DateParse(iso, 0.4, ["the day could not be read"])
                return DateParse(iso, 0.85 if (r1 or r2) else 1.0, notes)
        lunar = lunar_year(text)
        if lunar:
            return DateParse(None, 1.0, ["lunar year kept as written"], lunar=lunar)
        m = _RE_YEAR.search(text)
        if m:
            rest = text[:m.start()] + text[m.end():]
            if re.search(r"\d", rest) or _RE_UNREAD_BEFORE_YEAR.search(text[:m.start()]):
                return DateParse(m.group(1), 0.4, ["only the year could be read"])
            return DateParse(m.group(1), 0.9 if len(strip_leaders(text)) > 9 else 1.0, notes)
    lunar = lunar_year(text)
    if lunar:
        return DateParse(None, 1.0, ["lunar year kept as written"], lunar=lunar)
    return DateParse(None, FAILED, ["no date found"])


def _roman_month_date(m: re.Match[str]) -> DateParse:
    """A ``_RE_ROMAN_MONTH`` match as a date whose month is written in Roman numerals (``2/IX/1945`` -> 1945-09-02,
    ``XII-1967`` -> 1967-12): noted, at ``ROMAN_MONTH_QUALITY``."""
    day = int(m.group(1)) if m.group(1) else None
    iso = _iso(int(m.group(3)), ROMAN_MONTHS[m.group(2)], day)
    if iso is None:
        return DateParse(None, FAILED, [f"{m.group(0)!r} is not a valid date"])
    return DateParse(iso, ROMAN_MONTH_QUALITY, ["month written in Roman numerals"])


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str   # "date" or "id"
    value: str  # the ISO date at the precision written ("" when no year was written), or the ID's digits




def date_spans(text: str) -> list[Found]:
    """Every date in ``text`` that says more than its year: ``05/03/1980``, ``1980/03/05``, ``1980.03.05``,
    ``5-3-80``, ``05031980``, ``ngày mười lăm tháng ba năm một nghìn chín trăm tám mươi``, ``mồng 27 tháng 11,
    1983``, ``năm 1980 tháng 3 ngày 5``, ``tháng 7/1949``, ``2/IX/1945``, and those whose year OCR split in two
    (``25/09/201 1``): what ``parse_date`` reads as a date is masked as one."""
    text = nfc(text)
    found = _date_spans_as_written(text)
    gaps = set(_split_year_gaps(text))
    if gaps:
        kept = [i for i in range(len(text)) if i not in gaps]
        joined = "".join(text[i] for i in kept)
        found += [Found(kept[f.start], kept[f.end - 1] + 1, f.kind, f.value) for f in _date_spans_as_written(joined)]
    return _outermost(found)


def _date_spans_as_written(text: str) -> list[Found]:
    found: list[Found] = []
    has_digits = any(c.isdigit() for c in text)
    # Every date finer than a year has a digit or the word "tháng": most values (names, places) have neither.
    has_month_word = "thang" in fold(text)
    if not has_digits and not has_month_word:
        return found
    for m in _RE_DMY.finditer(text):
        iso, _, _ = _numeric_date(m)
        if iso:
            found.append(Found(m.start(), m.end(), "date", iso))
    for m in _RE_COMPACT.finditer(text):
        iso = _compact_date(m.group(1))
        if iso:
            found.append(Found(m.start(), m.end(), "date", iso))
    for m in _RE_MY.finditer(text):
        (mo, _), (y, _) = _num(m.group(1)), _num(m.group(2))
        iso = _iso(y, mo) if mo is not None and y is not None else None
        if iso:
            found.append(Found(m.start(), m.end(), "date", iso))
    for m in _RE_ROMAN_MONTH.finditer(text):
        roman = _roman_month_date(m)
        if roman.iso:
            found.append(Found(m.start(), m.end(), "date", roman.iso))
    for phrase in _date_phrases_at(text) if has_month_word else ():
        got = _words_date([t for t, _, _ in phrase])
        if got is None or got[1] is None:  # a year alone ("năm 1980") is not masked
            continue
        day, month, year = got
        found.append(Found(phrase[0][1], phrase[-1][2], "date", _iso(year, month, day) or ""))
    return found


def _outermost(found: list[Found]) -> list[Found]:
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if out and f.start < out[-1].end:
            if f.end > out[-1].end:
                out[-1] = Found(out[-1].start, f.end, out[-1].kind, out[-1].value or f.value)
            continue
        out.append(f)
    return out
