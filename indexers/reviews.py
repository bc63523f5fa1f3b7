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
from datetime import datetime, timedelta, timezone
from typing import Any

from elasticsearch import ConflictError, Elasticsearch, NotFoundError

from schemas.review import QUEUE_STATUSES
from sohoa.clock import now_iso
from sohoa.config import Config

from .client import ensure_index
from .records import base_of, derive

log = logging.getLogger(__name__)

QUEUE_CANDIDATES = 10
_ready: set[tuple[str, str]] = set()


def reviews_index(es: Elasticsearch, config: Config) -> str:
    key = (config.es_url, config.index_prefix)
    if key not in _ready:
        ensure_index(es, config, "reviews")
        _ready.add(key)
    return config.index("reviews")


# --- the queue (pure) ---------------------------------------------------------------------------------

def queue_filters(*, collections: list[str] | tuple[str, ...] = (), record_types: list[str] | tuple[str, ...] = (),
                  reasons: list[str] | tuple[str, ...] = (), statuses: tuple[str, ...] = QUEUE_STATUSES) -> list[dict]:
    out: list[dict] = [{"terms": {"review_status": list(statuses)}}]
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
    index = reviews_index(es, config)
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
        src = es.get(index=reviews_index(es, config), id=lease_id(record_id))["_source"]
    except NotFoundError:
        return None
    return src if src.get("until", "") > now_iso() else None


def held_lease(es: Elasticsearch, config: Config, record_id: str, holder: str) -> dict | None:
    """The lease ``holder`` holds on a record, taking it when free (``_seq_no``/``_primary_term`` kept for
    ``release_lease``); None when someone else holds it. One real-time GET when the lease is already held."""
    index = reviews_index(es, config)
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
    index = reviews_index(es, config)
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
    resp = es.search(index=reviews_index(es, config), size=limit, query={"bool": {"filter": filters,
                                                                                   "must_not": must_not}},
                     sort=[{"at": "desc"}], _source=["record_id", "by", "until"])
    return [h["_source"] for h in resp["hits"]["hits"]]


# --- taking the next record ----------------------------------------------------------------------------

LEASES_QUERY = {"bool": {"filter": [{"term": {"kind": "lease"}}, {"range": {"until": {"gt": "now"}}}]}}
CANDIDATES_FIRST = 50


PREFETCH = 2  # records after the one handed out whose page images are worth loading ahead


def next_record(es: Elasticsearch, config: Config, reviewer: str, *, upcoming: list | None = None,
                **filters: Any) -> tuple[str, str] | None:
    """(record id, lease expiry) of the next record for ``reviewer``, leased to them; None when the queue
    (within ``filters``) is empty. A record the reviewer already holds and that still waits comes first.

    One multi-search reads the live leases and the first candidates together; candidates others hold are
    passed over, and the lease itself is taken atomically (``take_lease``), so a lease the search did not
    see yet only costs one refused attempt. ``upcoming``, when given, receives the (doc hash, page) of the
    page images the next records in the queue need, so they can be loaded before anyone asks."""
    records = config.index("records")
    first = queue_search(reviewer=reviewer, leased=[], size=CANDIDATES_FIRST, **filters)
    resp = es.msearch(searches=[
        {"index": reviews_index(es, config)},
        {"query": LEASES_QUERY, "size": 1000, "_source": ["record_id", "by"]},
        {"index": records}, first])["responses"]
    for r in resp:
        if "error" in r:
            raise RuntimeError(f"review queue search failed: {r['error'].get('type')}")
    leases = {h["_source"]["record_id"]: h["_source"]["by"] for h in resp[0]["hits"]["hits"]}
    candidates = [h["_id"] for h in resp[1]["hits"]["hits"]]
    pages_of = {h["_id"]: [(h["_source"].get("doc_hash"), p) for p in (h["_source"].get("pages") or [])[:1]]
                for h in resp[1]["hits"]["hits"]}
    size = CANDIDATES_FIRST
    held = {rid for rid, by in leases.items() if by != reviewer}
    free = [c for c in candidates if leases.get(c) == reviewer] + [c for c in candidates if c not in leases]
    for _ in range(3):
        for rid in free:
            until = take_lease(es, config, rid, reviewer)
            if until:
                if upcoming is not None:
                    after = [c for c in free[free.index(rid) + 1:] if c not in held][:PREFETCH]
                    upcoming.extend(p for c in after for p in pages_of.get(c, []))
                return rid, until
            held.add(rid)
        if len(candidates) < size:  # the whole queue was in view and every record in it is held
            return None
        # every candidate was held: ask again without the held ones
        size = QUEUE_CANDIDATES
        hits = es.search(index=records, **queue_search(reviewer=reviewer, leased=sorted(held), size=size,
                                                        **filters))["hits"]["hits"]
        candidates = free = [h["_id"] for h in hits]
    return None


def queue_counts(es: Elasticsearch, config: Config, **filters: Any) -> dict:
    """How many records wait, by status, record type, collection and reason."""
    resp = es.search(index=config.index("records"), size=0, track_total_hits=True,
                     query={"bool": {"filter": queue_filters(statuses=(*QUEUE_STATUSES, "disputed"), **filters)}},
                     aggs={"status": {"terms": {"field": "review_status", "size": 10}},
                           "record_type": {"terms": {"field": "record_type", "size": 20}},
                           "collection": {"terms": {"field": "collection", "size": 50}},
                           "reason": {"terms": {"field": "review_codes", "size": 30}}})
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
    es.index(index=index, document=round_doc)
    # refresh=true on the records index only: the answer is searchable when this returns.
    es.index(index=config.index("records"), id=doc["record_id"], document=doc, refresh=True)
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


def carry_reviews(es: Elasticsearch, index: str, docs: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
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
