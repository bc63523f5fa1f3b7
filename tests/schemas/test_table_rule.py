"""A ruled table's column rule OCR glued to the value's first word ("|17/07/1971"): cut off it, a stroke of its own,
so the value is read without it (schemas/layout.py split_word)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows


def test_a_rule_glued_to_a_value_is_cut_off_it():
    p = page([[(100, "Tỷ lệ xxx"), (600, "|35%")]])
    assert [t.text for t in build_rows(p)[0].toks] == ["Tỷ", "lệ", "xxx", "|", "35%"]


def test_a_date_and_a_grade_after_a_glued_rule_are_read():
    lines = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "| Họ và tên |Nguyễn Văn An", "| Ngày tháng bị thương |17/07/1971",
             "| Hạng thương binh |2/4"]
    flat = flatten_fields(extract_records([page(lines, width=2000)], "nguoicocong/")[0])
    assert flat.get("injury_date") == "1971-07-17" and flat.get("grade") == "2/4"
