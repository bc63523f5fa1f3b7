"""One value under two labels joined by a comma (issue 12, part AY): "Cấp bậc, chức vụ: Thiếu úy, C phó" gives
the rank and the post each its part, told apart by their looks (schemas/joint_text.py, reader._joint_first)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.joint_text import split_joint
from schemas.layout import build_rows, text_of
from schemas.loader import load_schemas

MARTYR = load_schemas()["martyr"]
TAIL = ["Sinh năm: 1950", "Quê quán: xã Tân Lập, huyện Đồng Xuân, tỉnh Phú Yên", "Hy sinh ngày: 09/05/1971"]


def toks(text: str):
    return build_rows(page([[(100, text)]]))[0].toks


def split(first: str, second: str, value: str):
    got = split_joint(MARTYR.by_key[first], MARTYR.by_key[second], toks(value))
    return None if got is None else (text_of(got[0]).rstrip(","), text_of(got[1]))


def test_parts_go_to_the_field_they_look_like():
    assert split("rank", "position", "Thiếu úy, C phó") == ("Thiếu úy", "C phó")
    assert split("position", "rank", "C phó, Thiếu úy") == ("C phó", "Thiếu úy")
    assert split("position", "unit", "C phó, Đại đội 6, Tiểu đoàn 4") == ("C phó", "Đại đội 6, Tiểu đoàn 4")
    assert split("unit", "position", "b1 c6 d4, Y tá") == ("b1 c6 d4", "Y tá")


def test_no_split_where_the_looks_do_not_settle_it():
    assert split("rank", "position", "C phó") is None  # one part: the value is the second label's
    assert split("rank", "position", "Y tá, C phó") is None  # no rank among the parts
    assert split("position", "unit", "Đại đội 6, Tiểu đoàn 4") is None  # every part a unit


def test_a_dossier_reads_both_fields_of_a_joined_label():
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Đoàn Văn Lực", "Cấp bậc, chức vụ: Thiếu úy, C phó",
            "Đơn vị: Đại đội 6, Tiểu đoàn 4"] + TAIL
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert (got["rank"], got["position"], got["unit"]) == ("Thiếu úy", "C phó", "Đại đội 6, Tiểu đoàn 4")
