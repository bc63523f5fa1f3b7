"""The label benchmark: how a concept maps to what the reader returns, and how a reading is judged and counted."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import bench_labels as bl  # noqa: E402

from schemas.loader import load_schemas  # noqa: E402


def _schemas():
    return dict(load_schemas())


def test_the_subject_is_a_different_person_per_type():
    s = _schemas()
    assert bl.expected("child.name", s)[0] == bl.Place("birth", frozenset({"full_name"}))
    assert bl.expected("deceased.name", s)[0].record_type == "death"
    assert bl.expected("mother.name", s)[0].want == {"mother.full_name"}
    assert bl.expected("declarant_death.name", s)[0].want == {"declarant.full_name"}


def test_a_birth_date_falls_back_to_the_year_the_type_keeps():
    s = _schemas()
    assert bl.expected("mother.dob", s)[0].want == {"mother.birth_year"}
    assert bl.expected("martyr.birth_year", s)[0].want == {"date_of_birth"}


def test_a_concept_without_a_field_is_none():
    s = _schemas()
    assert bl.expected("mother.pob", s) is None
    assert bl.expected("nonsense", s) is None


def test_markers_and_relatives_have_their_own_meaning():
    s = _schemas()
    assert bl.expected("marker.wife", s)[0].want == {"section:wife"}
    assert "relation:cha" in bl.expected("relative.cha", s)[0].want


def test_judging_a_reading():
    place = bl.Place("death", frozenset({"time_of_death", "date_of_death"}))
    assert bl.judge(bl.Reading(frozenset({"time_of_death", "date_of_death"})), place) == "right"
    assert bl.judge(bl.Reading(frozenset({"date_of_death"})), place) == "right"
    assert bl.judge(bl.Reading(frozenset({"place_of_death"})), place) == "other"
    assert bl.judge(bl.Reading(), place) == "none"
    relative = bl.Place("martyr", frozenset({"relatives[].full_name", "relation:cha"}))
    assert bl.judge(bl.Reading(frozenset({"relatives[].full_name"}), "mẹ"), relative) == "other"


def test_counting_made_up_wordings():
    s = _schemas()
    wordings = {"mother.name": ["Họ và tên mẹ", "Xyzzy qwerty"], "mother.pob": ["Nơi sinh mẹ"],
                "child.name": ["Ngày sinh"]}
    missed = []
    tally = bl.count_split(wordings, s, lambda c, w, r: missed.append((c, w)))
    rules = tally.counts[("rules", "all", "all")]
    assert rules["right"] == 1 and rules["none"] == 1 and rules["other"] == 1 and rules[bl.NO_FIELD] == 1
    assert tally.counts[("rules", "role", "mother")]["right"] == 1
    assert ("mother.name", "Xyzzy qwerty") in missed and ("child.name", "Ngày sinh") in missed


def test_misses_are_never_offered_for_unseen():
    import pytest
    with pytest.raises(SystemExit):
        bl.main(["--splits", "seen", "--misses", "unseen"])
