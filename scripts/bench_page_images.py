#!/usr/bin/env python3
"""CPU and size of the page image a worker writes for people to look at, PNG against JPEG.

Two pages at 300 dpi: a grey register page (as scripts/bench_pipeline.py renders them) and a colour
scan of a degraded form (ocr/synthetic.py level 2, as a scanner's PDF gives it). For each format, the
median encode and decode CPU time (process time, so other work on the machine does not count) and
the size. The workers write the JPEG (ingest/stages.py ``encode_view``); the PNG is what they wrote
before, and still write for a page handed to the OCR queue (``encode_png``).

    .venv/bin/python scripts/bench_page_images.py --runs 5
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_pipeline import render_register  # noqa: E402
from ingest.stages import encode_png, encode_view  # noqa: E402
from ocr.synthetic import make_scan  # noqa: E402


def decode(data: bytes) -> None:
    Image.open(io.BytesIO(data)).load()


def cpu(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        start = time.process_time()
        out = fn()
        times.append(time.process_time() - start)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    pages = {"register page, grey": render_register(0, np.random.default_rng(7))[0],
             "form level 2, colour scan": make_scan(3, 2, 7, dpi=300)[0].convert("RGB")}
    print("| page | format | encode ms | decode ms | KiB |\n| --- | --- | --- | --- | --- |")
    for name, image in pages.items():
        for fmt, encode in (("PNG (level 1, before)", encode_png), ("JPEG (quality 85, now)", encode_view)):
            enc, data = cpu(partial(encode, image), args.runs)
            dec, _ = cpu(partial(decode, data), args.runs)
            print(f"| {name} | {fmt} | {1000 * enc:.1f} | {1000 * dec:.1f} | {len(data) / 1024:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
