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
Relevance: judged queries for planted and background records, typed without
diacritics, in reversed order, without the middle name, with one typo, and
with a birth-year range; the relevant set of a query is every record whose
name, without diacritics, is the intended one (and born in the range), read
from the index by an exact keyword lookup, never from the ranking under test.
A typo is never allowed to spell another name of the archive (see ``typo``).
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

from api.auth import create_token  # noqa: E402
from indexers.analysis import folded_text  # noqa: E402
from indexers.client import concrete_name, load_template  # noqa: E402
from indexers.bulk import index_concurrently, load_settings  # noqa: E402
from indexers.records import derive, record_id, tokens  # noqa: E402
from indexers.synthetic import FAMILY, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M, PROVINCES, record_base  # noqa: E402
from ingest.testing import api_process  # noqa: E402
from sohoa.config import Config  # noqa: E402

# Planted people: plausible names that are rarer than the background's, so "the record" is well defined.
PLANTED = ["Nguyễn Văn Khuê", "Trần Thị Nhạn", "Lê Đình Thoại", "Phạm Thị Ngọc Diễm", "Hoàng Văn Thụ",
           "Vũ Thị Huyền Trâm", "Đặng Quang Vịnh", "Bùi Thị Xuyến", "Đỗ Hữu Nghị", "Ngô Thị Thoa Hường",
           "Dương Văn Khoát", "Đinh Thị Loan Phượng", "Trịnh Công Sự", "Lương Thị Gấm", "Mai Xuân Thưởng",
           "Tạ Đình Đề", "Chu Văn Tấn", "Cao Thị Thuỷ Ngân", "Kiều Văn Hoà", "Quách Thị Ngoãn",
           "Nguyễn Thị Ngọc Hân", "Trần Văn Thuần", "Lê Thị Hoè", "Phan Văn Khoẻ", "Hồ Thị Quế"]


def derived(i: int, seed: int) -> tuple[str, dict]:
    b = record_base(i, seed=seed)
    return record_id(b["doc_hash"], 0), derive(b)


def derived_json(i: int, seed: int) -> tuple[str, bytes]:
    """``derived`` serialised where it is derived: the bulk request takes the bytes as they are."""
    _id, doc = derived(i, seed)
    return _id, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def planted_docs(seed: int) -> list[tuple[str, dict]]:
    out = []
    rng = random.Random(seed)
    for k, name in enumerate(PLANTED):
        b = record_base(10_000_000 + k, seed=seed, record_type="birth", family="civil_status", collection="hotich")
        born = f"{rng.randint(1930, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        b["fields"] = {"full_name": {"value": name, "raw": name.upper(), "confidence": 0.9, "page": 1, "bbox": None},
                       "date_of_birth": {"value": born, "raw": born, "confidence": 0.9, "page": 1, "bbox": None},
                       "place_of_birth": {"value": f"xã Đình Bảng, huyện Từ Sơn, tỉnh {PROVINCES[k % 8][0]}",
                                          "raw": "", "confidence": 0.9, "page": 1, "bbox": None}}
        out.append((record_id(b["doc_hash"], 0), derive(b)))
    return out


def name_words() -> frozenset[str]:
    """Every word of a name in the benchmark's archive, folded."""
    names = [n for n, _ in FAMILY + MIDDLE_M + MIDDLE_F] + GIVEN_M + GIVEN_F + PLANTED
    return frozenset(w for n in names for w in tokens(folded_text(n)))


def typo(word: str, rng: random.Random, vocabulary: frozenset[str] = frozenset()) -> str:
    """One letter of ``word`` (not the first) replaced, giving a word that is no name in the archive.

    A slip that spells another real name (``khoat`` -> ``khoan``) is not a typo a search can see: the
    query then asks for that other name, and its records are rightly first.
    """
    w = folded_text(word)
    if len(w) < 3:
        return w
    for _ in range(100):
        i = rng.randint(1, len(w) - 1)
        c = rng.choice([x for x in "abcdeghiklmnopqrstuvxy" if x != w[i]])
        typed = w[:i] + c + w[i + 1:]
        if typed not in vocabulary:
            return typed
    return typed


def judged_queries(planted: list[tuple[str, dict]], background: list[dict], seed: int) -> list[dict]:
    rng = random.Random(seed)
    vocabulary = name_words()
    out = []
    for _, d in planted:
        t = tokens(folded_text(d["name"]))
        intended = " ".join(t)
        out.append({"kind": "unaccented", "params": {"name": " ".join(t)}, "intended": intended})
        out.append({"kind": "reversed", "params": {"name": " ".join([t[-1], t[0]] + t[1:-1])}, "intended": intended})
        if len(t) >= 3:
            out.append({"kind": "no middle name", "params": {"name": f"{t[0]} {t[-1]}"}, "intended": intended})
        typed = list(t)
        typed[-1] = typo(t[-1], rng, vocabulary)
        out.append({"kind": "typo", "params": {"name": " ".join(typed)}, "intended": intended})
    for d in background:
        t = tokens(folded_text(d["name"]))
        y = int(d["date_of_birth"][:4])
        variant = rng.choice(["unaccented", "typo"])
        q = " ".join(t) if variant == "unaccented" else " ".join(t[:-1] + [typo(t[-1], rng, vocabulary)])
        out.append({"kind": f"{variant}+born", "params": {"name": q, "born": f"{y - 2}..{y + 2}"},
                    "intended": " ".join(t), "born": (f"{y - 2}-01-01", f"{y + 2}-12-31")})
    return out


