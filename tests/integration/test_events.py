"""Bucket events through the real stack: moto's S3 delivers each upload to its SQS, 'sohoa events' takes it.

Each test works in a namespace of its own (index prefix, so its own queues;
inbox bucket; event queue), so messages one test leaves can never be taken
for another's.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid

import boto3
import pytest
from elasticsearch import Elasticsearch

from ingest.testing import remove_namespace, stop_process, text_pdf, worker_process

from .conftest import ROOT, s3, sohoa

pytestmark = pytest.mark.integration

KEY = "hotich/1975/Sổ khai sinh xã Phú Chánh (bản 2)+1.pdf"


@pytest.fixture
def ev(stack_env):
    """A fresh namespace whose inbox sends its object creations to its own SQS queue."""
    run = uuid.uuid4().hex[:6]
    env = {**stack_env, "SOHOA_INDEX_PREFIX": f"{stack_env['SOHOA_INDEX_PREFIX']}ev{run}",
           "SOHOA_BUCKET": f"{stack_env['SOHOA_BUCKET']}-ev{run}", "SOHOA_EVENTS_VISIBILITY": "2"}
    s3(env).create_bucket(Bucket=env["SOHOA_BUCKET"])
    assert sohoa(env, "index", "setup").returncode == 0
    done = sohoa(env, "events", "--setup-only")
    assert done.returncode == 0, done.stderr
    drop_events(env)  # the s3:TestEvent the setup caused: these tests count uploads
    yield env
    remove_namespace(env)


def sqs(env):
    return boto3.client("sqs", endpoint_url=env["SOHOA_S3_ENDPOINT"], region_name="us-east-1",
                        aws_access_key_id=env.get("SOHOA_S3_ACCESS_KEY", "sohoa"),
                        aws_secret_access_key=env.get("SOHOA_S3_SECRET_KEY", "sohoa-secret"))


def queue_url(env) -> str:
    return sqs(env).get_queue_url(QueueName=f"{env['SOHOA_INDEX_PREFIX']}-events")["QueueUrl"]


def drop_events(env) -> None:
    """Take every waiting event off the queue without handling it (SQS allows one purge a minute)."""
    client, url = sqs(env), queue_url(env)
    while True:
        got = client.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0).get("Messages", [])
        if not got:
            return
        client.delete_message_batch(QueueUrl=url, Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                                                           for i, m in enumerate(got)])


def events_left(env) -> int:
    attrs = sqs(env).get_queue_attributes(QueueUrl=queue_url(env), AttributeNames=[
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])["Attributes"]
    return int(attrs["ApproximateNumberOfMessages"]) + int(attrs["ApproximateNumberOfMessagesNotVisible"])


def status(env) -> dict:
    out = sohoa(env, "status", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def prepare_messages(env) -> int:
    """Messages waiting in the namespace's prepare queue (no worker runs in these tests)."""
    q = status(env)["queues"][f"{env['SOHOA_INDEX_PREFIX']}-prepare"]
    return q["waiting"] + q["in_progress"]


def ledger(env) -> list[dict]:
    es = Elasticsearch(env["SOHOA_ES_URL"])
    index = f"{env['SOHOA_INDEX_PREFIX']}-ledger"
    es.indices.refresh(index=index)
    return [h["_source"] for h in es.search(index=index, size=100)["hits"]["hits"]]


def put(env, key: str, data: bytes) -> None:
    s3(env).put_object(Bucket=env["SOHOA_BUCKET"], Key=key, Body=data)


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_an_event_gets_a_scan_indexed_without_any_listing(ev):
    with worker_process(ev) as _, events_process(ev):
        put(ev, KEY, text_pdf(["GIẤY KHAI SINH", "Họ và tên: Lương Thế Vinh Hào"]))
        entry = wait_for(lambda: next((e for e in ledger(ev) if e["status"] not in ("listed", "enqueued", "preparing")),
                                      None), 120, "the scan to be processed")
        assert sohoa(ev, "wait", "--timeout", "120").returncode == 0
    assert entry["key"] == KEY  # the URL-encoded key of the event, decoded exactly
    assert entry["source"] == "event" and entry["enqueue_lag_ms"] >= 0
    found = json.loads(sohoa(ev, "search", "--json", "luong the vinh hao").stdout)
    assert found["total"] == 1 and found["hits"][0]["key"] == KEY
    s = status(ev)
    assert s["intake"]["events"]["queued"] == 1
    assert s["intake"]["last_reconciliation"] is None  # no listing was involved
    assert s["intake"]["lag_last_hour"]["count"] == 1
    assert events_left(ev) == 0


def test_a_lost_event_is_caught_by_reconciliation(ev):
    put(ev, "nguoicocong/ho-so-0457.pdf", text_pdf(["Hồ sơ liệt sĩ"]))
    wait_for(lambda: events_left(ev), 10, "the event to arrive")
    drop_events(ev)  # the event is lost
    listed = sohoa(ev, "watch", "--once")
    assert listed.returncode == 0, listed.stderr
    assert "queued 1 new" in listed.stdout, listed.stdout
    [entry] = ledger(ev)
    assert entry["source"] == "listing" and entry["status"] == "enqueued"
    assert status(ev)["intake"]["last_reconciliation"]["queued"] == 1
    assert prepare_messages(ev) == 1


