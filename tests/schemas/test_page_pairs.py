"""Pairs a register page prints once for all its entries (schemas/page_pairs.py)."""

from synth import page

from schemas.extract import extract_records, flatten_fields

ENTRIES = [
    "Số: 31 Họ và tên: Kiều Văn Lâm Ngày sinh: 11/03/1979 Giới tính: Nam",
    "Nơi sinh: xã Hợp Thịnh",
    "Số: 32 Họ và tên: Kiều Thị Mơ Ngày sinh: 20/05/1979 Giới tính: Nữ",
    "Nơi sinh: xã Đạo Tú",
    "Số: 33 Họ và tên: Hà Văn Nghĩa Ngày sinh: 02/09/1979 Giới tính: Nam",
    "Nơi sinh: xã Thanh Lãng",
]


def test_a_pair_naming_no_field_above_the_entries_is_the_pages_and_holds_no_entry():
    # words under the title that name no field of a birth (the register's month): every entry's, listed on each,
    # none held for it
    recs = extract_records([page(["SỔ ĐĂNG KÝ KHAI SINH", "Tháng 12/1979", *ENTRIES])], "hotich/")
    assert [flatten_fields(r)["full_name"] for r in recs] == ["Kiều Văn Lâm", "Kiều Thị Mơ", "Hà Văn Nghĩa"]
    assert all([u["label"] for u in r["unmapped"]] == ["Tháng"] for r in recs)
    assert not any(any(reason.startswith("label ") for reason in r["review_reasons"]) for r in recs)


def test_a_field_printed_once_above_the_entries_goes_to_every_entry():
    # the register's book, printed once under the title: each entry's book, not the first one's alone
    recs = extract_records([page(["SỔ ĐĂNG KÝ KHAI SINH", "Quyển số: 05", *ENTRIES])], "hotich/")
    assert [flatten_fields(r).get("registration.book") for r in recs] == ["05", "05", "05"]
    # an entry's own field is never the page's: the numbers stay each entry's
    assert [flatten_fields(r)["registration.number"] for r in recs] == ["31", "32", "33"]
