"""Labels read as role × attribute (schemas/labels.py), tested over combinations built from the rule:
every role word × every attribute word of the vocabulary, in any order, cased or folded, with an OCR slip."""

import json
import random

import pytest
from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.label_words import WORDS_FILE
from schemas.labels import is_label_word, known_syllable, marker_section, meaning, resolve, syllables
from schemas.loader import load_schemas
from schemas.records import unmapped_labels
from sohoa.text import fold

WORDS = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
SCHEMAS = load_schemas()


def keys(label, record_type, section=None, previous=None, heading=None):
    s = SCHEMAS[record_type]
    r = resolve(label, s, section, s.by_key[previous] if previous else None, heading)
    return [spec.key for spec in r.specs] if r else None


def slip(word: str, rng: random.Random) -> str:
    """One letter of the longest syllable (four letters or more) replaced: an OCR slip."""
    sy = max(word.split(), key=len)
    if len(fold(sy)) < 4:
        return word
    i = rng.randrange(1, len(sy))
    return word.replace(sy, sy[:i] + ("x" if sy[i] != "x" else "z") + sy[i + 1:], 1)


NAME_WORDS = [w for w in WORDS["attributes"]["name"] if w not in ("họ", "tên")]  # "Họ:" alone is rare on forms


@pytest.mark.parametrize("record_type,role,key", [
    ("birth", "mother", "mother.full_name"), ("birth", "father", "father.full_name"),
    ("birth", "declarant", "declarant.full_name"), ("birth", "child", "full_name"),
    ("death", "deceased", "full_name"), ("death", "declarant", "declarant.full_name"),
    ("marriage", "wife", "wife.full_name"), ("marriage", "husband", "husband.full_name"),
    ("martyr", "martyr", "full_name"),
])
def test_name_of_each_role_in_every_wording(record_type, role, key):
    for role_word in WORDS["roles"][role]:
        # a word that folds onto another person's ("ba", the father; "bà" of "họ tên bà", the mother) is told
        # apart by its marks only: typed without them it names neither for sure
        folds_onto_other = any(fold(role_word) == fold(w.split()[-1]) for r, ws in WORDS["roles"].items()
                               if r != role for w in ws)
        for name_word in NAME_WORDS:
            for label in (f"{name_word} {role_word}", f"{name_word} của {role_word}"):
                assert keys(label, record_type) == [key], label
                assert keys(label.upper(), record_type) == [key], label  # all caps
                if not folds_onto_other:
                    assert keys(fold(label), record_type) == [key], label  # typed without marks


@pytest.mark.parametrize("record_type,role,attr_words,key", [
    ("birth", "mother", "residence", "mother.residence"), ("birth", "father", "residence", "father.residence"),
    ("birth", "mother", "ethnicity", "mother.ethnicity"), ("birth", "father", "nationality", "father.nationality"),
    ("marriage", "wife", "residence", "wife.residence"), ("marriage", "husband", "id", "husband.personal_id"),
    ("marriage", "wife", "ethnicity", "wife.ethnicity"), ("death", "deceased", "ethnicity", "ethnicity"),
])
def test_role_attribute_combinations(record_type, role, attr_words, key):
    for role_word in WORDS["roles"][role]:
        for attr_word in WORDS["attributes"][attr_words]:
            label = f"{attr_word} {role_word}"
            assert keys(label, record_type) == [key], label


def test_event_attributes_combine_with_date_and_place_words():
    for date_word in ("ngày", "ngày tháng năm", "thời gian"):
        assert keys(f"{date_word} chết", "death") == ["date_of_death"]
        assert keys(f"{date_word} sinh", "death") == ["date_of_birth"]
        assert keys(f"{date_word} đăng ký", "birth") == ["registration.date"]
        assert keys(f"{date_word} hy sinh", "martyr") == ["date_of_death"]
        assert keys(f"{date_word} nhập ngũ", "martyr") == ["enlistment_date"]
        assert keys(f"{date_word} bị thương", "war_invalid") == ["injury_date"]
    for place_word in ("nơi", "địa điểm"):
        assert keys(f"{place_word} sinh", "birth") == ["place_of_birth"]
        assert keys(f"{place_word} chết", "death") == ["place_of_death"]
        assert keys(f"{place_word} hy sinh", "martyr") == ["place_of_death"]
        assert keys(f"{place_word} an táng", "martyr") == ["burial_place"]
        assert keys(f"{place_word} bị thương", "war_invalid") == ["injury_place"]
        assert keys(f"{place_word} đăng ký", "death") == ["registration.office"]


