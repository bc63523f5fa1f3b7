import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))

from synth import page  # noqa: E402

from indexers.records import date_bound, derive, name_variants, province, record_documents  # noqa: E402
from indexers.records_search import (BadQuery, RecordQuery, build_aggs, build_query, build_search,  # noqa: E402
                                     decode_cursor, encode_cursor, highlights, mark, name_query,
                                     name_word_clauses, parse_range, SUBJECT_WEIGHT)
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
    assert doc["persons"][0]["date_of_birth"] == "1972-03-15"  # the subject's own; parents have none here
    s = doc["search"]
    people = s["people"]
    assert [p["role"] for p in people] == [p["role"] for p in doc["persons"]]  # inner hit offsets name persons
    me = people[0]
    assert me["subject"] is True and me["born"] == "1972-03-15"
    assert me["exact"] == "nguyễn văn đức" and me["full"] == "nguyen van duc"
    assert "duc nguyen" in me["keys"] and "nguyen duc" in me["keys"]
    assert me["words"] == ["nguyen", "van", "duc"] and me["given"] == "duc" and me["length"] == 3
    # every mark-subset of every word: 'dức' (đ typed as d) is there, 'dục' is not
    assert {"nguyễn", "nguyen", "văn", "van", "đức", "dức", "duc"} <= set(me["marks"]) and "dục" not in me["marks"]
    assert me["spelt"] == ["dức", "nguyễn", "văn"]
    mother = next(p for p in people if p["role"] == "mother")
    assert mother["subject"] is False and mother["full"] == "tran thi lan"
    assert s["name_sort"] == "nguyen van duc"
    assert any("dinh bang" in p for p in s["places_folded"])


def test_each_person_keeps_their_own_birth_date_and_boilerplate_stays_out_of_free_text():
    from indexers.synthetic import record_base
    base = record_base(1, record_type="marriage")
    f = lambda v: {"value": v, "raw": v, "confidence": 0.9, "page": 1, "bbox": None}  # noqa: E731
    base["fields"] = {"wife": {"full_name": f("Lê Thị Hà"), "date_of_birth": f("1955-02-01"),
                               "nationality": f("Việt Nam"), "ethnicity": f("Kinh")},
                      "husband": {"full_name": f("Trần Văn Hùng"), "date_of_birth": f("1950"),
                                  "nationality": f("Việt Nam")},
                      "mother": {"full_name": f("Phạm Thị Lụa"), "birth_year": f(1920)}}
    doc = derive(base)
    born = {p["role"]: p.get("date_of_birth") for p in doc["persons"]}
    assert born == {"wife": "1955-02-01", "husband": "1950", "mother": "1920"}
    assert [p["born"] for p in doc["search"]["people"]] == ["1955-02-01", "1950", "1920"]
    assert [p["subject"] for p in doc["search"]["people"]] == [True, True, False]
    assert doc["date_of_birth"] == "1955-02-01"  # the record's main date stays the first subject's
    assert not any("viet nam" in t or t == "kinh" for t in doc["search"]["all_folded"])


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


def _nested(q):
    return next(c for c in q["bool"]["must"] if "nested" in c)["nested"]


def test_born_range_is_a_day_precision_range_on_the_person_named():
    q = build_query(RecordQuery(born_from="1970", born_to="1975"))
    flt = _nested(q)["query"]["bool"]["filter"]
    assert {"range": {"search.people.born": {"format": "yyyy-MM-dd", "gte": "1970-01-01", "lte": "1975-12-31"}}} \
        in flt
    assert {"term": {"search.people.subject": True}} in flt  # subjects only by default
    # with a name, the birth date is the named person's own: one nested document holds both
    q = build_query(RecordQuery(name="tran van hung", born_from="1950", born_to="1950"))
    inner = _nested(q)["query"]["bool"]
    assert any("search.people.born" in json.dumps(c) for c in inner["filter"])
    assert "date_of_birth" not in json.dumps(q)
    with pytest.raises(BadQuery):
        build_query(RecordQuery(born_from="1980", born_to="1975"))


def test_roles_choose_whose_names_are_searched():
    def flt(roles):
        return _nested(build_query(RecordQuery(name="lan", roles=roles)))["query"]["bool"]["filter"][0]
    assert flt([]) == flt(["subject"]) == {"term": {"search.people.subject": True}}
    assert flt(["any"]) == {"match_all": {}}
    mother = json.dumps(flt(["mother", "relative"]))
    assert '"search.people.role": ["mother", "relative"]' in mother and '"relative:"' in mother
    nested = _nested(build_query(RecordQuery(name="lan")))
    assert nested["score_mode"] == "max" and "inner_hits" not in nested  # the hit's person is found in Python


