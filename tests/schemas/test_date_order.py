"""A record's dates checked against the order its type says they fall in (schemas/date_order.py, the
``date_order`` check of schemas/types/*.json, applied by schemas/checks.py): a date out of order is doubtful,
and one digit of like shape off the only date that keeps the order is read so when another reading agrees
(issue 12, part BC). Every example is made up."""

import json

import pytest
from synth import page

from schemas.checks import doubts_across_fields, keep_date_order
from schemas.date_order import (broken_pairs, date_point, one_digit_variants, order_keeping_repair, out_of_order,
                                valid_date)
from schemas.extract import extract_records, flatten_fields
from schemas.fields import Draft, Found
from schemas.loader import TYPES_DIR, Label, SchemaError, load_schemas
from schemas.records import _merge

SCHEMAS = load_schemas()
MARTYR_ORDER = [("date_of_birth", "enlistment_date", 12), ("enlistment_date", "date_of_death", 0),
                ("date_of_death", "certificate.decision_date", 0)]


def test_a_date_reads_to_the_precision_it_was_written_to():
    assert date_point("1953-11-30") == (1953, 11, 30)
    assert date_point("1953-11") == (1953, 11)
    assert date_point("1953") == (1953,)
    assert date_point({"year_from": 1401, "year_to": 1500}) == (1401,)  # a dating: the object existed from then
    assert date_point("thế kỷ XV") is None and date_point(None) is None and date_point("53-11-30") is None


def test_dates_out_of_order_to_the_precision_both_were_read_to():
    assert out_of_order((1953, 11, 30), (1953, 4, 2))
    assert not out_of_order((1953,), (1953, 4, 2))  # the year alone cannot say which came first
    assert not out_of_order((1953, 11, 30), (1953, 11, 30))
    assert out_of_order((1953,), (1960, 1, 5), years=12)  # a span the type knows: too soon after
    assert not out_of_order((1953,), (1966, 1, 5), years=12)


def test_the_pairs_a_record_breaks():
    dates = {"date_of_birth": "1951", "enlistment_date": "1972-03", "date_of_death": "1966-08-19"}
    assert broken_pairs(dates, MARTYR_ORDER) == [("enlistment_date", "date_of_death", 0)]
    assert broken_pairs({**dates, "date_of_death": None}, MARTYR_ORDER) == []  # a date not read breaks nothing


def test_one_digit_variants_are_dates_the_calendar_has():
    variants = one_digit_variants("1953-02-28")
    assert "1953-07-28" in variants  # a 7 read as 2
    assert "1963-02-28" in variants and "1983-02-28" not in variants  # 5/6 read for each other, 5/8 are unlike
    assert "1953-02-29" not in variants  # 1953 had no 29 February
    assert "7953-02-28" not in variants and "1053-02-28" not in variants  # no year a record's date falls in
    assert all(valid_date(v) for v in variants) and not valid_date("1953-02-30")


def test_the_one_repair_that_keeps_the_order():
    # a decision dated before the death it recognises: only its year read with a 2 for a 7 keeps every pair
    dates = {"date_of_birth": "1946", "enlistment_date": "1964-03", "date_of_death": "1968-10-11",
             "certificate.decision_date": "1921-04-16"}
    assert order_keeping_repair(dates, MARTYR_ORDER) == ("certificate.decision_date", "1971-04-16")
    # two digits could be the misread one (1960 for 1980, a 6 for an 8; or for 1969, a 0 for a 9): nothing tells
    assert order_keeping_repair({**dates, "certificate.decision_date": "1960-04-16"}, MARTYR_ORDER) is None
    # the death could as well be the misread date (1968 for 1966, an 8 for a 6): nothing tells which
    assert order_keeping_repair({**dates, "certificate.decision_date": "1967-04-16"}, MARTYR_ORDER) is None
    assert order_keeping_repair({**dates, "certificate.decision_date": "1971-04-16"}, MARTYR_ORDER) is None


def _found(schema: str, key: str, value: str, page: int = 1, confidence: float = 0.97) -> Found:
    spec = SCHEMAS[schema].by_key[key]
    return Found(spec, [], Label(key, key), 0.9, page, raw=value, value=value, confidence=confidence)


def _draft(schema: str, **values: str) -> Draft:
    d = Draft(schema, SCHEMAS[schema], [1])
    for key, value in values.items():
        d.fields[key.replace("__", ".")] = _found(schema, key.replace("__", "."), value)
    return d


def test_a_date_out_of_order_is_doubtful_and_holds_the_record_naming_the_fields():
    d = _draft("war_invalid", date_of_birth="1948-05-12", injury_date="1939-06-03", decision__date="1972-01-20")
    keep_date_order(d)
    assert d.fields["date_of_birth"].confidence < 0.5 and d.fields["injury_date"].confidence < 0.5
    assert d.fields["decision.date"].confidence == 0.97  # in order with both
    assert d.reasons == ["injury_date: dated before date_of_birth"]
    assert not any(ch.isdigit() for r in d.reasons for ch in r)  # a field's name, never a value
    doubted = {id(f) for f, _ in doubts_across_fields(d)}
    assert {id(d.fields["date_of_birth"]), id(d.fields["injury_date"])} <= doubted


