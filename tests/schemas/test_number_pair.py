"""A label nobody listed and its number, no colon between them, after a column's blank (schemas/number_pair.py):
the pair is the next column's, listed for the record-wide decoding, not words of the value before it."""

from synth import line

from ocr.result import PageText
from schemas.extract import extract_records
from schemas.number_pair import opens_number_pair


def test_label_words_then_a_number_alone_open_a_pair():
    assert opens_number_pair(["Tổng", "cộng", "03"])
    assert opens_number_pair(["Xxx", "yyy", "12"])


def test_a_value_s_own_words_open_no_pair():
    assert not opens_number_pair(["Thế", "kỷ", "XIX"])  # no number alone at the end
    assert not opens_number_pair(["gồm", "03"])  # no label's capital
    assert not opens_number_pair(["Cao", "25", "cm"])  # a measure ends in its unit
    assert not opens_number_pair(["BTLS", "2718/GK"])  # a code, no bare number
    assert not opens_number_pair(["Năm", "19681"])  # more digits than a count's
    assert not opens_number_pair(["Một", "hai", "ba", "bốn", "năm", "06"])  # a sentence's run of words
    assert not opens_number_pair(["07"])


def _card(second: str) -> PageText:
    rows = [line("PHIẾU HIỆN VẬT", 110, 100), line("Số đăng ký: BTLS 2718/GK 40", 110, 152),
            line("Tên hiện vật: Chuông đồng", 110, 204), line("Chất liệu chính: Đồng thau", 110, 256, block=1),
            line(second, 830, 256, block=2), line("Nơi bảo quản: Kho 3, giá 8, ngăn 6", 110, 308)]
    return PageText(page=1, width=1700, height=500, lines=rows)


def test_a_count_in_the_next_column_leaves_the_material_whole():
    fields = extract_records([_card("Xxx yyy 03")], "museum_object")[0]["fields"]
    assert fields["material"]["value"] == "Đồng thau"
    assert fields["quantity"]["value"] == "03"
