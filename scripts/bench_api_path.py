#!/usr/bin/env python3
"""The API path of two versions of the code side by side in one run: CPU per name query, latency, `took`.

    git archive <commit> | tar -x -C /tmp/before
    .venv/bin/python scripts/bench_api_path.py --before /tmp/before --prefix P --queries 300

Starts ``sohoa api`` (one worker) from ``--before`` (a plain copy of an earlier commit) and from this
checkout, on the records index an earlier ``scripts/bench_search.py --keep --prefix P`` run left, then
sends the same name queries (names of the synthetic archive typed without diacritics) to both,
alternating which goes first, one client, as a clerk and then as a viewer (whose answers are masked).
Prints per version and role: the API process's CPU per query (from /proc), the median latency and the
median of Elasticsearch's ``took`` as the answer reports it (the last search of the request).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import httpx  # noqa: E402
from elasticsearch import Elasticsearch  # noqa: E402

from api.auth import create_token  # noqa: E402
from bench_search import process_cpu_seconds  # noqa: E402
from indexers.analysis import folded_text  # noqa: E402
from indexers.synthetic import record_base  # noqa: E402
from ingest.testing import free_port, stop_process  # noqa: E402
from sohoa.config import Config  # noqa: E402


def start(root: str, env: dict) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sohoa.cli", "api", "--host", "127.0.0.1", "--port", str(port),
                             "--workers", "1"], env={**env, "PYTHONPATH": root}, cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop_process(proc, timeout=10)
    raise SystemExit(f"sohoa api from {root} did not start")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True, help="a plain copy of the earlier code (git archive … | tar -x)")
    ap.add_argument("--prefix", required=True, help="index prefix of a kept benchmark index")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=98, help="seed of the synthetic names queried")
    args = ap.parse_args()
    env = {**os.environ, "SOHOA_INDEX_PREFIX": args.prefix, "SOHOA_LOG_LEVEL": "WARNING",
           "SOHOA_SESSION_SECRET": os.environ.get("SOHOA_SESSION_SECRET") or "bench-api-path-" + "s" * 20}
    config = Config.from_env(env)
    es = Elasticsearch(config.es_url)
    names = [folded_text(n) for i in range(args.queries * 2)
             if (n := (record_base(i, seed=args.seed)["fields"].get("full_name") or {}).get("value"))][:args.queries]
    apis = {"before": start(str(Path(args.before).resolve()), env), "after": start(str(ROOT), env)}
    try:
        for role in ("clerk", "viewer"):
            token, _ = create_token(es, config, "bench-api-path", role)
            clients = {k: httpx.Client(base_url=b, headers={"Authorization": f"Bearer {token}"}, timeout=60)
                       for k, (_, b) in apis.items()}
            for name in names[:20]:  # warm both
                for c in clients.values():
                    c.get("/records/search", params={"name": name, "facets": "false"})
            cpu = {k: 0.0 for k in apis}
            lat: dict[str, list[float]] = {k: [] for k in apis}
            took: dict[str, list[float]] = {k: [] for k in apis}
            for i, name in enumerate(names):
                for k in (list(apis) if i % 2 == 0 else list(apis)[::-1]):
                    pid = apis[k][0].pid
                    c0, t0 = process_cpu_seconds(pid) or 0.0, time.perf_counter()
                    resp = clients[k].get("/records/search", params={"name": name, "facets": "false"})
                    lat[k].append(time.perf_counter() - t0)
                    cpu[k] += (process_cpu_seconds(pid) or 0.0) - c0
                    resp.raise_for_status()
                    took[k].append(resp.json().get("took_ms") or 0)
            for k in apis:
                print(f"{role:<7} {k:<7} API CPU {1000 * cpu[k] / len(names):6.2f} ms/query, latency median "
                      f"{1000 * statistics.median(lat[k]):6.1f} ms, took median {statistics.median(took[k]):5.1f} ms "
                      f"(load average {os.getloadavg()[0]:.1f})")
            for c in clients.values():
                c.close()
    finally:
        for proc, _ in apis.values():
            stop_process(proc, timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
