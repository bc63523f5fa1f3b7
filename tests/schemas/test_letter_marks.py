"""A hatted letter is a letter of its own (issue 12): a label's syllable written with one where the vocabulary's
word has the plain letter is another word, so a phrase matched only once folded is not read across it
(schemas/letter_marks.py, labels._other_letters). Made-up labels."""

from schemas.labels import meaning, resolve
from schemas.letter_marks import another_phrase, letters, other_letter, tone_for_tone
from schemas.loader import load_schemas

SCHEMAS = load_schemas()


def test_letters_keep_hats_and_drop_tones():
    assert letters("Quán") == "quan"
    assert letters("quần") == "quân"
    assert letters("Đường") == "đương"


def test_a_hatted_letter_is_another_letter_a_tone_is_not():
    assert other_letter("quần", "quán")
    assert not other_letter("quan", "quán")  # no marks at all: no evidence
    assert not other_letter("mẻ", "mẹ")  # a tone slip changes no letter
    assert not other_letter("", "quán")


def test_a_phrase_is_another_only_when_every_form_is_contradicted():
    assert another_phrase(["sinh", "quần"], (("sinh", "quán"),))
    assert not another_phrase(["sinh", "quần"], (("sinh", "quán"), ("sinh", "quần")))
    assert not another_phrase(["sinh", "quần"], ())


def test_a_birth_label_about_a_person_the_vocabulary_lacks_is_no_hometown():
    for label in ("Ngày sinh quần chúng", "Năm sinh quần chúng"):
        m = meaning(label)
        assert "hometown" not in m.attrs and "birth" in m.attrs, label
        for kind in ("martyr", "war_invalid"):
            assert [s.key for s in resolve(label, SCHEMAS[kind]).specs] == ["date_of_birth"], (label, kind)


def test_the_hometown_phrase_is_still_read_with_or_without_marks():
    for label in ("Sinh quán", "Sinh quan", "SINH QUÁN"):
        assert "hometown" in meaning(label).attrs, label


def test_one_hat_read_for_another_is_a_slip():
    assert not other_letter("bở", "bổ")
    assert not other_letter("ăn", "ân")


def test_one_tone_for_another_is_no_slip_on_marks():
    assert tone_for_tone("Hãi", "hải")
    assert tone_for_tone("Hoà", "hỏa") and tone_for_tone("Hòa", "hỏa")  # either placement of the tone
    assert not tone_for_tone("Chỉ", "chi")  # a tone where there is none: the dot of the i read as one
    assert not tone_for_tone("Đúc", "đức")  # a horn lost
    assert not tone_for_tone("Hải", "hải")
