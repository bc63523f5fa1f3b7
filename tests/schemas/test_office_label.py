"""A label naming a body alone, or only that a body issued the paper, names the office that registered the paper
when that is the type's one body (schemas/office_label.py); less surely than a label naming the registration."""

from schemas.labels import field_meanings, resolve
from schemas.loader import load_schemas
from schemas.office_label import ONLY_OFFICE_SCORE, the_only_office


def _schema(record_type: str):
    return load_schemas()[record_type]


def test_a_body_alone_on_a_birth_or_marriage_paper_is_its_registering_office():
    for record_type in ("birth", "marriage"):
        for wording in ("Ủy ban", "Cơ quan ban hành", "Nơi cấp"):
            got = resolve(wording, _schema(record_type))
            assert got is not None and [s.key for s in got.specs] == ["registration.office"]
            assert got.score <= ONLY_OFFICE_SCORE  # never as sure as "Cơ quan đăng ký"


def test_a_type_with_another_body_leaves_the_label_unplaced():
    # a death record also asks who issued the death notice: a body alone does not say which of the two
    assert the_only_office(field_meanings(_schema("death"))) is None
    assert resolve("Cơ quan ban hành", _schema("death")) is None
    assert the_only_office(field_meanings(_schema("martyr"))) is None

