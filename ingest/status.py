"""What the pipeline is doing, from the state store and the broker itself.

Counts come from aggregations over the jobs and ledger indices, sent as one
multi-search (one round trip, fast at any size); queue depths from the broker;
live workers from their heartbeats. An operator sees both what sohoa thinks
and what the queue holds, and when they disagree (work recorded as running
but no worker alive) ``warnings`` says so.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from .deadletter import queue_depths
from .event_counters import is_retired
from .heartbeat import ALIVE_WITHIN

OPEN_LEDGER = ("listed", "enqueued", "preparing")
OPEN_DOCS = ("received", "queued", "rasterizing", "ocr", "extracting", "indexing")
# The command line's wording of each warning code (the web console's is in api/locales/*.json, notice.*).
NOTICES = {
    "broker_unreachable": "broker unreachable: {error}",
    "no_worker": "work is waiting but no worker has sent a heartbeat in the last {seconds} s: "
                 "start one with 'sohoa worker'",
    "dead_letters": "{count} dead-lettered messages: see 'sohoa failures', replay with 'sohoa requeue-dead'",
    "event_consumer_stopped": "the event consumer has stopped: new scans wait for the next reconciliation; start "
                              "'sohoa events'",
}
FAILED_OR_DONE = ("failed", "done", "indexed", "needs_review", "duplicate")
REGISTERS_SHOWN = 20
ACTIVE_BUCKET = 10  # seconds: the resolution at which status tells working time from idle time


def _terms(field: str, size: int = 50) -> dict:
    return {"terms": {"field": field, "size": size}}


def _searches(jobs: str, ledger: str, now: datetime) -> list[tuple[str, dict]]:
    """(index, body) of every search status needs, in the order _parse reads them."""
    def kind(k):
        return {"term": {"kind": k}}
    since = {m: (now - timedelta(minutes=m)).isoformat() for m in (5, 60)}
    alive_since = (now - timedelta(seconds=ALIVE_WITHIN)).isoformat()
    by_reason = {"aggs": {"by": _terms("reason")}}
    return [
        (jobs, {"size": 0, "query": {"bool": {"filter": [{"terms": {"kind": ["document", "page"]}}]}},
                "aggs": {"kind": {"terms": {"field": "kind", "size": 5}, "aggs": {
                    "state": _terms("state"),
                    "failed": {"filter": {"term": {"state": "failed"}}, **by_reason},
                    "retrying": {"filter": {"bool": {"filter": [{"exists": {"field": "retry_reason"}}],
                                                     "must_not": [{"terms": {"state": list(FAILED_OR_DONE)}}]}},
                                 "aggs": {"by": _terms("retry_reason")}},
                    **{f"done_{m}m": {"filter": {"range": {"finished_at": {"gte": since[m]}}},
                                      "aggs": {"state": _terms("state")}} for m in (5, 60)},
                    # When work ran within the hour: per 10 s of finishing, the
                    # earliest start and the latest finish (see busy_seconds).
                    "active": {"filter": {"range": {"finished_at": {"gte": since[60]}}}, "aggs": {"at": {
                        "date_histogram": {"field": "finished_at", "fixed_interval": f"{ACTIVE_BUCKET}s",
                                           "min_doc_count": 1},
                        "aggs": {"start": {"min": {"field": "started_at"}},
                                 "end": {"max": {"field": "finished_at"}}}}}},
                }}}}),
        (ledger, {"size": 0, "aggs": {"status": _terms("status"),
                                      "failed": {"filter": {"term": {"status": "failed"}}, **by_reason}}}),
        (jobs, {"size": REGISTERS_SHOWN, "sort": [{"received_at": "asc"}],
                "query": {"bool": {"filter": [kind("document"), {"terms": {"state": list(OPEN_DOCS)}}]}},
                "_source": ["doc_hash", "key", "collection", "state", "pages_total", "pages_count_done",
                            "pages_count_failed", "received_at", "retry_reason", "retry_message"],
                "track_total_hits": True}),
        (jobs, {"size": 200, "sort": [{"worker": "asc"}],
                "query": {"bool": {"filter": [kind("worker"), {"term": {"state": "alive"}},
                                              {"range": {"heartbeat_at": {"gte": alive_since}}}]}},
                "_source": ["worker", "host", "pid", "queues", "busy", "held_delayed", "processed", "errors",
                            "heartbeat_at", "started_at", "queue_counts"]}),
        # Intake: every event consumer's counters, and the last reconciliation.
        (jobs, {"size": 100, "query": {"terms": {"kind": ["events", "reconciliation"]}},
                "_source": ["kind", "worker", "updated_at", "events", "reconciliation"]}),
        # Upload -> enqueue lag of what events queued in the last hour.
        (ledger, {"size": 0, "query": {"bool": {"filter": [{"term": {"source": "event"}},
                                                          {"range": {"enqueued_at": {"gte": since[60]}}}]}},
                  "aggs": {"lag": {"percentiles": {"field": "enqueue_lag_ms", "percents": [50, 95, 99]}},
                           "by_source": {"global": {}, "aggs": {"source": _terms("source", 5)}}}}),
    ]


def busy_seconds(buckets: list[dict], since: datetime, now: datetime) -> float:
    """Seconds within [since, now] during which pages were being worked on.

    Each bucket of the finish-time histogram stands for the span from the
    earliest start to the latest finish of the pages that finished in it; the
    spans are merged, so idle time between bursts does not count, while a page
    that took longer than a bucket counts whole. A page record without a start
    (written before starts were kept) counts from its bucket's start.
    """
    spans = []
    for b in buckets:
        if not b.get("doc_count"):
            continue
        key = datetime.fromtimestamp(b["key"] / 1000, timezone.utc)
        end = (b.get("end") or {}).get("value")
        start = (b.get("start") or {}).get("value")
        end = datetime.fromtimestamp(end / 1000, timezone.utc) if end is not None else key
        start = datetime.fromtimestamp(start / 1000, timezone.utc) if start is not None else key
        start, end = max(start, since), min(end, now)
        if end > start:
            spans.append((start, end))
    total, current = 0.0, None
    for start, end in sorted(spans):
        if current and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current:
            total += (current[1] - current[0]).total_seconds()
        current = (start, end)
    if current:
        total += (current[1] - current[0]).total_seconds()
    return total


def broker_has_work(queues: dict[str, dict]) -> bool:
    """Whether the broker alone shows work not finished: a message waiting, delayed for a retry, or taken by a
    worker. When it does, nothing can be idle, whatever the job records say; when it does not, only the job
    records can tell (a listed object not yet sent, a broker that cannot count what its workers hold)."""
    return any((c.get("waiting") or 0) or (c.get("delayed") or 0) or (c.get("in_progress") or 0)
               for c in queues.values())


def _buckets(agg: dict) -> dict[str, int]:
    return {b["key"]: b["doc_count"] for b in agg["buckets"]}


def collect_status(ctx, refresh: bool = True, broker=None, queues: tuple[str, ...] | None = None) -> dict:
    """Everything ``sohoa status`` shows, as plain data (also the console's and /metrics' source)."""
    if broker is None or queues is None:
        from sohoa.messages import make_broker, queue_names
        broker, queues = broker or make_broker(ctx.config.broker_url), queues or queue_names(ctx.config.index_prefix)
    es, jobs, ledger = ctx.es, ctx.config.index("jobs"), ctx.config.index("ledger")
    if refresh:
        es.indices.refresh(index=f"{jobs},{ledger}")
    now = datetime.now(timezone.utc)
    body = []
    for index, search in _searches(jobs, ledger, now):
        body += [{"index": index}, search]
    responses = es.msearch(searches=body)["responses"]
    for r in responses:
        if "error" in r:
            raise RuntimeError(f"status query failed: {r['error']}")
    try:
        qd = queue_depths(broker, queues, [h["_source"] for h in responses[3]["hits"]["hits"]])
        broker_error = None
    except Exception as exc:  # the broker down is itself what the operator must see
        qd, broker_error = {q: {"waiting": None, "delayed": None, "in_progress": None, "dead": None} for q in queues}, \
            f"{type(exc).__name__}: {exc}"
    return summarize(responses, qd, now, broker_error)


def intake(responses: list[dict], now: datetime) -> dict:
    """Events received, upload -> enqueue lag, and the last reconciliation (pure: unit-tested)."""
    if len(responses) < 6:
        return {}
    totals = {k: 0 for k in ("received", "queued", "resent", "duplicates", "ignored", "rejected")}
    consumers, last_event, reconciliation, known = [], None, None, 0
    for hit in responses[4]["hits"]["hits"]:
        src = hit["_source"]
        if src.get("kind") == "reconciliation":
            reconciliation = src.get("reconciliation")
            continue
        ev = src.get("events") or {}
        for k in totals:
            totals[k] += int(ev.get(k) or 0)
        if ev.get("last_event_at") and (last_event is None or ev["last_event_at"] > last_event):
            last_event = ev["last_event_at"]
        if is_retired(hit.get("_id", ""), src):
            known += int(ev.get("consumers") or 0)  # stopped consumers, folded into one record
            continue
        known += 1
        try:
            alive = (now - datetime.fromisoformat(src["updated_at"])).total_seconds() < ALIVE_WITHIN
        except (KeyError, TypeError, ValueError):
            alive = False
        if alive:
            consumers.append(src.get("worker"))
    led = responses[5].get("aggregations", {})
    values = (led.get("lag") or {}).get("values") or {}
    lag = {f"p{int(float(k))}_ms": (round(v) if v is not None else None) for k, v in values.items()}
    lag["count"] = responses[5].get("hits", {}).get("total", {}).get("value", 0)
    by_source = _buckets(led["by_source"]["source"]) if "by_source" in led else {}
    return {"events": {**totals, "last_event_at": last_event, "consumers_alive": consumers,
                       "consumers_known": known},
            "lag_last_hour": lag, "recorded_by": by_source, "last_reconciliation": reconciliation}


def summarize(responses: list[dict], queues: dict, now: datetime, broker_error: str | None = None) -> dict:
    """Status from the multi-search responses and queue depths (pure: unit-tested)."""
    kinds = {b["key"]: b for b in responses[0]["aggregations"]["kind"]["buckets"]}
    documents = _buckets(kinds["document"]["state"]) if "document" in kinds else {}
    pages = _buckets(kinds["page"]["state"]) if "page" in kinds else {}
    led = responses[1]["aggregations"]
    objects = _buckets(led["status"])
    # Same bytes under another key are one document; the ledger counts each extra key.
    if objects.get("duplicate"):
        documents["duplicate"] = objects["duplicate"]
    failures: dict[str, dict[str, int]] = {}
    for k in ("document", "page"):
        if k in kinds:
            for reason, n in _buckets(kinds[k]["failed"]["by"]).items():
                failures.setdefault(reason, {"objects": 0, "documents": 0, "pages": 0})[k + "s"] += n
    for reason, n in _buckets(led["failed"]["by"]).items():
        failures.setdefault(reason, {"objects": 0, "documents": 0, "pages": 0})["objects"] = n
    retrying: dict[str, int] = {}
    for k in ("document", "page"):
        if k in kinds:
            for reason, n in _buckets(kinds[k]["retrying"]["by"]).items():
                retrying[reason] = retrying.get(reason, 0) + n
    throughput = {}
    active = (kinds.get("page") or {}).get("active")
    for m in (5, 60):
        page_states = _buckets(kinds["page"][f"done_{m}m"]["state"]) if "page" in kinds else {}
        doc_states = _buckets(kinds["document"][f"done_{m}m"]["state"]) if "document" in kinds else {}
        # Rates are over the time work actually ran in the window, so a burst
        # of a few seconds reads at the speed it went, not spread over the window.
        minutes: float = m
        if active is not None:
            minutes = max(busy_seconds(active["at"]["buckets"], now - timedelta(minutes=m), now), 1.0) / 60
        throughput[f"pages_per_minute_{m}m"] = round(page_states.get("done", 0) / minutes, 2)
        throughput[f"documents_per_minute_{m}m"] = round(
            sum(doc_states.get(s, 0) for s in ("indexed", "needs_review")) / minutes, 2)
        throughput[f"busy_minutes_{m}m"] = round(minutes, 2)
        throughput[f"failed_{m}m"] = page_states.get("failed", 0) + doc_states.get("failed", 0)
    registers = [h["_source"] for h in responses[2]["hits"]["hits"]]
    open_documents = responses[2]["hits"]["total"]["value"]
    workers = [h["_source"] for h in responses[3]["hits"]["hits"]]
    pages_left = pages.get("queued", 0) + pages.get("ocr", 0)
    rate = throughput["pages_per_minute_5m"] or throughput["pages_per_minute_60m"]
    busy = (broker_has_work(queues) or any(objects.get(s) for s in OPEN_LEDGER)
            or any(documents.get(s) for s in OPEN_DOCS))
    # Each warning as a code with its values (the web console words it in the reader's language,
    # api/i18n "notice.*") and as the English sentence the command line prints.
    notices: list[dict[str, Any]] = []
    if broker_error:
        notices.append({"code": "broker_unreachable", "params": {"error": str(broker_error)}})
    if busy and not workers:
        notices.append({"code": "no_worker", "params": {"seconds": f"{ALIVE_WITHIN:.0f}"}})
    intake_status = intake(responses, now)
    if intake_status and intake_status["events"]["consumers_known"] and not intake_status["events"]["consumers_alive"]:
        notices.append({"code": "event_consumer_stopped", "params": {}})
    dead = sum(q["dead"] or 0 for q in queues.values())
    if dead:
        notices.append({"code": "dead_letters", "params": {"count": dead}})
    warnings = [NOTICES[n["code"]].format(**n["params"]) for n in notices]
    return {
        "at": now.isoformat(timespec="seconds"),
        "idle": not busy and broker_error is None,
        "objects": objects,
        "documents": documents,
        "pages": pages,
        "failures": failures,
        "retrying": retrying,
        "queues": queues,
        "workers": workers,
        "throughput": throughput,
        "eta_minutes": round(pages_left / rate, 1) if rate and pages_left else None,
        "open_documents": open_documents,
        "registers_in_progress": registers,
        "intake": intake_status,
        "warnings": warnings,
        "notices": notices,
    }


def _counts(d: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(d.items()) if v) or "none"


def _n(v) -> str:
    return "?" if v is None else str(v)


def bar(done: int, total: int, width: int = 20) -> str:
    if not total:
        return "[" + "?" * width + "]"
    filled = min(width, int(width * done / total))
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def format_intake(i: dict) -> list[str]:
    if not i:
        return []
    ev, lag, rec = i["events"], i["lag_last_hour"], i.get("last_reconciliation")
    lines = [f"  events: {ev['received']} received, {ev['queued']} queued, {ev['duplicates']} already recorded, "
             f"{ev['ignored']} ignored, {ev['rejected']} rejected; last at {ev['last_event_at'] or 'never'}; "
             f"consumers alive {len(ev['consumers_alive'])}"]
    if lag.get("count"):
        lines.append(f"  upload -> enqueue (events, last hour): p50 {lag.get('p50_ms')} ms, p95 {lag.get('p95_ms')} ms "
                     f"over {lag['count']} objects")
    if rec:
        lines.append(f"  last reconciliation: {rec.get('finished_at')}, {rec.get('seconds')} s: listed "
                     f"{rec.get('listed')}, found {rec.get('queued')} new (missed by events), re-sent "
                     f"{rec.get('resent')}, {rec.get('list_requests')} LIST requests")
    else:
        lines.append("  last reconciliation: never")
    return lines


def format_status(s: dict) -> str:
    lines = [f"sohoa status at {s['at']}" + ("  (idle)" if s["idle"] else "")]
    for w in s.get("warnings") or []:
        lines.append(f"  ! {w}")
    lines.append(f"  objects:   {_counts(s['objects'])}")
    lines.append(f"  documents: {_counts(s['documents'])}")
    lines.append(f"  pages:     {_counts(s['pages'])}")
    lines.append("  queues:           waiting  delayed  in progress  dead")
    for q, c in s["queues"].items():
        lines.append(f"    {q:<14} {_n(c['waiting']):>8} {_n(c['delayed']):>8} {_n(c['in_progress']):>12} {_n(c['dead']):>5}")
    workers = s.get("workers") or []
    lines.append(f"  workers alive: {len(workers)}" + (
        " (" + ", ".join(f"{w['worker']} busy {w.get('busy', 0)}" for w in workers[:6])
        + (", ..." if len(workers) > 6 else "") + ")" if workers else ""))
    t = s["throughput"]
    eta = f", ETA {s['eta_minutes']} min" if s["eta_minutes"] else ""
    busy = f", over {t['busy_minutes_60m']} min of work" if t.get("busy_minutes_60m") is not None else ""
    lines.append(f"  throughput: {t['pages_per_minute_5m']} pages/min (5 min), {t['pages_per_minute_60m']} (60 min"
                 f"{busy}); {t['documents_per_minute_60m']} documents/min (60 min){eta}")
    review = s.get("review")
    if review:
        eta_r = f", ETA {review['eta_hours']} h" if review.get("eta_hours") is not None else ""
        lines.append(f"  review: {review['waiting']} records waiting, {review['disputed']} for arbitration; "
                     f"{review['rate_per_hour']:.0f} reviewed in the last hour{eta_r}")
    lines += format_intake(s.get("intake") or {})
    if s.get("retrying"):
        lines.append("  waiting to be retried: " + ", ".join(f"{r} {n}" for r, n in sorted(s["retrying"].items())))
    if s["failures"]:
        lines.append("  failures by reason (sohoa failures --reason R; sohoa retry --reason R):")
        for reason, c in sorted(s["failures"].items()):
            lines.append(f"    {reason:<24} " + ", ".join(f"{k} {v}" for k, v in c.items() if v))
    if s["registers_in_progress"]:
        more = s.get("open_documents", 0) - len(s["registers_in_progress"])
        lines.append("  in progress" + (f" (oldest {len(s['registers_in_progress'])} of {s['open_documents']})"
                                        if more > 0 else "") + ":")
        for r in s["registers_in_progress"]:
            total = r.get("pages_total") or 0
            done = r.get("pages_count_done") or 0
            failed = r.get("pages_count_failed") or 0
            line = (f"    {r['doc_hash'][:12]} {r.get('collection') or '-':<12} {r['state']:<11} {bar(done, total)} "
                    f"{done}/{total or '?'} pages" + (f", {failed} failed" if failed else ""))
            if r.get("retry_reason"):
                line += f"  (retrying: {r['retry_reason']})"
            lines.append(line)
    return "\n".join(lines)
