"""What a value's content says about whether it was read whole (schemas/value_evidence.py)."""

from schemas.confidence import Calibration, StepMap, group_levels, group_of
from schemas.value_evidence import AGREES, DISAGREES, UNVOUCHED, evidence, name_evidence, place_evidence


def test_a_place_whose_units_are_all_in_the_gazetteer_agrees():
    assert place_evidence("xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh") == AGREES
    assert place_evidence("thôn Đông 3, xã Tam Sơn, huyện Từ Sơn, tỉnh Hà Bắc") == AGREES  # an older province
    assert place_evidence("UBND phường Hàng Bông, quận Hoàn Kiếm, thành phố Hà Nội") == AGREES
    assert place_evidence("phường 3, quận 10, thành phố Hồ Chí Minh") == AGREES  # numbered units
    assert place_evidence("Xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh") == AGREES  # capitalised at the start
    # the gazetteer's "Kỳ Anh (huyện)" is the district Kỳ Anh
    assert place_evidence("xã Kỳ Phong, huyện Kỳ Anh, tỉnh Hà Tĩnh") == AGREES


def test_a_place_with_a_unit_no_level_has_disagrees():
    assert place_evidence("xã Tam Sơn, huyện Sơn Nam, tỉnh Bắc Ninh") == DISAGREES  # "Mỏ Cày Nam" lost a word
    assert place_evidence("xã Tam Sơn, huyện Từ Sơn, tỉnh Họ tên") == DISAGREES  # the next label read as its name
    assert place_evidence("xã Lương") == DISAGREES  # a commune of one word: the rest on the next line
    assert place_evidence("thị trấn Xuân") == DISAGREES


def test_a_place_that_is_not_whole_or_not_clean_is_not_vouched_for():
    assert place_evidence("xã Tam Sơn, tỉnh Bắc Ninh") == AGREES
    assert place_evidence("Ủy ban nhân dân xã Tam Sơn, huyện Từ Sơn") == AGREES  # an office: down to its district
    assert place_evidence("tỉnh Bắc Ninh") == UNVOUCHED  # one unit: too little to vouch for
    assert place_evidence("xã Tam Sơn") == UNVOUCHED  # cut before its district
    assert place_evidence("thôn Đông 3, xã Tam Sơn") == UNVOUCHED
    assert place_evidence("Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh") == UNVOUCHED  # its first level word lost
    assert place_evidence("xã Tam Sơn, huyện Từ Sơn; tính Bắc Ninh") == UNVOUCHED  # a misread level word and comma
    assert place_evidence("Thương binh Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh") == UNVOUCHED  # a label's words
    # a commune of several words the gazetteer does not know: merged or renamed since, not a misreading
    assert place_evidence("xã Hoàn Trạch, huyện Lệ Thủy, tỉnh Quảng Bình") == UNVOUCHED
    assert place_evidence("Quân khu 4, tỉnh Nghệ An") == UNVOUCHED  # the army's "Quân", no district
    # a place no unit names (a front, a cemetery): no list speaks for it either way
    assert place_evidence("Mặt trận Vị Xuyên") == "" and place_evidence("Nghĩa trang liệt sĩ Trường Sơn") == ""


def test_a_name_is_vouched_for_by_its_family_name_and_syllables():
    assert name_evidence("Nguyễn Văn Đức") == AGREES
    assert name_evidence("Hứa") == DISAGREES  # the given name lost
    assert name_evidence("Nguyễn Xyz Đức") == UNVOUCHED  # a syllable names do not use
    assert name_evidence("nguyen van duc") == ""  # typed without marks: nothing to compare
    assert name_evidence("Khương - Phước Toại") == UNVOUCHED


def test_evidence_by_kind():
    assert evidence("sex", "sex", "male", "Nam", 1.0) == AGREES  # a closed list read exactly
    assert evidence("sex", "sex", "male", "Narn", 0.5) == UNVOUCHED  # … not when the parse was repaired
    assert evidence("number", "registration.number", "27", "27", 1.0) == AGREES  # its exact shape
    assert evidence("number", "registration.number", "27", "27 a", 1.0) == UNVOUCHED
    assert evidence("text", "mother.nationality", "Việt Nam", "Việt Nam", 1.0) == AGREES
    assert evidence("text", "mother.nationality", "Việt N Nam", "Việt N Nam", 1.0) == UNVOUCHED
    assert evidence("text", "cause_of_death", "Đột quỵ", "Đột quỵ", 1.0) == ""  # no list speaks for it
    assert evidence("name", "alias", "Hứa", "Hứa", 1.0) == ""  # an alias may be one word
    assert evidence("date", "date_of_birth", "1970-01-02", "02/01/1970", 1.0) == ""


