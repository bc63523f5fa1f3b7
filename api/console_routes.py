"""The operator console: the same picture as ``sohoa status`` and ``sohoa failures`` in a browser.

- ``GET /console``: queue depths, workers, throughput chart (server-rendered
  SVG), registers in progress with bars, failures with a retry button; the
  page reloads itself every few seconds.
- ``GET /console/status.json``: what the page shows, as JSON.
- ``POST /console/retry``: the retry button (form field ``target``: a document
  hash or ``ledger:ID``; or ``reason``).
- ``GET /console/documents/{hash}``: a document's timeline: each stage, when,
  on which worker, for how long; and its pages.
- ``GET /metrics``: Prometheus exposition (see ``sohoa/metrics.py``).

Every route hangs off ``router``, whose ``dependencies`` list is where the
access check of a later issue goes (one line for all of them).
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from api import i18n
from api.static_files import static_file
from ingest.control import Control
from sohoa.errors import REASONS

HERE = Path(__file__).resolve().parent
templates = i18n.install_templates(Jinja2Templates(directory=str(HERE / "templates")))

# Authentication and the operator role are required by api/app.py for every router (api/auth.py); a
# console-only check would go here.
CONSOLE_DEPENDENCIES: list = []
router = APIRouter(dependencies=CONSOLE_DEPENDENCIES, include_in_schema=False)

REFRESH_SECONDS = 5
_control_lock = threading.Lock()


def control(request: Request) -> Control:
    """The job state, buckets and message sender for the configuration the app was built with (one per app)."""
    with _control_lock:  # routes run on a thread pool: two first requests must not make two
        ctx = getattr(request.app.state, "control", None)
        if ctx is None:
            ctx = request.app.state.control = Control.from_config(request.app.state.config)
    return ctx


def _status(ctx: Control) -> dict:
    from ingest.status import collect_status
    status = collect_status(ctx, refresh=False, broker=ctx.broker, queues=ctx.queues)
    status["review"] = review_backlog(ctx)
    return status


def review_backlog(ctx) -> dict | None:
    """Records waiting for review, reviewed per hour per reviewer, ETA (indexers/reviews.py); None when the
    records index is not there yet."""
    from elasticsearch import NotFoundError
    from indexers.reviews import backlog
    try:
        return backlog(ctx.es, ctx.config)
    except NotFoundError:
        return None


def throughput_series(ctx, minutes: int = 60, now: datetime | None = None) -> list[dict]:
    """Pages done and failed per minute over the last ``minutes`` minutes."""
    now = now or datetime.now(timezone.utc)
    start = (now - timedelta(minutes=minutes)).replace(second=0, microsecond=0)
    resp = ctx.es.search(index=ctx.config.index("jobs"), size=0, query={"bool": {"filter": [
        {"term": {"kind": "page"}}, {"terms": {"state": ["done", "failed"]}},
        {"range": {"finished_at": {"gte": start.isoformat()}}}]}},
        aggs={"per_minute": {"date_histogram": {"field": "finished_at", "fixed_interval": "1m", "min_doc_count": 0,
                                                "extended_bounds": {"min": start.isoformat(), "max": now.isoformat()}},
                             "aggs": {"state": {"terms": {"field": "state", "size": 2}}}}})
    out = []
    for b in resp["aggregations"]["per_minute"]["buckets"]:
        states = {s["key"]: s["doc_count"] for s in b["state"]["buckets"]}
        out.append({"at": b["key_as_string"], "done": states.get("done", 0), "failed": states.get("failed", 0)})
    return out[-minutes:]


def svg_chart(series: list[dict], width: int = 600, height: int = 120, lang: str = i18n.DEFAULT) -> str:
    """A bar chart of pages per minute (done in green, failed in red on top), as inline SVG, labelled in ``lang``."""
    from html import escape
    n = max(1, len(series))
    top = max([s["done"] + s["failed"] for s in series] + [1])
    bw = width / n
    bars = []
    for i, s in enumerate(series):
        x = i * bw
        hd = height * s["done"] / top
        hf = height * s["failed"] / top
        title = escape(i18n.translate(lang, "console.chart_bar", at=s["at"][11:16], done=s["done"], failed=s["failed"]))
        if hd:
            bars.append(f'<rect class="done" x="{x:.1f}" y="{height - hd:.1f}" width="{max(1, bw - 1):.1f}" '
                        f'height="{hd:.1f}"><title>{title}</title></rect>')
        if hf:
            bars.append(f'<rect class="failed" x="{x:.1f}" y="{height - hd - hf:.1f}" width="{max(1, bw - 1):.1f}" '
                        f'height="{hf:.1f}"><title>{title}</title></rect>')
    return (f'<svg class="chart" viewBox="0 0 {width} {height + 14}" width="{width}" height="{height + 14}" '
            f'role="img" aria-label="{escape(i18n.translate(lang, "console.chart_label", minutes=n))}">'
            f'<line x1="0" y1="{height}" x2="{width}" y2="{height}" class="axis"/>'
            + "".join(bars)
            + f'<text x="0" y="{height + 12}">-{n} min</text><text x="{width - 50}" y="{height + 12}">'
            + escape(i18n.translate(lang, "console.chart_now")) + "</text>"
            + f'<text x="2" y="10">{top}/min</text></svg>')


@router.get("/console/static/{name}")
def console_static(name: str) -> Response:
    """The console's own static files (api/static/console*)."""
    return static_file(name, "console", "no-cache")


