"""OCR misreads repaired by what the value must look like (schemas/digit_letters.py and its users): letters read
for digits where the value's kind needs a digit, and a syllable read in capitals inside a place's name. Every
example is made up."""

import pytest

from schemas.digit_letters import REPAIRED_QUALITY, digit_of, digits_of
from schemas.fields import Found
from schemas.layout import Tok
from schemas.loader import Label, load_schemas
from schemas.normalize import norm_date, norm_number
from schemas.repair import capitals_among_names, dot_read_as_tone, dot_tone_unit_names, numbered_part_digits

SCHEMAS = load_schemas()


def test_a_letter_is_read_for_one_digit_its_marks_aside():
    assert digit_of("Ọ") == "0" and digit_of("Í") == "1" and digit_of("l") == "1" and digit_of("G") == "6"
    assert digit_of("S") is None  # a 5 or a worn 8: neither
    assert digit_of("K") is None and digit_of("4") is None
    assert digits_of("2Ọ4") == "204" and digits_of("Ì7") == "17"
    assert digits_of("S3") is None and digits_of("2K") is None and digits_of("35") is None


@pytest.mark.parametrize("raw,want", [
    ("5Ị", "51"),  # a registration number's last 1 read as the dotted capital I
    ("2Ọ4", "204"),
    ("ỊƠ", "10"),  # no digit at all, but letters with marks no number is written with, in capitals
    ("37/ÌƠ", "37/10"),
])
def test_a_number_read_with_marked_letters_for_digits_is_repaired_and_doubtful(raw, want):
    n = norm_number(raw)
    assert n.value == want and n.quality <= REPAIRED_QUALITY and n.notes


@pytest.mark.parametrize("raw,want", [("I5I", "151"), ("I0I", "101"), ("I26", "126")])
def test_stems_around_a_numbers_digits_are_ones(raw, want):
    n = norm_number(raw)
    assert n.value == want and n.quality < 1.0


@pytest.mark.parametrize("raw", ["II", "G3318", "LS14119", "HN/8532"])
def test_a_codes_letters_and_a_roman_numeral_stay_letters(raw):
    assert norm_number(raw).value == raw


@pytest.mark.parametrize("raw", ["Bố", "lô", "BỐ", "Dì 12"])
def test_a_vietnamese_word_in_a_number_is_not_read_as_digits(raw):
    assert norm_number(raw).value == raw


@pytest.mark.parametrize("raw,want", [
    ("tổ I, phường Đông Hải, thành phố Thanh Hóa", "tổ 1, phường Đông Hải, thành phố Thanh Hóa"),
    ("ấp l2, xã Mỹ Hòa", "ấp 12, xã Mỹ Hòa"),
    ("khu 2O, thị trấn Phố Mới", "khu 20, thị trấn Phố Mới"),
    ("Đại đội 3, Sư đoàn 3?", "Đại đội 3, Sư đoàn 37"),  # a 7 whose foot faded, read as "?"
    ("Nhà văn hóa xóm Ị", "Nhà văn hóa xóm 1"),
])
def test_the_number_after_a_numbered_part_read_as_letters_is_repaired(raw, want):
    got = numbered_part_digits(raw)
    assert got.value == want and got.changes and not got.sure


@pytest.mark.parametrize("raw", [
    "khu B, phường Lê Lợi",  # a part named by a letter
    "tổ 7C, phường Lê Lợi",  # a number with its letter
    "thôn Đông 4, xã Yên Lạc",  # a name, then the number
    "thôn IO, xã Yên Lạc",  # two letters and no digit: perhaps a numeral as printed
    "xóm Ong, xã Yên Lạc",
    "đội I trưởng",  # the letter does not end the part
])
def test_a_numbered_part_without_a_misread_number_is_left_as_read(raw):
    assert numbered_part_digits(raw).value == raw


@pytest.mark.parametrize("raw,want", [
    ("Mặt trận ĐỒNG Xoài", "Mặt trận Đồng Xoài"),
    ("núi BÀ Đen, tỉnh Tây Ninh", "núi Bà Đen, tỉnh Tây Ninh"),
])
def test_a_syllable_in_capitals_in_a_name_takes_the_names_case(raw, want):
    got = capitals_among_names(raw)
    assert got.value == want and got.changes


