"""What inventory cards write: section headings over groups of fields, honorifics before a person's name,
weights with a thousands dot, decades, sizes whose measure words are joined by "x". Made-up cards and values."""

from __future__ import annotations

import pytest

from schemas.extract import extract_records
from schemas.layout import Tok
from schemas.loader import label_key
from schemas.normalize import is_leader, norm_dating, norm_dimensions, norm_name, norm_weight
from schemas.section_heading import is_section_heading

from synth import page


def _toks(text: str) -> list[Tok]:
    return [Tok(w, label_key(w), 0.95, (100 + 60 * k, 100, 150 + 60 * k, 136), 1, leader=is_leader(w))
            for k, w in enumerate(text.split())]


@pytest.mark.parametrize("text", ["II. HÌNH DÁNG", "B. NGUỒN GỐC", "IV) KHO", "A. TÊN GỌI VÀ SỐ HIỆU"])
def test_an_enumerated_line_in_capitals_with_nothing_after_is_a_section_heading(text):
    assert is_section_heading(_toks(text))


@pytest.mark.parametrize("text", ["II. CHẤT LIỆU: ĐỒNG", "1. CHẤT LIỆU", "B. Nguồn gốc", "CHẤT LIỆU", "III. SỐ 12",
                                  "C. HÌNH DÁNG:"])
def test_a_label_is_no_section_heading(text):
    """A label with its colon or its value, a numbered item (Arabic: the numbered labels of a form), a line in
    mixed case or with no enumerator: none is a heading."""
    assert not is_section_heading(_toks(text))


def test_a_section_heading_is_read_neither_as_a_label_nor_as_a_value():
    """"II. ĐẶC ĐIỂM HIỆN VẬT" names the group the description is in, not the description; "III. NGUỒN GỐC" over
    a label and its value below it (a card that prints each label over its value) is not the origin's label with
    that label for its value."""
    rows = ["PHIẾU HIỆN VẬT", "Tên hiện vật: Chum sành", [(700, "II. ĐẶC ĐIỂM HIỆN VẬT")], "Chất liệu: Sành",
            "Đặc điểm: Chum thân tròn, vai có bốn núm", [(800, "III. NGUỒN GỐC")], "Xuất xứ: Mua"]
    fields = extract_records([page(rows, width=2000)], collection="baotang/")[0]["fields"]
    assert fields["description"]["value"] == "Chum thân tròn, vai có bốn núm"
    assert fields["origin"]["value"] == "Mua"
    over = ["PHIẾU HIỆN VẬT", "Tên hiện vật", "Chum sành", [(800, "III. NGUỒN GỐC")], "Cách có được", "Mua lại"]
    fields = extract_records([page(over, width=2000)], collection="baotang/")[0]["fields"]
    assert fields.get("origin", {}).get("value") != "Cách có được"


@pytest.mark.parametrize("raw, name", [("Ông Đặng Văn Tùng", "Đặng Văn Tùng"), ("bà Lê Thị Mơ", "Lê Thị Mơ"),
                                       ("Cụ Phan Hữu Lợi", "Phan Hữu Lợi")])
def test_an_honorific_before_a_full_name_is_no_part_of_it(raw, name):
    n = norm_name(raw)
    assert n.value == name and n.notes


@pytest.mark.parametrize("raw", ["Ông Chí Thanh", "Bà Triệu", "Ông Ích Khiêm"])
def test_an_honorific_word_that_may_be_the_family_name_stays(raw):
    """"Ông" is also a family name: without a known family name after it, it is the name's first word."""
    assert norm_name(raw).value == raw


@pytest.mark.parametrize("raw, kg", [("2.750 g", 2.75), ("1.100 gr", 1.1), ("Khoảng 3.200 gam", 3.2),
                                     ("0,5 kg", 0.5), ("750 g", 0.75)])
def test_a_dot_before_three_digits_groups_thousands(raw, kg):
    assert norm_weight(raw).value == {"kg": kg}


@pytest.mark.parametrize("raw, years", [("Thập niên 1980", (1980, 1989)), ("những năm 1930", (1930, 1939)),
                                        ("Năm 1980", (1980, 1980))])
def test_a_decade_is_its_ten_years(raw, years):
    assert norm_dating(raw).value == {"year_from": years[0], "year_to": years[1]}


@pytest.mark.parametrize("raw, dims", [
    ("Dài x rộng x cao: 50 x 20 x 10 cm", {"length_cm": 50.0, "width_cm": 20.0, "height_cm": 10.0}),
    ("12 x 7 cm (cao x rộng)", {"height_cm": 12.0, "width_cm": 7.0}),
    ("Chiều dài x chiều rộng = 80 x 45 mm", {"length_cm": 8.0, "width_cm": 4.5}),
])
def test_measure_words_joined_by_x_name_the_numbers_in_their_order(raw, dims):
    assert norm_dimensions(raw).value == dims


def test_measures_that_end_on_a_comma_go_on_past_what_was_read():
    """"Cao 18 cm," (the diameter wrapped onto a line not read): the height is right, the value is not whole."""
    n = norm_dimensions("Cao 18 cm,")
    assert n.value == {"height_cm": 18.0} and n.quality <= 0.5
    assert norm_dimensions("Cao 18 cm, rộng 9 cm").quality == 1.0


@pytest.mark.parametrize("size", ["Kích thước: Chiều cao: 30 cm, đường kính đáy: 9 cm",
                                  "Kích thước: Chiều dài: 9 cm, chiều cao: 30 cm"])
def test_the_measure_words_of_a_size_with_their_colons_are_its_value(size):
    rows = ["PHIẾU HIỆN VẬT", "Tên hiện vật: Bình gốm", size, "Chất liệu: Gốm"]
    fields = extract_records([page(rows, width=2000)], collection="baotang/")[0]["fields"]
    assert set(fields["dimensions"]["value"].values()) == {30.0, 9.0}
    assert fields["material"]["value"] == "Gốm"
