"""How far a label reaches on its row (schemas/matching.py): its first words at the start of the row or column,
a note in brackets inside it, the longest reading of the words before a matched wording."""

from synth import page

from schemas.layout import build_rows
from schemas.loader import load_schemas
from schemas.matching import find_labels

SCHEMAS = load_schemas()


def labels(text, record_type):
    toks = build_rows(page([text]))[0].toks  # text: a line, or [(x, text), …] parts of one row
    return [(m.spec.key, " ".join(t.text for t in toks[m.start:m.end])) for m in find_labels(toks, SCHEMAS[record_type], None)]


def test_the_first_words_of_a_row_up_to_the_colon_are_the_label():
    # a wording matched at the end ("LIỆT SĨ:") with words before it that say where: all of them are the label
    assert labels("NƠI Ở HIỆN TẠI LIỆT SĨ: thị trấn Tân Xuân", "martyr") == [
        ("residence", "NƠI Ở HIỆN TẠI LIỆT SĨ:")]


def test_the_longest_reading_of_the_words_before_a_wording_wins():
    # "ra đời người được khai sinh" alone would be a date; with "Nơi" before it, the place of birth
    assert labels("Nơi ra đời người được khai sinh: xã Nga Điền", "birth") == [
        ("place_of_birth", "Nơi ra đời người được khai sinh:")]


def test_a_note_in_brackets_inside_a_label_is_the_labels():
    assert labels("Giới tính (nam, nữ) người con: Nam", "birth") == [("sex", "Giới tính (nam, nữ) người con:")]
    assert labels("NĂM SINH (DƯƠNG LỊCH) CHIẾN SĨ: 1951", "martyr")[0][0] == "date_of_birth"
    assert labels("NĂM SINH (DƯƠNG LỊCH) CHIẾN SĨ: 1951", "martyr")[0][1].endswith("CHIẾN SĨ:")


def test_a_short_label_with_a_list_in_brackets_starting_its_row_reads_whole():
    """A note listing the value's parts ("(phòng, tủ, ngăn)") after a short label at the row's start: the words in
    brackets are words like the label's own, so the label runs to the colon; the value that starts with one of the
    note's words ("Phòng trưng bày 3") keeps it."""
    assert labels("Vị trí (phòng, tủ, ngăn): Phòng trưng bày 3", "museum_object") == [
        ("storage_location", "Vị trí (phòng, tủ, ngăn):")]
    assert labels("Dân tộc (Kinh, Tày, Nùng): Tày", "birth") == [("ethnicity", "Dân tộc (Kinh, Tày, Nùng):")]


def test_a_value_after_a_label_with_no_colon_is_still_the_value():
    # the bracket rule is for notes: a sex written after its label with no colon stays the value
    assert labels("Giới tính Nam", "birth") == [("sex", "Giới tính")]


def test_a_label_names_its_head_before_trong():
    # "the order number in the book": a number, not the book; "Tập số" beside it is the book
    assert labels("Số thứ tự trong sổ: 263", "marriage") == [("registration.number", "Số thứ tự trong sổ:")]
    assert labels("Ngày đăng ký trong sổ: 05/03/1972", "birth")[0][0] == "registration.date"


def test_a_ruled_rows_label_after_its_cell_border_reads_whole():
    # a table's border read as "|" opens the row; the label ends at the gap before its value's cell
    assert labels([(100, "| Số thứ tự trong sổ"), (640, "| 75")], "death") == [
        ("registration.number", "Số thứ tự trong sổ")]


def test_a_leader_glued_to_a_labels_last_word_ends_it():
    assert labels("SỐ THỨ TỰ TRONG SỔ-- 62", "death") == [("registration.number", "SỐ THỨ TỰ TRONG SỔ--")]


def _grid(rows):
    from synth import page
    return page(["GIẤY CHỨNG NHẬN THƯƠNG BINH"] + [[(100, label), (900, value)] for label, value in rows])


def test_a_grid_label_runs_to_the_gap_before_its_value():
    # words in lower case after the wording matched, up to the wide gap before the value column, are the
    # label's even when no vocabulary knows them; the value is the column's, and the next row keeps its own
    from schemas.extract import extract_records, flatten_fields
    flat = flatten_fields(extract_records([_grid([
        ("Họ và tên", "Trần Văn Lực"),
        ("Quê quán abc xyz", "xã Đa Lộc, huyện Hoằng Hóa, tỉnh Thanh Hóa"),
        ("Nơi cư trú", "xã Nga Điền, huyện Thọ Xuân, tỉnh Thanh Hóa")])], collection="nguoicocong/")[0])
    assert flat["hometown"] == "xã Đa Lộc, huyện Hoằng Hóa, tỉnh Thanh Hóa"
    assert flat["residence"] == "xã Nga Điền, huyện Thọ Xuân, tỉnh Thanh Hóa"


def test_a_grid_rows_value_before_the_gap_stays_the_value():
    # a closed value after the wording ("Giới tính nữ"), or words before a gap that another label follows, are
    # values, not more of the label
    assert labels([(100, "Giới tính nữ"), (900, "Dân tộc Kinh")], "birth")[0] == ("sex", "Giới tính")
    assert labels([(100, "Quê quán abc xyz"), (900, "Dân tộc: Kinh")], "birth")[0] == ("hometown", "Quê quán")
    assert labels([(100, "Quê quán abc xyz"), (900, "xã Đa Lộc")], "birth")[0] == ("hometown", "Quê quán abc xyz")


def test_a_word_with_a_digit_is_no_part_of_a_wording_matched_loosely():
    # a percentage OCR read with a speck ("§1 %" for "81 %") right after a label close to a wording: the value's
    assert labels("Tỷ lệ thươn tật §1 %", "war_invalid") == [("injury_rate", "Tỷ lệ thươn tật")]


def test_words_that_read_as_another_phrase_are_no_loose_match_of_a_wording():
    # "bị thương tật" (the injury, as written) is one letter from the wording "Bị thương tại" (its place): read
    # for their meaning, the words say whose hometown is asked, and no place of injury
    assert labels("Quê quán người bị thương tật: xã Yên Lâm", "war_invalid") == [
        ("hometown", "Quê quán người bị thương tật:")]


def test_words_that_are_another_fields_wording_are_no_loose_match_of_a_wording():
    # "bằng chữ" is, word for word, the wording of the date restated in words; a label ending in it is no
    # misread "Ngày, tháng, năm đăng ký" (two words changed into two others), and the registration date is
    # not taken from the birth date's words
    assert labels("Ngày, tháng, năm (bằng chữ): ngày mồng ba tháng tư", "birth") == [
        ("_date_of_birth_words", "(bằng chữ):")]
    assert labels("NGAY THANG NAM BANG CHU: ngày mồng ba tháng tư", "birth") == [
        ("_date_of_birth_words", "BANG CHU:")]
