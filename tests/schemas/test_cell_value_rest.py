"""A value under a ruled cell's label nobody listed goes on over the cell's rows while it is visibly cut at its
line's end, whatever its kind (schemas/value_rest.py: open_at_end, ValueRests.cell_rows)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.value_look import unit_cut_in_level
from schemas.value_rest import open_at_end


def _unit_under(value_rows: list[str]) -> str | None:
    """The unit read from a martyr's page whose second cell's label no list holds, its value over ``value_rows``."""
    lines = ["LÝ LỊCH LIỆT SĨ",
             [(100, "Họ và tên"), (900, "Xxx yyy")],
             [(100, "Hoàng Văn Khải"), (900, value_rows[0])]] + [[(900, row)] for row in value_rows[1:]]
    return flatten_fields(extract_records([page(lines, width=1800)], "nguoicocong/")[0]).get("unit")


def test_a_unit_wrapped_after_its_comma_under_a_label_nobody_listed_is_read_whole():
    assert _unit_under(["Đại đội 3, Tiểu đoàn 5,", "Trung đoàn 24"]) == "Đại đội 3, Tiểu đoàn 5, Trung đoàn 24"


def test_a_unit_cut_inside_its_level_word_takes_the_rest_from_the_cell_s_next_row():
    assert _unit_under(["Đại đội 3, Tiểu đoàn 5, Trung", "đoàn 24"]) == "Đại đội 3, Tiểu đoàn 5, Trung đoàn 24"


def test_a_value_is_open_at_its_line_s_end_only_when_visibly_cut():
    assert open_at_end(["xã", "Tam", "Sơn,"])
    assert open_at_end(["UBND", "xã", "Tam", "Sơn,", "huyện", "Từ", "Sơn,", "tỉnh"])
    assert open_at_end(["Đại", "đội", "3,", "Trung", "đoàn"])
    assert open_at_end(["Đại", "đội", "3,", "Trung"])
    assert not open_at_end(["Kinh"])
    assert not open_at_end(["Đại", "đội", "3,", "Trung", "đoàn", "24"])
    assert not open_at_end(["xã", "Tam", "Sơn,", "huyện", "Từ", "Sơn,", "tỉnh", "Bắc", "Ninh"])
    assert not open_at_end([])


def test_a_unit_cut_inside_a_level_word_is_told_from_a_whole_one():
    assert unit_cut_in_level("Đại đội 3, Tiểu đoàn 5, Tiểu")
    assert not unit_cut_in_level("Đại đội 3, Tiểu đoàn 5")
    assert not unit_cut_in_level("Trung sĩ")


def test_the_rest_of_a_place_cut_at_its_line_s_end_reaches_further_below_than_a_wrapped_line():
    # the province's name stands two lines below its level word, further than a value's next line: it completes
    # the place the cell's value cut short, so it is the value's
    lines = ["GIẤY KHAI SINH",
             [(100, "Họ và tên"), (900, "Nơi đăng ký")],
             [(100, "Lê Văn Tám"), (900, "UBND xã Tam Sơn, huyện Từ Sơn, tỉnh")],
             "",
             [(900, "Bắc Ninh")]]
    flat = flatten_fields(extract_records([page(lines, width=1800)], "hotich/")[0])
    assert flat.get("registration.office") == "UBND xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"
