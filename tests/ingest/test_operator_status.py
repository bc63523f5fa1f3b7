"""Status aggregation and formatting, failures listing format, progress lines, stage durations."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

from ingest.failures import format_failures
from ingest.heartbeat import WorkerHeartbeat
from ingest.state import transition
from ingest.status import bar, busy_seconds, format_status, summarize
from sohoa.progress import Progress, format_seconds, render

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def _agg(d):
    return {"buckets": [{"key": k, "doc_count": v} for k, v in d.items()]}


def _kind(states, failed=None, retrying=None, done5=None, done60=None):
    return {"state": _agg(states), "failed": {"by": _agg(failed or {})}, "retrying": {"by": _agg(retrying or {})},
            "done_5m": {"state": _agg(done5 or {})}, "done_60m": {"state": _agg(done60 or {})}}


def _responses(workers=(), registers=(), open_docs=0, ledger=None, ledger_failed=None, **kinds):
    buckets = [{"key": k, **v} for k, v in kinds.items()]
    return [
        {"aggregations": {"kind": {"buckets": buckets}}},
        {"aggregations": {"status": _agg(ledger or {}), "failed": {"by": _agg(ledger_failed or {})}}},
        {"hits": {"total": {"value": open_docs}, "hits": [{"_source": r} for r in registers]}},
        {"hits": {"hits": [{"_source": w} for w in workers]}},
    ]


QUEUES_EMPTY = {q: {"waiting": 0, "delayed": 0, "in_progress": 0, "dead": 0}
                for q in ("sohoa-prepare", "sohoa-ocr", "sohoa-index")}


def test_summary_counts_failures_by_reason_across_levels():
    s = summarize(_responses(
        ledger={"prepared": 5, "failed": 2, "duplicate": 1}, ledger_failed={"bad_input": 2},
        document=_kind({"indexed": 3, "failed": 1}, failed={"dependency_unavailable": 1}, done60={"indexed": 3}),
        page=_kind({"done": 60, "failed": 2}, failed={"dependency_unavailable": 2}, done5={"done": 10},
                   done60={"done": 60, "failed": 2})), QUEUES_EMPTY, NOW)
    assert s["idle"] is True
    assert s["failures"] == {"bad_input": {"objects": 2, "documents": 0, "pages": 0},
                             "dependency_unavailable": {"objects": 0, "documents": 1, "pages": 2}}
    # Same bytes under another key: visible as a document-level outcome.
    assert s["documents"]["duplicate"] == 1
    assert s["throughput"]["pages_per_minute_5m"] == 2.0
    assert s["throughput"]["pages_per_minute_60m"] == 1.0
    assert s["throughput"]["documents_per_minute_60m"] == 0.05
    assert s["throughput"]["failed_60m"] == 2
    assert s["eta_minutes"] is None


def test_busy_without_workers_warns_and_eta_comes_from_the_rate():
    queues = dict(QUEUES_EMPTY, **{"sohoa-ocr": {"waiting": 40, "delayed": 2, "in_progress": 0, "dead": 3}})
    s = summarize(_responses(
        open_docs=1, registers=[{"doc_hash": "ab" * 32, "collection": "hotich", "state": "ocr", "pages_total": 50,
                                 "pages_count_done": 8, "retry_reason": "dependency_unavailable"}],
        document=_kind({"ocr": 1}), page=_kind({"queued": 40, "ocr": 2, "done": 8}, retrying={"timeout": 2},
                                              done5={"done": 10})), queues, NOW)
    assert s["idle"] is False
    assert s["eta_minutes"] == 21.0  # 42 pages left at 2 pages/min
    assert s["retrying"] == {"timeout": 2}
    assert any("no worker" in w for w in s["warnings"])
    assert any("3 dead-lettered" in w for w in s["warnings"])
    text = format_status(s)
    assert "sohoa-ocr" in text and "      40" in text
    assert "8/50 pages" in text and "[###-----------------]" in text
    assert "(retrying: dependency_unavailable)" in text
    assert "waiting to be retried: timeout 2" in text


def test_broker_down_is_not_idle():
    queues = {q: {"waiting": None, "delayed": None, "in_progress": None, "dead": None} for q in QUEUES_EMPTY}
    s = summarize(_responses(), queues, NOW, broker_error="ConnectionError: refused")
    assert s["idle"] is False
    assert "broker unreachable" in format_status(s)
    assert "       ?" in format_status(s)


def test_bar():
    assert bar(0, 0) == "[" + "?" * 20 + "]"
    assert bar(10, 10, width=4) == "[####]"
    assert bar(1, 4, width=4) == "[#---]"


def test_failures_are_listed_with_target_reason_message_and_age():
    items = [
        {"level": "object", "target": "ledger:0123456789abcdef0123", "key": "hotich/empty.pdf", "page": None,
         "reason": "bad_input", "message": "empty object", "attempts": None,
         "at": (NOW - timedelta(minutes=3)).isoformat()},
        {"level": "page", "target": "f" * 64, "key": "hotich/so.pdf", "page": 7, "reason": "timeout",
         "message": "page 7: Tesseract took over 180 s", "attempts": 4, "at": (NOW - timedelta(hours=5)).isoformat()},
    ]
    text = format_failures(items, now=NOW)
    assert text.startswith("2 failures:")
    assert "ledger:0123456789ab" in text and "bad_input" in text and "hotich/empty.pdf" in text
    assert "3 min ago" in text
    assert "ffffffffffff" in text and "hotich/so.pdf page 7" in text and "4 attempts" in text and "5 h ago" in text
    assert format_failures([]) == "no failures"


def test_stage_seconds_add_up_per_state():
    src = transition({"kind": "page"}, "queued")
    src["history"][-1]["at"] = (datetime.now(timezone.utc) - timedelta(seconds=30)).isoformat()
    src = transition(src, "ocr")
    assert 29 <= src["stage_seconds"]["queued"] <= 35
    src["retry_reason"] = "timeout"
    src["history"][-1]["at"] = (datetime.now(timezone.utc) - timedelta(seconds=5)).isoformat()
    src = transition(src, "done")
    assert 4 <= src["stage_seconds"]["ocr"] <= 8
    assert "retry_reason" not in src  # a finished page has no pending retry


def test_heartbeat_counts_busy_and_held_delayed_per_queue():
    class Msg:
        def __init__(self, mid, actor, queue, args, eta=None):
            self.message_id, self.actor_name, self.queue_name, self.args = mid, actor, queue, args
            self.options = {"eta": eta} if eta else {}

    hb = WorkerHeartbeat(lambda: None, "x-jobs")
    import time
    future = time.time() * 1000 + 60_000
    hb.before_delay_message(None, Msg("d1", "ocr_page", "sohoa-ocr.DQ", ("h", 1), eta=future))
    hb.before_process_message(None, Msg("m1", "ocr_page", "sohoa-ocr", ("h" * 64, 2)))
    hb.before_process_message(None, Msg("m2", "prepare_document", "sohoa-prepare", ("b", "hotich/Nguyen Van A.pdf",
                                                                                     "e", 1, "lid")))
    snap = hb.snapshot()
    assert snap["busy"] == 2 and snap["held_delayed"] == 1
    assert snap["queue_counts"] == {"sohoa-ocr": {"busy": 1, "held": 1}, "sohoa-prepare": {"busy": 1, "held": 0}}
    # What a worker is busy with names hashes and pages, never keys (which may carry names).
    assert "Nguyen" not in repr(snap)
    hb.after_process_message(None, Msg("m1", "ocr_page", "sohoa-ocr", ()), exception=RuntimeError())
    snap = hb.snapshot()
    assert snap["busy"] == 1 and snap["processed"] == 1 and snap["errors"] == 1


def test_progress_on_a_terminal_redraws_one_line():
    out = io.StringIO()
    with Progress(3, "uploading", stream=out, tty=True, min_interval=0) as p:
        for name in ("a", "b", "c"):
            p.advance(detail=name)
    text = out.getvalue()
    assert text.count("\r") >= 3 and text.endswith("\n") and text.count("\n") == 1
    assert "3/3 100%" in text


def test_progress_into_a_file_writes_a_line_every_n_items():
    out = io.StringIO()
    with Progress(100, "pages", stream=out, tty=False, every=25) as p:
        for _ in range(100):
            p.advance()
    lines = out.getvalue().splitlines()
    assert len(lines) == 4 and lines[-1].startswith("pages [########################] 100/100")
    out = io.StringIO()
    with Progress(None, "files", stream=out, tty=False, every=10) as p:
        for _ in range(15):
            p.advance()
    assert out.getvalue().splitlines()[-1].startswith("files 15")


def test_render_and_seconds():
    assert format_seconds(59) == "59s" and format_seconds(61) == "1m01s" and format_seconds(7260) == "2h01m"
    line = render(50, 200, "ocr", elapsed=100.0)
    assert "50/200" in line and "25%" in line and "ETA 5m00s" in line and "30.0/min" in line


def test_histogram_buckets_are_cumulative_with_inf_and_sum():
    from sohoa.metrics import BUCKETS, histogram_from_aggs
    aggs = {"le": {"buckets": [{"to": b, "doc_count": (3 if b >= 5 else 1)} for b in BUCKETS]},
            "stats": {"count": 4, "sum": 42.5}}
    buckets, total = histogram_from_aggs(aggs)
    assert buckets[0] == ("0.5", 1.0) and buckets[-1] == ("+Inf", 4.0) and total == 42.5
    assert [c for _, c in buckets] == sorted(c for _, c in buckets)


def test_console_chart_and_timeline():
    from api.console_routes import svg_chart, timeline
    svg = svg_chart([{"at": "2026-01-01T10:00:00.000Z", "done": 4, "failed": 1},
                     {"at": "2026-01-01T10:01:00.000Z", "done": 0, "failed": 0}])
    assert svg.startswith("<svg") and svg.count('class="done"') == 1 and svg.count('class="failed"') == 1
    rows = timeline({"history": [{"state": "received", "at": "2026-01-01T10:00:00+00:00", "worker": "h:1"},
                                 {"state": "ocr", "at": "2026-01-01T10:00:12.5+00:00", "worker": "h:2"}]})
    assert rows[0]["seconds"] == 12.5 and rows[1]["seconds"] is None


def _active(*spans):
    """The finish-time histogram status asks for: one bucket per (start, end) of the pages finishing in it."""
    ms = lambda t: t.timestamp() * 1000  # noqa: E731
    return {"at": {"buckets": [{"key": ms(end.replace(second=end.second // 10 * 10, microsecond=0)), "doc_count": n,
                                "start": {"value": ms(start)}, "end": {"value": ms(end)}}
                               for start, end, n in spans]}}


def test_throughput_counts_the_time_work_ran_not_the_whole_window():
    # A burst of 7 pages read in 10 s, finished a minute ago, then nothing.
    start = NOW - timedelta(seconds=70)
    page = _kind({"done": 7}, done5={"done": 7}, done60={"done": 7})
    page["active"] = _active((start, start + timedelta(seconds=5), 3), (start + timedelta(seconds=4),
                                                                        start + timedelta(seconds=10), 4))
    s = summarize(_responses(page=page, document=_kind({"indexed": 7}, done5={"indexed": 7}, done60={"indexed": 7})),
                  QUEUES_EMPTY, NOW)
    assert s["throughput"]["pages_per_minute_5m"] == 42.0  # not 7 / 5 = 1.4
    assert s["throughput"]["pages_per_minute_60m"] == 42.0
    assert s["throughput"]["documents_per_minute_5m"] == 42.0
    assert "42.0 pages/min (5 min)" in format_status(s)


def test_busy_seconds_merge_overlaps_skip_idle_gaps_and_clip_to_the_window():
    t0 = NOW - timedelta(minutes=30)
    buckets = _active((t0, t0 + timedelta(seconds=8), 2), (t0 + timedelta(seconds=6), t0 + timedelta(seconds=15), 3),
                      (t0 + timedelta(minutes=10), t0 + timedelta(minutes=10, seconds=20), 5))["at"]["buckets"]
    assert busy_seconds(buckets, NOW - timedelta(minutes=60), NOW) == 15 + 20
    # A window starting mid-way through the first burst counts only its part inside.
    assert busy_seconds(buckets, t0 + timedelta(seconds=10), NOW) == 5 + 20
    assert busy_seconds([], NOW - timedelta(minutes=5), NOW) == 0.0


def test_intake_shows_events_lag_and_the_last_reconciliation():
    fresh = (NOW - timedelta(seconds=3)).isoformat()
    stale = (NOW - timedelta(hours=2)).isoformat()
    intake_hits = [
        {"_source": {"kind": "events", "worker": "h:1", "updated_at": fresh,
                     "events": {"received": 10, "queued": 8, "duplicates": 2, "ignored": 0, "rejected": 1,
                                "last_event_at": "2026-01-02T03:04:01.000+00:00"}}},
        {"_source": {"kind": "events", "worker": "h:0", "updated_at": stale,
                     "events": {"received": 5, "queued": 5, "last_event_at": "2026-01-02T01:00:00.000+00:00"}}},
        {"_source": {"kind": "reconciliation", "reconciliation": {
            "finished_at": "2026-01-02T03:00:00+00:00", "seconds": 4.2, "listed": 15, "queued": 1, "resent": 0,
            "list_requests": 4}}},
    ]
    lag = {"hits": {"total": {"value": 8}}, "aggregations": {
        "lag": {"values": {"50.0": 180.4, "95.0": 610.0, "99.0": 700.0}},
        "by_source": {"source": _agg({"event": 13, "listing": 1})}}}
    s = summarize(_responses() + [{"hits": {"hits": intake_hits}}, lag], QUEUES_EMPTY, NOW)
    i = s["intake"]
    assert i["events"]["received"] == 15 and i["events"]["queued"] == 13 and i["events"]["rejected"] == 1
    assert i["events"]["consumers_alive"] == ["h:1"]  # the other stopped two hours ago
    assert i["events"]["last_event_at"] == "2026-01-02T03:04:01.000+00:00"
    assert i["lag_last_hour"] == {"p50_ms": 180, "p95_ms": 610, "p99_ms": 700, "count": 8}
    assert i["last_reconciliation"]["queued"] == 1
    text = format_status(s)
    assert "p95 610 ms" in text and "found 1 new" in text and "15 received" in text
    assert not any("consumer has stopped" in w for w in s["warnings"])


def test_a_stopped_event_consumer_is_a_warning():
    old = (NOW - timedelta(hours=1)).isoformat()
    s = summarize(_responses() + [{"hits": {"hits": [{"_source": {"kind": "events", "worker": "h:1", "updated_at": old,
                                                                  "events": {"received": 1}}}]}},
                                  {"hits": {"total": {"value": 0}}, "aggregations": {"lag": {"values": {}}}}],
                  QUEUES_EMPTY, NOW)
    assert any("consumer has stopped" in w for w in s["warnings"])
    assert "last reconciliation: never" in format_status(s)


def test_intake_adds_the_retired_consumers_counts_without_taking_them_for_a_live_consumer():
    from datetime import datetime, timezone
    from ingest.status import intake
    now = datetime(2026, 1, 2, 3, 5, tzinfo=timezone.utc)
    hits = [{"_id": "events:retired", "_source": {"kind": "events", "worker": "retired",
                                                  "updated_at": "2026-01-01T00:00:00+00:00",
                                                  "events": {"received": 100, "queued": 90, "consumers": 40,
                                                             "retired": True, "pending": {}}}},
            {"_id": "events:h:1", "_source": {"kind": "events", "worker": "h:1",
                                             "updated_at": "2026-01-02T03:04:59+00:00",
                                             "events": {"received": 3, "queued": 3}}}]
    i = intake([{}] * 4 + [{"hits": {"hits": hits}}, {"hits": {"total": {"value": 0}}, "aggregations": {}}], now)
    assert i["events"]["received"] == 103 and i["events"]["queued"] == 93
    assert i["events"]["consumers_alive"] == ["h:1"] and i["events"]["consumers_known"] == 41


def test_folding_counters_adds_and_takes_back_only_counters():
    from ingest.event_counters import add, counters
    assert add({"received": 2, "queued": 1}, {"received": 3, "last_event_at": "x"})["received"] == 5
    assert add({"received": 5}, {"received": 3}, -1)["received"] == 2
    assert counters({"received": "4", "source": "sqs:q"}) == {**{k: 0 for k in counters({})}, "received": 4}


def test_the_broker_alone_shows_work_left_when_a_message_is_waiting_delayed_or_taken():
    from ingest.status import broker_has_work
    assert not broker_has_work(QUEUES_EMPTY)
    for field in ("waiting", "delayed", "in_progress"):
        queues = {q: dict(c) for q, c in QUEUES_EMPTY.items()}
        queues["sohoa-ocr"][field] = 1
        assert broker_has_work(queues), field
    # Dead letters are not work left; a count the broker cannot give (RabbitMQ's taken messages) is not either:
    # the job records decide then.
    queues = {q: {**c, "dead": 3, "in_progress": None} for q, c in QUEUES_EMPTY.items()}
    assert not broker_has_work(queues)
