"""A military unit written in its levels' letter codes (issue 12, part AY): "c3, d8, e52" is a unit, read as the
unit's value after a label with no colon, given to the unit field by its look, and refused by a place field
(schemas/unit_codes.py, value_look.is_military_unit, value_start._starts_value)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.loader import load_schemas
from schemas.unit_codes import unit_codes
from schemas.value_look import field_by_look, is_military_unit, of_another_kind

SCHEMAS = load_schemas()
TAIL = ["Sinh năm: 1950", "Quê quán: xã Tân Lập, huyện Đồng Xuân, tỉnh Phú Yên", "Hy sinh ngày: 09/05/1971"]


def test_a_chain_of_rising_level_codes_is_a_unit():
    assert unit_codes("b2 c5 d7") == [("b", "2"), ("c", "5"), ("d", "7")]
    for written in ("C5 D7 E29", "c5, d7, e29, f304", "C5/D7/E29", "C5-D7-E29", "d7 e29"):
        assert unit_codes(written) is not None, written
        assert is_military_unit(written), written


def test_codes_that_do_not_rise_or_stand_alone_are_no_unit():
    for written in ("E29", "D7 C5", "c5 c6", "g5 h7", "Hà Tĩnh", "5c 7d"):
        assert unit_codes(written) is None, written
        assert not is_military_unit(written), written
    assert unit_codes("c5 d7 xyz") is None  # (a unit's chain opening a value, as "Đại đội 5 …" does, still names one)
    assert is_military_unit("c5 d7 hy sinh")


def test_a_unit_in_codes_goes_to_the_unit_field_and_is_no_place():
    assert field_by_look("c5, d7, e29", SCHEMAS["martyr"]).key == "unit"
    assert of_another_kind(SCHEMAS["martyr"].by_key["place_of_death"], "C5 D7 E29")
    assert not of_another_kind(SCHEMAS["martyr"].by_key["unit"], "C5 D7 E29")


def test_a_unit_in_codes_after_a_label_with_no_colon_is_read():
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Đoàn Văn Lực", "Thuộc đơn vị c5, d7, e29"] + TAIL
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert got["unit"] == "c5, d7, e29"
