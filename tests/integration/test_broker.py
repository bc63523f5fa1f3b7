"""Messages queued in bulk (one HSET and one RPUSH per queue) are the same to a worker as messages queued one
by one: each is processed once, on the real Redis."""

from __future__ import annotations

import threading
import time
import uuid

import dramatiq

from ingest.broker import enqueue_many, make_broker
from ingest.deadletter import queue_depths


def test_messages_queued_in_bulk_are_each_processed_once(stack_env):
    broker = make_broker(stack_env["SOHOA_BROKER_URL"])
    queue = f"bulk-{uuid.uuid4().hex[:8]}"
    seen: list[int] = []
    lock = threading.Lock()

    @dramatiq.actor(queue_name=queue, broker=broker, max_retries=0)
    def note(n: int) -> None:
        with lock:
            seen.append(n)

    enqueue_many(broker, [note.message(n) for n in range(500)])
    assert queue_depths(broker, (queue,))[queue]["waiting"] == 500
    worker = dramatiq.Worker(broker, worker_threads=4, worker_timeout=500)
    worker.start()
    try:
        deadline = time.monotonic() + 60
        while len(seen) < 500 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(0.5)  # anything processed twice would show now
        assert sorted(seen) == list(range(500))
    finally:
        worker.stop(timeout=5000)
        broker.client.delete(f"{broker.namespace}:{queue}", f"{broker.namespace}:{queue}.msgs")
