"""A short label word whose one letter OCR read as a digit is read back as the vocabulary word it spells."""

from __future__ import annotations

import pytest

from schemas.label_digits import letter_read_as_digit
from sohoa.digit_letters import LETTERS_FOR
from schemas.labels import is_label_word, known_syllable

VOCABULARY = frozenset({"kb", "mo", "hs", "xyz"})


@pytest.mark.parametrize("word,spelt", [
    ("k8", "kb"),  # an 8 for a B
    ("m0", "mo"),  # a 0 for an O
    ("h5", "hs"),  # a 5 for an S
    ("x2y", None),  # a 2 reads back as z only: "xzy" is no word
    ("xy2", "xyz"),
])
def test_the_digit_is_read_back_as_the_letter_that_spells_a_word(word, spelt):
    assert letter_read_as_digit(word, VOCABULARY) == spelt


@pytest.mark.parametrize("word", [
    "k88",  # two digits: a value's number, not an abbreviation
    "kb12",  # longer than an abbreviation
    "12",  # no letter
    "kb",  # no digit: a plain word is the vocabulary's to know
    "k-8",  # not a word of letters and digits
])
def test_values_and_plain_words_are_left_as_read(word):
    assert letter_read_as_digit(word, VOCABULARY) is None


def test_a_digit_two_letters_spell_words_for_is_left_as_read():
    assert set(LETTERS_FOR["8"]) >= {"b", "s"}
    assert letter_read_as_digit("k8", VOCABULARY | {"ks"}) is None


def test_a_label_abbreviation_with_a_digit_for_a_letter_is_a_label_word():
    # "CB" and "SH" are abbreviations the label vocabulary knows; read with a digit they were no label words
    assert known_syllable("c8") == "cb" and known_syllable("5h") == "sh"
    assert is_label_word("C8")
    assert not is_label_word("B12")
