"""Where a pipeline run's cores were not reading: a timeline of the worker processes' CPU, by phase.

``CpuSampler`` reads ``/proc`` a few times a second while a ``sohoa worker`` runs: the CPU of each worker
process with its children (Tesseract runs included, running or reaped), of the servers beside it
(Elasticsearch, the object store, the broker) and of the whole machine. After the run, ``work_spans`` reads
from the run's job records when each worker held what: the document's prepare, each range of pages
(its pages' ``started_at`` .. ``finished_at``, the same for every page of a range), extraction and indexing.
``phase_table`` cuts the run, from submit to the moment the bench saw everything done, into phases and
says for each how many core-seconds the workers used and how many they left idle:

- intake: submit until a worker starts preparing the document (the listing, the prepare message);
- prepare: until the first range starts (download, inspect, pages recorded, ranges sent);
- ranges: the first range's start until the last-but-one range ends (idle here is gaps between ranges and
  waits inside them);
- tail: the last-but-one range's end until the last range's end (one core reading, the other idle);
- to index: the last range's end until extraction starts (the index message's queue hop);
- extract + index: extraction and indexing, on one worker;
- until seen: the document indexed until the bench's wait noticed.

Used by ``scripts/bench_pipeline.py --timeline``; the computing part (``phase_table``, ``per_second``) is pure
and tested (tests/scripts/test_pipeline_timeline.py).
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")

# Servers whose CPU is shown beside the workers', found by their command lines.
SERVERS = {"elasticsearch": "org.elasticsearch.bootstrap.Elasticsearch", "s3": "moto_server",
           "broker": "redis-server"}


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds of the process and its reaped children), or None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name may hold spaces and parentheses: split after its last ')'.
    fields = raw[raw.rindex(")") + 2:].split()
    ppid = int(fields[1])
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    return ppid, (utime + stime + cutime + cstime) / TICK


def cmdline(pid: int) -> str:
    """The command line ``pid`` was started with, or "" once it has gone."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def _machine_busy() -> float:
    """CPU seconds the whole machine spent not idle since boot."""
    parts = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    values = [int(x) for x in parts]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return (sum(values[:8]) - idle) / TICK


def server_pids() -> dict[str, list[int]]:
    found: dict[str, list[int]] = {name: [] for name in SERVERS}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            line = cmdline(int(entry))
            for name, needle in SERVERS.items():
                if needle in line:
                    found[name].append(int(entry))
    return found


@dataclass
class Sample:
    at: float  # time.time()
    workers: dict[int, float]  # worker process pid -> CPU seconds with its children
    servers: dict[str, float]
    machine: float


@dataclass
class CpuSampler:
    """Samples, every ``interval`` seconds, the CPU of the process tree under ``root`` (the ``sohoa worker``
    command: dramatiq's main process, whose children are the worker processes)."""

    root: int
    interval: float = 0.2
    samples: list[Sample] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._servers = server_pids()
        self._thread = threading.Thread(target=self._run, name="cpu-sampler", daemon=True)

    def start(self) -> "CpuSampler":
        self._thread.start()
        return self

    def stop(self) -> list[Sample]:
        self._stop.set()
        self._thread.join()
        return self.samples

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(self.sample())
            self._stop.wait(self.interval)

    def sample(self) -> Sample:
        workers = {pid: _tree_cpu(pid) for pid in _children(self.root)}
        servers = {name: sum(s[1] for p in pids if (s := _stat(p)) is not None)
                   for name, pids in self._servers.items()}
        return Sample(at=time.time(), workers=workers, servers=servers, machine=_machine_busy())


