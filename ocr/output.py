"""What OCR hands to people and other programs: hOCR, searchable PDFs, and the
mapping from OCR boxes back to the original scan.

Boxes in ``PageText`` refer to the image Tesseract saw: the source page turned
upright by ``rotation`` (clockwise), straightened by ``skew`` (the canvas grown
so no corner is cut) and resized by ``scale``. ``to_source`` undoes that.
Rotations about the centre commute, so the order the pipeline applied the
quarter turns and the skew in does not matter for the mapping.

The searchable PDF is built from the preprocessed page images (upright,
straight, flattened), with Tesseract's own PDF renderer putting an invisible
text layer exactly over them; the original scan stays untouched in the bucket.
"""

from __future__ import annotations

import math
import shutil
import tempfile
from html import escape
from pathlib import Path
from typing import Iterable

from PIL import Image


from .result import BBox, PageText


def to_source(page: PageText, bbox: BBox) -> BBox:
    """``bbox`` in the OCR'd image -> the same region in the source page image."""
    sw, sh = page.source_width or page.width, page.source_height or page.height
    # Size after the quarter turns.
    w1, h1 = (sh, sw) if page.rotation in (90, 270) else (sw, sh)
    s = page.scale or 1.0
    w2, h2 = page.width / s, page.height / s  # deskewed canvas, before scaling
    t = math.radians(page.skew or 0.0)
    cos, sin = math.cos(t), math.sin(t)
    xs, ys = [], []
    for x, y in ((bbox[0], bbox[1]), (bbox[2], bbox[1]), (bbox[0], bbox[3]), (bbox[2], bbox[3])):
        x, y = x / s - w2 / 2, y / s - h2 / 2
        # The pipeline turned the page clockwise by ``skew``; turn it back.
        x, y = x * cos - y * sin + w1 / 2, x * sin + y * cos + h1 / 2
        # Undo the clockwise quarter turns.
        r = page.rotation % 360
        if r == 90:
            x, y = y, w1 - x
        elif r == 180:
            x, y = w1 - x, h1 - y
        elif r == 270:
            x, y = h1 - y, x
        xs.append(x)
        ys.append(y)
    clamp = lambda v, hi: int(round(min(max(v, 0), hi)))  # noqa: E731
    return clamp(min(xs), sw), clamp(min(ys), sh), clamp(max(xs), sw), clamp(max(ys), sh)


def page_hocr(page: PageText, title: str = "") -> str:
    """An hOCR document for one page, built from its lines and words (pure)."""
    def box(b: BBox) -> str:
        return f"bbox {b[0]} {b[1]} {b[2]} {b[3]}"

    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="vi" lang="vi">',
        "<head>",
        f"<title>{escape(title)}</title>",
        '<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>',
        '<meta name="ocr-system" content="sohoa (tesseract)"/>',
        '<meta name="ocr-capabilities" content="ocr_page ocr_carea ocr_line ocrx_word"/>',
        "</head>",
        "<body>",
        f'<div class="ocr_page" id="page_{page.page}" title="image {escape(title)!r}; '
        f'{box((0, 0, page.width, page.height))}; ppageno {page.page - 1}">',
    ]
    n_line = n_word = 0
    block = None
    for line in page.lines:
        if line.block != block:
            if block is not None:
                out.append("</div>")
            out.append(f'<div class="ocr_carea" id="block_{page.page}_{line.block}">')
            block = line.block
        n_line += 1
        out.append(f'<span class="ocr_line" id="line_{page.page}_{n_line}" title="{box(line.bbox)}">')
        for w in line.words:
            n_word += 1
            out.append(f'<span class="ocrx_word" id="word_{page.page}_{n_word}" '
                       f'title="{box(w.bbox)}; x_wconf {round(w.confidence * 100)}">{escape(w.text)}</span>')
        out.append("</span>")
    if block is not None:
        out.append("</div>")
    out += ["</div>", "</body>", "</html>", ""]
    return "\n".join(out)


def searchable_pdf(pages: Iterable[Image.Image], out_path: Path, languages: str = "vie",
                   tessdata_dir: str | None = None, timeout: float = 600, psm: int = 3) -> Path:
    """Write a PDF of ``pages`` (the images OCR saw) with an invisible text layer.

    One Tesseract process reads a list file of page images and writes a
    single multi-page PDF: no PDF library needed.
    """
    out_path = Path(out_path)
    with tempfile.TemporaryDirectory(prefix="sohoa-pdf-") as tmp:
        names = []
        for i, image in enumerate(pages, 1):
            name = Path(tmp) / f"page-{i:05d}.png"
            dpi = image.info.get("dpi") or (300, 300)
            image.save(name, dpi=tuple(round(float(v)) for v in dpi))
            names.append(str(name))
        if not names:
            raise ValueError("no pages to write")
        listing = Path(tmp) / "pages.txt"
        listing.write_text("\n".join(names) + "\n")
        from .tesseract import render_pdf  # here: the API reads boxes from this module without loading the engine
        written = render_pdf(listing, Path(tmp) / "out", languages, psm, tessdata_dir, timeout)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(written), out_path)
    return out_path
