#!/usr/bin/env python3
"""Field extraction benchmark: generated forms -> OCR -> extract_records -> compare with truth.

Forms come from ``scripts/make_forms.py`` (rendered in the worker processes,
deterministic in ``--seed``), are OCR'd with ``ocr.pipeline.ocr_image`` and
read with ``schemas.extract.extract_records``. Reported:

- field exact match (normal form vs truth) per degradation level, record type and field;
- classification accuracy (records of the right type);
- records correctly flagged: ``needs_review`` set exactly when some field is wrong or missing;
- wrong-but-confident: fields whose value is wrong yet whose confidence is at or above
  the review threshold, as a share of all fields (target < 1 %) and of wrong fields.

    python scripts/bench_extract.py [--levels 0,1,2,3] [--per-type 3] [--seed 7] [--jobs 2]
    python scripts/bench_extract.py --ground-truth DIR   # records people verified ('sohoa review export DIR')

With ``--ground-truth`` nothing is generated or OCR'd: today's extractor reads the
exported OCR output of each page again and is scored against what reviewers verified
(one level, ``verified``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_forms import RECORD_TYPES, build_document  # noqa: E402

from ocr.pipeline import OcrOptions, ocr_image  # noqa: E402
from ocr.result import PageText  # noqa: E402
from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields  # noqa: E402


def _confidences(rec: dict) -> dict[str, float]:
    return {k: v or 0.0 for k, v in flatten_fields(rec, "confidence").items()}


def ocr_document(job: tuple) -> tuple[tuple, dict, list[dict], float]:
    rt, index, level, seed, steps = job
    images, truth = build_document(rt, index, level, seed)
    options = OcrOptions() if steps is None else OcrOptions().with_steps(*steps)
    start = time.perf_counter()
    pages = [ocr_image(img, n, options).to_dict() for n, img in enumerate(images, 1)]
    return job[:4], truth, pages, time.perf_counter() - start


def _cache_path(cache: Path, job: tuple) -> Path:
    rt, index, level, seed, steps = job
    tag = "default" if steps is None else "-".join(steps) or "none"
    return cache / f"{rt}-{index:03d}-L{level}-s{seed}-{tag}.json"


def _run_ocr(jobs: list[tuple], n_proc: int, cache: Path | None) -> list[tuple]:
    """OCR every job, reading and writing ``cache`` when given (extraction is re-run every time)."""
    done: dict[int, tuple] = {}
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        for k, job in enumerate(jobs):
            path = _cache_path(cache, job)
            if path.exists():
                d = json.loads(path.read_text(encoding="utf-8"))
                done[k] = (tuple(d["job"]), d["truth"], d["pages"], d["seconds"])
    todo = [job for k, job in enumerate(jobs) if k not in done]
    with Pool(max(1, min(n_proc, 2))) as pool:
        fresh = pool.map(ocr_document, todo, chunksize=1) if todo else []
    it = iter(zip(todo, fresh))
    out = []
    for k in range(len(jobs)):
        if k in done:
            out.append(done[k])
            continue
        job, r = next(it)
        if cache is not None:
            _cache_path(cache, job).write_text(json.dumps(
                {"job": list(r[0]), "truth": r[1], "pages": r[2], "seconds": r[3]}, ensure_ascii=False),
                encoding="utf-8")
        out.append(r)
    return out


def match_records(truth_recs: list[dict], got: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each truth record with the extracted record agreeing on most fields (each used once)."""
    flat = [flatten_fields(r) for r in got]
    free = set(range(len(got)))
    pairs = []
    for t in truth_recs:
        best, best_n = None, 0
        for i in free:
            n = sum(1 for k, v in t["fields"].items() if flat[i].get(k) == v)
            if n > best_n:
                best, best_n = i, n
        if best is not None:
            free.discard(best)
        pairs.append((t, got[best] if best is not None else None))
    return pairs


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--levels", default="0,1,2,3")
    ap.add_argument("--per-type", type=int, default=3, help="documents per record type and level")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--types", default=",".join(RECORD_TYPES))
    ap.add_argument("--jobs", type=int, default=2, help="OCR processes (at most 2 on a shared 2-core box)")
    ap.add_argument("--fields", action="store_true", help="also print per-field accuracy")
    ap.add_argument("--errors", action="store_true", help="print every wrong field")
    ap.add_argument("--calibration", action="store_true",
                    help="for several thresholds: wrong-but-confident fields and right fields sent to review")
    ap.add_argument("--review-notes", action="store_true",
                    help="count the notes of right values sent to review (under the threshold): which rules "
                         "hold back right values")
    ap.add_argument("--ocr-cache", type=Path,
                    help="folder keeping each document's OCR output (JSON); a later run with the same seed, "
                         "levels and steps reuses it and only re-runs extraction")
    ap.add_argument("--ocr-steps", help="comma-separated OCR preprocessing steps instead of the pipeline's defaults "
                                        "(e.g. to measure extraction without the orientation step)")
    ap.add_argument("--ground-truth", type=Path,
                    help="score against records people verified, exported by 'sohoa review export DIR'")
    args = ap.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",")]
    steps = tuple(x for x in args.ocr_steps.split(",") if x) if args.ocr_steps is not None else None
    jobs = [(rt, i, lv, args.seed, steps) for lv in levels for rt in args.types.split(",") for i in range(args.per_type)]
    t0 = time.perf_counter()
    if args.ground_truth is not None:
        from indexers.ground_truth import load
        exported = load(args.ground_truth)
        results = [((t["records"][0]["record_type"], k, "verified", None), t, pages, 0.0)
                   for k, (t, pages) in enumerate(exported)]
        jobs = [r[0] for r in results]
        levels = ["verified"]
        args.types = ",".join(sorted({rec["record_type"] for _, t, _, _ in results for rec in t["records"]}))
    else:
        results = _run_ocr(jobs, args.jobs, args.ocr_cache)
    ocr_seconds = sum(r[3] for r in results)

    fields = defaultdict(lambda: [0, 0])  # key -> [right, total]
    by_level = defaultdict(lambda: [0, 0])
    by_type = defaultdict(lambda: [0, 0])
    by_type_level = defaultdict(lambda: [0, 0])
    cls_right = cls_total = 0
    flag_right = flag_total = missed = over = 0
    wrong_conf = wrong_total = extra = 0
    errors = []
    scored: list[tuple[bool, float]] = []  # (value right, confidence) of every extracted truth field
    held: list[list[str]] = []  # notes of right values under the review threshold
    for job, truth, page_dicts, _ in results:
        pages = [PageText.from_dict(d) for d in page_dicts]
        got = extract_records(pages, truth["collection"])
        level = truth["level"]
        for t, rec in match_records(truth["records"], got):
            cls_total += 1
            cls_right += rec is not None and rec["record_type"] == t["record_type"]
            flat = flatten_fields(rec) if rec else {}
            confs = _confidences(rec) if rec else {}
            perfect = True
            for key, want in t["fields"].items():
                have = flat.get(key)
                ok = have == want
                perfect &= ok
                gkey = key.split("[")[0] + (".full_name" if key.endswith("full_name") and "[" in key else "")
                if "[" in key:
                    gkey = "relatives[]." + key.rsplit(".", 1)[1]
                if have is not None:
                    scored.append((ok, confs.get(key, 0.0)))
                    if ok and confs.get(key, 0.0) < REVIEW_THRESHOLD:
                        held.append(flatten_fields(rec, "notes").get(key) or ["(no note: OCR confidence)"])
                for bucket in (fields[(t["record_type"], gkey)], by_level[level], by_type[t["record_type"]],
                               by_type_level[(t["record_type"], level)]):
                    bucket[0] += ok
                    bucket[1] += 1
                if not ok:
                    if have is not None:
                        wrong_total += 1
                        if confs.get(key, 0) >= REVIEW_THRESHOLD:
                            wrong_conf += 1
                    errors.append((job, key, want, have, confs.get(key)))
            extra += sum(1 for k in flat if k not in t["fields"])
            flag_total += 1
            flagged = bool(rec and rec["needs_review"])
            flag_right += flagged != perfect
            missed += (not perfect) and not flagged
            over += perfect and flagged
    turned = sum(1 for _, _, pages, _ in results for p in pages if p.get("rotation"))
    n_pages = sum(len(pages) for _, _, pages, _ in results)
    total_fields = sum(v[1] for v in by_level.values())
    right_fields = sum(v[0] for v in by_level.values())
    wall = time.perf_counter() - t0
    print(f"documents: {len(jobs)}  records: {cls_total}  fields: {total_fields}  "
          f"wall {wall:.0f} s (OCR {ocr_seconds:.0f} s over {min(args.jobs, 2)} processes)")
    print(f"pages turned by OCR's orientation step: {turned}/{n_pages} (generated pages are all upright)")
    print()
    print("| level | fields exact |")
    print("| --- | --- |")
    for lv in levels:
        r, n = by_level[lv]
        print(f"| {lv} | {pct(r, n)} ({r}/{n}) |")
    print(f"| all | {pct(right_fields, total_fields)} ({right_fields}/{total_fields}) |")
    print()
    print("| record type | " + " | ".join(f"L{lv}" for lv in levels) + " | all |")
    print("| --- |" + " --- |" * (len(levels) + 1))
    for rt in args.types.split(","):
        cells = [pct(*by_type_level[(rt, lv)]) for lv in levels]
        print(f"| {rt} | " + " | ".join(cells) + f" | {pct(*by_type[rt])} |")
    print()
    print(f"classification: {pct(cls_right, cls_total)} ({cls_right}/{cls_total} records)")
    print(f"needs_review correct: {pct(flag_right, flag_total)} ({flag_right}/{flag_total}; "
          f"{missed} imperfect records not flagged, {over} perfect records flagged)")
    print(f"wrong-but-confident (conf >= {REVIEW_THRESHOLD}): {pct(wrong_conf, total_fields)} of fields "
          f"({wrong_conf}/{total_fields}); {pct(wrong_conf, wrong_total)} of wrong values ({wrong_conf}/{wrong_total})")
    print(f"missing fields: {sum(1 for e in errors if e[3] is None)}; extra fields not in truth: {extra}")
    if args.calibration:
        print()
        print("| threshold | wrong and confident (of all fields) | right but under threshold (of right values) |")
        print("| --- | --- | --- |")
        right_n = sum(1 for ok, _ in scored if ok)
        for th in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
            wc = sum(1 for ok, c in scored if not ok and c >= th)
            rl = sum(1 for ok, c in scored if ok and c < th)
            print(f"| {th:.2f} | {pct(wc, total_fields)} | {pct(rl, right_n)} |")
    if args.fields:
        print()
        print("| record type | field | exact |")
        print("| --- | --- | --- |")
        for (rt, key), (r, n) in sorted(fields.items()):
            print(f"| {rt} | {key} | {pct(r, n)} ({r}/{n}) |")
    if args.review_notes:
        print()
        print(f"right values sent to review: {len(held)}; by the first words of their notes:")
        kinds = Counter(" ".join(n.split()[:3]).split("'")[0].strip() for notes in held for n in notes)
        for k, n in kinds.most_common():
            print(f"  {n:4d}  {k}")
    if args.errors:
        print()
        for job, key, want, have, conf in errors:
            c = f"{conf:.2f}" if conf is not None else "-"
            print(f"{job[0]}-{job[1]:03d}-L{job[2]} {key}: want {want!r} got {have!r} conf {c}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