def _disclosed(data):
    """Failure messages can quote what a page says: shown as the caller's role may see it (api/disclosure.py)."""
    from api import auth
    from api.disclosure import disclose
    return data if auth.full_fields() else disclose(data)


@router.get("/console", response_class=HTMLResponse)
def console(request: Request, reason: str | None = None, collection: str | None = None,
            queued: int | None = None):
    from ingest.failures import list_failures, list_retrying
    ctx = control(request)
    ctx.es.indices.refresh(index=f"{ctx.config.index('jobs')},{ctx.config.index('ledger')}")
    status = _status(ctx)
    failures = _disclosed(list_failures(ctx.es, ctx.config, reason=reason, collection=collection, limit=100))
    return templates.TemplateResponse(request, "console.html", {
        "s": status, "failures": failures, "retrying": _disclosed(list_retrying(ctx.es, ctx.config, limit=20)),
        "chart": svg_chart(throughput_series(ctx), lang=i18n.request_language(request)), "reasons": REASONS,
        "reason": reason, "collection": collection, "refresh": REFRESH_SECONDS, "queued": queued})


@router.get("/console/status.json")
def console_status(request: Request) -> JSONResponse:
    ctx = control(request)
    ctx.es.indices.refresh(index=f"{ctx.config.index('jobs')},{ctx.config.index('ledger')}")
    return JSONResponse(_status(ctx))


@router.get("/console/failures.json")
def console_failures(request: Request, reason: str | None = None, collection: str | None = None, limit: int = 200) -> JSONResponse:
    from ingest.failures import list_failures
    ctx = control(request)
    return JSONResponse(list_failures(ctx.es, ctx.config, reason=reason, collection=collection, limit=limit))


@router.post("/console/retry")
def console_retry(request: Request, target: str | None = Form(None), reason: str | None = Form(None)):
    from ingest.retry import retry_failed
    if not target and not reason:
        raise HTTPException(400, "name a target or a reason")
    if reason and reason not in REASONS:
        raise HTTPException(400, f"unknown reason {reason}")
    ctx = control(request)
    n = retry_failed(ctx, docs=[target] if target else None, reason=None if target else reason,
                     broker=ctx.broker, queues=ctx.queues)
    from api import audit
    audit.record("retry", target=target or f"reason:{reason}", count=n)
    # The page says it in the reader's language (console.queued_again).
    return RedirectResponse(f"/console?queued={n}", status_code=303)


def timeline(doc: dict) -> list[dict]:
    """Each state the job went through: when, on which worker, and how long until the next one."""
    history = doc.get("history") or []
    out = []
    for i, h in enumerate(history):
        end = history[i + 1]["at"] if i + 1 < len(history) else None
        try:
            seconds = (datetime.fromisoformat(end) - datetime.fromisoformat(h["at"])).total_seconds() if end else None
        except (TypeError, ValueError):
            seconds = None
        out.append({**h, "seconds": seconds})
    return out


@router.get("/console/documents/{doc_hash}", response_class=HTMLResponse)
def console_document(request: Request, doc_hash: str):
    from elasticsearch import helpers
    from ingest.state import doc_job_id
    ctx = control(request)
    doc = ctx.state.get(ctx.state.jobs, doc_job_id(doc_hash))
    if doc is None:
        raise HTTPException(404, "no such document")
    pages = sorted((h["_source"] for h in helpers.scan(
        ctx.es, index=ctx.config.index("jobs"),
        query={"query": {"bool": {"filter": [{"term": {"kind": "page"}}, {"term": {"doc_hash": doc_hash}}]}}},
        _source_includes=["page", "state", "reason", "message", "attempts", "worker", "seconds", "retry_reason",
                          "retry_message", "updated_at"])), key=lambda p: p.get("page") or 0)
    return templates.TemplateResponse(request, "console_document.html", {
        "doc": _disclosed(doc), "timeline": _disclosed(timeline(doc)), "pages": _disclosed(pages[:2000])})


@router.get("/metrics")
def metrics(request: Request) -> Response:
    from sohoa.metrics import CONTENT_TYPE, render_metrics
    ctx = control(request)
    return Response(render_metrics(ctx, _status(ctx)), media_type=CONTENT_TYPE)
