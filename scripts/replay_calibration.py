#!/usr/bin/env python3
"""Judge a calibration in seconds: replay it on the benchmark forms' evidence, collected once per seed.

A calibration changes confidence, never values, so the benchmark's extraction need not run again for each fit
being compared. ``collect`` reads a seed's forms once (from the benchmark's OCR cache) and keeps, for every output
field of every record matched to its truth, what the confidence and the review rule are computed from: the
field's calibration group and raw score (``schemas/confidence.py``), whether a rule of ``schemas/records.py``
keeps it under the threshold whatever its calibrated probability (a value that is not its field's, digits its
page doubts, the lists saying it is not whole, another field of the record), whether it identifies the record
or is required, and whether it is right. It keeps no value, no label and no review reason's text: only those
facts, so a file of the unseen split says nothing of the unseen wordings or values.

``replay`` then applies each calibration file to that evidence as ``schemas/records.py`` does and prints, per
split and seed, the confident-but-wrong fields, the records sent to review and the records with a wrong or
missing field not sent to review (the benchmark's figures; the replay of the stored calibration matches
``scripts/bench_extract.py`` to a record or two):

    .venv/bin/python scripts/replay_calibration.py collect --seed 7 --ocr-cache bench-out/ocr-v12-s7 \\
        --out bench-out/evidence-s7.json          # about two minutes a seed from the OCR cache
    .venv/bin/python scripts/replay_calibration.py replay schemas/data/calibration.json,cal-new.json \\
        bench-out/evidence-s7.json bench-out/evidence-s11.json bench-out/evidence-s13.json

Collect again after any change to extraction (the groups and raw scores change with it).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from multiprocessing import Pool
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_extract import RECORD_TYPES, document_jobs, match_records, ocr_document  # noqa: E402

from ocr.result import PageText  # noqa: E402
from schemas.confidence import CONFIDENT, Calibration, LogisticCalibration, read_calibration, use_calibration  # noqa: E402
from schemas.extract import extract_records, flatten_fields  # noqa: E402
from schemas.loader import load_schemas  # noqa: E402
from schemas.review_rule import FieldDoubt, hold_reasons  # noqa: E402

SPLITS = ("seen", "dev", "unseen")
# a calibration under which every field a rule leaves alone is confident: read with it, a field under the
# threshold is one a rule of schemas/records.py holds back whatever its calibrated probability
_EVERY_FIELD = {"x": [0.0], "y": [1.0], "n": 10 ** 6}
ALL_CONFIDENT = {"confident_from": 0.0, "groups": {"all": _EVERY_FIELD, "how:assigned:-": _EVERY_FIELD}}


def _spec_key(key: str) -> str:
    return re.sub(r"\[\d+\]", "[]", key)


def record_evidence(truth: dict, raw: Any, capped: Any, schema) -> dict:
    """One matched record's evidence: ``raw`` the record read with calibration off (groups and raw scores),
    ``capped`` the same record read with every field confident but for the rules' caps."""
    values = flatten_fields(capped)
    confs, scores, groups = (flatten_fields(capped, "confidence"), flatten_fields(raw, "confidence"),
                             flatten_fields(raw, "group"))
    fields = []
    for key, conf in confs.items():
        spec = schema.by_key.get(_spec_key(key)) if schema is not None else None
        if spec is None or conf is None:
            continue
        fields.append({"key": _spec_key(key), "kind": spec.kind, "identity": spec.identity,
                       "required": spec.required, "readable": values.get(key) is not None,
                       "group": groups.get(key), "raw": scores.get(key), "capped": conf < CONFIDENT,
                       "correct": values.get(key) == truth["fields"][key] if key in truth["fields"] else None})
    return {"fields": fields, "nfields": len(truth["fields"]),
            "perfect": all(values.get(k) == v for k, v in truth["fields"].items()),
            # reasons that are no doubt about a field's confidence: a required field missing, a cross-check ...
            "other": any(": not confident" not in r and "could be read" not in r for r in capped["review_reasons"])}


def collect(seed: int, cache: Path | None, splits: list[str], levels: list[int], per_type: int,
            jobs: int = 2) -> list[dict]:
    """The evidence of a seed's forms (as the benchmark reads them, with its 20-page register at level 0)."""
    todo = document_jobs(splits, levels, list(RECORD_TYPES), per_type, seed, None, [0])
    with Pool(max(1, min(jobs, 2))) as pool:
        results = pool.map(ocr_document, [(job, cache) for job in todo], chunksize=1)
    schemas = load_schemas()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        every = Path(tmp) / "every-field-confident.json"
        every.write_text(json.dumps(ALL_CONFIDENT), encoding="utf-8")
        for job, truth, page_dicts, _, _ in results:
            pages = [PageText.from_dict(d) for d in page_dicts]
            raw = extract_records(pages, truth["collection"], calibrated=False)
            use_calibration(every)
            try:
                capped = extract_records(pages, truth["collection"])
            finally:
                use_calibration(None)
            position = {id(r): k for k, r in enumerate(capped)}
            for t, rec in match_records(truth["records"], list(capped)):  # type: ignore[arg-type]
                row = {"split": job[0], "level": job[3], "type": t["record_type"], "matched": rec is not None}
                if rec is not None:
                    row.update(record_evidence(t, raw[position[id(rec)]], rec, schemas.get(rec["record_type"])))
                out.append(row)
    return out


