"""Work whose message was lost is found from the state store and sent again."""

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from ingest.testing import worker_process

from .conftest import ROOT, Stack, s3


@pytest.fixture
def stack(stack_env, es):
    """A namespace (index prefix, bucket, queues) and a worker of this test's own: work is sent again only while
    every queue is quiet, and other tests may leave retries waiting in the session's queues."""
    run = uuid.uuid4().hex[:8]
    env = {**stack_env, "SOHOA_INDEX_PREFIX": f"stall{run}", "SOHOA_BUCKET": f"sohoa-stall-{run}"}
    s3(env).create_bucket(Bucket=env["SOHOA_BUCKET"])
    with worker_process(env, ROOT / ".stack" / f"test-worker-stall{run}.log" if (ROOT / ".stack").is_dir() else None):
        yield Stack(env)
    es.indices.delete(index=f"stall{run}-*", ignore_unavailable=True, allow_no_indices=True)


def test_a_document_whose_index_message_was_lost_is_indexed_by_the_next_listing(stack, es, pdf_maker):
    key = "hotich/tin-nhan-bi-mat.pdf"
    stack.put(key, pdf_maker([["Họ và tên: Chu Văn An Khang"]]))
    stack.run_pipeline()
    hit = stack.search("chu van an khang")["hits"][0]
    doc_hash = hit["doc_hash"]

    # As if the index message had been lost: the document is left 'indexing'
    # long ago, its pages never reached the index, and no message carries it.
    old = (datetime.now(timezone.utc) - timedelta(minutes=10)).isoformat()
    jobs = f"{stack.prefix}-jobs"
    doc = es.get(index=jobs, id=f"doc:{doc_hash}")["_source"]
    es.index(index=jobs, id=f"doc:{doc_hash}", document={**doc, "state": "indexing", "updated_at": old},
             refresh=True)
    es.delete(index=f"{stack.prefix}-pages", id=hit["id"], refresh=True)
    assert stack.search("chu van an khang")["total"] == 0

    listed = stack.sohoa("watch", "--once", timeout=120)
    assert "sent stalled work again" in listed.stdout, listed.stdout + listed.stderr
    waited = stack.sohoa("wait", "--timeout", "120")
    assert waited.returncode == 0
    assert stack.search("chu van an khang")["hits"][0]["id"] == hit["id"]
    assert es.get(index=jobs, id=f"doc:{doc_hash}")["_source"]["state"] in ("indexed", "needs_review")
