"""Confidence rules that catch OCR misreads which still look like Vietnamese words."""

import unicodedata

import pytest
from synth import page

from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields
from schemas.normalize import rare_name_syllable, syllable_key
from schemas.vocab import NAME_SYLLABLES


def fields(rows, collection="hotich/"):
    recs = extract_records([page(rows)], collection)
    assert len(recs) == 1
    return flatten_fields(recs[0]), flatten_fields(recs[0], "confidence"), recs[0]


BIRTH_HEAD = ["GIẤY KHAI SINH", "Số: 125 Quyển số: 02/2010"]


def test_name_syllable_list_is_nfc_lower_case_and_broad():
    assert all(unicodedata.is_normalized("NFC", w) and w == w.lower() for w in NAME_SYLLABLES)
    assert {"đức", "hương", "chi", "thị", "văn", "hòa"} <= NAME_SYLLABLES
    assert len(NAME_SYLLABLES) > 500


@pytest.mark.parametrize("word,alternatives", [
    ("Đúc", ["dục", "dực", "đức"]),  # a misread of the marks of a common syllable
    ("Chỉ,", ["chi", "chí"]),  # punctuation at the edge is not part of the word
    ("Đức", []),  # common
    ("Hoà", []), ("Hòa", []),  # old and new tone placement are the same syllable
    ("Duc", []),  # typed without any marks: nothing to compare
    ("Xyz", []),  # no neighbour at all: a rare name is not a misread
])
def test_rare_name_syllable(word, alternatives):
    assert rare_name_syllable(word) == alternatives


def test_syllable_key_ignores_tone_placement():
    assert syllable_key("hoà") == syllable_key("Hòa") != syllable_key("hoa")


def test_name_with_a_misread_syllable_goes_to_review():
    v, c, rec = fields(BIRTH_HEAD + ["Họ, chữ đệm, tên: Nguyễn Văn Đúc", "Ngày, tháng, năm sinh: 15/03/1972"])
    # read as the name syllable whose marks are nearest (đức: a horn; dục: the bar and the tone), still for the
    # reviewer to confirm; the OCR text stays in raw
    assert v["full_name"] == "Nguyễn Văn Đức" and rec["fields"]["full_name"]["raw"].endswith("Đúc")
    assert c["full_name"] < REVIEW_THRESHOLD
    assert any("full_name" in r for r in rec["review_reasons"])
    v, c, _ = fields(BIRTH_HEAD + ["Họ, chữ đệm, tên: Nguyễn Văn Đức", "Ngày, tháng, năm sinh: 15/03/1972"])
    assert c["full_name"] > 0.9


def test_name_syllable_with_another_tone_is_kept_as_read_for_review():
    # "Hãi" has the letters of the common "hải" and another tone: no slip of OCR's on marks explains it (a tone
    # added on a speck, a mark lost, a hat for another), so the name stays as read, still held as rare
    v, c, rec = fields(BIRTH_HEAD + ["Họ, chữ đệm, tên: Nguyễn Hãi Nam", "Ngày, tháng, năm sinh: 15/03/1972"])
    assert v["full_name"] == "Nguyễn Hãi Nam"
    assert c["full_name"] < REVIEW_THRESHOLD


def test_place_name_with_a_misread_syllable_goes_to_review_level_words_do_not():
    # Yên Phong holds no commune one edit from "Tân Chỉ"; the country holds no unit so named, and "Tân Chi" (the
    # dot of the i read as a tone, repair.dot_tone_unit_names) is read, for the reviewer to confirm
    v, c, _ = fields(BIRTH_HEAD + ["Nơi sinh: xã Tân Chỉ, huyện Yên Phong, tỉnh Bắc Ninh"])
    assert c["place_of_birth"] < REVIEW_THRESHOLD and v["place_of_birth"].startswith("xã Tân Chi,")
    v, c, _ = fields(BIRTH_HEAD + ["Nơi sinh: xã Tân Hỏa, huyện Yên Phong, tỉnh Bắc Ninh"])
    assert c["place_of_birth"] < REVIEW_THRESHOLD and v["place_of_birth"].startswith("xã Tân Hỏa,")  # no i
    v, c, _ = fields(BIRTH_HEAD + ["Nơi sinh: Trạm y tế xã Tân Chi, huyện Tiên Du, tỉnh Bắc Ninh"])
    assert c["place_of_birth"] > 0.9  # "Trạm", "huyện", "Bắc Ninh" are not name syllables to check


