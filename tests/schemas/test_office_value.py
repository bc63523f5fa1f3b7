"""The registration office (issue 12, part O): a value that names no office is never the office's."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.value_evidence import misplaced_office


def record(rows):
    return extract_records([page(rows)], "hotich/")[0]


def test_a_value_naming_no_office_is_not_the_office():
    assert misplaced_office("office", "Hoàng Thị Mai")
    assert misplaced_office("office", "Tày")
    assert misplaced_office("office", "02/03/1990")
    assert not misplaced_office("office", "UBND thị trấn Phố Lu, huyện Bảo Thắng, tỉnh Lào Cai")
    assert not misplaced_office("office", "xã Phong Niên, huyện Bảo Thắng, tỉnh Lào Cai")
    assert not misplaced_office("place", "Hoàng Thị Mai")  # only an office's value must name an office


def test_the_office_read_after_a_value_that_names_none_is_kept():
    # a value of another field read first under an office's label must not keep the office's own pair out
    rows = ["GIẤY KHAI SINH", [(100, "Họ và tên"), (700, "Hoàng Thị Mai")],
            [(100, "Ngày sinh"), (700, "02/03/1990")],
            [(100, "Nơi đăng ký"), (700, "Hoàng Văn Tùng")],
            [(100, "Cơ quan đăng ký"), (700, "UBND thị trấn Phố Lu, huyện Bảo Thắng, tỉnh Lào Cai")]]
    rec = record(rows)
    got = flatten_fields(rec)
    assert got.get("registration.office") == "UBND thị trấn Phố Lu, huyện Bảo Thắng, tỉnh Lào Cai"
    assert "Hoàng Văn Tùng" in [u["value"] for u in rec.get("unmapped") or []] or "Hoàng Văn Tùng" in got.values()
