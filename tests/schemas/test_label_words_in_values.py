"""The end of a label left at the start of a value (schemas/fields.py ``label_head``, ``only_label_words``):
cut where the words stop being label words and the rest has the look of the field's value; a value of label
words alone is no value. Built from the vocabulary and the name lists, not from any form's wording."""

import json

import pytest
from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.label_edges import label_head, label_tail, only_label_words
from schemas.label_words import WORDS_FILE
from schemas.loader import load_schemas

WORDS = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
SCHEMAS = load_schemas()
BIRTH = SCHEMAS["birth"].by_key
MARRIAGE = SCHEMAS["marriage"].by_key
WAR_INVALID = SCHEMAS["war_invalid"].by_key
NAMES = ["Trần Thị Lan", "Ứng Tự Lượng", "La Lệ Thu Nguyệt", "Phạm Minh Châu"]
# every one-word name attribute of the vocabulary, as a label ends: lower case after a capital, or in capitals
NAME_WORDS = [w for w in WORDS["attributes"]["name"] if len(w.split()) == 1 and w.isalpha()]


def words(text):
    return text.split()


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("attr", NAME_WORDS)
def test_name_attribute_words_before_a_name_are_cut(attr, name):
    for head in (f"{attr}", f"Họ {attr}", attr.upper(), f"({attr.upper()})"):
        value = f"{head} {name}"
        k = label_head(MARRIAGE["wife.full_name"], words(value))
        assert " ".join(words(value)[k:]) == name, value


@pytest.mark.parametrize("value", ["Ông Quế Huệ", "Yên Tường Trâm", "Hồ Văn Nam", "Danh Sơn", "HỒ VĂN NAM"])
def test_a_name_is_never_cut_when_its_first_word_reads_as_a_name(value):
    # a whole name (a family name first), or words no label would hold (an unknown family name before a name)
    assert label_head(MARRIAGE["husband.full_name"], words(value)) == 0


def test_label_words_before_a_relation_or_a_number_are_cut():
    assert label_head(BIRTH["declarant.relation"], words("VỚI NGƯỜI ĐĂNG KÝ |Cha")) == 4
    assert label_head(BIRTH["declarant.relation"], words("Cháu ngoại")) == 0
    assert label_head(WAR_INVALID["certificate.number"], words("THƯƠNG BINH |TB/12345")) == 2
    # words that are no label's (a unit) are never cut, whatever follows
    assert label_head(WAR_INVALID["certificate.number"], words("Sư đoàn 12")) == 0


def test_a_labels_note_before_an_ethnic_group_is_cut():
    assert label_head(BIRTH["ethnicity"], words("(ghi rõ) Thổ")) == 2
    assert label_head(MARRIAGE["wife.ethnicity"], words("(GHI RÕ) Kinh")) == 2
    assert label_head(BIRTH["ethnicity"], words("Ra Glai")) == 0  # a group of two words is the value whole
    assert label_head(BIRTH["ethnicity"], words("Kinh Thổ")) == 0  # no label's words before it: left as read
    # two columns read as one row: the first group is a value, not a label's word
    assert label_head(MARRIAGE["husband.ethnicity"], words("Kinh Dân tộc (ghi rõ) Thổ")) == 0


@pytest.mark.parametrize("value,spec,expected", [
    ("Tên Người", BIRTH["full_name"], True),
    ("HỌ TÊN", BIRTH["mother.full_name"], True),
    ("với", BIRTH["declarant.relation"], True),
    ("(ghi", BIRTH["mother.nationality"], True),
    ("Trần Thị Lan", BIRTH["full_name"], False),
    ("nguyen van nam", BIRTH["full_name"], False),  # a name typed without marks or capitals
    ("Anh ruột", BIRTH["declarant.relation"], False),  # a relation written as one, though "anh" is a label word
    ("Ba", BIRTH["declarant.relation"], False),
    ("Ủy ban nhân dân xã", BIRTH["registration.office"], False),  # offices, ranks and units use label words
])
def test_a_value_of_label_words_alone_is_no_value(value, spec, expected):
    assert only_label_words(spec, words(value)) is expected


def test_on_a_page_the_label_words_are_left_out_and_noted():
    rec = extract_records([page(["GIẤY CHỨNG NHẬN KẾT HÔN", "Họ, chữ đệm và tên chồng: Danh tính Ứng Tự Lượng",
                                 "Họ và tên vợ: TÊN NGƯỜI"])], collection="hotich/")[0]
    flat = flatten_fields(rec)
    assert flat["husband.full_name"] == "Ứng Tự Lượng"
    assert "wife.full_name" not in flat or flat["wife.full_name"] is None
    notes = flatten_fields(rec, "notes")["husband.full_name"]
    assert any("label" in n for n in notes)
    assert flatten_fields(rec, "confidence")["husband.full_name"] < 0.995


