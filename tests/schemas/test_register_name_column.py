"""A register names each object: a column title that holds the name's wording beside another text field's is
the name's column (schemas/table_columns.py)."""

import pytest
from synth import page

from schemas.extract import extract_records, flatten_fields

ROWS = [("BTQN.2231", "Bình gốm men", "Đồng", "Cao 22 cm", "Thế kỷ 19"),
        ("BTQN.2232", "Đĩa sứ trắng", "Gốm", "ĐK 16 cm", "Năm 1911"),
        ("BTQN.2233", "Tượng đá", "Gỗ", "Dài 40 cm", "Thế kỷ 20")]
BODY = [[(60, str(i + 1)), (160, a), (420, b), (800, c), (1000, d), (1450, e)] for i, (a, b, c, d, e) in enumerate(ROWS)]


def records(title: str) -> list[dict]:
    head = [(60, "STT"), (160, "Số đăng ký"), (420, title), (800, "Chất liệu"), (1000, "Kích thước"),
            (1450, "Niên đại")]
    return extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", head, *BODY])], "baotang/")


def read(title: str) -> list[dict]:
    return [flatten_fields(r) for r in records(title)]


@pytest.mark.parametrize("title", ["Tên, phân loại hiện vật", "Tên và đặc điểm", "Tên gọi hiện vật"])
def test_a_title_holding_the_names_wording_and_another_fields_is_the_names(title):
    assert [r.get("name") for r in read(title)] == [r[1] for r in ROWS]


def test_a_title_of_another_field_alone_stays_that_fields():
    # no wording of the name in the title: the column is what its title says
    assert [r.get("name") for r in read("Loại hiện vật")] == [None, None, None]


def test_the_other_fields_wording_lists_each_cell_for_review():
    # the cells may hold the class after the name: never dropped unseen, each listed under the other wording
    recs = records("Tên, phân loại hiện vật")
    assert [[(u["label"], u["value"]) for u in r["unmapped"]] for r in recs] == [
        [("Phân loại", r[1])] for r in ROWS]