def test_the_value_evidence_is_the_most_specific_calibration_level():
    group = group_of("place", True, "meaning", "", "strange", "document", AGREES)
    assert group == "place:clean:meaning:-:strange:document:agrees"
    assert group_levels(group)[:2] == ["value:agrees:meaning:-:strange", "how:meaning:-:strange:document"]
    row = group_levels(group_of("text", True, "exact", "", "partly", "row", ""))
    assert row[:3] == ["value:-:exact:-:partly:row", "value:-:exact:-:partly", "how:exact:-:partly:row"]
    # a field whose value the lists vouch for gets the rate of such fields, not its reading's
    maps = {"value:agrees:meaning:-:strange": StepMap((0.0, 0.8), (0.5, 0.999), 100),
            "how:meaning:-:strange": StepMap((0.0, 0.8), (0.3, 0.9), 500)}
    cal = Calibration(maps, 0.99)
    assert cal.for_group(group_of("place", False, "meaning", "", "strange", "", AGREES), 0.85) >= 0.995
    assert cal.for_group(group_of("place", False, "meaning", "", "strange", "", ""), 0.85) < 0.995
    # a map of too few fields is passed over for the next level
    thin = Calibration({**maps, "value:agrees:meaning:-:strange": StepMap((0.0,), (0.999,), 10)}, 0.99)
    assert thin.for_group(group_of("place", False, "meaning", "", "strange", "", AGREES), 0.85) < 0.995


def test_a_value_the_lists_say_is_not_whole_is_lowered_noted_and_never_confident():
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from synth import page

    from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields

    def read(residence):
        rows = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY KHAI SINH", "Số: 125 Quyển số: 02/2010",
                "Họ, chữ đệm, tên: NGUYỄN THỊ HƯƠNG", "Ngày, tháng, năm sinh: 15/03/1972",
                "Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam",
                "Họ, chữ đệm, tên người mẹ: Trần Thị Lan", f"Nơi cư trú: {residence}"]
        rec = extract_records([page(rows)])[0]
        return (flatten_fields(rec).get("mother.residence"), flatten_fields(rec, "confidence").get("mother.residence"),
                flatten_fields(rec, "notes").get("mother.residence") or [])

    whole, whole_conf, whole_notes = read("xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh")
    cut, cut_conf, cut_notes = read("xã Tam Sơn, huyện Sơn Nam, tỉnh Bắc Ninh")
    assert whole == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh" and cut == "xã Tam Sơn, huyện Sơn Nam, tỉnh Bắc Ninh"
    assert not any("gazetteer" in n for n in whole_notes)
    assert any("gazetteer" in n for n in cut_notes) and not any("Sơn Nam" in n for n in cut_notes)  # no value
    assert cut_conf < REVIEW_THRESHOLD and cut_conf < whole_conf


def test_a_vouched_value_under_a_label_read_word_for_word_is_not_doubted_for_its_print():
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from synth import page

    from schemas.extract import extract_records, flatten_fields
    from schemas.value_evidence import VOUCHED_SCORE

    def raw_score(name):
        rows = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY KHAI SINH", "Số: 125 Quyển số: 02/2010",
                "Họ, chữ đệm, tên: NGUYỄN THỊ HƯƠNG", "Ngày, tháng, năm sinh: 15/03/1972",
                f"Họ, chữ đệm, tên người mẹ: {name}"]
        rec = extract_records([page(rows)], calibrated=False)[0]
        return flatten_fields(rec, "confidence").get("mother.full_name")

    # the same faint print: a name the lists know keeps the vouched score, one they do not keeps OCR's doubt
    assert raw_score("Trần@0.6 Thị@0.6 Lan@0.6") >= VOUCHED_SCORE
    assert raw_score("Trần@0.6 Thị@0.6 Xyz@0.6") < 0.8


