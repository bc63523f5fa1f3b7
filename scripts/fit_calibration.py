#!/usr/bin/env python3
"""Fit the field-confidence calibration (schemas/data/calibration.json) on generated forms.

Forms of the seen wordings are generated (the seen split of ``scripts/forms`` and the older
``scripts/make_forms.py`` forms; never the unseen split), OCR'd and
read with calibration off; every extracted field that the truth has gives a
(raw score, right?) pair in its group (kind × clean/repaired). An isotonic
step function is fitted per group on the ``--fit-seeds`` forms and checked on
the ``--check-seeds`` forms, which it never saw: the script prints the
reliability table (predicted vs observed) and, for fields called confident
(calibrated ≥ 0.995), the share that is right. Run from the repository root:

    python scripts/fit_calibration.py --splits seen,legacy --fit-seeds 101,103 --check-seeds 102 --per-type 4 \\
        --ocr-cache /tmp/ocr

``--write`` stores the fitted calibration; without it nothing is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_extract import match_records, ocr_document  # noqa: E402
from make_forms import RECORD_TYPES  # noqa: E402

from ocr.result import PageText  # noqa: E402
from schemas.confidence import CALIBRATION_FILE, CONFIDENT, MIN_GROUP, fit, reliability  # noqa: E402
from schemas.extract import extract_records, flatten_fields  # noqa: E402


def _documents(split: str, seed: int, per_type: int, levels: list[int], types: list[str], jobs: int,
               cache: Path | None) -> list[tuple[dict, list[dict]]]:
    """(truth, OCR'd pages) of a split's forms; OCR output read from and written to ``cache``."""
    todo = [(split, rt, i, lv, seed, None) for lv in levels for rt in types for i in range(per_type)]
    out, missing = [], []
    for job in todo:
        old = cache / f"{job[1]}-{job[2]:03d}-L{job[3]}-s{seed}-default.json" if cache and split == "legacy" else None
        if old is not None and old.exists():  # the older cache layout, by document name
            d = json.loads(old.read_text(encoding="utf-8"))
            out.append((d["truth"], d["pages"]))
        else:
            missing.append((job, cache))
    with Pool(max(1, min(jobs, 2))) as pool:
        out += [(truth, pages) for _, truth, pages, _, _ in pool.map(ocr_document, missing, chunksize=1)]
    return out


def scored_fields(splits: list[str], seeds: list[int], per_type: int, levels: list[int], types: list[str],
                  jobs: int, cache: Path | None) -> list[tuple[str, float, bool]]:
    """(group, raw score, right) for every extracted field the truth has, over the seeds' forms."""
    out = []
    for split in splits:
        for seed in seeds:
            for truth, page_dicts in _documents(split, seed, per_type, levels, types, jobs, cache):
                pages = [PageText.from_dict(d) for d in page_dicts]
                got = extract_records(pages, truth["collection"], calibrated=False)
                for t, rec in match_records(truth["records"], got):
                    if rec is None:
                        continue
                    values, confs, groups = (flatten_fields(rec), flatten_fields(rec, "confidence"),
                                             flatten_fields(rec, "group"))
                    for key, want in t["fields"].items():
                        if values.get(key) is not None and groups.get(key):  # (a relation read from its label: no group)
                            out.append((groups[key], confs[key] or 0.0, values[key] == want))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", default="seen,legacy",
                    help="splits of seen wordings to fit on: seen (scripts/forms), legacy (scripts/make_forms.py); "
                         "never unseen")
    ap.add_argument("--fit-seeds", default="101,103")
    ap.add_argument("--check-seeds", default="102")
    ap.add_argument("--per-type", type=int, default=4)
    ap.add_argument("--levels", default="0,1,2,3")
    ap.add_argument("--types", default=",".join(RECORD_TYPES))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--ocr-cache", type=Path)
    ap.add_argument("--write", action="store_true", help=f"store the calibration in {CALIBRATION_FILE}")
    args = ap.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",")]
    types = args.types.split(",")
    splits = [x for x in args.splits.split(",") if x]
    if "unseen" in splits:
        ap.error("the calibration is fitted on seen wordings only: the unseen split is the test")
    fit_pts = scored_fields(splits, [int(s) for s in args.fit_seeds.split(",")], args.per_type, levels, types,
                            args.jobs, args.ocr_cache)
    check_pts = scored_fields(splits, [int(s) for s in args.check_seeds.split(",")], args.per_type, levels, types,
                              args.jobs, args.ocr_cache)
    cal = fit(fit_pts)
    maps = cal.maps
    pairs = [(cal.for_group(g, s), ok) for g, s, ok in check_pts]
    confident = [ok for p, ok in pairs if p >= CONFIDENT]
    print(f"fitted on {len(fit_pts)} fields (seeds {args.fit_seeds}), checked on {len(check_pts)} (seeds "
          f"{args.check_seeds})")
    print(f"groups with a map of their own (>= {MIN_GROUP} fields): "
          + ", ".join(f"{g} {m.n}" for g, m in sorted(maps.items()) if m.n >= MIN_GROUP))
    print(f"confident from a calibrated probability of {cal.confident_from}")
    print()
    print("| calibrated confidence | fields | predicted | observed right |")
    print("| --- | --- | --- | --- |")
    table = reliability(pairs)
    for row in table:
        print(f"| {row['from']:.3f}–{row['to']:.3f} | {row['n']} | {row['predicted']:.3f} | {row['observed']:.3f} |")
    right = sum(ok for _, ok in pairs)
    print()
    print(f"confident (>= {CONFIDENT}): {len(confident)} of {len(pairs)} fields, right {sum(confident)} "
          f"({100 * sum(confident) / max(1, len(confident)):.2f} %); wrong and confident "
          f"{len(confident) - sum(confident)} ({100 * (len(confident) - sum(confident)) / max(1, len(pairs)):.2f} % "
          f"of fields); right but not confident {right - sum(confident)} of {right} right values")
    if args.write:
        CALIBRATION_FILE.write_text(json.dumps({
            "about": "Isotonic maps from extraction scores to the share of right values, per field group "
                     "(kind:clean|repaired, kind, all); written by scripts/fit_calibration.py, do not edit.",
            "fitted_on": {"splits": args.splits, "seeds": args.fit_seeds, "per_type": args.per_type,
                          "levels": args.levels, "fields": len(fit_pts)},
            "checked_on": {"seeds": args.check_seeds, "fields": len(check_pts), "reliability": table},
            "confident_from": cal.confident_from,
            "groups": {g: {"x": list(m.x), "y": list(m.y), "n": m.n} for g, m in sorted(maps.items())},
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"written: {CALIBRATION_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
