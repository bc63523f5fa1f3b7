"""Normalisers: OCR text of one field in, its normal form (see record-types.md) out.

Every normaliser is a pure function ``f(raw) -> Norm``. ``Norm.value`` is the
normal form or ``None`` when nothing usable was found; ``Norm.quality`` (0..1)
says how cleanly it parsed (1 = as printed, lower when OCR repairs or guesses
were needed, 0 = failed) and feeds the field's confidence. ``Norm.notes`` says
why, in words a reviewer can read.

Values are searched for inside the text rather than matched whole, because a
label's value often carries more than the field (``14 giờ 30 phút, ngày
05/3/2020`` holds both a time and a date).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable

from rapidfuzz.distance import Levenshtein

# The date and ID-number readers live in the kernel, which masks what they read (sohoa/masking.py,
# sohoa/logs.py); the field normalisers use them from there, and callers of this module still find them here.
from sohoa.dates import (FAILED, LEADER_CHARS, DateParse, Found, Norm, date_spans, fix_digits,  # noqa: F401
                         lunar_year, parse_date, strip_leaders, words_to_number)
from sohoa.id_numbers import ID_MIN_DIGITS, id_spans, norm_id, sensitive_spans  # noqa: F401
from sohoa.digit_letters import ONE_DIGIT_LETTERS
from sohoa.text import clean_spaces, fold, has_marks, nfc

from .choice_notes import after_choices_note
from .counted_words import count_in_words, restated_in_words
from .date_strokes import separators_read_as_digits
from .digit_letters import REPAIRED_QUALITY, digits_of, has_marked_lookalike, translation
from .dating_shapes import century_numeral_alone, lost_first_digit
from .gazetteer import LEVEL_WORDS
from .lone_stem import STEM
from .measure_units import KG_PER_UNIT, LENGTH_UNITS, WEIGHT_UNITS, bracketed_unit, spelt_units
from .repair import repair_document_code
from .vocab import ERAS, ETHNICITIES, SURNAMES


_WORDISH = re.compile(r"[^\w/.\-:]+")


def _tokens(text: str) -> list[str]:
    return [t for t in _WORDISH.split(fold(text)) if t]




def norm_date(raw: str) -> Norm:
    text = _marked_date_digits(raw)
    if text != raw:
        # "Ị5/07/1962": a digit read as a letter with a mark, which the date reader would skip (and read the 5
        # alone as the day); read back as the digit, the date is a guess for a person to see
        n = norm_date(text)
        return Norm(n.value, min(n.quality, REPAIRED_QUALITY), [*n.notes, "letters with marks read for digits"]) \
            if n.value is not None else n
    p = parse_date(raw)
    n = Norm(p.iso, p.quality, p.notes)
    words = _tokens(raw)
    if p.iso and "thang" in words:
        # "ngày Ø7 tháng 01 năm 2021" read as 2021-01: the printed day or month was lost, not absent
        has_day = "ngay" in words[:words.index("thang")] or "mong" in words or "mung" in words
        if (has_day and len(p.iso) < 10) or len(p.iso) < 7:
            n.quality, n.notes = min(n.quality, 0.4), n.notes + ["part of the date could not be read"]
    if p.lunar:
        n.value = None
        n.notes = [f"lunar year {p.lunar} kept as written"]
    if n.value is None and not p.lunar:
        return _date_of_strokes(raw) or _year_from_letters(raw) or n
    return n


def _date_of_strokes(raw: str) -> Norm | None:
    """The date of a value whose slashes OCR read as 7s or 1s ("11/0771950": ``date_strokes``), doubtful."""
    words = nfc(raw).split()
    fixed = [separators_read_as_digits(w) or w for w in words]
    if fixed == words:
        return None
    n = norm_date(" ".join(fixed))
    if n.value is None:
        return None
    return Norm(n.value, min(n.quality, REPAIRED_QUALITY), [*n.notes, "a separator of the date read as a digit"])


def _marked_date_digits(raw: str) -> str:
    """The date's pieces (between spaces and its separators) that hold a digit and a letter with a mark read for
    a digit, read as digits (``_marked_digits``)."""
    pieces = re.split(r"([\s/.\-,]+)", nfc(raw))
    return "".join(_marked_digits(p) if any(c.isdigit() for c in p) else p for p in pieces)


# A four-character token that is mostly digits, its other characters letters OCR reads in place of digits
# ("I939", "l95O", "19z9"): parse_date looks for years in digits only, so a year whose first "1" was read as "I"
# is lost. The letters are every one fix_digits repairs ("z" for 2 as much as "l" for 1).
_YEAR_WITH_LETTERS = re.compile(rf"(?<!\w)([0-9{re.escape(ONE_DIGIT_LETTERS)}]{{4}})(?!\w)")


def _year_from_letters(raw: str) -> Norm | None:
    """The year of a value that holds no date but a year with OCR letters among its digits. Repaired from junk,
    so doubtful: a reviewer checks it against the page."""
    for m in _YEAR_WITH_LETTERS.finditer(nfc(raw)):
        fixed, repaired = fix_digits(m.group(1))
        if repaired and fixed.isdigit() and 1800 <= int(fixed) <= 2100:
            return Norm(fixed, 0.5, ["year repaired from letters read as digits"])
    return None


# --- names, text, numbers ---------------------------------------------------------------------

def _title_word(w: str) -> str:
    return "".join(part[:1].upper() + part[1:].lower() if part else "" for part in re.split(r"(['’-])", w))


# Words of address a card or a letter puts before a person's name ("Ông Nguyễn Văn A", "bà …", "cụ …"). "Ông" is
# also a family name: the word goes only where a known family name follows it and the name after it is whole.
_HONORIFICS = frozenset(("ông", "bà", "cụ"))


def drop_honorific(words: list[str]) -> tuple[list[str], bool]:
    """A name's words without the honorific before them, and whether one was dropped: only before a family name
    the vocabulary knows, with a given name after it (two words at least are left)."""
    if len(words) >= 3 and nfc(words[0]).lower() in _HONORIFICS and _title_word(words[1]) in SURNAMES:
        return words[1:], True
    return words, False


def norm_name(raw: str) -> Norm:
    text = strip_leaders(raw)
    text = re.sub(r"[^\w\s'’-]", " ", text)
    words = [w for w in clean_spaces(text).split(" ") if w and not w.isdigit()]
    notes = []
    words, addressed = drop_honorific(words)
    if addressed:
        notes.append("an honorific before the name dropped")
    if any(not any(c.isalnum() for c in w) for w in words):
        # a dash or quote standing alone between a name's words ("Khương - Phước Toại"): a speck of a degraded
        # page; a name joins its syllables with spaces, and a hyphen inside a word stays ("Y-Moan")
        words = [w for w in words if any(c.isalnum() for c in w)]
        notes.append("a mark standing alone between the name's words dropped")
    if not words:
        return Norm(None, FAILED, ["empty"])
    q = 0.9 if notes and not addressed else 1.0
    if any(any(c.isdigit() for c in w) for w in words):
        q, words = 0.5, [re.sub(r"\d", "", w) for w in words]
    if len(words) == 1:
        q = min(q, 0.8)
    return Norm(" ".join(_title_word(w) for w in words if w), q, notes)


_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "⁄": "/", "∕": "/"})


def norm_text(raw: str) -> Norm:
    text = strip_leaders(raw.translate(_LOOKALIKES)).strip(" .,;'`")
    text = re.sub(r"\.(?=[,;])|(?<= )\.(?=\w)", "", text)  # specks read as dots: "Duệ.," / "Đông .6"
    # a dot after a comma, and a quote mark or stroke glued to the start of a word with none at its end
    # ("Tùng Ảnh,. thành phố", "…, 'tỉnh Hà Tĩnh"): specks of a degraded page, said in a note
    text, specks = re.subn(r"(?<=,)\.(?= )|(?<= )['`‘’](?=\w+(?:[,;.]|$| ))(?!\w+['`‘’])", "", text)
    text = clean_spaces(re.sub(r"[“”«»‹›„]", " ", text))  # stray quote marks: specks, never in records
    return Norm(text or None, 1.0 if text else FAILED, ["specks read as punctuation dropped"] if specks and text else [])


# lower-case letters OCR reads for digits; the letters of codes are capitals ("LS", "KL", "QĐ"), so a piece
# made of digits and these alone is a number whatever its share of letters ("o6/2020", "z67", "2ooo")
_LOWER_DIGIT_LOOKALIKES = translation("oølizsg")
_STEMS_AS_ONES = translation("Il|")  # a stem: a 1 whose flag and foot faded (``sohoa.digit_letters.DIGIT_FOR``)


def _fix_piece(piece: str) -> str:
    """Letters read for digits inside or after digits ("9I" -> "91", "1O5" -> "105"); a leading capital
    is left alone, since codes start with capitals ("G3318"); lower-case look-alikes among digits are digits
    wherever they stand ("o7" -> "07")."""
    if len(piece) < 2:
        return piece
    digits = piece.translate(_LOWER_DIGIT_LOOKALIKES)
    if digits.isdigit() and any(c.isdigit() for c in piece):
        return digits
    stems = piece.translate(_STEMS_AS_ONES)
    if stems.isdigit() and any(c.isdigit() for c in piece):
        return stems  # "I5I": stems and digits alone are a number whose 1s lost their flags (no code opens so)
    if not piece[0].isdigit():
        return piece
    return fix_digits(piece)[0]


def _marked_digits(piece: str) -> str:
    """A piece of a number holding a letter with a Vietnamese mark that OCR read for a digit ("9Ị" for 91, "IƠI"
    for 101), read as digits when every other character is a digit or such a letter: no number or code is
    written with a marked letter. A piece without a digit is read so only in capitals and when it is no
    Vietnamese word ("BỐ", "lô", "Dì" are words that ran into the number). A piece without a marked letter is
    left to ``_fix_piece``."""
    if not has_marked_lookalike(piece):
        return piece
    if not any(c.isdigit() for c in piece) and (not piece.isupper() or plausible_word(piece)):
        return piece
    return digits_of(piece) or piece


_NUMBER_SHAPE = re.compile(r"[\dA-ZĐ/.\-]*\d[\dA-ZĐ/.\-]*")


def _no_number_letter(text: str) -> bool:
    """Letters no number or code is written with: lower case, or with a Vietnamese mark (a code's letters
    are plain capitals, Đ aside)."""
    return any(c.isalpha() and (c.islower() or c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZĐ") for c in text)


def number_head(text: str) -> str | None:
    """The number at the start of ``text`` when what follows it holds letters no number or code is written
    with: "136-n.mẽ tTï" -> "136", "01 cất" -> "01" — specks of a degraded page read as words, or the next
    label run in. None when there is no such tail, or no number before it (digits, capitals and separators,
    one digit at least)."""
    words = text.split()
    if not words:
        return None
    first = words[0]
    m = re.match(r"([\dA-ZĐ/.\-]*\d[\dA-ZĐ]*)[\-./]+", first)
    if m and _no_number_letter(first[m.end():]) and _NUMBER_SHAPE.fullmatch(m.group(1)) \
            and not _no_number_letter(m.group(1)):
        return m.group(1)  # the tail glued to the number by a separator
    if _NUMBER_SHAPE.fullmatch(first) and len(words) > 1 and any(_no_number_letter(w) for w in words[1:]):
        return first.rstrip("/.-")
    return None


def norm_number(raw: str) -> Norm:
    text = strip_leaders(raw.translate(_LOOKALIKES)).strip(" .,;'`")
    if not text and raw.strip() == STEM:
        text = STEM  # a stroke alone in the value's place is a faded 1 (lone_stem), not a leader to strip
    if (restated := restated_in_words(text)) is not None:
        digits, agree = restated  # "01 (một)": the words vouch for the digits, or say another number
        return Norm(digits, 1.0) if agree else Norm(digits, 0.5, ["the number restated in words says another"])
    if (count := count_in_words(text)) is not None:
        return Norm(str(count.value), count.quality, list(count.notes))  # "hai chiếc": a count said in words
    # a dash between two capitals' pieces read as another stroke ("2574/QĐ~ LĐTBXH")
    text, dashes = re.subn(r"(?<=[A-ZĐ])\s*[~_—–]\s*(?=[A-ZĐ])", "-", text)
    text = re.sub(r"\s*([/.\-])\s*", r"\1", text)
    text = re.sub(r"ĐĐ+", "Đ", text)  # OCR doubles Đ ("QĐÐ"); Vietnamese never writes ĐĐ
    fixed = "".join(_fix_piece(p) for p in re.split(r"([\s/.\-]+)", text))
    q = 1.0 if fixed == text and not dashes else 0.85
    notes = ["a dash read as another stroke"] if dashes else []
    marked = "".join(_marked_digits(p) for p in re.split(r"([\s/.\-]+)", fixed))
    if marked != fixed:
        fixed, q = marked, min(q, REPAIRED_QUALITY)
        notes.append("letters with marks read for digits were read as the digits")
    code = repair_document_code(fixed)
    if code.changes:
        fixed = code.value
        q = min(q, 0.5)  # a look-alike read as what the number's shape needs: likely, still for a person to see
        notes.append("look-alikes read by the number's shape: " + ", ".join(code.changes))
    if re.search(r"(?<=[A-ZĐ])§(?=\d)", fixed):
        fixed = re.sub(r"(?<=[A-ZĐ])§(?=\d)", "S", fixed)  # "L§24366": an S of the letters before the digits
        q = min(q, 0.5)
        notes.append("a § among a code's letters read as S")  # (before the number's end is looked for: "L§12865 …")
    if (head := number_head(fixed)) is not None:
        fixed = head  # "136-n.mẽ tTï", "01 cất": specks read as words after the number, or the next label's words
        q = min(q, 0.5)
        notes.append("words after the number dropped")
    if any(len(w) >= 2 and w.isalpha() and w.islower() for w in fixed.split()):
        q = min(q, 0.5)  # a lower-case word in a number: OCR noise or a run-on value
    if any(has_marks(w) for w in fixed.split()):
        q = min(q, 0.5)  # numbers and codes carry no Vietnamese marks: "280 Quyêủ" ran into the next label
        notes.append("a word with marks in a number")
    words = fixed.split()
    if len(words) >= 2 and words[0][:1].isdigit() and (
            all(re.fullmatch(r"[\d/.\-]+", w) for w in words) or any(w.isalpha() for w in words[1:])):
        q = min(q, 0.5)  # "25 04/2014", "25 Q": a number ran into the next label's value (its label not read)
        notes.append("more than one number, or a word after it")
    if len(words) >= 2 and len(words[0]) == 1 and words[0].islower() and any(c.isdigit() for c in words[1]):
        fixed = " ".join(words[1:])  # "h LS35966": a speck before the number read as a letter
        q = min(q, 0.8)
        notes.append("a letter before the number dropped")
    speck = r"(?<=[\d/.\-])[^\w\s/.\-](?=\d)"
    if re.search(speck, fixed):
        fixed = re.sub(speck, "", fixed)  # "KL.335%3", "LS8§5545", "KL.?7744": a speck among digits
        q = min(q, 0.5)
        notes.append("a symbol among the digits dropped")
    if re.search(r"[^\w\s/.\-]", fixed):
        q = min(q, 0.5)  # "§6/GBT": a digit read as a symbol
        notes.append("a symbol in a number")
    if fixed in ("l", "I", "|", "O", "o"):
        fixed, q = ("0" if fixed in "Oo" else "1"), min(q, 0.5)  # a one-digit number read as a letter
        notes.append("a letter read as the number")
    elif fixed and not any(c.isdigit() for c in fixed):
        q = min(q, 0.5)  # a number with no digit at all
        notes.append("no digit in a number")
    return Norm(fixed or None, q if fixed else FAILED, notes)


SEX_WORDS = {"nam": "male", "trai": "male", "male": "male", "nu": "female", "gai": "female", "female": "female"}


def _sexes_named(text: str) -> set[str]:
    return {SEX_WORDS[t] for t in _tokens(text) if t in SEX_WORDS}


def norm_sex(raw: str) -> Norm:
    answer = after_choices_note(raw, _sexes_named)
    if answer is not None:
        return _sex_after_note(answer)
    toks = _tokens(strip_leaders(raw))
    for t in toks[:2]:
        t = t.strip(".,;:")
        if t in SEX_WORDS:
            return Norm(SEX_WORDS[t], 1.0)
    for t in toks[:2]:
        for word, sex in SEX_WORDS.items():
            if len(t) >= 2 and Levenshtein.distance(t, word) <= 1 and len(word) <= 4:
                return Norm(sex, 0.6, [f"read {t!r} as {word!r}"])
    return Norm(None, FAILED, ["not a sex"])


def _sex_after_note(answer: str) -> Norm:
    """The sex written after a label's note of choices ("(ghi nam hoặc nữ) người chết Nữ"): the one sex word
    after it, past the label's own words. Right after the note it is the answer; after other words, the label's
    end was not seen, so it is doubtful."""
    toks = _tokens(strip_leaders(answer))
    said = [i for i, t in enumerate(toks) if t in SEX_WORDS]
    if len({SEX_WORDS[toks[i]] for i in said}) != 1:
        return Norm(None, FAILED, ["no sex after the label's note of choices"])
    first = said[0]
    return Norm(SEX_WORDS[toks[first]], 1.0 if first == 0 else 0.9,
                [] if first == 0 else ["read after the words of the label's note"])


# --- ethnicity --------------------------------------------------------------------------------

def _eth_key(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text))


_ETHNIC_KEYS: dict[str, str] = {}
for _name, _aliases in ETHNICITIES:
    for _alias in (_name, *_aliases):
        _ETHNIC_KEYS[_eth_key(_alias)] = _name
ETHNICITY_NAMES = [n for n, _ in ETHNICITIES]


def norm_ethnicity(raw: str) -> Norm:
    """One of the 54 groups; spelling variants, missing diacritics and small OCR slips mapped."""
    text = strip_leaders(raw)
    text = re.sub(r"^(dân tộc|dan toc)\s*", "", text, flags=re.I)
    key = _eth_key(text)
    if not key:
        return Norm(None, FAILED, ["empty"])
    if key in _ETHNIC_KEYS:
        return Norm(_ETHNIC_KEYS[key], 1.0)
    # first words only, when the value ran on ("Kinh Quốc tịch ...")
    words = clean_spaces(text).split(" ")
    for n in (3, 2, 1):
        k = _eth_key(" ".join(words[:n]))
        if k in _ETHNIC_KEYS and len(words) > n:
            return Norm(_ETHNIC_KEYS[k], 0.8, ["extra words after the ethnicity"])
    best, best_d = None, 99
    for k, name in _ETHNIC_KEYS.items():
        d = Levenshtein.distance(key, k)
        if d < best_d:
            best, best_d = name, d
    if best is not None and len(key) >= 4 and best_d == 1:
        return Norm(best, 0.6, [f"{text!r} read as {best}"])
    return Norm(None, FAILED, [f"{text!r} is not one of the 54 ethnic groups"])


# --- identity numbers -------------------------------------------------------------------------

CENTURY_SEX = {0: (1900, "male"), 1: (1900, "female"), 2: (2000, "male"), 3: (2000, "female"),
               4: (2100, "male"), 5: (2100, "female"), 6: (2200, "male"), 7: (2200, "female"),
               8: (2300, "male"), 9: (2300, "female")}




def cccd_parts(digits: str) -> dict | None:
    """Province code, sex and birth year encoded in a 12-digit personal ID."""
    if not (len(digits) == 12 and digits.isdigit()):
        return None
    century, sex = CENTURY_SEX[int(digits[3])]
    return {"province": digits[:3], "sex": sex, "birth_year": century + int(digits[4:6])}




# --- percent, time ----------------------------------------------------------------------------

def norm_percent(raw: str) -> Norm:
    """``61%``, ``Tỷ lệ 81 %``, ``sáu mươi mốt phần trăm``. A number written with its ``%`` is the percentage
    before any other number of the text (``MỨC 2 TỔN THƯƠNG |81%``: a speck read as a digit, or a label's own
    number, comes first)."""
    text = strip_leaders(raw)
    # "§1%": a § where the percentage starts is an 8, as where a number starts (``repair.repair_document_code``);
    # read so, the value is a guess for a person to see, not the 1 after it
    text, eights = re.subn(r"(?<!\w)§(?=\d\s*%)", "8", text)
    if eights:
        n = norm_percent(text)
        return Norm(n.value, min(n.quality, 0.5), [*n.notes, "a § before the digits read as 8"]) if n.ok else n
    marked = list(re.finditer(r"(?<!\w)([0-9OolI]{1,3})(?:[.,]\d+)?\s*%", text))
    for m in marked or re.finditer(r"(?<!\w)([0-9OolI]{1,3})(?:[.,]\d+)?\s*%?(?!\w)", text):
        fixed, rep = fix_digits(m.group(1))
        if fixed.isdigit() and 0 <= int(fixed) <= 100:
            return Norm(int(fixed), 0.85 if rep else 1.0)
    for m in marked:
        glued = _sign_ring_as_digit(m.group(0))
        if glued is not None:
            return Norm(glued, 0.5, ["the % sign's ring read as a last digit"])
    if not marked and (whole := _sign_as_digit(text)) is not None:
        return Norm(whole, 0.5, ["the % sign read as a last digit 5"])
    toks = _tokens(text)
    if "phan" in toks:
        n = words_to_number(toks[:toks.index("phan")])
        if n is not None and 0 <= n <= 100:
            return Norm(n, 0.95)
    return Norm(None, FAILED, ["no percentage"])


def _sign_ring_as_digit(marked: str) -> int | None:
    """``519%`` for ``51%``: a three-digit number over 100 glued to its ``%`` sign, whose last digit is the
    sign's upper ring (OCR splits ``%`` into a digit and a sign). A percentage has at most two digits below 100,
    so the two before the ring are the value; doubtful, as every value repaired from junk."""
    m = re.fullmatch(r"([0-9]{2})[09oO]%", marked)
    if m is None:
        return None
    return int(m.group(1))


def _sign_as_digit(text: str) -> int | None:
    """``215`` for ``21%``: the one number of the text, of three digits over 100 and no ``%`` sign, ending in 5,
    the sign's shape OCR reads whole as that digit. No percentage is over 100, so the two digits before it are
    the value; doubtful, as every value repaired from junk."""
    numbers = re.findall(r"(?<![\w/.,])[0-9]+(?![\w/.,])", text)
    if len(numbers) != 1 or not re.fullmatch(r"[0-9]{2}5", numbers[0]) or int(numbers[0]) <= 100:
        return None
    return int(numbers[0][:2])


def norm_time(raw: str) -> Norm:
    text = fold(strip_leaders(raw))
    m = re.search(r"(?<!\d)([0-9oOlI]{1,2})[\s\-.]*(?:gio|h|:|g)[\s\-.]*([0-9oOlI]{1,2})?\s*(?:phut|p|')?", text)
    if m:
        h, rh = fix_digits(m.group(1))
        mi, rm = fix_digits(m.group(2) or "0")
        if h.isdigit() and mi.isdigit() and int(h) < 24 and int(mi) < 60:
            return Norm(f"{int(h):02d}:{int(mi):02d}", 0.85 if (rh or rm) else 1.0)
    return Norm(None, FAILED, ["no time"])


# --- museum measures --------------------------------------------------------------------------

_UNIT_CM = {"mm": 0.1, "cm": 1.0, "m": 100.0, "dm": 10.0}
_DIM_KEYS = [
    ("diameter_cm", ("duong kinh", "dk", "d.k", "phi", "ø", "φ")),
    ("height_cm", ("cao", "chieu cao", "h", "c")),
    ("length_cm", ("dai", "chieu dai", "l", "d")),
    ("width_cm", ("rong", "chieu rong", "ngang", "w", "r")),
]
_NUMBER = r"(\d+(?:[.,]\d+)?)"


def _to_float(s: str) -> float:
    return float(s.replace(",", "."))


def _round(x: float) -> float:
    return round(x, 2)


# a measure word of four letters or more (``rong``, ``ngang``): a word one letter off it before a number is it
_MEASURE_WORDS = tuple(w for _, words in _DIM_KEYS for w in words if len(w) >= 4 and " " not in w)
# measure words of three letters: one letter off is read as one only where a number and its unit follow;
# "dày" (thickness) and "sâu" (depth) measure too, though no key holds them: a word near them is not read as another
_SHORT_MEASURE_WORDS = tuple(w for _, words in _DIM_KEYS for w in words if len(w) == 3 and " " not in w)
_UNKEYED_MEASURE_WORDS = ("day", "sau")
_LENGTH_UNIT = r"(?:mm|cm|dm|m)"
_DIGIT_LOOKALIKES = translation("oil|s")  # (folded text) letters OCR reads for digits; not "g", a unit


_WEIGHT_UNIT = "(?:" + "|".join(sorted(WEIGHT_UNITS, key=len, reverse=True)) + ")"  # (the longest spelling first)


def digits_read_as_letters(text: str, unit: str) -> str:
    """A number with its separator before a unit (the regex ``unit``), whose digits OCR read as letters that look
    like them (``2,l m``, ``l,s m``, ``i.250 g``), with those letters read as the digits. A token mostly of
    letters is a word and is left alone."""

    def digits(m: re.Match) -> str:
        token = m.group(0)
        core = re.sub(r"[.,]", "", token)
        # a separator between parts of one or two letters ("l,s m") is a number's: no word has one
        short = all(len(part) <= 2 for part in re.split(r"[.,]", token))
        if core.isdigit() or (sum(c.isdigit() for c in core) * 2 < len(core) and not short):
            return token  # mostly letters: a word, not a number
        return token.translate(_DIGIT_LOOKALIKES)

    return re.sub(rf"(?<![\w.,])[0-9oils|]+[.,][0-9oils|]+(?=\s*{unit}(?![a-z]))", digits, text)


def bent_measure(text: str) -> tuple[str, list[str]]:
    """A folded measure as OCR bent it, put straight by its shape, with a note for each repair:

    - a decimal separator read as a slash between the digits of one number before a unit (``1/2 m``: a
      register of measures writes no fractions) is a comma;
    - a letter read for a digit inside a number with its separator, before a unit (``2,l m``, ``l,s m``);
    - a unit of one ``m`` that OCR followed with a speck read as a letter (``1,5 mự``, ``1,2 my``): after a
      number, ``m`` and one more letter that makes no unit (``mm`` is one) is the metre;
    - a speck between a number and its unit (``22 -cm``) is dropped: nothing stands between them;
    - a measure word of four letters or more one letter off before its number (``tộng 20 cm`` for ``rộng``),
      and one of three letters before a number and its unit (``bài 1,5 m`` for ``dài``);
    - specks between the two words of ``đường kính`` (``đường - ỷ kính``), and the word OCR glued to it
      (``ĐKmiệng 10 cm``)."""
    notes: list[str] = []

    def note(new: str, why: str) -> None:
        nonlocal text
        if new != text:
            text = new
            notes.append(why)

    note(re.sub(rf"(?<![\d/])(\d+)\s*/\s*(\d{{1,2}})(?=\s*{_LENGTH_UNIT}(?![a-z]))", r"\1,\2", text),
         "a slash between a number's digits read as its decimal comma")

    note(digits_read_as_letters(text, _LENGTH_UNIT), "a letter read for a digit was repaired")
    note(re.sub(r"(\d)\s*m[a-ln-z](?![a-z])", r"\1 m", text), "a speck after the unit m was dropped")
    # a number and its unit hold nothing between them: a mark there is a speck OCR read ("22 -cm", "35 .cm"),
    # and without it the number would take another measure's unit
    note(re.sub(rf"(\d)\s*[-–—.,'`~_]+\s*({_LENGTH_UNIT})(?![a-z])", r"\1 \2", text),
         "a speck between a number and its unit was dropped")

    def word(m: re.Match) -> str:
        w = m.group(1)
        near = [k for k in _MEASURE_WORDS if w != k and len(w) == len(k) and Levenshtein.distance(w, k) == 1]
        return m.group(0).replace(w, near[0], 1) if len(near) == 1 and w not in _MEASURE_WORDS else m.group(0)

    note(re.sub(r"(?<![a-z])([a-z]{4,})(?=\s*[:=.]?\s*\d)", word, text), "a measure word one letter off was read")

    def short_word(m: re.Match) -> str:
        w = m.group(1)
        near = [k for k in _SHORT_MEASURE_WORDS + _UNKEYED_MEASURE_WORDS if Levenshtein.distance(w, k) == 1]
        known = w in _SHORT_MEASURE_WORDS + _UNKEYED_MEASURE_WORDS
        return m.group(0).replace(w, near[0], 1) if len(near) == 1 and near[0] in _SHORT_MEASURE_WORDS \
            and not known else m.group(0)

    # a measure word of three letters one letter off ("bai" for "dai"), only before a number and its unit: a
    # word that short is one letter off many words
    note(re.sub(rf"(?<![a-z])([a-z]{{3}})(?=\s*[:=.]?\s*\d[\d.,]*\s*(?:{_LENGTH_UNIT}|em)(?![a-z]))", short_word, text),
         "a measure word one letter off was read")
    note(re.sub(r"\bduong(?:\s+(?:[^\w\s]+|[a-z]))+\s+kinh\b", "duong kinh", text),
         "specks between the words of a measure dropped")
    note(re.sub(r"\b(dk|duong kinh)(?=(?:mieng|day|than|vanh|ngoai|trong)\b)", r"\1 ", text),
         "a measure word glued to the next word was cut")
    return text, notes


# a measure's word (three letters or more: "dài", "chiều rộng", "ngang") -> the letter a card's "D x R x C" gives it
# (a diameter's, "đường kính" or "ĐK", takes "k": no card writes a diameter as a letter alone)
_CHAIN_LETTER = {w: letter for key, letter in (("length_cm", "d"), ("width_cm", "r"), ("height_cm", "c"),
                                               ("diameter_cm", "k"))
                 for k, words in _DIM_KEYS if k == key for w in words if len(w) >= 3 or key == "diameter_cm" and
                 w.isalpha()}
_CHAIN_WORD = "|".join(sorted(map(re.escape, _CHAIN_LETTER), key=len, reverse=True))
_MEASURE_CHAIN = re.compile(rf"\b({_CHAIN_WORD})\s*x\s*({_CHAIN_WORD})(?:\s*x\s*({_CHAIN_WORD}))?\b")


# words between a measure's word and its number, up to three, none of them another measure's word or a number:
# where it was taken ("miệng", "toàn bộ"), what it includes ("(cả nắp)"), how sure it is ("khoảng")
_ANY_MEASURE_WORD = "|".join(sorted({re.escape(w) for _, ws in _DIM_KEYS for w in ws if len(w) >= 2}, key=len,
                                    reverse=True))
_MEASURE_QUALIFIERS = (rf"(?:\s*(?:\([^()\d]{{1,30}}\)|(?<![a-z])(?!(?:{_ANY_MEASURE_WORD}|x)(?![a-z]))[a-z]+)){{0,3}}")


def norm_dimensions(raw: str) -> Norm:
    """``Cao 35cm, ĐK miệng 12 cm`` -> ``{"height_cm": 35.0, "diameter_cm": 12.0}``; mm and m converted."""
    if raw.rstrip().endswith((",", ";")):
        # measures listed up to a comma ("Chiều cao: 41 cm,") go on past what was read: the rest wrapped out of
        # reach, so the measures read are right but not all of them
        n = norm_dimensions(raw.rstrip().rstrip(",;"))
        return Norm(n.value, min(n.quality, 0.5), n.notes + ["the measures go on past the comma the value ends on"]) \
            if n.ok else n
    # a unit spelt out ("xăng-ti-mét", "mét") is its symbol, before OCR's bends are looked for ("mi-li-mét" is no
    # metre with a speck after it)
    text = spelt_units(fold(strip_leaders(raw)).replace("×", "x"), LENGTH_UNITS)
    text, bent = bent_measure(text)
    if bent:
        n = norm_dimensions(text)
        return Norm(n.value, min(n.quality, 0.8), n.notes + bent) if n.ok else n
    # a unit given alone in brackets ("cao 35, ĐK 12 (cm)") is the unit of every number that has none: stated,
    # not guessed from another measure
    text, given_unit = bracketed_unit(text, LENGTH_UNITS)
    out: dict[str, float] = {}
    default_unit = given_unit
    text = re.sub(r"(\d)\s*em\b", r"\1 cm", text)  # OCR reads "cm" as "em"
    # a number OCR read with a letter for a digit ("ĐK miệng l0 cm"): mostly digits, before a unit
    repaired = re.sub(r"\b(\w+)(?=\s*(?:mm|cm|dm|m)\b)", lambda m: fix_digits(m.group(1))[0], text)
    if repaired != text:
        text = repaired
        n = norm_dimensions(text)
        return Norm(n.value, min(n.quality, 0.8), n.notes + ["a letter read for a digit was repaired"]) if n.ok else n
    units = re.findall(r"\d\s*(mm|cm|dm|m)\b", text)
    if units and not given_unit:
        default_unit = units[-1]
    # "Dài x rộng x cao: 30 x 20 x 15 cm", "30 x 20 cm (cao x rộng)": the measure words in the numbers' order, as
    # their letters ("D x R x C") say it
    text = _MEASURE_CHAIN.sub(lambda c: " x ".join(_CHAIN_LETTER[w] for w in c.groups() if w), text)
    # "D x R x C: 30 x 20 x 15 cm" and "30 x 20 x 15 cm (DxRxC)"
    m = re.search(r"\b([dlrwchk])\s*x\s*([dlrwchk])(?:\s*x\s*([dlrwchk]))?\b", text)
    n = re.search(rf"{_NUMBER}\s*(mm|cm|dm|m)?\s*x\s*{_NUMBER}\s*(mm|cm|dm|m)?(?:\s*x\s*{_NUMBER}\s*(mm|cm|dm|m)?)?", text)
    if m and n:
        letters = [g for g in m.groups() if g]
        nums = [g for g in (n.group(1), n.group(3), n.group(5)) if g]
        keymap = {"d": "length_cm", "l": "length_cm", "r": "width_cm", "w": "width_cm", "c": "height_cm", "h": "height_cm",
                  "k": "diameter_cm"}
        if len(letters) == len(nums):
            unit = n.group(6) or n.group(4) or n.group(2) or default_unit or "cm"
            for letter, num in zip(letters, nums):
                out[keymap[letter]] = _round(_to_float(num) * _UNIT_CM[unit])
            return Norm(out, 1.0)
    guessed = False
    for key, words in _DIM_KEYS:
        for w in words:
            # a measure word of three letters or more may be followed by words that say where or how it was taken
            # before its number ("cao toàn bộ 35 cm", "cao (cả nắp) 35 cm", "cao khoảng 35 cm"); a letter alone
            # ("h", "c") only by the part measured
            between = _MEASURE_QUALIFIERS if len(w) >= 3 else r"(?:\s+(?:mieng|day|than|vanh|ngoai|trong))?"
            pat = rf"(?<![a-z]){re.escape(w)}{between}\s*[:=.]?\s*{_NUMBER}\s*(mm|cm|dm|m)?(?![a-z])"
            mm = re.search(pat, text)
            if mm and key not in out:
                unit = mm.group(2) or default_unit or "cm"
                if not mm.group(2) and default_unit and not given_unit:
                    guessed = True
                out[key] = _round(_to_float(mm.group(1)) * _UNIT_CM[unit])
                text = text[:mm.start()] + " " * (mm.end() - mm.start()) + text[mm.end():]
                break
    # a measure named but not read ("ĐK miệng ]2": its digit read as a symbol): the value is incomplete
    lost = [w for _, words in _DIM_KEYS for w in words if len(w) >= 2 and re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text)]
    if out and lost:
        return Norm(out, 0.5, [f"{lost[0]!r} named but its measure not read"])
    if out:
        if guessed:
            return Norm(out, 0.5, ["a measure without its own unit took another's"])
        return Norm(out, 1.0 if default_unit else 0.8, [] if default_unit else ["no unit, read as cm"])
    return Norm(None, FAILED, ["no dimensions"])


def norm_weight(raw: str) -> Norm:
    """``1,2 kg`` -> ``{"kg": 1.2}``. A number with a letter glued before it (``L2kg``, ``S00 gr``) had a digit
    or its separator read as that letter: the weight read is doubtful, and a weight of nothing is none."""
    # a unit spelt out ("ki-lô-gam", "ký") is its symbol; one alone in brackets ("1,2 (kg)") is the number's
    text, given_unit = bracketed_unit(spelt_units(fold(strip_leaders(raw)), WEIGHT_UNITS), WEIGHT_UNITS)
    if given_unit and not re.search(rf"\d\s*{_WEIGHT_UNIT}\b", text):
        text = re.sub(r"(\d+(?:[.,]\d+)*)", rf"\1 {given_unit}", text, count=1)
    # a digit read as a letter before a separator ("I.250 g"): without the repair the weight read is the part
    # after the separator alone (0.25 kg for 1.25 kg), and with it the weight is still only probable
    repaired = digits_read_as_letters(text, _WEIGHT_UNIT)
    bent, text = repaired != text, repaired
    # Vietnamese groups thousands with a dot (or a space) and marks decimals with a comma: a dot before three
    # digits and the unit ("1.250 g", "1 250 g") joins the groups of one number
    text = re.sub(r"(?<![\d.,])([1-9]\d{0,2})[. ](\d{3})(?=\s*[a-z])(?![\d.,])", r"\1\2", text)
    m = re.search(rf"{_NUMBER}\s*({_WEIGHT_UNIT})\b", text)
    if m:
        kg = round(_to_float(m.group(1)) * KG_PER_UNIT[m.group(2)], 4)
        glued = m.start() > 0 and text[m.start() - 1].isalpha()
        if kg == 0:
            return Norm(None, 0.3, ["a weight of nothing: its digits misread"])
        if glued:
            return Norm({"kg": kg}, 0.5, ["a letter glued before the number may be a digit misread"])
        if bent:
            return Norm({"kg": kg}, 0.5, ["a letter read for a digit was repaired"])
        return Norm({"kg": kg}, 1.0)
    return Norm(None, FAILED, ["no weight with a unit"])


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> int | None:
    s = s.upper()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


def _to_roman(n: int) -> str:
    out = ""
    for v, r in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out


_CENTURY_NUMERALS = {_to_roman(n): n for n in range(1, 22)}


def _century_num(tok: str) -> tuple[int | None, bool]:
    """A century's number and whether it had to be guessed: digits, a Roman numeral, or what OCR makes
    of one (``1``/``l``/``T`` for ``I``, ``H`` for ``II``: "XVITI", "XVHI"), read as the one century
    numeral nearest by edit distance when exactly one is nearest."""
    tok = tok.strip(".,;:()")
    if tok.isdigit():
        return int(tok), False
    fixed = tok.upper()
    for a, b in (("H", "II"), ("1", "I"), ("L", "I"), ("T", "I"), ("|", "I")):
        fixed = fixed.replace(a, b)
    if not fixed or any(c not in "IVX" for c in fixed):
        return None, False
    if fixed in _CENTURY_NUMERALS:
        return _CENTURY_NUMERALS[fixed], fixed != tok.upper()
    dist = sorted((Levenshtein.distance(fixed, r), n) for r, n in _CENTURY_NUMERALS.items())
    if dist[0][0] <= 2 and dist[1][0] > dist[0][0]:
        return dist[0][1], True
    return None, False


_PARTS = [  # folded qualifier -> (start offset, end offset) within a century's 100 years
    ("nua dau", (1, 50)), ("nua sau", (51, 100)), ("nua cuoi", (51, 100)), ("dau", (1, 30)), ("giua", (31, 70)),
    ("cuoi", (71, 100)),
]
_PART_SPAN = dict(_PARTS)
# "thế kỷ" and "thế kỉ" (both spellings are Vietnamese), "TK", "TK." — folded
_CENTURY = r"(?:the\s*k[yi]|\btk)\.?"
_CENTURY_MENTION = rf"(?:({'|'.join(w for w, _ in _PARTS)})\s+)?{_CENTURY}\s*(?:thu\s+)?([0-9a-z|]+)"
# what joins the two ends of a range: a dash, a comma, "đến", "tới", "sang"
_RANGE_JOIN = r"\s*(?:[-–—,;]|\b(?:den|toi|sang)\b)\s*[-–—]?\s*"


def _century_quality(token: str, guessed: bool) -> tuple[float, list[str]]:
    """How sure a century read from ``token`` is: a guessed numeral half; a long Roman one (OCR confuses I, V and
    X in XVIII, XVII, XVI with high confidence) 0.6; digits or a short numeral whole."""
    if guessed:
        return 0.5, ["Roman numeral misread: read as the nearest century, check it"]
    if not token.isdigit() and len(token) >= 3:
        return 0.6, ["long Roman numeral: check the century"]
    return 1.0, []


def _parted_century_range(f: str, bce: bool) -> Norm | None:
    """Two centuries joined as a range, either or both with its part ("cuối thế kỷ XIX - đầu thế kỷ XX" ->
    1871–1930, "thế kỷ XVIII đến thế kỷ XIX", "cuối TK 19, đầu TK 20"): from the first's part's start to the
    second's part's end (a century without a part: all of it)."""
    r = re.search(rf"{_CENTURY_MENTION}{_RANGE_JOIN}{_CENTURY_MENTION}", f)
    if r is None:
        return None
    (a, guessed_a), (b, guessed_b) = _century_num(r.group(2)), _century_num(r.group(4))
    if a is None or b is None or not 0 < a <= b <= 21:
        return None
    lo = (a - 1) * 100 + _PART_SPAN.get(r.group(1) or "", (1, 100))[0]
    hi = (b - 1) * 100 + _PART_SPAN.get(r.group(3) or "", (1, 100))[1]
    qa, na = _century_quality(r.group(2), guessed_a)
    qb, nb = _century_quality(r.group(4), guessed_b)
    return Norm({"year_from": -hi if bce else lo, "year_to": -lo if bce else hi}, min(qa, qb), sorted(set(na + nb)))


def _decade_of_century(f: str) -> Norm | None:
    """A decade written with two digits and its century ("những năm 60 của thế kỷ XX", "thập niên 30 (TK 20)"):
    its ten years."""
    d = re.search(rf"\b(?:thap nien|thap ky|thap ki|nhung nam)\s+([1-9])0\b(?:\W+[a-z]+){{0,2}}?\W*{_CENTURY}\s*"
                  rf"(?:thu\s+)?([0-9a-z|]+)", f)
    if d is None:
        return None
    c, guessed = _century_num(d.group(2))
    if c is None or not 0 < c <= 21:
        return None
    year = (c - 1) * 100 + int(d.group(1)) * 10
    q, notes = _century_quality(d.group(2), guessed)
    return Norm({"year_from": year, "year_to": year + 9}, q, notes)


_YEAR_LOOKALIKES = str.maketrans("lLIi|oO", "1111100")


def norm_dating(raw: str) -> Norm:
    """``thế kỷ XVIII`` -> 1701–1800; ``nửa đầu thế kỷ XX`` -> 1901–1950; ``1880 - 1890``; ``năm 1945``; eras."""
    text = clean_spaces(raw).strip(LEADER_CHARS + " ")
    f = fold(text)
    bce = bool(re.search(r"\b(tcn|truoc cong nguyen)\b", f))
    # a year with one letter OCR read for a digit ("1777 - L787", "l777"): a token of four, three of them digits
    def year_of(m: re.Match) -> str:
        token = m.group(0)
        return token.translate(_YEAR_LOOKALIKES) if sum(c.isdigit() for c in token) == 3 else token

    unlettered = re.sub(r"(?<![\w|])[0-9lLIi|oO]{4}(?![\w|])", year_of, text)
    if unlettered != text and not re.search(r"(?i)\b(?:thế\s*k[ỷỉ]|tk)\b", text):
        n = norm_dating(unlettered)
        if n.ok:
            return Norm(n.value, min(n.quality, 0.8), n.notes + ["a letter read for a digit of a year was repaired"])
    # a speck of one or two letters read between "thế" and "kỷ" ("thế to kỷ XVI") is no part of the dating
    specked = re.compile(r"(?i)\bthế\s+\w{1,2}\s+k[ỷỉ]\b")
    if specked.search(text):
        n = norm_dating(specked.sub("thế kỷ", text))
        if n.ok:
            return Norm(n.value, min(n.quality, 0.8), n.notes + ["a speck inside 'thế kỷ' dropped"])
    for reading in (_decade_of_century(f), _parted_century_range(f, bce)):
        if reading is not None:
            return reading
    m = re.search(rf"{_CENTURY}\s*(?:thu\s+)?([0-9a-z|]+)(?:\s*[-–]\s*(?:{_CENTURY}\s*(?:thu\s+)?)?([0-9a-z|]+))?", f)
    if m:
        a, guessed = _century_num(m.group(1))
        b, guessed_b = _century_num(m.group(2)) if m.group(2) else (a, guessed)
        if a is None or b is None:
            # "thế kỷ" with its numeral lost or unreadable: a dating a person must read
            return Norm(None, 0.3, ["century numeral not read"])
        if guessed or guessed_b:
            notes = ["Roman numeral misread: read as the nearest century, check it"]
        if 0 < a <= 21 and a <= b <= 21:
            lo, hi = (a - 1) * 100 + 1, b * 100
            prefix = f[:m.start()]
            for words, (s, e) in _PARTS:
                if prefix.rstrip().endswith(words) and a == b:
                    lo, hi = (a - 1) * 100 + s, (a - 1) * 100 + e
                    break
            if bce:
                lo, hi = -hi, -lo
            if guessed or guessed_b:
                return Norm({"year_from": lo, "year_to": hi}, 0.5, notes)
            roman = not m.group(1).isdigit() and len(m.group(1)) >= 3
            # OCR confuses I, V and X in long numerals (XVIII read as XVII or XVI) with high confidence
            return Norm({"year_from": lo, "year_to": hi}, 0.6 if roman else 1.0,
                        ["long Roman numeral: check the century"] if roman else [])
    if re.search(r"the\s*k[yi]\W*$", f):
        return Norm(None, 0.3, ["century numeral not read"])
    bare = century_numeral_alone(text)
    if bare is not None:
        n = norm_dating(bare)
        if n.ok:
            return Norm(n.value, min(n.quality, 0.6), n.notes + ["a century's numeral alone, read as the century"])
    # a decade ("thập niên 1960", "những năm 1930"): the ten years from its first
    m = re.search(r"\b(?:thap nien|thap ky|thap ki|nhung nam)\s+(\d{3}0)(?!\d)", f)
    if m:
        return Norm({"year_from": int(m.group(1)), "year_to": int(m.group(1)) + 9}, 1.0)
    # a range's dash may come with specks around it ("1834. -. 1844") or be read as a tilde or an equals sign
    m = re.search(r"(?<!\d)(\d{3,4})[\s.,]*(?:[-–—~=]+|\b(?:den|toi)\b)[\s.,]*(\d{2,4})(?!\d)", f)
    if m:
        a, b = int(m.group(1)), m.group(2)
        bv = int(b) if len(b) >= 3 else (a // 100) * 100 + int(b)
        repaired = lost_first_digit(m.group(1), b)
        if repaired is not None:
            return Norm({"year_from": repaired, "year_to": bv}, 0.5,
                        ["a year's lost first digit taken from the range's end"])
        if a <= bv:
            return Norm({"year_from": a, "year_to": bv}, 1.0)
    m = re.search(r"(?<!\d)(\d{4})[\s.,]+(\d{4})(?!\d)", f)
    if m and int(m.group(1)) < int(m.group(2)):
        # two years side by side: a range whose dash was lost (dropped as a speck, or never read)
        return Norm({"year_from": int(m.group(1)), "year_to": int(m.group(2))}, 0.6, ["a range read without its dash"])
    m = re.search(r"(?<!\d)(\d{3,4})(?!\d)", f)
    if m and not re.search(r"\d\s*/\s*\d", f):
        y = int(m.group(1))
        y = -y if bce else y
        if re.match(r"[\s.,]*[-–—~=]", f[m.end():]):
            # a year then a range's dash whose end was not read ("1865 - 7."): the range is not known
            return Norm({"year_from": y, "year_to": y}, 0.5, ["a range whose end was not read"])
        return Norm({"year_from": y, "year_to": y}, 1.0)
    m = re.search(r"\b(?:thoi|nha|trieu dai)\s+([a-z ]+)", f)
    if m:
        era = m.group(1).strip()
        for key in sorted(ERAS, key=len, reverse=True):
            if era.startswith(key):
                lo, hi = ERAS[key]
                return Norm({"year_from": lo, "year_to": hi}, 0.9, [f"era {key}"])
    return Norm(None, 1.0 if text else FAILED, ["dating kept as written"] if text else ["empty"])


def norm_enum(raw: str, values: dict[str, list[str]]) -> Norm:
    """Map text onto one of a schema's closed values by its folded phrases (longest phrase first). A label's
    note that spells the choices ("(thương binh, bệnh binh)") is no answer: the value is read after it."""
    pairs = sorted(((fold(p), v) for v, phrases in values.items() for p in phrases), key=lambda x: -len(x[0]))

    def named(text: str) -> set[str]:
        f = f" {' '.join(_tokens(text))} "
        return {v for phrase, v in pairs if phrase and f" {phrase} " in f}

    answer = after_choices_note(raw, named)
    f = " ".join(_tokens(strip_leaders(raw if answer is None else answer)))
    for phrase, v in pairs:
        if phrase and phrase in f:
            return Norm(v, 1.0)
    for phrase, v in pairs:
        if len(phrase) >= 6 and Levenshtein.normalized_similarity(phrase, f[:len(phrase) + 2]) >= 0.8:
            return Norm(v, 0.7, [f"{raw!r} read as {v}"])
    return Norm(None, FAILED, [f"{raw!r} is none of {sorted(values)}"])


NORMALISERS: dict[str, Callable[[str], Norm]] = {
    "name": norm_name, "date": norm_date, "sex": norm_sex, "id": norm_id, "place": norm_text, "text": norm_text,
    "number": norm_number, "percent": norm_percent, "time": norm_time, "ethnicity": norm_ethnicity,
    "dimensions": norm_dimensions, "weight": norm_weight, "dating": norm_dating,
}
KINDS = set(NORMALISERS) | {"enum"}


def normalise(kind: str, raw: str, values: dict[str, list[str]] | None = None) -> Norm:
    if kind == "enum":
        return norm_enum(raw, values or {})
    return NORMALISERS[kind](raw)


def is_leader(token: str) -> bool:
    """A token that is only dots, colons, dashes and the like (OCR of dotted leaders)."""
    t = unicodedata.normalize("NFC", token)
    return not t.strip(LEADER_CHARS)


# --- plausibility of Vietnamese words -----------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SYLLABLE = re.compile(r"(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
                       r"([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?")
# vowel groups a Vietnamese syllable can have (tone marks removed)
_NUCLEI = set("""a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iêu iu oa oă oai oay oe oeo oi ôi ơi oo
ua uâ uây uê ui uô uôi uơ uy uya uyê uyu ưa ưi ưu ươ ươi ươu yê yêu""".split())
_MARKED = set("ăâêôơư")
_PLAIN_NUCLEI = {fold(n) for n in _NUCLEI}  # text typed without any diacritics ("Nguyen", "Huyen")
_EDGE_PUNCT = ",.;:!?\"'“”"


def glued_syllables(word: str) -> str | None:
    """Two syllables OCR read as one word, the space between them lost ("Chiếnsĩ", "Ysĩ"): the word, no
    Vietnamese syllable itself, cut at the one place that leaves two syllables of letters, the second in lower
    case; None when no cut or more than one does."""
    w = nfc(word)
    if not w.isalpha() or plausible_word(w):
        return None
    cuts = [k for k in range(1, len(w)) if w[k].islower() and plausible_word(w[:k]) and plausible_word(w[k:])
            and not (w[:k].isupper() and len(w[:k]) > 1)]  # (an abbreviation glued to a word is no syllable)
    return f"{w[:cuts[0]]} {w[cuts[0]:]}" if len(cuts) == 1 else None


def plausible_word(word: str) -> bool:
    """Could this be a written Vietnamese word? One tone mark at most and onset + vowels + coda.

    OCR slips on diacritics often give impossible syllables (``Đôàg``, ``Bãé``, ``Hôhg``) with high
    word confidence; this catches many of them. Numbers, all-capital abbreviations (``UBND``,
    ``XVIII``) and codes pass.
    """
    w = nfc(word).strip(_EDGE_PUNCT)
    if not w or not any(c.isalpha() for c in w):
        return True
    if any(c.isdigit() for c in w):
        # codes and numbered units ("GC887K", "Kho 3") carry no marks; "giơ1", "nă6" are misread letters
        return not has_marks(w)  # (đ is a letter of its own: no mark)
    parts = re.split(r"['\-/]", w)
    if len(parts) > 1:
        return all(plausible_word(p) for p in parts if p)
    if not all(c.isalpha() for c in w):
        return False  # stray symbols inside a word: "Hô)"
    if w.isupper() and len(w) <= 6 and not has_marks(w):
        return True  # abbreviation without diacritics: UBND, QĐ, XVIII
    decomposed = unicodedata.normalize("NFD", w.lower())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    m = _SYLLABLE.fullmatch(base)
    if m is None:
        return False
    nucleus = m.group(2)
    onset = m.group(1) or ""
    if fold(w) == w.lower():
        return nucleus in _PLAIN_NUCLEI or (onset == "g" and "i" + nucleus in _PLAIN_NUCLEI)
    if onset in ("gi", "qu") and nucleus not in _NUCLEI:
        return False
    if onset not in ("gi", "qu") and nucleus not in _NUCLEI and not (onset == "g" and ("i" + nucleus) in _NUCLEI):
        return False
    # a syllable closed by c, ch, p or t takes only the sắc or nặng tone ("nhất", "Bắc"; never "nhât", "Băc")
    tones = [c for c in decomposed if c in _TONES]
    if m.group(3) in ("c", "ch", "p", "t") and tones not in (["\u0301"], ["\u0323"]):
        return False
    # where the tone sits: on a vowel, and on the marked vowel when the group has one (tiểu, not tiêủ)
    letters = unicodedata.normalize("NFC", w.lower())
    for i, ch in enumerate(letters):
        d = unicodedata.normalize("NFD", ch)
        if any(c in _TONES for c in d):
            plain = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
            if plain not in "aăâeêioôơuưy":
                return False  # a tone on a consonant: "ñ"
            if any(v in _MARKED for v in nucleus) and plain not in _MARKED:
                return False
    return True


_COMMON_BY_KEY: dict[str, list[str]] = {}


def _common_index() -> dict[str, list[str]]:
    if not _COMMON_BY_KEY:
        from .vocab import COMMON_WORDS
        for w in COMMON_WORDS:
            _COMMON_BY_KEY.setdefault(fold(w), []).append(w)
    return _COMMON_BY_KEY


def _fold_index(vocab: frozenset[str]) -> dict[str, list[str]]:
    if vocab not in _FOLD_INDEXES:
        index: dict[str, list[str]] = {}
        for w in sorted(vocab):
            index.setdefault(fold(w), []).append(w)
        _FOLD_INDEXES[vocab] = index
    return _FOLD_INDEXES[vocab]


_FOLD_INDEXES: dict[frozenset[str], dict[str, list[str]]] = {}


def repair_word(word: str, vocab: frozenset[str] | None = None) -> str | None:
    """A common place/unit word an impossible OCR word stands for ("Băé" -> "Bắc", "Tiêủ" -> "Tiểu"),
    or None when there is no single close candidate. Only for words that cannot be Vietnamese.
    ``vocab``: the field's own words are tried first ("đâf" in a museum object's name: "đất")."""
    core = word.strip(_EDGE_PUNCT)
    if not core or plausible_word(core) or any(c.isdigit() for c in core):
        return None
    key = fold(core)
    cands: list[str] = []
    for index in ([_fold_index(vocab)] if vocab else []) + [_common_index()]:
        cands = [w for k, ws in index.items() if len(k) == len(key) and Levenshtein.distance(k, key) <= 1 for w in ws]
        if cands:
            break
    if not cands:
        return None
    # closest with the marks counted: "Băé" is nearer "Bắc" than "bản"
    nfd = unicodedata.normalize("NFD", core.lower())
    scored = sorted((Levenshtein.distance(key, fold(c)), Levenshtein.distance(nfd, unicodedata.normalize("NFD", c.lower())), c)
                    for c in cands)
    if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
        return None
    fixed = scored[0][2]
    if core[:1].isupper():
        fixed = fixed[:1].upper() + fixed[1:]
    else:
        fixed = fixed[:1].lower() + fixed[1:]
    return word.replace(core, fixed)


def _marks_only(a: str, b: str) -> bool:
    return fold(a) == fold(b) and a != b


def canonical_place(text: str, phrases: tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """Undo OCR slips on the marks of fixed phrases and of province/district names after their level word.

    "xã Đình Bảng, huyện Tử Sơn, tình Hà Bác" -> "xã Đình Bảng, huyện Từ Sơn, tỉnh Hà Bắc". Only words
    written with marks are touched (text typed without diacritics stays as written), and only when they
    equal the known form without their marks (or, for phrases of 10+ letters, but for one letter).
    ``phrases``: more set phrases, those of the field's vocabulary ("cô cao" -> "cổ cao").
    """
    from .vocab import ADMIN_LEVELS, PHRASES

    words = text.split(" ")
    changes: list[str] = []

    def has_marks(ws: list[str]) -> bool:
        return any(fold(w) != w.lower() for w in ws)

    def core(w: str) -> tuple[str, str]:
        c = w.rstrip(",.;:")
        return c, w[len(c):]

    # fixed phrases; a phrase's dash lost by OCR is put back ("Lao động Thương binh và Xã hội")
    for phrase in sorted(set(PHRASES) | set(phrases), key=len, reverse=True):
        pw = phrase.split(" ")
        if "-" in pw:
            bare = [w for w in pw if w != "-"]
            for i in range(len(words) - len(bare) + 1):
                window = [core(w)[0] for w in words[i:i + len(bare)]]
                if window == bare and (i + len(bare) >= len(words) or words[i + len(bare)] != "-"):
                    changes.append(f"{' '.join(bare)} -> {phrase}")
                    words[i:i + len(bare)] = pw[:-1] + [words[i + len(bare) - 1]]
                    break
        n = len(pw)
        key = fold(phrase).replace(" ", "")
        for i in range(len(words) - n + 1):
            window = [core(w)[0] for w in words[i:i + n]]
            if n > 1 and [w.lower() for w in window] == [w.lower() for w in pw] and any(
                    core(w)[1] in (".", ";", ":") for w in words[i:i + n - 1]):
                # a dot or colon inside a fixed phrase is a speck ("Trung. đoàn 27")
                changes.append(f"{' '.join(words[i:i + n])} -> {' '.join(window[:-1] + [words[i + n - 1]])}")
                words[i:i + n - 1] = window[:-1]
                continue
            if not has_marks(window) or " ".join(window) == phrase:
                continue
            wkey = fold(" ".join(window)).replace(" ", "")
            # a long phrase may have two letters wrong when a word of it is no Vietnamese syllable (OCR's
            # hand, not another phrase): "RghTa tráng liệt sĩ"
            close = wkey == key or (len(key) >= 10 and Levenshtein.distance(wkey, key) <= 1) or (
                len(key) >= 15 and Levenshtein.distance(wkey, key) <= 2 and not all(plausible_word(w) for w in window))
            if close and window[0][:1].isupper() != phrase[:1].isupper() and " ".join(window[1:]) == " ".join(pw[1:]) \
                    and fold(window[0]) == fold(pw[0]) and window[0][1:] == pw[0][1:]:
                continue  # the same phrase but for a capital letter: nothing to restore
            if close:
                tail = core(words[i + n - 1])[1]
                first = pw[0][:1].upper() + pw[0][1:] if window[0][:1].isupper() else pw[0][:1].lower() + pw[0][1:]
                fixed = [first] + pw[1:]
                changes.append(f"{' '.join(window)} -> {' '.join(fixed)}")
                words[i:i + n] = fixed[:-1] + [fixed[-1] + tail]
    # level words and the names after them: "tình" -> "tỉnh" at the start of a part, "Hà Bác" -> "Hà Bắc"
    starts = [0] + [i + 1 for i, w in enumerate(words) if w.endswith(",")]
    # a level word written right inside a part ("Bệnh viện đa khoa tỉnh Bạc Giang")
    starts += [i for i, w in enumerate(words) if i not in starts and w in ("tỉnh", "huyện", "thị", "thành")]
    for i in starts:
        if i >= len(words):
            continue
        for level, names in ADMIN_LEVELS.items():
            lw = level.split(" ")
            head = [core(w)[0] for w in words[i:i + len(lw)]]
            if len(head) < len(lw) or fold(" ".join(head)) != fold(level):
                continue
            if " ".join(head).lower() != level and has_marks(head):
                changes.append(f"{' '.join(head)} -> {level}")
                words[i:i + len(lw)] = [w[:1].upper() + w[1:] if head[0][:1].isupper() and k == 0 else w
                                        for k, w in enumerate(lw)]
            j = i + len(lw)
            for name in sorted(names, key=len, reverse=True):
                nw = name.split(" ")
                window = [core(w)[0] for w in words[j:j + len(nw)]]
                if len(window) != len(nw) or not has_marks(window):
                    continue
                wkey, nkey = fold(" ".join(window)), fold(name)
                impossible = not all(plausible_word(w) for w in window)
                if _marks_only(" ".join(window), name) or (
                        impossible and len(nkey) >= 5 and Levenshtein.distance(wkey, nkey) == 1):
                    tail = core(words[j + len(nw) - 1])[1]
                    changes.append(f"{' '.join(window)} -> {name}")
                    words[j:j + len(nw)] = nw[:-1] + [nw[-1] + tail]
                    break
            break
    return " ".join(words), changes


# --- syllables of names -------------------------------------------------------------------------

def syllable_key(word: str) -> tuple[str, str]:
    """(letters without the tone mark, the tone mark): equal for old and new tone placement, ``hoà`` = ``hòa``."""
    d = unicodedata.normalize("NFD", nfc(word).lower())
    tone = "".join(c for c in d if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES)), tone


_NAME_INDEX: dict[str, dict[tuple[str, str], str]] = {}


def _name_index() -> dict[str, dict[tuple[str, str], str]]:
    if not _NAME_INDEX:
        from .vocab import NAME_SYLLABLES
        for w in NAME_SYLLABLES:
            _NAME_INDEX.setdefault(fold(w), {})[syllable_key(w)] = w
    return _NAME_INDEX


def rare_name_syllable(word: str) -> list[str]:
    """Common name syllables that differ from ``word`` only in their marks, when ``word`` itself is not
    one (``Đúc`` -> ``["đức"]``, ``Chỉ`` -> ``["chi", "chí"]``); empty when the word is a common name
    syllable, has no marks at all (typed without diacritics), or has no such neighbour."""
    w = nfc(word).strip(_EDGE_PUNCT).lower()
    if not w or not w.isalpha() or fold(w) == w:
        return []
    same = _name_index().get(fold(w), {})
    if not same or syllable_key(w) in same:
        return []
    return sorted(same.values())


# --- separators and specks inside places and units ---------------------------------------------

UNIT_WORDS = ("Đại đội", "Tiểu đoàn", "Trung đoàn", "Sư đoàn", "Trung đội", "Tiểu đội", "Quân khu", "Quân đoàn")
UNIT_FOLDS = frozenset(fold(w) for w in UNIT_WORDS)  # folded: "dai doi" opens "Đại đội 6, …", a military unit
_LEVEL_RE = "|".join(re.escape(w) for w in sorted(LEVEL_WORDS + UNIT_WORDS, key=len, reverse=True))
# a comma misread as ; : ) or . just before the next part ("Phật Tích; huyện", "Đại đội 19. Trung đoàn")
_SEPARATOR = re.compile(rf"(?<=\w)([;:)]|(?<=\d)\.|(?<=[^\W\d])\.(?= (?:{'|'.join(re.escape(w) for w in LEVEL_WORDS)})\b))"
                        rf"(?= (?:{_LEVEL_RE})\b)")
# a speck read as one letter before the first level word ("ý xã Tam Sơn")
_LEADING_SPECK = re.compile(rf"^\w (?=(?:{'|'.join(re.escape(w) for w in LEVEL_WORDS)}) )")
# a level word with no name after it: words were lost ("xã huyện Hiệp Hòa", "xã, huyện …")
_EMPTY_LEVEL = re.compile(rf"\b(?:xã|huyện|tỉnh|thôn|phường|quận),? (?:{_LEVEL_RE})\b")


def repair_separators(text: str, place: bool = True) -> tuple[str, list[str]]:
    """Undo OCR slips on the punctuation between the parts of a place or a military unit.

    ``;``, ``:``, ``)`` or ``.`` where a comma stands before a level or unit word become a comma; a
    ``:``/``;`` inside a province or district name is dropped ("tỉnh Bắc: Giang"); in a place, a lone
    letter before the first level word is a speck. Returns the text and what was changed.
    """
    from .vocab import DISTRICTS, PROVINCES

    changes: list[str] = []
    out = _SEPARATOR.sub(lambda m: changes.append(f"{m.group(1)} -> ,") or ",", text)
    names = {n for n in PROVINCES + DISTRICTS + ["Việt Nam"] if " " in n}
    words = out.split(" ")
    for i in range(len(words) - 1):
        w = words[i]
        if w[-1:] in ":;" and f"{w[:-1]} {words[i + 1].rstrip(',.;:')}" in names:
            changes.append(f"{w} {words[i + 1]} -> {w[:-1]} {words[i + 1]}")
            words[i] = w[:-1]
    for i in range(1, len(words)):
        w = words[i]
        core, tail = w.rstrip(",.;:"), w[len(w.rstrip(",.;:")):]
        if words[i - 1].rstrip(",.;:").lower() in ("đội", "đoàn") and re.fullmatch(r"[0-9lIO|]+", core) \
                and any(c.isdigit() for c in core) and (fixed := fix_digits(core)[0]) != core:
            changes.append(f"{w} -> {fixed}{tail}")  # "Đại đội l1": a digit read as a letter
            words[i] = fixed + tail
        prev = words[i - 1]
        if prev[-1:] in ".:;" and prev[:-1] in LEVEL_WORDS and w[:1].isupper():
            changes.append(f"{prev} {w} -> {prev[:-1]} {w}")  # "huyện. Gia Bình"
            words[i - 1] = prev[:-1]
    out = " ".join(words)
    if place and _LEADING_SPECK.match(out):
        changes.append(f"{out[0]!r} before {out.split(' ')[1]!r} dropped")
        out = out[2:]
    return out, changes


def cut_place_name(text: str) -> str | None:
    """A province or district name cut short at the end of a place ("…, tỉnh Bắc": words were lost):
    the level and the words after it, when they begin known names but are none themselves (the gazetteer's
    provinces and districts of the whole country, and the older provinces)."""
    from .gazetteer import cut_unit

    m = re.search(r"\b(tỉnh|huyện|quận|thị xã|thành phố)\s+([^,]+?)[.,;:]?$", text)
    if not m or cut_unit(m.group(0)) is None:
        return None
    return m.group(0)


def missing_place_name(text: str) -> str | None:
    """The level word left without its name ("xã huyện Hiệp Hòa" -> "xã"), if any."""
    m = _EMPTY_LEVEL.search(text)
    return m.group(0).split(" ")[0].rstrip(",") if m else None


# --- a tone mark displaced onto the next letter ----------------------------------------------------

# Tesseract often reads a vowel carrying both a shape mark and a tone (ầ, ồ, ế, ắ) as the bare shaped
# vowel and puts the tone on the letter after it, which it then reads as a toned vowel: "Trâà" (Trần),
# "Hôàg" (Hồng), "Yêñ" (Yến), "Săé" (Sắc), "Giâý" (Giấy). The toned letter stands for itself (Hiêú:
# Hiếu) or for a final consonant (n, c, m, t, p, u, y, i, o).
_SHAPED = {"â": "â", "ê": "ê", "ô": "ô", "ă": "ă", "ơ": "ơ", "ư": "ư", "ä": "ă", "ã": "ă"}  # ä, ã: ă misread
# what the toned letter may stand for, most likely first: itself, then the common final consonants
_CODA_FOR = ["", "n", "c", "ng", "u", "y", "i", "o", "m", "t", "p", "nh", "ch"]
_TONE_MARKS = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
_LEXICONS: dict[bool, dict[tuple[str, str], str]] = {}


def _lexicon(names: bool) -> dict[tuple[str, str], str]:
    """Known words by (marks-but-tone, tone): for a person's name its syllables and the family names,
    for a place or text also the common place, unit and office words (schemas/vocab.py, schemas/data/)."""
    if names not in _LEXICONS:
        from .vocab import COMMON_WORDS, DISTRICTS, NAME_SYLLABLES, PHRASES, PROVINCES, SURNAMES
        words = set(NAME_SYLLABLES) | {w.lower() for w in SURNAMES}
        if not names:
            from .loader import load_schemas
            words |= {w.lower() for w in COMMON_WORDS}
            words |= {w.lower() for p in PROVINCES + DISTRICTS + PHRASES for w in p.split()}
            # the words of the record types' labels and section markers ("chồng", "vợ", "nhân")
            for schema in load_schemas().values():
                texts = [lb.text for f in schema.fields for lb in f.labels]
                texts += [mk.text for sec in schema.sections.values() for mk in sec.markers]
                words |= {w.strip(",.:;()/").lower() for t in texts for w in t.split() if w.strip(",.:;()/").isalpha()}
        _LEXICONS[names] = {syllable_key(w): w for w in words}
    return _LEXICONS[names]


def _vocab_lexicon(vocab: frozenset[str]) -> dict[tuple[str, str], str]:
    if vocab not in _VOCAB_LEXICONS:
        _VOCAB_LEXICONS[vocab] = {syllable_key(w): w for w in vocab}
    return _VOCAB_LEXICONS[vocab]


_VOCAB_LEXICONS: dict[frozenset[str], dict[tuple[str, str], str]] = {}


def repair_tone_shift(word: str, names: bool = False, vocab: frozenset[str] | None = None) -> str | None:
    """The known word an impossible OCR word stands for when a tone slid off its shaped vowel onto the
    next letter ("Trâà" -> "Trần", "Huyêà" -> "Huyền", "Bäé" -> "Bắc"), keeping the case of the first
    letter and any edge punctuation; None when the word is possible as it is, or when no single known
    word fits. ``names``: compare with name syllables only (a name is not "Yếu" but "Yến").
    ``vocab``: the words of the field's own vocabulary are tried first ("Gôñ" in a material is "Gốm",
    not the "Gốc" of "Nguồn gốc")."""
    core = word.strip(_EDGE_PUNCT)
    if not core or not core.isalpha() or plausible_word(core):
        return None
    low = nfc(core).lower()
    found: set[str] = set()
    for lex in ([_vocab_lexicon(vocab)] if vocab else []) + [_lexicon(names)]:
        found = _tone_shift_candidates(low, lex)
        if found:
            break
    if len(found) != 1:
        return None
    fixed = found.pop()
    fixed = fixed[:1].upper() + fixed[1:] if core[:1].isupper() else fixed
    return word.replace(core, fixed)


def _tone_shift_candidates(low: str, lex: dict[tuple[str, str], str]) -> set[str]:
    found: set[str] = set()
    for i in range(len(low) - 1):
        d = unicodedata.normalize("NFD", low[i])
        base_i = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
        shaped = _SHAPED.get(low[i]) or _SHAPED.get(base_i)
        if shaped is None or (base_i == "a" and low[i] != "ã"):
            continue
        nd = unicodedata.normalize("NFD", low[i + 1])
        tones = [c for c in nd if c in _TONES]
        if not tones:
            continue
        plain_next = "".join(c for c in nd if c not in _TONES)
        # an m read as "ni", "in" or "rn", its first letter carrying the tone ("gôñi": gốm)
        m_read = plain_next in ("n", "r", "i") and low[i + 2:i + 3] in ("i", "n") and plain_next + low[i + 2] in (
            "ni", "rn", "in")
        for tone_set in ([tones[0]], [t for t in _TONE_MARKS if t != tones[0]]):
            hits: set[str] = set()
            # a toned consonant ("ñ") stands for a final consonant, not for nothing
            codas = _CODA_FOR if plain_next in "aăâeêioôơuưy" else _CODA_FOR[1:]
            readings = [(plain_next, 2)] + ([("m", 3)] if m_read else []) + [(c, 2) for c in codas]
            for coda, used in readings:
                for tone in tone_set:
                    cand = low[:i] + unicodedata.normalize("NFC", shaped + tone) + coda + low[i + used:]
                    if syllable_key(cand) in lex:
                        hits.add(lex[syllable_key(cand)])
                if hits:
                    break  # the likeliest reading of the letter wins ("Hiêú": Hiếu before Hiến)
            if hits:
                found |= hits
                break
    return found


def vocabulary_neighbours(word: str, vocab: frozenset[str]) -> list[str]:
    """Words of ``vocab`` that differ from ``word`` only in their marks, when ``word`` itself is not in
    it ("Đông" in a material -> ["đồng"], "Vài" -> ["vải"]); empty when the word is in the vocabulary
    or has no marks at all (typed without diacritics)."""
    w = nfc(word).strip(_EDGE_PUNCT).lower()
    if not w or not w.isalpha():
        return []
    index = _vocab_lexicon(vocab)
    if syllable_key(w) in index:
        return []
    folded = fold(w)
    if folded == w and any(fold(v) == w for v in vocab):
        return []
    return sorted({v for v in vocab if fold(v) == folded})
