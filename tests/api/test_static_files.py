"""The pages' static files: each route serves its own page's files and nothing else (api/static_files.py)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient

from api import console_routes, review_routes, search_routes
from api.static_files import STATIC_DIR, static_file

# (route prefix, page prefix, one of its files, its cache policy)
ROUTES = [
    ("/static/search/", "search", "search.css", "public, max-age=300"),
    ("/review/static/", "review", "review.js", "no-cache"),
    ("/console/static/", "console", "console.css", "no-cache"),
]

# Ways out of api/static/ or into another page's files, as a client could write them.
ESCAPES = [
    "..%2Fapp.py", "%2e%2e%2fapp.py", "{page}..%2F..%2Fapp.py", "{page}%2F..%2F..%2Fapp.py",
    "..%5Capp.py", "{page}..%5C..%5Capp.py", "%2E%2E", "{page}%00.css", "{page}-missing.css",
    "{other}.css", "app.py",
]


@pytest.fixture(scope="module")
def client() -> TestClient:
    # The routers alone: the access check app.py puts in front of them is tested in tests/integration.
    app = FastAPI()
    for module in (search_routes, review_routes, console_routes):
        app.include_router(module.router)
    return TestClient(app)


@pytest.mark.parametrize(("route", "page", "name", "cache"), ROUTES)
def test_each_route_serves_its_own_files_with_their_type_and_cache_policy(client, route, page, name, cache):
    resp = client.get(route + name)
    assert resp.status_code == 200
    assert resp.content == (STATIC_DIR / name).read_bytes()
    expected = "text/css" if name.endswith(".css") else "text/javascript"
    assert resp.headers["content-type"].split(";")[0] == expected
    assert resp.headers["cache-control"] == cache


@pytest.mark.parametrize(("route", "page", "name", "cache"), ROUTES)
@pytest.mark.parametrize("escape", ESCAPES)
def test_no_route_leads_out_of_its_pages_files(client, route, page, name, cache, escape):
    other = next(p for _, p, _, _ in ROUTES if p != page)
    resp = client.get(route + escape.format(page=page, other=other))
    assert resp.status_code == 404
    assert b"import" not in resp.content  # no Python source came back


def test_a_link_in_the_directory_cannot_lead_out_of_it(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("not for the web")
    static = tmp_path / "static"
    static.mkdir()
    (static / "search-link.css").symlink_to(outside)
    (static / "search.css").write_text("body {}")
    assert static_file("search.css", "search", "no-cache", static).status_code == 200
    with pytest.raises(HTTPException) as exc:
        static_file("search-link.css", "search", "no-cache", static)
    assert exc.value.status_code == 404
