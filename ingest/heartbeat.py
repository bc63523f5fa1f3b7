"""Worker heartbeats: which workers are alive and what each one holds.

Every worker process writes one record (``kind: worker``, id
``worker:{host}:{pid}``) into the jobs index every few seconds: when it last
beat, how many messages it is processing and how many delayed retries it holds
in memory. This works the same with Redis and RabbitMQ, and it gives RabbitMQ
the two counts its queues cannot report: messages taken by a worker (unacked)
and delayed messages a worker holds until their time comes.

A worker process that is gone leaves its record behind, and a deployment runs
many processes over time (every restart, every scale-up), so left alone the
records would pile up in the jobs index. Only live workers' records are ever
read (``sohoa status`` asks for those that beat within ``ALIVE_WITHIN``;
nothing adds up the counts of gone ones), so a record not written for
``EXPIRE_AFTER`` is simply deleted, by whichever worker looks first (every
``EXPIRE_EVERY`` seconds). The delete is guarded by the sequence number the
record was found at: a worker that beat again in between keeps its record.

A record is a snapshot, so between beats it can say "busy" of a worker that
has finished: the last message of a batch ends just after a beat, and
``sohoa status`` would show the idle worker busy for up to ``INTERVAL``
seconds (and for ``ALIVE_WITHIN`` if it was then stopped). So a worker that
goes idle beats again ``IDLE_GRACE`` later, unless it has taken the next
message by then (a steady stream of messages writes no more records than
before), and the "stopped" record is written by the beating thread itself,
after its last "alive" one, never beside it.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timedelta, timezone

from dramatiq.common import q_name
from elasticsearch import ConflictError, NotFoundError
from dramatiq.middleware import Middleware

from sohoa.clock import now_iso

from .state import worker_name

log = logging.getLogger(__name__)

INTERVAL = 10.0      # seconds between beats
ALIVE_WITHIN = 45.0  # a worker not heard from for this long is considered gone
EXPIRE_AFTER = 3600.0  # seconds without a beat after which a worker's record is deleted
EXPIRE_EVERY = 600.0  # seconds between a running worker's look for gone workers' records
EXPIRE_BATCH = 500  # records deleted per look at most
IDLE_GRACE = 1.0  # seconds a worker that went idle waits for its next message before saying it is idle


class WorkerHeartbeat(Middleware):
    def __init__(self, get_es, jobs_index: str, interval: float = INTERVAL):
        self.get_es = get_es  # called in the worker process: clients are not fork-safe
        self.jobs_index = jobs_index
        self.interval = interval
        self.lock = threading.Lock()
        self.busy: dict[str, dict] = {}
        self.delayed: dict[str, tuple[float, str]] = {}  # message id -> (eta in epoch ms, queue)
        self.processed = 0
        self.errors = 0
        self.queues: list[str] = []
        self.started_at = now_iso()
        self.stop = threading.Event()
        # Set when the worker goes idle (or stops): the beating thread looks again before its interval is up.
        self.nudge = threading.Event()
        self.written_busy = 0  # the busy count of the last record written
        self.thread: threading.Thread | None = None

    # -- dramatiq hooks ---------------------------------------------------
    def after_worker_boot(self, broker, worker):
        self.queues = sorted(q for q in getattr(worker, "consumer_whitelist", None) or broker.get_declared_queues()
                             if not q.endswith((".DQ", ".XQ")))
        self.thread = threading.Thread(target=self._run, name="sohoa-heartbeat", daemon=True)
        self.thread.start()

    def before_worker_shutdown(self, broker, worker):
        self.stop.set()
        self.nudge.set()
        if self.thread is not None and self.thread.is_alive():
            # The beating thread writes "stopped" after its last "alive": a beat of its own in flight
            # now must not land after ours and make a gone worker look alive.
            self.thread.join(timeout=30)
        else:
            self.beat(state="stopped")

    def before_delay_message(self, broker, message):
        with self.lock:
            self.delayed[message.message_id] = (float(message.options.get("eta", 0)), q_name(message.queue_name))

    def before_process_message(self, broker, message):
        with self.lock:
            self.delayed.pop(message.message_id, None)
            self.busy[message.message_id] = {"actor": message.actor_name, "queue": q_name(message.queue_name),
                                             "since": now_iso(),
                                             **_safe_args(message.actor_name, tuple(message.args))}

    def after_process_message(self, broker, message, *, result=None, exception=None):
        with self.lock:
            self.busy.pop(message.message_id, None)
            self.processed += 1
            if exception is not None:
                self.errors += 1
            idle = not self.busy
        if idle:
            self.nudge.set()

    def after_skip_message(self, broker, message):
        with self.lock:
            self.busy.pop(message.message_id, None)
            idle = not self.busy
        if idle:
            self.nudge.set()

    # -- the beat ---------------------------------------------------------
    def snapshot(self, state: str = "alive") -> dict:
        now_ms = time.time() * 1000
        name = worker_name()
        with self.lock:
            # A delayed message leaves the worker's memory when its eta passes.
            self.delayed = {k: v for k, v in self.delayed.items() if v[0] > now_ms - 60_000}
            counts: dict[str, dict[str, int]] = {}
            for eta, queue in self.delayed.values():
                if eta > now_ms:
                    counts.setdefault(queue, {"busy": 0, "held": 0})["held"] += 1
            for item in self.busy.values():
                counts.setdefault(item["queue"], {"busy": 0, "held": 0})["busy"] += 1
            held = sum(c["held"] for c in counts.values())
            return {"kind": "worker", "worker": name, "host": name.rsplit(":", 1)[0], "pid": int(name.rsplit(":", 1)[1]),
                    "state": state, "queues": self.queues, "busy": len(self.busy), "held_delayed": held,
                    "processed": self.processed, "errors": self.errors, "current": list(self.busy.values())[:20],
                    "queue_counts": counts,
                    "started_at": self.started_at, "heartbeat_at": now_iso(), "updated_at": now_iso()}

    def beat(self, state: str = "alive") -> None:
        doc = self.snapshot(state)
        try:
            self.get_es().index(index=self.jobs_index, id=f"worker:{doc['worker']}", document=doc)
            self.written_busy = doc["busy"]
        except Exception as exc:  # never let bookkeeping stop the worker
            log.warning("heartbeat not written: %s", type(exc).__name__)

    def _idle_but_recorded_busy(self) -> bool:
        with self.lock:
            return not self.busy and self.written_busy > 0

    def _run(self) -> None:
        next_expiry = 0.0
        next_beat = 0.0
        while not self.stop.is_set():
            if time.monotonic() >= next_beat or self._idle_but_recorded_busy():
                self.beat()
                next_beat = time.monotonic() + self.interval
            if time.monotonic() >= next_expiry:
                next_expiry = time.monotonic() + EXPIRE_EVERY
                try:
                    expire_gone_workers(self.get_es(), self.jobs_index)
                except Exception as exc:  # never let bookkeeping stop the worker
                    log.warning("gone workers' records not expired: %s", type(exc).__name__)
            if self.nudge.wait(max(0.0, next_beat - time.monotonic())):
                self.nudge.clear()
                # Gone idle: give the next message a moment to arrive, so a steady stream adds no beats.
                self.stop.wait(IDLE_GRACE)
        self.beat(state="stopped")


def expire_gone_workers(es, jobs_index: str, now: datetime | None = None,
                        after: float = EXPIRE_AFTER) -> int:
    """Delete the records of workers that have not beaten for ``after`` seconds; how many were deleted."""
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(seconds=after)
    resp = es.search(index=jobs_index, size=EXPIRE_BATCH, seq_no_primary_term=True, _source=False,
                     query={"bool": {"filter": [{"term": {"kind": "worker"}},
                                                {"range": {"heartbeat_at": {"lt": cutoff.isoformat()}}}]}})
    deleted = 0
    for hit in resp["hits"]["hits"]:
        try:
            es.delete(index=jobs_index, id=hit["_id"], if_seq_no=hit["_seq_no"],
                      if_primary_term=hit["_primary_term"])
            deleted += 1
        except (ConflictError, NotFoundError):
            continue  # it beat again since (it is alive), or another worker deleted it first
    return deleted


def _safe_args(actor: str, args: tuple) -> dict:
    """What a worker is busy with, by hash and page only (keys may carry personal names)."""
    if actor == "ocr_page" and len(args) == 2:
        return {"doc_hash": args[0], "page": args[1]}
    if actor == "ocr_pages" and len(args) == 3:
        return {"doc_hash": args[0], "page": args[1], "last_page": args[2]}
    if actor == "index_document" and args:
        return {"doc_hash": args[0]}
    return {}
