"""What a label's words mean (schemas/labels.py, schemas/data/label_words.json): a family word with the event
after it ("người anh đã hy sinh") names the one the event is about; a syllable that lost one letter of its own is
still its phrase's."""

from schemas.labels import meaning, resolve
from schemas.loader import load_schemas

SCHEMAS = load_schemas()


def test_a_family_word_with_the_event_after_it_names_the_one_the_event_is_about():
    # "người chồng đã mất": the husband who died is the deceased himself, not a relative of his
    got = resolve("Họ tên người chồng đã mất", SCHEMAS["death"])
    assert got is not None and [s.key for s in got.specs] == ["full_name"]
    got = resolve("Họ và tên người cha đã hy sinh", SCHEMAS["martyr"])
    assert got is not None and [s.key for s in got.specs] == ["full_name"] and got.relation is None
    # a family word whose person is named after it ("vợ liệt sĩ") is still the relative
    got = resolve("Họ tên vợ liệt sĩ", SCHEMAS["martyr"])
    assert got is not None and got.relation == "vợ"


def test_a_phrase_whose_syllable_lost_one_letter_is_still_read():
    got = meaning("Nguyên uán")  # "nguyên quán", its "q" lost: one phrase, no word left unknown
    assert got.attrs == {"hometown"} and not got.unknown
    assert meaning("Quốc ịch").attrs == {"nationality"}  # "quốc tịch"
    got = meaning("Nơi hường trú")  # "thường trú"
    assert "residence" in got.attrs and not got.unknown
    assert not meaning("Họ tn").attrs - {"name"} and meaning("Họ tn").unknown  # a short syllable is never guessed


def test_the_other_party_after_with_typed_without_marks():
    # "với" is listed as a joining word and as the word after which the other party of a relation is named; typed
    # without marks ("voi") it still names the other party, so the tie asked is the declarant's
    got = meaning("Quan he voi nguoi chet")
    assert got.attrs == {"relation"} and got.objects == {"deceased"} and not got.roles
    got = resolve("Quan he voi nguoi chet", SCHEMAS["death"])
    assert got is not None and [s.key for s in got.specs] == ["declarant.relation"]
    assert meaning("Quan hệ với người chết").objects == {"deceased"}
