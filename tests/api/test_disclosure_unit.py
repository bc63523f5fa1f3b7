"""What leaves the service for a role without the right to personal data, without a server."""

from __future__ import annotations

import base64
import json

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.testclient import TestClient

from api import auth, cursors, page_images
from api.disclosure import DisclosureMiddleware, disclose, disclosed_json
from api.throttle import FailureThrottle
from indexers.records_search import BadQuery, encode_cursor
from ocr.result import Line, PageText, Word


def test_review_reasons_quoting_values_are_masked_in_every_form():
    body = {"review_reasons": ["date_of_birth: 15/03/1980 in digits but 1980-03-15 in words",
                               "personal_id: page 2 says '046 183 007 778', page 1 says '001075004321'",
                               "date_of_birth: ngày mười lăm tháng ba năm một nghìn chín trăm tám mươi"]}
    text = json.dumps(disclose(body), ensure_ascii=False)
    for secret in ("15/03/1980", "1980-03-15", "046 183 007 778", "001075004321", "mười lăm tháng ba"):
        assert secret not in text
    assert "*********321" in text and "1980 in digits but 1980 in words" in text


def test_dates_anyone_may_read_and_opaque_values_stay():
    body = {"date_of_death": "1968-05-02", "registration_date": "2020-01-15", "extracted_at": "2026-12-04T20:30:00Z",
            "fields": {"date_of_death": {"value": "1968-05-02", "raw": "02/05/1968"},
                       "note": {"value": "sinh 05/03/1980", "raw": "sinh 05/03/1980"}},
            "next_cursor": "c1.12345678901234", "page_images": [{"url": "/records/a/pages/1/image"}]}
    out = disclose(body)
    assert out["date_of_death"] == "1968-05-02" and out["registration_date"] == "2020-01-15"
    assert out["extracted_at"] == body["extracted_at"] and out["fields"]["date_of_death"]["value"] == "1968-05-02"
    assert out["fields"]["date_of_death"]["raw"] == "1968"  # raw text is text: it could quote anything
    assert out["fields"]["note"] == {"value": "sinh 1980", "raw": "sinh 1980"}
    assert out["next_cursor"] == body["next_cursor"] and out["page_images"] == body["page_images"]


def test_highlight_fragments_are_masked_across_their_marks():
    out = disclose({"highlights": [{"field": "note", "html": "<mark>05</mark>/03/1980 &amp; x"}]})
    assert out["highlights"][0]["html"] == "1980 &amp; x"


def _app(role: str) -> TestClient:
    app = FastAPI()
    app.add_middleware(DisclosureMiddleware, full_fields_permission=auth.FULL_FIELDS)

    @app.middleware("http")
    async def who(request: Request, call_next):
        request.state.principal = auth.Principal(token_id="0" * 16, name="t", role=role)
        return await call_next(request)

    @app.get("/j")
    def j():
        return {"detail": "not a date: '1980-03-05'", "ids": ["046183007777"]}

    @app.get("/t")
    def t():
        return PlainTextResponse("05/03/1980;046.183.007.778\n")

    @app.get("/h")
    def h():
        return HTMLResponse("<p>x</p>")

    @app.get("/b")
    def b():
        return Response(b"%PDF-1.4 05/03/1980", media_type="application/pdf")

    @app.get("/d")
    def d():  # a search answer: hits disclosed one by one (auth.mask_record), the rest here
        hits = [auth.mask_record({"date_of_birth": "1980-03-05", "note": "sinh 05/03/1980"}, False)]
        return disclosed_json({"hits": hits, "facets": {"note": ["05/03/1980"]}, "total": 1}, done=("hits",))

    return TestClient(app)


def test_every_text_response_is_masked_for_a_viewer_and_left_alone_for_a_clerk():
    viewer, clerk = _app("viewer"), _app("clerk")
    assert viewer.get("/j").json() == {"detail": "not a date: '1980'", "ids": ["*********777"]}
    assert viewer.get("/t").text == "1980;*********778\n"
    assert viewer.get("/b").status_code == 403  # unknown binary: refused rather than passed on unseen
    assert clerk.get("/j").json()["ids"] == ["046183007777"] and clerk.get("/b").status_code == 200


def test_an_answer_disclosed_by_its_route_is_not_read_again_and_its_mark_never_leaves():
    r = _app("viewer").get("/d")
    assert r.json() == {"hits": [{"date_of_birth": "1980", "note": "sinh 1980"}], "facets": {"note": ["1980"]},
                        "total": 1}
    assert "x-sohoa-disclosed" not in r.headers


def test_security_headers_and_no_store_on_every_response():
    r = _app("viewer").get("/h")
    assert r.headers["cache-control"] == "no-store" and r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


# --- cursors ------------------------------------------------------------------------------------

KEY = b"k" * 32
INNER = encode_cursor([321408000000, "r1"], "pit-id-abc", "fp")


