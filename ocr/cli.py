"""``sohoa ocr FILE``: OCR one local file with no services at all."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sohoa.config import Config
from sohoa.errors import SohoaError



def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ocr", help="OCR one local file (PDF, TIFF, JPEG, PNG) and print each page's text",
                       description="Rasterize and OCR a local file with no services running; the first thing "
                                   "to try on a scan, and what the benchmarks call.")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print pages with text, words, boxes and confidences as JSON")
    p.add_argument("--languages", help="Tesseract languages (default: SOHOA_OCR_LANGUAGES)")
    p.add_argument("--dpi", type=int, help="rasterization resolution for PDFs (default: SOHOA_OCR_DPI)")
    p.add_argument("--model", help="fast, best or a tessdata directory (default: SOHOA_OCR_MODEL)")
    p.add_argument("--steps", help="preprocessing steps, comma-separated, or 'none' (default: SOHOA_OCR_STEPS)")
    p.add_argument("--force-ocr", action="store_true", help="OCR PDF pages even when they have a text layer")
    p.add_argument("--hocr", type=Path, metavar="DIR", help="also write one hOCR file per page into DIR")
    p.add_argument("--pdf", type=Path, metavar="OUT", help="write a searchable PDF of the whole file to OUT instead")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: every sohoa command loads this module to list its
    # subcommands, and OpenCV/numpy would slow all of them down.
    from .output import page_hocr
    from sohoa.progress import Progress

    from .pipeline import OcrOptions, ocr_file, open_source, searchable_pdf_file

    from .steps import StepError

    try:
        options = OcrOptions.from_config(Config.from_env())
        overrides = {k: v for k, v in (("languages", args.languages), ("dpi", args.dpi), ("model", args.model)) if v}
        if args.steps is not None:
            overrides["steps"] = tuple(s for s in args.steps.split(",") if s and s != "none")
        if args.force_ocr:
            overrides["force_ocr"] = True
        if overrides:
            options = OcrOptions(**{**options.__dict__, **overrides})
        options.pipeline()  # --steps checked before the first page
    except StepError as exc:
        print(f"sohoa ocr: {exc}", file=sys.stderr)
        return 2
    if not args.file.is_file():
        print(f"sohoa ocr: {args.file}: no such file", file=sys.stderr)
        return 2
    if args.pdf:
        try:
            searchable_pdf_file(args.file, args.pdf, options)
        except SohoaError as exc:
            print(f"sohoa ocr: {args.file}: {exc.reason}: {exc.message}", file=sys.stderr)
            return 1
        print(args.pdf)
        return 0
    pages = []
    # With --json nothing is printed until the end: a long register shows its
    # progress on stderr instead (stdout stays clean JSON).
    progress = None
    try:
        if args.json:
            progress = Progress(open_source(args.file, options).pages, "ocr")
        for page in ocr_file(args.file, options):
            if progress:
                progress.advance(detail=f"page {page.page}")
            if args.hocr:
                args.hocr.mkdir(parents=True, exist_ok=True)
                (args.hocr / f"{args.file.stem}-{page.page:04d}.hocr").write_text(
                    page_hocr(page, title=f"{args.file.name} page {page.page}"), encoding="utf-8")
            if args.json:
                pages.append(page.to_dict())
            else:
                flags = f" [{', '.join(page.flags)}]" if page.flags else ""
                turned = f", turned {page.rotation}°" if page.rotation else ""
                skew = f", straightened {page.skew:+.1f}°" if page.skew else ""
                print(f"--- page {page.page} (confidence {page.mean_confidence:.2f}{turned}{skew}){flags}")
                print(page.text)
                sys.stdout.flush()
    except SohoaError as exc:
        print(f"sohoa ocr: {args.file}: {exc.reason}: {exc.message}", file=sys.stderr)
        return 1
    finally:
        if progress:
            progress.close()
    if args.json:
        json.dump({"file": str(args.file), "pages": pages}, sys.stdout, ensure_ascii=False)
        print()
    return 0
