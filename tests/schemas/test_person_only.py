"""A label that names only a person, in words the vocabulary lacks (schemas/person_only.py): the value's kind says
which of that person's fields it is, never confidently; a name stays the name; a kind the person has two fields
of is listed, not guessed. Labels, names and places here are made up."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.person_only import is_full_date, reads_as_name, value_decides

CHILD = ["GIẤY KHAI SINH", "Họ và tên: Trần Văn An", "Ngày sinh: 05/03/1990", "Dân tộc: Kinh", "Quốc tịch: Việt Nam",
         "Họ và tên mẹ: Lê Thị Hoa"]


def read(rows):
    return extract_records([page(rows)], "hotich/")[0]


def test_a_full_date_is_one_and_nothing_more():
    assert is_full_date("12/04/1965")
    assert is_full_date("ngày 12 tháng 4 năm 1965")
    assert not is_full_date("1965")
    assert not is_full_date("4/1965")
    assert not is_full_date("Đã sửa ngày 12/04/1965")


def test_a_name_is_never_decided_by_a_place_it_shares_words_with():
    assert reads_as_name("Phan Văn Khê")
    assert not reads_as_name("xóm Gạo, xã Yên Lạc")
    assert value_decides("xóm Gạo, xã Yên Lạc, huyện Kim Bảng")
    assert not value_decides("Phan Văn Khê")


def test_a_full_date_under_a_label_naming_only_the_mother_is_her_date_held_for_review():
    record = read(CHILD + ["Qưx vyz của mẹ: 12/04/1965"])
    fields = flatten_fields(record)
    assert fields.get("mother.full_name") == "Lê Thị Hoa"
    assert fields.get("mother.birth_year") == "1965-04-12"
    assert "mother.birth_year" in record["doubtful"]


def test_a_date_in_words_never_becomes_the_mothers_name():
    record = read(CHILD[:-1] + ["Qưx vyz của mẹ: ngày 12 tháng 4 năm 1965"])
    fields = flatten_fields(record)
    assert fields.get("mother.birth_year") == "1965-04-12"
    assert not fields.get("mother.full_name")


def test_a_place_under_such_a_label_is_her_one_place_held_for_review():
    record = read(CHILD + ["Qưx vyz của mẹ: xóm Gạo, xã Yên Lạc, huyện Kim Bảng"])
    fields = flatten_fields(record)
    assert fields.get("mother.residence", "").startswith("xóm Gạo")
    assert "mother.residence" in record["doubtful"]


def test_a_date_of_a_person_with_two_dates_is_not_chosen_by_the_label():
    # the deceased has a date of birth and a date of death: the value's kind cannot say which; the pair is left to
    # the record-wide decoding, which never places it confidently
    rows = ["GIẤY CHỨNG TỬ", "Họ, chữ đệm, tên: Trần Văn An", "Ngày, tháng, năm sinh: 05/03/1930",
            "Qưx vyz người đã mất: 12/04/1995"]
    record = read(rows)
    fields = flatten_fields(record)
    assert fields.get("full_name") == "Trần Văn An"
    assert fields.get("date_of_birth") == "1930-03-05"
    assert all(k in record["doubtful"] for k, v in fields.items() if v == "1995-04-12")
