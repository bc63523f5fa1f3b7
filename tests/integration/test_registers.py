"""A register larger than SOHOA_INLINE_PAGES: its pages go to the workers as ranges, each rasterized and
read by the worker that takes it; nothing is rasterized up front, lost or read twice."""

from __future__ import annotations

import hashlib
import io
import json
import logging

from PIL import Image

from ingest.stages import Context, fail_page, index_document, ocr_pages, prepare
from ingest.state import ledger_id
from ingest.storage import ObjectRef
from sohoa.config import Config

PAGES = [[f"SỔ ĐĂNG KÝ KHAI SINH · trang {n}", f"Số: {n}   Quyển số: 02/1976",
          f"Họ, chữ đệm, tên: {name}", "Nơi sinh: xã Tam Sơn, huyện Từ Sơn"]
         for n, name in enumerate(["Khúc Văn Hạo", "Mạc Thị Nhàn", "Tạ Quang Bửu", "Ông Thị Lành", "Cù Văn Khải"], 1)]


def _context(stack, sent: list) -> Context:
    return Context.from_config(Config.from_env(stack.env), send_ocr=lambda d, p: sent.append(("ocr", p)),
                               send_index=lambda d: sent.append(("index", d)),
                               send_pages=lambda d, ranges: sent.extend(("pages", a, b) for a, b in ranges))


def _drop(stack, ctx: Context, key: str, data: bytes) -> tuple[ObjectRef, str]:
    stack.put(key, data)
    etag = stack.s3.head_object(Bucket=stack.bucket, Key=key)["ETag"].strip('"')
    lid = ledger_id(stack.bucket, key, etag)
    ctx.state.create(ctx.state.ledger, lid, {"status": "enqueued", "bucket": stack.bucket, "key": key, "etag": etag,
                                             "size": len(data)})
    return ObjectRef(key=key, etag=etag, size=len(data)), lid


def _prepared(stack, key: str, data: bytes) -> tuple[list, Context, str]:
    """``data`` dropped at ``key`` and prepared by a worker: the messages it sent, its context, the document."""
    sent: list = []
    ctx = _context(stack, sent)
    prepare(ctx, *_drop(stack, ctx, key, data))
    return sent, ctx, hashlib.sha256(data).hexdigest()


def _stored(ctx: Context, key: str) -> bool:
    from botocore.exceptions import ClientError
    try:
        ctx.bucket.client.head_object(Bucket=ctx.bucket.derived_bucket, Key=key)
        return True
    except ClientError:
        return False