def test_ocr_slips_in_label_words_are_tolerated():
    # a syllable one letter off exactly one vocabulary syllable is read as it ("khxi" -> "khai"; "khax" is
    # as close to "khác" as to "khai" and says nothing)
    rng = random.Random(5)
    tried = 0
    for role_word in WORDS["roles"]["mother"] + WORDS["roles"]["wife"]:
        for name_word in NAME_WORDS:
            label = slip(f"{name_word} {role_word}", rng)
            if not all(known_syllable(s) for s in syllables(label)):
                continue
            tried += 1
            want = "mother.full_name" if role_word in WORDS["roles"]["mother"] else "wife.full_name"
            assert keys(label, "birth" if want.startswith("mother") else "marriage") == [want], label
    assert tried > 40


def test_the_person_after_voi_is_the_other_party():
    for w in WORDS["roles"]["deceased"]:
        assert keys(f"Quan hệ với {w}", "death") == ["declarant.relation"]
    assert keys("Quan hệ với người được khai sinh", "birth") == ["declarant.relation"]


def test_person_of_an_event_is_named_by_nguoi_and_the_event():
    # "người [đã|được] <event word>": the person the event is about
    for death_word in WORDS["attributes"]["death"]:
        if death_word in ("hy sinh", "hi sinh", "khai tử", "tử trận", "tử"):
            continue
        for lead in ("người", "người đã"):
            assert keys(f"Họ và tên {lead} {death_word}", "death") == ["full_name"], death_word


def test_a_role_alone_names_that_person():
    assert keys("Đồng chí", "martyr") == ["full_name"]
    for w in WORDS["roles"]["father"]:
        r = resolve(w, SCHEMAS["martyr"])
        assert r is not None and [s.key for s in r.specs] == ["relatives[].full_name"] and r.relation == "cha"


def test_generic_labels_take_the_section_then_the_subject():
    assert keys("Năm sinh", "birth") == ["date_of_birth"]
    assert keys("Năm sinh", "birth", section="mother") == ["mother.birth_year"]
    assert keys("Nơi thường trú", "birth", section="father") == ["father.residence"]
    assert keys("Họ và tên", "marriage") is None  # wife or husband: the label alone cannot say
    assert keys("Họ và tên", "marriage", section="husband") == ["husband.full_name"]


def test_a_bare_label_continues_the_event_before_it_or_the_forms_title():
    assert keys("Tại", "death", previous="date_of_death") == ["place_of_death"]
    assert keys("Tại", "birth", previous="date_of_birth") == ["place_of_birth"]
    assert keys("Tại", "martyr", previous="date_of_death") == ["place_of_death"]
    assert keys("Tại", "birth") is None
    assert keys("Số", "martyr") is None
    assert keys("Số", "martyr", heading="GIẤY BÁO TỬ") == ["death_notice.number"]
    assert keys("Số", "martyr", heading="BẰNG TỔ QUỐC GHI CÔNG") == ["certificate.number"]


def test_a_label_with_words_the_vocabulary_lacks_continues_the_event_before_it_only_in_doubt():
    # the unknown words may name an event of their own (a cell's "Qwerty zxcv tại" after a cell asking a death)
    s = SCHEMAS["martyr"]
    r = resolve("Qwerty zxcv tại", s, None, s.by_key["date_of_death"])
    assert [f.key for f in r.specs] == ["place_of_death"] and r.doubt
    assert resolve("Tại", s, None, s.by_key["date_of_death"]).doubt is None
    # the same from the form's title
    d = SCHEMAS["death"]
    r = resolve("Qwerty zxcv tại", d, heading="TRÍCH LỤC KHAI TỬ")
    assert [f.key for f in r.specs] == ["place_of_death"] and r.doubt
    assert resolve("Tại", d, heading="TRÍCH LỤC KHAI TỬ").doubt is None


