#!/usr/bin/env python3
"""Reading order benchmark: Tesseract's own line order against ``ocr.reading_order``.

    .venv/bin/python scripts/bench_reading_order.py                  # 8 typewritten + 6 other pages, ~2 min
    .venv/bin/python scripts/bench_reading_order.py --typed 4 --other 0

Each page is OCR'd once (``ocr_image``, default options); the same lines are
then scored in Tesseract's order and in geometric reading order, so the two
columns differ by the ordering alone. Typewritten pages are
``ocr.synthetic.typewritten_page`` (monospaced, values at one tab stop,
degradation level 3); the other pages are the OCR benchmark's generated
forms, registers and prose (``make_scan``, level 2), where the order should
not change. CER and WER as in scripts/bench_ocr.py (NFC, white space
collapsed, reading order counts). Prints one row per page and the medians.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ocr.tesseract  # noqa: E402
from ocr.pipeline import OcrOptions, ocr_image  # noqa: E402
from ocr.reading_order import reading_order  # noqa: E402
from ocr.synthetic import make_scan, typewritten_page  # noqa: E402
from scripts.bench_ocr import cer, wer  # noqa: E402


def pages(typed: int, other: int, seed: int):
    for i in range(typed):
        image, truth = typewritten_page(seed + i, level=3)
        yield f"typed-{seed + i}", image, truth
    for i in range(other):
        image, truth, spec = make_scan(i, 2, seed)
        yield f"{spec.kind}-{spec.family}-{i}", image, truth


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--typed", type=int, default=8)
    ap.add_argument("--other", type=int, default=6)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    # Tesseract's order as it comes: the ordering is applied below, on a copy.
    ocr.tesseract.reading_order = lambda lines: lines
    rows = []
    print(f"{'page':<22} {'blocks':>6}  {'CER tesseract':>13} {'CER geometry':>12}  {'WER tesseract':>13} "
          f"{'WER geometry':>12}")
    for name, image, truth in pages(args.typed, args.other, args.seed):
        raw = ocr_image(image, 1, OcrOptions())
        ordered = copy.deepcopy(raw)
        ordered.lines = reading_order(ordered.lines)
        row = (name, len({ln.block for ln in raw.lines}), cer(truth, raw.text), cer(truth, ordered.text),
               wer(truth, raw.text), wer(truth, ordered.text))
        rows.append(row)
        print(f"{row[0]:<22} {row[1]:>6}  {row[2]:>13.2%} {row[3]:>12.2%}  {row[4]:>13.2%} {row[5]:>12.2%}",
              flush=True)
    for label, subset in (("typewritten", [r for r in rows if r[0].startswith("typed")]),
                          ("other", [r for r in rows if not r[0].startswith("typed")])):
        if subset:
            med = [statistics.median(r[k] for r in subset) for k in (2, 3, 4, 5)]
            print(f"median {label:<15} {len(subset):>6}  {med[0]:>13.2%} {med[1]:>12.2%}  {med[2]:>13.2%} "
                  f"{med[3]:>12.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
