"""A place's units are vouched for only as the gazetteer writes them, marks and all (issue 12, part CZ;
schemas/place_spelling.py): a unit whose letters are a unit's under marks none has is a misread mark, and the
place is never confident. Places of the gazetteer, one with a mark changed."""

from schemas.place_spelling import written_as_known
from schemas.value_evidence import AGREES, DISAGREES, MARKS_NOTE, disagree_note, evidence, place_unit_names

WHOLE = "xã Võ Cường, huyện Yên Dũng, tỉnh Bắc Giang"
MISREAD = "xã Võ Cưởng, huyện Yên Dũng, tỉnh Bắc Giang"  # one tone mark read wrong


def test_the_unit_names_a_place_gives_after_its_level_words():
    assert place_unit_names(WHOLE) == ["Võ Cường", "Yên Dũng", "Bắc Giang"]
    assert place_unit_names("phường 3, quận 10, thành phố Hồ Chí Minh") == ["Hồ Chí Minh"]


def test_names_are_compared_marks_and_all_whatever_the_tone_marks_place():
    assert written_as_known(["Võ Cường", "Yên Dũng"])
    assert written_as_known(["Thanh Hoá"]) and written_as_known(["Thanh Hóa"])
    assert not written_as_known(["Võ Cưởng"])


def test_a_place_with_a_misread_mark_is_never_vouched_for():
    assert evidence("place", "residence", WHOLE, WHOLE, 1.0) == AGREES
    assert evidence("place", "residence", MISREAD, MISREAD, 1.0) == DISAGREES
    assert disagree_note("place", MISREAD, MISREAD, "residence") == MARKS_NOTE