def test_markers_name_a_person_and_nothing_else():
    for lead in ("", "Về ", "Thông tin về ", "PHẦN KHAI VỀ "):
        for w in WORDS["roles"]["mother"]:
            assert marker_section(f"{lead}{w}", SCHEMAS["birth"]) == "mother"
    assert marker_section("Họ tên mẹ", SCHEMAS["birth"]) is None  # an attribute: a label, not a marker
    assert marker_section("Người mẹ", SCHEMAS["death"]) is None  # no such block in a death record


def test_meaning_and_label_words():
    m = meaning("Họ, chữ đệm, tên người đi khai sinh")
    assert m.roles == {"declarant"} and m.attrs == {"name"}
    assert is_label_word("Thường") and is_label_word("trú:") and not is_label_word("Nguyễn")
    assert not is_label_word("1972")


# --- on pages ---------------------------------------------------------------------------------

def one(rows, collection="hotich/"):
    recs = extract_records([page(rows)], collection)
    assert len(recs) == 1
    return recs[0]


def test_a_label_that_begins_like_another_leaves_nothing_in_the_value():
    for role_word in WORDS["roles"]["deceased"][:6]:
        rec = one(["TRÍCH LỤC KHAI TỬ", f"Họ và tên {role_word}: Lê Văn Tám", "Ngày chết: 05/03/2020"])
        assert flatten_fields(rec)["full_name"] == "Lê Văn Tám", role_word
        assert "declarant" not in rec["fields"]


def test_label_words_between_two_wordings_belong_to_the_label():
    # "Họ tên" + "đầy đủ" + "liệt sĩ:": the middle words are explained by the vocabulary, so the label is the
    # whole run, in capitals or sentence case; its words never become the name
    rec = extract_records([page(["GIẤY BÁO TỬ", "Họ và tên: Đỗ Văn Toàn",
                                 "Nguyên quán gốc liệt sĩ: xã Đình Bảng, huyện Lạng Giang, tỉnh Bắc Ninh"])],
                          collection="nguoicocong/")[0]
    assert flatten_fields(rec)["hometown"] == "xã Đình Bảng, huyện Lạng Giang, tỉnh Bắc Ninh"  # "gốc" is the label's
    for rows in (["GIẤY BÁO TỬ", "HỌ TÊN ĐẦY ĐỦ LIỆT SĨ: Đỗ Văn Toàn", "TÊN THƯỜNG GỌI: Sơn"],
                 ["GIẤY BÁO TỬ", "Họ tên đầy đủ liệt sĩ: Đỗ Văn Toàn", "Tên thường gọi: Sơn"]):
        recs = extract_records([page(rows)], collection="nguoicocong/")
        v = flatten_fields(recs[0])
        assert v["full_name"] == "Đỗ Văn Toàn" and v["alias"] == "Sơn", rows


def test_a_colon_inside_a_label_does_not_cut_it():
    # OCR put a colon inside "Họ chữ đệm và tên:": the filler between the two halves is no name
    recs = extract_records([page(["LÝ LỊCH LIỆT SĨ", "Hỏ chữ đện: và tên: Trần Xuân Hùng", "Sinh năm: 1948"])],
                           collection="nguoicocong/")
    assert flatten_fields(recs[0])["full_name"] == "Trần Xuân Hùng"


def test_unknown_wording_of_known_fields_on_a_page():
    rec = one(["GIẤY KHAI SINH", "Số: 12", "Tên khai sinh của trẻ: Phạm Minh Châu",
               "Ngày tháng năm sinh: 02/09/2001", "Nơi sinh: Bệnh viện đa khoa tỉnh Bắc Ninh",
               "Họ tên thân mẫu: Đỗ Thị Mai", "Năm sinh: 1975", "Trú quán: xã Tam Sơn, huyện Từ Sơn",
               "Họ tên bố: Phạm Văn Long", "Năm sinh: 1972"])
    v = flatten_fields(rec)
    assert v["full_name"] == "Phạm Minh Châu" and v["mother.full_name"] == "Đỗ Thị Mai"
    assert v["father.full_name"] == "Phạm Văn Long" and v["mother.birth_year"] == "1975"
    assert v["father.birth_year"] == "1972" and v["mother.residence"] == "xã Tam Sơn, huyện Từ Sơn"


