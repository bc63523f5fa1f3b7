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
