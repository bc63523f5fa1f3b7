"""An operator's view through the real stack, on Redis and on RabbitMQ.

Documents are made to fail with a dependency missing on the worker (a
Tesseract model directory without the language), then the worker is fixed:
'sohoa failures' lists them with their reason, 'sohoa retry' and
'sohoa requeue-dead' bring them through, and 'sohoa status' counts the queues
from the broker itself.
"""

from __future__ import annotations

import json
import time
import uuid

import pika
import pytest
import redis
from elasticsearch import Elasticsearch

from ingest.testing import scanned_pdf as render_pdf
from ingest.testing import worker_process

from .conftest import ROOT, s3, sohoa

AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/"


def _operator_env(stack_env: dict, broker: str, tmp_path_factory) -> dict:
    run = uuid.uuid4().hex[:8]
    env = dict(stack_env, SOHOA_INDEX_PREFIX=f"testop{run}", SOHOA_BUCKET=f"sohoa-testop-{run}")
    if broker == "redis":
        url = stack_env["SOHOA_BROKER_URL"].rsplit("/", 1)[0] + "/14"
        redis.Redis.from_url(url).flushdb()
    else:
        url = AMQP_URL
        try:
            pika.BlockingConnection(pika.URLParameters(url)).close()
        except Exception as exc:  # noqa: BLE001
            pytest.fail(f"RabbitMQ is not reachable ({type(exc).__name__}); start it with scripts/stack up rabbitmq")
        channel = pika.BlockingConnection(pika.URLParameters(url)).channel()
        for q in (f"{env['SOHOA_INDEX_PREFIX']}-{s}" for s in ("prepare", "ocr", "index")):
            for name in (q, f"{q}.DQ", f"{q}.XQ"):
                channel.queue_delete(name)
    env["SOHOA_BROKER_URL"] = url
    # A model directory without the Vietnamese data: Tesseract cannot start.
    env["BROKEN_MODEL_DIR"] = str(tmp_path_factory.mktemp("empty-tessdata"))
    s3(env).create_bucket(Bucket=env["SOHOA_BUCKET"])
    return env


def running_worker(env: dict, **overrides):
    return worker_process({**env, **overrides}, ROOT / ".stack" / f"test-worker-{env['SOHOA_INDEX_PREFIX']}.log")


def broken_worker(env):
    return running_worker(env, SOHOA_OCR_MODEL=env["BROKEN_MODEL_DIR"], SOHOA_MAX_RETRIES="0")


def run(env, *args, ok=True, timeout=600):
    out = sohoa(env, *args, timeout=timeout)
    if ok:
        assert out.returncode == 0, f"sohoa {' '.join(args)}: {out.stdout}\n{out.stderr}"
    return out


def q(env, stage: str) -> str:
    return f"{env['SOHOA_INDEX_PREFIX']}-{stage}"


def status(env) -> dict:
    return json.loads(run(env, "status", "--json").stdout)


def wait_until(predicate, timeout=180, interval=1.0):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        assert time.monotonic() < deadline, "timed out"
        time.sleep(interval)


def doc_state(es, env, doc_hash) -> dict:
    return es.get(index=f"{env['SOHOA_INDEX_PREFIX']}-jobs", id=f"doc:{doc_hash}")["_source"]


@pytest.fixture(params=["redis", "rabbitmq"])
def op_env(request, stack_env, tmp_path_factory):
    env = _operator_env(stack_env, request.param, tmp_path_factory)
    yield env
    Elasticsearch(env["SOHOA_ES_URL"]).indices.delete(index=f"{env['SOHOA_INDEX_PREFIX']}-*", ignore_unavailable=True,
                                                      allow_no_indices=True)


