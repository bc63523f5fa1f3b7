"""A military post named after its unit's level ("Đại đội phó") is the position's value by its look: never a unit,
never a label nobody listed, placed by the record-wide decoding when no label says whose it is
(schemas.value_look.is_military_post). Made-up values."""

import pytest
from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.loader import load_schemas
from schemas.value_look import field_by_look, is_military_post


@pytest.mark.parametrize("value", ["Đại đội phó", "Tiểu đoàn trưởng", "TRUNG ĐỘI TRƯỞNG", "Đại đội phó chính trị"])
def test_a_post_is_the_positions(value):
    assert is_military_post(value)
    assert field_by_look(value, load_schemas()["martyr"]).key == "position"


@pytest.mark.parametrize("value", ["Đại đội 20, Tiểu đoàn 25", "Đại đội", "Trung tá", "Phó giám đốc"])
def test_a_unit_a_rank_or_another_post_is_no_military_post(value):
    assert not is_military_post(value)


def test_a_post_beside_the_next_columns_unit_is_two_values():
    # a row of values in two columns, no label on it: the post is no label of the unit beside it
    rec = extract_records([page(["GIẤY CHỨNG NHẬN HY SINH", "Họ và tên: Lò Văn Thắm", "Năm sinh: 1950",
                                 [(100, "Đại đội phó"), (900, "Đại đội 20, Tiểu đoàn 25")],
                                 "Ngày hy sinh: 03/04/1972"], width=1800)], "nguoicocong/")[0]
    flat = flatten_fields(rec)
    assert flat.get("position") == "Đại đội phó"
    assert flat.get("unit") == "Đại đội 20, Tiểu đoàn 25"
