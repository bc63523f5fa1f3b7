"""A count of one digit that OCR read as a letter of its shape ("l" for 1): the number, doubtful, never the rest
of a label nor a speck. Made-up cards."""

from __future__ import annotations

import pytest

from schemas.extract import extract_records
from schemas.fields import _value_toks
from schemas.layout import Tok

from synth import page


def _card(quantity: str) -> dict:
    rows = ["PHIẾU HIỆN VẬT", "Số kiểm kê: BT 4521/KL", "Tên hiện vật: Bình gốm", f"Số lượng: {quantity}",
            "Chất liệu: Gốm"]
    return extract_records([page(rows, width=2000)], collection="baotang/")[0]["fields"]


@pytest.mark.parametrize("letter", ["l", "I"])
def test_a_count_read_as_a_stem_letter_is_one_never_sure(letter):
    quantity = _card(letter)["quantity"]
    assert quantity["value"] == "1" and quantity["confidence"] < 0.995


def test_words_after_a_count_label_stay_the_rest_of_the_label():
    assert "quantity" not in _card("ghi rõ")


def test_a_faint_stem_letter_alone_is_a_numbers_value_not_a_speck():
    faint = Tok("l", "l", 0.4, (300, 100, 312, 136), 1)
    assert _value_toks([faint], "number") == [faint]
    assert _value_toks([faint], "text") == []