def test_the_hit_names_the_person_matched():
    from indexers.records_search import matched_person
    src = {"persons": [{"role": "wife", "name": "Đào Thị Thơm", "date_of_birth": "1955-05-05"},
                       {"role": "husband", "name": "Vương Văn Hùng", "date_of_birth": "1950"},
                       {"role": "mother", "name": "Vương Thị Hưng"}]}
    def who(**kw):
        return (matched_person(src, RecordQuery(**kw)) or {}).get("role")
    assert who(name="vuong van hung") == "husband"
    assert who(name="Vương Thị Hưng") is None  # a mother: not searched unless asked
    assert who(name="Vương Thị Hưng", roles=["any"]) == "mother"
    assert who(name="vuonh van hung") == "husband"  # one slip
    assert who(name="vuwowng vawn hungf") == "husband"  # Telex
    assert who(born_from="1950", born_to="1950") == "husband" and who(born_from="1955", born_to="1955") == "wife"
    assert who(name="dao thi thom", born_from="1950", born_to="1950") is None


def _boosts(clauses):
    return [c["constant_score"]["boost"] for c in clauses]


def _tier_list(query: dict) -> list[dict]:
    """The tiers of a ``name_query``, in TIERS order: the scoring ones, then the required words and slip."""
    required = query["bool"]["must"][0]
    return query["bool"]["should"] + required["bool"]["should"]


def test_name_tiers_exact_above_marks_as_typed_above_folded_above_typo():
    from indexers.records_search import TIERS
    clauses = _tier_list(name_query("Nguyễn Dình  Dục"))
    text = json.dumps(clauses, ensure_ascii=False)
    by_tier = {name: c for name, c in zip(TIERS, clauses)}
    assert _boosts(clauses) == list(TIERS.values())
    assert '"search.people.exact": "nguyễn dình dục"' in json.dumps(by_tier["exact"], ensure_ascii=False)
    marks = by_tier["marks"]["constant_score"]["filter"]["bool"]["filter"]
    assert [c["term"]["search.people.marks"] for c in marks] == ["nguyễn", "dình", "dục"]
    spelt = by_tier["spelt"]["constant_score"]["filter"]["bool"]["filter"]
    assert [c["term"]["search.people.spelt"] for c in spelt] == ["nguyễn", "dình", "dục"]
    assert '"search.people.full": "nguyen dinh duc"' in text and '"search.people.keys": "nguyen dinh duc"' in text
    # the sums of the tiers a match reaches (a closer match reaches the looser ones too) never cross:
    # exact name > every word as typed (marks) with the whole name > ... > every word folded > one typo
    t = TIERS
    shapes = [t["typo"], t["words"] + t["typo"], t["variant"] + t["words"] + t["typo"],
              t["whole"] + t["words"] + t["typo"]]
    # marks matched imply every word matched (folded), so the one-typo shape goes with folded matches only
    sums = shapes + [m + s for m in (t["marks"], t["marks"] + t["spelt"]) for s in shapes[1:]] \
        + [sum(t.values()) - t["variant"]]
    assert sums == sorted(sums) and len(set(sums)) == len(sums)
    assert min(b - a for a, b in zip(sums, sums[1:])) >= 10
    # a missing middle name with the marks typed (Lê Hà: Lê Thị Hà) beats the whole name folded (Lê Hạ), and
    # every word as typed (Phạm Dung: Phạm Thị Dung) beats every mark typed (Phạm Dũng)
    assert t["marks"] + t["variant"] > t["whole"] + t["words"] + t["typo"]
    assert t["marks"] + t["spelt"] + t["words"] + t["typo"] > t["marks"] + t["whole"] + t["words"] + t["typo"]
    # one typo: every word exact but one, which may be one edit off, first letter included, within one name
    typo = by_tier["typo"]["constant_score"]["filter"]["bool"]["should"]
    assert len(typo) == 3
    assert typo[0]["bool"]["filter"] == [
        {"fuzzy": {"search.people.words": {"value": "nguyen", "fuzziness": "AUTO:2,50", "prefix_length": 0}}},
        {"term": {"search.people.words": "dinh"}}, {"term": {"search.people.words": "duc"}}]
    # two words name the family and the given name: their slip is never taken for a middle name
    short = json.dumps(_tier_list(name_query("nguyen lan"))[-1])
    assert '"search.people.ends": {"value": "lan"' in short and '"search.people.words": {"value"' not in short


