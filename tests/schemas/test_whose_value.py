"""Whose value it is (issue 12, part G): the words that name a parent, a numeral that names no one, a clause on a
label's person, a value whose look says which field it is (a military unit, an office), words where a label stands
that are a value themselves, and a register entry's section that ends."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.labels import meaning, resolve
from schemas.loader import load_schemas
from schemas.value_start import reads_as_value
from schemas.value_evidence import DISAGREES, evidence

SCHEMAS = load_schemas()


def fields(rows, collection="hotich/"):
    return [flatten_fields(r) for r in extract_records([page(rows)], collection)]


def keys(label, record_type, section=None):
    r = resolve(label, SCHEMAS[record_type], section)
    return [s.key for s in r.specs] if r else None


def test_regional_words_name_the_parents():
    # the North's "bầm", "u", "bu", the Centre's "mạ", "bọ", the South's "ba", the highlands' "mế"
    for word in ("bầm", "u", "bu", "mạ", "mế"):
        assert keys(f"Năm sinh của {word}", "birth") == ["mother.birth_year"], word
    for word in ("ba", "bọ"):
        assert keys(f"Dân tộc của {word}", "birth") == ["father.ethnicity"], word


def test_a_numeral_that_is_also_a_parents_word_counts_after_a_number():
    assert not meaning("bảy mươi ba").roles
    assert not meaning("ngày mồng ba").roles
    assert meaning("Nơi ở của ba").roles == {"father"}


def test_a_word_with_its_marks_is_not_read_as_a_phrase_folded_onto_another_persons():
    # "họ tên bà" is the mother; with marks read on "Họ tên", "ba" without its mark is the father's word
    assert keys("Họ tên ba", "birth") == ["father.full_name"]
    assert keys("Họ tên bà", "birth") == ["mother.full_name"]


def test_a_clause_on_the_labels_person_is_no_label_of_its_own():
    # "Năm sinh … bộ đội đã hy sinh": the year of birth of the soldier who died, no date of death
    rows = ["GIẤY CHỨNG NHẬN HY SINH", [(100, "Tên họ"), (700, "Lê Văn Cường")],
            [(100, "Năm sinh (dương lịch) bộ đội đã hy sinh"), (900, "|1947")],
            [(100, "Quê gốc người liệt sĩ"), (700, "xã Yên Lạc, huyện Kim Bảng, tỉnh Hà Nam")]]
    got = fields(rows, "nguoicocong/")
    assert got[0].get("date_of_birth") == "1947"
    assert got[0].get("date_of_death") is None


def test_a_military_unit_under_a_place_label_is_the_units():
    # "Biên chế tại" after the post: a place word, but the value is a unit, and the place of death comes later
    rows = ["GIẤY CHỨNG NHẬN HY SINH", [(100, "Tên họ"), (700, "Lê Văn Cường")],
            [(100, "Giữ chức vụ"), (700, "Trung đội trưởng")],
            [(100, "Biên chế tại"), (700, "Đại đội 4, Tiểu đoàn 9, Trung đoàn 52")],
            [(100, "Hy sinh lúc"), (700, "3/5/1968 tại Mặt trận Khe Sanh")]]
    got = fields(rows, "nguoicocong/")
    assert got[0].get("unit") == "Đại đội 4, Tiểu đoàn 9, Trung đoàn 52"
    assert got[0].get("place_of_death") == "Mặt trận Khe Sanh"


def test_an_office_that_names_no_office_nor_place_disagrees():
    assert evidence("place", "registration.office", "Trần Văn Bình", "Trần Văn Bình", 1.0) == DISAGREES
    assert evidence("place", "registration.office", "Việt Nam", "Việt Nam", 1.0) == DISAGREES
    assert evidence("place", "registration.office", "UBND xã Đông Hòa", "UBND xã Đông Hòa", 1.0) != DISAGREES


def test_an_address_ending_on_a_bare_level_word_disagrees():
    assert evidence("place", "residence", "xã Tân Lập, huyện", "xã Tân Lập, huyện", 1.0) == DISAGREES


def test_words_where_a_label_stands_that_are_a_value_name_no_field():
    assert reads_as_value("Bắc Ninh") and reads_as_value("Trần Văn Bình")
    assert not reads_as_value("Nơi cư trú") and not reads_as_value("Họ tên mẹ")


def test_a_label_naming_no_person_ends_a_register_entrys_section_whose_field_is_read():
    # two entries of a register; the second entry's child name follows the first entry's mother
    rows = ["SỔ ĐĂNG KÝ KHAI SINH",
            "Số: 12", "Họ và tên: Trần Văn Bình", "Ngày sinh: 01/02/2001", "Họ tên bầm: Lê Thị Hoa",
            "Họ và tên: Phạm Thị Lan", "Ngày sinh: 03/04/2002", "Họ tên bầm: Vũ Thị Mai"]
    got = fields(rows)
    names = {(r.get("full_name"), r.get("mother.full_name")) for r in got}
    assert ("Phạm Thị Lan", "Vũ Thị Mai") in names


def test_words_asking_a_persons_name_before_an_address_are_a_label_whatever_names_the_person():
    from schemas.label_edges import label_head
    spec = SCHEMAS["birth"].by_key["father.residence"]
    words = "Họ tên người ủy nhiệm thôn 3, xã Yên Lạc, huyện Kim Bảng, tỉnh Hà Nam".split()
    assert label_head(spec, words) == 5


def test_a_unit_is_no_place():
    from schemas.assign import implausible
    spec = SCHEMAS["martyr"].by_key["place_of_death"]
    assert implausible(spec, "Đại đội 4, Tiểu đoàn 9, Trung đoàn 52")
    assert not implausible(spec, "Mặt trận Khe Sanh")


def test_a_name_asked_after_a_persons_block_opens_the_next_persons_block():
    # the mother's name under words the vocabulary lacks; then "Họ và tên" naming no one: the next parent's
    rows = ["GIẤY KHAI SINH", "Họ và tên: Trần Văn Bình", "Ngày sinh: 01/02/2001",
            "Về người mẹ", "Khuê các: Lê Thị Hoa", "Năm sinh: 1975", "Nơi cư trú: xã Yên Lạc, huyện Kim Bảng, tỉnh Hà Nam",
            "Họ và tên: Trần Văn Tám", "Năm sinh: 1970"]
    got = fields(rows)
    assert got[0].get("mother.full_name") != "Trần Văn Tám"
    assert got[0].get("mother.birth_year") == "1975"
