"""A kin word's qualifier of blood (a word of blood or birth after it) names the person and
asks no birth; the birth word after a kin word stays the verb when what is asked follows it."""

from schemas.kin_words import blood_after_kin
from schemas.labels import meaning, resolve
from schemas.loader import load_schemas


def _never(_j: int) -> bool:
    return False


def test_blood_word_after_a_kin_word():
    assert blood_after_kin(["bố", "ruột"], ["bo", "ruot"], 1, "father", _never)
    assert blood_after_kin(["mẹ", "đẻ"], ["me", "de"], 1, "mother", _never)
    assert not blood_after_kin(["chồng", "ruột"], ["chong", "ruot"], 1, "husband", _never)
    assert not blood_after_kin(["bố", "sinh", "ngày"], ["bo", "sinh", "ngay"], 1, "father", lambda j: j == 2)



def test_a_place_of_a_parent_by_blood_asks_no_birth():
    birth = load_schemas()["birth"]
    m = meaning("Nơi ở hiện tại của ông bố ruột")
    assert m.roles == {"father"} and "birth" not in m.attrs
    assert [s.key for s in resolve("Chỗ ở của người cha sinh", birth).specs] == ["father.residence"]


def test_the_birth_verb_after_a_kin_word_still_asks_the_birth():
    m = meaning("Bố sinh ngày")
    assert m.roles == {"father"} and "birth" in m.attrs
