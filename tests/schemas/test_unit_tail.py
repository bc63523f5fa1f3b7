"""A military unit ends before a date run into it: the next pair's value (a date of death and its place, read
on in a row whose labels were not read) is listed, never kept in the unit (issue 12, part AT;
schemas/value_look.py, unit_end; schemas/fields.py, unit_and_tail)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.value_look import unit_end


def test_where_a_unit_stops():
    assert unit_end("Tiểu đoàn 7, Trung đoàn 52 12/9/1966 ở Cao điểm 400".split()) == 6
    assert unit_end("Xxx yy Đại đội 3, Tiểu đoàn 9 1-2-1970".split()) == 8  # label words before the unit
    assert unit_end("Đại đội 3, Tiểu đoàn 9 5/1971".split()) == 6  # a month and a year
    assert unit_end("Đại đội 3, Tiểu đoàn 9, Trung đoàn 101".split()) is None
    assert unit_end("Mặt trận 12/9/1966".split()) is None  # no unit: nothing to cut


def test_a_date_and_place_after_a_unit_are_listed_not_kept_in_it():
    rows = ["GIẤY BÁO TỬ", [(100, "Họ và tên: Trần Văn Sáu")],
            [(100, "Đơn vị: Tiểu đoàn 7, Trung đoàn 52 12/9/1966 ở Cao điểm 400")]]
    rec = extract_records([page(rows)], "nguoicocong/")[0]
    got = flatten_fields(rec)
    assert got["unit"] == "Tiểu đoàn 7, Trung đoàn 52"
    assert any("12/9/1966" in (u["value"] or u["label"]) for u in rec["unmapped"]) or got.get("date_of_death")