def test_a_person_must_hold_every_word_or_one_slip_and_the_closer_tiers_only_score():
    from indexers.records_search import TIERS
    f = "search.people."
    vocabulary = {"words": {w: 10 for w in ("nguyen", "van", "dung", "hung", "le", "ha", "hai")}}
    # typed with marks: the marks tier is its own (scoring) clause; the people matched hold every word folded
    marked = name_query("Nguyễn Văn Dũng", typo=False)
    assert marked["bool"]["must"] == [{"constant_score": {"filter": {"bool": {"filter": [
        {"term": {f + "words": w}} for w in ("nguyen", "van", "dung")]}}, "boost": TIERS["words"]}}]
    assert {"constant_score": {"filter": {"bool": {"filter": [{"term": {f + "marks": w}} for w in (
        "nguyễn", "văn", "dũng")]}}, "boost": TIERS["marks"]}} in marked["bool"]["should"]
    # typed without marks, the marks tier is the words tier: one clause with both scores (and, with the archive's
    # words and three words or more, the slip tier's "every word as typed" too)
    plain = name_query("nguyen van dung", typo=False)
    assert plain["bool"]["must"][0]["constant_score"]["boost"] == TIERS["words"] + TIERS["marks"]
    assert f + "marks" not in json.dumps(plain)
    slipping = name_query("nguyen van dung", vocabulary=vocabulary)["bool"]["must"][0]["bool"]
    assert slipping["minimum_should_match"] == 1
    every, *slipped = slipping["should"]
    assert every["constant_score"]["boost"] == TIERS["words"] + TIERS["marks"] + TIERS["typo"]
    assert all("must_not" in a["bool"] for a in slipped)  # each alternative: one word slipped, never as typed
    # the sums a match reaches are those of the tier table
    exact = name_query("nguyen van dung", typo=False)["bool"]["should"]
    assert [c["constant_score"]["boost"] for c in exact] == [TIERS["exact"], TIERS["spelt"], TIERS["whole"],
                                                            TIERS["variant"]]
    assert name_query("  ") is None


def test_telex_and_vni_readings_are_searched_beside_the_literal_one():
    nested = _nested(build_query(RecordQuery(name="nguyeenx vawn ddwcs")))
    readings = nested["query"]["dis_max"]["queries"]
    assert len(readings) == 2
    # keystrokes read as letters are taken as meant: no slip on top of them
    assert "fuzzy" in json.dumps(readings[0]) and "fuzzy" not in json.dumps(readings[1])
    text = json.dumps(readings[1], ensure_ascii=False)
    assert '"search.people.exact": "nguyễn văn đức"' in text
    assert '"search.people.exact": "nguyeenx vawn ddwcs"' in json.dumps(readings[0], ensure_ascii=False)
    plain = _nested(build_query(RecordQuery(name="nguyen van duc")))
    assert "dis_max" not in plain["query"]


def test_name_is_required_and_user_text_never_reaches_query_syntax():
    q = build_query(RecordQuery(name='Đức" OR name:* AND (', q="x* OR y"))
    text = json.dumps(q)
    assert "query_string" not in text and "simple_query_string" not in text and "wildcard" not in text
    assert "nested" in q["bool"]["must"][0]


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
    # search.* never reaches a hit: the index does not keep it in _source, so the search asks for no filtering
    from indexers.client import load_template
    assert "_source" not in body and load_template("records")["mappings"]["_source"] == {"excludes": ["search.*"]}
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
    # the pages after the first keep its choice of looking for a name one slip off
    from indexers.records_search import cursor_typo
    strict = encode_cursor([12.5, "h:r0001"], "pit-id", q.fingerprint(), typo=False)
    assert cursor_typo(c) and not cursor_typo(strict) and decode_cursor(strict, q.fingerprint())[1] == "pit-id"


