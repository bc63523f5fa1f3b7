"""What failed and why, for an operator: one list over objects, documents and pages.

A failure is recorded at three levels, each where it belongs:

- an *object* (ledger entry) fails before it becomes a document, e.g. an
  empty or unreadable file: there is no hash yet, only the key;
- a *document* fails as a whole (no page could be processed, indexing failed);
- a *page* fails on its own while the rest of its document is indexed.

``list_failures`` merges the three into one list, newest first, with the key,
reason class, message, attempts and time, and the target ``sohoa retry``
takes. Stages waiting for an automatic retry are not failures yet; they carry
``retry_reason``/``retry_message`` (see ``record_retry``) and are listed by
``list_retrying`` so a delayed message never waits without a visible reason.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from sohoa.clock import now_iso
from sohoa.errors import classify
from sohoa.messages import PREPARE, PrepareMessage

from .state import RETRY_FIELDS, StateStore, doc_job_id

log = logging.getLogger(__name__)

SOURCE = ["kind", "doc_hash", "page", "key", "collection", "state", "reason", "message", "attempts", "worker",
          "updated_at", "finished_at", "pages_total", "pages_count_failed", "retry_reason", "retry_message",
          "retry_at", "retries"]


def record_retry(state: StateStore, actor: str, args: tuple, exc: BaseException, retries: int,
                 retry_at: str | None) -> None:
    """Note on the waiting page or document why its stage is being retried, and when."""
    reason, message = classify(exc)
    fields = {"retry_reason": reason, "retry_message": message[:500], "retries": int(retries),
              "retry_at": retry_at or now_iso()}

    def note(src):
        if src is None:
            return None
        src.update(fields)
        src["updated_at"] = now_iso()
        return src

    if actor == PREPARE:
        prepare = PrepareMessage.parse(args)
        if prepare is None:
            return
        lid = prepare.ledger_id
        entry = state.get(state.ledger, lid) or {}
        if entry.get("doc_hash"):
            state.update_document(entry["doc_hash"], note)
        else:  # no document yet (the download itself failed): say it on the ledger entry
            state.set_ledger(lid, reason=reason, message=message[:500])
    elif actor == "ocr_page":
        doc_hash, page = args
        from .state import page_job_id
        state.update(state.jobs, page_job_id(doc_hash, page), note)
    elif actor in ("index_document", "ocr_pages"):
        state.update(state.jobs, doc_job_id(args[0]), note)
    log.info("%s will be retried (attempt %d failed): %s", actor, retries, reason,
             extra={"actor": actor, "reason": reason, **_log_ids(actor, args)})


def _log_ids(actor: str, args: tuple) -> dict:
    """Identifiers safe to log: hashes and page numbers, never keys (file names may carry names)."""
    if actor == "ocr_page":
        return {"doc_hash": args[0][:12], "page": args[1]}
    if actor == "index_document":
        return {"doc_hash": args[0][:12]}
    if actor == "ocr_pages":
        return {"doc_hash": args[0][:12], "pages": f"{args[1]}-{args[2]}"}
    if actor == PREPARE:
        prepare = PrepareMessage.parse(args)
        return {"ledger_id": prepare.ledger_id[:12]} if prepare else {}
    return {}


def _when(src: dict) -> str | None:
    return src.get("finished_at") or src.get("updated_at")


def list_failures(es, config, reason: str | None = None, collection: str | None = None,
                  limit: int = 200) -> list[dict]:
    """Failed objects, documents and pages, newest first.

    Each item: level (object/document/page), target (what ``sohoa retry``
    takes: a document hash, or ``ledger:ID`` for objects that never became a
    document), key, collection, doc_hash, page, reason, message, attempts, at.
    """
    jobs, ledger = config.index("jobs"), config.index("ledger")
    extra = ([{"term": {"reason": reason}}] if reason else []) + \
        ([{"term": {"collection": collection}}] if collection else [])
    out: list[dict] = []
    docs = es.search(index=jobs, size=limit, sort=[{"updated_at": "desc"}], source_includes=SOURCE,
                     query={"bool": {"filter": [{"term": {"kind": "document"}}, {"term": {"state": "failed"}}, *extra]}})
    failed_docs = set()
    for h in docs["hits"]["hits"]:
        s = h["_source"]
        failed_docs.add(s["doc_hash"])
        out.append({"level": "document", "target": s["doc_hash"], "key": s.get("key"), "collection": s.get("collection"),
                    "doc_hash": s["doc_hash"], "page": None, "reason": s.get("reason"), "message": s.get("message"),
                    "attempts": s.get("attempts"), "at": _when(s), "worker": s.get("worker")})
    # Pages carry no collection: filter them through their documents.
    page_filter = [{"term": {"kind": "page"}}, {"term": {"state": "failed"}}] + \
        ([{"term": {"reason": reason}}] if reason else [])
    pages = es.search(index=jobs, size=limit, sort=[{"updated_at": "desc"}], source_includes=SOURCE,
                      query={"bool": {"filter": page_filter}})["hits"]["hits"]
    parents = _documents(es, jobs, {h["_source"]["doc_hash"] for h in pages})
    for h in pages:
        s = h["_source"]
        parent = parents.get(s["doc_hash"], {})
        if collection and parent.get("collection") != collection:
            continue
        out.append({"level": "page", "target": s["doc_hash"], "key": parent.get("key"),
                    "collection": parent.get("collection"), "doc_hash": s["doc_hash"], "page": s.get("page"),
                    "reason": s.get("reason"), "message": s.get("message"), "attempts": s.get("attempts"),
                    "at": _when(s), "worker": s.get("worker"), "document_state": parent.get("state")})
    entries = es.search(index=ledger, size=limit, sort=[{"updated_at": "desc"}],
                        query={"bool": {"filter": [{"term": {"status": "failed"}}, *extra]}})
    for h in entries["hits"]["hits"]:
        s = h["_source"]
        if s.get("doc_hash") in failed_docs:
            continue  # the document's own entry says it better
        out.append({"level": "object", "target": s["doc_hash"] if s.get("doc_hash") else f"ledger:{h['_id']}",
                    "key": s.get("key"), "collection": s.get("collection"), "doc_hash": s.get("doc_hash"),
                    "page": None, "reason": s.get("reason"), "message": s.get("message"), "attempts": None,
                    "at": s.get("updated_at"), "worker": None})
    out.sort(key=lambda f: f.get("at") or "", reverse=True)
    return out[:limit]


def list_retrying(es, config, limit: int = 50) -> list[dict]:
    """Pages and documents waiting for an automatic retry, with the error that delayed them."""
    resp = es.search(index=config.index("jobs"), size=limit, sort=[{"updated_at": "desc"}], source_includes=SOURCE,
                     query={"bool": {"filter": [{"exists": {"field": "retry_reason"}}],
                                     "must_not": [{"terms": {"state": ["failed", "done", "indexed", "needs_review"]}}]}})
    return [{"level": h["_source"].get("kind"), "doc_hash": h["_source"].get("doc_hash"),
             "page": h["_source"].get("page"), "state": h["_source"].get("state"),
             **{k: h["_source"].get(k) for k in RETRY_FIELDS}} for h in resp["hits"]["hits"]]


def _documents(es, jobs: str, hashes: set[str]) -> dict[str, dict]:
    if not hashes:
        return {}
    resp = es.mget(index=jobs, ids=[doc_job_id(h) for h in hashes])
    return {d["_source"]["doc_hash"]: d["_source"] for d in resp["docs"] if d.get("found")}


def _age(at: str | None, now: datetime | None = None) -> str:
    if not at:
        return "-"
    now = now or datetime.now(timezone.utc)
    try:
        seconds = (now - datetime.fromisoformat(at)).total_seconds()
    except ValueError:
        return at
    if seconds < 90:
        return f"{seconds:.0f} s ago"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min ago"
    if seconds < 172800:
        return f"{seconds / 3600:.0f} h ago"
    return f"{seconds / 86400:.0f} d ago"


def format_failures(items: list[dict], now: datetime | None = None) -> str:
    if not items:
        return "no failures"
    lines = [f"{len(items)} failure{'s' if len(items) != 1 else ''}:"]
    for f in items:
        where = f["key"] or "-"
        if f["page"] is not None:
            where += f" page {f['page']}"
        target = f["target"][:12] if not f["target"].startswith("ledger:") else f["target"][:19]
        attempts = f"{f['attempts']} attempt{'s' if f['attempts'] != 1 else ''}" if f.get("attempts") else ""
        lines.append(f"  {target:<19} {f['reason'] or '?':<22} {where}")
        lines.append(f"      {f['message'] or ''}")
        lines.append("      " + ", ".join(x for x in (f["level"], attempts, _age(f.get("at"), now)) if x))
    return "\n".join(lines)
