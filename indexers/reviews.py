"""The review desk in Elasticsearch: the queue, leases, and every round of answers.

- **Queue**: records whose ``review_status`` is ``needs_review`` or
  ``awaiting_second``, lowest confidence first, then oldest
  (``queue_search``, a pure request builder); a record is left out while
  another reviewer holds it, and for the reviewer whose own answers wait for a
  second person.
- **Leases**: ``lease:<record id>`` documents in the reviews index. Taking one
  is a create, or a compare-and-set (``if_seq_no``) on an expired one, so two
  reviewers asking at once never get the same record; a lease ends when its
  holder answers or lets go, or when it expires (``SOHOA_REVIEW_LEASE_SECONDS``).
- **Rounds**: one document per submission, never changed: who, when, and per
  field the decision with the extractor's value beside it. The record carries
  the resulting review (``schemas/review.py``) and is re-indexed at once with
  a refresh, so the answer is searchable when the reviewer's request returns.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Any

from elasticsearch import ConflictError, Elasticsearch, NotFoundError

from schemas.model import ExtractedRecord, RecordDocument
from schemas.regroup import check_op, merge_records, next_of, replay, split_record
from schemas.review import QUEUE_STATUSES, ReviewError
from sohoa.clock import now_iso
from sohoa.config import Config

from .client import ensure_index
from .records import base_of, derive, record_id

log = logging.getLogger(__name__)

QUEUE_CANDIDATES = 10
_ready: set[tuple[str, ...]] = set()


def reviews_index(es: Elasticsearch, config: Config, name: str = "reviews") -> str:
    key = (config.es_url, config.index_prefix, name)
    if key not in _ready:
        ensure_index(es, config, name)
        _ready.add(key)
    return config.index(name)


def leases_index(es: Elasticsearch, config: Config) -> str:
    """Leases live in an index of their own, whose writes are not synced one by one (templates/leases.json):
    a lease is taken on every 'next', and losing one in a crash only frees a record."""
    return reviews_index(es, config, "leases")


# --- the queue (pure) ---------------------------------------------------------------------------------

# What the extractor listed without placing it, as the records index holds it (the queue filters on these).
LISTED = {"missing": "missing", "unmapped": "unmapped_labels", "doubtful": "doubtful"}


def queue_filters(*, collections: list[str] | tuple[str, ...] = (), record_types: list[str] | tuple[str, ...] = (),
                  reasons: list[str] | tuple[str, ...] = (), listed: list[str] | tuple[str, ...] = (),
                  fields: list[str] | tuple[str, ...] = (),
                  statuses: tuple[str, ...] = QUEUE_STATUSES) -> list[dict]:
    """``listed``: records with something in each of these lists (missing, unmapped, doubtful); ``fields``:
    records listing one of these field keys (missing or doubtful) or unmapped labels."""
    out: list[dict] = [{"terms": {"review_status": list(statuses)}}]
    for name in listed:
        if name not in LISTED:
            raise ReviewError(f"listed: one of {', '.join(LISTED)}")
        out.append({"exists": {"field": LISTED[name]}})
    if fields:
        out.append({"bool": {"minimum_should_match": 1, "should": [
            {"terms": {index_field: list(fields)}} for index_field in LISTED.values()]}})
    if collections:
        out.append({"terms": {"collection": list(collections)}})
    if record_types:
        out.append({"terms": {"record_type": list(record_types)}})
    if reasons:
        out.append({"terms": {"review_codes": list(reasons)}})
    return out


QUEUE_SORT = [{"confidence": {"order": "asc", "missing": "_first"}}, {"extracted_at": {"order": "asc"}},
              {"record_id": {"order": "asc"}}]


def queue_search(*, reviewer: str, leased: list[str], size: int = QUEUE_CANDIDATES, **filters: Any) -> dict:
    """The request for the next records a reviewer may take: doubt first, then age; none held by someone
    else, none whose pending answers are the reviewer's own."""
    must_not: list[dict] = [{"term": {"awaiting": reviewer}}]
    if leased:
        must_not.append({"ids": {"values": leased}})
    return {"query": {"bool": {"filter": queue_filters(**filters), "must_not": must_not}}, "sort": QUEUE_SORT,
            "size": size, "_source": ["record_id", "doc_hash", "pages"], "track_total_hits": False}


