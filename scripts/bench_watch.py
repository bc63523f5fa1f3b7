#!/usr/bin/env python3
"""Intake at province scale: bucket events against listing, at N objects in the bucket.

For each N (default 10,000 / 50,000 / 200,000), in a moto server of its own
(S3 and SQS on a free port, stopped afterwards) and its own index prefix on
the local stack's Elasticsearch and Redis:

1. fill the inbox with N 320-byte objects over three collections (plus two
   derived objects per 25 scans in the derived bucket, as workers write them);
2. reconciliation, first pass (everything new): seconds, S3 LIST requests,
   ledger requests, new objects recorded and queued per second;
3. reconciliation, steady pass (nothing new): seconds and requests;
4. events: with N objects in the bucket, ``sohoa events`` running, upload
   --paced objects at --rate per second and read each one's upload -> enqueue
   lag from its ledger entry (p50 / p95 / max), then --burst objects as fast
   as the uploader can, and time how fast the consumer records them.

Beside the figures: the limits of issue 19 (p95 <= 2 s, >= 2,000 objects/s),
and the per-object recording the watcher used before (a ledger read, create
and update per object, run on --old-sample objects of the same bucket), so
the ratio is measured in the same run.

    .venv/bin/python scripts/bench_watch.py --objects 10000 50000
    .venv/bin/python scripts/bench_watch.py --objects 200000 --paced 300 --burst 2000

The local stack must be up (Elasticsearch, Redis). Everything the benchmark
creates is removed afterwards.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.testing import read_stack_env  # noqa: E402

COLLECTIONS = ("hotich", "nguoicocong", "baotang")
BODY = bytes(range(256)) + bytes(64)  # 320 bytes; each object gets its own last bytes (distinct ETags)


def stack_env() -> dict[str, str]:
    return read_stack_env(ROOT / ".stack" / "env")


import logging  # noqa: E402

logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's server would log every request


class MotoInProcess:
    """moto's server (S3 + SQS) on a free port, in this process, so the bucket can be filled through
    moto's own backend: hundreds of thousands of objects in seconds instead of an hour of PUTs. Every
    request the measured code makes still goes over HTTP, as to any S3."""

    def __init__(self):
        from moto.server import ThreadedMotoServer
        from ingest.testing import free_port
        self.port = free_port()
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()
        self.url = f"http://127.0.0.1:{self.port}"

    def put_many(self, bucket: str, items) -> None:
        from moto.s3.models import s3_backends
        backend = s3_backends["123456789012"]["aws"]
        for key, body in items:
            backend.put_object(bucket, key, body, disable_notification=True)

    def stop(self) -> None:
        gc.unfreeze()
        self.server.stop()
        from moto.s3.models import s3_backends
        from moto.sqs.models import sqs_backends
        s3_backends["123456789012"]["aws"].reset()  # the next size starts from empty backends
        sqs_backends["123456789012"]["us-east-1"].reset()


def key_of(i: int, tag: str = "") -> str:
    c = COLLECTIONS[i % 3]
    return f"{c}/{tag}{i // 1000:04d}/scan-{i:07d}.pdf"


def fill(moto: "MotoInProcess", bucket: str, derived: str, n: int) -> float:
    started = time.monotonic()
    moto.put_many(bucket, ((key_of(i), BODY[:-8] + i.to_bytes(8, "big")) for i in range(n)))
    # A register's derived output (two objects per 25 scans), in its own bucket: never listed.
    moto.put_many(derived, ((f"{kind}/{i:064x}/00001.{ext}", b"derived") for i in range(0, n, 25)
                            for kind, ext in (("pages", "png"), ("ocr", "json"))))
    return time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def old_recording(ctx, sample: list, send) -> float:
    """The watcher's per-object recording before bulk: mget per 500, then create + send + update each."""
    from sohoa.clock import now_iso
    from ingest.state import ledger_id
    started = time.monotonic()
    for i in range(0, len(sample), 500):
        batch = sample[i:i + 500]
        ids = [ledger_id("old-" + ctx.bucket.name, ref.key, ref.etag) for ref in batch]
        ctx.state.ledger_entries(ids)
        for ref, lid in zip(batch, ids):
            ctx.state.create(ctx.state.ledger, lid, {"bucket": "old-" + ctx.bucket.name, "key": ref.key,
                                                     "etag": ref.etag, "size": ref.size, "status": "listed",
                                                     "listed_at": now_iso(), "updated_at": now_iso()})
            send(ref, lid)
            ctx.state.set_ledger(lid, status="enqueued", enqueued_at=now_iso())
    return len(sample) / (time.monotonic() - started)