def test_a_name_one_slip_off_is_asked_for_only_when_asked():
    strict = json.dumps(build_search(RecordQuery(name="nguyen van duc"), typo=False))
    assert "fuzzy" not in strict and '"boost": 2}' not in strict  # no one-slip tier
    assert "fuzzy" in json.dumps(build_search(RecordQuery(name="nguyen van duc")))


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
    nested = _nested(build_query(RecordQuery(name="Hoàng Văn Tvu")))["query"]["bool"]
    tiers = nested["must"][0]["bool"]["should"]
    bonus = nested["should"]
    assert bonus == name_word_clauses("Hoàng Văn Tvu", roles=[])
    assert not any(c in tiers for c in bonus)  # scoring only: they never make a record match
    words = [c["dis_max"]["queries"] for c in bonus if "search.people.words" in json.dumps(c) and "dis_max" in c]
    assert [qs[0]["constant_score"]["filter"]["term"]["search.people.words"] for qs in words] == [
        "hoang", "van", "tvu"]
    exact, near, same = words[0]
    assert exact["constant_score"]["boost"] == 1.0
    # a slip keeping the length (a key changed, two swapped) a little above one adding or dropping a key
    assert same["constant_score"]["boost"] == 0.55
    assert same["constant_score"]["filter"]["bool"]["must"][0]["regexp"]["search.people.words"]["value"] == (
        "(.oang)|(h.ang)|(ho.ng)|(hoa.g)|(hoan.)|(ohang)|(haong)|(honag)|(hoagn)")
    # a word one slip away counts half, once, whatever the slip and however many name words are near
    assert near["constant_score"]["boost"] == 0.5
    near = near["constant_score"]["filter"]["bool"]
    assert near["must"][0]["fuzzy"]["search.people.words"]["value"] == "hoang"
    assert near["must_not"] == [{"term": {"search.people.words": "hoang"}}]
    given = [c for c in bonus if "search.people.given\"" in json.dumps(c)]
    assert len(given) == 1 and given[0]["dis_max"]["queries"][0]["constant_score"]["filter"] == {
        "term": {"search.people.given": "tvu"}}
    # between equally near names the rarer: the IDF of the near words of each word the name lacks
    rare = [c for c in bonus if "top_terms_20" in json.dumps(c)]
    assert len(rare) == 3 and rare[2]["bool"]["must_not"] == [{"term": {"search.people.words": "tvu"}}]
    # The most a record can gain within a tier stays below the smallest gap between tier sums (10).
    from indexers.records_search import (GIVEN_WEIGHT, LENGTH_WEIGHT, MAX_QUERY_WORDS, RARE_WEIGHT, SPELT_WEIGHT,
                                         SUBJECT_WEIGHT, TIERS, WORD_WEIGHT)
    rarest = RARE_WEIGHT * 19 * 1.5  # BM25: IDF of a term found once in 10^8 documents, tf part of a short value
    from indexers.records_search import SLIP_READING_STEP
    from indexers.slip_readings import MAX_READINGS
    readings = SLIP_READING_STEP * (MAX_READINGS - 1)  # the likeliest of the slips read back, within its tier
    most = MAX_QUERY_WORDS * WORD_WEIGHT + GIVEN_WEIGHT + SPELT_WEIGHT + LENGTH_WEIGHT + SUBJECT_WEIGHT + rarest \
        + readings
    # a step between readings outweighs every other signal that differs between records within a tier
    assert SLIP_READING_STEP > GIVEN_WEIGHT + SPELT_WEIGHT + LENGTH_WEIGHT + SUBJECT_WEIGHT + rarest
    assert most < min(TIERS["words"], TIERS["variant"], TIERS["whole"] - TIERS["variant"])
    # each signal only breaks the ties of the one before: the finest word nearness step is the given name's half
    assert rarest < SUBJECT_WEIGHT < LENGTH_WEIGHT < SPELT_WEIGHT < GIVEN_WEIGHT / 2
    length = [c for c in bonus if "search.people.length" in json.dumps(c)]
    assert length == [{"term": {"search.people.length": {"value": 3, "boost": LENGTH_WEIGHT}}}]


def test_the_subject_comes_first_only_when_other_people_are_searched_too():
    def subject_bonus(**kw) -> list[dict]:
        nested = _nested(build_query(RecordQuery(name="Hoàng Văn Tú", **kw)))["query"]["bool"]
        return [c for c in nested["should"] if "search.people.subject" in json.dumps(c)]

    # every person a subjects-only search can match is a subject: the clause would add the same to all
    assert subject_bonus() == [] and subject_bonus(roles=["subject"]) == []
    for roles in (["any"], ["mother"], ["subject", "mother"]):
        assert subject_bonus(roles=roles) == [{"term": {"search.people.subject": {"value": True,
                                                                                   "boost": SUBJECT_WEIGHT}}}]


def test_a_one_word_name_has_no_word_order_clause():
    assert not any("search.people.given" in json.dumps(c) for c in name_word_clauses("Đức"))


def test_slips_are_every_word_one_edit_away_and_say_whether_the_length_is_kept():
    from indexers.name_vocabulary import likelihood, slips
    near = slips("mi")
    assert near["mai"] is False and near["mơ".replace("ơ", "o")] is True and near["im"] is True
    assert near["m"] is False and "mi" not in near and "" not in slips("a")
    assert likelihood(54) > likelihood(12)  # Mai (54 people) over Mơ (12), though a key was dropped to reach it


