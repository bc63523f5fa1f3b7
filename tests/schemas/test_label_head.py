"""A card's label read by the head of its noun phrase: the first words say the property, the words after it narrow
it, even when they are words of another property. Made-up labels and cards."""

from __future__ import annotations

import pytest

from schemas.extract import extract_records
from schemas.label_head import head_reading
from schemas.labels import Resolution, resolve
from schemas.loader import load_schemas

from synth import page


@pytest.fixture(scope="module")
def museum():
    return load_schemas()["museum_object"]


@pytest.mark.parametrize("label, key", [("Tình trạng chất liệu", "condition"), ("Nguồn tiếp nhận", "origin"),
                                        ("Mô tả kích thước", "description")])
def test_the_first_words_say_the_field_when_the_rest_names_another(museum, label, key):
    r = resolve(label, museum)
    assert r is not None and [s.key for s in r.specs] == [key]
    assert r.score <= 0.6  # the modifier was not read: never a sure reading


def test_a_clause_is_not_read_by_its_first_words(museum):
    """A label that opens on the act ("Tiếp nhận …") is a clause, not a noun phrase."""
    assert resolve("Tiếp nhận bằng hình thức", museum) is None


def test_a_shared_head_decides_nothing(museum):
    """A number's head ("Số …") takes its meaning from the words after it: read alone it names no field."""
    number = Resolution((museum.by_key["inventory_number"],), 0.9)
    needs = {"inventory_number": [frozenset({"number"})]}
    assert head_reading(["số", "kho"], museum, lambda words: number if words == "số" else None,
                        lambda key: needs.get(key, [])) is None
    condition = Resolution((museum.by_key["condition"],), 0.9)
    got = head_reading(["hiện", "trạng", "kho"], museum, lambda words: condition if words == "hiện trạng" else None,
                       lambda key: [frozenset({"condition"})])
    assert got is not None and got.specs == condition.specs and got.score == 0.6


def test_a_persons_label_is_not_read_by_its_head():
    birth = load_schemas()["birth"]
    assert resolve("Tình trạng chất liệu", birth) is None


def test_a_card_line_whose_label_names_two_properties_gives_its_value_to_the_head():
    rows = ["PHIẾU HIỆN VẬT", "Tên hiện vật: Chum sành", "Chất liệu: Sành",
            "Tình trạng chất liệu: Nứt nhẹ ở vai"]
    fields = extract_records([page(rows, width=2000)], collection="baotang/")[0]["fields"]
    assert fields["condition"]["value"] == "Nứt nhẹ ở vai"
    assert fields["material"]["value"] == "Sành"


def test_a_label_naming_a_field_through_a_shared_word_only_is_read_by_its_content_head(museum):
    """"Kho mã số" would be a code by its shared words; its head says where the object is kept."""
    r = resolve("Kho mã số", museum)
    assert r is not None and [s.key for s in r.specs] == ["storage_location"]
    r = resolve("Số kiểm kê", museum)
    assert r is not None and [s.key for s in r.specs] == ["inventory_number"]


@pytest.mark.parametrize("label", ["Cơ quan", "Ủy ban nhân dân"])
def test_a_label_naming_one_thing_the_card_lacks_is_not_read_by_its_first_syllable(museum, label):
    """An office is no property of a card: the label names nothing there. Its first syllable alone is another word
    ("Cơ" is one tone from "cỡ", a size), but a compound of the vocabulary is not cut into a head."""
    assert resolve(label, museum) is None
