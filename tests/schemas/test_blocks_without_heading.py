"""A person's block whose heading OCR lost or whose words the vocabulary lacks (schemas/reader.py): the name asked
again after the open block has its name read starts the next block, and a country or an ethnic group read again
with the value the record already holds is another person's, not a duplicate."""

from synth import page

from schemas.extract import extract_records, flatten_fields

CHILD = ["GIẤY KHAI SINH", "Họ và tên: Trần Văn An", "Ngày sinh: 05/03/1990", "Dân tộc: Kinh", "Quốc tịch: Việt Nam"]


def read(rows):
    return flatten_fields(extract_records([page(rows)], "hotich/")[0])


def test_a_second_name_after_a_read_name_closes_the_block():
    # the mother's year is unreadable ("lEs"); the father's heading is lost ("Xvx qưừ"): his year is not hers
    fields = read(CHILD + ["Về người mẹ", "Họ và tên: Lê Thị Hoa", "Năm sinh: lEs", "Dân tộc: Tày",
                           "Xvx qưừ", "Họ và tên: Lò Văn Sơn", "Năm sinh: 1960", "Dân tộc: Nùng"])
    assert fields.get("mother.birth_year") is None
    assert fields["father.full_name"] == "Lò Văn Sơn"
    assert fields["father.birth_year"] == "1960"
    assert fields["mother.ethnicity"] == "Tày"


def test_a_country_and_a_group_shared_with_the_child_are_still_the_fathers():
    fields = read(CHILD + ["Về người mẹ", "Họ và tên: Lê Thị Hoa", "Năm sinh: 1965", "Dân tộc: Tày",
                           "Quốc tịch: Việt Nam", "Xvx qưừ", "Họ và tên: Lò Văn Sơn", "Năm sinh: 1960",
                           "Dân tộc: Kinh", "Quốc tịch: Việt Nam"])
    assert fields["father.ethnicity"] == "Kinh"
    assert fields["father.nationality"] == "Việt Nam"
    assert fields["mother.nationality"] == "Việt Nam"
    assert fields["ethnicity"] == "Kinh" and fields["nationality"] == "Việt Nam"
