"""The review page in a real (headless) Chromium, keyboard only: a dossier the extractor cut at its second page
is merged back (m), the unmapped "label: value" on it is given to a field (g), the record is split again at a
field (c), and each result is what the search API finds."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest.testing import api_server  # noqa: E402
from review_fixtures import doc_hash, index_document_pages  # noqa: E402
from test_review_page_browser import log_in, wait_js  # noqa: E402
from test_search_page_browser import ARGS, CHROMIUM  # noqa: E402

KEY = "hotich/regroup-web/dossier.pdf"
PAGES = [["GIẤY KHAI SINH", "Họ, chữ đệm, tên: Nguyen@0.45 Van@0.5 Tung@0.4", "Ngày, tháng, năm sinh: 02/05/1968",
          "Giới tính: Nam"],
         ["GIẤY KHAI SINH", "Nơi sinh: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh",
          "Họ, chữ đệm, tên người mẹ: Vũ Thị Nga", "Mục xyz: Vũ Văn Hải"]]


@pytest.fixture(scope="module")
def site(stack_env, es):
    from api.auth import create_token
    from sohoa.config import Config
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing; install Debian's chromium")
    env = {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + "-regroupweb"}
    ids = index_document_pages(es, env, KEY, PAGES)
    config = Config.from_env(env)
    token = create_token(es, config, "Lan", "reviewer")[0]
    with api_server(env) as base:
        yield {"base": base, "ids": ids, "token": token}
    es.indices.delete(index=f"{env['SOHOA_INDEX_PREFIX']}-*", ignore_unavailable=True, allow_no_indices=True)


def keys(page) -> list[str]:
    return page.evaluate("Array.from(document.querySelectorAll('#fields li.field')).map(li => li.dataset.key)")


def go_to(page, key: str) -> None:
    """Up the field list with k to its top, then down with j until ``key`` is the current row."""
    for _ in range(len(keys(page))):
        page.keyboard.press("k")
    for _ in range(len(keys(page))):
        if page.locator("#fields li.field.current").get_attribute("data-key") == key:
            return
        page.keyboard.press("j")
    raise AssertionError(f"no row {key} in {keys(page)}")


def test_merge_assign_and_split_with_the_keyboard_only(site):
    from playwright.sync_api import sync_playwright
    base, (first, second) = site["base"], site["ids"]
    headers = {"Authorization": f"Bearer {site['token']}"}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            lan = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN").new_page()
            log_in(lan, base, site["token"])
            lan.evaluate("window.stillHere = true")
            assert keys(lan) == ["full_name", "date_of_birth", "sex"]  # the first page's record, most doubtful

            lan.keyboard.press("m")  # merge with the next page's record
            wait_js(lan, f"document.body.dataset.regrouped === {second!r}")
            assert keys(lan) == ["full_name", "date_of_birth", "sex", "place_of_birth", "mother.full_name",
                                 "unmapped:0"]
            assert lan.locator("#fields li.field[data-key='unmapped:0'] img.crop").count() == 1
            assert httpx.get(f"{base}/records/{second}", headers=headers).status_code == 404

            go_to(lan, "place_of_birth")
            lan.keyboard.press("c")  # split here: the second page's fields make a record again
            new = f"{doc_hash(KEY)}:r0000s2"
            wait_js(lan, f"document.body.dataset.regrouped === {new!r}")
            assert keys(lan) == ["full_name", "date_of_birth", "sex"]
            for _ in range(3):  # accept the three fields: the last one saves and the next record loads
                lan.keyboard.press("Enter")
            wait_js(lan, f"document.body.dataset.saved === {first!r}")

            # the split-off record comes next: its required fields listed as missing, the unmapped pair with it
            wait_js(lan, "document.querySelector('#fields li.field[data-key=\"unmapped:0\"]') !== null")
            assert keys(lan) == ["place_of_birth", "mother.full_name", "full_name", "date_of_birth", "unmapped:0"]
            go_to(lan, "unmapped:0")
            lan.keyboard.press("g")  # give the unmapped pair to a field, in one step
            lan.keyboard.type("father.full_name")
            lan.keyboard.press("Enter")
            go_to(lan, "place_of_birth")
            lan.keyboard.press("Enter")
            lan.keyboard.press("Enter")  # the last field: saved
            wait_js(lan, f"document.body.dataset.saved === {new!r}")
            assert lan.evaluate("window.stillHere") is True
        finally:
            browser.close()

    found = httpx.get(f"{base}/records/search", params={"q": "Vũ Thị Nga"}, headers=headers).json()["hits"]
    assert [h["id"] for h in found] == [new]
    record = httpx.get(f"{base}/records/{new}", headers=headers).json()
    assert record["fields"]["father"]["full_name"]["value"] == "Vũ Văn Hải"
    assert record["missing"] == ["full_name", "date_of_birth"]
