"""A volunteer (review rights, no right to personal data) trying every way the review desk offers to recover a
date of birth or an ID number: the queue and its filters, the next record, each record for review, every crop
(fields, added fields, unmapped pairs), every page image, every error answer (bad answers, a split at a masked
field, an unmapped value with a date given to a field). Every text is collected, every base64 token decoded
and every image OCR'd; the secrets are looked for in every written form by the patterns of
test_security_adversarial.py (not the service's own parser). A reviewer's crawl of the same must find every one
of them, so the fixtures prove something."""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest.testing import api_server  # noqa: E402
from review_fixtures import index_document_pages  # noqa: E402
from test_security_adversarial import date_patterns, decoded, fold, id_pattern, ocr  # noqa: E402

pytestmark = pytest.mark.integration

BORN, PID, NOTE_DATE = "1972-03-15", "001072004321", "1990-08-12"
# One register page: the date of birth and the ID number on rows of their own and beside a name on one row;
# a "label: value" pair naming no field that holds a date.
PAGE = ["GIẤY KHAI SINH",
        "Họ, chữ đệm, tên: Lương@0.5 Văn@0.5 Khải@0.5",
        "Ngày, tháng, năm sinh: 15/03/1972",
        "Số định danh cá nhân: 001072004321",
        "Nơi sinh: xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh",
        [(100, "Họ, chữ đệm, tên người mẹ: Trần Thị Lan"), (1000, "Sinh ngày 15/03/1972")],
        "Ghi chú khác: Đã cải chính ngày 12/08/1990"]
KEY = "hotich/adv-review/register.pdf"


@pytest.fixture(scope="module")
def site(stack_env, es):
    from api.auth import create_token
    from sohoa.config import Config
    env = {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + "-reviewadv"}
    [rid] = index_document_pages(es, env, KEY, [PAGE])
    config = Config.from_env(env)
    tokens = {name: create_token(es, config, name, role)[0] for name, role in
              [("Vân", "volunteer"), ("Lan", "reviewer")]}
    with api_server(env) as base:
        lan = httpx.Client(base_url=base, timeout=60, headers={"Authorization": f"Bearer {tokens['Lan']}"})
        # A reviewer added a field with a box drawn over most of the page (the date of birth and the ID number
        # inside it): a crop of it must not show them to a volunteer either.
        rec = lan.get(f"/review/records/{rid}").json()
        answers = [{"field": f["key"], "action": "accept"} for f in rec["fields"]]
        answers.append({"field": "hometown", "action": "add", "value": "xã Đình Bảng", "page": 1,
                        "bbox": [60, 100, 1650, 520]})
        saved = lan.post(f"/review/records/{rid}/decisions", json={"decisions": answers})
        assert saved.status_code == 200, saved.text
        lan.close()
        yield {"base": base, "rid": rid, "tokens": tokens}
    es.indices.delete(index=f"{env['SOHOA_INDEX_PREFIX']}-*", ignore_unavailable=True, allow_no_indices=True)


class Crawl:
    def __init__(self, base: str, token: str):
        self.client = httpx.Client(base_url=base, timeout=120, headers={"Authorization": f"Bearer {token}"})
        self.texts: list[str] = []
        self.images: dict[str, bytes] = {}
        self.kinds: set[str] = set()

    def call(self, method: str, path: str, **kw) -> httpx.Response:
        r = self.client.request(method, path, **kw)
        self.texts.append(r.text if not r.headers.get("content-type", "").startswith("image/") else "")
        self.texts.extend(f"{k}: {v}" for k, v in r.headers.items())
        self.kinds.add(f"{r.status_code // 100}xx")
        return r

    def review_body(self, body: dict) -> None:
        for item in [*body.get("fields", []), *body.get("unmapped", [])]:
            if item.get("crop"):
                self.images[f"crop:{body['id']}:{item.get('key') or item.get('index')}"] = base64.b64decode(
                    item["crop"].split(",", 1)[1])
                self.kinds.add("crop")
        for page in body.get("pages", []):
            if page.get("url") and page["url"] not in self.images:
                r = self.client.get(page["url"])
                assert r.status_code == 200, (page["url"], r.status_code)
                self.images[page["url"]] = r.content
                self.kinds.add("page image")

    def everything(self) -> list[str]:
        texts = list(self.texts)
        texts += [d for t in self.texts for d in decoded(t)]
        texts += [ocr(img) for img in self.images.values()]
        return texts