# --- leases --------------------------------------------------------------------------------------------

def lease_id(record_id: str) -> str:
    return f"lease:{record_id}"


def take_lease(es: Elasticsearch, config: Config, record_id: str, holder: str, seconds: int | None = None,
               at: datetime | None = None, renew_after: float = 60.0) -> str | None:
    """Take (or renew) the lease on a record; its expiry, or None when someone else holds it.

    Whether a record is free is read with a real-time GET and written with a create or a compare-and-set,
    so no refresh is needed for two reviewers never to hold one record; searches for leases
    (``active_leases``) only spare the queue candidates that would be refused anyway, and may lag a second.
    A lease held for more than ``renew_after`` seconds more is not written again."""
    index = leases_index(es, config)
    t = at or datetime.now(timezone.utc)
    until = now_iso(t + timedelta(seconds=seconds or config.review_lease_seconds))
    doc = {"kind": "lease", "record_id": record_id, "by": holder, "at": now_iso(t), "until": until}
    try:  # a free record has no lease document: one request takes it
        es.index(index=index, id=lease_id(record_id), document=doc, op_type="create")
        return until
    except ConflictError:
        pass
    try:
        cur = es.get(index=index, id=lease_id(record_id))
    except NotFoundError:  # let go of meanwhile
        return None
    src = cur["_source"]
    if src.get("by") != holder and src.get("until", "") > now_iso(t):
        return None
    if src.get("by") == holder and src.get("until", "") > now_iso(t + timedelta(seconds=renew_after)):
        return src["until"]  # held, and for long enough: nothing to write
    try:
        es.index(index=index, id=lease_id(record_id), document=doc, if_seq_no=cur["_seq_no"],
                 if_primary_term=cur["_primary_term"])
        return until
    except ConflictError:
        return None


def lease_holder(es: Elasticsearch, config: Config, record_id: str) -> dict | None:
    """The live lease on a record (holder ``by``, ``until``), or None."""
    try:
        src = es.get(index=leases_index(es, config), id=lease_id(record_id))["_source"]
    except NotFoundError:
        return None
    return src if src.get("until", "") > now_iso() else None


def record_and_lease(es: Elasticsearch, config: Config, record_id: str) -> tuple[dict | None, dict | None]:
    """A record and the lease document on it (either None when there is none), read in real time together in
    one request: what saving an answer needs first."""
    docs = es.mget(docs=[{"_index": config.index("records"), "_id": record_id, "_source": {"excludes": ["search"]}},
                         {"_index": leases_index(es, config), "_id": lease_id(record_id)}])["docs"]
    record, lease = (d if d.get("found") else None for d in docs)
    source = {**record["_source"], "_seq_no": record["_seq_no"], "_primary_term": record["_primary_term"]} \
        if record is not None else None
    return source, lease


def held_lease(es: Elasticsearch, config: Config, record_id: str, holder: str, read: dict | None = None,
               was_read: bool = False) -> dict | None:
    """The lease ``holder`` holds on a record, taking it when free (``_seq_no``/``_primary_term`` kept for
    ``release_lease``); None when someone else holds it. One real-time GET when the lease is already held, none
    when the caller read it already (``read``, ``was_read``: ``record_and_lease``)."""
    index = leases_index(es, config)
    if was_read:
        cur = read
    else:
        try:
            cur = es.get(index=index, id=lease_id(record_id))
        except NotFoundError:
            cur = None
    if cur is not None and cur["_source"].get("by") == holder and cur["_source"].get("until", "") > now_iso():
        return {**cur["_source"], "_seq_no": cur["_seq_no"], "_primary_term": cur["_primary_term"]}
    if take_lease(es, config, record_id, holder) is None:
        return None
    return held_lease(es, config, record_id, holder)


