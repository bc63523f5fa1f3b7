"""A word of death opening a Sino-Vietnamese noun of a person on "sĩ" (士) names the fallen, not a death asked
(issue 12, part CE): "tử sĩ" is one who died, as "chiến sĩ" is one who fights, so a label holding it asks what
its other words ask (person_nouns.heads_person_noun, read by labels._meaning). Made-up labels."""

from schemas.labels import meaning, resolve
from schemas.loader import load_schemas
from schemas.person_nouns import heads_person_noun

MARTYR = load_schemas()["martyr"]


def keys(label: str) -> list[str]:
    got = resolve(label, MARTYR)
    return [s.key for s in got.specs] if got else []


def test_sĩ_after_a_phrase_heads_a_noun_of_a_person():
    assert heads_person_noun(["năm", "sinh", "tử", "sĩ"], 3)
    assert heads_person_noun(["tử", "sỹ"], 1)
    assert not heads_person_noun(["ngày", "tử"], 2)  # nothing after the death word: the death is asked
    assert not heads_person_noun(["tử", "si"], 1)  # folded "si" may be a name's syllable: only as written


def test_a_death_word_before_sĩ_asks_no_death():
    for label in ("Sinh năm tử sĩ", "Nguyên quán tử sỹ", "Nơi thường trú tử sỹ"):
        assert "death" not in meaning(label).attrs, label
    assert keys("Sinh năm tử sĩ") == ["date_of_birth"]
    assert keys("Nguyên quán tử sỹ") == ["hometown"]


def test_a_death_word_alone_is_still_the_death_asked():
    assert keys("Hy sinh ngày") == ["date_of_death"]
    assert keys("Nơi hy sinh") == ["place_of_death"]
