"""Letters of other alphabets the Vietnamese model writes for a Vietnamese one, put back (ocr/lookalikes.py)."""

from __future__ import annotations

from ocr.lookalikes import reads_vietnamese, vietnamese_letters
from ocr.tesseract import lines_from_tsv


def test_eth_is_read_as_d_with_stroke_in_either_case():
    assert vietnamese_letters("ÐIỆN") == "ĐIỆN"
    assert vietnamese_letters("ðồi") == "đồi"


def test_a_glyph_written_twice_as_d_with_stroke_and_eth_is_one_letter():
    assert vietnamese_letters("12/QĐÐ-UBND") == "12/QĐ-UBND"
    assert vietnamese_letters("ÐĐèo") == "Đèo"
    assert vietnamese_letters("đðá") == "đá"
    assert vietnamese_letters("12/QĐÐĐ-UBND") == "12/QĐ-UBND"  # written three times


def test_a_d_with_stroke_printed_twice_is_left_as_read():
    assert vietnamese_letters("ĐĐ") == "ĐĐ"


def test_slashed_o_is_a_zero_only_inside_a_number():
    assert vietnamese_letters("Ø3/1975") == "03/1975"
    assert vietnamese_letters("2Ø4,") == "204,"
    assert vietnamese_letters("Øresund") == "Øresund"  # not a number: left as read


def test_vietnamese_words_are_unchanged():
    for word in ("Nguyễn", "Đặng", "đường", "Ủy", "QĐ-UBND", "1960"):
        assert vietnamese_letters(word) == word


def _tsv(*words: str) -> dict:
    n = len(words)
    return {"text": list(words), "conf": [90.0] * n, "block_num": [1] * n, "par_num": [1] * n,
            "line_num": [1] * n, "left": [10 * i for i in range(n)], "top": [0] * n, "width": [8] * n,
            "height": [10] * n}


def test_words_read_in_vietnamese_are_put_back_and_other_languages_are_not():
    assert [w.text for w in lines_from_tsv(_tsv("Số", "7/QÐ"), "vie")[0].words] == ["Số", "7/QĐ"]
    assert [w.text for w in lines_from_tsv(_tsv("Số", "7/QÐ"), "vie+eng")[0].words] == ["Số", "7/QĐ"]
    assert [w.text for w in lines_from_tsv(_tsv("Ðe"), "isl")[0].words] == ["Ðe"]
    assert reads_vietnamese("eng+vie") and not reads_vietnamese("eng")
