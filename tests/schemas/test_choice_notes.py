"""A label's note in brackets that spells its field's choices is the label's, not the answer
(schemas.choice_notes, used by norm_sex and norm_enum)."""

import pytest

from schemas.choice_notes import after_choices_note
from schemas.extract import REVIEW_THRESHOLD
from schemas.normalize import norm_enum, norm_sex

METALS = {"gold": ["vàng"], "silver": ["bạc"], "bronze": ["đồng"]}


@pytest.mark.parametrize("raw,sex", [
    ("(chọn nam hay nữ) Nữ", "female"),
    ("(nữ / nam):- Nam", "male"),
    ("(trai, gái) Gái", "female"),
])
def test_the_sex_is_read_after_the_note_of_choices(raw, sex):
    n = norm_sex(raw)
    assert n.value == sex and n.quality == 1.0


def test_label_words_after_the_note_leave_the_sex_doubtful():
    n = norm_sex("(nam hay nữ) của em bé Nữ")
    assert n.value == "female" and n.quality < REVIEW_THRESHOLD


@pytest.mark.parametrize("raw", ["(nam hay nữ)", "(nam, nữ) của em bé", "(nam, nữ) Nam Nữ"])
def test_a_note_of_choices_alone_is_no_sex(raw):
    assert norm_sex(raw).value is None


def test_a_sex_written_in_brackets_is_still_the_answer():
    assert norm_sex("(Nữ)").value == "female"


def test_any_closed_field_whose_label_spells_its_choices():
    assert norm_enum("(vàng, bạc hoặc đồng) Bạc", METALS).value == "silver"
    assert norm_enum("(vàng, bạc hoặc đồng)", METALS).value is None
    assert norm_enum("Đồng", METALS).value == "bronze"


def test_a_note_naming_one_choice_is_not_a_note_of_choices():
    assert after_choices_note("Phòng (tầng 2) Nữ", lambda t: {"f"} if "nữ" in t.lower() else set()) is None
    assert after_choices_note("(nam, nữ) Nữ", lambda t: {w for w in t.replace(",", " ").split()}) == "Nữ"


@pytest.mark.parametrize("raw,sex", [
    ("Nam hay là nữ Nữ", "female"),
    ("Nam/Nữ: Nam", "male"),
    ("trai hoặc gái Gái", "female"),
])
def test_choices_offered_without_brackets_are_the_label(raw, sex):
    assert norm_sex(raw).value == sex


@pytest.mark.parametrize("raw", ["Nam hay la nu cua tre", "Nam, nữ", "Nam / Nữ"])
def test_choices_offered_without_an_answer_are_no_sex(raw):
    # a column's caption read as its cell ("Nam hay là nữ" over the cell): "Nam" is the question's, not the answer
    assert norm_sex(raw).value is None


@pytest.mark.parametrize("raw,sex", [("Nam", "male"), ("Nữ", "female"), ("Nữ Kinh Nam", "female")])
def test_one_choice_is_an_answer(raw, sex):
    assert norm_sex(raw).value == sex
