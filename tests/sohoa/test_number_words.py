"""Numbers in words: one grammar read and spelled (sohoa/number_words.py)."""

import pytest

from sohoa.number_words import leading_number, read_number, spellings, written_numeral
from sohoa.text import fold


def words(text: str) -> list[str]:
    return fold(text).split()


@pytest.mark.parametrize("text,n", [
    ("bảy", 7), ("mười", 10), ("mười bốn", 14), ("mười lăm", 15), ("mười nhăm", 15), ("ba mươi", 30),
    ("ba mươi mốt", 31), ("sáu mươi tư", 64), ("tám mươi lăm", 85), ("một trăm", 100), ("trăm", 100),
    ("hai trăm linh sáu", 206), ("bốn trăm lẻ một", 401), ("chín trăm mười hai", 912),
    ("một nghìn", 1000), ("ba ngàn không trăm linh bảy", 3007), ("hai nghìn lẻ tư", 2004),
    ("một nghìn tám trăm bảy mươi", 1870), ("hai triệu", 2_000_000), ("hai triệu ba trăm nghìn", 2_300_000),
    ("không", 0),
])
def test_numbers_said_in_words_are_read(text, n):
    assert read_number(words(text)) == n


@pytest.mark.parametrize("text", [
    "hai ba",  # two numerals side by side: no number (a range, or words of another kind)
    "một chín tám hai",  # digits read one by one
    "lăm",  # "lăm" is 5 only after the tens
    "mười mười", "linh năm",  # "linh" only after a hundred or more
    "một không trăm", "ba mươi không",
    "hai chiếc", "",
])
def test_words_that_say_no_number_are_not_read(text):
    assert read_number(words(text)) is None


def test_every_spelling_reads_back_to_its_number():
    for n in [*range(1, 1100), 1900, 1945, 1975, 2004, 2011, 10_000, 35_005, 999_999]:
        for said in spellings(n):
            assert read_number(said) == n, said


def test_the_usual_spellings_are_given():
    assert words("hai nghìn không trăm linh bốn") in [list(s) for s in spellings(2004)]
    assert words("hai ngàn lẻ tư") in [list(s) for s in spellings(2004)]
    assert words("một trăm hai mươi lăm") in [list(s) for s in spellings(125)]
    assert words("một trăm hai mươi nhăm") in [list(s) for s in spellings(125)]


def test_the_number_at_the_start_of_words_and_its_length():
    assert leading_number(words("mười hai cái")) == (12, 2)
    assert leading_number(words("một bộ gồm mười hai cái")) == (1, 1)
    assert leading_number(words("chiếc bình")) is None


def test_a_numeral_as_written_keeps_its_own_marks():
    assert written_numeral("Hai") and written_numeral("mốt") and written_numeral("bẩy")
    assert written_numeral("muoi")  # typed without marks
    assert not written_numeral("bà") and not written_numeral("từ") and not written_numeral("bọn")
