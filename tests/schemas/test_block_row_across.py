"""A row under a two-column block whose value runs across the columns' start, spaced as a phrase is, is one value,
not a left and a right part (issue 12; schemas/layout.block_cut). Made-up wordings, names and places."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import block_cut, build_rows

OFFICE = "Ủy ban nhân dân xã Võ Cường, huyện Yên Dũng, tỉnh Bắc Giang"


def test_a_value_running_across_the_columns_start_is_not_cut():
    rows = build_rows(page([f"Xxx yyy zzz: {OFFICE}"], width=2000))
    assert block_cut(rows[0], 900) == float("inf")


def test_a_pair_at_the_columns_start_is_cut_there():
    rows = build_rows(page([[(100, "Dân tộc: Kinh"), (900, "Dân tộc: Kinh")]], width=2000))
    assert block_cut(rows[0], 900) == 900


def test_a_row_under_the_block_keeps_its_whole_value():
    rec = extract_records([page([
        "GIẤY CHỨNG NHẬN KẾT HÔN",
        [(100, "Bên chồng"), (900, "Bên vợ")],
        [(100, "Họ và tên: Vũ Thế Đạt"), (900, "Họ và tên: Lê Minh Hương")],
        [(100, "Dân tộc: Sán Dìu"), (900, "Dân tộc: Kinh")],
        f"Xxx yyy zzz: {OFFICE}",
        "Ngày đăng ký: 23/11/2005",
    ], width=2000)])[0]
    v = flatten_fields(rec)
    assert v["husband.ethnicity"] == "Sán Dìu" and v["wife.ethnicity"] == "Kinh"
    assert v.get("registration.office") == OFFICE or any(u.get("value") == OFFICE for u in rec["unmapped"])
