"""A row that names one person and asks nothing, whatever other words it holds, over a row that opens with a label,
opens that person's block (schemas.reader.PageReader._heading_over_labels). Made-up headings and values."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def birth(*rows) -> dict:
    return flatten_fields(extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Lê Văn Nam", "Ngày sinh: 04/07/1990",
                                                 *rows], width=1800)], "hotich/")[0])


def test_a_heading_naming_the_father_with_words_the_vocabulary_lacks_opens_his_block():
    flat = birth("Tóm tắt về phía cha", [(100, "Họ tên"), (700, "Dân tộc")], [(100, "Đỗ Văn Hùng"), (700, "Nùng")])
    assert flat.get("father.full_name") == "Đỗ Văn Hùng"
    assert flat.get("father.ethnicity") == "Nùng"
