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

from .events import BadEvent, BucketEvent, parse_message
from .ledger import RESEND_AFTER, SendMany, Sighting, iso, record_and_send
from .state import StateStore, ledger_id, worker_name
from sohoa.storage import Bucket, ObjectRef

log = logging.getLogger(__name__)

STATS_EVERY = 5.0  # seconds between writes of the consumer's counters for 'sohoa status'
RECEIVE_LIMIT = 10  # messages per receive in the threaded loop: one SQS call, handed over at once
MAX_BATCH = 500  # messages recorded together at most (one multi-get, one bulk create, one bulk update)
MAX_BUFFERED = 64  # receive results waiting for the recorder; receivers wait beyond that


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
            s.last_event_at = max((e.event_time for e in events if e.event_time), default=now)
        for reason, n in rejected.items():
            log.warning("rejected %d event messages: %s", n, reason)
        log.info("events: %d messages, %d objects queued, %d re-sent, %d already recorded, %d ignored, %d left "
                 "for redelivery", len(messages), report.queued, report.resent, already, ignored, len(unsettled))

    def write_stats(self, force: bool = False) -> None:
        if not force and time.monotonic() - self._stats_written < STATS_EVERY:
            return
        self._stats_written = time.monotonic()
        try:
            self.state.es.index(index=self.state.jobs, id=self.stats_id, document={
                "kind": "events", "worker": worker_name(), "updated_at": iso(datetime.now(timezone.utc)),
                "events": asdict(self.stats)})
        except Exception as exc:  # counters are informative: never stop consuming for them
            log.warning("could not write event counters (%s)", type(exc).__name__)

    def run(self, stop: threading.Event | None = None, idle_exit: float | None = None, wait: float = 5.0) -> None:
        """Consume until ``stop`` is set (or, with ``idle_exit``, until no message came for that many seconds).

        Receiving, recording and acknowledging overlap: ``source.receivers`` threads receive into a
        small buffer; this thread records whatever has arrived as one batch (so a lone upload is
        recorded at once, and a flood in batches of up to MAX_BATCH), and hands the acknowledgement to
        another thread. Messages still in the buffer when the consumer stops are simply not
        acknowledged: they are delivered again. Long polls last ``wait`` seconds, so a stop request is
        honoured within that time (an idle consumer costs one request per ``wait`` seconds and receiver).
        """
        stop = stop or threading.Event()
        poll = wait if idle_exit is None else min(wait, idle_exit)
        buffer: queue.Queue = queue.Queue(maxsize=MAX_BUFFERED)
        failures = {"receive": 0}

        def receive() -> None:
            while not stop.is_set():
                try:
                    got = self.source.receive(poll, limit=RECEIVE_LIMIT)
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
        last_message = time.monotonic()
        backoff = 1.0
        try:
            while not stop.is_set():
                try:
                    batch = buffer.get(timeout=poll)
                except queue.Empty:
                    batch = []
                while len(batch) < MAX_BATCH:
                    try:
                        batch += buffer.get_nowait()
                    except queue.Empty:
                        break
                if batch:
                    last_message = time.monotonic()
                    try:
                        self.handle(batch, ack=lambda ms: acks.submit(self._ack, ms))
                        backoff = 1.0
                    except Exception as exc:  # outages are waited out; unacknowledged events come back
                        log.warning("event handling failed (%s: %s); trying again in %.0f s", type(exc).__name__,
                                    str(exc)[:200], backoff)
                        stop.wait(backoff)
                        backoff = min(30.0, backoff * 2)
                elif idle_exit is not None and time.monotonic() - last_message >= idle_exit:
                    break
                self.write_stats()
        finally:
            stop.set()
            acks.shutdown(wait=True)
            self.write_stats(force=True)

    def _ack(self, messages: list) -> None:
        try:
            self.source.ack(messages)
        except Exception as exc:  # not acknowledged: delivered again, and the ledger makes that a no-op
            log.warning("acknowledging %d events failed (%s)", len(messages), type(exc).__name__)
