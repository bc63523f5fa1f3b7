"""The event consumers' counters: one record per running consumer, the stopped ones folded into one.

Each ``sohoa events`` process writes its counters (events received, queued, ...)
to its own record in the jobs index, ``events:<host>:<pid>``, every few seconds;
``sohoa status`` adds them up. A deployment restarts its consumer many times
(every deploy, every crash), so left alone the records would pile up, one per
process that ever ran, and the status query, which reads them all, would grow
without end. So records not written for ``RETIRE_AFTER`` seconds are folded into
one record, ``events:retired``, and deleted: the totals stay, the records do not.

Folding must neither lose nor double a count, even when the folding process
dies half-way or a consumer thought stopped writes again (Elasticsearch was
unreachable for a while). Elasticsearch has no transaction over two
documents, so:

1. the retired record gets the counters added *and* notes them as pending
   (which record, at which sequence number, how much), in one guarded write;
2. each folded record is deleted, guarded by the sequence number it was read
   at; a consumer that wrote in between makes the delete fail, and its counters
   are taken out of the retired record again;
3. the pending note is cleared (guarded again).

A compaction interrupted between 1 and 3 is finished by the next one (step 2
for what is still pending). Every write to the retired record carries the
sequence number it was read at, so of two compactions at once one gives up.
The consumer's side (``EventConsumer.write_stats``) writes its record guarded
by its own last sequence number; when that fails and its record is gone, the
record was folded, and it goes on with a new record that counts only what
came after (a record still there was written by a write of its own whose
answer was lost: it takes that record's sequence number).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

from elasticsearch import ConflictError, NotFoundError

log = logging.getLogger(__name__)

COUNTERS = ("messages", "received", "queued", "resent", "duplicates", "ignored", "rejected", "unsettled")
RETIRED_ID = "events:retired"
RETIRE_AFTER = 600.0  # seconds without a write after which a consumer's record is folded
COMPACT_EVERY = 600.0  # seconds between a running consumer's compactions
BATCH = 500  # stale records folded per compaction at most


def counters(events: dict | None) -> dict[str, int]:
    return {k: int((events or {}).get(k) or 0) for k in COUNTERS}


def add(a: dict, b: dict, sign: int = 1) -> dict[str, int]:
    """Counters of ``a`` plus (or minus) those of ``b``; other fields are not counters and are left out."""
    return {k: int(a.get(k) or 0) + sign * int(b.get(k) or 0) for k in COUNTERS}


def later(a: str | None, b: str | None) -> str | None:
    return max(x for x in (a, b) if x) if (a or b) else None


def retired_record(events: dict, pending: dict, now: str) -> dict:
    return {"kind": "events", "worker": "retired", "updated_at": now,
            "events": {**events, "retired": True, "pending": pending}}


def is_retired(hit_id: str, source: dict) -> bool:
    return hit_id == RETIRED_ID or bool((source.get("events") or {}).get("retired"))


def compact(es, jobs: str, now: datetime | None = None, after: float = RETIRE_AFTER) -> int:
    """Fold the records of consumers silent for ``after`` seconds into the retired record; return how many."""
    now = now or datetime.now(timezone.utc)
    stamp = now.isoformat(timespec="milliseconds")
    retired, seq = _read_retired(es, jobs, stamp)
    if retired is None or seq is None:
        return 0
    events = retired["events"]
    # 1. What an interrupted compaction left pending.
    if events.get("pending"):
        totals = _settle(es, jobs, events, events["pending"])
        seq = _write_retired(es, jobs, retired_record(totals, {}, stamp), seq)
        if seq is None:
            return 0
        events = totals
    # 2. Consumers silent for long enough.
    hits = es.search(index=jobs, size=BATCH, seq_no_primary_term=True, query={"bool": {
        "filter": [{"term": {"kind": "events"}},
                   {"range": {"updated_at": {"lt": (now - timedelta(seconds=after)).isoformat()}}}],
        "must_not": [{"ids": {"values": [RETIRED_ID]}}]}})["hits"]["hits"]
    hits = [h for h in hits if not is_retired(h["_id"], h["_source"])]
    if not hits:
        return 0
    pending = {h["_id"]: {"seq_no": h["_seq_no"], "primary_term": h["_primary_term"],
                          "counters": counters(h["_source"].get("events"))} for h in hits}
    totals = dict(events)
    for h in hits:
        ev = h["_source"].get("events") or {}
        totals.update(add(totals, ev))
        totals["last_event_at"] = later(totals.get("last_event_at"), ev.get("last_event_at"))
        totals["consumers"] = int(totals.get("consumers") or 0) + 1
    seq = _write_retired(es, jobs, retired_record(totals, pending, stamp), seq)
    if seq is None:
        return 0
    # 3. Delete what was folded; take back what a consumer wrote again meanwhile; clear the note.
    settled = _settle(es, jobs, totals, pending)
    if _write_retired(es, jobs, retired_record(settled, {}, stamp), seq) is None:
        return 0  # another compaction settles the note
    folded = int(settled.get("consumers") or 0) - int(events.get("consumers") or 0)
    if folded:
        log.info("folded the counters of %d stopped event consumers", folded)
    return folded


def _settle(es, jobs: str, totals: dict, pending: dict) -> dict:
    """Delete each pending record at the sequence number it was folded at; un-fold those written since."""
    out = {k: v for k, v in totals.items() if k != "pending"}
    for record_id, note in pending.items():
        try:
            es.delete(index=jobs, id=record_id, if_seq_no=note["seq_no"], if_primary_term=note["primary_term"])
        except NotFoundError:
            pass  # deleted already (by the compaction that noted it)
        except ConflictError:  # its consumer wrote again: it keeps its counts, the retired record gives them back
            out.update(add(out, note["counters"], -1))
            out["consumers"] = int(out.get("consumers") or 0) - 1
    return out


def _read_retired(es, jobs: str, stamp: str) -> tuple[dict | None, tuple[int, int] | None]:
    try:
        doc = es.get(index=jobs, id=RETIRED_ID)
        return doc["_source"], (doc["_seq_no"], doc["_primary_term"])
    except NotFoundError:
        pass
    record = retired_record({**{k: 0 for k in COUNTERS}, "consumers": 0, "last_event_at": None}, {}, stamp)
    try:
        resp = es.create(index=jobs, id=RETIRED_ID, document=record)
        return record, (resp["_seq_no"], resp["_primary_term"])
    except ConflictError:
        return None, None  # another process created it this instant: let it compact


def _write_retired(es, jobs: str, record: dict, seq: tuple[int, int]) -> tuple[int, int] | None:
    try:
        resp = es.index(index=jobs, id=RETIRED_ID, document=record, if_seq_no=seq[0], if_primary_term=seq[1])
        return resp["_seq_no"], resp["_primary_term"]
    except ConflictError:
        return None
