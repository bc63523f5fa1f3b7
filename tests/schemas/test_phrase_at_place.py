"""A closed list's phrase with the place the act was done at ("Khai quật tại di chỉ") is that field's value, not
a place's caption. Made-up cards."""

from __future__ import annotations

from schemas.cells import value_beside
from schemas.layout import Tok
from schemas.loader import label_key, load_schemas
from schemas.phrase_at_place import phrase_at_place


def _known(phrase: str) -> bool:
    return phrase.lower() in {"khai quật", "mua"}


def test_a_known_phrase_then_the_joining_word_and_a_place_is_the_phrase_at_a_place():
    assert phrase_at_place("Khai quật tại di chỉ", _known)
    assert phrase_at_place("Mua ở chợ", _known)


def test_no_joining_word_nothing_after_it_or_an_unknown_phrase_before_it_is_not():
    assert not phrase_at_place("Khai quật di chỉ", _known)
    assert not phrase_at_place("Khai quật tại", _known)
    assert not phrase_at_place("tại di chỉ", _known)
    assert not phrase_at_place("Đào bới tại di chỉ", _known)


def _toks(text: str) -> list[Tok]:
    return [Tok(w, label_key(w), 0.95, (100 + 80 * k, 100, 170 + 80 * k, 136), 1) for k, w in enumerate(text.split())]


def test_under_the_acquisitions_caption_an_act_at_a_place_is_its_value():
    museum = load_schemas()["museum_object"]
    assert value_beside(museum, _toks("Nguồn gốc:"), _toks("Khai quật tại di chỉ"))
    assert not value_beside(museum, _toks("Nguồn gốc:"), _toks("Bình gốm tại kho"))