def release_lease(es: Elasticsearch, config: Config, record_id: str, holder: str, held: dict | None = None) -> bool:
    """Let a record go, if ``holder`` holds it (``held``: the lease as ``held_lease`` read it, saving a GET)."""
    index = leases_index(es, config)
    if held is not None:
        cur = {"_source": held, "_seq_no": held["_seq_no"], "_primary_term": held["_primary_term"]}
    else:
        try:
            cur = es.get(index=index, id=lease_id(record_id))
        except NotFoundError:
            return False
    if cur["_source"].get("by") != holder:
        return False
    try:
        es.delete(index=index, id=lease_id(record_id), if_seq_no=cur["_seq_no"],
                  if_primary_term=cur["_primary_term"])
        return True
    except (ConflictError, NotFoundError):
        return False


def active_leases(es: Elasticsearch, config: Config, *, holder: str | None = None, others_than: str | None = None,
                  limit: int = 10_000) -> list[dict]:
    """Live leases: of one holder, or of everyone but one."""
    filters: list[dict] = [{"term": {"kind": "lease"}}, {"range": {"until": {"gt": "now"}}}]
    must_not: list[dict] = []
    if holder:
        filters.append({"term": {"by": holder}})
    if others_than:
        must_not.append({"term": {"by": others_than}})
    resp = es.search(index=leases_index(es, config), size=limit, query={"bool": {"filter": filters,
                                                                                   "must_not": must_not}},
                     sort=[{"at": "desc"}], _source=["record_id", "by", "until"])
    return [h["_source"] for h in resp["hits"]["hits"]]


# --- taking the next record ----------------------------------------------------------------------------

LEASES_QUERY = {"bool": {"filter": [{"term": {"kind": "lease"}}, {"range": {"until": {"gt": "now"}}}]}}
CANDIDATES_FIRST = 50
PREFETCH = 2  # records after the one handed out whose page images are worth loading ahead
HEAD_SIZE = 50  # candidates a process keeps of the head of the queue, per reviewer and set of filters
HEAD_FRESH = 10.0  # seconds a head is used as read; older, it is still used, and read again in the background
HEAD_STALE = 120.0  # seconds after which a head is read again before it is used


