"""A ruled table's rules as OCR reads them: the column rule glued to the value's first word ("|17/07/1971") is cut
off it, a stroke of its own, so the value is read without it (schemas/layout.py split_word); the left border opening
a row ("| Xxx …:") is no word of the label, which takes every word from there to its colon (schemas/matching.py)."""

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


def test_the_tables_left_border_before_a_long_label_is_no_word_of_it():
    # the row opens with the table's border, read as "|": the label is every word from there to its colon, not only
    # the last wording in it ("khai tử", a date's)
    lines = ["GIẤY CHỨNG TỬ", "| Họ và tên: Nguyễn Văn An",
             "| Danh xưng người được ủy quyền đứng ra khai tử: Trần Văn Bình"]
    flat = flatten_fields(extract_records([page(lines, width=2000)], "hotich/")[0])
    assert flat.get("declarant.full_name") == "Trần Văn Bình"
