import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))

from synth import page  # noqa: E402

from indexers.records import date_bound, derive, name_variants, province, record_documents  # noqa: E402
from indexers.records_search import (BadQuery, RecordQuery, build_aggs, build_query, build_search,  # noqa: E402
                                     decode_cursor, encode_cursor, highlights, mark, name_clauses,
                                     name_word_clauses, parse_range)
from schemas.extract import extract_records  # noqa: E402

BIRTH = [
    "GIẤY KHAI SINH",
    "Họ, chữ đệm, tên: NGUYỄN VĂN ĐỨC",
    "Ngày, tháng, năm sinh: 15/03/1972",
    "Nơi sinh: xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh",
    "Số định danh cá nhân: 025 172 001 010",
    "Họ, chữ đệm, tên người mẹ: Trần Thị Lan",
    "Họ, chữ đệm, tên người cha: Nguyễn Văn Nam",
    "Ngày đăng ký: 20/03/1972",
]


def birth_doc():
    recs = extract_records([page(BIRTH)], "hotich/a.pdf")
    [(rid, doc)] = list(record_documents(recs, {"doc_hash": "ab" * 32, "collection": "hotich", "key": "hotich/a.pdf"}))
    return rid, doc


def test_record_document_derives_typed_fields_and_text_forms():
    rid, doc = birth_doc()
    assert rid == doc["record_id"] == "ab" * 32 + ":r0000"
    assert doc["name"] == "Nguyễn Văn Đức"
    assert doc["date_of_birth"] == "1972-03-15" and doc["registration_date"] == "1972-03-20"
    assert doc["decade"] == 1970
    assert doc["provinces"] == ["Bắc Ninh"]
    assert doc["ids"] == ["025172001010"]
    roles = {p["role"]: p["name"] for p in doc["persons"]}
    assert roles == {"subject": "Nguyễn Văn Đức", "mother": "Trần Thị Lan", "father": "Nguyễn Văn Nam"}
    s = doc["search"]
    assert s["name_exact"] == ["nguyễn văn đức"] and s["name_full"] == ["nguyen van duc"]
    assert "duc nguyen" in s["name_keys"] and "nguyen duc" in s["name_keys"]
    assert s["name_given"] == ["duc"] and s["name_length"] == [3]
    assert s["name_words"] == "nguyen van duc" and s["name_words_other"] == []
    assert "tran thi lan" in s["persons_folded"]
    assert any("dinh bang" in p for p in s["places_folded"])


def test_derive_is_idempotent_from_the_stored_base():
    _, doc = birth_doc()
    stored = {k: v for k, v in doc.items() if k != "search"}
    again = derive(stored)
    again["extracted_at"] = doc["extracted_at"]
    assert again == doc


def test_name_variants_cover_reversed_order_and_missing_middle_names():
    v = name_variants("Nguyễn Thị Ngọc Hân")
    assert v[0] == "nguyen thi ngoc han"
    for form in ("nguyen han", "han nguyen", "han nguyen thi ngoc", "nguyen ngoc han", "nguyen thi han",
                 "thi ngoc han nguyen"):
        assert form in v
    assert name_variants("Đức") == ["duc"]
    assert name_variants("") == []


def test_province_only_from_a_province_part():
    assert province("thôn Xuân Ổ, xã Võ Cường, tỉnh Bắc Ninh") == "Bắc Ninh"
    assert province("phường 3, thành phố Hồ Chí Minh") == "Hồ Chí Minh"
    assert province("xã Đình Bảng, huyện Từ Sơn") is None


def test_dates_round_outward_at_their_precision():
    assert date_bound("1975", upper=True) == "1975-12-31"
    assert date_bound("1975", upper=False) == "1975-01-01"
    assert date_bound("2024-02", upper=True) == "2024-02-29"
    assert date_bound("1972-03-15", upper=True) == "1972-03-15"
    assert date_bound("1972-13", upper=True) is None
    assert parse_range("1970..1975") == ("1970", "1975")
    assert parse_range("..1975-06") == (None, "1975-06")
    assert parse_range("1972") == ("1972", "1972")
    with pytest.raises(BadQuery):
        parse_range("seventies")


