import pytest

from indexers.keyboard import readings


@pytest.mark.parametrize("typed, meant", [
    ("nguyeenx vawn ddwcs", "nguyễn văn đức"),      # Telex
    ("Traanf Thij Hoaf", "Trần Thị Hòa"),
    ("nguye6n4 va8n d9u7c1", "nguyễn văn đức"),      # VNI
    ("tra6n2 thi5 lan", "trần thị lan"),
])
def test_keystrokes_read_as_the_letters_meant_beside_the_literal_reading(typed, meant):
    got = readings(typed)
    assert got[0] == typed and meant in got


@pytest.mark.parametrize("typed", ["nguyen van duc", "Nguyễn Văn Đức", "le thi ha 1972", "hoang van tvu", ""])
def test_text_that_is_no_keystrokes_has_only_its_literal_reading(typed):
    assert readings(typed) == [typed]


def test_numbers_and_words_already_in_vietnamese_stay_as_they_are():
    assert readings("Nguyễn vawn 1972") == ["Nguyễn vawn 1972", "Nguyễn văn 1972"]
