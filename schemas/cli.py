"""``sohoa extract FILE``: OCR a local file and print the records found in it, no services needed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sohoa.errors import SohoaError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="OCR one local file and print the structured records in it",
                       description="OCR a local file (PDF, TIFF, JPEG, PNG) and extract birth, marriage, death, "
                                   "martyr, war invalid and museum object records with a confidence per field.")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the records as JSON")
    p.add_argument("--collection", help="collection prefix or object key the file belongs to (e.g. hotich/)")
    p.set_defaults(func=run)


def _print_record(rec: Mapping[str, Any]) -> None:
    from .extract import flatten_fields

    review = " [needs review]" if rec["needs_review"] else ""
    print(f"--- {rec['record_type']} (pages {', '.join(map(str, rec['pages']))}, "
          f"confidence {rec['confidence']:.2f}){review}")
    confs = flatten_fields(rec, "confidence")
    for key, value in flatten_fields(rec).items():
        print(f"  {key}: {value}  ({confs.get(key) or 0:.2f})")
    for reason in rec["review_reasons"]:
        print(f"  ! {reason}")
    for what in ("missing", "doubtful"):
        if rec.get(what):
            print(f"  {what}: {', '.join(rec[what])}")
    for u in rec.get("unmapped") or []:
        print(f"  unmapped: {u['label']}: {u.get('value') or ''}")


def run(args: argparse.Namespace) -> int:
    from ocr.pipeline import OcrOptions, ocr_file
    from sohoa.config import Config

    from .extract import extract_records, to_json

    if not args.file.is_file():
        print(f"sohoa extract: {args.file}: no such file", file=sys.stderr)
        return 2
    try:
        options = OcrOptions.from_config(Config.from_env())
        pages = list(ocr_file(args.file, options))
    except SohoaError as exc:
        print(f"sohoa extract: {args.file}: {exc.reason}: {exc.message}", file=sys.stderr)
        return 1
    records = extract_records(pages, args.collection)
    if args.json:
        print(to_json(records))
    else:
        for rec in records:
            _print_record(rec)
    return 0