def test_born_range_is_a_day_precision_range_filter():
    q = build_query(RecordQuery(born_from="1970", born_to="1975"))
    assert {"range": {"date_of_birth": {"format": "yyyy-MM-dd", "gte": "1970-01-01", "lte": "1975-12-31"}}} \
        in q["bool"]["filter"]
    with pytest.raises(BadQuery):
        build_query(RecordQuery(born_from="1980", born_to="1975"))


def _boosts(clauses):
    return [c["constant_score"]["boost"] for c in clauses]


def test_name_tiers_exact_above_folded_above_fuzzy_subject_above_relatives():
    clauses = name_clauses("Nguyễn Văn  Đức")
    text = json.dumps(clauses, ensure_ascii=False)
    assert '"search.name_exact": "nguyễn văn đức"' in text
    assert '"search.name_full": "nguyen van duc"' in text
    assert '"search.name_keys": "nguyen van duc"' in text
    by_field = {}
    for c in clauses:
        inner = c["constant_score"]["filter"]
        kind = next(iter(inner))
        fld = "typo" if "fuzzy" in json.dumps(inner) else next(iter(inner[kind]))
        by_field[fld] = c["constant_score"]["boost"]
    assert by_field["search.name_exact"] > by_field["search.name_full"] > by_field["search.subject_folded"] \
        > by_field["typo"] > 0
    assert by_field["search.person_exact"] < by_field["search.subject_folded"]
    # one typo: every word exact but one, which may be one edit off (first letter fixed), within one name
    typo = next(c for c in clauses if "fuzzy" in json.dumps(c))["constant_score"]["filter"]["bool"]["should"]
    first, others = typo
    alternatives = first["bool"]["should"]
    assert len(alternatives) == 3
    assert alternatives[0]["bool"]["must"] == [
        {"fuzzy": {"search.name_words": {"value": "nguyen", "fuzziness": "AUTO:3,50", "prefix_length": 1}}},
        {"term": {"search.name_words": "van"}}, {"term": {"search.name_words": "duc"}}]
    assert "search.name_words_other" in json.dumps(others)
    assert "persons_folded" not in json.dumps([c for c in clauses if "fuzzy" in json.dumps(c)])


def test_name_is_required_and_user_text_never_reaches_query_syntax():
    q = build_query(RecordQuery(name='Đức" OR name:* AND (', q="x* OR y"))
    text = json.dumps(q)
    assert "query_string" not in text and "simple_query_string" not in text and "wildcard" not in text
    assert q["bool"]["must"][0]["bool"]["minimum_should_match"] == 1


def test_filters_and_caps():
    q = RecordQuery(record_types=["birth"] * 50, collections=["hotich"], review="needs_review", decades=[1970],
                    provinces=["Bắc Ninh"], number="025 172 001 010", size=10_000, facet_size=10_000)
    body = build_search(q)
    f = body["query"]["bool"]["filter"]
    assert {"terms": {"collection": ["hotich"]}} in f
    assert len(next(c for c in f if "terms" in c and "record_type" in c["terms"])["terms"]["record_type"]) == 20
    assert {"term": {"review_status": "needs_review"}} in f
    assert {"term": {"ids": "025172001010"}} in json.loads(json.dumps(f))[-1]["bool"]["should"]
    assert body["size"] == 100
    assert all(a["terms"]["size"] <= 50 for a in body["aggs"].values())
    assert body["sort"][-1] == {"record_id": "asc"}
    assert body["_source"] == {"excludes": ["search.*"]}
    with pytest.raises(BadQuery):
        build_search(RecordQuery(review="maybe"))
    with pytest.raises(BadQuery):
        build_search(RecordQuery(sort="random"))


def test_empty_query_matches_all_and_pages_after_the_first_carry_no_facets():
    body = build_search(RecordQuery(), search_after=[1.0, "x"])
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["search_after"] == [1.0, "x"] and "aggs" not in body
    assert "decade" in build_aggs(RecordQuery())


