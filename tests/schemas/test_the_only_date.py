"""A label that asks only a date in words that name no event (schemas/labels.py, ``_the_only_date``): in a type
that asks one date, that date; where a type asks several, none is guessed from the date word alone."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.labels import resolve
from schemas.loader import load_schemas

SCHEMAS = load_schemas()


def test_a_date_alone_is_the_one_date_a_card_asks():
    r = resolve("Xxx yyy ngày", SCHEMAS["museum_object"])
    assert [s.key for s in r.specs] == ["acquisition_date"]
    assert r.score < 0.9  # less sure than a label naming the event: two words nobody listed


def test_a_date_alone_names_none_of_several():
    assert resolve("Xxx yyy ngày", SCHEMAS["martyr"]) is None
    assert resolve("Xxx yyy ngày", SCHEMAS["war_invalid"]) is None


def test_a_card_row_read_by_its_date_word():
    rows = ["PHIẾU HIỆN VẬT", "Số đăng ký: BTBN 1234/KL 5", "Tên hiện vật: Chuông đồng", "Xxx yyy ngày: 12/05/1998"]
    fields = flatten_fields(extract_records([page(rows)], "baotang/")[0])
    assert fields["acquisition_date"] == "1998-05-12"
