"""The search page in a real (headless) Chromium: type a name without diacritics, open the accented record."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "indexers"))

from ingest.testing import api_server  # noqa: E402
from search_fixtures import index_samples, s3_client  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


_TOKEN: dict[str, str] = {}


@pytest.fixture(scope="module")
def site(stack_env):
    from elasticsearch import Elasticsearch
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing; install Debian's chromium")
    env = {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + "-web"}
    index_samples(Elasticsearch(env["SOHOA_ES_URL"]), env, s3_client(env))
    from api.auth import create_token
    from sohoa.config import Config
    _TOKEN["clerk"], _ = create_token(Elasticsearch(env["SOHOA_ES_URL"]), Config.from_env(env), "page-tests", "clerk")
    with api_server(env) as base:
        yield base


def log_in(page, site: str) -> None:
    page.goto(f"{site}/search")  # an anonymous visit answers with the login form
    page.fill("input[name=token]", site_token())
    page.click("button[type=submit]")
    page.wait_for_selector("input[name=name]")


def site_token() -> str:
    return _TOKEN["clerk"]


def test_unaccented_name_finds_the_accented_record_first_and_shows_its_page_image(site):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(locale="vi-VN")  # a Vietnamese reader's browser
            log_in(page, site)
            page.fill("input[name=name]", "tran quang khai")
            page.click("button[type=submit]")
            page.wait_for_selector("ol.hits li.hit")
            first = page.locator("ol.hits li.hit").first
            assert first.locator("a.title").inner_text() == "Trần Quang Khải"
            # the highlight shows the record's own spelling, marked
            assert first.locator("mark").first.inner_text() == "Trần"
            assert "Khai sinh" in first.inner_text()
            # facets are links that narrow the search
            assert page.locator("aside.facets a", has_text="Bắc Ninh").count() == 1
            first.locator("a.title").click()
            page.wait_for_selector("h1")
            assert page.locator("h1").inner_text() == "Trần Quang Khải"
            assert page.locator("table.fields").inner_text().count("Trần Quang Khải") >= 1
            img = page.locator(".record-images img").first
            img.wait_for()
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle(),
                                   timeout=10_000)
            assert img.evaluate("i => i.naturalWidth") == 600
            # The same record in English, from the link in the header; the choice sticks.
            page.click("header a.lang")
            page.wait_for_selector("table.fields")
            assert "Field" in page.locator("table.fields thead").inner_text()
            assert page.locator("html").get_attribute("lang") == "en"
            page.goto(site + "/search?name=tran+quang+khai")
            assert "Birth" in page.locator("ol.hits li.hit").first.inner_text()
        finally:
            browser.close()


def test_page_escapes_user_text(site):
    import httpx
    r = httpx.get(f"{site}/search", params={"name": "<script>alert(1)</script>"},
                  headers={"Authorization": f"Bearer {site_token()}"})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text and "&lt;script&gt;" in r.text