def test_a_cursor_reads_as_random_bytes_and_opens_only_for_its_caller():
    sealed = cursors.seal(KEY, "caller-a", INNER)
    raw = base64.urlsafe_b64decode(sealed[3:] + "=" * (-len(sealed[3:]) % 4))
    assert b"321408000000" not in raw and b"pit-id-abc" not in raw and b"caller-a" not in raw
    assert cursors.unseal(KEY, "caller-a", sealed) == INNER
    with pytest.raises(BadQuery):
        cursors.unseal(KEY, "caller-b", sealed)
    with pytest.raises(BadQuery):
        cursors.unseal(b"x" * 32, "caller-a", sealed)
    with pytest.raises(BadQuery):  # the old, readable form is no longer accepted: search_after cannot be chosen
        cursors.unseal(KEY, "caller-a", INNER)
    flipped = sealed[:-2] + ("A" if sealed[-2] != "A" else "B") + sealed[-1]
    with pytest.raises(BadQuery):
        cursors.unseal(KEY, "caller-a", flipped)


def test_a_cursor_expires():
    sealed = cursors.seal(KEY, "a", INNER, now=1000.0)
    assert cursors.unseal(KEY, "a", sealed, now=1000.0 + cursors.CURSOR_SECONDS - 1) == INNER
    with pytest.raises(BadQuery, match="expired"):
        cursors.unseal(KEY, "a", sealed, now=1000.0 + cursors.CURSOR_SECONDS + 1)


def test_points_in_time_are_capped_per_caller_oldest_closed_first():
    lim = cursors.PitLimiter(per_caller=3, seconds=120)
    closed = [p for i in range(5) for p in lim.used("a", f"p{i}", now=float(i))]
    assert closed == ["p0", "p1"] and lim.held("a") == 3
    assert lim.used("b", "q0", now=5.0) == []  # another caller is not affected
    assert lim.used("a", "p4", now=6.0) == []  # using one again is not opening one
    assert lim.used("a", "p9", now=500.0) == [] and lim.held("a") == 1  # the others expired on the cluster


# --- throttling ---------------------------------------------------------------------------------

def test_failed_sign_ins_are_free_at_first_then_wait_longer_each_time():
    t = FailureThrottle(free=3, base=1.0, longest=60.0, forget=900.0)
    for i in range(3):
        assert t.wait("1.2.3.4", now=float(i)) == 0
        t.failed("1.2.3.4", now=float(i))
    assert t.wait("1.2.3.4", now=2.0) == pytest.approx(1.0)
    t.failed("1.2.3.4", now=3.0)
    assert t.wait("1.2.3.4", now=3.0) == pytest.approx(2.0)
    assert t.wait("5.6.7.8", now=3.0) == 0  # per source
    for _ in range(20):
        t.failed("1.2.3.4", now=4.0)
    assert t.wait("1.2.3.4", now=4.0) == pytest.approx(60.0)
    assert t.wait("1.2.3.4", now=4.0 + 901) == 0  # forgotten


def test_unknown_and_known_token_ids_cost_the_same_work():
    salt = b"s" * 16
    stored = auth.hash_token_secret("secret", salt)
    assert stored.startswith("sha256$") and auth.check_secret("secret", salt.hex(), stored)
    assert not auth.check_secret("secreT", salt.hex(), stored)


# --- page images --------------------------------------------------------------------------------

def _page(lines: list[list[str]]) -> PageText:
    out, y = [], 10
    for words in lines:
        x, ws = 10, []
        for w in words:
            ws.append(Word(w, 90.0, (x, y, x + 10 * len(w), y + 20)))
            x += 10 * len(w) + 10
        out.append(Line(ws, (10, y, x, y + 20)))
        y += 40
    return PageText(page=1, width=1000, height=1000, lines=out)


def test_redaction_covers_every_word_of_a_date_or_id_even_across_lines():
    page = _page([["Họ", "tên:", "Lê", "Văn", "A"], ["Sinh", "ngày", "mười", "lăm", "tháng", "ba"],
                  ["năm", "một", "nghìn", "chín", "trăm", "tám", "mươi"], ["CCCD:", "046", "183", "007", "777"],
                  ["Số:", "31"]])
    boxes = page_images.word_boxes(page)
    words = {w.bbox: w.text for w in page.words}
    assert sorted(words[b] for b in boxes) == sorted(["ngày", "mười", "lăm", "tháng", "ba", "năm", "một", "nghìn",
                                                      "chín", "trăm", "tám", "mươi", "046", "183", "007", "777"])


def test_masked_fields_are_painted_even_when_the_text_did_not_read_as_a_date():
    record = {"fields": {"date_of_birth": {"value": "1980-03-15", "raw": "l5/O3", "page": 1, "bbox": [5, 5, 50, 20]},
                         "full_name": {"value": "Lê Văn A", "raw": "Lê Văn A", "page": 1, "bbox": [60, 5, 90, 20]}}}
    assert page_images.field_boxes(record, 1) == [(5, 5, 50, 20)] and page_images.field_boxes(record, 2) == []



def test_a_redacted_page_image_keeps_its_format_and_its_boxes_are_black():
    import io

    from PIL import Image
    page = Image.new("L", (200, 100), 255)
    for fmt, kind in (("JPEG", "image/jpeg"), ("PNG", "image/png")):
        buf = io.BytesIO()
        page.save(buf, format=fmt)
        data = buf.getvalue()
        assert page_images.media_type(data) == kind
        out = page_images.redact(data, [(20, 20, 60, 60)])
        assert page_images.media_type(out) == kind
        painted = Image.open(io.BytesIO(out)).convert("L")
        assert painted.getpixel((40, 40)) < 20 and painted.getpixel((150, 80)) > 235
