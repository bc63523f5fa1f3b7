"""Sending failed objects through the pipeline again.

The unit of retry is the bucket object version (its ledger entry): prepare
picks up a document where it stopped, so pages already done are not OCR'd
again and only the failed ones are retried. That covers three cases:

- an object that failed before it became a document (no hash yet);
- a failed document;
- a document indexed with some failed pages: it is reopened, its failed pages
  are redone and it is indexed again with them.

Dead-lettered messages about a retried object are dropped (Redis), so the
dead-letter count shows only what still needs a decision.
"""

from __future__ import annotations

import logging

from elasticsearch import helpers

from sohoa.clock import now_iso
from sohoa.jobs import DocState

from .state import ledger_id, transition
from sohoa.storage import ObjectRef

log = logging.getLogger(__name__)


def _scan(ctx, index: str, filters: list[dict]) -> list[tuple[str, dict]]:
    return [(h["_id"], h["_source"]) for h in helpers.scan(ctx.es, index=index,
                                                           query={"query": {"bool": {"filter": filters}}})]


def find_targets(ctx, docs: list[str] | None = None, reason: str | None = None,
                 collection: str | None = None) -> dict[str, dict]:
    """Ledger entries to send again, by ledger id, for document hashes (or prefixes), ``ledger:ID``s, or a reason."""
    jobs, ledger = ctx.config.index("jobs"), ctx.config.index("ledger")
    by_reason = [{"term": {"reason": reason}}] if reason else []
    by_collection = [{"term": {"collection": collection}}] if collection else []
    targets: dict[str, dict] = {}
    documents: dict[str, dict] = {}
    if docs:
        wanted_ledger = [d.split(":", 1)[1] for d in docs if d.startswith("ledger:")]
        prefixes = [d for d in docs if not d.startswith("ledger:")]
        targets.update(ctx.state.ledger_entries(wanted_ledger))
        for prefix in prefixes:
            hits = _scan(ctx, jobs, [{"term": {"kind": "document"}}, {"prefix": {"doc_hash": prefix}}])
            if not hits:
                # An object that never became a document is known by its ledger entry's hash too.
                for lid, entry in _scan(ctx, ledger, [{"prefix": {"doc_hash": prefix}}, {"term": {"status": "failed"}}]):
                    targets[lid] = entry
            for _, doc in hits:
                documents[doc["doc_hash"]] = doc
    else:
        for lid, entry in _scan(ctx, ledger, [{"term": {"status": "failed"}}, *by_reason, *by_collection]):
            targets[lid] = entry
        for _, doc in _scan(ctx, jobs, [{"term": {"kind": "document"}}, {"term": {"state": "failed"}},
                                        *by_reason, *by_collection]):
            documents[doc["doc_hash"]] = doc
        # Documents indexed without some pages: found through their failed pages.
        hashes = {p["doc_hash"] for _, p in _scan(ctx, jobs, [{"term": {"kind": "page"}}, {"term": {"state": "failed"}},
                                                               *by_reason])}
        for h in hashes - set(documents):
            doc = ctx.state.document(h)
            if doc and (not collection or doc.get("collection") == collection):
                documents[h] = doc
    for doc in documents.values():
        if doc.get("state") != DocState.FAILED and not doc.get("pages_count_failed"):
            continue  # nothing to redo
        lid = ledger_id(doc["bucket"], doc["key"], doc["etag"])
        entry = ctx.state.get(ctx.state.ledger, lid)
        if entry:
            targets[lid] = entry
    return targets


def retry_failed(ctx, docs: list[str] | None = None, reason: str | None = None,
                 collection: str | None = None, broker=None, queues: tuple[str, ...] = ()) -> int:
    ctx.es.indices.refresh(index=f"{ctx.config.index('jobs')},{ctx.config.index('ledger')}")
    targets = find_targets(ctx, docs, reason, collection)
    for lid, entry in targets.items():
        if entry.get("doc_hash"):
            # Open again: prepare resumes a document that is not finished, and
            # status shows it waiting from this moment.
            ctx.state.update_document(entry["doc_hash"],
                                      lambda src: None if src is None else transition(src, DocState.QUEUED))
        ctx.state.set_ledger(lid, status="enqueued", enqueued_at=now_iso(), reason=None, message=None)
        ctx.send_prepare(ObjectRef(key=entry["key"], etag=entry["etag"], size=entry["size"]), lid)
    if broker is not None and targets:
        from .deadletter import purge_dead_for
        dropped = purge_dead_for(broker, queues, {e["doc_hash"] for e in targets.values() if e.get("doc_hash")},
                                 set(targets))
        if dropped:
            log.info("dropped %d dead-lettered messages about retried objects", dropped)
    return len(targets)
