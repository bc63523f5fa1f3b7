"""PDF pages that already carry text: read it instead of OCR'ing the picture.

Born-digital PDFs, and scans someone already OCR'd, have a text layer that is
better than anything OCR would produce; OCR'ing them wastes minutes per
document (a common complaint about FSCrawler). ``ocr_file`` and the pipeline's
prepare stage ask ``pdf_text_layer`` for each page and OCR only the pages
without text, unless forced, so a PDF mixing scanned and born-digital pages is
read page by page.

The words keep their real boxes and the page its real size (poppler's
``pdftotext -bbox-layout``, in PDF points), scaled to the pixels of the page
image a scan of it would have: field extraction then tells lines, labels and
columns apart exactly as it does on OCR output.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from sohoa.errors import DependencyUnavailable
from sohoa.text import nfc

from .engine import PageInput
from .result import Line, PageText, Word

# Fewer letters than this is a page number or a stray header, not a text layer.
MIN_LETTERS = 20
_LETTER = re.compile(r"\w", re.UNICODE)
# Characters XML 1.0 forbids, which a PDF's text can still carry.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XHTML = "{http://www.w3.org/1999/xhtml}"
POINTS_PER_INCH = 72

PointBox = tuple[float, float, float, float]


@dataclass
class LayerLine:
    words: list[tuple[str, PointBox]]
    block: int  # running number of pdftotext's text blocks on the page


@dataclass
class TextLayer:
    """One page's text layer: words with boxes in PDF points, top-left origin."""

    width: float
    height: float
    lines: list[LayerLine] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(" ".join(w for w, _ in line.words) for line in self.lines)


def pdf_text_layer(path: Path | str, page: int, timeout: float = 60,
                   min_letters: int = MIN_LETTERS) -> TextLayer | None:
    """The text layer of PDF page ``page`` (1-based), or ``None`` when it has
    none worth using (a plain scan), by poppler's ``pdftotext -bbox-layout``."""
    cmd = ["pdftotext", "-f", str(page), "-l", str(page), "-bbox-layout", "-enc", "UTF-8", str(path), "-"]
    try:
        out = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except FileNotFoundError as exc:
        raise DependencyUnavailable("poppler's pdftotext is not installed") from exc
    except subprocess.TimeoutExpired:
        return None  # treat as no usable text: the page will be OCR'd
    if out.returncode != 0:
        return None
    layer = parse_bbox_layout(out.stdout.decode("utf-8", errors="replace"))
    if layer is None or len(_LETTER.findall(layer.text)) < min_letters:
        return None
    return layer


def parse_bbox_layout(xhtml: str) -> TextLayer | None:
    """The first page of ``pdftotext -bbox-layout`` output; ``None`` when there is none."""
    try:
        root = ET.fromstring(_NOT_XML.sub("", xhtml))
    except ET.ParseError:
        return None  # unreadable output: OCR the page rather than guess
    page = root.find(f".//{_XHTML}page")
    if page is None:
        return None
    layer = TextLayer(width=float(page.get("width", 0)), height=float(page.get("height", 0)))
    for block_no, block in enumerate(page.iter(f"{_XHTML}block"), start=1):
        for line in block.iter(f"{_XHTML}line"):
            words = [(nfc(w.text or "").strip(), _box(w)) for w in line.iter(f"{_XHTML}word")]
            words = [(text, box) for text, box in words if text]
            if words:
                layer.lines.append(LayerLine(words=words, block=block_no))
    return layer


def _box(element: ET.Element) -> PointBox:
    return tuple(float(element.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))  # type: ignore[return-value]


def text_page(layer: TextLayer, page: int, dpi: int = 300, size: tuple[int, int] | None = None) -> PageText:
    """A ``PageText`` from a text layer, in the pixels of the page rasterized at
    ``dpi`` (or of an image of ``size``): words with confidence 1 and their real
    boxes, one line per text line, lines of one text block sharing a block number."""
    if size is None:
        size = (round(layer.width * dpi / POINTS_PER_INCH), round(layer.height * dpi / POINTS_PER_INCH))
    sx = size[0] / layer.width if layer.width else 0.0
    sy = size[1] / layer.height if layer.height else 0.0

    def pixels(box: PointBox) -> tuple[int, int, int, int]:
        x0, y0, x1, y1 = box
        return (max(0, int(x0 * sx)), max(0, int(y0 * sy)),
                min(size[0], round(x1 * sx + 0.499)), min(size[1], round(y1 * sy + 0.499)))

    lines = []
    for line in layer.lines:
        words = [Word(text, 1.0, pixels(box)) for text, box in line.words]
        bbox = (min(w.bbox[0] for w in words), min(w.bbox[1] for w in words),
                max(w.bbox[2] for w in words), max(w.bbox[3] for w in words))
        lines.append(Line(words=words, bbox=bbox, block=line.block))
    resolution = round(size[0] * POINTS_PER_INCH / layer.width) if layer.width else dpi
    return PageText(page=page, width=size[0], height=size[1], lines=lines, dpi=resolution,
                    engine="pdftotext", seconds=0.0, source_width=size[0], source_height=size[1])


class TextLayerEngine:
    """The second OCR engine (ocr/engine.py): a PDF page's own text layer, in the pixels of its rasterized image.

    It reads the file, not the picture, so the page is not preprocessed (its
    boxes match the raster as it is). A page with no text layer, or whose
    file is not at hand (an image, a page image taken from the bucket), gives
    no words and the flag ``no_text_layer``: nothing is guessed.
    """

    name = "textlayer"
    preprocess = False

    def recognize(self, page: PageInput) -> PageText:
        size = (page.image.width, page.image.height)
        layer = None
        if page.source is not None and page.source_kind == "pdf":
            layer = pdf_text_layer(page.source, page.page, timeout=page.timeout)
        if layer is None:
            return PageText(page=page.page, width=size[0], height=size[1], engine="pdftotext", seconds=0.0,
                            source_width=size[0], source_height=size[1], flags=["no_text_layer"])
        return text_page(layer, page.page, size=size)
