"""One value under two labels joined by a comma (issue 12, part AY): "Cấp bậc, chức vụ: Thiếu úy, C phó" gives
the rank and the post each its part, told apart by their looks (schemas/joint_text.py, reader._joint_first)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.joint_text import joining_word, second_label, split_joint, whole_owner
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


# --- two labels joined by a joining word (issue 12, part BE) ---------------------------------------------------

MUSEUM = load_schemas()["museum_object"]
CARD = ["PHIẾU HIỆN VẬT", "Số hiệu: KK-0417", "Tên hiện vật: Lư hương"]


def dossier(line: str) -> dict:
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Phan Đình Khải", line] + TAIL
    return extract_records([page(rows)], "lietsi/")[0]


def card(line: str) -> dict:
    return extract_records([page(CARD + [line, "Niên đại: thế kỷ XIX"])], "baotang/")[0]


def test_joining_words_are_a_closed_set():
    row = toks("Cấp bậc và chức vụ")
    assert joining_word(row[1:3]) == "và"
    assert joining_word(toks("Cấp bậc & chức")[1:3]) == "&"
    assert joining_word(toks("bậc, chức")[:1]) == ","
    assert joining_word(toks("Cấp bậc của chức vụ")[1:3]) is None  # "của" joins nothing: one label's word
    assert joining_word(toks("bậc chức")[:1]) is None


def test_a_value_parted_by_the_labels_own_mark():
    got = split_joint(MARTYR.by_key["rank"], MARTYR.by_key["position"], toks("Đại úy / Đại đội trưởng"), "/")
    assert got is not None and (text_of(got[0]), text_of(got[1])) == ("Đại úy", "Đại đội trưởng")
    # a comma still parts first; a mark the label did not use parts nothing
    assert split_joint(MARTYR.by_key["rank"], MARTYR.by_key["position"], toks("Đại úy / Đại đội trưởng"), "và") is None


def test_a_value_the_looks_do_not_part_is_one_fields_whole():
    rank, position = MARTYR.by_key["rank"], MARTYR.by_key["position"]
    assert whole_owner(rank, position, toks("Thượng sĩ")) == 0
    assert whole_owner(position, rank, toks("Thượng sĩ")) == 1  # it has the rank's look
    assert whole_owner(rank, position, toks("Khẩu đội trưởng")) == 1  # the look of the post, not of a rank
    assert whole_owner(MARTYR.by_key["full_name"], rank, toks("Thượng sĩ")) is None  # a name's kind parts it


def test_a_dossier_reads_both_fields_of_a_label_joined_by_a_word_or_mark():
    for line in ("Cấp bậc và chức vụ: Trung úy, Trung đội trưởng", "Cấp bậc & chức vụ: Trung úy, Trung đội trưởng",
                 "Cấp bậc / chức vụ: Trung úy / Trung đội trưởng", "Chức vụ và cấp bậc: Trung đội trưởng, Trung úy"):
        got = flatten_fields(dossier(line))
        assert (got.get("rank"), got.get("position")) == ("Trung úy", "Trung đội trưởng"), line


def test_the_joining_word_is_no_value_and_one_part_goes_to_one_field():
    got = flatten_fields(dossier("Cấp bậc và chức vụ: Thượng sĩ"))
    assert got.get("rank") == "Thượng sĩ" and "position" not in got


def test_a_second_label_naming_no_field_keeps_its_words_out_of_the_first_value():
    for line in ("Chất liệu & kỹ thuật: Sắt, rèn tay", "Chất liệu và kỹ thuật: Sắt, rèn tay",
                 "Chất liệu / kỹ thuật: Sắt / rèn tay"):
        record = card(line)
        assert flatten_fields(record).get("material") == "Sắt", line
        assert [(u["label"], u["value"]) for u in record["unmapped"]] == [("kỹ thuật", "rèn tay")], line


def test_a_label_whose_parts_name_one_field_stays_one():
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Phan Đình Khải", "Ngày, tháng, năm sinh: 14/02/1947"] + TAIL[1:]
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert got.get("date_of_birth") == "1947-02-14"
    assert flatten_fields(dossier("Cấp bậc: Hạ sĩ"))["full_name"] == "Phan Đình Khải"  # "Họ và tên" is one label


def test_a_label_read_whole_over_two_fields_is_two_labels():
    row = toks("Họ và tên / Bí danh:")
    found = second_label(row, MARTYR.by_key["full_name"], MARTYR)
    assert found is not None and found[:2] == (3, 4) and found[2].specs == (MARTYR.by_key["alias"],)
    assert second_label(toks("Họ và tên:"), MARTYR.by_key["full_name"], MARTYR) is None
    assert second_label(toks("Ngày, tháng, năm sinh:"), MARTYR.by_key["date_of_birth"], MARTYR) is None


def test_a_name_and_its_alias_under_one_label():
    for line in ("Họ và tên / Bí danh: Phan Đình Khải / Tư Khải", "Họ tên, bí danh: Phan Đình Khải, Tư Khải"):
        rows = ["GIẤY BÁO TỬ", line, "Cấp bậc: Hạ sĩ"] + TAIL
        got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
        assert (got.get("full_name"), got.get("alias")) == ("Phan Đình Khải", "Tư Khải"), line


def test_two_persons_names_under_one_label_are_not_parted_as_one_persons_two():
    birth = load_schemas()["birth"]
    father = birth.by_key["father.full_name"]
    for label in ("Họ tên cha / mẹ:", "Họ và tên cha và mẹ:"):
        assert second_label(toks(label), father, birth) is None, label
