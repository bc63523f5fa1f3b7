"""A catalogue code is an object's own number, never the place it is kept (schemas/catalogue_code.py): a label
whose words name the store over an object's code no longer takes the code as the storage place, and the storage
place's own pair is read; a shelf mark is still the storage place."""

from synth import page

from schemas.catalogue_code import is_catalogue_code
from schemas.extract import extract_records
from schemas.loader import load_schemas
from schemas.value_look import STORE_WORDS, field_by_look, of_another_kind

MUSEUM = load_schemas()["museum_object"]
STORAGE = MUSEUM.by_key["storage_location"]


def test_a_code_of_capitals_and_digits_is_a_catalogue_code():
    assert is_catalogue_code("BTLS 2718/GK 40", STORE_WORDS)
    assert is_catalogue_code("HV.3051", STORE_WORDS)
    assert is_catalogue_code("GM 512", STORE_WORDS)


def test_a_shelf_mark_a_bare_number_or_words_are_no_code():
    assert not is_catalogue_code("Kho 2, giá 5, ngăn 1", STORE_WORDS)
    assert not is_catalogue_code("KHO 2, GIÁ 5", STORE_WORDS)
    assert not is_catalogue_code("12", STORE_WORDS)
    assert not is_catalogue_code("Phòng trưng bày A", STORE_WORDS)
    assert not is_catalogue_code("GỐM SỨ", STORE_WORDS)


def test_a_code_under_the_storage_place_is_of_another_kind_and_goes_to_the_code_field():
    assert of_another_kind(STORAGE, "BTLS 2718/GK 40")
    assert not of_another_kind(STORAGE, "Kho 2, giá 5, ngăn 1")
    spec = field_by_look("BTLS 2718/GK 40", MUSEUM)
    assert spec is not None and spec.key == "inventory_number"


def test_a_store_labelled_code_and_the_storage_place_are_both_read():
    card = page(["PHIẾU HIỆN VẬT",
                 "Ký hiệu kho: BTLS 2718/GK 40",
                 "Tên hiện vật: Bình gốm",
                 "Chất liệu: Gốm",
                 "Nơi bảo quản: Kho 2, giá 5, ngăn 1"])
    rec = extract_records([card], "museum_object")[0]["fields"]
    assert rec["storage_location"]["value"] == "Kho 2, giá 5, ngăn 1"
    assert rec["inventory_number"]["value"] == "BTLS 2718/GK 40"