@pytest.mark.parametrize("note", ["(DƯƠNG LỊCH)", "NĂM SINH", "(ghi rõ)", "NGÀY SINH (dương lịch)"])
def test_the_next_labels_first_words_after_a_name_are_cut(note):
    for name in NAMES:
        value = f"{name} {note}"
        k = label_tail(SCHEMAS["martyr"].by_key["full_name"], words(value))
        assert " ".join(words(value)[:len(words(value)) - k]) == name, value


@pytest.mark.parametrize("value", ["Trần Văn Nam", "Nguyễn Thị Sinh", "Lê Văn Năm", "TRẦN VĂN NAM"])
def test_a_name_ending_in_a_label_syllable_is_left_whole(value):
    assert label_tail(SCHEMAS["martyr"].by_key["full_name"], words(value)) == 0


def test_a_name_does_not_wrap_onto_a_row_in_another_case():
    from schemas.fields import _name_continuation
    from schemas.layout import Tok

    def toks(text):
        return [Tok(w, w.lower(), 0.95, (0, 0, 10, 10), 1) for w in text.split()]

    assert _name_continuation(toks("Hứa Tự"), toks("Uy"))
    assert not _name_continuation(toks("Hứa Tự"), toks("NĂM SINH"))
    assert _name_continuation(toks("HỨA TỰ"), toks("UY"))


def test_lower_case_words_before_a_name_are_no_part_of_it_known_or_not():
    # a name is written with capitals: lower-case words before it, one of them a label word, are the label's
    spec = SCHEMAS["war_invalid"].by_key["full_name"]
    assert label_head(spec, words("đầy đủ xyz chiến binh Trần Văn Lực")) == 5
    assert label_head(spec, words("xyz abc Trần Văn Lực")) == 0  # no word of labels: not a label's
    # a place keeps its lower-case words ("Bệnh viện huyện" is no label)
    assert label_head(SCHEMAS["death"].by_key["place_of_death"], words("Bệnh viện huyện, tỉnh Bến Tre")) == 0


def test_a_lone_label_word_no_name_uses_is_no_name():
    assert only_label_words(BIRTH["full_name"], ["ĐẦY"])
    assert not only_label_words(BIRTH["full_name"], ["Văn"])  # a name's syllable, its other words lost


def test_a_countrys_name_read_with_a_capital_lost_is_written_as_the_country_is():
    rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Trần Thị Lan", "Quốc tịch: việt Nam"])],
                          collection="hotich/")[0]
    assert flatten_fields(rec)["nationality"] == "Việt Nam"
    assert flatten_fields(rec, "notes")["nationality"]
    rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Trần Thị Lan", "Quốc tịch: VIỆT NAM"])],
                          collection="hotich/")[0]
    assert flatten_fields(rec)["nationality"] == "VIỆT NAM"  # written in capitals: kept as written


def test_a_field_read_with_no_value_is_no_filled_field():
    from schemas.fields import Draft, Found
    from schemas.layout import Tok
    from schemas.loader import Label

    spec = BIRTH["date_of_birth"]
    label = Label("Năm sinh", "namsinh")

    def found(text):
        toks = [Tok(w, w.lower(), 0.95, (0, 0, 10, 10), 1) for w in text.split()]
        return Found(spec, toks, label, 0.9, 1).finish()

    draft = Draft("birth", SCHEMAS["birth"], [1])
    assert draft.add(found("(dương lịch)")) and draft.fields["date_of_birth"].value is None
    assert draft.add(found("05/03/1972")) and draft.fields["date_of_birth"].value == "1972-03-05"
    assert not draft.add(found("06/04/1973"))  # a value already read stays; a second one starts a new entry
    assert draft.fields["date_of_birth"].value == "1972-03-05"


def test_label_words_before_an_address_are_cut():
    # an address starts with its level word: label words before it, in the label's lower case or capitals,
    # are the end of a label the matcher read in part
    place = SCHEMAS["museum_object"].by_key["find_place"]
    assert label_head(place, words("thu thập xã Tân Trào, huyện Chiêm Hóa, tỉnh Tuyên Quang")) == 2
    assert label_head(BIRTH["hometown"], words("GỐC phường Vĩnh Thành, thành phố Bến Tre")) == 1
    assert label_head(BIRTH["place_of_birth"], words("quán xyz thị trấn Kỳ Phong, huyện Thạch Hà")) == 2


def test_a_places_own_words_before_an_address_stay():
    death = SCHEMAS["death"].by_key["place_of_death"]
    assert label_head(death, words("Nhà riêng tại xóm 10, xã Lương Hòa")) == 0  # Title case: the value's
    assert label_head(death, words("tại nhà, xóm 3, xã Lương Hòa")) == 0  # a comma: the value's
    assert label_head(death, words("xã Lương Hòa, huyện Mỏ Cày Nam")) == 0  # an address whole
    # an office's place starts with the office, whose name is no label's end
    assert label_head(BIRTH["registration.office"], words("UBND phường Kỳ Phong, huyện Thạch Hà")) == 0