def field_confidence(cal: Calibration | LogisticCalibration, field: dict, right_confident: bool = False) -> float:
    """The field's calibrated confidence, as ``schemas/records.py`` gives it; with ``right_confident``, 1.0 for
    every right field (the rules' caps still apply): the best any calibration could do with the same caps."""
    if right_confident and field["correct"] is True:
        p = 1.0
    else:
        p = cal.for_group(field["group"], field["raw"]) if field["group"] else field["raw"]
    return CONFIDENT - 0.001 if field["capped"] and p >= CONFIDENT else p


def split_figures(records: list[dict], cal: Calibration | LogisticCalibration, split: str,
                  right_confident: bool = False) -> dict:
    """The benchmark's figures for one split: confident-but-wrong fields (of the truth's fields), records sent to
    review and records with a wrong or missing field not sent (of the matched records), to review by level;
    ``right_confident``: every right field confident (``field_confidence``)."""
    rows = [r for r in records if r["split"] == split and r["matched"]]
    out = {"fields": sum(r["nfields"] for r in rows), "records": len(rows), "confident_wrong": 0, "review": 0,
           "silent": 0, "review_by_level": {}}
    by_level: dict[int, list[int]] = {}
    for r in rows:
        doubts = []
        for f in r["fields"]:
            p = field_confidence(cal, f, right_confident)
            out["confident_wrong"] += f["correct"] is False and p >= CONFIDENT
            doubts.append(FieldDoubt(f["key"], f["kind"], f["identity"], f["required"], f["readable"], p))
        held = bool(hold_reasons(doubts, missing=[], unmapped=[], schema=None, threshold=CONFIDENT,
                                 conflicts=["other"] if r["other"] else []))
        out["review"] += held
        out["silent"] += not r["perfect"] and not held
        level = by_level.setdefault(r["level"], [0, 0])
        level[0] += held
        level[1] += 1
    out["review_by_level"] = {lv: round(100 * a / b, 1) for lv, (a, b) in sorted(by_level.items())}
    return out


def load_calibration(path: Path) -> Calibration | LogisticCalibration:
    cal = read_calibration(path)
    if cal is None:
        raise SystemExit(f"no calibration in {path}")
    return cal


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect", help="read a seed's forms once and write their evidence")
    c.add_argument("--seed", type=int, required=True)
    c.add_argument("--ocr-cache", type=Path)
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--splits", default=",".join(SPLITS))
    c.add_argument("--levels", default="0,1,2,3")
    c.add_argument("--per-type", type=int, default=2)
    c.add_argument("--jobs", type=int, default=2)
    r = sub.add_parser("replay", help="the benchmark's figures of each calibration on collected evidence")
    r.add_argument("calibrations", help="calibration files, comma-separated")
    r.add_argument("evidence", nargs="+", type=Path, help="files written by collect, one a seed")
    r.add_argument("--right-confident", action="store_true",
                   help="also replay each calibration with every right field confident (the rules' caps and the "
                        "record's other reasons kept): how far review can fall, and what it lets through then")
    args = ap.parse_args(argv)
    if args.command == "collect":
        rows = collect(args.seed, args.ocr_cache, [s for s in args.splits.split(",") if s],
                       [int(x) for x in args.levels.split(",")], args.per_type, args.jobs)
        args.out.write_text(json.dumps(rows), encoding="utf-8")
        print(f"{len(rows)} records: {args.out}")
        return 0
    evidence = [json.loads(p.read_text(encoding="utf-8")) for p in args.evidence]
    print("| calibration | split | confident wrong | records to review | wrong or missing, not held | "
          "to review by level |")
    print("| --- | --- | --- | --- | --- | --- |")
    runs = [(path, right) for path in args.calibrations.split(",")
            for right in ((False, True) if args.right_confident else (False,))]
    for path, right in runs:
        cal = load_calibration(Path(path))
        name = f"{Path(path).name} (from {cal.confident_from})" + (", every right field confident" if right else "")
        for split in SPLITS:
            figs = [split_figures(rows, cal, split, right) for rows in evidence]
            if not any(f["records"] for f in figs):
                continue
            print(f"| {name} | {split} | "
                  + " / ".join(str(f["confident_wrong"]) for f in figs) + " | "
                  + " / ".join(f"{100 * f['review'] / max(1, f['records']):.1f} %" for f in figs) + " | "
                  + " / ".join(str(f["silent"]) for f in figs) + " | "
                  + "; ".join(" / ".join(str(v) for v in f["review_by_level"].values()) for f in figs) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
