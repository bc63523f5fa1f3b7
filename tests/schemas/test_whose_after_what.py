"""A label that asks something, a word or two in its own case, then a wording that names a person alone, ended by
the colon ("QUÊ QUÁN XXX ĐỒNG CHÍ:"): the label asks the first wording's field of that person, and neither the
words between become the value nor the person's wording a label of its own (issue 12, part AT;
schemas/matching.py, _whose_after_what; schemas/labels.py, same_person)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.labels import same_person
from schemas.loader import load_schemas

SCHEMAS = load_schemas()
PLACE = "xã Yên Lạc, huyện Như Xuân, tỉnh Thanh Hóa"


def _martyr(label: str) -> dict:
    rows = ["LÝ LỊCH LIỆT SĨ", [(100, "HỌ VÀ TÊN: Lò Văn Thắm")],
            [(100, f"{label} {PLACE}")],
            [(100, "CẤP BẬC: Trung úy")]]
    return flatten_fields(extract_records([page(rows)], "nguoicocong/")[0])


def test_the_subjects_hometown_asked_before_the_word_that_names_him():
    for label in ("QUÊ QUÁN XƯA ĐỒNG CHÍ:", "NGUYÊN QUÁN GỐC GÁC LIỆT SĨ:"):
        got = _martyr(label)
        assert got["hometown"] == PLACE, label
        assert got["full_name"] == "Lò Văn Thắm", label


def test_same_person():
    martyr, marriage = SCHEMAS["martyr"], SCHEMAS["marriage"]
    assert same_person(martyr.by_key["hometown"], martyr.by_key["full_name"], martyr)
    assert same_person(marriage.by_key["husband.date_of_birth"], marriage.by_key["husband.full_name"], marriage)
    assert not same_person(marriage.by_key["wife.date_of_birth"], marriage.by_key["husband.full_name"], marriage)
    # a certificate's number is nobody's
    assert not same_person(martyr.by_key["certificate.number"], martyr.by_key["full_name"], martyr)
