"""A label that offers the sexes as its choices asks the sex (issue 12, part BN): "nam" folds as "năm" (a year), so
such a label with a word of its own after the choices was read as a date's and its value lost
(``labels._sex_by_choices``, ``choice_notes.names_choices``). Made-up captions and values."""

from synth import page

from schemas.choice_notes import names_choices
from schemas.extract import extract_records, flatten_fields
from schemas.labels import resolve
from schemas.loader import load_schemas


def birth(*rows) -> dict:
    return flatten_fields(extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Lê Văn Nam", *rows],
                                                width=1800)], "hotich/")[0])


def test_a_label_offering_both_sexes_asks_the_sex():
    flat = birth("Ngày sinh: 04/07/1990", "Nam hay là nữ của trẻ: Nữ", "Dân tộc: Kinh")
    assert flat.get("sex") == "female"
    assert flat.get("date_of_birth") == "1990-07-04"


def test_a_caption_offering_both_sexes_over_its_value_asks_the_sex():
    flat = birth([(100, "Ngày sinh"), (700, "Nam hay là nữ của trẻ"), (1300, "Dân tộc")],
                 [(100, "04/07/1990"), (700, "Nam"), (1300, "Kinh")])
    assert flat.get("sex") == "male"
    assert flat.get("date_of_birth") == "1990-07-04"


def test_a_label_asking_something_else_keeps_its_field():
    schema = load_schemas()["birth"]
    r = resolve("Ngày sinh nam hay nữ", schema)
    assert r is not None and r.specs[0].key == "date_of_birth"
    m = resolve("Năm sinh đương sự nữ", load_schemas()["marriage"])
    assert m is not None and m.specs[0].key == "wife.date_of_birth"


def test_names_choices():
    def sexes(text: str) -> set[str]:
        return {w for w in text.split() if w in ("nam", "nữ")}
    assert names_choices("nam hay nữ", sexes)
    assert not names_choices("nữ", sexes)
    assert not names_choices("nữ hoặc nữ", sexes)


def test_both_sexes_offered_without_marks_ask_the_sex():
    # typed without marks "nam" is also "năm" (a year): joined to "nu" by "or" words alone, it is a choice offered
    schema = load_schemas()["birth"]
    for text in ("Nam hay la nu cua be", "Gioi (nam hoac nu)", "Nam hay nu"):
        r = resolve(text, schema)
        assert r is not None and [s.key for s in r.specs] == ["sex"], text


def test_a_year_without_marks_is_still_a_year():
    schema = load_schemas()["birth"]
    r = resolve("Nam sinh cua me", schema)
    assert r is not None and r.specs[0].key == "mother.birth_year"
    r = resolve("Nam sinh hay nu", schema)  # "or" does not join the two: the year asked, the sex a word after it
    assert r is not None and r.specs[0].key != "sex"


def test_a_caption_offering_both_sexes_without_marks_over_its_value():
    flat = birth([(100, "Ngay sinh"), (700, "Nam hay la nu cua tre"), (1300, "Dan toc")],
                 [(100, "04/07/1990"), (700, "Nữ"), (1300, "Kinh")])
    assert flat.get("sex") == "female"
    assert flat.get("date_of_birth") == "1990-07-04"
