"""The review page in a real (headless) Chromium, with the keyboard only: one reviewer accepts two fields,
corrects a name typed with Vietnamese marks, marks one field illegible; the name is then found by the search
API; a second reviewer confirms it; the audit shows both."""

from __future__ import annotations

import shutil
import sys
import unicodedata
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest.testing import api_server  # noqa: E402
from review_fixtures import DOCUMENTS, index_review_samples  # noqa: E402
from test_search_page_browser import ARGS, CHROMIUM  # noqa: E402

NAME = "Nguyễn Văn Đức"


@pytest.fixture(scope="module")
def site(stack_env, es):
    from api.auth import create_token
    from sohoa.config import Config
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing; install Debian's chromium")
    env = {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + "-reviewweb"}
    ids = index_review_samples(es, env, DOCUMENTS[:2])
    config = Config.from_env(env)
    tokens = {n: create_token(es, config, n, role)[0] for n, role in
              [("Lan", "reviewer"), ("Minh", "reviewer"), ("Kiểm toán", "auditor")]}
    with api_server(env) as base:
        yield {"base": base, "ids": ids, "tokens": tokens}
    es.indices.delete(index=f"{env['SOHOA_INDEX_PREFIX']}-*", ignore_unavailable=True, allow_no_indices=True)


def log_in(page, base: str, token: str) -> None:
    page.goto(f"{base}/review")  # an anonymous visit answers with the login form, coming back here after
    page.locator("input[name=token]").focus()
    page.keyboard.type(token)
    page.keyboard.press("Enter")
    page.wait_for_selector("#fields li.field.current")


def wait_js(page, expression: str, timeout: float = 30) -> None:
    """Wait until a JavaScript expression is true. Playwright's wait_for_function polls with code it builds in
    the page, which the review page's Content-Security-Policy (no eval) rightly refuses; page.evaluate is
    not page script."""
    import time
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            said = page.evaluate("document.getElementById('message') && document.getElementById('message').textContent")
            raise AssertionError(f"timed out waiting for {expression}; the page says {said!r}")
        time.sleep(0.1)


def current_key(page) -> str:
    return page.locator("#fields li.field.current").get_attribute("data-key")


def test_review_with_the_keyboard_only_then_a_second_reviewer_confirms(site, tmp_path):
    from playwright.sync_api import sync_playwright
    base, rid = site["base"], site["ids"]["hotich/review/a.pdf"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            lan = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN").new_page()
            log_in(lan, base, site["tokens"]["Lan"])
            lan.evaluate("window.stillHere = true")  # gone if the page reloads
            # the most doubtful record first; its first field chosen, with its crop and its box on the page
            assert current_key(lan) == "full_name"
            assert lan.locator("#field-0 img.crop").count() == 1
            wait_js(lan, "document.getElementById('page-img').naturalWidth > 0")
            assert lan.locator("#box").is_visible()
            lan.screenshot(path=str(tmp_path / "review.png"))

            lan.keyboard.press("e")
            # typed as decomposed letters (base + combining marks), as some keyboards send them
            lan.keyboard.type(unicodedata.normalize("NFD", NAME))
            lan.keyboard.press("Enter")
            assert current_key(lan) == "date_of_birth"
            lan.keyboard.press("Enter")  # accept
            assert current_key(lan) == "place_of_birth"
            lan.keyboard.press("i")  # illegible
            assert current_key(lan) == "mother.full_name"
            lan.keyboard.press("Enter")  # accept; the last field: the record is saved and the next one loads
            wait_js(lan, f"document.body.dataset.saved === {rid!r}")
            wait_js(lan, "document.querySelector('#fields li.field.current') !== null && "
                                  "document.querySelector('#fields li.field[data-key=\"full_name\"] input').value "
                                  "=== 'Le Thi Hoa'")
            assert lan.evaluate("window.stillHere") is True

            headers = {"Authorization": f"Bearer {site['tokens']['Lan']}"}
            found = httpx.get(f"{base}/records/search", params={"name": NAME}, headers=headers).json()
            assert found["hits"][0]["id"] == rid and found["hits"][0]["name"] == NAME  # NFC, as stored
            assert found["hits"][0]["review_status"] == "awaiting_second"

            minh = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN").new_page()
            log_in(minh, base, site["tokens"]["Minh"])
            # the other record is Lan's for now: Minh gets the one waiting for a second reviewer
            assert current_key(minh) == "full_name"
            assert minh.locator("#field-0 input.value").input_value() == NAME
            minh.keyboard.press("Enter")  # confirm: the only field waiting
            wait_js(minh, f"document.body.dataset.saved === {rid!r}")
            minh.wait_for_selector("#queue-empty")
        finally:
            browser.close()

    record = httpx.get(f"{base}/records/{rid}", headers=headers).json()
    assert record["review_status"] == "verified"
    assert record["fields"]["full_name"]["verified"] is True
    assert record["fields"]["place_of_birth"]["value"] is None
    audit = httpx.get(f"{base}/audit/entries", params={"record_id": rid, "action": "review.decide"},
                      headers={"Authorization": f"Bearer {site['tokens']['Kiểm toán']}"}).json()["entries"]
    assert sorted(e["user"] for e in audit) == ["Lan", "Minh"]


def test_a_missed_field_is_added_with_its_box_drawn_on_the_page(site):
    """The one use of the mouse: a drag on the page image gives an added field its box."""
    from playwright.sync_api import sync_playwright
    base, rid = site["base"], site["ids"]["hotich/review/b.pdf"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            lan = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN").new_page()
            log_in(lan, base, site["tokens"]["Lan"])  # Lan still holds record b from the first test
            wait_js(lan, "document.getElementById('page-img').naturalWidth > 0")
            assert lan.locator("#fields li.field[data-key='full_name'] input").input_value() == "Le Thi Hoa"
            lan.keyboard.press("a")
            lan.keyboard.type("hometown")
            lan.keyboard.press("Enter")
            zoom = lan.evaluate("document.getElementById('canvas').getBoundingClientRect().width / "
                                "document.getElementById('page-img').naturalWidth")
            r = lan.locator("#canvas").bounding_box()
            lan.mouse.move(r["x"] + 100 * zoom, r["y"] + 400 * zoom)
            lan.mouse.down()
            lan.mouse.move(r["x"] + 500 * zoom, r["y"] + 440 * zoom, steps=4)
            lan.mouse.up()
            lan.keyboard.type("xã Hoàn Sơn")
            lan.keyboard.press("Enter")
            for _ in range(4):  # accept the four extracted fields: the last one saves the record
                lan.keyboard.press("Enter")
            wait_js(lan, f"document.body.dataset.saved === {rid!r}")
        finally:
            browser.close()
    headers = {"Authorization": f"Bearer {site['tokens']['Lan']}"}
    field = httpx.get(f"{base}/records/{rid}", headers=headers).json()["fields"]["hometown"]
    assert field["value"] == "xã Hoàn Sơn" and field["added"]
    assert all(abs(a - b) <= 4 for a, b in zip(field["image_box"], [100, 400, 500, 440])), field["image_box"]
