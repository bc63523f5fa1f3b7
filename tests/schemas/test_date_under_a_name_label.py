"""A date read under a label taken for a person's name (issue 12): the label was read as the wrong field, since
no person's name is written as a date. The pair is another field's, given to the record-wide decoding and listed,
never kept as an empty name (schemas/value_look.of_another_kind). Made-up wordings and values."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.loader import load_schemas
from schemas.value_look import of_another_kind


def _spec(record_type, key):
    return next(f for f in load_schemas()[record_type].fields if f.key == key)


def test_a_date_is_of_another_kind_than_a_persons_name():
    spec = _spec("museum_object", "donor")
    assert of_another_kind(spec, "12/03/1961")
    assert of_another_kind(spec, "ngày 4 tháng 7 năm 1992")
    assert not of_another_kind(spec, "Trần Văn Hùng")
    assert not of_another_kind(spec, "Ông Trần Văn Hùng")


def test_a_date_under_a_name_label_is_not_dropped():
    rows = ["PHIẾU HIỆN VẬT", "Số đăng ký: BT.KL.0042", "Tên hiện vật: Bình gốm hoa lam",
            "Người hiến tặng: 12/03/1961", "Chất liệu: Gốm"]
    rec = extract_records([page(rows, width=2000)], collection="baotang/")[0]
    got = flatten_fields(rec)
    assert got.get("donor") is None
    assert got.get("acquisition_date") == "1961-03-12" or any(
        "12/03/1961" in (u.get("value") or "") for u in rec["unmapped"])
