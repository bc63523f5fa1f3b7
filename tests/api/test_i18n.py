"""The pages in the reader's language: catalogues as data, Vietnamese by default,
English on request, normal forms shown as people write them."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from starlette.requests import Request

from api import i18n, search_routes
from api.app import create_app
from ingest.status import NOTICES
from indexers.records_search import REVIEW_STATUSES, SORTS
from schemas.loader import load_schemas
from sohoa.config import Config
from sohoa.errors import REASONS

TEMPLATES = Path(i18n.__file__).parent / "templates"


def test_both_catalogues_have_the_same_keys():
    assert set(i18n.catalogue("vi")) == set(i18n.catalogue("en"))
    assert all(i18n.catalogue("en")[k].strip() for k in i18n.catalogue("en"))


def test_every_key_the_templates_ask_for_is_in_the_catalogues():
    used = set()
    for path in TEMPLATES.glob("*.html"):
        keys = re.findall(r"""\bt\(\s*["']([a-z_.]+)["']""", path.read_text(encoding="utf-8"))
        used |= {k for k in keys if not k.endswith(".")}  # "type." ~ k: the values are added below
    # Keys built from a prefix and a value: every value that can occur.
    # every bundled record type (a deployment's own is shown by its file's title)
    used |= {f"type.{t}" for t in load_schemas()} | {f"review.{r}" for r in REVIEW_STATUSES}
    used |= {f"sort.{s}" for s in SORTS} | {f"reason.{r}" for r in REASONS} | {f"notice.{n}" for n in NOTICES}
    used |= {f"search.facet.{f}" for f in ("record_type", "collection", "decade", "province", "review_status")}
    assert len(used) > 100
    missing = used - set(i18n.catalogue("vi"))
    assert not missing, sorted(missing)


def test_every_job_state_has_a_label():
    from ingest import state, status
    states = {*state.DOC_STATES, *state.PAGE_STATES, *state.FINISHED, *status.OPEN_LEDGER, "prepared"}
    assert {s for s in states if f"state.{s}" not in i18n.catalogue("vi")} == set()


def test_the_language_comes_from_the_query_then_the_cookie_then_the_browser():
    assert i18n.choose_language(None, None, None) == "vi"
    assert i18n.choose_language("en", "vi", "vi") == "en"
    assert i18n.choose_language("xx", "en", None) == "en"
    assert i18n.choose_language(None, None, "en-US,en;q=0.9,vi;q=0.8") == "en"
    assert i18n.choose_language(None, None, "vi-VN,vi;q=0.9,en;q=0.5") == "vi"
    assert i18n.choose_language(None, None, "fr-FR,fr;q=0.9") == "vi"
    assert i18n.choose_language(None, None, "fr;q=0.3,en;q=0.7") == "en"


def test_normal_forms_are_shown_as_people_write_them():
    assert i18n.shown_value("vi", "sex", "male") == "Nam"
    assert i18n.shown_value("vi", "mother.sex", "female") == "Nữ"
    assert i18n.shown_value("en", "sex", "female") == "Female"
    assert i18n.shown_value("vi", "category", "sick_soldier") == "Bệnh binh"
    # Values that are already as written stay as they are.
    assert i18n.shown_value("vi", "full_name", "Nguyễn Văn An") == "Nguyễn Văn An"
    assert i18n.shown_value("en", "nationality", "Việt Nam") == "Việt Nam"


def _request(query: str = "", headers: list | None = None) -> Request:
    return Request({"type": "http", "method": "GET", "path": "/search/records/r1", "root_path": "",
                    "query_string": query.encode(), "headers": headers or [], "scheme": "http",
                    "server": ("testserver", 80)})


RECORD = {"id": "r1", "name": "Nguyễn Văn An", "record_type": "birth", "review_status": "ok", "confidence": 0.93,
          "key": "hotich/a.pdf", "pages": [1], "page_images": [], "review_reasons": [],
          "fields": {"full_name": {"value": "Nguyễn Văn An", "raw": "Nguyễn Văn An", "confidence": 1.0, "page": 1},
                     "sex": {"value": "male", "raw": "Nam", "confidence": 0.98, "page": 1}},
          "flat_fields": {"full_name": "Nguyễn Văn An", "sex": "male"}}


def _record_page(request: Request) -> str:
    response = search_routes.templates.TemplateResponse(request, "search_record.html",
                                                        search_routes._ctx(request, record=RECORD))
    return response.body.decode()


def _cells(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_record_page_speaks_vietnamese_by_default_and_english_on_request():
    vi = _cells(_record_page(_request()))
    assert "Giới tính Nam" in vi and "male" not in vi
    assert "Khai sinh" in vi and "Họ, chữ đệm, tên Nguyễn Văn An" in vi
    en = _cells(_record_page(_request("lang=en")))
    assert "Sex Male" in en and "Birth" in en and "Full name Nguyễn Văn An" in en
    assert "Giới tính" not in en
    browser = _cells(_record_page(_request(headers=[(b"accept-language", b"en-US,en;q=0.9")])))
    assert "Sex Male" in browser


def test_the_chosen_language_sticks_in_a_cookie_and_the_page_links_to_the_other():
    app = create_app(Config.from_env({"SOHOA_SESSION_SECRET": "x" * 32}))
    client = TestClient(app)
    page = client.get("/login")
    assert 'lang="vi"' in page.text and "Đăng nhập" in page.text and 'href="/login?lang=en"' in page.text
    chosen = client.get("/login", params={"lang": "en"})
    assert "Log in" in chosen.text and chosen.cookies.get(i18n.COOKIE) == "en"
    again = client.get("/login")
    assert 'lang="en"' in again.text and "Access token" in again.text



def test_a_language_chosen_in_the_address_is_remembered_in_a_cookie_only_when_it_changes():
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from api import i18n
    app = FastAPI()
    i18n.install(app)

    @app.get("/x")
    def x():
        return {"ok": True}

    c = TestClient(app)
    first = c.get("/x?lang=en")
    assert first.json() == {"ok": True} and "sohoa_lang=en" in first.headers["set-cookie"]
    assert "samesite=lax" in first.headers["set-cookie"].lower()
    assert "set-cookie" not in c.get("/x?lang=en", cookies={"sohoa_lang": "en"}).headers
    assert "set-cookie" not in c.get("/x?lang=fr").headers and "set-cookie" not in c.get("/x").headers