def run_size(n: int, args, base_env: dict[str, str]) -> dict:
    run = uuid.uuid4().hex[:6]
    moto = MotoInProcess()
    endpoint = moto.url
    env = {**base_env, "SOHOA_S3_ENDPOINT": endpoint, "SOHOA_INDEX_PREFIX": f"benchwatch{run}",
           "SOHOA_BUCKET": f"bench-watch-{run}", "SOHOA_LOG_LEVEL": "WARNING"}
    os.environ.update(env)
    from sohoa.config import Config
    from ingest.stages import Context
    from indexers.client import ensure_indices
    config = Config.from_env(env)
    out: dict = {"objects": n, "load_at_start": round(os.getloadavg()[0], 1)}
    consumer = None
    import redis
    r = redis.Redis.from_url(env["SOHOA_BROKER_URL"])
    try:
        from sohoa.messages import MessageSender, make_broker
        sender = MessageSender(make_broker(env["SOHOA_BROKER_URL"]), config.index_prefix)
        send, send_many = sender.prepare, sender.prepare_many  # what sohoa watch sends through

        ctx = Context.from_config(config, send_prepare=send)
        ensure_indices(ctx.es, config)
        s3 = ctx.bucket.client
        s3.create_bucket(Bucket=config.bucket)
        s3.create_bucket(Bucket=config.derived_bucket)
        out["fill_seconds"] = round(fill(moto, config.bucket, config.derived_bucket, n), 1)
        # moto's objects (hundreds of thousands of them) live in this process; left to the garbage
        # collector, every collection walks them all while the recording is timed. A real S3 keeps its
        # objects elsewhere: freeze them out of collection.
        gc.freeze()
        print(f"[{n}] filled in {out['fill_seconds']} s", file=sys.stderr, flush=True)

        from ingest.watcher import scan_once
        if n <= args.reconcile_max:
            first = scan_once(ctx.bucket, ctx.state, send, send_many=send_many)
            out["first"] = {"seconds": first.seconds, "list_seconds": first.list_seconds, "listed": first.listed,
                            "queued": first.queued, "list_requests": first.list_requests,
                            "es_requests": first.es_requests,
                            "recorded_per_s": round(first.queued / max(1e-6, first.seconds - first.list_seconds))}
            print(f"[{n}] first reconciliation: {first}", file=sys.stderr, flush=True)
            ctx.es.indices.refresh(index=ctx.state.ledger)
            steady_times, steady = [], None
            for _ in range(args.steady_runs):
                steady = scan_once(ctx.bucket, ctx.state, send, send_many=send_many)
                steady_times.append(steady.seconds)
            out["steady"] = {"seconds": round(statistics.median(steady_times), 2), "runs": steady_times,
                             "list_seconds": steady.list_seconds, "list_requests": steady.list_requests,
                             "es_requests": steady.es_requests, "queued": steady.queued}
            print(f"[{n}] steady reconciliation: {steady}", file=sys.stderr, flush=True)
        else:
            # moto answers each LIST page in time proportional to the whole bucket: a listing of this
            # size would take hours here. The objects are recorded as a reconciliation records each
            # listed page (batches of 1,000, bulk), without the LIST requests.
            from ingest.ledger import Sighting, record_and_send
            from sohoa.storage import ObjectRef
            started, queued, requests = time.monotonic(), 0, 0
            for i in range(0, n, 1000):
                batch = [Sighting(ObjectRef(key_of(j), f"{j:032x}", 320)) for j in range(i, min(n, i + 1000))]
                rep = record_and_send(ctx.state, config.bucket, batch, send, "listing", send_many=send_many)
                queued, requests = queued + rep.queued, requests + rep.es_requests
            seconds = time.monotonic() - started
            out["first"] = {"seconds": round(seconds, 1), "list_seconds": 0.0, "listed": n, "queued": queued,
                            "list_requests": None, "es_requests": requests, "recorded_per_s": round(queued / seconds)}
            out["steady"] = None
            print(f"[{n}] recorded {queued} without listing in {seconds:.1f} s", file=sys.stderr, flush=True)

        # The watcher's old per-object recording, on a sample of this bucket (ledger entries of its own).
        sample = [ref for _, ref in zip(range(args.old_sample), ctx.bucket.list_scans())]
        out["old_recorded_per_s"] = round(old_recording(ctx, sample, send))

        # Events: notifications on, the real consumer in its own process.
        setup = subprocess.run([sys.executable, "-m", "sohoa.cli", "events", "--setup-only"], env={**os.environ, **env},
                               cwd=ROOT, capture_output=True, text=True)
        assert setup.returncode == 0, setup.stderr
        consumer = start_consumer(env)
        warm = key_of(0, "warm-up-")  # the consumer is running once it has queued this one
        s3.put_object(Bucket=config.bucket, Key=warm, Body=b"warm-up")
        wait_entries(ctx, [warm], timeout=120)
        paced_keys = [key_of(i, "paced-") for i in range(args.paced)]
        started = time.monotonic()
        for i, key in enumerate(paced_keys):
            s3.put_object(Bucket=config.bucket, Key=key, Body=BODY[:-8] + (10**9 + i).to_bytes(8, "big"))
            time.sleep(max(0.0, started + (i + 1) / args.rate - time.monotonic()))
        lags = wait_lags(ctx, paced_keys, timeout=120)
        out["events_paced"] = {"objects": len(paced_keys), "rate": args.rate, "recorded": len(lags),
                               "p50_ms": round(percentile(lags, 50)), "p95_ms": round(percentile(lags, 95)),
                               "max_ms": round(max(lags)) if lags else None}
        print(f"[{n}] events, paced: {out['events_paced']}", file=sys.stderr, flush=True)

        stop_consumer(consumer)
        consumer = None
        # A backlog, as MinIO's Redis target leaves it when the consumer was down: --burst object
        # creations (MinIO's access format) waiting on a Redis list. moto's SQS is no measure here: it
        # scans its whole queue on every receive (seconds per call with a thousand messages waiting).
        # The rate is the backlog over the time between the consumer's first and last enqueue.
        events_key = f"{config.index_prefix}-minio-events"
        pipe = r.pipeline(transaction=False)
        for i in range(args.burst):
            pipe.rpush(events_key, minio_event(config.bucket, key_of(i, "burst-"), f"{i:032x}", 320))
        pipe.execute()
        from ingest.ledger import iso, parse_time
        from datetime import datetime, timezone
        since = iso(datetime.now(timezone.utc))
        consumer = start_consumer({**env, "SOHOA_EVENTS_SOURCE": f"{env['SOHOA_BROKER_URL']}?key={events_key}"})
        # One count a second (the entries this consumer made), not a search per key: polling must not
        # load Elasticsearch while the consumer is measured.
        mine = {"bool": {"filter": [{"range": {"listed_at": {"gte": since}}}, {"term": {"source": "event"}},
                                    {"term": {"status": "enqueued"}}]}}
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            ctx.es.indices.refresh(index=ctx.state.ledger)
            if ctx.es.count(index=ctx.state.ledger, query=mine)["count"] >= args.burst:
                break
            time.sleep(1)
        aggs = ctx.es.search(index=ctx.state.ledger, size=0, query=mine, track_total_hits=True, aggs={
            "first": {"min": {"field": "enqueued_at"}}, "last": {"max": {"field": "enqueued_at"}}})
        recorded = aggs["hits"]["total"]["value"]
        first_at = parse_time(aggs["aggregations"]["first"]["value_as_string"]).timestamp()
        last_at = parse_time(aggs["aggregations"]["last"]["value_as_string"]).timestamp()
        spent = max(1e-3, last_at - first_at)
        out["events_burst"] = {"objects": args.burst, "recorded": recorded,
                               "first_to_last_enqueue_s": round(spent, 2), "recorded_per_s": round(recorded / spent)}
        r.delete(events_key, events_key + ":processing")
        print(f"[{n}] events, burst: {out['events_burst']}", file=sys.stderr, flush=True)
        out["load_at_end"] = round(os.getloadavg()[0], 1)
    finally:
        if consumer:
            stop_consumer(consumer)
        moto.stop()
        from elasticsearch import Elasticsearch
        Elasticsearch(env["SOHOA_ES_URL"]).indices.delete(index=f"{env['SOHOA_INDEX_PREFIX']}-*",
                                                          ignore_unavailable=True, allow_no_indices=True)
        for k in r.scan_iter(f"dramatiq:{env['SOHOA_INDEX_PREFIX']}-*"):
            r.delete(k)
    return out


