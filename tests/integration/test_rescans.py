"""Rescans, objects that change under the pipeline, and configured limits."""

from __future__ import annotations

import pytest

from ingest.stages import Context, prepare, record_failure
from ingest.state import ledger_id
from sohoa.storage import ObjectRef
from ingest.watcher import scan_once
from sohoa.config import Config
from sohoa.errors import LimitExceeded
from sohoa.messages import PREPARE, MessageSender, make_broker, prepare_args


def test_overwriting_a_key_replaces_its_pages_in_the_index(stack, worker, es, pdf_maker):
    key = "hotich/1980/so-ket-hon.pdf"
    stack.put(key, pdf_maker([["GIẤY CHỨNG NHẬN KẾT HÔN", "Người chồng: Khổng Minh Triết"]]))
    stack.run_pipeline()
    assert stack.search("khong minh triet")["total"] == 1

    # The clerk rescans the page and drops it under the same key.
    stack.put(key, pdf_maker([["GIẤY CHỨNG NHẬN KẾT HÔN", "Người chồng: Khổng Minh Triệt", "bản quét lại"]]))
    stack.run_pipeline()
    assert stack.search("ban quet lai")["total"] == 1
    hits = stack.search("khong minh")["hits"]
    assert [h["key"] for h in hits] == [key], "the old version's page is still indexed beside the new one"

    es.indices.refresh(index=f"{stack.prefix}-jobs")
    states = sorted(h["_source"]["state"] for h in es.search(index=f"{stack.prefix}-jobs", query={
        "bool": {"filter": [{"term": {"kind": "document"}}, {"term": {"key": key}}]}})["hits"]["hits"])
    assert states in (["indexed", "superseded"], ["needs_review", "superseded"])


def _ctx(env: dict[str, str], **overrides: str) -> Context:
    return Context.from_config(Config.from_env({**env, **overrides}))


def _list_then(stack, change):
    """List the bucket, make ``change`` between the listing and the download, then send the messages."""
    ctx = _ctx(stack.env)
    sender = MessageSender(make_broker(stack.env["SOHOA_BROKER_URL"]), stack.prefix)
    pending = []
    scan_once(ctx.bucket, ctx.state, lambda ref, lid: pending.append((ref, lid)))
    change()
    sender.prepare_many(pending)
    waited = stack.sohoa("wait", "--timeout", "300")
    assert waited.returncode == 0, waited.stderr
    return ctx


def test_object_deleted_between_listing_and_download_fails_with_its_reason(stack, worker, es, pdf_maker):
    key = "hotich/bi-xoa.pdf"
    stack.put(key, pdf_maker([["Họ và tên: Đoàn Thị Điểm"]]))
    etag = _etag(stack, key)
    ctx = _list_then(stack, lambda: stack.s3.delete_object(Bucket=stack.bucket, Key=key))
    entry = ctx.state.ledger_entries([ledger_id(stack.bucket, key, etag)])
    assert len(entry) == 1
    (entry,) = entry.values()
    assert entry["status"] == "failed"
    assert entry["reason"] == "bad_input" and "deleted" in entry["message"]


def test_object_overwritten_between_listing_and_download_is_superseded_then_processed(stack, worker, es, pdf_maker):
    key = "hotich/bi-ghi-de.pdf"
    stack.put(key, pdf_maker([["Họ và tên: Nguyễn Bỉnh Khiêm"]]))
    first_etag = _etag(stack, key)
    ctx = _list_then(stack, lambda: stack.put(key, pdf_maker([["Họ và tên: Bà Huyện Thanh Quan"]])))
    old = ctx.state.ledger_entries([ledger_id(stack.bucket, key, first_etag)])
    assert list(old.values())[0]["status"] == "superseded"
    stack.run_pipeline()  # the next listing sees the new version
    assert stack.search("ba huyen thanh quan")["hits"][0]["key"] == key
    stale = stack.search("nguyen binh khiem")
    assert stale["total"] == 0, stale["hits"]


def _etag(stack, key: str) -> str:
    return stack.s3.head_object(Bucket=stack.bucket, Key=key)["ETag"].strip('"')


@pytest.mark.parametrize("setting,value,words", [
    ("SOHOA_MAX_PAGES", "2", "3 pages exceeds the limit of 2"),
    ("SOHOA_MAX_OBJECT_BYTES", "1000", "over the limit of 1000"),
])
def test_configured_limits_are_reported_as_such(stack, pdf_maker, setting, value, words):
    key = f"hotich/limit-{setting.lower()}.pdf"
    data = pdf_maker([["trang 1"], ["trang 2"], ["trang 3"]])
    stack.put(key, data)
    ctx = _ctx(stack.env, **{setting: value})
    head = stack.s3.head_object(Bucket=stack.bucket, Key=key)
    ref = ObjectRef(key=key, etag=head["ETag"].strip('"'), size=head["ContentLength"])
    lid = ledger_id(stack.bucket, key, ref.etag)
    ctx.state.create(ctx.state.ledger, lid, {"bucket": stack.bucket, "key": key, "etag": ref.etag, "size": ref.size,
                                             "status": "enqueued"})
    with pytest.raises(LimitExceeded) as exc:
        prepare(ctx, ref, lid)
    assert exc.value.reason == "limit_exceeded"
    assert words in exc.value.message
    # What the queue does with a stage that will not be retried: record it.
    record_failure(ctx, PREPARE, prepare_args(ref, lid), exc.value)
    entry = ctx.state.get(ctx.state.ledger, lid)
    assert entry["status"] == "failed" and entry["reason"] == "limit_exceeded"
