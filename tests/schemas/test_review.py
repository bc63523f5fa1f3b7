"""Review decisions applied to records (schemas/review.py) and the record documents they make."""

from __future__ import annotations

import unicodedata

import pytest

from indexers.records import base_of, derive
from schemas.review import (Decision, ReviewError, apply_decisions, effective_fields, field_kind, reason_code,
                            record_status, two_person)

RULE = ("name", "date")


def f(value, raw=None, conf=0.5, page=1, bbox=(10, 20, 200, 40)):
    return {"value": value, "raw": raw if raw is not None else str(value), "confidence": conf, "page": page,
            "bbox": list(bbox)}


def birth() -> dict:
    return derive({
        "record_type": "birth", "family": "civil_status", "schema_version": "1", "collection": "hotich",
        "bucket": "b", "key": "hotich/x.pdf", "doc_hash": "ab" * 32, "ordinal": 0, "pages": [1], "confidence": 0.4,
        "needs_review": True, "review_reasons": ["full_name: low confidence 0.41",
                                                 "date_of_birth: could not read a value from '1S/03/l972'"],
        "fields": {"full_name": f("Nguyen Van Duc"), "date_of_birth": f(None, "1S/03/l972"), "sex": f("male"),
                   "mother": {"full_name": f("Trần Thị Lan")}},
        "extracted_at": "2026-01-01T00:00:00+00:00"})


ALL_ACCEPTED = [Decision("sex", "accept"), Decision("mother.full_name", "accept")]


def test_a_corrected_name_is_searchable_at_once_and_verified_after_a_second_reviewer():
    rec = birth()
    typed = unicodedata.normalize("NFD", "Nguyễn Văn Đức")  # as some keyboards send it
    review = apply_decisions(rec, [Decision("full_name", "edit", typed), Decision("date_of_birth", "illegible"),
                                   *ALL_ACCEPTED], who="lan", at="2026-12-04T10:00:00+00:00", rule=RULE)
    doc = derive({**base_of(rec), "review": review})
    assert doc["fields"]["full_name"]["value"] == "Nguyễn Văn Đức"  # NFC, as every stored text
    assert doc["fields"]["full_name"]["original"]["value"] == "Nguyen Van Duc"
    assert doc["fields"]["full_name"]["verified"] is False
    assert doc["name"] == "Nguyễn Văn Đức" and doc["search"]["name_sort"] == "nguyen van duc"
    assert doc["review_status"] == "awaiting_second" and doc["awaiting"] == ["lan"]
    assert doc["fields"]["sex"]["verified"] is True  # accepting the extractor's value needs nobody else

    # the same reviewer cannot confirm their own change
    again = apply_decisions(doc, [Decision("full_name", "accept"), Decision("date_of_birth", "accept")],
                            who="lan", at="2026-12-04T10:01:00+00:00", rule=RULE, require_all=False)
    assert again["fields"]["full_name"]["status"] == "pending"

    second = apply_decisions(doc, [Decision("full_name", "accept"), Decision("date_of_birth", "accept")],
                             who="minh", at="2026-12-04T11:00:00+00:00", rule=RULE, require_all=False)
    done = derive({**base_of(doc), "review": second})
    assert done["review_status"] == "verified"
    assert done["fields"]["full_name"]["verified"] is True
    assert done["fields"]["full_name"]["review"]["confirmed_by"] == "minh"
    assert done["fields"]["date_of_birth"]["value"] is None and done["fields"]["date_of_birth"]["verified"]
    assert done["reviewers"] == ["lan", "minh"]
    # deriving a stored document again changes nothing (migration rebuilds documents this way)
    assert derive(base_of(done))["fields"] == done["fields"]


def test_a_different_second_answer_is_a_dispute_that_only_arbitration_settles():
    rec = birth()
    review = apply_decisions(rec, [Decision("full_name", "edit", "Nguyễn Văn Đức"),
                                   Decision("date_of_birth", "edit", "15/03/1972"), *ALL_ACCEPTED],
                             who="lan", at="t1", rule=RULE)
    doc = derive({**base_of(rec), "review": review})
    assert doc["fields"]["date_of_birth"]["value"] == "1972-03-15"
    review2 = apply_decisions(doc, [Decision("full_name", "edit", "Nguyễn Văn Đực"),
                                    Decision("date_of_birth", "accept")], who="minh", at="t2", rule=RULE,
                              require_all=False)
    doc2 = derive({**base_of(doc), "review": review2})
    assert doc2["review_status"] == "disputed"
    assert [p["value"] for p in review2["fields"]["full_name"]["proposals"]] == ["Nguyễn Văn Đức", "Nguyễn Văn Đực"]
    with pytest.raises(ReviewError, match="arbitration"):
        apply_decisions(doc2, [Decision("full_name", "accept")], who="hoa", at="t3", rule=RULE, require_all=False)
    settled = apply_decisions(doc2, [Decision("full_name", "edit", "Nguyễn Văn Đức")], who="boss", at="t3",
                              rule=RULE, arbitrate=True)
    doc3 = derive({**base_of(doc2), "review": settled})
    assert doc3["review_status"] == "verified" and doc3["fields"]["full_name"]["value"] == "Nguyễn Văn Đức"


def test_without_the_two_person_rule_a_change_is_verified_at_once():
    rec = birth()
    review = apply_decisions(rec, [Decision("full_name", "edit", "Nguyễn Văn Đức"),
                                   Decision("date_of_birth", "not_on_page"), *ALL_ACCEPTED], who="lan", at="t",
                             rule=())
    assert record_status(rec["fields"], review, True) == "verified"


