#!/usr/bin/env python3
"""The second look at uncovered ink (ocr/recover.py): short printed values found, before and after, and its cost.

    .venv/bin/python scripts/bench_recover.py --splits seen,unseen --levels 0,1,2,3 --per-type 1 --seed 7

Every page of the benchmark forms (scripts/forms, both splits) is read twice
in one run, side by side: by the pipeline with ``recover`` off (before) and
on (after). A field's printed value counts as found when its words appear,
in order, among the page's words (NFC, case folded), beyond the
occurrences other printed values explain ("Nam" inside "Việt Nam"). Short values are those
full-page OCR drops on its own lines: at most two words and twelve
characters (a sex, an ethnic group, a year, a nationality, a short number).
Word recall is over every word of every printed value. Seconds per page are
CPU seconds (the process and the Tesseract runs it waited for, so other
load on the machine counts less), medians, and the median of the
page-by-page difference.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from forms.render import KINDS, build_document  # noqa: E402
from ocr.pipeline import OcrOptions, ocr_image  # noqa: E402

SEX_PRINTED = {"male": "Nam", "female": "Nữ"}


def words_of(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).casefold()
    return [w.strip(".,:;()") for w in text.split() if w.strip(".,:;()")]


def printed_values(fields: dict) -> list[list[str]]:
    """The words of each value the form prints as written (dates are printed in words or digits, so left out)."""
    out = []
    for key, value in fields.items():
        if not isinstance(value, str) or not value.strip():
            continue
        if key.endswith("sex"):
            value = SEX_PRINTED.get(value, value)
        elif key.startswith("date") or key.endswith(("date", "date_of_birth", "date_of_death")):
            continue
        words = words_of(value)
        if words:
            out.append(words)
    return out


def occurrences(haystack: list[str], needle: list[str]) -> int:
    n = len(needle)
    return sum(1 for i in range(len(haystack) - n + 1) if haystack[i:i + n] == needle)


def found_count(words: list[str], values: list[list[str]], of: list[list[str]]) -> int:
    """How many of the values ``of`` (a sublist of ``values``) the page's ``words`` hold. A short value's words
    also occur inside longer ones ("Nam" in "Việt Nam"): occurrences the other printed values explain are not
    counted for it."""
    found = 0
    for v in {tuple(v) for v in of}:
        wanted = sum(1 for o in of if tuple(o) == v)
        inside_others = sum(occurrences(o, list(v)) for o in values if tuple(o) != v) + \
            sum(1 for o in values if tuple(o) == v) - wanted
        found += min(wanted, max(0, occurrences(words, list(v)) - inside_others))
    return found


def cpu_seconds() -> float:
    """CPU seconds of this process and of the Tesseract processes it waited for (load on the machine aside)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def is_short(words: list[str]) -> bool:
    return len(words) <= 2 and len(" ".join(words)) <= 12


def task(job: tuple) -> dict:
    split, kind, index, level, seed = job
    images, truth = build_document(split, kind, index, level, seed)
    values = [v for rec in truth["records"] for v in printed_values(rec["fields"])]
    row: dict = {"split": split, "level": level, "kind": kind, "pages": len(images)}
    for name, recover in (("before", False), ("after", True)):
        options = replace(OcrOptions(), recover=recover)
        seconds, words, recovered = [], [], 0
        for n, img in enumerate(images, 1):
            start = cpu_seconds()
            page = ocr_image(img, n, options)
            seconds.append(cpu_seconds() - start)
            words += words_of(page.text)
            recovered += sum(1 for w in page.words if w.recovered)
        short = [v for v in values if is_short(v)]
        row[name] = {
            "seconds": seconds,
            "short_found": found_count(words, values, short),
            "short_total": len(short),
            "values_found": found_count(words, values, values),
            "values_total": len(values),
            "words_found": sum(1 for v in values for w in v if w in words),
            "words_total": sum(len(v) for v in values),
            "recovered": recovered,
        }
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--splits", default="seen,unseen")
    ap.add_argument("--levels", default="0,1,2,3")
    ap.add_argument("--per-type", type=int, default=1)
    ap.add_argument("--kinds", default=",".join(k for k in KINDS if k != "bound_register"),
                    help="kinds of document (default the six record types; bound_register adds 20 pages each)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    jobs = [(s, k, i, int(lv), args.seed) for s in args.splits.split(",") for lv in args.levels.split(",")
            for k in args.kinds.split(",") for i in range(args.per_type)]
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(task, jobs))
    print(f"`{' '.join(['.venv/bin/python', 'scripts/bench_recover.py', *(argv or sys.argv[1:])])}`\n")
    print(f"{len(rows)} documents, {sum(r['pages'] for r in rows)} pages, seed {args.seed}\n")
    print("| split | level | short values found (before → after) | all values found | words of values found "
          "| words recovered |")
    print("| --- | --- | --- | --- | --- | --- |")
    groups = sorted({(r["split"], r["level"]) for r in rows}) + [("all", "all")]
    for split, level in groups:
        sel = [r for r in rows if split == "all" or (r["split"], r["level"]) == (split, level)]

        def cell(found: str, total: str, sel: list = sel) -> str:
            parts = []
            for name in ("before", "after"):
                f, t = sum(r[name][found] for r in sel), sum(r[name][total] for r in sel)
                parts.append(f"{f}/{t} ({100 * f / t:.1f} %)" if t else "–")
            return " → ".join(parts)

        print(f"| {split} | {level} | {cell('short_found', 'short_total')} | {cell('values_found', 'values_total')} "
              f"| {cell('words_found', 'words_total')} | {sum(r['after']['recovered'] for r in sel)} |")
    before = [s for r in rows for s in r["before"]["seconds"]]
    after = [s for r in rows for s in r["after"]["seconds"]]
    added = [a - b for r in rows for a, b in zip(r["after"]["seconds"], r["before"]["seconds"])]
    print(f"\nCPU seconds per page (this process and its Tesseract runs), median: before {statistics.median(before):.2f}, "
          f"after {statistics.median(after):.2f}, added {statistics.median(added):+.2f} page by page "
          f"({len(added)} pages, {args.jobs} jobs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