def _children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (each of its threads' children), without listing all of /proc."""
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                out += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
            except OSError:
                continue
    except OSError:
        pass
    return out


def _tree_cpu(pid: int) -> float:
    """CPU seconds of ``pid`` and everything under it, running or reaped."""
    s = _stat(pid)
    return (s[1] if s else 0.0) + sum(_tree_cpu(c) for c in _children(pid))


# --------------------------------------------------------------------------- the run's spans, from job records

@dataclass(frozen=True)
class Span:
    kind: str  # "prepare", "range", "extract", "index"
    worker: int | None  # the worker process's pid, from the record's "host:pid"
    start: float
    end: float
    pages: int = 0


def _ts(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


def _pid(worker: str | None) -> int | None:
    try:
        return int(str(worker).rsplit(":", 1)[1])
    except (IndexError, ValueError):
        return None


def work_spans(page_records: list[dict], doc_record: dict) -> list[Span]:
    """The prepare, each range of pages, extraction and indexing of one document, from its job records.

    A range's pages are started together (one bulk write, one ``started_at``) and finished together, by the
    worker that read them; pages read alone (the OCR queue) are spans of one page."""
    ranges: dict[tuple[str, str], list[dict]] = {}
    for p in page_records:
        if p.get("state") == "done" and p.get("started_at") and p.get("finished_at"):
            ranges.setdefault((str(p.get("worker")), p["started_at"]), []).append(p)
    spans = [Span("range", _pid(w), _ts(started), max(_ts(p["finished_at"]) for p in ps), len(ps))
             for (w, started), ps in ranges.items()]
    history = doc_record.get("history") or []
    at = {h["state"]: (_ts(h["at"]), _pid(h.get("worker"))) for h in history}
    if "received" in at:
        end = at.get("ocr", at.get("extracting", (at["received"][0], None)))[0]
        spans.append(Span("prepare", at["received"][1], at["received"][0], end))
    finished = doc_record.get("finished_at")
    if "extracting" in at and "indexing" in at:
        spans.append(Span("extract", at["extracting"][1], at["extracting"][0], at["indexing"][0]))
        if finished:
            spans.append(Span("index", at["indexing"][1], at["indexing"][0], _ts(finished)))
    return sorted(spans, key=lambda s: (s.start, s.end))


# --------------------------------------------------------------------------- phases

@dataclass(frozen=True)
class Phase:
    name: str
    start: float
    end: float
    worker_cpu: float  # core-seconds the worker processes used
    idle: float  # core-seconds of the run's cores the workers left
    unheld: float  # seconds summed over the worker processes in which a worker held no recorded work
    servers: dict[str, float]
    others: float  # the rest of the machine (the bench itself, other work)


def phase_bounds(spans: list[Span], submitted: float, seen: float) -> list[tuple[str, float, float]]:
    """The run cut at: prepare start, first range start, last-but-one range end, last range end, extraction
    start, indexing end; phases of zero length (a run without ranges) are kept, at zero length."""
    ranges = sorted((s for s in spans if s.kind == "range"), key=lambda s: s.end)
    extract = next((s for s in spans if s.kind == "extract"), None)
    index = next((s for s in spans if s.kind == "index"), None)
    prepare = min((s.start for s in spans if s.kind == "prepare"), default=submitted)
    first = min((s.start for s in ranges), default=prepare)
    last_end = ranges[-1].end if ranges else first
    penultimate = ranges[-2].end if len(ranges) > 1 else first
    extract_start = extract.start if extract else last_end
    indexed = index.end if index else extract_start
    cuts = [submitted, prepare, max(prepare, first), max(first, penultimate), last_end, max(last_end, extract_start),
            max(extract_start, indexed), seen]
    names = ["intake", "prepare", "ranges", "tail", "to index", "extract + index", "until seen"]
    out = []
    for name, a, b in zip(names, cuts, cuts[1:]):
        a, b = min(max(a, submitted), seen), min(max(b, submitted), seen)
        out.append((name, a, max(a, b)))
    return out


def _interpolate(samples: list[Sample], t: float, value) -> float:
    """A cumulative figure at time ``t``, linear between the samples around it."""
    if t <= samples[0].at:
        return value(samples[0])
    for a, b in zip(samples, samples[1:]):
        if a.at <= t <= b.at:
            f = (t - a.at) / (b.at - a.at) if b.at > a.at else 0.0
            return value(a) + f * (value(b) - value(a))
    return value(samples[-1])


def _worker_total(s: Sample) -> float:
    return sum(s.workers.values())


def _cpu_between(samples: list[Sample], a: float, b: float, value) -> float:
    return max(0.0, _interpolate(samples, b, value) - _interpolate(samples, a, value))


def phase_table(samples: list[Sample], spans: list[Span], submitted: float, seen: float, cores: int) -> list[Phase]:
    """Each phase's worker CPU and idle core-seconds (``cores`` × its length less the workers' CPU)."""
    if len(samples) < 2:
        raise ValueError("at least two CPU samples are needed")
    names = sorted({n for s in samples for n in s.servers})
    pids = sorted({p for s in samples for p in s.workers})
    out = []
    for name, a, b in phase_bounds(spans, submitted, seen):
        worker = _cpu_between(samples, a, b, _worker_total)
        servers = {n: _cpu_between(samples, a, b, lambda s, n=n: s.servers.get(n, 0.0)) for n in names}
        machine = _cpu_between(samples, a, b, lambda s: s.machine)
        out.append(Phase(name, a, b, worker, max(0.0, cores * (b - a) - worker),
                         sum(_unheld(spans, pid, a, b) for pid in pids), servers,
                         max(0.0, machine - worker - sum(servers.values()))))
    return out


def _unheld(spans: list[Span], pid: int, a: float, b: float) -> float:
    """Seconds of [a, b] in which worker ``pid`` held none of ``spans``."""
    covered, reach = 0.0, a
    for sp in sorted((sp for sp in spans if sp.worker == pid and sp.end > a and sp.start < b), key=lambda s: s.start):
        start, end = max(sp.start, reach), min(sp.end, b)
        if end > start:
            covered += end - start
            reach = end
    return (b - a) - covered


def per_second(samples: list[Sample], spans: list[Span], submitted: float, seen: float) -> list[dict]:
    """Second by second from submit: each worker process's CPU in that second and what it held then."""
    pids = sorted({p for s in samples for p in s.workers})
    rows = []
    t = submitted
    while t < seen:
        u = min(seen, t + 1.0)
        row: dict = {"second": round(t - submitted), "workers": {}}
        for pid in pids:
            cpu = _cpu_between(samples, t, u, lambda s, pid=pid: s.workers.get(pid, 0.0))
            held = [sp.kind for sp in spans if sp.worker == pid and sp.start < u and sp.end > t]
            row["workers"][pid] = (round(cpu / (u - t), 2), "+".join(dict.fromkeys(held)) or "-")
        rows.append(row)
        t = u
    return rows


def format_phases(phases: list[Phase]) -> str:
    names = sorted({n for p in phases for n in p.servers})
    head = ("| phase | seconds | worker CPU (core-s) | idle core-s | workers holding nothing (s) | "
            + " | ".join(f"{n} CPU" for n in names) + " | rest of machine |")
    lines = [head, "| " + " | ".join(["---"] * (6 + len(names))) + " |"]
    total = Phase("all", phases[0].start, phases[-1].end, sum(p.worker_cpu for p in phases),
                  sum(p.idle for p in phases), sum(p.unheld for p in phases), {n: sum(p.servers[n] for p in phases) for n in names},
                  sum(p.others for p in phases))
    for p in [*phases, total]:
        bold = "**" if p.name == "all" else ""
        lines.append(f"| {bold}{p.name}{bold} | {p.end - p.start:.1f} | {p.worker_cpu:.1f} | {bold}{p.idle:.1f}{bold} | {p.unheld:.1f} | "
                     + " | ".join(f"{p.servers[n]:.1f}" for n in names) + f" | {p.others:.1f} |")
    return "\n".join(lines)


def format_strip(rows: list[dict]) -> str:
    """One character per second and worker: what it held (p prepare, r range, e extract, i index, . nothing),
    upper case when it used more than half a core in that second."""
    if not rows:
        return ""
    pids = list(rows[0]["workers"])
    out = []
    for pid in pids:
        chars = []
        for row in rows:
            busy, held = row["workers"].get(pid, (0.0, "-"))
            c = "." if held == "-" else held[0]
            chars.append(c.upper() if busy > 0.5 and c != "." else ("o" if busy > 0.5 else c))
        out.append(f"worker {pid}: " + "".join(chars))
    return "\n".join(out)