def test_every_field_needs_an_answer_and_errors_name_keys_not_values():
    rec = birth()
    with pytest.raises(ReviewError) as exc:
        apply_decisions(rec, [Decision("full_name", "edit", "Nguyễn Văn Đức")], who="lan", at="t", rule=RULE)
    assert "date_of_birth" in str(exc.value) and "Đức" not in str(exc.value)
    with pytest.raises(ReviewError) as exc:
        apply_decisions(rec, [Decision("date_of_birth", "edit", "Nguyễn Văn Đức")], who="lan", at="t", rule=RULE,
                        require_all=False)
    assert "not understood as a date" in str(exc.value) and "Đức" not in str(exc.value)
    with pytest.raises(ReviewError):
        apply_decisions(rec, [Decision("full_name", "shrug")], who="lan", at="t", rule=RULE, require_all=False)


def test_an_added_field_and_a_new_record_type():
    rec = birth()
    review = apply_decisions(rec, [Decision("place_of_birth", "add", "xã Đình Bảng", page=1, bbox=[1, 2, 3, 4]),
                                   Decision("full_name", "accept"), Decision("date_of_birth", "illegible"),
                                   *ALL_ACCEPTED], who="lan", at="t", rule=RULE, record_type="death")
    doc = derive({**base_of(rec), "review": review})
    assert doc["record_type"] == "death" and review["record_type"]["original"] == "birth"
    assert doc["fields"]["place_of_birth"]["value"] == "xã Đình Bảng"
    assert doc["fields"]["place_of_birth"]["image_box"] == [1, 2, 3, 4] and doc["fields"]["place_of_birth"]["added"]
    with pytest.raises(ReviewError, match="unknown record type"):
        apply_decisions(rec, ALL_ACCEPTED, who="lan", at="t", rule=RULE, record_type="unicorn", require_all=False)


def test_re_extraction_keeps_what_people_decided():
    rec = birth()
    review = apply_decisions(rec, [Decision("full_name", "edit", "Nguyễn Văn Đức"), Decision("date_of_birth", "illegible"),
                                   *ALL_ACCEPTED], who="lan", at="t", rule=())
    # a better extractor reads other values for every field
    fresh = {**base_of(rec), "fields": {"full_name": f("Nguyễn Văn Dúc", conf=0.9), "date_of_birth": f("1972-03-16"),
                                        "sex": f("female"), "mother": {"full_name": f("Trần Thị Lam")}}}
    doc = derive({**fresh, "review": review})
    assert doc["fields"]["full_name"]["value"] == "Nguyễn Văn Đức"
    assert doc["fields"]["date_of_birth"]["value"] is None
    assert doc["fields"]["sex"]["value"] == "male"  # accepted: the value the reviewer saw and accepted
    assert doc["review_status"] == "verified"


def test_kinds_and_rule_come_from_the_record_types():
    assert field_kind("birth", "mother.full_name") == "name"
    assert field_kind("martyr", "relatives[0].full_name") == "name"
    assert field_kind("birth", "date_of_birth") == "date"
    assert two_person("birth", "registration.date", RULE)
    assert not two_person("birth", "place_of_birth", RULE)
    assert two_person("birth", "personal_id", ("personal_id",))


def test_reason_codes_carry_no_values():
    assert reason_code("date_of_birth: could not read a value from '1S/03/l972'") == "unreadable"
    assert reason_code("full_name: low confidence 0.41") == "low_confidence"
    assert reason_code("full_name: required field missing") == "missing"
    assert reason_code({"field": "x", "code": "Vocabulary miss"}) == "vocabulary_miss"
    assert reason_code("record type not recognised") == "unknown_type"
    assert reason_code("full_name: not confident (0.450)") == "low_confidence"
    assert reason_code("date_of_birth: no date could be read from the text") == "unreadable"
    assert reason_code("full_name: pages 1 and 2 disagree") == "pages_disagree"


def test_effective_fields_without_review_is_the_extraction():
    rec = birth()
    assert effective_fields(rec["fields"], None) is rec["fields"]


def test_one_name_given_to_two_people_of_a_record_is_never_confident():
    from synth import page
    from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Đỗ Văn Toàn", "Bí danh: Đỗ Văn Toàn", "Năm sinh: 1951"]
    rec = extract_records([page(rows)], "nguoicocong/")[0]
    conf = flatten_fields(rec, "confidence")
    assert flatten_fields(rec)["alias"] == "Đỗ Văn Toàn" and conf["alias"] < REVIEW_THRESHOLD
    assert any("the same value as" in n for n in rec["fields"]["alias"].get("notes", []))
    # the declarant is usually a parent: the same name there is no doubt
    rows = ["TRÍCH LỤC KHAI SINH", "Họ và tên: Lê Minh Châu", "Họ tên mẹ: Đỗ Thị Mai",
            "Họ tên người đi khai sinh: Đỗ Thị Mai"]
    rec = extract_records([page(rows)], "hotich/")[0]
    assert not any("the same value as" in n for n in rec["fields"]["mother"]["full_name"].get("notes", []))


def test_one_full_birth_date_given_to_two_people_is_never_confident():
    from synth import page
    from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields
    rows = ["TRÍCH LỤC KHAI SINH", "Họ và tên: Lê Minh Châu", "Ngày sinh: 15/06/1964", "Người cha",
            "Họ và tên: Lê Văn Nam", "Năm sinh: 15/06/1964"]
    rec = extract_records([page(rows)], "hotich/")[0]
    conf = flatten_fields(rec, "confidence")
    assert conf["father.birth_year"] < REVIEW_THRESHOLD and conf["date_of_birth"] < REVIEW_THRESHOLD