def test_a_register_is_spread_as_ranges_and_each_page_is_read_once(stack, es, pdf_maker):
    sent, ctx, doc_hash = _prepared(stack, "hotich/so/so-khai-sinh-1976.pdf", pdf_maker(PAGES))

    # The prepare rasterized nothing: every page waits, recorded, for the range that will read it.
    ranges = [m[1:] for m in sent if m[0] == "pages"]
    assert [n for a, b in ranges for n in range(a, b + 1)] == [1, 2, 3, 4, 5]
    assert ctx.state.document(doc_hash)["state"] == "ocr"
    records = ctx.state.pages(doc_hash, [1, 2, 3, 4, 5])
    assert all(r["state"] == "queued" and r["attempts"] == 0 for r in records.values()) and len(records) == 5
    assert not any(_stored(ctx, ctx.bucket.page_image_key(doc_hash, n)) for n in range(1, 6))

    # A worker killed mid-range left page 4 started: the next range sends it to the OCR queue alone.
    ctx.state.set_page_state(doc_hash, 4, "ocr", attempts=1)
    sent.clear()
    worker = _context(stack, sent)  # another worker: its own download of the source
    for first, last in ranges:
        ocr_pages(worker, doc_hash, first, last)
    assert ("ocr", 4) in sent and ("index", doc_hash) not in sent
    doc = ctx.state.document(doc_hash)
    assert doc["pages_done"] == [1, 2, 3, 5] and doc["state"] == "ocr"
    for n in (1, 2, 3, 5):
        page = ctx.state.page(doc_hash, n)
        assert page["state"] == "done" and page["attempts"] == 1
        assert json.loads(ctx.bucket.get_bytes(ctx.bucket.page_ocr_key(doc_hash, n)))["page"] == n
        # The image people look at is a JPEG; a PNG only for a page handed to the OCR queue.
        assert ctx.bucket.page_view(doc_hash, n)[:3] == b"\xff\xd8\xff"
        assert ctx.bucket.find_bytes(ctx.bucket.page_image_key(doc_hash, n)) is None
    assert ctx.bucket.get_bytes(ctx.bucket.page_image_key(doc_hash, 4)).startswith(b"\x89PNG")
    assert ctx.state.page(doc_hash, 4)["state"] == "queued"

    # The OCR queue reads page 4; then the document is indexed, every page once.
    from ingest.stages import ocr_page
    sent.clear()
    ocr_page(worker, doc_hash, 4)
    assert sent == [("index", doc_hash)]
    assert ctx.bucket.get_bytes(ctx.bucket.page_view_key(doc_hash, 4))[:3] == b"\xff\xd8\xff"
    # A redelivered range reads nothing again.
    sent.clear()
    ocr_pages(worker, doc_hash, *ranges[0])
    assert [m for m in sent if m[0] != "index"] == []
    index_document(worker, doc_hash)
    es.indices.refresh(index=f"{stack.prefix}-pages")
    hits = es.search(index=f"{stack.prefix}-pages", query={"term": {"doc_hash": doc_hash}}, size=20)["hits"]["hits"]
    assert sorted(h["_source"]["page"] for h in hits) == [1, 2, 3, 4, 5]
    assert any("Nhàn" in h["_source"]["text"] for h in hits)
    assert ctx.state.document(doc_hash)["state"] in ("indexed", "needs_review")


def test_a_range_of_a_key_overwritten_since_closes_its_old_version(stack, es, pdf_maker):
    sent, ctx, doc_hash = _prepared(stack, "hotich/so/so-ghi-de.pdf",
                                    pdf_maker(PAGES[:4] + [["SỔ ĐĂNG KÝ KHAI SINH", "Họ, chữ đệm, tên: Lục Văn Tài"]]))
    stack.put("hotich/so/so-ghi-de.pdf", pdf_maker(PAGES[:1]))  # a rescan under the same key

    first, last = next(m[1:] for m in sent if m[0] == "pages")
    assert ocr_pages(_context(stack, []), doc_hash, first, last) == {}
    assert ctx.state.document(doc_hash)["state"] == "superseded"
    # The rescan is not this test's to process: out of the bucket, so no later listing of the session's
    # inbox takes it up.
    stack.s3.delete_object(Bucket=stack.bucket, Key="hotich/so/so-ghi-de.pdf")


def test_a_ranges_pages_are_read_for_records_by_its_worker_and_put_together_at_the_end(stack, es, pdf_maker,
                                                                                      monkeypatch):
    import schemas.extract as extract
    from ocr.result import PageText

    sent, ctx, doc_hash = _prepared(stack, "hotich/so/so-khai-sinh-1977.pdf", pdf_maker(PAGES))
    worker = _context(stack, [])
    for first, last in [m[1:] for m in sent if m[0] == "pages"]:
        ocr_pages(worker, doc_hash, first, last)

    # Each page's reading is stored beside its OCR result, with that result's fingerprint.
    ocr = {n: ctx.bucket.get_bytes(ctx.bucket.page_ocr_key(doc_hash, n)) for n in range(1, 6)}
    readings = {n: json.loads(ctx.bucket.get_bytes(ctx.bucket.page_reading_key(doc_hash, n))) for n in range(1, 6)}
    assert all(readings[n]["ocr_sha256"] == hashlib.sha256(ocr[n]).hexdigest() for n in readings)
    assert all(readings[n]["records"] for n in readings)
    # Page 3 was OCR'd again since its reading was made: that reading no longer fits its result.
    stale = dict(readings[3], ocr_sha256=hashlib.sha256(b"an earlier OCR result").hexdigest())
    ctx.bucket.put_bytes(ctx.bucket.page_reading_key(doc_hash, 3), json.dumps(stale).encode(), "application/json")

    read_again: list[int] = []
    real = extract.extract_page

    def spy(page, *args, **kwargs):
        read_again.append(page.page)
        return real(page, *args, **kwargs)
    monkeypatch.setattr(extract, "extract_page", spy)
    index_document(worker, doc_hash)
    assert read_again == [3]

    # The records are those of the document read whole.
    monkeypatch.setattr(extract, "extract_page", real)
    whole = extract.extract_records([PageText.from_dict(json.loads(ocr[n])) for n in range(1, 6)], "hotich")
    es.indices.refresh(index=f"{stack.prefix}-records")
    hits = es.search(index=f"{stack.prefix}-records", query={"term": {"doc_hash": doc_hash}}, size=50)["hits"]["hits"]
    names = sorted(h["_source"]["fields"]["full_name"]["value"] for h in hits)
    assert len(hits) == len(whole) == 5
    assert names == sorted(r["fields"]["full_name"]["value"] for r in whole)