def test_a_place_or_country_that_is_no_proper_name_disagrees():
    from schemas.value_evidence import not_a_name

    # proper names: a capital, or a number, and not another field's look
    for place in ("Khe Sanh", "Mặt trận Đường 9", "Bệnh viện huyện", "Cao điểm 475", "Lào", "Nghĩa trang liệt sĩ"):
        assert not not_a_name(place), place
    # a common word, a date, a military unit
    for value in ("quân", "phía", "nhà riêng", "19/06/1934", "ngày 3 tháng 5 năm 1968", "Đại đội 6, Tiểu đoàn 15",
                  "Trung đoàn 20"):
        assert not_a_name(value), value
    assert evidence("place", "injury_place", "19/06/1934", "19/06/1934", 1.0) == DISAGREES
    assert evidence("place", "injury_place", "Khe Sanh", "Khe Sanh", 1.0) == ""
    assert evidence("text", "wife.nationality", "phía", "phía", 1.0) == DISAGREES
    assert evidence("text", "wife.nationality", "Lào", "Lào", 1.0) == AGREES  # a country's name as written
    assert evidence("text", "wife.nationality", "Ruritania", "Ruritania", 1.0) == UNVOUCHED  # no country's
    # a place whose units the gazetteer reads is judged by them, never by this
    assert evidence("place", "residence", "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh", "", 1.0) == AGREES


def test_a_value_holding_a_glyph_ocr_could_not_read_disagrees_and_says_so():
    from schemas.value_evidence import NOT_A_NAME_NOTE, UNREAD_NOTE, disagree_note

    raw = "thôn Trung ?, xã Nội Duệ, huyện Thuận Thành, tỉnh Hà Bắc"
    assert evidence("place", "residence", raw, raw, 1.0) == DISAGREES
    assert evidence("number", "registration.number", "1?", "1?", 1.0) == DISAGREES
    assert disagree_note("place", raw, raw) == UNREAD_NOTE
    assert disagree_note("place", "19/06/1934", "19/06/1934") == NOT_A_NAME_NOTE  # another reason
    # a text may ask a question; only the kinds whose print never holds the mark are judged by it
    assert evidence("text", "cause_of_death", "Không rõ?", "Không rõ?", 1.0) == ""


def test_a_unit_the_gazetteer_spells_so_vouches_for_its_syllables_names_rarely_use():
    from schemas.value_evidence import units_written_as_known
    assert {"mường", "tè", "ka", "lăng"} <= units_written_as_known("xã Ka Lăng, huyện Mường Tè, tỉnh Lai Châu")
    # a unit no level of the gazetteer is called, as written: its words are vouched for by nothing
    assert "tè" not in units_written_as_known("xã Tè Xuân, huyện Phong Thổ, tỉnh Lai Châu")
    # the marks count: the gazetteer's name spelled with other marks is another word
    assert "tế" not in units_written_as_known("xã Ka Lăng, huyện Mường Tế, tỉnh Lai Châu")


def test_a_place_is_doubted_for_a_rare_syllable_only_where_the_gazetteer_does_not_spell_it_so():
    from synth import page

    from schemas.extract import extract_records

    def notes(place):
        rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Lê Văn An", f"Nơi sinh: {place}"])], "hotich/")[0]
        return " ".join(rec["fields"]["place_of_birth"].get("notes") or [])

    assert "rare in names" not in notes("xã Ka Lăng, huyện Mường Tè, tỉnh Lai Châu")
    assert "rare in names" in notes("xã Tè Xuân, huyện Phong Thổ, tỉnh Lai Châu")


def test_a_vouched_name_under_a_label_read_from_its_meaning_is_floored_only_on_a_form_with_nothing_unplaced():
    from synth import page

    from schemas.extract import extract_records, flatten_fields
    from schemas.value_evidence import VOUCHED_SCORE

    def mother(label, name, extra=()):
        rows = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY KHAI SINH", "Số: 125 Quyển số: 02/2010",
                "Họ, chữ đệm, tên: NGUYỄN THỊ HƯƠNG", "Ngày, tháng, năm sinh: 15/03/1972", f"{label}: {name}", *extra]
        rec = extract_records([page(rows)], calibrated=False)[0]
        return (flatten_fields(rec, "confidence")["mother.full_name"],
                flatten_fields(rec, "group")["mother.full_name"].split(":")[2])

    # a label no wording lists, read from its words' meaning; the name's print faint, the lists know the name
    score, how = mother("Họ và tên mẹ đẻ", "Trần@0.6 Thị@0.6 Lan@0.6")
    assert how == "meaning" and score >= VOUCHED_SCORE
    # a name the lists do not know keeps OCR's doubt
    assert mother("Họ và tên mẹ đẻ", "Trần@0.6 Thị@0.6 Xyz@0.6")[0] < 0.8
    # a form with a label nobody could place: the reading itself is in doubt, the floor does not apply
    assert mother("Họ và tên mẹ đẻ", "Trần@0.6 Thị@0.6 Lan@0.6", ["Mục xyz abc: đã cấp bản sao"])[0] < 0.8
