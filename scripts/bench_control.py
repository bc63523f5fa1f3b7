#!/usr/bin/env python3
"""What the operator's tools pay to get ready to queue work: the worker's actors against the kernel's sender.

Before the stages were cut apart, ``sohoa retry``, ``watch``, ``events`` and
the operator console got their state store and senders from
``ingest.actors.context()``: importing the whole pipeline (OpenCV, Tesseract,
extraction) and declaring the worker's broker. They now build an
``ingest.control.Control`` from their configuration. Each way is timed in a
fresh interpreter (import plus the first context, against the running local
stack), side by side, several times; the figures are medians, with the
resident memory the process reached.

    .venv/bin/python scripts/bench_control.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.testing import read_stack_env  # noqa: E402

WAYS = {
    "worker actors (before)": "from ingest import actors\nctx = actors.context()\n",
    "Control (now)": "from ingest.control import Control\nfrom sohoa.config import Config\n"
                     "ctx = Control.from_config(Config.from_env())\n",
}
PROBE = """
import json, resource, sys, time
t = time.perf_counter()
{code}
seconds = time.perf_counter() - t
heavy = [m for m in ("cv2", "pytesseract", "schemas.extract", "ingest.stages") if m in sys.modules]
print(json.dumps({{"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "loaded": heavy}}))
"""


def stack_env() -> dict[str, str]:
    return {**read_stack_env(ROOT / ".stack" / "env"), **os.environ}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    prefix = f"benchctl{uuid.uuid4().hex[:6]}"
    env = {**stack_env(), "SOHOA_INDEX_PREFIX": prefix, "SOHOA_LOG_LEVEL": "WARNING"}
    results: dict[str, list[dict]] = {name: [] for name in WAYS}
    try:
        for _ in range(args.runs):
            for name, code in WAYS.items():  # interleaved: both ways see the same machine load
                out = subprocess.run([sys.executable, "-c", PROBE.format(code=code)], env=env, cwd=ROOT,
                                     capture_output=True, text=True, timeout=300)
                if out.returncode != 0:
                    print(out.stderr[-2000:], file=sys.stderr)
                    return 1
                results[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    finally:
        from ingest.testing import remove_namespace
        remove_namespace(env)
    print(f"{'way':<24} {'median s':>9} {'median RSS MB':>14}  loaded")
    medians = {}
    for name, runs in results.items():
        s = statistics.median(r["seconds"] for r in runs)
        mb = statistics.median(r["rss_mb"] for r in runs)
        medians[name] = s
        print(f"{name:<24} {s:>9.2f} {mb:>14.0f}  {', '.join(runs[-1]['loaded']) or '-'}")
    before, now = medians["worker actors (before)"], medians["Control (now)"]
    print(f"Control takes {now / before:.2f} of the actors' time ({args.runs} runs each, interleaved)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
