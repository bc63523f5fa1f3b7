"""A value's first word whose capital OCR read as a symbol ("%ồi" for "Nồi") stays in the value, so the value is
doubtful rather than its next word alone read as sure. Made-up register."""

from __future__ import annotations

import pytest

from schemas.extract import extract_records
from schemas.glued_code import misread_capital

from synth import page


@pytest.mark.parametrize("text", ["%ồi", "€ối", "©hum,"])
def test_a_symbol_then_a_syllable_in_small_letters_is_a_misread_word(text):
    assert misread_capital(text)


@pytest.mark.parametrize("text", ["%", "%12", "%Bình", "ối", "%xq", "-ồi"])
def test_a_symbol_alone_before_digits_capitals_or_no_syllable_or_a_plain_word_is_not(text):
    assert not misread_capital(text)


def test_a_name_whose_first_word_is_misread_is_never_its_second_word_alone_and_sure():
    rows = ["PHIẾU HIỆN VẬT", "Số kiểm kê: BT 4521/KL", "Tên hiện vật: %ồi@0.4 đồng", "Chất liệu: Đồng"]
    name = extract_records([page(rows, width=2000)], collection="baotang/")[0]["fields"]["name"]
    assert name["value"] != "đồng" and name["confidence"] < 0.995
