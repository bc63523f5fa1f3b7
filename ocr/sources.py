"""From a scanned file to page images: detect the type, count pages, rasterize one page.

Pages are produced one at a time (``page_image(path, kind, n)``) rather than as a
list, so a 1,000-page register never holds more than one page in memory, and so
the queue can hand different pages of one file to different workers.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import filetype
from pdf2image import convert_from_path, pdfinfo_from_path
from pdf2image.exceptions import PDFInfoNotInstalledError, PDFPageCountError, PDFPopplerTimeoutError, PDFSyntaxError
from PIL import Image

from sohoa.errors import BadInput, DependencyUnavailable, LimitExceeded


_MIME_TO_KIND = {
    "application/pdf": "pdf",
    "image/tiff": "tiff",
    "image/jpeg": "jpeg",
    "image/png": "png",
}


def detect_kind(head: bytes) -> str:
    """The file's type from its first bytes, whatever its name says.

    Raises ``BadInput`` for empty or unsupported files, naming what was found
    so the clerk knows what to re-export.
    """
    if not head:
        raise BadInput("empty file (0 bytes)")
    # Some PDF writers put junk before the header; readers accept it within 1 KiB.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    guess = filetype.guess(head)
    if guess is None:
        raise BadInput("unsupported file type: unrecognised content (expected PDF, TIFF, JPEG or PNG)")
    kind = _MIME_TO_KIND.get(guess.mime)
    if kind is None:
        raise BadInput(f"unsupported file type: {guess.mime} (expected PDF, TIFF, JPEG or PNG)")
    return kind


@dataclass(frozen=True)
class SourceInfo:
    kind: str
    pages: int
    # PDF page sizes in points, to refuse oversized pages before rasterizing them.
    page_size_pt: tuple[float, float] | None = None
    encrypted: bool = False


_PAGE_SIZE = re.compile(r"([\d.]+) x ([\d.]+) pts")


def _pdf_info(path: Path) -> dict:
    try:
        return pdfinfo_from_path(str(path), timeout=60)
    except PDFInfoNotInstalledError as exc:
        raise DependencyUnavailable("poppler's pdfinfo is not installed") from exc
    except PDFPopplerTimeoutError as exc:
        raise BadInput("PDF could not be read within 60 s (damaged or pathological file)") from exc
    except (PDFPageCountError, PDFSyntaxError) as exc:
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise BadInput("PDF is password-protected") from exc
        if "invalid page count 0" in text:
            raise BadInput("PDF has no pages") from exc
        raise BadInput("PDF is damaged or truncated: " + _first_line(str(exc))) from exc


def _first_line(text: str) -> str:
    """The most telling line of poppler's output (pdf2image puts a generic one first)."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    specific = [ln for ln in lines if not ln.startswith("Unable to get page count")]
    return (specific or lines or ["no detail"])[0][:200]


def inspect(path: Path, kind: str, max_pages: int) -> SourceInfo:
    """Count the pages of a file of a known kind, refusing files sohoa cannot read."""
    if kind == "pdf":
        info = _pdf_info(path)
        pages = int(info.get("Pages", 0) or 0)
        if pages == 0:
            raise BadInput("PDF has no pages")
        size = None
        m = _PAGE_SIZE.search(str(info.get("Page size", "")))
        if m:
            size = (float(m.group(1)), float(m.group(2)))
        encrypted = str(info.get("Encrypted", "no")).startswith("yes")
    elif kind in ("tiff", "jpeg", "png"):
        pages = _image_frames(path)
        size, encrypted = None, False
    else:
        raise BadInput(f"unsupported file type: {kind}")
    if pages > max_pages:
        raise LimitExceeded(f"{pages} pages exceeds the limit of {max_pages}")
    return SourceInfo(kind=kind, pages=pages, page_size_pt=size, encrypted=encrypted)


def _open_image(path: Path) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise LimitExceeded(f"image exceeds the pixel limit: {exc}") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise BadInput(f"image cannot be decoded: {exc}") from exc


def _image_frames(path: Path) -> int:
    with _open_image(path) as img:
        return getattr(img, "n_frames", 1)


def set_pixel_limit(max_pixels: int) -> None:
    """Pillow refuses images above this many pixels (decompression bombs)."""
    # Pillow warns above the limit and raises above twice it; we treat the
    # warning as an error too (see _open_image), so the limit is exact.
    Image.MAX_IMAGE_PIXELS = max_pixels


def page_image(path: Path, info: SourceInfo, page: int, dpi: int, max_pixels: int) -> Image.Image:
    """Page ``page`` (1-based) of the file as an RGB or greyscale image.

    PDF pages are rasterized at ``dpi``; image files keep their own resolution,
    recorded in ``image.info['dpi']`` when the scanner wrote it.
    """
    if not 1 <= page <= info.pages:
        raise BadInput(f"page {page} out of range 1..{info.pages}")
    if info.kind == "pdf":
        return rasterize_pdf_page(path, page, dpi, max_pixels, info.page_size_pt)
    return image_frame(path, page)


def rasterize_pdf_page(path: Path, page: int, dpi: int, max_pixels: int,
                       page_size_pt: tuple[float, float] | None = None) -> Image.Image:
    if page_size_pt:
        w, h = (round(v / 72 * dpi) for v in page_size_pt)
        if w * h > max_pixels:
            raise LimitExceeded(f"page {page} would be {w}x{h} pixels at {dpi} dpi, over the limit of {max_pixels}")
    try:
        images = convert_from_path(str(path), dpi=dpi, first_page=page, last_page=page, timeout=300)
    except PDFPopplerTimeoutError as exc:
        raise LimitExceeded(f"page {page} took over 300 s to rasterize") from exc
    except (PDFPageCountError, PDFSyntaxError) as exc:
        raise BadInput(f"page {page} cannot be rasterized: {_first_line(str(exc))}") from exc
    if not images:
        raise BadInput(f"page {page} rasterized to nothing (damaged page)")
    image = images[0]
    image.info["dpi"] = (dpi, dpi)
    return image


def image_frame(path: Path, page: int) -> Image.Image:
    """Frame ``page`` (1-based) of a TIFF, or the single image of a JPEG/PNG."""
    with _open_image(path) as img:
        try:
            img.seek(page - 1)
            frame = img.copy()
            frame.load()
        except EOFError as exc:
            raise BadInput(f"frame {page} is missing") from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise BadInput(f"frame {page} cannot be decoded: {exc}") from exc
        dpi = img.info.get("dpi")
    if frame.mode not in ("RGB", "L"):
        frame = frame.convert("RGB") if frame.mode in ("RGBA", "P", "CMYK", "LA") else frame.convert("L")
    if dpi:
        frame.info["dpi"] = tuple(round(float(v)) for v in dpi)
    return frame