def test_one_word_label_after_a_date_goes_to_the_same_event():
    rec = one(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Tám", "Ngày chết: 05/03/2020 Tại: Bệnh viện tỉnh Bắc Ninh"])
    assert flatten_fields(rec)["place_of_death"] == "Bệnh viện tỉnh Bắc Ninh"
    rec = one(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Tám", "Ngày chết: 05/03/2020", "Tại: Bệnh viện tỉnh Bắc Ninh"])
    assert flatten_fields(rec)["place_of_death"] == "Bệnh viện tỉnh Bắc Ninh"


def test_a_person_heading_opens_a_block_of_generic_labels():
    rec = one(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001", "Về thân mẫu",
               "Họ và tên: Đỗ Thị Mai", "Năm sinh: 1975"])
    v = flatten_fields(rec)
    assert v["full_name"] == "Phạm Minh Châu" and v["mother.full_name"] == "Đỗ Thị Mai"
    assert v["mother.birth_year"] == "1975"


def test_unmapped_pairs_and_missing_fields_are_listed_without_values():
    rec = one(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ghi chú khác: Nguyễn Văn Bí Mật"])
    assert unmapped_labels(rec) == ["Ghi chú khác"]
    # the pair's value and where it is are kept, so a reviewer can give it to a field in one step
    entry = rec["unmapped"][0]
    assert entry["value"] == "Nguyễn Văn Bí Mật" and entry["page"] == 1 and len(entry["bbox"]) == 4
    assert rec["missing"] == ["date_of_birth"]
    assert rec["needs_review"]
    reasons = " ".join(rec["review_reasons"])
    assert "Ghi chú khác" in reasons and "date_of_birth" in reasons
    assert "Bí Mật" not in reasons and "Phạm" not in reasons


def test_page_furniture_never_joins_a_value():
    for footer in ("Trang 2/3", "Trang 2", "- 2 -"):
        rows = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001"] + [""] * 18 + [
            "Nơi đăng ký: Ủy ban nhân dân xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh, nước Cộng hòa xã hội chủ",
            footer]
        v = flatten_fields(one(rows))
        assert "Trang" not in v["registration.office"] and not v["registration.office"].endswith("2"), footer
    rows = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001",
            [(100, "Nơi đăng ký: Ủy ban nhân dân xã Đình Bảng"), (1300, "Trang 1/3")]]
    assert flatten_fields(one(rows))["registration.office"] == "Ủy ban nhân dân xã Đình Bảng"


