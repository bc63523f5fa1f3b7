"""A worker's heartbeat record says "idle" soon after its last message, not a beat interval later
(on the real Elasticsearch): `sohoa status` on an idle stack showed a worker "busy 1"."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from dramatiq import Message

from ingest import heartbeat
from ingest.heartbeat import WorkerHeartbeat
from ingest.state import worker_name

# Long enough that no regular beat falls inside a test: whatever the record shows came from going idle.
INTERVAL = 600.0


@pytest.fixture
def beating(es, jobs):
    mw = WorkerHeartbeat(lambda: es, jobs, interval=INTERVAL)
    broker = SimpleNamespace(get_declared_queues=lambda: {"x-ocr"})
    worker = SimpleNamespace(consumer_whitelist=None)
    mw.after_worker_boot(broker, worker)
    yield mw, broker, worker
    if not mw.stop.is_set():
        mw.before_worker_shutdown(broker, worker)


def message(page: int) -> Message:
    return Message(queue_name="x-ocr", actor_name="ocr_pages", args=("ab" * 32, page, page + 7), kwargs={},
                   options={})


def record(es, jobs: str) -> tuple[dict, int]:
    got = es.get(index=jobs, id=f"worker:{worker_name()}")
    return got["_source"], got["_version"]


def wait_for(check, seconds: float = 10.0):
    """Polls ``check`` until it returns something true, or fails after ``seconds`` (far less than INTERVAL)."""
    deadline = time.monotonic() + seconds
    while True:
        got = check()
        if got or time.monotonic() > deadline:
            return got
        time.sleep(0.1)


def test_a_worker_that_finishes_its_last_message_is_recorded_idle_without_waiting_for_its_next_beat(es, jobs, beating):
    mw, broker, _ = beating
    wait_for(lambda: es.exists(index=jobs, id=f"worker:{worker_name()}"))
    msg = message(1)
    mw.before_process_message(broker, msg)
    mw.beat()  # a regular beat that falls while the message is being processed
    assert record(es, jobs)[0]["busy"] == 1

    mw.after_process_message(broker, msg)

    src = wait_for(lambda: (r := record(es, jobs)[0])["busy"] == 0 and r)
    assert src and src["busy"] == 0 and src["current"] == [] and src["state"] == "alive"


def test_a_steady_stream_of_messages_writes_no_more_beats(es, jobs, beating):
    mw, broker, _ = beating
    wait_for(lambda: es.exists(index=jobs, id=f"worker:{worker_name()}"))
    first = message(1)
    mw.before_process_message(broker, first)
    mw.beat()
    _, version = record(es, jobs)
    # The next message is taken at once: the worker was never idle for long enough to say so.
    mw.after_process_message(broker, first)
    second = message(9)
    mw.before_process_message(broker, second)
    time.sleep(heartbeat.IDLE_GRACE + 1.0)
    src, version_after = record(es, jobs)
    assert version_after == version and src["busy"] == 1
    mw.after_process_message(broker, second)
    assert wait_for(lambda: record(es, jobs)[0]["busy"] == 0)


def test_a_stopped_worker_is_recorded_stopped_last(es, jobs, beating):
    mw, broker, worker = beating
    wait_for(lambda: es.exists(index=jobs, id=f"worker:{worker_name()}"))
    mw.before_worker_shutdown(broker, worker)
    assert not mw.thread.is_alive()  # nothing left that could write "alive" after "stopped"
    assert record(es, jobs)[0]["state"] == "stopped"
