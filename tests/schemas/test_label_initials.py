"""A label word cut to its initial and a dot: the vocabulary's word it stands for. Made-up labels."""

from __future__ import annotations

import pytest

from schemas.label_initials import first_syllables, spelled_initials
from schemas.labels import resolve
from schemas.loader import load_schemas

VOCABULARY = [("niên", "đại"), ("hiện", "trạng"), ("tình", "trạng"), ("thực", "trạng"), ("xuất", "xứ"),
              ("thời", "đại", "mới")]


def test_an_initial_before_a_syllable_is_the_one_word_it_can_stand_for():
    seconds = first_syllables(VOCABULARY)
    assert spelled_initials("N.đại (ước tính)", seconds) == "niên đại (ước tính)"
    assert spelled_initials("H. trạng", seconds) == "hiện trạng"


@pytest.mark.parametrize("text", ["T.trạng", "Q.đại", "Niên đại", "AB.CD.12", "T.đại"])
def test_an_initial_that_stands_for_no_word_or_for_two_stays(text):
    assert spelled_initials(text, first_syllables(VOCABULARY)) == text


@pytest.mark.parametrize("label, key", [("N.đại", "dating"), ("X.xứ (ghi rõ)", "origin"), ("H.trạng", "condition")])
def test_a_label_with_an_initial_reads_as_its_whole_word(label, key):
    r = resolve(label, load_schemas()["museum_object"])
    assert r is not None and [s.key for s in r.specs] == [key]