def relevant(es: Elasticsearch, alias: str, q: dict) -> set[str]:
    """Records whose name is the intended one as it was typed, without diacritics: ``tran thi nhan`` asks for
    Trần Thị Nhạn and Trần Thị Nhàn alike, and nothing in the query tells them apart. A query without the
    middle name asks for everyone of that family and given name (``dinh phuong``: Đinh Thị Loan Phượng as
    much as Đinh Minh Phượng or Đinh Phượng)."""
    if q["kind"] == "no middle name":
        t = q["intended"].split()
        name = {"bool": {"should": [{"term": {"search.name_full": f"{t[0]} {t[-1]}"}},
                                    {"wildcard": {"search.name_full": f"{t[0]} * {t[-1]}"}}]}}
    else:
        name = {"term": {"search.name_full": q["intended"]}}
    flt = [name]
    if "born" in q:
        flt.append({"range": {"date_of_birth": {"gte": q["born"][0], "lte": q["born"][1], "format": "yyyy-MM-dd"}}})
    resp = es.search(index=alias, query={"bool": {"filter": flt}}, size=1000, source=False)
    return {h["_id"] for h in resp["hits"]["hits"]}


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def es_cpu_seconds(es: Elasticsearch) -> float:
    """CPU time the Elasticsearch nodes have used so far (node stats: works on any cluster)."""
    nodes = es.nodes.stats(metric="process")["nodes"].values()
    return sum(n["process"]["cpu"]["total_in_millis"] for n in nodes) / 1000


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
             es: Elasticsearch, api_pid: int) -> dict:
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

    es0, api0 = es_cpu_seconds(es), process_cpu_seconds(api_pid)
    t0 = time.monotonic()
    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    es1, api1 = es_cpu_seconds(es), process_cpu_seconds(api_pid)
    done = sum(len(v) for v in lat.values()) or 1
    return {"clients": clients, "queries": done, "errors": len(errors), "seconds": round(wall, 1),
            "qps": round(done / wall, 1),
            "cpu_ms_per_query": {"elasticsearch": round((es1 - es0) / done * 1000, 1),
                                 "api": round((api1 - api0) / done * 1000, 1) if api0 is not None else None},
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
        planted = planted_docs(args.seed)
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
        # Searches run as a clerk (search with full fields), so each one is authenticated and audited
        # exactly as in service.
        token, _ = create_token(es, config, "bench-search", "clerk")
        headers = {"Authorization": f"Bearer {token}"}

        # --- relevance
        rng = random.Random(args.seed + 1)
        background = []
        while len(background) < 25:
            _, d = derived(rng.randrange(args.records), args.seed)
            if d["name"] and d["date_of_birth"] and d["record_type"] != "museum_object":
                background.append(d)
        judged = judged_queries(planted, background, args.seed)
        recalls, firsts, by_kind = [], [], {}
        with httpx.Client(base_url=base, timeout=30, headers=headers) as client:
            for q in judged:
                rel = relevant(es, alias, q)
                resp = client.get("/records/search", params={**q["params"], "size": 10, "facets": "false"})
                resp.raise_for_status()
                hits = resp.json()
                ids = [h["id"] for h in hits["hits"]]
                r = len(rel & set(ids)) / min(len(rel), 10) if rel else 0.0
                f = bool(ids) and ids[0] in rel
                recalls.append(r)
                firsts.append(f)
                if args.show_misses and r < 1:
                    print(f"miss [{q['kind']}] {q['params']} wanted {q['intended']!r} ({len(rel)} records): "
                          f"recall {r:.2f}, got {[h['name'] for h in hits['hits'][:5]]}", file=sys.stderr)
                k = by_kind.setdefault(q["kind"], {"n": 0, "recall": 0.0, "first": 0})
                k["n"] += 1
                k["recall"] += r
                k["first"] += f
        for k in by_kind.values():
            k["recall"] = round(k["recall"] / k["n"], 3)
            k["first"] = round(k["first"] / k["n"], 3)
        result["relevance"] = {"queries": len(judged), "recall_at_10": round(sum(recalls) / len(recalls), 3),
                               "exact_first": round(sum(firsts) / len(firsts), 3), "by_kind": by_kind}

        # --- latency under load
        mix_rng = random.Random(args.seed + 2)
        names = [d["name"] for d in background] + [d["name"] for _, d in planted]
        extra = [record_base(i, seed=args.seed + 3) for i in range(2000)]
        names += [(b["fields"].get("full_name") or {}).get("value") for b in extra
                  if (b["fields"].get("full_name") or {}).get("value")]

        def make_query() -> tuple[str, dict]:
            r = mix_rng.random()
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
        with httpx.Client(base_url=base, timeout=30, headers=headers) as c:  # warm the caches first
            for kind, params in queries[:50]:
                c.get("/records/search", params=params)
        result["load"] = []
        for clients in args.clients:
            level = run_load(base, headers, queries[50:], clients, args.duration, es, proc.pid)
            result["load"].append(level)
            name = level["latency_ms"]["name"]
            cpu = level["cpu_ms_per_query"]
            print(f"load: {clients} clients, {level['qps']} queries/s, name p50/p95/p99 "
                  f"{name['p50']}/{name['p95']}/{name['p99']} ms, {level['errors']} errors; CPU per query: "
                  f"Elasticsearch {cpu['elasticsearch']} ms, API {cpu['api']} ms", file=sys.stderr)
    finally:
        services.close()
        if not args.keep and not args.reuse:
            es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
