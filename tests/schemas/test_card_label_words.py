"""Words a card's labels are built from: a person named by handing the object over is who gave it; the time an
object was made is its dating, not the day it came in; the museum's own name says nothing. Made-up labels."""

from __future__ import annotations

import pytest

from schemas.labels import resolve
from schemas.loader import load_schemas


@pytest.fixture(scope="module")
def museum():
    return load_schemas()["museum_object"]


def _keys(label, schema):
    r = resolve(label, schema)
    return [s.key for s in r.specs] if r else None


@pytest.mark.parametrize("label", ["Người chuyển nhượng", "Người trao", "Người đóng góp", "Người bán lại"])
def test_a_person_named_by_handing_the_object_over_is_the_donor(museum, label):
    assert _keys(label, museum) == ["donor"]


@pytest.mark.parametrize("label", ["Năm chế tạo", "Thời gian tạo tác", "Ngày đúc"])
def test_the_time_an_object_was_made_is_its_dating(museum, label):
    assert _keys(label, museum) == ["dating"]


@pytest.mark.parametrize("label", ["Ngày đưa về bảo tàng", "Ngày nhập bảo tàng"])
def test_the_museums_own_name_asks_nothing(museum, label):
    assert _keys(label, museum) == ["acquisition_date"]


def test_a_way_of_handing_over_is_the_origin_not_the_donor(museum):
    assert _keys("Hình thức chuyển giao", museum) == ["origin"]


def test_a_verb_with_a_syllable_of_names_the_vocabulary_lacks_makes_no_phrase(monkeypatch):
    """A verb whose syllable is a common syllable of given names the vocabulary does not hold is left out of the
    phrases: a name ending on it would be cut where a label seemed to start. (A made-up verb "trao lụa".)"""
    from schemas import labels

    real = labels.label_words()
    data = dict(real, acts={**real["acts"], "donor": {**real["acts"]["donor"],
                                                        "verbs": [*real["acts"]["donor"]["verbs"], "trao lụa"]}})
    monkeypatch.setattr(labels, "label_words", lambda: data)
    assert "lụa" in labels.name_syllables()
    built = labels.lexicon.__wrapped__()
    assert ("người", "trao") in built.written and ("người", "trao", "lụa") not in built.written
    assert "lụa" not in built.marked
