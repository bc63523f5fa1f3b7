"""An object's state (schemas/object_state.py): a few words naming a damage or its absence are a museum card's
condition, which the record-wide decoding then tells from the free description it otherwise scores as much as."""

from schemas.assign import Pending, assign
from schemas.loader import load_schemas
from schemas.object_state import names_a_state

SCHEMAS = load_schemas()


def test_a_few_words_naming_a_damage_or_its_absence_name_a_state():
    assert names_a_state("Gãy một chân, vỡ nắp")
    assert names_a_state("Nguyên vẹn")
    assert names_a_state("Mép giấy bạc màu")
    assert names_a_state("NỨT DỌC THÂN")


def test_words_of_no_state_or_a_long_description_name_none():
    assert not names_a_state("Hình tròn, vẽ hoa sen ở vai")
    assert not names_a_state("Thời Nguyên")  # "nguyên" alone is no state: the pair is
    assert not names_a_state("Màu bạc")  # the pair's words in the other order: a colour
    # a description may name a damage, but it runs on over the object's shape and decoration
    assert not names_a_state("Thân hình trụ, vai vẽ hoa sen, đáy bằng có một vết nứt nhỏ")
    assert not names_a_state("")


def _placed(value: str, previous: str | None, following: str | None) -> list[str]:
    return [p.key for p in assign(SCHEMAS["museum_object"], [Pending("Xxq vvk", value, None, previous, following)],
                                  set())]


def test_a_state_under_a_label_nobody_listed_is_the_condition():
    # after the donor, at the card's end: without its look the condition is scored barely above the description
    assert _placed("Gãy một chân, vỡ nắp", "donor", None) == ["condition"]
    assert _placed("Nguyên vẹn", "donor", None) == ["condition"]


def test_a_description_is_not_taken_for_the_condition_by_its_look():
    assert _placed("Hình tròn, vẽ hoa sen ở vai", "donor", None) == []
