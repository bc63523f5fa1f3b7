"""A ruled table's column rule between a label's cell and its value's, read by OCR as "|" standing alone or glued to
the value's first word: it ends the label as a colon would, and is no part of the value (schemas/layout.py
split_word, schemas/matching.py _strong_end)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows


def test_a_rule_glued_to_a_value_is_cut_off_it():
    p = page([[(100, "Tỷ lệ xxx"), (600, "|35%")]])
    assert [t.text for t in build_rows(p)[0].toks] == ["Tỷ", "lệ", "xxx", "|", "35%"]


def test_a_rule_ends_a_long_label_as_its_colon_would():
    # ten label words, no colon, no wide blank before the rule: read from its words alone a label holds eight;
    # the rule says where it ends
    lines = ["GIẤY CHỨNG TỬ", "Họ và tên | Nguyễn Văn An", "Số giấy tờ tùy thân của người vừa qua đời | 012345678901"]
    flat = flatten_fields(extract_records([page(lines, width=2000)], "hotich/")[0])
    assert flat.get("personal_id") == "012345678901"


def test_a_rule_glued_to_the_value_ends_the_label_too():
    lines = ["GIẤY CHỨNG TỬ", "Họ và tên |Nguyễn Văn An", "Số giấy tờ tùy thân của người vừa qua đời |012345678901"]
    flat = flatten_fields(extract_records([page(lines, width=2000)], "hotich/")[0])
    assert flat.get("personal_id") == "012345678901" and flat.get("full_name") == "Nguyễn Văn An"


def test_the_tables_left_border_before_a_long_label_is_no_word_of_it():
    # the row opens with the table's border, read as "|": the label is every word from there to the rule, not
    # only the last wording in it ("khai tử", a date's)
    lines = ["GIẤY CHỨNG TỬ", "| Họ và tên | Nguyễn Văn An",
             "| Danh xưng người được ủy quyền đứng ra khai tử | Trần Văn Bình"]
    flat = flatten_fields(extract_records([page(lines, width=2000)], "hotich/")[0])
    assert flat.get("declarant.full_name") == "Trần Văn Bình"
