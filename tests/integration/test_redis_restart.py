"""Delayed retries survive a Redis restart: none is left in a worker's acks set of a delay queue.

A worker holds each delayed message (a retry waiting for its backoff) in memory, while Redis keeps its
id in the worker's acks set of ``<queue>.DQ``; when the retry is due, the worker puts it back on its
queue. If Redis goes down just as a retry falls due, that put fails; the worker must still hand every
delayed message back once Redis is up again, or it stays in the acks set, counted as delayed, for as
long as the worker lives: a page never retried, and nothing the stalled-work check would ever resend.

The test runs a Redis of its own (the real server, with the append-only file the stack uses) so it can
restart it without disturbing anyone else's queues.
"""

from __future__ import annotations

import signal
import subprocess
import threading
import time
import uuid

import dramatiq
import pytest
import redis

from ingest.broker import make_broker
from ingest.recovery import RecoverDroppedMessages
from ingest.testing import free_port


class OwnRedis:
    def __init__(self, data_dir):
        self.port = free_port()
        self.dir = data_dir
        self.proc: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(["redis-server", "--bind", "127.0.0.1", "--port", str(self.port),
                                      "--dir", str(self.dir), "--appendonly", "yes", "--appendfsync", "everysec",
                                      "--save", ""], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port)
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        """As ``scripts/stack down redis`` stops it: SIGTERM, which writes the append-only file out."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=30)


@pytest.fixture
def own_redis(tmp_path):
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    server.stop()


def test_delayed_messages_due_while_redis_restarts_are_all_processed(own_redis):
    broker = make_broker(own_redis.url)
    broker.add_middleware(RecoverDroppedMessages())
    queue = f"restart-{uuid.uuid4().hex[:8]}"
    processed: set[int] = set()
    lock = threading.Lock()

    @dramatiq.actor(queue_name=queue, broker=broker, max_retries=0)
    def note(n: int) -> None:
        with lock:
            processed.add(n)

    worker = dramatiq.Worker(broker, worker_threads=2, worker_timeout=1000)
    worker.start()
    client = redis.Redis(port=own_redis.port)
    try:
        # Retries falling due every 50 ms from 2 s to 6 s from now; Redis goes down at 3 s for 2 s, so
        # some fall due while the worker's delay-queue consumer waits between two fetches and finds
        # Redis gone when it puts them back on their queue.
        count = 80
        sent_at = time.monotonic()
        for n in range(count):
            note.send_with_options(args=(n,), delay=2000 + 50 * n)
        held = f"dramatiq:__acks__.{broker.broker_id}.{queue}.DQ"
        deadline = time.monotonic() + 10
        while client.scard(held) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert client.scard(held) == count, "the worker did not take the delayed messages"
        time.sleep(max(0.0, sent_at + 3.0 - time.monotonic()))
        own_redis.stop()
        time.sleep(2.0)
        own_redis.start()

        deadline = time.monotonic() + 60
        while len(processed) < count and time.monotonic() < deadline:
            time.sleep(0.5)
        client = redis.Redis(port=own_redis.port)
        stuck = client.scard(held)
        assert sorted(set(range(count)) - processed) == [], f"{stuck} left in the delay queue's acks set"
        assert client.hlen(f"dramatiq:{queue}.DQ.msgs") == 0  # nothing counted as delayed any more
    finally:
        worker.stop(timeout=5000)


def test_a_message_dropped_without_a_reconnect_is_put_back_by_the_sweep(own_redis):
    """However a worker comes to forget a message it fetched, a sweep finds it unheld twice and puts it back."""
    broker = make_broker(own_redis.url)
    broker.add_middleware(RecoverDroppedMessages(sweep_every=1.0))
    queue = f"sweep-{uuid.uuid4().hex[:8]}"
    processed: list[int] = []

    @dramatiq.actor(queue_name=queue, broker=broker, max_retries=0)
    def note(n: int) -> None:
        processed.append(n)

    worker = dramatiq.Worker(broker, worker_threads=1, worker_timeout=1000)
    worker.start()
    try:
        # What a fetch does (the id moves from the queue to this worker's acks set), with no hand-over after.
        message = broker.enqueue(note.message(7).copy(queue_name=f"{queue}.DQ", options={"eta": 0}))
        client = redis.Redis(port=own_redis.port)
        redis_id = message.options["redis_message_id"]
        client.lrem(f"dramatiq:{queue}.DQ", 1, redis_id)
        client.sadd(f"dramatiq:__acks__.{broker.broker_id}.{queue}.DQ", redis_id)
        deadline = time.monotonic() + 30
        while not processed and time.monotonic() < deadline:
            time.sleep(0.2)
        assert processed == [7]
    finally:
        worker.stop(timeout=5000)
