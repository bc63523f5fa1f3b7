#!/usr/bin/env python3
"""Benchmark record search: bulk indexing rate, API latency under concurrent load, relevance on judged queries.

    .venv/bin/python scripts/bench_search.py                 # 1,000,000 records (the documented run)
    .venv/bin/python scripts/bench_search.py --records 200000 --duration 60

Records are synthetic (indexers/synthetic.py: seeded distributions of
Vietnamese names, dates, places and record types; no OCR) and go to their own
index prefix, deleted afterwards unless --keep. Latency is measured through
the HTTP API (`sohoa api` on a loopback port), at each level of --clients
concurrent clients in turn (the clients run on the same cores as the API and
Elasticsearch).
Relevance: judged queries of every kind people type (scripts/search_judgements.py:
its own name pools, tone placement, typo model and Telex/VNI keystrokes, nothing
from the search code), for people planted on one to three records each among the
background; the relevant records of a query are read from what was generated,
never from the index. Per kind: recall@10, the share whose first hit has the
spelling typed (any relevant record for queries typed without diacritics), MRR.

    .venv/bin/python scripts/bench_search.py --records 100000 --relevance-only --show-misses
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from elasticsearch import Elasticsearch  # noqa: E402

from api.auth import create_token, revoke_token  # noqa: E402
from indexers.analysis import folded_text  # noqa: E402  (the load mix only: judgements never use it)
from indexers.client import concrete_name, load_template  # noqa: E402
from indexers.bulk import index_concurrently, load_settings  # noqa: E402
from indexers.records import derive, record_id  # noqa: E402
from indexers.synthetic import FAMILY, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M, PROVINCES, record_base  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import search_judgements as judgements  # noqa: E402
from ingest.testing import api_process  # noqa: E402
from sohoa.config import Config  # noqa: E402

def derived(i: int, seed: int) -> tuple[str, dict]:
    b = record_base(i, seed=seed)
    return record_id(b["doc_hash"], 0), derive(b)


def derived_json(i: int, seed: int) -> tuple[str, bytes]:
    """``derived`` serialised where it is derived: the bulk request takes the bytes as they are."""
    _id, doc = derived(i, seed)
    return _id, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def background_subjects(i: int, seed: int) -> tuple[str, list]:
    """Who the subjects of background record ``i`` are, read from its generated fields (for the judgements)."""
    b = record_base(i, seed=seed)
    return record_id(b["doc_hash"], 0), judgements.subjects_of(b)


def vocabulary() -> frozenset[str]:
    """Every word of a name in the benchmark's archive, without diacritics: a slip never spells one."""
    names = ([n for n, _ in FAMILY + MIDDLE_M + MIDDLE_F] + GIVEN_M + GIVEN_F
             + [n for n, _ in judgements.FAMILY + judgements.MIDDLE_M + judgements.MIDDLE_F]
             + judgements.GIVEN_M + judgements.GIVEN_F)
    return frozenset(w for n in names for w in judgements.plain(n).split())


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def es_cpu_seconds(es: Elasticsearch) -> float:
    """CPU time the Elasticsearch nodes have used so far (node stats: works on any cluster)."""
    nodes = es.nodes.stats(metric="process")["nodes"].values()
    return sum(n["process"]["cpu"]["total_in_millis"] for n in nodes) / 1000


def es_time_ms(es: Elasticsearch) -> dict[str, float]:
    """Time Elasticsearch spent so far per kind of request: searching (query and fetch phases), getting
    documents by ID (the token check), indexing (the audit entries)."""
    out = {"search_query": 0.0, "search_fetch": 0.0, "get": 0.0, "index": 0.0}
    for n in es.nodes.stats(metric="indices")["nodes"].values():
        i = n["indices"]
        out["search_query"] += i["search"]["query_time_in_millis"]
        out["search_fetch"] += i["search"]["fetch_time_in_millis"]
        out["get"] += i["get"]["time_in_millis"]
        out["index"] += i["indexing"]["index_time_in_millis"]
    return out


def index_search_ms(es: Elasticsearch, index: str) -> dict[str, float]:
    """Time searches of ``index`` alone have taken so far (query and fetch phases): on a node other work shares,
    the part of it that is this benchmark's."""
    s = es.indices.stats(index=index, metric="search")["_all"]["total"]["search"]
    return {"query": float(s["query_time_in_millis"]), "fetch": float(s["fetch_time_in_millis"]),
            "searches": float(s["query_total"])}


