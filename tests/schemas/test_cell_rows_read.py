"""Rows of ruled cells read as such where a rule used to miss them: a label printed in capitals, whose words are
no value of their own; a place cut at a cell's line end whose rest reads like a label (schemas/cells.py)."""

from synth import page, small_print
from test_cells import _segments_of

from schemas.extract import extract_records, flatten_fields


def test_a_label_in_capitals_is_not_cut_into_a_label_and_a_value():
    # "QUÊ" (a home town's word) and "QUÁN (GỐC) CON TRẺ" in capitals, as a place's name is written: but a label read
    # over the whole run takes every word, so no cut of it is a label with its value beside it
    p = page(["GIẤY KHAI SINH", [(100, "QUÊ QUÁN (GỐC) CON TRẺ"), (1100, "DÂN TỘC")],
              [(110, "xã Tam Sơn, huyện Từ Sơn"), (1110, "Kinh")]], width=1800)
    segs = _segments_of(p)
    assert segs[1:3] == [("cells", "QUÊ QUÁN (GỐC) CON TRẺ:"), ("cells", "xã Tam Sơn, huyện Từ Sơn")]
    flat = flatten_fields(extract_records([p], "hotich/")[0])
    assert flat.get("hometown") == "xã Tam Sơn, huyện Từ Sơn" and flat.get("ethnicity") == "Kinh"


def test_the_rest_of_a_place_cut_at_a_cells_line_end_stays_in_the_cell_though_it_reads_as_a_label():
    # "tỉnh Bến" / "Tre": "Tre" is one letter off "trẻ" (a child), and printed alone it is no taller than a label;
    # it completes the province the value cut short, so it is the value's rest
    p = small_print(page(["GIẤY KHAI SINH", [(100, "Nơi sinh"), (900, "Dân tộc")],
                           [(110, "xã Tân Xuân, huyện Ba Tri, tỉnh Bến"), (910, "Kinh")], [(110, "Tre")],
                           [(100, "Họ và tên mẹ")], [(110, "Trần Thị Lan")]], width=1600), 1, 3)
    flat = flatten_fields(extract_records([p], "hotich/")[0])
    assert flat.get("place_of_birth") == "xã Tân Xuân, huyện Ba Tri, tỉnh Bến Tre"
