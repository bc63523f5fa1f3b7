"""Work the queue lost, found from the state store and sent again.

The state store, not the queue, is the record of what must happen: a message
can still be lost between a broker and a worker (dramatiq's retry is
re-enqueued by the worker, and is gone if the broker is down at that moment;
a send after a state change can fail). So the watcher looks, after each
listing, for documents and pages that are not finished, have not changed for
``SOHOA_STALL_SECONDS``, while every queue is empty and no worker is busy.
Nothing can be carrying that work, so it is sent again. Stages are
idempotent, so a message that was merely slow costs at most a repeated step.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime, timedelta, timezone

from elasticsearch import helpers

from .state import ledger_id
from .storage import ObjectRef

log = logging.getLogger(__name__)

OPEN_LEDGER = ("listed", "enqueued", "preparing")
PREPARE_STATES = ("received", "queued", "rasterizing")
INDEX_STATES = ("extracting", "indexing")


def queues_quiet(status: dict) -> bool:
    """No message waiting, delayed or taken, and no worker busy: nothing in flight."""
    for q in status["queues"].values():
        if (q.get("waiting") or 0) or (q.get("delayed") or 0) or (q.get("in_progress") or 0):
            return False
    return all(int(w.get("busy") or 0) == 0 for w in status.get("workers") or [])


def _scan(ctx, index: str, filters: list[dict]) -> list[dict]:
    return [h["_source"] | {"_id": h["_id"]} for h in helpers.scan(
        ctx.es, index=index, query={"query": {"bool": {"filter": filters}}})]


def resend_stalled(ctx, status: dict, stall_seconds: float, now: datetime | None = None) -> Counter:
    """Send again the stage of every stalled ledger entry, document and page; return what was sent."""
    sent: Counter = Counter()
    if status.get("idle") or not queues_quiet(status):
        return sent
    now = now or datetime.now(timezone.utc)
    before = {"range": {"updated_at": {"lt": (now - timedelta(seconds=stall_seconds)).isoformat()}}}
    jobs, ledger = ctx.config.index("jobs"), ctx.config.index("ledger")

    def prepare_again(entry: dict, lid: str) -> None:
        if not all(k in entry for k in ("key", "etag", "size")):
            log.warning("ledger entry %s is incomplete; not sent again", lid)
            return
        ctx.send_prepare(ObjectRef(key=entry["key"], etag=entry["etag"], size=entry["size"]), lid)
        sent["prepare"] += 1

    for entry in _scan(ctx, ledger, [{"terms": {"status": list(OPEN_LEDGER)}}, before]):
        prepare_again(entry, entry["_id"])
    for doc in _scan(ctx, jobs, [{"term": {"kind": "document"}}, {"terms": {"state": list(PREPARE_STATES)}}, before]):
        lid = ledger_id(doc["bucket"], doc["key"], doc["etag"])
        entry = ctx.state.get(ledger, lid)
        if entry:
            prepare_again(entry, lid)
    for doc in _scan(ctx, jobs, [{"term": {"kind": "document"}}, {"term": {"state": "ocr"}}, before]):
        pending = _scan(ctx, jobs, [{"term": {"kind": "page"}}, {"term": {"doc_hash": doc["doc_hash"]}},
                                    {"terms": {"state": ["queued", "ocr"]}}])
        if pending:
            # As ranges: a page no worker has started has no image in the bucket yet; the range
            # rasterizes it, and hands a page an earlier attempt started to the OCR queue.
            ctx.send_pages(doc["doc_hash"], [(p["page"], p["page"]) for p in sorted(pending, key=lambda p: p["page"])])
            sent["ocr_page"] += len(pending)
        accounted = len(doc.get("pages_done") or []) + len(doc.get("pages_failed") or [])
        if not pending and accounted >= (doc.get("pages_total") or 0):
            ctx.send_index(doc["doc_hash"])
            sent["index_document"] += 1
    for doc in _scan(ctx, jobs, [{"term": {"kind": "document"}}, {"terms": {"state": list(INDEX_STATES)}}, before]):
        ctx.send_index(doc["doc_hash"])
        sent["index_document"] += 1
    if sent:
        log.warning("sent stalled work again: %s", dict(sent))
    return sent
