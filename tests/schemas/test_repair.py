"""Value repair after OCR (schemas/repair.py): gazetteer units, name syllables, document numbers."""

import pytest

from schemas.repair import nearest_name_syllable, repair_document_code, repair_place_units


@pytest.mark.parametrize("raw,want,sure", [
    # a commune one edit from exactly one commune of the district named after it
    ("xã Tân Chỉ, huyện Tiên Du, tỉnh Bắc Ninh", "xã Tân Chi, huyện Tiên Du, tỉnh Bắc Ninh", True),
    ("xã Lạc Vê, huyện Tiên Du, tỉnh Bắc Ninh", "xã Lạc Vệ, huyện Tiên Du, tỉnh Bắc Ninh", True),
    # a district among its province's districts; "Sơm" is a valid syllable: repaired, but not sure
    ("xã Đình Bảng, huyện Từ Sơm, tỉnh Bắc Ninh", "xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh", False),
    ("thôn Hạ 2, huyện Gia Bình, tỉnh Bắc Nính", "thôn Hạ 2, huyện Gia Bình, tỉnh Bắc Ninh", True),
    # a known district names its province when none is written; the level word may sit inside the text
    ("Ủy ban nhân dân xã Tân Chỉ, huyện Tiên Du", "Ủy ban nhân dân xã Tân Chi, huyện Tiên Du", True),
])
def test_place_unit_one_edit_from_one_unit_of_its_district_is_read_as_it(raw, want, sure):
    got = repair_place_units(raw)
    assert got.value == want and got.changes and got.sure is sure


@pytest.mark.parametrize("raw", [
    "xã Tân Chỉ, huyện Yên Phong, tỉnh Bắc Ninh",  # Yên Phong has no commune one edit away
    "xã Tân Chỉ",  # no district or province: the whole country is no scope
    "xã Tân Hồng, huyện Lạng Giang, tỉnh Bắc Giang",  # a real commune's name (elsewhere) is read right
    "xã Vân Tương, huyện Tân Yên, tỉnh Bắc Ninh",  # a district the province lacks: no commune list to use
    "huyện Gia Bình, tỉnh Hà Bắc",  # a province of before 1997 is known, never read as another
    "Bệnh viện đa khoa tỉnh Bắc Giang",
    "xã Vân Tương",
])
def test_place_left_as_read_without_a_unit_to_look_in(raw):
    got = repair_place_units(raw)
    assert got.value == raw and not got.changes


def test_name_syllable_nearest_in_marks_only_when_strictly_nearest():
    assert nearest_name_syllable("Đúc", ["dục", "đức"])[0] == "đức"  # a horn, against the bar and the tone
    assert nearest_name_syllable("Chỉ", ["chi", "chí"]) == (None, False)  # one tone away from both
    assert nearest_name_syllable("Thánh", ["thanh", "thành", "thạnh"]) == (None, False)
    assert nearest_name_syllable("Hô", ["hồ"]) == ("hồ", True)


@pytest.mark.parametrize("raw,want", [
    ("536/0Đ", "536/QĐ"), ("12/QĐ-U8", "12/QĐ-UB"), ("§4", "84"),
])
def test_document_number_look_alikes_read_by_shape(raw, want):
    got = repair_document_code(raw)
    assert got.value == want and got.changes and not got.sure


@pytest.mark.parametrize("raw", ["457/GBT-UB", "18/QĐ", "BTBN 1234/KL 56", "GV/4136", "KL.8399", "GC75563", "2/4"])
def test_document_number_already_in_shape_is_left_alone(raw):
    got = repair_document_code(raw)
    assert got.value == raw and not got.changes


def test_number_field_keeps_ocr_text_and_goes_to_review():
    from schemas.normalize import norm_number
    n = norm_number("536/0Đ")
    assert n.value == "536/QĐ" and n.quality <= 0.5 and any("0Đ -> QĐ" in x for x in n.notes)


def test_extracted_place_is_repaired_with_its_ocr_text_and_a_note_kept():
    from synth import page

    from schemas.extract import extract_records, flatten_fields
    rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Lê Văn An",
                                 "Nơi sinh: xã Tân Chỉ, huyện Tiên Du, tỉnh Bắc Ninh"])], "hotich/")[0]
    got = rec["fields"]["place_of_birth"]
    assert got["value"] == "xã Tân Chi, huyện Tiên Du, tỉnh Bắc Ninh"
    assert got["raw"] == "xã Tân Chỉ, huyện Tiên Du, tỉnh Bắc Ninh"
    assert any("Tân Chỉ -> Tân Chi" in n for n in got["notes"])
    # sure (one candidate, none within two edits, a rare syllable read): its confidence is not lowered
    assert flatten_fields(rec, "confidence")["place_of_birth"] > 0.9