def _register_tiff_with_a_poison_page() -> bytes:
    """Five frames at 300 dpi: four register pages, and as page 3 a strip of text over 32,767 pixels wide, which
    Tesseract refuses."""
    from PIL import ImageDraw, ImageFont

    from ingest.testing import FONT
    font = ImageFont.truetype(FONT, 40)
    frames = []
    for n, lines in enumerate(PAGES, 1):
        if n == 3:
            img = Image.new("L", (33600, 120), 255)
            for x in range(0, 33000, 1100):
                ImageDraw.Draw(img).text((x + 40, 30), "Dải băng dài", font=font, fill=0)
        else:
            img = Image.new("L", (1240, 700), 255)
            for i, line in enumerate(lines):
                ImageDraw.Draw(img).text((80, 100 + 90 * i), line, font=font, fill=0)
        frames.append(img)
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:], compression="tiff_deflate",
                   dpi=(300, 300))
    return buf.getvalue()


def test_a_range_is_read_in_one_run_and_a_page_tesseract_refuses_goes_to_the_ocr_queue_alone(stack, es, caplog):
    sent, ctx, doc_hash = _prepared(stack, "hotich/so/so-khai-sinh-1978.tiff", _register_tiff_with_a_poison_page())
    sent.clear()
    worker = _context(stack, sent)
    with caplog.at_level(logging.INFO, logger="ocr.pipeline"):
        held = ocr_pages(worker, doc_hash, 1, 5)
    assert "a run of 5 pages failed (bug); reading them one at a time" in caplog.messages

    # The run of five pages failed on page 3; read one at a time, the other four are done, each with its own text.
    assert sorted(held) == [1, 2, 4, 5]
    assert sent == [("ocr", 3)]
    for n in (1, 2, 4, 5):
        page = json.loads(ctx.bucket.get_bytes(ctx.bucket.page_ocr_key(doc_hash, n)))
        text = " ".join(w["text"] for line in page["lines"] for w in line["words"])
        assert page["page"] == n and f"trang {n}" in text and PAGES[n - 1][2].split(": ")[1] in text
        assert ctx.state.page(doc_hash, n)["state"] == "done"
    # Page 3 waits for the OCR queue, from its lossless image (rasterized again: the range kept greyscale only).
    assert ctx.state.page(doc_hash, 3)["state"] == "queued"
    with Image.open(io.BytesIO(ctx.bucket.get_bytes(ctx.bucket.page_image_key(doc_hash, 3)))) as image:
        assert image.size == (33600, 120)
    assert ctx.state.document(doc_hash)["pages_done"] == [1, 2, 4, 5]

    # The OCR queue fails page 3 too, in the end; the document is then indexed without it (and nothing is left
    # waiting in the namespace the pipeline tests share).
    fail_page(worker, doc_hash, 3, "bug", "Tesseract refused the page")
    assert sent[-1] == ("index", doc_hash)
    index_document(worker, doc_hash)
    doc = ctx.state.document(doc_hash)
    assert doc["pages_failed"] == [3] and doc["state"] in ("indexed", "needs_review")
