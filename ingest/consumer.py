"""``sohoa events``: take bucket events, record and queue each new object, then acknowledge.

Load (a batch of messages) -> compute (``events.parse_message``: which object
versions of the inbox they announce) -> record (``ledger.record_and_send``:
the very entry a listing would write, so events and reconciliations never
queue one object twice) -> acknowledge. Acknowledging last is what makes a
crash harmless: a consumer killed anywhere before it leaves its messages
unacknowledged, they are delivered again, and the ledger turns the second
handling into a no-op (or a re-send of a message that never went out).

Messages that are not bucket events are counted as rejected and acknowledged
(they would come back forever otherwise); the log says how many and why, never
their content, which may name a key.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Callable

from . import event_counters
from .events import BadEvent, BucketEvent, parse_message
from .ledger import RESEND_AFTER, SendMany, Sighting, iso, record_and_send
from .state import StateStore, ledger_id, worker_name
from sohoa.storage import Bucket, ObjectRef

log = logging.getLogger(__name__)

STATS_EVERY = 5.0  # seconds between writes of the consumer's counters for 'sohoa status'
RECEIVE_LIMIT = 10  # messages per receive in the threaded loop: one SQS call, handed over at once
MAX_BATCH = 500  # messages recorded together at most (one multi-get, one bulk create, one bulk update)
MAX_BUFFERED = 64  # receive results waiting for the recorder; receivers wait beyond that
# Batches recorded at once: while one waits for Elasticsearch or the broker, the next is read and written,
# so a backlog is recorded at about twice the rate of one batch after another.
RECORDERS = 2


@dataclass
class EventStats:
    messages: int = 0
    received: int = 0  # object creations announced, whatever became of them
    queued: int = 0
    resent: int = 0
    duplicates: int = 0  # already in the ledger: a duplicated event, or a listing got there first
    ignored: int = 0  # another bucket, derived output, folder placeholders, removals
    rejected: int = 0  # not a bucket event at all
    unsettled: int = 0  # left for redelivery: another sender was still between recording and sending
    started_at: str = ""
    last_event_at: str | None = None
    last_batch_at: str | None = None
    source: str = ""


def select(events: list[BucketEvent], bucket: Bucket) -> tuple[list[Sighting], int]:
    """(sightings of the inbox's scans, how many events were about something else)."""
    keep = [Sighting(e.ref, uploaded_at=e.event_time) for e in events
            if e.bucket == bucket.name and bucket.is_scan_key(e.ref.key)]
    return keep, len(events) - len(keep)


class EventConsumer:
    def __init__(self, source, bucket: Bucket, state: StateStore, send: Callable[[ObjectRef, str], None],
                 source_name: str = "", send_many: SendMany | None = None):
        self.send_many = send_many
        self.source = source
        self.bucket = bucket
        self.state = state
        self.send = send
        self.stats = EventStats(started_at=iso(datetime.now(timezone.utc)), source=source_name)
        self.stats_id = f"events:{worker_name()}"
        self._stats_written = 0.0
        self._stats_lock = threading.Lock()
        # The record: the sequence number of its last write (None: not looked up yet; (): none to guard by),
        # what it said then, and what to add to this process's own counts (a predecessor's, or minus what
        # was folded into the retired record).
        self._record_seq: tuple | None = None
        self._reported: dict[str, int] = {}
        self._offset: dict[str, int] = {}
        self._next_compaction = 0.0

    def handle_once(self, wait: float = 20.0) -> int:
        """Take one batch, record it, acknowledge it; return how many messages it held."""
        messages = self.source.receive(wait)
        if messages:
            self.handle(messages)
        return len(messages)

    def handle(self, messages: list, ack: Callable[[list], None] | None = None) -> None:
        """Record what a batch of messages announces, then acknowledge the messages (with ``ack``, if given)."""
        events: list[BucketEvent] = []
        rejected: dict[str, int] = {}
        ids_of: dict[int, set[str]] = {}  # message index -> ledger ids it announces
        for n, m in enumerate(messages):
            try:
                parsed = parse_message(m.body)
            except BadEvent as exc:
                rejected[str(exc)] = rejected.get(str(exc), 0) + 1
                continue
            events += parsed
            mine, _ = select(parsed, self.bucket)
            ids_of[n] = {ledger_id(self.bucket.name, s.ref.key, s.ref.etag) for s in mine}
        sightings, ignored = select(events, self.bucket)
        try:
            report = record_and_send(self.state, self.bucket.name, sightings, self.send, source="event",
                                     send_many=self.send_many)
        except Exception:
            self.source.release(messages)  # delivered again later; nothing recorded twice
            raise
        # An object whose entry another sender created moments ago and has not marked sent yet is not
        # settled: its event is left unacknowledged, so it comes back and is re-sent if that sender died.
        unsettled = [m for n, m in enumerate(messages) if ids_of.get(n, set()) & report.pending]
        settled = [m for n, m in enumerate(messages) if not ids_of.get(n, set()) & report.pending]
        (ack or self.source.ack)(settled)
        if unsettled:
            self.source.release(unsettled, after=RESEND_AFTER + 1)
        with self._stats_lock:
            self._count(messages, events, sightings, report, unsettled, ignored, rejected)
        for reason, n in rejected.items():
            log.warning("rejected %d event messages: %s", n, reason)
        already = len(sightings) - report.queued - report.resent - len(report.pending)
        log.info("events: %d messages, %d objects queued, %d re-sent, %d already recorded, %d ignored, %d left "
                 "for redelivery", len(messages), report.queued, report.resent, already, ignored, len(unsettled))

    def _count(self, messages, events, sightings, report, unsettled, ignored, rejected) -> None:
        s = self.stats
        s.unsettled += len(unsettled)
        s.messages += len(messages)
        s.received += len(events)
        s.ignored += ignored
        s.rejected += sum(rejected.values())
        s.queued += report.queued
        s.resent += report.resent
        already = len(sightings) - report.queued - report.resent - len(report.pending)
        s.duplicates += already
        now = iso(datetime.now(timezone.utc))
        s.last_batch_at = now
        if events:
            latest = max((e.event_time for e in events if e.event_time), default=now)
            s.last_event_at = max(latest, s.last_event_at or latest)

    def write_stats(self, force: bool = False) -> None:
        """Write this consumer's counters to its record (see ``ingest/event_counters.py``), and now and then
        fold the records of stopped consumers into one."""
        if not force and time.monotonic() - self._stats_written < STATS_EVERY:
            return
        self._stats_written = time.monotonic()
        try:
            self._write_record()
            if time.monotonic() >= self._next_compaction:
                self._next_compaction = time.monotonic() + event_counters.COMPACT_EVERY
                event_counters.compact(self.state.es, self.state.jobs)
        except Exception as exc:  # counters are informative: never stop consuming for them
            log.warning("could not write event counters (%s)", type(exc).__name__)

    def _write_record(self) -> None:
        from elasticsearch import ConflictError, NotFoundError
        es, jobs = self.state.es, self.state.jobs
        with self._stats_lock:
            stats = asdict(self.stats)
        if self._record_seq is None:
            # A record of the same name is a predecessor's with the same host and pid: carry its counts on.
            try:
                old = es.get(index=jobs, id=self.stats_id)
                self._offset = self._reported = event_counters.counters(old["_source"].get("events"))
                self._record_seq = (old["_seq_no"], old["_primary_term"])
            except NotFoundError:
                self._record_seq = ()
        counts = event_counters.add(self._offset, stats)
        doc = {"kind": "events", "worker": worker_name(), "updated_at": iso(datetime.now(timezone.utc)),
               "events": {**stats, **counts}}
        try:
            if self._record_seq:
                resp = es.index(index=jobs, id=self.stats_id, document=doc, if_seq_no=self._record_seq[0],
                                if_primary_term=self._record_seq[1])
            else:
                resp = es.create(index=jobs, id=self.stats_id, document=doc)
        except (ConflictError, NotFoundError):
            try:
                mine = es.get(index=jobs, id=self.stats_id)
            except NotFoundError:
                # Folded into the retired record (as last written) while this consumer was not heard
                # from: from now on the record counts only what came after.
                self._offset = event_counters.add(self._offset, self._reported, -1)
                self._record_seq = ()
                return
            # Still there: an earlier write of ours landed though its answer was lost (a timeout).
            self._record_seq = (mine["_seq_no"], mine["_primary_term"])
            self._reported = event_counters.counters(mine["_source"].get("events"))
            return
        self._record_seq = (resp["_seq_no"], resp["_primary_term"])
        self._reported = counts

    def run(self, stop: threading.Event | None = None, idle_exit: float | None = None, wait: float = 5.0) -> None:
        """Consume until ``stop`` is set (or, with ``idle_exit``, until no message came for that many seconds).

        Receiving, recording and acknowledging overlap: ``source.receivers`` threads receive into a
        small buffer; this thread takes whatever has arrived as one batch (so a lone upload is
        recorded at once, and a flood in batches of up to MAX_BATCH) and hands it to one of RECORDERS
        threads, which record it and hand the acknowledgement to another thread. Messages still in the
        buffer when the consumer stops are simply not acknowledged: they are delivered again. Long
        polls last ``wait`` seconds, so a stop request is honoured within that time (an idle consumer
        costs one request per ``wait`` seconds and receiver).
        """
        stop = stop or threading.Event()
        poll = wait if idle_exit is None else min(wait, idle_exit)
        buffer: queue.Queue = queue.Queue(maxsize=MAX_BUFFERED)
        failures = {"receive": 0}
        limit = getattr(self.source, "receive_limit", RECEIVE_LIMIT)

        def receive() -> None:
            while not stop.is_set():
                try:
                    got = self.source.receive(poll, limit=limit)
                    failures["receive"] = 0
                except Exception as exc:  # the queue unreachable: wait it out
                    failures["receive"] += 1
                    log.warning("receiving events failed (%s); trying again", type(exc).__name__)
                    stop.wait(min(30.0, 2.0 ** min(failures["receive"], 5)))
                    continue
                if got:
                    buffer.put(got)
                elif idle_exit is not None:
                    buffer.put([])  # tells the recorder this receiver found nothing

        receivers = [threading.Thread(target=receive, name=f"events-receive-{i}", daemon=True)
                     for i in range(getattr(self.source, "receivers", 1))]
        for t in receivers:
            t.start()
        acks = ThreadPoolExecutor(2, thread_name_prefix="events-ack")
        recorders = ThreadPoolExecutor(RECORDERS, thread_name_prefix="events-record")
        free = threading.Semaphore(RECORDERS)  # a batch is taken only when a recorder is free to take it
        backoff = {"seconds": 1.0}

        def record(batch: list) -> None:
            try:
                self.handle(batch, ack=lambda ms: acks.submit(self._ack, ms))
                backoff["seconds"] = 1.0
            except Exception as exc:  # outages are waited out; unacknowledged events come back
                wait_for = backoff["seconds"]
                backoff["seconds"] = min(30.0, wait_for * 2)
                log.warning("event handling failed (%s: %s); trying again in %.0f s", type(exc).__name__,
                            str(exc)[:200], wait_for)
                stop.wait(wait_for)
            finally:
                free.release()

        last_message = time.monotonic()
        in_flight: set = set()
        try:
            while not stop.is_set():
                if not free.acquire(timeout=poll):
                    self.write_stats()
                    continue
                try:
                    batch = buffer.get(timeout=poll)
                except queue.Empty:
                    batch = []
                while len(batch) < MAX_BATCH:
                    try:
                        batch += buffer.get_nowait()
                    except queue.Empty:
                        break
                in_flight = {f for f in in_flight if not f.done()}
                if batch:
                    last_message = time.monotonic()
                    in_flight.add(recorders.submit(record, batch))
                else:
                    free.release()
                    if idle_exit is not None and time.monotonic() - last_message >= idle_exit and not in_flight:
                        break
                self.write_stats()
        finally:
            stop.set()
            recorders.shutdown(wait=True)
            acks.shutdown(wait=True)
            self.write_stats(force=True)

    def _ack(self, messages: list) -> None:
        try:
            self.source.ack(messages)
        except Exception as exc:  # not acknowledged: delivered again, and the ledger makes that a no-op
            log.warning("acknowledging %d events failed (%s)", len(messages), type(exc).__name__)
