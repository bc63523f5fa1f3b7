"""The pipeline benchmark's timeline: spans from job records, phases, idle core-seconds (scripts/pipeline_timeline.py)."""

from datetime import datetime, timezone

import pytest
from pipeline_timeline import Sample, Span, format_phases, format_strip, per_second, phase_bounds, phase_table, work_spans

T0 = 1_000_000.0


def iso(t: float) -> str:
    return datetime.fromtimestamp(t, timezone.utc).isoformat(timespec="milliseconds")


def page(n: int, worker: str, start: float, end: float, state: str = "done") -> dict:
    return {"kind": "page", "page": n, "state": state, "worker": worker, "started_at": iso(start),
            "finished_at": iso(end)}


def test_ranges_are_pages_started_together_by_one_worker():
    pages = [page(1, "h:11", T0 + 2, T0 + 5), page(2, "h:11", T0 + 2, T0 + 5.5),
             page(3, "h:12", T0 + 2.5, T0 + 6), page(4, "h:11", T0 + 6, T0 + 7),
             page(5, "h:12", T0 + 6, T0 + 8, state="failed")]
    doc = {"history": [{"state": "received", "at": iso(T0 + 1), "worker": "h:11"},
                       {"state": "rasterizing", "at": iso(T0 + 1.2), "worker": "h:11"},
                       {"state": "ocr", "at": iso(T0 + 1.8), "worker": "h:11"},
                       {"state": "extracting", "at": iso(T0 + 7.5), "worker": "h:12"},
                       {"state": "indexing", "at": iso(T0 + 8), "worker": "h:12"},
                       {"state": "indexed", "at": iso(T0 + 8.5), "worker": "h:12"}],
           "finished_at": iso(T0 + 8.5)}
    spans = work_spans(pages, doc)
    got = [(s.kind, s.worker, round(s.start - T0, 3), round(s.end - T0, 3), s.pages) for s in spans]
    assert got == [("prepare", 11, 1.0, 1.8, 0), ("range", 11, 2.0, 5.5, 2), ("range", 12, 2.5, 6.0, 1),
                   ("range", 11, 6.0, 7.0, 1), ("extract", 12, 7.5, 8.0, 0), ("index", 12, 8.0, 8.5, 0)]


def spans_of_a_run() -> list[Span]:
    return [Span("prepare", 11, T0 + 1, T0 + 2), Span("range", 11, T0 + 2, T0 + 6, 4),
            Span("range", 12, T0 + 2.5, T0 + 8, 4), Span("range", 11, T0 + 6.5, T0 + 10, 2),
            Span("extract", 12, T0 + 10.5, T0 + 11), Span("index", 12, T0 + 11, T0 + 12)]


def test_phases_cut_at_the_runs_moments():
    bounds = phase_bounds(spans_of_a_run(), T0, T0 + 13)
    assert [(n, a - T0, b - T0) for n, a, b in bounds] == [
        ("intake", 0, 1), ("prepare", 1, 2), ("ranges", 2, 8), ("tail", 8, 10), ("to index", 10, 10.5),
        ("extract + index", 10.5, 12), ("until seen", 12, 13)]


def test_idle_is_the_cores_less_the_workers_cpu():
    # Worker 11 uses a full core from 1 s to 10 s, worker 12 from 2.5 s to 8 s and 10.5 s to 12 s.
    def cpu(pid: int, t: float) -> float:
        busy = [(1, 10)] if pid == 11 else [(2.5, 8), (10.5, 12)]
        return sum(max(0.0, min(t, b) - a) for a, b in busy)
    samples = [Sample(T0 + t / 2, {11: cpu(11, t / 2), 12: cpu(12, t / 2)}, {"elasticsearch": t / 20}, 3 * t / 2)
               for t in range(0, 27)]
    phases = {p.name: p for p in phase_table(samples, spans_of_a_run(), T0, T0 + 13, cores=2)}
    assert phases["intake"].worker_cpu == pytest.approx(0.0)
    assert phases["intake"].idle == pytest.approx(2.0)
    assert phases["tail"].worker_cpu == pytest.approx(2.0)  # worker 11 alone, 8 s to 10 s
    assert phases["tail"].idle == pytest.approx(2.0)
    assert phases["tail"].unheld == pytest.approx(2.0)  # worker 12 held nothing then
    assert phases["ranges"].idle == pytest.approx(12 - 6 - 5.5)
    assert phases["ranges"].unheld == pytest.approx(0.5 + 0.5)  # 11 between its ranges, 12 before its first
    assert phases["until seen"].idle == pytest.approx(2.0)
    assert sum(p.idle for p in phases.values()) == pytest.approx(2 * 13 - 9 - 7)
    assert phases["ranges"].servers["elasticsearch"] == pytest.approx(0.6)
    table = format_phases(list(phases.values()))
    assert "| **all** | 13.0 | 16.0 | **10.0** |" in table


def test_each_second_says_what_each_worker_held():
    samples = [Sample(T0 + t, {11: min(t, 3.0), 12: 0.0}, {}, 0.0) for t in range(0, 6)]
    spans = [Span("range", 11, T0 + 0.5, T0 + 3), Span("index", 12, T0 + 4, T0 + 5)]
    rows = per_second(samples, spans, T0, T0 + 5)
    assert [r["workers"][11] for r in rows] == [(1.0, "range"), (1.0, "range"), (1.0, "range"), (0.0, "-"),
                                                (0.0, "-")]
    assert format_strip(rows).splitlines() == ["worker 11: RRR..", "worker 12: ....i"]


def test_too_few_samples_is_an_error():
    with pytest.raises(ValueError):
        phase_table([], [], T0, T0 + 1, cores=2)
