"""A value under its label, at the label's own margin, visibly cut at its line's end (a comma last, a unit's
level word with no number) wraps onto the row below as a value beside its label does (issue 12, part AT;
schemas/value_rest.py, continue_value)."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def _read(value_rows):
    rows = ["GIẤY BÁO TỬ", [(100, "Họ và tên: Trần Văn Sáu")], [(100, "Đơn vị")], *value_rows,
            [(100, "Ngày hy sinh: 12/03/1968")]]
    return flatten_fields(extract_records([page(rows)], "nguoicocong/")[0])


def test_a_unit_below_its_label_cut_after_a_comma_goes_on_below():
    got = _read([[(100, "Tiểu đoàn 5, Trung đoàn 31,")], [(100, "Sư đoàn 2")]])
    assert got["unit"] == "Tiểu đoàn 5, Trung đoàn 31, Sư đoàn 2"


def test_a_whole_value_below_its_label_takes_no_more_rows():
    got = _read([[(100, "Tiểu đoàn 5, Trung đoàn 31")], [(100, "Cấp bậc: Trung úy")]])
    assert got["unit"] == "Tiểu đoàn 5, Trung đoàn 31"
    assert got["rank"] == "Trung úy"