def _slip_boosts(name: str, word: str, vocabulary: dict) -> dict[str, float]:
    """word -> score of a name holding it instead of ``word``, from the typo tier of ``name``'s clauses."""
    from indexers.records_search import TIERS
    alternatives = name_query(name, vocabulary=vocabulary)["bool"]["must"][0]["bool"]["should"]
    [slipped] = [a for a in alternatives
                 if a.get("bool", {}).get("must_not") == [{"term": {"search.people.words": word}}]]
    assert {"constant_score": {"filter": {"match_all": {}}, "boost": TIERS["typo"]}} in slipped["bool"]["should"]
    [near] = [c for c in slipped["bool"]["should"] if "dis_max" in c]
    return {q["constant_score"]["filter"]["term"]["search.people.words"]: q["constant_score"]["boost"]
            for q in near["dis_max"]["queries"]}


def test_with_the_archives_word_counts_the_likelier_slip_scores_higher():
    vocabulary = {"words": {"le": 900, "thi": 5000, "mai": 60, "mo": 12, "my": 3, "van": 9000, "han": 40},
                  "given": {"mai": 54, "mo": 12, "my": 3, "van": 5}}
    clauses = name_word_clauses("le thi mi", vocabulary=vocabulary)
    [mi] = [c for c in clauses if '"mi"' in json.dumps(c) and "search.people.words" in json.dumps(c)]
    assert mi == {"constant_score": {"filter": {"term": {"search.people.words": "mi"}}, "boost": 1.0}}
    # a name one slip off scores in the typo tier (only the records that slipped there are scored so)
    boosts = _slip_boosts("le thi mi", "mi", vocabulary)
    assert boosts["mai"] > boosts["mo"] > boosts["my"] > 0.5
    assert max(boosts.values()) < 0.5 + 0.05  # below the next step of nearness
    assert "fuzzy" not in json.dumps(clauses + [name_query("le thi mi", vocabulary=vocabulary)])
    # the last word is weighed by given names: Văn (a middle name) counts little as the given name Vân
    boosts = _slip_boosts("nguyen thu han", "han", vocabulary)
    import math
    assert boosts["van"] == pytest.approx(0.5 + 0.002 * math.log(6))  # 5 given names, not 9,000 words


def test_the_typo_tier_lists_the_archive_words_one_slip_away_apart_from_the_words_typed():
    from indexers.records_search import _one_typo
    vocabulary = {"words": {w: 10 for w in ("nguyen", "nguyet", "van", "an", "lan", "dung", "hung", "le", "ha",
                                            "hai", "a")}}
    f = "search.people."
    tier = _one_typo(["nguyen", "van", "dung"], vocabulary)["bool"]
    assert tier["minimum_should_match"] == 1
    exact, *near = tier["should"]
    # the words as typed once (not once per query word, inside each word's near words)
    assert exact == {"constant_score": {"filter": {"bool": {"filter": [
        {"term": {f + "words": w}} for w in ("nguyen", "van", "dung")]}}, "boost": 2}}
    # each word slipped: its near words, the others as typed, never the word itself (the first alternative's)
    assert [(a["bool"]["filter"], a["bool"]["must_not"]) for a in near] == [
        ([{"terms": {f + "words": ["nguyet"]}}, {"term": {f + "words": "van"}}, {"term": {f + "words": "dung"}}],
         [{"term": {f + "words": "nguyen"}}]),
        ([{"term": {f + "words": "nguyen"}}, {"terms": {f + "words": ["an", "lan"]}}, {"term": {f + "words": "dung"}}],
         [{"term": {f + "words": "van"}}]),
        ([{"term": {f + "words": "nguyen"}}, {"term": {f + "words": "van"}}, {"terms": {f + "words": ["hung"]}}],
         [{"term": {f + "words": "dung"}}])]
    # one or two words: the slip among the family and given names (ends); a one-letter word exactly as typed
    two = _one_typo(["le", "ha"], vocabulary)["bool"]["should"]
    assert {"constant_score": {"filter": {"bool": {"filter": [{"term": {f + "ends": "le"}},
                                                              {"term": {f + "words": "ha"}}]}}, "boost": 2}} in two
    assert [{"term": {f + "words": "le"}}, {"terms": {f + "ends": ["a", "hai"]}}] in [
        a["bool"]["filter"] for a in two if "must_not" in a.get("bool", {})]
    assert _one_typo(["a"], vocabulary)["bool"]["should"] == [
        {"constant_score": {"filter": {"bool": {"filter": [{"term": {f + "ends": "a"}}]}}, "boost": 2}}]
    # without the archive's words, fuzzy queries as before
    assert "fuzzy" in json.dumps(_one_typo(["nguyen", "van", "dung"]))
