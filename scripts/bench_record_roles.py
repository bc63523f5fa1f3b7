#!/usr/bin/env python3
"""What reading field roles from the record types costs the hot paths, beside another revision, in one run.

Field roles (subject name, birth dates, places, ID numbers…) are read from the loaded record types
(``schemas/roles.py``) instead of lists in code. This times, in-process and without servers, the paths that read
them for every record: ``derive`` (a record document from its base: what indexing and migration do per record)
and ``auth.mask_record`` + ``disclose`` (a viewer's search hit). With ``--against DIR`` (a checkout of another
revision, e.g. ``git archive main | tar -x -C DIR``) the same measurement runs on that code too, the two
alternating in child processes, and the figures are printed side by side. Times are CPU time of the process
(``time.process_time``), per record, median of ``--repeat`` rounds: on a shared machine wall time measures the
neighbours more than the code.

    .venv/bin/python scripts/bench_record_roles.py [--records 2000] [--repeat 5] [--against DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(records: int) -> dict[str, float]:
    """Per-record CPU microseconds of each path, with the code on ``sys.path[0]``."""
    from api import auth
    from api.disclosure import disclose
    from indexers.records import derive
    from indexers.records_search import summary
    from indexers.synthetic import record_base
    bases = [record_base(i) for i in range(records)]
    derive(bases[0])
    t = time.process_time()
    docs = [derive(b) for b in bases]
    derived = (time.process_time() - t) / records * 1e6
    hits = [{**summary(d), "id": d["record_id"], "score": 1.0, "highlights": []} for d in docs]
    t = time.process_time()
    for h in hits:
        disclose(auth.mask_record(h, False))
    masked = (time.process_time() - t) / records * 1e6
    return {"derive": derived, "viewer's hit": masked}


def child(code: Path, records: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", "--records", str(records)], check=True,
                         capture_output=True, text=True, cwd=code,
                         env={**os.environ, "BENCH_CODE": str(code), "PYTHONPATH": str(code)})
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--against", type=Path, help="a checkout of another revision to measure beside this one")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        sys.path.insert(0, os.environ.get("BENCH_CODE", str(ROOT)))
        print(json.dumps(measure(args.records)))
        return
    trees = {"this revision": ROOT}
    if args.against:
        trees = {"against": args.against.resolve(), **trees}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.repeat):
        for name, code in trees.items():  # alternating, so a busy moment falls on both
            runs[name].append(child(code, args.records))
    paths = list(next(iter(runs.values()))[0])
    print(f"CPU µs per record, median of {args.repeat} rounds of {args.records} records")
    print(f"{'':24}" + "".join(f"{name:>16}" for name in trees) + ("        ratio" if args.against else ""))
    for path in paths:
        medians = [statistics.median(r[path] for r in runs[name]) for name in trees]
        ratio = f"{medians[-1] / medians[0]:>13.2f}" if args.against else ""
        print(f"{path:24}" + "".join(f"{m:>16.1f}" for m in medians) + ratio)


if __name__ == "__main__":
    main()
