"""Replaying a calibration on collected evidence gives the benchmark's figures (scripts/replay_calibration.py)."""

from __future__ import annotations

from replay_calibration import field_confidence, split_figures

from schemas.confidence import CONFIDENT, Calibration, StepMap

# a made-up calibration: labels read word for word are right 99.9 % of the time from a score of 0.9, labels read
# from their meaning 97 % of the time whatever the score
CAL = Calibration({"how:exact:-": StepMap((0.0, 0.9), (0.5, 0.999), 500),
                   "how:meaning:-": StepMap((0.0,), (0.97,), 500)}, 0.99)


def _field(key: str, how: str, raw: float, correct: bool | None, *, identity: bool = False,
           capped: bool = False) -> dict:
    return {"key": key, "kind": "name", "identity": identity, "required": False, "readable": True,
            "group": f"name:clean:{how}:-:known:document:-", "raw": raw, "capped": capped, "correct": correct}


def _record(fields: list[dict], *, perfect: bool = True, other: bool = False, level: int = 0,
            split: str = "dev") -> dict:
    return {"split": split, "level": level, "matched": True, "fields": fields, "nfields": len(fields),
            "perfect": perfect, "other": other}


def test_a_field_a_rule_holds_back_is_never_confident_whatever_its_map_says():
    assert field_confidence(CAL, _field("mother.full_name", "exact", 0.95, True)) >= CONFIDENT
    assert field_confidence(CAL, _field("mother.full_name", "exact", 0.95, True, capped=True)) < CONFIDENT
    assert field_confidence(CAL, _field("mother.full_name", "meaning", 0.99, True)) < CONFIDENT


def test_figures_count_confident_wrong_fields_held_records_and_wrong_records_let_through():
    records = [
        # every field confident: not held
        _record([_field("full_name", "exact", 0.95, True, identity=True)]),
        # an identity field read from its label's meaning: held, though right
        _record([_field("full_name", "meaning", 0.95, True, identity=True)], level=1),
        # a wrong field read word for word at a high score: confident and wrong, the record let through
        _record([_field("full_name", "exact", 0.97, False, identity=True)], perfect=False, level=1),
        # a rule's cap on an identity field holds the record
        _record([_field("full_name", "exact", 0.97, False, identity=True, capped=True)], perfect=False),
        # a reason that is no field's doubt (a required field missing) holds a record of confident fields
        _record([_field("full_name", "exact", 0.95, True, identity=True)], perfect=False, other=True),
        # another split is not counted
        _record([_field("full_name", "exact", 0.97, False, identity=True)], perfect=False, split="seen"),
    ]
    figures = split_figures(records, CAL, "dev")
    assert figures["records"] == 5 and figures["fields"] == 5
    assert figures["confident_wrong"] == 1
    assert figures["review"] == 3
    assert figures["silent"] == 1
    assert figures["review_by_level"] == {0: 66.7, 1: 50.0}



def test_with_every_right_field_confident_only_wrong_fields_and_the_rules_caps_hold_a_record():
    records = [
        # right, read from its label's meaning: held by the map, released when every right field is confident
        _record([_field("full_name", "meaning", 0.95, True, identity=True)]),
        # right but capped by a rule: held either way
        _record([_field("full_name", "exact", 0.95, True, identity=True, capped=True)]),
        # wrong, read from its meaning: the map holds it either way
        _record([_field("full_name", "meaning", 0.95, False, identity=True)], perfect=False),
    ]
    assert split_figures(records, CAL, "dev")["review"] == 3
    best = split_figures(records, CAL, "dev", right_confident=True)
    assert (best["review"], best["silent"], best["confident_wrong"]) == (2, 0, 0)
    assert field_confidence(CAL, _field("full_name", "meaning", 0.95, False), right_confident=True) < CONFIDENT
