"""A label read in a person's block whose own words name another person (issue 12, part BK): "Họ tên (viết hoa) của
người thay mặt gia đình" under the father's block asks the declarant's name, not the father's. The block says
whose a label is only when the label names nobody (reader._whole_label). Made-up names; the father is the
declarant, as on many birth certificates, so the one name is read twice."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def birth(*rows):
    return flatten_fields(extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Lê Văn Nam", "Ngày sinh: 04/07/1992",
                                                 *rows])], "khaisinh/")[0])


def test_a_label_naming_the_declarant_in_the_fathers_block_is_the_declarants():
    got = birth("Người cha", "Họ và tên: Lê Văn Hùng", "Năm sinh: 1960",
                "Họ tên (viết hoa) của người thay mặt gia đình Lê Văn Hùng",
                "Quan hệ với người được khai sinh: Cha")
    assert got["father.full_name"] == "Lê Văn Hùng"
    assert got["declarant.full_name"] == "Lê Văn Hùng"


def test_a_label_naming_nobody_in_the_fathers_block_is_still_the_fathers():
    got = birth("Người cha", "Họ và tên: Lê Văn Hùng", "Năm sinh: 1960", "Dân tộc: Kinh")
    assert got["father.full_name"] == "Lê Văn Hùng"
    assert "declarant.full_name" not in got