def test_a_moment_label_gives_the_time_and_the_date_when_both_are_written():
    for moment in ("Chết lúc", "Thời điểm chết, lúc", "Giờ chết"):
        v = flatten_fields(one(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Tám", f"{moment}: 14 giờ 30 phút, ngày 05/03/2020"]))
        assert v["time_of_death"] == "14:30" and v["date_of_death"] == "2020-03-05", moment
    rec = one(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Tám", "Chết lúc: 14 giờ 30 phút", "Ngày chết: 05/03/2020"])
    assert flatten_fields(rec)["date_of_death"] == "2020-03-05"


def test_a_label_naming_no_field_is_placed_by_what_its_value_is():
    rec = one(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001",
               "Mục xyz: Nữ", "Mục abc: Tày", "Mục def: Việt Nam"])
    v = flatten_fields(rec)
    assert v["sex"] == "female" and v["ethnicity"] == "Tày" and v["nationality"] == "Việt Nam"
    assert rec["unmapped"] == []
    # under a person's heading the value is that person's
    rec = one(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001", "Người mẹ",
               "Họ và tên: Đỗ Thị Mai", "Mục abc: Tày"])
    assert flatten_fields(rec)["mother.ethnicity"] == "Tày"
    # a value no single kind takes stays unmapped
    rec = one(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Mục xyz: Nguyễn Văn Bí Mật"])
    assert unmapped_labels(rec) == ["Mục xyz"] and rec["unmapped"][0]["value"] == "Nguyễn Văn Bí Mật"


def test_labels_without_a_colon_end_at_a_full_stop_a_dash_a_gap_or_their_row():
    rows = ["GIẤY KHAI SINH", "Họ tên bố. Phạm Văn Long", "Họ tên thân mẫu - Đỗ Thị Mai",
            [(100, "Nơi sinh"), (700, "Bệnh viện đa khoa tỉnh Bắc Ninh")], "Ngày tháng năm sinh", "02/09/2001"]
    v = flatten_fields(one(rows))
    assert v["father.full_name"] == "Phạm Văn Long" and v["mother.full_name"] == "Đỗ Thị Mai"
    assert v["place_of_birth"] == "Bệnh viện đa khoa tỉnh Bắc Ninh" and v["date_of_birth"] == "2001-09-02"
    # words that name no field, or a heading of relatives alone on its row, are no label
    rec = extract_records([page(["GIẤY BÁO TỬ", "Họ và tên: Ngô Minh Phúc", "Thân nhân", "Nghiêm Minh Dũng"])],
                          "nguoicocong/")[0]
    assert "relatives" not in rec["fields"]


@pytest.mark.parametrize("asked,kept_in", [("Số", "sổ"), ("Số thứ tự", "sổ đăng ký"), ("Số", "quyển")])
def test_words_after_trong_say_where_the_thing_asked_is_kept(asked, kept_in):
    # a noun phrase puts its head first: "the number in the book" asks a number, not the book
    assert keys(f"{asked} trong {kept_in}", "birth") == ["registration.number"]
    assert keys(kept_in, "birth") == ["registration.book"]


def test_a_syllable_the_vocabulary_knows_with_its_own_marks_is_no_event_folded_alike():
    # "tự" (of "thứ tự", in the vocabulary's "số thứ tự đăng ký") folds like "tử" (death) but is another word
    assert "death" not in meaning("Số thứ tự").attrs
    assert keys("Số thứ tự trong sổ", "death") == ["registration.number"]
    # the event written with its own marks, or without any, is still read
    assert "death" in meaning("Ngày tử").attrs and "death" in meaning("NGAY TU").attrs


def test_a_single_syllable_read_with_other_marks_than_the_vocabulary_word_is_another_word():
    # marks where the vocabulary's word has none: "còn" (still, also) is no "con" (child)
    assert "child" not in meaning("Tên còn dùng").roles
    assert "child" in meaning("Họ tên con").roles and "child" in meaning("HO TEN CON").roles
    # no marks where the word has some, between syllables that kept theirs: "thay" (instead of) is no "thầy"
    assert "father" not in meaning("Người thay mặt").roles
    assert "father" in meaning("Họ tên thầy").roles
    # marks lost over a run of the label, or at its end, still fold: the label was typed or read without them
    assert "father" in meaning("Ho ten thay").roles and "father" in meaning("Họ tên thay").roles
    assert meaning("Ten tuoi người chết").attrs == {"name"}
    # a phrase of two syllables folded alike is that phrase with a mark lost ("đăng ky")
    assert keys("Họ và tên người đăng ky khai tử", "death") == ["declarant.full_name"]
    # a tone read as another tone is an OCR slip, read as before
    assert "mother" in meaning("Họ tên mẻ").roles


def test_a_value_holding_a_date_then_a_place_splits_by_the_shapes_of_its_parts():
    from schemas.label_edges import date_then_rest
    assert date_then_rest("22/10/1956 tại Mặt trận Tây Nguyên".split()) == (1, 2, True)
    assert date_then_rest("ngày 5 tháng 3 năm 1990 ở bệnh viện".split()) == (6, 7, True)
    assert date_then_rest("1950, xã An Bình".split()) == (1, 1, False)
    # the rest of a date, a time after it, a date alone or a place alone are no such value
    for value in ("năm 1990, tháng 3, ngày 5", "12/3/1990 lúc 14 giờ", "05/3/1990", "xã An Bình, huyện Thuận Thành"):
        assert date_then_rest(value.split()) is None, value


def test_the_other_field_of_a_date_and_a_place_is_the_one_the_label_names_too_or_the_same_events():
    from schemas.labels import joint_field

    def other(record_type, key, label, by_place_word):
        s = SCHEMAS[record_type]
        spec = joint_field(s.by_key[key], label, s, by_place_word)
        return spec.key if spec else None

    assert other("birth", "place_of_birth", "Ngày và nơi sinh", False) == "date_of_birth"
    assert other("birth", "date_of_birth", "Năm sinh, quê quán", False) == "hometown"
    assert other("martyr", "place_of_death", "Hy sinh ở mặt trận ngày", True) == "date_of_death"
    assert other("death", "date_of_death", "Ngày chết", True) == "place_of_death"
    # a label naming one attribute, with no "tại"/"ở" joining the parts, names no other field
    assert other("death", "date_of_death", "Ngày chết", False) is None
    assert other("birth", "place_of_birth", "Nơi sinh", False) is None


def test_a_label_naming_a_date_and_a_place_gives_each_field_its_part():
    v = flatten_fields(one(["GIẤY KHAI SINH", "Họ và tên: Lê Văn Tám",
                            "Ngày và nơi sinh: 05/03/2020, xã An Bình, huyện Thuận Thành, tỉnh Bắc Ninh"]))
    assert v["date_of_birth"] == "2020-03-05"
    assert v["place_of_birth"] == "xã An Bình, huyện Thuận Thành, tỉnh Bắc Ninh"
    v = flatten_fields(one(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Tám",
                            "Ngày chết: 05/03/2020 tại Bệnh viện đa khoa tỉnh Bắc Ninh"]))
    assert v["date_of_death"] == "2020-03-05" and v["place_of_death"] == "Bệnh viện đa khoa tỉnh Bắc Ninh"


def test_a_value_that_reads_as_another_label_is_no_value_but_a_label_listed():
    from schemas.label_edges import reads_as_label
    birth = SCHEMAS["birth"]
    number, father = birth.by_key["registration.number"], birth.by_key["father.full_name"]
    # words that name what a form asks, with no digit, are no number
    assert reads_as_label(number, "Quyển đăng ký số".split())
    assert not reads_as_label(number, "Quyển 12".split()) and not reads_as_label(number, "Xyz abc".split())
    # a name that opens with no family name and asks a year and an ethnic group is a header's labels
    assert reads_as_label(father, "Năm Sinh Người Cha Dân Tộc Người Cha".split())
    assert not reads_as_label(father, "Lê Văn Sinh".split()) and not reads_as_label(father, "Năm Lửa".split())
    rec = one(["GIẤY KHAI SINH", "Số: Quyển đăng ký số", "Họ và tên: Lê Văn Tám"])
    assert flatten_fields(rec).get("registration.number") is None
    assert any(u["label"].startswith("Quyển đăng ký") and not u["value"] for u in rec["unmapped"])


def test_a_text_or_place_in_capitals_of_label_words_that_ask_something_is_no_value():
    from schemas.label_edges import reads_as_label
    death, museum = SCHEMAS["death"], SCHEMAS["museum_object"]
    cause, place = death.by_key["cause_of_death"], death.by_key["place_of_death"]
    # a heading or a label printed in capitals read where the value stands: each word a label's, asking something
    assert reads_as_label(cause, "NƠI CƯ TRÚ".split())
    assert reads_as_label(place, "NGÀY ĐĂNG KÝ".split())
    # a value says something else: a word no label holds, a digit, or the same words not set as a heading
    assert not reads_as_label(cause, "VIÊM PHỔI".split()) and not reads_as_label(place, "XÓM 3, XÃ AN BÌNH".split())
    assert not reads_as_label(place, "Nơi cư trú".split())
    # words of the field's own list of values stay its value, however they read as a label's
    assert not reads_as_label(museum.by_key["origin"], "KHAI QUẬT".split())
    rec = one(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Tám", "Nguyên nhân chết: NƠI CƯ TRÚ"])
    assert flatten_fields(rec).get("cause_of_death") is None


def test_a_tie_of_label_words_that_name_no_person_and_ask_something_is_no_value():
    from schemas.label_edges import reads_as_label
    relation = SCHEMAS["death"].by_key["declarant.relation"]
    assert reads_as_label(relation, "Nơi đăng ký".split()) and reads_as_label(relation, "Ngày cấp".split())
    assert not reads_as_label(relation, "Mẹ".split()) and not reads_as_label(relation, "Con".split())
    assert not reads_as_label(relation, "Anh ruột".split())


def test_label_words_in_capitals_before_a_military_unit_are_the_end_of_its_label():
    from schemas.label_edges import label_head
    unit = SCHEMAS["martyr"].by_key["unit"]
    assert label_head(unit, "ĐƠN VỊ CHIẾN ĐẤU Tiểu đoàn 5, Trung đoàn 24".split()) == 4
    assert label_head(unit, "Tiểu đoàn 5, Trung đoàn 24".split()) == 0
    assert label_head(unit, "Xxx yyy Tiểu đoàn 5".split()) == 0  # words no label holds may be the unit's own


def test_a_syllable_read_as_two_attributes_is_decided_by_its_neighbours():
    # "cấp" is a rank or the act of issuing: after a date word, the date of issuing is asked, no rank
    assert meaning("Ngày cấp").attrs == {"date"}
    assert "rank" not in meaning("Ngày cấp thẻ").attrs
    # after a word the vocabulary lacks it ends a word the vocabulary lacks ("trợ cấp", an allowance)
    assert not meaning("Người hưởng trợ cấp").attrs & {"rank", "issuer"}
    # alone, or in a phrase of its own, it keeps its readings
    assert "rank" in meaning("Cấp").attrs and meaning("Cấp bậc").attrs == {"rank"}
    assert meaning("Nơi cấp").attrs == {"issuer"}


def test_a_kinship_term_cut_by_the_line_is_kept_whole():
    from schemas.value_rest import relation_rest
    assert relation_rest(["Cháu"], ["ngoại"]) and relation_rest(["Con"], ["út"])
    # a label, a value of its own (a capital, a digit) or a word that names nobody is no rest of the term
    assert not relation_rest(["Cháu"], ["Ủy", "ban"]) and not relation_rest(["Cháu"], ["12"])
    assert not relation_rest(["Ngã"], ["cao"]) and not relation_rest(["Cháu", "nội"], ["xã"])
    rows = ["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Tám", [(100, "Quan hệ với người chết: Cháu")],
            [(100, "ngoại"), (1000, "Ngày đăng ký: 05/03/2020")]]
    v = flatten_fields(one(rows))
    assert v["declarant.relation"] == "Cháu ngoại" and v["registration.date"] == "2020-03-05"


def test_label_words_in_capitals_before_a_value_that_is_not_are_the_labels():
    from schemas.label_edges import capitals_head
    museum = SCHEMAS["museum_object"]
    material, quantity = museum.by_key["material"], museum.by_key["quantity"]
    assert capitals_head(material, "CHẤT LIỆU Gỗ lim".split()) == 2
    assert capitals_head(quantity, "HIỆN VẬT 02".split()) == 2
    # a value in capitals goes on in capitals; an office's abbreviation is followed by lower case
    assert capitals_head(material, "GỖ LIM".split()) == 0
    assert capitals_head(SCHEMAS["birth"].by_key["registration.office"], "UBND xã An Bình".split()) == 0
    # words the label vocabulary lacks are no label's
    assert capitals_head(material, "XYZW Gỗ".split()) == 0


def test_a_nationality_in_lower_case_label_words_is_no_country():
    from schemas.label_edges import reads_as_label
    nationality = SCHEMAS["marriage"].by_key["wife.nationality"]
    assert reads_as_label(nationality, "hiện tại của".split())
    assert not reads_as_label(nationality, "Việt Nam".split()) and not reads_as_label(nationality, "việt nam".split())
    assert not reads_as_label(nationality, "Lào".split())


def test_a_number_asked_of_a_person_is_their_id():
    death = load_schemas()["death"]
    r = resolve("Số thẻ xanh của người chết", death)
    assert [s.key for s in r.specs] == ["personal_id"]
    assert [s.key for s in resolve("Số", death).specs] == ["registration.number"]



def test_a_kin_word_with_a_passive_clause_names_that_person():
    m = meaning("Tôn giáo của con được khai sinh")
    assert m.roles == {"child"} and "birth" not in m.attrs


def test_a_place_through_unknown_words_takes_no_event_from_the_title():
    # the child's places are of two kinds: the title cannot say which one the unknown words ask
    birth, death = load_schemas()["birth"], load_schemas()["death"]
    assert resolve("Lớn lên tại", birth, heading="GIẤY KHAI SINH") is None
    # a subject with one place: the title's event still says it
    assert [s.key for s in resolve("Lớn lên tại", death, heading="TRÍCH LỤC KHAI TỬ").specs] == ["place_of_death"]