def loader_cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the deriving processes)."""
    import resource
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def process_cpu_seconds(pid: int) -> float | None:
    """CPU time of a process and its children (the API's workers), from /proc; None where there is none."""
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return own + sum(process_cpu_seconds(int(c)) or 0.0 for c in children)
    except (OSError, ValueError, IndexError):
        return None


def run_load(base: str, headers: dict, queries: list[tuple[str, dict]], clients: int, duration: float,
             es: Elasticsearch, api_pid: int, index: str | None = None) -> dict:
    """``clients`` concurrent clients sending ``queries`` in turn for at most ``duration`` seconds.

    Also the CPU each query cost Elasticsearch and the API (search, token check and audit entry
    together): on a shared machine this, not the latency, says what the service itself needs."""
    lat: dict[str, list[float]] = {"name": [], "date_range": [], "faceted": []}
    errors: list[float] = []
    lock = threading.Lock()
    pos = [0]
    deadline = time.monotonic() + duration

    def client_loop() -> None:
        with httpx.Client(base_url=base, timeout=30, headers=headers) as c:
            while time.monotonic() < deadline:
                with lock:
                    if pos[0] >= len(queries):
                        return
                    kind, params = queries[pos[0]]
                    pos[0] += 1
                t = time.perf_counter()
                resp = c.get("/records/search", params=params)
                dt = (time.perf_counter() - t) * 1000
                with lock:
                    (lat[kind] if resp.status_code == 200 else errors).append(dt)

    es0, api0, t_es0 = es_cpu_seconds(es), process_cpu_seconds(api_pid), es_time_ms(es)
    own0, idx0 = time.process_time(), index_search_ms(es, index) if index else None
    t0 = time.monotonic()
    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    es1, api1, t_es1 = es_cpu_seconds(es), process_cpu_seconds(api_pid), es_time_ms(es)
    own1, idx1 = time.process_time(), index_search_ms(es, index) if index else None
    done = sum(len(v) for v in lat.values()) or 1
    load = os.getloadavg()[0]
    return {"clients": clients, "queries": done, "errors": len(errors), "seconds": round(wall, 1),
            "qps": round(done / wall, 1),
            "cpu_ms_per_query": {"elasticsearch": round((es1 - es0) / done * 1000, 1),
                                 "api": round((api1 - api0) / done * 1000, 1) if api0 is not None else None,
                                 # the clients' own (HTTP and JSON in this process), on the same cores
                                 "clients": round((own1 - own0) / done * 1000, 1)},
            # the records index alone (other indices on the node aside): searches per query (a name query runs
            # one or two) and their query and fetch time per query
            **({"records_index_per_query": {
                "searches": round((idx1["searches"] - idx0["searches"]) / done, 2),
                "query_ms": round((idx1["query"] - idx0["query"]) / done, 2),
                "fetch_ms": round((idx1["fetch"] - idx0["fetch"]) / done, 2)}} if idx0 and idx1 else {}),
            # wall time inside Elasticsearch per query, by kind of request (one search, one token get, one
            # audit write per query): where the Elasticsearch part goes
            "es_ms_per_query": {k: round((t_es1[k] - t_es0[k]) / done, 2) for k in t_es0},
            "load_average": round(load, 1),
            "latency_ms": {k: {"n": len(v), "p50": round(pct(v, 50), 1), "p95": round(pct(v, 95), 1),
                               "p99": round(pct(v, 99), 1)} for k, v in lat.items()}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--clients", type=lambda v: [int(x) for x in v.split(",")], default=[1, 2, 4, 8],
                    help="concurrent clients, one load run per comma-separated level (default: 1,2,4,8)")
    ap.add_argument("--duration", type=float, default=30, help="seconds of load per level (at most)")
    ap.add_argument("--queries", type=int, default=5000, help="queries of load per level (at most)")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--prefix", default=None, help="index prefix (default: bench-search-<random>)")
    ap.add_argument("--keep", action="store_true", help="keep the benchmark index")
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                    help="processes deriving documents (default: one per core)")
    ap.add_argument("--threads", type=int, default=2, help="bulk requests in flight")
    ap.add_argument("--chunk", type=int, default=1000, help="documents per bulk request")
    ap.add_argument("--api-workers", type=int, default=os.cpu_count() or 1,
                    help="API processes (sohoa api --workers; default: one per core)")
    ap.add_argument("--reuse", action="store_true",
                    help="measure queries on the index an earlier run kept (--prefix P --keep); no bulk load")
    ap.add_argument("--show-misses", action="store_true", help="print each judged query not fully recalled")
    ap.add_argument("--people", type=int, default=150, help="planted people for the judged queries")
    ap.add_argument("--per-kind", type=int, default=35, help="judged queries per kind (at most)")
    ap.add_argument("--relevance-only", action="store_true", help="judged queries only, no load levels")
    ap.add_argument("--name-only", action="store_true", help="load with name queries only (CPU per name query)")
    ap.add_argument("--latency-only", action="store_true",
                    help="no judged queries (with --reuse: no reading of the archive's million records either)")
    ap.add_argument("--before", default=None,
                    help="a plain copy of earlier code (git archive C | tar -x -C DIR): its API is measured too, "
                         "at each level right before or after this checkout's, in turn")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    prefix = args.prefix or f"benchsearch{uuid.uuid4().hex[:6]}"
    env = {**os.environ, "SOHOA_INDEX_PREFIX": prefix, "SOHOA_LOG_LEVEL": "WARNING"}
    config = Config.from_env(env)
    es = Elasticsearch(config.es_url, request_timeout=120, retry_on_timeout=True, max_retries=5,
                       retry_on_status=(429, 502, 503, 504))
    alias = config.index("records")
    index = concrete_name(config, "records")
    template = load_template("records")
    result: dict = {"records": args.records, "prefix": prefix}
    services = contextlib.ExitStack()
    try:
        persons, planted_bases = judgements.planted(args.seed, people=args.people)
        planted = [(record_id(b["doc_hash"], 0), derive(b)) for b in planted_bases]
        if args.reuse:  # an index kept by an earlier --keep run with the same --records and --seed
            if es.count(index=alias)["count"] != args.records + len(planted):
                raise SystemExit(f"{alias} does not hold the {args.records} records of an earlier --keep run")
        else:
            es.indices.create(index=index, mappings=template["mappings"], settings=template["settings"])
            es.indices.update_aliases(actions=[{"add": {"index": index, "alias": alias, "is_write_index": True}}])
            t0 = time.monotonic()
            es0, own0 = es_cpu_seconds(es), loader_cpu_seconds()
            # Documents are derived in worker processes (pure Python, one core each) while this process
            # keeps --threads bulk requests in flight.
            with multiprocessing.Pool(args.processes) as pool, load_settings(es, index, template["settings"]):
                docs = pool.imap(partial(derived_json, seed=args.seed), range(args.records), chunksize=500)
                n = index_concurrently(es, alias, docs, threads=args.threads, chunk_size=args.chunk)
                n += index_concurrently(es, alias, planted, threads=1)
            t_bulk = time.monotonic() - t0
            # CPU per record says what a load costs whatever else the machine runs: on N free cores the
            # rate is about N / (sum of the two).
            result["bulk_cpu_ms_per_record"] = {
                "elasticsearch": round((es_cpu_seconds(es) - es0) / n * 1000, 3),
                "derive_and_send": round((loader_cpu_seconds() - own0) / n * 1000, 3)}
            es.indices.forcemerge(index=index, max_num_segments=5, request_timeout=1800)
            result["bulk"] = {"documents": n, "seconds": round(t_bulk, 1), "per_second": round(n / t_bulk),
                              "processes": args.processes, "threads": args.threads, "chunk": args.chunk}
            cpu = result["bulk_cpu_ms_per_record"]
            print(f"bulk: {n} records in {t_bulk:.1f} s = {n / t_bulk:,.0f} records/s; CPU per record: "
                  f"Elasticsearch {cpu['elasticsearch']} ms, deriving and sending {cpu['derive_and_send']} ms",
                  file=sys.stderr)

        proc, base = services.enter_context(api_process(env, workers=args.api_workers, port=args.port or None))
        apis = [("after", proc, base)]
        if args.before:
            apis.append(("before", *services.enter_context(api_process(env, workers=args.api_workers,
                                                                        root=Path(args.before).resolve()))))
        # Searches run as a clerk (search with full fields), so each one is authenticated and audited
        # exactly as in service.
        # A token of its own, revoked when the run ends (a run that dies leaves one that expires within the day),
        # so runs on a kept index do not pile up live tokens.
        token, token_doc = create_token(es, config, "bench-search", "clerk", expires_days=1)
        services.callback(revoke_token, es, config, token_doc["token_id"], revoked_by="bench-search")
        headers = {"Authorization": f"Bearer {token}"}

        # --- relevance: judged queries made by scripts/search_judgements.py, relevant records read from what
        # was generated (every background record's subjects too), never from the index
        if not args.latency_only:
            archive = judgements.Archive()
            with multiprocessing.Pool(args.processes) as pool:
                for rid, subjects in pool.imap(partial(background_subjects, seed=args.seed), range(args.records),
                                               chunksize=2000):
                    archive.add(rid, subjects)
            for b in planted_bases:
                archive.add(record_id(b["doc_hash"], 0), judgements.subjects_of(b))
            judged = judgements.queries(persons, archive, args.seed, per_kind=args.per_kind, vocabulary=vocabulary())
            by_kind: dict[str, dict] = {k: {"n": 0, "recall": 0.0, "first": 0, "mrr": 0.0} for k in judgements.KINDS}
            total = {"n": 0, "recall": 0.0, "first": 0, "mrr": 0.0}
            with httpx.Client(base_url=base, timeout=30, headers=headers) as client:
                for q in judged:
                    resp = client.get("/records/search", params={**q["params"], "size": 10, "facets": "false"})
                    resp.raise_for_status()
                    hits = resp.json()["hits"]
                    r, f, rr = judgements.judge([h["id"] for h in hits], q)
                    if args.show_misses and (r < 1 or not f):
                        print(f"miss [{q['kind']}] {q['params']} ({len(q['relevant'])} relevant): recall {r:.2f}, "
                              f"first {'ok' if f else 'wrong'}, got {[h['name'] for h in hits[:5]]}", file=sys.stderr)
                    for k in (by_kind[q["kind"]], total):
                        k["n"] += 1
                        k["recall"] += r
                        k["first"] += f
                        k["mrr"] += rr
            for k in [*by_kind.values(), total]:
                for m in ("recall", "first", "mrr"):
                    k[m] = round(k[m] / k["n"], 3) if k["n"] else None
            result["relevance"] = {"queries": total["n"], "recall_at_10": total["recall"], "first": total["first"],
                                   "mrr": total["mrr"], "by_kind": by_kind}
            print(f"{'query kind':<24} {'n':>4} {'recall@10':>9} {'first':>6} {'MRR':>6}", file=sys.stderr)
            for kind, k in [*by_kind.items(), ("overall", total)]:
                if k["n"]:
                    print(f"{kind:<24} {k['n']:>4} {k['recall']:>9.3f} {k['first']:>6.3f} {k['mrr']:>6.3f}",
                          file=sys.stderr)
        # --- latency under load
        if not args.relevance_only:
            mix_rng = random.Random(args.seed + 2)
            names = [p["name"] for p in persons]
            extra = [record_base(i, seed=args.seed + 3) for i in range(2000)]
            names += [(b["fields"].get("full_name") or {}).get("value") for b in extra
                      if (b["fields"].get("full_name") or {}).get("value")]

            def make_query() -> tuple[str, dict]:
                r = 0.0 if args.name_only else mix_rng.random()
                name = folded_text(mix_rng.choice(names))
                if r < 0.6:
                    return "name", {"name": name, "facets": "false"}
                if r < 0.8:
                    y = mix_rng.randint(1900, 2010)
                    return "date_range", {"born": f"{y}..{y + mix_rng.randint(0, 5)}",
                                          "type": mix_rng.choice(["birth", "death", "martyr"]), "facets": "false"}
                given = mix_rng.choice(GIVEN_F + GIVEN_M)
                return "faceted", {"name": folded_text(given), "province": mix_rng.choice(PROVINCES)[0]}

            queries = [make_query() for _ in range(args.queries)]
            for _version, _proc, api_base in apis:
                with httpx.Client(base_url=api_base, timeout=30, headers=headers) as c:  # warm the caches first
                    for _kind, params in queries[:50]:
                        c.get("/records/search", params=params)
            result["load"] = []
            for i, clients in enumerate(args.clients):
                for version, api_proc, api_base in (apis if i % 2 == 0 else apis[::-1]):
                    level = run_load(api_base, headers, queries[50:], clients, args.duration, es, api_proc.pid, alias)
                    level["version"] = version
                    result["load"].append(level)
                    name = level["latency_ms"]["name"]
                    cpu = level["cpu_ms_per_query"]
                    print(f"load{' (' + version + ')' if args.before else ''}: {clients} clients, {level['qps']} "
                          f"queries/s, name p50/p95/p99 "
                      f"{name['p50']}/{name['p95']}/{name['p99']} ms, {level['errors']} errors; CPU per query: "
                      f"Elasticsearch {cpu['elasticsearch']} ms, API {cpu['api']} ms, clients {cpu['clients']} ms; "
                      f"inside Elasticsearch per query (ms): {level['es_ms_per_query']}; records index per query: "
                      f"{level.get('records_index_per_query')}; load average {level['load_average']}",
                      file=sys.stderr)
    finally:
        services.close()
        if not args.keep and not args.reuse:
            es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