@pytest.mark.parametrize("raw", [
    "TP. Vũng Tàu",  # an abbreviation: no marks
    "Mặt trận XIV Khu",  # a Roman numeral
    "đèo HẢI VÂN, tỉnh Thừa Thiên",  # a run of capitals: a heading or a label
    "ĐỒNG XOÀI",
    "chợ ĐÔNG ba",  # no title-cased word beside it
])
def test_capitals_that_are_no_misread_syllable_are_left(raw):
    assert capitals_among_names(raw).value == raw


def _place(key: str, text: str) -> Found:
    spec = SCHEMAS["war_invalid"].by_key[key]
    toks = [Tok(w, w.lower(), 0.97, (0, 0, 10, 10), 1) for w in text.split()]
    return Found(spec, toks, Label("Nơi cư trú", "noicutru"), 1.0, 1).finish()


def test_a_place_repaired_by_its_shape_keeps_its_raw_text_and_is_doubtful():
    plain = _place("residence", "tổ 1, phường Đông Hải, thành phố Thanh Hóa, tỉnh Thanh Hóa")
    read = _place("residence", "tổ I, phường Đông Hải, thành phố Thanh Hóa, tỉnh Thanh Hóa")
    assert read.value == plain.value
    assert read.raw.startswith("tổ I,") and read.confidence <= plain.confidence * REPAIRED_QUALITY
    assert any("number read as letters" in n for n in read.notes)


@pytest.mark.parametrize("raw,want", [
    ("Ì4/06/1958", "1958-06-14"),  # the day's 1 read as a marked I: without the repair the day reads 4
    ("03/Ọ9/1958", "1958-09-03"),
    ("ngày 2Ị tháng 6 năm 1958", "1958-06-21"),
])
def test_a_date_read_with_marked_letters_for_digits_is_repaired_and_doubtful(raw, want):
    n = norm_date(raw)
    assert n.value == want and n.quality <= REPAIRED_QUALITY


def test_a_speck_before_a_numbered_parts_digits_is_dropped():
    got = numbered_part_digits("xóm •14, xã Mỹ Hòa")
    assert got.value == "xóm 14, xã Mỹ Hòa" and got.changes and not got.sure
    assert numbered_part_digits("xóm •, xã Mỹ Hòa").value == "xóm •, xã Mỹ Hòa"


def test_a_tone_on_the_i_of_a_rare_name_syllable_is_read_as_the_is_dot():
    assert dot_read_as_tone("Nhỉ", ["nhi"]) == "nhi"
    assert dot_read_as_tone("Chỉ", ["chi", "chí"]) == "chi"  # of two one tone away, the one OCR's slip explains
    assert dot_read_as_tone("Thánh", ["thanh", "thành"]) is None  # the tone is on the a
    assert dot_read_as_tone("Chỉ", ["chí"]) is None


def test_a_persons_name_with_a_dot_read_as_a_tone_is_read_without_it_and_doubtful():
    spec = SCHEMAS["birth"].by_key["mother.full_name"]
    toks = [Tok(w, w.lower(), 0.97, (0, 0, 10, 10), 1) for w in "Đào Thị Chỉ".split()]
    read = Found(spec, toks, Label("Họ và tên mẹ", "hovatenme"), 1.0, 1).finish()
    assert read.value == "Đào Thị Chi" and read.raw == "Đào Thị Chỉ" and read.confidence < 0.6


def test_a_units_name_with_a_dot_read_as_a_tone_is_the_gazetteers_name_without_it():
    # (the gazetteer's names: "Tân Chi" is a commune; "Tân Chỉ" none)
    got = dot_tone_unit_names("xã Tân Chỉ, huyện Quế Võ, tỉnh Hà Bắc")
    assert got.value == "xã Tân Chi, huyện Quế Võ, tỉnh Hà Bắc" and got.changes and not got.sure
    assert dot_tone_unit_names("xã Vĩnh Thành, huyện Ba Tri").changes == []  # a name the gazetteer holds
