"""``sohoa ocr FILE``: OCR one local file with no services at all."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sohoa.config import Config
from sohoa.errors import SohoaError

from .pipeline import OcrOptions, ocr_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ocr", help="OCR one local file (PDF, TIFF, JPEG, PNG) and print each page's text",
                       description="Rasterize and OCR a local file with no services running; the first thing "
                                   "to try on a scan, and what the benchmarks call.")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print pages with text, words, boxes and confidences as JSON")
    p.add_argument("--languages", help="Tesseract languages (default: SOHOA_OCR_LANGUAGES)")
    p.add_argument("--dpi", type=int, help="rasterization resolution for PDFs (default: SOHOA_OCR_DPI)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options = OcrOptions.from_config(Config.from_env())
    overrides = {k: v for k, v in (("languages", args.languages), ("dpi", args.dpi)) if v}
    if overrides:
        options = OcrOptions(**{**options.__dict__, **overrides})
    if not args.file.is_file():
        print(f"sohoa ocr: {args.file}: no such file", file=sys.stderr)
        return 2
    pages = []
    try:
        for page in ocr_file(args.file, options):
            if args.json:
                pages.append(page.to_dict())
            else:
                flags = f" [{', '.join(page.flags)}]" if page.flags else ""
                print(f"--- page {page.page} (confidence {page.mean_confidence:.2f}){flags}")
                print(page.text)
                sys.stdout.flush()
    except SohoaError as exc:
        print(f"sohoa ocr: {args.file}: {exc.reason}: {exc.message}", file=sys.stderr)
        return 1
    if args.json:
        json.dump({"file": str(args.file), "pages": pages}, sys.stdout, ensure_ascii=False)
        print()
    return 0
