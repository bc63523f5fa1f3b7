"""Prometheus metrics, computed from the jobs index and the broker at scrape time.

Why not counters inside the workers (prometheus_client's multiprocess mode)?
Workers are many processes on many machines, restart freely and keep no local
state; their counters would need a shared directory per machine, a port per
worker and a scrape job that follows them. Everything worth measuring is
already recorded in the jobs index (pages done and failed, the reason of each
failure, the seconds each stage took), so the API process answers a scrape
with one multi-search plus a few aggregations, and the numbers survive
restarts and agree with ``sohoa status``.

Exposed:

- ``sohoa_queue_messages{queue,state}``: waiting, delayed, in_progress, dead;
- ``sohoa_workers_alive``;
- ``sohoa_documents{state}``, ``sohoa_pages{state}``, ``sohoa_objects{status}``;
- ``sohoa_pages_processed_total``, ``sohoa_failures_total{reason,level}``
  (counters: they only fall when records are deleted);
- ``sohoa_stage_duration_seconds{kind,stage}`` histograms from
  ``stage_seconds`` (time spent in each state) and ``sohoa_ocr_page_seconds``
  (Tesseract time per page);
- ``sohoa_throughput_pages_per_minute{window}``;
- ``sohoa_review_waiting``, ``sohoa_review_disputed`` (records), ``sohoa_reviewed_per_hour{reviewer}``
  (records answered in the last hour), ``sohoa_review_eta_hours`` (absent while nobody reviews).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from prometheus_client.registry import Collector

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client import CONTENT_TYPE_LATEST as CONTENT_TYPE
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily

BUCKETS = (0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600)
Json = dict[str, Any]


class Deployment(Protocol):
    """What a scrape reads: the Elasticsearch client and the settings naming its indices."""

    @property
    def es(self) -> Any: ...

    @property
    def config(self) -> Any: ...


STAGES = {"page": ("queued", "ocr"), "document": ("received", "rasterizing", "ocr", "extracting", "indexing")}

__all__ = ["CONTENT_TYPE", "render_metrics", "histogram_aggs", "histogram_from_aggs"]


def histogram_aggs(field: str) -> Json:
    """Aggregations giving a cumulative histogram of ``field``: one range per upper bound, plus sum and count."""
    return {
        "le": {"range": {"field": field, "ranges": [{"to": b} for b in BUCKETS]}},
        "stats": {"stats": {"field": field}},
    }


def histogram_from_aggs(aggs: Json) -> tuple[list[tuple[str, float]], float]:
    """(buckets as (le, cumulative count) with +Inf, sum) from the aggregations above.

    A range with only ``to`` counts every value below it, so each bucket is
    already cumulative; ES ranges exclude ``to`` where Prometheus' ``le``
    includes it, a difference invisible at these float resolutions.
    """
    by_to = {float(b["to"]): b["doc_count"] for b in aggs["le"]["buckets"]}
    count = int(aggs["stats"]["count"] or 0)
    buckets = [(str(b), float(by_to.get(float(b), 0))) for b in BUCKETS] + [("+Inf", float(count))]
    return buckets, float(aggs["stats"]["sum"] or 0.0)


def _histograms(ctx: Deployment) -> Json:
    aggs: Json = {}
    for kind, stages in STAGES.items():
        for stage in stages:
            aggs[f"{kind}.{stage}"] = {"filter": {"bool": {"filter": [{"term": {"kind": kind}},
                                                                      {"exists": {"field": f"stage_seconds.{stage}"}}]}},
                                       "aggs": histogram_aggs(f"stage_seconds.{stage}")}
    aggs["ocr_page"] = {"filter": {"bool": {"filter": [{"term": {"kind": "page"}}, {"exists": {"field": "seconds"}}]}},
                        "aggs": histogram_aggs("seconds")}
    result: Json = ctx.es.search(index=ctx.config.index("jobs"), size=0, aggs=aggs)["aggregations"]
    return result


class _Collector(Collector):
    def __init__(self, status: Json, hist: Json):
        self.status, self.hist = status, hist

    def collect(self) -> Iterator[Any]:
        s = self.status
        q = GaugeMetricFamily("sohoa_queue_messages", "Messages per queue and state, from the broker",
                              labels=["queue", "state"])
        for name, c in s["queues"].items():
            for state, v in c.items():
                if v is not None:
                    q.add_metric([name, state], v)
        yield q
        yield GaugeMetricFamily("sohoa_workers_alive", "Workers with a recent heartbeat", value=len(s["workers"]))
        for metric, key, label in (("sohoa_documents", "documents", "state"), ("sohoa_pages", "pages", "state"),
                                   ("sohoa_objects", "objects", "status")):
            g = GaugeMetricFamily(metric, f"{key} by {label}", labels=[label])
            for k, v in s[key].items():
                g.add_metric([k], v)
            yield g
        yield CounterMetricFamily("sohoa_pages_processed", "Pages through OCR (recorded done)",
                                  value=s["pages"].get("done", 0))
        f = CounterMetricFamily("sohoa_failures", "Recorded failures by reason class and level",
                                labels=["reason", "level"])
        for reason, c in s["failures"].items():
            for level, v in c.items():
                f.add_metric([reason, level.rstrip("s")], v)
        yield f
        r = GaugeMetricFamily("sohoa_retrying", "Stages waiting for an automatic retry, by reason", labels=["reason"])
        for reason, v in (s.get("retrying") or {}).items():
            r.add_metric([reason], v)
        yield r
        t = GaugeMetricFamily("sohoa_throughput_pages_per_minute", "Pages done per minute", labels=["window"])
        for w in (5, 60):
            t.add_metric([f"{w}m"], s["throughput"][f"pages_per_minute_{w}m"])
        yield t
        h = HistogramMetricFamily("sohoa_stage_duration_seconds", "Time jobs spent in each state",
                                  labels=["kind", "stage"])
        for kind, stages in STAGES.items():
            for stage in stages:
                buckets, total = histogram_from_aggs(self.hist[f"{kind}.{stage}"])
                h.add_metric([kind, stage], buckets, total)
        yield h
        review = s.get("review")
        if review:
            yield GaugeMetricFamily("sohoa_review_waiting", "Records waiting for a reviewer",
                                    value=review["waiting"])
            yield GaugeMetricFamily("sohoa_review_disputed", "Records waiting for arbitration",
                                    value=review["disputed"])
            per = GaugeMetricFamily("sohoa_reviewed_per_hour", "Records answered in the last hour, by reviewer",
                                    labels=["reviewer"])
            for who, n in sorted(review["reviewed_per_hour"].items()):
                per.add_metric([who], n)
            yield per
            if review.get("eta_hours") is not None:
                yield GaugeMetricFamily("sohoa_review_eta_hours", "Hours the waiting records take at the last "
                                        "hour's pace", value=review["eta_hours"])
        buckets, total = histogram_from_aggs(self.hist["ocr_page"])
        o = HistogramMetricFamily("sohoa_ocr_page_seconds", "Seconds Tesseract and preprocessing took per page")
        o.add_metric([], buckets, total)
        yield o


def render_metrics(ctx: Deployment, status: Json) -> bytes:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Collector(status, _histograms(ctx)))
    return generate_latest(registry)