@pytest.mark.parametrize("raw,want", [
    ("thôn Bắc 7, xã Phật Tích; huyện Tiên Du, tỉnh Hà Bắc", "thôn Bắc 7, xã Phật Tích, huyện Tiên Du, tỉnh Hà Bắc"),
    ("Đại đội 19. Trung đoàn 46", "Đại đội 19, Trung đoàn 46"),
    ("xã Song Hồ) huyện Việt Yên", "xã Song Hồ, huyện Việt Yên"),
    ("xã Nội Duệ. huyện Tiên Du", "xã Nội Duệ, huyện Tiên Du"),
    ("xã Lạc Vệ, huyện Từ Sơn, tỉnh Bắc: Giang", "xã Lạc Vệ, huyện Từ Sơn, tỉnh Bắc Giang"),
    ("ý xã Tam Sơn, huyện Yên Phong", "xã Tam Sơn, huyện Yên Phong"),
])
def test_repair_separators(raw, want):
    from schemas.normalize import repair_separators
    got, changes = repair_separators(raw)
    assert got == want and changes


@pytest.mark.parametrize("raw", [
    "Kho 1. Giá 3",  # a dot before a word that starts no part is left alone
    "năm 1975. Hiện vật được sưu tầm",
    "Trạm y tế xã Tân Chi, huyện Tiên Du",
    "Văn hóa Đông Sơn: trống đồng",
])
def test_repair_separators_leaves_other_punctuation(raw):
    from schemas.normalize import repair_separators
    assert repair_separators(raw) == (raw, [])


def test_lone_letter_kept_outside_places():
    from schemas.normalize import repair_separators
    assert repair_separators("ý xã Tam Sơn", place=False)[0] == "ý xã Tam Sơn"


@pytest.mark.parametrize("raw,level", [
    ("xã huyện Hiệp Hòa", "xã"), ("xã, huyện Hiệp Hòa", "xã"), ("thôn Đông, xã huyện Yên Phong", "xã"),
    ("xã Tân Chi, huyện Hiệp Hòa", None), ("thị xã Từ Sơn", None),
])
def test_missing_place_name(raw, level):
    from schemas.normalize import missing_place_name
    assert missing_place_name(raw) == level


def test_place_with_a_lost_name_goes_to_review_repaired_comma_does_not():
    v, c, rec = fields(BIRTH_HEAD + ["Nơi sinh: xã huyện Hiệp Hòa, tỉnh Bắc Giang"])
    assert c["place_of_birth"] < REVIEW_THRESHOLD
    # (on a record with its required fields: one missing makes every field's wording unfamiliar)
    v, c, rec = fields(BIRTH_HEAD + ["Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001",
                                     "Nơi sinh: xã Phật Tích; huyện Tiên Du, tỉnh Bắc Ninh"])
    assert v["place_of_birth"] == "xã Phật Tích, huyện Tiên Du, tỉnh Bắc Ninh"
    assert "place_of_birth" not in " ".join(rec["review_reasons"])  # a repaired comma alone holds nothing
    raw = extract_records([page(BIRTH_HEAD + ["Nơi sinh: xã Phật Tích; huyện Tiên Du, tỉnh Bắc Ninh"])], "hotich/",
                          calibrated=False)[0]
    assert flatten_fields(raw, "confidence")["place_of_birth"] < 0.95  # but its score went down
    assert any("punctuation" in n for n in rec["fields"]["place_of_birth"]["notes"])


def test_modifier_letter_speck_before_a_value_is_dropped():
    v, _, _ = fields(["GIẤY KHAI SINH", "Số: ˆ 125", "Quyển số: 02/2010"])
    assert v["registration.number"] == "125"