class QueueHead:
    """The head of the queue (the most doubtful records waiting for a reviewer, in order), per reviewer and set
    of filters, as this process last read it. Sorting every waiting record was most of what a "next" cost
    (100,000 waiting: tens of milliseconds of Elasticsearch CPU each time, in the reviewer's wait): the head is
    read again in the background once it is ``HEAD_FRESH`` seconds old, and before use only when it is empty
    or ``HEAD_STALE`` seconds old. A record taken from it is leased atomically and read again in real time, so
    a stale entry (answered or taken meanwhile) costs a refused lease or one more read, never a record given
    twice or one that no longer waits; records that joined the queue meanwhile wait at most until the next
    reading. Which record each reviewer was last given is kept too: it comes back first while they hold it
    (a reload of the page), and is forgotten once they answer or let it go."""

    def __init__(self, size: int = HEAD_SIZE, fresh: float = HEAD_FRESH, stale: float = HEAD_STALE) -> None:
        self.size, self.fresh, self.stale = size, fresh, stale
        self._heads: dict[tuple, tuple[float, list[dict]]] = {}
        self._reading: set[tuple] = set()
        self._given: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    @staticmethod
    def key(config: Config, reviewer: str, filters: dict) -> tuple:
        return (config.es_url, config.index_prefix, reviewer,
                *((k, tuple(sorted(v or ()))) for k, v in sorted(filters.items())))

    def _read(self, es: Elasticsearch, config: Config, reviewer: str, filters: dict, key: tuple) -> list[dict]:
        req = queue_search(reviewer=reviewer, leased=[], size=self.size, **filters)
        hits = [{"id": h["_id"], **h["_source"]} for h in es.search(index=config.index("records"), **req)["hits"]["hits"]]
        with self._lock:
            self._heads[key] = (time.monotonic(), hits)
            self._reading.discard(key)
            while len(self._heads) > 1000:  # reviewers and filter sets come and go
                self._heads.pop(next(iter(self._heads)))
        return hits

    def _read_later(self, es, config, reviewer, filters, key) -> None:
        def run():
            try:
                self._read(es, config, reviewer, filters, key)
            except Exception:  # noqa: BLE001 - the next request reads it itself
                with self._lock:
                    self._reading.discard(key)
        _head_reader.submit(run)

    def candidates(self, es: Elasticsearch, config: Config, reviewer: str, filters: dict) -> list[dict]:
        key = self.key(config, reviewer, filters)
        now = time.monotonic()
        with self._lock:
            got = self._heads.get(key)
            usable = got is not None and got[1] and now - got[0] < self.stale
            later = usable and now - got[0] >= self.fresh and key not in self._reading
            if later:
                self._reading.add(key)
        if not usable:
            return list(self._read(es, config, reviewer, filters, key))
        if later:
            self._read_later(es, config, reviewer, filters, key)
        return list(got[1])

    def drop(self, config: Config, reviewer: str, filters: dict, record_id: str) -> None:
        with self._lock:
            got = self._heads.get(self.key(config, reviewer, filters))
            if got is not None:
                got[1][:] = [h for h in got[1] if h["id"] != record_id]

    def taken(self, record_id: str) -> None:
        """A record was just given to someone: out of every head this process keeps (other reviewers would
        only be refused its lease)."""
        with self._lock:
            for _, hits in self._heads.values():
                hits[:] = [h for h in hits if h["id"] != record_id]

    def given(self, config: Config, reviewer: str, record_id: str | None = None) -> str | None:
        key = (config.index_prefix, reviewer)
        with self._lock:
            if record_id is not None:
                self._given[key] = record_id
            return self._given.get(key)

    def forget(self, config: Config, reviewer: str, record_id: str) -> None:
        """The reviewer answered or let go of the record they were given."""
        with self._lock:
            if self._given.get((config.index_prefix, reviewer)) == record_id:
                del self._given[(config.index_prefix, reviewer)]

    def clear(self) -> None:
        with self._lock:
            self._heads.clear()
            self._given.clear()


_head_reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="queue-head")
queue_head = QueueHead()


def still_waiting(source: dict, reviewer: str, filters: dict) -> bool:
    """Whether a record read in real time is still one for ``reviewer`` in the queue ``filters`` describe."""
    if source.get("review_status") not in QUEUE_STATUSES or reviewer in (source.get("awaiting") or []):
        return False
    for field, wanted in (("collection", filters.get("collections")), ("record_type", filters.get("record_types"))):
        if wanted and source.get(field) not in wanted:
            return False
    return True


def _read(es: Elasticsearch, config: Config, record_id: str) -> dict | None:
    try:
        got = es.get(index=config.index("records"), id=record_id, source_excludes=["search"])
    except NotFoundError:
        return None
    return {**got["_source"], "_seq_no": got["_seq_no"], "_primary_term": got["_primary_term"]}


