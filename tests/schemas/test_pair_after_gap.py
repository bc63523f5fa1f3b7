"""A value stops at a column's blank followed by a pair of its own whose label no list holds ("Tiểu đội phó
     Xxx yyy: Đại đội 8, …"); the pair is listed for the record-wide decoding, never kept in the value (issue 12,
part AT; schemas/fields.py, pair_after_gap)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.fields import pair_after_gap
from schemas.layout import build_rows

UNIT = "Đại đội 8, Tiểu đoàn 13"


def _toks(parts):
    return build_rows(page([parts], width=1800))[0].toks


def test_a_pair_after_a_columns_blank_is_no_part_of_the_value():
    value, rest = pair_after_gap(_toks([(100, "Tiểu đội phó"), (900, f"Qwe rty: {UNIT}")]))
    assert [t.text for t in value] == ["Tiểu", "đội", "phó"]
    assert [t.text for t in rest][:2] == ["Qwe", "rty:"]
    # words close together, or no colon and value after the blank: the value is whole
    assert pair_after_gap(_toks([(100, f"Tiểu đội phó Qwe rty: {UNIT}")]))[1] == []
    assert pair_after_gap(_toks([(100, "Tiểu đội phó"), (900, "Qwe rty")]))[1] == []


def test_the_next_columns_pair_is_placed_by_the_decoding():
    for other in ("Qwe rty:", "Zxc:"):
        rows = ["GIẤY BÁO TỬ", [(100, "Họ và tên: Trần Văn Sáu")],
                [(100, "Chức vụ: Tiểu đội phó"), (900, f"{other} {UNIT}")],
                [(100, "Ngày hy sinh: 12/03/1968")]]
        got = flatten_fields(extract_records([page(rows, width=1800)], "nguoicocong/")[0])
        assert got["position"] == "Tiểu đội phó", other
