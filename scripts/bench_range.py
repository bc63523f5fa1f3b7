#!/usr/bin/env python3
"""CPU per register page, one step at a time: each page read by its own Tesseract run, or a range in one run.

    .venv/bin/python scripts/bench_range.py --pages 24 --range 8

Renders the register pages of scripts/bench_pipeline.py (seeded), then, in this one process, for every range of
``--range`` pages, side by side (which goes first alternates from range to range):

- alone: each page through ``ocr_image`` (preprocessing, one Tesseract run, the second look, what is added after);
- together: the range through ``PageReader`` (each page prepared, one Tesseract run for all, the second looks'
  strips in one run), as a worker's range is read (ingest/stages.py ``read_pages``).

and, on the pages as prepared, the steps that differ: Tesseract on each cropped page in a run of its own against
the range's pages in one run, and the second look's strips alone against together. CPU seconds are this
process's and its Tesseract runs' (user + system, so the other work on the machine counts less than in wall
time); figures are medians per page over the ranges. It also checks that both ways read every page to the same
words, boxes and confidences, and prints the CER of each against the pages' text.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from bench_pipeline import register_cer, render_register  # noqa: E402
from ocr.engine import engine_named  # noqa: E402
from ocr.pipeline import OcrOptions, PageReader, _engine_input, ocr_image, prepare_page  # noqa: E402
from ocr.recover import recovery_strip  # noqa: E402


def cpu() -> float:
    """CPU seconds of this process and of its child processes reaped so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def form_pages(count: int, seed: int) -> list[tuple[Image.Image, str | None]]:
    """``count`` pages of the benchmark forms, every kind in turn, levels 0 to 3 (no text to score: None)."""
    from forms.render import KINDS, build_document
    kinds = [k for k in KINDS if k != "bound_register"]
    pages: list[tuple[Image.Image, str | None]] = []
    index = 0
    while len(pages) < count:
        images, _truth = build_document("seen", kinds[index % len(kinds)], index, index % 4, seed)
        pages += [(image, None) for image in images]
        index += 1
    return pages[:count]


def reading(page) -> list:
    return [(w.text, w.bbox, w.confidence) for w in page.words]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=24)
    ap.add_argument("--range", type=int, default=8, help="pages per range (SOHOA_RANGE_PAGES; ranges are at most 8)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--forms", action="store_true",
                    help="the benchmark forms (scripts/forms, levels 0-3) instead of register pages: forms print "
                         "short values on lines of their own, which the second look reads")
    args = ap.parse_args()
    options = OcrOptions()
    engine = engine_named(options.engine)
    rng = np.random.default_rng(args.seed)  # the pages scripts/bench_pipeline.py renders, in its order
    rendered = form_pages(args.pages, args.seed) if args.forms else [render_register(n, rng) for n in range(args.pages)]
    ranges = [list(range(i, min(i + args.range, args.pages))) for i in range(0, args.pages, args.range)]
    per_page: dict[str, list[float]] = {k: [] for k in ("alone", "together", "prepare", "tesseract alone",
                                                        "tesseract together", "strips alone", "strips together")}
    texts: dict[str, dict[int, str]] = {"alone": {}, "together": {}}
    differing, strips_seen = 0, 0
    for r, numbers in enumerate(ranges):
        alone: dict[int, object] = {}
        together: dict[int, object] = {}
        for way in (("alone", "together") if r % 2 == 0 else ("together", "alone")):
            start = cpu()
            if way == "alone":
                for n in numbers:
                    alone[n] = ocr_image(rendered[n][0], n + 1, options)
            else:
                reader = PageReader(options)
                for n in numbers:
                    reader.add(n + 1, rendered[n][0])
                together = {page - 1: result for page, result in reader.read().items()}
            per_page[way].append((cpu() - start) / len(numbers))
        for n in numbers:
            if reading(alone[n]) != reading(together[n]):
                differing += 1
            texts["alone"][n], texts["together"][n] = alone[n].text, together[n].text
        # The steps that differ, on the pages as prepared.
        start = cpu()
        prepared = [prepare_page(rendered[n][0], n + 1, options) for n in numbers]
        per_page["prepare"].append((cpu() - start) / len(numbers))
        inputs = [_engine_input(p, options) for p in prepared]
        start = cpu()
        for page in inputs:
            engine.recognize(page)
        per_page["tesseract alone"].append((cpu() - start) / len(numbers))
        start = cpu()
        engine.recognize_many(inputs)
        per_page["tesseract together"].append((cpu() - start) / len(numbers))
        strips = [(Image.fromarray(s.image), p.dpi) for p in prepared
                  if (s := recovery_strip(p.gray, [w for w in alone[p.page - 1].words if not w.recovered]))]
        if strips:
            strips_seen += len(strips)
            start = cpu()
            for strip, dpi in strips:
                engine.read_lines(strip, dpi)
            per_page["strips alone"].append((cpu() - start) / len(numbers))
            start = cpu()
            engine.read_lines_many(strips)
            per_page["strips together"].append((cpu() - start) / len(numbers))
        print(f"range {r + 1}/{len(ranges)}: {len(numbers)} pages, {len(strips)} with a second look", flush=True)
    truths = [rendered[n][1] for n in range(args.pages)]
    print(f"\n{args.pages} {'form' if args.forms else 'register'} pages, ranges of {args.range}; CPU seconds per page, medians over "
          f"{len(ranges)} ranges")
    print("| step | one Tesseract run a page | one run a range |\n| --- | --- | --- |")

    def med(key: str) -> str:
        return f"{statistics.median(per_page[key]):.3f} s" if per_page[key] else "-"
    print(f"| preprocessing (`prepare_page`) | {med('prepare')} | {med('prepare')} |")
    print(f"| Tesseract on the cropped pages | {med('tesseract alone')} | {med('tesseract together')} |")
    print(f"| second look's strips ({strips_seen} in {args.pages} pages; per page of the range) | "
          f"{med('strips alone')} | {med('strips together')} |")
    print(f"| **all of it** (`ocr_image` a page / `PageReader` a range) | **{med('alone')}** | **{med('together')}** |")
    if not args.forms:
        cer = {way: 100 * register_cer(truths, [texts[way][n] for n in range(args.pages)]) for way in texts}
        print(f"\nCER {cer['alone']:.3f} % / {cer['together']:.3f} %")
    print(f"pages read to other words, boxes or confidences: {differing} of {args.pages}")


if __name__ == "__main__":
    main()
