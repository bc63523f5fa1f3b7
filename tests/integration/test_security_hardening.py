"""The rest of issue 14's findings, each over HTTP against the real stack with `sohoa api` in a subprocess:
cursors, year-only search, failed sign-in backoff, token checks, logout, impossible dates, headers,
invisible characters."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from elasticsearch import Elasticsearch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "indexers"))

from search_fixtures import index_samples  # noqa: E402

from api import auth  # noqa: E402
from indexers.client import ensure_index  # noqa: E402
from ingest.testing import api_server  # noqa: E402
from sohoa.config import Config  # noqa: E402

pytestmark = pytest.mark.integration
BORN = "1972-03-15"  # Nguyễn Văn Đức's date of birth in the sample records


@pytest.fixture(scope="module")
def site(stack_env, tmp_path_factory):
    env = {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + "-hard",
           "SOHOA_SESSION_SECRET": "h" * 40, "SOHOA_AUTH_FREE_FAILURES": "3"}
    es = Elasticsearch(env["SOHOA_ES_URL"])
    config = Config.from_env(env)
    ids = index_samples(es, env)
    ensure_index(es, config, "pages")
    tokens = {role: auth.create_token(es, config, f"hard-{role}", role)[0] for role in ("viewer", "clerk")}
    log = tmp_path_factory.mktemp("hard") / "api.log"
    with api_server(env, log) as base:
        yield SimpleNamespace(base=base, es=es, config=config, ids=ids, tokens=tokens, log=log)


def client(site, role: str | None = None, source: str = "127.0.0.1") -> httpx.Client:
    headers = {"Authorization": f"Bearer {site.tokens[role]}"} if role else {}
    # Each test signs in from its own loopback address, so one test's failed sign-ins do not slow another's.
    return httpx.Client(base_url=site.base, headers=headers, timeout=60,
                        transport=httpx.HTTPTransport(local_address=source))


def test_cursors_are_opaque_bound_to_their_caller_and_cannot_be_forged(site):
    viewer, clerk = client(site, "viewer", "127.0.0.11"), client(site, "clerk", "127.0.0.11")
    first = viewer.get("/records/search", params={"collection": "hotich", "sort": "born", "size": 1}).json()
    cursor = first["next_cursor"]
    assert cursor.startswith("c1.") and "search_after" not in cursor
    nxt = viewer.get("/records/search", params={"collection": "hotich", "sort": "born", "size": 1, "cursor": cursor})
    assert nxt.status_code == 200 and nxt.json()["hits"][0]["id"] != first["hits"][0]["id"]
    other = clerk.get("/records/search", params={"collection": "hotich", "sort": "born", "size": 1, "cursor": cursor})
    assert other.status_code == 400  # another caller's cursor
    import base64
    import json
    forged = base64.urlsafe_b64encode(json.dumps({"a": [0, ""], "p": None, "f": "x"}).encode()).decode()
    for bad in (forged, "c1." + forged, cursor[:-4] + "AAAA"):
        r = viewer.get("/records/search", params={"collection": "hotich", "sort": "born", "size": 1, "cursor": bad})
        assert r.status_code == 400 and "cursor" in r.json()["detail"]


def test_points_in_time_are_capped_per_caller(site):
    from api.cursors import MAX_PITS_PER_CALLER
    viewer = client(site, "viewer", "127.0.0.12")
    params = {"collection": "hotich", "sort": "name", "size": 1}
    chains = []
    for _ in range(MAX_PITS_PER_CALLER + 2):  # each chain opens a point in time on its second page
        c = viewer.get("/records/search", params=params).json()["next_cursor"]
        chains.append(viewer.get("/records/search", params={**params, "cursor": c}).json()["next_cursor"])
    oldest = viewer.get("/records/search", params={**params, "cursor": chains[0]})
    assert oldest.status_code == 400 and "expired" in oldest.json()["detail"]
    newest = viewer.get("/records/search", params={**params, "cursor": chains[-1]})
    assert newest.status_code == 200


def test_a_viewer_cannot_confirm_a_birth_date_by_free_text_or_filters(site):
    viewer, clerk = client(site, "viewer", "127.0.0.13"), client(site, "clerk", "127.0.0.13")

    def total(c, **params):
        r = c.get("/records/search", params={"collection": "hotich", **params})
        assert r.status_code == 200, r.text
        return r.json()["total"]

    for text in (BORN, "15/03/1972", "15 03 1972", "15.03.1972"):
        assert total(viewer, q=text) == total(viewer, q=text.replace("15", "16")), text
    assert total(clerk, q=BORN) >= 1 and total(clerk, q="1972-03-16") == 0  # the clerk's search is exact
    assert total(viewer, born=BORN) == total(viewer, born="1972-03-16") == total(viewer, born="1972")
    assert total(viewer, q="1972") >= 1  # the year stays searchable
    pages = viewer.get("/pages/search", params={"q": "15/03/1972"})
    assert pages.status_code == 200


def test_failed_sign_ins_from_one_source_wait_longer_each_time(site):
    bad = {"Authorization": "Bearer sohoa_0123456789abcdef_wrong"}
    c = client(site, None, "127.0.0.21")
    codes = [c.get("/records/search", params={"q": "x"}, headers=bad).status_code for _ in range(3)]
    assert codes == [401, 401, 401]
    r = c.get("/records/search", params={"q": "x"}, headers=bad)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    login = c.post("/login", data={"token": site.tokens["viewer"]}, follow_redirects=False)
    assert login.status_code == 429  # while it waits, no credential of that source is looked at
    assert client(site, "viewer", "127.0.0.22").get("/records/search", params={"q": "x"}).status_code == 200


def test_token_checks_do_the_same_work_for_unknown_and_known_ids(site):
    doc = site.es.get(index=site.config.index("tokens"), id=auth.split_token(site.tokens["viewer"])[0])["_source"]
    assert doc["hash"].startswith("sha256$")  # no slow hash anyone can make the server run per request
    c = client(site, None, "127.0.0.31")
    known_id = auth.split_token(site.tokens["viewer"])[0]
    for token in (f"sohoa_{known_id}_wrong", "sohoa_0123456789abcdef_wrong"):
        r = c.get("/records/search", params={"q": "x"}, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401 and r.json() == {"detail": auth.LoginRequired().detail}


def test_a_token_hashed_with_scrypt_is_rehashed_on_its_first_good_use(site):
    token, doc = auth.create_token(site.es, site.config, "hard-old", "viewer")
    secret = auth.split_token(token)[1]
    salt = site.es.get(index=site.config.index("tokens"), id=doc["token_id"])["_source"]["salt"]
    old = auth.hash_secret(secret, bytes.fromhex(salt), n=2**10)  # as tokens were stored before
    site.es.update(index=site.config.index("tokens"), id=doc["token_id"], doc={"hash": old}, refresh=True)
    assert client(site, None, "127.0.0.32").get("/records/search", params={"q": "x"},
                                                headers={"Authorization": f"Bearer {token}"}).status_code == 200
    stored = site.es.get(index=site.config.index("tokens"), id=doc["token_id"])["_source"]["hash"]
    assert stored.startswith("sha256$")


def test_logout_ends_the_session_on_the_server(site):
    c = client(site, None, "127.0.0.41")
    login = c.post("/login", data={"token": site.tokens["viewer"], "next": "/search"}, follow_redirects=False)
    assert login.status_code == 303
    cookie = login.cookies[auth.COOKIE]
    page = c.get("/search", cookies={auth.COOKIE: cookie})
    assert page.status_code == 200
    form = re.search(r'<form method="post" action="/logout"[^>]*><input type="hidden" name="csrf" value="([^"]+)"',
                     page.text)
    assert form, "the search page has a logout button"
    out = c.post("/logout", data={"csrf": form.group(1)}, cookies={auth.COOKIE: cookie}, follow_redirects=False)
    assert out.status_code == 303
    again = c.get("/records/search", params={"q": "x"}, cookies={auth.COOKIE: cookie})
    assert again.status_code == 401  # the same cookie, replayed after logout


def test_impossible_dates_are_400_with_a_message_and_nothing_in_the_log(site):
    c = client(site, "viewer", "127.0.0.51")
    for params in ({"born": "0000"}, {"died": "0000"}, {"registered": "0000..1980"}, {"decade": "99999999999"},
                   {"decade": "-5"}, {"born_from": "abcd"}, {"born": "1972-02-30"}):
        r = c.get("/records/search", params=params)
        assert r.status_code == 400, (params, r.status_code, r.text[:200])
        detail = r.json()["detail"]
        assert isinstance(detail, str) and list(params.values())[0] not in detail
    log = site.log.read_text()
    assert "Traceback" not in log and "99999999999" not in log


def test_no_store_and_security_headers_on_data_and_pages(site):
    c = client(site, "viewer", "127.0.0.61")
    rid = site.ids["Nguyễn Văn Đức"]
    for path in (f"/records/{rid}", f"/search/records/{rid}", "/search?name=duc", "/records/search?name=duc",
                 "/pages/search?q=duc", "/login"):
        r = c.get(path)
        assert r.status_code == 200, path
        assert r.headers["cache-control"] == "no-store", path
        assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in r.headers["content-security-policy"]


def test_invisible_characters_in_a_query_are_ignored(site):
    c = client(site, "clerk", "127.0.0.71")

    def ids(**params):
        return [h["id"] for h in c.get("/records/search", params={"collection": "hotich", **params}).json()["hits"]]

    plain = ids(name="Nguyễn Văn Đức")
    assert plain and ids(name="Ng\u200buyễn V\u200dăn Đ\ufeffức") == plain and ids(q="Ng\u200buyễn") == ids(q="Nguyễn")


def test_a_viewer_sorting_by_birth_date_gets_years_in_order_and_every_record_once(site):
    viewer = client(site, "viewer", "127.0.0.81")
    for sort, order in (("born", 1), ("born_desc", -1)):
        params = {"collection": "hotich", "sort": sort, "size": 1}
        page = viewer.get("/records/search", params=params).json()
        total, seen = page["total"], []
        while True:
            seen += [(h["id"], h["date_of_birth"]) for h in page["hits"]]
            if not page["next_cursor"]:
                break
            page = viewer.get("/records/search", params={**params, "cursor": page["next_cursor"]}).json()
        years = [int(y) * order for _, y in seen if y]
        assert len({i for i, _ in seen}) == len(seen) == total and years == sorted(years)
        assert all(y is None or len(y) == 4 for _, y in seen)