def minio_event(bucket: str, key: str, etag: str, size: int) -> str:
    """One object creation as MinIO's Redis target pushes it (format=access)."""
    from urllib.parse import quote_plus
    from datetime import datetime, timezone
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    record = {"eventVersion": "2.0", "eventSource": "minio:s3", "awsRegion": "", "eventTime": now,
              "eventName": "s3:ObjectCreated:Put", "userIdentity": {"principalId": "sohoa"},
              "s3": {"s3SchemaVersion": "1.0", "configurationId": "Config",
                     "bucket": {"name": bucket, "ownerIdentity": {"principalId": "sohoa"},
                                "arn": f"arn:aws:s3:::{bucket}"},
                     "object": {"key": quote_plus(key), "size": size, "eTag": etag,
                                "contentType": "application/pdf", "sequencer": "180D8E5A3B5E9B7C"}}}
    return json.dumps([{"Event": [record], "EventTime": now}])


def start_consumer(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "sohoa.cli", "events"], env={**os.environ, **env}, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_consumer(proc: subprocess.Popen) -> None:
    from ingest.testing import stop_process
    stop_process(proc, timeout=30)


def wait_entries(ctx, keys: list[str], timeout: float) -> list[dict]:
    wanted = set(keys)
    deadline = time.monotonic() + timeout
    while True:
        ctx.es.indices.refresh(index=ctx.state.ledger)
        hits = []
        for i in range(0, len(keys), 1000):
            resp = ctx.es.search(index=ctx.state.ledger, size=1000, query={"bool": {"filter": [
                {"terms": {"key": keys[i:i + 1000]}}, {"term": {"status": "enqueued"}}]}},
                _source=["key", "enqueued_at", "enqueue_lag_ms", "uploaded_at"])
            hits += [h["_source"] for h in resp["hits"]["hits"]]
        if {h["key"] for h in hits} >= wanted or time.monotonic() > deadline:
            return hits
        time.sleep(1)


