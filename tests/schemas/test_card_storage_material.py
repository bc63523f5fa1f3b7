"""Where a museum card says an object is kept and what it is made of: the general Vietnamese words for storing
("lưu trữ", a place word with "bảo quản") and for the making of a thing ("được làm bằng"), and a store's or a
cabinet's name before its number starting the value on a row with no colon. Made-up cards and values."""

from __future__ import annotations

import pytest

from schemas.extract import extract_records
from schemas.label_edges import capitals_head
from schemas.labels import resolve
from schemas.layout import build_rows
from schemas.loader import load_schemas
from schemas.value_start import value_start

from synth import page

MUSEUM = load_schemas()["museum_object"]


def _card(*rows: str) -> dict:
    lines = ["PHIẾU HIỆN VẬT", "Số đăng ký: BT.5521", "Tên hiện vật: Lọ sứ vẽ cá", *rows]
    return extract_records([page(lines)], collection="baotang/")[0]["fields"]


@pytest.mark.parametrize("label, key", [("Nơi lưu trữ", "storage_location"), ("Địa điểm bảo quản", "storage_location"),
                                        ("Được làm bằng", "material")])
def test_words_of_storing_and_of_making_name_their_field(label, key):
    got = resolve(label, MUSEUM)
    assert got is not None and [s.key for s in got.specs] == [key]


def test_a_place_where_an_object_is_kept_is_no_place_where_it_was_found():
    """"bảo quản" after a place word is where the object is kept: the card's storage, not its find place."""
    fields = _card("Địa điểm bảo quản: Tủ kính 3, phòng trưng bày", "Nơi phát hiện: xã Đông Sơn")
    assert fields["storage_location"]["value"] == "Tủ kính 3, phòng trưng bày"
    assert fields["find_place"]["value"] == "xã Đông Sơn"


@pytest.mark.parametrize("text, start", [("Nơi lưu giữ Tủ 4, ngăn 2", 3), ("VỊ TRÍ Giá 12", 2),
                                         ("Quyển số 06", 2), ("Năm sinh 1950", 2)])
def test_a_word_in_the_values_case_before_the_first_number_starts_the_value(text, start):
    """A store's, a shelf's or a cabinet's name before its number ("Tủ 4") is the value's first word though labels
    use such words too; a label's own last word in its case ("số" of "Quyển số") is still the label's."""
    toks = build_rows(page([text]))[0].toks
    assert value_start(toks) == start


@pytest.mark.parametrize("value, cut", [("KHO 5, KỆ 2", 0), ("KHO B 5, GIÁ 2", 0), ("HIỆN VẬT 01", 2), ("KHO 5", 1)])
def test_a_value_in_capitals_keeps_its_first_word_though_labels_use_it(value, cut):
    """A store written in capitals ("KHO 5, KỆ 2"), its words going on in capitals after the number, is a value in
    capitals whole; label words in capitals before a number that ends the value are still the label's."""
    storage = next(f for f in MUSEUM.fields if f.key == "storage_location")
    assert capitals_head(storage, value.split()) == cut
