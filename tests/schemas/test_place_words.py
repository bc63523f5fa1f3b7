"""A place field's value of one label word is no value; a one-word place the gazetteer does not know is doubtful."""

from schemas.loader import load_schemas
from schemas.place_words import another_fields_words, lone_label_word, lone_unknown_word
from schemas.value_evidence import DISAGREES, evidence
from schemas.value_look import of_another_kind

WAR_INVALID = load_schemas()["war_invalid"]


def test_one_label_word_is_no_place():
    # the head of the next label ("Tạm …", "… khẩu") taken as the place's value
    assert lone_label_word("Tạm")
    assert lone_label_word("Khẩu.")
    assert of_another_kind(WAR_INVALID.field("residence"), "Tạm")  # type: ignore[arg-type]


def test_places_stay_places():
    # a one-word city of the gazetteer, a country, a place of several ordinary words, a numbered one
    for value in ("Huế", "Lào", "Bến phà", "Nam Bộ", "Cao điểm 475"):
        assert not lone_label_word(value), value
    assert not of_another_kind(WAR_INVALID.field("residence"), "Huế")  # type: ignore[arg-type]


def test_lone_unknown_word_is_doubtful():
    assert lone_unknown_word("Tạm")
    assert lone_unknown_word("Zelto")  # a made-up word no gazetteer holds
    assert evidence("place", "injury_place", "Zelto", "Zelto", 1.0) == DISAGREES
    for value in ("Huế", "Lào", "Bến phà", "Cao điểm 475"):
        assert not lone_unknown_word(value), value
    assert evidence("place", "injury_place", "Huế", "Huế", 1.0) == ""


def test_another_fields_words_are_no_place():
    museum = load_schemas()["museum_object"]
    find_place = museum.field("find_place")
    # a material run under the find place's label
    assert another_fields_words(find_place, "Bạc trắng", museum)  # type: ignore[arg-type]
    for value in ("Làng Ngọc Hà", "Huế", "thôn 4, xã Yên Sở", "Kho 3"):
        assert not another_fields_words(find_place, value, museum), value  # type: ignore[arg-type]

