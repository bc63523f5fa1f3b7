"""Sending failed objects through the pipeline again.

The unit of retry is the bucket object version (its ledger entry): prepare
picks up a failed document where it stopped, so pages already done are not
OCR'd again and only the failed ones are retried.
"""

from __future__ import annotations

from elasticsearch import helpers

from indexers.pages import now_iso

from .stages import Context
from .state import ledger_id
from .storage import ObjectRef


def _failed_ledger_entries(ctx: Context, reason: str | None) -> list[tuple[str, dict]]:
    filters = [{"term": {"status": "failed"}}] + ([{"term": {"reason": reason}}] if reason else [])
    return [(h["_id"], h["_source"]) for h in helpers.scan(ctx.es, index=ctx.config.index("ledger"),
                                                           query={"query": {"bool": {"filter": filters}}})]


def _failed_documents(ctx: Context, reason: str | None, hashes: list[str] | None) -> list[dict]:
    filters = [{"term": {"kind": "document"}}]
    if hashes is None:
        filters.append({"term": {"state": "failed"}})
    if reason:
        filters.append({"term": {"reason": reason}})
    docs = [h["_source"] for h in helpers.scan(ctx.es, index=ctx.config.index("jobs"),
                                               query={"query": {"bool": {"filter": filters}}})]
    if hashes is not None:
        docs = [d for d in docs if any(d["doc_hash"].startswith(h) for h in hashes)]
    return docs


def retry_failed(ctx: Context, docs: list[str] | None = None, reason: str | None = None) -> int:
    ctx.es.indices.refresh(index=f"{ctx.config.index('jobs')},{ctx.config.index('ledger')}")
    targets: dict[str, dict] = {}
    if not docs:
        for lid, entry in _failed_ledger_entries(ctx, reason):
            targets[lid] = entry
    for doc in _failed_documents(ctx, reason, docs or None):
        if doc.get("state") not in ("failed",) and not docs:
            continue
        lid = ledger_id(doc["bucket"], doc["key"], doc["etag"])
        entry = ctx.state.get(ctx.state.ledger, lid)
        if entry:
            targets[lid] = entry
    for lid, entry in targets.items():
        ctx.state.set_ledger(lid, status="enqueued", enqueued_at=now_iso(), reason=None, message=None)
        ctx.send_prepare(ObjectRef(key=entry["key"], etag=entry["etag"], size=entry["size"]), lid)
    return len(targets)