def wait_lags(ctx, keys: list[str], timeout: float) -> list[float]:
    return [e["enqueue_lag_ms"] for e in wait_entries(ctx, keys, timeout) if e.get("enqueue_lag_ms") is not None]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--objects", type=int, nargs="+", default=[10_000, 50_000, 200_000])
    ap.add_argument("--paced", type=int, default=300, help="objects uploaded one by one to measure event lag")
    ap.add_argument("--rate", type=float, default=20.0, help="paced uploads per second")
    ap.add_argument("--burst", type=int, default=10000, help="object creations waiting for the consumer (MinIO's "
                                                              "format on a Redis list) to measure its recording rate")
    ap.add_argument("--steady-runs", type=int, default=3)
    ap.add_argument("--reconcile-max", type=int, default=50_000,
                    help="largest bucket to list (moto's LIST slows with the bucket's size; above, only recording)")
    ap.add_argument("--old-sample", type=int, default=2000, help="objects recorded the old way, per size")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    base = stack_env()
    results = [run_size(n, args, base) for n in args.objects]
    print("\nobjects | first pass: s (of which LIST), LIST req, ledger req, new/s recorded | steady pass: s median "
          "(of which LIST), LIST req, ledger req | old per-object new/s | events paced p50/p95/max ms | "
          "events backlog new/s")
    for r in results:
        f, s, p, b = r["first"], r["steady"], r["events_paced"], r["events_burst"]
        steady = (f"{s['seconds']:.2f} ({s['list_seconds']:.2f}), {s['list_requests']}, {s['es_requests']}" if s
                  else "not listed")
        print(f"{r['objects']:>7} | {f['seconds']:.1f} ({f['list_seconds']:.1f}), {f['list_requests']}, "
              f"{f['es_requests']}, {f['recorded_per_s']} | {steady} | {r['old_recorded_per_s']} "
              f"| {p['p50_ms']}/{p['p95_ms']}/{p['max_ms']} | {b['recorded_per_s']}")
    print("limits (issue 19): event upload->enqueue p95 <= 2000 ms; recording >= 2000 new objects/s")
    print("load average (1 min) at the start / end of each size, on", os.cpu_count(), "cores: " + ", ".join(
        f"{r['objects']}: {r['load_at_start']} / {r.get('load_at_end')}" for r in results))
    for r in results:
        ratio = r["first"]["recorded_per_s"] / r["old_recorded_per_s"]
        print(f"  {r['objects']}: bulk recording {ratio:.1f}x the old per-object recording, same run")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
