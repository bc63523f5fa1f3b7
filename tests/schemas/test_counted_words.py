"""A number field's value written in words: a count said, digits restated (schemas/counted_words.py)."""

import pytest
from synth import page

from schemas.counted_words import count_in_words, restated_in_words
from schemas.extract import extract_records
from schemas.normalize import norm_number


@pytest.mark.parametrize("text,n", [
    ("hai chiếc", 2), ("Mười hai cái", 12), ("ba mươi mốt tờ", 31), ("bảy", 7), ("một trăm linh năm viên", 105),
    ("muoi hai chiec", 12),  # typed without marks, two numerals
])
def test_a_count_said_in_words_is_read(text, n):
    count = count_in_words(text)
    assert count is not None and count.value == n and count.quality > 0.5


@pytest.mark.parametrize("text", [
    "Nam",  # one word typed without the numeral's marks: another field's word as often as a count
    "bà Lan", "từ năm 1990", "chiếc bình", "12 chiếc",
])
def test_words_that_are_no_count_are_not_read_as_one(text):
    assert count_in_words(text) is None


def test_a_second_count_leaves_the_field_for_a_person():
    count = count_in_words("một bộ gồm sáu cái")
    assert count is not None and count.value == 1 and count.quality <= 0.5


def test_digits_restated_in_words_agree_or_not():
    assert restated_in_words("03 (ba)") == ("03", True)
    assert restated_in_words("15 (mười lăm chiếc)") == ("15", True)
    assert restated_in_words("04 (năm)") == ("04", False)
    assert restated_in_words("04 chiếc") is None


def test_the_number_field_reads_them():
    assert norm_number("hai chiếc").value == "2"
    agreed, other = norm_number("03 (ba)"), norm_number("03 (bốn)")
    assert agreed.value == "03" and agreed.quality == 1.0
    assert other.value == "03" and other.quality <= 0.5


def _quantity(value: str) -> dict:
    lines = ["PHIẾU HIỆN VẬT", "Số đăng ký: BT.3317", "Tên hiện vật: Chén gốm men lam", "Chất liệu: Gốm",
             f"Số lượng: {value}"]
    return extract_records([page(lines)], collection="baotang/")[0]["fields"].get("quantity", {})


def test_a_card_whose_quantity_is_said_in_words_keeps_it():
    assert _quantity("hai chiếc").get("value") == "2"
    assert _quantity("mười hai cái").get("value") == "12"
    assert _quantity("06 (sáu)").get("value") == "06"
