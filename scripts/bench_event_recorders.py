#!/usr/bin/env python3
"""The event consumer's backlog rate with one batch recorded at a time against two at once, side by side.

Each round puts --events object creations (MinIO's format) on a Redis list of its own, runs the real
``EventConsumer`` over it until the list is empty, once with ``RECORDERS = 1`` and once with 2, and
prints events recorded and queued per second (medians over --rounds rounds, alternating). The ledger is on
the local stack's Elasticsearch, the messages go to its Redis, under an index prefix of the run's own,
removed afterwards.

    .venv/bin/python scripts/bench_event_recorders.py --events 8000 --rounds 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=8000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from bench_watch import key_of, minio_event, stack_env
    run = uuid.uuid4().hex[:6]
    env = {**stack_env(), "SOHOA_INDEX_PREFIX": f"benchrec{run}", "SOHOA_BUCKET": f"bench-rec-{run}",
           "SOHOA_LOG_LEVEL": "WARNING"}
    os.environ.update(env)
    import dramatiq
    import redis

    import ingest.consumer as consumer_module
    from indexers.client import ensure_indices
    from ingest.broker import enqueue_many, make_broker
    from ingest.consumer import EventConsumer
    from ingest.event_sources import RedisListSource
    from ingest.stages import Context
    from sohoa.config import Config

    config = Config.from_env(env)
    ctx = Context.from_config(config, send_prepare=None)
    ensure_indices(ctx.es, config)
    broker = make_broker(env["SOHOA_BROKER_URL"])
    queue = f"{config.index_prefix}-prepare"
    broker.declare_queue(queue)

    def send_many(items):  # what ingest.actors.send_prepare_many does
        enqueue_many(broker, [dramatiq.Message(queue_name=queue, actor_name="prepare_document",
                                               args=(config.bucket, ref.key, ref.etag, ref.size, lid), kwargs={},
                                               options={}) for ref, lid in items])

    r = redis.Redis.from_url(env["SOHOA_BROKER_URL"])
    rates: dict[int, list[float]] = {1: [], 2: []}
    first = 0
    try:
        for n in range(args.rounds):
            for recorders in (1, 2):
                key = f"{config.index_prefix}-events-{n}-{recorders}"
                pipe = r.pipeline(transaction=False)
                for i in range(first, first + args.events):
                    pipe.rpush(key, minio_event(config.bucket, key_of(i, "burst-"), f"{i:032x}", 320))
                pipe.execute()
                first += args.events
                consumer_module.RECORDERS = recorders
                c = EventConsumer(RedisListSource(r, key), ctx.bucket, ctx.state, send=None, send_many=send_many)
                c.write_stats = lambda force=False: None  # counters are not what is measured
                started = time.monotonic()
                c.run(idle_exit=1.0, wait=1.0)
                rates[recorders].append(args.events / (time.monotonic() - started - 1.0))  # less the idle second
                r.delete(key, key + ":processing")
                print(f"round {n + 1}, {recorders} recorder(s): {rates[recorders][-1]:.0f} events/s", file=sys.stderr)
    finally:
        ctx.es.indices.delete(index=f"{config.index_prefix}-*", ignore_unavailable=True, allow_no_indices=True)
        for k in r.scan_iter(f"dramatiq:{config.index_prefix}-*"):
            r.delete(k)
    one, two = statistics.median(rates[1]), statistics.median(rates[2])
    print(f"events recorded and queued per second, median of {args.rounds} ({args.events} events each), "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores:")
    print(f"  one batch at a time: {one:.0f}   two at once: {two:.0f}   ratio {two / one:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