def next_record(es: Elasticsearch, config: Config, reviewer: str, *, upcoming: list | None = None,
                **filters: Any) -> tuple[str, str, dict] | None:
    """(record id, lease expiry, the record as read in real time) of the next record for ``reviewer``, leased to
    them; None when the queue (within ``filters``) is empty. The record the reviewer was last given comes
    first while they still hold it and it still waits.

    Candidates come from the head of the queue this process keeps (``QueueHead``); each is leased atomically
    (``take_lease``) and read again, and one that no longer waits for this reviewer is let go. When the head
    gives nothing, the queue is asked directly, without the records held by others. ``upcoming``, when given,
    receives the (doc hash, page) of the page images the next records in the queue need, so they can be
    loaded before anyone asks."""
    tried: set[str] = set()

    def attempt(rid: str) -> tuple[str, str, dict] | None:
        tried.add(rid)
        until = take_lease(es, config, rid, reviewer)
        if not until:
            return None
        source = _read(es, config, rid)
        if source is not None and still_waiting(source, reviewer, filters):
            queue_head.given(config, reviewer, rid)
            return rid, until, source
        release_lease(es, config, rid, reviewer)
        queue_head.drop(config, reviewer, filters, rid)
        return None

    last = queue_head.given(config, reviewer)
    if last and (got := attempt(last)):
        return got
    for _ in range(2):
        head = queue_head.candidates(es, config, reviewer, filters)
        for i, cand in enumerate(head):
            if cand["id"] in tried:
                continue
            got = attempt(cand["id"])
            if got is not None:
                queue_head.taken(cand["id"])
                if upcoming is not None:
                    upcoming.extend((c.get("doc_hash"), p) for c in head[i + 1:i + 1 + PREFETCH]
                                    for p in (c.get("pages") or [])[:1])
                return got
            queue_head.drop(config, reviewer, filters, cand["id"])
        if len(head) < queue_head.size:
            break  # the whole queue was in view
    # Everything in the head was held or answered: ask the queue itself, without what is held.
    held = [lease["record_id"] for lease in active_leases(es, config, others_than=reviewer, limit=5000)]
    hits = es.search(index=config.index("records"), **queue_search(
        reviewer=reviewer, leased=sorted(set(held) | tried), size=QUEUE_CANDIDATES, **filters))["hits"]["hits"]
    for h in hits:
        got = attempt(h["_id"])
        if got is not None:
            return got
    return None


def queue_counts(es: Elasticsearch, config: Config, **filters: Any) -> dict:
    """How many records wait, by status, record type, collection and reason."""
    resp = es.search(index=config.index("records"), size=0, track_total_hits=True,
                     query={"bool": {"filter": queue_filters(statuses=(*QUEUE_STATUSES, "disputed"), **filters)}},
                     aggs={"status": {"terms": {"field": "review_status", "size": 10}},
                           "record_type": {"terms": {"field": "record_type", "size": 20}},
                           "collection": {"terms": {"field": "collection", "size": 50}},
                           "reason": {"terms": {"field": "review_codes", "size": 30}},
                           "missing": {"terms": {"field": "missing", "size": 30}},
                           "doubtful": {"terms": {"field": "doubtful", "size": 30}},
                           "unmapped": {"terms": {"field": "unmapped_labels", "size": 30}}})
    aggs = resp["aggregations"]
    return {name: {b["key"]: b["doc_count"] for b in aggs[name]["buckets"]} for name in aggs}


# --- saving answers ------------------------------------------------------------------------------------

def save_round(es: Elasticsearch, config: Config, source: dict, review: dict, *, who: str, at: str,
               round_kind: str, decisions: list[dict]) -> dict:
    """Store one round of answers and re-index the record with them; return the new record document.

    The round is written first: if the record's update failed, the round still says what the person
    decided (nothing is lost) and the record can be rebuilt from the rounds.
    """
    index = reviews_index(es, config)
    doc = derive({**base_of(source), "review": review})
    round_doc = {
        "kind": "round", "record_id": doc["record_id"], "collection": doc.get("collection"),
        "record_type": doc.get("record_type"), "by": who, "at": at, "round": round_kind,
        "status_after": doc["review_status"], "fields_count": len(decisions),
        "actions": sorted({d["action"] for d in decisions}), "decisions": {"fields": decisions}}
    # One request, refreshed: the answer is searchable when this returns (and the round counted at once).
    # Its two writes stand or fall on their own; the round comes first, and a record that failed to update
    # is an error the reviewer sees, the round still saying what they decided.
    resp = es.bulk(operations=[{"index": {"_index": index}}, round_doc,
                               {"index": {"_index": config.index("records"), "_id": doc["record_id"]}}, doc],
                   refresh=True)
    if resp.get("errors"):
        failed = [next(iter(i.values())).get("error", {}).get("type") for i in resp["items"]
                  if next(iter(i.values())).get("error")]
        raise RuntimeError(f"saving the answers failed: {', '.join(map(str, failed))}")
    return doc


