"""Splitting and merging records (schemas/regroup.py): pure functions over record dicts."""

from __future__ import annotations

import pytest

from indexers.records import base_of, derive
from schemas.extract import flatten_fields
from schemas.regroup import merge_records, replay, split_record, start_of
from schemas.review import Decision, ReviewError, apply_decisions


def f(value, page, top, conf=0.9):
    return {"value": value, "raw": str(value), "confidence": conf, "page": page, "bbox": [100, top, 500, top + 30]}


def two_entries() -> dict:
    """A register page read as one record: two births, the second from y=1200 on."""
    return {
        "record_type": "birth", "family": "civil_status", "schema_version": "1", "ordinal": 0, "split": None,
        "pages": [1], "confidence": 0.9, "needs_review": True,
        "fields": {"full_name": f("Nguyễn Văn An", 1, 200), "date_of_birth": f("1972-03-15", 1, 260),
                   "mother": {"full_name": f("Trần Thị Lan", 1, 320)},
                   "father": {"full_name": f("Lê Văn Bình", 1, 1260, conf=0.4)},
                   "place_of_birth": f("xã Đình Bảng", 1, 1320),
                   "relatives": [{"full_name": f("Đỗ Thị Mai", 1, 380)}, {"full_name": f("Đỗ Văn Hùng", 1, 1380)}]},
        "review_reasons": ["father.full_name: not confident (0.400)", "relatives[1].full_name: not confident (0.4)",
                           "record type taken from the collection, no heading recognised"],
        "doubtful": ["father.full_name", "relatives[1].full_name"],
        "missing": [],
        "unmapped": [{"label": "Ghi chú", "value": "Bí Mật", "page": 1, "bbox": [100, 1400, 300, 1430]}],
    }


def test_a_split_sends_every_field_at_or_after_the_point_to_a_new_record():
    first, second = split_record(two_entries(), (1, 1260))
    a, b = flatten_fields(first), flatten_fields(second)
    assert a == {"full_name": "Nguyễn Văn An", "date_of_birth": "1972-03-15", "mother.full_name": "Trần Thị Lan",
                 "relatives[0].full_name": "Đỗ Thị Mai"}
    # a list entry moves whole and is numbered again, with what names it
    assert b == {"father.full_name": "Lê Văn Bình", "place_of_birth": "xã Đình Bảng",
                 "relatives[0].full_name": "Đỗ Văn Hùng"}
    assert second["doubtful"] == ["father.full_name", "relatives[0].full_name"] and first["doubtful"] == []
    assert "relatives[0].full_name: not confident (0.4)" in second["review_reasons"]
    # a reason about the whole record stays on both; the second part lacks its required name and date
    assert all("record type taken" in " ".join(r["review_reasons"]) for r in (first, second))
    assert second["missing"] == ["full_name", "date_of_birth"] and first["missing"] == []
    assert "full_name: required field missing" in second["review_reasons"]
    assert [u["label"] for u in second["unmapped"]] == ["Ghi chú"] and first["unmapped"] == []
    assert first["pages"] == [1] and second["pages"] == [1]


def test_a_split_at_the_top_of_a_page_and_one_with_nothing_on_a_side():
    rec = two_entries()
    rec["fields"]["place_of_birth"] = f("xã Đình Bảng", 2, 100)
    rec["pages"] = [1, 2]
    first, second = split_record(rec, (2, 0))
    assert list(flatten_fields(second)) == ["place_of_birth"] and second["pages"] == [2] and first["pages"] == [1]
    with pytest.raises(ReviewError, match="nothing on one side"):
        split_record(rec, (1, 0))


def test_answers_follow_their_fields_and_a_merge_undoes_a_split():
    rec = derive({**two_entries(), "doc_hash": "ab" * 32, "collection": "hotich", "key": "k", "bucket": "b",
                  "extracted_at": "2026-01-01T00:00:00+00:00"})
    decisions = [Decision(k, "accept") for k in flatten_fields(rec)]
    decisions[-1] = Decision("relatives[1].full_name", "edit", "Đỗ Văn Hưng")
    review = apply_decisions(rec, decisions, who="Lan", at="2026-12-04T10:00:00+00:00", rule=())
    stored = derive({**base_of(rec), "review": review})
    first, second = split_record(base_of(stored), (1, 1260))
    assert second["review"]["fields"]["relatives[0].full_name"]["value"] == "Đỗ Văn Hưng"
    assert "relatives[1].full_name" not in first["review"]["fields"]
    doc2 = derive({**second, "split": 1})
    assert doc2["record_id"].endswith(":r0000s1") and doc2["review_status"] == "verified"
    assert doc2["fields"]["relatives"][0]["full_name"]["value"] == "Đỗ Văn Hưng"

    merged = merge_records(first, second)
    assert flatten_fields(merged) == flatten_fields(stored)
    assert merged["review"]["fields"]["relatives[1].full_name"]["value"] == "Đỗ Văn Hưng"
    assert merged["missing"] == [] and "full_name: required field missing" not in merged["review_reasons"]


