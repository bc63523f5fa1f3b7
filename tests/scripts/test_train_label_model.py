"""The label classifier's training (scripts/train_label_model.py): examples from seen-wording forms, a model that
reads held-out ones, written the same way every time."""

import random

import train_label_model as t

from schemas.label_model import LabelModel, features


def test_examples_pair_each_printed_value_with_its_truth_key():
    exs = t.examples([1], per_kind=1)
    assert exs and {e[0] for e in exs} == {"birth", "death", "marriage", "martyr", "war_invalid", "museum_object"}
    keys = {(e[0], e[4]) for e in exs}
    assert ("birth", "mother.full_name") in keys and ("death", "date_of_death") in keys
    # the field read before is the previous pair's key on the page
    births = [e for e in exs if e[0] == "birth"]
    assert births[0][3] is None and all(b[3] == a[4] for a, b in zip(births, births[1:]) if b[3] is not None)


def test_a_model_trained_on_a_few_forms_reads_held_out_seen_forms():
    model = t.train(t.examples([1, 2, 3, 4], per_kind=2))
    held = t.examples([50, 51], per_kind=2)
    assert len(held) > 200
    assert t.accuracy(model, held) > 0.9
    # a field of one record type is never predicted for another type's pair
    probs = model.probabilities(features("birth", "Họ và tên mẹ:", "Trần Thị Lan", "hometown"),
                                {"mother.full_name", "father.full_name", "full_name"})
    assert max(probs, key=probs.get) == "mother.full_name" and abs(sum(probs.values()) - 1) < 1e-9


def test_training_is_deterministic_and_round_trips_through_json():
    exs = t.examples([7], per_kind=1)
    a, b = t.train(exs), t.train(exs)
    assert a.to_json() == b.to_json()
    again = LabelModel.from_json(a.to_json())
    f = features("death", "Ngày chết:", "05/03/2020", "full_name")
    assert again.probabilities(f) == a.probabilities(f)


def test_label_slips_stay_words():
    rng = random.Random(1)
    slipped = t._slip("Họ và tên người mẹ", rng)
    assert len(slipped.split()) == 5 and slipped != "Họ và tên người mẹ"
