"""Access control, masking and audit over HTTP, against the real stack with `sohoa api` in a subprocess."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from elasticsearch import Elasticsearch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "indexers"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))

from search_fixtures import birth, index_samples, s3_client  # noqa: E402
from synth import page  # noqa: E402

from api import auth  # noqa: E402
from ingest.testing import api_server  # noqa: E402
from api.app import create_app  # noqa: E402
from indexers.client import ensure_index  # noqa: E402
from indexers.pages import bulk_index  # noqa: E402
from indexers.analysis import folded_text, norm_text  # noqa: E402
from indexers.records import record_documents  # noqa: E402
from schemas.extract import extract_records  # noqa: E402
from sohoa.config import Config  # noqa: E402
from sohoa.masking import mask_text  # noqa: E402


PERSON = "Phạm Minh Tuấn"
PID = "027088004321"
BORN = ("1988-06-21", "21/06/1988")
MUSEUM_PERSON = "Đỗ Thị Bảo"


def _records(key: str, lines: list[str]) -> list[tuple[str, dict]]:
    import hashlib
    h = hashlib.sha256(key.encode()).hexdigest()
    recs = extract_records([page(lines)], key)
    return list(record_documents(recs, {"doc_hash": h, "key": key, "collection": key.split("/")[0], "bucket": "t"}))


@pytest.fixture(scope="module")
def site(stack_env, tmp_path_factory):
    env = {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + "-sec"}
    es = Elasticsearch(env["SOHOA_ES_URL"])
    config = Config.from_env(env)
    ids = index_samples(es, env, s3_client(env))
    lines = birth(PERSON, BORN[1], "xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh", mother="Hoàng Thị Thu",
                  father="Phạm Văn Lực")
    lines.insert(5, f"Số định danh cá nhân: {PID}")
    docs = _records("hotich/2020/p.pdf", lines) + _records("baotang/2020/m.pdf", birth(
        MUSEUM_PERSON, "02/02/1950", "xã Hoàn Sơn, huyện Tiên Du, tỉnh Bắc Ninh"))
    bulk_index(es, ensure_index(es, config, "records"), docs)
    es.indices.refresh(index=config.index("records"))
    ids.update({d["name"]: rid for rid, d in docs})
    text = f"GIẤY KHAI SINH Họ, chữ đệm, tên: {PERSON} Ngày, tháng, năm sinh: {BORN[1]} Số định danh cá nhân: {PID}"
    es.index(index=ensure_index(es, config, "pages"), id="p1", refresh=True, document={
        "doc_hash": "ab" * 32, "page": 1, "key": "hotich/2020/p.pdf", "collection": "hotich", "text": text,
        "text_norm": norm_text(text), "text_folded": folded_text(text), "text_public_norm": norm_text(mask_text(text)),
        "text_public_folded": folded_text(mask_text(text)), "needs_review": False})
    tokens = {role: auth.create_token(es, config, f"sec-{role}", role)[0] for role in auth.ROLES}
    tokens["museum"] = auth.create_token(es, config, "sec-museum", "clerk", ["baotang"])[0]
    log_path = tmp_path_factory.mktemp("api") / "api.log"
    # Every test here signs in from 127.0.0.1, many with wrong tokens on purpose: failed sign-in backoff is
    # tested on its own server (test_security_adversarial.py).
    with api_server({**env, "SOHOA_SESSION_SECRET": "k" * 40, "SOHOA_AUTH_FREE_FAILURES": "100000"},
                    log_path) as base:
        yield SimpleNamespace(base=base, env=env, es=es, config=config, ids=ids, tokens=tokens, log=log_path)


def call(site, method: str, path: str, token: str | None = None, **kw) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.request(method, site.base + path, headers=headers, timeout=60, follow_redirects=False, **kw)


def audit_entries(site, user: str, action: str | None = None) -> list[dict]:
    from api import audit
    return audit.search_entries(site.es, site.config, user=user, action=action, limit=500)


# One concrete request per route. A route missing here fails test_every_route_is_in_the_table.
def requests_for(site) -> dict[str, tuple[str, str, dict]]:
    rid = site.ids[PERSON]
    return {
        "/healthz": ("GET", "/healthz", {}),
        "/login": ("GET", "/login", {}),
        "/logout": ("POST", "/logout", {}),
        "/openapi.json": ("GET", "/openapi.json", {}),
        "/docs": ("GET", "/docs", {}),
        "/records/search": ("GET", "/records/search?name=pham+minh+tuan", {}),
        "/records/export": ("GET", "/records/export?collection=hotich&limit=5", {}),
        "/records/{record_id}": ("GET", f"/records/{rid}", {}),
        "/records/{record_id}/pages/{page}/image": ("GET", f"/records/{rid}/pages/1/image", {}),
        "/pages/search": ("GET", "/pages/search?q=pham+minh+tuan", {}),
        "/search": ("GET", "/search?name=pham+minh+tuan", {}),
        "/search/records/{record_id}": ("GET", f"/search/records/{rid}", {}),
        "/static/search/{name}": ("GET", "/static/search/search.css", {}),
        "/console": ("GET", "/console", {}),
        "/console/static/{name}": ("GET", "/console/static/console.css", {}),
        "/console/status.json": ("GET", "/console/status.json", {}),
        "/console/failures.json": ("GET", "/console/failures.json", {}),
        "/console/retry": ("POST", "/console/retry", {"data": {"target": "0" * 64}}),
        "/console/documents/{doc_hash}": ("GET", "/console/documents/" + "0" * 64, {}),
        "/metrics": ("GET", "/metrics", {}),
        "/audit": ("GET", "/audit", {}),
        "/audit/entries": ("GET", "/audit/entries", {}),
        "/review": ("GET", "/review", {}),
        "/review/static/{name}": ("GET", "/review/static/review.css", {}),
        "/review/queue": ("GET", "/review/queue", {}),
        "/review/next": ("POST", "/review/next", {"json": {"collection": ["none-such"]}}),
        "/review/records/{record_id}": ("GET", f"/review/records/{rid}", {}),
        "/review/records/{record_id}/decisions": ("POST", f"/review/records/{rid}/decisions",
                                                  {"json": {"decisions": []}}),
        "/review/records/{record_id}/release": ("POST", f"/review/records/{rid}/release", {}),
        "/review/records/{record_id}/history": ("GET", f"/review/records/{rid}/history", {}),
        # a split above the record's first field is refused (400), and no record follows a record that is not
        # there (404): the table is checked without changing the fixtures
        "/review/records/{record_id}/split": ("POST", f"/review/records/{rid}/split", {"json": {"page": 1}}),
        "/review/records/{record_id}/merge-next": ("POST", "/review/records/none-such/merge-next", {}),
        "/review/arbitration": ("GET", "/review/arbitration", {}),
        "/review/records/{record_id}/arbitrate": ("POST", f"/review/records/{rid}/arbitrate",
                                                  {"json": {"decisions": [{"field": "none_such", "action": "x"}]}}),
        "/review/backlog": ("GET", "/review/backlog", {}),
    }


# Which roles each route lets in, written out here independently of api/auth.py's tables (so a change there
# that opens a route shows up as a failure); every other role must be refused with 403.
EVERYONE = {"viewer", "clerk", "reviewer", "volunteer", "operator", "auditor", "admin"}
SEARCHERS = {"viewer", "clerk", "reviewer", "volunteer", "admin"}
OPERATORS = {"operator", "admin"}
REVIEWERS = {"reviewer", "volunteer", "admin"}
EXPECTED = {
    "/healthz": EVERYONE, "/login": EVERYONE, "/logout": EVERYONE, "/openapi.json": EVERYONE, "/docs": EVERYONE,
    "/records/search": SEARCHERS, "/records/export": SEARCHERS, "/records/{record_id}": SEARCHERS,
    "/records/{record_id}/pages/{page}/image": SEARCHERS,
    "/pages/search": SEARCHERS, "/search": SEARCHERS, "/search/records/{record_id}": SEARCHERS,
    "/static/search/{name}": EVERYONE,
    "/console": OPERATORS, "/console/static/{name}": OPERATORS, "/console/status.json": OPERATORS,
    "/console/failures.json": OPERATORS, "/console/retry": OPERATORS, "/console/documents/{doc_hash}": OPERATORS,
    "/metrics": OPERATORS,
    "/audit": {"auditor", "admin"}, "/audit/entries": {"auditor", "admin"},
    "/review": REVIEWERS, "/review/static/{name}": REVIEWERS, "/review/queue": REVIEWERS, "/review/next": REVIEWERS,
    "/review/records/{record_id}": REVIEWERS, "/review/records/{record_id}/decisions": REVIEWERS,
    "/review/records/{record_id}/release": REVIEWERS, "/review/records/{record_id}/history": REVIEWERS,
    "/review/records/{record_id}/split": REVIEWERS, "/review/records/{record_id}/merge-next": REVIEWERS,
    "/review/arbitration": {"admin"}, "/review/records/{record_id}/arbitrate": {"admin"},
    "/review/backlog": OPERATORS,
}


def test_every_route_is_in_the_table(site):
    app = create_app(site.config)
    paths = {r.path for r in auth.all_routes(app.routes)}
    assert paths == set(requests_for(site)) == set(EXPECTED), paths ^ set(requests_for(site))
    assert set(auth.ROLES) == EVERYONE


def test_anonymous_callers_get_401_on_every_route_but_health_and_login(site):
    app = create_app(site.config)
    reqs = requests_for(site)
    for route in auth.all_routes(app.routes):
        method, path, kw = reqs[route.path]
        for bad in (None, "sohoa_0123456789abcdef_nope", "not-a-token"):
            r = call(site, method, path, bad, **kw)
            if auth.ROUTE_PERMISSIONS[route.path] == auth.PUBLIC:
                assert r.status_code == 200, (route.path, r.status_code)
            else:
                assert r.status_code == 401, (route.path, bad, r.status_code)
                assert PERSON not in r.text and PID not in r.text
    # a forged or foreign cookie is no credential either
    r = httpx.get(site.base + "/records/search?name=x", cookies={auth.COOKIE: "abc.123.x.y"})
    assert r.status_code == 401


@pytest.mark.parametrize("role", list(auth.ROLES))
def test_each_role_reaches_exactly_the_routes_of_its_row(site, role):
    for route, (method, path, kw) in requests_for(site).items():
        r = call(site, method, path, site.tokens[role], **kw)
        if role in EXPECTED[route]:
            assert r.status_code not in (401, 403), (role, route, r.status_code, r.text[:300])
            assert r.status_code < 500, (role, route, r.status_code, r.text[:300])
        else:
            assert r.status_code == 403, (role, route, r.status_code)
            assert PERSON not in r.text


def _assert_masked(text: str) -> None:
    for secret in (PID, BORN[0], BORN[1], "06-21", "21/06"):
        assert secret not in text, secret


def test_viewer_sees_ids_and_birth_dates_masked_everywhere_clerk_sees_them(site):
    viewer, clerk = site.tokens["viewer"], site.tokens["clerk"]
    rid = site.ids[PERSON]
    probes = [("/records/search", {"name": "pham minh tuan"}), ("/records/search", {"number": PID}),
              ("/records/search", {"q": PID}), ("/records/search", {"q": BORN[1]}),
              ("/records/search", {"q": "1988-06-21"}), (f"/records/{rid}", {}),
              ("/records/export", {"collection": "hotich"}), ("/pages/search", {"q": PID}),
              ("/pages/search", {"q": "pham minh tuan 1988"}), ("/search", {"q": PID}),
              ("/search", {"name": "pham minh tuan"}), (f"/search/records/{rid}", {})]
    for path, params in probes:
        r = call(site, "GET", path, viewer, params=params)
        assert r.status_code == 200, (path, r.text[:300])
        body = r.text
        for p in params.values():  # the search page repeats what was typed; that is the caller's own input
            body = body.replace(p, "")
        _assert_masked(body)
    # free text never matches what the viewer may not see; the number filter still confirms a number they know
    assert call(site, "GET", "/records/search", viewer, params={"q": PID}).json()["total"] == 0
    got = call(site, "GET", "/records/search", viewer, params={"number": PID}).json()
    assert [h["id"] for h in got["hits"]] == [rid]
    assert all(h["field"] != "personal_id" for h in got["hits"][0]["highlights"])
    detail = call(site, "GET", f"/records/{rid}", viewer).json()
    assert detail["fields"]["personal_id"]["value"] == "*********321"
    assert detail["fields"]["date_of_birth"]["value"] == "1988"
    assert detail["fields"]["full_name"]["value"] == PERSON
    full = call(site, "GET", f"/records/{rid}", clerk).json()
    assert full["fields"]["personal_id"]["value"] == PID and full["fields"]["date_of_birth"]["value"] == BORN[0]
    assert PID in call(site, "GET", "/pages/search", clerk, params={"q": PID}).text
    # a viewer cannot narrow the birth date below the year
    assert call(site, "GET", "/records/search", viewer, params={"born": "1988-06-21"}).json()["total"] == \
        call(site, "GET", "/records/search", viewer, params={"born": "1988"}).json()["total"]


def test_a_token_limited_to_a_collection_sees_nothing_else(site):
    museum = site.tokens["museum"]
    r = call(site, "GET", "/records/search", museum, params={"size": 100}).json()
    assert r["total"] == 1 and r["hits"][0]["name"] == MUSEUM_PERSON
    assert call(site, "GET", "/records/search", museum, params={"collection": "hotich"}).json()["total"] == 0
    assert call(site, "GET", f"/records/{site.ids[PERSON]}", museum).status_code == 404
    assert call(site, "GET", f"/records/{site.ids[MUSEUM_PERSON]}", museum).status_code == 200
    assert call(site, "GET", "/pages/search", museum, params={"q": "pham", "collection": "hotich"}).status_code == 403
    assert call(site, "GET", "/pages/search", museum, params={"q": "pham"}).json()["total"] == 0
    export = call(site, "GET", "/records/export", museum).text.strip().splitlines()
    assert [json.loads(line)["name"] for line in export] == [MUSEUM_PERSON]


def test_a_revoked_token_stops_working_at_once_bearer_and_session(site):
    from .conftest import sohoa
    token, doc = auth.create_token(site.es, site.config, "sec-revoked", "clerk")
    assert call(site, "GET", "/records/search?name=duc", token).status_code == 200
    login = httpx.post(site.base + "/login", data={"token": token, "next": "/search"}, follow_redirects=False)
    assert login.status_code == 303
    cookie = login.cookies[auth.COOKIE]
    assert "httponly" in login.headers["set-cookie"].lower() and "samesite=lax" in login.headers["set-cookie"].lower()
    assert "secure" in login.headers["set-cookie"].lower()
    assert httpx.get(site.base + "/records/search?name=duc", cookies={auth.COOKIE: cookie}).status_code == 200
    out = sohoa(site.env, "tokens", "revoke", doc["token_id"])
    assert out.returncode == 0, out.stderr
    assert call(site, "GET", "/records/search?name=duc", token).status_code == 401
    assert httpx.get(site.base + "/records/search?name=duc", cookies={auth.COOKIE: cookie}).status_code == 401


def test_cookie_sessions_need_the_csrf_value_to_change_anything(site):
    login = httpx.post(site.base + "/login", data={"token": site.tokens["operator"]}, follow_redirects=False)
    cookies = {auth.COOKIE: login.cookies[auth.COOKIE]}
    page = httpx.get(site.base + "/console", cookies=cookies, timeout=60)
    assert page.status_code == 200
    import re
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    r = httpx.post(site.base + "/console/retry", data={"target": "0" * 64}, cookies=cookies)
    assert r.status_code == 403
    r = httpx.post(site.base + "/console/retry", data={"target": "0" * 64, "csrf": "forged"}, cookies=cookies)
    assert r.status_code == 403
    if csrf:  # the page has retry forms only when something failed; the value is the session's either way
        r = httpx.post(site.base + "/console/retry", data={"target": "0" * 64, "csrf": csrf.group(1)},
                       cookies=cookies)
        assert r.status_code == 303


def test_every_audited_action_leaves_exactly_one_entry(site):
    from .conftest import sohoa
    token, doc = auth.create_token(site.es, site.config, "sec-audited", "admin")
    user = "sec-audited"
    rid = site.ids[PERSON]
    actions = [
        ("search", "GET", "/records/search", {"params": {"name": "pham minh tuan"}}),
        ("search", "GET", "/search", {"params": {"name": "pham minh tuan"}}),
        ("record.view", "GET", f"/records/{rid}", {}),
        ("record.view", "GET", f"/search/records/{rid}", {}),
        ("export", "GET", "/records/export", {"params": {"collection": "hotich", "limit": 3}}),
        ("pages.search", "GET", "/pages/search", {"params": {"q": "pham"}}),
        ("retry", "POST", "/console/retry", {"data": {"target": "0" * 64}}),
        ("audit.read", "GET", "/audit/entries", {}),
    ]
    for action, method, path, kw in actions:
        before = len(audit_entries(site, user, action))
        r = call(site, method, path, token, **kw)
        assert r.status_code in (200, 303), (path, r.text[:300])
        got = audit_entries(site, user, action)
        assert len(got) == before + 1, (action, path)
        e = got[0]
        assert e["role"] == "admin" and e["client"] == "127.0.0.1" and e["path"] == path and e["token_id"]
        if action == "record.view":
            assert e["record_ids"] == [rid] and e["detail"]["page_images"] == [1]
        if action == "search":
            assert rid in e["record_ids"] and e["query"]["name"] == "pham minh tuan"
        if action == "export":
            assert len(e["record_ids"]) == 3
    cli_user = [e for e in audit_entries(site, None, "token.create")]
    n = len(cli_user)
    out = sohoa(site.env, "tokens", "create", "sec-cli", "--role", "viewer")
    assert out.returncode == 0 and out.stdout.startswith("sohoa_")
    assert len(audit_entries(site, None, "token.create")) == n + 1
    assert out.stdout.strip() not in json.dumps(audit_entries(site, None, "token.create"))
    listed = sohoa(site.env, "audit", "--user", user, "--json")
    assert listed.returncode == 0 and len(listed.stdout.strip().splitlines()) >= len(actions)
    # Nothing writes to the audit index through the API.
    assert not any(r.methods - {"GET", "HEAD"} for r in auth.all_routes(create_app(site.config).routes)
                   if r.path.startswith("/audit"))


def test_audit_page_for_the_auditor(site):
    r = call(site, "GET", "/audit", site.tokens["auditor"], params={"action": "search"})
    assert r.status_code == 200 and 'class="entry"' in r.text and "sec-" in r.text


def test_secrets_stay_out_of_logs_config_and_errors(site):
    from .conftest import sohoa
    config = sohoa({**site.env, "SOHOA_SESSION_SECRET": "k" * 40}, "config")
    assert "k" * 40 not in config.stdout
    for token in site.tokens.values():
        r = call(site, "GET", "/records/search?name=x", token + "x")
        assert token not in r.text
    log = site.log.read_text()
    assert "GET /records/search" in log  # the access log is on: it is what is being checked
    for token in site.tokens.values():
        assert token.split("_", 2)[2] not in log
    for value in (PERSON, "pham minh tuan", "pham+minh+tuan", PID, BORN[0], BORN[1], "k" * 40):
        assert value not in log, value


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_browser_logs_in_searches_and_sees_masked_or_full_fields_by_role(site):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            for role, shown_id, shown_born in (("viewer", "*********321", "1988"), ("clerk", PID, BORN[0])):
                ctx = browser.new_context(locale="vi-VN")  # the pages' wording below is Vietnamese
                page = ctx.new_page()
                page.goto(site.base + "/search?name=pham+minh+tuan")
                assert page.locator("input[name=token]").count() == 1  # the login form, not results
                page.fill("input[name=token]", "sohoa_0123456789abcdef_wrong")
                page.click("button[type=submit]")
                assert page.locator("#login-error").count() == 1
                page.fill("input[name=token]", site.tokens[role])
                page.click("button[type=submit]")
                page.wait_for_selector("ol.hits li.hit")  # back on the search it asked for
                cookie = [c for c in ctx.cookies() if c["name"] == auth.COOKIE][0]
                assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"
                assert page.evaluate("document.cookie").find(auth.COOKIE) == -1
                hit = page.locator("ol.hits li.hit").first
                assert hit.locator("a.title").inner_text() == PERSON
                assert f"Sinh: {shown_born}" in hit.inner_text()
                hit.locator("a.title").click()
                page.wait_for_selector("table.fields")
                fields = page.locator("table.fields").inner_text()
                assert shown_id in fields and shown_born in fields
                if role == "viewer":
                    _assert_masked(page.content())
                ctx.close()
        finally:
            browser.close()
