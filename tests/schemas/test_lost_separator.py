"""A code's separator OCR lost, put back where the page's other codes have it (schemas/lost_separator.py,
page_codes.restore_separators): only one separator, only where the page's shape and letter groups say."""

from schemas.lost_separator import separator_restored
from schemas.code_shapes import page_shape


def test_a_dot_lost_between_letters_and_digits_is_put_back():
    assert separator_restored("HV4939", "A.9", ["HV.5120", "HV.3988"]) == "HV.4939"
    assert separator_restored("BTLS2718/GK 40", "A 9/A 9", ["BTLS 5120/GK 12", "BTLS 3988/TL 7"]) == "BTLS 2718/GK 40"


def test_a_separator_inside_letters_needs_the_page_s_letter_groups():
    peers = ["BTLS.GK.5120", "BTLS.TL.3988"]
    assert separator_restored("BTLSGK.1234", "A.A.9", peers) == "BTLS.GK.1234"
    assert separator_restored("BTLSXY.1234", "A.A.9", peers) is None  # no page code shows where "BTLSXY" parts


def test_other_differences_are_left_as_read():
    assert separator_restored("HV.4939", "A.9", ["HV.5120", "HV.3988"]) is None  # already the page's shape
    assert separator_restored("HV4939", "A.A.9", ["HV.GK.5120", "HV.GK.3988"]) is None  # two separators lost
    assert separator_restored("4939", "A.9", ["HV.5120", "HV.3988"]) is None  # letters lost, not a separator


def test_the_page_shape_is_the_one_most_other_codes_share():
    assert page_shape(["HV.5120", "HV.3988", "KL 12"]) == "A.9"
    assert page_shape(["HV.5120", "KL 12"]) is None  # no shape two codes and most share
    assert page_shape(["5120", "3988"]) is None  # bare numbers say nothing of a code's letters
