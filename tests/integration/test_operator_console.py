"""The console in headless Chromium: a failure shows with its reason, the retry button fixes it."""

from __future__ import annotations


import httpx
import pytest
from elasticsearch import Elasticsearch

from ingest.testing import api_server
from ingest.testing import scanned_pdf as render_pdf

from .conftest import s3
from .test_operator import _operator_env, broken_worker, doc_state, run, running_worker, wait_until

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def console_env(stack_env, tmp_path_factory):
    env = _operator_env(stack_env, "redis", tmp_path_factory)
    with api_server(env) as url:
        env["SOHOA_API_PORT"] = url.rsplit(":", 1)[1]
        from api.auth import create_token
        from sohoa.config import Config
        env["TEST_TOKEN"], _ = create_token(Elasticsearch(env["SOHOA_ES_URL"]), Config.from_env(env), "console-tests",
                                            "operator")
        yield env, url
    Elasticsearch(env["SOHOA_ES_URL"]).indices.delete(index=f"{env['SOHOA_INDEX_PREFIX']}-*", ignore_unavailable=True,
                                                      allow_no_indices=True)


def test_a_failed_document_is_shown_with_its_reason_and_the_retry_button_fixes_it(console_env):
    from playwright.sync_api import sync_playwright

    env, url = console_env
    es = Elasticsearch(env["SOHOA_ES_URL"])
    s3(env).put_object(Bucket=env["SOHOA_BUCKET"], Key="hotich/so-c.pdf",
                       Body=render_pdf([["SỔ ĐĂNG KÝ KHAI SINH", "Họ và tên: Tạ Quang Chính"]]))
    with broken_worker(env):  # Tesseract's language data is missing on this worker
        run(env, "watch", "--once")
        run(env, "wait", "--timeout", "240", timeout=300)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(locale="en-US")  # the console in English: states and reasons by their names
        page = context.new_page()
        page.goto(url + "/console")  # answers with the login form, which comes back here
        page.fill("input[name=token]", env["TEST_TOKEN"])
        page.click("button[type=submit]")
        page.wait_for_url("**/console")
        row = page.locator("tr.failure[data-key='hotich/so-c.pdf']").first
        assert row.is_visible()
        assert row.locator("td.reason").inner_text() == "bug"
        assert "no page could be processed" in row.inner_text()
        # The document's timeline names the failed state and the worker.
        row.locator("a").first.click()
        page.wait_for_url("**/console/documents/**")
        assert page.locator("#doc-state").inner_text() == "failed"
        assert "failed" in page.locator("#timeline").inner_text()
        assert "Error opening data file" in page.locator("#pages").inner_text()
        doc_hash = page.url.rsplit("/", 1)[1]

        with running_worker(env):  # the worker is fixed; the operator clicks retry
            page.goto(url + "/console")
            page.locator("tr.failure[data-key='hotich/so-c.pdf'] button.retry").first.click()
            page.wait_for_url("**/console?queued=*")
            assert "queued 1 again" in page.locator("#message").inner_text()
            wait_until(lambda: doc_state(es, env, doc_hash)["state"] in ("indexed", "needs_review"), timeout=180)

        # The console reloads itself every few seconds: a navigation of the test's own on that page can
        # be cut short by the page's reload (net::ERR_ABORTED). A fresh tab of the same login has no timer running.
        page.close()
        page = context.new_page()
        page.goto(url + "/console")
        assert page.locator("tr.failure[data-key='hotich/so-c.pdf']").count() == 0
        page.goto(url + f"/console/documents/{doc_hash}")
        timeline = page.locator("#timeline").inner_text()
        for state in ("received", "rasterizing", "ocr", "extracting", "indexing"):
            assert state in timeline
        metrics = httpx.get(url + "/metrics", headers={"Authorization": f"Bearer {env['TEST_TOKEN']}"}).text
        assert 'sohoa_stage_duration_seconds_count{kind="page",stage="ocr"}' in metrics
        assert "sohoa_pages_processed_total 1.0" in metrics
        browser.close()
