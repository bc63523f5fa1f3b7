"""What the pipeline is doing, from the state store and the broker itself.

Counts come from aggregations over the jobs and ledger indices (one request
each, fast at any size), queue depths from the broker, so an operator sees
both what sohoa thinks and what the queue holds.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from .actors import QUEUES, broker
from .stages import Context

OPEN_LEDGER = ("listed", "enqueued", "preparing")
OPEN_DOCS = ("received", "queued", "rasterizing", "ocr", "indexing")


def queue_depths() -> dict[str, dict[str, int]]:
    """Per queue: waiting, delayed (retry), in progress, dead-lettered."""
    out = {}
    for q in QUEUES:
        if hasattr(broker, "get_queue_message_counts"):  # RabbitMQ
            ready, delayed, dead = broker.get_queue_message_counts(q)
            out[q] = {"waiting": ready, "delayed": delayed, "in_progress": None, "dead": dead}
            continue
        r, ns = broker.client, broker.namespace
        waiting = r.llen(f"{ns}:{q}")
        out[q] = {
            "waiting": waiting,
            # .msgs holds every message of the queue not yet acknowledged,
            # both waiting and taken by a worker.
            "in_progress": max(0, r.hlen(f"{ns}:{q}.msgs") - waiting),
            "delayed": r.hlen(f"{ns}:{q}.DQ.msgs"),
            "dead": r.hlen(f"{ns}:{q}.XQ.msgs"),
        }
    return out


def _terms(ctx: Context, index: str, field: str, kind: str | None = None, extra: dict | None = None) -> dict:
    query = {"bool": {"filter": ([{"term": {"kind": kind}}] if kind else []) + ([extra] if extra else [])}}
    resp = ctx.es.search(index=index, size=0, query=query, aggs={"by": {"terms": {"field": field, "size": 50}}})
    return {b["key"]: b["doc_count"] for b in resp["aggregations"]["by"]["buckets"]}


def collect_status(ctx: Context, refresh: bool = True) -> dict:
    es, jobs, ledger = ctx.es, ctx.config.index("jobs"), ctx.config.index("ledger")
    if refresh:
        es.indices.refresh(index=f"{jobs},{ledger}")
    now = datetime.now(timezone.utc)
    documents = _terms(ctx, jobs, "state", "document")
    pages = _terms(ctx, jobs, "state", "page")
    objects = _terms(ctx, ledger, "status")
    failures = {}
    for kind in ("document", "page"):
        for reason, n in _terms(ctx, jobs, "reason", kind, {"term": {"state": "failed"}}).items():
            failures.setdefault(reason, {"documents": 0, "pages": 0})[kind + "s"] += n
    for reason, n in _terms(ctx, ledger, "reason", None, {"term": {"status": "failed"}}).items():
        failures.setdefault(reason, {"documents": 0, "pages": 0}).setdefault("objects", 0)
        failures[reason]["objects"] = n
    throughput = {}
    for minutes in (5, 60):
        since = (now - timedelta(minutes=minutes)).isoformat()
        n = es.count(index=jobs, query={"bool": {"filter": [{"term": {"kind": "page"}}, {"term": {"state": "done"}},
                                                             {"range": {"finished_at": {"gte": since}}}]}})["count"]
        throughput[f"pages_per_minute_{minutes}m"] = round(n / minutes, 2)
    in_progress = es.search(index=jobs, size=20, sort=[{"received_at": "asc"}],
                            query={"bool": {"filter": [{"term": {"kind": "document"}},
                                                       {"terms": {"state": list(OPEN_DOCS)}}]}},
                            source_includes=["doc_hash", "collection", "state", "pages_total", "pages_count_done",
                                             "pages_count_failed", "received_at"])
    registers = [h["_source"] for h in in_progress["hits"]["hits"]]
    queues = queue_depths()
    backlog = sum((q["waiting"] or 0) + (q["delayed"] or 0) for q in queues.values())
    pages_left = pages.get("queued", 0) + pages.get("ocr", 0)
    rate = throughput["pages_per_minute_5m"] or throughput["pages_per_minute_60m"]
    idle = (backlog == 0 and not any(objects.get(s) for s in OPEN_LEDGER)
            and not any(documents.get(s) for s in OPEN_DOCS)
            and all((q["in_progress"] or 0) == 0 for q in queues.values()))
    return {
        "at": now.isoformat(timespec="seconds"),
        "idle": idle,
        "objects": objects,
        "documents": documents,
        "pages": pages,
        "failures": failures,
        "queues": queues,
        "throughput": throughput,
        "eta_minutes": round(pages_left / rate, 1) if rate and pages_left else None,
        "registers_in_progress": registers,
    }


def format_status(s: dict) -> str:
    lines = [f"sohoa status at {s['at']}" + ("  (idle)" if s["idle"] else "")]

    def counts(d: dict) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(d.items())) or "none"
    lines.append(f"  objects:   {counts(s['objects'])}")
    lines.append(f"  documents: {counts(s['documents'])}")
    lines.append(f"  pages:     {counts(s['pages'])}")
    lines.append("  queues:")
    for q, c in s["queues"].items():
        lines.append(f"    {q:<14} waiting {c['waiting']}, in progress {c['in_progress'] if c['in_progress'] is not None else '?'}, "
                     f"delayed {c['delayed']}, dead {c['dead']}")
    t = s["throughput"]
    eta = f", ETA {s['eta_minutes']} min" if s["eta_minutes"] else ""
    lines.append(f"  throughput: {t['pages_per_minute_5m']} pages/min (5 min), {t['pages_per_minute_60m']} (60 min){eta}")
    if s["failures"]:
        lines.append("  failures by reason:")
        for reason, c in sorted(s["failures"].items()):
            lines.append(f"    {reason:<24} " + ", ".join(f"{k} {v}" for k, v in c.items() if v))
    if s["registers_in_progress"]:
        lines.append("  in progress:")
        for r in s["registers_in_progress"]:
            total = r.get("pages_total") or 0
            done = r.get("pages_count_done") or 0
            lines.append(f"    {r['doc_hash'][:12]} {r.get('collection') or '-':<14} {r['state']:<12} "
                         f"{done}/{total or '?'} pages" + (f", {r['pages_count_failed']} failed" if r.get('pages_count_failed') else ""))
    return "\n".join(lines)
