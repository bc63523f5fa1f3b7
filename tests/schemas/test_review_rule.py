"""The review rule (schemas/review_rule.py): a record is held for what is doubtful in a way that matters, and
everything else the extractor could not place is still listed on it."""

import json

import pytest
from synth import line, page

from ocr.result import PageText
from schemas.extract import extract_records, flatten_fields
from schemas.loader import SchemaError, TYPES_DIR, load_schemas, parse_schema
from schemas.review_rule import DOUBTFUL_HOLD, EVEN_ODDS, FieldDoubt, hold_reasons, identity_value_kind

SCHEMAS = load_schemas()
BIRTH = SCHEMAS["birth"]
CLEAN = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001", "Giới tính: Nữ"]


def one(rows, collection="hotich/"):
    recs = extract_records([page(rows)], collection)
    assert len(recs) == 1
    return recs[0]


def field(key, confidence=0.999, readable=True, schema=BIRTH):
    spec = schema.by_key[key]
    return FieldDoubt(key, spec.kind, spec.identity, spec.required, readable, confidence)


def test_identity_fields_are_declared_in_the_type_files():
    assert BIRTH.by_key["full_name"].identity and BIRTH.by_key["date_of_birth"].identity
    assert BIRTH.by_key["mother.full_name"].identity
    assert not BIRTH.by_key["registration.date"].identity and not BIRTH.by_key["declarant.full_name"].identity
    for schema in SCHEMAS.values():  # every type names who or what it is about
        assert any(s.identity for s in schema.fields), schema.record_type
    data = json.loads((TYPES_DIR / "birth.json").read_text(encoding="utf-8"))
    internal = next(f for f in data["fields"] if f.get("internal"))
    internal["identity"] = True
    with pytest.raises(SchemaError):
        parse_schema(data, "birth.json")


def test_a_doubtful_identity_field_holds_the_record_and_one_doubtful_secondary_field_does_not():
    fields = [field("full_name"), field("date_of_birth"), field("registration.number", 0.6)]
    assert hold_reasons(fields, missing=[], unmapped=[], schema=BIRTH, threshold=0.995) == []
    held = hold_reasons([field("full_name", 0.8), field("date_of_birth")], missing=[], unmapped=[], schema=BIRTH,
                        threshold=0.995)
    assert held == ["full_name: not confident (0.800)"]
    poor = [field("full_name"), field("date_of_birth")] + [
        field(k, 0.6) for k in ("registration.number", "sex", "ethnicity", "nationality")[:DOUBTFUL_HOLD]]
    assert len(hold_reasons(poor, missing=[], unmapped=[], schema=BIRTH, threshold=0.995)) == DOUBTFUL_HOLD


def test_one_secondary_field_no_more_likely_right_than_wrong_holds_the_record_alone():
    sure = [field("full_name"), field("date_of_birth")]
    assert hold_reasons(sure + [field("registration.number", EVEN_ODDS + 0.01)], missing=[], unmapped=[],
                        schema=BIRTH, threshold=0.995) == []
    assert hold_reasons(sure + [field("registration.number", EVEN_ODDS)], missing=[], unmapped=[], schema=BIRTH,
                        threshold=0.995) == ["registration.number: not confident (0.500)"]


def test_unreadable_text_under_a_label_and_conflicts_hold():
    fields = [field("full_name"), field("date_of_birth"), field("sex", 0.0, readable=False)]
    assert hold_reasons(fields, missing=[], unmapped=[], schema=BIRTH, threshold=0.995) == [
        "sex: no sex could be read from the text"]
    assert hold_reasons(fields[:2], missing=[], unmapped=[], schema=BIRTH, threshold=0.995,
                        conflicts=["date_of_birth: the date in digits and the date in words disagree"])


def test_an_unmapped_pair_holds_only_when_its_value_may_be_a_missing_persons_field():
    assert identity_value_kind("Nguyễn Văn Bình") == "name" and identity_value_kind("05/03/1972") == "date"
    assert identity_value_kind("đã cấp bản sao") is None and identity_value_kind("xã Đình Bảng") is None
    # an ordinary note: listed, not held
    rec = one(CLEAN + ["Ghi chú thêm: đã cấp bản sao lần hai"])
    assert [u["label"] for u in rec["unmapped"]] == ["Ghi chú thêm"] and rec["unmapped"][0]["value"]
    assert not any("Ghi chú thêm" in r for r in rec["review_reasons"])  # (the calibration weighs the wording)
    # a name under a label nobody listed while the record has no mother's or father's name: held, no value said
    rec = one(CLEAN + ["Mục xyz: Nguyễn Văn Bí Mật"])
    assert rec["needs_review"]
    reasons = " ".join(rec["review_reasons"])
    assert "Mục xyz" in reasons and "name" in reasons and "Bí Mật" not in reasons
    # the same name when every name field of the record is filled: nothing it could be is missing
    full = [field(k) for k in BIRTH.by_key if BIRTH.by_key[k].kind == "name"] + [field("date_of_birth")]
    pair = [{"label": "Mục xyz", "value": "Nguyễn Văn Bí Mật", "page": 1, "bbox": None}]
    assert hold_reasons(full, missing=[], unmapped=pair, schema=BIRTH, threshold=0.995) == []
    assert hold_reasons(full[:-1], missing=[], unmapped=[{**pair[0], "value": "05/03/1972"}], schema=BIRTH,
                        threshold=0.995)


def test_a_missing_optional_field_is_not_a_doubt_a_missing_required_one_is():
    rec = one(CLEAN)
    assert not rec["needs_review"] and rec["missing"] == []
    rec = one(CLEAN[:2] + CLEAN[3:])
    assert rec["missing"] == ["date_of_birth"] and "date_of_birth: required field missing" in rec["review_reasons"]


def test_a_moment_label_holding_only_a_date_gives_the_date_and_no_empty_time():
    rec = one(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Tám", "Ngày sinh: 01/02/1940",
               "Chết vào lúc: ngày 05/03/2020", "Nơi chết: xã Phù Chẩn"])
    v = flatten_fields(rec)
    assert v["date_of_death"] == "2020-03-05" and "time_of_death" not in v
    assert not any("time_of_death" in r for r in rec["review_reasons"])


def test_a_moment_label_over_its_date_gives_the_date_and_no_empty_time():
    # the date on the line under the label, and under a column's caption: the words the time could not read are
    # the ones the event's date reads, so no time was written
    rec = one(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Đào Văn Lực", "Ngày sinh: 03/04/1951", "Chết vào lúc",
               "ngày 11/08/2019", "Nơi chết: xã Phù Chẩn"])
    v = flatten_fields(rec)
    assert v["date_of_death"] == "2019-08-11" and "time_of_death" not in v
    captions = PageText(page=1, width=2000, height=1200, lines=[
        line("TRÍCH LỤC KHAI TỬ", 700, 40, block=0),
        line("Họ và tên", 100, 100, height=24, char_w=14, block=1),
        line("Chết vào lúc", 700, 100, height=24, char_w=14, block=2),
        line("Nơi chết", 1300, 100, height=24, char_w=14, block=3),
        line("Đào Văn Lực", 100, 170, block=4),
        line("ngày 11/08/2019", 700, 170, block=5),
        line("xã Phù Chẩn, huyện Lý Nhân", 1300, 170, block=6)])
    [rec] = extract_records([captions], "hotich/")
    v = flatten_fields(rec)
    assert v["date_of_death"] == "2019-08-11" and "time_of_death" not in v
    assert not any("time_of_death" in r for r in rec["review_reasons"])