def rounds_of(es: Elasticsearch, config: Config, record_id: str, limit: int = 100) -> list[dict]:
    index = reviews_index(es, config)
    es.indices.refresh(index=index)
    resp = es.search(index=index, size=limit, sort=[{"at": "asc"}],
                     query={"bool": {"filter": [{"term": {"kind": "round"}}, {"term": {"record_id": record_id}}]}})
    return [h["_source"] for h in resp["hits"]["hits"]]


# --- the backlog ---------------------------------------------------------------------------------------

def backlog(es: Elasticsearch, config: Config, hours: float = 1.0) -> dict:
    """Records waiting (by status), records reviewed in the last ``hours`` per reviewer, and the hours the
    waiting ones would take at that pace (None when nobody reviewed anything)."""
    waiting = es.count(index=config.index("records"), query={"bool": {"filter": queue_filters()}})["count"]
    disputed = es.count(index=config.index("records"), query={"term": {"review_status": "disputed"}})["count"]
    per: dict[str, int] = {}
    try:
        resp = es.search(index=reviews_index(es, config), size=0, query={"bool": {"filter": [
            {"term": {"kind": "round"}}, {"range": {"at": {"gte": f"now-{int(hours * 60)}m"}}}]}},
            aggs={"by": {"terms": {"field": "by", "size": 200}}})
        per = {b["key"]: b["doc_count"] for b in resp["aggregations"]["by"]["buckets"]}
    except NotFoundError:
        per = {}
    rate = sum(per.values()) / hours if per else 0.0
    return {"waiting": waiting, "disputed": disputed, "reviewed_per_hour": {k: v / hours for k, v in per.items()},
            "rate_per_hour": rate, "eta_hours": round(waiting / rate, 2) if rate else None}


def carry_reviews(es: Elasticsearch, index: str, docs: list[tuple[str, RecordDocument]]) -> list[tuple[str, RecordDocument]]:
    """Record documents about to replace stored ones (a re-extraction), each with the stored record's review:
    what people decided stays what the record says, whatever the extractor now reads."""
    if not docs:
        return docs
    try:
        found = es.mget(index=index, ids=[i for i, _ in docs], source_includes=["review"])["docs"]
    except NotFoundError:
        return docs
    reviews = {d["_id"]: d["_source"].get("review") for d in found if d.get("found") and d["_source"].get("review")}
    if not reviews:
        return docs
    return [(i, derive({**base_of(d), "review": reviews[i]}) if i in reviews else d) for i, d in docs]


# --- splitting and merging records (a document's layout) --------------------------------------------------

def layout_id(doc_hash: str) -> str:
    return f"layout:{doc_hash}"


def layout_of(es: Elasticsearch, config: Config, doc_hash: str) -> tuple[list[dict], dict | None]:
    """The split and merge operations people made on a document, in order, and the stored document's version
    (``_seq_no``/``_primary_term``, None when there is none yet)."""
    try:
        cur = es.get(index=reviews_index(es, config), id=layout_id(doc_hash))
    except NotFoundError:
        return [], None
    return list(cur["_source"].get("ops") or []), {"if_seq_no": cur["_seq_no"], "if_primary_term": cur["_primary_term"]}


def add_layout_op(es: Elasticsearch, config: Config, doc_hash: str, op: dict, *, who: str, at: str) -> int:
    """Append one operation to a document's layout (a compare-and-set: two reviewers at once both land, one
    after the other); its number in the layout (from 1), which names the record a split makes."""
    op = {**check_op(op), "by": who, "when": at}
    index = reviews_index(es, config)
    for _ in range(5):
        ops, version = layout_of(es, config, doc_hash)
        doc = {"kind": "layout", "doc_hash": doc_hash, "at": at, "ops": [*ops, op]}
        try:
            if version is None:
                es.index(index=index, id=layout_id(doc_hash), document=doc, op_type="create")
            else:
                es.index(index=index, id=layout_id(doc_hash), document=doc, **version)
            return len(ops) + 1
        except ConflictError:
            continue
    raise RuntimeError("the document's layout changed too often meanwhile; try again")