def test_level_word_capitalised_against_the_values_own_usage_is_lowered():
    from schemas.repair import level_word_case
    got = level_word_case("thôn Đoài 3, xã Phật Tích, Huyện Thuận Thành, tỉnh Bắc Giang")
    assert got.value == "thôn Đoài 3, xã Phật Tích, huyện Thuận Thành, tỉnh Bắc Giang" and got.changes
    for raw in ("Xã Phật Tích, Huyện Thuận Thành, Tỉnh Bắc Giang", "Huyện Thuận Thành, tỉnh Bắc Giang"):
        assert level_word_case(raw).value == raw  # written in capitals throughout, or the first part


def test_capital_inside_a_word_is_dropped_when_the_rest_is_a_known_word():
    from schemas.repair import inner_capital
    assert inner_capital("SứCt", frozenset({"sứt"})) == "Sứt"
    assert inner_capital("SứCt", frozenset()) is None  # no known word without it
    assert inner_capital("McDonald", frozenset({"mcdonald"})) is None  # two capitals inside: a name as written


@pytest.mark.parametrize("raw,want", [
    ("xã Cảnh Hưng, huyện Tân.Yên, tỉnh Bắc Giang", "xã Cảnh Hưng, huyện Tân Yên, tỉnh Bắc Giang"),
    ("Kho 3, giá 12, ngăn. 2", "Kho 3, giá 12, ngăn 2"),
])
def test_dots_inside_parts_are_specks(raw, want):
    from schemas.repair import dots_in_parts
    got = dots_in_parts(raw)
    assert got.value == want and got.changes


@pytest.mark.parametrize("raw", ["TP.Hồ Chí Minh", "P.Hàng Bạc", "Kho 1. Giá 3", "Đã chết. 2 người khai"])
def test_dots_of_abbreviations_and_sentences_are_kept(raw):
    from schemas.repair import dots_in_parts
    assert dots_in_parts(raw).value == raw


def test_long_phrase_with_a_word_no_syllable_is_restored_and_a_dash_in_a_number():
    from schemas.normalize import canonical_place, norm_number
    assert canonical_place("RghTa tráng liệt sĩ Trường Sơn")[0] == "Nghĩa trang liệt sĩ Trường Sơn"
    assert canonical_place("Nghĩa trang liệt sĩ Trường Sơn")[0] == "Nghĩa trang liệt sĩ Trường Sơn"
    n = norm_number("2574/QĐ~ LĐTBXH")
    assert n.value == "2574/QĐ-LĐTBXH" and n.quality < 1 and n.notes


def test_one_person_named_twice_takes_the_reading_with_common_syllables():
    from schemas.repair import same_person_reading
    assert same_person_reading("Trần Thánh Quỳnh", "Trần Thanh Quỳnh") == "Trần Thanh Quỳnh"
    assert same_person_reading("Trần Thanh Quỳnh", "Trần Thánh Quỳnh") is None  # the better reading stays
    assert same_person_reading("Trần Thị Lan", "Trần Thị Lân") is None  # two common syllables: two people
    assert same_person_reading("Trần Thánh Quỳnh", "Trần Thanh Quỳnh Tước") is None


def test_mother_who_declared_the_birth_gets_the_declarants_reading():
    from synth import page

    from schemas.extract import extract_records
    rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Lê Văn An", "Họ và tên mẹ: Trần Thánh Quỳnh",
                                 "Họ và tên người đi khai sinh: Trần Thanh Quỳnh"])], "hotich/")[0]
    mother = rec["fields"]["mother"]["full_name"]
    assert mother["value"] == "Trần Thanh Quỳnh" and mother["raw"] == "Trần Thánh Quỳnh"
    assert any("declarant.full_name" in n for n in mother["notes"])


def test_a_short_stray_token_after_a_closed_vocabulary_value_is_dropped():
    from schemas.repair import stray_tail
    words = frozenset({"song", "mây", "ống", "điếu", "đồng", "y", "tre"})
    assert stray_tail("Song mây Si", words) == "Song mây"
    assert stray_tail("Ống điếu Xo", words) == "Ống điếu"
    assert stray_tail("Song mây Y", words) is None  # a word of the vocabulary itself stays
    assert stray_tail("Song mây Đồng", words) is None  # a word of its own
    assert stray_tail("Song mây Nam", words) is None  # three letters: a word, not a speck
    assert stray_tail("Gốm Si", words) is None  # the words before it are not the vocabulary's: no evidence
    assert stray_tail("Ống mẹ", words | {"mẹ"}) is None and stray_tail("Song mây xo", words) is None  # lower case: a word
    assert stray_tail("Si", words) is None