def test_cursor_round_trip_and_tied_to_its_query():
    q = RecordQuery(name="duc")
    c = encode_cursor([12.5, "h:r0001"], "pit-id", q.fingerprint())
    assert decode_cursor(c, q.fingerprint()) == ([12.5, "h:r0001"], "pit-id")
    assert decode_cursor(c, RecordQuery(name="duc", size=50).fingerprint())[0] == [12.5, "h:r0001"]
    with pytest.raises(BadQuery):
        decode_cursor(c, RecordQuery(name="lan").fingerprint())
    with pytest.raises(BadQuery):
        decode_cursor("not-a-cursor!", q.fingerprint())


def test_marks_show_the_original_text_escaped():
    assert mark("Nguyễn Văn Đức", "nguyen duc") == "<mark>Nguyễn</mark> Văn <mark>Đức</mark>"
    assert mark("Nguyễn Văn Đức", "nguyen van duk") == "<mark>Nguyễn</mark> <mark>Văn</mark> <mark>Đức</mark>"
    assert mark("<b>Đức</b>", "duc") == "&lt;b&gt;<mark>Đức</mark>&lt;/b&gt;"
    assert mark("Trần Thị Lan", "duc") is None
    _, doc = birth_doc()
    hl = highlights(doc, "nguyen van duc")
    assert hl[0]["field"] == "full_name" and "<mark>Đức</mark>" in hl[0]["html"]
    assert any(h["field"] == "father.full_name" for h in hl)


def test_word_clauses_only_order_within_a_tier():
    q = build_query(RecordQuery(name="Hoàng Văn Tvu"))
    tiers = q["bool"]["must"][0]["bool"]["should"]
    bonus = q["bool"]["should"]
    assert bonus == name_word_clauses("Hoàng Văn Tvu")
    assert not any(c in tiers for c in bonus)  # scoring only: they never make a record match
    # word points within one subject's name: the better of the first subject's and the others'
    first, others = bonus[0]["dis_max"]["queries"]
    words = [c["dis_max"]["queries"] for c in first["bool"]["should"]]
    assert [qs[0]["term"]["search.name_words"]["value"] for qs in words] == ["hoang", "van", "tvu"]
    assert "search.name_words_other" in json.dumps(others) and "search.name_words\"" not in json.dumps(others)
    exact, near = words[0]
    assert exact["term"]["search.name_words"]["boost"] == 1.0
    assert near["bool"]["must"][0]["fuzzy"]["search.name_words"]["boost"] == 0.5
    # near words score only where the word itself is missing: they add up, and must not outweigh it
    assert near["bool"]["must_not"] == [{"term": {"search.name_words": "hoang"}}]
    given = [c for c in bonus if "search.name_given" in json.dumps(c)]
    assert len(given) == 1 and given[0]["dis_max"]["queries"][0]["term"]["search.name_given"]["value"] == "tvu"
    # The most a record can gain within a tier stays below the smallest gap between subject tiers.
    from indexers.records_search import (GIVEN_WEIGHT, LENGTH_WEIGHT, MAX_QUERY_WORDS, RARE_WEIGHT, SUBJECT_TIERS,
                                         SUBJECT_TYPO_TIER, WORD_WEIGHT)
    tiers = SUBJECT_TIERS + (SUBJECT_TYPO_TIER,)
    rarest = RARE_WEIGHT * 19 * 1.5  # BM25: IDF of a term found once in 10^8 documents, tf part of a short value
    most = MAX_QUERY_WORDS * WORD_WEIGHT + GIVEN_WEIGHT + LENGTH_WEIGHT + rarest
    assert most < min(a - b for a, b in zip(tiers, tiers[1:]))
    # each signal only breaks the ties of the one before: the finest word nearness step is 0.5 * (4/5 - 3/4)
    assert rarest < LENGTH_WEIGHT < 0.5 * (4 / 5 - 3 / 4)
    length = [c for c in bonus if "name_length" in json.dumps(c)]
    assert length == [{"term": {"search.name_length": {"value": 3, "boost": LENGTH_WEIGHT}}}]


def test_a_one_word_name_has_no_word_order_clause():
    assert not any("name_given" in json.dumps(c) for c in name_word_clauses("Đức"))
