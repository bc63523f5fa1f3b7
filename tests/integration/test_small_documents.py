"""Small documents are read and indexed by the worker that prepares them; what it leaves behind is the same."""

from __future__ import annotations

import hashlib
import json

import pytest

from indexers.pages import delete_by_doc_hash
from ingest.stages import Context, prepare
from ingest.state import ledger_id, page_job_id
from sohoa.storage import ObjectRef
from sohoa.config import Config


# What each test dropped: (key, ledger ID, document hash), removed when it ends.
_dropped: list[tuple[str, str, str]] = []


@pytest.fixture(autouse=True)
def nothing_left_in_progress(stack, es):
    """These tests drive the stages by hand and stop half-way (a page sent to a queue no worker reads,
    an indexing message caught by the test): whatever they dropped is removed when they end -- object,
    ledger entry, document and page records -- so the namespace they share with the pipeline tests has
    no document waiting for ever, and a later ``sohoa wait`` there is not kept busy."""
    yield
    while _dropped:
        key, lid, doc_hash = _dropped.pop()
        stack.s3.delete_object(Bucket=stack.bucket, Key=key)
        es.delete(index=f"{stack.prefix}-ledger", id=lid, refresh=True, ignore=[404])
        delete_by_doc_hash(es, f"{stack.prefix}-jobs", doc_hash)  # the document's record and its pages'
    es.indices.refresh(index=f"{stack.prefix}-jobs")


def _drop(stack, ctx: Context, key: str, data: bytes) -> tuple[ObjectRef, str]:
    stack.put(key, data)
    etag = stack.s3.head_object(Bucket=stack.bucket, Key=key)["ETag"].strip('"')
    ref = ObjectRef(key=key, etag=etag, size=len(data))
    lid = ledger_id(stack.bucket, key, etag)
    _dropped.append((key, lid, hashlib.sha256(data).hexdigest()))
    ctx.state.create(ctx.state.ledger, lid, {"status": "enqueued", "bucket": stack.bucket, "key": key, "etag": etag,
                                             "size": len(data)})
    return ref, lid


def _context(stack, sent: list) -> Context:
    return Context.from_config(Config.from_env(stack.env), send_ocr=lambda d, p: sent.append(("ocr", p)),
                               send_index=lambda d: sent.append(("index", d)))


def test_a_two_page_certificate_is_indexed_by_its_prepare_with_no_message_sent(stack, es, pdf_maker):
    sent: list = []
    ctx = _context(stack, sent)
    data = pdf_maker([["GIẤY KHAI SINH", "Họ và tên: Quách Thị Huệ"], ["Trang hai", "Người khai: Quách Văn Lực"]])
    ref, lid = _drop(stack, ctx, "hotich/nho/giay-khai-sinh.pdf", data)

    doc_hash = prepare(ctx, ref, lid)

    assert doc_hash == hashlib.sha256(data).hexdigest()
    assert sent == []  # no page and no indexing went through the queue
    doc = ctx.state.document(doc_hash)
    assert doc["state"] in ("indexed", "needs_review")
    assert doc["pages_done"] == [1, 2] and doc["pages_failed"] == []
    assert ctx.state.ledger_entries([lid])[lid]["status"] == "prepared"
    for n in (1, 2):
        page = ctx.state.page(doc_hash, n)
        assert page["state"] == "done" and page["attempts"] == 1 and page["started_at"] <= page["finished_at"]
        # What the viewer and a later re-index read is in the bucket, as with the queued path.
        image = ctx.bucket.get_bytes(ctx.bucket.page_image_key(doc_hash, n))
        assert image.startswith(b"\x89PNG")
        assert json.loads(ctx.bucket.get_bytes(ctx.bucket.page_ocr_key(doc_hash, n)))["page"] == n
    es.indices.refresh(index=f"{stack.prefix}-pages")
    hits = es.search(index=f"{stack.prefix}-pages", query={"term": {"doc_hash": doc_hash}})["hits"]["hits"]
    assert sorted(h["_source"]["page"] for h in hits) == [1, 2]
    assert any("Quách" in h["_source"]["text"] for h in hits)

    # A redelivered prepare finds everything done and changes nothing.
    again: list = []
    ctx2 = _context(stack, again)
    prepare(ctx2, ref, lid)
    assert again == []
    assert ctx.state.document(doc_hash)["state"] == doc["state"]


def test_a_page_whose_first_attempt_did_not_finish_goes_to_the_ocr_queue(stack, es, pdf_maker):
    sent: list = []
    ctx = _context(stack, sent)
    data = pdf_maker([["GIẤY CHỨNG TỬ", "Họ và tên: Lạc Văn Long"], ["Trang hai", "Nơi chết: xã Yên Thế"]])
    doc_hash = hashlib.sha256(data).hexdigest()
    ref, lid = _drop(stack, ctx, "hotich/nho/giay-chung-tu.pdf", data)
    # A worker was killed while reading page 1 of this document.
    ctx.state.create_page(doc_hash, 1, "ocr", attempts=1)

    prepare(ctx, ref, lid)

    assert sent == [("ocr", 1)]  # page 1 through the queue, with its retries; nothing indexed yet
    doc = ctx.state.document(doc_hash)
    assert doc["state"] == "ocr" and doc["pages_done"] == [2]
    assert ctx.state.page(doc_hash, 1)["state"] == "queued"
    assert ctx.bucket.get_bytes(ctx.bucket.page_image_key(doc_hash, 1)).startswith(b"\x89PNG")
    assert es.get(index=f"{stack.prefix}-jobs", id=page_job_id(doc_hash, 2))["_source"]["state"] == "done"


def test_pages_an_interrupted_attempt_got_through_are_counted_by_the_next(stack, es, pdf_maker, monkeypatch):
    import ingest.stages as stages

    class WorkerStopped(Exception):
        pass

    sent: list = []
    ctx = _context(stack, sent)
    data = pdf_maker([["GIẤY KHAI SINH", "Họ và tên: Lò Thị Mai"], ["Trang hai", "Người khai: Lò Văn Pọm"]])
    doc_hash = hashlib.sha256(data).hexdigest()
    ref, lid = _drop(stack, ctx, "hotich/nho/giay-khai-sinh-lo.pdf", data)

    # The first attempt reads both pages, then stops (Redis restarted, the worker was killed)
    # before it counts them on the document.
    def stopped(*args, **kwargs):
        raise WorkerStopped()
    with monkeypatch.context() as m:
        m.setattr(stages, "_complete_pages", stopped)
        try:
            prepare(ctx, ref, lid)
        except WorkerStopped:
            pass
    assert all(ctx.state.page(doc_hash, n)["state"] == "done" for n in (1, 2))
    assert ctx.state.document(doc_hash)["pages_done"] == []

    # The retried prepare reads nothing again, counts both pages and sends the document to indexing.
    prepare(_context(stack, sent), ref, lid)
    assert sent == [("index", doc_hash)]
    assert ctx.state.document(doc_hash)["pages_done"] == [1, 2]


def test_a_test_that_stops_half_way_leaves_no_document_in_progress(stack, es, pdf_maker):
    # What the tests above leave once their cleanup ran: no document or page of theirs still in the jobs index.
    es.indices.refresh(index=f"{stack.prefix}-jobs")
    left = es.search(index=f"{stack.prefix}-jobs", size=0, query={"bool": {"filter": [
        {"terms": {"state": ["received", "rasterizing", "ocr", "queued", "extracting", "indexing"]}},
        {"prefix": {"key": "hotich/nho/"}}]}})["hits"]["total"]["value"]
    assert left == 0
