#!/usr/bin/env python3
"""Time 'sohoa status' over 100,000 recorded documents.

Bulk-indexes synthetic job records (documents in every state, two pages each,
failures with reasons, ledger entries) into a prefix of their own, then times
the status collection in-process and the 'sohoa status' command end to end.

    .venv/bin/python scripts/bench_status.py [--documents 100000] [--keep]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from elasticsearch import helpers  # noqa: E402

from sohoa.config import Config  # noqa: E402

STATES = [("indexed", 70), ("needs_review", 10), ("failed", 5), ("ocr", 8), ("received", 3), ("indexing", 2),
          ("rasterizing", 2)]
REASONS = ["bad_input", "limit_exceeded", "timeout", "dependency_unavailable", "bug"]


def records(n: int, bucket: str):
    rng = random.Random(7)
    now = datetime.now(timezone.utc)
    states = [s for s, w in STATES for _ in range(w)]
    for i in range(n):
        h = uuid.UUID(int=rng.getrandbits(128)).hex * 2
        state = rng.choice(states)
        at = (now - timedelta(seconds=rng.randint(0, 7200))).isoformat(timespec="milliseconds")
        doc = {"kind": "document", "doc_hash": h, "bucket": bucket, "key": f"hotich/{i:06d}.pdf",
               "keys": [f"hotich/{i:06d}.pdf"], "etag": h[:32], "size": 100000, "collection": "hotich",
               "state": state, "attempts": 1, "pages_total": 2, "pages_count_done": 2 if state != "ocr" else 1,
               "pages_count_failed": 0, "received_at": at, "updated_at": at, "worker": "bench:1",
               "history": [{"state": state, "at": at}], "stage_seconds": {"ocr": rng.random() * 60}}
        if state == "failed":
            doc.update(reason=rng.choice(REASONS), message="synthetic failure")
        if state in ("indexed", "needs_review", "failed"):
            doc["finished_at"] = at
        yield {"_index": "jobs", "_id": f"doc:{h}", "_source": doc}
        for p in (1, 2):
            pstate = "done" if state != "ocr" or p == 1 else "queued"
            page = {"kind": "page", "doc_hash": h, "page": p, "state": pstate, "attempts": 1, "updated_at": at,
                    "seconds": rng.random() * 20, "stage_seconds": {"ocr": rng.random() * 20}}
            if pstate == "done":
                page["finished_at"] = at
            yield {"_index": "jobs", "_id": f"page:{h}:{p:05d}", "_source": page}
        yield {"_index": "ledger", "_id": h[:40], "_source": {
            "bucket": bucket, "key": doc["key"], "etag": doc["etag"], "size": 100000, "collection": "hotich",
            "status": "failed" if state == "failed" else "prepared", "doc_hash": h, "updated_at": at,
            **({"reason": doc["reason"], "message": "synthetic failure"} if state == "failed" else {})}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", action="store_true", help="keep the indices afterwards")
    args = ap.parse_args()
    prefix = f"benchstatus{uuid.uuid4().hex[:6]}"
    env = {**os.environ, "SOHOA_INDEX_PREFIX": prefix, "SOHOA_LOG_LEVEL": "WARNING"}
    os.environ.update(env)
    config = Config.from_env()
    from indexers.client import ensure_indices, make_client
    es = make_client(config)
    ensure_indices(es, config)
    names = {"jobs": config.index("jobs"), "ledger": config.index("ledger")}
    try:
        t0 = time.perf_counter()
        actions = ({**a, "_index": names[a["_index"]]} for a in records(args.documents, config.bucket))
        ok, _ = helpers.bulk(es, actions, chunk_size=5000, request_timeout=120, stats_only=True)
        es.indices.refresh(index=",".join(names.values()))
        print(f"indexed {ok} records ({args.documents} documents) in {time.perf_counter() - t0:.1f} s")

        from ingest.control import Control
        from ingest.status import collect_status
        ctx = Control.from_config(config)
        collect_status(ctx)  # warm-up
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            s = collect_status(ctx)
            times.append(time.perf_counter() - t)
        assert sum(s["documents"].values()) >= args.documents, s["documents"]
        print(f"collect_status (in process, with refresh): median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms over {args.runs} runs")
        cmd = [sys.executable, "-m", "sohoa.cli", "status"]
        wall = []
        for _ in range(args.runs):
            t = time.perf_counter()
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
            wall.append(time.perf_counter() - t)
            assert out.returncode == 0, out.stderr
        print(f"'sohoa status' command (process start to exit): median {statistics.median(wall):.2f} s, "
              f"max {max(wall):.2f} s over {args.runs} runs")
        print(out.stdout.splitlines()[2])
    finally:
        if not args.keep:
            es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
