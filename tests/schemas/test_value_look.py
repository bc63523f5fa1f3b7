"""A value whose look only one field of the type can hold (schemas/value_look.py): a military unit, a closed
value, a century, placed in that field whatever field a partly known label's meaning named; and a label that
names its person by their death ("… người đã mất") read as one label (schemas/reader.py, qualifies_label)."""

from synth import page

from schemas.layout import build_rows
from schemas.loader import load_schemas
from schemas.reader import PageReader
from schemas.value_look import field_by_look, is_century, is_military_unit, of_another_kind

SCHEMAS = load_schemas()


def key(value, record_type):
    spec = field_by_look(value, SCHEMAS[record_type])
    return spec.key if spec is not None else None


def test_a_chain_of_military_units_is_the_types_unit_field():
    assert key("Trung đội 3, Đại đội 7", "martyr") == "unit"
    assert key("Tiểu đoàn 2, Sư đoàn 9", "war_invalid") == "unit_when_injured"
    assert is_military_unit("Trung đoàn Ba Gia") and not is_military_unit("Trung đội trưởng")


def test_a_whole_closed_value_is_its_enum_field_and_a_longer_text_is_not():
    assert key("BỆNH BINH", "war_invalid") == "category"
    assert key("bệnh binh nặng do chất độc", "war_invalid") is None


def test_a_century_is_the_dating_and_a_bare_year_says_nothing():
    assert key("Cuối thế kỷ XIX", "museum_object") == "dating"
    assert is_century("thế kỷ 14") and not is_century("Năm 1925")
    assert key("Năm 1925", "museum_object") is None


def test_a_type_without_such_a_field_gets_none():
    assert key("Tiểu đoàn 2, Sư đoàn 9", "birth") is None
    assert key("Giữa thế kỷ XV", "martyr") is None


def drafts(lines, record_type):
    """The fields each draft of one page holds as the page reader leaves them, before the record-wide decoding."""
    p = page(lines)
    reader = PageReader(SCHEMAS[record_type], [r for r in build_rows(p) if r.toks], "document", 1, p.width)
    return [{k: f.value for k, f in d.fields.items()} for d in reader.read()]


def labels_of(text, record_type):
    p = page([text])
    reader = PageReader(SCHEMAS[record_type], [], "document", 1, p.width)
    return [m.spec.key for m in reader._labels(build_rows(p)[0].toks, None)]


def test_a_unit_under_a_label_read_by_meaning_as_another_field_is_the_unit():
    # "Sinh hoạt tại" reads as a birth for its "sinh"; the value is a chain of units, the unit field's
    got = drafts(["GIẤY BÁO TỬ", "Họ và tên: Đinh Công Tráng", [(100, "Sinh hoạt tại"), (650, "Đại đội 3, Tiểu đoàn 8")]],
                 "martyr")
    assert got[0].get("unit") == "Đại đội 3, Tiểu đoàn 8"
    assert got[0].get("date_of_birth") is None


def test_a_closed_value_under_a_label_that_names_a_person_is_its_field():
    # "Người có công" names the subject only; "Bệnh binh" is no name but the category's closed value
    got = drafts(["GIẤY CHỨNG NHẬN THƯƠNG BINH", [(100, "Họ và tên"), (650, "Đinh Công Tráng")],
                  [(100, "Người có công"), (650, "Bệnh binh")]], "war_invalid")
    assert got[0].get("category") == "sick_soldier"
    assert got[0].get("full_name") == "Đinh Công Tráng"


def test_a_century_under_a_label_naming_no_field_is_the_dating():
    # "Tuổi vật" names no field of the type; "thế kỷ" and its numeral are a dating's
    got = drafts(["PHIẾU HIỆN VẬT", "Tên hiện vật: Bình gốm", "Tuổi vật: Giữa thế kỷ XV"], "museum_object")
    assert got[0].get("dating") == {"year_from": 1431, "year_to": 1470}


def test_a_death_after_a_persons_label_names_whose_field_it_is():
    # "quân nhân đã hy sinh" says whose name is asked: one label, the name's, not a date of death's
    assert labels_of("Họ và tên (viết hoa) quân nhân đã hy sinh: Đinh Công Tráng", "martyr") == ["full_name"]


def test_a_death_label_after_a_wide_blank_stays_a_label_of_its_own():
    # two pairs on one row, parted by a wide blank (an OCR line's end): the second label is a field of its own
    p = page([[(100, "Họ và tên (viết hoa) quân nhân"), (900, "đã hy sinh: 05/06/1968")]])
    reader = PageReader(SCHEMAS["martyr"], [], "document", 1, p.width)
    assert [m.spec.key for m in reader._labels(build_rows(p)[0].toks, None)] == ["full_name", "date_of_death"]


def test_a_phrase_of_a_list_only_one_field_is_written_in_is_that_fields():
    # the ways an object comes into a collection are its origin's own list; a condition or a material is not
    assert key("Trao đổi", "museum_object") == "origin"
    assert key("Rạn nứt nhẹ", "museum_object") is None


def test_an_origin_under_a_label_naming_no_field_is_the_origin():
    got = drafts(["PHIẾU HIỆN VẬT", "Tên hiện vật: Bình gốm", "Cách có được: Trao đổi"], "museum_object")
    assert got[0].get("origin") == "Trao đổi"


def test_label_words_are_no_number():
    # the next label's words taken for a register's number; a number spelled in words or a Roman one stays
    birth = load_schemas()["birth"]
    number = birth.field("registration.number")
    assert of_another_kind(number, "Quyển số")  # type: ignore[arg-type]
    for value in ("mười hai", "XIV", "127"):
        assert not of_another_kind(number, value), value  # type: ignore[arg-type]