def test_a_merge_keeps_what_a_person_answered_and_says_where_pages_disagree():
    a = {"record_type": "martyr", "pages": [1], "fields": {"full_name": f("Nguyễn Văn Ba", 1, 100, conf=0.5)},
         "review_reasons": [], "doubtful": [], "unmapped": [], "needs_review": False}
    b = {"record_type": "martyr", "pages": [2], "fields": {"full_name": f("Nguyễn Văn Bá", 2, 100, conf=0.95),
                                                           "unit": f("E209", 2, 300)},
         "review_reasons": [], "doubtful": [], "unmapped": [], "needs_review": False}
    merged = merge_records(a, b)
    assert flatten_fields(merged) == {"full_name": "Nguyễn Văn Bá", "unit": "E209"}  # the more confident
    assert "full_name: pages 1 and 2 disagree" in merged["review_reasons"] and merged["needs_review"]
    assert merged["pages"] == [1, 2]
    # one of the two readings is wrong: the kept one, however sure its page was, is no longer confident
    b["fields"]["full_name"]["confidence"] = 0.999
    merged = merge_records(a, b)
    assert merged["fields"]["full_name"]["confidence"] < 0.995 and "full_name" in merged["doubtful"]
    assert merged["fields"]["unit"]["confidence"] == 0.9 and "unit" not in merged["doubtful"]
    a["review"] = {"fields": {"full_name": {"status": "verified", "action": "accept", "value": "Nguyễn Văn Ba"}}}
    answered = merge_records(a, b)
    assert flatten_fields(answered)["full_name"] == "Nguyễn Văn Ba"  # a person's answer wins
    assert "full_name" not in answered["doubtful"]  # and settles it


def test_replay_makes_the_same_records_again_on_a_fresh_extraction():
    rec = {**two_entries(), "ordinal": 0, "split": None}
    other = {"record_type": "birth", "pages": [2], "ordinal": 1, "split": None,
             "fields": {"date_of_birth": f("1980-01-02", 2, 150)}, "review_reasons": [], "doubtful": [],
             "unmapped": [], "needs_review": False}
    ops = [{"op": "split", "at": [1, 1260]}, {"op": "merge", "at": [2, 150]}]
    out = replay([rec, other], ops)
    assert [(r["ordinal"], r.get("split")) for r in out] == [(0, None), (0, 1)]
    assert flatten_fields(out[1])["date_of_birth"] == "1980-01-02"  # the next page's entry joined the second
    assert start_of(out[1]) == (1, 1260)
    # a fresh reading whose boxes moved a little gives the same records
    moved = replay([{**rec, "fields": {**rec["fields"], "place_of_birth": f("xã Đình Bảng", 1, 1330)}},
                    {**other, "fields": {"date_of_birth": f("1980-01-02", 2, 170)}}], ops)
    assert [(r["ordinal"], r.get("split")) for r in moved] == [(0, None), (0, 1)]
    # an extraction that already cuts there: the split changes nothing
    first, second = split_record(rec, (1, 1260))
    again = replay([{**first, "ordinal": 0}, {**second, "ordinal": 1, "split": None}], ops[:1])
    assert [(r["ordinal"], r.get("split")) for r in again] == [(0, None), (1, None)]


def test_an_operation_that_cannot_be_read_changes_nothing():
    rec = {**two_entries(), "ordinal": 0, "split": None}
    out = replay([rec], [{"op": "rotate", "at": [1, 5]}, {"op": "split", "at": "here"}, {"op": "split", "at": [1, 1260]}])
    assert [(r["ordinal"], r.get("split")) for r in out] == [(0, None), (0, 3)]