def crawl(site, token: str, probe: bool) -> Crawl:
    """Everything a review role reads; with ``probe``, also the answers the volunteer's role must be refused
    (the reviewer's crawl leaves them out: for a reviewer they would change the record)."""
    c, rid = Crawl(site["base"], token), site["rid"]
    for params in ({}, {"listed": "unmapped"}, {"listed": "missing"}, {"listed": "doubtful"},
                   {"field": "date_of_birth"}, {"field": "Ghi chú khác"}, {"reason": "unmapped"}):
        assert c.call("GET", "/review/queue", params=params).status_code == 200
    nxt = c.call("POST", "/review/next", json={})
    if nxt.status_code == 200:
        c.review_body(nxt.json())
    body = c.call("GET", f"/review/records/{rid}").json()
    c.review_body(body)
    c.call("GET", f"/review/records/{rid}/history")
    c.call("GET", f"/records/{rid}")
    if not probe:
        c.call("POST", f"/review/records/{rid}/release")
        return c
    # error answers: a date that is not one, answers to fields this role may not see, an unmapped value
    # holding a date given to a field, a split at a masked field, a bad unmapped index
    note = next(u["index"] for u in body["unmapped"] if u["label"] == "Ghi chú khác")
    for decisions in ([{"field": "date_of_birth", "action": "edit", "value": "15/03/1972x"}],
                      [{"field": "personal_id", "action": "accept"}],
                      [{"field": "registration.date", "action": "assign", "unmapped": note}],
                      [{"field": "full_name", "action": "assign", "unmapped": 99}]):
        c.call("POST", f"/review/records/{rid}/decisions", json={"decisions": decisions})
    refused = [c.call("POST", f"/review/records/{rid}/decisions", json={"decisions": d}).status_code
               for d in ([{"field": "registration.date", "action": "assign", "unmapped": note}],
                         [{"field": "personal_id", "action": "accept"}])]
    refused.append(c.call("POST", f"/review/records/{rid}/split", json={"field": "personal_id"}).status_code)
    refused.append(c.call("POST", f"/review/records/{rid}/split", json={"field": "no_such_field"}).status_code)
    assert refused == [400, 400, 400, 400], refused
    c.call("POST", f"/review/records/{rid}/release")
    return c


def secrets_in(texts: list[str]) -> set[str]:
    corpus = "\n".join(texts)
    folded = fold(corpus)
    found = set()
    for iso in (BORN, NOTE_DATE):
        if any(p.search(corpus) or p.search(folded) for p in date_patterns(iso)):
            found.add(iso)
    if id_pattern(PID).search(corpus):
        found.add(PID)
    return found


@pytest.fixture(scope="module")
def crawls(site):
    return {who: crawl(site, site["tokens"][who], probe=who == "Vân") for who in ("Lan", "Vân")}


def test_a_reviewer_finds_every_secret_so_the_fixtures_prove_something(crawls):
    assert secrets_in(crawls["Lan"].everything()) == {BORN, PID, NOTE_DATE}
    # in the images too: the crops and the page show them to a reviewer
    assert secrets_in([ocr(img) for img in crawls["Lan"].images.values()]) == {BORN, PID, NOTE_DATE}


def test_a_volunteer_recovers_no_date_of_birth_id_number_or_unmapped_date_anywhere(crawls):
    c = crawls["Vân"]
    assert {"crop", "page image", "2xx", "4xx"} <= c.kinds, c.kinds
    crops = [k for k in c.images if k.startswith("crop:")]
    assert any(k.endswith(":hometown") for k in crops), crops  # the big drawn box is served, painted
    assert not any(k.endswith((":date_of_birth", ":personal_id")) for k in crops), crops  # masked: refused
    assert secrets_in(c.everything()) == set()
    # what the volunteer does see: the record's name and the year of birth
    assert "Lương Văn Khải" in "\n".join(c.texts) or "Luong Van Khai" in fold("\n".join(c.texts))
    assert re.search(r"\b1972\b", "\n".join(c.texts))
