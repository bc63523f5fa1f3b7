"""Recording objects in the ledger and queueing them: the one path for bucket events and listings alike.

An object version is identified by bucket + key + ETag (``state.ledger_id``).
Whoever sees it first, the event consumer or a reconciliation listing, creates
its ledger entry (``status: listed``) *before* the message is sent and marks
it ``enqueued`` after, so:

- an event and a listing of the same object, or a duplicated event, find the
  entry already there and send nothing (the create is atomic in Elasticsearch:
  of two concurrent creators exactly one wins);
- a sighting of an entry still ``listed`` more than ``RESEND_AFTER`` seconds
  after it was created means its sender died before sending (broker down,
  process killed): that message is sent again instead of being lost. The grace
  period keeps a second sighting from re-sending while the first sender is
  still between create and send (a few milliseconds).

Everything is done in bulk: one multi-get for the batch, one bulk create, one
bulk write marking the batch enqueued — three Elasticsearch requests per batch
instead of three per object. The ``enqueued`` write carries the sequence number
the create (or the read) returned, so it never overwrites what a worker has
already written (``preparing``, ``failed``...) on an entry it picked up faster.
It is a whole-document ``index``, not an ``update``: the entry is known (it was
just created, or just read), and an update would make Elasticsearch fetch it
back first, which for a document not yet refreshed means refreshing the
ledger's shard once per batch.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable

from elastic_transport import TransportError

from sohoa.errors import DependencyUnavailable

from .state import StateStore, ledger_id
from .storage import ObjectRef

log = logging.getLogger(__name__)

# Seconds an entry may stay "listed" before another sighting takes it for a lost send.
RESEND_AFTER = 15.0
# Messages sent at once: each is one broker round trip, so a batch of hundreds is sent by several threads
# (dramatiq's brokers are safe to share: Redis through its connection pool, RabbitMQ with a channel per thread).
SEND_THREADS = 8
_senders: ThreadPoolExecutor | None = None


@dataclass(frozen=True)
class Sighting:
    """One object version seen in the bucket, by an event or a listing."""
    ref: ObjectRef
    # When the object was written (the event's time, or the listing's LastModified), ISO 8601.
    uploaded_at: str | None = None


@dataclass
class RecordReport:
    seen: int = 0
    queued: int = 0
    resent: int = 0
    already_seen: int = 0
    es_requests: int = 0
    # Ledger ids left "listed" by a sender that may still be sending: not settled, ask again later.
    pending: set[str] = field(default_factory=set)
    # Upload -> enqueue, in milliseconds, for each object queued with a known upload time.
    lags_ms: list[float] = field(default_factory=list)

    def add(self, other: "RecordReport") -> None:
        self.seen += other.seen
        self.queued += other.queued
        self.resent += other.resent
        self.already_seen += other.already_seen
        self.pending |= other.pending
        self.es_requests += other.es_requests
        self.lags_ms += other.lags_ms


def iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def new_entry(bucket: str, s: Sighting, source: str, now: datetime) -> dict:
    """The ledger entry of an object version seen for the first time (the same whoever saw it)."""
    at = iso(now)
    entry = {"bucket": bucket, "key": s.ref.key, "etag": s.ref.etag, "size": s.ref.size,
             "collection": s.ref.collection, "status": "listed", "source": source,
             "listed_at": at, "updated_at": at}
    if s.uploaded_at:
        entry["uploaded_at"] = s.uploaded_at
    return entry


def unique(bucket: str, sightings: Iterable[Sighting]) -> dict[str, Sighting]:
    """Sightings by ledger id; the same version twice in one batch (a duplicated event) counts once."""
    out: dict[str, Sighting] = {}
    for s in sightings:
        out.setdefault(ledger_id(bucket, s.ref.key, s.ref.etag), s)
    return out


def needs_resend(entry: dict, now: datetime) -> bool:
    """An entry created but never marked enqueued, old enough that its sender is surely gone."""
    if entry.get("status") != "listed":
        return False
    listed = parse_time(entry.get("listed_at"))
    return listed is None or (now - listed).total_seconds() >= RESEND_AFTER


def enqueue_lag_ms(uploaded_at: str | None, enqueued: datetime) -> float | None:
    up = parse_time(uploaded_at)
    return None if up is None else round(max(0.0, (enqueued - up).total_seconds() * 1000), 1)


def send_all(send: Callable[[ObjectRef, str], None], items: list[tuple[str, ObjectRef]],
             clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)):
    """Send every message, several at a time (one broker round trip each); yield (ledger id, when sent) for
    each one sent, then raise the first failure, if any, once every other send has finished."""
    if len(items) < SEND_THREADS:
        for lid, ref in items:
            send(ref, lid)
            yield lid, clock()
        return
    global _senders
    if _senders is None:
        _senders = ThreadPoolExecutor(SEND_THREADS, thread_name_prefix="ledger-send")

    def one(item):
        send(item[1], item[0])
        return item[0], clock()

    futures = [_senders.submit(one, item) for item in items]
    failure = None
    for f in futures:
        try:
            yield f.result()
        except Exception as exc:  # noqa: BLE001 - re-raised below, after the others are accounted for
            failure = failure or exc
    if failure is not None:
        raise failure


SendMany = Callable[[list[tuple[ObjectRef, str]]], None]


def record_and_send(state: StateStore, bucket: str, sightings: Iterable[Sighting],
                    send: Callable[[ObjectRef, str], None], source: str,
                    clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
                    send_many: SendMany | None = None) -> RecordReport:
    """Record every new object version of one batch in the ledger and send its message; see the module doc.

    With ``send_many`` the batch's messages go to the broker together (``sohoa.messages.MessageSender.prepare_many``);
    otherwise one ``send`` each, several threads at a time.
    """
    report = RecordReport()
    batch = unique(bucket, sightings)
    report.seen = len(batch)
    if not batch:
        return report
    es, index = state.es, state.ledger
    try:
        found = es.mget(index=index, ids=list(batch))["docs"]
        report.es_requests += 1
        now = clock()
        to_send: dict[str, tuple[int, int]] = {}  # ledger id -> (seq_no, primary_term) to write against
        entries: dict[str, dict] = {}  # ledger id -> the entry as it stands (created or read)
        to_create = []
        for doc in found:
            lid = doc["_id"]
            if not doc.get("found"):
                to_create.append(lid)
            elif needs_resend(doc["_source"], now):
                to_send[lid] = (doc["_seq_no"], doc["_primary_term"])
                entries[lid] = doc["_source"]
                report.resent += 1
            elif doc["_source"].get("status") == "listed":
                report.pending.add(lid)
            else:
                report.already_seen += 1
        if to_create:
            ops: list[dict] = []
            for lid in to_create:
                entries[lid] = new_entry(bucket, batch[lid], source, now)
                ops += [{"create": {"_index": index, "_id": lid}}, entries[lid]]
            resp = es.bulk(operations=ops)
            report.es_requests += 1
            for item in resp["items"]:
                r = item["create"]
                if r.get("status") == 201:
                    to_send[r["_id"]] = (r["_seq_no"], r["_primary_term"])
                    report.queued += 1
                elif r.get("status") == 409:  # another consumer or listing got there first
                    report.already_seen += 1
                else:
                    raise DependencyUnavailable(f"ledger write refused: {r.get('status')} "
                                                f"{(r.get('error') or {}).get('type', '')}")
        if not to_send:
            return report
        updates: list[dict] = []
        try:
            items = [(lid, batch[lid].ref) for lid in to_send]
            if send_many is not None:
                send_many([(ref, lid) for lid, ref in items])
                sent_at = clock()
                sent = [(lid, sent_at) for lid, _ in items]
            else:
                sent = send_all(send, items)
            for lid, enqueued in sent:
                seq, term = to_send[lid]
                at = iso(enqueued)
                fields = {"status": "enqueued", "enqueued_at": at, "updated_at": at}
                lag = enqueue_lag_ms(batch[lid].uploaded_at, enqueued)
                if lag is not None:
                    fields["enqueue_lag_ms"] = lag
                    report.lags_ms.append(lag)
                updates += [{"index": {"_index": index, "_id": lid, "if_seq_no": seq, "if_primary_term": term}},
                            {**entries[lid], **fields}]
        finally:
            # Even when the broker fails mid-batch, what was sent is marked, so it is not sent twice.
            if updates:
                resp = es.bulk(operations=updates)
                report.es_requests += 1
                # 409: a worker already moved the entry on (preparing, failed...); its word is later, keep it.
                refused = [i["index"] for i in resp["items"] if i["index"].get("status") not in (200, 201, 409)]
                if refused:
                    log.warning("%d ledger entries could not be marked enqueued (%s); a later sighting re-sends "
                                "them", len(refused), (refused[0].get("error") or {}).get("type", refused[0].get("status")))
    except TransportError as exc:
        raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc
    return report