def test_a_duplicated_event_and_a_listing_queue_once(ev):
    put(ev, KEY, text_pdf(["Sổ khai sinh"]))
    client, url = sqs(ev), queue_url(ev)
    [original] = wait_for(lambda: client.receive_message(QueueUrl=url, WaitTimeSeconds=1).get("Messages"), 10,
                          "the event")
    for _ in range(2):  # S3 delivers at least once: the same event again, twice
        client.send_message(QueueUrl=url, MessageBody=original["Body"])
    client.change_message_visibility(QueueUrl=url, ReceiptHandle=original["ReceiptHandle"], VisibilityTimeout=0)
    consumed = sohoa(ev, "events", "--idle-exit", "3")
    assert consumed.returncode == 0, consumed.stderr
    assert "3 received, 1 queued, 0 re-sent, 2 already recorded" in consumed.stdout, consumed.stdout
    listed = sohoa(ev, "watch", "--once")
    assert "queued 0 new, re-sent 0" in listed.stdout, listed.stdout
    assert prepare_messages(ev) == 1
    assert events_left(ev) == 0


# Runs the real consumer on the real stack and kills its own process (SIGKILL, nothing runs after it) at
# one point of handling a batch: before recording, after the ledger entry is created but before the
# message is sent, or after sending but before the event is acknowledged.
KILLED = """
import os, signal, sys
import ingest.consumer as consumer
from ingest.control import Control
from ingest.event_sources import open_source
from sohoa.config import Config
point = sys.argv[1]
ctx = Control.from_config(Config.from_env())  # what sohoa events sends through
source = open_source(ctx.config)
send = ctx.send_prepare
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if point == "before-record":
    consumer.record_and_send = die
elif point == "before-send":
    send = die
elif point == "before-ack":
    source.ack = die
consumer.EventConsumer(source, ctx.bucket, ctx.state, send).handle_once(10)
print("not killed")
"""


@pytest.mark.parametrize("point", ["before-record", "before-send", "before-ack"])
def test_a_consumer_killed_between_reading_and_acknowledging_loses_nothing(ev, point):
    put(ev, KEY, text_pdf(["Sổ khai sinh"]))
    wait_for(lambda: events_left(ev), 10, "the event to arrive")
    killed = subprocess.run([sys.executable, "-c", KILLED, point], env=ev, cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert killed.returncode == -9, (killed.returncode, killed.stdout, killed.stderr)
    assert events_left(ev) == 1  # read but never acknowledged
    with events_process(ev):
        wait_for(lambda: [e for e in ledger(ev) if e["status"] == "enqueued"], 60, "the object to be queued")
        wait_for(lambda: events_left(ev) == 0, 60, "the event to be acknowledged")
    [entry] = ledger(ev)
    assert entry["key"] == KEY
    assert prepare_messages(ev) == 1  # queued once: not lost, not doubled


class events_process:
    """'sohoa events' running in its own process, stopped on leaving."""

    def __init__(self, env):
        self.env = env

    def __enter__(self):
        self.proc = subprocess.Popen([sys.executable, "-m", "sohoa.cli", "events"], env=self.env, cwd=ROOT,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return self.proc

    def __exit__(self, *exc):
        stop_process(self.proc, timeout=15)


def minio_access_event(bucket: str, key: str, etag: str, size: int) -> str:
    """An object creation as MinIO's Redis target pushes it (format=access; key URL-encoded)."""
    from urllib.parse import quote_plus
    record = {"eventVersion": "2.0", "eventSource": "minio:s3", "awsRegion": "", "eventTime": "2026-12-04T09:15:02.412Z",
              "eventName": "s3:ObjectCreated:Put", "userIdentity": {"principalId": "sohoa"},
              "s3": {"s3SchemaVersion": "1.0", "configurationId": "Config",
                     "bucket": {"name": bucket, "ownerIdentity": {"principalId": "sohoa"}, "arn": f"arn:aws:s3:::{bucket}"},
                     "object": {"key": quote_plus(key), "size": size, "eTag": etag, "contentType": "application/pdf",
                                "sequencer": "180D8E5A3B5E9B7C"}},
              "source": {"host": "172.18.0.1", "port": "", "userAgent": "MinIO (linux; amd64) minio-go/v7.0.70"}}
    return json.dumps([{"Event": [record], "EventTime": record["eventTime"]}])


@pytest.mark.parametrize("killed_before_ack", [False, True])
def test_minio_events_from_a_redis_list(ev, killed_before_ack):
    import redis
    r = redis.Redis.from_url(ev["SOHOA_BROKER_URL"])
    key = f"{ev['SOHOA_INDEX_PREFIX']}-minio-events"
    env = {**ev, "SOHOA_EVENTS_SOURCE": f"{ev['SOHOA_BROKER_URL']}?key={key}"}
    try:
        event = minio_access_event(ev["SOHOA_BUCKET"], KEY, "5d41402abc4b2a76b9719d911017c592", 48213)
        r.rpush(key, event, event)  # delivered twice
        if killed_before_ack:
            killed = subprocess.run([sys.executable, "-c", KILLED, "before-ack"], env=env, cwd=ROOT,
                                    capture_output=True, text=True, timeout=120)
            assert killed.returncode == -9, (killed.returncode, killed.stderr)
            assert r.llen(key + ":processing") == 2  # taken, never acknowledged
        consumed = sohoa(env, "events", "--idle-exit", "3")
        assert consumed.returncode == 0, consumed.stderr
        assert r.llen(key) == 0 and r.llen(key + ":processing") == 0
        [entry] = ledger(ev)
        assert (entry["key"], entry["etag"], entry["size"], entry["status"]) == (
            KEY, "5d41402abc4b2a76b9719d911017c592", 48213, "enqueued")
        assert prepare_messages(ev) == 1
    finally:
        r.delete(key, key + ":processing")
