"""Captions side by side over values side by side: each value is its own caption's, even when its words read as a
label of that caption's field ("Bệnh tim" says "bệnh", a word of what a cause of death asks) (issue 12, part BF;
schemas/cells.py ``names_its_own_field``)."""

from synth import page

from schemas.cells import names_its_own_field
from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows
from schemas.loader import load_schemas

SCHEMAS = load_schemas()


def _death(captions: list, values: list) -> dict:
    rows = ["TRÍCH LỤC KHAI TỬ", "Họ và tên: Đinh Quang Vũ", "Ngày chết: 11/08/1994", captions, values]
    return flatten_fields(extract_records([page(rows, width=1800)], "hotich/")[0])


def test_a_value_in_its_own_fields_words_under_its_caption_stays_its_own():
    got = _death([(100, "Nơi chết"), (900, "Nguyên nhân chết")], [(100, "Bệnh viện huyện Kim Sơn"), (900, "Bệnh tim")])
    assert got.get("place_of_death") == "Bệnh viện huyện Kim Sơn"
    assert got.get("cause_of_death") == "Bệnh tim"


def test_the_captions_in_another_order_split_the_values_the_same_way():
    got = _death([(100, "Nguyên nhân chết"), (900, "Nơi chết")], [(100, "Bệnh phổi"), (900, "Nhà riêng, thôn Đông")])
    assert got.get("cause_of_death") == "Bệnh phổi"
    assert got.get("place_of_death") == "Nhà riêng, thôn Đông"


def _toks(text: str):
    return build_rows(page([text]))[0].toks


def test_words_naming_the_captions_own_field_are_its_value_another_fields_are_not():
    death = SCHEMAS["death"]
    assert names_its_own_field(death, _toks("Nguyên nhân chết"), _toks("Bệnh tim"))
    assert not names_its_own_field(death, _toks("Nơi chết"), _toks("Bệnh tim"))
    assert not names_its_own_field(death, _toks("Nguyên nhân chết"), _toks("Nơi chết"))
