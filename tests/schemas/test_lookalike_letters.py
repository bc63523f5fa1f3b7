"""A label word one look-alike letter off a vocabulary word is read as it (schemas/ocr_confusions.py,
labels.known_syllable); a value's own word is not."""

from schemas.labels import is_label_word, known_syllable
from schemas.ocr_confusions import SLIP_COST, nearest_by_look, weighted_distance


def test_look_alike_letters_cost_half_a_letter():
    assert weighted_distance("quan", "quan") == 0
    assert weighted_distance("guan", "quan") == SLIP_COST  # g for q
    assert weighted_distance("rnat", "mat") == SLIP_COST  # rn for m
    assert weighted_distance("kuan", "quan") == 1.0  # k and q do not look alike
    # the one nearest by look, and none when two are as near
    assert nearest_by_look("guan", {"quan", "quen", "gian"}, SLIP_COST) == "quan"
    assert nearest_by_look("tac", {"toc", "tec"}, SLIP_COST) is None


def test_a_label_word_one_letter_off_two_words_is_the_one_ocr_confuses_it_with():
    # "ngav": one letter off "ngay" and "ngan"; "v" is read for "y", not for "n"
    assert known_syllable("ngav") == "ngay"
    assert known_syllable("tlnh") == "tinh"  # "l" for "i"
    # a short word through a look-alike letter only, and only to one word
    assert known_syllable("hanq") == "hang"
    assert known_syllable("nqu") == "ngu"
    assert known_syllable("xqz") is None


def test_a_value_s_own_word_is_not_bent_into_a_label_word():
    # the syllable of an ethnic group, a place or a museum word is read as written, however near a label word
    assert not is_label_word("Bia")  # a stele, not "địa" with its Đ read as B
    assert is_label_word("Ngav")


def test_a_digit_ocr_read_for_a_letter_of_a_label_word_is_that_letter():
    assert known_syllable("t1nh") == "tinh"  # "1" for "i"
    assert known_syllable("kh1") == "khi"
    assert is_label_word("Ngày:") and is_label_word("Ngàv:")
    # numbers and codes stay what they are
    assert known_syllable("1968") is None and known_syllable("gc78") is None
