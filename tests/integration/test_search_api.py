"""The search API over HTTP, against a real Elasticsearch and S3 server, with `sohoa api` in a subprocess."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "indexers"))

from ingest.testing import api_server  # noqa: E402
from search_fixtures import birth, index_fields, index_samples, index_synthetic, s3_client  # noqa: E402

BULK = 10_050
# Near names, for the order within one tier of a query with a typo (collection "gantu").
NEAR_NAMES = ["Hoàng Văn Tú", "Hoàng Thu Vân", "Hoàng Văn Thụ", "Hồ Văn Kiên", "Kiều Văn Hoà", "Hoàng Văn Tú"]
NEAR = [(f"gantu/{i}.pdf", birth(n, "01/01/1950", "xã Lạc Vệ, huyện Tiên Du, tỉnh Bắc Ninh", mother="Mai Thị Sen",
                                 father="Đỗ Văn Lực"))
        for i, n in enumerate(NEAR_NAMES)]


# Close spellings, a marriage and a nationality, for the tiers, roles and free text (collection "gan").
CLOSE = [
    ("birth", {"full_name": "Lê Thị Hà", "date_of_birth": "1960-01-01"}),
    ("birth", {"full_name": "Lê Hạ", "date_of_birth": "1961-01-01"}),
    ("birth", {"full_name": "Nguyễn Đình Đức", "date_of_birth": "1962-01-01"}),
    ("birth", {"full_name": "Nguyễn Đình Dục", "date_of_birth": "1963-01-01"}),
    ("birth", {"full_name": "Phạm Thị Dung", "date_of_birth": "1966-01-01"}),
    ("birth", {"full_name": "Phạm Dũng", "date_of_birth": "1967-01-01"}),
    ("birth", {"full_name": "Hoàng Thị Vy", "date_of_birth": "1964-01-01", "nationality": "Việt Nam"}),
    ("birth", {"full_name": "Khổng Văn An", "date_of_birth": "1965-01-01", "nationality": "Việt Nam"}),
    ("marriage", {"wife": {"full_name": "Đào Thị Thơm", "date_of_birth": "1955-05-05", "nationality": "Việt Nam"},
                  "husband": {"full_name": "Vương Văn Hùng", "date_of_birth": "1950-02-02",
                              "nationality": "Việt Nam"}}),
    ("birth", {"full_name": "Vương Thị Hưng", "date_of_birth": "1980-01-01", "nationality": "Việt Nam",
               "mother": {"full_name": "Đào Thị Thơm", "birth_year": 1955}}),
]


@pytest.fixture(scope="module")
def stack_env(stack_env):
    # A namespace (indices, bucket) of its own: these tests expect exact result lists, so records other
    # modules ingest into the session's namespace must not show up here.
    from ingest.testing import remove_namespace

    from .conftest import s3
    env = {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + "-search",
           "SOHOA_BUCKET": stack_env["SOHOA_BUCKET"] + "-search"}
    s3(env).create_bucket(Bucket=env["SOHOA_BUCKET"])
    yield env
    remove_namespace(env)


@pytest.fixture(scope="module")
def api(stack_env, es):
    ids = index_samples(es, stack_env, s3_client(stack_env))
    index_samples(es, stack_env, documents=NEAR)
    ids.update(index_fields(es, stack_env, CLOSE, collection="gan"))
    index_synthetic(es, stack_env, BULK)
    from api.auth import create_token
    from sohoa.config import Config
    token, _ = create_token(es, Config.from_env(stack_env), "search-tests", "clerk")  # sees full fields
    with api_server(stack_env) as base:
        with httpx.Client(base_url=base, timeout=30, headers={"Authorization": f"Bearer {token}"}) as client:
            client.ids = ids
            yield client


@pytest.fixture(scope="module")
def es(stack_env):
    from elasticsearch import Elasticsearch
    return Elasticsearch(stack_env["SOHOA_ES_URL"])


def names(client, **params):
    r = client.get("/records/search", params={"collection": "hotich", **params})
    assert r.status_code == 200, r.text
    return [h["name"] for h in r.json()["hits"]]


def test_unaccented_query_finds_both_spellings_and_the_one_typed_so_ranks_first(api):
    got = names(api, name="nguyen van duc")
    assert got[:2] == ["Nguyen Van Duc", "Nguyễn Văn Đức"]
    assert "Nguyễn Thị Mai" not in got  # her father is Nguyễn Văn Đức: subjects only unless asked
    assert "Nguyễn Văn Đạt" not in got


def test_accented_query_puts_the_exact_spelling_first(api):
    got = names(api, name="Nguyễn Văn Đức")
    assert got[:2] == ["Nguyễn Văn Đức", "Nguyen Van Duc"]


def test_every_person_is_searchable_by_role_and_the_hit_names_them(api):
    r = api.get("/records/search", params={"collection": "hotich", "name": "Nguyễn Văn Đức", "role": "any"}).json()
    # the father spelt exactly as typed is a closer match than the subject spelt without diacritics
    assert [h["name"] for h in r["hits"]] == ["Nguyễn Văn Đức", "Nguyễn Thị Mai", "Nguyen Van Duc"]
    assert r["hits"][0]["person"]["role"] == "subject"
    assert r["hits"][1]["person"] == {"role": "father", "name": "Nguyễn Văn Đức"}
    assert names(api, name="nguyen van duc", role="father") == ["Nguyễn Thị Mai"]
    mothers = api.get("/records/search", params={"name": "tran thi lan", "role": "mother"}).json()["hits"]
    assert mothers and all(h["person"]["role"] == "mother" for h in mothers)


def test_a_husband_is_found_by_his_own_birth_year(api):
    r = api.get("/records/search", params={"collection": "gan", "name": "vuong van hung", "born": "1950"}).json()
    assert [h["record_type"] for h in r["hits"]] == ["marriage"]
    assert r["hits"][0]["person"]["role"] == "husband" and r["hits"][0]["person"]["date_of_birth"] == "1950-02-02"
    assert names(api, collection="gan", name="vuong van hung", born="1955") == []  # the wife's year is hers
    page = api.get("/search", params={"collection": "gan", "name": "vuong van hung", "born": "1950"})
    assert page.status_code == 200 and "Khớp với chồng: Vương Văn Hùng" in page.text and "Vương Văn Hùng" in page.text
    assert names(api, collection="gan", name="dao thi thom", born="1955", role="any") == [
        "Đào Thị Thơm", "Vương Thị Hưng"]  # a wife, and a mother by her birth year


@pytest.mark.parametrize("query, first", [
    ("Lê Hà", "Lê Thị Hà"),                # the marks typed, a middle name left out, above Lê Hạ (folded only)
    ("Nguyễn Dình Dục", "Nguyễn Đình Dục"),  # đ typed as d, the other marks still count
    ("Nguyễn Đình Đức", "Nguyễn Đình Đức"),
    ("Phạm Dung", "Phạm Thị Dung"),         # typed with marks, a word without is spelt so: not Phạm Dũng
    ("nguyeenx ddinhf ducj", "Nguyễn Đình Dục"),  # Telex without an input method
    ("nguye6n4 d9i2nh d9u7c1", "Nguyễn Đình Đức"),  # VNI
    ("hoang thi vu", "Hoàng Thị Vy"),      # a typo in a two-letter name
    ("khong van am", "Khổng Văn An"),
    ("ngyen dinh duc", None),              # a transposition in the first word
    ("bguyen dinh duc", None),             # a typo in the first letter
])
def test_closer_spellings_rank_first_and_typed_slips_are_forgiven(api, query, first):
    got = names(api, name=query, collection="gan")
    assert got, query
    if first:
        assert got[0] == first, got
    else:
        assert set(got[:2]) == {"Nguyễn Đình Đức", "Nguyễn Đình Dục"}, got


def test_free_text_never_matches_boilerplate(api):
    # 'viet' is only in the nationality (Việt Nam) of these records: it must not match them
    assert names(api, collection="gan", q="viet hung") == []
    assert names(api, collection="gan", q="vuong hung")  # the names themselves still match


@pytest.mark.parametrize("query", ["Đức Nguyễn Văn", "duc nguyen", "Nguyễn Đức", "nguyen van duk", "ngyuen van duc"])
def test_reversed_order_missing_middle_name_and_one_typo_are_forgiven(api, query):
    got = names(api, name=query)
    assert set(got[:2]) == {"Nguyễn Văn Đức", "Nguyen Van Duc"}, got


@pytest.mark.parametrize("query, first", [
    ("hoang van tvu", "Hoàng Văn Thụ"),  # tvu is one letter from thu and from tu; thu keeps the length
    ("kieu van hol", "Kiều Văn Hoà"),    # two words exact and one typo beat one exact and two typos
    ("hoang van thk", "Hoàng Văn Thụ"),  # the words in the order typed: not Hoàng Thu Vân
])
def test_among_typo_matches_the_nearest_name_comes_first(api, query, first):
    got = names(api, name=query, collection="gantu")
    assert got[0] == first, got


def test_free_text_matches_every_word_anywhere_in_the_record(api):
    # a place word, a birth year and a parent's name, none typed with diacritics
    assert names(api, q="dinh bang 1972") == ["Nguyễn Văn Đức"]
    assert set(names(api, q="tran thi lan tien du")) == {"Nguyen Van Duc", "Trần Quang Khải"}  # mother, district
    assert names(api, q="dinh bang 1990") == []  # every word must match, and numbers exactly
    assert names(api, q="dinh bamg 1972") == ["Nguyễn Văn Đức"]  # a typo in a word is forgiven
    # the diacritics typed rank the place spelt that way first
    assert names(api, q="Lạc Vệ")[0] == "Nguyen Van Duc"


def test_old_and_new_tone_mark_placement_match(api):
    assert names(api, name="Lê Thị Hòa")[0] == "Lê Thị Hoà"


def test_a_name_never_matches_across_two_people(api):
    # the record of Nguyễn Văn Đạt has a mother Trần Thị Lan and a father Nguyễn Văn Nam
    assert "Nguyễn Văn Đạt" not in names(api, name="Nguyễn Lan")


def test_date_range_and_place_filters(api):
    assert names(api, name="nguyen van duc", born="1970..1975") == ["Nguyễn Văn Đức"]
    assert names(api, name="nguyen van duc", born_from="1980") == ["Nguyen Van Duc"]
    assert names(api, place="dinh bang") == ["Nguyễn Văn Đức"]
    assert names(api, number="77") == ["Trần Quang Khải"]


def test_facets_highlights_and_record_fields(api):
    r = api.get("/records/search", params={"collection": "hotich", "name": "nguyen van duc"}).json()
    facets = {k: {b["value"]: b["count"] for b in v} for k, v in r["facets"].items()}
    assert facets["record_type"] == {"birth": 2}
    assert facets["decade"] == {1970: 1, 1980: 1}
    assert facets["province"] == {"Bắc Ninh": 1, "Bac Ninh": 1}  # as written on the page
    top = r["hits"][0]
    assert {"field": "full_name", "html": "<mark>Nguyen</mark> <mark>Van</mark> <mark>Duc</mark>"} in top["highlights"]
    second = r["hits"][1]
    assert {"field": "full_name", "html": "<mark>Nguyễn</mark> <mark>Văn</mark> <mark>Đức</mark>"} in \
        second["highlights"]
    narrowed = names(api, name="nguyen van duc", province="Bắc Ninh", decade="1970")
    assert narrowed == ["Nguyễn Văn Đức"]


def test_record_detail_with_confidences_and_a_working_page_image_link(api):
    rid = api.ids["Nguyễn Văn Đức"]
    r = api.get(f"/records/{rid}")
    assert r.status_code == 200, r.text
    rec = r.json()
    assert rec["id"] == rid and rec["record_type"] == "birth"
    full = rec["fields"]["full_name"]
    assert full["value"] == "Nguyễn Văn Đức" and 0 < full["confidence"] <= 1 and full["page"] == 1
    assert rec["flat_fields"]["mother.full_name"] == "Trần Thị Lan"
    [img] = rec["page_images"]
    got = api.get(img["url"])
    assert got.status_code == 200 and got.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert api.get("/records/nope:r0000").status_code == 404


def test_paging_with_a_cursor_stays_exact_past_ten_thousand(api):
    seen: list[str] = []
    params = {"collection": "khoiluong", "size": 100, "sort": "born"}
    first = api.get("/records/search", params=params).json()
    assert first["total"] == BULK
    page = first
    while True:
        seen.extend(h["id"] for h in page["hits"])
        if not page["next_cursor"]:
            break
        r = api.get("/records/search", params={**params, "cursor": page["next_cursor"]})
        assert r.status_code == 200, r.text
        page = r.json()
    assert len(seen) == BULK and len(set(seen)) == BULK


def test_bad_input_is_a_client_error(api):
    assert api.get("/records/search", params={"born": "seventies"}).status_code == 400
    assert api.get("/records/search", params={"size": 1000}).status_code == 422
    assert api.get("/records/search", params={"sort": "random"}).status_code == 400
    first = api.get("/records/search", params={"collection": "khoiluong", "size": 5}).json()
    other = api.get("/records/search", params={"collection": "hotich", "size": 5, "cursor": first["next_cursor"]})
    assert other.status_code == 400
    assert api.get("/records/search", params={"name": 'x" OR *:* AND ('}).status_code == 200
    assert api.get("/records/search", params={"name": "duc", "review": "", "type": ""}).status_code == 200


def test_page_search_and_openapi(api):
    r = api.get("/pages/search", params={"q": "nguyen van duc"})
    assert r.status_code in (200, 503), r.text
    if r.status_code == 200:
        assert set(r.json()) == {"total", "hits"}
    paths = api.get("/openapi.json").json()["paths"]
    assert {"/records/search", "/records/{record_id}", "/pages/search"} <= set(paths)
