#!/usr/bin/env python3
"""Elasticsearch's time for a name query with and without the one-slip tier, side by side in one run.

    .venv/bin/python scripts/bench_name_query.py --prefix P --names 200

On the records index an earlier ``scripts/bench_search.py --keep --prefix P`` run left: for each of
``--names`` names of the synthetic archive (typed without diacritics, as the load mix types them), the
body the search sends first (the name as typed, its slips read back: ``typo=False``) and the body with
the one-slip tier (``typo=True``, which the search sends only when the first finds fewer than a page),
alternating, the request cache off. Prints the medians of Elasticsearch's ``took`` and how many names
fill less than a page as typed (those are asked twice).

    .venv/bin/python scripts/bench_name_query.py --prefix P --names 150 --before /tmp/before

With ``--before`` (a plain copy of earlier code: ``git archive C | tar -x -C DIR``): the bodies that code
builds for the same names (each typed without and with diacritics, as typed and with the one-slip tier)
beside this checkout's, each run ``--repeat`` times alternating, the fastest ``took`` of each body kept (on
a shared machine the slowest runs are other work's); whether each pair finds the same hits with the same
scores; the medians and means per version and kind.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from elasticsearch import Elasticsearch  # noqa: E402

from indexers import name_vocabulary  # noqa: E402
from indexers.analysis import folded_text  # noqa: E402
from indexers.records_search import RecordQuery, build_search  # noqa: E402
from indexers.synthetic import record_base  # noqa: E402
from sohoa.config import Config  # noqa: E402


# Run with PYTHONPATH on a code tree: the bodies that tree's search builds for the queries on stdin (one JSON
# line each: the vocabulary, then the queries), as the search does (the slips read back counted first).
_BODIES = r"""
import json, sys
from elasticsearch import Elasticsearch
from indexers import records_search as rs, slip_readings
lines = sys.stdin.read().splitlines()
es_url, index = json.loads(lines[0])
vocabulary = json.loads(lines[1])
es = Elasticsearch(es_url, request_timeout=120)
for line in lines[2:]:
    q = rs.RecordQuery(**json.loads(line))
    readings, slips = rs.slip_candidates(q, vocabulary), None
    if readings:
        slips = slip_readings.ranked(readings, rs.slip_counts(es.search(index=index, **rs.slip_count_body(q, readings)),
                                                              readings))
    print(json.dumps([rs.build_search(q, None, vocabulary, slips, typo=t) for t in (False, True)], ensure_ascii=False))
"""


def bodies_of(root: Path, es_url: str, index: str, vocabulary: dict, queries: list[dict]) -> list[list[dict]]:
    """Per query, [body as typed, body with the one-slip tier] as the code under ``root`` builds them."""
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in [[es_url, index], vocabulary, *queries])
    out = subprocess.run([sys.executable, "-c", _BODIES], input=stdin, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(root)}, cwd=str(root))
    return [json.loads(line) for line in out.stdout.splitlines()]


def side_by_side(es: Elasticsearch, index: str, vocabulary: dict, names: list[str], before: Path, repeat: int,
                 page: int) -> None:
    queries = [{"name": n, "size": page, "facets": False} for name in names for n in (folded_text(name), name)]
    versions = {"before": bodies_of(before, es.transport.node_pool.get().base_url, index, vocabulary, queries),
                "after": bodies_of(ROOT, es.transport.node_pool.get().base_url, index, vocabulary, queries)}
    took: dict[tuple[str, bool], list[int]] = {(v, t): [] for v in versions for t in (False, True)}
    differing = 0
    for i in range(len(queries)):
        for t in (False, True):
            best: dict[str, int] = {}
            found: dict[str, tuple] = {}
            for r in range(repeat):
                for v in (("before", "after") if (i + r) % 2 == 0 else ("after", "before")):
                    resp = es.search(index=index, request_cache=False, **versions[v][i][int(t)])
                    best[v] = min(best.get(v, resp["took"]), resp["took"])
                    found[v] = (resp["hits"]["total"]["value"],
                                [(h["_id"], round(h["_score"], 3)) for h in resp["hits"]["hits"]])
            differing += found["before"] != found["after"]
            for v in versions:
                took[(v, t)].append(best[v])
    for t in (False, True):
        for v in versions:
            values = took[(v, t)]
            print(f"{v:<7} {'one slip (typo=True)' if t else 'as typed (typo=False)':<22} fastest of {repeat} took: "
                  f"median {statistics.median(values):5.1f} ms, mean {statistics.mean(values):6.2f} ms")
        ratio = statistics.mean(took[("after", t)]) / max(statistics.mean(took[("before", t)]), 1e-9)
        print(f"        ratio of means after/before: {ratio:.2f}")
    print(f"queries: {len(queries)} ({len(names)} names, without and with diacritics), each as typed and with a slip; "
          f"bodies finding other hits or scores: {differing} of {2 * len(queries)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--prefix", required=True, help="index prefix of a kept benchmark index")
    ap.add_argument("--names", type=int, default=200)
    ap.add_argument("--page", type=int, default=20, help="page size (the API's default)")
    ap.add_argument("--seed", type=int, default=96, help="seed of the synthetic names queried")
    ap.add_argument("--before", default=None, help="a plain copy of earlier code: its bodies side by side")
    ap.add_argument("--repeat", type=int, default=3, help="with --before: runs of each body (the fastest kept)")
    args = ap.parse_args()
    config = Config.from_env({"SOHOA_INDEX_PREFIX": args.prefix})
    es = Elasticsearch(config.es_url, request_timeout=120)
    index = config.index("records")
    vocabulary = name_vocabulary.fetch(es, index)
    names = [folded_text(n) for i in range(args.names * 2)
             if (n := (record_base(i, seed=args.seed)["fields"].get("full_name") or {}).get("value"))][:args.names]
    if args.before:
        originals = [n for i in range(args.names * 2)
                     if (n := (record_base(i, seed=args.seed)["fields"].get("full_name") or {}).get("value"))]
        side_by_side(es, index, vocabulary, originals[:args.names], Path(args.before).resolve(), args.repeat,
                     args.page)
        return 0
    took: dict[str, list[int]] = {"as typed first (typo=False)": [], "one slip always (typo=True)": []}
    short = 0
    for i, name in enumerate(names):
        q = RecordQuery(name=name, facets=False, size=args.page)
        bodies = [("as typed first (typo=False)", build_search(q, vocabulary=vocabulary, typo=False)),
                  ("one slip always (typo=True)", build_search(q, vocabulary=vocabulary, typo=True))]
        for label, body in (bodies if i % 2 == 0 else bodies[::-1]):
            kwargs = {("source" if k == "_source" else k): v for k, v in body.items()}
            resp = es.search(index=index, request_cache=False, **kwargs)
            took[label].append(resp["took"])
            if label.startswith("as typed"):
                short += resp["hits"]["total"]["value"] < args.page
    for label, values in took.items():
        print(f"{label:<30} took median {statistics.median(values):6.1f} ms, mean {statistics.mean(values):6.1f} ms")
    print(f"names filling less than a page of {args.page} as typed (asked twice): {short} of {len(names)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