def test_failures_are_listed_with_reasons_then_retry_and_requeue_dead_bring_them_through(op_env):
    env = op_env
    es = Elasticsearch(env["SOHOA_ES_URL"])
    client = s3(env)
    client.put_object(Bucket=env["SOHOA_BUCKET"], Key="hotich/empty.pdf", Body=b"")
    client.put_object(Bucket=env["SOHOA_BUCKET"], Key="hotich/so-a.pdf",
                      Body=render_pdf([["SỔ ĐĂNG KÝ KHAI SINH", "Họ và tên: Phan Thị Mỹ An"]]))
    client.put_object(Bucket=env["SOHOA_BUCKET"], Key="baotang/phieu-b.pdf",
                      Body=render_pdf([["PHIẾU HIỆN VẬT", "Số: 4711"]]))

    with broken_worker(env):
        assert "queued 3 new" in run(env, "watch", "--once").stdout
        run(env, "wait", "--timeout", "240", timeout=300)
        # The worker's heartbeat is seen while it runs.
        assert wait_until(lambda: status(env)["workers"], timeout=30)

    listed = json.loads(run(env, "failures", "--json").stdout)
    by_key = {}
    for f in listed:
        by_key.setdefault(f["key"], []).append(f)
    empty = by_key["hotich/empty.pdf"][0]
    assert empty["reason"] == "bad_input" and "empty" in empty["message"]
    a_doc = [f for f in by_key["hotich/so-a.pdf"] if f["level"] == "document"][0]
    assert a_doc["reason"] == "bug" and "no page could be processed" in a_doc["message"]
    a_page = [f for f in by_key["hotich/so-a.pdf"] if f["level"] == "page"][0]
    # Two attempts: the prepare reads a one-page document itself first, then hands the failed page to the
    # OCR queue, which gives up at once (SOHOA_MAX_RETRIES=0).
    assert a_page["page"] == 1 and a_page["attempts"] == 2 and a_page["message"]
    # Filters.
    only_bad = json.loads(run(env, "failures", "--json", "--reason", "bad_input").stdout)
    assert {f["key"] for f in only_bad} == {"hotich/empty.pdf"}
    museum = json.loads(run(env, "failures", "--json", "--collection", "baotang").stdout)
    assert {f["key"] for f in museum} == {"baotang/phieu-b.pdf"}
    text = run(env, "failures").stdout
    assert "hotich/empty.pdf" in text and "bad_input" in text and "hotich/so-a.pdf page 1" in text

    s = status(env)
    assert s["failures"]["bad_input"]["objects"] == 1  # the ledger entry of the empty file
    assert s["failures"]["bug"]["documents"] == 2 and s["failures"]["bug"]["pages"] == 2
    # The queue gave up on the two OCR messages and the empty file's prepare: dead-lettered.
    assert s["queues"][q(env, "ocr")]["dead"] == 2, s["queues"]
    assert s["queues"][q(env, "prepare")]["dead"] == 1, s["queues"]
    assert "dead-lettered" in run(env, "status").stdout

    with running_worker(env):
        # Fix one document by retrying it, the other by replaying its dead-lettered message.
        out = run(env, "retry", a_doc["target"][:16]).stdout
        assert "queued 1 objects again" in out
        run(env, "wait", "--timeout", "240", timeout=300)
        assert doc_state(es, env, a_doc["doc_hash"])["state"] in ("indexed", "needs_review")
        assert doc_state(es, env, a_doc["doc_hash"])["attempts"] == 2

        out = run(env, "requeue-dead").stdout
        # Redis: the retried document's dead message was dropped by retry; RabbitMQ keeps it to replay (harmless).
        assert f"{q(env, 'prepare')}: 1 requeued" in out
        run(env, "wait", "--timeout", "240", timeout=300)
        b = [f for f in by_key["baotang/phieu-b.pdf"] if f["level"] == "document"][0]
        wait_until(lambda: doc_state(es, env, b["doc_hash"])["state"] in ("indexed", "needs_review"), timeout=120)

    s = status(env)
    assert set(s["failures"]) == {"bad_input"}, s["failures"]
    # The empty file failed again for the same reason and is dead again; nothing else is.
    assert s["queues"][q(env, "ocr")]["dead"] == 0 and s["queues"][q(env, "prepare")]["dead"] == 1
    listed = json.loads(run(env, "failures", "--json").stdout)
    assert [f["key"] for f in listed] == ["hotich/empty.pdf"]
    hist = [h["state"] for h in doc_state(es, env, b["doc_hash"])["history"]]
    assert "extracting" in hist and hist[-1] in ("indexed", "needs_review")