REGISTER = [
    "SỔ ĐĂNG KÝ KHAI SINH",
    "Số: 12 Họ và tên: Đào Văn An",
    "Giới tính: Nam",
    "Dân tộc: Kinh",
    "Nơi sinh: xã Phù Chẩn, huyện Từ Sơn",
    "Số: 13 Họ và tên: Đào Thị Bình",
    "Giới tính: Nữ",
]


def test_register_row_whose_label_was_lost_is_read_by_its_place_in_the_entry():
    recs = extract_records([page(REGISTER + ["Sán Dìu", "xã Đồng Nguyên, huyện Yên Dũng"])], "hotich/")
    assert len(recs) == 2
    v, c, n = flatten_fields(recs[1]), flatten_fields(recs[1], "confidence"), flatten_fields(recs[1], "notes")
    assert v["ethnicity"] == "Sán Dìu" and v["place_of_birth"] == "xã Đồng Nguyên, huyện Yên Dũng"
    assert "label not read" in n["ethnicity"][-1]
    # labelled values are surer: a lower score, and a calibration group of its own (read from its place)
    raw = extract_records([page(REGISTER + ["Sán Dìu", "xã Đồng Nguyên, huyện Yên Dũng"])], "hotich/", calibrated=False)
    assert flatten_fields(raw[1], "confidence")["ethnicity"] < flatten_fields(raw[0], "confidence")["ethnicity"]
    assert flatten_fields(raw[1], "group")["ethnicity"].split(":")[2] == "position"
    assert c["ethnicity"] < REVIEW_THRESHOLD


def test_unlabelled_row_that_does_not_parse_as_the_field_in_its_place_is_ignored():
    recs = extract_records([page(REGISTER + ["Nguyễn Văn Xyz"])], "hotich/")
    assert "ethnicity" not in flatten_fields(recs[1])  # not one of the 54: not taken for the ethnicity
    # the first entry has no entry above to learn the order from
    recs = extract_records([page(REGISTER[:3] + ["Kinh"])], "hotich/")
    assert "ethnicity" not in flatten_fields(recs[0])


@pytest.mark.parametrize("raw,want", [
    ("Đột quy", "Đột quỵ"),  # a known cause with its marks misread
    ("do đột quy", "do đột quỵ"),  # inside a sentence, lower case kept
    ("Tai biến mạch máu nào", "Tai biến mạch máu não"),
    ("Đột quỵ", "Đột quỵ"),
    ("Thị xã Từ Sơn", "Thị xã Từ Sơn"),  # a capital letter alone is nothing to restore
])
def test_causes_of_death_restored(raw, want):
    from schemas.normalize import canonical_place
    assert canonical_place(raw)[0] == want


def test_one_doubtful_word_caps_the_confidence_of_a_long_value():
    clean = "Miệng loe, cổ cao, thân phình, đáy bằng, men trắng vẽ lam hoa cúc dây quanh thân"
    doubtful = clean.replace("men", "Biên@0.4")
    rows = ["PHIẾU HIỆN VẬT", "Số đăng ký: GV.4272", "Tên hiện vật: Bình gốm"]
    _, c_clean, _ = fields(rows + ["Mô tả: " + clean], "baotang/")
    _, c_doubt, _ = fields(rows + ["Mô tả: " + doubtful], "baotang/")
    assert c_clean["description"] > 0.9
    assert c_doubt["description"] < REVIEW_THRESHOLD  # 16 clean words do not outvote one at 0.4


@pytest.mark.parametrize("word,ok", [
    ("nhất", True), ("Bắc", True), ("Phật", True), ("Thạch", True), ("Nguyệt", True),
    ("nhât", False), ("Băc", False), ("Bàc", False), ("Thảch", False), ("Đuỗt", False),  # c/ch/p/t: sắc or nặng only
    ("Bac", True), ("nhat", True),  # typed without marks
])
def test_closed_syllables_take_only_the_sac_or_nang_tone(word, ok):
    from schemas.normalize import plausible_word
    assert plausible_word(word) is ok


def test_rank_read_with_a_wrong_mark_is_restored_not_guessed():
    from schemas.normalize import canonical_place, repair_word
    assert canonical_place("Binh nhât")[0] == "Binh nhất"
    assert repair_word("nhât") == "nhất"  # not "nhân", one letter away
