"""A person's name read under a label that asks a date (issue 12, part BK): the name's own label was split and its
rest asks a birth ("Họ tên | sinh của vợ"), or the label names the date of a person the form asks the name of.
A name is no date: it is another pair's value, given to the record-wide decoding, never dropped
(schemas/value_look.of_another_kind). Made-up names and wordings."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.loader import load_schemas
from schemas.value_look import of_another_kind


def _spec(record_type, key):
    return next(f for f in load_schemas()[record_type].fields if f.key == key)


def test_a_persons_name_is_of_another_kind_than_a_date():
    spec = _spec("birth", "date_of_birth")
    assert of_another_kind(spec, "Phạm Thị Lan")
    assert of_another_kind(spec, "NGUYỄN VĂN AN")
    assert not of_another_kind(spec, "04/07/1992")
    assert not of_another_kind(spec, "ngày 4 tháng 7 năm 1992")
    assert not of_another_kind(spec, "Lan")  # one word: no name's look
    assert not of_another_kind(spec, "Tân Lập")  # no family name first


def test_a_name_under_a_split_label_goes_to_its_person():
    rows = ["GIẤY CHỨNG NHẬN KẾT HÔN", "Họ tên chồng: Trần Văn Hùng", "Ngày sinh chồng: 01/02/1990",
            "Họ tên | sinh của vợ: Phạm Thị Lan", "Ngày sinh vợ: 03/04/1992"]
    got = flatten_fields(extract_records([page(rows)], "kethon/")[0])
    assert got["wife.full_name"] == "Phạm Thị Lan"
    assert got["wife.date_of_birth"] == "1992-04-03"


def test_a_name_under_a_parents_date_label_is_not_dropped():
    rows = ["GIẤY KHAI SINH", "Họ và tên: Lê Văn Nam", "Ngày sinh: 04/07/1992", "Họ và tên cha: Trần Văn Hùng",
            "Ngày sinh của mẹ: Phạm Thị Lan", "Nơi sinh: xã Tân Lập, huyện Đồng Xuân, tỉnh Phú Yên"]
    rec = extract_records([page(rows)], "khaisinh/")[0]
    got = flatten_fields(rec)
    assert got.get("mother.full_name") == "Phạm Thị Lan" or any(
        u.get("value") == "Phạm Thị Lan" for u in rec["unmapped"])
    assert got.get("mother.birth_year") is None


def test_a_name_under_the_subjects_date_label_is_listed_never_the_subjects_name():
    rows = ["GIẤY KHAI SINH", "Họ và tên: Lê Văn Nam", "Ngày sinh: Phạm Văn Minh", "Giới tính: Nam"]
    rec = extract_records([page(rows)], "khaisinh/")[0]
    assert flatten_fields(rec)["full_name"] == "Lê Văn Nam"
    assert any(u.get("value") == "Phạm Văn Minh" for u in rec["unmapped"])
    rows = ["GIẤY KHAI SINH", "Ngày sinh: Phạm Văn Minh", "Giới tính: Nam", "Dân tộc: Kinh"]
    rec = extract_records([page(rows)], "khaisinh/")[0]
    assert flatten_fields(rec).get("full_name") is None  # a guess never says who the record is
    assert any(u.get("value") == "Phạm Văn Minh" for u in rec["unmapped"])
