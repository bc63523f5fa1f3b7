"""A value that says alone what it is (an ethnic group, a country, a sex), written after a label with no colon, is
the label's value even when its word is also a label syllable ("Kinh" folds like "kính" of a diameter, "Mnông" is
one letter off "mồng" of a date): the label ends where the value's capital starts (matching._self_naming_end)."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def fields(rows):
    return flatten_fields(extract_records([page(["GIẤY CHỨNG NHẬN KẾT HÔN"] + rows)], collection="hotich/")[0])


def test_an_ethnic_group_that_is_also_a_label_syllable_is_the_value_of_a_label_read_by_meaning():
    v = fields(["Phần khai về bên vợ", "Họ và tên: Lê Thị Hoa", "Thuộc sắc tộc Kinh", "Quốc tịch: Việt Nam",
                "Phần khai về bên chồng", "Họ và tên: Đỗ Văn Sơn", "Thuộc tộc Mnông", "Quốc tịch: Việt Nam"])
    assert v["wife.ethnicity"] == "Kinh" and v["husband.ethnicity"] == "Mnông"
    assert v["wife.nationality"] == "Việt Nam" and v["husband.nationality"] == "Việt Nam"


def test_the_value_ends_at_a_gap_in_a_row_of_two_columns():
    v = fields([[(100, "Phần khai về bên vợ"), (900, "Phần khai về bên chồng")],
                [(100, "Họ và tên: Lê Thị Hoa"), (900, "Họ và tên: Đỗ Văn Sơn")],
                [(100, "THUỘC SẮC TỘC Kinh"), (900, "THUỘC SẮC TỘC Mnông")]])
    assert v["wife.ethnicity"] == "Kinh" and v["husband.ethnicity"] == "Mnông"


def test_words_in_capitals_after_the_label_are_no_such_value_unless_they_say_what_they_are():
    v = fields(["Phần khai về bên vợ", "Họ và tên: Lê Thị Hoa", "Thuộc sắc tộc Kinh Bắc"])
    assert v.get("wife.ethnicity") != "Kinh"  # "Kinh Bắc" is no ethnic group: no value cut out of it