def test_dates_in_order_are_left_alone():
    d = _draft("war_invalid", date_of_birth="1948-05-12", injury_date="1969-06-03", decision__date="1972-01-20")
    keep_date_order(d)
    assert d.reasons == [] and all(f.confidence == 0.97 for f in d.fields.values())
    assert doubts_across_fields(d) == []


BIRTH = {"mother__birth_year": "1950", "father__birth_year": "1947", "registration__date": "1978-11-06"}
WORDS = "ngày mùng ba tháng mười năm một nghìn chín trăm bảy mươi tám"  # 1978-10-03


def test_a_birth_read_before_its_parents_could_have_it_is_repaired_when_its_words_agree():
    # printed 1978-10-03, read 1928-10-03 (a 7 for a 2): born before the parents were twelve. Of the one-digit
    # changes only 1978 keeps every pair, and the date in words says so
    d = _draft("birth", date_of_birth="1928-10-03", _date_of_birth_words=WORDS, **BIRTH)
    keep_date_order(d)
    f = d.fields["date_of_birth"]
    assert f.value == "1978-10-03" and not f.clean and d.reasons == []
    assert any("date in words" in n for n in f.notes)


def test_without_another_reading_that_agrees_the_date_is_only_flagged():
    for words in (None, "ngày mùng ba tháng mười năm một nghìn chín trăm tám mươi tám"):  # none, or 1988-10-03
        d = _draft("birth", date_of_birth="1928-10-03", **BIRTH, **({"_date_of_birth_words": words} if words else {}))
        keep_date_order(d)
        assert d.fields["date_of_birth"].value == "1928-10-03"
        assert "date_of_birth: dated before mother.birth_year" in d.reasons
        assert d.fields["date_of_birth"].confidence < 0.5


def test_another_page_s_reading_is_the_one_that_keeps_the_order():
    # the decision recognising a death read 1920 on the surer page, 1970 on the other: the order picks 1970
    pages = []
    for page_no, value, conf in ((1, "1920-04-16", 0.97), (2, "1970-04-16", 0.6)):
        d = Draft("martyr", SCHEMAS["martyr"], [page_no])
        d.fields["date_of_birth"] = _found("martyr", "date_of_birth", "1946", page_no)
        d.fields["date_of_death"] = _found("martyr", "date_of_death", "1968-10-11", page_no)
        d.fields["certificate.decision_date"] = _found("martyr", "certificate.decision_date", value, page_no, conf)
        pages.append(d)
    _merge(pages[0], pages[1])
    assert pages[0].fields["certificate.decision_date"].value == "1920-04-16"
    keep_date_order(pages[0])
    assert pages[0].fields["certificate.decision_date"].value == "1970-04-16"
    assert not any("decision_date" in r and "pages" not in r for r in pages[0].reasons)


def test_a_certificate_registered_before_the_birth_is_held_with_the_fields_named():
    lines = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 14/06/2003", "Giới tính: Nữ",
             "Ngày đăng ký: 02/03/2001"]
    rec = extract_records([page(lines)], "hotich/")[0]
    assert rec["needs_review"] and "registration.date: dated before date_of_birth" in rec["review_reasons"]
    assert flatten_fields(rec, "confidence")["date_of_birth"] < 0.995
    rec = extract_records([page(lines[:-1] + ["Ngày đăng ký: 02/07/2003"])], "hotich/")[0]
    assert not any("date_of_birth" in r for r in rec["review_reasons"])


@pytest.mark.parametrize("pairs", [[["date_of_birth"]], [["date_of_birth", "date_of_birth"]],
                                   [["date_of_birth", "full_name"]], [["date_of_birth", "injury_date", -3]], []])
def test_a_type_whose_date_order_names_no_two_date_fields_is_refused(tmp_path, pairs):
    src = json.loads((TYPES_DIR / "war_invalid.json").read_text(encoding="utf-8"))
    src["checks"] = [{"check": "date_order", "pairs": pairs}]
    (tmp_path / "war_invalid.json").write_text(json.dumps(src, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SchemaError):
        load_schemas(str(tmp_path))


def test_every_bundled_type_s_order_names_its_date_fields():
    for schema in SCHEMAS.values():
        for first, second, years in schema.date_order:
            assert schema.by_key[first].kind in ("date", "dating") and schema.by_key[second].kind in ("date", "dating")
            assert years >= 0


def test_a_child_born_to_parents_under_twelve_is_doubtful():
    d = _draft("birth", date_of_birth="1958-10-03", **BIRTH)  # after both parents' births, but 8 and 11 years
    keep_date_order(d)
    assert d.reasons == ["date_of_birth: too soon after mother.birth_year",
                         "date_of_birth: too soon after father.birth_year"]
    d = _draft("birth", date_of_birth="1968-10-03", **BIRTH)  # 18 and 21 years
    keep_date_order(d)
    assert d.reasons == []


def test_the_birth_year_in_the_id_number_is_another_reading_of_the_birth():
    for id_number, repaired in (("001078123456", "1978-10-03"), ("001088123456", "1928-10-03")):  # 1978; 1988
        d = _draft("birth", date_of_birth="1928-10-03", personal_id=id_number, **BIRTH)
        keep_date_order(d)
        assert d.fields["date_of_birth"].value == repaired
