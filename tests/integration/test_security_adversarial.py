"""A viewer trying every way to recover a masked date of birth or ID number, and an admin showing it is there.

Fixture scans carry dates of birth and ID numbers in every written form the extractor reads (words, year first,
dots, two-digit years, "mồng … tháng …, YYYY", largest part first, eight digits in a row; IDs in groups of
spaces, dots and dashes, and old 8- and 9-digit IDs), a date in words that disagrees with the digits, and a
two-page dossier whose pages disagree. They go through the real pipeline (bucket, worker, OCR, extraction,
index). Then, logged in as a viewer, the crawl calls every route the viewer may call — JSON, HTML, JSON lines,
error answers — follows every cursor and next-page link, decodes every base64-looking token, and OCRs every
image it is given. The collected text must hold no full date of birth and no full ID number, looked for in
every written form by patterns of this file (not the service's own parser). The same crawl as an admin must
find every one of them, so the fixtures prove something.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from html import unescape

import httpx
import pytest
from elasticsearch import Elasticsearch

from api import auth
from ingest.testing import api_server
from sohoa.config import Config

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class Secret:
    kind: str  # "date" or "id"
    value: str  # ISO date or digits


def dob(iso: str) -> Secret:
    return Secret("date", iso)


def pid(digits: str) -> Secret:
    return Secret("id", digits)


def card(name: str, born_line: str, id_line: str, *extra: str) -> list[str]:
    return ["GIẤY KHAI SINH", f"Họ, chữ đệm, tên: {name}", born_line, *extra, "Giới tính: Nam",
            "Dân tộc: Kinh", id_line, "Nơi sinh: xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh"]


# (key, pages, what must never reach a viewer). Fictional people; no other date or long number on the cards.
SCANS = [
    ("hotich/adv/words.pdf", [card("Lương Văn Khải", "Ngày, tháng, năm sinh: 12/03/1980",
                                   "Số định danh cá nhân: 001080004321",
                                   "Ghi bằng chữ: ngày mười lăm tháng ba",
                                   "năm một nghìn chín trăm tám mươi")],
     [dob("1980-03-12"), dob("1980-03-15"), pid("001080004321")]),
    ("hotich/adv/slashes.pdf", [card("Tạ Thị Nhung", "Ngày, tháng, năm sinh: 1981/04/06",
                                     "Số định danh cá nhân: 046 183 007 777")],
     [dob("1981-04-06"), pid("046183007777")]),
    ("hotich/adv/dots.pdf", [card("Khổng Văn Lâm", "Ngày, tháng, năm sinh: 1982.07.08",
                                  "Số định danh cá nhân: 046.182.007.778")],
     [dob("1982-07-08"), pid("046182007778")]),
    ("hotich/adv/short.pdf", [card("Bùi Thị Hằng", "Ngày, tháng, năm sinh: 9-10-83",
                                   "Số định danh cá nhân: 0461-8300-1234")],
     [dob("1983-10-09"), pid("046183001234")]),
    ("hotich/adv/mong.pdf", [card("Quách Văn Tài", "Ngày, tháng, năm sinh: mồng 27 tháng 11, 1984",
                                  "Số CMND cũ: 27183456")],
     [dob("1984-11-27"), pid("27183456")]),
    ("hotich/adv/reversed.pdf", [card("Đinh Thị Gấm", "Sinh năm 1985 tháng 3 ngày 5",
                                      "Số CMND: 172345678")],
     [dob("1985-03-05"), pid("172345678")]),
    ("hotich/adv/compact.pdf", [card("Mạc Văn Tùng", "Ngày, tháng, năm sinh: 05061986",
                                     "Số định danh cá nhân: 001086009876")],
     [dob("1986-06-05"), pid("001086009876")]),
    ("hotich/adv/dossier.pdf", [card("Lò Văn Páo", "Ngày, tháng, năm sinh: 14/02/1979",
                                     "Số định danh cá nhân: 001079001111"),
                                ["Trang 2", "Họ, chữ đệm, tên: Lò Văn Páo", "Ngày, tháng, năm sinh: 16/02/1979",
                                 "Số định danh cá nhân: 001079001112"]],
     [dob("1979-02-14"), dob("1979-02-16"), pid("001079001111"), pid("001079001112")]),
]
NAMES = ["Lương Văn Khải", "Tạ Thị Nhung", "Khổng Văn Lâm", "Bùi Thị Hằng", "Quách Văn Tài", "Đinh Thị Gấm",
         "Mạc Văn Tùng", "Lò Văn Páo"]
SECRETS = [s for _, _, secrets in SCANS for s in secrets]


# --- looking for a secret in every written form (independent of the service's parser) ----------------

DIGIT_WORDS = ["khong", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin"]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()


def spell(n: int) -> list[str]:
    """Ways a day or month is written in Vietnamese words, folded."""
    if n < 10:
        return [DIGIT_WORDS[n], "mong " + DIGIT_WORDS[n]]
    tens, unit = divmod(n, 10)
    head = "muoi" if tens == 1 else f"{DIGIT_WORDS[tens]} muoi"
    tail = {0: "", 1: " mot" if tens == 1 else " mot| mot", 4: " bon| tu", 5: " lam| nam"}.get(unit, f" {DIGIT_WORDS[unit]}")
    return [head + t for t in tail.split("|")]


def date_patterns(iso: str) -> list[re.Pattern]:
    y, m, d = (int(p) for p in iso.split("-"))
    yy = f"{y % 100:02d}"
    sep = r"[^0-9]{1,14}"
    months = spell(m) + (["gieng"] if m == 1 else []) + (["chap"] if m == 12 else [])
    out = [
        rf"(?<!\d)0?{d}{sep}0?{m}{sep}(?:19)?{yy}(?!\d)",       # day first, any separators or words between
        rf"(?<!\d){y}{sep}0?{m}{sep}0?{d}(?!\d)",               # year first
        rf"(?<!\d)(?:{d:02d}{m:02d}{y}|{y}{m:02d}{d:02d})(?!\d)",  # eight digits in a row
        rf"(?<!\d){int(datetime(y, m, d, tzinfo=timezone.utc).timestamp() * 1000)}(?!\d)",  # a sort value (ms)
    ]
    out += [rf"\b{day}\s+thang\s+{month}\b" for day in spell(d) for month in months]
    return [re.compile(p) for p in out]


def id_pattern(digits: str) -> re.Pattern:
    return re.compile(r"(?<!\d)" + r"[^0-9]{0,2}".join(digits) + r"(?!\d)")


def found_secrets(texts: list[str]) -> set[Secret]:
    corpus = "\n".join(texts)
    folded = fold(corpus)
    got = set()
    for s in SECRETS:
        if s.kind == "id":
            if id_pattern(s.value).search(corpus):
                got.add(s)
        elif any(p.search(corpus) or p.search(folded) for p in date_patterns(s.value)):
            got.add(s)
    return got


_SEALED = re.compile(r"(?<![A-Za-z0-9_\-])c1\.[A-Za-z0-9_\-]{40,}")  # api/cursors.py: 'c1.' + sealed bytes
_B64 = re.compile(r"[A-Za-z0-9_\-+/]{16,}={0,2}")


def decoded(text: str) -> list[str]:
    """Every base64-looking token of ``text`` that decodes to UTF-8 text, decoded."""
    out = []
    for token in set(_B64.findall(text)):
        for decode in (base64.urlsafe_b64decode, base64.b64decode):
            for cut in (token, token.split(".", 1)[-1]):
                try:
                    raw = decode(cut + "=" * (-len(cut) % 4))
                except (binascii.Error, ValueError):
                    continue
                try:
                    plain = raw.decode("utf-8")
                except UnicodeDecodeError:
                    # Bytes that are no text (an image, a sealed cursor's ciphertext) hold no date to read;
                    # decoded leniently, their random bytes now and then spelt one (a "6", a "4" and an "81"
                    # within a few characters of each other) and failed this test by chance.
                    continue
                if plain.isprintable() or "{" in plain:
                    out.append(plain)
    return out


# --- the crawl ------------------------------------------------------------------------------------

class Crawl:
    def __init__(self, base: str, token: str):
        self.client = httpx.Client(base_url=base, timeout=120, headers={"Authorization": f"Bearer {token}"})
        self.texts: list[str] = []
        self.images: dict[str, bytes] = {}
        self.record_ids: set[str] = set()

    def get(self, path: str, **params) -> httpx.Response:
        r = self.client.get(path, params=params or None)
        self.texts.append(r.text if not r.headers.get("content-type", "").startswith("image/") else "")
        self.texts.extend(f"{k}: {v}" for k, v in r.headers.items())
        return r

    def image(self, url: str) -> None:
        if url in self.images:
            return
        r = self.client.get(url)
        assert r.status_code == 200 and r.headers["content-type"] in ("image/jpeg", "image/png"), (url, r.status_code)
        self.images[url] = r.content

    def records(self, **params) -> None:
        """A record search, every page of it through its cursors, and every record found opened."""
        cursor, pages = None, 0
        while pages < 30:
            r = self.get("/records/search", **params, **({"cursor": cursor} if cursor else {}))
            assert r.status_code == 200, r.text[:300]
            body = r.json()
            self.record_ids.update(h["id"] for h in body["hits"])
            cursor, pages = body.get("next_cursor"), pages + 1
            if not cursor:
                break

    def search_page(self, **params) -> None:
        """The HTML search page, following its next-page links."""
        url, pages = "/search", 0
        r = self.get(url, **params)
        while pages < 30:
            assert r.status_code == 200
            self.record_ids.update(re.findall(r'href="/search/records/([^"?#]+)"', r.text))
            nxt = re.search(r'<p class="next"><a href="([^"]+)"', r.text)
            if not nxt:
                break
            r, pages = self.get(unescape(nxt.group(1))), pages + 1

    def open_records(self) -> None:
        for rid in sorted(self.record_ids):
            body = self.get(f"/records/{rid}").json()
            for img in body.get("page_images", []):
                self.image(img["url"])
            page = self.get(f"/search/records/{rid}").text
            for src in re.findall(r'<img src="([^"]+)"', page):
                self.image(unescape(src))

    def everything(self) -> list[str]:
        # A sealed cursor is ciphertext: random letters and digits, in which the date patterns now and then
        # read a date ('8ZN8uFKJO7ExBBLol82': 8, 7, 82). It is looked into only decoded, like every token.
        texts = [_SEALED.sub("c1.sealed", t) for t in self.texts]
        texts += [d for t in self.texts for d in decoded(t)]
        texts += [ocr(png) for png in self.images.values()]
        return texts


def ocr(png: bytes) -> str:
    import pytesseract
    from PIL import Image
    image = Image.open(io.BytesIO(png))
    return pytesseract.image_to_string(image, lang="vie", config="--psm 4")


def crawl(base: str, token: str) -> Crawl:
    c = Crawl(base, token)
    for name in NAMES:
        c.records(name=name)
        c.get("/pages/search", q=name)
        c.get("/pages/search", q=fold(name))
    for sort in ("born", "born_desc", "name", "registered"):
        c.records(collection="hotich", sort=sort, size=1)
    c.records(collection="hotich", review="needs_review")
    c.get("/records/export", collection="hotich")
    for q in ("sinh", "ngày tháng năm sinh", "số định danh cá nhân", "CMND", "mồng", "ghi bằng chữ"):
        c.get("/pages/search", q=q, size=100)
        c.records(q=q)
    c.search_page(collection="hotich", sort="born", size=2)
    c.search_page(q="sinh")
    for bad in ({"born": "0000"}, {"died": "0000"}, {"decade": "99999999999"}, {"cursor": "x" * 40},
                {"sort": "nope"}, {"born": "1980-02-30"}):
        c.get("/records/search", **bad)
    for path in ("/openapi.json", "/docs", "/login", "/healthz", "/static/search/search.css"):
        c.get(path)
    c.open_records()
    return c


@pytest.fixture(scope="module")
def site(stack_env, pdf_maker, tmp_path_factory):
    # A namespace (indices, bucket, queues) and a worker of its own: these records must not show up in other
    # modules' searches, nor theirs here.
    from ingest.testing import worker_process

    from ingest.testing import remove_namespace

    from .conftest import Stack, s3
    env = {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + "-adv",
           "SOHOA_BUCKET": stack_env["SOHOA_BUCKET"] + "-adv"}
    s3(env).create_bucket(Bucket=env["SOHOA_BUCKET"])
    stack = Stack(env)
    out = stack.sohoa("index", "setup")
    assert out.returncode == 0, out.stderr
    tmp = tmp_path_factory.mktemp("adv")
    es = Elasticsearch(env["SOHOA_ES_URL"])
    try:
        with worker_process(env, tmp / "worker.log"):
            for key, pages, _ in SCANS:
                stack.put(key, pdf_maker(pages))
            stack.run_pipeline(timeout=600)
        config = Config.from_env(env)
        tokens = {role: auth.create_token(es, config, f"adv-{role}", role)[0] for role in ("viewer", "admin")}
        with api_server({**env, "SOHOA_SESSION_SECRET": "a" * 40, "SOHOA_AUTH_FREE_FAILURES": "100000"},
                        tmp / "api.log") as base:
            yield base, tokens
    finally:
        remove_namespace(env)


@pytest.fixture(scope="module")
def crawls(site):
    base, tokens = site
    return {role: crawl(base, tokens[role]) for role in ("viewer", "admin")}


def test_the_fixtures_came_through_the_pipeline(crawls):
    admin = crawls["admin"]
    names = " ".join(admin.texts)
    assert all(n in names for n in NAMES), [n for n in NAMES if n not in names]
    assert len(admin.images) >= len(SCANS) + 1  # every page of every record, the dossier's two pages


def test_an_admin_finds_every_date_of_birth_and_id_number(crawls):
    missing = set(SECRETS) - found_secrets(crawls["admin"].everything())
    assert not missing, f"the fixtures do not carry what they should: {sorted(missing, key=str)}"


def test_a_viewer_recovers_no_date_of_birth_and_no_id_number_anywhere(crawls):
    viewer = crawls["viewer"]
    assert len(viewer.images) == len(crawls["admin"].images)  # the viewer is given the same pages, redacted
    leaked = found_secrets(viewer.everything())
    assert not leaked, f"a viewer recovers {sorted(leaked, key=str)}"
    # and the viewer did see the records: names, years and the last digits of IDs, and readable page images
    text = " ".join(viewer.texts)
    assert all(n in text for n in NAMES) and "*********321" in text and "1980" in text
    seen = fold(" ".join(ocr(png) for png in viewer.images.values()))
    assert sum(fold(n) in seen for n in NAMES) >= len(NAMES) - 1  # OCR may misread one name, not the pages


def test_each_kind_of_response_was_looked_at(crawls):
    text = "\n".join(crawls["viewer"].texts)
    assert re.search(r'"next_cursor":\s*"c1\.', text)  # a page of a search with a next one (JSON spacing aside)
    for marker in ("next_cursor", "<!doctype html", "review_reasons", '"snippet"', "Trang sau"):
        assert marker.lower() in text.lower(), marker
