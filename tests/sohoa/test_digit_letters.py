"""One table of letters OCR reads for digits (sohoa/digit_letters.py): the date reader's fix_digits and
extraction's repairs by a value's kind (schemas/digit_letters.py) read every letter the same way."""

from schemas.digit_letters import digit_of
from sohoa.dates import fix_digits
from sohoa.digit_letters import DIGIT_FOR, ONE_DIGIT_LETTERS


def test_dates_and_values_read_each_letter_alike():
    for letter in DIGIT_FOR:
        fixed, repaired = fix_digits(f"19{letter}0")
        assert (fixed[2] if repaired else None) == digit_of(letter), letter


def test_a_letter_read_for_two_digits_is_read_as_neither_in_a_date():
    # a worn 8 closes like an S as a 5 does: the year is left as written for a person to read
    assert fix_digits("19S4") == ("19S4", False)
    assert "S" not in ONE_DIGIT_LETTERS


def test_a_seven_whose_foot_faded_is_read_in_a_date_too():
    assert fix_digits("19?3") == ("1973", True)
    assert fix_digits("2q/04") == ("29/04", True)