@pytest.mark.parametrize("raw, want", [
    ("xã Đại Đồng, huyện Lạng Giang; tính Bắc Ninh", "xã Đại Đồng, huyện Lạng Giang; tỉnh Bắc Ninh"),
    ("xã Tam Sơn, huyên Từ Sơn, tỉnh Bắc Ninh", "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"),
    ("thi trấn Sen Thủy, huyện Minh Hóa", "thị trấn Sen Thủy, huyện Minh Hóa"),
    ("xém 10, xã An Thạnh, huyện Mỏ Cày Nam", "xóm 10, xã An Thạnh, huyện Mỏ Cày Nam"),
    # a unit's name whose first word lost its capital, the whole a unit of the gazetteer
    ("xã xuân Lập, huyện Thọ Xuân, tỉnh Thanh Hóa", "xã Xuân Lập, huyện Thọ Xuân, tỉnh Thanh Hóa"),
    # a military unit's second word bent before its number: the nearest in letters and marks
    ("Đại đội 9, Tiểu đoàn 6, Trung đơn 95", "Đại đội 9, Tiểu đoàn 6, Trung đoàn 95"),
    ("Đại đôi 9, Tiểu đoàn 6", "Đại đội 9, Tiểu đoàn 6"),
])
def test_level_word_bent_by_ocr_is_read_by_what_follows_it(raw, want):
    from schemas.repair import bent_level_words
    got = bent_level_words(raw)
    assert got.value == want and got.changes and not got.sure


@pytest.mark.parametrize("raw", [
    "xa Tam Son, huyen Tu Son",  # typed without marks: says nothing about marks
    "Suy tim, xa nhà",  # no name after it: no level word
    "xã Tam Sơn, tỉnh Bắc Giang",  # as written
    "Nhà riêng, tại xóm 3",  # not at a part's start
    "xã đảo Thạnh An, huyện Cần Giờ",  # a lower-case word that makes no unit of the gazetteer with the rest
    "thôn tám Đoài, xã Tam Sơn",
    "Đại đội 11, Tiểu đoàn 14, Trung đoàn 238",  # as written
    "Trung đơn vị 5",  # no unit's number after the two words
])
def test_level_words_left_as_read(raw):
    from schemas.repair import bent_level_words
    assert bent_level_words(raw).value == raw


def test_bent_numbered_level_only_one_letter_off_before_a_number():
    from schemas.repair import bent_numbered_level
    assert bent_numbered_level("xém", "10,") and bent_numbered_level("thân", "9,")
    assert not bent_numbered_level("đời", "12,")  # the same letters with other marks: another word
    assert not bent_numbered_level("xóm", "10,")  # a level word as written needs no repair
    assert not bent_numbered_level("xém", "Tam")  # no unit's number after it
    assert not bent_numbered_level("xém", "12/03/1965")


def test_faint_level_word_opening_a_place_is_kept_and_a_bent_one_read_with_a_note():
    from synth import page

    from schemas.extract import extract_records, flatten_fields
    rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Lê Văn An",
                                 "Nơi sinh: _xã@0.04 Tam Sơn, huyện Từ Sơn; tính Bắc Ninh"])], "hotich/")[0]
    got = rec["fields"]["place_of_birth"]
    assert got["value"] == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"
    assert any("tính -> tỉnh" in n for n in got["notes"])
    assert flatten_fields(rec, "confidence")["place_of_birth"] < 0.9  # a faint word and a repair: not confident
    # a faint short word before no name is still a speck
    rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Lê Văn An",
                                 "Nơi sinh: xã@0.04 huyện Từ Sơn, tỉnh Bắc Ninh"])], "hotich/")[0]
    assert rec["fields"]["place_of_birth"]["value"] == "huyện Từ Sơn, tỉnh Bắc Ninh"


@pytest.mark.parametrize("raw, want", [
    ("xã Võ Cường, huyện Quế Võ, tỉnh Bắc Giang. tự S LẺ NHÀ", "xã Võ Cường, huyện Quế Võ, tỉnh Bắc Giang"),
    ("phường Phúc Xá, thành phố Hà Nội: xyz", "phường Phúc Xá, thành phố Hà Nội"),
])
def test_words_after_the_province_and_its_stop_are_no_part_of_the_address(raw, want):
    from schemas.repair import after_province
    got = after_province(raw)
    assert got.value == want and got.changes and not got.sure


@pytest.mark.parametrize("raw", [
    "xã Võ Cường, tỉnh Bắc Giang, Việt Nam",  # after a comma: the country
    "xã Tam Sơn, tỉnh Hà Bắc cũ",  # no stop after the name
    "tỉnh Hà Nam Ninh",  # a longer name runs on
    "tỉnh Bắc Giang. Nay là thành phố Bắc Giang",  # a level word: more of the address
    "xã Tam Sơn, tỉnh Hà Bắc.",
])
def test_an_address_ending_with_its_province_is_left_whole(raw):
    from schemas.repair import after_province
    assert after_province(raw).value == raw


def test_a_two_word_level_with_its_second_word_one_letter_off_is_that_level():
    from schemas.repair import bent_level_words
    got = bent_level_words("phường Quang Trung, thành phế Vinh, tỉnh Nghệ An")
    assert got.value == "phường Quang Trung, thành phố Vinh, tỉnh Nghệ An" and not got.sure
    # a word that opens no address's part is left alone, whatever it is one letter off
    assert bent_level_words("thành phần Kinh").value == "thành phần Kinh"