def with_layout(es: Elasticsearch, config: Config, doc_hash: str,
                records: list[ExtractedRecord]) -> list[ExtractedRecord]:
    """A fresh extraction of a document with the splits and merges people made on it made again
    (``schemas/regroup.py: replay``); each record keeps its ``ordinal`` (and ``split``) for its ID."""
    records = [{**r, "ordinal": i, "split": None} for i, r in enumerate(records)]
    try:
        ops, _ = layout_of(es, config, doc_hash)
    except NotFoundError:
        return records
    return replay(records, ops) if ops else records


def document_records(es: Elasticsearch, config: Config, doc_hash: str, limit: int = 5000) -> list[dict]:
    """Every stored record of a document (bases with their IDs under ``record_id``)."""
    resp = es.search(index=config.index("records"), size=limit, query={"term": {"doc_hash": doc_hash}},
                     _source_excludes=["search"], seq_no_primary_term=True)
    return [{**h["_source"], "record_id": h["_id"]} for h in resp["hits"]["hits"]]


def _store(es: Elasticsearch, config: Config, docs: list[dict], delete: list[str] = ()) -> None:
    """Index the records (and delete those merged away) with one bulk request, refreshed: searchable on return."""
    ops: list[dict] = []
    for d in docs:
        ops += [{"index": {"_index": config.index("records"), "_id": d["record_id"]}}, d]
    for rid in delete:
        ops.append({"delete": {"_index": config.index("records"), "_id": rid}})
    resp = es.bulk(operations=ops, refresh=True)
    if resp.get("errors"):
        failed = [next(iter(i.values())).get("error", {}).get("type") for i in resp["items"]
                  if next(iter(i.values())).get("error")]
        raise RuntimeError(f"re-indexing the records failed: {', '.join(map(str, failed[:3]))}")


def split_stored(es: Elasticsearch, config: Config, source: dict, at: tuple[int, float], *, who: str,
                 when: str) -> tuple[dict, dict]:
    """Split a stored record at ``at`` (page, y): the layout keeps the split, both records are re-indexed at
    once (the first keeps the ID, the second is named after the split). ReviewError when nothing would be on
    one side."""
    base = base_of(source)
    first, second = split_record(base, at)  # checked before anything is written
    n = add_layout_op(es, config, source["doc_hash"], {"op": "split", "at": list(at)}, who=who, at=when)
    first_doc = derive({**first, "split": base.get("split")})
    second_doc = derive({**second, "ordinal": base.get("ordinal"), "split": n})
    _store(es, config, [first_doc, second_doc])
    return first_doc, second_doc


def next_stored(es: Elasticsearch, config: Config, source: dict) -> dict | None:
    """The record after this one in its document (reading order), as stored."""
    records = document_records(es, config, source["doc_hash"])
    return next_of(records, source, same=lambda a, b: a.get("record_id") == b.get("record_id"))


def merge_stored(es: Elasticsearch, config: Config, source: dict, following: dict, *, who: str,
                 when: str) -> dict:
    """Merge a stored record with the one after it: the layout keeps the merge, the merged record is
    re-indexed at once under the first one's ID, the second's deleted."""
    from schemas.regroup import start_of
    if following.get("doc_hash") != source.get("doc_hash"):
        raise ReviewError("only records of one document are merged")
    merged = merge_records(base_of(source), base_of(following))
    add_layout_op(es, config, source["doc_hash"], {"op": "merge", "at": list(start_of(following))}, who=who,
                  at=when)
    doc = derive({**merged, "ordinal": source.get("ordinal"), "split": source.get("split")})
    gone = following.get("record_id") or record_id(following["doc_hash"], following.get("ordinal") or 0,
                                                    following.get("split"))
    _store(es, config, [doc], delete=[gone])
    return doc
