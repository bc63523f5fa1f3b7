#!/usr/bin/env python3
"""Elasticsearch's time for a name query with and without the one-slip tier, side by side in one run.

    .venv/bin/python scripts/bench_name_query.py --prefix P --names 200

On the records index an earlier ``scripts/bench_search.py --keep --prefix P`` run left: for each of
``--names`` names of the synthetic archive (typed without diacritics, as the load mix types them), the
body the search sends first (the name as typed, its slips read back: ``typo=False``) and the body with
the one-slip tier (``typo=True``, which the search sends only when the first finds fewer than a page),
alternating, the request cache off. Prints the medians of Elasticsearch's ``took`` and how many names
fill less than a page as typed (those are asked twice).
"""

from __future__ import annotations

import argparse
import statistics
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--prefix", required=True, help="index prefix of a kept benchmark index")
    ap.add_argument("--names", type=int, default=200)
    ap.add_argument("--page", type=int, default=20, help="page size (the API's default)")
    ap.add_argument("--seed", type=int, default=96, help="seed of the synthetic names queried")
    args = ap.parse_args()
    config = Config.from_env({"SOHOA_INDEX_PREFIX": args.prefix})
    es = Elasticsearch(config.es_url, request_timeout=120)
    index = config.index("records")
    vocabulary = name_vocabulary.fetch(es, index)
    names = [folded_text(n) for i in range(args.names * 2)
             if (n := (record_base(i, seed=args.seed)["fields"].get("full_name") or {}).get("value"))][:args.names]
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
