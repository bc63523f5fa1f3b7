"""A person named by a word of address or of sex is the record type's one person of that sex, and nobody where
two persons may be of it (schemas/persons_by_sex.py, schemas/labels.py). Labels are made up."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.labels import marker_section, meaning, resolve
from schemas.loader import load_schemas
from schemas.persons_by_sex import person_of_sex, persons, sexed_word_at

SCHEMAS = load_schemas()


def keys(label, record_type):
    r = resolve(label, SCHEMAS[record_type])
    return [s.key for s in r.specs] if r else None


def test_a_word_of_address_names_the_party_of_its_sex_on_a_marriage():
    assert keys("Họ tên chị", "marriage") == ["wife.full_name"]
    assert keys("Quốc tịch của ông", "marriage") == ["husband.nationality"]
    assert keys("Dân tộc của cô", "marriage") == ["wife.ethnicity"]
    assert keys("Nơi cư trú của chàng", "marriage") == ["husband.residence"]


def test_a_noun_of_sex_names_the_party_wherever_it_stands():
    assert keys("Họ và tên đàn ông", "marriage") == ["husband.full_name"]
    assert keys("Quốc tịch của đàn bà", "marriage") == ["wife.nationality"]


def test_a_word_of_sex_names_a_person_after_a_word_for_a_person():
    assert keys("Ngày sinh của công dân nữ", "marriage") == ["wife.date_of_birth"]
    assert keys("Nơi cư trú cá nhân nam", "marriage") == ["husband.residence"]
    assert meaning("Nơi cư trú cá nhân nam").attrs == {"residence"}  # "nam" there is no "năm", a year


def test_a_word_of_sex_alone_is_a_value_not_a_person():
    assert meaning("Nam").sexes == set()
    assert meaning("Giới tính nữ").sexes == set()
    assert keys("Giới tính nữ", "death") == ["sex"]


def test_a_word_without_marks_is_read_only_where_the_label_keeps_its_marks():
    assert meaning("Họ tên anh").sexes == {"male"}
    assert meaning("Ho ten anh").sexes == set()  # the marks may be lost on it too
    assert sexed_word_at(["dân", "ba"], ["dan", "ba"], 0, True) is None  # folded alike, no "đàn bà"


def test_a_role_word_is_read_before_the_address_inside_it():
    assert keys("Họ tên cô dâu", "marriage") == ["wife.full_name"]
    assert keys("Họ tên chú rể", "marriage") == ["husband.full_name"]


def test_where_two_persons_may_be_of_the_sex_the_word_names_nobody():
    # a birth record's father, declarant and child may all be men; a death record's deceased and declarant either
    assert person_of_sex({"male"}, SCHEMAS["birth"]) is None
    assert person_of_sex({"female"}, SCHEMAS["death"]) is None
    for label in ("Quốc tịch của ông", "Dân tộc của bà"):
        for record_type in ("birth", "death"):
            got = keys(label, record_type) or []
            assert not any(k.startswith(("father.", "mother.", "declarant.")) for k in got), (label, record_type)
    assert person_of_sex({"male", "female"}, SCHEMAS["marriage"]) is None
    assert keys("Họ tên ông/bà", "marriage") is None  # both sexes: either party


def test_persons_of_a_type_carry_the_sex_its_form_implies():
    assert persons(SCHEMAS["marriage"]) == {"wife": "female", "husband": "male"}
    assert persons(SCHEMAS["birth"])["father"] == "male"
    assert persons(SCHEMAS["birth"])["declarant"] is None
    assert persons(SCHEMAS["museum_object"]) == {}


def test_a_row_that_names_only_a_person_by_sex_opens_that_persons_block():
    assert marker_section("Về chị", SCHEMAS["marriage"]) == "wife"
    assert marker_section("Phần của công dân nam", SCHEMAS["marriage"]) == "husband"
    assert marker_section("Về chị", SCHEMAS["birth"]) is None
    assert marker_section("Xxx yyy của chị", SCHEMAS["marriage"]) is None  # from its words alone, maybe a label


def test_a_heading_by_its_place_that_names_a_person_by_sex_is_that_persons():
    rows = ["GIẤY CHỨNG NHẬN KẾT HÔN",
            "Xxx yyy của ông",
            "Họ tên đầy đủ: Vi Văn Sáng",
            "Năm sinh: 1991",
            "Dân tộc: Tày",
            "Xxx yyy của bà",
            "Họ tên đầy đủ: Hà Thị Hiền",
            "Năm sinh: 1994",
            "Dân tộc: Mường"]
    got = flatten_fields(extract_records([page(rows)], "hotich/")[0])
    assert got.get("husband.full_name") == "Vi Văn Sáng"
    assert got.get("husband.date_of_birth") == "1991"
    assert got.get("husband.ethnicity") == "Tày"
    assert got.get("wife.full_name") == "Hà Thị Hiền"
    assert got.get("wife.date_of_birth") == "1994"
    assert got.get("wife.ethnicity") == "Mường"
